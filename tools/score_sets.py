#!/usr/bin/env python3
"""Score every gold set in one process: extraction runs in-process, the shared scorer reads the records.

Why: ``score.py --cmd`` starts one ``pipeline`` process per file (start-up dominates); while working on
the extractors we want every set's figure after each change, in seconds. The figures are the scorer's
own (``score.py --pred``), so they equal what ``--cmd`` gives.

    .venv/bin/python tools/score_sets.py                    # real, dev, corpus, heldout1..7
    .venv/bin/python tools/score_sets.py real dev -v        # chosen sets, scorer's -v details
    .venv/bin/python tools/score_sets.py --gold DIR         # any folder of NAME.gold.json + input
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
SETS = {
    "real": SHARED / "eval" / "real",
    "dev": SHARED / "eval" / "dev",
    "corpus": ROOT / "tests" / "corpus_gold",
    **{f"heldout{n or 1}": ROOT / "tests" / f"heldout{n or ''}" for n in ("", 2, 3, 4, 5, 6, 7)},
}


def inputs(folder: Path) -> list[tuple[str, Path]]:
    """(name, input path) for every NAME.gold.json of ``folder`` (corpus gold points into corpus/)."""
    out = []
    for gold in sorted(folder.glob("*.gold.json")):
        name = gold.name[: -len(".gold.json")]
        found = [p for p in gold.parent.iterdir() if p.name.startswith(name + ".") and not p.name.endswith(
            (".gold.json", ".notes"))]
        if not found:
            src = json.loads(gold.read_text(encoding="utf-8")).get("source", {}).get("path")
            cand = ROOT / src if src else None
            found = [cand] if cand is not None and cand.exists() else []
        if found:
            out.append((name, found[0]))
    return out


def predict(folder: Path, pred_dir: Path) -> None:
    from pipeline.files import extract_file, unreadable_record
    from pipeline.readers import ReadError

    for name, path in inputs(folder):
        try:
            record = extract_file(path, display_path=str(path)).to_dict()
        except ReadError as err:
            record = unreadable_record(path, str(path), err.reason)
        (pred_dir / f"{name}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


#: ``key=0.950`` and ``key=17/18`` in the scorer's summary lines.
_FIGURE = re.compile(r"(\w+)=(\d+(?:\.\d+)?)(?:/(\d+))?")


def figures(folder: Path) -> dict[str, float]:
    """Every figure of the scorer's summary for one set (``quotas_f1``, ``responsible_acc``, ``issuer`` …):
    ratios as written, ``x/y`` counts as their share (left out when y is 0), ``failed_files`` as a count."""
    found: dict[str, float] = {}
    for line in score(folder, verbose=False).splitlines():
        for key, value, total in _FIGURE.findall(line):
            if total != "0":
                found.setdefault(key, float(value) / int(total) if total else float(value))
    return found


def score(folder: Path, verbose: bool) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        predict(folder, Path(tmp))
        args = [sys.executable, str(SCORER), "--gold", str(folder), "--pred", tmp] + (["-v"] if verbose else [])
        proc = subprocess.run(args, capture_output=True, text=True)
    return proc.stdout if verbose else "\n".join(
        line for line in proc.stdout.splitlines() if line.startswith(("score:", "  deadlines on", "  kind=")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="*", help=f"set names ({', '.join(SETS)}); default all")
    parser.add_argument("--gold", action="append", default=[], help="another gold folder")
    parser.add_argument("-v", action="store_true", help="the scorer's per-item details")
    args = parser.parse_args()
    folders = [(n, SETS[n]) for n in (args.sets or list(SETS))] + [(g, Path(g)) for g in args.gold]
    for name, folder in folders:
        print(f"== {name}")
        print(score(folder, args.v))


if __name__ == "__main__":
    main()
