"""Builders for registration tests: model Tables as readers produce them, and variant forms.

``grid_table`` turns rows of strings into a :class:`pipeline.model.Table`; a cell written as
``("text", rowspan, colspan)`` is a merged cell, and ``None`` marks a position it covers (readers
emit a merged cell once, at its top-left position).
"""
from __future__ import annotations

from typing import Optional, Sequence, Union

from pipeline.model import Cell, Document, DocumentMeta, Location, Paragraph, Table

CellSpec = Union[str, tuple, None]

HEADER = ["TT", "Tên mô hình", "Tập thể (cá nhân) chỉ đạo xây dựng mô hình", "Địa chỉ mô hình",
          "Lĩnh vực (KT, VH-XH, QP-AN, Xây dựng hệ thống chính trị)", "Thời gian thực hiện"]

# Invented rows (units, people and places made up), in the template's column order.
NEW_ROWS = [
    ["1", "Thắp sáng đường quê thôn Bình An", "Chi đoàn thôn Bình An", "Thôn Bình An", "KT", "Tháng 3 - 9/2025"],
    ["2", "Tổ tự quản vệ sinh môi trường", "Chi hội Nông dân thôn Hòa Lạc", "Thôn Hòa Lạc", "Văn hoá - xã hội",
     "Năm 2025"],
]
CONTINUING_ROWS = [
    ["1", "Tổ an ninh tự quản liên gia", "Công an xã; Đảng uỷ xã Tân Lập", "Các thôn", "QP-AN", "Quý II/2025"],
]


def grid_table(rows: Sequence[Sequence[CellSpec]], index: int = 0, page: Optional[int] = None,
               first_line: Optional[int] = None, layout: bool = False) -> Table:
    out: list[list[Cell]] = []
    for r, row in enumerate(rows):
        cells: list[Cell] = []
        for c, spec in enumerate(row):
            if spec is None:
                continue
            text, rowspan, colspan = (spec, 1, 1) if isinstance(spec, str) else spec
            line = first_line + r if first_line is not None else None
            cells.append(Cell(text, r, c, rowspan, colspan,
                              Location(page=page, line=line, table=index, row=r, column=c)))
        out.append(cells)
    return Table(out, Location(page=page, table=index), index=index, layout=layout)


def form_document(tables: Sequence[Table], unit_line: Optional[str] = "Đơn vị: Đoàn Thanh niên xã Tân Lập",
                  paragraphs: Sequence[str] = ("DANH SÁCH", "ĐĂNG KÝ MÔ HÌNH DÂN VẬN KHÉO NĂM 2025")) -> Document:
    doc = Document(path="form.txt", sha256="0" * 64, format="txt")
    texts = ([unit_line] if unit_line else []) + list(paragraphs)
    for i, text in enumerate(texts, start=1):
        doc.blocks.append(Paragraph(text, Location(line=i)))
    doc.blocks.extend(tables)
    return doc


def meta(unit: Optional[str] = None, issued_on: Optional[str] = "2025-02-10") -> DocumentMeta:
    return DocumentMeta(kind="registration_form", unit=unit, issued_on=issued_on)


def template_rows() -> list[list[str]]:
    """The template filled in: header, section I, two rows, section II, one row."""
    return ([HEADER, ["I", "Mô hình mới năm 2025", "", "", "", ""]] + NEW_ROWS
            + [["II", "Mô hình tiếp tục thực hiện (đã đăng ký năm 2024)", "", "", "", ""]] + CONTINUING_ROWS)
