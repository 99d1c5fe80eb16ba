"""Fifth held-out round (tests/heldout5/): 8 invented documents (4 TXT, 2 DOCX, 2 PDF) unlike the earlier sets.

Bodies not seen before: a Thành ủy conclusion notice assigning tasks per department ("Giao Ban … hoàn thành
trước ngày …"), an UBND phường plan for the Ngày hội Đại đoàn kết with a ``Thời gian | Nội dung | Đơn vị thực
hiện`` table, a Sở Nội vụ reply letter (``Phúc đáp Công văn số …``), a Đảng ủy Quân sự plan, an UBND xã
administrative-reform plan with a ``STT | Nội dung | Đơn vị | Thời gian`` table, a Hội Nông dân programme
(percentages, ``từ 3 đến 5``), a notice with relative deadlines only, a Công an huyện plan (monthly
recurring report, ``trên 90%`` after a semicolon). Inputs and gold come from ``tools/make_heldout5.py``.
BEFORE the round-5 fixes: deadlines 1.000 (responsible 0.900), milestones 1.000, quotas 0.783,
references 1.000, metadata 0.979; after: quotas 0.957 (one optional-gold work-volume quota stays a false
alarm), responsible 1.000, everything else 1.000.

Run: ``.venv/bin/pytest -q tests/test_heldout5.py``
"""
from __future__ import annotations

from pathlib import Path

import pytest

from heldout_harness import ROOT, assert_numbers_and_actions_occur, assert_scores_above
from heldout_harness import gold_files as _gold_files, input_of as _input_of

HELDOUT = ROOT / "tests" / "heldout5"

# Minimum figures, slightly below those measured on 2026-11-22 after the round-5 fixes.
BARS = {
    "--min-deadlines-f1": "0.95",
    "--min-milestones-f1": "0.95",
    "--min-quotas-f1": "0.93",
    "--min-references-f1": "0.95",
    "--min-registrations-f1": "0.95",
    "--min-metadata-acc": "0.95",
    "--max-failed-files": "0",
}


def gold_files() -> list[Path]:
    return _gold_files(HELDOUT)


def input_of(gold: Path) -> Path:
    return _input_of(HELDOUT, gold)


def test_heldout5_set_is_complete():
    golds = gold_files()
    assert len(golds) >= 8
    assert {".txt", ".docx", ".pdf"} <= {input_of(g).suffix for g in golds}


@pytest.mark.parametrize("gold", gold_files(), ids=lambda p: p.name[: -len(".gold.json")])
def test_gold_is_determinable_from_the_input(gold: Path):
    """Right hash; the document number, cited numbers and deadline actions occur in the input."""
    assert_numbers_and_actions_occur(HELDOUT, gold)


def test_heldout5_scores_stay_above_bars():
    """Runs the shared scorer over the set; exit status 1 means a bar was missed."""
    assert_scores_above(HELDOUT, BARS, "held-out-5")
