#!/usr/bin/env python3
"""OCR benchmark: character error rate per scan against its reference text, and seconds per page.

CER = Levenshtein distance / reference length, after folding whitespace and removing table
pipes on both sides (layout is not what we measure). The reference is the text layer of the
born-digital PDF the scan was made from (tests/data/scans/ref/NAME.txt, see make_scans.py).

Usage:
  .venv/bin/python tools/bench_ocr.py                       # every scan in tests/data/scans
  .venv/bin/python tools/bench_ocr.py --only kh-46-pho-minh-scan200 --opt deskew=false
  .venv/bin/python tools/bench_ocr.py --workers 1           # compare with the default 2
Prints one line per file and the median CER of the 200–300 dpi scans; --json writes all figures.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.model import Document  # noqa: E402
from pipeline.readers import ReadError, sniff  # noqa: E402
from pipeline.readers.ocr import ocr_pdf_pages  # noqa: E402

SCAN_EXT = (".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff")


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("|", " ")
    text = text.translate(str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'",
                                         "\u2013": "-", "\u2014": "-"}))
    return re.sub(r"\s+", " ", text).strip()


def cer(reference: str, hypothesis: str) -> float:
    from rapidfuzz.distance import Levenshtein

    ref, hyp = normalize(reference), normalize(hypothesis)
    return Levenshtein.distance(ref, hyp) / max(1, len(ref))


def ocr_file(path: Path, options: dict) -> Document:
    """OCR every page of a scan (PDF pages are all treated as image-only) without extraction."""
    doc = Document(path=str(path), sha256="", format=sniff(path))
    if doc.format == "pdf":
        import pypdfium2 as pdfium

        with pdfium.PdfDocument(str(path)) as pdf:
            doc.pages = len(pdf)
        doc.metadata["pages_without_text"] = list(range(1, doc.pages + 1))
        ocr_pdf_pages(path, doc, options)
    else:
        from pipeline.readers import image

        image.read(path, doc, options)
    return doc


def dpi_of(name: str) -> int | None:
    m = re.search(r"(\d{3})(?:\D*)$", name)
    return int(m.group(1)) if m else None


def _parse_opt(items: list[str]) -> dict:
    out: dict = {}
    for item in items:
        key, _, value = item.partition("=")
        low = value.lower()
        out[key] = True if low == "true" else False if low == "false" else float(value) if re.fullmatch(
            r"[\d.]+", value) and "." in value else int(value) if value.isdigit() else value
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", default=str(ROOT / "tests" / "data" / "scans"))
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--opt", nargs="*", default=[], help="OCR option overrides, e.g. deskew=false binarize=true")
    ap.add_argument("--json", default=None)
    args = ap.parse_args(argv)
    options = _parse_opt(args.opt)
    if args.workers:
        options["workers"] = args.workers
    folder = Path(args.dir)
    rows = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in SCAN_EXT or (args.only and path.stem not in args.only):
            continue
        ref_path = folder / "ref" / f"{path.stem}.txt"
        if not ref_path.exists():
            continue
        started = time.perf_counter()
        try:
            doc = ocr_file(path, options)
        except ReadError as err:
            print(f"{path.name}: unreadable: {err.reason}")
            continue
        seconds = time.perf_counter() - started
        pages = max(1, doc.pages or 1)
        value = cer(ref_path.read_text(encoding="utf-8"), doc.text())
        row = {"file": path.name, "dpi": dpi_of(path.stem), "pages": pages, "cer": round(value, 4),
               "seconds": round(seconds, 2), "seconds_per_page": round(seconds / pages, 2),
               "tables": len(doc.tables), "warnings": len(doc.warnings)}
        rows.append(row)
        print(f"{path.name:45s} {row['dpi'] or '-':>4} dpi {pages:2d} p  CER {value * 100:6.2f}%  "
              f"{seconds:6.1f} s  {seconds / pages:5.2f} s/page  tables {row['tables']}  warnings {row['warnings']}",
              flush=True)
    if not rows:
        print("no scans with reference text found")
        return 1
    in_range = [r["cer"] for r in rows if r["dpi"] and 200 <= r["dpi"] <= 300]
    all_pages = sum(r["pages"] for r in rows)
    all_seconds = sum(r["seconds"] for r in rows)
    summary = {"median_cer_200_300": statistics.median(in_range) if in_range else None,
               "median_cer_all": statistics.median(r["cer"] for r in rows),
               "max_cer_200_300": max(in_range) if in_range else None,
               "seconds_per_page": round(all_seconds / all_pages, 2), "pages": all_pages, "options": options}
    print(f"median CER (200-300 dpi): {summary['median_cer_200_300'] * 100 if in_range else float('nan'):.2f}%  "
          f"max {summary['max_cer_200_300'] * 100 if in_range else float('nan'):.2f}%  "
          f"median CER (all): {summary['median_cer_all'] * 100:.2f}%  "
          f"{summary['seconds_per_page']:.2f} s/page over {all_pages} pages")
    if args.json:
        Path(args.json).write_text(json.dumps({"files": rows, "summary": summary}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
