"""Builders of real input files for reader tests (PDF via reportlab, DOCX via python-docx, XLSX via
openpyxl, legacy-encoded text). Other test modules may reuse them.

Everything is written with the real libraries the clerks' tools use, never with our own readers.
"""
from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path
from typing import Iterable, Sequence

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_REGULAR = FONT_DIR / "DejaVuSerif.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSerif-Bold.ttf"
FONT_ITALIC = FONT_DIR / "DejaVuSerif-Italic.ttf"

_TONES = "\u0300\u0301\u0303\u0309\u0323"


# --------------------------------------------------------------------------- text encodings


def to_cp1258(text: str) -> bytes:
    """Windows-1258 bytes the way Vietnamese Windows writes them: base letter (â, ơ … precomposed)
    followed by a combining tone mark."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in decomposed if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def to_tcvn3(text: str) -> bytes:
    """TCVN3 (ABC) bytes, from an independent table of the .VnTime font codes."""
    table = dict(zip(
        "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵĂÂÊÔƠƯĐ",
        bytes([0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6, 0xA9, 0xC7, 0xC8, 0xC9, 0xCA,
               0xCB, 0xAE, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1, 0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xDC,
               0xDD, 0xDE, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4, 0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xAC, 0xEA, 0xEB,
               0xEC, 0xED, 0xEE, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4, 0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB,
               0xFC, 0xFD, 0xFE, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7])))
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        code = table.get(ch, table.get(ch.lower()) if ch not in "ĂÂÊÔƠƯĐ" else None)
        if code is not None:
            out.append(code)
        else:
            out.extend(ch.encode("cp1252"))
    return bytes(out)


_VNI_TONE = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_VNI_CIRC = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
_VNI_BREVE = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
_VNI_I = {"\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def to_vni(text: str) -> bytes:
    """VNI-Windows bytes: base letter + modifier glyphs (written from the VNI keyboard rules)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        upper = ch.isupper()
        d = unicodedata.normalize("NFD", ch.lower())
        base, marks = d[0], d[1:]
        tone = next((m for m in marks if m in _TONES), "")
        if base == "đ" or ch.lower() == "đ":
            s = "ñ"
        elif base == "i" and tone:
            s = _VNI_I[tone]
        elif base == "y" and tone == "\u0323":
            s = "î"
        elif "\u031b" in marks:  # horn: ơ ư
            s = ("ô" if base == "o" else "ö") + (_VNI_TONE[tone] if tone else "")
        elif "\u0302" in marks:
            s = base + _VNI_CIRC[tone]
        elif "\u0306" in marks:
            s = base + _VNI_BREVE[tone]
        elif tone and base in "aeouy":
            s = base + _VNI_TONE[tone]
        else:
            s = ch.lower()
        out.append(s.upper() if upper else s)
    return "".join(out).encode("cp1252")


def hard_wrap(paragraphs: Sequence[str], width: int = 78, blank_between: bool = True) -> list[str]:
    """Lines as a PDF-to-text tool writes them: each printed line, then a blank line."""
    import textwrap

    lines: list[str] = []
    for para in paragraphs:
        for line in textwrap.wrap(para, width) or [""]:
            lines.append(line + " ")
            if blank_between:
                lines.append("")
    return lines


# --------------------------------------------------------------------------- PDF


def register_fonts() -> tuple[str, str, str]:
    """Register DejaVu Serif (regular/bold/italic) with reportlab so Vietnamese renders."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    names = ("VnSerif", "VnSerif-Bold", "VnSerif-Italic")
    missing = [p for p in (FONT_REGULAR, FONT_BOLD, FONT_ITALIC) if not p.exists()]
    if missing:
        import pytest

        pytest.skip(f"fonts missing ({missing[0].name}): apt-get install fonts-dejavu-core fonts-dejavu-extra")
    for name, path in zip(names, (FONT_REGULAR, FONT_BOLD, FONT_ITALIC)):
        try:
            pdfmetrics.getFont(name)
        except KeyError:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    return names


def make_pdf(path: Path, pages: Iterable[Iterable[tuple]], encrypt: str | None = None) -> Path:
    """A PDF drawn with reportlab canvas ops, one list of ops per page.

    Ops: ("text", x, y, str, style) with style in {"", "bold", "italic"}, ("center", x, y, str, style),
    ("line", x0, y0, x1, y1) for table rules, ("image", x, y, w, h) for a grey raster block.
    y is measured from the top of an A4 page.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    regular, bold, italic = register_fonts()
    fonts = {"": regular, "bold": bold, "italic": italic}
    kwargs = {}
    if encrypt is not None:
        from reportlab.lib import pdfencrypt

        kwargs["encrypt"] = pdfencrypt.StandardEncryption(encrypt, canPrint=1)
    c = canvas.Canvas(str(path), pagesize=A4, **kwargs)
    height = A4[1]
    for ops in pages:
        for op in ops:
            kind = op[0]
            if kind in ("text", "center"):
                _, x, y, s, *rest = op
                c.setFont(fonts[rest[0] if rest else ""], rest[1] if len(rest) > 1 else 12)
                if kind == "text":
                    c.drawString(x, height - y, s)
                else:
                    c.drawCentredString(x, height - y, s)
            elif kind == "line":
                _, x0, y0, x1, y1 = op
                c.line(x0, height - y0, x1, height - y1)
            elif kind == "image":
                _, x, y, w, h = op
                from PIL import Image
                from reportlab.lib.utils import ImageReader

                img = Image.new("L", (200, 100), 200)
                c.drawImage(ImageReader(img), x, height - y - h, w, h)
        c.showPage()
    c.save()
    return path


def table_ops(x_edges: Sequence[float], y_top: float, row_h: float, rows: Sequence[Sequence[str | None]],
              size: int = 10) -> list[tuple]:
    """Ruled table ops. A cell given as None is covered by the cell to its left (colspan); a cell given
    as "^" is covered by the cell above (rowspan): no rule is drawn between them."""
    ops: list[tuple] = []
    n_rows = len(rows)
    x_left, x_right = x_edges[0], x_edges[-1]
    y_bottom = y_top + n_rows * row_h
    # Outer frame.
    ops += [("line", x_left, y_top, x_right, y_top), ("line", x_left, y_bottom, x_right, y_bottom),
            ("line", x_left, y_top, x_left, y_bottom), ("line", x_right, y_top, x_right, y_bottom)]
    for r, row in enumerate(rows):
        y0 = y_top + r * row_h
        for c, cell in enumerate(row):
            x0, x1 = x_edges[c], x_edges[c + 1]
            # Horizontal rule above the row (unless covered from above).
            if r > 0 and cell != "^":
                ops.append(("line", x0, y0, x1, y0))
            # Vertical rule on the left (unless covered from the left).
            if c > 0 and cell is not None:
                ops.append(("line", x0, y0, x0, y0 + row_h))
            if cell not in (None, "^", ""):
                ops.append(("text", x0 + 3, y0 + row_h * 0.65, cell, "", size))
    return ops


# --------------------------------------------------------------------------- DOCX


def set_cell_borders_none(table) -> None:  # type: ignore[no-untyped-def]
    """Remove all borders of a python-docx table (the official header table is borderless)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


# --------------------------------------------------------------------------- hostile archives


def make_zip(path: Path, members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def wrap_ops(text: str, y: float, *, left: float = 70, right: float = 525, indent: float = 28, size: float = 12,
             leading: float = 16, style: str = "") -> tuple[list[tuple], float]:
    """A justified-looking paragraph: first line indented, wrapped at the right margin by real glyph widths.
    Returns (ops, y of the next line)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = register_fonts()[{"": 0, "bold": 1, "italic": 2}[style]]
    ops: list[tuple] = []
    words = text.split()
    line: list[str] = []
    x = left + indent
    for word in words:
        candidate = " ".join(line + [word])
        if line and stringWidth(candidate, font, size) > right - x:
            ops.append(("text", x, y, " ".join(line), style, size))
            y += leading
            x = left
            line = [word]
        else:
            line.append(word)
    if line:
        ops.append(("text", x, y, " ".join(line), style, size))
        y += leading
    return ops, y


HEADER_OPS = [
    ("center", 150, 60, "ỦY BAN NHÂN DÂN", "", 11), ("center", 410, 60, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "bold", 11),
    ("center", 150, 76, "PHƯỜNG PHỔ MINH", "bold", 11), ("center", 410, 76, "Độc lập - Tự do - Hạnh phúc", "bold", 11),
    ("center", 150, 106, "Số: 46/KH-UBND", "", 11),
    ("center", 410, 106, "Phổ Minh, ngày 19 tháng 3 năm 2024", "italic", 11),
    ("center", 297, 145, "KẾ HOẠCH", "bold", 13),
    ("center", 297, 162, "Về việc phát động phong trào thi đua “Dân vận khéo” năm 2024", "bold", 12),
]


def make_unmapped_font_pdf(path: Path) -> Path:
    """A one-page PDF whose text uses a CID font without a ToUnicode map: extraction gives "(cid:65)…".

    Written by hand (reportlab always embeds the mapping), with a correct xref table.
    """
    content = b"BT /F1 12 Tf 72 700 Td <00410042004300440045004600470048> Tj ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Foo /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Foo /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (Identity) /Supplement 0 >> /DW 500 >>",
    ]
    path.write_bytes(raw_pdf(objs))
    return path


def raw_pdf(objects: list[bytes], extra_trailer: bytes = b"") -> bytes:
    """A hand-written PDF: objects numbered from 1 (the first is the catalog), a correct xref, a trailer."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, extra_trailer,
                                                                                      xref)
    return bytes(out)
