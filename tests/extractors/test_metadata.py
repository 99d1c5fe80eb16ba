"""Document metadata on invented documents of every family (state, Party, Đoàn, MTTQ, forms).

Each document goes through the real text reader, so the two-column header splitting, line
numbers and regions are the ones production sees.
"""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from pipeline.extractors.metadata import extract_metadata, readable_case
from pipeline.model import Document, Location, Paragraph, Signer
from pipeline.readers import read
from pipeline.extractors.metadata import compose_issuer
from pipeline.extractors.structure import is_name as _is_name
from pipeline.files import extract_file
import sys
from doc_helpers import lines_doc, sheet


def meta_of(tmp_path: Path, text: str, name: str = "doc.txt"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    warnings: list[str] = []
    return extract_metadata(read(path), warnings), warnings


PARTY_NOTICE = """
ĐẢNG BỘ HUYỆN CHÂU THÀNH                    ĐẢNG CỘNG SẢN VIỆT NAM
ĐẢNG ỦY XÃ TÂN PHÚ
          *                                 Tân Phú, ngày 05 tháng 4 năm 2025
Số 27-TB/ĐU

THÔNG BÁO
kết luận của Ban Thường vụ Đảng ủy về công tác dân vận quý I năm 2025

Ngày 02/4/2025, Ban Thường vụ Đảng ủy xã họp nghe báo cáo tình hình thực hiện nhiệm vụ.
1. Mỗi chi bộ ấp đăng ký ít nhất 02 mô hình "Dân vận khéo".

Nơi nhận:                                  T/M BAN THƯỜNG VỤ
- Các chi bộ trực thuộc,                    BÍ THƯ
- Lưu VP.
                                            Trần Minh Quang
"""

STATE_LETTER = """
ỦY BAN NHÂN DÂN                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN THOẠI SƠN                           Độc lập - Tự do - Hạnh phúc
Số: 1234/UBND-VP
V/v triển khai phong trào thi đua          Thoại Sơn, ngày 12 tháng 9 năm 2024
"Dân vận khéo" năm 2024

Kính gửi: Ủy ban nhân dân các xã, thị trấn.

Ủy ban nhân dân huyện đề nghị các xã, thị trấn triển khai phong trào thi đua.
Nơi nhận:
- Như trên;
- Lưu: VT.
                                            KT. CHỦ TỊCH
                                            PHÓ CHỦ TỊCH
                                            (Đã ký)
                                            Lê Văn Hùng
"""

DOAN_DECISION = """
BCH ĐOÀN TỈNH AN GIANG                  ĐOÀN TNCS HỒ CHÍ MINH
        ***
Số: 367 - QĐ/TWĐTN-VP                   An Giang, ngày 20 tháng 02 năm 2025

QUYẾT ĐỊNH
Về việc thành lập Ban Tổ chức Giải thưởng

BAN THƯỜNG VỤ TỈNH ĐOÀN AN GIANG
Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;
QUYẾT ĐỊNH:
Điều 1. Thành lập Ban Tổ chức giải thưởng.

                                       TM. BAN THƯỜNG VỤ
                                       BÍ THƯ
                                       Nguyễn Thị Hoa
"""

MTTQ_DRAFT_PLAN = """
ỦY BAN MTTQ VIỆT NAM                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ BÌNH HÒA                                 Độc lập - Tự do - Hạnh phúc
BAN THƯỜNG TRỰC
Số:     /KH-MTTQ-BTT                        Bình Hòa, ngày    tháng 3 năm 2026

KẾ HOẠCH
Tổ chức Hội nghị hiệp thương
giới thiệu người ứng cử đại biểu Hội đồng nhân dân xã

Căn cứ tình hình thực tế, Ban Thường trực ban hành kế hoạch như sau:
- Mỗi thôn 01 ứng cử viên.
Nơi nhận:                                   TM. BAN THƯỜNG TRỰC
- Như trên;                                  CHỦ TỊCH
- Lưu: VT.
                                            Phạm Văn Tư
"""


def test_party_notice(tmp_path):
    meta, _ = meta_of(tmp_path, PARTY_NOTICE)
    assert meta.kind == "notice"
    assert meta.issuer == "Đảng ủy xã Tân Phú"
    assert meta.number == "27-TB/ĐU"
    assert (meta.place, meta.issued_on) == ("Tân Phú", "2025-04-05")
    assert meta.title == "kết luận của Ban Thường vụ Đảng ủy về công tác dân vận quý I năm 2025"
    assert meta.signer.to_dict() == {"name": "Trần Minh Quang", "title": "Bí thư"}
    assert meta.location["number"]["line"] == 4


def test_state_official_letter_keeps_subject(tmp_path):
    meta, _ = meta_of(tmp_path, STATE_LETTER)
    assert meta.kind == "official_letter"
    assert meta.issuer == "Ủy ban nhân dân huyện Thoại Sơn"
    assert meta.number == "1234/UBND-VP"
    assert meta.subject == 'triển khai phong trào thi đua "Dân vận khéo" năm 2024'
    assert (meta.place, meta.issued_on) == ("Thoại Sơn", "2024-09-12")
    assert meta.signer.to_dict() == {"name": "Lê Văn Hùng", "title": "Phó Chủ tịch"}


def test_doan_decision_number_with_spaced_hyphen(tmp_path):
    meta, _ = meta_of(tmp_path, DOAN_DECISION)
    assert meta.kind == "decision"
    assert meta.number == "367-QĐ/TWĐTN-VP"
    assert "367 - QĐ/TWĐTN-VP" in meta.number_raw
    assert (meta.place, meta.issued_on) == ("An Giang", "2025-02-20")
    assert meta.issuer == "BCH Đoàn tỉnh An Giang"
    assert meta.title == "Về việc thành lập Ban Tổ chức Giải thưởng"
    assert meta.signer.name == "Nguyễn Thị Hoa"


def test_mttq_draft_leaves_number_and_day_null(tmp_path):
    meta, _ = meta_of(tmp_path, MTTQ_DRAFT_PLAN)
    assert meta.kind == "plan"
    assert meta.number is None and meta.number_raw and "/KH-MTTQ-BTT" in meta.number_raw
    assert meta.place == "Bình Hòa"
    assert meta.issued_on is None  # blank day: unknown, never invented
    assert meta.issuer == "Ban Thường trực Ủy ban MTTQ Việt Nam xã Bình Hòa"
    assert meta.title == "Tổ chức Hội nghị hiệp thương giới thiệu người ứng cử đại biểu Hội đồng nhân dân xã"
    assert meta.signer.to_dict() == {"name": "Phạm Văn Tư", "title": "Chủ tịch"}


def test_missing_header_issuer_from_body_and_joined_signature_title(tmp_path):
    meta, _ = meta_of(tmp_path, """
        Thực hiện Chương trình công tác năm 2025 của Huyện ủy, Ban Chỉ đạo cuộc vận động huyện ban hành
        kế hoạch thực hiện như sau:
        I. MỤC ĐÍCH
        1. Nâng cao nhận thức của cán bộ, đảng viên.
        Nơi nhận:
        - Lưu.
        PHÓ BÍ THƯ HUYỆN ỦY
        kiêm
        TRƯỞNG BAN CHỈ ĐẠO

        Hoàng Văn Nam
        """)
    assert meta.kind == "plan"
    assert meta.issuer == "Ban Chỉ đạo cuộc vận động huyện"
    assert meta.number is None and meta.place is None and meta.issued_on is None
    assert meta.signer.to_dict() == {"name": "Hoàng Văn Nam", "title": "Phó Bí thư Huyện ủy kiêm Trưởng Ban Chỉ đạo"}


def test_number_body_and_place_give_the_issuer_when_the_header_is_cut(tmp_path):
    meta, _ = meta_of(tmp_path, """
        Số: 12 /KH-UBND
        Tân An, ngày 3 tháng 5 năm 2025
        KẾ HOẠCH
        Tổ chức ngày hội
        Căn cứ tình hình thực tế, Văn phòng xây dựng kế hoạch tổ chức ngày hội tại xã Tân An như sau:
        CHỦ TỊCH
        Võ Thị Mai
        """)
    assert meta.number == "12/KH-UBND"
    assert meta.issuer == "UBND xã Tân An"
    assert meta.issued_on == "2025-05-03"


def test_nơi_nhận_beside_signature_and_digital_timestamps(tmp_path):
    meta, _ = meta_of(tmp_path, """
        ỦY BAN NHÂN DÂN
        PHƯỜNG AN HÒA
        Số: 5/TB-UBND                An Hòa, ngày 1 tháng 2 năm 2025
        THÔNG BÁO
        Lịch tiếp công dân
        Ủy ban nhân dân phường thông báo lịch tiếp công dân.
        Nơi nhận:  CHỦ TỊCH
        - Như trên;
        - Lưu: VT.

        Đinh Công Lý

        \t\t2025-02-01T09:28:22+0700
        """)
    assert meta.kind == "notice"
    assert meta.issuer == "Ủy ban nhân dân phường An Hòa"
    assert meta.signer.to_dict() == {"name": "Đinh Công Lý", "title": "Chủ tịch"}


def test_plan_with_attached_blank_form_is_a_plan_and_ignores_the_form_footer(tmp_path):
    meta, _ = meta_of(tmp_path, """
        Đảng ủy xã đề nghị các chi bộ trực thuộc đăng ký các mô hình "Dân vận khéo" sát với nhiệm vụ chính trị năm 2025.
        Thời gian đăng ký gửi về Văn phòng Đảng ủy trước ngày 10/3/2025.
        Nơi nhận:
        - Lưu.
        T/M ĐẢNG ỦY
        BÍ THƯ

        Lý Thị Thu

        Đơn vị:…………………..
        DANH SÁCH
        ĐĂNG KÝ MÔ HÌNH DÂN VẬN KHÉO NĂM 2025
        TT | Tên mô hình | Địa chỉ
        1 | |
        Hòa Bình, ngày      tháng 02 năm 2025
        Đơn vị:………………..
        (ký, ghi rõ họ tên, chức vụ)
        """)
    assert meta.kind == "plan"
    assert meta.place is None and meta.issued_on is None
    assert meta.unit is None
    assert meta.issuer == "Đảng ủy xã"
    assert meta.signer.to_dict() == {"name": "Lý Thị Thu", "title": "Bí thư"}


def test_filled_form_unit_from_footer_when_header_blank(tmp_path):
    meta, warnings = meta_of(tmp_path, """
        Đơn vị:……………………
        DANH SÁCH
        ĐĂNG KÝ MÔ HÌNH DÂN VẬN KHÉO NĂM 2025
        TT | Tên mô hình | Địa chỉ | Lĩnh vực
        1 | Đường hoa | Ấp 1 | KT
        Hòa Bình, ngày 07 tháng 3 năm 2025
        Đơn vị: Chi hội Nông dân ấp 2
        (ký, ghi rõ họ tên, chức vụ)
        CHI HỘI TRƯỞNG
        Tô Văn Sáu
        """)
    assert meta.kind == "registration_form"
    assert meta.unit == "Chi hội Nông dân ấp 2" and meta.unit_source == "footer"
    assert any("footer" in w for w in warnings)
    assert (meta.place, meta.issued_on) == ("Hòa Bình", "2025-03-07")
    assert meta.title == "DANH SÁCH ĐĂNG KÝ MÔ HÌNH DÂN VẬN KHÉO NĂM 2025"
    assert meta.signer.name == "Tô Văn Sáu"


def test_blank_form_unit_falls_back_on_file_name_with_warning(tmp_path):
    meta, warnings = meta_of(tmp_path, """
        Đơn vị:……………
        DANH SÁCH ĐĂNG KÝ MÔ HÌNH NĂM 2025
        TT | Tên mô hình
        1 | Vườn rau sạch
        """, name="dang-ky-chi-bo-ap-3.txt")
    assert meta.kind == "registration_form"
    assert meta.unit == "chi bo ap 3" and meta.unit_source == "filename"
    assert any("file name" in w for w in warnings)


def test_header_regions_from_a_layout_reader():
    """Readers of DOCX/PDF label the two header columns; the left one alone gives the issuer."""
    blocks = [
        Paragraph("THÀNH ỦY LONG XUYÊN\nBAN DÂN VẬN\n*\nSố 03-KH/BDVTU", Location(page=1, line=1), "header-left"),
        Paragraph("ĐẢNG CỘNG SẢN VIỆT NAM\nLong Xuyên, ngày 29 tháng 01 năm 2021", Location(page=1, line=1),
                  "header-right"),
        Paragraph("KẾ HOẠCH", Location(page=1, line=6)),
        Paragraph("thực hiện phong trào thi đua “Dân vận khéo”", Location(page=1, line=7)),
        Paragraph("Căn cứ tình hình thực tế, Ban Dân vận Thành ủy xây dựng kế hoạch như sau:", Location(page=1, line=9)),
        Paragraph("K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN", Location(page=3, line=30), "signature"),
        Paragraph("Nguyễn Văn Tâm", Location(page=3, line=34), "signature"),
    ]
    doc = Document(path="x.docx", sha256="0", format="docx", blocks=blocks)
    meta = extract_metadata(doc, [])
    assert meta.issuer == "Ban Dân vận Thành ủy Long Xuyên"
    assert meta.number == "03-KH/BDVTU"
    assert (meta.place, meta.issued_on) == ("Long Xuyên", "2021-01-29")
    assert meta.signer.to_dict() == {"name": "Nguyễn Văn Tâm", "title": "Phó Trưởng ban"}
    assert meta.location["signer"]["page"] == 3


@pytest.mark.parametrize("raw, readable", [
    ("UBND PHƯỜNG MỸ PHƯỚC", "UBND phường Mỹ Phước"),
    ("ỦY BAN NHÂN DÂN PHƯỜNG PHỔ MINH", "Ủy ban nhân dân phường Phổ Minh"),
    ("ĐẢNG ỦY PHƯỜNG VINH TÂN", "Đảng ủy phường Vinh Tân"),
    ("BAN DÂN VẬN THÀNH ỦY LONG XUYÊN", "Ban Dân vận Thành ủy Long Xuyên"),
    ("PHÓ BÍ THƯ THƯỜNG TRỰC", "Phó Bí thư Thường trực"),
    ("Đảng uỷ Phường", "Đảng uỷ Phường"),  # already readable: kept as written
])
def test_readable_case(raw, readable):
    assert readable_case(raw) == readable


def test_nothing_recognisable_gives_nulls_not_guesses(tmp_path):
    meta, _ = meta_of(tmp_path, """
        Biên bản họp tổ dân phố số 3 về việc dọn vệ sinh.
        Mọi người đều đồng ý.
        """)
    assert meta.kind == "other"
    assert meta.issuer is None and meta.number is None and meta.place is None and meta.issued_on is None
    assert meta.signer == Signer()


def test_numeric_place_date_line_and_one_line_form_title(tmp_path):
    meta, _ = meta_of(tmp_path, """
        Đơn vị: Đoàn Thanh niên xã Hòa Lạc
        DANH SÁCH MÔ HÌNH ĐĂNG KÝ NĂM 2025
        TT | Tên mô hình | Lĩnh vực
        1 | Tuyến đường thanh niên | VH-XH
        Hòa Lạc, ngày 07/3/2025
        BÍ THƯ ĐOÀN XÃ
        Mai Văn Tài
        """)
    assert meta.kind == "registration_form"
    assert meta.title == "DANH SÁCH MÔ HÌNH ĐĂNG KÝ NĂM 2025"
    assert (meta.place, meta.issued_on) == ("Hòa Lạc", "2025-03-07")
    assert meta.unit == "Đoàn Thanh niên xã Hòa Lạc" and meta.unit_source == "header"


def test_addressed_body_before_an_unsigned_form_still_makes_the_form_an_attachment(tmp_path):
    meta, _ = meta_of(tmp_path, """
        Ban Chỉ đạo phong trào thi đua xã đề nghị các chi bộ, đoàn thể đăng ký mô hình theo mẫu đính kèm và gửi về Văn phòng.
        Nơi nhận:
        - Các chi bộ;
        - Lưu.
        T/M BAN CHỈ ĐẠO
        (Đã ký)
        DANH SÁCH
        ĐĂNG KÝ MÔ HÌNH NĂM 2025
        TT | Tên mô hình
        1 |
        """)
    assert meta.kind == "plan"
    assert meta.issuer == "Ban Chỉ đạo phong trào thi đua xã"
    assert meta.signer.name is None


def test_docx_with_layout_tables_for_header_and_signature(tmp_path):
    """A real DOCX (python-docx) laid out like a state plan: header and signature in borderless tables."""
    import docx

    d = docx.Document()
    head = d.add_table(rows=2, cols=2)
    head.cell(0, 0).text = "UBND HUYỆN CHỢ MỚI\nUBND XÃ KIẾN AN"
    head.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    head.cell(1, 0).text = "Số: 88 /KH-UBND"
    head.cell(1, 1).text = "Kiến An, ngày 02 tháng 4 năm 2025"
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("Thực hiện phong trào thi đua “Dân vận khéo” năm 2025")
    d.add_paragraph("Căn cứ Kế hoạch số 15-KH/ĐU ngày 10/3/2025 của Đảng ủy xã, Ủy ban nhân dân xã ban hành kế "
                    "hoạch như sau: mỗi ấp đăng ký ít nhất 02 mô hình.")
    sign = d.add_table(rows=1, cols=2)
    sign.cell(0, 0).text = "Nơi nhận:\n- Như trên;\n- Lưu: VT."
    sign.cell(0, 1).text = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\nHuỳnh Văn Bé"
    path = tmp_path / "kh-88.docx"
    d.save(path)

    from pipeline.files import extract_file

    rec = extract_file(path).to_dict()
    meta = rec["document"]
    assert meta["kind"] == "plan"
    assert meta["issuer"] == "UBND xã Kiến An"
    assert meta["number"] == "88/KH-UBND"
    assert (meta["place"], meta["issued_on"]) == ("Kiến An", "2025-04-02")
    assert meta["title"] == "Thực hiện phong trào thi đua “Dân vận khéo” năm 2025"
    assert meta["signer"] == {"name": "Huỳnh Văn Bé", "title": "Chủ tịch"}
    assert [r["number"] for r in rec["references"]] == ["15-KH/ĐU"]
    assert [(q["subject"], q["minimum"]) for q in rec["quotas"]] == [("mỗi ấp", 2)]


def test_garbage_never_raises():
    import random

    from pipeline.extractors.quotas import extract_quotas
    from pipeline.extractors.references import extract_references

    rnd = random.Random(7)
    pieces = ["Số:", "ngày", "tháng", "năm 2024", "T/M", "KẾ HOẠCH", "Nơi nhận:", "Đơn vị:……", "mỗi", "ít nhất",
              "03", "%", "(", ")", "“", "-", "Kế hoạch số", "12-", "KH/ĐU", "DANH SÁCH", "|", "Nguyễn Văn A", ","]
    for _ in range(60):
        blocks = [Paragraph(" ".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10))), Location(line=i + 1))
                  for i in range(rnd.randint(0, 12))]
        doc = Document(path="g.txt", sha256="0", format="txt", blocks=blocks)
        warnings: list[str] = []
        meta = extract_metadata(doc, warnings)
        extract_quotas(doc, meta, warnings)
        extract_references(doc, meta, warnings)


def test_letter_number_without_type_and_rank_before_the_name(tmp_path):
    meta, _ = meta_of(tmp_path, """
        CÔNG AN HUYỆN TRI TÔN
        Số: 215/CAH-TM
        Tri Tôn, ngày 9 tháng 10 năm 2024
        Kính gửi: Công an các xã, thị trấn.
        Thực hiện chỉ đạo của cấp trên, Công an huyện đề nghị các đơn vị báo cáo kết quả.
        TRƯỞNG CÔNG AN HUYỆN
        Thượng tá Châu Văn Kha
        """)
    assert meta.kind == "official_letter"
    assert meta.number == "215/CAH-TM"
    assert meta.issuer == "Công an huyện Tri Tôn"
    assert meta.signer.to_dict() == {"name": "Châu Văn Kha", "title": "Trưởng Công an huyện"}


def test_v_v_letter_wins_over_an_attached_plan_heading(tmp_path):
    meta, _ = meta_of(tmp_path, """
        UBND XÃ AN PHÚ
        Số: 40/UBND
        V/v gửi kế hoạch tổ chức ngày hội
        An Phú, ngày 2 tháng 1 năm 2025
        Kính gửi: Các ấp.
        Ủy ban nhân dân xã gửi kèm kế hoạch tổ chức ngày hội, đề nghị các ấp triển khai thực hiện đúng thời gian quy định.
        CHỦ TỊCH
        Võ Văn Ba
        KẾ HOẠCH
        Tổ chức ngày hội đại đoàn kết
        """)
    assert meta.kind == "official_letter"
    assert meta.subject == "gửi kế hoạch tổ chức ngày hội"


def test_columns_merged_into_single_lines_and_capitals_name(tmp_path):
    """PDF text where each header/signature line holds both columns, separated by one space only."""
    meta, _ = meta_of(tmp_path, """
        HỘI LHPN HUYỆN CHÂU PHÚ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        BAN CHẤP HÀNH Độc lập - Tự do - Hạnh phúc
        Số: 15/KH-HPN Châu Phú, ngày 3 tháng 3 năm 2025
        KẾ HOẠCH
        Tổ chức các hoạt động kỷ niệm ngày 8/3
        Căn cứ Chương trình công tác năm 2025, Ban Chấp hành Hội xây dựng kế hoạch như sau:
        - Mỗi cơ sở Hội tổ chức ít nhất 01 hoạt động.
        Nơi nhận: TM. BAN THƯỜNG VỤ
        - Như trên; CHỦ TỊCH
        - Lưu: VT.
        NGUYỄN THỊ MỸ
        """)
    assert meta.issuer == "Ban Chấp hành Hội LHPN huyện Châu Phú"
    assert meta.number == "15/KH-HPN"
    assert (meta.place, meta.issued_on) == ("Châu Phú", "2025-03-03")
    assert meta.signer.to_dict() == {"name": "Nguyễn Thị Mỹ", "title": "Chủ tịch"}


# --------------------------------------------------------------------------- issuer from the header block


@pytest.mark.parametrize("block, issuer", [
    # the last line names its own level and place: it is the issuer, the superior is dropped
    (["UBND THÀNH PHỐ LONG XUYÊN", "UBND PHƯỜNG MỸ PHƯỚC"], "UBND phường Mỹ Phước"),
    (["ĐẢNG BỘ TỈNH KIÊN GIANG", "HUYỆN ỦY GIỒNG RIỀNG"], "Huyện ủy Giồng Riềng"),
    (["ĐẢNG BỘ HUYỆN PHÚ TÂN", "ĐẢNG ỦY XÃ PHÚ THẠNH"], "Đảng ủy xã Phú Thạnh"),
    # a part of a body without a place takes its parent after it
    (["THÀNH ỦY HẢI PHÒNG", "BAN DÂN VẬN"], "Ban Dân vận Thành ủy Hải Phòng"),
    (["TỈNH ĐOÀN QUẢNG NGÃI", "BAN THƯỜNG VỤ"], "Ban Thường vụ Tỉnh đoàn Quảng Ngãi"),
    (["ỦY BAN MTTQ VIỆT NAM", "HUYỆN KRÔNG PẮC", "BAN THƯỜNG TRỰC"],
     "Ban Thường trực Ủy ban MTTQ Việt Nam huyện Krông Pắc"),
    (["ĐẢNG BỘ TỈNH BẾN TRE", "HUYỆN ỦY CHỢ LÁCH", "BAN TUYÊN GIÁO"], "Ban Tuyên giáo Huyện ủy Chợ Lách"),
    # a department of a People's Committee: "Sở Tư pháp tỉnh Nghệ An"
    (["UBND TỈNH NGHỆ AN", "SỞ TƯ PHÁP"], "Sở Tư pháp tỉnh Nghệ An"),
    # lines that continue one name are joined first
    (["ỦY BAN NHÂN DÂN", "XÃ ĐỊNH HÒA"], "Ủy ban nhân dân xã Định Hòa"),
    (["BAN CHẤP HÀNH TRUNG ƯƠNG", "HỘI CỰU CHIẾN BINH VIỆT NAM"],
     "Ban Chấp hành Trung ương Hội Cựu chiến binh Việt Nam"),
    (["TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH", "BAN BÍ THƯ"], "Ban Bí thư Trung ương Đoàn TNCS Hồ Chí Minh"),
])
def test_issuer_composed_from_the_header_block(block, issuer):
    from pipeline.extractors.metadata import compose_issuer

    assert readable_case(compose_issuer(block)) == issuer


def test_party_superior_is_not_glued_to_a_level_named_committee(tmp_path):
    meta, _ = meta_of(tmp_path, """
        ĐẢNG BỘ TỈNH VĨNH LONG                     ĐẢNG CỘNG SẢN VIỆT NAM
        THỊ UỶ BÌNH MINH
                *                                 Bình Minh, ngày 03 tháng 6 năm 2025
        Số 77-KH/TU

        KẾ HOẠCH
        tổ chức hội thi dân vận khéo năm 2025

        Ban Thường vụ Thị uỷ ban hành kế hoạch như sau:
        """)
    assert meta.issuer == "Thị ủy Bình Minh"
    assert meta.number == "77-KH/TU"


def test_generic_last_line_takes_its_two_line_parent(tmp_path):
    meta, _ = meta_of(tmp_path, """
        ỦY BAN MTTQ VIỆT NAM                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        HUYỆN CƯ M'GAR                               Độc lập - Tự do - Hạnh phúc
        BAN THƯỜNG TRỰC

        Số: 08/TB-MTTQ-BTT                         Cư M'gar, ngày 15 tháng 4 năm 2025

        THÔNG BÁO
        kết quả hội nghị hiệp thương
        """)
    assert meta.issuer == "Ban Thường trực Ủy ban MTTQ Việt Nam huyện Cư M'gar"


def test_department_name_is_capitalised():
    assert readable_case("SỞ NỘI VỤ TỈNH AN GIANG") == "Sở Nội vụ tỉnh An Giang"
    assert readable_case("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO") == "Phòng Giáo dục và Đào tạo"
    assert readable_case("BAN DÂN VẬN HUYỆN ỦY") == "Ban Dân vận Huyện ủy"


def _one_column_pdf(path: Path, left: list[str], right: list[str], body: list[str], left_width: int = 230) -> Path:
    """A real PDF (reportlab): the header as a two-cell table, everything else one paragraph a line,
    so the signature sits under ``Nơi nhận:`` in one column as some offices print it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph as PdfParagraph, SimpleDocTemplate, Table

    pdfmetrics.registerFont(TTFont("MetaSerif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"))
    style = ParagraphStyle("n", fontName="MetaSerif", fontSize=11, leading=14)
    story = [Table([[PdfParagraph("<br/>".join(left), style), PdfParagraph("<br/>".join(right), style)]],
                   colWidths=[left_width, 500 - left_width])]
    story += [PdfParagraph(line, style) for line in body]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


@pytest.mark.parametrize("left,place_date,body,width,broken,issuer,number,signer", [
    # the column wraps the place of the issuer's name; the signature sits under "Nơi nhận:" in one column
    (["UBND HUYỆN CHÂU THÀNH", "ỦY BAN NHÂN DÂN XÃ VĨNH", "THẠNH TRUNG", "Số: 31/KH-UBND"],
     "Vĩnh Thạnh Trung, ngày 04 tháng 3 năm 2025",
     ["KẾ HOẠCH", "Tổ chức ngày hội đại đoàn kết năm 2025",
      "Ủy ban nhân dân xã ban hành kế hoạch tổ chức ngày hội như sau:",
      "Mỗi ấp tổ chức ít nhất 01 buổi sinh hoạt cộng đồng.",
      "Nơi nhận:", "- Các ấp;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Lực"],
     230, "VĨNH THẠNH", "Ủy ban nhân dân xã Vĩnh Thạnh Trung", "31/KH-UBND", ("Trần Văn Lực", "Chủ tịch")),
    # a narrow column breaks a word whose second syllable could open a body: "SỞ … VÀ MÔI" / "TRƯỜNG"
    (["UBND TỈNH QUẢNG TRỊ", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Số: 512/SNNMT-VP", "V/v báo cáo sản xuất vụ Hè Thu"],
     "Quảng Trị, ngày 12 tháng 5 năm 2025",
     ["Kính gửi: Ủy ban nhân dân các xã.",
      "Sở Nông nghiệp và Môi trường đề nghị các xã báo cáo tình hình sản xuất trước ngày 30/5/2025.",
      "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Văn Hòa"],
     180, "MÔI TRƯỜNG", "Sở Nông nghiệp và Môi trường tỉnh Quảng Trị", "512/SNNMT-VP", ("Lê Văn Hòa", "Phó Giám đốc")),
], ids=["place-wrapped", "word-broken"])
def test_pdf_issuer_wrapped_by_its_header_column(tmp_path, left, place_date, body, width, broken, issuer, number,
                                                  signer):
    pdf = _one_column_pdf(tmp_path / "doc.pdf", left,
                          ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", place_date], body,
                          left_width=width)
    doc = read(pdf)
    assert not any(broken in line.text for line in doc.lines())  # the column did wrap the issuer's name there
    meta = extract_metadata(doc, [])
    assert (meta.issuer, meta.number) == (issuer, number)
    assert (meta.signer.name, meta.signer.title) == signer


def test_department_word_inside_a_name_is_not_a_head():
    assert readable_case("HỘI ĐỒNG GIÁO DỤC QUỐC PHÒNG VÀ AN NINH") == "Hội đồng giáo dục quốc phòng và an ninh"


# --------------------------------------------------------------------------- header bodies, signers and sheets

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("block,issuer", [
    (["UBND TỈNH BÌNH ĐỊNH", "SỞ KHOA HỌC", "VÀ CÔNG NGHỆ"], "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH BÌNH ĐỊNH"),
    (["UBND TỈNH NAM ĐỊNH", "SỞ LAO ĐỘNG, THƯƠNG BINH", "VÀ XÃ HỘI"], "SỞ LAO ĐỘNG, THƯƠNG BINH VÀ XÃ HỘI TỈNH NAM ĐỊNH"),
    (["SỞ Y TẾ HÀ TĨNH", "TRUNG TÂM Y TẾ", "KHU VỰC HƯƠNG SƠN"], "TRUNG TÂM Y TẾ KHU VỰC HƯƠNG SƠN"),
    (["HUYỆN ỦY CHÂU ĐỨC", "BAN TUYÊN GIÁO"], "BAN TUYÊN GIÁO HUYỆN ỦY CHÂU ĐỨC"),
    # a word broken after its first syllable, the second one able to open a body's name
    (["UBND TỈNH HÀ TĨNH", "SỞ TÀI NGUYÊN VÀ MÔI", "TRƯỜNG"], "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG TỈNH HÀ TĨNH"),
    (["LĐLĐ HUYỆN GIA LÂM", "CÔNG ĐOÀN CƠ", "SỞ TRƯỜNG THCS ĐA TỐN"], "CÔNG ĐOÀN CƠ SỞ TRƯỜNG THCS ĐA TỐN"),
    # a lone body word names nothing: it ends the name above, whatever the word it completes
    (["UBND HUYỆN AN PHÚ", "BAN QUẢN LÝ CHỢ VÀ THƯƠNG", "TRƯỜNG"], "BAN QUẢN LÝ CHỢ VÀ THƯƠNG TRƯỜNG UBND HUYỆN AN PHÚ"),
    # a body of its own under a body naming its place stays the issuer
    (["UBND HUYỆN AN PHÚ", "TRƯỜNG THCS VĨNH HẬU"], "TRƯỜNG THCS VĨNH HẬU"),
])
def test_wrapped_issuer_lines_are_joined(block, issuer):
    assert compose_issuer(block) == issuer


def test_signer_name_with_apostrophe(tmp_path: Path):
    text = textwrap.dedent("""
        HỘI LHPN HUYỆN KRÔNG BÔNG                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                                  Độc lập - Tự do - Hạnh phúc
        Số: 31/TB-HLHPN                           Krông Bông, ngày 04 tháng 11 năm 2024

                                    THÔNG BÁO
                      Lịch sinh hoạt chuyên đề quý IV năm 2024

        Các chi hội tổ chức sinh hoạt trước ngày 30/11/2024.

                                                  CHỦ TỊCH


                                                  H' Bluôk Niê
        """).lstrip("\n")
    path = tmp_path / "tb.txt"
    path.write_text(text, encoding="utf-8")
    meta = extract_metadata(read(path), [])
    assert meta.signer is not None and meta.signer.name == "H' Bluôk Niê"


def test_xlsx_consolidated_list_issuer_and_no_guessed_unit(tmp_path: Path):
    path = sheet(tmp_path / "form-tong-hop-khoi-co-quan.xlsx", [
        ["ĐẢNG BỘ KHỐI CƠ QUAN TỈNH", None, None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"],
        ["ĐẢNG ỦY CƠ QUAN SỞ Y TẾ"], [],
        ["DANH SÁCH TỔNG HỢP ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2027"], [],
        ["TT", "Đơn vị", "Tên mô hình", "Tập thể, cá nhân chỉ đạo xây dựng mô hình", "Địa chỉ thực hiện",
         "Lĩnh vực", "Thời gian thực hiện"],
        [1, "Chi bộ Phòng Nghiệp vụ", "Tiếp nhận hồ sơ hành nghề trực tuyến", "Phòng Nghiệp vụ", "Trụ sở Sở",
         "CCHC", "01 - 12/2027"],
        [2, "Chi bộ Văn phòng", "Cơ quan không khói thuốc", "Công đoàn cơ quan", "Trụ sở Sở", "VH-XH",
         "01 - 12/2027"]])
    record = extract_file(path)
    assert [r.unit for r in record.registrations] == ["Chi bộ Phòng Nghiệp vụ", "Chi bộ Văn phòng"]
    assert record.meta.issuer and "đảng ủy cơ quan sở y tế" in record.meta.issuer.lower()
    assert record.meta.unit is None  # a consolidated list: no unit guessed from the file name


def test_signature_title_stops_at_the_authority_line():
    """Numbered headings above a signature (``III. TỔ CHỨC THỰC HIỆN``) never join the signer's title."""
    from pipeline.extractors.metadata import extract_metadata

    doc = lines_doc(["BAN CHẤP HÀNH ĐOÀN XÃ TÂN PHÚ", "Tân Phú, ngày 04 tháng 6 năm 2027", "KẾ HOẠCH",
                "Hè tình nguyện năm 2027", "II. NỘI DUNG", "Các chi đoàn đăng ký chỉ tiêu.",
                "III. TỔ CHỨC THỰC HIỆN", "TM. BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Cao Văn Khải"])
    meta = extract_metadata(doc, [])
    assert meta.signer.name == "Cao Văn Khải"
    assert meta.signer.title == "Phó Bí thư"


def test_header_bodies_with_wrapped_names():
    assert readable_case(compose_issuer(["SỞ XÂY DỰNG TỈNH NGHỆ AN", "BAN QUẢN LÝ DỰ ÁN",
                                         "CÁC CÔNG TRÌNH GIAO THÔNG"])).startswith(
        "Ban Quản lý dự án các công trình giao thông")
    assert readable_case(compose_issuer(["LĐLĐ HUYỆN THANH OAI", "CÔNG ĐOÀN CƠ SỞ",
                                         "TRƯỜNG THCS CAO VIÊN"])) == "Công đoàn cơ sở Trường THCS Cao Viên"


def test_danh_is_a_surname_unless_it_opens_a_noun():
    assert _is_name("Danh Út")
    assert _is_name("Danh Thị Kim Phượng")
    assert not _is_name("Danh Sách Đăng Ký")
    assert not _is_name("DANH SÁCH ĐĂNG KÝ", strict_caps=False)


def test_tcvn3_header_number_and_signature(tmp_path: Path):
    """TCVN3 has no toned capitals: ``SỐ``, ``PHÓ BÍ THƯ`` come back with damaged case; still read."""
    sys.path.insert(0, str(ROOT / "tools"))
    from tcvn3 import encode

    text = ("ĐẢNG BỘ TỈNH NINH BÌNH                  ĐẢNG CỘNG SẢN VIỆT NAM\n"
            "HUYỆN ỦY NHO QUAN\n*                                       Nho Quan, ngày 14 tháng 4 năm 2027\n"
            "Số 88-TB/HU\n\n                THÔNG BÁO\n       Kết luận của Thường trực Huyện ủy\n\n"
            "Các chi bộ nộp báo cáo về Văn phòng Huyện ủy trước ngày 30/4/2027.\n\n"
            "Nơi nhận:                                   T/M BAN THƯỜNG VỤ\n"
            "- Các chi bộ,                               PHÓ BÍ THƯ\n- Lưu VP.\n\n"
            "                                            Đinh Thị Huệ\n")
    path = tmp_path / "tb.txt"
    path.write_bytes(encode(text))
    record = extract_file(path)
    assert record.meta.number == "88-TB/HU"
    assert record.meta.signer.name == "Đinh Thị Huệ"
    assert (record.meta.signer.title or "").lower() == "phó bí thư"
    assert [d.due for d in record.deadlines] == ["2027-04-30"]


def test_a_signer_read_without_a_title_is_doubted(tmp_path):
    """A stamped scan hid the signature title: the name is kept, the title is null and the reviewer is told why."""
    meta, _ = meta_of(tmp_path, """
        UBND XÃ NGHĨA LÂM                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        TRUNG TÂM PVHCC                          Độc lập - Tự do - Hạnh phúc
        Số: 04/TB-TTPVHCC                     Nghĩa Lâm, ngày 26 tháng 5 năm 2026

        THÔNG BÁO
        Phân công nhiệm vụ của cán bộ, công chức

        Trung tâm thông báo để các bộ phận biết, thực hiện./.
        Nơi nhận:
        - Như trên;
        - Lưu: VT.
        TRUNG TÂM
        PHỤC VỤ
        Nguyễn Thị Mỹ Công
        """)
    assert meta.signer.to_dict() == {"name": "Nguyễn Thị Mỹ Công", "title": None}
    assert meta.confidence["signer"] < 0.7 and any("chức danh" in r for r in meta.review["signer"])


@pytest.mark.parametrize("place", ["Hòa Minh - Cẩm Lệ", "Phước Long - Bình Phước", "Trà Vinh"])
def test_place_named_after_a_merger_keeps_both_sides_of_its_dash(tmp_path, place):
    meta, _ = meta_of(tmp_path, f"""
    UBND PHƯỜNG {place.upper()}                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    TRƯỜNG TIỂU HỌC HÒA AN                      Độc lập - Tự do - Hạnh phúc
    Số: 14/KH-THHA                              {place}, ngày 09 tháng 02 năm 2026

    KẾ HOẠCH
    Tổ chức ngày hội đọc sách năm 2026
    """)
    assert (meta.place, meta.issued_on) == (place, "2026-02-09")
