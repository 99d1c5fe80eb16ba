"""File names and other untrusted text as the store keeps them, as logs and notes show them.

Why: names arrive from Windows ZIPs, SMB shares and phones. Python hands us bytes that are not
UTF-8 as lone surrogates (``surrogateescape``), which neither SQLite, PostgreSQL, JSON nor a
UTF-8 log can hold; a newline or an ANSI escape in a name could forge a log line; a 255-byte
name leaves no room for ``.reason.txt``. Three forms, one module:

* :func:`store_form` — what the store and the run summary keep: exact for every valid name;
  for a name with undecodable bytes, each such byte as ``\\xNN`` and ``\\`` as ``\\\\``
  (reversible with :func:`disk_form`).
* :func:`shown` — what a log line or a note shows: the store form with control, bidi and
  zero-width characters escaped (``\\n``, ``\\x1b``, ``\\u202e``), on one line.
* :func:`fit_name` — a derived name (``x (2).pdf``, ``x.reason.txt``) shortened to fit the
  filesystem's name limit, with a short hash so it stays unique.
"""
from __future__ import annotations

import hashlib
import os
import re

#: Longest file name (bytes) most Linux filesystems accept.
NAME_MAX = 255

_SURROGATE = re.compile("[\udc80-\udcff]")
_ESCAPED_BYTE = re.compile(r"\\(\\|x([89a-f][0-9a-f]))")
#: Characters a log line or a note must never carry raw: C0/C1 controls, DEL, line and paragraph
#: separators, bidi embeddings/overrides/isolates and marks, zero-width characters, BOM.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def store_form(name: str) -> str:
    """The name as the store keeps it: unchanged unless it holds bytes that are not UTF-8."""
    if not _SURROGATE.search(name):
        return name
    return _SURROGATE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", name.replace("\\", "\\\\"))


def disk_form(stored: str, escaped: bool) -> str:
    """The name on disk for a store form; ``escaped`` says whether :func:`store_form` escaped it."""
    if not escaped:
        return stored
    return _ESCAPED_BYTE.sub(lambda m: "\\" if m.group(1) == "\\" else chr(0xDC00 + int(m.group(2), 16)), stored)


def needs_escape(name: str) -> bool:
    return bool(_SURROGATE.search(name))


def _escape_char(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: object, limit: int = 0) -> str:
    """One safe line for a log or a note: the store form with control and invisible characters escaped."""
    out = _UNSAFE.sub(lambda m: _escape_char(m.group()), store_form(str(text)))
    if limit and len(out) > limit:
        out = out[: limit - 1] + "…"
    return out


def fs_len(name: str) -> int:
    """Length in bytes on disk (undecodable bytes count once)."""
    return len(os.fsencode(name))


def _cut(text: str, budget: int) -> str:
    """The longest prefix of ``text`` whose on-disk form fits in ``budget`` bytes (never half a character)."""
    if fs_len(text) <= budget:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fs_len(text[:mid]) <= budget:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo]


def fit_name(stem: str, tail: str, whole: str = "", limit: int = NAME_MAX) -> str:
    """``stem + tail`` if it fits in ``limit`` bytes; else the stem cut short plus ``~hash`` (from ``whole``).

    ``tail`` (``" (2).pdf"``, ``".reason.txt"``) is always kept whole, so the name still says what it is.
    """
    name = stem + tail
    if fs_len(name) <= limit:
        return name
    digest = hashlib.sha256(os.fsencode(whole or stem)).hexdigest()[:8]
    mark = f"~{digest}"
    return _cut(stem, max(1, limit - fs_len(tail) - len(mark))) + mark + tail


def one_line_formatter(fmt: str) -> "object":
    """A ``logging.Formatter`` that escapes control characters in every message (see :func:`shown`)."""
    import logging

    class _Formatter(logging.Formatter):
        def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - logging's name
            record.message = shown(record.message)
            return super().formatMessage(record)

    return _Formatter(fmt)
