"""Temporal expressions: found with a small per-language grammar over tokens, normalized
to TIMEX3 values against the Doc's reference date (the publication date, else one inferred
from explicit dates in the article, else none: then relative expressions stay unanchored,
never silently resolved against today).

Handled: "le 12 juin 2025", "June 12", "mardi", "ce mardi", "last Tuesday", "mardi soir",
"dans la nuit de samedi à dimanche", "hier", "last night", "il y a trois jours",
"three days ago", "fin janvier", "à la fin du mois de janvier", "early March", "juin 2023",
"en 2023", "depuis 2022", "l'an dernier", "last week", "ce week-end", "pendant trois jours".
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc

from ..lang import Lexicon, load_lexicon, phrase_length
from ..nlp.extensions import register_extensions
from .mentions import TimeMention
from .numbers import Number, number_at, ordinal_day, parse_digits

Match = tuple[TimeMention, int] | None
# Prepositions stay outside TIMEX3 spans ("dans [la nuit de samedi]", "over [the weekend]").
_PREPOSITIONS = {"à", "a", "dans", "en", "pendant", "durant", "in", "on", "over", "during", "at"}


@Language.factory("sitrep_times", assigns=["doc._.sitrep_times", "doc._.sitrep_reference"])
def make_times(nlp: Language, name: str) -> "TimeTagger":
    return TimeTagger(nlp.lang)


# ------------------------------------------------------------------ date arithmetic

def month_last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def weekday_near(ref: date, weekday: int, mode: str) -> date:
    """The ``weekday`` (0 = Monday) meant relative to ``ref``: the most recent on or before it
    (``past``), the one in the same ISO week (``this``), strictly before (``last``), strictly after (``next``)."""
    if mode == "this":
        return ref + timedelta(days=weekday - ref.weekday())
    if mode == "next":
        return ref + timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)
    back = (ref.weekday() - weekday) % 7
    if mode == "last" and back == 0:
        back = 7
    return ref - timedelta(days=back)


def infer_year(ref: date | None, month: int, day: int = 1, future: bool = False) -> int | None:
    """The year of a day-and-month without a year: news reports the past, so the one not more
    than a week after the article; in a sentence in the future tense, the one not before it."""
    if ref is None:
        return None
    try:
        candidate = date(ref.year, month, min(day, month_last_day(ref.year, month)))
    except ValueError:
        return None
    if future:
        return ref.year + 1 if candidate < ref - timedelta(days=7) else ref.year
    return ref.year - 1 if candidate > ref + timedelta(days=7) else ref.year


def iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def shift_months(d: date, months: int) -> tuple[int, int]:
    index = d.year * 12 + d.month - 1 + months
    return index // 12, index % 12 + 1


class _LowerView:
    """A Doc with its lowercase forms computed once: the rules look them up many times."""

    __slots__ = ("doc", "lows")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.lows = [t.lower_ for t in doc]

    def __getitem__(self, key):  # tokens and spans, as from the Doc
        return self.doc[key]

    def __len__(self) -> int:
        return len(self.lows)


# ------------------------------------------------------------------ the tagger

class TimeTagger:
    def __init__(self, lang: str) -> None:
        register_extensions()
        self.lex: Lexicon = load_lexicon(lang)
        t = self.lex.section("time")
        self.weekdays: dict[str, int] = t["weekdays"]
        self.months: dict[str, int] = t["months"]
        self.relative_days: dict[str, int] = t["relative_days"]
        self.units: dict[str, str] = t["relative_units"]
        self.last, self.next, self.this = set(t["last"]), set(t["next"]), set(t["this"])
        self.parts_of_day: dict[str, str] = t["parts_of_day"]
        self.part_of_month: dict[str, str] = t["part_of_month"]
        self.ago = t["ago"]
        self.present, self.past_ref, self.future_ref = set(t["present"]), set(t["past_ref"]), set(t["future_ref"])
        self.seasons: dict[str, str] = t["seasons"]
        self.every, self.set_words, self.clock_words = set(t["every"]), t["set_words"], set(t["clock"])
        self.ordinals: dict[str, int] = t["ordinals"]
        self.quarter_words, self.recent_plural = set(t["quarter"]), t["recent_plural"]
        # "Nov." and "Sept." as well as "Nov" and "Sept"
        self.months.update({f"{name}.": number for name, number in list(self.months.items()) if len(name) <= 4})
        self.lang = lang
        numbers = self.lex.section("numbers")
        # Words a rule can start with; other tokens are skipped without trying every rule.
        self.starters: set[str] = (
            set(self.weekdays) | set(self.months) | set(self.relative_days) | set(self.units) | self.last | self.next
            | self.this | set(self.parts_of_day) | set(self.part_of_month) | set(numbers["units"]) | set(numbers["tens"])
            | set(numbers["vague"]) | _PREPOSITIONS | {"l'", "l", "le", "la", "the", "au", "il", "depuis", "since", "de",
                                                       "of", "début", "fin", "durant", "for", "week", "week-end", "weekend"}
            | {w for w in self.months for w in (f"mi-{w}",)}
        )
        self.starters |= (self.present | self.past_ref | self.future_ref | set(self.seasons) | self.every
                          | set(self.set_words) | set(self.ordinals) | {"cet", "ces", "tous", "vers", "dès"}
                          | {phrase.split()[0] for phrase in self.recent_plural})
        self.rules: list[Callable[[Doc, int, date | None], Match]] = [
            self.night_of, self.part_of_month_rule, self.day_month, self.month_day, self.month_year,
            self.quarter, self.season, self.relative_unit, self.ago_rule, self.recent_units, self.clock_time,
            self.duration, self.weekday, self.relative_day, self.weekend, self.year_rule, self.month_alone,
            self.reference_word, self.set_rule,
        ]

    def __call__(self, doc: Doc) -> Doc:
        ref = doc._.sitrep_reference
        if ref is None:
            ref = self.infer_reference(doc)
            if ref is not None:
                doc._.sitrep_reference = ref
                doc._.sitrep_reference_source = "inferred"
        elif doc._.sitrep_reference_source is None:
            doc._.sitrep_reference_source = "published"
        doc._.sitrep_times = self.find(doc, ref)
        return doc

    def find(self, doc: Doc, ref: date | None) -> list[TimeMention]:
        view = _LowerView(doc)
        mentions, i = [], 0
        while i < len(doc):
            if view.lows[i] not in self.starters and not view.lows[i][:1].isdigit():
                i += 1
                continue
            for rule in self.rules:
                match = rule(view, i, ref)  # type: ignore[arg-type]
                if match is not None:
                    mentions.append(match[0])
                    i = match[1]
                    break
            else:
                i += 1
        return mentions

    def infer_reference(self, doc: Doc) -> date | None:
        """The latest fully explicit date in the text (day, month and year)."""
        explicit = [m for m in self.find(doc, None) if m.precision == "day" and m.anchored]
        return max((date.fromisoformat(m.value[:10]) for m in explicit), default=None)

    # -------------------------------------------------------------- helpers

    def _low(self, doc: "_LowerView", i: int) -> str:
        return doc.lows[i] if 0 <= i < len(doc.lows) else ""

    def _year_at(self, doc: Doc, i: int) -> int | None:
        if i < len(doc):
            value = parse_digits(doc[i].text)
            if value is not None and 1900 <= value <= 2100 and len(doc[i].text) == 4:
                return value
        return None

    def _day(self, d: date, start: int, end: int, precision: str = "day", part: str | None = None) -> TimeMention:
        value = d.isoformat() + (f"T{part}" if part else "")
        return TimeMention(start, end, "TIME" if part else "DATE", value, precision, d.isoformat(), d.isoformat())

    def _month(self, year: int | None, month: int, start: int, end: int) -> TimeMention:
        if year is None:
            return TimeMention(start, end, "DATE", f"XXXX-{month:02d}", "month", anchored=False)
        last = month_last_day(year, month)
        return TimeMention(start, end, "DATE", f"{year}-{month:02d}", "month",
                           date(year, month, 1).isoformat(), date(year, month, last).isoformat())

    def _unanchored(self, start: int, end: int, precision: str, type_: str = "DATE") -> TimeMention:
        return TimeMention(start, end, type_, "XXXX-XX-XX", precision, anchored=False)

    def future_tense(self, doc: "_LowerView", i: int) -> bool:
        """Whether the sentence around token ``i`` speaks of the future ("aura lieu", "will meet")."""
        real = doc.doc
        sentence = real[i].sent if real.has_annotation("SENT_START") else real[:]
        return any("Fut" in t.morph.get("Tense") or t.lower_ in ("will", "'ll") for t in sentence)

    def _part_of_day_after(self, doc: Doc, i: int) -> tuple[str | None, int]:
        if self._low(doc, i) in self.parts_of_day:
            return self.parts_of_day[self._low(doc, i)], i + 1
        return None, i

    # -------------------------------------------------------------- rules (each: doc, i, ref -> (mention, end) or None)

    def day_month(self, doc: Doc, i: int, ref: date | None) -> Match:
        """[weekday] 12 juin [2025], 1er mars, 4 June 2024."""
        start = i
        if self._low(doc, i) in self.weekdays:
            i += 1
        day = ordinal_day(doc[i].text) if i < len(doc) else None
        if day is None or self._low(doc, i + 1) not in self.months:
            return None
        month = self.months[self._low(doc, i + 1)]
        year, end = self._year_at(doc, i + 2), i + 2
        if year is not None:
            end += 1
        anchored = year is not None
        year = year or infer_year(ref, month, day, future=self.future_tense(doc, i))
        if year is None:
            return TimeMention(start, end, "DATE", f"XXXX-{month:02d}-{day:02d}", "day", anchored=False), end
        try:
            d = date(year, month, day)
        except ValueError:
            return None
        mention = self._day(d, start, end)
        mention.anchored = anchored or ref is not None
        return mention, end

    def month_day(self, doc: Doc, i: int, ref: date | None) -> Match:
        """English order: [Tuesday,] June 4[, 2024]."""
        if self.lang != "en" or self._low(doc, i) not in self.months:
            return None
        day = ordinal_day(doc[i + 1].text) if i + 1 < len(doc) else None
        if day is None:
            return None
        month, end = self.months[self._low(doc, i)], i + 2
        if self._low(doc, end) == "," and self._year_at(doc, end + 1):
            end += 1
        year = self._year_at(doc, end)
        if year is not None:
            end += 1
        year = year or infer_year(ref, month, day, future=self.future_tense(doc, i))
        if year is None:
            return TimeMention(i, end, "DATE", f"XXXX-{month:02d}-{day:02d}", "day", anchored=False), end
        try:
            return self._day(date(year, month, day), i, end), end
        except ValueError:
            return None

    def month_year(self, doc: Doc, i: int, ref: date | None) -> Match:
        if self._low(doc, i) not in self.months:
            return None
        year = self._year_at(doc, i + 1)
        if year is None:
            return None
        return self._month(year, self.months[self._low(doc, i)], i, i + 2), i + 2

    def month_alone(self, doc: Doc, i: int, ref: date | None) -> Match:
        """"en juin", "in June", "depuis juin": a month named after a preposition."""
        if self._low(doc, i) not in self.months or self._low(doc, i - 1) not in ("en", "in", "depuis", "since", "de", "of", "début", "fin"):
            return None
        if doc[i].text.islower() and self.lang == "en":
            return None  # "may" the verb
        month = self.months[self._low(doc, i)]
        return self._month(infer_year(ref, month), month, i, i + 1), i + 1

    def part_of_month_rule(self, doc: Doc, i: int, ref: date | None) -> Match:
        """"fin janvier", "à la fin du mois de janvier", "début mars 2024", "mi-juin", "late January"."""
        if self._low(doc, i) in _PREPOSITIONS:  # TIMEX3 spans leave the preposition out
            return None
        start, j = i, i
        while self._low(doc, j) in ("la", "the", "au"):
            j += 1
        low = self._low(doc, j)
        if low.startswith("mi-") and low[3:] in self.months:  # "mi-juin" as one token
            part, month_i = "mid", j
            month = self.months[low[3:]]
        elif low in self.part_of_month:
            part, k = self.part_of_month[low], j + 1
            while self._low(doc, k) in ("-", "du", "de", "d'", "mois", "of", "the", "on", "in"):
                k += 1
            if self._low(doc, k) not in self.months:
                return None
            month_i, month = k, self.months[self._low(doc, k)]
        else:
            return None
        end = month_i + 1
        year = self._year_at(doc, end)
        if year is not None:
            end += 1
        year = year or infer_year(ref, month)
        if year is None:
            return TimeMention(start, end, "DATE", f"XXXX-{month:02d}", "part-of-month", anchored=False), end
        last = month_last_day(year, month)
        first_day, last_day = {"start": (1, 10), "mid": (11, 20), "end": (21, last)}[part]
        return TimeMention(start, end, "DATE", f"{year}-{month:02d}", "part-of-month",
                           date(year, month, first_day).isoformat(), date(year, month, last_day).isoformat()), end

    def night_of(self, doc: Doc, i: int, ref: date | None) -> Match:
        """"dans la nuit de samedi à dimanche", "(in) the night of Saturday to Sunday"."""
        if self._low(doc, i) in _PREPOSITIONS:
            return None
        j = i
        while self._low(doc, j) in ("la", "the"):
            j += 1
        if self._low(doc, j) not in ("nuit", "night") or self._low(doc, j + 1) not in ("de", "du", "of"):
            return None
        if self._low(doc, j + 2) not in self.weekdays:
            return None
        end = j + 3
        if self._low(doc, end) in ("à", "au", "to") and self._low(doc, end + 1) in self.weekdays:
            end += 2
        if ref is None:
            return self._unanchored(i, end, "part-of-day", "TIME"), end
        d = weekday_near(ref, self.weekdays[self._low(doc, j + 2)], "past")
        if d == ref and end > j + 3:  # the night ended on the reference day: it began the day before
            d = d - timedelta(days=1)
        return self._day(d, i, end, "part-of-day", "NI"), end

    def weekday(self, doc: Doc, i: int, ref: date | None) -> Match:
        """"mardi", "ce mardi", "mardi dernier", "last Tuesday", "on Tuesday night", "early on Tuesday"."""
        start, mode = i, "past"
        if self._low(doc, i) in self.this and self._low(doc, i + 1) in self.weekdays:
            mode, i = "this", i + 1
        elif self._low(doc, i) in self.last and self._low(doc, i + 1) in self.weekdays:
            mode, i = "last", i + 1
        elif self._low(doc, i) in self.next and self._low(doc, i + 1) in self.weekdays:
            mode, i = "next", i + 1
        if self._low(doc, i) not in self.weekdays:
            return None
        weekday, end = self.weekdays[self._low(doc, i)], i + 1
        if self._low(doc, end) in self.last:
            mode, end = "last", end + 1
        elif self._low(doc, end) in self.next:
            mode, end = "next", end + 1
        part, end = self._part_of_day_after(doc, end)
        if ref is None:
            return self._unanchored(start, end, "part-of-day" if part else "day", "TIME" if part else "DATE"), end
        d = weekday_near(ref, weekday, mode)
        return self._day(d, start, end, "part-of-day" if part else "day", part), end

    def relative_day(self, doc: Doc, i: int, ref: date | None) -> Match:
        """"hier", "hier soir", "yesterday", "last night", "cette nuit", "ce matin", "this morning"."""
        low = self._low(doc, i)
        if low in self.relative_days:
            offset, end = self.relative_days[low], i + 1
            part, end = self._part_of_day_after(doc, end)
            if low == "tonight":
                part = "NI"
        elif low in self.last | self.this and self._low(doc, i + 1) in self.parts_of_day:
            part, end = self.parts_of_day[self._low(doc, i + 1)], i + 2
            offset = -1 if low in self.last else 0
            if low in self.this and part == "NI":
                offset = 0  # "cette nuit" in a morning report: the night that just ended, dated today
        else:
            return None
        if ref is None:
            return self._unanchored(i, end, "part-of-day" if part else "day"), end
        d = ref + timedelta(days=offset)
        return self._day(d, i, end, "part-of-day" if part else "day", part), end

    def relative_unit(self, doc: Doc, i: int, ref: date | None) -> Match:
        """"l'an dernier", "l'année dernière", "le mois dernier", "la semaine dernière", "last year", "this week"."""
        start, j = i, i
        if self._low(doc, j) in ("l'", "l", "le", "la", "the"):
            j += 1
        modifier = None
        if self._low(doc, j) in self.last | self.this | self.next:
            modifier, j = self._low(doc, j), j + 1
        if self._low(doc, j) not in self.units:
            return None
        unit, end = self.units[self._low(doc, j)], j + 1
        if modifier is None:
            if self._low(doc, end) in self.last | self.next:
                modifier, end = self._low(doc, end), end + 1
            elif self._low(doc, end) in ("-ci", "ci") or self._low(doc, start) in self.this:
                modifier = "this"
                end += self._low(doc, end) in ("-ci", "ci")
            else:
                return None
        if unit not in ("W", "M", "Y") or start == j - 1 and modifier is None:
            return None
        step = -1 if modifier in self.last else 1 if modifier in self.next else 0
        if ref is None:
            return self._unanchored(start, end, {"W": "week", "M": "month", "Y": "year"}[unit]), end
        if unit == "Y":
            y = ref.year + step
            return TimeMention(start, end, "DATE", str(y), "year", f"{y}-01-01", f"{y}-12-31"), end
        if unit == "M":
            y, m = shift_months(ref, step)
            return self._month(y, m, start, end), end
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
        return TimeMention(start, end, "DATE", iso_week(monday), "week", monday.isoformat(),
                           (monday + timedelta(days=6)).isoformat()), end

    def _amount(self, doc: "_LowerView", i: int) -> Number | None:
        """A count of time units: a number, or "un"/"a" before a unit ("il y a un an", "a week ago")."""
        if i >= len(doc):
            return None
        if self._low(doc, i) in ("un", "une", "a", "an") and self._low(doc, i + 1) in self.units:
            return Number(1, None, i, i + 1)
        return number_at(doc.doc, i, self.lex)

    def ago_rule(self, doc: Doc, i: int, ref: date | None) -> Match:
        """"il y a trois jours", "il y a un an", "three days ago", "a week ago"."""
        if self.lang == "fr":
            if not (self._low(doc, i) == "il" and self._low(doc, i + 1) == "y" and self._low(doc, i + 2) == "a"):
                return None
            number = self._amount(doc, i + 3)
            if number is None or self._low(doc, number.end) not in self.units:
                return None
            unit, end = self.units[self._low(doc, number.end)], number.end + 1
        else:
            number = self._amount(doc, i)
            if number is None or self._low(doc, number.end) not in self.units or self._low(doc, number.end + 1) != "ago":
                return None
            unit, end = self.units[self._low(doc, number.end)], number.end + 2
        if unit == "H" or number.max is not None:
            return None
        precision = {"D": "day", "W": "week", "M": "month", "Y": "year"}[unit]
        if ref is None:
            return self._unanchored(i, end, precision), end
        n = number.min
        if unit == "D":
            return self._day(ref - timedelta(days=n), i, end), end
        if unit == "W":
            monday = ref - timedelta(days=ref.weekday(), weeks=n)
            return TimeMention(i, end, "DATE", iso_week(monday), "week", monday.isoformat(),
                               (monday + timedelta(days=6)).isoformat()), end
        if unit == "M":
            y, m = shift_months(ref, -n)
            return self._month(y, m, i, end), end
        y = ref.year - n
        return TimeMention(i, end, "DATE", str(y), "year", f"{y}-01-01", f"{y}-12-31"), end

    def duration(self, doc: Doc, i: int, ref: date | None) -> Match:
        """"trois jours", "(pendant) deux semaines", "(for) three days": an amount of a time unit."""
        number = number_at(doc.doc, i, self.lex) if self._low(doc, i) not in self.last | self.this | self.next else None
        if number is None or number.max is not None or self._low(doc, number.end) not in self.units:
            return None
        unit = self.units[self._low(doc, number.end)]
        value = f"PT{number.min}H" if unit == "H" else f"P{number.min}{unit}"
        return TimeMention(i, number.end + 1, "DURATION", value, "duration"), number.end + 1

    def weekend(self, doc: Doc, i: int, ref: date | None) -> Match:
        """"ce week-end", "over the weekend", "le week-end dernier"."""
        if self._low(doc, i) in _PREPOSITIONS:
            return None
        j = i
        while self._low(doc, j) in ("ce", "le", "the", "this", "last"):
            j += 1
        if self._low(doc, j) in ("week-end", "weekend"):
            end = j + 1
        elif self._low(doc, j) == "week" and self._low(doc, j + 1) in ("-", "-end") :
            end = j + 2 + (self._low(doc, j + 1) == "-" and self._low(doc, j + 2) == "end")
        else:
            return None
        if ref is None:
            return self._unanchored(i, end, "week"), end
        saturday = weekday_near(ref, 5, "past") if ref.weekday() < 5 else ref - timedelta(days=ref.weekday() - 5)
        return TimeMention(i, end, "DATE", iso_week(saturday) + "-WE", "week", saturday.isoformat(),
                           (saturday + timedelta(days=1)).isoformat()), end

    def year_rule(self, doc: Doc, i: int, ref: date | None) -> Match:
        """"en 2023", "depuis 2022", "in 2023", "1998": a year, unless it counts something ("2000 soldiers")."""
        at = i + 1 if self._low(doc, i) in ("en", "in", "depuis", "since", "de", "début", "fin", "during") else i
        year = self._year_at(doc, at)
        if year is None:
            return None
        after = doc[at + 1] if at + 1 < len(doc) else None
        if at == i and after is not None and (after.pos_ in ("NOUN", "PROPN") or after.lower_ in self.units):
            return None
        return TimeMention(at, at + 1, "DATE", str(year), "year", f"{year}-01-01", f"{year}-12-31"), at + 1

    def reference_word(self, doc: Doc, i: int, ref: date | None) -> Match:
        """"maintenant", "now" (PRESENT_REF); "récemment", "recently" (PAST_REF); "l'avenir", "the future" (FUTURE_REF)."""
        low = self._low(doc, i)
        if low in self.present:
            value = "PRESENT_REF"
        elif low in self.past_ref:
            value = "PAST_REF"
        elif low in self.future_ref and self._low(doc, i - 1) in ("l'", "l", "the"):
            value = "FUTURE_REF"
        else:
            return None
        return TimeMention(i, i + 1, "DATE", value, "unknown", anchored=False), i + 1

    def set_rule(self, doc: Doc, i: int, ref: date | None) -> Match:
        """"daily", "quotidiennement", "every week", "chaque jour", "tous les jours"."""
        low = self._low(doc, i)
        if low in self.set_words:
            return TimeMention(i, i + 1, "SET", self.set_words[low], "set"), i + 1
        if low not in self.every:
            return None
        j = i + 1 + (self._low(doc, i + 1) in ("les", "the"))
        unit = self.units.get(self._low(doc, j))
        if unit is None:
            return None
        value = "PT1H" if unit == "H" else f"P1{unit}"
        return TimeMention(i, j + 1, "SET", value, "set"), j + 1

    def clock_time(self, doc: Doc, i: int, ref: date | None) -> Match:
        """"22 h", "14 h 30", "14h30", "à 14 heures", "9 a.m.", "3:30 p.m.", "10 o'clock"."""
        if self._low(doc, i) in ("à", "vers", "dès", "at", "around", "about"):
            return None  # the rule runs on the number; prepositions stay outside
        text = doc[i].text
        joined = re.fullmatch(r"(\d{1,2})h(\d{2})?", text)
        plain = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?", text)
        if joined:
            hour, minute, end = int(joined.group(1)), int(joined.group(2) or 0), i + 1
        elif plain and self._low(doc, i + 1) in self.clock_words | {"heures", "heure"}:
            word, end = self._low(doc, i + 1), i + 2
            if word in ("heures", "heure") and self._low(doc, i - 1) not in ("à", "vers", "dès", "jusqu'à", "avant", "après"):
                return None  # "pendant 14 heures" is a duration
            hour, minute = int(plain.group(1)), int(plain.group(2) or 0)
            if word in ("h", "heures", "heure") and end < len(doc) and re.fullmatch(r"\d{2}", doc[end].text):
                minute, end = int(doc[end].text), end + 1
            if word in ("p.m.", "pm") and hour < 12:
                hour += 12
            elif word in ("a.m.", "am") and hour == 12:
                hour = 0
        else:
            return None
        if hour > 23 or minute > 59:
            return None
        if ref is None:
            return TimeMention(i, end, "TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}", "part-of-day", anchored=False), end
        day = ref.isoformat()
        return TimeMention(i, end, "TIME", f"{day}T{hour:02d}:{minute:02d}", "part-of-day", day, day), end

    def season(self, doc: Doc, i: int, ref: date | None) -> Match:
        """"l'automne", "cet été", "l'hiver dernier", "summer 2023", "last spring", "the fall of 2022"."""
        start, j, step = i, i, 0
        low = self._low(doc, j)
        if low in self.last or low in self.next or low in self.this or low in ("l'", "l", "le", "the"):
            step = -1 if low in self.last else 1 if low in self.next else 0
            j += 1
        if self._low(doc, j) not in self.seasons:
            return None
        code, end = self.seasons[self._low(doc, j)], j + 1
        if self._low(doc, end) in ("of", "de") and self._year_at(doc, end + 1):
            end += 1
        year = self._year_at(doc, end)
        if year is not None:
            end += 1
        elif self._low(doc, end) in self.last or self._low(doc, end) in self.next:
            step, end = (-1 if self._low(doc, end) in self.last else 1), end + 1
        elif j == start:
            return None  # a bare "été" is usually the verb ("a été"), "fall" the verb
        if year is None:
            if ref is None:
                return TimeMention(start, end, "DATE", f"XXXX-{code}", "season", anchored=False), end
            year = ref.year + step
        return TimeMention(start, end, "DATE", f"{year}-{code}", "season"), end

    def quarter(self, doc: Doc, i: int, ref: date | None) -> Match:
        """"the third quarter", "third-quarter", "le troisième trimestre" (the last such quarter)."""
        start, j = i, i + (self._low(doc, i) in ("the", "le", "ce", "this", "last"))
        number = self.ordinals.get(self._low(doc, j))
        if number is None or number > 4:
            return None
        k = j + 1 + (self._low(doc, j + 1) == "-")
        if self._low(doc, k) not in self.quarter_words:
            return None
        end = k + 1
        if ref is None:
            return TimeMention(start, end, "DATE", f"XXXX-Q{number}", "quarter", anchored=False), end
        year = ref.year if (number - 1) * 3 + 1 <= ref.month else ref.year - 1
        first = date(year, (number - 1) * 3 + 1, 1)
        last_month = number * 3
        return TimeMention(start, end, "DATE", f"{year}-Q{number}", "quarter", first.isoformat(),
                           date(year, last_month, month_last_day(year, last_month)).isoformat()), end

    def recent_units(self, doc: Doc, i: int, ref: date | None) -> Match:
        """"ces derniers jours", "the past few weeks", "recent months": a stretch of unknown length (PXD)."""
        k = phrase_length(doc.doc, i, self.recent_plural)
        if not k:
            return None
        j = i + k + (self._low(doc, i + k) in ("few", "quelques"))
        unit = self.units.get(self._low(doc, j))
        if unit is None or not self._low(doc, j).endswith("s") or unit == "H":
            return None
        return TimeMention(i, j + 1, "DURATION", f"PX{unit}", "duration"), j + 1
