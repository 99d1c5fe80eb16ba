"""Calendar summaries, invisible characters, local time, and exports for people and for tools."""
from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

import test_outputs_helpers as h
from pipeline import outputs
from pipeline.model import Deadline, Document, DocumentMeta, Location, Milestone, Period, Record, Registration

TODAY = date(2025, 3, 20)
RLO, ZWSP, ZWJ, LRI, PDI = "\u202e", "\u200b", "\u200d", "\u2066", "\u2069"
HIDDEN = (RLO, ZWSP, ZWJ, LRI, PDI, "\ufeff")

LONG = ("Các chi bộ, các tổ chức chính trị - xã hội phường tổng hợp, đánh giá kết quả thực hiện phong trào thi đua "
        "“Dân vận khéo” sáu tháng đầu năm và phương hướng nhiệm vụ sáu tháng cuối năm gửi về Ban Thường vụ Đảng ủy")


def _extra_record() -> Record:
    doc = Document(path="cong-van-hostile.pdf", sha256=hashlib.sha256(b"hostile").hexdigest(), format="pdf", pages=1)
    rec = Record(document=doc)
    rec.meta = DocumentMeta(kind="official_letter", number="88/CV-ĐU", issued_on="2025-01-20",
                            issuer="Đảng ủy phường", title=f"Về việc {RLO}gửi báo cáo{ZWSP}")
    rec.deadlines = [
        Deadline(due="2025-07-05", precision="day", text=f"Trước ngày 05/7/2025 {LONG}", action=LONG,
                 location=Location(page=1, line=7)),
        Deadline(due="2025-08-01", precision="day", text=f"Hạn chót 01/8/2025 nộp {RLO}txt.exe{ZWJ} bản {LRI}x{PDI}",
                 action=f"nộp {RLO}txt.exe{ZWJ} bản {LRI}x{PDI}", location=Location(page=1, line=9)),
    ]
    rec.milestones = [Milestone(start="2025-09-01", end="2025-09-30", precision="month",
                                text="Tháng 9/2025 sơ kết", location=Location(page=1, line=11))]
    return rec


def _extra_form() -> Record:
    doc = Document(path="dk-an-loc.docx", sha256=hashlib.sha256(b"an-loc").hexdigest(), format="docx")
    rec = Record(document=doc)
    rec.meta = DocumentMeta(kind="registration_form", unit="Chi bộ Ấp An Lộc", issued_on="2025-02-03",
                            title="Danh sách đăng ký mô hình năm 2025")
    rec.registrations = [Registration(unit="Chi bộ Ấp An Lộc", section="new", seq=1,
                                      name=f"Mô hình {RLO}ẩn{ZWSP} chữ", field="economy", field_raw="KT",
                                      period=Period("2025-03-01", "2025-12-31", "Tháng 3 - 12/2025"),
                                      location=Location(page=1, table=0, row=1)),
                         Registration(unit="Chi bộ Ấp An Lộc", section="new", seq=2,
                                      name="=HYPERLINK(\"http://x\",\"bấm\")", field="economy", field_raw="KT",
                                      leader="@SUM(1+1)", address="=cmd|' /C calc'!A0",
                                      period=Period("2025-03-01", "2025-12-31", "Tháng 3 - 12/2025"),
                                      location=Location(page=1, table=0, row=2))]
    return rec


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    from pipeline.normalize import record_rows
    from pipeline.store import close_store, commit_document, open_store

    tmp = tmp_path_factory.mktemp("reports")
    url = h.build_store(tmp)
    engine = open_store(url)
    for n, rec in enumerate((_extra_record(), _extra_form())):
        info = {"path": rec.document.path, "name": rec.document.path, "sha256": rec.document.sha256, "size": 1,
                "arrived_at": f"2025-02-2{n}T23:30:00+00:00"}
        commit_document(engine, info, record_rows(rec), run_id=None, stored_path=None)
    units = h.write_units_csv(tmp / "units.csv", h.UNITS_CSV)
    outputs.write_reports(url, tmp / "out", units, today=TODAY)
    yield {"tmp": tmp, "url": url, "out": tmp / "out"}
    close_store(url)


# --------------------------------------------------------------------------- calendar


def test_event_summaries_name_what_is_due_and_the_plan(built: dict) -> None:  # type: ignore[type-arg]
    from icalendar import Calendar

    events = [e for e in Calendar.from_ical((built["out"] / outputs.ICS_NAME).read_bytes()).walk()
              if e.name == "VEVENT"]
    summaries = [str(e["summary"]) for e in events]
    assert "Hạn chót: gửi biểu đăng ký mô hình — KH 12/KH-UBND" in summaries
    for s in summaries:
        assert len(s) <= 80, s
        assert " — " in s, s  # which document
    long = next(s for s in summaries if s.startswith("Hạn chót: các chi bộ"))
    assert long.endswith("… — CV 88/CV-ĐU")
    what = long[len("Hạn chót: "):long.index("…")]
    assert LONG.lower().startswith(what.lower()) and LONG[len(what)] == " "  # cut between two words, never inside


def test_no_invisible_character_reaches_a_reader(built: dict) -> None:  # type: ignore[type-arg]
    import openpyxl
    from pipeline.store import query

    texts = [(built["out"] / name).read_text(encoding="utf-8") for name in (outputs.ICS_NAME, outputs.HTML_NAME)]
    wb = openpyxl.load_workbook(built["out"] / outputs.XLSX_NAME)
    texts += [str(c.value) for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    texts.append((built["out"] / "exports" / "registrations.csv").read_text(encoding="utf-8-sig"))
    for ch in HIDDEN:
        assert not any(ch in t for t in texts), f"U+{ord(ch):04X} displayed"
    assert any("Mô hình ẩn chữ" in t for t in texts)  # the words themselves stay
    stored = query(built["url"], "select name from registrations where name like '%chữ'")["name"][0]
    assert RLO in stored and ZWSP in stored  # the store keeps the original


# --------------------------------------------------------------------------- time


def test_times_are_shown_in_vietnam_time(built: dict) -> None:  # type: ignore[type-arg]
    import openpyxl

    wb = openpyxl.load_workbook(built["out"] / outputs.XLSX_NAME)
    rows = {r[1]: r for r in wb["Nộp biểu 2025"].iter_rows(min_row=4, values_only=True) if r[1]}
    assert rows["Chi bộ Ấp An Lộc"][5] == "22/02/2025 06:30"  # arrived 21/02 23:30 UTC = 22/02 06:30 in Hanoi
    assert "(giờ Việt Nam)" in wb.worksheets[0]["A2"].value


def test_another_time_zone_can_be_configured(built: dict, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[type-arg]
    from pipeline.reports.text import as_local, stamp

    monkeypatch.setenv("PIPELINE_TIMEZONE", "Asia/Tokyo")
    assert stamp(as_local("2025-02-21T23:30:00+00:00")) == "22/02/2025 08:30 (giờ Asia/Tokyo)"


# --------------------------------------------------------------------------- exports


def test_people_export_has_vietnamese_headers_labels_and_current_rows(built: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    import pandas as pd
    from pipeline.reports.exports import export_table

    path = export_table(built["url"], "registrations", "csv", tmp_path / "r.csv")
    raw_text = path.read_text(encoding="utf-8-sig")
    assert "NaN" not in raw_text and ".0," not in raw_text
    df = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert {"Đơn vị", "Tên mô hình", "Lĩnh vực", "Số thứ tự", "Đã bị thay thế"} <= set(df.columns)
    assert "Mô hình bản cũ bị thay thế" not in set(df["Tên mô hình"])  # current rows only
    assert set(df["Lĩnh vực"]) <= {"Kinh tế", "Văn hóa - xã hội", "Quốc phòng - an ninh"}
    assert set(df["Số thứ tự"]) <= {"1", "2", "3"} and set(df["Đã bị thay thế"]) == {"không"}
    assert set(df["Bắt đầu"]) == {"01/03/2025"}
    assert {"'=HYPERLINK(\"http://x\",\"bấm\")", "'=1+1"} <= set(df["Tên mô hình"])  # Excel shows, never runs
    assert "'@SUM(1+1)" in set(df["Tập thể (cá nhân) chỉ đạo"]) and "'+84 912 000 000" in set(
        df["Tập thể (cá nhân) chỉ đạo"])
    every = pd.read_csv(export_table(built["url"], "registrations", "csv", tmp_path / "a.csv", all_rows=True),
                        encoding="utf-8-sig", dtype=str)
    assert "Mô hình bản cũ bị thay thế" in set(every["Tên mô hình"])


def test_raw_export_keeps_codes_and_values(built: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    import pandas as pd
    from pipeline.reports.exports import export_table

    df = pd.read_csv(export_table(built["url"], "registrations", "csv", tmp_path / "r.csv", raw=True),
                     encoding="utf-8-sig", keep_default_na=False, dtype=str)
    assert "field" in df.columns and "economy" in set(df["field"]) and "=1+1" in set(df["name"])
    assert "Mô hình bản cũ bị thay thế" in set(df["name"])  # every row
    assert set(df["seq"]) <= {"1", "2", "3"}  # integers as integers
    parquet = pd.read_parquet(export_table(built["url"], "quotas", "parquet", tmp_path / "q.parquet", raw=True))
    assert str(parquet["document_id"].dtype) == "Int64"


def test_xlsx_export_never_writes_a_formula(built: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    import openpyxl
    from pipeline.reports.exports import export_table

    for raw in (False, True):
        path = export_table(built["url"], "registrations", "xlsx", tmp_path / f"r{raw}.xlsx", raw=raw, all_rows=True)
        ws = openpyxl.load_workbook(path).active
        cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
        assert not [c.coordinate for c in cells if c.data_type == "f"]
        values = {c.value for c in cells}
        assert "=HYPERLINK(\"http://x\",\"bấm\")" in values and "=cmd|' /C calc'!A0" in values  # as text
        numbers = [c.value for c in cells if c.data_type == "n"]
        assert numbers and all(isinstance(v, int) for v in numbers)  # ids, seq, page: integers


def test_cli_export_flags(built: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    from batch_helpers import run_cli

    done = run_cli(["export", "--store", built["url"], "--table", "registrations", "--format", "csv", "--raw",
                    "--all", "-o", str(tmp_path / "x.csv")], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "x.csv").read_text(encoding="utf-8-sig").startswith("id,document_id,unit")
