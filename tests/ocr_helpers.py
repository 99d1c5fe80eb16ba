"""Shared helpers for the OCR tests: real images drawn with PIL, real PNG bytes written by zlib."""
from __future__ import annotations

import struct
import zlib
from pathlib import Path
from typing import Optional

from PIL import Image, ImageDraw, ImageFont

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
]


def font_path() -> Optional[str]:
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    return None


def text_page(lines: list[str], size: tuple[int, int] = (1240, 700), font_px: int = 34) -> Image.Image:
    """A white page (150 dpi A4 width) with the given lines in a Vietnamese-capable serif font."""
    img = Image.new("L", size, 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(font_path(), font_px)  # type: ignore[arg-type]
    y = 60
    for line in lines:
        draw.text((90, y), line, font=font, fill=0)
        y += int(font_px * 1.6)
    return img


def huge_png(path: Path, width: int = 20_000, height: int = 20_000) -> None:
    """A real, valid 1-bit PNG of width × height, streamed so the test never holds it in memory."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + b"\xff" * ((width + 7) // 8)  # filter byte + white pixels
    comp = zlib.compressobj(9)
    body = bytearray()
    for _ in range(height):
        body += comp.compress(row)
    body += comp.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", bytes(body)) + chunk(b"IEND", b""))
