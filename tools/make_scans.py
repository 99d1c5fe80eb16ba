#!/usr/bin/env python3
"""Build the scanned test set: born-digital PDFs -> degraded scans (image-only PDFs, PNG, JPEG, TIFF).

Why: OCR quality must be measured on scans whose true text we know. We typeset each
development document (shared/eval/dev/NAME.txt) as a PDF with reportlab (Times-like font,
ruled tables for the registration forms) unless corpus/NAME.pdf exists (then that one), render it with pypdfium2 at 150–300 dpi, and
degrade it like an office scanner or a phone would: slight rotation, blur, noise, grey
paper, JPEG compression; a few pages sideways or upside down. Everything is seeded, so
running the script twice gives the same bytes.

Outputs in tests/data/scans/ (kept small, a few MB):
  NAME.EXT + NAME.gold.json   the scan and the dev gold with ``source`` adjusted (score.py --gold)
  ref/NAME.txt                reference text (text layer of the source PDF) for CER
  src/NAME.pdf                born-digital PDFs we typeset for documents missing from corpus/

Usage: .venv/bin/python tools/make_scans.py [--dev ../shared/eval/dev] [--out tests/data/scans]
Needs: reportlab (the ``build`` extra), pypdfium2, pdfplumber, Pillow, numpy, fonts-liberation2.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

ROOT = Path(__file__).resolve().parents[1]
#: Fixed PDF dates: the script must give the same bytes every run.
import time as _time  # noqa: E402

FIXED_DATE = _time.gmtime(1704067200)  # 2024-01-01
#: Liberation Serif 2.x (fonts-liberation2) has the Vietnamese glyphs; 1.x does not.
FONT_DIRS = [Path("/usr/share/fonts/truetype/liberation2")]


# --------------------------------------------------------------------------- typesetting


def _register_fonts() -> str:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for d in FONT_DIRS:
        if (d / "LiberationSerif-Regular.ttf").exists():
            pdfmetrics.registerFont(TTFont("Serif", str(d / "LiberationSerif-Regular.ttf")))
            pdfmetrics.registerFont(TTFont("Serif-Bold", str(d / "LiberationSerif-Bold.ttf")))
            pdfmetrics.registerFont(TTFont("Serif-Italic", str(d / "LiberationSerif-Italic.ttf")))
            pdfmetrics.registerFont(TTFont("Serif-BoldItalic", str(d / "LiberationSerif-BoldItalic.ttf")))
            addMapping("Serif", 0, 0, "Serif")
            addMapping("Serif", 1, 0, "Serif-Bold")
            addMapping("Serif", 0, 1, "Serif-Italic")
            addMapping("Serif", 1, 1, "Serif-BoldItalic")
            return "Serif"
    sys.exit("make_scans: Liberation Serif 2 not found (apt-get install fonts-liberation2)")


_MD = re.compile(r"\*{1,2}(?=\S)|(?<=\S)\*{1,2}")


def _clean(line: str) -> str:
    """Markdown emphasis markers of the dev texts are not printed text."""
    if line.strip() == "*":
        return "*"
    return _MD.sub("", line).replace("\t", " ").strip()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _is_row(line: str) -> bool:
    """A pipe or tab table row: at least two separators and two non-empty cells."""
    cells = line.strip().strip("|").split("|") if line.count("|") >= 2 else line.split("\t")
    return (line.count("|") >= 2 or line.count("\t") >= 2) and sum(bool(c.strip()) for c in cells) >= 2


def _table_rows(lines: list[str]) -> list[list[str]]:
    rows: list[list[str]] = []
    for line in lines:
        if re.fullmatch(r"\s*\|?\s*:?-{2,}.*", line):
            continue
        if "\t" in line:
            cells = line.split("\t")
            # Tab rows whose first cell is empty continue the previous row (wrapped cells).
            if rows and not cells[0].strip():
                rows[-1] = [(a + " " + b).strip() for a, b in zip(rows[-1] + [""] * (len(cells) - len(rows[-1])),
                                                                  cells + [""] * (len(rows[-1]) - len(cells)))]
                continue
        else:
            cells = line.strip().strip("|").split("|")
        rows.append([_clean(c) for c in cells])
    width = max(len(r) for r in rows)
    return [r + [""] * (width - len(r)) for r in rows]


def typeset(txt: Path, pdf: Path) -> None:
    """Lay out one dev text as an official-looking A4 PDF."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from reportlab import rl_config

    rl_config.invariant = 1  # no timestamps or random IDs in the PDF
    font = _register_fonts()
    body = ParagraphStyle("body", fontName=font, fontSize=13, leading=17, alignment=TA_JUSTIFY, spaceAfter=3)
    center = ParagraphStyle("center", parent=body, alignment=TA_CENTER, fontName=font + "-Bold")
    right = ParagraphStyle("right", parent=body, alignment=TA_CENTER, leftIndent=8 * cm)
    cell = ParagraphStyle("cell", fontName=font, fontSize=11, leading=13.5, alignment=TA_LEFT)
    lines = txt.read_text(encoding="utf-8").splitlines()
    story: list = []
    i = 0
    while i < len(lines):
        raw = lines[i]
        if not raw.strip():
            i += 1
            continue
        if _is_row(raw):
            block = []
            while i < len(lines) and lines[i].strip() and (_is_row(lines[i]) or (block and "\t" in lines[i])):
                block.append(lines[i])
                i += 1
            rows = _table_rows(block)
            widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
            usable = A4[0] - 3.5 * cm
            weights = [min(max(w, 8), 40) for w in widths]
            col_w = [usable * w / sum(weights) for w in weights]
            data = [[Paragraph(_esc(c), cell) for c in r] for r in rows]
            table = Table(data, colWidths=col_w, repeatRows=0)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.8, colors.black),
                                       ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                       ("TOPPADDING", (0, 0), (-1, -1), 4),
                                       ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
            story += [Spacer(1, 6), table, Spacer(1, 8)]
            continue
        text = _clean(raw)
        lead = len(raw) - len(raw.lstrip(" "))
        if not text:
            i += 1
            continue
        inner = re.split(r"\s{6,}", raw.strip())
        if lead < 20 and len(inner) == 2:  # "Số: …            Place, ngày …": two columns side by side
            pair = [Paragraph(_esc(_clean(p)), ParagraphStyle("pair", parent=body, alignment=TA_CENTER)) for p in inner]
            t = Table([pair], colWidths=[(A4[0] - 3.5 * cm) * 0.45, (A4[0] - 3.5 * cm) * 0.55])
            story.append(t)
        elif lead >= 20:
            story.append(Paragraph(_esc(text), right))
        elif text.isupper() and len(text) < 80 or text == "*":
            story.append(Paragraph(_esc(text), center))
        else:
            story.append(Paragraph(_esc(text), body))
        i += 1
    doc = SimpleDocTemplate(str(pdf), pagesize=A4, leftMargin=2.5 * cm, rightMargin=1.5 * cm, topMargin=2 * cm,
                            bottomMargin=2 * cm, title=txt.stem, author="make_scans")
    doc.build(story)


def text_layer(pdf: Path, pages: list[int] | None = None) -> str:
    """The source PDF's text layer in reading order, ruled tables row by row (cells joined).

    pdfplumber's plain extract_text interleaves the wrapped lines of neighbouring cells; the
    reference must follow the table's logical order, the one OCR per cell produces.
    """
    import pdfplumber

    out: list[str] = []
    with pdfplumber.open(pdf) as doc:
        for index, page in enumerate(doc.pages):
            if pages is not None and index not in pages:
                continue
            tables = page.find_tables()
            boxes = [t.bbox for t in tables]

            def outside(obj, boxes=boxes):  # type: ignore[no-untyped-def]
                return not any(b[0] - 1 <= obj.get("x0", 0) and obj.get("x1", 0) <= b[2] + 1 and
                               b[1] - 1 <= obj.get("top", 0) and obj.get("bottom", 0) <= b[3] + 1 for b in boxes)

            items = _reading_order(page.filter(outside).extract_words(), float(page.width))
            for table in tables:
                rows = table.extract()
                text = "\n".join(" ".join((c or "").replace("\n", " ") for c in row) for row in rows)
                items.append((table.bbox[1], text))
            out.append("\n".join(t for _, t in sorted(items, key=lambda it: it[0])))
    return "\f".join(out)  # one form feed between pages


def _reading_order(words: list[dict], width: float) -> list[tuple[float, str]]:
    """Lines of text as a reader takes them: side-by-side blocks (issuer | motto, "Nơi nhận" |
    signature) left column first, then the right one. Returns (sort key, text) pairs.

    Lines are cut where the gap between words exceeds 3 font heights or 6 % of the page width.
    """
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(w["top"] - lines[-1][0]["top"]) <= 3:
            lines[-1].append(w)
        else:
            lines.append([w])
    rows = []  # (top, bottom, pieces[(x0, x1, text)])
    for line in lines:
        line.sort(key=lambda w: w["x0"])
        height = max(w["bottom"] - w["top"] for w in line)
        pieces = [[line[0]]]
        for w in line[1:]:
            if w["x0"] - pieces[-1][-1]["x1"] > max(3 * height, 0.06 * width):
                pieces.append([w])
            else:
                pieces[-1].append(w)
        rows.append((min(w["top"] for w in line), max(w["bottom"] for w in line), height,
                     [(p[0]["x0"], p[-1]["x1"], " ".join(w["text"] for w in p)) for p in pieces]))
    out: list[tuple[float, str]] = []
    i = 0
    while i < len(rows):
        top, bottom, height, pieces = rows[i]
        if len(pieces) < 2:
            out.append((top, pieces[0][2]))
            i += 1
            continue
        cut = pieces[1][0]
        left: list[str] = []
        right: list[str] = []
        last_bottom = bottom
        j = i
        while j < len(rows):
            t, b, h, ps = rows[j]
            if j > i and (t - last_bottom > 8 * h or any(x0 < cut * 0.97 and x1 > cut * 1.03 for x0, x1, _ in ps)):
                break
            for x0, x1, text in ps:
                (right if x0 >= cut * 0.97 else left).append(text)
            last_bottom = b
            j += 1
        for k, text in enumerate(left + right):
            out.append((top + k * 0.001, text))
        i = j
    return out


# --------------------------------------------------------------------------- degradation


@dataclass
class Variant:
    name: str
    source: str  # dev document stem
    dpi: int
    kind: str  # pdf | png | jpg | tiff
    seed: int
    rotate_pages: dict[int, int] | None = None  # page index -> clockwise quarter turn (90/180/270)
    bilevel: bool = False
    quality: int = 40
    pages: list[int] | None = None  # None = all


#: The committed set. 300/200 dpi image-only PDFs of every dev document (the scored set),
#: a 150 dpi phone-style JPEG, 1-bit PNG and TIFF (fax-like), and turned pages.
VARIANTS = [
    Variant("kh-344-my-phuoc-scan300", "kh-344-my-phuoc", 300, "pdf", 1, bilevel=True),
    Variant("kh-46-pho-minh-scan200", "kh-46-pho-minh", 200, "pdf", 2, quality=35),
    Variant("kh-bcd-thi-xa-2023-scan300", "kh-bcd-thi-xa-2023", 300, "pdf", 3, rotate_pages={1: 90}, bilevel=True),
    Variant("kh-vinh-tan-dang-uy-scan300", "kh-vinh-tan-dang-uy", 300, "pdf", 4, rotate_pages={0: 180}, bilevel=True),
    Variant("hd-bdvtu-hai-phong-2024-scan200", "hd-bdvtu-hai-phong-2024", 200, "pdf", 5, bilevel=True),
    Variant("form-chi-bo-khoi-5-scan300", "form-chi-bo-khoi-5", 300, "pdf", 6, quality=40),
    Variant("form-cong-an-phuong-scan200", "form-cong-an-phuong", 200, "tiff", 7, bilevel=True),
    Variant("form-hoi-lhpn-phuong-photo150", "form-hoi-lhpn-phuong", 150, "tiff", 8, quality=60),
    Variant("form-chi-bo-khoi-5-bw150", "form-chi-bo-khoi-5", 150, "png", 9, bilevel=True, pages=[0]),
]


def degrade(img: Image.Image, rng: np.random.Generator, dpi: int, bilevel: bool) -> Image.Image:
    """Grey paper, slight rotation, blur and sensor noise — deterministic for a given rng."""
    arr = np.asarray(img.convert("L"), dtype=np.float32)
    paper = rng.uniform(225, 245)
    ink = rng.uniform(15, 45)
    arr = ink + (arr / 255.0) * (paper - ink)
    angle = float(rng.uniform(-1.2, 1.2))
    out = Image.fromarray(arr.clip(0, 255).astype(np.uint8)).rotate(angle, resample=Image.BICUBIC, expand=False,
                                                                     fillcolor=int(paper))
    out = out.filter(ImageFilter.GaussianBlur(radius=0.5 * dpi / 300 + 0.2))
    arr = np.asarray(out, dtype=np.float32)
    arr += rng.normal(0, 5.0, arr.shape).astype(np.float32)
    # A few dust specks.
    for _ in range(int(rng.integers(20, 60))):
        y, x = int(rng.integers(0, arr.shape[0])), int(rng.integers(0, arr.shape[1]))
        arr[y:y + 2, x:x + 2] = ink
    out = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    if bilevel:
        out = out.point(lambda v: 255 if v > 140 else 0).convert("1", dither=Image.NONE)
    return out


def render(pdf: Path, dpi: int, pages: list[int] | None) -> list[Image.Image]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    doc.init_forms()  # form fields (a number or date typed into a widget) are printed on paper, so scanned too
    out = []
    for i in range(len(doc)):
        if pages is not None and i not in pages:
            continue
        page = doc[i]
        out.append(page.render(scale=dpi / 72, grayscale=True, may_draw_forms=True).to_pil())
        page.close()
    doc.close()
    return out


def _jpeg(img: Image.Image, quality: int) -> Image.Image:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    buf.seek(0)
    return Image.open(buf)


def write_variant(v: Variant, src_pdf: Path, out_dir: Path) -> Path:
    rng = np.random.default_rng(v.seed)
    images = []
    for i, page in enumerate(render(src_pdf, v.dpi, v.pages)):
        img = degrade(page, rng, v.dpi, v.bilevel)
        turn = (v.rotate_pages or {}).get(i)
        if turn:
            img = img.rotate(-turn, expand=True)  # PIL rotates counter-clockwise
        images.append(img)
    path = out_dir / f"{v.name}.{v.kind}"
    if v.kind == "pdf":
        # JPEG inside the PDF, like a scanner's "PDF (image)" output.
        frames = images if v.bilevel else [_jpeg(im, v.quality) for im in images]
        frames[0].save(path, "PDF", save_all=True, append_images=frames[1:], resolution=float(v.dpi),
                       creationDate=FIXED_DATE, modDate=FIXED_DATE, producer="make_scans")
    elif v.kind == "tiff":
        extra = {"compression": "group4"} if v.bilevel else {"compression": "jpeg", "quality": v.quality}
        images[0].save(path, "TIFF", save_all=True, append_images=images[1:], dpi=(v.dpi, v.dpi), **extra)
    elif v.kind == "png":
        images[0].save(path, "PNG", optimize=True, dpi=(v.dpi, v.dpi))
    else:  # jpg: a phone photo carries no trustworthy dpi
        images[0].convert("L").save(path, "JPEG", quality=v.quality)
    return path


def write_gold(v: Variant, scan: Path, dev: Path, out_dir: Path, n_pages: int) -> None:
    gold = json.loads((dev / f"{v.source}.gold.json").read_text(encoding="utf-8"))
    gold["source"] = {"path": scan.name, "sha256": hashlib.sha256(scan.read_bytes()).hexdigest(),
                      "format": "pdf" if v.kind == "pdf" else "image", "pages": n_pages, "ocr": True}
    gold.setdefault("notes", "")
    gold["notes"] = (f"Scan of {v.source} made by tools/make_scans.py ({v.dpi} dpi, {v.kind}); "
                     "items as in the dev gold; locations refer to the text file. " + str(gold["notes"]))[:2000]
    (out_dir / f"{v.name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n",
                                                 encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Render dev documents to degraded scans with gold and reference text.")
    ap.add_argument("--dev", default=str(ROOT.parent / "shared" / "eval" / "dev"))
    ap.add_argument("--out", default=str(ROOT / "tests" / "data" / "scans"))
    ap.add_argument("--only", nargs="*", help="variant names to (re)build")
    ap.add_argument("--corpus", default=str(ROOT / "corpus"), help="folder of born-digital corpus PDFs")
    args = ap.parse_args(argv)
    dev, out = Path(args.dev), Path(args.out)
    (out / "ref").mkdir(parents=True, exist_ok=True)
    src_dir = out / "src"
    src_dir.mkdir(exist_ok=True)
    built: dict[str, Path] = {}
    total = 0
    corpus = Path(args.corpus)
    for v in VARIANTS:
        if args.only and v.name not in args.only:
            continue
        if v.source not in built:
            # The corpus engineer's PDF (official layout, merged cells) when there is one, else our own.
            pdf = corpus / f"{v.source}.pdf"
            if not pdf.exists():
                pdf = src_dir / f"{v.source}.pdf"
                typeset(dev / f"{v.source}.txt", pdf)
            built[v.source] = pdf
        pdf = built[v.source]
        import pypdfium2 as pdfium

        with pdfium.PdfDocument(str(pdf)) as source_doc:
            n_source = len(source_doc)
        scan = write_variant(v, pdf, out)
        pages = v.pages if v.pages is not None else list(range(n_source))
        (out / "ref" / f"{v.name}.txt").write_text(text_layer(pdf, pages) + "\n", encoding="utf-8")
        if len(pages) == n_source:  # gold only for complete documents
            write_gold(v, scan, dev, out, n_source)
        size = scan.stat().st_size
        total += size
        print(f"{scan.name}: {len(pages)} of {n_source} page(s) from {pdf.relative_to(ROOT) if pdf.is_relative_to(ROOT) else pdf}, "
              f"{size / 1024:.0f} kB")
    print(f"total {total / 1048576:.2f} MB in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
