"""Print: the HTML page through Chromium's print-to-PDF (rendered to PNG with pdftoppm), the workbook through
LibreOffice. Every dated item is printed once, nothing overlaps, headers are not clipped."""
from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

import test_outputs_helpers as h
from pipeline import outputs

TODAY = date(2025, 3, 20)
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    if not CHROMIUM or not shutil.which("pdftoppm"):
        pytest.skip("Chromium and poppler-utils needed: apt-get install chromium poppler-utils")
    from pipeline.store import close_store

    tmp = tmp_path_factory.mktemp("print")
    url = h.build_store(tmp)
    units = h.write_units_csv(tmp / "units.csv", h.UNITS_CSV)
    outputs.write_reports(url, tmp / "out", units, today=TODAY)
    close_store(url)
    pdf = tmp / "page.pdf"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp / 'chrome'}",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", (tmp / "out" / outputs.HTML_NAME).as_uri()],
                   capture_output=True, timeout=180)
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF"), "Chromium wrote no PDF"
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp / "page")], check=True, timeout=120)
    return {"tmp": tmp, "pdf": pdf, "pngs": sorted(tmp.glob("page-*.png"))}


def _text(pdf: Path) -> str:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


def test_every_dated_item_is_printed_once(printed: dict) -> None:  # type: ignore[type-arg]
    text = _text(printed["pdf"])
    model_items = [i for i in _model(printed["tmp"]).items if i.start]
    assert model_items
    for it in model_items:
        found = re.findall(re.escape(it.item_id) + r"(?!/)", text)
        assert len(found) == 1, f"{it.item_id} ({it.summary[:40]}) printed {len(found)} times"
    assert text.count("các đơn vị triển khai thực hiện") == 1  # the March–April milestone: once, with its span
    assert "Theo tháng" not in text  # the month index is for the screen


def _model(tmp: Path):  # type: ignore[no-untyped-def]
    from pipeline.reports.model import build_model
    from pipeline.store import close_store, read_tables

    url = f"sqlite:///{tmp / 'store.sqlite'}"
    tables = read_tables(url)
    close_store(url)
    return build_model(tables, today=TODAY)


def test_the_overdue_list_is_printed_once_and_short(printed: dict) -> None:  # type: ignore[type-arg]
    import pdfplumber

    text = _text(printed["pdf"])
    assert len(re.findall(r"Quá\s+hạn\s+33", text)) == 1  # ("ngày" may wrap to the badge's next line)
    with pdfplumber.open(printed["pdf"]) as doc:
        assert len(doc.pages) <= 4  # 6 dated items, review queue, submissions and quotas on a few A4 pages
        for page in doc.pages:
            assert abs(page.width - 595) < 3 and abs(page.height - 842) < 3  # A4


def test_nothing_overlaps_on_paper(printed: dict) -> None:  # type: ignore[type-arg]
    """No two words of the printed page share ink (the badge used to sit on the text next to it)."""
    import pdfplumber

    with pdfplumber.open(printed["pdf"]) as doc:
        for number, page in enumerate(doc.pages, start=1):
            words = sorted(page.extract_words(), key=lambda w: w["x0"])
            for i, a in enumerate(words):
                for b in words[i + 1:]:
                    if b["x0"] >= a["x1"] - 0.5:
                        break
                    dx = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
                    dy = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
                    assert not (dx > 1 and dy > 2), f"page {number}: '{a['text']}' overlaps '{b['text']}'"


def test_pages_render_to_png(printed: dict) -> None:  # type: ignore[type-arg]
    from PIL import Image

    assert printed["pngs"]
    for png in printed["pngs"]:
        img = Image.open(png).convert("L")
        assert img.getextrema()[0] < 100, f"{png.name} is blank"


def test_workbook_prints_on_a4_with_whole_headers(tmp_path: Path) -> None:
    """LibreOffice's PDF of the workbook: A4 landscape pages, every header label complete on its page."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) not installed: apt-get install libreoffice-calc-nogui")
    import pdfplumber
    from pipeline.store import close_store

    url = h.build_store(tmp_path)
    outputs.write_reports(url, tmp_path / "out", h.write_units_csv(tmp_path / "u.csv", h.UNITS_CSV), today=TODAY)
    close_store(url)
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(tmp_path / "out" / outputs.XLSX_NAME)],
                   capture_output=True, timeout=240)
    pdf = tmp_path / outputs.XLSX_NAME.replace(".xlsx", ".pdf")
    assert pdf.exists()
    with pdfplumber.open(pdf) as doc:
        text = "\n".join(p.extract_text() or "" for p in doc.pages)
        for page in doc.pages:
            assert abs(page.width - 842) < 3 and abs(page.height - 595) < 3  # A4 landscape
    flat = " ".join(text.split())
    for label in ("Quốc phòng - an ninh", "Văn hóa - xã hội", "Mô hình tiếp tục thực hiện", "Xác nhận (đúng/sai)",
                  "Tập thể (cá nhân) chỉ đạo", "Đã hoàn thành"):
        # a wrapped header is extracted line by line: every word of it must be on paper (a clipped line is not)
        assert all(word in flat for word in label.split()), f"header '{label}' clipped or missing"
