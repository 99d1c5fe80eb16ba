"""Build the sixth held-out set (tests/heldout6/): 12 documents written to look like real office papers.

Why: the earlier held-out sets were tuned on; this one was written blind (gold first, no look at the extraction
code) to measure how the extraction generalises. The TXT inputs are hand-written in tests/heldout6/ (text as a
PDF-to-text tool gives it: hard-wrapped header cells, glued words). The DOCX and PDF inputs are rendered here from
the text sources in tools/heldout6_src/NAME.src, the way offices type them: the header in a borderless two-column
table, body paragraphs, grid tables (header rows repeated on every page in the PDF), the signature table beside
"Nơi nhận". The gold is hand-written in tools/heldout6_gold.py; this script only adds what is computed (sha256,
page count, the line or page where each item's text sits) and fails when a gold text is not in the document.

Source markup (one directive or paragraph per line):
  #header W1,W2 / #sign W1,W2 ... #end   two-column borderless table (widths in cm); lines "L:..." / "R:..."
  #table W1,W2,... header=N size=PT ... #end   grid table; cells split on " | "; "!text" = a row spanning all
                                          columns (section / sub-heading / totals row)
  #title T   centred bold capitals      #center T   centred line      #h T   bold paragraph
  #kg A|B|C  "Kính gửi" block           #pagebreak
  a leading "**" makes a line bold ("**Điều 1.** rest" bolds the lead only), a leading "~" makes it italic.

Run: .venv/bin/python tools/make_heldout6.py
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import io
import json
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "tools" / "heldout6_src"
OUT = ROOT / "tests" / "heldout6"
FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
FIXED_TIME = _dt.datetime(2026, 1, 1, 8, 0, 0)

# name -> format of the rendered input (TXT inputs are written by hand, not rendered)
RENDERED = {
    "kh-215-huyen-uy-luc-nam": "docx",
    "qd-146-ubnd-xa-quang-uyen": "docx",
    "kh-11-hoi-lhpn-xa-chieng-mai": "docx",
    "cv-318-dang-uy-xa-nga-son": "docx",
    "cv-2184-so-nnmt-ha-tinh": "pdf",
    "bc-96-dang-uy-phuong-phan-dinh-phung": "pdf",
    "kh-163-ubnd-xa-dong-dang": "pdf",
}


# --------------------------------------------------------------------------- parsing

def parse(path: Path) -> list[tuple]:
    """The source as a list of blocks: ("p", text), ("title", t), ("center", t), ("h", t), ("kg", [lines]),
    ("pagebreak",), ("header"|"sign", widths, left_lines, right_lines), ("table", widths, n_head, size, rows)."""
    blocks: list[tuple] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line.strip():
            continue
        if line.startswith(("#header", "#sign")):
            kind, widths = line[1:].split()[0], [float(x) for x in line.split()[1].split(",")]
            left, right = [], []
            while lines[i] != "#end":
                side, text = lines[i][:2], lines[i][2:]
                (left if side == "L:" else right).append(text)
                i += 1
            i += 1
            blocks.append((kind, widths, left, right))
        elif line.startswith("#table"):
            parts = line.split()
            widths = [float(x) for x in parts[1].split(",")]
            opts = dict(p.split("=") for p in parts[2:])
            rows = []
            while lines[i] != "#end":
                rows.append(lines[i][1:] if lines[i].startswith("!") else [c.strip() for c in lines[i].split(" | ")])
                if lines[i].startswith("!"):
                    rows[-1] = ("span", rows[-1])
                i += 1
            i += 1
            blocks.append(("table", widths, int(opts.get("header", 1)), float(opts.get("size", 11)), rows))
        elif line.startswith("#pagebreak"):
            blocks.append(("pagebreak",))
        elif line.startswith("#kg "):
            blocks.append(("kg", line[4:].split("|")))
        elif line.startswith(("#title ", "#center ", "#h ")):
            kind, text = line[1:].split(" ", 1)
            blocks.append((kind, text))
        else:
            blocks.append(("p", line))
    return blocks


def style_of(text: str) -> tuple[str, bool, bool, str]:
    """(lead, lead_bold, italic, rest): '**Điều 1.** rest' -> bold lead; '**x' -> all bold; '~x' -> italic."""
    bold = italic = False
    if text.startswith("**"):
        text = text[2:]
        if "**" in text:
            lead, rest = text.split("**", 1)
            return lead, True, False, rest
        bold = True
    if text.startswith("~"):
        text, italic = text[1:], True
    return text, bold, italic, ""


def plain(text: str) -> str:
    lead, _, _, rest = style_of(text)
    return lead + rest


# --------------------------------------------------------------------------- DOCX

def render_docx(blocks: list[tuple], path: Path) -> None:
    import docx
    from docx.enum.section import WD_SECTION
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    d = docx.Document()
    sec = d.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = Cm(3), Cm(2), Cm(2), Cm(2)
    normal = d.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    normal.paragraph_format.space_after = Pt(4)

    def para(container, text, align=None, size=None, indent=True, force_bold=False):
        p = container.add_paragraph() if container is not None else d.add_paragraph()
        lead, bold, italic, rest = style_of(text)
        r = p.add_run(lead)
        r.bold, r.italic = bold or force_bold, italic
        if rest:
            p.add_run(rest)
        for run in p.runs:
            if size:
                run.font.size = Pt(size)
        if align is not None:
            p.alignment = align
        elif indent:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.paragraph_format.first_line_indent = Cm(1.0)
        return p

    def two_columns(widths, left, right, size_left, size_right, align_left):
        t = d.add_table(rows=1, cols=2)
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        for c, w in enumerate(widths):
            t.columns[c].width = Cm(w)
        for cell, w, lines, size, align in zip(t.rows[0].cells, widths, (left, right), (size_left, size_right),
                                              (align_left, WD_ALIGN_PARAGRAPH.CENTER)):
            cell.width = Cm(w)
            first = True
            for line in lines:
                p = cell.paragraphs[0] if first else cell.add_paragraph()
                first = False
                lead, bold, italic, rest = style_of(line)
                r = p.add_run(lead + rest)
                r.bold, r.italic = bold, italic
                r.font.size = Pt(size if not line.startswith("- ") else size - 1)
                p.alignment = align if not line.startswith("- ") else WD_ALIGN_PARAGRAPH.LEFT
                p.paragraph_format.space_after = Pt(0)
        return t

    for b in blocks:
        kind = b[0]
        if kind == "header":
            two_columns(b[1], b[2], b[3], 13, 13, WD_ALIGN_PARAGRAPH.CENTER)
            d.add_paragraph()
        elif kind == "sign":
            d.add_paragraph()
            two_columns(b[1], b[2], b[3], 12, 14, WD_ALIGN_PARAGRAPH.LEFT)
        elif kind == "title":
            para(None, b[1], WD_ALIGN_PARAGRAPH.CENTER, force_bold=True)
        elif kind == "center":
            para(None, b[1], WD_ALIGN_PARAGRAPH.CENTER)
        elif kind == "h":
            para(None, b[1], force_bold=True)
        elif kind == "kg":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run(b[1][0] + " ").italic = True
            for extra in b[1][1:]:
                q = d.add_paragraph(extra)
                q.paragraph_format.left_indent = Cm(5.0)
        elif kind == "pagebreak":
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif kind == "p":
            para(None, b[1])
        elif kind == "table":
            widths, n_head, size, rows = b[1], b[2], b[3], b[4]
            ncol = len(widths)
            t = d.add_table(rows=len(rows), cols=ncol)
            t.style = "Table Grid"
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            for r, row in enumerate(rows):
                cells = t.rows[r].cells
                if isinstance(row, tuple):
                    merged = cells[0].merge(cells[ncol - 1])
                    merged.paragraphs[0].add_run(row[1]).bold = True
                    merged.paragraphs[0].runs[0].font.size = Pt(size)
                    continue
                for c, value in enumerate(row):
                    lead, bold, italic, rest = style_of(value)
                    run = cells[c].paragraphs[0].add_run(lead + rest)
                    run.bold, run.italic = bold, italic
                    run.font.size = Pt(size)
                    if r < n_head or c in (0, ncol - 2, ncol - 1) and ncol > 3 and c != 1:
                        cells[c].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            for r in range(n_head):  # header rows repeat on every page, as offices mark them
                trPr = t.rows[r]._tr.get_or_add_trPr()
                el = OxmlElement("w:tblHeader")
                el.set(qn("w:val"), "true")
                trPr.append(el)
            t.autofit = False
            for c, w in enumerate(widths):
                t.columns[c].width = Cm(w)
            for row in t.rows:
                for c, w in enumerate(widths):
                    row.cells[c].width = Cm(w)
    del WD_SECTION
    cp = d.core_properties
    cp.author = cp.last_modified_by = "Van thu"
    cp.created = cp.modified = FIXED_TIME
    cp.revision = 1
    buf = io.BytesIO()
    d.save(buf)
    _rezip_fixed(buf.getvalue(), path)


def _rezip_fixed(data: bytes, path: Path) -> None:
    """Same bytes on every run: zip entries get a fixed timestamp."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 8, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, src.read(info.filename))
    path.write_bytes(out.getvalue())


# --------------------------------------------------------------------------- PDF

def render_pdf(blocks: list[tuple], path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    from reportlab.lib.fonts import addMapping

    for face, fname in (("Serif", "Regular"), ("Serif-Bold", "Bold"), ("Serif-Italic", "Italic"),
                        ("Serif-BoldItalic", "BoldItalic")):
        pdfmetrics.registerFont(TTFont(face, str(FONT_DIR / f"LiberationSerif-{fname}.ttf")))
    addMapping("Serif", 0, 0, "Serif")
    addMapping("Serif", 1, 0, "Serif-Bold")
    addMapping("Serif", 0, 1, "Serif-Italic")
    addMapping("Serif", 1, 1, "Serif-BoldItalic")
    body = ParagraphStyle("b", fontName="Serif", fontSize=13, leading=17, alignment=TA_JUSTIFY,
                          firstLineIndent=1 * cm, spaceAfter=4)
    centre = ParagraphStyle("c", parent=body, alignment=TA_CENTER, firstLineIndent=0)
    left = ParagraphStyle("l", parent=body, alignment=TA_LEFT, firstLineIndent=0, spaceAfter=0)

    def esc(s: str) -> str:
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    def markup(text: str) -> str:
        lead, bold, italic, rest = style_of(text)
        s = esc(lead)
        if bold:
            s = f"<b>{s}</b>"
        if italic:
            s = f"<i>{s}</i>"
        return s + esc(rest)

    def column(lines, size, align_left=False):
        out = []
        for line in lines:
            st = ParagraphStyle("h", parent=centre, fontSize=size, leading=size + 3, spaceAfter=0)
            if align_left or line.startswith("- "):
                st = ParagraphStyle("hl", parent=left, fontSize=size - (1 if line.startswith("- ") else 0),
                                    leading=size + 2)
            out.append(Paragraph(markup(line) or "&nbsp;", st))
        return out

    flow: list = []
    for b in blocks:
        kind = b[0]
        if kind in ("header", "sign"):
            w = [x * cm for x in b[1]]
            if kind == "sign":
                flow.append(Spacer(1, 10))
                cells = [[column(b[2], 11.5, align_left=True), column(b[3], 13)]]
            else:
                cells = [[column(b[2], 12.5), column(b[3], 12.5)]]
            t = Table(cells, colWidths=w)
            t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 2),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 2)]))
            flow.append(t)
            if kind == "header":
                flow.append(Spacer(1, 12))
        elif kind == "title":
            flow.append(Paragraph(f"<b>{esc(b[1])}</b>", ParagraphStyle("t", parent=centre, fontSize=14,
                                                                         spaceBefore=6)))
        elif kind == "center":
            flow.append(Paragraph(markup(b[1]), centre))
        elif kind == "h":
            flow.append(Paragraph(f"<b>{esc(b[1])}</b>", body))
        elif kind == "kg":
            flow.append(Paragraph(f"<i>{esc(b[1][0])}</i>", ParagraphStyle("k", parent=left, leftIndent=4 * cm)))
            for extra in b[1][1:]:
                flow.append(Paragraph(esc(extra), ParagraphStyle("k2", parent=left, leftIndent=5 * cm)))
            flow.append(Spacer(1, 6))
        elif kind == "pagebreak":
            flow.append(PageBreak())
        elif kind == "p":
            flow.append(Paragraph(markup(b[1]), body))
        elif kind == "table":
            widths, n_head, size, rows = b[1], b[2], b[3], b[4]
            ncol = len(widths)
            cell_l = ParagraphStyle("cl", parent=left, fontSize=size, leading=size + 2.5)
            cell_c = ParagraphStyle("cc", parent=cell_l, alignment=TA_CENTER)
            data, spans = [], []
            for r, row in enumerate(rows):
                if isinstance(row, tuple):
                    data.append([Paragraph(f"<b>{esc(row[1])}</b>", cell_l)] + [""] * (ncol - 1))
                    spans.append(("SPAN", (0, r), (-1, r)))
                    continue
                data.append([Paragraph(markup(v) or "", cell_c if (r < n_head or c in (0, ncol - 2, ncol - 1))
                                       and c != 1 else cell_l) for c, v in enumerate(row)])
            t = Table(data, colWidths=[w * cm for w in widths], repeatRows=n_head)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE")] + spans))
            flow.append(t)
            flow.append(Spacer(1, 6))

    def page_number(canvas, doc):
        canvas.setFont("Serif", 12)
        canvas.drawCentredString(A4[0] / 2 + 0.5 * cm, A4[1] - 1.2 * cm, str(doc.page))

    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=3 * cm, rightMargin=2 * cm, topMargin=2 * cm,
                            bottomMargin=2 * cm, invariant=1, title="", author="", creator="", producer="")
    doc.build(flow, onLaterPages=page_number)


# --------------------------------------------------------------------------- reading back (for locations)

def fold(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).split())


def page_texts(path: Path) -> list[str]:
    """The input's text per page (TXT/DOCX: one 'page'), through independent libraries."""
    if path.suffix == ".txt":
        return [path.read_text(encoding="utf-8")]
    if path.suffix == ".docx":
        import docx

        d = docx.Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                parts += [c.text for c in row.cells]
        return ["\n".join(parts)]
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return [p.extract_text() or "" for p in pdf.pages]


def locate(path: Path, pages: list[str], text: str | None) -> dict:
    """Where ``text`` sits: TXT -> line of its start; PDF -> page; DOCX -> no page or line. Raises when the text
    (or, for a table row written 'a | b | c', each of its cells) is not in the input."""
    if not text:
        return {"page": None, "line": None}
    want = [fold(x) for x in text.replace("…", " ").split(" | ")] if " | " in text else [fold(text)]
    want = [w for w in want if w]
    for pi, page in enumerate(pages):
        flat = fold(page)
        if all(w in flat for w in want):
            if path.suffix == ".txt":
                # line of the first character of the text
                target = want[0]
                pos = flat.index(target)
                count, line_no = 0, 1
                for ln, line in enumerate(page.splitlines(), start=1):
                    folded = fold(line)
                    if not folded:
                        continue
                    if count + len(folded) >= pos:
                        line_no = ln
                        break
                    count += len(folded) + 1
                return {"page": None, "line": line_no}
            if path.suffix == ".pdf":
                return {"page": pi + 1, "line": None}
            return {"page": None, "line": None}
    raise SystemExit(f"{path.name}: gold text not found in the input: {text!r}")


def table_rows(path: Path) -> list[tuple[int, list[str]]]:
    """(page, folded cells) of every table row pdfplumber finds in a PDF."""
    import pdfplumber

    rows = []
    with pdfplumber.open(str(path)) as pdf:
        for pi, page in enumerate(pdf.pages, start=1):
            for table in page.extract_tables():
                rows += [(pi, [fold(c or "") for c in row]) for row in table]
    return rows


def check_registration(path: Path, pages: list[str], item: dict) -> None:
    """A registration row must be in the input: in a PDF, one table row on the gold page holds the name, unit,
    leader and address cells (a wrapped cell is not contiguous in the page text); elsewhere the texts occur."""
    cells = [item[k] for k in ("name", "unit", "leader", "address") if item.get(k)]
    if path.suffix != ".pdf":
        for c in cells:
            locate(path, pages, c)
        return
    page = (item.get("location") or {}).get("page")
    for pi, row in table_rows(path):
        if pi == page and all(fold(c) in row for c in cells):
            return
    raise SystemExit(f"{path.name}: registration row not found on page {page}: {cells}")


def write_gold(name: str, path: Path, gold: dict) -> None:
    pages = page_texts(path)
    out = {"source": {"path": path.name, "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                      "format": path.suffix[1:], "pages": len(pages) if path.suffix == ".pdf" else None,
                      "ocr": False}}
    out["document"] = gold["document"]
    for key in ("deadlines", "milestones", "quotas", "references", "registrations"):
        items = []
        for item in gold.get(key, []):
            item = dict(item)
            if key != "registrations":
                item["location"] = locate(path, pages, item.get("text"))
            else:
                check_registration(path, pages, item)
            items.append(item)
        out[key] = items
    out["notes"] = gold["notes"]
    (OUT / f"{name}.gold.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, fmt in RENDERED.items():
        blocks = parse(SRC / f"{name}.src")
        path = OUT / f"{name}.{fmt}"
        (render_docx if fmt == "docx" else render_pdf)(blocks, path)
        print(path.relative_to(ROOT))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    try:
        from heldout6_gold import GOLD
    except ImportError:
        return
    for name, gold in GOLD.items():
        found = [p for p in OUT.iterdir() if p.name.startswith(name + ".") and not p.name.endswith(".gold.json")]
        assert len(found) == 1, (name, found)
        write_gold(name, found[0], gold)
        print(f"{name}.gold.json")


if __name__ == "__main__":
    main()
