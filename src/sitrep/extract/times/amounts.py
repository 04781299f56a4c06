"""Rules for lengths and repetitions: durations ("trois jours", "a two-day strike", "for weeks",
"plusieurs années"), stretches of unknown length ("the past few weeks"), and SETs ("daily",
"tous les jeudis", "par an"). Ages ("87 ans", "52 years old") and rates ("$2 million a year") are not durations."""

from __future__ import annotations

from datetime import date

from ...lang import phrase_length
from ..mentions import TimeMention
from ..numbers import Number, number_at
from .values import period
from .words import Match, TextView, TimeWords, longest_phrase, low_at


def amount(w: TimeWords, doc: TextView, i: int) -> Number | None:
    """A count of time units: a number, or "un"/"a" before a unit ("il y a un an", "a week ago")."""
    if i >= len(doc):
        return None
    if low_at(doc, i) in ("un", "une", "a", "an", "one") and low_at(doc, i + 1) in w.units:
        return Number(1, None, i, i + 1)
    if low_at(doc, i) in w.vague_amounts:  # "des années", "years" after "for"
        return Number(2, 9, i, i + 1, vague=True)
    return number_at(doc.doc, i, w.lex)


def duration(w: TimeWords, doc: TextView, i: int, ref: date | None) -> Match:
    """"trois jours", "(pendant) deux semaines", "(for) three days", "the past two months", "a two-day
    strike", "plusieurs années" (PXY), "a month" (P1M): an amount of a time unit. Ages are not
    durations: "Jean Burget, 87 ans", "une fillette de 6 ans", "52 years old"."""
    start = i
    k = longest_phrase(doc, i, w.duration_prefixes)
    j = i + k
    if low_at(doc, j) in w.last | w.this | w.next:
        return None
    if low_at(doc, j) in ("a", "an") and low_at(doc, j + 1) not in w.units:
        return None  # "a two-day strike": the article stays outside
    if low_at(doc, j) in w.for_words and low_at(doc, j + 1) in w.units and low_at(doc, j + 1).endswith("s"):
        unit = w.units[low_at(doc, j + 1)]  # "for weeks", "within days"
        return TimeMention(j + 1, j + 2, "DURATION", period("X", unit), "duration"), j + 2
    number = amount(w, doc, j)
    if number is None:
        return None
    if low_at(doc, number.end) in w.range_words and number.max is None:  # "12 to 18 months", "trois ou quatre ans"
        upper = amount(w, doc, number.end + 1)
        if upper is not None and upper.min > number.min and low_at(doc, upper.end) in w.units:
            number = Number(number.min, upper.min, number.start, upper.end)
    # "two-day", "10-year", "two more weeks"
    unit_i = number.end + (low_at(doc, number.end) == "-" or low_at(doc, number.end) in w.amount_modifiers)
    if k and doc.lows[i] == "the" and k == 1 and unit_i + 1 < len(doc) and doc[unit_i + 1].pos_ == "NOUN":
        start = j  # "the 14-day waiting period": the article belongs to the noun
    if low_at(doc, unit_i) not in w.units:
        return None
    unit, end = w.units[low_at(doc, unit_i)], unit_i + 1
    if is_age(w, doc, start, number.start, end) or low_at(doc, end) == "-" and low_at(doc, end + 1) in w.ago:
        return None
    value = period("X" if number.max is not None or number.vague else str(number.min), unit)
    half = longest_phrase(doc, end, w.half)
    if half and number.max is None and not number.vague and unit in _HALVES:  # "an hour and a half": PT1H30M
        value, end = _HALVES[unit](number.min), end + half
    if k == 0 and low_at(doc, start) in ("a", "an") and start > 0 and \
            (doc[start - 1].pos_ in ("NUM", "NOUN") or low_at(doc, start - 1) in ("once", "twice")):
        return None  # a rate, not a length: "$2 million a year", "24 hours a day", "once a month"
    return TimeMention(start, end, "DURATION", value, "duration"), end


# A unit and a half, in the next smaller unit TimeML writes: PT1H30M, PT2M30S, P18M, P36H.
_HALVES = {
    "H": lambda n: f"PT{n}H30M",
    "MIN": lambda n: f"PT{n}M30S",
    "Y": lambda n: f"P{12 * n + 6}M",
    "D": lambda n: f"PT{24 * n + 12}H",
}


def is_age(w: TimeWords, doc: TextView, start: int, number_i: int, end: int) -> bool:
    """Whether "<number> years" there is somebody's age."""
    if w.units.get(low_at(doc, end - 1)) != "Y":
        return False
    if low_at(doc, end) in ("old", "-old") or low_at(doc, end) == "-" and low_at(doc, end + 1) == "old":
        return True
    before = low_at(doc, start - 1)
    if w.lang != "fr" or start != number_i:
        return before in ("aged",)
    if low_at(doc, end) in ("de", "d'"):
        return False  # "trois ans de tractations", "10 ans de prison"
    if before in (",", "(", "-") or before.startswith(("âgé", "agé")):
        return True
    if before == "de":
        noun = doc.doc[start - 2] if start >= 2 else None
        return noun is not None and (noun.lower_.startswith(("âgé", "agé")) or noun.pos_ in ("NOUN", "PROPN")
                                     and noun.lower_ not in w.duration_nouns)
    return False


def recent_units(w: TimeWords, doc: TextView, i: int, ref: date | None) -> Match:
    """"ces derniers jours", "the past few weeks", "recent months": a stretch of unknown length (PXD)."""
    k = phrase_length(doc.doc, i, w.recent_plural)
    if not k:
        return units_ahead(w, doc, i)
    j = i + k + (low_at(doc, i + k) in ("few", "quelques"))
    unit = w.units.get(low_at(doc, j))
    if unit is None or not low_at(doc, j).endswith("s") or unit in ("H", "MIN", "S"):
        return None
    if low_at(doc, i) in w.past_ref_adjectives:  # "recent years": a vague past, not a length
        return TimeMention(i, j + 1, w.ref_type, "PAST_REF", "unknown", anchored=False), j + 1
    return TimeMention(i, j + 1, "DURATION", f"PX{unit}", "duration"), j + 1


def set_rule(w: TimeWords, doc: TextView, i: int, ref: date | None) -> Match:
    """"daily", "quotidiennement", "every week", "chaque jour", "tous les jours"."""
    low = low_at(doc, i)
    if low in w.set_words and 0 < i < len(doc) - 1 and doc[i - 1].pos_ == "PROPN" and doc[i + 1].pos_ == "PROPN":
        return None  # "the Communist Party daily Granma": a newspaper between its owner and its name
    if low in w.set_words:
        return TimeMention(i, i + 1, "SET", w.set_words[low], "set"), i + 1
    if low in w.per and low_at(doc, i + 1) in w.units:  # "0,38 % par an"
        return TimeMention(i + 1, i + 2, "SET", period("1", w.units[low_at(doc, i + 1)]), "set"), i + 2
    if low not in w.every:
        return None
    j = i + 1 + (low_at(doc, i + 1) in ("les", "the"))
    day = low_at(doc, j).removesuffix("s")
    if day in w.weekdays:  # "each Thursday", "tous les jeudis"
        return TimeMention(i, j + 1, "SET", f"XXXX-WXX-{w.weekdays[day] + 1}", "set"), j + 1
    if low_at(doc, j) in w.months:  # "each July"
        return TimeMention(i, j + 1, "SET", f"XXXX-{w.months[low_at(doc, j)]:02d}", "set"), j + 1
    unit = "Q" if low_at(doc, j) in w.quarter_words else w.units.get(low_at(doc, j))  # "every quarter": P1Q
    if unit is None:
        return None
    return TimeMention(i, j + 1, "SET", period("1", unit), "set"), j + 1


def units_ahead(w: TimeWords, doc: TextView, i: int) -> Match:
    """"the weeks ahead", "the days to come", "les semaines à venir": a stretch of unknown length ahead (PXW)."""
    if low_at(doc, i) not in ("the", "les"):
        return None
    word = low_at(doc, i + 1)
    unit = w.units.get(word)
    if unit is None or not word.endswith("s") or unit in ("H", "MIN", "S"):
        return None
    k = longest_phrase(doc, i + 2, w.ahead_phrases)
    if not k:
        return None
    return TimeMention(i, i + 2 + k, "DURATION", f"PX{unit}", "duration"), i + 2 + k
