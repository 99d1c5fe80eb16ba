"""Canonical fields, periods, sections and unit keys from the free text units write in forms."""
from __future__ import annotations

import pytest

from pipeline.normalize import normalize_field, normalize_period, section_from_text, unit_key


@pytest.mark.parametrize("raw, code", [
    ("KT", "economy"),
    ("Kinh tế", "economy"),
    ("kinh tế", "economy"),
    ("VH-XH", "culture_society"),
    ("VH - XH", "culture_society"),
    ("vh–xh", "culture_society"),
    ("Văn hóa - xã hội", "culture_society"),
    ("Văn hoá - Xã hội", "culture_society"),  # old-style tone mark
    ("VĂN HOÁ – XÃ HỘI", "culture_society"),
    ("Van hoa - xa hoi", "culture_society"),  # typed without diacritics
    ("QP-AN", "defense_security"),
    ("QP - AN", "defense_security"),
    ("Quốc phòng - an ninh", "defense_security"),
    ("XDHTCT", "political_system"),
    ("Xây dựng hệ thống chính trị", "political_system"),
    ("Xây dựng  hệ thống\nchính trị", "political_system"),
    ("Cải cách hành chính (CCHC)", "administrative_reform"),
    ("CCHC", "administrative_reform"),
    ("Chuyển đổi số", "digital_transformation"),
    ("chuyển  đổi số", "digital_transformation"),
    ("Khác", "other"),
    ("Thể thao", "other"),
])
def test_field_codes_and_words(raw, code):
    got, kept = normalize_field(raw)
    assert got == code
    assert kept == " ".join(raw.split())  # the raw text is kept for display, spaces folded


def test_empty_field_is_null_and_first_named_field_wins():
    assert normalize_field("") == (None, None)
    assert normalize_field(None) == (None, None)
    assert normalize_field("   ") == (None, None)
    assert normalize_field("KT, VH-XH")[0] == "economy"
    assert normalize_field("VH-XH, KT")[0] == "culture_society"


@pytest.mark.parametrize("text, start, end", [
    ("Năm 2024", "2024-01-01", "2024-12-31"),
    ("Tháng 3 - 12/2024", "2024-03-01", "2024-12-31"),
    ("Quý II/2024", "2024-04-01", "2024-06-30"),
    ("Từ 01/3/2024 đến 31/12/2024", "2024-03-01", "2024-12-31"),
    ("02/2024 - 12/2024", "2024-02-01", "2024-12-31"),
    ("02 - 6/2024", "2024-02-01", "2024-06-30"),
    ("T3 - T12/2024", "2024-03-01", "2024-12-31"),  # "tháng" abbreviated in a narrow cell
    ("Quý II - Quý TV/2024", "2024-04-01", "2024-12-31"),  # OCR read IV as TV
])
def test_period_shapes(text, start, end):
    period = normalize_period(text, 2024)
    assert period is not None
    assert (period.start, period.end, period.text) == (start, end, text)


def test_period_without_a_year_takes_the_default_and_nonsense_keeps_its_text():
    p = normalize_period("Từ tháng 3 đến tháng 12", 2025)
    assert (p.start, p.end) == ("2025-03-01", "2025-12-31")
    q = normalize_period("Quý II", 2025)
    assert (q.start, q.end) == ("2025-04-01", "2025-06-30")
    junk = normalize_period("thường xuyên", 2024)
    assert junk is not None and junk.text == "thường xuyên" and junk.start is None and junk.end is None
    assert normalize_period("", 2024) is None
    assert normalize_period(None) is None


@pytest.mark.parametrize("text, section", [
    ("Mô hình mới năm 2024", "new"),
    ("I. MÔ HÌNH MỚI", "new"),
    ("Mô hình đăng ký mới", "new"),
    ("Mô hình tiếp tục thực hiện (đã đăng ký năm 2023)", "continuing"),
    ("II - Mô hình chuyển tiếp", "continuing"),
    ("Mô hình duy trì từ năm trước", "continuing"),
    ("Tổng cộng", None),
    ("", None),
    (None, None),
])
def test_section_from_text(text, section):
    assert section_from_text(text) == section


@pytest.mark.parametrize("a, b", [
    ("Hội LHPN phường Vinh Tân", "Hội Liên hiệp Phụ nữ phường Vinh Tân"),
    ("UBND phường Mỹ Phước", "Ủy ban nhân dân phường Mỹ Phước"),
    ("Đảng uỷ phường Vinh Tân", "Đảng ủy phường Vinh Tân"),
    ("ĐU phường Vinh Tân", "Đảng ủy phường Vinh Tân"),
    ("Ủy ban MTTQ Việt Nam xã An Bình", "UBMTTQ xã An Bình"),
    ("Mặt trận Tổ quốc xã An Bình", "MTTQ xã An Bình"),
    ("Hội CCB phường 3", "Hội Cựu chiến binh phường 3"),
    ("ĐTN phường 3", "Đoàn Thanh niên phường 3"),
    ("Đoàn TNCS Hồ Chí Minh phường 3", "Đoàn thanh niên cộng sản Hồ Chí Minh phường 3"),
    ("HĐND xã Tân Lập", "Hội đồng nhân dân xã Tân Lập"),
    ("Đơn vị: Chi bộ khối 5", "CHI BỘ KHỐI 5"),
    ("Chi bộ khối 5.", "Chi bộ  khối 5"),
])
def test_unit_key_groups_spellings_of_one_unit(a, b):
    assert unit_key(a) == unit_key(b)
    assert unit_key(a)


def test_unit_key_keeps_different_units_apart():
    assert unit_key("Chi bộ khối 5") != unit_key("Chi bộ khối 6")
    assert unit_key("Hội LHPN phường Vinh Tân") != unit_key("Hội CCB phường Vinh Tân")
    assert unit_key("UBND phường Mỹ Phước") != unit_key("HĐND phường Mỹ Phước")
    assert unit_key("") == "" and unit_key(None) == ""


# --------------------------------------------------------------------------- school years, year ranges and short field codes

@pytest.mark.parametrize("text,first,last", [
    ("năm học 2024 - 2025", "2024-09-01", "2025-05-31"),
    ("Năm học 2023-2024", "2023-09-01", "2024-05-31"),
])
def test_school_year_runs_september_to_may(text, first, last):
    period = normalize_period(text)
    assert (period.start, period.end) == (first, last)


def test_plain_year_range_is_still_whole_years():
    period = normalize_period("2024 - 2025")
    assert (period.start, period.end) == ("2024-01-01", "2025-12-31")


@pytest.mark.parametrize("raw,code", [
    ("VH", "culture_society"), ("XH", "culture_society"), ("QP", "defense_security"),
    ("KT-XH", "economy"), ("KTXH", "economy"), ("ANQP", "defense_security"), ("CĐS", "digital_transformation"),
    ("CCHC", "administrative_reform"), ("Văn hóa", "culture_society"),
])
def test_short_field_codes(raw, code):
    assert normalize_field(raw)[0] == code


@pytest.mark.parametrize("raw, code", [
    ("XH-V H", "culture_society"), ("CC HC", "administrative_reform"), ("QP-A N", "defense_security"),
    ("XD HT CT", "political_system"), ("C ĐS", "digital_transformation"),
])
def test_a_code_broken_inside_by_a_narrow_column_is_read_without_its_spaces(raw, code):
    assert normalize_field(raw)[0] == code


def test_words_in_capitals_are_not_squeezed_into_a_code():
    assert normalize_field("GIÁO DỤC")[0] == "culture_society"
    assert normalize_field("K T")[0] == "economy" and normalize_field("A B")[0] == "other"


@pytest.mark.parametrize("text, start", [
    ("Từ tháng 02/2026", "2026-02-01"), ("Từ T5/2026", "2026-05-01"), ("Bắt đầu từ quý III/2026", "2026-07-01"),
    ("Kể từ ngày 15/3/2026", "2026-03-15"),
])
def test_an_open_start_has_no_end(text, start):
    period = normalize_period(text, 2026)
    assert (period.start, period.end) == (start, None)
    assert normalize_period("Từ tháng 02 đến tháng 6/2026", 2026).end == "2026-06-30"


def test_unknown_short_code_stays_other():
    assert normalize_field("ZZ")[0] == "other"
