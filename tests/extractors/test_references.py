"""Cited documents: the citation shapes of official-document-layout.md, on invented sentences."""
from __future__ import annotations

from pipeline.model import Document, DocumentMeta, Location, Paragraph
from pipeline.extractors.references import extract_references, find_references, normalize_number, parse_date


def refs(text: str, own: str | None = None) -> dict[str, tuple]:
    return {r.number: (r.kind, r.date, r.issuer) for _, _, r in find_references(text, own)}


def test_full_party_citation():
    got = refs("Căn cứ Kế hoạch số 03-KH/BDVTU, ngày 29/01/2021 của Ban Dân vận Thành ủy Long Xuyên về việc "
               "thực hiện phong trào thi đua.")
    assert got == {"03-KH/BDVTU": ("Kế hoạch", "2021-01-29", "Ban Dân vận Thành ủy Long Xuyên")}


def test_state_citations_law_style_and_lower_case_kind():
    got = refs("Căn cứ kế hoạch số 44/KH-UBND ngày 19/3/2024 của UBND xã về dân chủ; căn cứ Nghị định số "
               "30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ và Quyết định số 41/2019/QĐ-UBND của UBND tỉnh.")
    assert got["44/KH-UBND"] == ("Kế hoạch", "2024-03-19", "UBND xã")
    assert got["30/2020/NĐ-CP"] == ("Nghị định", "2020-03-05", "Chính phủ")
    assert got["41/2019/QĐ-UBND"][0] == "Quyết định"
    assert len(got) == 3


def test_short_citations_and_spelled_date():
    got = refs("thực hiện tốt Quyết định 217, 218 của Bộ Chính trị; Nghị quyết số 10-NQ/TU ngày 01 tháng 12 năm "
               "2023 của Ban Chấp hành Đảng bộ tỉnh.")
    assert got["217"] == ("Quyết định", None, "Bộ Chính trị")
    assert got["218"][0] == "Quyết định"
    assert got["10-NQ/TU"] == ("Nghị quyết", "2023-12-01", "Ban Chấp hành Đảng bộ tỉnh")


def test_number_split_over_a_line_break_is_joined():
    doc = Document(path="t.txt", sha256="0", format="txt", blocks=[
        Paragraph("quản lý Nhà nước; Kế hoạch số 49-", Location(line=10)),
        Paragraph("KH/ThU, ngày 24/02/2023 của Ban Thường vụ Thị ủy thực hiện Chỉ thị số 18-", Location(line=12)),
        Paragraph("CT/TW của Ban Bí thư về giám sát.", Location(line=14)),
    ])
    got = {r.number: r for r in extract_references(doc, DocumentMeta(), [])}
    assert set(got) == {"49-KH/ThU", "18-CT/TW"}
    assert got["49-KH/ThU"].date == "2023-02-24"
    assert got["49-KH/ThU"].location.line == 10
    assert got["18-CT/TW"].issuer == "Ban Bí thư"


def test_own_number_attachments_and_articles_are_not_references():
    doc = Document(path="t.txt", sha256="0", format="txt", blocks=[
        Paragraph("Số: 367 - QĐ/TWĐTN-VP", Location(line=1)),
        Paragraph("Các đơn vị báo cáo theo Phụ lục 01, 02 kèm theo Quyết định 367-QĐ/TWĐTN-VP này; áp dụng "
                  "Khoản 2 Điều 5 của Điều lệ.", Location(line=3)),
        Paragraph("Thực hiện Thông báo số 194-TB/ĐU ngày 05/2/2024 của BTV Đảng uỷ Phường.", Location(line=5)),
    ])
    meta = DocumentMeta(number="367-QĐ/TWĐTN-VP")
    got = [r.number for r in extract_references(doc, meta, [])]
    assert got == ["194-TB/ĐU"]


def test_repeated_and_shortened_citations_collapse():
    doc = Document(path="t.txt", sha256="0", format="txt", blocks=[
        Paragraph("Thực hiện Nghị quyết số 10-NQ/TU, ngày 01/12/2023 của Ban Chấp hành Đảng bộ thành phố.",
                  Location(line=1)),
        Paragraph("Báo cáo chỉ tiêu (theo Nghị quyết số 10-NQ/TU) và Nghị quyết 10 nói trên.", Location(line=3)),
    ])
    got = extract_references(doc, DocumentMeta(), [])
    assert [r.number for r in got] == ["10-NQ/TU"]
    assert got[0].date == "2023-12-01"


def test_counts_after_kind_words_are_not_short_citations():
    assert refs("Kế hoạch 5 năm và Quy định 03 nội dung chính.") == {}


def test_helpers():
    assert normalize_number("344 /KH-UBND") == "344/KH-UBND"
    assert normalize_number("367 - QĐ/TWĐTN-VP.") == "367-QĐ/TWĐTN-VP"
    assert parse_date("ngày 5 tháng 2 năm 2024") == "2024-02-05"
    assert parse_date("25/7/23") == "2023-07-25"
    assert parse_date("31/02/2024") is None


def test_issuer_of_two_bodies_and_other_kinds():
    got = refs("Thực hiện Chương trình công tác số 23-CTr/ThU, ngày 08/02/2023 của Ban Chấp hành Đảng bộ, Ban "
               "Thường vụ Thị ủy năm 2023; Công văn số 45-CV/ĐU của Đảng ủy xã; Thông tư số 01/2011/TT-BNV; "
               "Nghị quyết liên tịch số 09/2008/NQLT-CP-UBTWMTTQVN.")
    assert got["23-CTr/ThU"] == ("Chương trình công tác", "2023-02-08", "Ban Chấp hành Đảng bộ, Ban Thường vụ Thị ủy")
    assert got["45-CV/ĐU"] == ("Công văn", None, "Đảng ủy xã")
    assert got["01/2011/TT-BNV"][0] == "Thông tư"
    assert got["09/2008/NQLT-CP-UBTWMTTQVN"][0] == "Nghị quyết liên tịch"


def test_issuer_written_before_the_issuing_verb():
    got = refs("Ngày 12/3/2024, Ban Thường vụ Huyện ủy đã ban hành Chỉ thị số 07-CT/HU ngày 10/3/2024 về tăng "
               "cường công tác dân vận.")
    assert got["07-CT/HU"] == ("Chỉ thị", "2024-03-10", "Ban Thường vụ Huyện ủy")
    got = refs("Hội Nông dân xã ban hành Kế hoạch số 15-KH/HND ngày 02/02/2025 triển khai phong trào.")
    assert got["15-KH/HND"][2] == "Hội Nông dân xã"


def test_issuer_after_cua_wins_and_implementing_verbs_name_no_issuer():
    got = refs("UBND xã ban hành Kế hoạch số 20/KH-UBND ngày 03/4/2025 của Ủy ban nhân dân xã Tân Hòa.")
    assert got["20/KH-UBND"][2] == "Ủy ban nhân dân xã Tân Hòa"
    got = refs("Các chi bộ triển khai Kế hoạch số 11-KH/ĐU ngày 05/5/2025.")
    assert got["11-KH/ĐU"][2] is None  # those who carry a plan out did not issue it


def test_numbered_heading_is_not_glued_to_the_body_below():
    """``1. Công tác lãnh đạo`` / blank / ``Đảng ủy ban hành …``: the heading is no part of the issuer,
    and a bare body naming the document's own issuer is completed from the header."""
    doc = Document(path="t.txt", sha256="0", format="txt", blocks=[
        Paragraph("1. Công tác tuyên truyền", Location(line=14)),
        Paragraph("Đảng ủy ban hành Kế hoạch số 09-KH/ĐU ngày 10/02/2024 triển khai phong trào.", Location(line=16)),
    ])
    meta = DocumentMeta(issuer="Đảng ủy xã Mỹ Hòa Hưng")
    got = {r.number: r for r in extract_references(doc, meta, [])}
    assert got["09-KH/ĐU"].issuer == "Đảng ủy xã Mỹ Hòa Hưng"
    assert got["09-KH/ĐU"].location.line == 16


# --------------------------------------------------------------------------- kind words that count rather than cite

def test_lower_case_kind_word_with_a_count_is_not_a_citation():
    assert find_references("Năm 2026 đã xử lý kỷ luật 04 cán bộ vi phạm.") == []
    refs = find_references("Thực hiện Kế hoạch số 19 của Ban Thường vụ Thị ủy.")
    assert [r.number for _, _, r in refs] == ["19"]
