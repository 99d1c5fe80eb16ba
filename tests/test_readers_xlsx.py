"""XLSX reader on real workbooks written by openpyxl (plus hand-edited sheet XML where openpyxl cannot)."""
from __future__ import annotations

import datetime as dt
import re
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from pipeline.readers import read


def _rewrite_sheet(src: Path, dst: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    """Copy an XLSX, passing the first sheet's XML through ``edit`` (str -> str)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = edit(data.decode("utf-8")).encode("utf-8")
            zout.writestr(info, data)
    return dst


@pytest.fixture(scope="module")
def form(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Đăng ký"
    ws["A1"] = "Đơn vị: Chi bộ khối 5"
    ws.merge_cells("A1:F1")
    ws["A3"] = "DANH SÁCH ĐĂNG KÝ MÔ HÌNH"
    ws.merge_cells("A3:F3")
    for i, h in enumerate(["TT", "Tên mô hình", "Chỉ đạo", "Địa chỉ", "Lĩnh vực", "Thời gian"], 1):
        ws.cell(5, i, h)
    ws.append(["I", "Mô hình mới năm 2024"])
    ws.merge_cells("B6:F6")
    ws.append([1, "Camera an ninh", "Công an phường", "Khối 1", "QP-AN", dt.datetime(2024, 3, 1)])
    ws.append([2.0, "Tủ sách pháp luật", "Hội LHPN", "Khối 2", None, 0.25])
    ws.merge_cells("E7:E8")
    ws.append([3, "Chợ văn minh", "Ban quản lý chợ", "Chợ khối 10", "KT", "PLACEHOLDER"])
    ws["G9"] = 0.85
    ws["G9"].number_format = "0%"
    notes = wb.create_sheet("Ghi chú")
    notes["B2"] = "Hạn gửi: trước ngày 10/02/2024"
    path = tmp_path_factory.mktemp("xlsx") / "form.xlsx"
    wb.save(str(path))
    # A formula with a cached value, as Excel saves it (openpyxl cannot write cached values).
    cached = path.with_name("form-cached.xlsx")
    return _rewrite_sheet(path, cached, lambda s: re.sub(
        r'<c r="F9"[^>]*>.*?</c>', '<c r="F9"><f>YEAR(F7)</f><v>2024</v></c>', s))


def test_every_sheet_is_a_table(form: Path) -> None:
    doc = read(form)
    assert doc.format == "xlsx"
    assert [t.location.sheet for t in doc.tables] == ["Đăng ký", "Ghi chú"]
    assert doc.tables[1].text_rows() == [["Hạn gửi: trước ngày 10/02/2024"]]
    assert doc.metadata["sheets"] == ["Đăng ký", "Ghi chú"]


def test_values_merged_ranges_and_provenance(form: Path) -> None:
    table = read(form).tables[0]
    rows = table.text_rows()
    assert rows[0] == ["Đơn vị: Chi bộ khối 5", "", "", "", "", "", ""]
    assert rows[4] == ["TT", "Tên mô hình", "Chỉ đạo", "Địa chỉ", "Lĩnh vực", "Thời gian", ""]
    assert rows[5] == ["I", "Mô hình mới năm 2024", "", "", "", "", ""]
    assert rows[6] == ["1", "Camera an ninh", "Công an phường", "Khối 1", "QP-AN", "01/03/2024", ""]
    assert rows[7] == ["2", "Tủ sách pháp luật", "Hội LHPN", "Khối 2", "", "0.25", ""]
    assert rows[8] == ["3", "Chợ văn minh", "Ban quản lý chợ", "Chợ khối 10", "KT", "2024", "85%"]
    spans = {c.text: (c.rowspan, c.colspan) for row in table.rows for c in row}
    assert spans["Đơn vị: Chi bộ khối 5"] == (1, 6)
    assert spans["Mô hình mới năm 2024"] == (1, 5)
    assert spans["QP-AN"] == (2, 1)
    cell = table.rows[6][1]
    assert (cell.location.sheet, cell.location.row, cell.location.column, cell.location.line) == ("Đăng ký", 6, 1, 7)


def test_billion_row_dimension_does_not_hang(form: Path, tmp_path: Path) -> None:
    def edit(s: str) -> str:
        s = re.sub(r'<dimension ref="[^"]+"\s*/>', '<dimension ref="A1:XFD1048576"/>', s)
        return s.replace("</sheetData>", '<row r="1000000000"><c r="A1000000000" t="inlineStr"><is><t>xa</t></is>'
                                          '</c></row></sheetData>')

    path = _rewrite_sheet(form, tmp_path / "huge.xlsx", edit)
    started = time.monotonic()
    doc = read(path)
    assert time.monotonic() - started < 10
    assert doc.tables[0].text_rows()[6][1] == "Camera an ninh"
    # the declared dimension is not trusted (see the stale-dimension test): the cells that exist are read
    assert doc.tables[0].n_columns == 7 and not any("columns" in w for w in doc.warnings)


def test_row_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.readers import xlsx

    monkeypatch.setattr(xlsx, "MAX_ROWS", 50)
    wb = openpyxl.Workbook()
    for i in range(120):
        wb.active.append([i, f"dòng {i}"])
    path = tmp_path / "long.xlsx"
    wb.save(str(path))
    doc = read(path)
    assert len(doc.tables[0].rows) == 50
    assert any("stopped after 50 rows" in w for w in doc.warnings)
