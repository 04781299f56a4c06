"""Government periods in state actors' names, as ACLED writes them: the military, police and
government of a state are named with the period of the government in power when the event took
place ("Military Forces of Afghanistan (2014-2021)"), written open ("(2014-)") when the next
government had not yet taken power on the day the article was published. The periods are data:
``sitrep/data/government_periods.json``."""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from datetime import date
from functools import lru_cache
from importlib import resources

from .countries import country_name

_STATE_NAME = re.compile(r"^(Military Forces|Police Forces|Government) of ")
_PERIOD = re.compile(r" \(\d{4}-(?:\d{4})?\)")
DATED_KINDS = ("state_forces", "police", "government")


@lru_cache(maxsize=1)
def government_periods() -> dict[str, tuple[date, ...]]:
    text = resources.files("sitrep.data").joinpath("government_periods.json").read_text(encoding="utf-8")
    return {code: tuple(date.fromisoformat(day) for day in days) for code, days in json.loads(text)["periods"].items()}


def period_label(code: str, day: date, known: date | None = None) -> str | None:
    """"2014-2021" for the government of ``code`` in power on ``day``; "2014-" when the next one
    had not taken power by ``known`` (the publication date; ``day`` itself when not given).
    None when the periods of ``code`` are not known, or ``day`` comes before them."""
    starts = government_periods().get(code)
    if not starts:
        return None
    index = bisect_right(starts, day) - 1
    if index < 0:
        return None
    known = max(known or day, day)
    following = starts[index + 1] if index + 1 < len(starts) else None
    end = str(following.year) if following is not None and following <= known else ""
    return f"{starts[index].year}-{end}"


def dated_name(name: str, code: str | None, day: date | None, known: date | None = None) -> str:
    """``name`` with the government period of ``code`` on ``day`` ("Military Forces of Russia
    (2000-) Air Force" keeps its branch after the period); unchanged when the name is not a state's
    actor named after ``code``, or the period is not known."""
    state = _STATE_NAME.match(name)
    if code is None or day is None or state is None:
        return name
    label = period_label(code, day, known)
    if label is None:
        return name
    head = f"{state.group(1)} of {country_name(code)}"
    bare = _PERIOD.sub("", name, count=1)
    if not bare.startswith(head) or bare[len(head):len(head) + 1] not in ("", " "):
        return name
    return f"{head} ({label}){bare[len(head):]}"
