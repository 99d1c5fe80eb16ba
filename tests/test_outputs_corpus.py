"""End to end: `pipeline run` on real corpus files writes every report, consistent with the store."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from batch_helpers import REPO, run_cli
from pipeline import outputs

CORPUS_TEXTS = sorted((REPO / "corpus").glob("*.txt"))  # the fast ones: no PDF rendering or OCR


@pytest.mark.skipif(len(CORPUS_TEXTS) < 2, reason="corpus/*.txt not present")
def test_pipeline_run_on_corpus_writes_all_reports(tmp_path: Path) -> None:
    import openpyxl
    import pandas as pd
    from icalendar import Calendar
    from lxml import html

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for src in CORPUS_TEXTS:
        shutil.copy(src, inbox / src.name)
    units = tmp_path / "units.csv"
    shutil.copy(REPO / "examples" / "units.csv", units)
    done = run_cli(["run", "--inbox", str(inbox), "--data", str(tmp_path / "data"), "--out", str(tmp_path / "out"),
                    "--workers", "1", "--units", str(units)], cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr[-2000:]
    out = tmp_path / "out"
    for name in (outputs.XLSX_NAME, outputs.ICS_NAME, outputs.HTML_NAME):
        assert (out / name).stat().st_size > 0, name

    exports = out / outputs.EXPORT_DIR
    docs = pd.read_parquet(exports / "documents.parquet")  # the raw tables (the CSVs are for people)
    current_docs = set(docs.loc[~docs["superseded"].astype(bool), "id"])
    regs = pd.read_parquet(exports / "registrations.parquet")
    current_regs = regs[~regs["superseded"].astype(bool) & regs["document_id"].isin(current_docs)]

    ws = openpyxl.load_workbook(out / outputs.XLSX_NAME).worksheets[0]  # "Tổng hợp <năm>" of the latest campaign
    listed = [ws.cell(row=r, column=4).value for r in range(4, ws.max_row + 1)
              if isinstance(ws.cell(row=r, column=1).value, int)]
    assert sorted(listed) == sorted(current_regs["name"])

    deadlines = pd.read_parquet(exports / "deadlines.parquet")
    milestones = pd.read_parquet(exports / "milestones.parquet")
    dated = deadlines[deadlines["document_id"].isin(current_docs) & deadlines["due"].notna()]
    spans = milestones[milestones["document_id"].isin(current_docs)
                       & (milestones["start"].notna() | milestones["end"].notna())]
    expected = len({("d", r.due, r.due, " ".join(str(r.text).split()).casefold()) for r in dated.itertuples()}) + \
        len({("m", r.start, r.end, " ".join(str(r.text).split()).casefold()) for r in spans.itertuples()})
    events = [c for c in Calendar.from_ical((out / outputs.ICS_NAME).read_bytes()).walk() if c.name == "VEVENT"]
    assert len(events) == expected and expected > 0
    assert listed  # the registration form in the corpus has rows

    page = html.fromstring((out / outputs.HTML_NAME).read_bytes())
    assert page.xpath("//script") == [] and page.get_element_by_id("chi-tieu") is not None
