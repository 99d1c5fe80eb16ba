"""Every gold set scored against its own bars: the dev set, the corpus, the held-out sets 1–7 and the real set.

The held-out sets (tests/heldout*/) are invented documents with hand-written gold, each written after the rules
had been tuned on the earlier ones (their make_heldoutN.py tools and notes say what each round added): kept as
regression tests — a figure on text we wrote is no evidence of generality. ``../shared/eval/real`` (real public
documents, second annotator) is the judge of generality; it and the dev set live in the ../shared checkout, which
a fresh clone (CI) does not have: their tests skip with the reason.

Scoring reuses tools/score_sets.py: one in-process extraction per document, scored by the shared scorer
(``score.py --pred``), once per set per session. The bars sit slightly below the figures measured on 2026-12-06;
raise them when the extraction improves, never lower them to let a change through.

Run: ``.venv/bin/python -m pytest -q tests/test_gold_sets.py``; figures: ``.venv/bin/python tools/score_sets.py``.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from heldout_harness import ROOT, assert_gold_determinable, gold_files, input_of

sys.path.insert(0, str(ROOT / "tools"))
import score_sets  # noqa: E402  (tools/ is no package)

FIELDS = ("deadlines_f1", "milestones_f1", "quotas_f1", "references_f1", "registrations_f1", "metadata_acc",
          "responsible_acc")


def _bars(**lower: float) -> dict[str, float]:
    """0.97 on every field (one miss in a small set fails: a regression to look at), ``lower`` where today's
    figure is itself lower."""
    return {field: lower.get(field, 0.97) for field in FIELDS}


#: Per set, per field: the minimum figure. Today (2026-12-06) every figure is 1.000 except those noted.
BARS = {
    "real": _bars(),                        # references 0.988
    "dev": _bars(),
    "corpus": _bars(),
    "heldout1": _bars(),
    "heldout2": _bars(),
    "heldout3": _bars(quotas_f1=0.89),      # quotas 0.917
    "heldout4": _bars(),
    "heldout5": _bars(quotas_f1=0.93),      # quotas 0.957 (an optional-gold work volume stays a false alarm)
    "heldout6": _bars(),
    "heldout7": _bars(quotas_f1=0.92),      # quotas 0.947 (a share's population cut to "hộ"; blind: FIRST-SCORE.txt)
}

#: The held-out sets: at least this many documents, in at least these formats.
HELDOUT_SHAPE = {
    "heldout1": (8, {".txt"}),
    "heldout2": (10, {".txt", ".docx", ".pdf"}),
    "heldout3": (10, {".txt", ".docx", ".pdf", ".xlsx", ".png"}),
    "heldout4": (10, {".txt", ".docx", ".pdf"}),
    "heldout5": (8, {".txt", ".docx", ".pdf"}),
    "heldout6": (12, {".txt", ".docx", ".pdf"}),
    "heldout7": (10, {".txt", ".docx", ".pdf"}),
}


def test_every_gold_set_has_bars():
    assert set(BARS) == set(score_sets.SETS)


@pytest.fixture(scope="session")
def figures_of():
    """The scorer's figures of a set, computed once per session."""
    cache: dict[str, dict[str, float]] = {}

    def get(name: str) -> dict[str, float]:
        if name not in cache:
            cache[name] = score_sets.figures(score_sets.SETS[name])
        return cache[name]

    return get


@pytest.mark.parametrize("name", list(BARS))
def test_scores_stay_above_bars(name: str, figures_of):
    if not score_sets.SCORER.exists():
        pytest.skip(f"shared scorer not found at {score_sets.SCORER} (a clone without ../shared, e.g. CI)")
    folder = score_sets.SETS[name]
    if not folder.is_dir():
        pytest.skip(f"gold set {name} not found at {folder} (needs the ../shared checkout)")
    got = figures_of(name)
    assert got.get("failed_files") == 0, f"{name}: files failed to extract ({got})"
    missed = {field: (got.get(field), bar) for field, bar in BARS[name].items()
              if got.get(field) is None or got[field] < bar}
    assert not missed, f"{name}: figures under their bars (figure, bar): {missed}; all figures: {got}"


@pytest.mark.parametrize("name", list(HELDOUT_SHAPE))
def test_heldout_set_is_complete(name: str):
    """Every input has exactly one gold and every gold one input; enough documents, the formats the set is for."""
    folder = score_sets.SETS[name]
    golds = gold_files(folder)
    least, formats = HELDOUT_SHAPE[name]
    assert len(golds) >= least
    inputs = sorted(input_of(folder, g) for g in golds)
    assert formats <= {p.suffix for p in inputs}
    stems = {g.name[: -len(".gold.json")] for g in golds}
    unpaired = [p.name for p in folder.iterdir() if p.suffix in (".txt", ".docx", ".pdf", ".xlsx", ".png")
                and p.name.split(".")[0] not in stems and not p.stem.isupper()]  # notes: REVIEW.md, FIRST-SCORE.txt
    assert not unpaired, f"{name}: inputs without gold: {unpaired}"


def _heldout_golds() -> list[tuple[str, Path]]:
    return [(name, gold) for name in HELDOUT_SHAPE for gold in gold_files(score_sets.SETS[name])]


@pytest.mark.parametrize("name,gold", _heldout_golds(), ids=lambda v: v if isinstance(v, str) else v.name[:-10])
def test_gold_is_determinable_from_the_input(name: str, gold: Path):
    """Right hash; the number, cited numbers, quoted texts and names occur in the input."""
    assert_gold_determinable(score_sets.SETS[name], gold)
