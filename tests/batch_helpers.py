"""Shared helpers for the store and batch tests: small real input files, store fixtures, mounts."""
from __future__ import annotations

import os
import subprocess
import sys
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import pytest

REPO = Path(__file__).resolve().parents[1]
PIPELINE = [sys.executable, "-m", "pipeline"]

LETTER = """ĐẢNG BỘ PHƯỜNG AN HÒA
CHI BỘ KHU PHỐ {n}
*
Số: {n}-KH/CB
ĐẢNG CỘNG SẢN VIỆT NAM
An Hòa, ngày {day:02d} tháng 3 năm 2025

KẾ HOẠCH
Tổ chức sinh hoạt chuyên đề lần thứ {n}

Căn cứ Kế hoạch số 12-KH/ĐU, ngày 02/01/2025 của Đảng ủy phường An Hòa.
Các tổ dân phố gửi báo cáo kết quả về Chi bộ trước ngày {day:02d}/04/2025.
Ghi chú riêng của tệp: {tag}

T/M CHI BỘ
BÍ THƯ
Nguyễn Văn {n}
"""


def letter_text(n: int, tag: Optional[str] = None) -> str:
    """A short Kế hoạch in the usual layout; ``n``/``tag`` make each file's bytes unique."""
    return LETTER.format(n=n, day=1 + n % 27, tag=tag or uuid.uuid4().hex)


def write_letters(folder: Path, count: int, prefix: str = "ke-hoach") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        p = folder / f"{prefix}-{i:03d}.txt"
        p.write_text(letter_text(i + 1), encoding="utf-8")
        paths.append(p)
    return paths


def sqlite_url(folder: Path) -> str:
    return f"sqlite:///{folder / 'pipeline.sqlite'}"


def run_cli(args: list[str], cwd: Path, env: Optional[dict[str, str]] = None, timeout: float = 240,
            **kwargs: object) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ, PYTHONPATH=str(REPO), **(env or {}))
    return subprocess.run(PIPELINE + args, cwd=cwd, env=full_env, capture_output=True, text=True,
                          timeout=timeout, **kwargs)  # type: ignore[call-overload]


def popen_cli(args: list[str], cwd: Path, env: Optional[dict[str, str]] = None) -> subprocess.Popen[str]:
    full_env = dict(os.environ, PYTHONPATH=str(REPO), **(env or {}))
    return subprocess.Popen(PIPELINE + args, cwd=cwd, env=full_env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


# --------------------------------------------------------------------------- PostgreSQL


def postgres_base_url() -> Optional[str]:
    return os.environ.get("PIPELINE_TEST_POSTGRES_URL") or None


@contextmanager
def fresh_postgres_database() -> Iterator[str]:
    """A new, empty database on the test server (dropped afterwards)."""
    from sqlalchemy import create_engine, text

    from pipeline.store import close_store, engine_url

    base = postgres_base_url()
    if not base:
        pytest.skip("PostgreSQL tests need PIPELINE_TEST_POSTGRES_URL (start one with: bash .ci/postgres.sh ENV; "
                    "source ENV)")
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(engine_url(base), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = base.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        close_store(url)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


# --------------------------------------------------------------------------- mounts (root only)


def can_mount() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@contextmanager
def tmpfs(path: Path, size: str = "1m") -> Iterator[Path]:
    """A tiny tmpfs at ``path`` (skips the test when this machine cannot mount)."""
    path.mkdir(parents=True, exist_ok=True)
    if not can_mount():
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def remount_readonly(path: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(path)], check=True, capture_output=True)
