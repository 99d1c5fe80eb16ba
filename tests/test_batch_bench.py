"""The benchmark's inputs and its table (the full 500-file run is `pipeline bench`, not a test)."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pdfplumber

from pipeline import bench


def test_inputs_are_distinct_readable_pdfs(tmp_path: Path) -> None:
    origin = bench.make_inputs(tmp_path, 4)
    files = sorted(tmp_path.glob("*.pdf"))
    assert len(files) == 4 and origin
    assert len({hashlib.sha256(f.read_bytes()).hexdigest() for f in files}) == 4
    for f in files:
        with pdfplumber.open(f) as pdf:
            assert pdf.pages and (pdf.pages[0].extract_text() or "").strip()
    assert bench.bare_pdfplumber(files) > 0


def test_table_shows_ratio_rerun_and_memory_against_goals() -> None:
    results = {"files": 500, "bare_seconds": 20.0, "rerun_seconds": 3.5, "peak_child_mb": 250.0,
               "peak_self_mb": 120.0,
               "runs": {1: {"seconds": 50.0, "exit_code": 0}, 2: {"seconds": 30.0, "exit_code": 0}}}
    table = bench.format_table(results)
    lines = table.splitlines()
    one = next(line for line in lines if "1 worker" in line)
    two = next(line for line in lines if "2 worker" in line)
    assert "2.50x" in one and "10.0" in one and "met" in one   # 500 files / 50 s, 50/20 = 2.5x
    assert "1.50x" in two and "16.7" in two
    assert "MISSED" in next(line for line in lines if "unchanged rerun" in line)
    assert "250 MB" in next(line for line in lines if "peak memory" in line)


def test_text_pdfs_leave_scans_out_and_the_plan_reaches_the_pages(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from readers_helpers import HEADER_OPS, make_pdf

    text = make_pdf(tmp_path / "text.pdf", [HEADER_OPS, HEADER_OPS, HEADER_OPS])
    make_pdf(tmp_path / "scan.pdf", [[("image", 50, 50, 400, 300)]])
    short = make_pdf(tmp_path / "short.pdf", [HEADER_OPS])
    files = bench.text_pdfs([tmp_path])
    assert files == [short, text]
    plan = bench.plan_pages(files, 10)
    assert sum(bench.page_count(p) for p in plan) >= 10 and set(plan) == set(files)
    assert plan[:2] == files  # taken in turn
    assert bench.plan_pages(files, 1) == files  # every file at least once


def test_text_table_shows_pages_per_second_ratios_and_where_time_goes() -> None:
    r = {"distinct_files": 23, "files": 60, "pages": 240, "repeat": 3, "exit_codes": {"pipeline": 0},
         "seconds": {"pdfplumber": 12.0, "pypdfium2": 0.6, "pipeline": 4.2},
         "phases": {"startup_seconds": 0.05, "pages": 120, "files": 23, "reading_seconds": 0.6,
                    "extraction_seconds": 1.8, "models_seconds": 0.5}}
    text = bench.format_text(r)
    line = next(x for x in text.splitlines() if x.startswith("pipeline extract"))
    assert "0.35x" in line and "57.1" in line and "met" in line  # 4.2 / 12 and 240 pages / 4.2 s
    assert "0.05x" in next(x for x in text.splitlines() if x.startswith("bare pypdfium2"))
    assert "reading 5.0 ms/page (25%)" in text and "extraction 15.0 ms/page (75%)" in text
    r["seconds"]["pipeline"] = 6.0
    assert "MISSED" in bench.format_text(r)


def test_ocr_table_shows_seconds_per_page_against_tesseract() -> None:
    r = {"pages": 27, "seconds": {"tesseract": 40.5, "pipeline": 54.0},
         "cpu_seconds": {"tesseract": 39.0, "pipeline": 60.0},
         "groups": {"text pages": {"pages": 19, "ours": 28.5, "bare": 24.7}, "ruled forms": {"pages": 8, "ours": 8.8,
                                                                                        "bare": 4.0}}}
    text = bench.format_ocr(r)
    line = next(x for x in text.splitlines() if x.startswith("pipeline extract"))
    assert "2.00" in line and "1.54x" in line and "MISSED" in line  # 54 / 27 s/page; CPU 60 / 39
    assert "text pages 1.50 s/page against 1.30 (1.15x, 19 pages)" in text
    assert "ruled forms 1.10 s/page against 0.50 (2.20x, 8 pages)" in text
    r["end_to_end"] = {
        "all": {"pages": 27, "seconds": r["seconds"], "cpu_seconds": r["cpu_seconds"]},
        "text pages": {"pages": 19, "seconds": {"tesseract": 26.0, "pipeline": 30.0},
                       "cpu_seconds": {"tesseract": 25.0, "pipeline": 29.5}},
        "ruled forms": {"pages": 8, "seconds": {"tesseract": 4.0, "pipeline": 9.0},
                        "cpu_seconds": {"tesseract": 4.0, "pipeline": 9.0}}}
    lines = bench.format_ocr(r).splitlines()
    text_line = next(x for x in lines if x.startswith("pipeline extract (end to end), text pages"))
    assert "1.18x" in text_line and "met" in text_line  # the goal is on pages: 29.5 / 25
    forms = next(x for x in lines if x.startswith("pipeline extract (end to end), ruled forms"))
    assert "2.25x" in forms and "MISSED" not in forms and "met" not in forms  # reported apart, no goal


def test_scan_pages_one_png_per_pdf_page_and_tiff_frame(tmp_path: Path) -> None:
    import sys

    from PIL import Image

    sys.path.insert(0, str(Path(__file__).parent))
    from readers_helpers import make_pdf

    src = tmp_path / "src"
    src.mkdir()
    make_pdf(src / "scan.pdf", [[("image", 50, 50, 400, 300)], [("image", 50, 50, 400, 300)]])
    frames = [Image.new("L", (300, 200), v) for v in (255, 128)]
    frames[0].save(src / "photo.tiff", save_all=True, append_images=frames[1:], dpi=(200, 200))
    images = bench.scan_pages(src, tmp_path / "out")
    assert [p.name for p in images] == ["photo-p1.png", "photo-p2.png", "scan-p1.png", "scan-p2.png"]
    with Image.open(images[2]) as page:
        assert round(page.info["dpi"][0]) == 300 and abs(page.size[0] - 595.28 * 300 / 72) <= 1  # A4 at 300 dpi
    with Image.open(images[1]) as frame:
        assert round(frame.info["dpi"][0]) == 200 and frame.getpixel((0, 0)) == 128


def test_scale_table_compares_time_per_file_and_memory_across_batch_sizes() -> None:
    def batch(files: int, seconds: float, peak: float, report_peak: float) -> dict:  # type: ignore[type-arg]
        return {"files": files, "runs": {2: {"seconds": seconds, "peak_mb": peak, "exit_code": 0}},
                "report": {"seconds": 1.0, "peak_mb": report_peak}, "peak_child_mb": max(peak, report_peak),
                "rerun_seconds": 0.4}

    flat = bench.format_scale([batch(100, 10.0, 220, 170), batch(400, 38.0, 221, 190), batch(1600, 150.0, 222, 215)])
    assert "within 6% of the first" in flat and "(goal 20%: met)" in flat  # 94 ms/file against 100
    assert "220–222 MB" in flat and "flat: met" in flat
    growing = bench.format_scale([batch(100, 10.0, 220, 170), batch(1600, 200.0, 222, 351)])
    assert "goal 20%: MISSED" in growing and "flat: MISSED" in growing
    assert bench.format_scale([batch(100, 10.0, 220, 170)]) == ""
