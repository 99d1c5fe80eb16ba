"""How sure an extracted value is, and why a reviewer should look at it (confidence 0–1, Vietnamese reasons).

Why one module: the reviewers' queue (the reports) reads ``confidence`` against
:data:`pipeline.model.REVIEW_THRESHOLD` and shows the ``review`` reasons as written here, so every
extractor must use the same words and the same weights. Each doubt lowers the confidence by its
weight and adds its reason; a value with one real doubt falls under the threshold.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..model import REVIEW_THRESHOLD  # noqa: F401 (re-exported for the extractors' docs)

#: Tesseract's mean word confidence (0–100) under which a line read by OCR is doubtful.
OCR_LOW = 70.0

YEAR_INFERRED = "năm được suy ra từ văn bản"
NO_RESPONSIBLE = "không tìm thấy đơn vị chủ trì"
RESPONSIBLE_FROM_CONTEXT = "đơn vị chủ trì suy ra từ đề mục hoặc câu trước"
BEFORE_ISSUE = "hạn chót sớm hơn ngày ban hành"
RELATIVE_DEADLINE = "hạn tính từ một sự việc, chưa có ngày cụ thể"
PERIODIC_DEADLINE = "hạn định kỳ, văn bản không ghi ngày cụ thể"
TIME_ROLE_GUESSED = "không rõ là thời hạn hoàn thành hay thời gian thực hiện (tiêu đề chỉ ghi «thời gian»)"
WINDOW_BY_VERB = "hạn chót hay mốc thời gian được suy ra từ động từ của câu"
NO_ACTION = "không xác định được việc phải làm"
NUMBER_BLANK = "số văn bản để trống"
DATE_BLANK = "ngày ban hành để trống hoặc không đọc được"
ISSUER_MISSING = "không tìm thấy cơ quan ban hành"
PLACE_MISSING = "không tìm thấy địa danh ở đầu văn bản"
ISSUER_FROM_NUMBER = "cơ quan ban hành suy ra từ ký hiệu số văn bản"
ISSUER_FROM_BODY = "cơ quan ban hành suy ra từ nội dung văn bản"
ISSUER_FROM_SIGNATURE = "cơ quan ban hành lấy từ khối chữ ký"
KIND_GUESSED = "loại văn bản suy ra từ nội dung hoặc ký hiệu số"
KIND_UNKNOWN = "không xác định được loại văn bản"
SIGNER_MISSING = "không tìm thấy người ký"
SIGNER_WITHOUT_TITLE = "không đọc được chức danh người ký (con dấu, chữ ký che khuất?)"
UNIT_FROM_FOOTER = "đơn vị lấy từ dòng cuối biểu mẫu"
UNIT_FROM_SIGNATURE = "đơn vị lấy từ chức danh người ký"
UNIT_GUESSED = "đơn vị đoán từ tên tệp"
UNIT_MISSING = "không tìm thấy đơn vị đăng ký"
REG_LEADER_MISSING = "thiếu tập thể (cá nhân) chỉ đạo xây dựng mô hình"
REG_FIELD_MISSING = "thiếu lĩnh vực"
REG_FIELD_UNKNOWN = "lĩnh vực không thuộc danh mục"
REG_PERIOD_UNREAD = "không đọc được thời gian thực hiện"
REG_PERIOD_OTHER_YEAR = "thời gian thực hiện khác năm của biểu"
REG_SEQ_REPEATED = "số thứ tự trùng với dòng trên"
SUBJECT_MISSING = "không xác định được đối tượng của chỉ tiêu"
SUBJECT_FROM_ISSUER = "đối tượng của chỉ tiêu lấy từ cơ quan ban hành"
SUBJECT_FROM_LEAD_IN = "đối tượng của chỉ tiêu lấy từ lời dẫn của danh sách"
SUBJECT_FROM_HEADING = "đối tượng của chỉ tiêu lấy từ đề mục"
TARGET_FROM_SHAPE = "không có từ chỉ mức tối thiểu, chỉ tiêu suy ra từ cách viết"
QUOTA_IN_REPORT = "chỉ tiêu nằm trong báo cáo, có thể là kết quả đã đạt"
NUMBER_WITHOUT_SYMBOL = "số hiệu trích dẫn không có ký hiệu"


def reg_seq_gap(before: int, seq: int) -> str:
    """``số thứ tự nhảy từ 3 lên 5 (có thể sót dòng)``: a registration row may have been lost."""
    return f"số thứ tự nhảy từ {before} lên {seq} (có thể sót dòng)"


def ocr_low(confidence: float) -> str:
    """``độ tin cậy OCR thấp (54%)``."""
    return f"độ tin cậy OCR thấp ({confidence:.0f}%)"


@dataclass
class Doubt:
    """A confidence that starts at ``base`` and loses ``weight`` per doubt, with the doubts' reasons."""

    base: float = 0.9
    reasons: list[str] = field(default_factory=list)
    penalty: float = 0.0

    def add(self, when: bool, reason: str, weight: float = 0.25) -> "Doubt":
        if when and reason not in self.reasons:
            self.reasons.append(reason)
            self.penalty += weight
        return self

    def ocr(self, confidence: Optional[float]) -> "Doubt":
        """A line read by OCR with a low mean word confidence: the value may be misread."""
        return self.add(confidence is not None and confidence < OCR_LOW, ocr_low(confidence or 0.0), 0.3)

    @property
    def confidence(self) -> float:
        return round(max(0.05, min(1.0, self.base - self.penalty)), 2)

    def apply(self, item) -> None:  # type: ignore[no-untyped-def]
        """Set ``confidence`` and ``review`` on an extracted item (Deadline, Milestone, Quota …)."""
        item.confidence = self.confidence
        item.review = list(self.reasons)


def set_field(meta, name: str, doubt: Doubt) -> None:  # type: ignore[no-untyped-def]
    """Per-field confidence and reasons on a DocumentMeta."""
    meta.confidence[name] = doubt.confidence
    if doubt.reasons:
        meta.review[name] = list(doubt.reasons)
