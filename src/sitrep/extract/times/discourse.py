"""Passes over all the expressions of a Doc, once the rules have found them: a clock time goes on
the day named with it or before it, "a year ago" in a quarterly report is that quarter a year
earlier, and TimeML spans take in "early"/"later" before a relative date."""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from ..mentions import TimeMention
from .values import day_mention, quarter_mention, reported_quarter
from .words import PREPOSITIONS, TextView, TimeWords, longest_phrase, low_at, phrase_text

_DAY = re.compile(r"\d{4}-\d\d-\d\d(?:T[A-Z]{2})?$")  # a day, or a part of one ("2025-03-30TEV")
_WHOLE_DAY = re.compile(r"\d{4}-\d\d-\d\d$")
_LINKS = frozenset({"of", "de", "du", "d'"})  # "on the morning of", "dans la soirée du": the phrase needs a day after it
_ON_NARRATIVE_DAY = frozenset({"clock_time", "day_part"})  # "à 22 h", "in the afternoon": the day the narrative is at
_NARRATIVE_SENTENCES = 2  # a clock time is on the day named at most this many sentences before
_QUARTER_WINDOW = 3  # "a year ago" is about a quarter when its sentence or one of the two before names one


def coordinated_days(w: TimeWords, doc: TextView, found: list[tuple[TimeMention, str]]) -> list[tuple[TimeMention, str]]:
    """The other day of "April 24 and 25", "les 24 et 25 avril": a day number joined to a dated day is
    in its month and year."""
    taken = {t for mention, _ in found for t in range(mention.start, mention.end)}
    out: list[tuple[TimeMention, str]] = []
    for mention, rule in found:
        out.append((mention, rule))
        if mention.precision != "day" or not _DAY.match(mention.value) or mention.type != "DATE":
            continue
        for number_i in (mention.end + 1, mention.start - 2):  # after (English order), before (French)
            joined = mention.end if number_i > mention.start else mention.start - 1
            if number_i in taken or low_at(doc, joined) not in w.day_joiners or not 0 <= number_i < len(doc):
                continue
            text = doc[number_i].text
            if not text.isdigit() or not 1 <= int(text) <= 31 or low_at(doc, number_i + 1) in w.units:
                continue
            try:
                day = date.fromisoformat(mention.value[:8] + f"{int(text):02d}")
            except ValueError:
                continue
            out.append((day_mention(day, number_i, number_i + 1), rule))
            taken.add(number_i)
    out.sort(key=lambda item: item[0].start)
    return out


def widen(w: TimeWords, doc: TextView, found: list[tuple[TimeMention, str]]) -> None:
    """TimeML spans take in "early", "later", "more" before a day, a week or a year named
    relatively ("early Tuesday", "later this afternoon", "Earlier this month"); the value stays."""
    taken = {t for mention, _ in found for t in range(mention.start, mention.end)}
    for mention, rule in found:
        if rule in w.widened_rules and doc.lows[mention.start - 1:mention.start] and \
                doc.lows[mention.start - 1] in w.span_prefixes and mention.start - 1 not in taken:
            mention.start -= 1


def parts_of_days(w: TimeWords, doc: TextView, found: list[tuple[TimeMention, str]],
                  ref: date | None) -> list[tuple[TimeMention, str]]:
    """A part of the day named next to a day makes one expression of that part of that day:
    "mid-afternoon yesterday", "on the morning of 12 March", "in the early hours of Monday",
    "dans la soirée du 12 mars", "mardi en fin d'après-midi" (``2025-03-11TAF``)."""
    taken = {t for mention, _ in found for t in range(mention.start, mention.end)}
    out: list[tuple[TimeMention, str]] = []
    for mention, rule in found:
        if _WHOLE_DAY.match(mention.value) and mention.first_day is not None:
            start, end, part = mention.start, mention.end, None
            for s in range(max(0, mention.start - 5), mention.start):
                k = longest_phrase(doc, s, w.day_part_phrases)
                if k and s + k == mention.start and not taken & set(range(s, s + k)):
                    start, part = s, w.day_part_phrases[phrase_text(doc, s, k)]
                    while doc.lows[start] in PREPOSITIONS:  # TimeML spans leave out "in", "on", "dans"
                        start += 1
                    break
            if part is None:
                k = longest_phrase(doc, mention.end, w.day_part_phrases)
                text = phrase_text(doc, mention.end, k) if k else ""
                if text and text.split()[-1] not in _LINKS:
                    end, part = mention.end + k, w.day_part_phrases[text]
            if part is not None:
                day = date.fromisoformat(mention.first_day)
                mention = day_mention(day, start, end, "part-of-day", part)
        out.append((mention, rule))
    return out + _parts_alone(w, doc, out, ref)


def _parts_alone(w: TimeWords, doc: TextView, found: list[tuple[TimeMention, str]], ref: date | None) -> list[tuple[TimeMention, str]]:
    """A part of the day named alone ("in the afternoon", "en fin d'après-midi"), on the reference
    day for now: :func:`clock_on_days` puts it on the day the narrative is at."""
    taken = {t for mention, _ in found for t in range(mention.start, mention.end)}
    out: list[tuple[TimeMention, str]] = []
    i = 0
    while i < len(doc):
        k = longest_phrase(doc, i, w.day_part_phrases)
        text = phrase_text(doc, i, k) if k else ""
        if not text or text.split()[-1] in _LINKS or low_at(doc, i + k) in _LINKS or taken & set(range(i, i + k)):
            i += 1
            continue
        start, part = i, w.day_part_phrases[text]
        while doc.lows[start] in PREPOSITIONS:
            start += 1
        if ref is None:
            mention = TimeMention(start, i + k, "TIME", "XXXX-XX-XXT" + part, "part-of-day", anchored=False)
        else:
            mention = day_mention(ref, start, i + k, "part-of-day", part)
        out.append((mention, "day_part"))
        i += k
    return out


def clock_on_days(w: TimeWords, doc: TextView, found: list[tuple[TimeMention, str]]) -> list[tuple[TimeMention, str]]:
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
        elif rule in _ON_NARRATIVE_DAY:
            day = narrative_day(w, doc, found, k, last_day)
            if day is not None:
                mention = TimeMention(mention.start, mention.end, "TIME", day + mention.value[10:], "part-of-day", day, day)
        if _DAY.match(mention.value) and rule not in _ON_NARRATIVE_DAY:
            last_day = mention.value[:10], mention.start
        out.append((mention, rule))
        k += 1
    return out


def narrative_day(w: TimeWords, doc: TextView, found: list[tuple[TimeMention, str]], k: int,
                   last_day: tuple[str, int] | None) -> str | None:
    """The day a clock time is on: the one named before it in its sentence, else one named after it
    there ("entre 0 h 30 et 4 h mardi"), else the one named last, a sentence or two before."""
    start = found[k][0].start
    if last_day is not None and sentence_distance(doc, last_day[1], start) == 0:
        return last_day[0]
    for mention, rule in found[k + 1:]:
        if sentence_distance(doc, start, mention.start) > 0:
            break
        if _DAY.match(mention.value) and rule not in _ON_NARRATIVE_DAY:
            return mention.value[:10]
    if last_day is not None and sentence_distance(doc, last_day[1], start) <= _NARRATIVE_SENTENCES:
        return last_day[0]
    return None


def sentence_distance(doc: TextView, earlier: int, later: int) -> int:
    real = doc.doc
    if not real.has_annotation("SENT_START"):
        return 0
    return sum(1 for t in real[earlier + 1:later + 1] if t.is_sent_start)


def year_ago_quarters(w: TimeWords, doc: TextView, found: list[tuple[TimeMention, str]], ref: date) -> None:
    """"a year ago", "last year" in a sentence about a quarter's results mean that quarter a year
    earlier, as TimeML annotates financial news ("net fell to $5 million from $8 million a year ago")."""
    real = doc.doc
    quarter: tuple[int, int] | None = None
    for mention, rule in found:
        if reported_quarter(mention.value, ref):
            quarter = reported_quarter(mention.value, ref)
            continue
        if rule not in ("ago_rule", "relative_unit") or mention.value != str(ref.year - 1):
            continue
        if not about_quarters(w, real, mention.start):
            continue
        number = (ref.month - 1) // 3
        year, number = quarter or ((ref.year, number) if number else (ref.year - 1, 4))
        q = quarter_mention(year - 1, number, mention.start, mention.end)
        mention.value, mention.precision, mention.first_day, mention.last_day = q.value, q.precision, q.first_day, q.last_day


def about_quarters(w: TimeWords, real: Doc, i: int) -> bool:
    """Whether the sentence of token ``i``, or one of the ``_QUARTER_WINDOW - 1`` before it, speaks of a quarter
    (a paragraph of an earnings report: "Net rose to $87 million in the third quarter. ... from $58 million a
    year earlier")."""
    if not real.has_annotation("SENT_START"):
        return any(t.lower_ in w.quarter_words | w.quarterly for t in real)
    sentence = real[i].sent
    before = sentence
    for _ in range(_QUARTER_WINDOW - 1):
        if before.start == 0:
            break
        before = real[before.start - 1].sent
    return any(t.lower_ in w.quarter_words | w.quarterly for t in real[before.start:sentence.end])
