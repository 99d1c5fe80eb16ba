"""Atomic file writes shared by the store exports, the reports and the run summaries.

Why: reviewers open outputs on a share while the nightly job rewrites them, and a full disk
must never leave half a spreadsheet behind; write to a temporary file in the same folder,
then rename over the target (same filesystem, so the rename is atomic).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: Path, writer: Callable[[Path], None]) -> Path:
    """Call ``writer(tmp)`` on a temporary file next to ``path``, then rename it to ``path``.

    On any error the temporary file is removed and the previous ``path`` (if any) is untouched.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # the temporary name stays short: ``path`` itself may use every one of the 255 bytes a name can have
    stem = path.name if len(os.fsencode(path.name)) <= 100 else "long-name"
    fd, tmp = tempfile.mkstemp(prefix="." + stem + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        writer(Path(tmp))
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; reviewers on a share must read it
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path
