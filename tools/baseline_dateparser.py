#!/usr/bin/env python3
"""Baseline for the deadline extractor: dateparser's ``search_dates`` plus a trigger-word window.

Why it exists: it is the obvious off-the-shelf approach, and its scores next to ours show what the
Vietnamese grammar and the role rules in ``pipeline.extractors.timeline`` buy. Every date that dateparser
finds within ``--window`` characters after a deadline trigger (``trước``, ``chậm nhất``, ``hạn
chót`` …) is called a deadline; nothing else is predicted. Prints one record in the extraction
schema so ``shared/eval/score.py`` can score it:

    python3 ../shared/eval/score.py --gold ../shared/eval/dev \
        --cmd ".venv/bin/python tools/baseline_dateparser.py {file}"
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import warnings
from pathlib import Path

TRIGGERS = re.compile(r"trước|chậm nhất|muộn nhất|hạn chót|hạn cuối|thời hạn|hạn nộp|không muộn hơn|"
                      r"không quá|đến hết|hoàn thành trước|xong trước", re.IGNORECASE)


def baseline_record(path: str, window: int = 40) -> dict:
    """The schema-shaped record the baseline predicts for one file."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from dateparser.search import search_dates

    from pipeline.readers import read

    doc = read(path)
    text = doc.text()
    deadlines = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=["vi"]) or []
    pos = 0
    trigger_ends = [m.end() for m in TRIGGERS.finditer(text)]
    for written, value in found:
        idx = text.find(written, pos)
        if idx < 0:
            idx = text.find(written)
        if idx < 0:
            continue
        pos = idx + len(written)
        if any(0 <= idx - end <= window for end in trigger_ends):
            line_no = text.count("\n", 0, idx) + 1
            start = text.rfind("\n", 0, idx) + 1
            stop = text.find("\n", idx)
            deadlines.append({
                "due": value.date().isoformat(), "precision": "day",
                "text": text[start:stop if stop >= 0 else len(text)].strip(),
                "action": None, "responsible": None, "recipient": None,
                "year_inferred": False, "recurring": None, "location": {"page": None, "line": line_no},
            })
    return {
        "source": {"path": path, "format": doc.format},
        "document": {}, "deadlines": deadlines, "milestones": [], "quotas": [], "references": [],
        "registrations": [], "warnings": [],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", help="input document (any format the pipeline reads)")
    parser.add_argument("--window", type=int, default=40, help="max characters from trigger to date (default 40)")
    args = parser.parse_args(argv)
    json.dump(baseline_record(args.file, args.window), sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
