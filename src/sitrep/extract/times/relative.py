"""Rules for dates named relative to the reference date: weekdays ("mardi dernier", "last Tuesday"),
"hier", "last night", "la semaine dernière", "three days ago", "ce week-end", "la nuit de samedi
à dimanche", and the vague references PRESENT_REF, PAST_REF, FUTURE_REF ("now", "récemment")."""

from __future__ import annotations

from datetime import date, timedelta

from ..mentions import TimeMention
from ..numbers import Number, number_at
from .amounts import amount
from .arithmetic import iso_week, shift_months, weekday_near
from .tense import part_of_day_after, tense_at
from .values import day_mention, month_mention, period, unanchored
from .words import PREPOSITIONS, Match, TextView, TimeWords, longest_phrase, low_at, phrase_text


def night_of(w: TimeWords, doc: TextView, i: int, ref: date | None) -> Match:
    """"dans la nuit de samedi à dimanche", "(in) the night of Saturday to Sunday"."""
    if low_at(doc, i) in PREPOSITIONS:
        return None
    j = i
    while low_at(doc, j) in ("la", "the"):
        j += 1
    if low_at(doc, j) not in ("nuit", "night") or low_at(doc, j + 1) not in ("de", "du", "of"):
        return None
    if low_at(doc, j + 2) not in w.weekdays:
        return None
    end = j + 3
    if low_at(doc, end) in ("à", "au", "to") and low_at(doc, end + 1) in w.weekdays:
        end += 2
    if ref is None:
        return unanchored(i, end, "part-of-day", "TIME"), end
    d = weekday_near(ref, w.weekdays[low_at(doc, j + 2)], "past")
    if d == ref and end > j + 3:  # the night ended on the reference day: it began the day before
        d = d - timedelta(days=1)
    return day_mention(d, i, end, "part-of-day", "NI"), end


def weekday(w: TimeWords, doc: TextView, i: int, ref: date | None) -> Match:
    """"mardi", "ce mardi", "mardi dernier", "last Tuesday", "on Tuesday night", "early on Tuesday"."""
    start, mode = i, "past"
    if low_at(doc, i) in w.this and low_at(doc, i + 1) in w.weekdays:
        mode, i = "this", i + 1
    elif low_at(doc, i) in w.last and low_at(doc, i + 1) in w.weekdays:
        mode, i = "last", i + 1
    elif low_at(doc, i) in w.next and low_at(doc, i + 1) in w.weekdays:
        mode, i = "next", i + 1
    if low_at(doc, i) not in w.weekdays:
        return None
    weekday, end = w.weekdays[low_at(doc, i)], i + 1
    if low_at(doc, end) in w.last:
        mode, end = "last", end + 1
    elif low_at(doc, end) in w.next:
        mode, end = "next", end + 1
    part, end = part_of_day_after(w, doc, end)
    if ref is None:
        return unanchored(start, end, "part-of-day" if part else "day", "TIME" if part else "DATE"), end
    tense = tense_at(w, doc, i)
    if mode == "past" and (tense == "future" or tense is None and w.verbless_weekday == "future"):
        mode = "future"  # "se réunira mardi"; a French headline "Maceo Parker à Besançon mardi" announces
    d = weekday_near(ref, weekday, mode)
    return day_mention(d, start, end, "part-of-day" if part else "day", part), end


def relative_day(w: TimeWords, doc: TextView, i: int, ref: date | None) -> Match:
    """"hier", "hier soir", "yesterday", "last night", "cette nuit", "ce matin", "this morning"."""
    low = low_at(doc, i)
    if low in w.relative_days:
        offset, end = w.relative_days[low], i + 1
        part, end = part_of_day_after(w, doc, end)
        if low == "tonight":
            part = "NI"
    elif low in w.last | w.this and low_at(doc, i + 1) in w.parts_of_day:
        part, end = w.parts_of_day[low_at(doc, i + 1)], i + 2
        offset = -1 if low in w.last else 0
        if low in w.this and part == "NI":
            offset = 0  # "cette nuit" in a morning report: the night that just ended, dated today
    else:
        return None
    if ref is None:
        return unanchored(i, end, "part-of-day" if part else "day"), end
    d = ref + timedelta(days=offset)
    return day_mention(d, i, end, "part-of-day" if part else "day", part), end


def relative_unit(w: TimeWords, doc: TextView, i: int, ref: date | None) -> Match:
    """"l'an dernier", "l'année dernière", "le mois dernier", "la semaine dernière", "last year", "this week"."""
    start, j = i, i
    if low_at(doc, j) in ("l'", "l", "le", "la", "the"):
        j += 1
    modifier = None
    if low_at(doc, j) in w.last | w.this | w.next:
        modifier, j = low_at(doc, j), j + 1
    if low_at(doc, j) not in w.units:
        return None
    unit, end = w.units[low_at(doc, j)], j + 1
    if modifier is None:
        if low_at(doc, end) in w.last | w.next:
            modifier, end = low_at(doc, end), end + 1
        elif low_at(doc, end) in ("-ci", "ci") or low_at(doc, start) in w.this:
            modifier = "this"
            end += low_at(doc, end) in ("-ci", "ci")
        else:
            return None
    if unit not in ("W", "M", "Y") or start == j - 1 and modifier is None:
        return None
    if doc[j].text.istitle() and low_at(doc, start - 1) in ('"', "“", "``", "«"):
        return None  # ABC's "This Week": a title in quotes, not a week
    step = -1 if modifier in w.last else 1 if modifier in w.next else 0
    if step and low_at(doc, j).endswith("s") and w.lang == "en":  # "the coming years", "past weeks"
        return TimeMention(start, end, "DURATION", period("X", unit), "duration"), end
    if ref is None:
        return unanchored(start, end, {"W": "week", "M": "month", "Y": "year"}[unit]), end
    if unit == "Y":
        y = ref.year + step
        return TimeMention(start, end, "DATE", str(y), "year", f"{y}-01-01", f"{y}-12-31"), end
    if unit == "M":
        y, m = shift_months(ref, step)
        return month_mention(y, m, start, end), end
    monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
    return TimeMention(start, end, "DATE", iso_week(monday), "week", monday.isoformat(),
                       (monday + timedelta(days=6)).isoformat()), end


def weekend(w: TimeWords, doc: TextView, i: int, ref: date | None) -> Match:
    """"ce week-end", "over the weekend", "le week-end dernier"."""
    if low_at(doc, i) in PREPOSITIONS:
        return None
    j = i
    while low_at(doc, j) in ("ce", "le", "the", "this", "last"):
        j += 1
    if low_at(doc, j) in ("week-end", "weekend"):
        end = j + 1
    elif low_at(doc, j) == "week" and low_at(doc, j + 1) in ("-", "-end") :
        end = j + 2 + (low_at(doc, j + 1) == "-" and low_at(doc, j + 2) == "end")
    else:
        return None
    if ref is None:
        return unanchored(i, end, "week"), end
    saturday = weekday_near(ref, 5, "past") if ref.weekday() < 5 else ref - timedelta(days=ref.weekday() - 5)
    return TimeMention(i, end, "DATE", iso_week(saturday) + "-WE", "week", saturday.isoformat(),
                       (saturday + timedelta(days=1)).isoformat()), end


def ago_rule(w: TimeWords, doc: TextView, i: int, ref: date | None) -> Match:
    """"il y a trois jours", "il y a un an", "three days ago", "nearly two weeks ago", "a year earlier",
    "a week or so ago", "year-ago", "year-earlier"."""
    start = i
    if w.lang == "fr":
        if not (low_at(doc, i) == "il" and low_at(doc, i + 1) == "y" and low_at(doc, i + 2) == "a"):
            return None
        number = amount(w, doc, i + 3)
        if number is None or low_at(doc, number.end) not in w.units:
            return None
        unit, end = w.units[low_at(doc, number.end)], number.end + 1
    elif low_at(doc, i) in w.units and low_at(doc, i + 1) == "-" and low_at(doc, i + 2) in w.ago:
        number, unit, end = Number(1, None, i, i), w.units[low_at(doc, i)], i + 3  # "year-ago"
    else:
        i += longest_phrase(doc, i, w.duration_prefixes) if low_at(doc, i) != "the" else 0
        number = amount(w, doc, i)
        if number is None or low_at(doc, number.end) not in w.units:
            return None
        after = number.end + 1 + 2 * (low_at(doc, number.end + 1) == "or" and low_at(doc, number.end + 2) == "so")
        if low_at(doc, after) not in w.ago:
            return None
        unit, end = w.units[low_at(doc, number.end)], after + 1
    if unit not in ("D", "W", "M", "Y", "E") or number.max is not None:
        return None
    precision = {"D": "day", "W": "week", "M": "month", "Y": "year", "E": "year"}[unit]
    if ref is None:
        return unanchored(start, end, precision), end
    n = number.min
    if unit == "D":
        return day_mention(ref - timedelta(days=n), start, end), end
    if unit == "W":
        monday = ref - timedelta(days=ref.weekday(), weeks=n)
        return TimeMention(start, end, "DATE", iso_week(monday), "week", monday.isoformat(),
                           (monday + timedelta(days=6)).isoformat()), end
    if unit == "M":
        y, m = shift_months(ref, -n)
        return month_mention(y, m, start, end), end
    y = ref.year - n * (10 if unit == "E" else 1)  # "a decade ago": that year, ten years back
    return TimeMention(start, end, "DATE", str(y), "year", f"{y}-01-01", f"{y}-12-31"), end


def reference_word(w: TimeWords, doc: TextView, i: int, ref: date | None) -> Match:
    """"maintenant", "now", "actuel" (PRESENT_REF); "récemment", "recently", "the past" (PAST_REF);
    "l'avenir", "the future", "soon" (FUTURE_REF). French TimeBank types them TIME, TempEval DATE."""
    start, low, end = i, low_at(doc, i), i + 1
    k = longest_phrase(doc, i, w.ref_phrases)
    if k:  # "pour le moment", "right now", "the near future"
        value = w.ref_phrases[phrase_text(doc, i, k)]
        return TimeMention(i, i + k, w.ref_type, value, "unknown", anchored=False), i + k
    if low in w.part_of_day_adjectives:  # "une virée nocturne"
        return TimeMention(i, i + 1, "TIME", "T" + w.part_of_day_adjectives[low], "part-of-day", anchored=False), i + 1
    if low == "ici" and low_at(doc, i - 1) in ("d'", "d"):  # "d'ici le 30 juin": from now
        if low_at(doc, i + 1) in ("à", "a") or ref is None:
            return TimeMention(i, i + 1, w.ref_type, "PRESENT_REF", "unknown", anchored=False), i + 1
        return day_mention(ref, i, i + 1), i + 1
    if low in w.position_adjectives and doc[i].pos_ == "ADJ" or \
            low in w.position_adjectives and low_at(doc, i - 1) in ("le", "la", "les", "un", "une"):
        value = w.position_adjectives[low]  # "le futur chancelier", "le recensement précédent"
        return TimeMention(i, i + 1, w.ref_type, value, "unknown", anchored=False), i + 1
    if low in ("l'", "l", "the") and low_at(doc, i + 1) in w.future_ref | w.past_nouns:
        end, low = i + 2, low_at(doc, i + 1)
        if low in w.past_nouns and (low_at(doc, end) in w.units or number_at(doc.doc, end, w.lex)):
            return None  # "the past two months" is a duration
    elif low in w.future_ref | w.past_nouns:
        return None
    if low in w.discourse_markers and doc[i].is_sent_start:
        return None  # "Now, he says, ...": a turn in the argument, not a time
    if low in w.future_words and (low_at(doc, i - 1) in w.connectives or low_at(doc, i + 1) in w.connectives):
        return None  # "as soon as possible", "soon after he arrived": one event placed against another
    if low in w.present:
        value = "PRESENT_REF"
    elif low in w.past_ref or low in w.past_nouns:
        value = "PAST_REF"
    elif low in w.future_ref or low in w.future_words:
        value = "FUTURE_REF"
    else:
        return None
    return TimeMention(start, end, w.ref_type, value, "unknown", anchored=False), end
