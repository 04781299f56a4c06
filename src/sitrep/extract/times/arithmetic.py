"""Calendar arithmetic the normalizer needs: month lengths, ISO weeks, month shifts, and which
weekday or which year an underspecified date means relative to the reference date."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

_NEAR_FUTURE_DAYS = 90  # a day-and-month this close ahead of the article is meant ahead


def month_last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def weekday_near(ref: date, weekday: int, mode: str) -> date:
    """The ``weekday`` (0 = Monday) meant relative to ``ref``: the most recent on or before it
    (``past``), the first on or after it (``future``), the one in the same ISO week (``this``),
    strictly before (``last``), strictly after (``next``)."""
    if mode == "this":
        return ref + timedelta(days=weekday - ref.weekday())
    if mode == "next":
        return ref + timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)
    if mode == "future":
        return ref + timedelta(days=(weekday - ref.weekday()) % 7)
    back = (ref.weekday() - weekday) % 7
    if mode == "last" and back == 0:
        back = 7
    return ref - timedelta(days=back)


def infer_year(ref: date | None, month: int, day: int = 1, tense: str | None = None) -> int | None:
    """The year of a day-and-month without a year. News reports the past: the last such date not
    more than a week after the article, unless the next one is less than three months ahead
    (news of 26 October speaks of "Dec. 7" coming, of "April" gone) or the verb is in the
    future tense. A verb in the past tense is no better guide than that (measured); ``last``
    ("le 8 mars dernier") is."""
    if ref is None:
        return None
    dates = {}
    for year in (ref.year - 1, ref.year, ref.year + 1):
        dates[year] = date(year, month, min(day, month_last_day(year, month)))
    past = max(y for y, d in dates.items() if d <= ref + timedelta(days=7))
    future = min(y for y, d in dates.items() if d >= ref - timedelta(days=7))
    if tense == "future" or tense != "last" and (dates[future] - ref).days <= _NEAR_FUTURE_DAYS:
        return future
    return past


def iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def shift_months(d: date, months: int) -> tuple[int, int]:
    index = d.year * 12 + d.month - 1 + months
    return index // 12, index % 12 + 1
