"""Tesseract driver: page images in, Paragraph/Table blocks with confidence and provenance out.

Why this shape: scans and photos must reach exactly the same extraction as born-digital files,
so OCR produces ordinary :class:`~pipeline.model.Paragraph` and :class:`~pipeline.model.Table`
blocks (page, line, bbox, confidence). Everything that could go wrong with a hostile image
(huge, blank, one pixel, not an image) becomes a one-line warning, never a crash.

Settings live in :data:`DEFAULTS` (plain dict, documented) so the benchmark can switch a
preprocessing step off and measure what it buys. Each kept step lowered the character error
rate on ``tests/data/scans`` (see ``tools/bench_ocr.py``).

Parallelism: Tesseract runs as a subprocess, so a small *thread* pool parallelizes pages as
well as a process pool would (the GIL is released while we wait) without pickling images or
nesting process pools inside the batch's workers. ``OMP_THREAD_LIMIT=1`` keeps each Tesseract
on one core: several single-threaded processes beat one multi-threaded one.
"""
from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import time
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator, Optional

from ..model import Block, Location, Paragraph, Table
from ..textnorm import display, strip_diacritics

log = logging.getLogger(__name__)

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

#: Documented defaults; override per call with ``options={...}``.
DEFAULTS: dict[str, Any] = {
    "lang": "vie",            # Tesseract language(s); falls back to "eng" with a warning if vie is missing
    "psm": 3,                 # page segmentation: 3 = automatic (two-column headers, centred titles)
    "target_dpi": 300,        # resolution Tesseract's models like best
    "min_dpi": 200,           # below this, upsample to target_dpi: bilevel scans always (150 dpi fax-like:
                              # CER 2.19 % -> 1.97 %), greyscale only under 150 dpi (at 150 it measured worse)
    "orientation": True,      # Tesseract OSD: pages scanned upside down or sideways (CER 47 % -> 1.7 %)
    "deskew": True,           # projection-profile skew estimate, ±5° (CER 1.95 % -> 0.33 % on a 200 dpi scan)
    "binarize": False,        # Otsu before OCR: measured worse (Tesseract binarizes internally)
    "denoise": False,         # 3×3 median filter: measured slightly worse, and it erases thin rulings
    "tables": True,           # ruled tables: grid detection + per-cell OCR
    "cell_batch": True,       # OCR a table's cells stacked in one image per worker (2× faster, same text)
    "low_confidence": 70.0,   # lines with digits under this mean word confidence are flagged
    "workers": None,          # page-level parallelism (default: min(2, cpu count))
    "timeout": 120,           # seconds per Tesseract call
}

#: Above this many pixels an image is refused (a 20 000 × 20 000 scan would need 400 MB per channel).
MAX_PIXELS = int(os.environ.get("PIPELINE_OCR_MAX_PIXELS", 100_000_000))
#: Pages are downscaled to at most this many pixels before OCR (A4 at 400 dpi ≈ 15.6 MP).
OCR_MAX_PIXELS = 20_000_000
#: Smaller than this on either side: nothing legible can be there.
MIN_SIDE = 16
#: Cap on pages read from one multi-page image or PDF by OCR (bounded time in the nightly batch).
MAX_OCR_PAGES = int(os.environ.get("PIPELINE_OCR_MAX_PAGES", 200))

NOT_INSTALLED = "needs OCR but tesseract is not installed"


# --------------------------------------------------------------------------- availability


@lru_cache(maxsize=1)
def tesseract_status() -> tuple[bool, str]:
    """(usable, detail). Cached: the answer does not change within a run."""
    try:
        import pytesseract  # noqa: F401
    except ImportError:
        return False, "pytesseract is not installed"
    if not shutil.which(_tesseract_cmd()):
        return False, "tesseract is not installed"
    try:
        import pytesseract

        langs = set(pytesseract.get_languages(config=""))
    except Exception as exc:  # noqa: BLE001 - a broken install is reported, not raised
        return False, f"tesseract does not run: {str(exc)[:100]}"
    if "vie" not in langs:
        return True, "Vietnamese language data (tesseract-ocr-vie) is missing: OCR in English, diacritics lost"
    return True, ""


def _tesseract_cmd() -> str:
    import pytesseract

    return os.environ.get("TESSERACT_CMD") or pytesseract.pytesseract.tesseract_cmd


def tesseract_available() -> bool:
    return tesseract_status()[0]


def _language(opts: dict[str, Any]) -> str:
    ok, detail = tesseract_status()
    return "eng" if detail.startswith("Vietnamese language data") else opts["lang"]


# --------------------------------------------------------------------------- results


@dataclass
class PageResult:
    """What OCR made of one page: blocks in reading order plus facts for warnings and benchmarks."""

    page: int
    blocks: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    rotation: int = 0
    skew: float = 0.0
    scale: float = 1.0
    mean_confidence: Optional[float] = None

    def text(self) -> str:
        parts: list[str] = []
        for b in self.blocks:
            if isinstance(b, Paragraph):
                parts.append(b.text)
            else:
                parts.extend(" | ".join(c.text for c in row) for row in b.rows)
        return "\n".join(parts)


# --------------------------------------------------------------------------- image guards


def check_size(width: int, height: int, what: str = "image") -> Optional[str]:
    """A warning when an image cannot be OCRed at all because of its size, else None."""
    if width < MIN_SIDE or height < MIN_SIDE:
        return f"{what} is only {width}×{height} pixels: too small to contain text, not OCRed"
    if width * height > MAX_PIXELS:
        return (f"{what} is {width}×{height} pixels ({width * height / 1e6:.0f} MP > {MAX_PIXELS / 1e6:.0f} MP "
                f"limit): refused to avoid exhausting memory; scan at 300 dpi instead")
    return None


def to_gray_array(img: Any) -> Any:
    """PIL image (any mode) -> uint8 grayscale numpy array on white (transparency flattened)."""
    import numpy as np
    from PIL import Image

    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        img = img.convert("RGBA")
        background = Image.new("RGBA", img.size, (255, 255, 255, 255))
        img = Image.alpha_composite(background, img)
    if img.mode == "1":
        img = img.convert("L")
    elif img.mode in ("I;16", "I;16B", "I;16L", "I"):
        arr = np.asarray(img, dtype=np.float64)
        top = arr.max() or 1.0
        return (arr * (255.0 / top)).clip(0, 255).astype(np.uint8)
    elif img.mode != "L":
        img = img.convert("L")
    return np.asarray(img, dtype=np.uint8).copy()


# --------------------------------------------------------------------------- preprocessing


def estimate_text_height(gray: Any) -> Optional[float]:
    """Median height (px) of glyph-sized connected components, or None when there is no text.

    Used for resolution normalization of photos, whose dpi metadata is usually absent or wrong.
    """
    import cv2
    import numpy as np

    h, w = gray.shape
    factor = 1.0
    small = gray
    if max(h, w) > 2500:  # estimate on a reduced copy; scale the answer back
        factor = 2500 / max(h, w)
        small = cv2.resize(gray, (max(1, int(w * factor)), max(1, int(h * factor))), interpolation=cv2.INTER_AREA)
    _, bw = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, _, stats, _ = cv2.connectedComponentsWithStats(bw, connectivity=8)
    if n < 20:
        return None
    heights = stats[1:, cv2.CC_STAT_HEIGHT]
    widths = stats[1:, cv2.CC_STAT_WIDTH]
    keep = (heights >= 3) & (heights < small.shape[0] / 10) & (widths < small.shape[1] / 10) & (widths >= 2)
    if keep.sum() < 20:
        return None
    return float(np.median(heights[keep])) / factor


def reduced(gray: Any, side: int) -> Any:
    """``gray`` reduced to about ``side`` pixels on its longer side (never enlarged), for estimates.

    By a whole factor when that keeps at least 85 % of ``side``: OpenCV's area reduction by a whole
    factor is a plain average of blocks, 0.5 ms on an A4 page at 300 dpi against 12–17 ms for any
    other factor (the last odd row or column is dropped).
    """
    import cv2

    h, w = gray.shape
    k = int(max(h, w) // (0.85 * side))
    if k >= 2:
        return cv2.resize(gray[:h - h % k, :w - w % k], (w // k, h // k), interpolation=cv2.INTER_AREA)
    factor = min(1.0, side / max(h, w))
    if factor >= 1.0:
        return gray
    return cv2.resize(gray, (max(1, int(w * factor)), max(1, int(h * factor))), interpolation=cv2.INTER_AREA)


def estimate_skew(gray: Any, limit: float = 5.0) -> float:
    """Skew angle in degrees (positive = counter-clockwise text) by projection-profile variance.

    Text lines give the sharpest horizontal profile when level; search coarse then fine on a
    reduced, binarized copy so it costs ~0.1 s per page.
    """
    import cv2
    import numpy as np

    h, w = gray.shape
    factor = min(1.0, 1200 / max(h, w))  # not reduced(): a whole factor moved some estimates by 0.1° (CER)
    small = cv2.resize(gray, (max(1, int(w * factor)), max(1, int(h * factor))), interpolation=cv2.INTER_AREA)
    _, bw = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    if bw.mean() < 0.5:  # blank page
        return 0.0
    sh, sw = bw.shape
    center = (sw / 2, sh / 2)

    def score(angle: float) -> float:
        m = cv2.getRotationMatrix2D(center, angle, 1.0)
        rotated = cv2.warpAffine(bw, m, (sw, sh), flags=cv2.INTER_NEAREST, borderValue=0)
        profile = rotated.sum(axis=1, dtype=np.float64)
        return float(np.var(profile))

    best = max(np.arange(-limit, limit + 0.01, 0.5), key=score)
    fine = max(np.arange(best - 0.5, best + 0.51, 0.1), key=score)
    return float(round(fine, 2))


def rotate(gray: Any, angle: float) -> Any:
    """Rotate by ``angle`` degrees (counter-clockwise), keeping the whole page, white border."""
    import cv2
    import numpy as np

    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    cos, sin = abs(m[0, 0]), abs(m[0, 1])
    nw, nh = int(h * sin + w * cos), int(h * cos + w * sin)
    m[0, 2] += nw / 2 - w / 2
    m[1, 2] += nh / 2 - h / 2
    out = cv2.warpAffine(gray, m, (nw, nh), flags=cv2.INTER_CUBIC, borderValue=255)
    return np.ascontiguousarray(out)


def detect_orientation(gray: Any, opts: dict[str, Any]) -> int:
    """Clockwise degrees (0/90/180/270) the page must be rotated by to read upright; 0 if unsure.

    From the page's own marks first (:func:`estimate_orientation`, a few hundredths of a second on a
    reduced copy); Tesseract's orientation detection (a second Tesseract run, often half as long as the
    OCR itself) only when the marks do not say it clearly: little text, heavy noise.
    """
    rotation, sure = estimate_orientation(gray)
    if sure:
        return rotation
    return _osd_orientation(gray, opts)


def _osd_orientation(gray: Any, opts: dict[str, Any]) -> int:
    import cv2
    import pytesseract

    h, w = gray.shape
    factor = min(1.0, 2000 / max(h, w))
    small = cv2.resize(gray, (int(w * factor), int(h * factor)), interpolation=cv2.INTER_AREA) if factor < 1 else gray
    try:
        osd = pytesseract.image_to_osd(small, config="--psm 0 -c min_characters_to_try=30",
                                       output_type=pytesseract.Output.DICT, timeout=opts["timeout"])
    except Exception as exc:  # noqa: BLE001 - too little text, missing osd data: keep as is
        log.debug("OSD failed: %s", exc)
        return 0
    if float(osd.get("orientation_conf", 0)) < 2.0:
        return 0
    return int(osd.get("rotate", 0)) % 360


#: Votes needed, and how far the winning direction must lead the next one, to trust the marks.
ORIENTATION_VOTES = 30
ORIENTATION_LEAD = 1.4


def estimate_orientation(gray: Any, side: int = 2000) -> tuple[int, bool]:
    """(clockwise degrees to read upright, sure) from where small marks sit next to letters.

    Vietnamese puts tone marks and hats above letters (and i has its dot): on an upright page small
    marks sit just above a letter, centred on it, far more often than below it (ạ, commas) and almost
    never beside it. On a page turned by 90° or 180° that relation turns with it. Each small connected
    component votes for the side its nearest letter-sized neighbour is on; a clear majority decides.
    """
    import cv2
    import numpy as np

    small = reduced(gray, side)
    _, bw = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    _, _, stats, _ = cv2.connectedComponentsWithStats(bw, connectivity=8)
    stats = stats[1:].astype(np.float64)
    x, y, cw, ch, area = stats[:, 0], stats[:, 1], stats[:, 2], stats[:, 3], stats[:, 4]
    size = np.maximum(cw, ch)
    glyph = (size >= 4) & (size < small.shape[0] / 20) & (area >= 6)
    if glyph.sum() < 50:
        return 0, False
    typical = float(np.median(size[glyph]))
    letter = glyph & (size >= 0.6 * typical) & (size <= 3 * typical)
    mark = (size >= 2) & (size < 0.45 * typical) & (area >= 3)
    if not letter.any() or not mark.any():
        return 0, False
    lx0, ly0 = x[letter], y[letter]
    lx1, ly1 = lx0 + cw[letter], ly0 + ch[letter]
    mx0, my0 = x[mark], y[mark]
    mx1, my1 = mx0 + cw[mark], my0 + ch[mark]
    gap = 0.6 * typical
    votes = np.zeros(4)  # letter below the mark, above it, right of it, left of it
    for start in range(0, len(mx0), 500):
        a0, a1 = mx0[start:start + 500, None], mx1[start:start + 500, None]
        b0, b1 = my0[start:start + 500, None], my1[start:start + 500, None]
        centred_x = np.abs((a0 + a1) / 2 - (lx0 + lx1) / 2) <= 0.3 * (lx1 - lx0) + 1
        centred_y = np.abs((b0 + b1) / 2 - (ly0 + ly1) / 2) <= 0.3 * (ly1 - ly0) + 1
        votes += [(centred_x & (ly0 >= b1 - 1) & (ly0 - b1 <= gap)).any(1).sum(),
                  (centred_x & (ly1 <= b0 + 1) & (b0 - ly1 <= gap)).any(1).sum(),
                  (centred_y & (lx0 >= a1 - 1) & (lx0 - a1 <= gap)).any(1).sum(),
                  (centred_y & (lx1 <= a0 + 1) & (a0 - lx1 <= gap)).any(1).sum()]
    order = np.argsort(votes)[::-1]
    best, second = votes[order[0]], votes[order[1]]
    # Marks above letters: upright. Below: upside down. Marks left of letters: the page was turned a
    # quarter counter-clockwise, so it must turn 90° clockwise; marks right of letters: 270°.
    rotation = (0, 180, 90, 270)[int(order[0])]
    sure = votes.sum() >= ORIENTATION_VOTES and best >= ORIENTATION_LEAD * max(second, 1.0)
    return rotation, bool(sure)


def _bilevel(gray: Any) -> bool:
    """Black-and-white scans (fax, "B/W" scanner mode): almost every pixel is 0 or 255."""
    import numpy as np

    sample = gray[::7, ::7]
    return bool(np.mean((sample > 0) & (sample < 255)) < 0.01)


def preprocess(gray: Any, opts: dict[str, Any], dpi: Optional[float],
               rotation: Optional[int] = None) -> tuple[Any, dict[str, Any]]:
    """Orientation, resolution, deskew, denoise, binarization — each switchable in ``opts``.

    Returns the image to OCR and facts: ``scale`` (OCR px per input px), ``rotation``, ``skew``, and
    ``orientation_unsure`` when the page's marks did not tell its orientation (then it is read as it
    is and :func:`ocr_page` checks the reading). ``rotation`` forces a known orientation.
    The rotation/deskew are not undone for bboxes: boxes are reported in the corrected frame,
    scaled back to input units, which is what a reviewer opening the straightened page sees.
    """
    import cv2
    import numpy as np

    facts: dict[str, Any] = {"scale": 1.0, "rotation": 0, "skew": 0.0}
    h, w = gray.shape
    # Bound the work first: very large pages are reduced before anything else touches them.
    if h * w > OCR_MAX_PIXELS:
        f = (OCR_MAX_PIXELS / (h * w)) ** 0.5
        gray = cv2.resize(gray, (int(w * f), int(h * f)), interpolation=cv2.INTER_AREA)
        facts["scale"] *= f
    # Resolution: trust a plausible dpi, else measure glyph height (photos lie about dpi).
    up = 1.0
    if dpi and dpi >= 70 and dpi < opts["min_dpi"] and (dpi < 150 or _bilevel(gray)):
        up = opts["target_dpi"] / dpi
    elif not dpi or dpi < 70:
        height = estimate_text_height(gray)
        if height and height < 14:  # 13-pt text at 200 dpi gives ≈ 18 px components
            up = min(3.0, 20.0 / height)
    if up > 1.05:
        gh, gw = gray.shape
        if gh * gw * up * up > OCR_MAX_PIXELS:
            up = max(1.0, (OCR_MAX_PIXELS / (gh * gw)) ** 0.5)
        gray = cv2.resize(gray, (int(gw * up), int(gh * up)), interpolation=cv2.INTER_CUBIC)
        facts["scale"] *= up
    facts["orientation_unsure"] = False
    if opts["orientation"] or rotation:
        rot, sure = (rotation, True) if rotation is not None else estimate_orientation(gray)
        facts["orientation_unsure"] = not sure
        facts["before_orientation"] = gray
        if sure and rot:
            code = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}[rot]
            gray = np.ascontiguousarray(cv2.rotate(gray, code))
            facts["rotation"] = rot
    if opts["deskew"]:
        angle = estimate_skew(gray)
        if abs(angle) >= 0.15:
            gray = rotate(gray, angle)
            facts["skew"] = angle
    facts["geometry_only"] = gray  # straightened, not filtered: thin table rulings survive here
    if opts["denoise"]:
        gray = cv2.medianBlur(gray, 3)
    if opts["binarize"]:
        _, gray = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return gray, facts


# --------------------------------------------------------------------------- post-correction

_CONFUSABLE_DIGITS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})
_CONFUSABLES = "OoIl|"
# A run made of digits and look-alikes, possibly with date/number separators inside.
_DIGITISH = re.compile(r"(?<![^\W\d_])[0-9" + re.escape(_CONFUSABLES) + r"]+(?:[/.\-][0-9" + re.escape(_CONFUSABLES)
                       + r"]+)*(?![^\W\d_])")
# A document symbol cut in two by OCR ("03-KH/BDV TU," -> "03-KH/BDVTU,"): the tail is 1-3 capitals
# glued to punctuation, which no word after a document number is.
_SPLIT_SYMBOL = re.compile(r"(\b\d+\s?[-/]\s?[A-ZĐ][A-ZĐa-z]*(?:[-/.][A-ZĐ][A-ZĐa-z.]*)*[-/][A-ZĐ]{2,}) ([A-ZĐ]{1,3})(?=[,;.)])")
# Right after a date word a short run is a number, so D and Q read for 0 are fixed too ("Tháng D1").
_CONTEXT_DIGITS = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "I": "1", "l": "1", "|": "1", "]": "1"})
_AFTER_DATE_WORD = re.compile(r"(\b(?:[Tt]háng|THÁNG|[Nn]gày|NGÀY|[Nn]ăm|NĂM|[Qq]uý|QUÝ)\s+)([0-9ODQoIl|\]]{1,4})(?=$|[\s/.\-,;)])")
_DATE_SPACES = re.compile(r"\b(\d{1,2}) ?([/.]) ?(\d{1,2}) ?(\2) ?(\d{4})\b")


#: A document number's symbol (``76/2025/UBTVQH15``, ``40/TTr-UBND``): digits, a slash, then letters, digits, dashes.
_SYMBOL = re.compile(r"(?<![\w/])\d+/[\w'’`\-/.]*\w")
#: In a symbol a capital ``I`` between capitals and a term number is a misread 1 (``QHI5`` → ``QH15``), or a 1
#: read twice (``QHI15`` → ``QH15``): a term number after the body's letters has at most two digits.
_SYMBOL_ONE = re.compile(r"(?<=[A-ZĐ])I(1?\d)(?![\w])")
#: A quote mark between letters of a symbol is a speck (``T'Tr-UBND`` → ``TTr-UBND``).
_SYMBOL_SPECK = re.compile(r"(?<=[A-ZĐa-z])['’`](?=[A-ZĐa-z])")
#: A symbol never ends on ``&``: the space OCR read after it splits one symbol (``QLN& TTBĐS``).
_SYMBOL_AMPERSAND = re.compile(r"(?<=\d/)([\w\-/.]*&)\s+(?=[A-ZĐ])")


def _fix_symbol(m: re.Match[str]) -> str:
    symbol = _SYMBOL_SPECK.sub("", m.group(0))
    return _SYMBOL_ONE.sub(lambda one: one.group(1) if len(one.group(1)) == 2 else "1" + one.group(1), symbol)


def _fix_digit_part(part: str) -> str:
    """Replace look-alikes in a run that is clearly a number: mostly digits already."""
    digits = sum(ch.isdigit() for ch in part)
    if digits == 0 or digits == len(part):
        return part
    if digits < (len(part) + 1) // 2 or len(part) < 2:
        return part
    # Letters only where a real letter is impossible: between or next to digits.
    return part.translate(_CONFUSABLE_DIGITS)


def correct_digits(text: str) -> str:
    """``1O/02/2O24`` → ``10/02/2024``, ``l5/3`` → ``15/3``: only inside digit-dominated runs.

    Conservative on purpose: a run with no real digit (``IO``, ``lO``) or one where letters are
    the majority is left alone, so words and Roman numerals (``II``, ``III``) never change.
    """

    def repl(m: re.Match[str]) -> str:
        token = m.group(0)
        pieces = re.split(r"([/.\-])", token)
        fixed = [p if p in "/.-" else _fix_digit_part(p) for p in pieces]
        # A date-shaped run (d/m, d/m/y) may fix a part of only look-alikes when the others are digits.
        parts = fixed[::2]
        if len(parts) >= 2 and sum(any(c.isdigit() for c in p) for p in parts) >= len(parts) - 1:
            shaped = [p.translate(_CONFUSABLE_DIGITS) if len(p) <= 4 else p for p in parts]
            if all(s.isdigit() for s in shaped) and any(p.isdigit() for p in parts) \
                    and re.fullmatch(r"\d{1,2}([/.\-])\d{1,2}(\1\d{2,4})?", "".join(
                        s + (fixed[2 * i + 1] if 2 * i + 1 < len(fixed) else "") for i, s in enumerate(shaped))):
                fixed = [shaped[i // 2] if i % 2 == 0 else fixed[i] for i in range(len(fixed))]
        return "".join(fixed)

    text = _DIGITISH.sub(repl, text)
    text = _SPLIT_SYMBOL.sub(r"\1\2", text)
    text = _SYMBOL.sub(_fix_symbol, _SYMBOL_AMPERSAND.sub(r"\1", text))
    text = _AFTER_DATE_WORD.sub(lambda m: m.group(1) + m.group(2).translate(_CONTEXT_DIGITS)
                                if any(ch.isdigit() for ch in m.group(2)) else m.group(0), text)
    return _DATE_SPACES.sub(lambda m: "".join(m.groups()), text)


#: Trigger words of deadlines and dates whose diacritics OCR sometimes drops (``truoc ngay``).
_TRIGGERS = (
    "trước ngày", "chậm nhất là ngày", "chậm nhất ngày", "chậm nhất", "hạn chót", "hạn cuối", "không muộn hơn",
    "đến hết ngày", "hoàn thành trước", "xong trước",
)
#: Single words fixed only when a number follows (``ngay 10/02`` → ``ngày 10/02``; "ngay" alone is a word).
_BEFORE_NUMBER = ("ngày", "tháng", "quý", "số")


def _case_like(source: str, target: str) -> str:
    if source.isupper() and len(source) > 1:
        return target.upper()
    if source[:1].isupper():
        return target[:1].upper() + target[1:]
    return target


def _trigger_pattern(phrase: str) -> re.Pattern[str]:
    words = strip_diacritics(phrase).split()
    return re.compile(r"(?<![^\W\d_])" + r"\s+".join(re.escape(w) for w in words) + r"(?![^\W\d_])", re.IGNORECASE)


_TRIGGER_RES = [(p, _trigger_pattern(p)) for p in _TRIGGERS]
#: "số" with a misread tone mark right before a document number (``Tờ trình sô 40/TTr-UBND``): no other word
#: spelled s-o stands there.
_SO_BEFORE_SYMBOL = re.compile(r"(?<![^\W\d_])([sS])[ôơóòỏõọồổỗộớờởỡợ](?=\s*\d+\s*[/-]\s*[A-ZĐ])")
_YEAR_WORD = re.compile(r"(\d\s+)(nam)(?=\s+\d{4}\b)", re.IGNORECASE)
_NUMBER_WORD_RES = [(w, re.compile(r"(?<![^\W\d_])" + re.escape(strip_diacritics(w)) + r"(?=\s*\d)", re.IGNORECASE))
                    for w in _BEFORE_NUMBER]


def restore_trigger_diacritics(text: str) -> str:
    """``truoc ngay`` → ``trước ngày``, ``han chot`` → ``hạn chót``: only fully unaccented spellings.

    Matching runs on the literal ASCII form, so a correctly accented word (or a different
    accented word with the same letters) is never touched.
    """
    for phrase, pattern in _TRIGGER_RES:
        text = pattern.sub(lambda m, p=phrase: _case_like(m.group(0), p), text)
    for word, pattern in _NUMBER_WORD_RES:
        text = pattern.sub(lambda m, w=word: _case_like(m.group(0), w), text)
    text = _SO_BEFORE_SYMBOL.sub(r"\1ố", text)
    # "năm" only between numbers ("tháng 3 nam 2024"): "Việt Nam 2024" must stay.
    return _YEAR_WORD.sub(lambda m: m.group(1) + _case_like(m.group(2), "năm"), text)


_STRAY = re.compile(r"\s*[¬©®™§¤]+\s*")


def correct(text: str) -> str:
    """All post-corrections, in order (digits first: the diacritics rule looks at numbers).

    Symbols that never occur in these documents (``¬``, ``©`` …) are OCR noise from rulings and specks.
    """
    text = _STRAY.sub(" ", text).strip()
    return restore_trigger_diacritics(correct_digits(text))


# --------------------------------------------------------------------------- tesseract calls


@dataclass
class OcrLine:
    text: str
    confidence: Optional[float]
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom in OCR pixels
    block: int
    paragraph: int
    words: list[tuple[str, float]] = field(default_factory=list)
    boxes: list[tuple[int, int, int, int]] = field(default_factory=list)  # one per word
    column: int = 0  # > 0: a piece cut off the right of a Tesseract line (side-by-side blocks)
    zone: Optional[str] = None  # "header" / "closing" when the line sits in a side-by-side zone


def tesseract_data(gray: Any, opts: dict[str, Any], psm: Optional[int] = None) -> dict[str, list[Any]]:
    """One Tesseract run: every word with its box, line/paragraph/block numbers and confidence (TSV).

    Columns as pytesseract's ``image_to_data(output_type=DICT)`` gives them: numbers as ints, ``text``
    as str. The page travels as in :func:`_run_tesseract`.
    """
    return _run_tesseract([gray], opts, psm if psm is not None else opts["psm"])


def _run_tesseract(images: list[Any], opts: dict[str, Any], psm: int) -> dict[str, list[Any]]:
    """Tesseract on grey images (several: read as the pages of one TIFF); its TSV as columns.

    In this process through libtesseract when it loads (:mod:`.tesslib`: no start-up and model load per
    call, no letter-by-letter TSV writer), else ``tesseract FILE stdout … tsv``.
    """
    from . import tesslib

    if tesslib.available():
        return tesslib.read_pages(images, _language(opts), psm, opts["target_dpi"], opts["timeout"])
    return _run_tesseract_cli(images, opts, psm)


def _run_tesseract_cli(images: list[Any], opts: dict[str, Any], psm: int) -> dict[str, list[Any]]:
    """``tesseract FILE stdout … tsv``; the images as one uncompressed multi-page TIFF file.

    Uncompressed: nothing to compress here and nothing to decompress there (a PNG of a 300 dpi A4 page
    took 0.07 s to write and as long to read), and Tesseract reads a file faster than its standard input,
    which it takes in a byte at a time (0.14 s a page less than a fast PNG on standard input).
    """
    import tempfile

    import numpy as np
    from PIL import Image

    frames = [Image.fromarray(np.ascontiguousarray(image, dtype=np.uint8)) for image in images]
    cmd = [_tesseract_cmd(), "", "stdout", "-l", _language(opts), "--oem", "1",
           "--psm", str(psm), "--dpi", str(opts["target_dpi"]), "tsv"]
    env = dict(os.environ, OMP_THREAD_LIMIT=os.environ.get("OMP_THREAD_LIMIT", "1"))
    try:
        with tempfile.TemporaryDirectory(prefix="pipeline-ocr-") as folder:
            cmd[1] = os.path.join(folder, "page.tif")
            frames[0].save(cmd[1], format="TIFF", save_all=len(frames) > 1, append_images=frames[1:])
            done = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True,
                                  timeout=opts["timeout"] or None, env=env, check=False)
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"Tesseract took longer than {opts['timeout']} s") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(f"Tesseract failed ({done.returncode}): {reason[-1] if reason else 'no message'}")
    return _tsv_columns(done.stdout.decode("utf-8", "replace"))


def _tsv_columns(tsv: str) -> dict[str, list[Any]]:
    rows = [row.split("\t") for row in tsv.strip().split("\n")]
    if len(rows) < 2:
        return {}
    header = rows.pop(0)
    if len(rows[-1]) < len(header):
        rows[-1].append("")  # the last word's text is empty and its cell missing
    out: dict[str, list[Any]] = {name: [] for name in header}
    last = len(header) - 1
    for row in rows:
        for i, name in enumerate(header):
            if i >= len(row):
                continue
            if i == last:
                out[name].append(row[i])
                continue
            try:
                out[name].append(int(float(row[i])))
            except ValueError:
                out[name].append(row[i])
    return out


def tesseract_pages(images: list[Any], opts: dict[str, Any], psm: int) -> list[dict[str, list[Any]]]:
    """Several small images in one Tesseract run, each read as a page of its own (a multi-page TIFF).

    The same reading, word for word and confidence for confidence, as one run per image, without
    starting Tesseract and loading its model for every table cell. One columns dict per image.
    """
    if not images:
        return []
    data = _run_tesseract(images, opts, psm)
    pages: list[dict[str, list[Any]]] = [{name: [] for name in data} for _ in images]
    for i, number in enumerate(data.get("page_num", [])):
        if 1 <= number <= len(images):
            for name, column in data.items():
                if i < len(column):
                    pages[number - 1][name].append(column[i])
    return pages


def tesseract_lines(gray: Any, opts: dict[str, Any], psm: Optional[int] = None) -> list[OcrLine]:
    """Run Tesseract once; group words into lines with mean confidence and a box."""
    return lines_from_data(tesseract_data(gray, opts, psm), gray.shape[1])


def lines_from_data(data: dict[str, list[Any]], width: int) -> list[OcrLine]:
    """Tesseract's words (TSV columns) grouped into lines with mean confidence and a box."""
    if not data:
        return []
    lines: dict[tuple[int, int, int], OcrLine] = {}
    order: list[tuple[int, int, int]] = []
    for i, word in enumerate(data["text"]):
        word = (word or "").strip()
        if not word:
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        conf = float(data["conf"][i])
        x, y, w, h = data["left"][i], data["top"][i], data["width"][i], data["height"][i]
        line = lines.get(key)
        if line is None:
            line = lines[key] = OcrLine("", None, (x, y, x + w, y + h), key[0], key[1])
            order.append(key)
        x0, y0, x1, y1 = line.bbox
        line.bbox = (min(x0, x), min(y0, y), max(x1, x + w), max(y1, y + h))
        line.words.append((word, conf))
        line.boxes.append((x, y, x + w, y + h))
    out: list[OcrLine] = []
    for key in order:
        for segment in _split_columns(lines[key], width):
            confs = [c for _, c in segment.words if c >= 0]
            segment.confidence = sum(confs) / len(confs) if confs else None
            segment.text = display(" ".join(w for w, _ in segment.words))
            out.append(segment)
    return _columns_in_order(out)


def _split_columns(line: OcrLine, page_width: int) -> list[OcrLine]:
    """Cut a Tesseract line at wide gaps: side-by-side blocks ("Nơi nhận:" | "CHỦ TỊCH", issuer |
    motto) share a baseline and Tesseract often reads them as one line. Each piece gets its own
    paragraph key (paragraph * 100 + column) so pieces are never joined again.
    """
    tall = max(line.bbox[3] - line.bbox[1], 1)
    limit = max(3.0 * tall, 0.06 * page_width)
    pieces: list[OcrLine] = []
    column = 0
    for word, box in zip(line.words, line.boxes):
        if pieces and box[0] - pieces[-1].bbox[2] > limit:
            column += 1
            pieces.append(OcrLine("", None, box, line.block, line.paragraph * 100 + column))
        elif not pieces:
            pieces.append(OcrLine("", None, box, line.block, line.paragraph * 100))
        piece = pieces[-1]
        piece.bbox = (min(piece.bbox[0], box[0]), min(piece.bbox[1], box[1]),
                      max(piece.bbox[2], box[2]), max(piece.bbox[3], box[3]))
        piece.words.append(word)
        piece.boxes.append(box)
    for index, piece in enumerate(pieces):
        piece.column = index
    return pieces


def _columns_in_order(lines: list[OcrLine]) -> list[OcrLine]:
    """Side-by-side zones (official header: issuer | motto; closing: "Nơi nhận" | signature) read
    left column first, then right column, each top to bottom — the way the text is meant.

    A zone is a vertical band holding at least one pair of lines side by side; every line
    inside the band is assigned to the left or right column by where it starts. Lines outside
    zones keep Tesseract's order. Lines with no letter or digit (specks, stamp marks) are dropped.
    """
    lines = [ln for ln in lines if any(unicodedata.category(ch) in ("Lu", "Ll", "Lt", "Lo", "Nd") for ch in ln.text)]
    if lines:
        heights = sorted(ln.bbox[3] - ln.bbox[1] for ln in lines)
        typical = heights[len(heights) // 2]
        lines = [ln for ln in lines if len(ln.text) > 2 or ln.bbox[3] - ln.bbox[1] >= 0.4 * typical]
    pairs: list[tuple[OcrLine, OcrLine]] = []
    for a in lines:
        for b in lines:
            if a is b or b.bbox[0] <= a.bbox[2]:
                continue
            overlap = min(a.bbox[3], b.bbox[3]) - max(a.bbox[1], b.bbox[1])
            if overlap > 0.3 * min(a.bbox[3] - a.bbox[1], b.bbox[3] - b.bbox[1]):
                pairs.append((a, b))
    if not pairs:
        return lines
    # Merge the pairs' vertical spans into zones (a gap of about two lines ends a zone).
    spans = sorted((min(a.bbox[1], b.bbox[1]), max(a.bbox[3], b.bbox[3]), a.bbox[2], b.bbox[0],
                    (b.bbox[0] + b.bbox[2]) / 2) for a, b in pairs)
    zones: list[list[float]] = []
    def full_width_between(upper: float, lower: float, gap_x: float) -> bool:
        return any(upper < (ln.bbox[1] + ln.bbox[3]) / 2 < lower and ln.bbox[0] < gap_x * 0.97
                   and ln.bbox[2] > gap_x * 1.03 for ln in lines)

    for top, bottom, left_end, right_start, right_middle in spans:
        tall = bottom - top
        # A signature block leaves several blank lines between title and name: merge up to ~8
        # lines apart, unless a full-width line (body text) lies in between.
        if zones and top <= zones[-1][1] + 8 * tall and not full_width_between(zones[-1][1], top, right_start):
            z = zones[-1]
            z[1] = max(z[1], bottom)
            z[2] = max(z[2], left_end)
            z[3] = min(z[3], right_start)
            z[4] = right_middle
        else:
            zones.append([top, bottom, left_end, right_start, right_middle])
    # Extend each zone downwards over lines that sit in one of its columns (a signer's name
    # several lines below "CHỦ TỊCH", recipients below "Nơi nhận:"), stopping at any other line.
    extent = max(ln.bbox[2] for ln in lines)
    by_top = sorted(lines, key=lambda ln: ln.bbox[1])
    for z in zones:
        for ln in by_top:
            if ln.bbox[1] <= z[1]:
                continue
            tall = ln.bbox[3] - ln.bbox[1]
            # Right column: centred under the column (a name under "CHỦ TỊCH"), not a centred title.
            fits = ln.bbox[2] <= z[3] * 1.03 or (ln.bbox[0] > z[2] and
                                                 abs((ln.bbox[0] + ln.bbox[2]) / 2 - z[4]) < 0.1 * extent)
            if ln.bbox[1] - z[1] > 8 * tall or not fits:
                break
            z[1] = ln.bbox[3]
    zone_of: dict[int, int] = {}
    for ln in lines:
        middle = (ln.bbox[1] + ln.bbox[3]) / 2
        for zi, (top, bottom, left_end, right_start, _) in enumerate(zones):
            # A centred title crossing the gap between the columns is not part of the zone.
            crosses = ln.bbox[0] < right_start * 0.97 and ln.bbox[2] > right_start * 1.03 and ln.bbox[0] > left_end
            if top <= middle <= bottom and not crosses:
                zone_of[id(ln)] = zi
                ln.column = 1 if ln.bbox[0] >= right_start * 0.97 or ln.bbox[0] > left_end else 0
                break
    closing = {zone_of[id(ln)] for ln in lines
               if id(ln) in zone_of and strip_diacritics(ln.text).lower().startswith("noi nhan")}
    for ln in lines:
        if id(ln) in zone_of:
            ln.zone = "closing" if zone_of[id(ln)] in closing else "header"
    out: list[OcrLine] = []
    emitted: set[int] = set()
    for ln in lines:
        zi = zone_of.get(id(ln))
        if zi is None:
            out.append(ln)
            continue
        if zi in emitted:
            continue
        emitted.add(zi)
        members = [m for m in lines if zone_of.get(id(m)) == zi]
        out.extend(sorted(members, key=lambda m: (m.column, m.bbox[1])))
    return out


# --------------------------------------------------------------------------- paragraphs

_LIST_START = re.compile(r"^([-–•+*]|\d{1,2}[.)]|[IVX]{1,5}[.)]|[a-zđ][)]|Điều\s+\d|Bước\s+\d)\s", re.IGNORECASE)


def group_paragraphs(lines: list[OcrLine], page_width: float) -> list[list[OcrLine]]:
    """Tesseract paragraphs, re-split so that only wrapped lines of one sentence are joined.

    A line continues the previous one when (a) the previous line ran to the right margin —
    the next line's first word would not have fitted after it — and (b) it starts at the
    paragraph's left edge (centred signature and title lines do not), and it is not a new
    list item. A deadline sentence then stays whole; headers, titles and items stay separate,
    as in the born-digital text.
    """
    if not lines:
        return []
    rights = sorted(ln.bbox[2] for ln in lines)
    # The text column's right edge; with few lines (a form page) the page itself bounds it.
    right_margin = max(rights[int(0.9 * (len(rights) - 1))], 0.75 * page_width)
    # Left edge of the body text; a page holding only a signature block still has a margin at ~15 %.
    text_left = min(min(ln.bbox[0] for ln in lines), 0.15 * page_width)
    left_edge: dict[tuple[int, int], float] = {}
    for ln in lines:
        key = (ln.block, ln.paragraph)
        left_edge[key] = min(left_edge.get(key, ln.bbox[0]), ln.bbox[0])
    groups: list[list[OcrLine]] = []
    for line in lines:
        prev = groups[-1][-1] if groups else None
        if prev is not None and (prev.block, prev.paragraph) == (line.block, line.paragraph):
            tall = max(prev.bbox[3] - prev.bbox[1], 1)
            first_word = (line.boxes[0][2] - line.boxes[0][0]) if line.boxes else tall
            wrapped = right_margin - prev.bbox[2] < first_word + 1.5 * tall
            aligned = line.bbox[0] - left_edge[(line.block, line.paragraph)] < 0.8 * tall
            close = line.bbox[1] - prev.bbox[3] < 1.2 * tall
            same_column = line.column == prev.column
            # Two lines centred on one axis with neither edge aligned: a centred block (place and
            # date over "Đơn vị: …"), not a wrapped sentence (whose lines share the left margin).
            centred = (abs((line.bbox[0] + line.bbox[2]) - (prev.bbox[0] + prev.bbox[2])) < 2 * tall
                       and abs(line.bbox[0] - prev.bbox[0]) > 0.25 * tall
                       and abs(line.bbox[2] - prev.bbox[2]) > 0.25 * tall)
            # Only body-width lines wrap: a narrow block (signature, issuer) is a stack of short lines.
            wide = prev.bbox[2] - prev.bbox[0] >= 0.55 * (right_margin - text_left)
            if wrapped and aligned and close and same_column and wide and not centred \
                    and not _LIST_START.match(line.text):
                groups[-1].append(line)
                continue
        groups.append([line])
    return groups


def _region(first: OcrLine, page_h: float, page: int) -> str:
    """Regions the metadata extractor relies on, from the side-by-side zones.

    Top of page 1: issuer column = header-left, motto/date column = header-right. Closing
    zone: the "Nơi nhận" column = recipients. Everything else is body.
    """
    if first.zone == "closing":
        return "recipients" if first.column == 0 else "body"
    if first.zone == "header" and page == 1 and first.bbox[1] < 0.4 * page_h:
        return "header-right" if first.column else "header-left"
    return "body"


# --------------------------------------------------------------------------- one page


def ocr_page(gray: Any, page: int, *, dpi: Optional[float] = None, to_output: float = 1.0,
             options: Optional[dict[str, Any]] = None) -> PageResult:
    """OCR one grayscale page (numpy uint8). ``to_output`` converts input pixels to output units
    (PDF points: 72/dpi; images: 1). Never raises for bad pixels: warnings instead.
    """
    opts = {**DEFAULTS, **(options or {})}
    started = time.perf_counter()
    result = PageResult(page=page)
    h, w = gray.shape[:2]
    warning = check_size(w, h, f"page {page}")
    if warning:
        result.warnings.append(warning)
        return result
    if _flat(gray):
        result.warnings.append(f"page {page} is blank: no text found")
        result.seconds = time.perf_counter() - started
        return result
    image, facts, tables, lines = _read_page(gray, page, opts, dpi, to_output, None)
    if opts["orientation"] and facts["orientation_unsure"] and not _reads_upright(lines):
        # The marks did not tell the orientation and the page does not read: ask Tesseract's OSD.
        rotation = _osd_orientation(facts["before_orientation"], opts)
        if rotation:
            image, facts, tables, lines = _read_page(gray, page, opts, dpi, to_output, rotation)
    result.rotation, result.skew, result.scale = facts["rotation"], facts["skew"], facts["scale"]
    out_scale = to_output / facts["scale"]  # OCR pixels -> output units
    ph, pw = image.shape[:2]
    blocks: list[tuple[float, Block]] = []
    groups = group_paragraphs(lines, pw)
    boxes = [_union(g) for g in groups]
    line_no = 0
    confs: list[float] = []
    low_conf = opts["low_confidence"]
    for group, box in zip(groups, boxes):
        texts = []
        for ln in group:
            line_no += 1
            fixed = correct(ln.text)
            texts.append(fixed)
            if ln.confidence is not None:
                confs.append(ln.confidence)
            digit_confs = [c for wd, c in ln.words if any(ch.isdigit() for ch in wd) and c >= 0]
            if digit_confs and min(digit_confs) < low_conf:
                result.warnings.append(
                    f"page {page} line {line_no}: low OCR confidence ({min(digit_confs):.0f}%) on a date or number "
                    f"in \"{_short(fixed)}\": check it against the scan")
        text = _END_SPECK.sub("", " ".join(t for t in texts if t))
        if not text.strip():
            continue
        group_confs = [c for ln in group for _, c in ln.words if c >= 0]
        para = Paragraph(text=text,
                         location=Location(page=page, line=line_no - len(group) + 1,
                                           bbox=tuple(v * out_scale for v in box)),  # type: ignore[arg-type]
                         region=_region(group[0], ph, page),
                         confidence=round(sum(group_confs) / len(group_confs), 1) if group_confs else None)
        blocks.append((box[1], para))
    for table in tables:
        top = table.location.bbox[1] / out_scale if table.location.bbox else 0.0
        blocks.append((top, table))
        for row in table.rows:
            for cell in row:
                if cell.confidence is not None and cell.text:
                    confs.append(cell.confidence)
                    if any(ch.isdigit() for ch in cell.text) and cell.confidence < low_conf:
                        result.warnings.append(
                            f"page {page} table cell (row {cell.row + 1}, column {cell.column + 1}): low OCR "
                            f"confidence ({cell.confidence:.0f}%) on \"{_short(cell.text)}\": check it against the scan")
    # Reading order: paragraphs keep Tesseract's order; each table goes before the first paragraph below it.
    paragraphs = [b for b in blocks if isinstance(b[1], Paragraph)]
    ordered: list[Block] = []
    pending = sorted((b for b in blocks if isinstance(b[1], Table)), key=lambda b: b[0])
    for top, para in paragraphs:
        while pending and pending[0][0] <= top:
            ordered.append(pending.pop(0)[1])
        ordered.append(para)
    ordered.extend(t for _, t in pending)
    result.blocks = ordered
    result.mean_confidence = round(sum(confs) / len(confs), 1) if confs else None
    if not ordered:
        result.warnings.append(f"page {page}: OCR found no text (blank, too faint or not a document)")
    result.seconds = time.perf_counter() - started
    return result


def _read_page(gray: Any, page: int, opts: dict[str, Any], dpi: Optional[float], to_output: float,
               rotation: Optional[int]) -> tuple[Any, dict[str, Any], list[Table], list[OcrLine]]:
    """Preprocess, cut the ruled tables out (their cells OCRed apart), one Tesseract pass over the rest."""
    image, facts = preprocess(gray, opts, dpi, rotation)
    if not opts["tables"]:
        return image, facts, [], tesseract_lines(image, opts)
    from .ocr_tables import find_tables

    tables, image, lines = find_tables(facts["geometry_only"], page, opts, to_output / facts["scale"], paint=image,
                                       read_rest=lambda painted: tesseract_lines(painted, opts))
    return image, facts, tables, lines


def _flat(gray: Any) -> bool:
    """No ink at all: the standard deviation of the page under 2 grey levels."""
    import cv2

    return float(cv2.meanStdDev(gray)[1][0][0]) < 2.0


def _reads_upright(lines: list[OcrLine]) -> bool:
    """Whether a reading of a page whose orientation was not known looks like upright text.

    Upside down, Tesseract reads garbage: confidences fall under 50 and the words are not Vietnamese
    syllables. Turned a quarter, its words stand taller than wide. No words at all: nothing to turn.
    """
    from ..legacy import non_ascii_words, vietnamese_score

    words = [(w, c, box) for ln in lines for (w, c), box in zip(ln.words, ln.boxes)]
    if not words:
        return True
    confs = [c for _, c, _ in words if c >= 0]
    if confs and sum(confs) / len(confs) < 70:
        return False
    long_words = [box for w, _, box in words if len(w) >= 3]
    if long_words and sum(1 for b in long_words if b[3] - b[1] > b[2] - b[0]) * 2 > len(long_words):
        return False
    text = " ".join(ln.text for ln in lines)
    return non_ascii_words(text) < 3 or vietnamese_score(text) >= 0.3


#: A dust speck after the last word of a paragraph ("DANH SÁCH -"): no paragraph ends in " -".
_END_SPECK = re.compile(r"\s+[-_'`~^ˆ.,:;]{1,2}$")


def _union(lines: list[OcrLine]) -> tuple[float, float, float, float]:
    return (min(ln.bbox[0] for ln in lines), min(ln.bbox[1] for ln in lines),
            max(ln.bbox[2] for ln in lines), max(ln.bbox[3] for ln in lines))


def _short(text: str, n: int = 60) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= n else text[: n - 1] + "…"


# --------------------------------------------------------------------------- many pages


def default_workers(options: Optional[dict[str, Any]] = None) -> int:
    """Pages in parallel only in a top-level process: inside the batch's worker pool the cores
    are already busy with other files, and more Tesseract processes than cores only thrash."""
    import multiprocessing

    requested = (options or {}).get("workers") or os.environ.get("PIPELINE_OCR_WORKERS")
    if requested:
        return max(1, int(requested))
    if multiprocessing.parent_process() is not None:
        return 1
    return max(1, min(2, os.cpu_count() or 1))


PageSource = tuple[int, Callable[[], tuple[Any, Optional[float], float]]]


def ocr_pages(sources: Iterable[PageSource], options: Optional[dict[str, Any]] = None) -> Iterator[PageResult]:
    """OCR pages in parallel, yielding results in page order.

    Each source is ``(page, load)``; ``load()`` runs in the caller's thread (PDF renderers and
    PIL frame seeking are not thread-safe) and returns ``(gray, dpi, to_output)``. At most
    ``workers + 1`` pages are held in memory at once.
    """
    from .pagesplit import current

    plan = current()
    if plan is not None:  # a task of a scan split per page (pipeline/readers/pagesplit.py)
        yield from plan.run(sources, lambda chosen: ocr_pages(chosen, options))
        return
    workers = default_workers(options)

    def run(page: int, load: Callable[[], tuple[Any, Optional[float], float]]) -> Any:
        try:
            gray, dpi, to_output = load()
        except Exception as exc:  # noqa: BLE001 - one bad page must not lose the others
            res = PageResult(page=page)
            res.warnings.append(f"page {page}: cannot be rendered for OCR ({_short(str(exc) or type(exc).__name__, 120)})")
            return None, res
        return (gray, dpi, to_output), None

    def work(page: int, payload: tuple[Any, Optional[float], float]) -> PageResult:
        gray, dpi, to_output = payload
        try:
            return ocr_page(gray, page, dpi=dpi, to_output=to_output, options=options)
        except Exception as exc:  # noqa: BLE001
            log.warning("OCR failed on page %s: %s", page, exc)
            res = PageResult(page=page)
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            res.warnings.append(f"page {page}: OCR failed ({_short(reason, 120)})")
            return res

    if workers <= 1:
        for page, load in sources:
            payload, failed = run(page, load)
            yield failed if failed is not None else work(page, payload)
        return
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ocr") as pool:
        pending: list[Any] = []
        for page, load in sources:
            payload, failed = run(page, load)
            if failed is not None:
                pending.append(failed)
            else:
                pending.append(pool.submit(work, page, payload))
            while len(pending) > workers:
                head = pending.pop(0)
                yield head if isinstance(head, PageResult) else head.result()
        for head in pending:
            yield head if isinstance(head, PageResult) else head.result()


# --------------------------------------------------------------------------- documents


def add_results(doc: Any, results: list[PageResult]) -> None:
    """Put OCRed pages into a Document: blocks in page order, tables renumbered, facts recorded."""
    from ..model import Paragraph as _P

    ocred = [r for r in results if r.blocks]
    for res in results:
        doc.warnings.extend(res.warnings)
    if ocred:
        doc.ocr = True
    new_blocks = [b for r in results for b in r.blocks]
    if new_blocks:
        doc.blocks.extend(new_blocks)
        doc.blocks.sort(key=lambda b: (b.location.page or 0))  # stable: in-page order is kept
        for i, table in enumerate(doc.tables):
            table.index = i
            table.location.table = i
            for row in table.rows:
                for cell in row:
                    cell.location.table = i
    stats = doc.metadata.setdefault("ocr", {"pages": []})
    for r in results:
        stats["pages"].append({"page": r.page, "seconds": round(r.seconds, 2), "rotation": r.rotation,
                               "skew": r.skew, "scale": round(r.scale, 3), "confidence": r.mean_confidence,
                               "paragraphs": sum(isinstance(b, _P) for b in r.blocks),
                               "tables": sum(not isinstance(b, _P) for b in r.blocks)})


def _render_pdf_page(pdf: Any, index: int, dpi: int) -> tuple[Any, Optional[float], float]:
    """Render one PDF page to grayscale at ``dpi`` (bounded: huge page sizes are rendered smaller)."""
    import numpy as np

    page = pdf[index]
    try:
        width_pt, height_pt = page.get_size()
        scale = dpi / 72.0
        if width_pt * height_pt * scale * scale > OCR_MAX_PIXELS:
            scale = (OCR_MAX_PIXELS / (width_pt * height_pt)) ** 0.5
        bitmap = page.render(scale=scale, grayscale=True)
        try:
            image = bitmap.to_pil()
            gray = to_gray_array(image)
        finally:
            bitmap.close()
    finally:
        page.close()
    return np.ascontiguousarray(gray), scale * 72.0, 1.0 / scale


def ocr_pdf_pages(path: Any, doc: Any, options: Optional[dict[str, Any]] = None, dpi: int = 300) -> None:
    """OCR the pages the PDF reader found without a text layer (``doc.metadata["pages_without_text"]``).

    Replaces the reader's "needs OCR" warnings by OCR's own; keeps working (with a clear warning)
    when Tesseract is absent.
    """
    pages = sorted({int(p) for p in doc.metadata.get("pages_without_text") or []})
    if not pages:
        return
    usable, detail = tesseract_status()
    if not usable:
        doc.warnings[:] = [w for w in doc.warnings if "needs OCR" not in w]
        doc.warnings.append(f"{len(pages)} page(s) without a text layer ({_page_list(pages)}): {NOT_INSTALLED}")
        return
    doc.warnings[:] = [w for w in doc.warnings if "needs OCR" not in w]
    if detail:
        doc.warnings.append(detail)
    if len(pages) > MAX_OCR_PAGES:
        doc.warnings.append(f"{len(pages)} pages need OCR: only the first {MAX_OCR_PAGES} were OCRed")
        pages = pages[:MAX_OCR_PAGES]
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        count = len(pdf)
        sources = ((p, (lambda i=p - 1: _render_pdf_page(pdf, i, dpi))) for p in pages if 1 <= p <= count)
        results = list(ocr_pages(sources, options))
    finally:
        pdf.close()
    add_results(doc, results)
    doc.metadata["ocr_pages"] = pages


def _page_list(pages: list[int]) -> str:
    shown = ", ".join(str(p) for p in pages[:10])
    return f"page {shown}" if len(pages) == 1 else f"pages {shown}{' …' if len(pages) > 10 else ''}"
