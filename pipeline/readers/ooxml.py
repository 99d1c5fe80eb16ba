"""Safety checks on the ZIP container of DOCX/XLSX files, before any XML is parsed.

Why: a hostile or broken office file must be refused fast with a clear reason, not exhaust the
nightly batch's memory. A ZIP bomb declares huge uncompressed sizes (or ratios); XML entity tricks
need a DTD, which Word and Excel never write. Declared sizes are trustworthy enough here because
``zipfile`` never inflates a member beyond its declared size (a lie ends in a CRC error).

Every XML part is streamed whole through expat (a DTD may hide after a 5 KB comment, or in a
part the reader only opens later): a document type declaration or an entity declaration anywhere
refuses the file. Where expat gives up (a broken or oddly encoded part), the rest of the part is
still scanned for the markers, in chunks that overlap so none is missed at a boundary.
"""
from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import IO
from xml.parsers import expat

from . import ReadError

#: Total uncompressed size refused above this (bytes).
MAX_UNCOMPRESSED = int(os.environ.get("PIPELINE_MAX_UNCOMPRESSED", 200 * 1024 * 1024))
#: A member bigger than MIN_RATIO_SIZE that inflates more than MAX_RATIO times is a bomb.
MAX_RATIO = 100
MIN_RATIO_SIZE = 2 * 1024 * 1024
MAX_MEMBERS = 10000
#: An XML part parsed whole (document.xml, sharedStrings.xml …) larger than this is refused: a DOM of it
#: would need gigabytes. Worksheets are streamed and exempt.
MAX_XML_PART = int(os.environ.get("PIPELINE_MAX_XML_PART", 64 * 1024 * 1024))
#: Upper case: the scan compares against the upper-cased bytes (``<!doctype`` counts too).
_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY", b"<\x00!\x00D\x00O\x00C\x00", b"<\x00!\x00E\x00N\x00",
                b"\x00<\x00!\x00D\x00O\x00C", b"\x00<\x00!\x00E\x00N")
_CHUNK = 1 << 20


class _Declared(Exception):
    """A DTD or entity declaration was seen."""


def _refuse(*_args: object) -> None:
    raise _Declared()


def declares_dtd(fh: IO[bytes]) -> bool:
    """Does this XML stream declare a DTD or entities anywhere? Reads it to the end, in chunks."""
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.UnparsedEntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = lambda *_a: 0  # never fetched; 0 makes expat stop with an error
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parsing = True
    tail = b""
    while True:
        chunk = fh.read(_CHUNK)
        data = (tail + chunk).upper()
        if any(marker in data for marker in _DTD_MARKERS):
            return True  # also catches what a parser that gave up earlier would not see
        tail = (tail + chunk)[-32:]
        if parsing:
            try:
                parser.Parse(chunk, not chunk)
            except _Declared:
                return True
            except expat.ExpatError:
                parsing = False  # broken or unknown encoding: the byte scan above goes on alone
        if not chunk:
            return False


def check_container(path: Path, required: str, label: str) -> None:
    """Raise ReadError unless ``path`` is a sane ZIP holding ``required``."""
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise ReadError(f"not a valid {label} file: the ZIP container is corrupt or truncated", "corrupt") from None
    except OSError as exc:
        raise ReadError(f"cannot open {label} file: {exc.strerror or exc}", "unreadable") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ReadError(f"{label} refused: {len(infos)} parts in the ZIP container (limit {MAX_MEMBERS})",
                            "unsafe")
        names = {i.filename for i in infos}
        if required not in names:
            raise ReadError(f"{label} file has no {required}: not a valid {label}", "corrupt")
        total = 0
        for info in infos:
            total += info.file_size
            if info.file_size > MIN_RATIO_SIZE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise ReadError(f"{label} refused as a ZIP bomb: {info.filename} inflates "
                                f"{info.file_size // max(info.compress_size, 1)}x to {info.file_size >> 20} MB",
                                "unsafe")
        for info in infos:
            streamed = info.filename.startswith("xl/worksheets/")
            if info.filename.endswith(".xml") and not streamed and info.file_size > MAX_XML_PART:
                raise ReadError(f"{label} refused: {info.filename} is {info.file_size >> 20} MB of XML "
                                f"(limit {MAX_XML_PART >> 20} MB)", "unsafe")
        if total > MAX_UNCOMPRESSED:
            raise ReadError(f"{label} refused: {total >> 20} MB uncompressed (limit {MAX_UNCOMPRESSED >> 20} MB)",
                            "unsafe")
        for info in infos:
            if not info.filename.lower().endswith((".xml", ".rels", ".vml")) or info.file_size == 0:
                continue
            try:
                with zf.open(info) as fh:
                    declared = declares_dtd(fh)
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError) as exc:
                raise ReadError(f"corrupt {label}: cannot read {info.filename} ({exc})", "corrupt") from None
            except Exception as exc:  # zlib.error and friends
                raise ReadError(f"corrupt {label}: cannot read {info.filename} ({type(exc).__name__})",
                                "corrupt") from None
            if declared:
                raise ReadError(f"{label} refused: {info.filename} declares a DTD/entities (XML entity attack?)",
                                "unsafe")
