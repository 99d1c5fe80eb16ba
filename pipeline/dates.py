"""The Vietnamese time-expression grammar: find dates, months, quarters, halves, years and ranges.

Interface (used by timeline, registrations/normalize and the outputs):

    find_time_expressions(text, default_year=None) -> list[TimeExpr]   # every expression, exact spans
    parse_time_expression(text, default_year=None) -> TimeExpr | None  # a whole cell such as "Tháng 3 - 12/2024"

TO BE IMPLEMENTED (dates helper).
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Optional


@dataclass
class TimeExpr:
    """One time expression found in a text.

    ``first``/``last`` are the first and last calendar day the expression covers (a month
    covers its whole month; a range from its start to its end). ``precision`` is the coarsest
    written unit: day | month | quarter | half | year.
    """

    text: str
    start: int  # character span in the searched text
    end: int
    first: Optional[_dt.date]
    last: Optional[_dt.date]
    precision: str
    is_range: bool = False
    year_inferred: bool = False
    position: Optional[str] = None  # "early" | "mid" | "late" for đầu/giữa/cuối tháng
    time_of_day: Optional[str] = None  # "8 giờ 00", "8h30"
    recurring: Optional[str] = None  # "yearly" | "monthly" | "weekly"


def find_time_expressions(text: str, default_year: Optional[int] = None) -> list[TimeExpr]:
    return []


def parse_time_expression(text: str, default_year: Optional[int] = None) -> Optional[TimeExpr]:
    return None
