"""The reports read back with real libraries: openpyxl, icalendar + ics, lxml, pandas/pyarrow."""
from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator

import pytest

import test_outputs_helpers as h
from pipeline import outputs

TODAY = date(2025, 3, 20)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    from pipeline.store import close_store

    tmp = tmp_path_factory.mktemp("store")
    units_csv = h.write_units_csv(tmp / "units.csv", h.UNITS_CSV)
    url = h.build_store(tmp)
    yield url, units_csv
    close_store(url)


@pytest.fixture(scope="module")
def out(store: tuple[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    url, units_csv = store
    target = tmp_path_factory.mktemp("out")
    outputs.write_reports(url, target, units_csv, today=TODAY)
    return target


# --------------------------------------------------------------------------- workbook


@pytest.fixture(scope="module")
def wb(out: Path):  # type: ignore[no-untyped-def]
    openpyxl = pytest.importorskip("openpyxl")
    return openpyxl.load_workbook(out / outputs.XLSX_NAME)


def _values(ws) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [row for row in ws.iter_rows(values_only=True) if any(v is not None for v in row)]


def _column(ws, col: int, first_row: int = 4) -> list:  # type: ignore[no-untyped-def]
    return [ws.cell(row=r, column=col).value for r in range(first_row, ws.max_row + 1)]


SUMMARY = "Tổng hợp 2025"


def test_workbook_sheets_and_headers(wb) -> None:  # type: ignore[no-untyped-def]
    assert wb.sheetnames == [SUMMARY, "Nộp biểu 2025", "Thống kê 2025", "Cần kiểm tra", "Hạn chót", "Chỉ tiêu 2025",
                             "Đã thay thế", "_pipeline"]
    assert wb["_pipeline"].sheet_state == "veryHidden"
    ws = wb[SUMMARY]
    assert [c.value for c in ws[3]] == ["TT", "Năm", "Đơn vị", "Tên mô hình", "Tập thể (cá nhân) chỉ đạo", "Địa chỉ",
                                        "Lĩnh vực", "Thời gian thực hiện", "Nguồn", "Mã"]
    assert "TỔNG HỢP" in ws["A1"].value and "NĂM 2025" in ws["A1"].value


def test_workbook_current_rows_grouped_by_unit_and_section(wb) -> None:  # type: ignore[no-untyped-def]
    ws = wb[SUMMARY]
    names = [n for n in _column(ws, 4) if n]
    current = ["Tuyến đường hoa kiểu mẫu", h.FORMULA_NAME, "Camera an ninh khu dân cư", "Vườn rau sạch cho hộ nghèo"]
    assert sorted(names) == sorted(current)
    assert "Mô hình bản cũ bị thay thế" not in names
    labels = [str(v) for v in _column(ws, 2)]
    assert {v for v in labels if v.isdigit()} == {"2025"}  # the Năm column
    # unit Bình Hòa (alphabetically first) then Tân Lợi; inside Tân Lợi new rows before continuing ones
    i_a = next(i for i, v in enumerate(labels) if v.startswith(h.UNIT_A + " ("))
    i_b = next(i for i, v in enumerate(labels) if v.startswith(h.UNIT_B + " ("))
    assert i_b < i_a
    i_cont = next(i for i, v in enumerate(labels) if v.startswith("Mô hình tiếp tục thực hiện") and i > i_a)
    row_of = {ws.cell(row=4 + i, column=4).value: i for i in range(len(labels))}
    assert row_of["Tuyến đường hoa kiểu mẫu"] < i_cont < row_of["Camera an ninh khu dân cư"]
    # field label in Vietnamese, source with file and position, TT numbers 1..n
    r = 4 + row_of["Tuyến đường hoa kiểu mẫu"]
    assert ws.cell(row=r, column=7).value == "Văn hóa - xã hội"
    assert ws.cell(row=r, column=9).value.startswith("dk-tan-loi.docx")
    assert ws.cell(row=r, column=10).value.startswith("D-")  # the stable id
    assert sorted(v for v in _column(ws, 1) if isinstance(v, int)) == [1, 2, 3, 4]


def test_workbook_never_writes_formulas(wb) -> None:  # type: ignore[no-untyped-def]
    ws = wb[SUMMARY]
    cells = {c.value: c for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert cells[h.FORMULA_NAME].data_type == "s"
    for text in ("+84 912 000 000", "@nha-van-hoa", "-ấp Tân Lợi"):
        assert cells[text].data_type == "s"
    for sheet in wb:
        for row in sheet.iter_rows():
            for c in row:
                assert c.data_type != "f", f"formula in {sheet.title}!{c.coordinate}"


def test_workbook_page_setup(wb) -> None:  # type: ignore[no-untyped-def]
    for ws in wb:
        if ws.sheet_state != "visible":
            continue
        head = 4 if ws.title == "Cần kiểm tra" else 3  # the review sheet has a line of instructions first
        assert ws.freeze_panes == f"A{head + 1}", ws.title
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith(f"A{head}:"), ws.title
        assert ws.print_title_rows == f"${head}:${head}", ws.title
        assert ws.row_dimensions[head].height and ws.row_dimensions[head].height >= 21, ws.title  # wrapped header
        assert ws.page_setup.orientation == "landscape"
        assert str(ws.page_setup.paperSize) == "9"  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        # fit to one page wide (1 is the OOXML default, so it may be omitted), any number of pages tall
        assert (ws.page_setup.fitToWidth or 1) == 1 and ws.page_setup.fitToHeight == 0
    ws = wb[SUMMARY]
    assert ws.column_dimensions["D"].width > ws.column_dimensions["A"].width
    data_cell = next(c for row in ws.iter_rows(min_col=4, max_col=4) for c in row if c.value == h.FORMULA_NAME)
    assert data_cell.alignment.wrap_text


def test_statistics_sheet_counts(wb) -> None:  # type: ignore[no-untyped-def]
    rows = _values(wb["Thống kê 2025"])
    header = next(r for r in rows if r[0] == "TT")
    a = next(r for r in rows if r[1] == h.UNIT_A)
    assert a[header.index("Tổng")] == 3
    assert a[header.index("Kinh tế")] == 1 and a[header.index("Quốc phòng - an ninh")] == 1
    total = next(r for r in rows if r[1] == "Tổng cộng")
    assert total[header.index("Tổng")] == 4
    sec_header = [r for r in rows if r[0] == "TT"][1]
    a_sec = [r for r in rows if r[1] == h.UNIT_A][1]
    assert a_sec[sec_header.index("Mô hình mới")] == 2
    assert a_sec[sec_header.index("Mô hình tiếp tục thực hiện")] == 1


def test_superseded_sheet(wb) -> None:  # type: ignore[no-untyped-def]
    ws = wb["Đã thay thế"]
    names = [n for n in _column(ws, 4) if n]
    assert names == ["Mô hình bản cũ bị thay thế"]
    replaced_by = [v for v in _column(ws, 11) if v]
    assert replaced_by and "dk-binh-hoa-bo-sung.docx" in replaced_by[0]
    assert [v for v in _column(ws, 12) if v] == ["bỏ ở biểu mới"]  # what the resubmission did to the row


def test_deadline_sheet(wb) -> None:  # type: ignore[no-untyped-def]
    rows = _values(wb["Hạn chót"])[3:]
    plan = h.plan_record()
    assert len(rows) == len(plan.deadlines) + len(plan.milestones)
    first = rows[0]
    assert first[1].startswith("H-") and first[2] == "Hạn chót" and first[3].date() == date(2025, 2, 15)
    assert first[7] == "các chi bộ" and first[8] == "Ban Dân vận"
    assert "12/KH-UBND" in first[9] and first[11] == f"{h.PLAN_FILE}, trang 2, dòng 14"
    assert first[12] == "Quá hạn 33 ngày" and first[13] is None  # status on 20/03/2025; not marked done
    assert rows[-1][5] == "không có ngày cụ thể"
    span = next(r for r in rows if r[2] == "Mốc thời gian" and r[4] and r[4].date() == date(2025, 4, 30))
    assert span[3].date() == date(2025, 3, 1) and span[12] == "Đang diễn ra"


def test_compliance_sheet(wb) -> None:  # type: ignore[no-untyped-def]
    rows = _values(wb["Chỉ tiêu 2025"])[3:]
    by_unit = {r[5]: r for r in rows if r[2] == "Mỗi chi bộ"}
    assert by_unit[h.UNIT_A][7] == 3 and by_unit[h.UNIT_A][8] == "Đạt"
    assert by_unit[h.UNIT_B][7] == 1 and by_unit[h.UNIT_B][8].startswith("Chưa đạt (còn thiếu 1")
    assert by_unit[h.UNIT_MISSING][8] == "Chưa gửi đăng ký"
    xa = next(r for r in rows if r[2] and r[2].startswith("Mỗi xã"))
    assert xa[5] is None and "chưa đối chiếu" in xa[9].lower()
    members = next(r for r in rows if r[2] == "Mỗi tổ hòa giải")
    assert "không đo được" in members[9]


def test_outputs_are_readable_like_any_new_file(out: Path) -> None:
    import os

    mask = os.umask(0)
    os.umask(mask)
    for name in (outputs.XLSX_NAME, outputs.ICS_NAME, outputs.HTML_NAME):
        assert (out / name).stat().st_mode & 0o777 == 0o666 & ~mask, name


def test_workbook_bytes_are_deterministic(store: tuple[str, Path], tmp_path: Path) -> None:
    """Same store, same day: same bytes. The calendar does not depend on the day at all (the workbook's status
    column does)."""
    url, units_csv = store
    outputs.write_reports(url, tmp_path / "a", units_csv, today=TODAY)
    outputs.write_reports(url, tmp_path / "b", units_csv, today=TODAY)
    outputs.write_reports(url, tmp_path / "c", units_csv, today=TODAY + timedelta(days=40))
    for name in (outputs.XLSX_NAME, outputs.ICS_NAME):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert (tmp_path / "a" / outputs.ICS_NAME).read_bytes() == (tmp_path / "c" / outputs.ICS_NAME).read_bytes()


# --------------------------------------------------------------------------- calendar


@pytest.fixture(scope="module")
def cal(out: Path):  # type: ignore[no-untyped-def]
    from icalendar import Calendar

    return Calendar.from_ical((out / outputs.ICS_NAME).read_bytes())


def _events(cal) -> list:  # type: ignore[no-untyped-def]
    return [c for c in cal.walk() if c.name == "VEVENT"]


def test_calendar_events(cal) -> None:  # type: ignore[no-untyped-def]
    plan = h.plan_record()
    dated = [d for d in plan.deadlines if d.due]
    events = _events(cal)
    assert len(events) == len(dated) + len(plan.milestones)
    by_start = {e.decoded("dtstart"): e for e in events}
    first = by_start[date(2025, 2, 15)]
    assert not hasattr(first.decoded("dtstart"), "hour")  # all-day
    assert first.decoded("dtend") == date(2025, 2, 16)
    assert str(first["summary"]) == "Hạn chót: gửi biểu đăng ký mô hình — KH 12/KH-UBND"
    desc = str(first["description"])
    assert "các chi bộ" in desc and "Ban Dân vận" in desc and h.PLAN_FILE in desc and "trang 2" in desc
    assert "12/KH-UBND" in desc
    span = by_start[date(2025, 3, 1)]
    assert span.decoded("dtend") == date(2025, 5, 1)  # exclusive end of 30/04
    assert not [c for c in span.walk() if c.name == "VALARM"]
    yearly = by_start[date(2025, 12, 10)]
    assert "YEARLY" in yearly["rrule"].to_ical().decode()


def test_calendar_alarms_three_days_before(cal) -> None:  # type: ignore[no-untyped-def]
    deadlines = [e for e in _events(cal) if str(e["summary"]).startswith("Hạn chót")]
    assert len(deadlines) == 3
    for e in deadlines:
        alarms = [c for c in e.walk() if c.name == "VALARM"]
        assert len(alarms) == 1
        assert alarms[0].decoded("trigger") == timedelta(days=-3)
        assert str(alarms[0]["action"]) == "DISPLAY"


def test_calendar_uids_stable_across_stores(cal, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from icalendar import Calendar
    from pipeline.store import close_store

    url = h.build_store(tmp_path)  # a fresh store with the same documents: processed at another time
    outputs.write_reports(url, tmp_path / "out", None, today=TODAY)
    close_store(url)
    again = Calendar.from_ical((tmp_path / "out" / outputs.ICS_NAME).read_bytes())
    uids = sorted(str(e["uid"]) for e in _events(cal))
    assert len(set(uids)) == len(uids)
    assert uids == sorted(str(e["uid"]) for e in _events(again))


def test_calendar_second_parser_roundtrip(out: Path) -> None:
    ics = pytest.importorskip("ics", reason="pip package 'ics' (test extra) not installed")
    parsed = ics.Calendar((out / outputs.ICS_NAME).read_text(encoding="utf-8"))
    events = sorted(parsed.events, key=lambda e: e.begin)
    assert len(events) == 5
    assert events[0].begin.date() == date(2025, 2, 15) and events[0].all_day
    assert "gửi biểu đăng ký" in events[0].name
    span = next(e for e in events if e.begin.date() == date(2025, 3, 1))
    assert span.end.date() == date(2025, 5, 1)


# --------------------------------------------------------------------------- HTML page


@pytest.fixture(scope="module")
def page(out: Path):  # type: ignore[no-untyped-def]
    from lxml import html

    return html.fromstring((out / outputs.HTML_NAME).read_bytes())


def test_html_is_self_contained_and_escaped(page, out: Path) -> None:  # type: ignore[no-untyped-def]
    assert page.xpath("//script") == []
    assert page.xpath("//link | //img | //iframe | //*[@src]") == []
    raw = (out / outputs.HTML_NAME).read_text(encoding="utf-8")
    assert "&lt;script&gt;" in raw
    assert h.SCRIPT_TEXT in page.text_content()
    assert page.get("lang") == "vi"
    css = " ".join(page.xpath("//style/text()"))
    assert "@media print" in css and "@page" in css


def test_html_overdue_and_upcoming(page) -> None:  # type: ignore[no-untyped-def]
    upcoming = page.get_element_by_id("sap-toi").getnext()
    rows = upcoming.xpath(".//tbody/tr")
    assert rows, "upcoming list is empty"
    assert not [r for r in rows if "overdue" in r.get("class")]
    assert "Đang diễn ra" in rows[0].text_content()  # the March-April milestone runs on 20/03
    dates = [r.xpath("./td[1]")[0].text_content() for r in rows]
    assert dates[1:] == ["15/05/2025", "tháng 06/2025", "10/12/2025 (hằng năm)"]
    overdue = page.get_element_by_id("qua-han").getnext().xpath(".//tbody/tr")
    assert len(overdue) == 1 and "overdue" in overdue[0].get("class")
    assert "Quá hạn 33 ngày" in overdue[0].text_content()


def test_html_month_view_and_undated(page) -> None:  # type: ignore[no-untyped-def]
    months = [s.xpath("./h3")[0].text_content() for s in page.xpath("//section[contains(@class,'month')]")]
    assert months[:3] == ["Tháng 02/2025", "Tháng 03/2025", "Tháng 05/2025"]
    march = page.get_element_by_id("thang-2025-03")
    assert "các đơn vị triển khai" in march.text_content()  # a multi-month milestone: once, in its first month
    assert "tháng 03/2025 – tháng 04/2025" in march.text_content()
    assert "screen-only" in page.get_element_by_id("theo-thang").get("class")  # not printed (items are above)
    undated = page.get_element_by_id("khong-co-ngay").getnext()
    assert "phản hồi" in undated.text_content()


def test_html_compliance_section(page) -> None:  # type: ignore[no-untyped-def]
    section = page.xpath("//section[contains(@class,'quota')]")
    assert len(section) == 3
    chi_bo = section[0].text_content()
    assert "1/3 đơn vị đạt" in chi_bo and "Chưa gửi đăng ký" in chi_bo
    missing = [tr.xpath("./td[1]")[0].text_content() for tr in page.xpath("//tr[@class='sub-missing']")]
    assert missing == [h.UNIT_MISSING]  # the submission table says who sent nothing


def test_html_marks_relative_to_injected_today(store: tuple[str, Path], tmp_path: Path) -> None:
    from lxml import html

    url, units_csv = store
    outputs.write_reports(url, tmp_path, units_csv, today=date(2025, 1, 1))
    doc = html.fromstring((tmp_path / outputs.HTML_NAME).read_bytes())
    assert doc.get_element_by_id("qua-han").getnext().xpath(".//tbody/tr") == []


# --------------------------------------------------------------------------- exports


def test_exports_every_table(out: Path, store: tuple[str, Path]) -> None:
    import pandas as pd

    exports = out / outputs.EXPORT_DIR
    for table in ("files", "documents", "deadlines", "milestones", "quotas", "references", "registrations", "units"):
        raw = (exports / f"{table}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), table
        assert (exports / f"{table}.parquet").exists(), table
    regs = pd.read_csv(exports / "registrations.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert len(regs) == 4  # for people: the current rows, Vietnamese headers and labels
    assert h.UNIT_A in set(regs["Đơn vị"]) and "Kinh tế" in set(regs["Lĩnh vực"])
    assert "'" + h.FORMULA_NAME in set(regs["Tên mô hình"])  # a formula-like text is neutralised for Excel
    parquet = pd.read_parquet(exports / "registrations.parquet")  # for tools: every row, codes
    assert len(parquet) == 5 and "economy" in set(parquet["field"]) and h.FORMULA_NAME in set(parquet["name"])
    assert len(pd.read_parquet(exports / "deadlines.parquet")) == 4


# --------------------------------------------------------------------------- robustness


def test_same_reports_from_postgresql(out: Path, tmp_path: Path) -> None:
    """The same documents stored in PostgreSQL give the same workbook values and calendar events."""
    import openpyxl
    from batch_helpers import fresh_postgres_database

    with fresh_postgres_database() as url:
        h.build_store(tmp_path, url)
        outputs.write_reports(url, tmp_path / "out", None, today=TODAY)
    lite = openpyxl.load_workbook(out / outputs.XLSX_NAME)
    pg = openpyxl.load_workbook(tmp_path / "out" / outputs.XLSX_NAME)
    for name in (SUMMARY, "Thống kê 2025", "Đã thay thế", "Hạn chót", "Cần kiểm tra"):
        assert _values(lite[name])[2:] == _values(pg[name])[2:], name  # rows 1-2: title, timestamp
    ics_lite = (out / outputs.ICS_NAME).read_text(encoding="utf-8")
    ics_pg = (tmp_path / "out" / outputs.ICS_NAME).read_text(encoding="utf-8")
    strip = lambda text: [ln for ln in text.splitlines() if not ln.startswith("DTSTAMP")]  # noqa: E731
    assert strip(ics_lite) == strip(ics_pg)


def test_missing_store_is_a_clear_error_not_empty_reports(tmp_path: Path) -> None:
    from pipeline.store import StoreError

    with pytest.raises(StoreError, match="no store at"):
        outputs.write_reports(f"sqlite:///{tmp_path / 'typo' / 'pipeline.sqlite'}", tmp_path / "out")
    assert not (tmp_path / "typo").exists() and not (tmp_path / "out").exists()
    done = subprocess.run([sys.executable, "-m", "pipeline", "report", "--data", str(tmp_path / "typo"), "--out",
                           str(tmp_path / "out")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "no store at" in done.stderr


def test_empty_store_still_writes_everything(tmp_path: Path) -> None:
    import openpyxl
    from icalendar import Calendar
    from pipeline.store import close_store, open_store

    url = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    open_store(url)  # a fresh store: schema, no rows
    paths = outputs.write_reports(url, tmp_path / "out", None, today=TODAY)
    close_store(url)
    names = {p.name for p in paths}
    assert {outputs.XLSX_NAME, outputs.ICS_NAME, outputs.HTML_NAME, "registrations.csv"} <= names
    wb = openpyxl.load_workbook(tmp_path / "out" / outputs.XLSX_NAME)
    assert "Chưa có biểu đăng ký" in wb.worksheets[0]["A4"].value
    assert _events(Calendar.from_ical((tmp_path / "out" / outputs.ICS_NAME).read_bytes())) == []


# --------------------------------------------------------------------------- real viewers (skipped when absent)


def test_workbook_opens_in_libreoffice(out: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) not installed: apt-get install libreoffice-calc-nogui")
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir",
         str(tmp_path), str(out / outputs.XLSX_NAME)], capture_output=True, text=True, timeout=180)
    pdf = tmp_path / outputs.XLSX_NAME.replace(".xlsx", ".pdf")
    assert pdf.exists(), result.stderr[-500:]
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 2000


def test_html_renders_in_chromium(out: Path, tmp_path: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.skip("Chromium not installed: apt-get install chromium")
    shot = tmp_path / "page.png"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path / 'c'}",
                    f"--screenshot={shot}", "--window-size=1200,1600", (out / outputs.HTML_NAME).as_uri()],
                   capture_output=True, timeout=120)
    assert shot.exists() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20000  # a blank page compresses to a few kB


def test_one_broken_output_does_not_cost_the_others(store: tuple[str, Path], tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    url, units_csv = store

    def broken(*_args: object) -> None:
        raise ValueError("calendar bug")

    monkeypatch.setattr(outputs, "write_calendar", broken)
    with pytest.raises(outputs.ReportError, match="lich-han-chot.ics.*calendar bug"):
        outputs.write_reports(url, tmp_path, units_csv, today=TODAY)
    assert (tmp_path / outputs.XLSX_NAME).exists() and (tmp_path / outputs.HTML_NAME).exists()
    assert (tmp_path / outputs.EXPORT_DIR / "registrations.csv").exists()
    assert not (tmp_path / outputs.ICS_NAME).exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # no half-written leftovers
