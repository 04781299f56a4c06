"""Dates told relative to the narrative, not to the article: "the next day", "le lendemain", "la
veille", "that year", "later that week", "l'année suivante", and the dates durations point to:
"two days later", "trois jours plus tard".

War reporting tells a sequence ("On 12 June, Russian forces attacked the village. The next day,
Ukrainian troops retook it"): such an expression is anchored on the date the narrative last named,
not on the publication date. With no fitting date before it, it stays unanchored (its value keeps
X's), never a confident wrong day.

TimeML tags "two days later" as the duration "two days" (P2D) with "later" as a signal; the value
stays the duration, and the day it points to goes into ``first_day``/``last_day``, which is what
dates an event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..mentions import TimeMention
from .arithmetic import iso_week, shift_months
from .values import day_mention, month_mention
from .words import Match, TextView, TimeWords, longest_phrase, low_at, phrase_text

# Which anchors each unit of shift can be counted from: a day from a day, a month from a month or finer.
_FINE_ENOUGH = {
    "D": ("day", "part-of-day"),
    "W": ("day", "part-of-day", "week"),
    "M": ("day", "part-of-day", "week", "month", "part-of-month"),
    "Y": ("day", "part-of-day", "week", "month", "part-of-month", "quarter", "season", "year"),
}
_PRECISION = {"D": "day", "W": "week", "M": "month", "Y": "year"}
RULE = "anaphoric_date"


@dataclass(frozen=True)
class Shift:
    """What an anaphoric phrase says: ``amount`` units (D, W, M, Y) from the anchor, and a part of day."""

    unit: str
    amount: int
    part: str | None = None

    @classmethod
    def parse(cls, spec: str) -> "Shift":
        """"D 1", "D -1 EV" (the lexicon's notation) as a Shift."""
        unit, amount, *part = spec.split()
        return cls(unit, int(amount), part[0] if part else None)


def anaphoric_date(w: TimeWords, doc: TextView, i: int, ref: date | None) -> Match:
    """"the next day", "the following morning", "that year", "le lendemain (matin)", "la veille",
    "ce jour-là", "l'année suivante". Unanchored here: :func:`anchor` gives the value."""
    read = read_shift(w, doc, i)
    if read is None:
        return None
    shift, phrase_end, end = read
    if shift.unit == "D" and low_at(doc, phrase_end - 1) in w.anaphora_relations and _names_an_event(doc, end):
        return None  # "the day after the vote": anchored on an event sitrep cannot date here
    return unanchored_shift(shift, i, end), end


def read_shift(w: TimeWords, doc: TextView, i: int) -> tuple[Shift, int, int] | None:
    """The shift the anaphoric phrase at token ``i`` says, where the phrase ends, and where the
    expression ends: a part of day may follow a day ("le lendemain matin")."""
    k = longest_phrase(doc, i, w.anaphoric_dates)
    if not k:
        return None
    shift, end = Shift.parse(w.anaphoric_dates[phrase_text(doc, i, k)]), i + k
    if shift.unit == "D" and shift.part is None and low_at(doc, end) in w.parts_of_day:
        return Shift(shift.unit, shift.amount, w.parts_of_day[low_at(doc, end)]), i + k, end + 1
    return shift, i + k, end


def unanchored_shift(shift: Shift, start: int, end: int) -> TimeMention:
    value = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX"}[shift.unit]
    if shift.part:
        value += "T" + shift.part
    return TimeMention(start, end, "TIME" if shift.part else "DATE", value, _PRECISION[shift.unit], anchored=False)


def _names_an_event(doc: TextView, i: int) -> bool:
    """Whether a noun phrase follows token ``i`` ("the day after [the vote]", "au lendemain [de la démission]")."""
    return i < len(doc) and (doc[i].pos_ in ("DET", "NOUN", "PROPN", "PRON", "NUM", "ADJ")
                             or doc.lows[i] in ("of", "de", "du", "des", "d'"))


def anchor(w: TimeWords, doc: TextView, found: list[tuple[TimeMention, str]]) -> None:
    """Anchor the anaphoric dates and the durations told as "later"/"earlier" on the date the
    narrative named last before them; each then becomes the narrative's date in turn."""
    last: TimeMention | None = None
    for index, (mention, rule) in enumerate(found):
        if rule == RULE:
            read = read_shift(w, doc, mention.start)
            resolved = shifted(last, read[0], mention.start, mention.end) if read and last else None
            if resolved is not None:
                found[index] = (resolved, rule)
                mention = resolved
        elif mention.type == "DURATION":
            told = _told_relative(w, doc, mention)
            if told is not None and last is not None:
                target = shifted(last, told, mention.start, mention.end)
                if target is not None:
                    mention.first_day, mention.last_day, mention.precision = \
                        target.first_day, target.last_day, target.precision
        if mention.first_day and rule != "clock_time":  # a clock time's day is settled later (discourse.clock_on_days)
            last = mention


def _told_relative(w: TimeWords, doc: TextView, mention: TimeMention) -> Shift | None:
    """The shift a duration followed by "later", "earlier", "plus tard" tells ("two days later": D +2),
    when its amount is exact."""
    k = longest_phrase(doc, mention.end, w.later_words)
    if not k:
        return None
    direction = w.later_words[phrase_text(doc, mention.end, k)]
    if low_at(doc, mention.end + k - 1) in w.anaphora_relations and _names_an_event(doc, mention.end + k):
        return None  # "two days after the vote"
    value = mention.value
    if not value.startswith("P") or value.startswith("PT") or "X" in value:
        return None
    try:
        amount = int(value[1:-1])
    except ValueError:
        return None
    unit = value[-1]
    if unit not in _PRECISION:
        return None
    return Shift(unit, amount * direction)


def shifted(anchor_: TimeMention, shift: Shift, start: int, end: int) -> TimeMention | None:
    """The date ``shift`` from ``anchor_``, with the precision of the shift; None when the anchor is too
    coarse to count from ("the next day" after "in June")."""
    if anchor_.precision not in _FINE_ENOUGH[shift.unit] or anchor_.first_day is None:
        return None
    base = date.fromisoformat(anchor_.first_day)
    if shift.unit == "D":
        return day_mention(base + timedelta(days=shift.amount), start, end,
                           "part-of-day" if shift.part else "day", shift.part)
    if shift.unit == "W":
        monday = base - timedelta(days=base.weekday()) + timedelta(weeks=shift.amount)
        return TimeMention(start, end, "DATE", iso_week(monday), "week", monday.isoformat(),
                           (monday + timedelta(days=6)).isoformat())
    if shift.unit == "M":
        year, month = shift_months(base, shift.amount)
        return month_mention(year, month, start, end)
    year = base.year + shift.amount
    return TimeMention(start, end, "DATE", str(year), "year", f"{year}-01-01", f"{year}-12-31")
