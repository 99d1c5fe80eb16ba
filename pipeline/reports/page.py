"""The readable page ``lich-han-chot.html``: what is overdue, what comes next, what to check, who has submitted.

Rendered with jinja2 (autoescaped, inline CSS, no JavaScript, no external asset). On paper every item
appears once: the sections by status (to check, overdue, upcoming, done) hold every dated item, so the
month-by-month index is for the screen only and each multi-month milestone is listed once, in its
first month, with its whole span.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..atomic import atomic_write
from .model import Model, TimeItem, campaign_label
from .text import INVISIBLE, dmy
from .workbook import item_status

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
TEMPLATE = "lich-han-chot.html.j2"


@dataclass
class PageEntry:
    item: TimeItem
    status: str  # overdue | soon | upcoming | ongoing | ended | done | undated
    status_label: str


def _entry(it: TimeItem, today: date) -> PageEntry:
    code, label = item_status(it, today)
    return PageEntry(it, code, label)


def page_context(model: Model, today: date) -> dict[str, Any]:
    """Everything the template shows, computed here so the template stays dumb."""
    dated = [i for i in model.items if i.start]
    entries = [_entry(i, today) for i in dated]
    upcoming = sorted([e for e in entries if e.status in ("soon", "upcoming", "ongoing")],
                      key=lambda e: (e.item.start if e.status != "ongoing" else today, e.item.kind))
    overdue = sorted([e for e in entries if e.status == "overdue"], key=lambda e: e.item.start, reverse=True)
    done = sorted([e for e in entries if e.status in ("done", "ended")],
                  key=lambda e: e.item.end or e.item.start, reverse=True)
    months: dict[tuple[int, int], list[PageEntry]] = {}
    for e in entries:  # each item once, in the month it starts (its whole span is in its date label)
        start = e.item.start
        months.setdefault((start.year, start.month), []).append(e)
    month_list = [{"label": f"Tháng {m:02d}/{y}", "id": f"thang-{y}-{m:02d}", "entries": months[(y, m)],
                   "current": (y, m) == (today.year, today.month)} for y, m in sorted(months)]
    undated = [_entry(i, today) for i in model.undated_deadlines]
    return {
        "today": today, "today_label": dmy(today), "as_of": model.as_of_label,
        "campaign": campaign_label(model.year), "campaigns": [campaign_label(y) for y in model.campaigns],
        "upcoming": upcoming, "overdue": overdue, "done": done, "months": month_list, "undated": undated,
        "compliance": model.compliance, "submissions": model.submissions, "review": model.review,
        "n_deadlines": len(model.dated_deadlines), "n_milestones": len(model.milestones),
        "n_regs": len(model.current), "n_units": len({r.unit_key for r in model.current}),
        "warnings": model.warnings,
    }


def _visible(value: Any) -> Any:
    """Every value printed by the template loses invisible characters (macro output is already clean)."""
    from markupsafe import Markup

    if isinstance(value, str) and not isinstance(value, Markup):
        return INVISIBLE.sub("", value)
    return value


def render_html(model: Model, today: date) -> str:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True,
                      finalize=_visible)
    return env.get_template(TEMPLATE).render(**page_context(model, today))


def write_html(model: Model, path: Path, today: date) -> Path:
    html = render_html(model, today)
    return atomic_write(path, lambda tmp: tmp.write_text(html, encoding="utf-8"))
