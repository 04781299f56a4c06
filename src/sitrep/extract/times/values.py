"""TIMEX3 values: durations (P3D, PT2H), days (2025-04-01, 2025-04-01TNI), months, quarters
(1998-Q3), each with the range of days it covers when it is anchored."""

from __future__ import annotations

import re
from datetime import date

from ..mentions import TimeMention
from .arithmetic import month_last_day
from .words import TextView


def period(amount: str, unit: str) -> str:
    """A TIMEX3 duration: ``period("3", "D")`` is P3D, ``period("2", "H")`` PT2H, ``period("X", "MIN")`` PTXM."""
    if unit in ("H", "MIN", "S"):
        return f"PT{amount}{unit[0]}"
    return f"P{amount}{unit}"


def day_mention(d: date, start: int, end: int, precision: str = "day", part: str | None = None) -> TimeMention:
    value = d.isoformat() + (f"T{part}" if part else "")
    return TimeMention(start, end, "TIME" if part else "DATE", value, precision, d.isoformat(), d.isoformat())


def month_mention(year: int | None, month: int, start: int, end: int) -> TimeMention:
    if year is None:
        return TimeMention(start, end, "DATE", f"XXXX-{month:02d}", "month", anchored=False)
    last = month_last_day(year, month)
    return TimeMention(start, end, "DATE", f"{year}-{month:02d}", "month",
                       date(year, month, 1).isoformat(), date(year, month, last).isoformat())


def unanchored(start: int, end: int, precision: str, type_: str = "DATE") -> TimeMention:
    return TimeMention(start, end, type_, "XXXX-XX-XX", precision, anchored=False)


def quarter_year(ref: date, number: int) -> int:
    """The year of "the third quarter": the last such quarter begun by the reference date."""
    return ref.year if (number - 1) * 3 + 1 <= ref.month else ref.year - 1


def reported_quarter(value: str, ref: date) -> tuple[int, int] | None:
    """The (year, quarter) a TIMEX3 value names when a report may speak of it as "the quarter": the last
    such quarter of the year (a fiscal year's first quarter too), ended by ``ref`` ("the fourth quarter"
    named in October is a forecast, not the quarter reported)."""
    named = re.fullmatch(r"(\d{4})-Q(\d)", value)
    if named is None:
        return None
    year, number = int(named.group(1)), int(named.group(2))
    last = date(year, number * 3, month_last_day(year, number * 3))
    return (year, number) if year == quarter_year(ref, number) and last < ref else None


def quarter_mention(year: int, number: int, start: int, end: int) -> TimeMention:
    first, last_month = date(year, (number - 1) * 3 + 1, 1), number * 3
    return TimeMention(start, end, "DATE", f"{year}-Q{number}", "quarter", first.isoformat(),
                       date(year, last_month, month_last_day(year, last_month)).isoformat())


def quarter_in_context(doc: TextView, ref: date, current: bool = False) -> tuple[int, int]:
    """The quarter a report is about: the last one named before, else the last one ended
    before the article ("the current quarter" is the one it is written in)."""
    if current:
        return ref.year, (ref.month - 1) // 3 + 1
    if doc.quarter is not None:
        return doc.quarter
    number = (ref.month - 1) // 3
    return (ref.year, number) if number else (ref.year - 1, 4)
