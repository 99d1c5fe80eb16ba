"""Vietnamese words for the codes the store keeps (one place; column labels live in the store's schema)."""
from __future__ import annotations

from .. import lexicon

#: Field code -> the words reviewers read: the lexicon's ``[fields]`` (the one list of fields, see pipeline/lexicon).
FIELD_LABELS = dict(lexicon.mapping("fields"))
UNKNOWN_FIELD = "Chưa phân loại"
SECTION_LABELS = dict(lexicon.mapping("form_section_labels"))
UNKNOWN_SECTION = "Chưa xác định (mới/tiếp tục)"
KIND_LABELS = {
    "plan": "Kế hoạch", "guide": "Hướng dẫn", "notice": "Thông báo", "program": "Chương trình",
    "decision": "Quyết định", "report": "Báo cáo", "official_letter": "Công văn",
    "registration_form": "Biểu đăng ký", "other": "Văn bản",
}
#: How documents are cited in short ("KH 344/KH-UBND"): the usual abbreviations of Vietnamese administration.
KIND_ABBREVIATIONS = {
    "plan": "KH", "guide": "HD", "notice": "TB", "program": "CTr", "decision": "QĐ", "report": "BC",
    "official_letter": "CV", "registration_form": "Biểu", "other": "VB",
}
UNKNOWN_CAMPAIGN = "chưa rõ năm"

#: Item kinds of the review queue and of stable ids.
ITEM_KIND_LABELS = {
    "registration": "Dòng đăng ký", "deadline": "Hạn chót", "milestone": "Mốc thời gian", "quota": "Chỉ tiêu",
    "reference": "Văn bản dẫn chiếu", "document": "Văn bản", "file": "Tệp",
}

#: Review fields: the suffix of a review id ("D-3f9a2c81b0/thoigian") and the words the reviewer sees.
REVIEW_FIELDS = {
    "": "Cả mục",
    "ten": "Tên mô hình", "donvi": "Đơn vị", "chidao": "Tập thể (cá nhân) chỉ đạo", "diachi": "Địa chỉ",
    "linhvuc": "Lĩnh vực", "thoigian": "Thời gian", "han": "Hạn", "noidung": "Nội dung", "so": "Số văn bản",
    "ngay": "Ngày văn bản", "nam": "Năm (đợt)", "doituong": "Đối tượng", "chitieu": "Mức chỉ tiêu",
    "loai": "Loại văn bản", "trichyeu": "Trích yếu", "canhbao": "Cảnh báo khi đọc",
    "coquan": "Cơ quan ban hành", "diadanh": "Địa danh", "nguoiky": "Người ký",
}
#: Names the extraction side uses for fields (record keys, OCR fields) -> review field codes.
FIELD_CODES = {
    "name": "ten", "unit": "donvi", "leader": "chidao", "address": "diachi", "field": "linhvuc", "period": "thoigian",
    "due": "han", "text": "", "action": "noidung", "number": "so", "issued_on": "ngay", "campaign": "nam",
    "subject": "doituong", "minimum": "chitieu", "kind": "loai", "title": "trichyeu",
    "issuer": "coquan", "place": "diadanh", "signer": "nguoiky",
}

STATUS_LABELS = {"open": "Chưa trả lời", "confirmed": "Đã xác nhận đúng", "corrected": "Đã sửa",
                 "rejected": "Đã loại (sai)", "orphaned": "Không còn mục tương ứng"}
SUBMISSION_LABELS = {"submitted": "Đã nộp", "late": "Nộp muộn", "missing": "Chưa nộp"}

#: Value labels of people's exports, per column name (any table).
VALUE_LABELS: dict[str, dict[str, str]] = {
    "kind": {**KIND_LABELS},
    "field": {**FIELD_LABELS},
    "section": {**SECTION_LABELS},
    "status": {"processed": "đã xử lý", "quarantined": "không đọc được", "superseded": "đã bị thay thế",
               "answers": "trả lời kiểm tra", "running": "đang chạy", "ok": "tốt", "partial": "có tệp lỗi",
               "failed": "thất bại", "interrupted": "bị ngắt", **{k: v.lower() for k, v in STATUS_LABELS.items()}},
    "superseded_reason": {"version": "phiên bản mới của cùng tệp", "resubmitted": "biểu nộp lại",
                          "duplicate": "bản trùng"},
    "precision": {"day": "ngày", "month": "tháng", "quarter": "quý", "half": "nửa năm", "year": "năm"},
    "unit": {"count": "số lượng", "percent": "phần trăm"},
    "recurring": {"yearly": "hằng năm", "half_yearly": "6 tháng một lần", "quarterly": "hằng quý", "monthly": "hằng tháng",
                  "weekly": "hằng tuần"},
    "verdict": {"confirmed": "đúng", "rejected": "sai", "corrected": "sửa", "open": "rút lại"},
    "item_kind": {**ITEM_KIND_LABELS},
    "format": {"image": "ảnh"},
}
#: Columns whose values are codes only where the table is one of these (``kind`` of a reference is free text).
VALUE_LABEL_TABLES = {"kind": ("documents",), "unit": ("quotas",)}

# --------------------------------------------------------------------------- words the rules read
# Kept as data (candidates for pipeline/lexicon once that room exists on this branch).

#: Organisation kinds recognised at the start of a unit name when units.csv does not give one.
BUILTIN_KINDS = (
    "chi bộ", "đảng bộ", "đảng ủy", "chi hội", "hội", "chi đoàn", "đoàn thanh niên", "đoàn",
    "mặt trận tổ quốc", "ủy ban mặt trận tổ quốc", "ban công tác mặt trận", "công an", "ban chỉ huy quân sự",
    "quân sự", "trường", "phường", "xã", "thị trấn", "quận", "huyện", "thị xã", "thành phố", "tỉnh",
    "tổ dân phố", "khu phố", "khối", "ấp", "thôn", "bản", "tổ", "ban", "phòng", "sở", "ủy ban nhân dân", "ubnd",
    "cơ quan", "doanh nghiệp", "công ty", "bệnh viện", "trạm y tế", "trung tâm", "liên đoàn lao động",
    "công đoàn", "hợp tác xã",
)
#: Words that only quantify or join the subject of a quota ("Mỗi phường", "các chi bộ", "quận, huyện").
QUANTIFIER_WORDS = {"mỗi", "các", "từng", "tất cả", "toàn bộ", "những", "mọi", "100%", "của", "thuộc", "trực thuộc"}
CONNECTOR_WORDS = {"và", "hoặc", ",", ";", "/", "-", "(", ")", ":", "."}
#: A deadline whose action or text holds one of these is the campaign's registration deadline.
REGISTRATION_DEADLINE_WORDS = ("đăng ký",)
#: What a reviewer may type in "Xác nhận" / "Đã hoàn thành" (compared without tone marks and case).
YES_WORDS = {"dung", "d", "ok", "x", "v", "co", "yes", "y", "true", "1", "roi", "xong", "da xong", "hoan thanh",
             "da hoan thanh", "✓", "✔", "dong y"}
NO_WORDS = {"sai", "s", "khong", "k", "no", "n", "false", "0", "chua", "chua xong", "✗", "✘"}
