#!/usr/bin/env python3
"""Format invariance on the real set: each real .txt rendered as an office would type it (DOCX, PDF), scored.

The private set is scored as text, DOCX, PDF and scans; the real set holds mostly text. This tool renders
every ``../shared/eval/real/*.txt`` the way offices lay such a document out, then scores each format
with the same gold (``score.py --pred``), so a rule that holds only on one format shows up:

* DOCX: the two-column header in a borderless table (issuer block, ``Số``, ``V/v`` left; motto, place and
  date right), the type word and summary centred and bold, body paragraphs (hard wraps of the text file
  re-joined), ``a | b`` rows as bordered tables, ``Nơi nhận`` beside the signature in a borderless table;
* PDF (reportlab, DejaVu/Liberation fonts): the same layout, so the PDF reader sees two columns side by side;
* scan: every PDF above and every original real PDF rendered at 200-300 dpi and degraded like an office scanner
  (``tools/make_scans.degrade``: grey paper, slight rotation, blur, noise, JPEG) into an image-only PDF, so the
  whole chain — OCR, then the same extractors — is scored on real documents (slow: one Tesseract pass per page).

The layout is read from the text with simple rules of this tool (never the pipeline's own structure),
and the gold is only copied beside the rendering. Run::

    .venv/bin/python tools/real_formats.py                 # txt / docx / pdf figures
    .venv/bin/python tools/real_formats.py --keep out/     # keep the renderings (NAME.docx, NAME.pdf)
    .venv/bin/python tools/real_formats.py -v --only docx  # the scorer's details for one format
    .venv/bin/python tools/real_formats.py --only scan     # OCR'd scans (a few minutes)
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "eval" / "real"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
sys.path.insert(0, str(ROOT / "tools"))

_MOTTO = re.compile(r"CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc"
                    r"|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM", re.I)
_DATE = re.compile(r",\s*ngày\s*[\d.…\s]*tháng\s*[\d.…\s]*năm\s*\d{4}")
_LEVEL_WORDS = {"thành", "phố", "thị", "xã", "trấn", "phường", "huyện", "tỉnh", "quận"}


def _place_dates(text: str) -> list[tuple[int, int]]:
    """Spans of ``<Place>, ngày … năm …`` (the place: capitalised words before it, across a wrap)."""
    spans = []
    for m in _DATE.finditer(text):
        start = m.start()
        for w in reversed(list(re.finditer(r"\S+", text[:m.start()]))):
            word = w.group()
            if (word[:1].isupper() and not word.isupper()) or (word.lower() in _LEVEL_WORDS and start != m.start()):
                start = w.start()
                continue
            break
        spans.append((start, m.end()))
    return spans
_TYPE = re.compile(r"^(KẾ HOẠCH|HƯỚNG DẪN|THÔNG BÁO|CHƯƠNG TRÌNH|QUYẾT ĐỊNH|BÁO CÁO|NGHỊ QUYẾT|NGHỊ ĐỊNH|CÔNG VĂN|"
                   r"TỜ TRÌNH|CHỈ THỊ|QUY ĐỊNH|QUY CHẾ|KẾT LUẬN|PHƯƠNG ÁN|ĐỀ ÁN)")
_BODY = re.compile(r"^(Căn\s+cứ|Kính\s+gửi|Thực\s+hiện|Xét|Theo|Trên\s+cơ\s+sở|I\.|1\.)")
_ITEM = re.compile(r"^\s*(?:[-–•+*]\s*|\d+(?:\.\d+)*[.)]\s|[IVXLC]+\.\s|[a-zđ]\)\s|Điều\s+\d)")
_SEPARATOR = re.compile(r"^[\s\-–_=*.]{3,}$")


@dataclass
class Layout:
    """What a text file says, placed where an office would put it."""

    left: list[str] = field(default_factory=list)
    right: list[str] = field(default_factory=list)
    title: list[str] = field(default_factory=list)
    body: list[object] = field(default_factory=list)  # str paragraphs or list[list[str]] tables
    recipients: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)
    annex: list[object] = field(default_factory=list)


def _paragraphs(lines: list[str]) -> list[object]:
    """Blank-line separated paragraphs with hard wraps re-joined; ``a | b`` rows grouped into tables."""
    out: list[object] = []
    current: list[str] = []
    table: list[list[str]] = []

    def flush():
        nonlocal current, table
        if current:
            out.append(" ".join(current))
            current = []
        if table:
            out.append(table)
            table = []

    for raw in lines:
        line = raw.strip()
        if line.count(" | ") >= 2:
            if current:
                out.append(" ".join(current))
                current = []
            table.append([c.strip() for c in line.split(" | ")])
            continue
        if table and line and len(line) < 120 and (re.match(r"^[IVXLC]+\.\s", line) or line.isupper()):
            table.append([line])  # a sub-heading row inside a task table
            continue
        if table:
            out.append(table)
            table = []
        if not line:
            if current:
                out.append(" ".join(current))
                current = []
            continue
        if current and (_ITEM.match(line) or line.isupper() != current[-1].isupper()
                        or (re.search(r"[.;:]$", current[-1]) and line[:1].isupper()
                            and not re.fullmatch(r"[\dIVX.)]+|[a-zđ]\)|[-+]", current[-1]))):
            out.append(" ".join(current))
            current = []
        current.append(line)
    flush()
    return out


def layout_of(text: str) -> Layout:
    lines = text.splitlines()
    lay = Layout()
    # header zone: up to the type word or the body's first line
    k = 0
    while k < len(lines) and k < 40:
        s = lines[k].strip()
        if _TYPE.match(s) or (s and _BODY.match(s)):
            break
        k += 1
    head = "\n".join(lines[:k])
    right: list[str] = []
    spans = [(m.start(), m.end()) for m in _MOTTO.finditer(head)] + _place_dates(head)
    for a, b in spans:
        right.append(re.sub(r"\s+", " ", head[a:b]))
    left_text = "".join(" " if any(a <= i < b for a, b in spans) and ch != "\n" else ch for i, ch in enumerate(head))
    lay.right = sorted(set(right), key=lambda r: (0 if "CỘNG" in r.upper() and "HÒA" in r.upper() else
                                                  1 if "Độc" in r else 2))
    left: list[str] = []
    for line in left_text.splitlines():
        line = re.sub(r"\s{3,}", "\n", line.strip())
        for part in line.split("\n"):
            part = part.strip()
            if part and not _SEPARATOR.match(part):
                left.append(part)
    # re-join the left block: a line continuing the one above (wrapped V/v subject, wrapped name)
    for part in left:
        if lay.left and (part[:1].islower() or (lay.left[-1].isupper() and part.isupper() and len(part.split()) <= 2)
                         or re.match(r"^V/v", lay.left[-1]) and not part.startswith(("Số", "V/v"))):
            lay.left[-1] += " " + part
        else:
            lay.left.append(part)
    # title: the type word and the summary up to the first blank line after it
    rest = lines[k:]
    t = 0
    if rest and _TYPE.match(rest[0].strip()):
        lay.title.append(rest[0].strip())
        t = 1
        while t < len(rest) and not rest[t].strip():
            t += 1
        summary: list[str] = []
        while t < len(rest) and rest[t].strip() and not _BODY.match(rest[t].strip()):
            summary.append(rest[t].strip())
            t += 1
        if summary:
            lay.title.append(" ".join(summary))
    rest = rest[t:]
    # closing: "Nơi nhận:" items on the left, the signature block on the right, an annex after it
    close = next((i for i, ln in enumerate(rest) if re.match(r"^\s*Nơi\s+nhận", ln)), None)
    if close is None:
        lay.body = _paragraphs(rest)
        return lay
    lay.body = _paragraphs(rest[:close])
    i = close
    lay.recipients.append(rest[i].strip())
    i += 1
    sign_start = re.compile(r"^(?:T/M|TM\.|KT\.|K/T|TL\.|TUQ\.|Q\.)|^(?:PHÓ\s+)?(?:CHỦ TỊCH|BÍ THƯ|TRƯỞNG|GIÁM ĐỐC|"
                            r"TỔ TRƯỞNG|CHÁNH)")
    while i < len(rest):
        s = rest[i].strip()
        if not s:
            i += 1
            continue
        if s.isupper() and sign_start.match(s):
            break
        lay.recipients.append(s)
        i += 1
    while i < len(rest):
        s = rest[i].strip()
        if not s:
            if lay.signature and re.match(r"^[A-ZĐÀ-Ỹ][a-zà-ỹ]+", lay.signature[-1]) and not lay.signature[-1].isupper():
                break
            i += 1
            continue
        if re.match(r"^(PHỤ LỤC|DANH MỤC|DANH SÁCH)", s):
            break
        lay.signature.append(s)
        i += 1
        if not s.isupper() and re.match(r"^[A-ZĐÀ-Ỹ][a-zà-ỹ]+(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹ]+){1,4}$", s):
            break  # the signer's name ends the block
    lay.annex = _paragraphs(rest[i:])
    return lay


# --------------------------------------------------------------------------- DOCX


def render_docx(lay: Layout, path: Path, bordered_closing: bool = False) -> None:
    """The layout as an office DOCX (public for the tests)."""
    _docx(lay, path, bordered_closing)


def render_pdf(lay: Layout, path: Path) -> None:
    """The layout as a two-column PDF (public for the tests)."""
    _pdf(lay, path)


def _docx(lay: Layout, path: Path, bordered_closing: bool = False) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)

    def cell_lines(cell, lines, bold_caps=True, center=True):
        cell.paragraphs[0].text = ""
        first = True
        for line in lines:
            p = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            run = p.add_run(line)
            run.bold = bold_caps and line.isupper()
            if center:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    head = d.add_table(rows=1, cols=2)  # borderless by default ("Normal Table")
    cell_lines(head.cell(0, 0), lay.left)
    cell_lines(head.cell(0, 1), lay.right)
    for k, line in enumerate(lay.title):
        p = d.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(line).bold = True

    def body(items):
        for item in items:
            if isinstance(item, list):
                width = max(len(r) for r in item)
                t = d.add_table(rows=0, cols=width)
                t.style = "Table Grid"
                for row in item:
                    cells = t.add_row().cells
                    if len(row) == 1 and width > 1:
                        merged = cells[0].merge(cells[-1])
                        merged.text = row[0]
                    else:
                        for c, value in enumerate(row[:width]):
                            cells[c].text = value
            else:
                p = d.add_paragraph(item)
                if item.isupper():
                    p.runs[0].bold = True

    body(lay.body)
    if lay.recipients or lay.signature:
        close = d.add_table(rows=1, cols=2)
        if bordered_closing:
            close.style = "Table Grid"
        cell_lines(close.cell(0, 0), lay.recipients, bold_caps=False, center=False)
        cell_lines(close.cell(0, 1), lay.signature)
    body(lay.annex)
    d.save(str(path))


# --------------------------------------------------------------------------- PDF


def _font() -> tuple[str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for regular, bold in (("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
                           "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf"),
                          ("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
                           "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf"),
                          ("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
                           "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf")):
        if Path(regular).exists() and Path(bold).exists():
            pdfmetrics.registerFont(TTFont("Doc", regular))
            pdfmetrics.registerFont(TTFont("Doc-Bold", bold))
            return "Doc", "Doc-Bold"
    raise SystemExit("no Liberation or DejaVu serif font found (apt-get install fonts-liberation2 fonts-dejavu)")


def _pdf(lay: Layout, path: Path) -> None:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    regular, bold = _font()
    normal = ParagraphStyle("n", fontName=regular, fontSize=12, leading=15, alignment=TA_JUSTIFY, spaceAfter=4)
    center = ParagraphStyle("c", parent=normal, alignment=TA_CENTER)
    center_bold = ParagraphStyle("cb", parent=center, fontName=bold)
    small = ParagraphStyle("s", parent=normal, fontSize=11, leading=13, alignment=0)
    cellstyle = ParagraphStyle("t", parent=normal, fontSize=10, leading=12, alignment=0, spaceAfter=0)

    def col(lines, style_caps=center_bold, style_other=center):
        return [Paragraph(escape(line), style_caps if line.isupper() else style_other) for line in lines] or [""]

    story = []
    width = A4[0] - 4 * cm
    head = Table([[col(lay.left), col(lay.right)]], colWidths=[width * 0.42, width * 0.58])
    head.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [head, Spacer(1, 10)]
    for line in lay.title:
        story.append(Paragraph(escape(line), center_bold))

    def body(items):
        for item in items:
            if isinstance(item, list):
                n = max(len(r) for r in item)
                rows, spans = [], []
                for r, row in enumerate(item):
                    cells = [Paragraph(escape(c), cellstyle) for c in row] + [""] * (n - len(row))
                    if len(row) == 1 and n > 1:
                        spans.append(("SPAN", (0, r), (-1, r)))
                    rows.append(cells)
                t = Table(rows, colWidths=[width / n] * n, repeatRows=1)
                t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
                                      + spans))
                story.append(t)
            else:
                story.append(Paragraph(escape(item), center_bold if item.isupper() else normal))

    body(lay.body)
    if lay.recipients or lay.signature:
        close = Table([[col(lay.recipients, small, small), col(lay.signature)]], colWidths=[width * 0.5, width * 0.5])
        close.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story += [Spacer(1, 8), close]
    body(lay.annex)
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm,
                      bottomMargin=2 * cm).build(story)


# --------------------------------------------------------------------------- scoring


FORMATS = ("txt", "docx", "pdf", "scan")


def _scan(pdf: Path, path: Path, seed: int) -> None:
    """An image-only PDF of ``pdf`` as an office scanner makes it (dpi, degradation and JPEG quality from ``seed``)."""
    import numpy as np
    from make_scans import FIXED_DATE, _jpeg, degrade, render as render_pages

    rng = np.random.default_rng(seed)
    dpi = int(rng.choice([200, 240, 300]))
    frames = [_jpeg(degrade(page, rng, dpi, bilevel=False), int(rng.integers(55, 85)))
              for page in render_pages(pdf, dpi, None)]
    frames[0].save(path, "PDF", save_all=True, append_images=frames[1:], resolution=float(dpi),
                   creationDate=FIXED_DATE, modDate=FIXED_DATE, producer="real_formats")


def render(out: Path, formats: tuple[str, ...] = FORMATS) -> list[str]:
    """One folder per format under ``out``, each with the inputs and their gold."""
    names = []
    for fmt in formats:
        (out / fmt).mkdir(parents=True, exist_ok=True)
    for src in sorted(REAL.glob("*.txt")):
        name = src.stem
        gold = REAL / f"{name}.gold.json"
        if not gold.exists():
            continue
        lay = layout_of(src.read_text(encoding="utf-8"))
        if "txt" in formats:
            shutil.copy(src, out / "txt" / src.name)
        if "docx" in formats:
            _docx(lay, out / "docx" / f"{name}.docx")
        if "pdf" in formats or "scan" in formats:
            (out / "pdf").mkdir(parents=True, exist_ok=True)
            _pdf(lay, out / "pdf" / f"{name}.pdf")
        for fmt in formats:
            shutil.copy(gold, out / fmt / gold.name)
        names.append(name)
    if "scan" in formats:
        originals = [p for p in sorted(REAL.glob("*.pdf")) if (REAL / f"{p.stem}.gold.json").exists()]
        for seed, pdf in enumerate(sorted((out / "pdf").glob("*.pdf")) + originals):
            _scan(pdf, out / "scan" / pdf.name, seed)
            gold = REAL / f"{pdf.stem}.gold.json"
            shutil.copy(gold, out / "scan" / gold.name)
    return names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", type=Path, help="render into this folder and keep it")
    parser.add_argument("--only", choices=FORMATS, action="append")
    parser.add_argument("-v", action="store_true", help="the scorer's per-item details")
    args = parser.parse_args()
    from score_sets import score

    tmp = None
    out = args.keep
    if out is None:
        tmp = tempfile.TemporaryDirectory()
        out = Path(tmp.name)
    formats = tuple(args.only or ("txt", "docx", "pdf"))
    render(out, formats)
    for fmt in formats:
        print(f"== {fmt}")
        print(score(out / fmt, args.v))
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
