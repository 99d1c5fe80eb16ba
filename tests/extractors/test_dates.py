"""The Vietnamese time-expression grammar (pipeline.extractors.dates): spec shapes, non-dates, properties.

Run: ``.venv/bin/pytest -q tests/extractors/test_dates.py``. Examples come from the rows of
``shared/spec/vietnamese-time-expressions.md``; the hypothesis tests format random dates in every
listed shape, bury them in a sentence and check the value and the exact span come back.
"""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from pipeline.extractors.dates import TimeExpr, find_time_expressions, parse_time_expression

D = dt.date


def one(text: str, default_year: int | None = 2024) -> TimeExpr:
    found = find_time_expressions(text, default_year=default_year)
    assert len(found) == 1, f"{text!r}: {found}"
    return found[0]


# --------------------------------------------------------------------------- spec table, row by row

@pytest.mark.parametrize("text, first, last, precision", [
    ("16/02/2024", D(2024, 2, 16), D(2024, 2, 16), "day"),
    ("5/2/2024", D(2024, 2, 5), D(2024, 2, 5), "day"),
    ("01-8-2024", D(2024, 8, 1), D(2024, 8, 1), "day"),
    ("10.8.2024", D(2024, 8, 10), D(2024, 8, 10), "day"),
    ("25/7/23", D(2023, 7, 25), D(2023, 7, 25), "day"),
    ("ngày 20 tháng 3 năm 2024", D(2024, 3, 20), D(2024, 3, 20), "day"),
    ("ngày 05 tháng 02 năm 2024", D(2024, 2, 5), D(2024, 2, 5), "day"),
    ("tháng 02/2024", D(2024, 2, 1), D(2024, 2, 29), "month"),
    ("tháng 6 năm 2024", D(2024, 6, 1), D(2024, 6, 30), "month"),
    ("Tháng 01/2024", D(2024, 1, 1), D(2024, 1, 31), "month"),
    ("quý I/2024", D(2024, 1, 1), D(2024, 3, 31), "quarter"),
    ("Quý II năm 2024", D(2024, 4, 1), D(2024, 6, 30), "quarter"),
    ("quý 3/2024", D(2024, 7, 1), D(2024, 9, 30), "quarter"),
    ("6 tháng đầu năm 2024", D(2024, 1, 1), D(2024, 6, 30), "half"),
    ("năm 2024", D(2024, 1, 1), D(2024, 12, 31), "year"),
    ("cuối năm 2024", D(2024, 1, 1), D(2024, 12, 31), "year"),
    ("quí II/2024", D(2024, 4, 1), D(2024, 6, 30), "quarter"),  # old spelling
    ("QUÝ III/2024", D(2024, 7, 1), D(2024, 9, 30), "quarter"),
    ("THÁNG 10 NĂM 2024", D(2024, 10, 1), D(2024, 10, 31), "month"),
])
def test_calendar_shapes(text, first, last, precision):
    e = one(f"Các đơn vị thực hiện {text} theo kế hoạch.")
    assert (e.first, e.last, e.precision, e.year_inferred) == (first, last, precision, False)
    assert e.text == text


@pytest.mark.parametrize("text, expected", [
    ("trước ngày 15/3", D(2024, 3, 15)),
    ("ngày 30 tháng 4", D(2024, 4, 30)),
])
def test_day_and_month_only_take_the_document_year(text, expected):
    e = one(text, default_year=2024)
    assert e.first == e.last == expected and e.year_inferred and e.precision == "day"
    assert one(text, default_year=2031).first == expected.replace(year=2031)


@pytest.mark.parametrize("text", ["ngày …… tháng 02 năm 2024", "ngày    tháng 02 năm 2024", "ngày ..... tháng 02 năm 2024"])
def test_blank_day_in_a_form_is_a_month_never_an_invented_day(text):
    e = one(f"Vinh Tân, {text}")
    assert e.precision == "month" and (e.first, e.last) == (D(2024, 2, 1), D(2024, 2, 29))


@pytest.mark.parametrize("text, span, time", [
    ("Hội nghị vào thứ Sáu, ngày 15/3/2024 tại hội trường", "thứ Sáu, ngày 15/3/2024", None),
    ("Tổ chức vào Chủ nhật (ngày 17/3) tại khu phố", "Chủ nhật (ngày 17/3)", None),
    ("Khai mạc lúc 8 giờ 00 ngày 15/3/2024.", "lúc 8 giờ 00 ngày 15/3/2024", "8 giờ 00"),
    ("Họp 8h30, ngày 15/3 tại UBND", "8h30, ngày 15/3", "8h30"),
    ("Họp ngày 15/3/2024, lúc 14 giờ 00 tại UBND", "ngày 15/3/2024, lúc 14 giờ 00", "14 giờ 00"),
])
def test_weekday_and_time_join_the_span(text, span, time):
    e = one(text)
    assert e.text == span and text[e.start:e.end] == span
    assert e.first == D(2024, 3, 15 if "15" in span else 17) and e.time_of_day == time


@pytest.mark.parametrize("text, position", [
    ("đầu tháng 6/2024", "early"), ("giữa tháng 06/2024", "mid"), ("cuối tháng 9/2024", "late")])
def test_position_in_a_month(text, position):
    e = one(f"thẩm định vào {text}.")
    assert e.precision == "month" and e.position == position and e.text == text
    assert e.first.day == 1 and e.last.month == e.first.month and (e.last + dt.timedelta(days=1)).day == 1


@pytest.mark.parametrize("text, first, last", [
    ("3 tháng cuối năm 2026", D(2026, 10, 1), D(2026, 12, 31)),
    ("ba tháng đầu năm 2026", D(2026, 1, 1), D(2026, 3, 31)),
    ("06 tháng cuối năm 2026", D(2026, 7, 1), D(2026, 12, 31)),
    ("9 tháng đầu năm 2026", D(2026, 1, 1), D(2026, 9, 30)),
    ("10 tháng đầu năm 2026", D(2026, 1, 1), D(2026, 10, 31)),
    ("2 tháng cuối năm 2026", D(2026, 11, 1), D(2026, 12, 31)),
])
def test_the_first_or_last_months_of_a_year_span_those_months(text, first, last):
    e = one(f"Đánh giá kết quả {text} của các đơn vị.")
    assert (e.first, e.last, e.text, e.year_inferred) == (first, last, text, False)


def test_quarter_and_half_without_a_year_are_inferred():
    q = one("hoàn thành trong quý IV", default_year=2025)
    assert (q.first, q.last, q.year_inferred, q.text) == (D(2025, 10, 1), D(2025, 12, 31), True, "quý IV")
    h = one("bổ sung 6 tháng cuối năm (nếu có)", default_year=2025)
    assert (h.first, h.last, h.precision, h.year_inferred) == (D(2025, 7, 1), D(2025, 12, 31), "half", True)
    s = one("Hội nghị sơ kết 6 tháng", default_year=2025)
    assert (s.first, s.last, s.precision) == (D(2025, 1, 1), D(2025, 6, 30), "half")


@pytest.mark.parametrize("text, first, last, precision", [
    ("từ ngày 01/3 đến ngày 31/5/2024", D(2024, 3, 1), D(2024, 5, 31), "day"),
    ("Từ tháng 06 - 07/2024", D(2024, 6, 1), D(2024, 7, 31), "month"),
    ("Tháng 3 - 12/2024", D(2024, 3, 1), D(2024, 12, 31), "month"),
    ("giai đoạn 2021 - 2025", D(2021, 1, 1), D(2025, 12, 31), "year"),
    ("02/2024 - 12/2024", D(2024, 2, 1), D(2024, 12, 31), "month"),
    ("Tháng 01 - 12/2024", D(2024, 1, 1), D(2024, 12, 31), "month"),
    ("Từ 01/3/2024 đến 31/12/2024", D(2024, 3, 1), D(2024, 12, 31), "day"),
    ("Quý II - III/2024", D(2024, 4, 1), D(2024, 9, 30), "quarter"),
    ("từ ngày 10 đến ngày 15/3/2024", D(2024, 3, 10), D(2024, 3, 15), "day"),
    ("từ 01/11 đến 31/3/2025", D(2024, 11, 1), D(2025, 3, 31), "day"),
])
def test_ranges(text, first, last, precision):
    e = one(f"Các đơn vị thực hiện {text}, báo cáo kết quả.")
    assert e.is_range and (e.first, e.last, e.precision) == (first, last, precision)
    assert e.text == text


def test_recurring_yearly_date():
    e = one("Định kỳ hàng năm, trước ngày 10/12 gửi báo cáo", default_year=2024)
    assert e.first == D(2024, 12, 10) and e.recurring == "yearly" and e.year_inferred


def test_monthly_and_weekly_limits_have_no_calendar_date():
    m = one("Báo cáo nhanh vào ngày 05 hằng tháng")
    assert m.recurring == "monthly" and m.first is None
    w = one("giao ban vào ngày thứ 5 hằng tuần")
    assert w.recurring == "weekly" and w.first is None


def test_year_written_next_to_a_date_is_not_recurring():
    e = one("Trước ngày 10/02/2024 tổng hợp, làm tiêu chí khen thưởng hàng năm")
    assert e.recurring is None and not e.year_inferred


# --------------------------------------------------------------------------- not dates

@pytest.mark.parametrize("text", [
    "94 năm thành lập Đảng Cộng sản Việt Nam",
    "trả lời trong 07 ngày làm việc",
    "kiểm tra sau 03 tháng đăng ký",
    "Kế hoạch số 344/KH-UBND của UBND phường",
    "Kế hoạch số 03-KH/BDVTU của Ban Dân vận",
    "theo Nghị định 30/2020/NĐ-CP của Chính phủ",
    "theo Quyết định 41/2019/QĐ-UBND của tỉnh",
    "đạt 50% số hộ, 5/3% còn lại",
    "Điện thoại: 0236.3821.123 hoặc 091-234-5678",
    "Ngõ 12/27 đường Lê Lợi",
    "số nhà 12/5 Trần Phú",
    "ngày 31/2/2024",
    "ngày 30/02/2024",
    "tháng 13/2024",
    "Định kỳ 3 tháng, 6 tháng cấp ủy tự kiểm tra",
    "Định kỳ hàng tháng, 06 tháng, 01 năm các đơn vị báo cáo",
    "chậm nhất sau 03 tháng đăng ký thực hiện",
    "theo mục 2.1 của Hướng dẫn và Phụ lục 01,03",
    "Ký số 2024-03-19T09:28:22+0700",
    "quý cơ quan, quý vị đại biểu",
    "chiếm 1/3 số thành viên",
    "chiếm trong 2/3 số xã",
    "sau 1/2 nhiệm kỳ",
    "tỷ lệ là 2/3 số hộ",
])
def test_not_dates(text):
    assert find_time_expressions(text, default_year=2024) == []


def test_invalid_day_in_february_depends_on_the_year():
    assert one("ngày 29/02/2024").first == D(2024, 2, 29)
    assert find_time_expressions("ngày 29/02/2023") == []


# --------------------------------------------------------------------------- cells

@pytest.mark.parametrize("cell, first, last", [
    ("Năm 2024", D(2024, 1, 1), D(2024, 12, 31)),
    ("Tháng 3 - 12/2024", D(2024, 3, 1), D(2024, 12, 31)),
    ("02/2024 - 12/2024", D(2024, 2, 1), D(2024, 12, 31)),
    ("02 - 6/2024", D(2024, 2, 1), D(2024, 6, 30)),
    ("Quý II - III/2024", D(2024, 4, 1), D(2024, 9, 30)),
    ("Quý I/2024 - Quý IV/2024", D(2024, 1, 1), D(2024, 12, 31)),
    ("2024", D(2024, 1, 1), D(2024, 12, 31)),
    ("Từ 01/3/2024 đến 31/12/2024", D(2024, 3, 1), D(2024, 12, 31)),
    ("Tháng 3/2024, tháng 5/2024", D(2024, 3, 1), D(2024, 5, 31)),
    ("T3-T12/2024", D(2024, 3, 1), D(2024, 12, 31)),
    ("Năm 2024 - 2025", D(2024, 1, 1), D(2025, 12, 31)),
    ("tháng 3 đến tháng 12 năm 2024", D(2024, 3, 1), D(2024, 12, 31)),
])
def test_parse_a_whole_cell(cell, first, last):
    e = parse_time_expression(cell)
    assert e is not None and (e.first, e.last) == (first, last)


@pytest.mark.parametrize("cell", ["", "   ", "Thường xuyên", "Cả nhiệm kỳ", "x"])
def test_cells_without_dates(cell):
    assert parse_time_expression(cell) is None


# --------------------------------------------------------------------------- properties

FILLERS = ["Các đơn vị tổ chức thực hiện", "báo cáo kết quả về Văn phòng", "Đảng ủy phường đề nghị",
           "gửi hồ sơ", "Ban Chỉ đạo tiến hành kiểm tra", "", "theo kế hoạch của UBND xã"]
WEEKDAYS = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}

dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2045, 12, 31))


def pad(n: int, zero: bool) -> str:
    return f"{n:02d}" if zero else str(n)


@st.composite
def day_shapes(draw) -> tuple[str, D]:
    d = draw(dates)
    z1, z2 = draw(st.booleans()), draw(st.booleans())
    day, month = pad(d.day, z1), pad(d.month, z2)
    shape = draw(st.sampled_from(["slash", "dash", "dot", "short", "spelled", "ngay", "weekday", "time"]))
    if shape == "slash":
        text = f"{day}/{month}/{d.year}"
    elif shape == "dash":
        text = f"{day}-{month}-{d.year}"
    elif shape == "dot":
        text = f"{day}.{month}.{d.year}"
    elif shape == "short":
        text = f"{day}/{month}/{d.year % 100:02d}"
    elif shape == "spelled":
        text = f"ngày {day} tháng {month} năm {d.year}"
    elif shape == "ngay":
        text = f"ngày {day}/{month}/{d.year}"
    elif shape == "weekday":
        text = f"{draw(st.sampled_from(WEEKDAYS))}, ngày {day}/{month}/{d.year}"
    else:
        text = f"lúc {draw(st.integers(0, 23))} giờ {draw(st.sampled_from(['00', '30']))} ngày {day}/{month}/{d.year}"
    return text, d


def bury(draw, text: str) -> tuple[str, int]:
    before = draw(st.sampled_from(FILLERS))
    after = draw(st.sampled_from(FILLERS))
    opener = draw(st.sampled_from([" ", " (", " **"]))
    closer = {" ": " ", " (": ") ", " **": "** "}[opener]
    prefix = (before + opener) if before else opener.lstrip()
    sentence = prefix + text + closer + after + draw(st.sampled_from([".", ";", ""]))
    return sentence, len(prefix)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_every_day_shape_parses_back_with_its_exact_span(data):
    text, d = data.draw(day_shapes())
    sentence, at = bury(data.draw, text)
    found = find_time_expressions(sentence, default_year=1999)
    assert len(found) == 1, (sentence, found)
    e = found[0]
    assert (e.start, e.end, e.text) == (at, at + len(text), text), sentence
    assert e.first == e.last == d and e.precision == "day" and not e.year_inferred


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_day_and_month_without_year_take_the_default_year(data):
    d = data.draw(st.dates(min_value=D(2001, 1, 1), max_value=D(2045, 12, 31)).filter(lambda x: (x.month, x.day) != (2, 29)))
    text = data.draw(st.sampled_from([f"ngày {d.day}/{d.month}", f"ngày {d.day:02d}/{d.month:02d}",
                                      f"ngày {d.day} tháng {d.month}"]))
    sentence, at = bury(data.draw, "trước " + text)
    e = find_time_expressions(sentence, default_year=d.year)
    assert len(e) == 1 and e[0].first == d and e[0].year_inferred and e[0].text == text


@st.composite
def month_shapes(draw) -> tuple[str, D, D, str]:
    y = draw(st.integers(2000, 2045))
    m = draw(st.integers(1, 12))
    z = draw(st.booleans())
    first = D(y, m, 1)
    last = (D(y + 1, 1, 1) if m == 12 else D(y, m + 1, 1)) - dt.timedelta(days=1)
    kind = draw(st.sampled_from(["month_slash", "month_nam", "pos", "quarter", "quarter_nam", "half", "year"]))
    if kind == "month_slash":
        return f"{draw(st.sampled_from(['tháng', 'Tháng']))} {pad(m, z)}/{y}", first, last, "month"
    if kind == "month_nam":
        return f"tháng {pad(m, z)} năm {y}", first, last, "month"
    if kind == "pos":
        return f"{draw(st.sampled_from(['đầu', 'giữa', 'cuối']))} tháng {pad(m, z)}/{y}", first, last, "month"
    q = draw(st.integers(1, 4))
    qf, ql = D(y, 3 * q - 2, 1), (D(y + 1, 1, 1) if q == 4 else D(y, 3 * q + 1, 1)) - dt.timedelta(days=1)
    label = draw(st.sampled_from([ROMAN[q], str(q)]))
    if kind == "quarter":
        return f"quý {label}/{y}", qf, ql, "quarter"
    if kind == "quarter_nam":
        return f"Quý {label} năm {y}", qf, ql, "quarter"
    if kind == "half":
        h = draw(st.sampled_from(["đầu", "cuối"]))
        return (f"6 tháng {h} năm {y}", D(y, 1, 1) if h == "đầu" else D(y, 7, 1),
                D(y, 6, 30) if h == "đầu" else D(y, 12, 31), "half")
    return f"năm {y}", D(y, 1, 1), D(y, 12, 31), "year"


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_months_quarters_halves_years_parse_back(data):
    text, first, last, precision = data.draw(month_shapes())
    sentence, at = bury(data.draw, text)
    found = find_time_expressions(sentence, default_year=1999)
    assert len(found) == 1, (sentence, found)
    e = found[0]
    assert (e.start, e.end) == (at, at + len(text)), sentence
    assert (e.first, e.last, e.precision) == (first, last, precision)


@st.composite
def range_shapes(draw) -> tuple[str, D, D]:
    y = draw(st.integers(2000, 2045))
    a = draw(st.dates(min_value=D(y, 1, 1), max_value=D(y, 12, 31)))
    b = draw(st.dates(min_value=a, max_value=D(y, 12, 31)))
    m1, m2 = sorted(draw(st.lists(st.integers(1, 12), min_size=2, max_size=2)))
    mlast = (D(y + 1, 1, 1) if m2 == 12 else D(y, m2 + 1, 1)) - dt.timedelta(days=1)
    kind = draw(st.sampled_from(["days", "days_year_each", "months", "months_tu", "months_full", "quarters", "years"]))
    if kind == "days":
        return f"từ ngày {a.day:02d}/{a.month:02d} đến ngày {b.day}/{b.month}/{y}", a, b
    if kind == "days_year_each":
        return f"Từ {a.day}/{a.month}/{y} đến {b.day}/{b.month}/{y}", a, b
    if kind == "months":
        return f"Tháng {m1} - {m2}/{y}", D(y, m1, 1), mlast
    if kind == "months_tu":
        return f"từ tháng {m1:02d} đến tháng {m2:02d} năm {y}", D(y, m1, 1), mlast
    if kind == "months_full":
        return f"{m1:02d}/{y} - {m2:02d}/{y}", D(y, m1, 1), mlast
    if kind == "quarters":
        q1, q2 = (m1 + 2) // 3, (m2 + 2) // 3
        qlast = (D(y + 1, 1, 1) if q2 == 4 else D(y, 3 * q2 + 1, 1)) - dt.timedelta(days=1)
        return f"Quý {ROMAN[q1]} - {ROMAN[q2]}/{y}", D(y, 3 * q1 - 2, 1), qlast
    y2 = y + draw(st.integers(1, 10))
    return f"giai đoạn {y} - {y2}", D(y, 1, 1), D(y2, 12, 31)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_ranges_parse_back(data):
    text, first, last = data.draw(range_shapes())
    sentence, at = bury(data.draw, text)
    found = find_time_expressions(sentence, default_year=1999)
    assert len(found) == 1, (sentence, found)
    e = found[0]
    assert (e.start, e.end, e.text) == (at, at + len(text), text), sentence
    assert (e.first, e.last) == (first, last) and (e.is_range or first == last)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789/-.:, ngàythángnămquýIV%()")), max_size=60))
def test_never_crashes_and_spans_are_consistent(text):
    for e in find_time_expressions(text, default_year=2024):
        assert text[e.start:e.end] == e.text
        assert e.first is None or e.last is None or e.first <= e.last
    parse_time_expression(text)


def test_speed_of_a_long_text():
    import time

    text = ("Trước ngày 10/02/2024 tổng hợp đăng ký các mô hình gửi về Khối Vận phường; 94 năm thành lập "
            "(03/02/1930 - 03/02/2024), Từ tháng 06 - 07/2024 khảo sát. ") * 400
    t = time.perf_counter()
    found = find_time_expressions(text)
    assert len(found) == 1200
    assert time.perf_counter() - t < 2.0


# --------------------------------------------------------------------------- ranges and lists of days

def spans(text: str, year: int = 2024):
    return [(e.text, str(e.first), str(e.last)) for e in find_time_expressions(text, year)]


def test_year_naming_the_task_does_not_open_a_range_to_the_cut_off():
    """"thu quỹ năm 2024 đến hết ngày 30/11/2024": the year qualifies the task; the day is the cut-off."""
    got = spans("Các tổ dân phố hoàn thành thu quỹ khuyến học năm 2024 đến hết ngày 30 tháng 11 năm 2024.")
    assert ("ngày 30 tháng 11 năm 2024", "2024-11-30", "2024-11-30") in got
    assert not any(first == "2024-01-01" and last == "2024-11-30" for _, first, last in got)


def test_range_opened_by_tu_still_spans_from_a_year():
    assert spans("từ năm 2023 đến ngày 31/5/2024") == [("từ năm 2023 đến ngày 31/5/2024", "2023-01-01", "2024-05-31")]


def test_consecutive_months_joined_by_va_are_one_stretch():
    assert spans("Trong tháng 9 và tháng 10/2024, Đoàn kiểm tra làm việc tại các xã.") == [
        ("tháng 9 và tháng 10/2024", "2024-09-01", "2024-10-31")]


def test_months_far_apart_joined_by_va_are_not_a_range():
    got = spans("Hội nghị giao ban vào tháng 3 và tháng 9/2024.")
    assert not any(first.endswith("-03-01") and last.endswith("-09-30") for _, first, last in got)


def test_month_without_year_borrows_the_year_written_after_va():
    got = spans("Tập huấn vào tháng 4 và tháng 10/2026 cho cán bộ cơ sở.", 2025)
    assert [(first, last) for _, first, last in got] == [("2026-04-01", "2026-04-30"), ("2026-10-01", "2026-10-31")]


def test_list_of_days_sharing_one_month():
    """``các ngày 21, 22/8/2027``: from the first listed day to the written date; due stays the last day."""
    from pipeline.extractors.dates import find_time_expressions

    (expr,) = find_time_expressions("Đoàn công tác làm việc tại các xã vào các ngày 21, 22/8/2027.", 2027)
    assert (expr.first.isoformat(), expr.last.isoformat()) == ("2027-08-21", "2027-08-22")
    (expr,) = find_time_expressions("Tiêm chủng mở rộng vào ngày 03 và ngày 17/11/2025 tại trạm.", 2025)
    assert (expr.first.isoformat(), expr.last.isoformat()) == ("2025-11-03", "2025-11-17")
    (expr,) = find_time_expressions("Nộp hồ sơ trước ngày 19/5/2026.", 2026)
    assert expr.first == expr.last  # a single date is untouched


def test_a_bare_day_and_month_listed_after_a_date_is_a_date_a_fraction_after_a_comma_is_not():
    found = find_time_expressions("trước ngày 01/6 và 15/11 hằng năm", 2026)
    assert [(e.first.isoformat(), e.recurring) for e in found] == [("2026-06-01", "yearly"), ("2026-11-15", "yearly")]
    assert [e.text for e in find_time_expressions("Trước ngày 15/3, 2/3 số xã phải hoàn thành.", 2026)] == ["ngày 15/3"]
