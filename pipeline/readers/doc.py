"""Legacy OLE2 files: Word 97-2003 ``.doc`` converted through LibreOffice, then read as DOCX.

Why LibreOffice: no maintained pure-Python reader handles ``.doc`` tables and merged cells. The
conversion runs headless with its own throw-away profile (parallel workers must not share one) and a
timeout. OLE2 files that are not Word documents (Excel 97 ``.xls``, PowerPoint, password-protected
Office files) get a clear reason instead.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..model import Document
from . import ReadError

#: Seconds LibreOffice may take to convert one file.
CONVERT_TIMEOUT = float(os.environ.get("PIPELINE_SOFFICE_TIMEOUT", 120))


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def ole_kind(path: Path) -> str:
    """What an OLE2 compound file holds, from its directory entry names: word, excel, powerpoint, encrypted."""
    with open(path, "rb") as fh:
        data = fh.read(8 * 1024 * 1024)
    if _utf16("EncryptedPackage") in data or _utf16("EncryptionInfo") in data:
        return "encrypted"
    if _utf16("WordDocument") in data:
        return "word"
    if _utf16("Workbook") in data or _utf16("Book") in data:
        return "excel"
    if _utf16("PowerPoint Document") in data:
        return "powerpoint"
    return "unknown"


def soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def read(path: Path, doc: Document) -> None:
    kind = ole_kind(path)
    if kind == "encrypted":
        raise ReadError("password-protected Office file: save it without a password", "encrypted")
    if kind == "excel":
        raise ReadError("legacy Excel 97-2003 (.xls) workbook: save it as XLSX", "unsupported")
    if kind == "powerpoint":
        raise ReadError("PowerPoint file: not a supported input", "unsupported")
    if kind != "word":
        raise ReadError("OLE2 compound file that is not a Word document", "unsupported")
    binary = soffice()
    if binary is None:
        raise ReadError("legacy .doc needs LibreOffice to convert; save it as DOCX", "unsupported")
    with tempfile.TemporaryDirectory(prefix="pipeline-doc-") as tmp:
        tmpdir = Path(tmp)
        source = tmpdir / "input.doc"
        shutil.copyfile(path, source)
        profile = (tmpdir / "profile").as_uri()
        cmd = [binary, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nologo",
               "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmpdir / "out"), str(source)]
        try:
            proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  timeout=CONVERT_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise ReadError(f"legacy .doc: LibreOffice did not convert it within {CONVERT_TIMEOUT:.0f} s",
                            "unreadable") from None
        except OSError as exc:
            raise ReadError(f"legacy .doc: LibreOffice could not start ({exc.strerror or exc})",
                            "unreadable") from None
        converted = tmpdir / "out" / "input.docx"
        if not converted.exists():
            detail = proc.stderr.decode("utf-8", errors="replace").strip().splitlines()
            reason = detail[-1][:120] if detail else f"exit status {proc.returncode}"
            raise ReadError(f"legacy .doc: LibreOffice could not convert it ({reason})", "corrupt")
        from . import docx as docx_reader

        docx_reader.read(converted, doc, source_format="doc")
    doc.warnings.append("legacy .doc converted to DOCX with LibreOffice")
