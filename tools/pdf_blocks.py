#!/usr/bin/env python3
"""Dump the Documents the PDF reader builds, and compare two dumps: did a reader change alter what we read?

Why: replacing the PDF backend (pdfplumber → pdfium) must leave the Document the same — block texts,
regions, pages, line numbers, tables — on every PDF we have. Dump before the change, dump after, compare.

Usage:
  .venv/bin/python tools/pdf_blocks.py dump OUT.json FILE_OR_DIR ...    # every *.pdf under the dirs
  .venv/bin/python tools/pdf_blocks.py compare BEFORE.json AFTER.json [--bbox 1.5] [-v]
The comparison prints one line per differing file (and the differing blocks with -v); exit 1 on any
text/region/page/line/table difference. Bounding boxes may differ by up to ``--bbox`` points.
"""
from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _pdfs(items: list[str]) -> list[Path]:
    out: list[Path] = []
    for item in items:
        p = Path(item)
        out.extend(sorted(p.rglob("*.pdf")) if p.is_dir() else [p])
    return out


def _block(block: Any) -> dict[str, Any]:
    from pipeline.model import Paragraph

    loc = block.location
    bbox = [round(v, 1) for v in loc.bbox] if loc.bbox else None
    if isinstance(block, Paragraph):
        return {"kind": "p", "text": block.text, "region": block.region, "page": loc.page, "line": loc.line,
                "bold": block.bold, "italic": block.italic, "centered": block.centered,
                "line_starts": [list(s) for s in block.line_starts], "bbox": bbox}
    return {"kind": "t", "page": loc.page, "index": block.index, "bbox": bbox,
            "cells": [[[c.text, c.row, c.column, c.rowspan, c.colspan, c.location.page] for c in row]
                      for row in block.rows]}


def dump(out: Path, items: list[str]) -> int:
    from pipeline.readers import ReadError, read

    result: dict[str, Any] = {}
    for path in _pdfs(items):
        key = str(path.resolve().relative_to(ROOT.parent)) if path.resolve().is_relative_to(ROOT.parent) else str(path)
        key = key.split("/", 1)[1] if key.startswith("wt-") or key.startswith("main/") else key
        try:
            doc = read(path)
        except ReadError as err:
            result[key] = {"error": err.reason, "kind": err.kind}
            continue
        result[key] = {"pages": doc.pages, "ocr": doc.ocr, "encoding": doc.encoding, "warnings": doc.warnings,
                       "pages_without_text": doc.metadata.get("pages_without_text"),
                       "blocks": [_block(b) for b in doc.blocks]}
        print(f"{key}: {len(doc.blocks)} blocks", flush=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


def _key(b: dict[str, Any]) -> Any:
    if b["kind"] == "p":
        return ("p", b["text"], b["region"], b["page"], b["line"], b["bold"], b["italic"], b["centered"],
                tuple(map(tuple, b["line_starts"])))
    return ("t", b["page"], b["index"], json.dumps(b["cells"], ensure_ascii=False))


def _bbox_off(a: dict[str, Any], b: dict[str, Any]) -> float:
    if a.get("bbox") is None or b.get("bbox") is None:
        return 0.0 if a.get("bbox") == b.get("bbox") else float("inf")
    return max(abs(x - y) for x, y in zip(a["bbox"], b["bbox"]))


def compare(before: Path, after: Path, tolerance: float, verbose: bool) -> int:
    a = json.loads(before.read_text(encoding="utf-8"))
    b = json.loads(after.read_text(encoding="utf-8"))
    bad = 0
    for name in sorted(set(a) | set(b)):
        x, y = a.get(name), b.get(name)
        if x is None or y is None:
            print(f"{name}: only in {'after' if x is None else 'before'}")
            bad += 1
            continue
        if "error" in x or "error" in y:
            same = x.get("kind") == y.get("kind")
            print(f"{name}: {'same refusal' if same else 'DIFFERENT'}: {x.get('error')} | {y.get('error')}")
            bad += not same
            continue
        problems = []
        for field in ("pages", "ocr", "encoding", "pages_without_text"):
            if x[field] != y[field]:
                problems.append(f"{field} {x[field]!r} -> {y[field]!r}")
        if x["warnings"] != y["warnings"]:
            problems.append(f"warnings {x['warnings']} -> {y['warnings']}")
        kx, ky = [_key(v) for v in x["blocks"]], [_key(v) for v in y["blocks"]]
        diff_blocks = []
        if kx != ky:
            sm = difflib.SequenceMatcher(None, kx, ky, autojunk=False)
            for op, i1, i2, j1, j2 in sm.get_opcodes():
                if op != "equal":
                    diff_blocks.append((op, kx[i1:i2], ky[j1:j2]))
            problems.append(f"{sum(len(d[1]) for d in diff_blocks)} of {len(kx)} blocks differ")
        else:
            worst = max((_bbox_off(p, q) for p, q in zip(x["blocks"], y["blocks"])), default=0.0)
            if worst > tolerance:
                problems.append(f"bbox off by up to {worst:.1f} pt")
        if problems:
            bad += 1
            print(f"{name}: " + "; ".join(problems))
            if verbose:
                for op, old, new in diff_blocks:
                    for o in old:
                        print(f"   - {o}")
                    for n in new:
                        print(f"   + {n}")
        else:
            print(f"{name}: same ({len(kx)} blocks)")
    print(f"{bad} file(s) differ")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out")
    d.add_argument("items", nargs="+")
    c = sub.add_parser("compare")
    c.add_argument("before")
    c.add_argument("after")
    c.add_argument("--bbox", type=float, default=1.5)
    c.add_argument("-v", action="store_true")
    args = ap.parse_args(argv)
    if args.cmd == "dump":
        return dump(Path(args.out), args.items)
    return compare(Path(args.before), Path(args.after), args.bbox, args.v)


if __name__ == "__main__":
    raise SystemExit(main())
