"""The consolidated workbook ``tong-hop-dang-ky-mo-hinh.xlsx`` (XlsxWriter: no formula, deterministic bytes).

Sheets: *Tổng hợp <năm>* of the main campaign (changed and corrected cells marked), *Nộp biểu* (who has
submitted), *Thống kê*, *Cần kiểm tra* (the review queue, answered in the columns *Xác nhận* and *Sửa
thành*), *Hạn chót* (status and a *Đã hoàn thành* column), *Chỉ tiêu*, *Đã thay thế* (replaced rows with
what changed, and copies), then one *Tổng hợp <năm>* sheet per earlier campaign. A very hidden sheet
``_pipeline`` and a custom document property mark the workbook as ours and record what each answer
cell showed, so a workbook dropped back into the inbox is read as answers (``answers.py``) and only
the cells a reviewer changed count.

Every sheet prints on A4 landscape, fitted to the page width, header rows repeated and tall enough
for their wrapped labels (LibreOffice does not grow rows by itself).
"""
from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, Optional

from ..atomic import atomic_write
from .labels import FIELD_LABELS, REVIEW_FIELDS, SECTION_LABELS, UNKNOWN_SECTION
from .model import Model, RegRow, TimeItem, campaign_label
from .text import EXCEL_CELL_LIMIT, dmy, roman, shown, vi_order, zone_label

#: What XlsxWriter must never guess from a string: formulas (``=1+1``, ``=HYPERLINK``), URLs, numbers.
WRITER_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
MARKER_PROPERTY = "pipeline-workbook"
MARKER_SHEET = "_pipeline"
MARKER_VERSION = "tong-hop/1"
FALLBACK_TIMESTAMP = datetime(2000, 1, 1, 0, 0, 0)

REVIEW_SHEET = "Cần kiểm tra"
DEADLINE_SHEET = "Hạn chót"
SUPERSEDED_SHEET = "Đã thay thế"
ID_HEADER = "Mã"
CONFIRM_HEADER = "Xác nhận (đúng/sai)"
CORRECT_HEADER = "Sửa thành"
DONE_HEADER = "Đã hoàn thành"

SUMMARY_COLUMNS = [("TT", 5), ("Năm", 6), ("Đơn vị", 18), ("Tên mô hình", 34), ("Tập thể (cá nhân) chỉ đạo", 24),
                   ("Địa chỉ", 18), ("Lĩnh vực", 14), ("Thời gian thực hiện", 14), ("Nguồn", 20), (ID_HEADER, 13)]


def summary_sheet_name(year: Optional[int]) -> str:
    return f"Tổng hợp {year}" if year else "Tổng hợp (chưa rõ năm)"


def _year_suffix(year: Optional[int]) -> str:
    return f" {year}" if year else ""


class Sheet:
    """A worksheet where every text goes through write_string (no formula, URL or number guessing)."""

    def __init__(self, wb: Any, name: str, formats: dict[str, Any]):
        self.ws = wb.add_worksheet(name)
        self.f = formats
        self.texts: dict[int, list[tuple[int, str]]] = defaultdict(list)

    def text(self, row: int, col: int, value: Any, fmt: str = "cell") -> None:
        s = shown(value)
        if len(s) > EXCEL_CELL_LIMIT:
            s = s[: EXCEL_CELL_LIMIT - 1] + "…"
        if s:
            self.ws.write_string(row, col, s, self.f[fmt])
            self.texts[row].append((col, s))
        else:
            self.ws.write_blank(row, col, None, self.f[fmt])

    def number(self, row: int, col: int, value: Optional[float], fmt: str = "num") -> None:
        if value is None:
            self.ws.write_blank(row, col, None, self.f[fmt])
        else:
            self.ws.write_number(row, col, value, self.f[fmt])

    def day(self, row: int, col: int, value: Optional[date], fmt: str = "date") -> None:
        if value is None:
            self.ws.write_blank(row, col, None, self.f[fmt])
        else:
            self.ws.write_datetime(row, col, datetime(value.year, value.month, value.day), self.f[fmt])

    def merged(self, row: int, first: int, last: int, value: str, fmt: str = "cell") -> None:
        if last > first:
            self.ws.merge_range(row, first, row, last, shown(value), self.f[fmt])
        else:
            self.text(row, first, value, fmt)
        self.texts[row].append((-(last - first + 1), shown(value)))  # a merged span: width counted below

    def header(self, row: int, headers: list[tuple[str, int]]) -> None:
        for col, (label, _width) in enumerate(headers):
            self.ws.write_string(row, col, label, self.f["head"])
        lines = max(_lines(label, width, bold=True) for label, width in headers)
        self.ws.set_row(row, 15 * lines + 6)

    def setup(self, title: str, headers: list[tuple[str, int]], last_row: int, subtitle: str = "",
              header_row: int = 2, filters: bool = True) -> None:
        """Title, header, frozen header, autofilter, widths, row heights, print set-up (A4 landscape)."""
        ws, n = self.ws, len(headers)
        ws.merge_range(0, 0, 0, n - 1, title, self.f["title"])
        ws.set_row(0, 24)
        total = sum(w for _, w in headers)
        if subtitle:
            ws.merge_range(1, 0, 1, n - 1, shown(subtitle), self.f["subtitle"])
            ws.set_row(1, 15 * _lines(subtitle, total) + 4)
        for col, (_label, width) in enumerate(headers):
            ws.set_column(col, col, width)
        self.header(header_row, headers)
        self._row_heights([w for _, w in headers], header_row)
        ws.freeze_panes(header_row + 1, 0)
        if filters:
            ws.autofilter(header_row, 0, max(last_row, header_row), n - 1)
        ws.repeat_rows(header_row)
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
        ws.set_footer("&CTrang &P/&N")

    def _row_heights(self, widths: list[int], header_row: int) -> None:
        """Explicit heights for wrapped rows: not every viewer grows rows itself (LibreOffice's PDF export doesn't)."""
        total = sum(widths)
        for row, cells in self.texts.items():
            if row <= header_row:
                continue
            lines = 1
            for col, text in cells:
                width = total if col < 0 else (widths[col] if col < len(widths) else 0)
                if col < 0:  # merged across -col columns from the start: use the whole width
                    width = total
                if width:
                    lines = max(lines, _lines(text, width))
            if lines > 1:
                self.ws.set_row(row, min(409, 15 * lines + 3))


def _lines(text: str, width: float, bold: bool = False) -> int:
    per_line = max(4, int(width * (1.15 if bold else 1.3)))  # Times New Roman 11: ~1.3 characters per width unit
    total = 0
    for part in str(text).split("\n"):
        words, line, count = part.split(), 0, 1
        for w in words:  # greedy word wrap, as the viewers do
            need = len(w) if line == 0 else line + 1 + len(w)
            if need > per_line and line:
                count += 1
                line = len(w)
            else:
                line = need
            count += max(0, math.ceil(len(w) / per_line) - 1) if len(w) > per_line else 0
        total += count
    return max(1, total)


def _formats(wb: Any) -> dict[str, Any]:
    base = {"font_name": "Times New Roman", "font_size": 11, "valign": "top", "text_wrap": True, "border": 1}
    return {
        "cell": wb.add_format(base),
        "center": wb.add_format({**base, "align": "center"}),
        "num": wb.add_format({**base, "align": "center"}),
        "date": wb.add_format({**base, "align": "center", "num_format": "dd/mm/yyyy"}),
        "head": wb.add_format({**base, "bold": True, "align": "center", "valign": "vcenter", "bg_color": "#DDEBF7"}),
        "title": wb.add_format({"font_name": "Times New Roman", "font_size": 14, "bold": True, "align": "center",
                                "valign": "vcenter"}),
        "subtitle": wb.add_format({"font_name": "Times New Roman", "font_size": 11, "italic": True,
                                   "align": "center", "valign": "top", "text_wrap": True}),
        "group": wb.add_format({**base, "bold": True, "bg_color": "#F2F2F2"}),
        "section": wb.add_format({**base, "bold": True, "italic": True}),
        "bad": wb.add_format({**base, "font_color": "#9C0006", "bg_color": "#FFC7CE"}),
        "warn": wb.add_format({**base, "font_color": "#7F6000", "bg_color": "#FFEB9C"}),
        "good": wb.add_format({**base, "font_color": "#006100", "bg_color": "#C6EFCE"}),
        "muted": wb.add_format({**base, "font_color": "#595959"}),
        "changed": wb.add_format({**base, "bg_color": "#FFF2CC"}),
        "corrected": wb.add_format({**base, "bg_color": "#E2EFDA", "italic": True}),
        "answer": wb.add_format({**base, "bg_color": "#FFFFE0", "bold": True, "align": "center"}),
        "answer_text": wb.add_format({**base, "bg_color": "#FFFFE0"}),
        "total": wb.add_format({**base, "bold": True, "align": "center"}),
        "note": wb.add_format({"font_name": "Times New Roman", "font_size": 11, "text_wrap": True, "valign": "top",
                               "bg_color": "#FFF8E1"}),
    }


def workbook_id(model: Model) -> str:
    """Stable for an unchanged store: derived from what the workbook shows, not from the clock."""
    basis = [model.as_of.isoformat() if model.as_of else "", str(model.year)]
    basis += sorted(i.review_id + i.status for i in model.review.items)
    basis += sorted(i.item_id + str(i.done) for i in model.items)
    return hashlib.sha256("|".join(basis).encode("utf-8")).hexdigest()[:16]


def write_workbook(model: Model, path: Path) -> Path:
    """The consolidated workbook; same store and day → same bytes (fixed properties, nothing from the clock)."""
    import xlsxwriter

    def build(tmp: Path) -> None:
        wb = xlsxwriter.Workbook(str(tmp), WRITER_OPTIONS)
        created = model.as_of.replace(tzinfo=None) if model.as_of else FALLBACK_TIMESTAMP
        wb.set_properties({"title": f"Tổng hợp đăng ký mô hình{_year_suffix(model.year)}",
                           "subject": "Tổng hợp đăng ký mô hình", "author": "pipeline", "company": "",
                           "created": created,
                           "comments": "Tạo tự động từ kho dữ liệu. Trả lời ở trang «Cần kiểm tra» và cột «Đã hoàn "
                                       "thành» của trang «Hạn chót», rồi thả tệp lại vào thư mục inbox."})
        wb.set_custom_property(MARKER_PROPERTY, f"{MARKER_VERSION};{workbook_id(model)}")
        wb.set_calc_mode("manual")
        formats = _formats(wb)
        sheet = lambda name: Sheet(wb, name, formats)  # noqa: E731
        summary_sheet(sheet(summary_sheet_name(model.year)), model, model.year)
        submissions_sheet(sheet(f"Nộp biểu{_year_suffix(model.year)}"), model)
        statistics_sheet(sheet(f"Thống kê{_year_suffix(model.year)}"), model)
        shown_answers = review_sheet(sheet(REVIEW_SHEET), model)
        shown_done = deadlines_sheet(sheet(DEADLINE_SHEET), model)
        compliance_sheet(sheet(f"Chỉ tiêu{_year_suffix(model.year)}"), model)
        superseded_sheet(sheet(SUPERSEDED_SHEET), model)
        for year in model.campaigns:  # earlier campaigns that have registrations: one sheet each
            if year != model.year and model.rows.get(year):
                summary_sheet(sheet(summary_sheet_name(year)), model, year)
        marker_sheet(wb, model, shown_answers, shown_done)
        wb.close()

    return atomic_write(path, build)


# --------------------------------------------------------------------------- Tổng hợp


def _group_rows(rows: list[RegRow]) -> list[tuple[str, list[tuple[str, list[RegRow]]]]]:
    """Rows grouped by unit, then by section (new, continuing, unknown) — the reviewers' layout."""
    by_unit: dict[str, list[RegRow]] = {}
    names: dict[str, str] = {}
    for r in rows:
        by_unit.setdefault(r.unit_key, []).append(r)
        names.setdefault(r.unit_key, r.unit)
    out = []
    for key in sorted(by_unit, key=lambda k: vi_order(names[k])):
        sections = []
        for sec in ("new", "continuing", None):
            part = [r for r in by_unit[key] if (r.section if r.section in SECTION_LABELS else None) == sec]
            if part:
                sections.append((SECTION_LABELS.get(sec or "", UNKNOWN_SECTION), part))
        out.append((names[key], sections))
    return out


#: Column of each review field in the Tổng hợp layout (TT, Năm, then these).
_REG_COLUMNS = (("donvi", 2), ("ten", 3), ("chidao", 4), ("diachi", 5), ("linhvuc", 6), ("thoigian", 7))


def write_reg_rows(sh: Sheet, start: int, rows: list[RegRow],
                   extra: Optional[Callable[[RegRow], list[str]]] = None, n_extra: int = 0,
                   grouped: bool = True) -> int:
    row = start
    seq = 0
    ncols = len(SUMMARY_COLUMNS) + n_extra
    groups = _group_rows(rows) if grouped else [("", [("", rows)])]
    for u_index, (unit, sections) in enumerate(groups, start=1):
        if grouped:
            count = sum(len(p) for _, p in sections)
            sh.text(row, 0, roman(u_index), "group")
            sh.merged(row, 1, ncols - 1, f"{unit} ({count} mô hình)", "group")
            row += 1
        for label, part in sections:
            if grouped:
                sh.text(row, 0, "", "section")
                sh.merged(row, 1, ncols - 1, f"{label} ({len(part)})", "section")
                row += 1
            for r in part:
                seq += 1
                sh.number(row, 0, seq)
                sh.text(row, 1, str(r.campaign) if r.campaign else "", "center")
                for code, col in _REG_COLUMNS:
                    fmt, note = "cell", ""
                    if code in r.corrected:
                        fmt = "corrected"
                        note = f"Đã sửa theo ý kiến người kiểm tra; giá trị đọc được: «{r.corrected[code]}»"
                    elif code in r.changed:
                        fmt = "changed"
                        note = f"Khác biểu nộp trước; trước đây: «{r.changed[code]}»"
                    elif code == "ten" and r.added:
                        fmt, note = "changed", "Dòng mới thêm so với biểu nộp trước"
                    sh.text(row, col, r.value(code), fmt)
                    if note:
                        sh.ws.write_comment(row, col, note, {"x_scale": 2, "y_scale": 1.2})
                sh.text(row, 8, r.source, "muted")
                sh.text(row, 9, r.item_id, "muted")
                if extra:
                    for col, value in enumerate(extra(r), start=len(SUMMARY_COLUMNS)):
                        sh.text(row, col, value)
                row += 1
    return row


def summary_sheet(sh: Sheet, model: Model, year: Optional[int]) -> None:
    rows = model.rows.get(year, [])
    units = {r.unit_key for r in rows}
    forms = {r.doc.id for r in rows if r.doc}
    marks = []
    if any(r.changed or r.added for r in rows):
        marks.append("ô nền vàng: khác biểu nộp trước (xem ghi chú của ô)")
    if any(r.corrected for r in rows):
        marks.append("ô nền xanh: đã sửa theo ý kiến người kiểm tra")
    subtitle = (f"{len(rows)} mô hình của {len(units)} đơn vị, từ {len(forms)} biểu đăng ký — dữ liệu đến "
                f"{model.as_of_label}" + (f". {'; '.join(marks).capitalize()}." if marks else ""))
    end = write_reg_rows(sh, 3, rows)
    title = f"BẢN TỔNG HỢP ĐĂNG KÝ MÔ HÌNH {campaign_label(year).upper()}"
    if not rows:
        sh.merged(3, 0, len(SUMMARY_COLUMNS) - 1, f"Chưa có biểu đăng ký nào của {campaign_label(year)}.")
    sh.setup(title, SUMMARY_COLUMNS, max(end - 1, 3), subtitle)


# --------------------------------------------------------------------------- Nộp biểu


def submissions_sheet(sh: Sheet, model: Model) -> None:
    sub = model.submissions
    headers = [("TT", 5), ("Đơn vị", 30), ("Loại đơn vị", 12), ("Tình trạng", 12), ("Ngày trên biểu", 12),
               ("Ngày nhận", 17), ("Số mô hình", 9), ("Tệp", 26), ("Ghi chú", 38)]
    fmt = {"submitted": "good", "late": "warn", "missing": "bad"}
    row = 3
    for n, s in enumerate(sub.rows, start=1):
        sh.number(row, 0, n)
        sh.text(row, 1, s.unit.name)
        sh.text(row, 2, s.unit.kind)
        sh.text(row, 3, s.label, fmt[s.status])
        sh.day(row, 4, s.form.issued_on if s.form else None)
        sh.text(row, 5, f"{s.arrived:%d/%m/%Y %H:%M}" if s.arrived else "", "center")
        sh.number(row, 6, s.count if s.form else None)
        sh.text(row, 7, s.form.file_name if s.form else "")
        sh.text(row, 8, s.note)
        row += 1
    if not sub.rows:
        sh.merged(3, 0, len(headers) - 1, "Chưa biết đơn vị nào (khai báo danh sách đơn vị bằng --units units.csv).")
    subtitle = (f"Hạn đăng ký: {sub.deadline_label}. Đã nộp {sub.count('submitted')}, nộp muộn {sub.count('late')}, "
                f"chưa nộp {sub.count('missing')}. Ngày nộp là ngày ghi trên biểu (không ghi thì ngày nhận tệp); "
                f"ngày nhận theo {zone_label()}.")
    sh.setup(f"TÌNH HÌNH NỘP BIỂU ĐĂNG KÝ {campaign_label(model.year).upper()}", headers, max(row - 1, 3), subtitle)


# --------------------------------------------------------------------------- Thống kê


def statistics_sheet(sh: Sheet, model: Model) -> None:
    """Counts per unit × field, then per unit × section; totals computed here (no formulas)."""
    current = model.current
    fields = [c for c in FIELD_LABELS if any(r.field == c for r in current)]
    extra_fields = sorted({r.field_label for r in current if r.field not in FIELD_LABELS})
    columns = [FIELD_LABELS[c] for c in fields] + extra_fields
    headers = [("TT", 6), ("Đơn vị", 30)] + [(c, 13) for c in columns] + [("Tổng", 9)]
    groups = _group_rows(current)
    row = 3
    totals: dict[str, int] = defaultdict(int)
    for i, (unit, sections) in enumerate(groups, start=1):
        regs = [r for _, part in sections for r in part]
        sh.number(row, 0, i)
        sh.text(row, 1, unit)
        for col, label in enumerate(columns, start=2):
            n = sum(1 for r in regs if r.field_label == label)
            totals[label] += n
            sh.number(row, col, n)
        sh.number(row, len(columns) + 2, len(regs), "total")
        row += 1
    last = row - 1
    sh.text(row, 0, "", "total")
    sh.text(row, 1, "Tổng cộng", "total")
    for col, label in enumerate(columns, start=2):
        sh.number(row, col, totals[label], "total")
    sh.number(row, len(columns) + 2, len(current), "total")
    row += 3
    sections = [SECTION_LABELS["new"], SECTION_LABELS["continuing"]]
    if any(r.section not in SECTION_LABELS for r in current):
        sections.append(UNKNOWN_SECTION)
    width = len(sections) + 2
    sh.ws.merge_range(row, 0, row, max(width, len(headers) - 1), "THỐNG KÊ THEO ĐƠN VỊ VÀ LOẠI MÔ HÌNH",
                      sh.f["title"])
    sh.ws.set_row(row, 24)
    row += 1
    second = [("TT", 6), ("Đơn vị", 30)] + [(s, 13) for s in sections] + [("Tổng", 9)]
    sh.header(row, second)
    row += 1
    sec_totals: dict[str, int] = defaultdict(int)
    for i, (unit, parts) in enumerate(groups, start=1):
        counts = dict((label, len(part)) for label, part in parts)
        sh.number(row, 0, i)
        sh.text(row, 1, unit)
        for col, label in enumerate(sections, start=2):
            sh.number(row, col, counts.get(label, 0))
            sec_totals[label] += counts.get(label, 0)
        sh.number(row, len(sections) + 2, sum(counts.values()), "total")
        row += 1
    sh.text(row, 0, "", "total")
    sh.text(row, 1, "Tổng cộng", "total")
    for col, label in enumerate(sections, start=2):
        sh.number(row, col, sec_totals[label], "total")
    sh.number(row, len(sections) + 2, len(current), "total")
    sh.setup(f"THỐNG KÊ MÔ HÌNH THEO ĐƠN VỊ VÀ LĨNH VỰC {campaign_label(model.year).upper()}", headers, last,
             f"dữ liệu đến {model.as_of_label}")


# --------------------------------------------------------------------------- Cần kiểm tra

REVIEW_COLUMNS = [("TT", 5), (ID_HEADER, 15), ("Loại", 11), ("Trường", 12), ("Giá trị đọc được", 28),
                  ("Lý do cần kiểm tra", 40), ("Nguồn (tệp, trang, hàng)", 22), (CONFIRM_HEADER, 11),
                  (CORRECT_HEADER, 20), ("Tình trạng", 13)]


def review_sheet(sh: Sheet, model: Model) -> dict[str, tuple[str, str]]:
    """The review queue. Returns, per review id, what the answer cells show (kept in the marker sheet)."""
    q = model.review
    shown_answers: dict[str, tuple[str, str]] = {}
    row = 4
    n = 0
    answer_col = len(REVIEW_COLUMNS) - 3
    for title, items in ((f"Chưa trả lời ({len(q.open)})", q.open), (f"Đã trả lời ({len(q.answered)})", q.answered)):
        if not items:
            continue
        sh.merged(row, 0, len(REVIEW_COLUMNS) - 1, title, "group")
        row += 1
        for it in items:
            n += 1
            sh.number(row, 0, n)
            sh.text(row, 1, it.review_id, "muted")
            sh.text(row, 2, it.kind_label)
            sh.text(row, 3, it.field_label)
            sh.text(row, 4, it.value)
            sh.text(row, 5, it.reason, "bad" if it.status == "open" else "cell")
            sh.text(row, 6, it.source + (f" ({it.doc.short})" if it.doc and it.item_kind != "file" else ""),
                    "muted")
            sh.text(row, answer_col, it.answer, "answer")
            sh.text(row, answer_col + 1, it.correction, "answer_text")
            sh.text(row, answer_col + 2, it.status_label,
                    {"open": "bad", "confirmed": "good", "corrected": "good", "rejected": "warn"}[it.status])
            shown_answers[it.review_id] = (it.answer, it.correction)
            row += 1
    if q.orphans:
        sh.merged(row, 0, len(REVIEW_COLUMNS) - 1,
                  f"Trả lời không còn khớp mục nào ({len(q.orphans)}) — tệp đã được thay hoặc đọc lại khác đi; "
                  "trả lời vẫn được giữ", "group")
        row += 1
        for o in q.orphans:
            n += 1
            sh.number(row, 0, n)
            sh.text(row, 1, o.review_id, "muted")
            sh.text(row, 2, "Đánh dấu hoàn thành" if o.kind == "done" else "Trả lời kiểm tra")
            sh.text(row, 3, "")
            sh.text(row, 4, o.shown)
            sh.text(row, 5, f"Đã trả lời «{o.answer}»" + (f" lúc {o.answered_at:%d/%m/%Y %H:%M}" if o.answered_at
                                                           else "") + (f" ({o.source})" if o.source else ""))
            sh.text(row, 6, "")
            sh.text(row, answer_col, "")
            sh.text(row, answer_col + 1, "")
            sh.text(row, answer_col + 2, "Không còn mục tương ứng", "muted")
            row += 1
    if n == 0:
        sh.merged(4, 0, len(REVIEW_COLUMNS) - 1, "Không có mục nào cần kiểm tra.")
        row = 5
    sh.ws.data_validation(4, answer_col, max(row - 1, 4), answer_col, {
        "validate": "list", "source": ["đúng", "sai"], "ignore_blank": True, "show_error": False,
        "input_title": "Xác nhận", "input_message": "đúng: giá trị đọc được là đúng; sai: giá trị sai (ghi giá trị "
                                                     "đúng vào cột Sửa thành nếu biết)"})
    instructions = ("Cách trả lời: ghi «đúng» hoặc «sai» vào cột «Xác nhận»; nếu biết giá trị đúng, ghi vào cột «Sửa "
                    "thành» (ngày dạng dd/mm/yyyy). Lưu tệp rồi thả lại vào thư mục inbox, hoặc chạy: pipeline review "
                    "apply <tệp>. Câu trả lời được giữ cho mọi lần lập báo cáo sau.")
    total = sum(w for _, w in REVIEW_COLUMNS)
    sh.ws.merge_range(2, 0, 2, len(REVIEW_COLUMNS) - 1, instructions, sh.f["note"])
    sh.ws.set_row(2, 15 * _lines(instructions, total) + 4)
    sh.setup("CÁC MỤC CẦN KIỂM TRA", REVIEW_COLUMNS, max(row - 1, 4),
             f"{len(q.open)} mục chưa trả lời, {len(q.answered)} mục đã trả lời — dữ liệu đến {model.as_of_label}",
             header_row=3)
    return shown_answers


# --------------------------------------------------------------------------- Hạn chót

DEADLINE_COLUMNS = [("TT", 5), (ID_HEADER, 14), ("Loại", 9), ("Từ ngày / Hạn", 11), ("Đến ngày", 11),
                    ("Thời hạn", 13), ("Nội dung", 28), ("Đơn vị thực hiện", 16), ("Gửi về", 14), ("Văn bản", 22),
                    ("Trích văn bản", 34), ("Nguồn", 16), ("Tình trạng", 13), (DONE_HEADER, 11)]


def item_status(it: TimeItem, today: date) -> tuple[str, str]:
    """(code, label) relative to ``today``: done | overdue | soon | upcoming | ongoing | ended | undated."""
    if it.kind == "deadline":
        if it.done:
            return "done", "Đã hoàn thành" + (f" ({it.done_at:%d/%m/%Y})" if it.done_at else "")
        if it.start is None:
            return "undated", "Không có ngày cụ thể"
        days = (it.start - today).days
        if days < 0:
            return "overdue", f"Quá hạn {-days} ngày"
        if days == 0:
            return "soon", "Hạn hôm nay"
        return ("soon" if days <= 7 else "upcoming"), f"Còn {days} ngày"
    start, end = it.start or today, it.end or it.start or today
    if end < today:
        return "ended", "Đã kết thúc"
    if start <= today:
        return "ongoing", "Đang diễn ra"
    return "upcoming", f"Còn {(start - today).days} ngày"


def deadlines_sheet(sh: Sheet, model: Model) -> dict[str, str]:
    """Deadlines and milestones; returns what each *Đã hoàn thành* cell shows, per item id."""
    shown_done: dict[str, str] = {}
    row = 3
    fmt = {"done": "good", "overdue": "bad", "soon": "warn", "upcoming": "cell", "ongoing": "warn", "ended": "muted",
           "undated": "muted"}
    for i, it in enumerate(model.items, start=1):
        code, label = item_status(it, model.today)
        sh.number(row, 0, i)
        sh.text(row, 1, it.item_id, "muted")
        sh.text(row, 2, it.kind_label)
        date_fmt = "date"
        sh.day(row, 3, it.start, date_fmt)
        sh.day(row, 4, it.end if it.kind == "milestone" else None)
        sh.text(row, 5, it.date_label, "corrected" if ("han" in it.corrected or "thoigian" in it.corrected) else "cell")
        sh.text(row, 6, it.summary, "corrected" if "noidung" in it.corrected else "cell")
        sh.text(row, 7, it.responsible)
        sh.text(row, 8, it.recipient)
        sh.text(row, 9, it.doc.label if it.doc else "")
        sh.text(row, 10, it.text if it.text != it.summary else "")
        sh.text(row, 11, it.source, "muted")
        sh.text(row, 12, label, fmt[code])
        if it.kind == "deadline":
            mark = "x" if it.done else ""
            sh.text(row, 13, mark, "answer")
            shown_done[it.item_id] = mark
        else:
            sh.text(row, 13, "", "muted")
        row += 1
    if model.items:
        sh.ws.data_validation(3, 13, row - 1, 13, {
            "validate": "list", "source": ["x"], "ignore_blank": True, "show_error": False,
            "input_title": DONE_HEADER, "input_message": "Ghi x khi hạn chót đã hoàn thành; xóa để bỏ đánh dấu."})
    done = sum(1 for it in model.items if it.done)
    sh.setup("HẠN CHÓT VÀ MỐC THỜI GIAN", DEADLINE_COLUMNS, row - 1,
             f"{len(model.dated_deadlines)} hạn chót có ngày ({done} đã hoàn thành), {len(model.undated_deadlines)} hạn "
             f"không có ngày cụ thể, {len(model.milestones)} mốc thời gian — tình trạng tính đến ngày "
             f"{dmy(model.today)}. Ghi «x» vào cột «{DONE_HEADER}» khi đã xong.")
    return shown_done


# --------------------------------------------------------------------------- Chỉ tiêu


def compliance_sheet(sh: Sheet, model: Model) -> None:
    comp = model.compliance
    headers = [("TT", 5), ("Văn bản", 24), ("Đối tượng", 20), ("Yêu cầu", 12), ("Nội dung chỉ tiêu", 24),
               ("Đơn vị", 24), ("Loại đơn vị", 11), ("Số mô hình", 9), ("Tình trạng", 18), ("Ghi chú", 40)]
    row = 3
    n = 0
    for check in comp.checks:
        for us in check.units or [None]:
            n += 1
            sh.number(row, 0, n)
            sh.text(row, 1, check.doc.full if check.doc else "")
            sh.text(row, 2, check.subject)
            sh.text(row, 3, check.requirement)
            sh.text(row, 4, check.item or check.text)
            if us is None:
                sh.text(row, 5, "")
                sh.text(row, 6, "")
                sh.number(row, 7, None)
                sh.text(row, 8, check.summary, "bad")
            else:
                sh.text(row, 5, us.unit.name)
                sh.text(row, 6, us.unit.kind)
                sh.number(row, 7, us.count)
                sh.text(row, 8, us.label, "good" if us.status == "ok" else "bad")
            sh.text(row, 9, check.note + (f" {check.share_label}" if check.share_label else ""))
            row += 1
    if n == 0:
        sh.merged(3, 0, len(headers) - 1, f"Chưa có chỉ tiêu nào trong các văn bản {campaign_label(model.year)}.")
    sh.setup(f"ĐỐI CHIẾU CHỈ TIÊU ĐĂNG KÝ {campaign_label(model.year).upper()}", headers, max(row - 1, 3),
             f"{len(comp.checks)} chỉ tiêu {campaign_label(model.year)}, đối chiếu với các biểu đăng ký cùng năm; "
             f"{len(comp.units)} đơn vị đã biết. Chỉ tiêu các năm khác: pipeline report --year NĂM.")


# --------------------------------------------------------------------------- Đã thay thế


def superseded_sheet(sh: Sheet, model: Model) -> None:
    headers = SUMMARY_COLUMNS + [("Được thay thế bởi", 24), ("Thay đổi ở biểu mới", 30)]
    rows = [r for r in model.superseded if not (r.doc and r.doc.superseded_reason == "duplicate")]
    end = write_reg_rows(sh, 3, rows, extra=lambda r: [r.replaced_by, r.change_note], n_extra=2)
    if model.duplicates:
        end += 1 if rows else 0  # a blank row between the replaced rows and the copies
        sh.merged(end, 0, len(headers) - 1,
                  f"Bản trùng ({len(model.duplicates)}): cùng các dòng đăng ký như một biểu đã nhận (thường là cùng "
                  "biểu ở định dạng khác) — ghi nhận, không tính là thay thế", "group")
        end += 1
        for n, d in enumerate(model.duplicates, start=1):
            kept = model.docs.get(d.superseded_by)
            sh.number(end, 0, n)
            sh.text(end, 1, str(d.campaign) if d.campaign else "", "center")
            sh.text(end, 2, d.unit)
            sh.merged(end, 3, 8, f"{d.file_name}: trùng với {kept.file_name if kept else '?'}")
            sh.text(end, 9, d.item_id, "muted")
            sh.text(end, 10, kept.label if kept else "")
            sh.text(end, 11, "bản trùng")
            end += 1
    sh.setup("CÁC DÒNG ĐĂNG KÝ ĐÃ ĐƯỢC THAY THẾ (BẢN CŨ) VÀ BẢN TRÙNG", headers, max(end - 1, 3),
             f"{len(rows)} dòng của biểu đã được thay bằng biểu nộp lại (không tính vào bản tổng hợp); "
             f"{len(model.duplicates)} bản trùng")


# --------------------------------------------------------------------------- marker


def marker_sheet(wb: Any, model: Model, shown_answers: dict[str, tuple[str, str]], shown_done: dict[str, str]) -> None:
    """The very hidden sheet that makes the workbook recognisable and records what every answer cell showed."""
    ws = wb.add_worksheet(MARKER_SHEET)
    ws.write_string(0, 0, MARKER_PROPERTY)
    ws.write_string(0, 1, MARKER_VERSION)
    ws.write_string(0, 2, workbook_id(model))
    ws.write_string(0, 3, model.as_of.isoformat() if model.as_of else "")
    ws.write_string(1, 0, "review_id")
    ws.write_string(1, 1, "kind")
    ws.write_string(1, 2, "answer")
    ws.write_string(1, 3, "correction")
    row = 2
    for review_id, (answer, correction) in sorted(shown_answers.items()):
        for col, value in enumerate((review_id, "review", answer, correction)):
            if value:
                ws.write_string(row, col, value)
        row += 1
    for item, mark in sorted(shown_done.items()):
        for col, value in enumerate((item, "done", mark)):
            if value:
                ws.write_string(row, col, value)
        row += 1
    ws.very_hidden()


__all__ = ["write_workbook", "WRITER_OPTIONS", "MARKER_PROPERTY", "MARKER_SHEET", "REVIEW_SHEET", "DEADLINE_SHEET",
           "summary_sheet_name", "item_status", "REVIEW_FIELDS"]
