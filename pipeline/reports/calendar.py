"""The deadline calendar ``lich-han-chot.ics``: what is due, from which plan, readable on a phone.

One all-day event per dated deadline (a reminder 3 days before) and one multi-day event per milestone.
The summary says what is due and from which document — ``Hạn chót: gửi báo cáo kết quả — KH 344/KH-UBND``
— within about 80 characters, shortened at a word boundary, never inside a word. A deadline marked
done stays in the calendar as completed (``[Đã xong]``, no reminder); one answered *sai* leaves it. UIDs
are the items' stable ids, so a re-import (or a corrected date) updates the event instead of adding one.
"""
from __future__ import annotations

import re
from datetime import timedelta, timezone
from pathlib import Path
from typing import Optional

from ..atomic import atomic_write
from .model import Model, TimeItem
from .text import shorten

ALARM_DAYS_BEFORE = 3
SUMMARY_LIMIT = 80
DONE_PREFIX = "[Đã xong] "

#: Leading words of a sentence that say *when* or *who*, not *what*: dropped from a summary's "what".
_LEAD = re.compile(r"^(?:\W*(?:chậm nhất|hạn chót|trước|sau|đến|từ|trong|vào)\s+(?:ngày|tháng|quý|năm)?\s*"
                   r"[\d/.\-]*\s*,?\s*)+", re.IGNORECASE)


def what_is_due(it: TimeItem) -> str:
    """The action ("gửi báo cáo kết quả"), else the sentence without its leading date words."""
    text = " ".join((it.summary or it.text).split())
    if it.kind != "deadline":
        return text  # a milestone's sentence says what happens and when; it is kept as written
    text = _LEAD.sub("", text).strip(" ,;:.–-") or text
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        text = text[0].lower() + text[1:]  # "Hạn chót: gửi báo cáo …" (an acronym keeps its capitals)
    return text


def event_summary(it: TimeItem, limit: int = SUMMARY_LIMIT) -> str:
    prefix = (DONE_PREFIX if it.done else "") + ("Hạn chót: " if it.kind == "deadline" else "")
    what = what_is_due(it) or it.kind_label.lower()
    doc = f" — {shorten(it.doc.short, 30)}" if it.doc else ""
    room = max(12, limit - len(prefix) - len(doc))
    return prefix + shorten(what, room) + doc


def write_calendar(model: Model, path: Path) -> Path:
    from icalendar import Alarm, Calendar, Event, vRecur

    cal = Calendar()
    cal.add("prodid", "-//pipeline//Lich han chot//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "Lịch hạn chót")
    cal.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    stamp = model.as_of.astimezone(timezone.utc) if model.as_of else _epoch()
    seen: set[str] = set()
    for it in model.items:
        if it.start is None:
            continue  # no calendar date: listed in the HTML page instead
        uid = it.uid()
        if uid in seen:
            continue
        seen.add(uid)
        ev = Event()
        ev.add("uid", uid)
        ev.add("dtstamp", stamp)
        ev.add("summary", event_summary(it))
        ev.add("dtstart", it.start)
        ev.add("dtend", (it.end or it.start) + timedelta(days=1))  # exclusive end of an all-day event
        ev.add("description", event_description(it))
        ev.add("transp", "TRANSPARENT")
        ev.add("status", "CONFIRMED")
        ev.add("categories", [it.kind_label] + (["Đã hoàn thành"] if it.done else []))
        if it.kind == "deadline":
            if it.recurring == "yearly":
                ev.add("rrule", vRecur(freq="YEARLY"))
            if not it.done:
                alarm = Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", f"Còn {ALARM_DAYS_BEFORE} ngày: {event_summary(it)}")
                alarm.add("trigger", timedelta(days=-ALARM_DAYS_BEFORE))
                ev.add_component(alarm)
        cal.add_component(ev)
    payload = cal.to_ical()
    return atomic_write(path, lambda tmp: tmp.write_bytes(payload))


def _epoch():  # type: ignore[no-untyped-def]
    from datetime import datetime

    return datetime(2000, 1, 1, tzinfo=timezone.utc)


def event_description(it: TimeItem) -> str:
    lines = []
    if it.done:
        lines.append("ĐÃ HOÀN THÀNH" + (f" (đánh dấu ngày {it.done_at:%d/%m/%Y})" if it.done_at else ""))
    if it.kind == "deadline":
        lines.append(f"Thời hạn: {it.date_label}" + (" (năm suy ra từ văn bản)" if it.year_inferred else ""))
    else:
        lines.append(f"Thời gian: {it.date_label}")
    if it.corrected:
        lines.append("Đã sửa theo ý kiến người kiểm tra")
    lines.append(f"Nội dung: {it.summary}")
    if it.responsible:
        lines.append(f"Đơn vị thực hiện: {it.responsible}")
    if it.recipient:
        lines.append(f"Gửi về: {it.recipient}")
    if it.doc:
        lines.append(f"Văn bản: {it.doc.full}")
    lines.append(f"Nguồn: {it.source}")
    if it.text and it.text != it.summary:
        lines.append(f"Trích: {it.text}")
    if it.kind == "deadline":
        lines.append(f"Mã: {it.item_id} (đánh dấu đã xong: cột «Đã hoàn thành» trong bảng tổng hợp, "
                     f"hoặc pipeline done {it.item_id})")
    return "\n".join(lines)


def summaries(model: Model) -> list[Optional[str]]:
    """Every event summary (tests and the run summary read them)."""
    return [event_summary(it) for it in model.items if it.start]
