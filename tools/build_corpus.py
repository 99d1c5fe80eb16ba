#!/usr/bin/env python3
"""Build the sample inbox ``corpus/`` and its gold files ``tests/corpus_gold/`` deterministically.

Why a script: the corpus must look like what clerks really receive (PDFs exported from Word with
the official two-column header, DOCX files typed in Times New Roman, filled forms as DOCX, PDF and
XLSX, an old TCVN3 text file), and anyone must be able to rebuild it byte for byte without
LibreOffice. Sources live in ``tools/corpus_sources/`` (copies of ``../shared/seeds`` and of the
dev set's forms and gold), so a fresh clone can rebuild.

    .venv/bin/python tools/build_corpus.py            # writes corpus/ and tests/corpus_gold/
    .venv/bin/python tools/build_corpus.py --out DIR  # build elsewhere (the tests check determinism)

Needs reportlab, python-docx, openpyxl, pdfplumber (page counts) and the Liberation Serif fonts
(``apt-get install -y fonts-liberation2``: version 1 of fonts-liberation lacks the Vietnamese letters;
DejaVu Serif with its italic faces is the fallback).
"""
from __future__ import annotations

import argparse
import copy
import hashlib
import io
import json
import re
import shutil
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "tools" / "corpus_sources"
sys.path.insert(0, str(ROOT / "tools"))
import tcvn3  # noqa: E402

FIXED_DATE = datetime(2024, 3, 20, 8, 0, 0)
ZIP_DATE = (2024, 3, 20, 8, 0, 0)

SEED_FILES = {
    "kh-vinh-tan-dang-uy": "000_8159f92b8ce93191.txt",
    "kh-344-my-phuoc": "001_151006833bb84f90.txt",
    "kh-46-pho-minh": "002_f81aa050e7f75116.txt",
    "kh-bcd-thi-xa-2023": "003_088dc192448b2af7.txt",
    "hd-bdvtu-hai-phong-2024": "004_50154a08567fd33d.txt",
}
FORMS = ("form-chi-bo-khoi-5", "form-cong-an-phuong", "form-hoi-lhpn-phuong")
#: An invented form (no dev-set counterpart, so no gold) that arrives as a photographed scan: the demo's
#: review queue shows what OCR read with low confidence, and its unit is late (dated after the deadline).
SCANNED_FORM = "form-chi-bo-khoi-2"
SCAN_DPI, SCAN_SEED, SCAN_QUALITY = 150, 12, 55
#: A wet stain over one date on the photographed form: the ink there fades to this grey, so OCR reads the
#: cell with a low confidence (as happens on real paper) and the review queue must show it.
SCAN_STAIN, SCAN_STAIN_GREY = "11/2024", 170
#: An invented form of an earlier campaign (2023), so the sample inbox holds two campaigns (one sheet each).
EARLIER_FORM = "form-doan-thanh-nien-2023"


# --------------------------------------------------------------------------- document model

Run = tuple  # (text, bold, italic)


@dataclass
class Para:
    runs: list
    style: str = "body"  # body | heading | bullet | center | center_bold | right_block | plain


@dataclass
class Header:
    """Official two-column header: issuer | motto, then Số | place-and-date."""
    left: list
    right: list
    left_bottom: list
    right_bottom: list


@dataclass
class Signature:
    recipients: list
    titles: list
    name: str
    stamps: list = field(default_factory=list)


@dataclass
class PageBreak:
    pass


@dataclass
class Form:
    unit: str
    star: bool
    title: list
    header: list
    rows: list  # list of cell lists; a section row has its roman numeral in cell 0 and text in cell 1
    footer: list  # (text, bold, italic)
    signer_title: str | None
    signer_name: str | None
    col_weights: tuple = (5, 26, 24, 18, 15, 12)


def R(text: str, bold: bool = False, italic: bool = False) -> Run:
    return (text, bold, italic)


# --------------------------------------------------------------------------- seed parsing

_MARKER = re.compile(r"^(?:[-+•]\s|\*\s|\d+(?:\.\d+)*\.\s|[IVX]+\.\s|Bước\s+\d)")
_TERMINAL = (".", ":", ";", "!", "?", "…")


def reflow(text: str) -> list[str]:
    """Hard-wrapped PDF-extracted lines (blank line after each) back into paragraphs.

    A paragraph ends after a short line, or when the next line starts a list item / heading (or
    keeps its first-line indent) and the line before closes a sentence; a line ending in a glued
    hyphen (``49-``) joins without a space because the number was only wrapped there (``49-KH/ThU``).
    """
    raw = [ln.rstrip() for ln in text.split("\n") if ln.strip()]
    lines = [ln.strip() for ln in raw]
    if not lines:
        return []
    width = sorted(len(ln) for ln in lines)[int(len(lines) * 0.9)]
    paras: list[str] = [lines[0]]
    for prev, line, line_raw in zip(lines, lines[1:], raw[1:]):
        short = len(prev) < 0.6 * width
        ends = prev.endswith(_TERMINAL)
        full = len(prev) >= 0.88 * width
        starts_item = bool(_MARKER.match(line))
        indented = line_raw.startswith(" ") and line[:1].isupper()  # a first-line indent survived extraction
        if short or (starts_item and (ends or not full)) or (ends and (not full or indented)):
            paras.append(line)
        elif re.search(r"\w-$", prev):
            paras[-1] += line
        else:
            paras[-1] += " " + line
    return [re.sub(r"\s+", " ", p).strip() for p in paras]


def md_runs(text: str) -> list[Run]:
    """Inline markdown of the DOCX-derived seeds (``**bold**``, ``*italic*``) to runs."""
    runs: list[Run] = []
    bold = italic = False
    lead = ""
    if re.match(r"^\*\s", text):  # a literal bullet star, not emphasis
        lead, text = "* ", text[2:]
    buf = lead
    for tok in re.split(r"(\*\*|\*)", text):
        if tok == "**":
            if buf:
                runs.append(R(buf, bold, italic))
            buf, bold = "", not bold
        elif tok == "*":
            if buf:
                runs.append(R(buf, bold, italic))
            buf, italic = "", not italic
        else:
            buf += tok
    if buf:
        runs.append(R(buf, bold, italic))
    return runs


def md_paragraphs(text: str) -> list[str]:
    """Paragraph lines of a DOCX-derived seed, re-joining paragraphs cut by the page breaks."""
    paras: list[str] = []
    for line in (ln.strip() for ln in text.split("\n")):
        if not line:
            continue
        bare = line.lstrip("*")
        if paras and bare[:1].islower() and not paras[-1].rstrip("*").endswith(_TERMINAL):
            paras[-1] += " " + line
        else:
            paras.append(line)
    return paras


def classify(p: str) -> str:
    """Styling only: roman headings and short numbered sub-headings bold, list items hanging."""
    bare = p.replace("*", "")
    if re.match(r"^[IVX]+\.\s", bare):
        return "heading"
    if re.match(r"^\d+(\.\d+)*\.\s", bare) and (len(bare) < 60 or len(bare) < 90 and not bare.rstrip().endswith(".")):
        return "heading"
    if re.match(r"^(\*\s*)?Bước\s+\d", bare.strip()):
        return "heading"
    if re.match(r"^[-+]\s", bare):
        return "bullet"
    return "body"


def split_closing(text: str) -> tuple[str, str]:
    idx = text.index("Nơi nhận:")
    return text[:idx], text[idx:]


def recipients_of(closing: str) -> list[str]:
    out = []
    for ln in closing.split("\n"):
        ln = ln.strip()
        if re.match(r"^-\s*\S", ln):
            out.append(re.sub(r"^-\s+", "- ", ln))
    return out


def src(name: str) -> str:
    return (SOURCES / name).read_text(encoding="utf-8")


def body_from_reflow(text: str) -> list:
    return [Para([R(p)], classify(p)) for p in reflow(text)]


def build_seed_000() -> list:
    text = src(SEED_FILES["kh-vinh-tan-dang-uy"])
    letter, form_text = text.split("Đơn vị:…", 1)
    body, closing = split_closing(letter)
    blocks: list = body_from_reflow(body)
    blocks.append(Signature(recipients_of(closing), ["T/M ĐẢNG ỦY", "PHÓ BÍ THƯ THƯỜNG TRỰC"],
                            "Nguyễn Thị Bích Hạnh"))
    blocks.append(PageBreak())
    header = ["TT", "Tên mô hình", "Tập thể (cá nhân) chỉ đạo xây dựng mô hình", "Địa chỉ mô hình",
              "Lĩnh vực ( KT, VH-XH, QP-AN, Xây dựng hệ thống chính trị)", "Thời gian thực hiện"]
    rows = [["I", "Mô hình mới năm 2024"], ["1", "", "", "", "", ""], ["2", "", "", "", "", ""],
            ["II", "Mô hình tiếp tục thực hiện (đã đăng ký năm 2023)"], ["1", "", "", "", "", ""],
            ["2", "", "", "", "", ""]]
    blocks.append(Form(unit="Đơn vị:…………………..…….", star=True,
                       title=["DANH SÁCH", "ĐĂNG KÝ MÔ HÌNH DÂN VẬN KHÉO NĂM 2023"], header=header, rows=rows,
                       footer=[R("Vinh Tân, ngày      tháng 02 năm 2024", italic=True), R("Đơn vị:………………………..", True),
                               R("( ký, ghi rõ họ tên, chức vụ)", italic=True)],
                       signer_title=None, signer_name=None, col_weights=(7, 24, 22, 17, 16, 14)))
    assert "DANH SÁCH" in form_text
    return blocks


def build_seed_001() -> list:
    text = src(SEED_FILES["kh-344-my-phuoc"])
    start = text.index("Căn cứ Kế hoạch số 03")
    body, closing = split_closing(text[start:])
    blocks: list = [
        Header(left=[R("UBND THÀNH PHỐ LONG XUYÊN"), R("UBND PHƯỜNG MỸ PHƯỚC", True)],
               right=[R("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), R("Độc lập - Tự do - Hạnh phúc", True)],
               left_bottom=[R("Số: 344 /KH-UBND")],
               right_bottom=[R("Mỹ Phước, ngày 20 tháng 3 năm 2024", italic=True)]),
        Para([R("KẾ HOẠCH", True)], "center_bold"),
        Para([R("Phát động phong trào thi đua “Dân Vận khéo”\nvà “Dân vận khéo trong xây dựng nông thôn mới, "
                "đô thị văn minh”\nphường Mỹ Phước năm 2024", True)], "center_bold"),
    ]
    for p in md_paragraphs(body):
        blocks.append(Para(md_runs(p), classify(p)))
    blocks.append(Signature(recipients_of(closing), ["CHỦ TỊCH"], "Nguyễn Thanh Tuấn"))
    return blocks


def build_seed_002() -> list:
    text = src(SEED_FILES["kh-46-pho-minh"])
    start = text.index("Căn cứ kế hoạch số 44")
    body, closing = split_closing(text[start:])
    stamps = re.findall(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}", closing)
    recipients = recipients_of(closing.replace("CHỦ TỊCH", ""))
    return [
        Header(left=[R("ỦY BAN NHÂN DÂN"), R("PHƯỜNG PHỔ MINH", True)],
               right=[R("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), R("Độc lập - Tự do - Hạnh phúc", True)],
               left_bottom=[R("Số: 46/KH-UBND")],
               right_bottom=[R("Phổ Minh, ngày 19 tháng 3 năm 2024", italic=True)]),
        Para([R("KẾ HOẠCH", True)], "center_bold"),
        Para([R("Về việc phát động phong trào thi đua “Dân vận khéo” năm 2024", True)], "center_bold"),
        *body_from_reflow(body),
        Signature(recipients, ["CHỦ TỊCH"], "Lê Duy Bảo", stamps=stamps),
    ]


def build_seed_003() -> list:
    text = src(SEED_FILES["kh-bcd-thi-xa-2023"])
    body, closing = split_closing(text)
    recipients = recipients_of(closing)
    return [*body_from_reflow(body),
            Signature(recipients, ["PHÓ BÍ THƯ THỊ ỦY", "kiêm", "TRƯỞNG BAN CHỈ ĐẠO"], "Nguyễn Thăng Long")]


def build_seed_004() -> list:
    text = src(SEED_FILES["hd-bdvtu-hai-phong-2024"])
    start = text.index("Thực hiện Nghị quyết số 10-NQ/TU")
    body, closing = split_closing(text[start:])
    blocks: list = [Para([R("HƯỚNG DẪN", True)], "center_bold"),
                    Para([R("thực hiện phong trào thi đua “Dân vận khéo” năm 2024", True)], "center_bold")]
    for p in md_paragraphs(body):
        blocks.append(Para(md_runs(p), classify(p)))
    blocks.append(Signature(recipients_of(closing.split("**K/T")[0]), ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"],
                            "Nguyễn Thu Thủy"))
    return blocks


# --------------------------------------------------------------------------- forms (dev texts)

def parse_form(name: str) -> Form:
    """The invented filled forms of the dev set (markdown pipes, bare pipes or tabs) as a Form."""
    lines = src(f"{name}.txt").split("\n")
    unit = next(ln.strip() for ln in lines if ln.strip().startswith("Đơn vị:"))
    star = any(ln.strip() == "*" for ln in lines[:3])
    title_idx = next(i for i, ln in enumerate(lines) if ln.strip() == "DANH SÁCH")
    title = [lines[title_idx].strip(), lines[title_idx + 1].strip()]
    table_lines, i = [], title_idx + 2
    while i < len(lines) and not lines[i].strip():
        i += 1
    while i < len(lines) and lines[i].strip():
        table_lines.append(lines[i])
        i += 1
    footer_lines = [ln.strip() for ln in lines[i:]]
    rows: list[list[str]] = []
    for ln in table_lines:
        if re.match(r"^\|?\s*-{3,}", ln):
            continue
        if "\t" in ln:
            cells = ln.split("\t")
        else:
            cells = ln.strip().strip("|").split("|")
        cells = [c.strip() for c in cells] + [""] * (6 - len(cells))
        if rows and not cells[0] and any(cells[1:]):  # continuation line of a wrapped row
            rows[-1] = [(a + " " + b).strip() if b else a for a, b in zip(rows[-1], cells)]
            continue
        rows.append(cells[:6])
    header, body = rows[0], rows[1:]
    body = [[r[0], r[1]] if re.fullmatch(r"[IVX]+", r[0]) else r for r in body]
    name_line = [ln for ln in footer_lines if ln]
    signer_name = name_line[-1]
    signer_title = name_line[-2]
    footer = [R(name_line[0], italic=True), R(name_line[1], True), R(name_line[2], italic=True)]
    return Form(unit=unit, star=star, title=title, header=header, rows=body, footer=footer,
                signer_title=signer_title, signer_name=signer_name)


# --------------------------------------------------------------------------- PDF (reportlab)

_VIETNAMESE = ("ĂÂĐÊÔƠƯăâđêôơưẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ"
               "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ“”–…")


def _covers_vietnamese(path: Path) -> bool:
    """fonts-liberation 1.x lacks the Vietnamese letters; liberation2 and DejaVu have them."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    cmap = TTFontFile(str(path)).charToGlyph
    return all(ord(ch) in cmap for ch in _VIETNAMESE)


def _pdf_fonts() -> str:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    candidates = [(folder, "LiberationSerif-Regular", "LiberationSerif-Bold", "LiberationSerif-Italic",
                   "LiberationSerif-BoldItalic")
                  for folder in ("/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation")]
    candidates.append(("/usr/share/fonts/truetype/dejavu", "DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic",
                       "DejaVuSerif-BoldItalic"))
    for folder, *faces in candidates:
        paths = [Path(folder) / f"{face}.ttf" for face in faces]
        if all(p.exists() for p in paths) and all(_covers_vietnamese(p) for p in paths):
            break
    else:
        raise SystemExit("no serif TTF font with Vietnamese glyphs: apt-get install -y fonts-liberation2")
    names = ["Serif", "Serif-Bold", "Serif-Italic", "Serif-BoldItalic"]
    for nm, p in zip(names, paths):
        pdfmetrics.registerFont(TTFont(nm, str(p)))
    addMapping("Serif", 0, 0, "Serif")
    addMapping("Serif", 1, 0, "Serif-Bold")
    addMapping("Serif", 0, 1, "Serif-Italic")
    addMapping("Serif", 1, 1, "Serif-BoldItalic")
    return paths[0].name


def _xml(runs: list, size: float | None = None) -> str:
    out = []
    for text, bold, italic in runs:
        t = escape(text).replace("\n", "<br/>")
        if italic:
            t = f"<i>{t}</i>"
        if bold:
            t = f"<b>{t}</b>"
        out.append(t)
    return "".join(out)


class _Styles:
    def __init__(self, size: float = 13, cell_leading: float = 1.22, cell_size: float | None = None):
        from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.lib.units import cm

        lead = size * 1.3
        base = ParagraphStyle("base", fontName="Serif", fontSize=size, leading=lead)
        self.body = ParagraphStyle("body", base, alignment=TA_JUSTIFY, firstLineIndent=1 * cm, spaceAfter=4)
        self.heading = ParagraphStyle("heading", self.body, fontName="Serif-Bold", spaceBefore=2)
        self.bullet = ParagraphStyle("bullet", self.body)
        self.center = ParagraphStyle("center", base, alignment=TA_CENTER)
        self.center_bold = ParagraphStyle("center_bold", base, alignment=TA_CENTER, fontName="Serif-Bold",
                                          spaceAfter=2)
        self.hdr = ParagraphStyle("hdr", base, alignment=TA_CENTER, fontSize=size - 0.5, leading=size * 1.25)
        self.hdr_small = ParagraphStyle("hdr_small", self.hdr, fontSize=size - 1)
        self.left = ParagraphStyle("left", base, alignment=TA_LEFT)
        self.recip_head = ParagraphStyle("recip_head", base, fontName="Serif-BoldItalic", fontSize=12, leading=15)
        self.recip = ParagraphStyle("recip", base, fontSize=11, leading=13.5)
        self.sign = ParagraphStyle("sign", base, alignment=TA_CENTER, fontName="Serif-Bold")
        cell_size = cell_size or size - 1
        self.cell = ParagraphStyle("cell", base, fontSize=cell_size, leading=cell_size * cell_leading)
        self.cell_center = ParagraphStyle("cell_c", self.cell, alignment=TA_CENTER)
        self.cell_head = ParagraphStyle("cell_h", self.cell_center, fontName="Serif-Bold")
        self.stamp = ParagraphStyle("stamp", base, fontSize=8, leading=10, textColor="#1f3a93")


def _hrule(width: float):
    from reportlab.platypus import Flowable

    class Rule(Flowable):
        """The short line drawn under the issuer and under the motto."""

        def wrap(self, aw, ah):
            self.aw = aw
            return aw, 3

        def draw(self):
            self.canv.setLineWidth(0.6)
            self.canv.line((self.aw - width) / 2, 1.5, (self.aw + width) / 2, 1.5)

    return Rule()


def _pdf_story(blocks: list, st: _Styles, frame_width: float) -> list:
    from reportlab.lib import colors
    from reportlab.lib.units import cm
    from reportlab.platypus import KeepTogether, PageBreak as RLPageBreak, Paragraph, Spacer, Table, TableStyle

    story: list = []
    plain = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])
    for b in blocks:
        if isinstance(b, Header):
            lw, rw = frame_width * 0.42, frame_width * 0.58
            left = [Paragraph(_xml([r]), st.hdr) for r in b.left] + [_hrule(2.2 * cm)]
            right = [Paragraph(_xml([b.right[0]]), st.hdr_small)] + \
                    [Paragraph(_xml([r]), st.hdr) for r in b.right[1:]] + [_hrule(4.6 * cm)]
            row2 = [[Spacer(1, 4)] + [Paragraph(_xml([r]), st.hdr) for r in b.left_bottom],
                    [Spacer(1, 4)] + [Paragraph(_xml([r]), st.hdr) for r in b.right_bottom]]
            t = Table([[left, right], row2], colWidths=[lw, rw])
            t.setStyle(plain)
            story += [t, Spacer(1, 14)]
        elif isinstance(b, Para):
            style = getattr(st, b.style if hasattr(st, b.style) else "body")
            story.append(Paragraph(_xml(b.runs), style))
        elif isinstance(b, Signature):
            left = [Paragraph("Nơi nhận:", st.recip_head)] + [Paragraph(escape(r), st.recip) for r in b.recipients]
            right = [Paragraph(escape(t) if t.islower() else f"<b>{escape(t)}</b>", st.sign) for t in b.titles]
            right += [Spacer(1, 60), Paragraph(f"<b>{escape(b.name)}</b>", st.sign)]
            t = Table([[left, right]], colWidths=[frame_width * 0.5, frame_width * 0.5])
            t.setStyle(plain)
            story += [Spacer(1, 10), KeepTogether([t])]
            if b.stamps:
                stamp_rows = [[Paragraph(f"Ký số: {escape(s)}", st.stamp)] for s in b.stamps]
                ts = Table(stamp_rows, colWidths=[5.2 * cm], hAlign="RIGHT")
                ts.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#1f3a93")),
                                        ("LEFTPADDING", (0, 0), (-1, -1), 4)]))
                story += [Spacer(1, 8), ts]
        elif isinstance(b, PageBreak):
            story.append(RLPageBreak())
        elif isinstance(b, Form):
            story += _pdf_form(b, st, frame_width)
    return story


def _pdf_form(f: Form, st: _Styles, frame_width: float, repeat_header: bool = True, airy: bool = False) -> list:
    """The form as flowables; ``airy`` mimics Word's 1.5-line cells with 6 pt after each paragraph."""
    from reportlab.lib import colors
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    out: list = []
    unit = Table([[Paragraph(f"<b>{escape(f.unit)}</b>", st.left)]] +
                 ([[Paragraph("*", st.center)]] if f.star else []), colWidths=[frame_width * 0.75], hAlign="LEFT")
    unit.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    out += [unit, Spacer(1, 24 if airy else 8)]
    out += [Paragraph(f"<b>{escape(t)}</b>", st.center_bold) for t in f.title]
    out.append(Spacer(1, 24 if airy else 10))
    total = sum(f.col_weights)
    widths = [frame_width * w / total for w in f.col_weights]
    data = [[Paragraph(escape(h), st.cell_head) for h in f.header]]
    style = [("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("VALIGN", (0, 1), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 6 if airy else 3),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 12 if airy else 5)]
    for r, row in enumerate(f.rows, start=1):
        if len(row) == 2:  # section row: numeral + text merged across the other columns
            data.append([Paragraph(f"<b>{escape(row[0])}</b>", st.cell_center),
                         Paragraph(f"<b>{escape(row[1])}</b>", st.cell), "", "", "", ""])
            style.append(("SPAN", (1, r), (-1, r)))
        else:
            cells = [Paragraph(escape(row[0]), st.cell_center)] + \
                    [Paragraph(escape(c), st.cell) for c in row[1:4]] + \
                    [Paragraph(escape(c), st.cell_center) for c in row[4:]]
            data.append(cells)
    table = Table(data, colWidths=widths, repeatRows=1 if repeat_header else 0)
    table.setStyle(TableStyle(style))
    out += [table, Spacer(1, 12)]
    sig = [Paragraph(_xml([r]), st.center) for r in f.footer]
    if f.signer_title:
        sig.append(Paragraph(f"<b>{escape(f.signer_title)}</b>", st.center))
    if f.signer_name:
        sig += [Spacer(1, 40), Paragraph(f"<b>{escape(f.signer_name)}</b>", st.center)]
    t = Table([["", sig]], colWidths=[frame_width * 0.45, frame_width * 0.55])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    out.append(t)
    return out


def write_pdf(blocks: list, path: Path, title: str, landscape_page: bool = False, size: float = 13,
              page_numbers: bool = True) -> None:
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import cm
    from reportlab.platypus import SimpleDocTemplate

    rl_config.invariant = 1  # fixed creation date and document id: the same bytes on every build
    _pdf_fonts()
    pagesize = landscape(A4) if landscape_page else A4
    left, right = (2 * cm, 2 * cm) if landscape_page else (3 * cm, 2 * cm)
    doc = SimpleDocTemplate(str(path), pagesize=pagesize, leftMargin=left, rightMargin=right,
                            topMargin=2 * cm, bottomMargin=2 * cm, title=title, author="", creator="Microsoft Word",
                            producer="", subject="")
    st = _Styles(size)

    def number(canvas, d):  # Word prints the page number at the top centre from page 2 on
        if page_numbers and d.page > 1:
            canvas.setFont("Serif", 12)
            canvas.drawCentredString(pagesize[0] / 2, pagesize[1] - 1.2 * cm, str(d.page))

    doc.build(_pdf_story(blocks, st, doc.width), onFirstPage=number, onLaterPages=number)


def write_form_pdf(f: Form, path: Path, landscape_page: bool, repeat_header: bool, size: float = 13,
                   cell_leading: float = 1.22) -> None:
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import cm
    from reportlab.platypus import SimpleDocTemplate

    rl_config.invariant = 1
    _pdf_fonts()
    pagesize = landscape(A4) if landscape_page else A4
    margin = 1.8 * cm if landscape_page else 2 * cm
    doc = SimpleDocTemplate(str(path), pagesize=pagesize, leftMargin=margin, rightMargin=margin,
                            topMargin=1.8 * cm, bottomMargin=1.8 * cm, title="Danh sách đăng ký mô hình",
                            author="", creator="Microsoft Word", producer="", subject="")
    st = _Styles(size, cell_leading, cell_size=None if landscape_page else size)
    if not landscape_page:
        f = copy.copy(f)
        f.col_weights = (7, 24, 22, 17, 16, 14)
    doc.build(_pdf_form(f, st, doc.width, repeat_header=repeat_header, airy=not landscape_page))


# --------------------------------------------------------------------------- DOCX (python-docx)

def _docx_base(landscape_page: bool = False, size: int = 14):
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    d = Document()
    normal = d.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(size)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), "Times New Roman")
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.space_before = Pt(0)
    sec = d.sections[0]
    if landscape_page:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
        sec.left_margin = sec.right_margin = Cm(1.8)
        sec.top_margin = sec.bottom_margin = Cm(1.8)
    else:
        sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
        sec.left_margin, sec.right_margin = Cm(3.0), Cm(2.0)
        sec.top_margin, sec.bottom_margin = Cm(2.0), Cm(2.0)
    cp = d.core_properties
    cp.author = cp.last_modified_by = ""
    cp.title = cp.comments = cp.subject = cp.keywords = ""
    cp.created = cp.modified = cp.last_printed = FIXED_DATE
    cp.revision = 1
    return d


def _add_runs(paragraph, runs: list, size=None) -> None:
    from docx.shared import Pt

    for text, bold, italic in runs:
        parts = text.split("\n")
        for k, part in enumerate(parts):
            run = paragraph.add_run(part)
            run.bold = bold or None
            run.italic = italic or None
            if size:
                run.font.size = Pt(size)
            if k < len(parts) - 1:
                run.add_break()


def _no_borders(table) -> None:
    from docx.oxml.ns import qn

    tbl_pr = table._tbl.tblPr
    borders = tbl_pr.makeelement(qn("w:tblBorders"), {})
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(borders.makeelement(qn(f"w:{edge}"), {qn("w:val"): "nil"}))
    tbl_pr.append(borders)


def _set_widths(table, widths_cm: list) -> None:
    from docx.shared import Cm

    table.autofit = False
    for col, w in zip(table.columns, widths_cm):  # the grid widths are what Word and LibreOffice lay out by
        col.width = Cm(w)
    for row in table.rows:
        for cell, w in zip(row.cells, widths_cm):
            cell.width = Cm(w)


def _cell_par(cell, runs: list, align=None, size=None, first: bool = True):
    from docx.shared import Pt

    p = cell.paragraphs[0] if first else cell.add_paragraph()
    p.paragraph_format.space_after = Pt(0)
    if align is not None:
        p.alignment = align
    _add_runs(p, runs, size)
    return p


def _docx_blocks(d, blocks: list) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH as AL
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    for b in blocks:
        if isinstance(b, Header):
            t = d.add_table(rows=2, cols=2)
            _no_borders(t)
            _set_widths(t, [7.0, 9.5])
            c = t.cell(0, 0)
            for k, r in enumerate(b.left):
                _cell_par(c, [r], AL.CENTER, 12 if k == 0 else 13, first=k == 0)
            _cell_par(c, [R("______")], AL.CENTER, 9, first=False)
            c = t.cell(0, 1)
            for k, r in enumerate(b.right):
                _cell_par(c, [r], AL.CENTER, 12 if k == 0 else 13, first=k == 0)
            _cell_par(c, [R("_________________________")], AL.CENTER, 9, first=False)
            _cell_par(t.cell(1, 0), b.left_bottom, AL.CENTER, 13)
            _cell_par(t.cell(1, 1), b.right_bottom, AL.CENTER, 14)
            d.add_paragraph()
        elif isinstance(b, Para):
            p = d.add_paragraph()
            pf = p.paragraph_format
            if b.style in ("center_bold", "center"):
                p.alignment = AL.CENTER
                pf.space_after = Pt(2)
            else:
                p.alignment = AL.JUSTIFY
                pf.first_line_indent = Cm(1.0)
            runs = b.runs
            if b.style == "heading":
                runs = [(t, True, i) for t, _b, i in runs]
            _add_runs(p, runs)
        elif isinstance(b, Signature):
            d.add_paragraph()
            t = d.add_table(rows=1, cols=2)
            _no_borders(t)
            _set_widths(t, [8.0, 8.0])
            tr_pr = t.rows[0]._tr.get_or_add_trPr()
            tr_pr.append(tr_pr.makeelement(qn("w:cantSplit"), {}))  # keep "Nơi nhận" and the signature together
            left = t.cell(0, 0)
            _cell_par(left, [R("Nơi nhận:", True, True)], size=12)
            for r in b.recipients:
                _cell_par(left, [R(r)], size=11, first=False)
            right = t.cell(0, 1)
            for k, title in enumerate(b.titles):
                _cell_par(right, [R(title, not title.islower())], AL.CENTER, first=k == 0)
            for _ in range(3):
                _cell_par(right, [R("")], AL.CENTER, first=False)
            _cell_par(right, [R(b.name, True)], AL.CENTER, first=False)
        elif isinstance(b, PageBreak):
            from docx.enum.text import WD_BREAK
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _docx_form(d, f: Form, total_cm: float) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH as AL
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    head = d.add_table(rows=2 if f.star else 1, cols=1)
    _no_borders(head)
    _set_widths(head, [14.0])
    _cell_par(head.cell(0, 0), [R(f.unit, True)], AL.LEFT, 13)
    if f.star:
        _cell_par(head.cell(1, 0), [R("*")], AL.CENTER, 13)
    for k, t in enumerate(f.title):
        p = d.add_paragraph()
        p.alignment = AL.CENTER
        p.paragraph_format.space_after = Pt(0 if k == 0 else 8)
        p.paragraph_format.space_before = Pt(8 if k == 0 else 0)
        _add_runs(p, [R(t, True)])
    table = d.add_table(rows=1 + len(f.rows), cols=6)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    weights = f.col_weights
    widths = [total_cm * w / sum(weights) for w in weights]
    _set_widths(table, widths)
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(tr_pr.makeelement(qn("w:tblHeader"), {}))  # repeat the header row on each page
    for j, h in enumerate(f.header):
        _cell_par(table.cell(0, j), [R(h, True)], AL.CENTER, 13)
    for i, row in enumerate(f.rows, start=1):
        if len(row) == 2:
            merged = table.cell(i, 1).merge(table.cell(i, 5))
            _cell_par(table.cell(i, 0), [R(row[0], True)], AL.CENTER, 13)
            _cell_par(merged, [R(row[1], True)], AL.LEFT, 13)
            continue
        for j, text in enumerate(row):
            align = AL.CENTER if j in (0, 4, 5) else AL.LEFT
            _cell_par(table.cell(i, j), [R(text)], align, 13)
    d.add_paragraph()
    sig = d.add_table(rows=1, cols=2)
    _no_borders(sig)
    _set_widths(sig, [total_cm * 0.45, total_cm * 0.55])
    cell = sig.cell(0, 1)
    for k, r in enumerate(f.footer):
        _cell_par(cell, [r], AL.CENTER, 13, first=k == 0)
    if f.signer_title:
        _cell_par(cell, [R(f.signer_title, True)], AL.CENTER, 13, first=False)
    if f.signer_name:
        for _ in range(3):
            _cell_par(cell, [R("")], AL.CENTER, 13, first=False)
        _cell_par(cell, [R(f.signer_name, True)], AL.CENTER, 13, first=False)


def write_docx(blocks: list, path: Path, title: str) -> None:
    d = _docx_base()
    d.core_properties.title = title
    _docx_blocks(d, blocks)
    _save_docx(d, path)


def write_form_docx(f: Form, path: Path) -> None:
    d = _docx_base(landscape_page=True, size=13)
    d.core_properties.title = "Danh sách đăng ký mô hình Dân vận khéo"
    _docx_form(d, f, total_cm=26.0)
    _save_docx(d, path)


def _save_docx(d, path: Path) -> None:
    buf = io.BytesIO()
    d.save(buf)
    path.write_bytes(normalize_zip(buf.getvalue()))


def normalize_zip(data: bytes) -> bytes:
    """Same bytes on every build: fixed entry timestamps and fixed document dates in core.xml."""
    stamp = FIXED_DATE.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            body = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = body.decode("utf-8")
                text = re.sub(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)", rf"\g<1>{stamp}\g<2>", text)
                body = text.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zout.writestr(zi, body)
    return out.getvalue()


# --------------------------------------------------------------------------- XLSX (openpyxl)

def write_form_xlsx(f: Form, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sach dang ky"
    wb.properties.creator = ""
    wb.properties.created = wb.properties.modified = FIXED_DATE
    font = Font(name="Times New Roman", size=13)
    bold = Font(name="Times New Roman", size=13, bold=True)
    italic = Font(name="Times New Roman", size=13, italic=True)
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    center = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for col, width in zip("ABCDEF", (6, 38, 34, 26, 22, 18)):
        ws.column_dimensions[col].width = width
    r = 1
    ws.cell(r, 1, f.unit).font = bold
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=3)
    r += 1
    if f.star:
        ws.cell(r, 1, "*").alignment = Alignment(horizontal="center")
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=3)
        r += 1
    r += 1
    for t in f.title:
        c = ws.cell(r, 1, t)
        c.font, c.alignment = bold, Alignment(horizontal="center")
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
        r += 1
    r += 1
    for j, h in enumerate(f.header, start=1):
        c = ws.cell(r, j, h)
        c.font, c.alignment, c.border = bold, center, box
    ws.row_dimensions[r].height = 70
    r += 1
    for row in f.rows:
        if len(row) == 2:
            ws.cell(r, 1, row[0])
            ws.cell(r, 2, row[1])
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=6)
            for j in range(1, 7):
                c = ws.cell(r, j)
                c.font, c.border = bold, box
                c.alignment = center if j == 1 else wrap
        else:
            for j, text in enumerate(row, start=1):
                value: object = int(text) if j == 1 and text.isdigit() else text
                c = ws.cell(r, j, value)
                c.font, c.border = font, box
                c.alignment = center if j in (1, 5, 6) else wrap
            longest = max(len(t) / w for t, w in zip(row, (6, 38, 34, 26, 22, 18)))
            ws.row_dimensions[r].height = 18 * max(1, int(longest * 1.15) + 1)
        r += 1
    r += 1
    lines = [(f.footer[0][0], italic), (f.footer[1][0], bold), (f.footer[2][0], italic)]
    if f.signer_title:
        lines.append((f.signer_title, bold))
    if f.signer_name:
        lines += [("", font), ("", font), (f.signer_name, bold)]
    for text, fnt in lines:
        if text:
            c = ws.cell(r, 4, text)
            c.font, c.alignment = fnt, Alignment(horizontal="center")
            ws.merge_cells(start_row=r, start_column=4, end_row=r, end_column=6)
        r += 1
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # print the six columns on one page width
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(normalize_zip(buf.getvalue()))


# --------------------------------------------------------------------------- gold

def pdf_pages(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_gold(gold_dir: Path, corpus_file: Path, dev_name: str, fmt: str, note: str) -> None:
    gold = json.loads((SOURCES / "dev_gold" / f"{dev_name}.gold.json").read_text(encoding="utf-8"))
    gold = copy.deepcopy(gold)
    gold["source"] = {"path": f"corpus/{corpus_file.name}", "sha256": sha256(corpus_file), "format": fmt,
                      "pages": pdf_pages(corpus_file) if fmt == "pdf" else None, "ocr": False}
    gold["notes"] = list(gold.get("notes", [])) + [
        f"Corpus version of dev document {dev_name} ({fmt}), built by tools/build_corpus.py. Same content, so "
        "the dev gold applies unchanged; location fields (page/line/table/row) are informational and were "
        "copied from the dev gold.", note]
    gold["notes"] = [n for n in gold["notes"] if n]
    (gold_dir / f"{corpus_file.name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n",
                                                          encoding="utf-8")


# --------------------------------------------------------------------------- scanned form


def write_scan(pdf: Path, path: Path, dpi: int, seed: int, quality: int, stain: str = "", grey: int = 170) -> None:
    """The first page of ``pdf`` as a phone-camera-like JPEG: grey paper, a slight tilt, blur, noise, dust,
    and the ink of the word ``stain`` faded to ``grey`` (a wet stain).

    Uses the degradation of tools/make_scans.py (same seeded noise), so the bytes are the same every build.
    """
    import numpy as np
    import pdfplumber
    from PIL import Image

    from make_scans import degrade, render  # noqa: PLC0415 - the one definition of a "scan"

    page = render(pdf, dpi, [0])[0].convert("L")
    if stain:
        with pdfplumber.open(pdf) as doc:
            word = next(w for w in doc.pages[0].extract_words() if w["text"] == stain)
        arr = np.asarray(page, dtype=np.float32).copy()
        x0, y0, x1, y1 = (int(v * dpi / 72) for v in (word["x0"], word["top"], word["x1"], word["bottom"]))
        spot = arr[y0 - 2:y1 + 2, x0 - 2:x1 + 2]
        arr[y0 - 2:y1 + 2, x0 - 2:x1 + 2] = grey + (spot / 255.0) * (255 - grey)
        page = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    img = degrade(page, np.random.default_rng(seed), dpi, bilevel=False)
    img.save(path, "JPEG", quality=quality, optimize=False, progressive=False)  # no dpi tag, as from a phone


# --------------------------------------------------------------------------- main

def build(out: Path, gold_dir: Path | None) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    made: list[tuple[Path, str, str, str]] = []  # (file, dev name, format, gold note)

    p = out / "kh-vinh-tan-dang-uy.pdf"
    write_pdf(build_seed_000(), p, "Đăng ký mô hình Dân vận khéo năm 2024")
    made.append((p, "kh-vinh-tan-dang-uy", "pdf",
                 "The PDF has no header block, as the seed text has none; the blank form is a real table on its "
                 "own page with merged section rows."))
    p = out / "kh-344-my-phuoc.docx"
    write_docx(build_seed_001(), p, "Kế hoạch 344/KH-UBND")
    made.append((p, "kh-344-my-phuoc", "docx",
                 "The DOCX adds the official header table that the seed text lacks: issuer lines "
                 "\"UBND THÀNH PHỐ LONG XUYÊN\" / \"UBND PHƯỜNG MỸ PHƯỚC\" and the national motto on the right. "
                 "This agrees with the gold issuer (UBND phường Mỹ Phước); no gold value changes."))
    p = out / "kh-46-pho-minh.pdf"
    write_pdf(build_seed_002(), p, "Kế hoạch 46/KH-UBND")
    made.append((p, "kh-46-pho-minh", "pdf",
                 "Two-column header drawn as in the original; the two digital-signature timestamps are printed in "
                 "a small stamp box after the signature (prefixed \"Ký số:\")."))
    p = out / "kh-bcd-thi-xa-2023.pdf"
    write_pdf(build_seed_003(), p, "Kế hoạch công tác năm 2023 của Ban Chỉ đạo phong trào thi đua Dân vận khéo")
    made.append((p, "kh-bcd-thi-xa-2023", "pdf",
                 "No header block, as in the seed. Several pages: paragraphs cross page breaks."))
    p = out / "hd-bdvtu-hai-phong-2024.docx"
    write_docx(build_seed_004(), p, "Hướng dẫn thực hiện phong trào thi đua Dân vận khéo năm 2024")
    made.append((p, "hd-bdvtu-hai-phong-2024", "docx", "No header block, as in the seed."))

    layouts = {  # (landscape, repeat header row, font size, cell line spacing) per form PDF; the LHPN one spans 2 pages
        "form-chi-bo-khoi-5": (True, False, 12.5, 1.22),
        "form-cong-an-phuong": (True, False, 12.5, 1.22),
        "form-hoi-lhpn-phuong": (False, True, 14, 1.5),
    }
    for name in FORMS:
        form = parse_form(name)
        p = out / f"{name}.docx"
        write_form_docx(form, p)
        made.append((p, name, "docx", "Registration table with borders, merged section rows, header row marked "
                                      "to repeat; wrapped cells are single cells."))
        p = out / f"{name}.pdf"
        land, rep, size, lead = layouts[name]
        write_form_pdf(form, p, landscape_page=land, repeat_header=rep, size=size, cell_leading=lead)
        made.append((p, name, "pdf", "Portrait A4: the table continues on page 2 with the header row repeated."
                     if not land else "Landscape A4, table on one page."))
        p = out / f"{name}.xlsx"
        write_form_xlsx(form, p)
        made.append((p, name, "xlsx", "One sheet; unit, title, section rows and footer lines are merged cells."))

    form = parse_form(SCANNED_FORM)
    pdf = out / f".{SCANNED_FORM}.pdf"
    write_form_pdf(form, pdf, landscape_page=True, repeat_header=False, size=12.5, cell_leading=1.22)
    p = out / f"{SCANNED_FORM}-scan.jpg"
    write_scan(pdf, p, SCAN_DPI, SCAN_SEED, SCAN_QUALITY, SCAN_STAIN, SCAN_STAIN_GREY)
    pdf.unlink()
    made.append((p, None, "jpg", ""))
    p = out / f"{EARLIER_FORM}.docx"
    write_form_docx(parse_form(EARLIER_FORM), p)
    made.append((p, None, "docx", ""))

    p = out / "kh-46-pho-minh-tcvn3.txt"
    text = src(SEED_FILES["kh-46-pho-minh"])
    data = tcvn3.encode(text.replace("\r\n", "\n")).replace(b"\n", b"\r\n")
    back = tcvn3.decode_reference(data).replace("\r\n", "\n")
    assert back.lower() == text.lower(), "TCVN3 round trip failed"
    p.write_bytes(data)
    made.append((p, "kh-46-pho-minh", "txt",
                 "TCVN3 (ABC) bytes with CRLF line ends, written by tools/tcvn3.py. TCVN3 has no codes for capitals "
                 "with tone marks, so they are stored as the lower-case letter (\"KẾ HOẠCH\" decodes as "
                 "\"Kế HOạCH\"); scored values compare case-insensitively."))
    for name, note in (("kh-vinh-tan-dang-uy", "Plain UTF-8 copy of the dev text (hard-wrapped PDF extraction)."),
                       ("form-hoi-lhpn-phuong", "Plain UTF-8 copy of the dev text (tab-separated form).")):
        dev_text = (SOURCES / SEED_FILES[name]) if name in SEED_FILES else (SOURCES / f"{name}.txt")
        p = out / f"{name}.txt"
        shutil.copyfile(dev_text, p)
        made.append((p, name, "txt", note))

    if gold_dir is not None:
        gold_dir.mkdir(parents=True, exist_ok=True)
        for path, dev_name, fmt, note in made:
            if dev_name is not None:  # invented files have no dev gold to copy
                write_gold(gold_dir, path, dev_name, fmt, note)
    return [m[0] for m in made]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Build corpus/ (the sample inbox) and tests/corpus_gold/.")
    ap.add_argument("--out", default=str(ROOT / "corpus"), help="output folder (default: corpus/)")
    ap.add_argument("--gold", default=None, help="gold folder (default: tests/corpus_gold/ when --out is corpus/)")
    ap.add_argument("--no-gold", action="store_true", help="do not write gold files")
    args = ap.parse_args(argv)
    out = Path(args.out)
    gold = None if args.no_gold else Path(args.gold) if args.gold else (
        ROOT / "tests" / "corpus_gold" if out.resolve() == (ROOT / "corpus").resolve() else None)
    for p in build(out, gold):
        print(f"{p}  {p.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
