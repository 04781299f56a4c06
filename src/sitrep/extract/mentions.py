"""What the extractors annotate on a Doc: typed mentions, with token offsets into the Doc.

The resolve stage turns them into the output records (character offsets, geocoded places,
normalized actors). Mentions are plain data: nothing here reads a model or a file.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class PlaceMention:
    start: int  # token offsets, end exclusive
    end: int
    text: str
    source: str  # ner / cue ("the region of X") / cue-after ("X County") / gazetteer / dateline / abbreviation / name / apposition / demonym
    level_hint: str | None = None  # admin1 when a cue noun says region/oblast/province; settlement for "X city";
    # local for "X area", "X camp" (no country)
    role: str = "location"  # location / metonym / in_name / demonym
    country_hint: str | None = None  # from "la région russe de Briansk"
    within: str | None = None  # the name of the unit the text puts it in: "Kolodiazne, Kharkiv"
    bracketed: bool = False  # the unit is in brackets after it, "Entre Rios (Cochabamba)": no list, whatever it holds
    attributive: bool = False  # a country's name qualifying a noun, "US military forces": whose, not where
    acts: bool = False  # a state who did what an event word says, "Russia struck Kharkiv", "shelled by Russia": its forces
    lookup: str | None = None  # the name to look up, where the text abbreviates it: "Calif." is California

    @property
    def name(self) -> str:
        """The name the gazetteer knows the place by: the text, or what it abbreviates."""
        return self.lookup or self.text


@dataclass(slots=True)
class TimeMention:
    start: int
    end: int
    type: str  # DATE / TIME / DURATION / SET
    value: str  # TIMEX3 value
    precision: str  # day / week / month / year / part-of-month / part-of-day / unknown
    first_day: str | None = None  # ISO date range the expression covers, when it is a date
    last_day: str | None = None
    anchored: bool = True  # False when the value needed a reference date that was not known
    conflict: str | None = None  # what in the expression disagrees ("mardi 12 juin" when 12 June is a Thursday)


@dataclass(slots=True)
class ActorMention:
    start: int
    end: int
    text: str
    name: str
    country: str | None
    kind: str
    home: bool = False  # "regime forces", "government troops": the forces of the country where it happened
    placed_as: str | None = None  # "militants": named as this kind of actor of the country where it happened
    unit: str | None = None  # "military police", "gendarmes": the state's unit ACLED names, in the countries it does


@dataclass(slots=True)
class CasualtyMention:
    start: int
    end: int
    outcome: str  # killed / injured
    min: int
    max: int | None
    qualifier: str
    who: str | None
    anchor: int  # the token of the verb or noun that says killed/injured
    breakdown: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class SpeakerMention:
    start: int  # token offsets of the words that name the speaker in the text
    end: int
    name: str  # resolved name (the antecedent for a pronoun or a title)
    kind: str = "person"  # person / institution / government


@dataclass(slots=True)
class QuoteMention:
    start_char: int
    end_char: int
    kind: str  # direct / indirect
    cue: int | None  # token index of the cue verb
    speaker: SpeakerMention | None = None


@dataclass(slots=True)
class ClaimMention:
    source: str
    source_kind: str
    stance: str
    evidence_start: int  # token offsets of the attributing words
    evidence_end: int
    evidence_type: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    fatalities: "CasualtyMention | None" = None  # the figures this source gives, in its own sentence
    injuries: "CasualtyMention | None" = None


@dataclass(slots=True)
class EventMention:
    trigger: int  # token index
    concept: str
    event_type: str
    sub_event_type: str
    sentences: list[tuple[int, int]]  # token spans of the sentences it is told in
    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    place: PlaceMention | None = None
    time: TimeMention | None = None
    fatalities: CasualtyMention | None = None
    injuries: CasualtyMention | None = None
    modality: str = "asserted"
    claims: list[ClaimMention] = field(default_factory=list)
    certainty: str = "reported"  # derived from the claims: see extract/certainty.py
    word_concept: str = ""  # the trigger word's own concept, before its object recoded it ("destroyed drones")
    # it tells another incident of its kind ("in another attack", "were also killed", "2 other soldiers"): merged
    # into an event, its toll adds to that event's
    adds: bool = False
