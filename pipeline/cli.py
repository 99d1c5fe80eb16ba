"""The ``pipeline`` command: a thin, friendly skin over the library (argument parsing and printing only).

Start-up must stay fast (``pipeline extract --help`` < 1.5 s): heavy modules are imported inside
the command functions, never at module level.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from . import __version__

EXIT_OK, EXIT_PARTIAL, EXIT_FAILED = 0, 1, 2

EPILOG_EXTRACT = """examples:
  pipeline extract inbox/kh-344.pdf --format json
  pipeline extract corpus/*.docx --format summary
exit status: 0 read, 1 at least one file could not be read (reason in "warnings"), 2 usage error"""

EPILOG_MAIN = """examples:
  pipeline extract inbox/kh-344.pdf --format summary
  pipeline run --inbox inbox --data data --out out
  pipeline query "select kind, number, issued_on from documents"
Run "pipeline COMMAND --help" for the options and an example of each command."""


def _setup_logging(verbose: int) -> None:
    from .names import one_line_formatter

    level = logging.WARNING - 10 * verbose
    fmt = "%(asctime)s %(levelname)s %(name)s: %(message)s"
    logging.basicConfig(level=max(level, logging.DEBUG), format=fmt, stream=sys.stderr)
    for handler in logging.getLogger().handlers:  # a name with a newline must not forge a log line
        handler.setFormatter(one_line_formatter(fmt))  # type: ignore[arg-type]


def cmd_extract(args: argparse.Namespace) -> int:
    from .files import extract_file, unreadable_record
    from .names import shown, store_form
    from .readers import ReadError

    status = EXIT_OK
    records = []
    for name in args.files:
        path = Path(name)
        display = store_form(name)  # bytes that are not UTF-8 cannot go into JSON as they are
        try:
            record = extract_file(path, display_path=display).to_dict()
        except ReadError as err:
            status = EXIT_PARTIAL
            record = unreadable_record(path, display, err.reason)
            print(f"pipeline: {shown(name)}: {shown(err.reason)}", file=sys.stderr)
        except Exception as exc:  # noqa: BLE001 - a bug on one file must not hide the others' records
            reason = f"internal error while reading ({type(exc).__name__}: {str(exc)[:200]}); please report this file"
            status = EXIT_PARTIAL
            record = unreadable_record(path, display, reason)
            print(f"pipeline: {shown(name)}: {shown(reason)}", file=sys.stderr)
        records.append(record)
    if args.format == "json":
        payload = records[0] if len(records) == 1 else records
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=None if args.compact else 2)
        sys.stdout.write("\n")
    else:
        for rec in records:
            _print_summary(rec)
    return status


def _print_summary(rec: dict) -> None:
    doc, src = rec["document"], rec["source"]
    print(f"{src['path']}  [{src['format']}, {src['pages'] or '-'} pages{', OCR' if src.get('ocr') else ''}]")
    print(f"  {doc['kind']}: {doc.get('number') or '-'}  {doc.get('issuer') or '-'}  {doc.get('issued_on') or '-'}")
    if doc.get("title"):
        print(f"  title: {doc['title']}")
    for d in rec["deadlines"]:
        print(f"  deadline {d['due'] or '?'}: {d['text'][:100]}")
    for m in rec["milestones"]:
        print(f"  milestone {m['start']}..{m['end']}: {m['text'][:90]}")
    for q in rec["quotas"]:
        print(f"  quota {q['subject']}: >= {q['minimum']} {q['item'] or ''}")
    for r in rec["references"]:
        print(f"  cites {r['kind'] or ''} {r['number'] or '-'} {r['date'] or ''}")
    if rec["registrations"]:
        print(f"  registrations: {len(rec['registrations'])} rows")
    for w in rec["warnings"]:
        print(f"  warning: {w}")


def _units_ok(args: argparse.Namespace) -> bool:
    """A mistyped --units path is an error before anything runs, not a warning after."""
    units = getattr(args, "units", None)
    if units and not Path(units).is_file():
        print(f"pipeline: --units {units}: no such file (a CSV with the header don_vi,loai)", file=sys.stderr)
        return False
    return True
def _limits(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from .workers import Limits

    return Limits.resolve(args.time_limit, args.memory_limit)


def _cluster(args: argparse.Namespace) -> dict:
    from .cluster import cluster_address

    shared = args.shared_inbox or os.environ.get("PIPELINE_SHARED_INBOX") or None
    return {"cluster": cluster_address(args.cluster), "shared_inbox": Path(shared) if shared else None}


def cmd_run(args: argparse.Namespace) -> int:
    from .batch import run_batch
    from .reports.summary import run_summary_text

    if not _units_ok(args):
        return EXIT_FAILED
    result = run_batch(inbox=Path(args.inbox), store_url=args.store, data_dir=Path(args.data), out_dir=Path(args.out),
                       workers=args.workers, report=not args.no_report, units_csv=args.units,
                       move=not getattr(args, "keep_inbox", False), year=args.year, limits=_limits(args),
                       **_cluster(args))
    if result.summary:
        print(run_summary_text(result.summary, result.reports, result.summary_path, asked=not args.no_report))
    return result.exit_code


def cmd_watch(args: argparse.Namespace) -> int:
    from .batch import watch

    if not _units_ok(args):
        return EXIT_FAILED
    return watch(inbox=Path(args.inbox), store_url=args.store, data_dir=Path(args.data), out_dir=Path(args.out),
                 workers=args.workers, settle_seconds=args.settle, units_csv=args.units,
                 move=not getattr(args, "keep_inbox", False), limits=_limits(args), **_cluster(args))


def cmd_report(args: argparse.Namespace) -> int:
    from .outputs import ReportError, write_reports
    from .store import StoreError, default_store_url

    if not _units_ok(args):
        return EXIT_FAILED
    try:
        paths = write_reports(store_url=args.store or default_store_url(Path(args.data)), out_dir=Path(args.out),
                              units_csv=Path(args.units) if args.units else None, year=args.year)
    except (StoreError, ReportError, OSError) as exc:  # bad URL, server down, folder not writable: one line
        print(f"pipeline: reports not written: {exc}", file=sys.stderr)
        return EXIT_FAILED
    for p in paths:
        print(p)
    return EXIT_OK


def cmd_query(args: argparse.Namespace) -> int:
    from .store import StoreError, default_store_url, query

    try:
        frame = query(args.store or default_store_url(Path(args.data)), args.sql)
    except StoreError as exc:  # a refused write included: one line, exit 2, the store unchanged
        print(f"pipeline: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if args.format == "csv":
        frame.to_csv(sys.stdout, index=False)
    elif args.format == "json":
        sys.stdout.write(frame.to_json(orient="records", force_ascii=False, date_format="iso") + "\n")
    else:
        import pandas

        with pandas.option_context("display.max_rows", 500, "display.width", 200):
            print(frame.to_string(index=False))
    return EXIT_OK


def cmd_tables(args: argparse.Namespace) -> int:
    from .readonly import describe_tables
    from .store import StoreError, default_store_url

    try:
        tables = describe_tables(args.store or default_store_url(Path(args.data)), internal=args.all)
    except StoreError as exc:
        print(f"pipeline: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if args.json:
        json.dump(tables, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    for t in tables:
        print(f"{t['table']}  ({t['rows']} rows)")
        width = max((len(c["name"]) for c in t["columns"]), default=0)
        type_width = max((len(c["type"]) for c in t["columns"]), default=0)
        for c in t["columns"]:
            notes = ", ".join(n for n, on in (("primary key", c["primary_key"]),
                                               ("not null", not c["nullable"] and not c["primary_key"])) if on)
            print(f"  {c['name']:<{width}}  {c['type']:<{type_width}}  {notes}".rstrip())
        print()
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from .reports.exports import export_table
    from .store import StoreError, default_store_url

    try:
        path = export_table(args.store or default_store_url(Path(args.data)), args.table, args.format,
                            Path(args.output) if args.output else None, raw=args.raw, all_rows=args.all)
    except StoreError as exc:
        print(f"pipeline: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(path)
    return EXIT_OK


def cmd_review_apply(args: argparse.Namespace) -> int:
    from .reports.answers import AnswerError, apply_workbook
    from .store import StoreError, default_store_url

    url = args.store or default_store_url(Path(args.data))
    try:
        added, notes = apply_workbook(url, Path(args.file))
    except (AnswerError, StoreError) as exc:
        print(f"pipeline: {exc}", file=sys.stderr)
        return EXIT_FAILED
    for note in notes:
        print(f"pipeline: {note}", file=sys.stderr)
    print(f"Đã ghi {added['corrections']} câu trả lời kiểm tra và {added['done']} đánh dấu hoàn thành từ {args.file}.")
    return _rewrite_reports(args, url)


def cmd_done(args: argparse.Namespace) -> int:
    from .reports.answers import AnswerError, mark_done
    from .store import StoreError, default_store_url

    url = args.store or default_store_url(Path(args.data))
    try:
        added = mark_done(url, args.ids, done=not args.undo)
    except (AnswerError, StoreError) as exc:
        print(f"pipeline: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"Đã {'bỏ đánh dấu' if args.undo else 'đánh dấu hoàn thành'} {len(args.ids)} hạn chót "
          f"({added['done']} thay đổi).")
    return _rewrite_reports(args, url)


def _rewrite_reports(args: argparse.Namespace, url: str) -> int:
    """After answers given on the command line, the reports show them at once (unless --no-report)."""
    if args.no_report:
        return EXIT_OK
    from .outputs import ReportError, write_reports
    from .store import StoreError

    if not _units_ok(args):
        return EXIT_FAILED
    try:
        write_reports(store_url=url, out_dir=Path(args.out), units_csv=Path(args.units) if args.units else None)
    except (StoreError, ReportError, OSError) as exc:
        print(f"pipeline: reports not written: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"Đã lập lại báo cáo trong {args.out}.")
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    if args.cluster:
        from .bench_cluster import main as cluster_bench

        try:
            args.files = int(args.files or 120)
        except ValueError:
            print(f"pipeline bench --cluster: --files wants one number (got {args.files!r})", file=sys.stderr)
            return 2
        return cluster_bench(args)
    from .bench import main as bench_main

    return bench_main(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pipeline",
        description="Turn Vietnamese official circulars and filled registration forms into a queryable store, "
                    "a consolidated spreadsheet and a deadline calendar.",
        epilog=EPILOG_MAIN, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"pipeline {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("extract", help="read files and print their extraction records",
                       description="Read each FILE (PDF, DOCX, XLSX, text, scan) and print its extraction record.",
                       epilog=EPILOG_EXTRACT, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="+", metavar="FILE", help="input file(s); the format is recognised from the content")
    p.add_argument("--format", choices=["json", "summary"], default="json", help="output format (default: json)")
    p.add_argument("--compact", action="store_true", help="JSON on one line")
    p.set_defaults(func=cmd_extract)

    def store_options(q: argparse.ArgumentParser) -> None:
        q.add_argument("--store", default=None,
                       help="SQLAlchemy URL of the store (default: sqlite file under --data); "
                            "e.g. postgresql://user@host/dbname")
        q.add_argument("--data", default="data", help="data folder: store, processed/, quarantine/ (default: data)")

    def limit_options(q: argparse.ArgumentParser) -> None:
        q.add_argument("--time-limit", type=float, default=None, metavar="SECONDS",
                       help="seconds one file may take to read (default: $PIPELINE_TIME_LIMIT or 120); "
                            "a file over it is quarantined and not read again until it changes")
        q.add_argument("--memory-limit", type=int, default=None, metavar="MB",
                       help="memory one file may take to read (default: $PIPELINE_MEMORY_LIMIT_MB or 1024)")

    def cluster_options(q: argparse.ArgumentParser) -> None:
        q.add_argument("--cluster", default=None, metavar="tcp://HOST:8786",
                       help="read the files on this Dask cluster (default: $PIPELINE_CLUSTER; 'local' or unset: "
                            "worker processes on this machine); exit 2 if it cannot be reached")
        q.add_argument("--shared-inbox", default=None, metavar="DIR",
                       help="the inbox as the cluster's workers mount it (default: $PIPELINE_SHARED_INBOX; "
                            "unset: each file is sent to its worker)")

    p = sub.add_parser("run", help="process everything new in the inbox (the nightly job)",
                       description="Process every new or changed file in the inbox into the store, move it to "
                                   "processed/ or quarantine/, and write the reports.",
                       epilog="example:\n  pipeline run --inbox inbox --out out\n"
                              "exit status: 0 all good, 1 some files quarantined, 2 the run failed, "
                              "3 another run holds the lock, 4 stopped by SIGTERM/Ctrl-C (the files in hand "
                              "were finished)",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--inbox", required=True, help="folder the clerks drop files into")
    store_options(p)
    p.add_argument("--out", default="out", help="folder for spreadsheets, calendar and run summaries (default: out)")
    p.add_argument("--workers", type=int, default=None,
                   help="parallel worker processes (default: number of cores; not used with --cluster)")
    p.add_argument("--units", default=None, help="optional units.csv of expected units (for the compliance report)")
    p.add_argument("--year", type=int, default=None, help="campaign year the main sheets show (default: the latest)")
    p.add_argument("--no-report", action="store_true", help="do not write the reports at the end")
    p.add_argument("--keep-inbox", action="store_true",
                   help="leave files in the inbox (no move to processed/ or quarantine/); "
                        "they are recognised as unchanged by their hash next time")
    limit_options(p)
    cluster_options(p)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("watch", help="run the job whenever files arrive in the inbox",
                       description="Stay running and process the inbox (like 'pipeline run') each time files "
                                   "arrive and have stopped growing. Stop with Ctrl-C.",
                       epilog="example:\n  pipeline watch --inbox inbox --out out",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--inbox", required=True, help="folder the clerks drop files into")
    store_options(p)
    p.add_argument("--out", default="out", help="folder for spreadsheets, calendar and run summaries (default: out)")
    p.add_argument("--workers", type=int, default=None, help="parallel worker processes (default: number of cores)")
    p.add_argument("--units", default=None, help="optional units.csv of expected units (for the compliance report)")
    p.add_argument("--settle", type=float, default=2.0, help="seconds a file must stop growing before it is read")
    p.add_argument("--keep-inbox", action="store_true", help="leave files in the inbox (see run --help)")
    limit_options(p)
    cluster_options(p)
    p.set_defaults(func=cmd_watch)

    p = sub.add_parser("report", help="write the spreadsheet, calendar and HTML page from the store",
                       description="Rewrite the reports (spreadsheet, calendar, HTML page) from what the store holds, "
                                   "without reading any input file.",
                       epilog="example:\n  pipeline report --data data --out out",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    store_options(p)
    p.add_argument("--out", default="out", help="folder the reports are written to (default: out)")
    p.add_argument("--units", default=None, help="optional units.csv of expected units")
    p.add_argument("--year", type=int, default=None, help="campaign year the main sheets show (default: the latest)")
    p.set_defaults(func=cmd_report)

    def answer_options(q: argparse.ArgumentParser) -> None:
        store_options(q)
        q.add_argument("--out", default="out", help="folder the reports are rewritten to (default: out)")
        q.add_argument("--units", default=None, help="optional units.csv of expected units")
        q.add_argument("--no-report", action="store_true", help="only store the answers; do not rewrite the reports")

    p = sub.add_parser("review", help="apply the answers of a reviewed workbook",
                       description="Read the answers a reviewer gave in the workbook (sheet 'Cần kiểm tra', columns "
                                   "'Xác nhận' and 'Sửa thành'; column 'Đã hoàn thành' of sheet 'Hạn chót') and keep "
                                   "them for every later report. Dropping the workbook into the inbox does the same.",
                       epilog="example:\n  pipeline review apply out/tong-hop-dang-ky-mo-hinh.xlsx --data data",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    review = p.add_subparsers(dest="review_command", metavar="ACTION", required=True)
    q = review.add_parser("apply", help="store the answers of FILE",
                          epilog="example:\n  pipeline review apply tong-hop-dang-ky-mo-hinh.xlsx",
                          formatter_class=argparse.RawDescriptionHelpFormatter)
    q.add_argument("file", metavar="FILE", help="the answered workbook (tong-hop-dang-ky-mo-hinh.xlsx)")
    answer_options(q)
    q.set_defaults(func=cmd_review_apply)

    p = sub.add_parser("done", help="mark deadlines done (or not, with --undo)",
                       description="Mark deadlines done by their id (column 'Mã' of the 'Hạn chót' sheet, also in "
                                   "each calendar event). Done deadlines leave the overdue list.",
                       epilog="example:\n  pipeline done H-3f9a2c81b0 --data data",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("ids", nargs="+", metavar="ID", help="deadline id(s), e.g. H-3f9a2c81b0")
    p.add_argument("--undo", action="store_true", help="mark as not done")
    answer_options(p)
    p.set_defaults(func=cmd_done)

    p = sub.add_parser("query", help="run a read-only SQL query against the store",
                       description="Run one reading SQL statement (SELECT, WITH, a read-only PRAGMA or SHOW) "
                                   "against the store and print the result. The store is opened read-only: a "
                                   "statement that would change it is refused (exit status 2).",
                       epilog="example:\n  pipeline query \"select unit, count(*) from registrations group by unit\"\n"
                              "see the tables and columns with: pipeline tables",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("sql", metavar="SQL", help="the SQL statement (quote it)")
    store_options(p)
    p.add_argument("--format", choices=["table", "csv", "json"], default="table", help="output format (default: table)")
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("tables", help="list the store's tables, their columns and row counts",
                       description="List every table of the store with its columns (name, type, key) and "
                                   "its number of rows. Read-only.",
                       epilog="examples:\n  pipeline tables --data data\n  pipeline tables --json",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    store_options(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of the text listing")
    p.add_argument("--all", action="store_true", help="include internal tables (alembic_version)")
    p.set_defaults(func=cmd_tables)

    p = sub.add_parser("export", help="export one table of the store as CSV, Parquet or XLSX",
                       epilog="example:\n  pipeline export --table registrations --format csv -o registrations.csv",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--table", required=True, help="store table, e.g. documents, deadlines, registrations")
    p.add_argument("--format", choices=["csv", "parquet", "xlsx"], default="csv", help="file format (default: csv)")
    p.add_argument("-o", "--output", default=None, help="output file (default: out/<table>.<format>)")
    p.add_argument("--raw", action="store_true",
                   help="stored codes and values, every row (for tools); default: Vietnamese headers and labels")
    p.add_argument("--all", action="store_true", help="every row, also replaced ones (default: current rows)")
    store_options(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("bench", help="measure reading, OCR and batch costs against bare tools (see README)",
                       description="Time pipeline extract against bare pdfplumber/pypdfium2 on text PDFs and against "
                                   "bare tesseract on page images; time full runs, the unchanged rerun and peak "
                                   "memory on generated inboxes; with --cluster, the local pool against a Dask cluster.",
                       epilog="examples:\n  pipeline bench --only text,ocr\n  pipeline bench --only batch --files "
                              "100,400 --workers 2\n  pipeline bench --extract\n"
                              "  pipeline bench --cluster --files 120 --repeat 3",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    from .bench import add_arguments

    add_arguments(p)
    p.set_defaults(func=cmd_bench)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_FAILED
    _setup_logging(args.verbose)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("pipeline: interrupted", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - a clerk gets one line; -v shows the traceback for a bug report
        if args.verbose:
            raise
        print(f"pipeline {args.command}: failed: {type(exc).__name__}: {exc} (rerun with -v for details)",
              file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    raise SystemExit(main())
