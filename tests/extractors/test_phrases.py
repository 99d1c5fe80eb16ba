"""The body noun phrase (pipeline.extractors.phrases): where the name of a body written as a subject ends.

Run: ``.venv/bin/pytest -q tests/extractors/test_phrases.py``. Invented phrases (other bodies and places than
the gold sets); the owners of deadlines through the real underthesea/spaCy pipeline of the timeline.
"""
from __future__ import annotations

import pytest

from pipeline.model import DocumentMeta
from pipeline.extractors.phrases import body_phrase, heading_bodies, units_phrase
from pipeline.extractors.timeline import extract_timeline
from doc_helpers import lines_doc


@pytest.mark.parametrize("text, name", [
    # the scope (a level word and its place) closes the name; the next word starts the predicate, known verb or not
    ("Công an phường đối chiếu hồ sơ, xong trước ngày 12/3", "Công an phường"),
    ("Chủ tịch UBND huyện duyệt, gửi quyết định đến từng hộ (kèm bản sao)", "Chủ tịch UBND huyện"),
    ("Ủy ban nhân dân thị trấn Hòa Bình niêm yết danh sách", "Ủy ban nhân dân thị trấn Hòa Bình"),
    ("Chi đoàn khu phố 4 nhận nhiệm vụ", "Chi đoàn khu phố 4"),
    # a list or a locating word goes on after the scope
    ("UBND các phường, xã và các tổ chức chính trị - xã hội huyện rà soát", "UBND các phường, xã và các tổ chức "
                                                                           "chính trị - xã hội huyện"),
    ("Các trường học trên địa bàn phường tổ chức ngoại khóa", "Các trường học trên địa bàn phường"),
    # a committee named after its level closes a name as the level does
    ("Các ban xây dựng đảng quận ủy, thị ủy cử cán bộ dự lớp", "Các ban xây dựng đảng quận ủy, thị ủy"),
    # "xã hội" is a word, not the commune
    ("Các tổ chức chính trị - xã hội tỉnh vận động hội viên", "Các tổ chức chính trị - xã hội tỉnh"),
    # a body named by its purpose carries that purpose, verbs included, up to its scope
    ("Tổ công tác rà soát hộ cận nghèo phường đối chiếu danh sách", "Tổ công tác rà soát hộ cận nghèo phường"),
    ("Hội đồng thẩm định của huyện họp, kết luận", "Hội đồng thẩm định của huyện"),
    ("Ban Chỉ đạo phòng, chống dịch xã Phú Lộc kiểm tra các điểm cách ly", "Ban Chỉ đạo phòng, chống dịch xã Phú Lộc"),
    # … but not over a body it directs, nor without a scope
    ("Ban Chỉ đạo hướng dẫn các thôn triển khai", "Ban Chỉ đạo"),
    ("Tổ công tác kiểm tra các hộ trên địa bàn xã", "Tổ công tác"),
    # an apposition is no part of the name
    ("Phòng Kinh tế là cơ quan thường trực của Ban", "Phòng Kinh tế"),
])
def test_body_phrase_ends_where_the_name_ends(text, name):
    assert body_phrase(text) == name


@pytest.mark.parametrize("text", ["Tuyên truyền, vận động nhân dân tham gia", "Kết quả thực hiện được báo cáo",
                                  "Trong tháng 5, tổ chức hội nghị"])
def test_a_phrase_that_opens_on_no_body_has_none(text):
    assert body_phrase(text) is None


@pytest.mark.parametrize("heading, bodies", [
    ("Công an xã", "Công an xã"),
    ("Trách nhiệm của Phòng Tư pháp", "Phòng Tư pháp"),
    ("UBND các xã thực hiện các nội dung sau:", "UBND các xã"),
    ("Sở Y tế - Cơ quan thường trực", "Sở Y tế"),
    ("Mục đích, yêu cầu", None),
])
def test_heading_names_the_bodies_its_items_fall_on(heading, bodies):
    assert heading_bodies(heading) == bodies


def _owners(lines: list[str]) -> dict[str, str | None]:
    deadlines, _ = extract_timeline(lines_doc(lines), DocumentMeta(kind="plan", issued_on="2026-02-02"), [])
    return {d.due: d.responsible for d in deadlines}


def test_an_item_naming_its_own_body_does_not_inherit_the_previous_owner():
    owners = _owners([
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Ban Chỉ huy Quân sự phường là cơ quan thường trực, tổng hợp kết quả về Bộ Chỉ huy tỉnh trước ngày "
        "10/4/2026.",
        "2. Công an phường thẩm tra lý lịch công dân, hoàn thành trước ngày 15/3/2026; giữ gìn trật tự.",
    ])
    assert owners == {"2026-04-10": "Ban Chỉ huy Quân sự phường", "2026-03-15": "Công an phường"}


def test_subject_after_a_label_owns_the_deadline():
    owners = _owners([
        "III. THỜI GIAN",
        "1. Nộp bài dự thi: Các chi đoàn tổng hợp bài dự thi, gửi về Văn phòng Đoàn phường trước ngày 20/4/2026.",
        "2. Chấm thi: chậm nhất ngày 05/5/2026.",
    ])
    assert owners["2026-04-20"] == "Các chi đoàn"


def test_purpose_named_body_keeps_its_purpose_as_owner():
    owners = _owners(["Trước ngày 30/6/2026, Hội đồng xét duyệt hồ sơ của phường họp, trình Chủ tịch UBND phường."])
    assert owners == {"2026-06-30": "Hội đồng xét duyệt hồ sơ của phường"}


@pytest.mark.parametrize("units, after, cut", [
    # the predicate leaked into the units: cut before its verb
    ("Mỗi chi đoàn nhận đỡ đầu", ", giúp đỡ ít nhất 02 thiếu nhi", "Mỗi chi đoàn"),
    ("Toàn Hội Nông dân xã vận động góp", " ít nhất 300 ngày công", "Toàn Hội Nông dân xã"),
    ("mỗi tổ nộp", " 01 bản thu hoạch", "mỗi tổ"),
    # a verb of the unit's own name stays when the predicate starts after it
    ("Mỗi hộ tham gia mô hình", " đăng ký ít nhất 01 sáng kiến", "Mỗi hộ tham gia mô hình"),
    # so does a relative clause, and a syllable of a noun ("cây trồng") is no verb
    ("Các hộ được hỗ trợ giống", "", "Các hộ được hỗ trợ giống"),
    ("Mỗi hộ có diện tích cây trồng", " từ 1 ha", "Mỗi hộ có diện tích cây trồng"),
    # a measured share is not a list of units: left as read
    ("Tỷ lệ hộ tham gia bảo hiểm", " đạt tối thiểu 95%", "Tỷ lệ hộ tham gia bảo hiểm"),
])
def test_units_of_a_quota_end_before_their_predicate(units, after, cut):
    assert units_phrase(units, after) == cut
