"""Format backends: sniff a file by its content and read it into a :class:`~pipeline.model.Document`.

Readers are chosen by magic bytes, never by extension (clerks rename files; mail clients add
``.bin``). Every reader raises :class:`ReadError` with a one-line, human reason for input it
cannot read; callers quarantine the file with that reason. Nothing here extracts meaning.
"""
from __future__ import annotations

import errno
import hashlib
import os
import stat
import zipfile
from pathlib import Path
from typing import BinaryIO, Callable

from ..model import Document

#: Files larger than this are refused before any parsing (bounded memory for the nightly batch).
MAX_FILE_BYTES = int(os.environ.get("PIPELINE_MAX_FILE_BYTES", 50 * 1024 * 1024))


class ReadError(Exception):
    """A file that cannot be read; ``str(err)`` is the one-line reason shown to the clerk."""

    def __init__(self, reason: str, kind: str = "unreadable"):
        super().__init__(reason)
        self.reason = reason
        # empty | whitespace | too_large | corrupt | encrypted | unsupported | unsafe | unreadable | memory
        self.kind = kind


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """Open for reading only if it is a regular file: a pipe, socket or device is never waited on.

    ``O_NONBLOCK`` makes opening a FIFO return at once; ``fstat`` on the open descriptor then
    decides (no race with a file swapped in between); ``O_NOFOLLOW`` refuses a symlink.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise OSError(errno.EINVAL, "not a regular file (pipe, socket or device): never read", str(path))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open_regular(path) as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sniff(path: Path) -> str:
    """The file's real format from its first bytes: pdf, docx, xlsx, doc, image, txt.

    Raises ReadError for empty files and for binary formats we do not read.
    """
    with open_regular(path) as fh:
        head = fh.read(8192)
    if not head:
        raise ReadError("empty file (0 bytes)", "empty")
    if head.lstrip(b"\x00\t\r\n ")[:5] == b"%PDF-" or b"%PDF-" in head[:1024]:
        return "pdf"
    if head[:4] == b"PK\x03\x04":
        return _sniff_zip(path)
    if head[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "doc"  # OLE2: legacy Word (or Excel 97: the .doc reader says so)
    if head[:8] == b"\x89PNG\r\n\x1a\n" or head[:3] == b"\xff\xd8\xff" or head[:4] in (b"II*\x00", b"MM\x00*") \
            or head[:6] in (b"GIF87a", b"GIF89a") or _is_bmp(head) \
            or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return "image"
    if head[:2] in (b"\x1f\x8b",) or head[:4] in (b"Rar!",) or head[:6] == b"7z\xbc\xaf\x27\x1c":
        raise ReadError("compressed archive (gzip/rar/7z): unpack it and drop the files themselves", "unsupported")
    if head[:5] == b"{\\rtf":
        raise ReadError("RTF document: save it as DOCX or PDF", "unsupported")
    return "txt"


def _is_bmp(head: bytes) -> bool:
    """"BM" plus a known DIB header size: a text file starting with "BM 01 …" is not a bitmap."""
    return head[:2] == b"BM" and len(head) > 26 and int.from_bytes(head[14:18], "little") in (12, 40, 52, 56, 64, 108, 124)


def _sniff_zip(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, NotImplementedError, ValueError, RuntimeError, EOFError) as exc:
        # a damaged central directory can claim any zip version or compression method
        raise ReadError(f"corrupt ZIP container (DOCX/XLSX): {exc}", "corrupt") from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if any(n.startswith("ppt/") for n in names):
        raise ReadError("PowerPoint file: not a supported input", "unsupported")
    raise ReadError("ZIP archive that is neither DOCX nor XLSX: unpack it and drop the files themselves",
                    "unsupported")


def _reader_for(fmt: str) -> Callable[[Path, Document], None]:
    # Imported lazily: a text file should not pay for pdfplumber, python-docx or openpyxl.
    if fmt == "pdf":
        from . import pdf
        return pdf.read
    if fmt == "docx":
        from . import docx
        return docx.read
    if fmt == "xlsx":
        from . import xlsx
        return xlsx.read
    if fmt == "doc":
        from . import doc
        return doc.read
    if fmt == "image":
        from . import image
        return image.read
    from . import text
    return text.read


def read(path: str | os.PathLike[str], display_path: str | None = None) -> Document:
    """Read any supported file into a Document; raise ReadError with a clear reason otherwise."""
    p = Path(path)
    try:
        st = os.lstat(p)
    except OSError as exc:
        raise ReadError("file not found" if exc.errno == errno.ENOENT else
                        f"cannot open file: {exc.strerror or exc}", "unreadable") from None
    if stat.S_ISLNK(st.st_mode):
        raise ReadError("symbolic link: not followed", "unsafe")
    if not stat.S_ISREG(st.st_mode):
        raise ReadError("not a regular file (pipe, socket or device): never opened", "unsupported")
    size = st.st_size
    if size == 0:
        raise ReadError("empty file (0 bytes)", "empty")
    if size > MAX_FILE_BYTES:
        raise ReadError(f"file too large ({size / 1048576:.0f} MB > {MAX_FILE_BYTES / 1048576:.0f} MB limit)",
                        "too_large")
    try:
        fmt = sniff(p)
        digest = sha256_of(p)
    except OSError as exc:  # no permission, I/O error on a bad disk or share
        raise ReadError(f"cannot open file: {exc.strerror or exc}", "unreadable") from None
    doc = Document(path=display_path if display_path is not None else str(path), sha256=digest, format=fmt)
    reader = _reader_for(fmt)
    try:
        reader(p, doc)
        if doc.metadata.get("pages_without_text"):  # scanned pages of a PDF: OCR only those
            from .ocr import ocr_pdf_pages
            ocr_pdf_pages(p, doc)
        from .texttables import tables_from_layout
        tables_from_layout(doc)  # tables typed with tab stops in DOCX and PDF bodies, read as text files' are
    except ReadError:
        raise
    except MemoryError:
        raise ReadError(f"{fmt.upper()} file needs too much memory to read", "memory") from None
    except RecursionError:
        raise ReadError(f"{fmt.upper()} file is nested too deeply to read", "unsafe") from None
    except Exception as exc:  # a reader bug or a malformed file: never a traceback for the clerk
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ReadError(f"cannot read {fmt.upper()} file: {reason[:200]}", "corrupt") from exc
    if fmt == "txt" and not doc.blocks and not doc.warnings:
        raise ReadError("no text: the file holds only blank space", "whitespace")
    return doc
