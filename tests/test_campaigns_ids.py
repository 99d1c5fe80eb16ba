"""Campaign years, stable item ids, copies of one form and the current-form rule (order never matters)."""
from __future__ import annotations

import hashlib
import itertools
from pathlib import Path
from typing import Optional

import pytest
from sqlalchemy import select

from batch_helpers import sqlite_url
from pipeline import store
from pipeline.model import Deadline, Document, DocumentMeta, Location, Period, Record, Registration
from pipeline.normalize import campaign_year, content_key, record_rows, title_year


def test_title_year() -> None:
    assert title_year("DANH SÁCH ĐĂNG KÝ MÔ HÌNH DÂN VẬN KHÉO NĂM 2024") == 2024
    assert title_year("Kế hoạch công tác năm 2023 của Ban Chỉ đạo") == 2023
    assert title_year("Danh sách đăng ký") is None and title_year(None) is None


@pytest.mark.parametrize("title, periods, issued, want", [
    ("... NĂM 2023", [("2024-03-01", "2024-12-31")] * 3, "2024-02-05", 2024),  # rows win over a stale title
    ("... NĂM 2024", [("2024-03-01", "2024-11-30"), ("2023-01-01", "2024-12-31")], None, 2024),
    ("... NĂM 2024", [("2023-01-01", "2023-12-31"), ("2024-01-01", "2024-12-31")], None, 2024),  # tie: the title
    ("Danh sách", [], "2025-02-01", 2025),  # nothing else: the form's date
    ("Danh sách NĂM 2022", [], "2025-02-01", 2022),
    ("Danh sách", [], None, None),  # the reports then take the campaign of the latest plan before it
])
def test_campaign_of_a_form(title: str, periods: list, issued: Optional[str], want: Optional[int]) -> None:
    assert campaign_year("registration_form", title, issued, periods, []) == want


def test_campaign_of_a_plan() -> None:
    assert campaign_year("plan", "Kế hoạch thi đua năm 2025", "2024-12-20", [], ["2025-03-01"]) == 2025
    assert campaign_year("plan", None, None, [], ["2023-07-25", "2023-12-15", "2024-01-10"]) == 2023
    assert campaign_year("plan", None, "2024-03-20", [], []) == 2024


def _form(tag: str, path: str, names: list[str], issued: Optional[str] = "2025-02-10",
          unit: str = "Chi bộ khu phố 4") -> Record:
    doc = Document(path=path, sha256=hashlib.sha256(tag.encode()).hexdigest(), format=path.rsplit(".", 1)[-1])
    rec = Record(document=doc)
    rec.meta = DocumentMeta(kind="registration_form", unit=unit, issued_on=issued, title="Danh sách năm 2025")
    rec.registrations = [Registration(unit=unit, section="new", seq=i + 1, name=n, field="economy", field_raw="KT",
                                      period=Period("2025-03-01", "2025-12-31", "Tháng 3 - 12/2025"),
                                      location=Location(page=1, table=0, row=i + 1))
                         for i, n in enumerate(names)]
    return rec


def test_item_ids_come_from_content_not_from_files_or_order() -> None:
    docx = record_rows(_form("a", "dk.docx", ["Vườn rau", "Camera an ninh"]))
    pdf = record_rows(_form("b", "dk-ban-in.pdf", ["Camera  an ninh", "Vườn rau"]))  # another copy, other order
    ids = lambda rows: {r["name"].replace("  ", " "): r["item_id"] for r in rows["registrations"]}  # noqa: E731
    assert ids(docx) == ids(pdf)
    assert docx["documents"]["item_id"] == pdf["documents"]["item_id"]
    assert docx["documents"]["content_key"] == pdf["documents"]["content_key"]
    other = record_rows(_form("c", "dk.docx", ["Vườn rau", "Tủ sách"]))
    assert other["documents"]["content_key"] != docx["documents"]["content_key"]
    assert ids(other)["Vườn rau"] == ids(docx)["Vườn rau"]  # a row kept in a resubmission keeps its id
    plan = Record(document=Document(path="kh.pdf", sha256="0" * 64, format="pdf"))
    plan.meta = DocumentMeta(kind="plan", number="12/KH-UBND", issued_on="2025-01-10")
    plan.deadlines = [Deadline("2025-04-20", "day", "Trước ngày 20/4/2025 gửi báo cáo"),
                      Deadline("2025-04-20", "day", "Trước ngày 20/4/2025 gửi báo cáo")]
    again = Record(document=Document(path="kh.docx", sha256="1" * 64, format="docx"), meta=plan.meta,
                   deadlines=[Deadline("2025-04-20", "day", "trước ngày 20/4/2025, gửi báo cáo.")] * 2)
    a, b = record_rows(plan)["deadlines"], record_rows(again)["deadlines"]
    assert [d["item_id"] for d in a] == [d["item_id"] for d in b]  # same plan number, same sentence
    assert a[0]["item_id"] != a[1]["item_id"]  # a repeated sentence is numbered, not merged
    assert all(i["item_id"].startswith("H-") and len(i["item_id"]) == 12 for i in a)


def test_content_key_ignores_format_but_not_content() -> None:
    rows = [{"unit_key": "k", "section": "new", "name": "A", "leader": None, "address": None, "field": "economy",
             "period_text": "2025"}]
    assert content_key(rows) == content_key([dict(rows[0], name="a")])
    assert content_key(rows) != content_key([dict(rows[0], period_text="2026")])
    assert content_key([]) is None


FORMS = [  # tag, file, rows, date on the form, arrival
    ("v1-docx", "dk.docx", ["A", "B"], "2025-02-01", "2025-02-02T01:00:00+00:00"),
    ("v1-pdf", "dk.pdf", ["A", "B"], "2025-02-01", "2025-02-05T01:00:00+00:00"),
    ("v2-xlsx", "dk-moi.xlsx", ["A", "C"], "2025-02-10", "2025-02-11T01:00:00+00:00"),
    ("v2-pdf", "dk-moi.pdf", ["A", "C"], "2025-02-10", "2025-02-12T01:00:00+00:00"),
    ("old-late", "dk-cu.docx", ["A", "D"], "2025-01-20", "2025-02-20T01:00:00+00:00"),  # dated earlier, came last
]


@pytest.mark.parametrize("order", list(itertools.permutations(range(len(FORMS))))[::17])
def test_current_form_rule_never_depends_on_the_order_files_were_read(tmp_path: Path, order: tuple) -> None:  # type: ignore[type-arg]
    url = sqlite_url(tmp_path)
    engine = store.open_store(url)
    for i in order:
        tag, path, names, issued, arrived = FORMS[i]
        rec = _form(tag, path, names, issued)
        info = {"path": path, "name": path, "sha256": rec.document.sha256, "size": 1, "arrived_at": arrived}
        store.commit_document(engine, info, record_rows(rec), run_id=None, stored_path=None)
    with engine.connect() as conn:
        rows = conn.execute(select(store.documents.c.path, store.documents.c.superseded_by,
                                   store.documents.c.superseded_reason, store.documents.c.id)).all()
    store.close_store(url)
    by_id = {r.id: r.path for r in rows}
    state = {r.path: (by_id.get(r.superseded_by), r.superseded_reason) for r in rows}
    assert state == {
        "dk-moi.xlsx": (None, None),                         # latest date on the form, first of its copies
        "dk-moi.pdf": ("dk-moi.xlsx", "duplicate"),          # same rows, other format: a copy, not a replacement
        "dk.docx": ("dk-moi.xlsx", "resubmitted"),
        "dk.pdf": ("dk.docx", "duplicate"),
        "dk-cu.docx": ("dk-moi.xlsx", "resubmitted"),       # arrived last but dated earliest: not current
    }
