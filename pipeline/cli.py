"""The ``pipeline`` command: a thin, friendly skin over the library (argument parsing and printing only).

Start-up must stay fast (``pipeline extract --help`` < 1.5 s): heavy modules are imported inside
the command functions, never at module level.
"""
from __future__ import annotations

import argparse
import json
import logging
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
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=max(level, logging.DEBUG), format="%(asctime)s %(levelname)s %(name)s: %(message)s",
                        stream=sys.stderr)


def cmd_extract(args: argparse.Namespace) -> int:
    from .extract import extract_file, unreadable_record
    from .readers import ReadError

    status = EXIT_OK
    records = []
    for name in args.files:
        path = Path(name)
        try:
            record = extract_file(path, display_path=name).to_dict()
        except ReadError as err:
            status = EXIT_PARTIAL
            record = unreadable_record(path, name, err.reason)
            print(f"pipeline: {name}: {err.reason}", file=sys.stderr)
        except Exception as exc:  # noqa: BLE001 - a bug on one file must not hide the others' records
            reason = f"internal error while reading ({type(exc).__name__}: {str(exc)[:200]}); please report this file"
            status = EXIT_PARTIAL
            record = unreadable_record(path, name, reason)
            print(f"pipeline: {name}: {reason}", file=sys.stderr)
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


def cmd_run(args: argparse.Namespace) -> int:
    from .batch import run_batch

    return run_batch(inbox=Path(args.inbox), store_url=args.store, data_dir=Path(args.data), out_dir=Path(args.out),
                     workers=args.workers, report=not args.no_report, units_csv=args.units,
                     move=not getattr(args, "keep_inbox", False)).exit_code


def cmd_watch(args: argparse.Namespace) -> int:
    from .batch import watch

    return watch(inbox=Path(args.inbox), store_url=args.store, data_dir=Path(args.data), out_dir=Path(args.out),
                 workers=args.workers, settle_seconds=args.settle, units_csv=args.units,
                 move=not getattr(args, "keep_inbox", False))


def cmd_report(args: argparse.Namespace) -> int:
    from .outputs import ReportError, write_reports
    from .store import StoreError, default_store_url

    try:
        paths = write_reports(store_url=args.store or default_store_url(Path(args.data)), out_dir=Path(args.out),
                              units_csv=Path(args.units) if args.units else None)
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
    except StoreError as exc:
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


def cmd_export(args: argparse.Namespace) -> int:
    from .store import StoreError, default_store_url, export_table

    try:
        path = export_table(args.store or default_store_url(Path(args.data)), args.table, args.format,
                            Path(args.output) if args.output else None)
    except StoreError as exc:
        print(f"pipeline: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(path)
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
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

    p = sub.add_parser("run", help="process everything new in the inbox (the nightly job)",
                       description="Process every new or changed file in the inbox into the store, move it to "
                                   "processed/ or quarantine/, and write the reports.",
                       epilog="example:\n  pipeline run --inbox inbox --out out\n"
                              "exit status: 0 all good, 1 some files quarantined, 2 the run failed, "
                              "3 another run holds the lock",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--inbox", required=True, help="folder the clerks drop files into")
    store_options(p)
    p.add_argument("--out", default="out", help="folder for spreadsheets, calendar and run summaries (default: out)")
    p.add_argument("--workers", type=int, default=None, help="parallel worker processes (default: number of cores)")
    p.add_argument("--units", default=None, help="optional units.csv of expected units (for the compliance report)")
    p.add_argument("--no-report", action="store_true", help="do not write the reports at the end")
    p.add_argument("--keep-inbox", action="store_true",
                   help="leave files in the inbox (no move to processed/ or quarantine/); "
                        "they are recognised as unchanged by their hash next time")
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
    p.set_defaults(func=cmd_watch)

    p = sub.add_parser("report", help="write the spreadsheet, calendar and HTML page from the store",
                       description="Rewrite the reports (spreadsheet, calendar, HTML page) from what the store holds, "
                                   "without reading any input file.",
                       epilog="example:\n  pipeline report --data data --out out",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    store_options(p)
    p.add_argument("--out", default="out", help="folder the reports are written to (default: out)")
    p.add_argument("--units", default=None, help="optional units.csv of expected units")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("query", help="run a SQL query against the store",
                       description="Run one SQL statement against the store and print the result.",
                       epilog="example:\n  pipeline query \"select unit, count(*) from registrations group by unit\"",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("sql", metavar="SQL", help="the SQL statement (quote it)")
    store_options(p)
    p.add_argument("--format", choices=["table", "csv", "json"], default="table", help="output format (default: table)")
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("export", help="export one table of the store as CSV, Parquet or XLSX",
                       epilog="example:\n  pipeline export --table registrations --format csv -o registrations.csv",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--table", required=True, help="store table, e.g. documents, deadlines, registrations")
    p.add_argument("--format", choices=["csv", "parquet", "xlsx"], default="csv", help="file format (default: csv)")
    p.add_argument("-o", "--output", default=None, help="output file (default: out/<table>.<format>)")
    store_options(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("bench", help="measure reading, OCR and batch costs against bare tools (see README)",
                       description="Time pipeline extract against bare pdfplumber/pypdfium2 on text PDFs and against "
                                   "bare tesseract on page images; time full runs, the unchanged rerun and peak "
                                   "memory on generated inboxes.",
                       epilog="examples:\n  pipeline bench --only text,ocr\n  pipeline bench --only batch --files "
                              "100,400 --workers 2\n  pipeline bench --extract",
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
