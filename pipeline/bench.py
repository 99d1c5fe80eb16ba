"""`pipeline bench`: what reading, OCR and the nightly job cost, as ratios to bare tools in the same run.

Why ratios: absolute seconds depend on the machine and on what else runs on it; a ratio to a bare
tool measured on the same files, minutes apart, does not. Sections (``--only``):

* ``text``: pages/s of ``pipeline extract`` (one process, start-up included) over the text-layer PDFs
  we have (corpus, held-out sets, the real set), next to a bare pdfplumber script (``extract_text`` +
  ``extract_tables`` on every page) and bare pypdfium2 (``get_text_range``); best of ``--repeat``.
  Then where the time goes, in process: start-up, NLP models, reading and extraction per page.
* ``ocr``: seconds per page of ``pipeline extract`` on page images (the scanned test set, PDF pages
  rendered at 300 dpi) next to bare ``tesseract PAGE - -l vie``, both with ``OMP_THREAD_LIMIT=1``.
* ``batch``: N text-layer PDFs made from the corpus PDFs (``corpus/*.pdf`` next to the CWD or the
  package), each copy made unique by a trailing PDF comment, so every file is new to the store.
  Without corpus PDFs, small PDFs are drawn with reportlab. Each `pipeline run` is a real subprocess
  (start-up included); peak memory is the largest RSS of any process (getrusage). The unchanged
  rerun is reported against the first run. ``--files 100,400,1600`` runs one batch per size.
* ``rerun``: the nightly job on ``corpus/`` (with ``examples/units.csv`` and the reports) as a real
  subprocess, then the same job again with nothing new — once on the emptied inbox, once with every
  file dropped again — each against the first run, in wall and CPU seconds (start-up included).
* ``extract``: start-up and the latency of one long plan.
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


def _pipeline(args: list[str]) -> dict[str, Any]:
    """One ``pipeline`` subprocess: wall and CPU seconds, exit code, last summary line, peak RSS (MB) of the
    largest of it and its workers."""
    cmd = [sys.executable, "-m", "pipeline", *args]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).resolve().parents[1]),
                                                      env.get("PYTHONPATH")]))
    started = time.perf_counter()
    with subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) as proc:
        stderr = proc.stderr.read() if proc.stderr else ""
        # wait4: this run's own peak (its reaped workers included), not the largest of every run so far.
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - started
    per_mb = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KB on Linux
    last = [line for line in stderr.splitlines() if "pipeline.batch: run " in line]
    return {"seconds": round(elapsed, 2), "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
            "exit_code": proc.returncode, "peak_mb": round(usage.ru_maxrss / per_mb, 1),
            "summary": last[-1].split("pipeline.batch: ", 1)[1] if last else stderr[-300:]}


def _pipeline_run(inbox: Path, data: Path, out: Path, workers: int, report: bool = False) -> dict[str, Any]:
    return _pipeline(["run", "--inbox", str(inbox), "--data", str(data), "--out", str(out), "--workers", str(workers),
                      *([] if report else ["--no-report"])])


#: The baseline, in a subprocess like ours (in this process its memory would count as ours).
BARE_TEXT = """
import logging, sys
import pdfplumber
logging.getLogger("pdfminer").setLevel(logging.ERROR)
for name in sys.argv[1:]:
    try:
        with pdfplumber.open(name) as pdf:
            for page in pdf.pages:
                page.extract_text()
    except Exception:
        pass
"""


def run_bench(count: int, workers: list[int], root: Path, bare: bool = True) -> dict[str, Any]:
    """The nightly job on ``count`` distinct PDFs: each worker count, then the reports, then an unchanged rerun."""
    src = root / "inputs"
    origin = make_inputs(src, count)
    files = sorted(src.glob("*.pdf"))
    results: dict[str, Any] = {"files": count, "inputs": origin, "cores": os.cpu_count(), "runs": {},
                               "bare_seconds": None}
    print(f"pipeline bench: {count} text-layer PDF files ({origin})", flush=True)
    if bare:
        wall, _, _ = _timed([sys.executable, "-c", BARE_TEXT, *map(str, files)], _pipeline_env())
        results["bare_seconds"] = round(wall, 2)
        print(f"  bare pdfplumber text extraction: {wall:.1f} s", flush=True)
    for w in workers:
        run_dir = root / f"run-w{w}"
        shutil.rmtree(run_dir, ignore_errors=True)
        _link_all(files, run_dir / "inbox")
        run = results["runs"][w] = _pipeline_run(run_dir / "inbox", run_dir / "data", run_dir / "out", w)
        print(f"  pipeline run --workers {w}: {run['seconds']:.1f} s, peak {run['peak_mb']:.0f} MB "
              f"(exit {run['exit_code']}; {run['summary']})", flush=True)
    first = root / f"run-w{workers[0]}"
    report = results["report"] = _pipeline(["report", "--data", str(first / "data"), "--out", str(first / "out")])
    print(f"  pipeline report: {report['seconds']:.1f} s, peak {report['peak_mb']:.0f} MB", flush=True)
    _link_all(files, first / "inbox")  # the same files dropped again
    rerun = results["rerun"] = _pipeline_run(first / "inbox", first / "data", first / "out", workers[0], report=True)
    results["rerun_seconds"], results["rerun_summary"] = rerun["seconds"], rerun["summary"]
    print(f"  unchanged rerun (reports included): {rerun['seconds']:.2f} s (exit {rerun['exit_code']}; "
          f"{rerun['summary']})", flush=True)
    results["peak_child_mb"] = max([report["peak_mb"], rerun["peak_mb"]] +
                                   [run["peak_mb"] for run in results["runs"].values()])
    results["load_average"] = _load()
    return results


def format_table(r: dict[str, Any]) -> str:
    n, bare = r["files"], r.get("bare_seconds")
    rows = [("measure", "seconds", "files/s", "figure", "goal")]
    if bare:
        rows.append(("bare pdfplumber extract_text", f"{bare:.1f}", f"{n / bare:.1f}", "1.00x", ""))
    for w, run in r["runs"].items():
        ratio = run["seconds"] / bare if bare else None
        goal = f"<= {GOAL_RATIO:.0f}x {'met' if ratio <= GOAL_RATIO else 'MISSED'}" \
            if int(w) == 1 and ratio is not None else ""
        rows.append((f"pipeline run, {w} worker(s)", f"{run['seconds']:.1f}", f"{n / run['seconds']:.1f}",
                     f"{ratio:.2f}x" if ratio is not None else f"{1000 * run['seconds'] / n:.0f} ms/file", goal))
    if r.get("report"):
        rows.append(("pipeline report (workbook, calendar, page, exports)", f"{r['report']['seconds']:.1f}", "",
                     f"{r['report']['peak_mb']:.0f} MB", ""))
    rr = r["rerun_seconds"]
    first = next(iter(r["runs"].values()), {}).get("seconds") if r["runs"] else None
    rows.append((f"unchanged rerun ({n} files)", f"{rr:.2f}", "",
                 f"{rr / first:.3f}x first run" if first else "",
                 f"< {GOAL_RERUN_S:.0f} s {'met' if rr < GOAL_RERUN_S else 'MISSED'}"))
    peak = r["peak_child_mb"]
    rows.append(("peak memory (largest process)", "", "", f"{peak:.0f} MB",
                 f"< {GOAL_PEAK_MB:.0f} MB {'met' if peak < GOAL_PEAK_MB else 'MISSED'}"))
    lines = _columns(rows)
    if r.get("load_average"):
        lines.append(f"(machine: {r.get('cores')} cores, load average {r['load_average'][0]:.1f} at the end)")
    return "\n".join(lines)


def format_scale(batches: list[dict[str, Any]]) -> str:
    """Several batch sizes side by side: time per file against the smallest, memory per process kind."""
    if len(batches) < 2:
        return ""
    w = max(batches[0]["runs"])
    base = batches[0]["runs"][w]["seconds"] / batches[0]["files"]
    base_peak = max(b["peak_child_mb"] for b in batches[:1])
    rows = [("files", f"run s ({w} workers)", "ms/file", "vs first", "run peak MB", "report s", "report peak MB",
             "largest MB", "rerun s")]
    for b in batches:
        run = b["runs"][w]
        per = run["seconds"] / b["files"]
        rows.append((str(b["files"]), f"{run['seconds']:.1f}", f"{1000 * per:.0f}", f"{100 * (per / base - 1):+.0f}%",
                     f"{run['peak_mb']:.0f}", f"{b['report']['seconds']:.1f}", f"{b['report']['peak_mb']:.0f}",
                     f"{b['peak_child_mb']:.0f}", f"{b['rerun_seconds']:.2f}"))
    worst = max(abs(b["runs"][w]["seconds"] / b["files"] / base - 1) for b in batches)
    peaks = [b["peak_child_mb"] for b in batches]
    lines = [f"batches of distinct PDFs: time per file within {100 * worst:.0f}% of the first "
             f"(goal 20%: {'met' if worst <= GOAL_SCALE else 'MISSED'}); largest process {min(peaks):.0f}–"
             f"{max(peaks):.0f} MB (goal < {GOAL_SCALE_PEAK_MB:.0f} MB and flat: "
             f"{'met' if max(peaks) < GOAL_SCALE_PEAK_MB and max(peaks) <= 1.1 * base_peak else 'MISSED'})",
             *_columns(rows)]
    return "\n".join(lines)


GOAL_SCALE, GOAL_SCALE_PEAK_MB = 0.20, 300.0


# --------------------------------------------------------------------------- text-layer PDFs

GOAL_TEXT_RATIO = 0.40  # pipeline extract against bare pdfplumber, same pages
GOAL_OCR_RATIO = 1.25   # pipeline extract against bare tesseract, same page images

#: The bare scripts, run as subprocesses exactly like ``pipeline extract`` (imports included).
BARE_PDFPLUMBER = """
import logging, sys
import pdfplumber
logging.getLogger("pdfminer").setLevel(logging.ERROR)
for name in sys.argv[1:]:
    with pdfplumber.open(name) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()
"""
BARE_PDFIUM = """
import sys
import pypdfium2 as pdfium
for name in sys.argv[1:]:
    pdf = pdfium.PdfDocument(name)
    for page in pdf:
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    pdf.close()
"""


def _root() -> Path:
    return Path(__file__).resolve().parents[1]


def text_pdfs(folders: Optional[list[Path]] = None) -> list[Path]:
    """Every text-layer PDF we have: corpus, held-out sets and the real set (scans left out)."""
    import pypdfium2 as pdfium

    root = _root()
    if folders is None:
        folders = [root / "corpus", *sorted(root.glob("tests/heldout*")), root.parent / "shared" / "eval" / "real"]
    out: list[Path] = []
    for folder in folders:
        for path in sorted(folder.glob("*.pdf")):
            try:
                pdf = pdfium.PdfDocument(str(path))
            except pdfium.PdfiumError:
                continue
            try:
                textpage = pdf[0].get_textpage()
                has_text = textpage.count_chars() > 0
                textpage.close()
            finally:
                pdf.close()
            if has_text:
                out.append(path)
    return out


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def plan_pages(files: list[Path], pages: int) -> list[Path]:
    """The files in order, round after round, until at least ``pages`` pages (every file at least once).

    Start-up and model loading are paid once per process; a few hundred pages show the cost per page.
    """
    counts = {f: page_count(f) for f in files}
    plan: list[Path] = []
    total = 0
    while files and (total < pages or len(plan) < len(files)):
        for f in files:
            plan.append(f)
            total += counts[f]
            if total >= pages and len(plan) >= len(files):
                break
    return plan


def _timed(cmd: list[str], env: Optional[dict[str, str]] = None) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of the child processes, exit code) of one subprocess."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.returncode


def _pipeline_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_root()), env.get("PYTHONPATH")]))
    env.setdefault("OMP_THREAD_LIMIT", "1")
    return env


def text_bench(pages: int = 240, repeat: int = 3) -> dict[str, Any]:
    """pipeline extract vs bare pdfplumber vs bare pypdfium2 on the same text-layer PDFs (best of ``repeat``)."""
    files = text_pdfs()
    plan = plan_pages(files, pages)
    names = [str(p) for p in plan]
    total_pages = sum(page_count(p) for p in plan)
    env = _pipeline_env()
    commands = {
        "pdfplumber": [sys.executable, "-c", BARE_PDFPLUMBER, *names],
        "pypdfium2": [sys.executable, "-c", BARE_PDFIUM, *names],
        "pipeline": [sys.executable, "-m", "pipeline", "extract", *names, "--format", "json", "--compact"],
    }
    best: dict[str, float] = {}
    best_cpu: dict[str, float] = {}
    runs: dict[str, list[tuple[float, float]]] = {}
    codes: dict[str, int] = {}
    for _ in range(max(1, repeat)):  # interleaved: a busy moment hits every measure alike
        for key, cmd in commands.items():
            wall, cpu, code = _timed(cmd, env)
            best[key] = min(best.get(key, wall), wall)
            best_cpu[key] = min(best_cpu.get(key, cpu), cpu)
            runs.setdefault(key, []).append((round(wall, 3), round(cpu, 3)))
            codes[key] = code
    result: dict[str, Any] = {"distinct_files": len(files), "files": len(plan), "pages": total_pages,
                              "repeat": repeat, "seconds": {k: round(v, 3) for k, v in best.items()},
                              "cpu_seconds": {k: round(v, 3) for k, v in best_cpu.items()}, "runs": runs,
                              "exit_codes": codes, "load_average": _load()}
    result["phases"] = text_phases(files)
    return result


def _load() -> Optional[list[float]]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def text_phases(files: list[Path]) -> dict[str, Any]:
    """Where ``pipeline extract``'s time goes, measured in this process on each file once."""
    startup = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pipeline", "extract", "--help"], capture_output=True,
                       env=_pipeline_env(), check=False)
        startup.append(time.perf_counter() - started)
    from .extract import extract
    from .readers import read

    for f in files[:1]:
        read(f)  # imports the readers once, as the first file of a run does
    docs = []
    started = time.perf_counter()
    for f in files:
        docs.append(read(f))
    reading = time.perf_counter() - started
    pages = sum(d.pages or 0 for d in docs)
    started = time.perf_counter()
    for d in docs:
        extract(d)
    first = time.perf_counter() - started  # loads the NLP models and warms every extractor
    started = time.perf_counter()
    for d in docs:
        extract(d)
    extraction = time.perf_counter() - started
    return {"startup_seconds": round(_median(startup), 3), "pages": pages, "files": len(files),
            "reading_seconds": round(reading, 3), "extraction_seconds": round(extraction, 3),
            "models_seconds": round(max(0.0, first - extraction), 3)}


def format_text(r: dict[str, Any]) -> str:
    sec, pages = r["seconds"], r["pages"]
    bare = sec.get("pdfplumber") or float("nan")
    ratio = sec["pipeline"] / bare
    rows = [("measure", "seconds", "pages/s", "vs pdfplumber", "goal"),
            ("bare pdfplumber (extract_text + extract_tables)", f"{bare:.2f}", f"{pages / bare:.1f}", "1.00x", ""),
            ("bare pypdfium2 (get_text_range)", f"{sec['pypdfium2']:.2f}", f"{pages / sec['pypdfium2']:.1f}",
             f"{sec['pypdfium2'] / bare:.2f}x", ""),
            ("pipeline extract (one process, end to end)", f"{sec['pipeline']:.2f}", f"{pages / sec['pipeline']:.1f}",
             f"{ratio:.2f}x", f"<= {GOAL_TEXT_RATIO:.2f}x {'met' if ratio <= GOAL_TEXT_RATIO else 'MISSED'}")]
    lines = [f"text-layer PDFs: {r['distinct_files']} files taken {r['files']} times in all, {pages} pages; "
             f"best of {r['repeat']}", *_columns(rows)]
    cpu = r.get("cpu_seconds")
    if cpu and cpu.get("pdfplumber"):
        spread = [w / b for (w, _), (b, _) in zip(r["runs"]["pipeline"], r["runs"]["pdfplumber"])]
        lines.append(f"CPU time: pdfplumber {cpu['pdfplumber']:.2f} s, pipeline {cpu['pipeline']:.2f} s: "
                     f"{cpu['pipeline'] / cpu['pdfplumber']:.2f}x (wall ratio per round {min(spread):.2f}–"
                     f"{max(spread):.2f}x; load average {(r.get('load_average') or ['?'])[0]})")
    ph = r.get("phases")
    if ph:
        per_page = lambda s: 1000 * s / max(ph["pages"], 1)  # noqa: E731
        busy = ph["reading_seconds"] + ph["extraction_seconds"]
        lines.append(f"where the time goes (in process, {ph['files']} files, {ph['pages']} pages): start-up "
                     f"{ph['startup_seconds']:.2f} s, NLP models and first use {ph['models_seconds']:.2f} s once; reading "
                     f"{per_page(ph['reading_seconds']):.1f} ms/page ({100 * ph['reading_seconds'] / busy:.0f}%), "
                     f"extraction {per_page(ph['extraction_seconds']):.1f} ms/page "
                     f"({100 * ph['extraction_seconds'] / busy:.0f}%)")
    return "\n".join(lines)


def _columns(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(str(c).ljust(widths[i]) if i == 0 else str(c).rjust(widths[i]) for i, c in enumerate(row))
             for row in rows]
    lines.insert(1, "-" * len(lines[0]))
    return lines


# --------------------------------------------------------------------------- OCR


def scan_pages(folder: Path, out: Path) -> list[Path]:
    """The scanned test set as one PNG per page (PDF pages rendered at 300 dpi, TIFF frames split)."""
    import pypdfium2 as pdfium
    from PIL import Image

    out.mkdir(parents=True, exist_ok=True)
    images: list[Path] = []
    for path in sorted(folder.iterdir()):
        suffix = path.suffix.lower()
        if suffix == ".pdf":
            pdf = pdfium.PdfDocument(str(path))
            try:
                for i in range(len(pdf)):
                    page = pdf[i]
                    bitmap = page.render(scale=300 / 72, grayscale=True)
                    target = out / f"{path.stem}-p{i + 1}.png"
                    bitmap.to_pil().save(target, dpi=(300, 300))
                    bitmap.close()
                    page.close()
                    images.append(target)
            finally:
                pdf.close()
        elif suffix in (".png", ".tif", ".tiff", ".jpg", ".jpeg"):
            with Image.open(path) as img:
                for i in range(getattr(img, "n_frames", 1)):
                    img.seek(i)
                    frame = img.copy()
                    dpi = img.info.get("dpi")
                    target = out / f"{path.stem}-p{i + 1}.png"
                    frame.save(target, **({"dpi": dpi} if dpi else {}))
                    images.append(target)
    return images


def ocr_bench(folder: Optional[Path] = None, repeat: int = 1) -> dict[str, Any]:
    """pipeline extract vs bare tesseract on the same page images, one page at a time each.

    First each page is read alone in this process (CPU) next to bare tesseract, which also tells a text
    page from a ruled form (a form's cells are read apart, on purpose). Then ``pipeline extract`` runs end
    to end (start-up, models, extraction, JSON) on all pages, on the text pages and on the forms, each
    against bare tesseract on the same images; best of ``repeat``.
    """
    import tempfile

    folder = folder or _root() / "tests" / "data" / "scans"
    with tempfile.TemporaryDirectory(prefix="pipeline-bench-ocr-") as tmp:
        images = scan_pages(folder, Path(tmp))
        env = _pipeline_env()
        env["OMP_THREAD_LIMIT"] = "1"
        env["PIPELINE_OCR_WORKERS"] = "1"
        pages = ocr_pages_alone(images, env)
        kinds = {"all": images, "text pages": [i for i, p in zip(images, pages) if p["kind"] == "text pages"],
                 "ruled forms": [i for i, p in zip(images, pages) if p["kind"] == "ruled forms"]}
        end_to_end: dict[str, Any] = {}
        code = 0
        for kind, subset in kinds.items():
            if not subset:
                continue
            best: dict[str, tuple[float, float]] = {}
            for _ in range(max(1, repeat)):
                wall = cpu = 0.0
                for image in subset:
                    w, c, _ = _timed(["tesseract", str(image), "-", "-l", "vie"], env)
                    wall, cpu = wall + w, cpu + c
                best["tesseract"] = min(best.get("tesseract", (wall, cpu)), (wall, cpu), key=lambda x: x[1])
                w, c, code = _timed([sys.executable, "-m", "pipeline", "extract", *map(str, subset), "--format",
                                     "json", "--compact"], env)
                best["pipeline"] = min(best.get("pipeline", (w, c)), (w, c), key=lambda x: x[1])
            end_to_end[kind] = {"pages": len(subset), "seconds": {k: round(v[0], 2) for k, v in best.items()},
                                "cpu_seconds": {k: round(v[1], 2) for k, v in best.items()}}
    groups: dict[str, dict[str, float]] = {}
    for p in pages:
        g = groups.setdefault(p["kind"], {"pages": 0, "ours": 0.0, "bare": 0.0})
        g["pages"] += 1
        g["ours"] += p["ours"]
        g["bare"] += p["bare"]
    groups = {k: {"pages": v["pages"], "ours": round(v["ours"], 2), "bare": round(v["bare"], 2)}
              for k, v in sorted(groups.items(), key=lambda kv: kv[0] != "text pages")}
    everything = end_to_end["all"]
    return {"pages": len(images), "repeat": repeat, "exit_code": code, "seconds": everything["seconds"],
            "cpu_seconds": everything["cpu_seconds"], "end_to_end": end_to_end, "groups": groups,
            "per_page": pages, "load_average": _load()}


def ocr_pages_alone(images: list[Path], env: dict[str, str]) -> list[dict[str, Any]]:
    """Each page read alone in this process (CPU seconds, Tesseract included) next to bare tesseract on it.

    A ruled form costs more than one pass by design: its cells are read apart (the reason it comes out
    as registration rows); the two kinds of page are told apart so neither hides the other.
    """
    from .readers import read

    def cpu() -> float:
        me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime

    saved = {k: os.environ.get(k) for k in ("OMP_THREAD_LIMIT", "PIPELINE_OCR_WORKERS")}
    os.environ.update({"OMP_THREAD_LIMIT": "1", "PIPELINE_OCR_WORKERS": "1"})
    out: list[dict[str, Any]] = []
    try:
        if images:
            read(images[0])  # imports and OCR set-up once, as in a run
        for image in images:
            started = cpu()
            doc = read(image)
            ours = cpu() - started
            _, bare, _ = _timed(["tesseract", str(image), "-", "-l", "vie"], env)
            out.append({"name": image.name, "kind": "ruled forms" if doc.tables else "text pages",
                        "ours": round(ours, 3), "bare": round(bare, 3)})
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return out


def format_ocr(r: dict[str, Any]) -> str:
    n = r["pages"]
    rows = [("measure (one page at a time)", "pages", "s/page", "CPU s/page", "CPU vs tesseract", "goal")]
    for kind, e in (r.get("end_to_end") or {"all": {"pages": n, "seconds": r["seconds"],
                                                    "cpu_seconds": r["cpu_seconds"]}}).items():
        sec, cpu, k = e["seconds"], e["cpu_seconds"], e["pages"]
        ratio = cpu["pipeline"] / cpu["tesseract"] if cpu["tesseract"] else float("nan")
        goal = (f"<= {GOAL_OCR_RATIO:.2f}x {'met' if ratio <= GOAL_OCR_RATIO else 'MISSED'}"
                if kind in ("text pages", "all") and (kind == "text pages" or "end_to_end" not in r) else "")
        rows.append((f"bare tesseract PAGE - -l vie, {kind}", str(k), f"{sec['tesseract'] / k:.2f}",
                     f"{cpu['tesseract'] / k:.2f}", "1.00x", ""))
        rows.append((f"pipeline extract (end to end), {kind}", str(k), f"{sec['pipeline'] / k:.2f}",
                     f"{cpu['pipeline'] / k:.2f}", f"{ratio:.2f}x", goal))
    lines = [f"OCR: {n} page images of the scanned test set, OMP_THREAD_LIMIT=1; best of {r.get('repeat', 1)}",
             *_columns(rows)]
    parts = [f"{name} {g['ours'] / max(g['pages'], 1):.2f} s/page against {g['bare'] / max(g['pages'], 1):.2f} "
             f"({g['ours'] / g['bare']:.2f}x, {g['pages']} pages)" for name, g in (r.get("groups") or {}).items()
             if g["bare"]]
    if parts:
        lines.append("reading alone, CPU: " + "; ".join(parts))
    if r.get("load_average"):
        lines.append(f"(load average {r['load_average'][0]:.1f})")
    return "\n".join(lines)


GOAL_EXTRACT_S, GOAL_STARTUP_S = 1.0, 1.5


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def extract_bench(repeat: int = 5) -> dict[str, Any]:
    """Latency of one document: CLI start-up, and extraction of the longest plan after start-up.

    The plan is the longest text-layer PDF read as a plan among the corpus and the born-digital sources of the
    scanned test set (``tests/data/scans/src``: plans of five and more pages, as real plans are).

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
    if pdfs:
        pdfs += sorted((pdfs[0].parents[1] / "tests" / "data" / "scans" / "src").glob("*.pdf"))
    plans = [p for p in pdfs if extract_file(p).meta.kind == "plan"]  # also the warm-up: models load once
    if not plans:
        return {"startup_seconds": round(_median(startup), 3)}
    target = max(plans, key=lambda p: (page_count(p), p.stat().st_size))
    ours, bare = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        extract_file(target)
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        bare_pdfplumber([target])
        bare.append(time.perf_counter() - started)
    return {"file": target.name, "pages": page_count(target), "startup_seconds": round(_median(startup), 3),
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


# --------------------------------------------------------------------------- unchanged reruns

GOAL_RERUN_RATIO = 0.10  # an unchanged rerun of the corpus against its first run


def _run_cmd(inbox: Path, data: Path, out: Path, units: Optional[Path]) -> list[str]:
    cmd = [sys.executable, "-m", "pipeline", "run", "--inbox", str(inbox), "--data", str(data), "--out", str(out)]
    return cmd + (["--units", str(units)] if units else [])


def _outputs_written(out: Path) -> dict[str, int]:
    """Modification times of the reports (the runs' own summaries aside)."""
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*")
            if p.is_file() and not p.name.startswith("run-")}


def rerun_bench(repeat: int = 3) -> dict[str, Any]:
    """First run of the corpus, then unchanged reruns (empty inbox; the same files dropped again)."""
    import tempfile

    root = _root()
    corpus = root / "corpus"
    units = root / "examples" / "units.csv"
    units = units if units.exists() else None
    env = _pipeline_env()
    figures: dict[str, Any] = {"files": len([p for p in corpus.iterdir() if p.is_file()]), "repeat": repeat}
    with tempfile.TemporaryDirectory(prefix="pipeline-bench-rerun-") as tmp:
        firsts, empty, dropped = [], [], []
        for i in range(max(1, repeat)):
            base = Path(tmp) / f"r{i}"
            shutil.copytree(corpus, base / "inbox")
            cmd = _run_cmd(base / "inbox", base / "data", base / "out", units)
            wall, cpu, code = _timed(cmd, env)
            firsts.append((wall, cpu))
            figures["first_exit_code"] = code
            built = _outputs_written(base / "out")
            empty.append(_timed(cmd, env)[:2])  # the inbox was emptied into processed/: nothing to read
            shutil.copytree(corpus, base / "inbox", dirs_exist_ok=True)  # the same files dropped again
            dropped.append(_timed(cmd, env)[:2])
            after = _outputs_written(base / "out")
            figures["rerun_rewrote"] = sorted(k for k, v in after.items() if built.get(k) != v)
    best = lambda runs, k: round(min(r[k] for r in runs), 3)  # noqa: E731
    figures["first"] = {"wall": best(firsts, 0), "cpu": best(firsts, 1), "all": firsts}
    figures["empty_inbox"] = {"wall": best(empty, 0), "cpu": best(empty, 1), "all": empty}
    figures["dropped_again"] = {"wall": best(dropped, 0), "cpu": best(dropped, 1), "all": dropped}
    return figures


def format_rerun(r: dict[str, Any]) -> str:
    first = r["first"]
    rows = [("measure", "wall s", "CPU s", "wall ratio", "CPU ratio", "goal")]
    rows.append((f"first run of corpus/ ({r['files']} files, reports)", f"{first['wall']:.2f}", f"{first['cpu']:.2f}",
                 "1.00x", "1.00x", ""))
    for key, label in (("empty_inbox", "unchanged rerun, inbox empty"), ("dropped_again", "unchanged rerun, same files again")):
        x = r[key]
        ratio = x["wall"] / first["wall"]
        rows.append((label, f"{x['wall']:.2f}", f"{x['cpu']:.2f}", f"{ratio:.3f}x", f"{x['cpu'] / first['cpu']:.3f}x",
                     f"<= {GOAL_RERUN_RATIO:.2f}x {'met' if ratio <= GOAL_RERUN_RATIO else 'MISSED'}"))
    lines = [f"unchanged reruns: best of {r['repeat']}, each a `pipeline run` subprocess, start-up included",
             *_columns(rows)]
    if r.get("rerun_rewrote"):
        lines.append("outputs rewritten by a rerun (should be none): " + ", ".join(r["rerun_rewrote"]))
    return "\n".join(lines)


SECTIONS = ("text", "ocr", "batch", "rerun", "extract")


def main(args: argparse.Namespace) -> int:
    only = "extract" if getattr(args, "extract", False) else (getattr(args, "only", None) or "text,ocr,batch")
    sections = [x.strip() for x in str(only).split(",") if x.strip()]
    unknown = [x for x in sections if x not in SECTIONS]
    if unknown:
        print(f"pipeline bench: --only wants some of {','.join(SECTIONS)} (got {','.join(unknown)})", file=sys.stderr)
        return 2
    workers = worker_counts(args.workers)
    try:
        counts = [int(n) for n in str(args.files or "500").split(",") if n.strip()]
    except ValueError:
        counts = []
    if workers is None or not counts or min(counts) < 1:
        print(f"pipeline bench: --files and --workers want positive numbers like 1,2 (got {args.files!r}, "
              f"{args.workers!r})", file=sys.stderr)
        return 2
    figures: dict[str, Any] = {}
    status = 0
    if "text" in sections:
        figures["text"] = text_bench(int(getattr(args, "pages", 240) or 240), int(getattr(args, "repeat", 3) or 3))
        print(format_text(figures["text"]), end="\n\n", flush=True)
        status = max(status, 2 if figures["text"]["exit_codes"].get("pipeline", 0) not in (0, 1) else 0)
    if "ocr" in sections:
        if shutil.which("tesseract"):
            figures["ocr"] = ocr_bench(repeat=int(getattr(args, "ocr_repeat", 1) or 1))
            print(format_ocr(figures["ocr"]), end="\n\n", flush=True)
        else:
            print("OCR: tesseract is not installed; section skipped\n")
    if "batch" in sections:
        figures["batch"] = []
        for count in counts:
            root = Path(".bench") / time.strftime("%Y%m%d-%H%M%S")
            try:
                results = run_bench(count, workers, root, bare=count <= 500)
            finally:
                if not getattr(args, "keep", False):
                    shutil.rmtree(root, ignore_errors=True)
            print()
            print(format_table(results), end="\n\n", flush=True)
            figures["batch"].append(results)
            if any(run["exit_code"] not in (0, 1) for run in results["runs"].values()):
                status = 2
        if len(figures["batch"]) > 1:
            print(format_scale(figures["batch"]), end="\n\n", flush=True)
    if "rerun" in sections:
        figures["rerun"] = rerun_bench()
        print(format_rerun(figures["rerun"]), end="\n\n", flush=True)
    if "extract" in sections:
        figures["extract"] = extract_bench()
        print(format_extract(figures["extract"]))
    out = Path(".bench") / "bench-results.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    print(f"figures saved to {out}")
    return status


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The command line of `pipeline bench` (shared by the CLI and ``python -m pipeline.bench``)."""
    p.add_argument("--only", default=None,
                   help=f"sections to run, comma-separated, of {','.join(SECTIONS)} (default: text,ocr,batch)")
    p.add_argument("--pages", type=int, default=240,
                   help="text section: pages to read, the text-layer PDFs taken in turn (default: 240)")
    p.add_argument("--repeat", type=int, default=3,
                   help="text section: best of this many runs; --cluster: rounds of the comparison (default: 3)")
    p.add_argument("--ocr-repeat", type=int, default=1, help="ocr section: best of this many runs (default: 1)")
    p.add_argument("--files", default=None,
                   help="batch section: generated inbox files; several sizes comma-separated (default: 500); "
                        "--cluster: one number (default: 120)")
    p.add_argument("--workers", default="1,2", help="batch section: worker counts to compare (default: 1,2)")
    p.add_argument("--keep", action="store_true", help="keep the generated files under .bench/")
    p.add_argument("--extract", action="store_true", help="only the single-document figures (= --only extract)")
    p.add_argument("--cluster", action="store_true",
                   help="the local pool against a Dask cluster (dask scheduler + workers started here) at the same "
                        "worker counts, text PDFs and scans; --repeat rounds")
    p.add_argument("--scan-copies", type=int, default=1,
                   help="--cluster: copies of each multi-page scan (0: no OCR runs)")


def worker_counts(text: str) -> Optional[list[int]]:
    """``--workers 1,2`` as positive numbers; None when it is unusable."""
    try:
        workers = [int(w) for w in str(text).split(",") if w.strip()]
    except ValueError:
        return None
    return workers if workers and min(workers) >= 1 else None


def show_and_save(table: str, results: dict[str, Any], name: str) -> None:
    """Print the table; keep every figure in ``.bench/NAME`` (JSON) for the README and later comparisons."""
    print()
    print(table)
    out = Path(".bench") / name
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    print(f"\nfigures saved to {out}")


def _cli(argv: Optional[list[str]] = None) -> int:  # python -m pipeline.bench
    p = argparse.ArgumentParser(prog="pipeline bench")
    add_arguments(p)
    return main(p.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(_cli())
