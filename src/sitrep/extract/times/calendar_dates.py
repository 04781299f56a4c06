"""Rules for dates named on the calendar: "le 12 juin 2025", "June 4, 2024", "juin 2023", "in June",
"fin janvier", "1998", "the 1980s", "Thanksgiving Day", "l'hiver dernier", "the third quarter of
1990", "the quarter". Each rule reads the tokens from ``i`` and returns (mention, end) or None."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ..mentions import TimeMention
from ..numbers import number_at, ordinal_day
from .arithmetic import infer_year, month_last_day, shift_months
from .tense import direction_after, direction_at, tense_at
from .values import day_mention, month_mention, quarter_in_context, quarter_mention, quarter_year, unanchored
from .words import PREPOSITIONS, Match, TextView, TimeWords, longest_phrase, low_at, phrase_text, year_at


def day_month(w: TimeWords, doc: TextView, i: int, ref: date | None) -> Match:
    """[le] [weekday] 12 juin [2025] [prochain], 1er mars, 4 June 2024."""
    start = i
    if low_at(doc, i) in w.day_determiners:
        i += 1
    weekday = w.weekdays.get(low_at(doc, i))
    i += weekday is not None
    day = ordinal_day(doc[i].text) if i < len(doc) else None
    if day is None or low_at(doc, i + 1) not in w.months:
        return None
    month = w.months[low_at(doc, i + 1)]
    year, end = year_at(doc, i + 2), i + 2
    if year is not None:
        end += 1
    anchored = year is not None
    tense, end = direction_after(w, doc, end, direction_at(w, doc, start, i))
    return _named_day(year, month, day, weekday, start, end, ref, tense, anchored)


def _named_day(year: int | None, month: int, day: int, weekday: int | None, start: int, end: int,
               ref: date | None, tense: str | None, explicit: bool) -> Match:
    """The day "[mardi] 12 juin [2025]" names. A weekday named with it chooses the year when none is
    written ("Thursday, Jan. 6": the year whose 6 January is a Thursday, next to the article's);
    when they cannot agree, the day number wins and the mention says so (``conflict``)."""
    if year is None:
        year = infer_year(ref, month, day, tense)
        if year is None:
            return TimeMention(start, end, "DATE", f"XXXX-{month:02d}-{day:02d}", "day", anchored=False), end
        if weekday is not None:
            year = next((y for y in (year, year - 1, year + 1) if _weekday_of(y, month, day) == weekday), year)
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    mention = day_mention(d, start, end)
    mention.anchored = explicit or ref is not None
    if weekday is not None and d.weekday() != weekday:
        mention.conflict = f"the text names a {calendar.day_name[weekday]}, but {d.isoformat()} is a {calendar.day_name[d.weekday()]}"
    return mention, end


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return date(year, month, day).weekday()
    except ValueError:
        return None


def month_day(w: TimeWords, doc: TextView, i: int, ref: date | None) -> Match:
    """English order: [Tuesday,] June 4[, 2024]. The weekday is part of the expression (one TIMEX3)."""
    start, weekday = i, None
    if w.lang == "en" and low_at(doc, i) in w.weekdays:
        weekday = w.weekdays[low_at(doc, i)]
        i += 1 + (low_at(doc, i + 1) == ",")
    if w.lang != "en" or low_at(doc, i) not in w.months:
        return None
    day = ordinal_day(doc[i + 1].text) if i + 1 < len(doc) else None
    if day is None:
        return None
    month, end = w.months[low_at(doc, i)], i + 2
    if start == i and start > 0 and doc[start - 1].pos_ not in ("ADP", "PUNCT") and names_a_group(doc, end):
        return None  # "including February 14 Youth Coalition": a date that names a movement
    if low_at(doc, end) == "," and year_at(doc, end + 1):
        end += 1
    year = year_at(doc, end)
    if year is not None:
        end += 1
    tense, end = direction_after(w, doc, end, direction_at(w, doc, start, i))
    return _named_day(year, month, day, weekday, start, end, ref, tense, year is not None)


def names_a_group(doc: TextView, i: int) -> bool:
    """Whether an organization's name starts at token ``i`` and ends the noun phrase ("February 14 Youth
    Coalition", "the June 4 Movement"; not "the Aug. 7 Embassy bombings", where the date is the bombings')."""
    if i >= len(doc) or doc[i].ent_iob_ != "B" or doc[i].ent_type_ not in ("ORG", "NORP"):
        return False
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end >= len(doc) or doc[end].pos_ != "NOUN"


def month_year(w: TimeWords, doc: TextView, i: int, ref: date | None) -> Match:
    if low_at(doc, i) not in w.months:
        return None
    year = year_at(doc, i + 1)
    if year is None:
        return None
    return month_mention(year, w.months[low_at(doc, i)], i, i + 2), i + 2


def month_alone(w: TimeWords, doc: TextView, i: int, ref: date | None) -> Match:
    """"en juin", "in June", "juin prochain", "mai et juin derniers", "last November", "this September"."""
    start, low, step = i, low_at(doc, i), None
    if low in w.last | w.this | w.next and low_at(doc, i + 1) in w.months:
        step = -1 if low in w.last else 1 if low in w.next else 0
        i += 1
    low = low_at(doc, i)
    if low not in w.months or len(low) <= 4 and low not in w.short_months:
        return None  # "Dec" alone is too often something else
    text = doc[i].text
    if w.lang == "en" and (text.islower() or low == "may" and doc[i].is_sent_start):
        return None  # "may" the verb
    if w.lang == "en" and i + 1 < len(doc) and ordinal_day(doc[i + 1].text) is not None:
        return None  # "February 14 Youth Coalition": a day-and-month ``month_day`` turned down is no month either
    if w.lang == "fr" and text == "Mars" and low_at(doc, i - 1) not in w.year_prepositions:
        return None  # the planet
    title = i + 1 + (low_at(doc, i + 1) in ("for", "of") and low_at(doc, i + 2) == "the")
    if low_at(doc, i + 1) in ("for", "of") and title + 1 < len(doc) and doc[title + 1].text.istitle():
        return None  # "the March for Life", "the March of the Combatant Mothers": a name
    month, end = w.months[low], i + 1
    if step is None:
        tense, end = direction_after(w, doc, end, direction_at(w, doc, start, i))
        this_month = ref is not None and month == ref.month and tense != "last"  # "fermée en juillet", written in July
        # a month alone in the past tense is the last one ("In January, X hired"); for a day and month
        # the past tense misleads more often than not (measured on both gold sets)
        year = ref.year if this_month else infer_year(ref, month, 15, "last" if tense == "past" else tense)
        return month_mention(year, month, start, end), end
    if ref is None:
        return month_mention(None, month, start, end), end
    if step < 0:
        year = ref.year if month < ref.month else ref.year - 1
    elif step > 0:
        year = ref.year if month > ref.month else ref.year + 1
    else:
        year = ref.year
    return month_mention(year, month, start, end), end


def part_of_month_rule(w: TimeWords, doc: TextView, i: int, ref: date | None) -> Match:
    """"fin janvier", "à la fin du mois de janvier", "début mars 2024", "mi-juin", "late January"."""
    if low_at(doc, i) in PREPOSITIONS:  # TIMEX3 spans leave the preposition out
        return None
    start, j = i, i
    while low_at(doc, j) in ("la", "the", "au"):
        j += 1
    low = low_at(doc, j)
    if low.startswith("mi-") and low[3:] in w.months:  # "mi-juin" as one token
        part, month_i = "mid", j
        month = w.months[low[3:]]
    elif low in w.part_of_month:
        part, k = w.part_of_month[low], j + 1
        while low_at(doc, k) in ("-", "du", "de", "d'", "mois", "of", "the", "on", "in"):
            k += 1
        if low_at(doc, k) not in w.months:
            return None
        month_i, month = k, w.months[low_at(doc, k)]
    else:
        return None
    end = month_i + 1
    year = year_at(doc, end)
    if year is not None:
        end += 1
    year = year or infer_year(ref, month, 15, tense_at(w, doc, month_i))
    if year is None:
        return TimeMention(start, end, "DATE", f"XXXX-{month:02d}", "part-of-month", anchored=False), end
    last = month_last_day(year, month)
    first_day, last_day = {"start": (1, 10), "mid": (11, 20), "end": (21, last)}[part]
    return TimeMention(start, end, "DATE", f"{year}-{month:02d}", "part-of-month",
                       date(year, month, first_day).isoformat(), date(year, month, last_day).isoformat()), end


def year_rule(w: TimeWords, doc: TextView, i: int, ref: date | None) -> Match:
    """"en 2023", "depuis 2022", "in 2023", "1998", "the 1996 law", "l'année 2001", "early 1991", "the 1980s":
    a year, unless it counts something ("2000 soldiers")."""
    start = i
    k = longest_phrase(doc, i, w.year_prefixes)
    at = i + k if k else i + 1 if low_at(doc, i) in w.year_prepositions else i
    if k == 0 and at > i:
        start = at
    decade = re.fullmatch(r"(1[89]\d|20\d)0'?s", low_at(doc, at))
    if decade:
        if start == at and low_at(doc, at - 1) == "the":
            start -= 1  # "the 1980s"
        return TimeMention(start, at + 1, "DATE", decade.group(1), "decade"), at + 1
    if low_at(doc, at) in w.decade_words and low_at(doc, at - 1) == "the":  # "through the nineties"
        start = min(start, at - 1)
        return TimeMention(start, at + 1, "DATE", f"19{w.decade_words[low_at(doc, at)]}", "decade"), at + 1
    year = year_at(doc, at)
    if year is None and at > i and k == 0 and re.fullmatch(r"1[5-8]\d\d", doc[at].text if at < len(doc) else "") \
            and (at + 1 >= len(doc) or doc[at + 1].pos_ not in ("NOUN", "PROPN", "NUM")):
        year = int(doc[at].text)  # "in 1898": an older year, after a preposition only ("in 1500 cases" counts)
    if year is None and low_at(doc, at) in w.centuries:  # "in nineteen ninety-one"
        rest = number_at(doc.doc, at + 1, w.lex)
        if rest is None or rest.max is not None or not 0 < rest.min < 100:
            return None
        year = w.centuries[low_at(doc, at)] * 100 + rest.min
        return TimeMention(start, rest.end, "DATE", str(year), "year", f"{year}-01-01", f"{year}-12-31"), rest.end
    if year is None and k and phrase_text(doc, i, k) in w.year_phrases:  # "the year two thousand"
        spelled = number_at(doc.doc, at, w.lex)
        if spelled is None or spelled.max is not None or not 1000 <= spelled.min <= 2100:
            return None
        year = spelled.min
        return TimeMention(start, spelled.end, "DATE", str(year), "year", f"{year}-01-01", f"{year}-12-31"), spelled.end
    if year is None:
        return None
    after = doc[at + 1] if at + 1 < len(doc) else None
    determiner = at > 0 and (doc[at - 1].pos_ == "DET" or "Yes" in doc[at - 1].morph.get("Poss"))
    if at == i and not determiner and after is not None and (after.pos_ in ("NOUN", "PROPN") or after.lower_ in w.units):
        return None  # "2000 soldiers"; but "the 1996 law" names a year
    return TimeMention(start, at + 1, "DATE", str(year), "year", f"{year}-01-01", f"{year}-12-31"), at + 1


def current_year(w: TimeWords, doc: TextView, i: int, ref: date | None) -> Match:
    """"the year", "the full year", "the fiscal year", "by year end", "la fin de l'année": the year being
    reported on, the reference year (TimeML). "for the year ended Sept. 30" is a year's length (P1Y);
    "the year before", "the year-ago quarter" are other years (left to other rules)."""
    k = longest_phrase(doc, i, w.year_phrases)
    if not k:
        return None
    end = i + k
    after = low_at(doc, end)
    if after in w.year_phrase_blockers or number_at(doc.doc, end, w.lex) is not None:
        return None  # "the year before", "the year-earlier results", "the year two thousand"
    if after in w.length_markers:
        return TimeMention(i, end, "DURATION", "P1Y", "duration"), end
    if ref is None:
        return TimeMention(i, end, "DATE", "XXXX", "year", anchored=False), end
    return TimeMention(i, end, "DATE", str(ref.year), "year", f"{ref.year}-01-01", f"{ref.year}-12-31"), end


def holiday(w: TimeWords, doc: TextView, i: int, ref: date | None) -> Match:
    """"Thanksgiving Day", "Christmas", "Noël", "le 14-Juillet": a named day of the year."""
    k = longest_phrase(doc, i, w.holidays)
    if not k:
        return None
    rule, end = w.holidays[phrase_text(doc, i, k)], i + k
    year = year_at(doc, end)
    end += year is not None
    month = int(rule.split("-")[0]) if "-" in rule else int(rule.split()[2])
    year = year or infer_year(ref, month, 25, tense_at(w, doc, i))
    if year is None:
        return unanchored(i, end, "day"), end
    if "-" in rule:  # a fixed day
        d = date(year, *map(int, rule.split("-")))
    else:  # "4 3 11": the 4th Thursday (weekday 3) of November; "1 0 11 +1": the day after the 1st Monday
        nth, weekday, month, *offset = map(int, rule.split())
        first = date(year, month, 1)
        d = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1) + sum(offset))
    return day_mention(d, i, end), end


def season(w: TimeWords, doc: TextView, i: int, ref: date | None) -> Match:
    """"l'automne", "cet été", "l'hiver dernier", "summer 2023", "last spring", "the fall of 2022"."""
    start, j, step = i, i, 0
    low = low_at(doc, j)
    if low in w.last or low in w.next or low in w.this or low in ("l'", "l", "le", "the"):
        step = -1 if low in w.last else 1 if low in w.next else 0
        j += 1
        if low in w.this | {"the"} and low_at(doc, j) in w.last | w.next:  # "this past spring", "the coming winter"
            step, j = (-1 if low_at(doc, j) in w.last else 1), j + 1
    named_part = low_at(doc, j) in w.part_of_month and low_at(doc, j + 1) in w.seasons
    j += named_part  # "the early summer", "late spring": the season (TimeML keeps the part as a modifier)
    if low_at(doc, j) not in w.seasons:
        return None
    code, end = w.seasons[low_at(doc, j)], j + 1
    if low_at(doc, end) in ("of", "de") and year_at(doc, end + 1):
        end += 1
    year = year_at(doc, end)
    if year is not None:
        end += 1
    elif low_at(doc, end) in w.last or low_at(doc, end) in w.next:
        step, end = (-1 if low_at(doc, end) in w.last else 1), end + 1
    elif j == start and low_at(doc, start - 1) in ("en", "in") and doc[j].pos_ != "AUX":
        return TimeMention(start, end, "DATE", f"XXXX-{code}", "season", anchored=False), end  # "en été": any summer
    elif j == start:
        return None  # a bare "été" is usually the verb ("a été"), "fall" the verb
    if year is None:
        if ref is None:
            return TimeMention(start, end, "DATE", f"XXXX-{code}", "season", anchored=False), end
        year = season_year(ref, code, step)
    return TimeMention(start, end, "DATE", f"{year}-{code}", "season"), end


# The month each season begins in (northern hemisphere); a winter is named by the year its December is in.
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def season_year(ref: date, code: str, step: int) -> int:
    """The year of "this summer" (the reference year's), "last spring" (the latest spring over by the
    reference date: spring 1989 in October 1989), "next winter" (the first one not yet begun)."""
    if step == 0 or code not in _SEASON_START:
        return ref.year
    month = _SEASON_START[code]
    years = range(ref.year - 2, ref.year + 2)
    begins = {y: date(y, month, 1) for y in years}
    ends = {y: date(*shift_months(begins[y], 3), 1) for y in years}
    if step < 0:
        return max(y for y in years if ends[y] <= ref)
    return min(y for y in years if begins[y] > ref)


def quarter(w: TimeWords, doc: TextView, i: int, ref: date | None) -> Match:
    """"the third quarter", "third-quarter", "le troisième trimestre", "the 1988 third quarter", "the third
    quarter of 1990", "this year's third quarter", "the fiscal first quarter", and the quarter a
    financial report is about: "the quarter", "the latest quarter", "the year-ago quarter"."""
    start, j = i, i + (low_at(doc, i) in w.quarter_determiners)
    year, shift, current, number = None, 0, False, None
    while j < len(doc) and j - start < 6:
        low = low_at(doc, j)
        if year_at(doc, j):
            year = year_at(doc, j)
        elif low in ("this", "last") and low_at(doc, j + 1) == "year" and low_at(doc, j + 2) == "'s":
            shift, j = (-1 if low == "last" else 0), j + 2
        elif low == "year" and low_at(doc, j + 1) == "-" and low_at(doc, j + 2) in ("ago", "earlier"):
            shift, j = -1, j + 2
        elif low in ("current", "en cours"):
            current = True
        elif low not in w.quarter_modifiers:
            break
        j += 1
    if low_at(doc, j) in w.ordinals:
        number = w.ordinals[low_at(doc, j)]
        j += 1 + (low_at(doc, j + 1) == "-")
    if number is not None and number > 4 or low_at(doc, j) not in w.quarter_words | w.period_words:
        return None
    if number is None and j == start or low_at(doc, j) in w.period_words and j - start < 2:
        return None  # a bare "quarter", "the period"
    end = j + 1
    if year is None and low_at(doc, end) in ("of", "de") and year_at(doc, end + 1):
        year, end = year_at(doc, end + 1), end + 2
    elif year is None and number is not None and year_at(doc, end):
        year, end = year_at(doc, end), end + 1
    if ref is None and (year is None or number is None):
        return TimeMention(start, end, "DATE", f"XXXX-Q{number or 'X'}", "quarter", anchored=False), end
    if number is None:
        context_year, number = quarter_in_context(doc, ref, current)
        year = context_year if year is None else year
    elif year is None:
        year = quarter_year(ref, number)
    return quarter_mention(year + shift, number, start, end), end
