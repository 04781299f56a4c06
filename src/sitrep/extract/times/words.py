"""The words the temporal grammar knows, per language (the "time" section of the lexicon), and
the token view its rules read: lowercase forms computed once, phrase look-ups, four-digit years."""

from __future__ import annotations

from spacy.tokens import Doc

from ...lang import Lexicon, load_lexicon
from ..mentions import TimeMention
from ..numbers import parse_digits

Match = tuple[TimeMention, int] | None  # what a rule returns: the mention and the token after it
# Prepositions stay outside TIMEX3 spans ("dans [la nuit de samedi]", "over [the weekend]").
PREPOSITIONS = {"à", "a", "dans", "en", "pendant", "durant", "in", "on", "over", "during", "at"}


class TimeWords:
    """The "time" section of a language's lexicon, loaded once, and the words a rule can start with."""

    def __init__(self, lang: str) -> None:
        self.lex: Lexicon = load_lexicon(lang)
        t = self.lex.section("time")
        self.weekdays: dict[str, int] = t["weekdays"]
        self.months: dict[str, int] = t["months"]
        self.relative_days: dict[str, int] = t["relative_days"]
        self.units: dict[str, str] = t["relative_units"]
        self.last, self.next, self.this = set(t["last"]), set(t["next"]), set(t["this"])
        self.parts_of_day: dict[str, str] = t["parts_of_day"]
        self.day_part_phrases: dict[str, str] = t["day_part_phrases"]  # "mid-afternoon", "dans la soirée du"
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
        self.widened_rules = {"anaphoric_date", "relative_unit", "relative_day", "weekday", "year_rule", "reference_word", "month_day"}
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
        self.year_phrases: set[str] = set(t["year_phrases"])  # "the year", "the fiscal year": the reference year
        self.year_phrase_blockers: set[str] = set(t["year_phrase_blockers"])  # "the year before" is another year
        self.length_markers: set[str] = set(t["length_markers"])  # "the year ended Sept. 30" is a length
        self.connectives: set[str] = set(t["connectives"])  # "as soon as", "soon after" relate two events
        self.clock_idioms: set[str] = set(t["clock_idioms"])  # "high noon"
        self.past_prepositions: set[str] = set(t["past_prepositions"])  # "since Jan. 13" is past
        self.past_modals: set[str] = set(t["past_modals"])  # "could", "would": a sentence with them may narrate the past
        self.amount_modifiers: set[str] = set(t["amount_modifiers"])  # "two more weeks"
        self.ahead_phrases: list[str] = t["ahead_phrases"]  # "the weeks ahead", "les semaines à venir"
        self.decade_words: dict[str, int] = t["decade_words"]  # "the nineties": the 1990s
        self.perfect_aux: set[str] = set(t["perfect_aux"])  # "has struck" is past, "is heard" not; empty: any auxiliary
        self.anaphoric_dates: dict[str, str] = t["anaphoric_dates"]  # "the next day": "D 1" (see times.anaphora)
        self.later_words: dict[str, int] = t["later_words"]  # "two days later": +1, "trois jours plus tôt": -1
        self.clock_periods: dict[str, int] = t["clock_periods"]  # "4 in the afternoon": 12 hours to add
        self.day_joiners: set[str] = set(t["day_joiners"])  # "April 24 and 25", "les 24 et 25 avril"
        self.half: set[str] = set(t["half"])  # "an hour and a half", "une heure et demie"
        self.range_words: set[str] = set(t["range_words"])  # "12 to 18 months", one PXM (French TimeBank tags "8 à 24 mois" as two)
        self.anaphora_relations: set[str] = set(t["anaphora_relations"])  # "the day after [the vote]": an event's date
        # "Nov." and "Sept." as well as "Nov" and "Sept"
        self.months.update({f"{name}.": number for name, number in list(self.months.items()) if len(name) <= 4})
        self.lang = lang
        numbers = self.lex.section("numbers")
        # Words a rule can start with; other tokens are skipped without trying every rule.
        self.starters: set[str] = (
            set(self.weekdays) | set(self.months) | set(self.relative_days) | set(self.units) | self.last | self.next
            | self.this | set(self.parts_of_day) | set(self.part_of_month) | set(numbers["units"]) | set(numbers["tens"])
            | set(numbers["vague"]) | PREPOSITIONS | {"l'", "l", "le", "la", "the", "au", "il", "depuis", "since", "de",
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
                          | {phrase.split()[0] for phrase in list(self.ref_phrases) + list(self.holidays)} | {"ici"}
                          | {phrase.split()[0] for phrase in self.year_phrases} | {"les"} | set(self.decade_words)
                          | {phrase.split()[0].split("'")[0] + ("'" if "'" in phrase.split()[0] else "")
                             for phrase in self.anaphoric_dates})


class TextView:
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


def low_at(doc: TextView, i: int) -> str:
    """The lowercase form of token ``i``, or "" outside the Doc."""
    return doc.lows[i] if 0 <= i < len(doc.lows) else ""


def year_at(doc: Doc | TextView, i: int) -> int | None:
    """The year token ``i`` spells in four digits (1900-2100), else None."""
    if i < len(doc):
        value = parse_digits(doc[i].text)
        if value is not None and 1900 <= value <= 2100 and len(doc[i].text) == 4:
            return value
    return None


_PREFIXES: dict[int, tuple[object, frozenset[str], frozenset[str]]] = {}


def _indexed(phrases) -> tuple[frozenset[str], frozenset[str]]:
    """``phrases`` as a set, and the set of every beginning of them (built once per collection)."""
    entry = _PREFIXES.get(id(phrases))
    if entry is None or entry[0] is not phrases:
        whole = frozenset(phrases)
        entry = (phrases, whole, frozenset(p[:n] for p in whole for n in range(1, len(p) + 1)))
        _PREFIXES[id(phrases)] = entry
    return entry[1], entry[2]


def longest_phrase(doc, i: int, phrases) -> int:
    """Tokens taken by the longest of ``phrases`` the text at token ``i`` spells, else 0."""
    whole, beginnings = _indexed(phrases)
    best = 0
    for k in range(1, min(5, len(doc) - i) + 1):
        text = phrase_text(doc, i, k)
        if text not in beginnings:
            break
        if text in whole:
            best = k
    return best


def phrase_text(doc, i: int, k: int) -> str:
    """The lowercase text of ``k`` tokens from token ``i``, spaced as written ("new year's day");
    "" when the text ends before them."""
    if i < 0 or i + k > len(doc.lows):
        return ""
    return "".join(doc.lows[j] + (" " if doc.doc[j].whitespace_ and j < i + k - 1 else "") for j in range(i, i + k))
