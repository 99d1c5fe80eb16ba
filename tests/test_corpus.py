"""The sample inbox ``corpus/``: faithful to the seeds and readable end to end.

The corpus is built by ``tools/build_corpus.py``; the gold files in ``tests/corpus_gold/`` are the
dev-set gold with ``source`` adjusted (scored with every gold set in tests/test_gold_sets.py).
Run: ``.venv/bin/pytest -q tests/test_corpus.py``.
"""
from __future__ import annotations

import difflib
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.textnorm import match_key

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "corpus_gold"
SOURCES = ROOT / "tools" / "corpus_sources"
SHARED = Path(__file__).parents[1].parent / "shared"

# Each seed as the file it most likely came from (issue 2, item 4).
SEED_VERSIONS = {
    "kh-vinh-tan-dang-uy.pdf": "000_8159f92b8ce93191.txt",
    "kh-344-my-phuoc.docx": "001_151006833bb84f90.txt",
    "kh-46-pho-minh.pdf": "002_f81aa050e7f75116.txt",
    "kh-bcd-thi-xa-2023.pdf": "003_088dc192448b2af7.txt",
    "hd-bdvtu-hai-phong-2024.docx": "004_50154a08567fd33d.txt",
}
FORMS = ("form-chi-bo-khoi-5", "form-cong-an-phuong", "form-hoi-lhpn-phuong")


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.is_file() and not p.name.startswith("."))


def seed_text(name: str) -> str:
    """The seed as given; the repo keeps a copy so a fresh clone without ../shared can still check."""
    shared = SHARED / "seeds" / name
    return (shared if shared.exists() else SOURCES / name).read_text(encoding="utf-8")


def comparable(text: str) -> str:
    """Matching key with all whitespace and the ' | ' cell joiners removed: layout is not content."""
    return re.sub(r"[\s|]+", "", match_key(text))


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --------------------------------------------------------------------------- the inbox itself

def test_corpus_holds_every_usual_format_and_no_build_or_gold_files():
    files = corpus_files()
    suffixes = {p.suffix for p in files}
    assert {".pdf", ".docx", ".xlsx", ".txt"} <= suffixes
    for p in files:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*\.(pdf|docx|xlsx|txt|jpg)", p.name), f"not kebab-case: {p.name}"
        assert not p.name.endswith(".json"), "gold files belong in tests/corpus_gold/, not in the inbox"
    for seed_file in SEED_VERSIONS:
        assert (CORPUS / seed_file).exists(), seed_file
    for form in FORMS:
        for ext in ("docx", "pdf", "xlsx"):
            assert (CORPUS / f"{form}.{ext}").exists(), f"{form}.{ext}"


def test_formats_are_what_their_content_says():
    """Magic bytes agree with the extension (the readers sniff content, the clerks see names)."""
    for p in corpus_files():
        head = p.read_bytes()[:8]
        if p.suffix == ".pdf":
            assert head.startswith(b"%PDF-")
        elif p.suffix in (".docx", ".xlsx"):
            assert head.startswith(b"PK\x03\x04")
        elif p.suffix == ".jpg":
            assert head.startswith(b"\xff\xd8\xff")
        else:
            assert not head.startswith((b"%PDF", b"PK"))


# --------------------------------------------------------------------------- (a) faithful to the seeds

@pytest.mark.parametrize("corpus_name", sorted(SEED_VERSIONS))
def test_reader_text_matches_seed_text(corpus_name):
    """Issue 2: text read from each PDF/DOCX version of a seed vs the seed's own text, similarity >= 0.98."""
    from pipeline.readers import read

    doc = read(CORPUS / corpus_name)
    got = comparable(doc.text())
    want = comparable(seed_text(SEED_VERSIONS[corpus_name]))
    ratio = similarity(want, got)
    print(f"{corpus_name}: similarity {ratio:.4f} ({len(want)} vs {len(got)} characters)")
    assert ratio >= 0.98, f"{corpus_name}: similarity {ratio:.4f} < 0.98"


def test_comparison_is_not_vacuous():
    """The measure used above does separate two different seeds and tolerates layout only."""
    a = comparable(seed_text(SEED_VERSIONS["kh-46-pho-minh.pdf"]))
    b = comparable(seed_text(SEED_VERSIONS["kh-bcd-thi-xa-2023.pdf"]))
    assert similarity(a, b) < 0.9
    assert comparable("Đảng uỷ  phường\nVinh Tân | x") == comparable("đảng ủy phường vinh tân x")


# --------------------------------------------------------------------------- (b) extract prints a record

def test_extract_prints_source_and_document_for_every_corpus_file():
    files = corpus_files()
    proc = subprocess.run([sys.executable, "-m", "pipeline", "extract", *map(str, files), "--format", "json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.stdout.strip(), f"no output (exit {proc.returncode}): {proc.stderr[-2000:]}"
    records = json.loads(proc.stdout)
    records = records if isinstance(records, list) else [records]
    assert len(records) == len(files)
    for path, rec in zip(files, records):
        assert isinstance(rec, dict)
        assert "source" in rec and "document" in rec, path.name
        assert rec["source"]["sha256"] == sha256(path), path.name
        want = "image" if path.suffix == ".jpg" else path.suffix[1:]
        assert rec["source"]["format"] == want, f"{path.name}: {rec.get('warnings')}"
    assert proc.returncode == 0, proc.stderr[-2000:]


# --------------------------------------------------------------------------- the gold files

def gold_files() -> list[Path]:
    return sorted(GOLD.glob("*.gold.json"))


def test_every_corpus_file_has_a_gold_file_that_describes_it():
    names = {p.name for p in corpus_files()}
    gold_names = {g.name[: -len(".gold.json")] for g in gold_files()}
    assert gold_names <= names, f"gold without corpus file: {gold_names - names}"
    dev_names = {g.name[: -len(".gold.json")] for g in _dev_gold_dir().glob("*.gold.json")}
    with_dev_counterpart = {n for n in names
                            if any(n.startswith(d + ".") or n.startswith(d + "-") for d in dev_names)}
    assert with_dev_counterpart <= gold_names, f"corpus file without gold: {with_dev_counterpart - gold_names}"
    assert len(gold_names) >= 17
    for g in gold_files():
        gold = json.loads(g.read_text(encoding="utf-8"))
        target = CORPUS / g.name[: -len(".gold.json")]
        assert gold["source"]["sha256"] == sha256(target), f"{g.name}: corpus file changed, rebuild the gold"
        assert gold["source"]["format"] == target.suffix[1:]
        assert gold["source"]["path"] == f"corpus/{target.name}"
        if target.suffix == ".pdf":
            import pdfplumber

            with pdfplumber.open(target) as pdf:
                assert gold["source"]["pages"] == len(pdf.pages)


def _dev_gold_dir() -> Path:
    shared = SHARED / "eval" / "dev"
    return shared if shared.exists() else SOURCES / "dev_gold"


@pytest.mark.parametrize("gold_path", gold_files(), ids=lambda p: p.name)
def test_gold_is_the_dev_gold_with_only_source_and_notes_changed(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    stem = re.sub(r"(-tcvn3)?\.(pdf|docx|xlsx|txt)$", "", gold_path.name[: -len(".gold.json")])
    dev = json.loads((_dev_gold_dir() / f"{stem}.gold.json").read_text(encoding="utf-8"))
    for key in set(dev) | set(gold):
        if key in ("source", "notes"):
            continue
        assert gold.get(key) == dev.get(key), f"{gold_path.name}: '{key}' differs from the dev gold"
    assert gold["notes"][: len(dev["notes"])] == dev["notes"]


def test_repo_copies_of_the_sources_equal_the_shared_ones():
    if not (SHARED / "seeds").exists():
        pytest.skip(f"{SHARED} not present (fresh clone): nothing to compare with")
    for name in SEED_VERSIONS.values():
        assert (SOURCES / name).read_bytes() == (SHARED / "seeds" / name).read_bytes(), name
    for form in FORMS:
        assert (SOURCES / f"{form}.txt").read_bytes() == (SHARED / "eval" / "dev" / f"{form}.txt").read_bytes()
    for g in (SOURCES / "dev_gold").glob("*.gold.json"):
        assert g.read_bytes() == (SHARED / "eval" / "dev" / g.name).read_bytes(), g.name


# --------------------------------------------------------------------------- the build and the layouts

def test_build_is_deterministic_and_its_files_are_in_the_committed_corpus(tmp_path):
    """Two builds give the same bytes (fixed dates and ids); the committed inbox is what the script makes."""
    script = ROOT / "tools" / "build_corpus.py"
    for out in ("a", "b"):
        proc = subprocess.run([sys.executable, str(script), "--out", str(tmp_path / out), "--no-gold"],
                              capture_output=True, text=True, timeout=300)
        if proc.returncode and "no serif TTF font" in proc.stderr:
            pytest.skip("no serif font with Vietnamese glyphs: apt-get install -y fonts-liberation2")
        assert proc.returncode == 0, proc.stderr[-2000:]
    a = {p.name: p.read_bytes() for p in (tmp_path / "a").iterdir()}
    b = {p.name: p.read_bytes() for p in (tmp_path / "b").iterdir()}
    assert a == b
    assert set(a) <= {p.name for p in corpus_files()}
    for name, data in a.items():
        if name.endswith(".txt"):  # library-independent bytes: must equal the committed ones exactly
            assert data == (CORPUS / name).read_bytes(), name


def test_tcvn3_file_is_real_tcvn3():
    """Known TCVN3 (ABC) byte strings, as typed in .VnTime fonts, not UTF-8."""
    data = (CORPUS / "kh-46-pho-minh-tcvn3.txt").read_bytes()
    assert b"C\xe9NG H\xdfA X\xb7 H\xe9I CH\xf1 NGH\xdcA VI\xd6T NAM" in data  # CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    assert b"\xa7\xe9c l\xcbp - T\xf9 do - H\xb9nh ph\xf3c" in data  # Độc lập - Tự do - Hạnh phúc
    assert b"S\xe8: 46/KH-UBND" in data and b"ng\xb5y 19 th\xb8ng 3 n\xa8m 2024" in data
    assert b"\x93D\xa9n v\xcbn kh\xd0o\x94" in data  # “Dân vận khéo” with Windows-1252 quotes
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert b"\r\n" in data


def _words(page, text: str) -> list:
    return [w for w in page.extract_words() if w["text"] == text]


def test_pdf_header_is_two_columns_and_vietnamese_glyphs_survive():
    import pdfplumber

    with pdfplumber.open(CORPUS / "kh-46-pho-minh.pdf") as pdf:
        page = pdf.pages[0]
        text = page.extract_text()
        assert "PHƯỜNG PHỔ MINH" in text and "Độc lập - Tự do - Hạnh phúc" in text
        issuer_end = _words(page, "DÂN")[0]  # "ỦY BAN NHÂN DÂN" beside "CỘNG HÒA ..."
        motto = _words(page, "CỘNG")[0]
        number = _words(page, "46/KH-UBND")[0]
        place = _words(page, "Phổ")[0]
        for left, right in ((issuer_end, motto), (number, place)):
            assert abs(left["top"] - right["top"]) < 3  # side by side on one line ...
            assert right["x0"] - left["x1"] > 20  # ... separated by a column gap, not a space
        font = next(c["fontname"] for c in page.chars if c["text"] == "K")
        assert "Serif" in font  # Times-like serif, not Helvetica
        last = pdf.pages[-1].extract_text()
        assert "2024-03-19T09:28:22+0700" in last and "Nơi nhận:" in last


def test_one_form_pdf_table_continues_on_the_next_page():
    import pdfplumber

    with pdfplumber.open(CORPUS / "form-hoi-lhpn-phuong.pdf") as pdf:
        assert len(pdf.pages) == 2
        first, second = (p.find_tables() for p in pdf.pages)
        assert first and second
        assert second[0].extract()[0][0] == "TT"  # header row repeated
        assert any("Vòng tay" in (c or "") for row in second[0].extract() for c in row)


def test_long_plan_pdf_has_paragraphs_crossing_pages():
    import pdfplumber

    with pdfplumber.open(CORPUS / "kh-bcd-thi-xa-2023.pdf") as pdf:
        assert len(pdf.pages) >= 3
        ends = [p.extract_text().rstrip().splitlines()[-1] for p in pdf.pages[:-1]]
    assert any(not e.rstrip().endswith((".", ":", ";")) for e in ends)


def test_seed_000_pdf_has_the_blank_form_as_a_table_with_merged_sections():
    import pdfplumber

    with pdfplumber.open(CORPUS / "kh-vinh-tan-dang-uy.pdf") as pdf:
        rows = [r for p in pdf.pages for t in p.find_tables() for r in t.extract()]
    assert rows[0][0] == "TT" and len(rows[0]) == 6
    section = next(r for r in rows if r[0] == "I")
    assert section[1] == "Mô hình mới năm 2024" and section[2:] == [None] * 4  # covered cells of the merge
    assert sum(1 for r in rows if r[0] in ("1", "2") and not any(r[1:])) == 4


def test_docx_header_table_signature_and_merged_form_cells():
    import docx
    from docx.oxml.ns import qn

    d = docx.Document(str(CORPUS / "kh-344-my-phuoc.docx"))
    head = d.tables[0]
    assert "UBND PHƯỜNG MỸ PHƯỚC" in head.cell(0, 0).text and "Số: 344 /KH-UBND" in head.cell(1, 0).text
    assert "Độc lập - Tự do - Hạnh phúc" in head.cell(0, 1).text
    assert "ngày 20 tháng 3 năm 2024" in head.cell(1, 1).text
    assert head._tbl.tblPr.find(qn("w:tblBorders")).find(qn("w:top")).get(qn("w:val")) == "nil"
    sign = d.tables[-1]
    assert sign.cell(0, 0).text.startswith("Nơi nhận:") and "Nguyễn Thanh Tuấn" in sign.cell(0, 1).text
    assert d.styles["Normal"].font.name == "Times New Roman"

    form = docx.Document(str(CORPUS / "form-cong-an-phuong.docx")).tables[1]
    spans = [tc.tcPr.find(qn("w:gridSpan")) for tc in form._tbl.iter(qn("w:tc")) if tc.tcPr is not None]
    assert sum(1 for s in spans if s is not None and s.get(qn("w:val")) == "5") == 2  # sections I and II


def test_xlsx_form_has_merged_title_and_section_cells():
    from openpyxl import load_workbook

    ws = load_workbook(CORPUS / "form-hoi-lhpn-phuong.xlsx").active
    merged = {str(r) for r in ws.merged_cells.ranges}
    title_row = next(c.row for c in ws["A"] if c.value == "DANH SÁCH")
    assert f"A{title_row}:F{title_row}" in merged
    section_rows = [c.row for c in ws["A"] if c.value in ("I", "II")]
    assert len(section_rows) == 2 and all(f"B{r}:F{r}" in merged for r in section_rows)
    assert ws.cell(section_rows[0] + 1, 2).alignment.wrap_text
