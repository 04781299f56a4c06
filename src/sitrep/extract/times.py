"""Temporal expressions: found with a small per-language grammar over tokens, normalized
to TIMEX3 values against the Doc's reference date (the publication date, else one inferred
from explicit dates in the article, else none: then relative expressions stay unanchored,
never silently resolved against today).

Handled: "le 12 juin 2025", "June 12", "mardi", "ce mardi", "last Tuesday", "mardi soir",
"dans la nuit de samedi à dimanche", "hier", "last night", "il y a trois jours",
"three days ago", "fin janvier", "à la fin du mois de janvier", "early March", "juin 2023",
"en 2023", "depuis 2022", "l'an dernier", "last week", "ce week-end", "pendant trois jours",
"juin prochain", "last November", "the third quarter of 1990", "the quarter", "a year ago" (in a
sentence about a quarter: that quarter a year before), "9 a.m. EST Tuesday", "à 22 h" (on the day
the narrative last named), "a two-day strike", "plusieurs années", "the 1980s", "Thanksgiving Day".

Values follow the TimeML annotation of the gold sets (French TimeBank, TempEval-3), also where an
analyst might want otherwise: French spans take in "le" ("le 12 juin"), French vague references
are typed TIME, "d'ici le 30 juin" tags "ici" as the reference day. Which way an underspecified
date lies is decided by the governing verb's tense, else by distance (see ``infer_year``).
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
_DAY = re.compile(r"\d{4}-\d\d-\d\d(?:T[A-Z]{2})?$")  # a day, or a part of one ("2025-03-30TEV")
_NARRATIVE_SENTENCES = 2  # a clock time is on the day named at most this many sentences before
_NEAR_FUTURE_DAYS = 90  # a day-and-month this close ahead of the article is meant ahead
_QUARTER_WINDOW = 2  # "a year ago" is about a quarter when its sentence or the one before names one
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


def period(amount: str, unit: str) -> str:
    """A TIMEX3 duration: ``period("3", "D")`` is P3D, ``period("2", "H")`` PT2H, ``period("X", "MIN")`` PTXM."""
    if unit in ("H", "MIN", "S"):
        return f"PT{amount}{unit[0]}"
    return f"P{amount}{unit}"


def longest_phrase(doc, i: int, phrases) -> int:
    """Tokens taken by the longest of ``phrases`` the text at token ``i`` spells, else 0."""
    best = 0
    for k in range(1, min(5, len(doc) - i) + 1):
        if phrase_text(doc, i, k) in phrases:
            best = k
    return best


def phrase_text(doc, i: int, k: int) -> str:
    """The lowercase text of ``k`` tokens from token ``i``, spaced as written ("new year's day")."""
    return "".join(doc.lows[j] + (" " if doc.doc[j].whitespace_ and j < i + k - 1 else "") for j in range(i, i + k))


def iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def shift_months(d: date, months: int) -> tuple[int, int]:
    index = d.year * 12 + d.month - 1 + months
    return index // 12, index % 12 + 1


class _LowerView:
    """A Doc with its lowercase forms computed once: the rules look them up many times."""

    __slots__ = ("doc", "lows", "quarter")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.lows = [t.lower_ for t in doc]
        self.quarter: tuple[int, int] | None = None  # the (year, quarter) last named, for "the quarter"

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
        self.future_aux: set[str] = set(t["future_aux"])
        self.prospective: set[str] = set(t["prospective"])
        self.discourse_markers: set[str] = set(t["discourse_markers"])
        self.span_prefixes: set[str] = set(t["span_prefixes"])
        self.ref_phrases: dict[str, str] = t["ref_phrases"]  # "pour le moment": PRESENT_REF
        self.holidays: dict[str, str] = t["holidays"]  # name: MM-DD, or a rule ("4th Thursday of 11")
        self.part_of_day_adjectives: dict[str, str] = t["part_of_day_adjectives"]
        self.position_adjectives: dict[str, str] = t["position_adjectives"]  # FUTURE_REF / PAST_REF
        self.for_words: set[str] = set(t["for_words"])
        self.centuries: dict[str, int] = t["centuries"]
        self.widened_rules = {"relative_unit", "relative_day", "weekday", "year_rule", "reference_word", "month_day"}
        self.duration_prefixes: list[str] = t["duration_prefixes"]
        self.duration_nouns: set[str] = set(t["duration_nouns"])
        self.per: set[str] = set(t["per"])
        self.vague_amounts: set[str] = set(t["vague_amounts"])
        self.year_prefixes: list[str] = t["year_prefixes"]
        self.year_prepositions: set[str] = set(t["year_prepositions"])
        self.past_nouns, self.future_words = set(t["past_nouns"]), set(t["future_words"])
        self.past_ref_adjectives: set[str] = set(t["past_ref_adjectives"])
        self.ref_type: str = t["ref_type"]
        self.day_determiners, self.short_months = set(t["day_determiners"]), set(t["short_months"])
        self.quarter_determiners, self.quarter_modifiers = set(t["quarter_determiners"]), set(t["quarter_modifiers"])
        self.period_words, self.quarterly = set(t["period_words"]), set(t["quarterly"])
        self.clock_names: dict[str, int] = t["clock_names"]
        self.timezones: set[str] = set(t["timezones"])
        self.verbless_weekday: str = t["verbless_weekday"]  # which way a weekday no verb governs lies (measured)
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
                          | {phrase.split()[0] for phrase in self.recent_plural + self.duration_prefixes + self.year_prefixes}
                          | self.vague_amounts | self.year_prepositions | self.past_nouns | self.future_words
                          | {"a", "an", "one", "un", "une"} | self.per | self.day_determiners
                          | self.quarter_determiners | self.quarter_modifiers | set(self.clock_names) | self.for_words
                          | set(self.centuries) | set(self.part_of_day_adjectives) | set(self.position_adjectives)
                          | {phrase.split()[0] for phrase in list(self.ref_phrases) + list(self.holidays)} | {"ici"})
        self.rules: list[Callable[[Doc, int, date | None], Match]] = [
            self.night_of, self.part_of_month_rule, self.day_month, self.month_day, self.month_year,
            self.quarter, self.season, self.relative_unit, self.ago_rule, self.recent_units, self.clock_time,
            self.duration, self.weekday, self.relative_day, self.weekend, self.year_rule, self.month_alone,
            self.holiday, self.reference_word, self.set_rule,
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
        found: list[tuple[TimeMention, str]] = []
        i = 0
        while i < len(doc):
            if view.lows[i] not in self.starters and not view.lows[i][:1].isdigit():
                i += 1
                continue
            for rule in self.rules:
                match = rule(view, i, ref)  # type: ignore[arg-type]
                if match is not None:
                    found.append((match[0], rule.__name__))
                    quarter = re.fullmatch(r"(\d{4})-Q(\d)", match[0].value)
                    if quarter and ref is not None and int(quarter.group(1)) == self._quarter_year(ref, int(quarter.group(2))):
                        view.quarter = int(quarter.group(1)), int(quarter.group(2))
                    i = match[1]
                    break
            else:
                i += 1
        if ref is not None:
            found = self._clock_on_days(view, found)
            self._year_ago_quarters(view, found, ref)
        self._widen(view, found)
        return [mention for mention, _ in found]

    def _widen(self, doc: "_LowerView", found: list[tuple[TimeMention, str]]) -> None:
        """TimeML spans take in "early", "later", "more" before a day, a week or a year named
        relatively ("early Tuesday", "later this afternoon", "Earlier this month"); the value stays."""
        taken = {t for mention, _ in found for t in range(mention.start, mention.end)}
        for mention, rule in found:
            if rule in self.widened_rules and doc.lows[mention.start - 1:mention.start] and \
                    doc.lows[mention.start - 1] in self.span_prefixes and mention.start - 1 not in taken:
                mention.start -= 1

    def _clock_on_days(self, doc: "_LowerView", found: list[tuple[TimeMention, str]]) -> list[tuple[TimeMention, str]]:
        """A clock time is on the day named with it ("9 a.m. Tuesday", "4 h mardi": one expression), else
        on the day the narrative last named ("Dimanche soir ... à 22 h"), else on the reference day."""
        out: list[tuple[TimeMention, str]] = []
        last_day: tuple[str, int] | None = None  # (ISO day, sentence start)
        k = 0
        while k < len(found):
            mention, rule = found[k]
            after = found[k + 1][0] if k + 1 < len(found) else None
            if rule == "clock_time" and after is not None and _DAY.match(after.value) and \
                    all(doc.lows[t] in (",", "on", "le", "ce") for t in range(mention.end, after.start)):
                day = after.value[:10]
                mention = TimeMention(mention.start, after.end, "TIME", day + mention.value[10:], "part-of-day", day, day)
                k += 1
            elif rule == "clock_time":
                day = self._narrative_day(doc, found, k, last_day)
                if day is not None:
                    mention = TimeMention(mention.start, mention.end, "TIME", day + mention.value[10:], "part-of-day", day, day)
            if _DAY.match(mention.value) and rule != "clock_time":
                last_day = mention.value[:10], mention.start
            out.append((mention, rule))
            k += 1
        return out

    def _narrative_day(self, doc: "_LowerView", found: list[tuple[TimeMention, str]], k: int,
                       last_day: tuple[str, int] | None) -> str | None:
        """The day a clock time is on: the one named before it in its sentence, else one named after it
        there ("entre 0 h 30 et 4 h mardi"), else the one named last, a sentence or two before."""
        start = found[k][0].start
        if last_day is not None and self._sentence_distance(doc, last_day[1], start) == 0:
            return last_day[0]
        for mention, rule in found[k + 1:]:
            if self._sentence_distance(doc, start, mention.start) > 0:
                break
            if _DAY.match(mention.value) and rule != "clock_time":
                return mention.value[:10]
        if last_day is not None and self._sentence_distance(doc, last_day[1], start) <= _NARRATIVE_SENTENCES:
            return last_day[0]
        return None

    @staticmethod
    def _sentence_distance(doc: "_LowerView", earlier: int, later: int) -> int:
        real = doc.doc
        if not real.has_annotation("SENT_START"):
            return 0
        return sum(1 for t in real[earlier + 1:later + 1] if t.is_sent_start)

    def _year_ago_quarters(self, doc: "_LowerView", found: list[tuple[TimeMention, str]], ref: date) -> None:
        """"a year ago", "last year" in a sentence about a quarter's results mean that quarter a year
        earlier, as TimeML annotates financial news ("net fell to $5 million from $8 million a year ago")."""
        real = doc.doc
        quarter: tuple[int, int] | None = None
        for mention, rule in found:
            named = re.fullmatch(r"(\d{4})-Q(\d)", mention.value)
            if named and int(named.group(1)) == self._quarter_year(ref, int(named.group(2))):
                quarter = int(named.group(1)), int(named.group(2))
                continue
            if rule not in ("ago_rule", "relative_unit") or mention.value != str(ref.year - 1):
                continue
            if not self._about_quarters(real, mention.start):
                continue
            number = (ref.month - 1) // 3
            year, number = quarter or ((ref.year, number) if number else (ref.year - 1, 4))
            q = self._quarter(year - 1, number, mention.start, mention.end)
            mention.value, mention.precision, mention.first_day, mention.last_day = q.value, q.precision, q.first_day, q.last_day

    def _about_quarters(self, real: Doc, i: int) -> bool:
        """Whether the sentence of token ``i``, or the one before, speaks of a quarter."""
        if not real.has_annotation("SENT_START"):
            return any(t.lower_ in self.quarter_words | self.quarterly for t in real)
        sentence = real[i].sent
        before = real[sentence.start - 1].sent if sentence.start > 0 and _QUARTER_WINDOW > 1 else sentence
        return any(t.lower_ in self.quarter_words | self.quarterly for t in real[before.start:sentence.end])

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

    def tense_at(self, doc: "_LowerView", i: int) -> str | None:
        """The tense of the verb that governs token ``i``: ``past``, ``future``, ``present``, or None
        when no verb governs it. A bare present ("se réunit mardi", "meets Tuesday") says nothing."""
        real = doc.doc
        verb = real[i]
        for _ in range(6):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return "future" if self.future_tense(doc, i) else None
        if verb.dep_.startswith("aux") or verb.dep_ == "cop":
            verb = verb.head
        group = [verb] + [c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop"]
        if verb.lemma_.lower() in self.prospective or verb.head.lemma_.lower() in self.prospective:
            return "future"  # "planned to leave on Thursday", "prévu le 15 septembre"
        if "Inf" in verb.morph.get("VerbForm") and any(c.lower_ == "to" for c in verb.children):
            return "future"  # "is to resume trading Tuesday"
        for t in group:
            if t.lower_ in self.future_aux or "Fut" in t.morph.get("Tense"):
                return "future"
            if t.lemma_ in self.future_aux and t.i < verb.i and "Inf" in verb.morph.get("VerbForm"):
                return "future"  # "va se réunir"
        for t in group:
            if "Fin" in t.morph.get("VerbForm") and set(t.morph.get("Tense")) & {"Past", "Imp"} or t.tag_ == "VBD":
                return "past"
        if "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense") and len(group) > 1:
            return "past"  # "a frappé", "has struck"
        return "present"

    def future_tense(self, doc: "_LowerView", i: int) -> bool:
        """Whether the sentence around token ``i`` speaks of the future ("aura lieu", "will meet")."""
        real = doc.doc
        sentence = real[i].sent if real.has_annotation("SENT_START") else real[:]
        return any("Fut" in t.morph.get("Tense") or t.lower_ in self.future_aux for t in sentence)

    def _part_of_day_after(self, doc: Doc, i: int) -> tuple[str | None, int]:
        if self._low(doc, i) in self.parts_of_day:
            return self.parts_of_day[self._low(doc, i)], i + 1
        return None, i

    # -------------------------------------------------------------- rules (each: doc, i, ref -> (mention, end) or None)

    def day_month(self, doc: Doc, i: int, ref: date | None) -> Match:
        """[le] [weekday] 12 juin [2025] [prochain], 1er mars, 4 June 2024."""
        start = i
        if self._low(doc, i) in self.day_determiners:
            i += 1
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
        tense, end = self._direction_after(doc, end, self.tense_at(doc, i))
        year = year or infer_year(ref, month, day, tense)
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
        tense, end = self._direction_after(doc, end, self.tense_at(doc, i))
        year = year or infer_year(ref, month, day, tense)
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
        """"en juin", "in June", "juin prochain", "mai et juin derniers", "last November", "this September"."""
        start, low, step = i, self._low(doc, i), None
        if low in self.last | self.this | self.next and self._low(doc, i + 1) in self.months:
            step = -1 if low in self.last else 1 if low in self.next else 0
            i += 1
        low = self._low(doc, i)
        if low not in self.months or len(low) <= 4 and low not in self.short_months:
            return None  # "Dec" alone is too often something else
        text = doc[i].text
        if self.lang == "en" and (text.islower() or low == "may" and doc[i].is_sent_start):
            return None  # "may" the verb
        if self.lang == "fr" and text == "Mars" and self._low(doc, i - 1) not in self.year_prepositions:
            return None  # the planet
        month, end = self.months[low], i + 1
        if step is None:
            tense, end = self._direction_after(doc, end, self.tense_at(doc, i))
            this_month = ref is not None and month == ref.month and tense != "last"  # "fermée en juillet", written in July
            # a month alone in the past tense is the last one ("In January, X hired"); for a day and month
            # the past tense misleads more often than not (measured on both gold sets)
            year = ref.year if this_month else infer_year(ref, month, 15, "last" if tense == "past" else tense)
            return self._month(year, month, start, end), end
        if ref is None:
            return self._month(None, month, start, end), end
        if step < 0:
            year = ref.year if month < ref.month else ref.year - 1
        elif step > 0:
            year = ref.year if month > ref.month else ref.year + 1
        else:
            year = ref.year
        return self._month(year, month, start, end), end

    def _direction_after(self, doc: "_LowerView", end: int, tense: str | None) -> tuple[str | None, int]:
        """"13 avril prochains", "le 8 mars dernier": the word after a date says which way it lies."""
        if self._low(doc, end) in self.next:
            return "future", end + 1
        if self._low(doc, end) in self.last and self.lang == "fr":
            return "last", end + 1
        return tense, end

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
        year = year or infer_year(ref, month, 15, self.tense_at(doc, month_i))
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
        tense = self.tense_at(doc, i)
        if mode == "past" and (tense == "future" or tense is None and self.verbless_weekday == "future"):
            mode = "future"  # "se réunira mardi"; a French headline "Maceo Parker à Besançon mardi" announces
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
        if step and self._low(doc, j).endswith("s") and self.lang == "en":  # "the coming years", "past weeks"
            return TimeMention(start, end, "DURATION", period("X", unit), "duration"), end
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
        if self._low(doc, i) in ("un", "une", "a", "an", "one") and self._low(doc, i + 1) in self.units:
            return Number(1, None, i, i + 1)
        if self._low(doc, i) in self.vague_amounts:  # "des années", "years" after "for"
            return Number(2, 9, i, i + 1, vague=True)
        return number_at(doc.doc, i, self.lex)

    def ago_rule(self, doc: Doc, i: int, ref: date | None) -> Match:
        """"il y a trois jours", "il y a un an", "three days ago", "nearly two weeks ago", "a year earlier",
        "a week or so ago", "year-ago", "year-earlier"."""
        start = i
        if self.lang == "fr":
            if not (self._low(doc, i) == "il" and self._low(doc, i + 1) == "y" and self._low(doc, i + 2) == "a"):
                return None
            number = self._amount(doc, i + 3)
            if number is None or self._low(doc, number.end) not in self.units:
                return None
            unit, end = self.units[self._low(doc, number.end)], number.end + 1
        elif self._low(doc, i) in self.units and self._low(doc, i + 1) == "-" and self._low(doc, i + 2) in self.ago:
            number, unit, end = Number(1, None, i, i), self.units[self._low(doc, i)], i + 3  # "year-ago"
        else:
            i += longest_phrase(doc, i, self.duration_prefixes) if self._low(doc, i) != "the" else 0
            number = self._amount(doc, i)
            if number is None or self._low(doc, number.end) not in self.units:
                return None
            after = number.end + 1 + 2 * (self._low(doc, number.end + 1) == "or" and self._low(doc, number.end + 2) == "so")
            if self._low(doc, after) not in self.ago:
                return None
            unit, end = self.units[self._low(doc, number.end)], after + 1
        if unit not in ("D", "W", "M", "Y") or number.max is not None:
            return None
        precision = {"D": "day", "W": "week", "M": "month", "Y": "year"}[unit]
        if ref is None:
            return self._unanchored(start, end, precision), end
        n = number.min
        if unit == "D":
            return self._day(ref - timedelta(days=n), start, end), end
        if unit == "W":
            monday = ref - timedelta(days=ref.weekday(), weeks=n)
            return TimeMention(start, end, "DATE", iso_week(monday), "week", monday.isoformat(),
                               (monday + timedelta(days=6)).isoformat()), end
        if unit == "M":
            y, m = shift_months(ref, -n)
            return self._month(y, m, start, end), end
        y = ref.year - n
        return TimeMention(start, end, "DATE", str(y), "year", f"{y}-01-01", f"{y}-12-31"), end

    def duration(self, doc: Doc, i: int, ref: date | None) -> Match:
        """"trois jours", "(pendant) deux semaines", "(for) three days", "the past two months", "a two-day
        strike", "plusieurs années" (PXY), "a month" (P1M): an amount of a time unit. Ages are not
        durations: "Jean Burget, 87 ans", "une fillette de 6 ans", "52 years old"."""
        start = i
        k = longest_phrase(doc, i, self.duration_prefixes)
        j = i + k
        if self._low(doc, j) in self.last | self.this | self.next:
            return None
        if self._low(doc, j) in ("a", "an") and self._low(doc, j + 1) not in self.units:
            return None  # "a two-day strike": the article stays outside
        if self._low(doc, j) in self.for_words and self._low(doc, j + 1) in self.units and self._low(doc, j + 1).endswith("s"):
            unit = self.units[self._low(doc, j + 1)]  # "for weeks", "within days"
            return TimeMention(j + 1, j + 2, "DURATION", period("X", unit), "duration"), j + 2
        number = self._amount(doc, j)
        if number is None:
            return None
        unit_i = number.end + (self._low(doc, number.end) == "-")  # "two-day", "10-year"
        if k and doc.lows[i] == "the" and k == 1 and unit_i + 1 < len(doc) and doc[unit_i + 1].pos_ == "NOUN":
            start = j  # "the 14-day waiting period": the article belongs to the noun
        if self._low(doc, unit_i) not in self.units:
            return None
        unit, end = self.units[self._low(doc, unit_i)], unit_i + 1
        if self.is_age(doc, start, number.start, end) or self._low(doc, end) == "-" and self._low(doc, end + 1) in self.ago:
            return None
        value = period("X" if number.max is not None or number.vague else str(number.min), unit)
        if k == 0 and self._low(doc, start) in ("a", "an") and start > 0 and \
                (doc[start - 1].pos_ in ("NUM", "NOUN") or self._low(doc, start - 1) in ("once", "twice")):
            return None  # a rate, not a length: "$2 million a year", "24 hours a day", "once a month"
        return TimeMention(start, end, "DURATION", value, "duration"), end

    def is_age(self, doc: "_LowerView", start: int, number_i: int, end: int) -> bool:
        """Whether "<number> years" there is somebody's age."""
        if self.units.get(self._low(doc, end - 1)) != "Y":
            return False
        if self._low(doc, end) in ("old", "-old") or self._low(doc, end) == "-" and self._low(doc, end + 1) == "old":
            return True
        before = self._low(doc, start - 1)
        if self.lang != "fr" or start != number_i:
            return before in ("aged",)
        if self._low(doc, end) in ("de", "d'"):
            return False  # "trois ans de tractations", "10 ans de prison"
        if before in (",", "(", "-") or before.startswith(("âgé", "agé")):
            return True
        if before == "de":
            noun = doc.doc[start - 2] if start >= 2 else None
            return noun is not None and (noun.lower_.startswith(("âgé", "agé")) or noun.pos_ in ("NOUN", "PROPN")
                                         and noun.lower_ not in self.duration_nouns)
        return False

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
        """"en 2023", "depuis 2022", "in 2023", "1998", "the 1996 law", "l'année 2001", "early 1991", "the 1980s":
        a year, unless it counts something ("2000 soldiers")."""
        start = i
        k = longest_phrase(doc, i, self.year_prefixes)
        at = i + k if k else i + 1 if self._low(doc, i) in self.year_prepositions else i
        if k == 0 and at > i:
            start = at
        decade = re.fullmatch(r"(1[89]\d|20\d)0'?s", self._low(doc, at))
        if decade:
            if start == at and self._low(doc, at - 1) == "the":
                start -= 1  # "the 1980s"
            return TimeMention(start, at + 1, "DATE", decade.group(1), "decade"), at + 1
        year = self._year_at(doc, at)
        if year is None and self._low(doc, at) in self.centuries:  # "in nineteen ninety-one"
            rest = number_at(doc.doc, at + 1, self.lex)
            if rest is None or rest.max is not None or not 0 < rest.min < 100:
                return None
            year = self.centuries[self._low(doc, at)] * 100 + rest.min
            return TimeMention(start, rest.end, "DATE", str(year), "year", f"{year}-01-01", f"{year}-12-31"), rest.end
        if year is None:
            return None
        after = doc[at + 1] if at + 1 < len(doc) else None
        determiner = at > 0 and (doc[at - 1].pos_ == "DET" or "Yes" in doc[at - 1].morph.get("Poss"))
        if at == i and not determiner and after is not None and (after.pos_ in ("NOUN", "PROPN") or after.lower_ in self.units):
            return None  # "2000 soldiers"; but "the 1996 law" names a year
        return TimeMention(start, at + 1, "DATE", str(year), "year", f"{year}-01-01", f"{year}-12-31"), at + 1

    def holiday(self, doc: Doc, i: int, ref: date | None) -> Match:
        """"Thanksgiving Day", "Christmas", "Noël", "le 14-Juillet": a named day of the year."""
        k = longest_phrase(doc, i, self.holidays)
        if not k:
            return None
        rule, end = self.holidays[phrase_text(doc, i, k)], i + k
        year = self._year_at(doc, end)
        end += year is not None
        month = int(rule.split("-")[0]) if "-" in rule else int(rule.split()[2])
        year = year or infer_year(ref, month, 25, self.tense_at(doc, i))
        if year is None:
            return self._unanchored(i, end, "day"), end
        if "-" in rule:  # a fixed day
            d = date(year, *map(int, rule.split("-")))
        else:  # "4 3 11": the 4th Thursday (weekday 3) of November
            nth, weekday, month = map(int, rule.split())
            first = date(year, month, 1)
            d = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
        return self._day(d, i, end), end

    def reference_word(self, doc: Doc, i: int, ref: date | None) -> Match:
        """"maintenant", "now", "actuel" (PRESENT_REF); "récemment", "recently", "the past" (PAST_REF);
        "l'avenir", "the future", "soon" (FUTURE_REF). French TimeBank types them TIME, TempEval DATE."""
        start, low, end = i, self._low(doc, i), i + 1
        k = longest_phrase(doc, i, self.ref_phrases)
        if k:  # "pour le moment", "right now", "the near future"
            value = self.ref_phrases[phrase_text(doc, i, k)]
            return TimeMention(i, i + k, self.ref_type, value, "unknown", anchored=False), i + k
        if low in self.part_of_day_adjectives:  # "une virée nocturne"
            return TimeMention(i, i + 1, "TIME", "T" + self.part_of_day_adjectives[low], "part-of-day", anchored=False), i + 1
        if low == "ici" and self._low(doc, i - 1) in ("d'", "d"):  # "d'ici le 30 juin": from now
            if self._low(doc, i + 1) in ("à", "a") or ref is None:
                return TimeMention(i, i + 1, self.ref_type, "PRESENT_REF", "unknown", anchored=False), i + 1
            return self._day(ref, i, i + 1), i + 1
        if low in self.position_adjectives and doc[i].pos_ == "ADJ" or \
                low in self.position_adjectives and self._low(doc, i - 1) in ("le", "la", "les", "un", "une"):
            value = self.position_adjectives[low]  # "le futur chancelier", "le recensement précédent"
            return TimeMention(i, i + 1, self.ref_type, value, "unknown", anchored=False), i + 1
        if low in ("l'", "l", "the") and self._low(doc, i + 1) in self.future_ref | self.past_nouns:
            end, low = i + 2, self._low(doc, i + 1)
            if low in self.past_nouns and (self._low(doc, end) in self.units or number_at(doc.doc, end, self.lex)):
                return None  # "the past two months" is a duration
        elif low in self.future_ref | self.past_nouns:
            return None
        if low in self.discourse_markers and doc[i].is_sent_start:
            return None  # "Now, he says, ...": a turn in the argument, not a time
        if low in self.present:
            value = "PRESENT_REF"
        elif low in self.past_ref or low in self.past_nouns:
            value = "PAST_REF"
        elif low in self.future_ref or low in self.future_words:
            value = "FUTURE_REF"
        else:
            return None
        return TimeMention(start, end, self.ref_type, value, "unknown", anchored=False), end

    def set_rule(self, doc: Doc, i: int, ref: date | None) -> Match:
        """"daily", "quotidiennement", "every week", "chaque jour", "tous les jours"."""
        low = self._low(doc, i)
        if low in self.set_words:
            return TimeMention(i, i + 1, "SET", self.set_words[low], "set"), i + 1
        if low in self.per and self._low(doc, i + 1) in self.units:  # "0,38 % par an"
            return TimeMention(i + 1, i + 2, "SET", period("1", self.units[self._low(doc, i + 1)]), "set"), i + 2
        if low not in self.every:
            return None
        j = i + 1 + (self._low(doc, i + 1) in ("les", "the"))
        day = self._low(doc, j).removesuffix("s")
        if day in self.weekdays:  # "each Thursday", "tous les jeudis"
            return TimeMention(i, j + 1, "SET", f"XXXX-WXX-{self.weekdays[day] + 1}", "set"), j + 1
        if self._low(doc, j) in self.months:  # "each July"
            return TimeMention(i, j + 1, "SET", f"XXXX-{self.months[self._low(doc, j)]:02d}", "set"), j + 1
        unit = self.units.get(self._low(doc, j))
        if unit is None:
            return None
        return TimeMention(i, j + 1, "SET", period("1", unit), "set"), j + 1

    def clock_time(self, doc: Doc, i: int, ref: date | None) -> Match:
        """"22 h", "14 h 30", "14h30", "à 14 heures", "9 a.m.", "3:30 p.m.", "10 o'clock"."""
        if self._low(doc, i) in ("à", "vers", "dès", "at", "around", "about"):
            return None  # the rule runs on the number; prepositions stay outside
        text = doc[i].text
        if self._low(doc, i) in self.clock_names:  # "noon", "à midi"
            if self.lang == "fr" and self._low(doc, i - 1) not in ("à", "vers", "dès", "avant", "après", "jusqu'à"):
                return None  # "le Midi", "le repas de midi"
            hour, minute, end = self.clock_names[self._low(doc, i)], 0, i + 1
            return self._clock(doc, i, end, hour, minute, ref)
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
        return self._clock(doc, i, end, hour, minute, ref)

    def _clock(self, doc: "_LowerView", i: int, end: int, hour: int, minute: int, ref: date | None) -> Match:
        if self._low(doc, end) in self.timezones:  # "9 a.m. EST"
            end += 1
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
        elif j == start and self._low(doc, start - 1) in ("en", "in") and doc[j].pos_ != "AUX":
            return TimeMention(start, end, "DATE", f"XXXX-{code}", "season", anchored=False), end  # "en été": any summer
        elif j == start:
            return None  # a bare "été" is usually the verb ("a été"), "fall" the verb
        if year is None:
            if ref is None:
                return TimeMention(start, end, "DATE", f"XXXX-{code}", "season", anchored=False), end
            year = ref.year + step
        return TimeMention(start, end, "DATE", f"{year}-{code}", "season"), end

    def quarter(self, doc: Doc, i: int, ref: date | None) -> Match:
        """"the third quarter", "third-quarter", "le troisième trimestre", "the 1988 third quarter", "the third
        quarter of 1990", "this year's third quarter", "the fiscal first quarter", and the quarter a
        financial report is about: "the quarter", "the latest quarter", "the year-ago quarter"."""
        start, j = i, i + (self._low(doc, i) in self.quarter_determiners)
        year, shift, current, number = None, 0, False, None
        while j < len(doc) and j - start < 6:
            low = self._low(doc, j)
            if self._year_at(doc, j):
                year = self._year_at(doc, j)
            elif low in ("this", "last") and self._low(doc, j + 1) == "year" and self._low(doc, j + 2) == "'s":
                shift, j = (-1 if low == "last" else 0), j + 2
            elif low == "year" and self._low(doc, j + 1) == "-" and self._low(doc, j + 2) in ("ago", "earlier"):
                shift, j = -1, j + 2
            elif low in ("current", "en cours"):
                current = True
            elif low not in self.quarter_modifiers:
                break
            j += 1
        if self._low(doc, j) in self.ordinals:
            number = self.ordinals[self._low(doc, j)]
            j += 1 + (self._low(doc, j + 1) == "-")
        if number is not None and number > 4 or self._low(doc, j) not in self.quarter_words | self.period_words:
            return None
        if number is None and j == start or self._low(doc, j) in self.period_words and j - start < 2:
            return None  # a bare "quarter", "the period"
        end = j + 1
        if year is None and self._low(doc, end) in ("of", "de") and self._year_at(doc, end + 1):
            year, end = self._year_at(doc, end + 1), end + 2
        elif year is None and number is not None and self._year_at(doc, end):
            year, end = self._year_at(doc, end), end + 1
        if ref is None and (year is None or number is None):
            return TimeMention(start, end, "DATE", f"XXXX-Q{number or 'X'}", "quarter", anchored=False), end
        if number is None:
            context_year, number = self._quarter_in_context(doc, ref, current)
            year = context_year if year is None else year
        elif year is None:
            year = self._quarter_year(ref, number)
        return self._quarter(year + shift, number, start, end), end

    @staticmethod
    def _quarter_year(ref: date, number: int) -> int:
        """The year of "the third quarter": the last such quarter begun by the reference date."""
        return ref.year if (number - 1) * 3 + 1 <= ref.month else ref.year - 1

    def _quarter(self, year: int, number: int, start: int, end: int) -> TimeMention:
        first, last_month = date(year, (number - 1) * 3 + 1, 1), number * 3
        return TimeMention(start, end, "DATE", f"{year}-Q{number}", "quarter", first.isoformat(),
                           date(year, last_month, month_last_day(year, last_month)).isoformat())

    @staticmethod
    def _quarter_in_context(doc: "_LowerView", ref: date, current: bool = False) -> tuple[int, int]:
        """The quarter a report is about: the last one named before, else the last one ended
        before the article ("the current quarter" is the one it is written in)."""
        if current:
            return ref.year, (ref.month - 1) // 3 + 1
        if doc.quarter is not None:
            return doc.quarter
        number = (ref.month - 1) // 3
        return (ref.year, number) if number else (ref.year - 1, 4)

    def recent_units(self, doc: Doc, i: int, ref: date | None) -> Match:
        """"ces derniers jours", "the past few weeks", "recent months": a stretch of unknown length (PXD)."""
        k = phrase_length(doc.doc, i, self.recent_plural)
        if not k:
            return None
        j = i + k + (self._low(doc, i + k) in ("few", "quelques"))
        unit = self.units.get(self._low(doc, j))
        if unit is None or not self._low(doc, j).endswith("s") or unit in ("H", "MIN", "S"):
            return None
        if self._low(doc, i) in self.past_ref_adjectives:  # "recent years": a vague past, not a length
            return TimeMention(i, j + 1, self.ref_type, "PAST_REF", "unknown", anchored=False), j + 1
        return TimeMention(i, j + 1, "DURATION", f"PX{unit}", "duration"), j + 1
