"""The closing summary of ``pipeline run``, in Vietnamese, for the clerk and the operator.

Logs stay English; this is the few lines a person reads at the end: what was new, unchanged, replaced,
copies, unreadable (with names and reasons), answers received, how many items wait for review, and
where the workbook and the calendar are.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional, Sequence

from .text import as_local, stamp

STATUS_WORDS = {"ok": "hoàn tất", "partial": "hoàn tất, có tệp không đọc được", "failed": "THẤT BẠI",
                "interrupted": "bị ngắt giữa chừng"}


class ReportPaths(list):  # type: ignore[type-arg]
    """The files written (a list of paths, as before) plus what the closing summary tells."""

    workbook: Optional[Path] = None
    calendar: Optional[Path] = None
    page: Optional[Path] = None
    review_open: int = 0
    review_answered: int = 0
    orphans: int = 0
    campaign: Optional[int] = None
    missing_units: int = 0
    late_units: int = 0
    empty_files: Sequence[str] = ()  # read, but nothing extracted (a photo of a receipt, a blank page)
    rebuilt: bool = True  # False: the outputs were up to date and left as they were (pipeline/outputs.py)
    revision: Optional[int] = None


def run_summary_text(summary: dict[str, Any], reports: Optional[ReportPaths], summary_path: Optional[Path] = None,
                     asked: bool = True) -> str:
    """The summary; ``reports`` is None when they were not written (``asked``: whether they should have been)."""
    started = as_local(summary.get("started_at"))
    status = STATUS_WORDS.get(str(summary.get("status")), str(summary.get("status")))
    lines = [f"Kết quả lần chạy số {summary.get('run_id', '?')}" + (f", {stamp(started)}" if started else "")
             + f": {status}."]
    counts = [f"tệp mới {summary.get('new', 0)}", f"không đổi {summary.get('unchanged', 0)}",
              f"thay thế bản cũ {summary.get('superseded', 0)}", f"bản trùng {summary.get('duplicates', 0)}",
              f"không đọc được {summary.get('quarantined', 0)}"]
    lines.append("- " + "; ".join(counts).capitalize() + ".")
    files = summary.get("files") or []
    bad = [f for f in files if f.get("status") == "quarantined"]
    if bad:
        lines.append("- Không đọc được (đã chuyển vào thư mục quarantine/, lý do ghi bên cạnh tệp):")
        for f in bad[:20]:
            lines.append(f"    • {f.get('path')}: {f.get('reason')}")
        if len(bad) > 20:
            lines.append(f"    • … và {len(bad) - 20} tệp khác (xem tệp tóm tắt JSON)")
    answered = [f for f in files if f.get("status") == "answers"]
    for f in answered:
        lines.append(f"- Đã nhận trả lời kiểm tra từ {f.get('path')}: {f.get('corrections', 0)} câu trả lời, "
                     f"{f.get('done', 0)} đánh dấu hoàn thành.")
    if summary.get("failure"):
        lines.append(f"- Lỗi: {summary['failure']} (các tệp chưa xử lý vẫn nằm trong thư mục inbox).")
    if reports is None:
        lines.append("- Chưa lập báo cáo (bảng tổng hợp, lịch) — xem nhật ký." if asked else
                     "- Không lập báo cáo lần này (--no-report); chạy «pipeline report» khi cần.")
    else:
        if reports.empty_files:
            names = ", ".join(list(reports.empty_files)[:10]) + (" …" if len(reports.empty_files) > 10 else "")
            lines.append(f"- Đọc được nhưng không trích xuất được gì: {names} — xem trang «Cần kiểm tra».")
        year = f" (năm {reports.campaign})" if reports.campaign else ""
        lines.append(f"- Cần kiểm tra: {reports.review_open} mục chưa trả lời"
                     + (f", {reports.review_answered} đã trả lời" if reports.review_answered else "")
                     + (f", {reports.orphans} câu trả lời không còn khớp mục nào" if reports.orphans else "")
                     + " — trang «Cần kiểm tra» trong bảng tổng hợp.")
        if reports.missing_units or reports.late_units:
            lines.append(f"- Nộp biểu{year}: {reports.missing_units} đơn vị chưa nộp, {reports.late_units} nộp muộn "
                         "— trang «Nộp biểu».")
        if reports.workbook:
            lines.append(f"- Bảng tổng hợp: {reports.workbook}")
        if reports.calendar:
            lines.append(f"- Lịch hạn chót: {reports.calendar}" + (f" (xem và in: {reports.page})" if reports.page else ""))
        if not reports.rebuilt:
            lines.append("- Dữ liệu không thay đổi từ lần lập báo cáo trước: bảng tổng hợp, lịch và trang HTML giữ "
                         "nguyên, không ghi lại.")
    warnings = summary.get("warnings", 0)
    if warnings:
        lines.append(f"- Cảnh báo: {warnings}" + (f" (chi tiết: {summary_path})" if summary_path else "") + ".")
    return "\n".join(lines)
