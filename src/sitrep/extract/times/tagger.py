"""The ``sitrep_times`` component: tries the rules of the grammar at each token that can start an
expression, keeps the first match, then runs the passes over the whole Doc."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ...nlp.extensions import register_extensions
from ..mentions import TimeMention
from . import amounts, anaphora, calendar_dates, clock, discourse, relative
from .reference import set_reference
from .values import reported_quarter
from .words import Match, TextView, TimeWords

Rule = Callable[[TimeWords, TextView, int, date | None], Match]
# Tried in this order at each token; the first match wins.
RULES: tuple[Rule, ...] = (
    relative.night_of, anaphora.anaphoric_date, calendar_dates.part_of_month_rule, calendar_dates.day_month, calendar_dates.month_day,
    calendar_dates.month_year, calendar_dates.quarter, calendar_dates.season, relative.relative_unit,
    relative.ago_rule, amounts.recent_units, clock.clock_time, amounts.duration, relative.weekday,
    relative.relative_day, relative.weekend, calendar_dates.year_rule, calendar_dates.current_year,
    calendar_dates.month_alone,
    calendar_dates.holiday, relative.reference_word, amounts.set_rule,
)


@Language.factory("sitrep_times", assigns=["doc._.sitrep_times", "doc._.sitrep_reference"])
def make_times(nlp: Language, name: str) -> "TimeTagger":
    return TimeTagger(nlp.lang)


class TimeTagger:
    def __init__(self, lang: str) -> None:
        register_extensions()
        self.words = TimeWords(lang)
        self.rules = RULES

    def __call__(self, doc: Doc) -> Doc:
        ref = set_reference(doc, self.find)
        doc._.sitrep_times = self.find(doc, ref)
        return doc

    def find(self, doc: Doc, ref: date | None) -> list[TimeMention]:
        """The temporal expressions of ``doc``, normalized against ``ref`` (unanchored when it is None)."""
        w, view = self.words, TextView(doc)
        found: list[tuple[TimeMention, str]] = []
        i = 0
        while i < len(doc):
            if view.lows[i] not in w.starters and not view.lows[i][:1].isdigit():
                i += 1
                continue
            for rule in self.rules:
                match = rule(w, view, i, ref)
                if match is not None:
                    found.append((match[0], rule.__name__))
                    reported = reported_quarter(match[0].value, ref) if ref is not None else None
                    view.quarter = reported or view.quarter
                    i = match[1]
                    break
            else:
                i += 1
        found = discourse.coordinated_days(w, view, found)
        anaphora.anchor(w, view, found)
        found = sorted(discourse.parts_of_days(w, view, found, ref), key=lambda item: item[0].start)
        if ref is not None:
            found = discourse.clock_on_days(w, view, found)
            discourse.year_ago_quarters(w, view, found, ref)
        discourse.widen(w, view, found)
        return [mention for mention, _ in found]
