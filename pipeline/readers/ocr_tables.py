"""Ruled tables in scans: find the grid with OpenCV line detection, OCR each cell, build a Table.

Why per cell: Tesseract's page segmentation reads a ruled form across columns and mixes the
cells of one row into one line. Registration forms are printed with full grids, so the ruling
lines tell us the cells exactly; OCRing each cell alone gives one clean string per cell and
lets :mod:`pipeline.extractors.registrations` work on scans exactly as on DOCX tables.

Algorithm (all on the deskewed page):
1. inverse adaptive threshold; morphological opening with long thin kernels keeps only
   horizontal / vertical strokes (text strokes are far shorter than the kernels);
2. a table = a connected component of the line mask that is wide and contains at least two
   horizontal and two vertical rulings;
3. rulings are the x (y) positions where the vertical (horizontal) mask has long runs;
   the grid is every rectangle between consecutive rulings; a rectangle merges with its
   neighbour when the ruling between them is mostly absent (merged header cells);
4. each cell is cropped inside its borders, ruling residue removed, and OCRed (``--psm 6``);
5. the table area is painted white in the page image, so the page OCR does not read it again.
"""
from __future__ import annotations

import logging
import re
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Optional

from ..model import Cell, Location, Table

log = logging.getLogger(__name__)

#: Minimal share of the page width a ruled table must span.
MIN_TABLE_WIDTH = 0.3
#: A ruling between two grid rectangles counts as present when it covers this share of the edge.
EDGE_PRESENT = 0.6


def _line_masks(gray: Any) -> tuple[Any, Any]:
    import cv2

    h, w = gray.shape
    bw = _ink(gray)
    # Long kernels: at 300 dpi a glyph is < 60 px; a ruling spans at least one cell (> 1/4 inch).
    hk = max(40, w // 25)
    vk = max(30, h // 60)
    # Thicken across the ruling first: a 1-px ruling that steps by a pixel (residual skew) or a
    # speck-sized dropout would otherwise break the long opening; text gains no long runs from it.
    thick_h = cv2.dilate(bw, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 3)))
    thick_v = cv2.dilate(bw, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 1)))
    horizontal = cv2.morphologyEx(thick_h, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (hk, 1)))
    vertical = cv2.morphologyEx(thick_v, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, vk)))
    # Close small breaks from noise or faint printing.
    horizontal = cv2.dilate(horizontal, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 3)))
    vertical = cv2.dilate(vertical, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 9)))
    return horizontal, vertical


def _positions(profile: Any, threshold: float) -> list[int]:
    """Centres of runs where ``profile`` exceeds ``threshold`` (one per ruling)."""
    out: list[int] = []
    start = None
    for i, v in enumerate(list(profile) + [0]):
        if v >= threshold and start is None:
            start = i
        elif v < threshold and start is not None:
            out.append((start + i - 1) // 2)
            start = None
    return out


def _coverage(mask: Any, x0: int, y0: int, x1: int, y1: int, axis: int) -> float:
    """Share of the edge's length where the ruling is present anywhere across the band.

    ``axis=0``: a horizontal band (row boundary), measured per pixel column; ``axis=1``: a
    vertical band. "Anywhere across" tolerates rulings that drift a few pixels (residual skew).
    """
    region = mask[max(0, y0):max(y0 + 1, y1), max(0, x0):max(x0 + 1, x1)]
    if region.size == 0:
        return 0.0
    return float((region > 0).any(axis=axis).mean())


def _ink(gray: Any) -> Any:
    """What :func:`_line_masks` calls ink: darker than the mean around it (grey paper is no ink)."""
    import cv2

    return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15)


def may_hold_grid(gray: Any) -> bool:
    """A quick necessary test for :func:`find_grids`: long horizontal *and* vertical strokes exist.

    The full search's own ink, on a half-size copy that keeps every ink pixel (2×2 maximum), with
    kernels a little shorter than half of :func:`_line_masks`' — so it never says no where the full
    search would find a grid, and it costs a tenth of it. Text pages, underlined headers and stamps
    without long straight strokes stop here. (A fixed "darker than 240" called grey paper ink from
    edge to edge, and every page of a grey scan went through the full search.)
    """
    import cv2

    h, w = gray.shape
    ink = cv2.dilate(_ink(gray), cv2.getStructuringElement(cv2.MORPH_RECT, (2, 2)), anchor=(0, 0))[::2, ::2]
    ink = (ink > 0).astype("uint8")
    hk = max(40, w // 25) // 2 - 1
    vk = max(30, h // 60) // 2 - 1
    vertical = cv2.morphologyEx(cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 1))),
                                cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, vk)))
    if not vertical.any():
        return False
    horizontal = cv2.morphologyEx(cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 3))),
                                  cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (hk, 1)))
    return bool(horizontal.any())


def find_grids(gray: Any) -> list[dict[str, Any]]:
    """Ruled grids on the page: dicts with bbox, xs (column rulings), ys (row rulings) and masks."""
    import cv2

    h, w = gray.shape
    horizontal, vertical = _line_masks(gray)
    mask = cv2.bitwise_or(horizontal, vertical)
    # Pieces of one grid separated by a broken ruling still belong together.
    mask = cv2.dilate(mask, cv2.getStructuringElement(cv2.MORPH_RECT, (15, 15)))
    n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    grids = []
    for i in range(1, n):
        x, y, bw_, bh = (int(v) for v in stats[i, :4])
        if bw_ < MIN_TABLE_WIDTH * w or bh < 30:
            continue
        hsub = horizontal[y:y + bh, x:x + bw_]
        vsub = vertical[y:y + bh, x:x + bw_]
        ys = _positions((hsub > 0).sum(axis=1), 0.15 * bw_)
        xs = _positions((vsub > 0).sum(axis=0), min(0.15 * bh, max(30, h // 60)))
        # A column ruling crosses at least one whole row; glyph stems (T, l, 1) never do.
        xs = [cx for cx in xs if any(
            _coverage(vsub, cx - 3, ys[r] + 2, cx + 4, ys[r + 1] - 2, 1) >= 0.8 for r in range(len(ys) - 1))]
        if len(ys) < 3 or len(xs) < 3:  # a data table has at least two rows and two columns
            continue
        grids.append({"bbox": (x, y, x + bw_, y + bh), "xs": [x + v for v in xs], "ys": [y + v for v in ys],
                      "h": horizontal, "v": vertical})
    return grids


def _cells_of(grid: dict[str, Any]) -> list[tuple[int, int, int, int]]:
    """(row, column, rowspan, colspan) of every cell, merging rectangles with no ruling between them."""
    xs, ys, hmask, vmask = grid["xs"], grid["ys"], grid["h"], grid["v"]
    nr, nc = len(ys) - 1, len(xs) - 1
    parent = list(range(nr * nc))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    def union(a: int, b: int) -> None:
        parent[find(a)] = find(b)

    pad = 4
    band = max(6, hmask.shape[1] // 250)
    for r in range(nr):
        for c in range(nc):
            y0, y1 = ys[r] + pad, ys[r + 1] - pad
            x0, x1 = xs[c] + pad, xs[c + 1] - pad
            if c + 1 < nc and _coverage(vmask, xs[c + 1] - band, y0, xs[c + 1] + band + 1, y1, 1) < EDGE_PRESENT:
                union(r * nc + c, r * nc + c + 1)
            if r + 1 < nr and _coverage(hmask, x0, ys[r + 1] - band, x1, ys[r + 1] + band + 1, 0) < EDGE_PRESENT:
                union(r * nc + c, (r + 1) * nc + c)
    groups: dict[int, list[tuple[int, int]]] = {}
    for r in range(nr):
        for c in range(nc):
            groups.setdefault(find(r * nc + c), []).append((r, c))
    cells = []
    for members in groups.values():
        r0 = min(r for r, _ in members)
        c0 = min(c for _, c in members)
        r1 = max(r for r, _ in members)
        c1 = max(c for _, c in members)
        cells.append((r0, c0, r1 - r0 + 1, c1 - c0 + 1))
    return sorted(cells)


_ROMAN_LOOKALIKES = re.compile(r"^[|\[\]!IVX]*[|\[\]!][|\[\]!IVX]*\.?$")
_TWO_BARS = {"H", "Hi", "li", "Il", "lI", "ll", "[I", "I]", "|I", "I|", "||"}
_TRAILING_SPECK = re.compile(r"\s+[`'^ˆ‘’.,:;~_\-]{1,3}$")


def fix_short_cell(text: str) -> str:
    """Numbering cells (``TT``: 1, 2, I, II …) alone in a cell are Tesseract's weakest spot.

    A bar-like glyph (``|``, ``[``, ``]``, ``!``) is never a cell's whole content: it is the
    Roman ``I``; two bars read as ``H``/``li`` are ``II``; a speck after the number is dropped.
    The numbering rules apply only to cells of at most four characters.
    """
    text = _TRAILING_SPECK.sub("", text)  # a dust speck read as " _." after the cell's text
    if len(text) > 4:
        return text
    if text in _TWO_BARS:
        return "II"
    if _ROMAN_LOOKALIKES.match(text):
        return re.sub(r"[|\[\]!]", "I", text)
    return text


def _ink_box(crop: Any) -> Optional[tuple[int, int, int, int, float]]:
    """Bounding box of the text in a cell (specks ignored) and the typical glyph height."""
    import cv2
    import numpy as np

    _, bw = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, _, stats, _ = cv2.connectedComponentsWithStats(bw, connectivity=8)
    if n <= 1:
        return None
    keep = [(int(x), int(y), int(w), int(h)) for x, y, w, h, area in stats[1:]
            if area >= 6 and h >= 3 and not (w > 0.9 * crop.shape[1] and h <= 4)]
    if not keep:
        return None
    x0 = min(k[0] for k in keep)
    y0 = min(k[1] for k in keep)
    x1 = max(k[0] + k[2] for k in keep)
    y1 = max(k[1] + k[3] for k in keep)
    glyph = float(np.percentile([k[3] for k in keep], 90))
    return x0, y0, x1, y1, max(glyph, 1.0)


def _prepare_cell(crop: Any) -> Optional[tuple[Any, bool]]:
    """A binarized tight crop of the cell's text and whether it is one line; None for empty cells.

    Tight binarized crops matter: on grey paper inside a white margin, or with much empty
    space around it, Tesseract misreads a lone ``3`` or ``II``.
    """
    import cv2

    if crop.size == 0 or crop.shape[0] < 8 or crop.shape[1] < 8 or float(crop.std()) < 6:
        return None
    box = _ink_box(crop)
    if box is None:
        return None
    x0, y0, x1, y1, glyph = box
    if (y1 - y0) * (x1 - x0) < 40:
        return None
    m = 3
    _, bw = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return bw[max(0, y0 - m):y1 + m, max(0, x0 - m):x1 + m], (y1 - y0) < 2.2 * glyph


def _cell_text(lines: list[Any]) -> tuple[str, Optional[float]]:
    from .ocr import correct

    texts = [correct(ln.text) for ln in lines if ln.text.strip()]
    confs = [c for ln in lines for _, c in ln.words if c >= 0]
    # Wrapped lines of one cell are one value; a bullet starts a new line.
    text = ""
    for t in texts:
        if text and (t[:1] in "-+•"):
            text += "\n" + t
        else:
            text = f"{text} {t}".strip()
    return fix_short_cell(text), (round(sum(confs) / len(confs), 1) if confs else None)


def _padded(prepared: tuple[Any, bool]) -> Any:
    import cv2
    import numpy as np

    return np.ascontiguousarray(cv2.copyMakeBorder(prepared[0], 30, 30, 30, 30, cv2.BORDER_CONSTANT, value=255))


def _ocr_cells_alone(prepared: list[tuple[Any, bool]], opts: dict[str, Any]) -> list[tuple[str, Optional[float]]]:
    """Cells read each on its own (``--psm 7`` for a single line, 6 otherwise), one Tesseract run per mode.

    Each cell is a page of a multi-page image, so Tesseract reads it exactly as if it were alone.
    """
    from .ocr import lines_from_data, tesseract_pages

    out: list[tuple[str, Optional[float]]] = [("", None)] * len(prepared)
    for psm in (7, 6):
        idx = [i for i, p in enumerate(prepared) if (p[1] if psm == 7 else not p[1])]
        images = [_padded(prepared[i]) for i in idx]
        for i, image, data in zip(idx, images, tesseract_pages(images, opts, psm)):
            out[i] = _cell_text(lines_from_data(data, image.shape[1]))
    return out


def _ocr_cells_stacked(prepared: list[tuple[Any, bool]], opts: dict[str, Any]) -> list[tuple[str, Optional[float]]]:
    """Many cells, one Tesseract call: crops stacked in a column with wide gaps, lines mapped back.

    Starting Tesseract and loading the Vietnamese model costs more than reading a short cell;
    a form page has 40–70 cells.
    """
    import numpy as np

    from .ocr import tesseract_lines

    gap = max(40, max(t.shape[0] for t, _ in prepared) // 3)
    width = max(t.shape[1] for t, _ in prepared) + 2 * gap
    height = sum(t.shape[0] for t, _ in prepared) + gap * (len(prepared) + 1)
    mosaic = np.full((height, width), 255, np.uint8)
    spans = []
    y = gap
    for tight, _ in prepared:
        h, w = tight.shape
        mosaic[y:y + h, gap:gap + w] = tight
        spans.append((y, y + h))
        y += h + gap
    lines = tesseract_lines(mosaic, opts, psm=6)
    per_cell: list[list[Any]] = [[] for _ in prepared]
    for ln in lines:
        middle = (ln.bbox[1] + ln.bbox[3]) / 2
        for i, (top, bottom) in enumerate(spans):
            if top - gap / 2 <= middle < bottom + gap / 2:
                per_cell[i].append(ln)
                break
    return [_cell_text(sorted(ls, key=lambda ln: ln.bbox[1])) for ls in per_cell]


def ocr_cells(crops: list[Any], opts: dict[str, Any]) -> list[tuple[str, Optional[float]]]:
    """Text and confidence of every cell crop ('' / None for empty cells), in order."""

    prepared = [_prepare_cell(c) for c in crops]
    todo = [i for i, p in enumerate(prepared) if p is not None]
    results: list[tuple[str, Optional[float]]] = [("", None)] * len(crops)
    if not todo:
        return results
    if opts.get("cell_batch", True):
        # Two stacks, one per worker; short single-line cells (numbering) OCRed alone: in a stack
        # Tesseract reads a lone "I" or "3" with the wrong x-height.
        alone = [i for i in todo if prepared[i][1] and prepared[i][0].shape[1] < 2.5 * prepared[i][0].shape[0]]
        stacked = [i for i in todo if i not in set(alone)]
        halves = [stacked[: len(stacked) // 2], stacked[len(stacked) // 2:]]
        jobs = [("stack", h) for h in halves if h] + ([("alone", alone)] if alone else [])
    else:
        jobs = [("alone", todo)]

    def run(job: tuple[str, list[int]]) -> list[tuple[int, tuple[str, Optional[float]]]]:
        kind, idx = job
        if kind == "alone":
            return list(zip(idx, _ocr_cells_alone([prepared[i] for i in idx], opts)))  # type: ignore[misc]
        return list(zip(idx, _ocr_cells_stacked([prepared[i] for i in idx], opts)))  # type: ignore[misc]

    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="ocr-cell") as pool:
        for done in pool.map(run, jobs):
            for i, value in done:
                results[i] = value
    return results


def find_tables(image: Any, page: int, opts: dict[str, Any], out_scale: float, paint: Any = None,
                read_rest: Optional[Callable[[Any], Any]] = None) -> tuple[list[Table], Any, Any]:
    """Tables of one page, ``paint`` (default: the page) with those tables painted out, and what
    ``read_rest(painted page)`` returned.

    ``read_rest`` (the page's own Tesseract pass) runs while the cells are read: the painting needs
    only the grids, so the page and its cells are OCRed side by side instead of one after the other.
    ``image`` should be unfiltered: a median filter erases 1-pixel rulings of 200 dpi scans.
    """
    import numpy as np

    if paint is None:
        paint = image

    def rest_only(painted: Any) -> tuple[list[Table], Any, Any]:
        return [], painted, (read_rest(painted) if read_rest is not None else None)

    try:
        grids = find_grids(image) if may_hold_grid(image) else []
    except Exception as exc:  # noqa: BLE001 - a failed grid search must still OCR the page text
        log.warning("table detection failed on page %s: %s", page, exc)
        return rest_only(paint)
    if not grids:
        return rest_only(paint)
    grids = sorted(grids, key=lambda g: g["bbox"][1])
    cleaned = paint.copy()
    paper = int(np.median(paint[::4, ::4]))
    for grid in grids:
        x0, y0, x1, y1 = grid["bbox"]
        # Paint with the paper's own tone: a pure white patch on grey paper makes Tesseract's
        # global threshold call the whole paper "ink" and the page's text disappears.
        cleaned[max(0, y0 - 4):y1 + 4, max(0, x0 - 4):x1 + 4] = paper
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="ocr-rest") as pool:
        rest = pool.submit(read_rest, cleaned) if read_rest is not None else None
        tables = [_read_grid(image, grid, index, page, opts, out_scale) for index, grid in enumerate(grids)]
        return tables, cleaned, (rest.result() if rest is not None else None)


def _read_grid(image: Any, grid: dict[str, Any], index: int, page: int, opts: dict[str, Any],
               out_scale: float) -> Table:
    """One grid: cells cropped inside their rulings (ruling residue removed) and OCRed, as a Table."""
    import numpy as np

    xs, ys = grid["xs"], grid["ys"]
    hmask, vmask = grid["h"], grid["v"]
    # Remove ruling residue so cell crops hold only ink of the text.
    source = image.copy()
    x0, y0, x1, y1 = grid["bbox"]
    lines = (hmask[y0:y1, x0:x1] > 0) | (vmask[y0:y1, x0:x1] > 0)
    source[y0:y1, x0:x1][lines] = 255
    specs = _cells_of(grid)
    inset = max(4, image.shape[1] // 300)  # past the ruling and its blur (8 px at 300 dpi)
    crops = []
    for r, c, rs, cs in specs:
        cx0, cx1 = xs[c] + inset, xs[c + cs] - inset
        cy0, cy1 = ys[r] + inset, ys[r + rs] - inset
        crops.append(np.ascontiguousarray(source[cy0:cy1, cx0:cx1]))
    results = ocr_cells(crops, opts)
    rows: dict[int, list[Cell]] = {r: [] for r in range(len(ys) - 1)}
    for (r, c, rs, cs), (text, conf) in zip(specs, results):
        box = (xs[c] * out_scale, ys[r] * out_scale, xs[c + cs] * out_scale, ys[r + rs] * out_scale)
        rows[r].append(Cell(text=text, row=r, column=c, rowspan=rs, colspan=cs, confidence=conf,
                            location=Location(page=page, table=index, row=r, column=c, bbox=box)))
    table_rows = [sorted(rows[r], key=lambda cell: cell.column) for r in sorted(rows)]
    return Table(rows=table_rows, index=index,
                 location=Location(page=page, table=index,
                                   bbox=(x0 * out_scale, y0 * out_scale, x1 * out_scale, y1 * out_scale)))
