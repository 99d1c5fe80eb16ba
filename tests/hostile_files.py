"""Bad, odd and hostile inbox files, generated at test time (no large binaries in git).

Each kind is what a hostile user or an unlucky clerk could drop: truncations, bit flips, ZIP and
decompression bombs, XML entities (also late in a part, also in UTF-16), encrypted and looping
PDFs, huge DOCX and text, archives inside archives, wrong extensions, odd names (not UTF-8, 255
bytes, a newline forging a log line, a leading dash, right-to-left overrides), pipes, sockets,
links. Files are built with the real libraries clerks' tools use (python-docx, openpyxl,
reportlab, Pillow) or, for the malformed ones, by editing their bytes.

:func:`build_cache` writes the regular files once per test session (the big ones take seconds);
:func:`populate` copies them into an inbox and adds the special files (which cannot be copied).
"""
from __future__ import annotations

import gzip
import io
import os
import random
import re
import shutil
import socket
import stat
import struct
import sys
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from batch_helpers import REPO, letter_text
from readers_helpers import raw_pdf

CORPUS = REPO / "corpus"

#: Test hooks of pipeline.batch (see its docstring): files that hang, hog memory, crash their worker.
HOOKS = {"PIPELINE_TEST_HANG_NAME": "treo-mai.txt", "PIPELINE_TEST_HOG_NAME": "an-bo-nho.txt",
         "PIPELINE_TEST_CRASH_NAME": "sap-tien-trinh.txt"}

#: Kinds whose content a correct run must read (the rest are expected in quarantine/).
READABLE = "readable"
REFUSED = "refused"
EITHER = "either"  # depends on the installed readers (OCR, LibreOffice): read or refused, never lost


@dataclass
class Kind:
    name: bytes            # path relative to the inbox, as bytes (names need not be UTF-8)
    expect: str            # READABLE | REFUSED | EITHER
    build: Callable[[], bytes]
    note: str = ""


def _rng(seed: str) -> random.Random:
    return random.Random(seed)


def _letter(n: int) -> bytes:
    return letter_text(1000 + n, tag=f"hostile-{n}").encode("utf-8")


def _flip(data: bytes, seed: str, count: int = 40, start: int = 64) -> bytes:
    rng = _rng(seed)
    out = bytearray(data)
    for _ in range(count):
        pos = rng.randrange(min(start, len(out) - 1), len(out))
        out[pos] ^= 1 << rng.randrange(8)
    return bytes(out)


def _docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _letter_docx(n: int) -> bytes:
    return _docx_bytes(letter_text(2000 + n, tag=f"docx-{n}").split("\n"))


def _replace_member(data: bytes, member: str, new: bytes, extra: Optional[dict[str, bytes]] = None) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info.filename, new if info.filename == member else src.read(info.filename))
        for name, content in (extra or {}).items():
            out.writestr(name, content)
    return buf.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return buf.getvalue()


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
           '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>')


def _with_dtd(xml: str, before: str = "") -> str:
    """``xml`` with the billion-laughs DTD in its prolog (after ``before``, e.g. a long comment)."""
    if xml.startswith("<?xml"):
        head, rest = xml.split("?>", 1)
        return head + "?>" + before + _LAUGHS + rest
    return '<?xml version="1.0" encoding="UTF-8"?>' + before + _LAUGHS + xml


def _document_xml(body: str, prolog: str = "") -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<w:document {_W}><w:body>{body}</w:body></w:document>'


def _para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _docx_with_document(xml: bytes) -> bytes:
    return _replace_member(_docx_bytes(["x"]), "word/document.xml", xml)


def _big_docx(paragraphs: int, seed: str, noisy: bool) -> bytes:
    """Many short paragraphs, written as raw XML (python-docx would take minutes to build them)."""
    rng = _rng(seed)
    words = ("kế hoạch chi bộ đảng ủy phường xã tổ dân phố mô hình dân vận khéo năm tháng ngày báo cáo "
             "thực hiện đăng ký hội nghị tổng kết phong trào thi đua").split()
    letters = "abcdeghiklmnopqrstuvxyđơưăâêô0123456789"
    parts = []
    for i in range(paragraphs):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(2, 10)))
        if noisy:  # less compressible: an 11.7 MB file of ~50 MB of XML, like the one in the issue
            text += " " + "".join(rng.choice(letters) for _ in range(rng.randint(8, 30)))
        parts.append(f'<w:p><w:r><w:t xml:space="preserve">{text} {i}</w:t></w:r></w:p>')
    return _docx_with_document(_document_xml("".join(parts) + "<w:sectPr/>").encode())


def _xlsx_form(rows: int = 5, unit: str = "Chi bộ khu phố Thử Nghiệm") -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Đăng ký"
    ws.append([f"Đơn vị: {unit}"])
    ws.append(["DANH SÁCH ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2025"])
    ws.append(["TT", "Tên mô hình", "Tập thể (cá nhân) chỉ đạo xây dựng mô hình", "Địa chỉ mô hình",
               "Lĩnh vực", "Thời gian thực hiện"])
    for i in range(1, rows + 1):
        ws.append([i, f"Mô hình thử nghiệm số {i}", f"Tổ dân phố {i}", f"Khu phố {i}", "Văn hóa - xã hội",
                   "Năm 2025"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def stale_dimension_xlsx() -> bytes:
    """A real form whose ``<dimension>`` claims two rows: read-only openpyxl used to stop there."""
    data = _xlsx_form(5, "Chi bộ khu phố Kích Thước")
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    sheet, n = re.subn(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:B2"/>', sheet)
    assert n == 1
    return _replace_member(data, "xl/worksheets/sheet1.xml", sheet.encode())


def _xlsx_member_edit(member: str, edit: Callable[[str], str], base: Optional[bytes] = None) -> bytes:
    data = base or _xlsx_form(3, "Chi bộ khu phố Sửa Đổi")
    text = zipfile.ZipFile(io.BytesIO(data)).read(member).decode()
    return _replace_member(data, member, edit(text).encode())


def _pdf_letter(n: int, encrypt: Optional[str] = None) -> bytes:
    from readers_helpers import make_pdf

    lines = letter_text(3000 + n, tag=f"pdf-{n}").split("\n")
    ops = [("text", 70, 60 + 16 * i, line) for i, line in enumerate(lines) if line]
    tmp = Path(os.environ.get("PIPELINE_HOSTILE_TMP", "/tmp")) / f"hostile-pdf-{n}-{os.getpid()}.pdf"
    make_pdf(tmp, [ops], encrypt=encrypt)
    data = tmp.read_bytes()
    tmp.unlink()
    return data


def _pdf_stream_bomb() -> bytes:
    """A page whose content stream inflates from ~0.5 MB to 600 MB of text operators."""
    comp = zlib.compressobj(9)
    chunk = b"BT /F1 12 Tf 70 700 Td (x) Tj ET\n" * 32768
    body = b"".join(comp.compress(chunk) for _ in range(600 * 1024 * 1024 // len(chunk))) + comp.flush()
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def _pdf_image_bomb() -> bytes:
    """A page with no text and one 60,000 x 60,000 image (zeros, a few kB compressed): OCR must not decode it."""
    comp = zlib.compressobj(9)
    row = b"\x00" * (60000 // 8)
    body = b"".join(comp.compress(row * 1000) for _ in range(60)) + comp.flush()
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
        b"<< /Length 35 >>\nstream\nq 595 0 0 842 0 0 cm /Im1 Do Q\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width 60000 /Height 60000 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 1 /Filter /FlateDecode /Length %d >>\nstream\n" % len(body) + body + b"\nendstream",
    ])


def _pdf_nested_arrays() -> bytes:
    deep = b"[" * 200000 + b"]" * 200000
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R /Deep " + deep + b" >>",
                     b"<< /Type /Pages /Kids [] /Count 0 >>"])


def _pdf_page_tree_loop() -> bytes:
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                     b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1000000000 >>",
                     b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1000000000 >>"])


def _pdf_xref_loop() -> bytes:
    data = raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])
    xref = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    return data.replace(b"/Root 1 0 R ", b"/Root 1 0 R /Prev %d " % xref)


def _pdf_javascript() -> bytes:
    data = _pdf_letter(7)
    return data.replace(b"/Type /Catalog", b"/Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>", 1)


def _png(width: int, height: int, mode: str = "L") -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new(mode, (width, height), 255).save(buf, "PNG")
    return buf.getvalue()


def _png_bomb() -> bytes:
    """A 40,000 x 40,000 PNG (1.6 GB decoded) whose pixel data stops after 1,000 rows: a bomb the reader must
    refuse from its header, before decoding anything."""
    def chunk(kind: bytes, payload: bytes) -> bytes:
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))

    width = height = 40000
    raw = zlib.compress((b"\x00" + b"\xff" * width) * 1000, 9)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


def _jpeg_truncated() -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("L", (800, 600), 255)
    ImageDraw.Draw(img).text((50, 50), "KE HOACH 12-KH/CB", fill=0)
    buf = io.BytesIO()
    img.save(buf, "JPEG")
    return buf.getvalue()[: buf.tell() // 3]


def _gif_huge_screen() -> bytes:
    return b"GIF89a" + struct.pack("<HH", 65535, 65535) + b"\x80\x00\x00" + b"\x00" * 6 + b";"


def _tar_of_letter() -> bytes:
    import tarfile

    buf = io.BytesIO()
    data = _letter(40)
    with tarfile.open(fileobj=buf, mode="w") as tf:
        info = tarfile.TarInfo("ke-hoach.txt")
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def _ole_garbage() -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + _rng("ole").randbytes(20000)


def _zip_bomb_docx() -> bytes:
    return _zip({"[Content_Types].xml": b"<Types/>",
                 "word/document.xml": b"<w:document>" + b" " * (60 * 1024 * 1024) + b"</w:document>"})


def _many_members_docx() -> bytes:
    members = {f"word/media/p{i}.xml": b"<a/>" for i in range(10001)}
    members.update({"[Content_Types].xml": b"<Types/>", "word/document.xml": _document_xml(_para("x")).encode()})
    return _zip(members)


def _bad_crc_docx() -> bytes:
    """A byte of document.xml's compressed data changed: the ZIP directory is intact, the part is not."""
    data = bytearray(_letter_docx(9))
    header = data.find(b"PK\x03\x04")  # first local header …
    while True:  # … walk to the one of word/document.xml
        name_len, extra_len = struct.unpack("<HH", data[header + 26:header + 30])
        name = bytes(data[header + 30:header + 30 + name_len])
        size = struct.unpack("<I", data[header + 18:header + 22])[0]
        start = header + 30 + name_len + extra_len
        if name == b"word/document.xml":
            data[start + size // 2] ^= 0x55
            return bytes(data)
        header = data.find(b"PK\x03\x04", start + size)


def _deep_tables_docx() -> bytes:
    inner = _para("sâu")
    for _ in range(300):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl><w:p/>"
    return _docx_with_document(_document_xml(_para("Kế hoạch") + inner).encode())


def _utf16_dtd_docx() -> bytes:
    xml = ('<?xml version="1.0" encoding="UTF-16"?>' + _LAUGHS + f'<w:document {_W}><w:body>'
           + _para("&lol3;") + "</w:body></w:document>")
    return _docx_with_document(xml.encode("utf-16"))


def _late_dtd_docx(member: str = "word/document.xml") -> bytes:
    comment = "<!--" + "chú thích " * 600 + "-->"
    if member == "word/document.xml":
        xml = ('<?xml version="1.0" encoding="UTF-8"?>' + comment + _LAUGHS + f'<w:document {_W}><w:body>'
               + _para("&lol3;") + "</w:body></w:document>")
        return _docx_with_document(xml.encode())
    base = _letter_docx(11)
    original = zipfile.ZipFile(io.BytesIO(base)).read(member).decode()
    return _replace_member(base, member, _with_dtd(original, comment).encode())


def _text_lines(count: int, wrapped: bool) -> bytes:
    if wrapped:
        lines = [f"và các tổ dân phố thực hiện việc họp số {i}" for i in range(count)]
    else:
        lines = [f"Dòng {i} họp chi bộ" for i in range(count)]
    return ("\n".join(lines) + "\n").encode()


def _long_line() -> bytes:
    rng = _rng("long-line")
    words = "kế hoạch chi bộ đảng ủy phường xã tổ dân phố mô hình dân vận khéo năm tháng ngày".split()
    return " ".join(rng.choice(words) for _ in range(300000)).encode()


def _corpus(name: str) -> bytes:
    return (CORPUS / name).read_bytes()


LONG_STEM = ("Kế hoạch tổ chức hội nghị tổng kết phong trào thi đua Dân vận khéo của Đảng ủy phường "
             "năm hai nghìn không trăm hai mươi lăm và phương hướng nhiệm vụ năm tới")


def _long_name(suffix: str, fill: str) -> bytes:
    """A name of exactly 255 bytes (the Linux limit) ending in ``suffix``."""
    raw = (LONG_STEM + " " + fill * 200).encode()
    budget = 255 - len(suffix.encode())
    cut = raw[:budget]
    while True:  # never half a UTF-8 character
        try:
            cut.decode()
            break
        except UnicodeDecodeError:
            cut = cut[:-1]
    cut += b"x" * (budget - len(cut))
    return cut + suffix.encode()


def kinds() -> list[Kind]:
    """Every hostile or odd file kind of the suite (names unique, contents distinct from the good corpus)."""
    pdf_good = _corpus("kh-46-pho-minh.pdf")
    docx_good = _corpus("kh-344-my-phuoc.docx")
    xlsx_good = _corpus("form-chi-bo-khoi-5.xlsx")
    k: list[Kind] = [
        # --- empty, blank, binary, text oddities
        Kind(b"trong.txt", REFUSED, lambda: b"", "empty file"),
        Kind(b"khoang-trang.txt", REFUSED, lambda: b"   \n\t\n  \r\n", "whitespace only"),
        Kind(b"chi-co-bom.txt", REFUSED, lambda: b"\xef\xbb\xbf\n", "a byte-order mark and nothing else"),
        Kind(b"nhi-phan.dat", REFUSED, lambda: _rng("bin").randbytes(20000),
             "random bytes"),
        Kind(b"nhieu-nul.txt", REFUSED, lambda: b"\x00ab" * 5000, "NUL-heavy binary"),
        Kind(b"utf16-rac.txt", EITHER, lambda: b"\x00\x01" * 5000, "control characters that parse as UTF-16"),
        Kind(b"elf.txt", REFUSED, lambda: Path(sys.executable).resolve().read_bytes()[:65536],
             "an executable named .txt"),
        Kind(b"co-nul.txt", EITHER, lambda: _letter(1).replace(b"\n", b"\x00\n", 2), "two NUL bytes in a letter"),
        Kind(b"ansi.txt", EITHER, lambda: _letter(2).replace(b"KE", b"\x1b[31mKE", 1) + b"\x1b[0m\n",
             "ANSI escapes in a letter"),
        Kind(b"mot-dong-dai.txt", EITHER, _long_line, "3 MB on one line"),
        Kind(b"tam-nghin-dong.txt", EITHER, lambda: _text_lines(8000, False), "8,000 short lines"),
        Kind(b"tam-nghin-dong-ngat.txt", EITHER, lambda: _text_lines(8000, True), "8,000 hard-wrapped lines"),
        Kind(b"utf16-khong-bom.txt", READABLE, lambda: letter_text(1003, tag="u16").encode("utf-16-le"),
             "UTF-16 without a byte-order mark"),
        Kind(b"windows-1258.txt", EITHER, lambda: _cp1258_letter(), "Windows-1258"),
        Kind(b"utf8-hong.txt", READABLE, lambda: _letter(5) + b"\x80\x81 h\xe9t\n", "a few broken UTF-8 bytes"),
        Kind(b"cesu.txt", EITHER, lambda: _letter(6).replace(b"\n", b"\xed\xa0\x80\n", 1),
             "an encoded surrogate (CESU-8)"),
        Kind(b"an-ky-tu.txt", READABLE, lambda: _letter(7).replace("Kế".encode(), "\u202eKế\u200b\u2066".encode(), 1),
             "bidi override and zero-width characters in the text"),
        Kind(b"html.doc", EITHER, lambda: ("<html><body><p>" + letter_text(1008, tag="html") + "</p></body></html>").encode(),
             "an HTML page saved as .doc"),
        Kind(b"van-ban-ten-pdf.pdf", READABLE, lambda: _letter(9), "text named .pdf"),
        Kind(b"bang-tinh-ten-docx.docx", READABLE, lambda: _xlsx_form(2, "Chi bộ khu phố Sai Đuôi"),
             "an XLSX named .docx"),
        Kind(b"docx-ten-txt.txt", READABLE, lambda: _letter_docx(10), "a DOCX named .txt"),
        # --- PDF
        Kind(b"pdf-cat-cut.pdf", REFUSED, lambda: pdf_good[: len(pdf_good) // 2], "truncated PDF"),
        Kind(b"pdf-chi-dau.pdf", REFUSED, lambda: b"%PDF-1.7\n", "PDF header only"),
        Kind(b"pdf-lat-bit.pdf", EITHER, lambda: _flip(pdf_good, "pdf"), "bit flips in a PDF"),
        Kind(b"pdf-mat-khau.pdf", REFUSED, lambda: _pdf_letter(1, encrypt="bi-mat"), "encrypted PDF"),
        Kind(b"pdf-bom-luong.pdf", EITHER, _pdf_stream_bomb, "content stream inflating to 600 MB"),
        Kind(b"pdf-bom-anh.pdf", EITHER, _pdf_image_bomb, "a 60,000 x 60,000 image on a page without text"),
        Kind(b"pdf-mang-long.pdf", EITHER, _pdf_nested_arrays, "200,000 nested arrays"),
        Kind(b"pdf-cay-trang-vong.pdf", EITHER, _pdf_page_tree_loop, "page tree that loops, a billion pages"),
        Kind(b"pdf-xref-vong.pdf", EITHER, _pdf_xref_loop, "xref /Prev pointing at itself"),
        Kind(b"pdf-rac-sau-dau.pdf", REFUSED, lambda: b"%PDF-1.4\n" + _rng("pdfg").randbytes(30000),
             "garbage after the PDF header"),
        Kind(b"pdf-javascript.pdf", READABLE, _pdf_javascript, "a readable PDF with JavaScript"),
        # --- DOCX and ZIP containers
        Kind(b"docx-cat-cut.docx", REFUSED, lambda: docx_good[: len(docx_good) // 2], "truncated DOCX"),
        Kind(b"docx-khong-zip.docx", REFUSED, lambda: b"PK\x03\x04" + _rng("nz").randbytes(4000),
             "PK magic, then garbage"),
        Kind(b"docx-bom-zip.docx", REFUSED, _zip_bomb_docx, "ZIP bomb (60 MB of spaces)"),
        Kind(b"docx-thuc-the.docx", REFUSED,
             lambda: _docx_with_document(_document_xml(_para("&lol3;"), _LAUGHS).encode()), "billion laughs"),
        Kind(b"docx-dtd-muon.docx", REFUSED, _late_dtd_docx, "DTD after a 5 KB comment"),
        Kind(b"docx-dtd-styles.docx", REFUSED, lambda: _late_dtd_docx("word/styles.xml"),
             "DTD late in styles.xml"),
        Kind(b"docx-dtd-utf16.docx", REFUSED, _utf16_dtd_docx, "DTD in a UTF-16 part"),
        Kind(b"docx-thuc-the-ngoai.docx", REFUSED, lambda: _docx_with_document(_document_xml(
            _para("&xxe;"), '<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>').encode()),
             "external entity"),
        Kind(b"docx-thieu-document.docx", REFUSED, lambda: _zip({"[Content_Types].xml": b"<Types/>",
                                                                 "word/styles.xml": b"<styles/>"}),
             "no word/document.xml"),
        Kind(b"docx-15000-doan.docx", EITHER, lambda: _big_docx(15000, "15k", False), "15,000 short paragraphs"),
        Kind(b"docx-11mb.docx", EITHER, lambda: _big_docx(410000, "11mb", True), "an 11.7 MB DOCX"),
        Kind(b"docx-bang-long.docx", EITHER, _deep_tables_docx, "300 nested tables"),
        Kind(b"docx-xml-hong.docx", REFUSED, lambda: _docx_with_document(b"<w:document " + _W.encode()
                                                                         + b"><w:body><w:p>"),
             "malformed XML"),
        Kind(b"docx-10001-phan.docx", REFUSED, _many_members_docx, "10,001 parts"),
        Kind(b"docx-sai-crc.docx", REFUSED, _bad_crc_docx, "a CRC that does not match"),
        Kind(b"docx-lat-bit.docx", EITHER, lambda: _flip(docx_good, "docx"), "bit flips in a DOCX"),
        Kind(b"docx-duong-dan-ra-ngoai.docx", READABLE,
             lambda: _replace_member(_letter_docx(12), "word/settings.xml",
                                     zipfile.ZipFile(io.BytesIO(_letter_docx(12))).read("word/settings.xml"),
                                     {"../../../../tmp/pipeline-evil.txt": b"evil"}),
             "a member named ../../../../tmp/…"),
        Kind(b"office-ma-hoa.docx", EITHER, _ole_garbage, "OLE2 container (encrypted Office or .doc) of garbage"),
        Kind(b"trinh-chieu.pptx", REFUSED, lambda: _zip({"[Content_Types].xml": b"<Types/>",
                                                         "ppt/presentation.xml": b"<p/>"}), "PowerPoint"),
        Kind(b"nen-long-nhau.zip", REFUSED, lambda: _zip({"trong.zip": _zip({"ke-hoach.txt": _letter(13)})}),
             "a ZIP inside a ZIP"),
        Kind(b"zip-ten-docx.docx", REFUSED, lambda: _zip({"ke-hoach.txt": _letter(14)}), "a plain ZIP named .docx"),
        Kind(b"nen.gz", REFUSED, lambda: gzip.compress(_letter(15)), "gzip"),
        Kind(b"nen.rar", REFUSED, lambda: b"Rar!\x1a\x07\x01\x00" + b"\x00" * 100, "RAR"),
        Kind(b"nen.7z", REFUSED, lambda: b"7z\xbc\xaf\x27\x1c\x00\x04" + b"\x00" * 100, "7-Zip"),
        Kind(b"luu-tru.tar", REFUSED, _tar_of_letter, "tar archive"),
        Kind(b"van-ban.rtf", REFUSED, lambda: b"{\\rtf1\\ansi Ke hoach}", "RTF"),
        # --- XLSX
        Kind(b"xlsx-kich-thuoc-cu.xlsx", READABLE, stale_dimension_xlsx, "stale <dimension> (A1:B2 for 8 rows)"),
        Kind(b"xlsx-ty-dong.xlsx", READABLE, lambda: _xlsx_member_edit(
            "xl/worksheets/sheet1.xml",
            lambda s: re.sub(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:XFD1048576"/>', s)),
             "dimension A1:XFD1048576"),
        Kind(b"xlsx-dtd-workbook.xlsx", REFUSED, lambda: _xlsx_member_edit(
            "xl/workbook.xml", lambda s: _with_dtd(s, "<!--" + "x" * 6000 + "-->")), "DTD late in workbook.xml"),
        Kind(b"xlsx-thuc-the-sheet.xlsx", REFUSED, lambda: _xlsx_member_edit(
            "xl/worksheets/sheet1.xml", lambda s: _with_dtd(s)), "entities in a sheet"),
        Kind(b"xlsx-cat-cut.xlsx", REFUSED, lambda: xlsx_good[: len(xlsx_good) // 2], "truncated XLSX"),
        Kind(b"xlsx-cong-thuc.xlsx", READABLE, _formula_xlsx, "formula and DDE injection strings"),
        Kind(b"xlsx-dong-rong.xlsx", READABLE, _wide_xlsx, "a row 16,384 cells wide"),
        Kind(b"xlsx-lat-bit.xlsx", EITHER, lambda: _flip(xlsx_good, "xlsx"), "bit flips in an XLSX"),
        # --- images
        Kind(b"anh-bom.png", REFUSED, _png_bomb, "40,000 x 40,000 PNG"),
        Kind(b"anh-cat-cut.jpg", EITHER, _jpeg_truncated, "truncated JPEG"),
        Kind(b"anh-1px.png", EITHER, lambda: _png(1, 1), "a 1-pixel image"),
        Kind(b"anh-rac.png", REFUSED, lambda: b"\x89PNG\r\n\x1a\n" + _rng("png").randbytes(5000),
             "PNG magic, then garbage"),
        Kind(b"anh-man-hinh-lon.gif", REFUSED, _gif_huge_screen, "GIF with a 65,535 x 65,535 screen"),
        # --- odd names (readable content unless noted)
        Kind(b"b\xe1o c\xe1o th\xe1ng 3.txt", READABLE, lambda: _letter(20), "name in Windows-1258 bytes"),
        Kind(_long_name(".txt", "Đ"), READABLE, lambda: _letter(21), "a 255-byte name"),
        Kind(_long_name(".pdf", "ư"), REFUSED, lambda: b"%PDF-1.4\n%broken", "a 255-byte name, unreadable"),
        Kind(b"gia mao\n2026-01-01 00:00:00,000 INFO pipeline.batch: new: gia-mao.txt (0 deadlines)", READABLE,
             lambda: _letter(22), "a newline forging a log line"),
        Kind(b"-rf --help.txt", READABLE, lambda: _letter(23), "a leading dash"),
        Kind("  khoảng trắng đầu cuối  .txt".encode(), READABLE, lambda: _letter(24), "spaces around"),
        Kind("\u202etxt.exe".encode(), READABLE, lambda: _letter(25), "a right-to-left override"),
        Kind(b"$(reboot);`id`|'x'\".txt", READABLE, lambda: _letter(26), "shell metacharacters"),
        Kind("a\u200bb\u0085c\u2028d.txt".encode(), READABLE, lambda: _letter(27), "zero-width, NEL, line separator"),
        Kind(b"a:b*c?d<e>f|g\\h.txt", READABLE, lambda: _letter(28), "characters Windows forbids, a backslash"),
        Kind(b"b\xe1o \\x41 c\xe1o.txt", READABLE, lambda: _letter(29), "not UTF-8 and a literal \\x41"),
        Kind(b"th\xf0 m\xfcc/con/s\xe2u/tep.txt", READABLE, lambda: _letter(30), "folders with names not in UTF-8"),
        Kind(b"ban-sao-pdf-hong.pdf", REFUSED, lambda: pdf_good[: len(pdf_good) // 2], "a copy of a broken file"),
        # --- test hooks: a reader that hangs, one that eats memory, one that kills its process
        Kind(HOOKS["PIPELINE_TEST_HANG_NAME"].encode(), REFUSED, lambda: _letter(31), "reader hangs"),
        Kind(HOOKS["PIPELINE_TEST_HOG_NAME"].encode(), REFUSED, lambda: _letter(32), "reader eats memory"),
        Kind(HOOKS["PIPELINE_TEST_CRASH_NAME"].encode(), REFUSED, lambda: _letter(33), "reader dies"),
    ]
    names = [x.name for x in k]
    assert len(names) == len(set(names))
    return k


#: Special files made in the inbox itself (never regular, so never read; all must end in quarantine/).
SPECIAL = {b"ong-dan.txt": "FIFO", b"o-cam.sock": "socket", b"lien-ket.txt": "symlink to /etc/passwd",
           b"lien-ket-treo.txt": "dangling symlink", b"vong-a.txt": "symlink loop", b"thu-muc-lien-ket": "symlinked folder",
           b"thiet-bi": "character device (root only)"}
#: A hard link to a readable hostile file: same bytes, read once.
HARD_LINK = (b"lien-ket-cung.txt", b"-rf --help.txt")


def _cp1258_letter() -> bytes:
    from readers_helpers import to_cp1258

    return to_cp1258(letter_text(1011, tag="cp1258"))


def _formula_xlsx() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Đơn vị: Chi bộ khu phố Công Thức"])
    ws.append(["TT", "Tên mô hình", "Tập thể (cá nhân) chỉ đạo xây dựng mô hình", "Địa chỉ mô hình"])
    for i, text in enumerate(['=HYPERLINK("http://evil.example","bấm")', "=1+1", "+cmd|' /C calc'!A0",
                              "@SUM(1,2)", "-2+3"], start=1):
        ws.append([i, text, f"Tổ {i}", f"Khu {i}"])
    for row in ws.iter_rows(min_row=3):
        row[1].data_type = "s"  # strings that look like formulas, as a clerk typed them
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _wide_xlsx() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Đơn vị: Chi bộ khu phố Rộng"])
    ws.append(["TT", "Tên mô hình"] + [f"c{i}" for i in range(16382)])
    ws.append([1, "Mô hình rộng"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def build_cache(folder: Path) -> list[Kind]:
    """Write every regular hostile file under ``folder`` (once per session)."""
    os.environ.setdefault("PIPELINE_HOSTILE_TMP", str(folder))
    all_kinds = kinds()
    for kind in all_kinds:
        target = os.path.join(os.fsencode(folder), kind.name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as fh:
            fh.write(kind.build())
    return all_kinds


def populate(inbox: Path, cache: Path) -> dict[str, int]:
    """Copy the cached regular files into ``inbox`` and make the special ones. Returns counts by type."""
    src_root, dst_root = os.fsencode(cache), os.fsencode(inbox)
    regular = 0
    for root, _dirs, files in os.walk(src_root):
        for name in files:
            src = os.path.join(root, name)
            dst = os.path.join(dst_root, os.path.relpath(src, src_root))
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copyfile(src, dst)
            regular += 1
    inbox_b = dst_root
    specials = 0
    os.mkfifo(os.path.join(inbox_b, b"ong-dan.txt"))
    sock = socket.socket(socket.AF_UNIX)
    here = os.getcwd()
    os.chdir(inbox_b)  # AF_UNIX paths are limited to ~108 bytes: bind by a short relative name
    try:
        sock.bind("o-cam.sock")
    finally:
        os.chdir(here)
        sock.close()
    os.symlink(b"/etc/passwd", os.path.join(inbox_b, b"lien-ket.txt"))
    os.symlink(b"khong-co-that.txt", os.path.join(inbox_b, b"lien-ket-treo.txt"))
    os.symlink(b"vong-b.txt", os.path.join(inbox_b, b"vong-a.txt"))
    os.symlink(b"vong-a.txt", os.path.join(inbox_b, b"vong-b.txt"))
    os.symlink(b"/etc", os.path.join(inbox_b, b"thu-muc-lien-ket"))
    specials += 6
    try:
        os.mknod(os.path.join(inbox_b, b"thiet-bi"), stat.S_IFCHR | 0o600, os.makedev(1, 3))  # like /dev/null
        specials += 1
    except (PermissionError, OSError):
        pass
    os.link(os.path.join(inbox_b, HARD_LINK[1]), os.path.join(inbox_b, HARD_LINK[0]))
    regular += 1
    return {"regular": regular, "special": specials}
