"""Photos and scans (PNG, JPEG, TIFF incl. multi-page, GIF, BMP, WebP): every page goes through OCR.

Why guarded: an image file is the easiest way to exhaust a nightly batch (a 20 000 × 20 000
PNG is 50 kB on disk and 1.2 GB decoded). The size is checked from the header before any
pixel is decoded; too big is refused with a one-line reason, too small or blank gives a
warning and an empty document.
"""
from __future__ import annotations

import warnings as _warnings
from pathlib import Path
from typing import Any, Optional

from ..model import Document
from . import ReadError
from .ocr import MAX_OCR_PAGES, MAX_PIXELS, NOT_INSTALLED, add_results, check_size, ocr_pages, tesseract_status, \
    to_gray_array


def _open(path: Path) -> Any:
    from PIL import Image, UnidentifiedImageError

    try:
        with _warnings.catch_warnings():
            _warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            img = Image.open(path)
    except Image.DecompressionBombError as exc:
        raise ReadError(f"image too large to decode safely ({exc}); refused: scan at 300 dpi instead",
                        "too_large") from None
    except UnidentifiedImageError:
        raise ReadError("not a readable image (corrupt or unknown image format)", "corrupt") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise ReadError(f"corrupt image: {str(exc)[:120]}", "corrupt") from None
    return img


def _dpi(img: Any) -> Optional[float]:
    value = img.info.get("dpi")
    try:
        dpi = float(value[0]) if isinstance(value, (tuple, list)) else float(value) if value else None
    except (TypeError, ValueError):
        return None
    return dpi if dpi and 50 <= dpi <= 1200 else None


def read(path: Path, doc: Document, options: Optional[dict[str, Any]] = None) -> None:
    img = _open(path)
    with img:
        width, height = img.size
        if width * height > MAX_PIXELS:
            raise ReadError(check_size(width, height) or "image too large", "too_large")
        frames = int(getattr(img, "n_frames", 1) or 1)
        doc.pages = frames
        doc.metadata["image"] = {"format": img.format, "size": [width, height], "mode": img.mode, "frames": frames}
        usable, detail = tesseract_status()
        if not usable:
            doc.warnings.append(f"{NOT_INSTALLED} ({detail})" if detail != "tesseract is not installed"
                                else NOT_INSTALLED)
            return
        if detail:
            doc.warnings.append(detail)
        if frames > MAX_OCR_PAGES:
            doc.warnings.append(f"image has {frames} pages: only the first {MAX_OCR_PAGES} were OCRed")
        # Decode every frame once up front: a truncated file should fail here, cleanly.
        try:
            img.seek(0)
            img.load()
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise ReadError(f"corrupt image: {str(exc)[:120]}", "corrupt") from None

        def loader(index: int):  # type: ignore[no-untyped-def]
            def load() -> tuple[Any, Optional[float], float]:
                from PIL import ImageOps

                img.seek(index)
                frame = img.copy()
                if index == 0:
                    frame = ImageOps.exif_transpose(frame)  # phone photos: honour the camera's rotation
                fw, fh = frame.size
                problem = check_size(fw, fh, f"page {index + 1}")
                if problem:
                    raise ValueError(problem)
                return to_gray_array(frame), _dpi(frame) or _dpi(img), 1.0
            return load

        sources = ((i + 1, loader(i)) for i in range(min(frames, MAX_OCR_PAGES)))
        results = list(ocr_pages(sources, options))
    add_results(doc, results)
