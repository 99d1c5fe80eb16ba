"""`pipeline bench`: throughput, unchanged-rerun time and peak memory of the nightly job.

Why these figures: the job's cost must stay a small multiple of merely reading the PDFs (the
ratio to bare pdfplumber text extraction of the same files, measured in the same run), an
unchanged inbox must cost almost nothing (hash + lookup), and memory must stay bounded.

Inputs: N text-layer PDFs made from the corpus PDFs (``corpus/*.pdf`` next to the CWD or the
package), each copy made unique by a trailing PDF comment, so every file is new to the store.
Without corpus PDFs, small PDFs are drawn with reportlab. Each `pipeline run` is a real
subprocess (start-up included); peak memory is the largest RSS of any process (getrusage).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Optional

GOAL_RATIO, GOAL_RERUN_S, GOAL_PEAK_MB = 3.0, 3.0, 600.0


def _corpus_pdfs() -> list[Path]:
    for folder in (Path.cwd() / "corpus", Path(__file__).resolve().parents[1] / "corpus"):
        pdfs = sorted(folder.glob("*.pdf"))
        if pdfs:
            return pdfs
    return []


def _draw_pdf(path: Path, i: int) -> None:
    """Fallback input: a one-page Kế hoạch drawn with reportlab and a Unicode TTF font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = "Helvetica"
    for candidate in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                      "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"):
        if os.path.exists(candidate):
            pdfmetrics.registerFont(TTFont("BenchFont", candidate))
            font = "BenchFont"
            break
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(font, 11)
    lines = ["ĐẢNG BỘ PHƯỜNG AN HÒA", f"Số: {i}-KH/ĐU", f"An Hòa, ngày {1 + i % 27} tháng 3 năm 2025", "",
             "KẾ HOẠCH", f"Tổ chức phong trào thi đua lần thứ {i}", "",
             f"Các chi bộ gửi báo cáo về Đảng ủy trước ngày {1 + i % 27}/04/2025.",
             "Mỗi chi bộ đăng ký ít nhất 01 mô hình “Dân vận khéo”."]
    y = 800
    for line in lines:
        c.drawString(60, y, line)
        y -= 18
    c.save()


def make_inputs(folder: Path, count: int) -> str:
    """``count`` distinct PDFs in ``folder``; returns a one-line description of where they came from."""
    folder.mkdir(parents=True, exist_ok=True)
    bases = _corpus_pdfs()
    for i in range(count):
        target = folder / f"bench-{i:04d}.pdf"
        if bases:
            data = bases[i % len(bases)].read_bytes()
            target.write_bytes(data + f"\n%pipeline-bench copy {i}\n".encode("ascii"))
        else:
            _draw_pdf(target, i)
    if bases:
        return f"copies of {len(bases)} corpus PDFs, each made unique"
    return "PDFs drawn with reportlab"


def bare_pdfplumber(files: list[Path]) -> float:
    """Seconds to open every file with pdfplumber and extract the text of every page, in this process."""
    import pdfplumber

    started = time.perf_counter()
    for path in files:
        try:
            with pdfplumber.open(path) as pdf:
                for page in pdf.pages:
                    page.extract_text()
        except Exception:  # noqa: BLE001 - a bad input costs the baseline as little as it costs us
            pass
    return time.perf_counter() - started


def _link_all(files: list[Path], inbox: Path) -> None:
    inbox.mkdir(parents=True, exist_ok=True)
    for f in files:
        dest = inbox / f.name
        try:
            os.link(f, dest)
        except OSError:
            shutil.copy2(f, dest)


def _pipeline_run(inbox: Path, data: Path, out: Path, workers: int) -> tuple[float, int, str]:
    cmd = [sys.executable, "-m", "pipeline", "run", "--inbox", str(inbox), "--data", str(data), "--out", str(out),
           "--workers", str(workers), "--no-report"]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).resolve().parents[1]),
                                                      env.get("PYTHONPATH")]))
    started = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    last = [line for line in done.stderr.splitlines() if "pipeline.batch: run " in line]
    return elapsed, done.returncode, (last[-1].split("pipeline.batch: ", 1)[1] if last else done.stderr[-300:])


def _peak_mb() -> tuple[float, float]:
    """(largest RSS of any finished child process, RSS of this process) in MB."""
    per_mb = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KB on Linux
    return (resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / per_mb,
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / per_mb)


def run_bench(count: int, workers: list[int], root: Path) -> dict[str, Any]:
    src = root / "inputs"
    origin = make_inputs(src, count)
    files = sorted(src.glob("*.pdf"))
    results: dict[str, Any] = {"files": count, "inputs": origin, "cores": os.cpu_count(), "runs": {}}
    print(f"pipeline bench: {count} text-layer PDF files ({origin})", flush=True)
    bare = bare_pdfplumber(files)
    results["bare_seconds"] = round(bare, 2)
    print(f"  bare pdfplumber text extraction: {bare:.1f} s", flush=True)
    for w in workers:
        run_dir = root / f"run-w{w}"
        shutil.rmtree(run_dir, ignore_errors=True)
        _link_all(files, run_dir / "inbox")
        elapsed, code, line = _pipeline_run(run_dir / "inbox", run_dir / "data", run_dir / "out", w)
        results["runs"][w] = {"seconds": round(elapsed, 2), "exit_code": code, "summary": line}
        print(f"  pipeline run --workers {w}: {elapsed:.1f} s (exit {code}; {line})", flush=True)
    first = root / f"run-w{workers[0]}"
    _link_all(files, first / "inbox")  # the same files dropped again
    rerun, code, line = _pipeline_run(first / "inbox", first / "data", first / "out", workers[0])
    results["rerun_seconds"], results["rerun_summary"] = round(rerun, 2), line
    print(f"  unchanged rerun: {rerun:.2f} s (exit {code}; {line})", flush=True)
    results["peak_child_mb"], results["peak_self_mb"] = (round(x, 1) for x in _peak_mb())
    try:  # figures from a busy machine are pessimistic: say how busy it was
        results["load_average"] = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        results["load_average"] = None
    return results


def format_table(r: dict[str, Any]) -> str:
    n, bare = r["files"], r["bare_seconds"]
    rows = [("measure", "seconds", "files/s", "figure", "goal"),
            ("bare pdfplumber extract_text", f"{bare:.1f}", f"{n / bare:.1f}" if bare else "-", "1.00x", "")]
    for w, run in r["runs"].items():
        ratio = run["seconds"] / bare if bare else float("nan")
        goal = f"<= {GOAL_RATIO:.0f}x {'met' if ratio <= GOAL_RATIO else 'MISSED'}" if int(w) == 1 else ""
        rows.append((f"pipeline run, {w} worker(s)", f"{run['seconds']:.1f}", f"{n / run['seconds']:.1f}",
                     f"{ratio:.2f}x", goal))
    rr = r["rerun_seconds"]
    rows.append((f"unchanged rerun ({n} files)", f"{rr:.2f}", "", "",
                 f"< {GOAL_RERUN_S:.0f} s {'met' if rr < GOAL_RERUN_S else 'MISSED'}"))
    peak = max(r["peak_child_mb"], r["peak_self_mb"])
    rows.append(("peak memory (largest process)", "", "", f"{peak:.0f} MB",
                 f"< {GOAL_PEAK_MB:.0f} MB {'met' if peak < GOAL_PEAK_MB else 'MISSED'}"))
    widths = [max(len(str(row[i])) for row in rows) for i in range(5)]
    lines = ["  ".join(str(c).ljust(widths[i]) if i == 0 else str(c).rjust(widths[i]) for i, c in enumerate(row))
             for row in rows]
    lines.insert(1, "-" * len(lines[0]))
    if r.get("load_average"):
        lines.append(f"(machine: {r.get('cores')} cores, load average {r['load_average'][0]:.1f} at the end)")
    return "\n".join(lines)


GOAL_EXTRACT_S, GOAL_STARTUP_S = 1.0, 1.5


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def extract_bench(repeat: int = 5) -> dict[str, Any]:
    """Latency of one document: CLI start-up, and extraction of the longest corpus plan after start-up.

    Start-up is `pipeline extract --help` in a fresh interpreter (heavy libraries must load lazily);
    extraction is measured in this process after one warm-up call (underthesea and spaCy loaded once),
    next to bare pdfplumber text extraction of the same file in the same run.
    """
    from .files import extract_file

    startup = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pipeline", "extract", "--help"], capture_output=True, check=True)
        startup.append(time.perf_counter() - started)
    pdfs = _corpus_pdfs()
    if not pdfs:
        return {"startup_seconds": round(_median(startup), 3)}
    import pdfplumber

    def pages(path: Path) -> int:
        with pdfplumber.open(path) as pdf:
            return len(pdf.pages)

    target = max(pdfs, key=lambda p: (pages(p), p.stat().st_size))
    extract_file(target)  # warm-up: loads the NLP models once, as a long-running batch does
    ours, bare = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        extract_file(target)
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        bare_pdfplumber([target])
        bare.append(time.perf_counter() - started)
    return {"file": target.name, "pages": pages(target), "startup_seconds": round(_median(startup), 3),
            "extract_seconds": round(_median(ours), 3), "bare_seconds": round(_median(bare), 3)}


def format_extract(r: dict[str, Any]) -> str:
    lines = [f"start-up (pipeline extract --help): {r['startup_seconds']:.2f} s "
             f"(goal < {GOAL_STARTUP_S} s: {'met' if r['startup_seconds'] < GOAL_STARTUP_S else 'MISSED'})"]
    if "extract_seconds" in r:
        ratio = r["extract_seconds"] / r["bare_seconds"] if r["bare_seconds"] else float("nan")
        lines.append(f"extraction of {r['file']} ({r['pages']} pages) after start-up: {r['extract_seconds']:.2f} s "
                     f"(goal < {GOAL_EXTRACT_S} s: {'met' if r['extract_seconds'] < GOAL_EXTRACT_S else 'MISSED'}); "
                     f"bare pdfplumber text {r['bare_seconds']:.2f} s, ratio {ratio:.1f}x")
    return "\n".join(lines)


def worker_counts(args: argparse.Namespace) -> Optional[list[int]]:
    """``--workers 1,2`` as numbers; None (after one line on stderr) when it or ``--files`` is unusable."""
    try:
        workers = [int(w) for w in str(args.workers).split(",") if w.strip()]
    except ValueError:
        print(f"pipeline bench: --workers wants numbers like 1,2 (got {args.workers!r})", file=sys.stderr)
        return None
    if args.files < 1 or not workers or min(workers) < 1:
        print("pipeline bench: --files and --workers must be positive", file=sys.stderr)
        return None
    return workers


def show_and_save(table: str, results: dict[str, Any], name: str) -> None:
    """Print the table; keep every figure in ``.bench/NAME`` (JSON) for the README and later comparisons."""
    print()
    print(table)
    out = Path(".bench") / name
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nfigures saved to {out}")


def main(args: argparse.Namespace) -> int:
    if getattr(args, "extract", False):
        result = extract_bench()
        print(format_extract(result))
        return 0
    workers = worker_counts(args)
    if workers is None:
        return 2
    root = Path(".bench") / time.strftime("%Y%m%d-%H%M%S")
    try:
        results = run_bench(args.files, workers, root)
    finally:
        if not getattr(args, "keep", False):
            shutil.rmtree(root, ignore_errors=True)
    show_and_save(format_table(results), results, "bench-results.json")
    failed = [w for w, run in results["runs"].items() if run["exit_code"] not in (0, 1)]
    return 2 if failed else 0


def _cli(argv: Optional[list[str]] = None) -> int:  # python -m pipeline.bench
    p = argparse.ArgumentParser(prog="pipeline bench")
    p.add_argument("--files", type=int, default=500)
    p.add_argument("--workers", default="1,2")
    p.add_argument("--keep", action="store_true")
    p.add_argument("--extract", action="store_true", help="only the single-document latency figures")
    return main(p.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(_cli())
