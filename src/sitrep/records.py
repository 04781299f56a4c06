"""Typed records: what sitrep reads (Article) and what it produces (Result and its parts).

Every record has ``to_dict()`` and ``from_dict()``; the dict form is the output contract,
published as a JSON Schema in ``sitrep/schema/result.schema.json``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import types
import typing
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar, TypeVar

T = TypeVar("T", bound="Record")


class Record:
    """Mixin: dict conversion driven by the dataclass fields and their annotations."""

    __dataclass_fields__: ClassVar[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _dump(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        hints = typing.get_type_hints(cls)
        kwargs = {}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            if f.name in data:
                kwargs[f.name] = _load(hints[f.name], data[f.name])
        return cls(**kwargs)


def _dump(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, list):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value


def _load(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return _load(inner[0], value) if len(inner) == 1 else value
    if origin is list:
        (inner,) = typing.get_args(hint)
        return [_load(inner, v) for v in value]
    if isinstance(hint, type) and issubclass(hint, Record):
        return hint.from_dict(value)
    if hint is date and isinstance(value, str):
        return date.fromisoformat(value)
    return value


def content_id(text: str) -> str:
    """The id of an article that has none: a hash of its text, so the same text is stored once."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


# ---------------------------------------------------------------- input

@dataclass(slots=True)
class Article(Record):
    text: str
    id: str = ""
    language: str | None = None
    published: date | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    source: str = "<text>"  # where it was read from (path, path:line), for messages

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text)


# ---------------------------------------------------------------- output

@dataclass(slots=True)
class TextSpan(Record):
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Document(Record):
    id: str
    language: str
    published: str | None = None
    reference_date: str | None = None
    reference_date_source: str = "none"  # published / inferred / none
    title: str | None = None
    url: str | None = None
    outlet: str | None = None


@dataclass(slots=True)
class Entity(Record):
    text: str
    label: str
    start: int
    end: int


@dataclass(slots=True)
class Place(Record):
    text: str
    start: int
    end: int
    name: str
    geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    country_code: str | None = None
    admin1: str | None = None  # the name of the first-level unit
    admin2: str | None = None
    feature: str | None = None  # country / admin1 / admin2 / city / town / village / unknown
    # exact / community / raion (a Ukrainian village known by name only, at the centre of the known
    # settlements of its community or raion) / enclosing / admin2 / admin1 / country / unresolved
    precision: str = "unresolved"
    match_score: float | None = None  # 1 for the exact name, lower for another romanization
    role: str = "location"  # location / metonym (a government speaking: "Moscou a démenti") / in_name ("Dublin City Council") / demonym ("Canadian officials")


@dataclass(slots=True)
class TimeExpression(Record):
    text: str
    start: int
    end: int
    type: str  # DATE / TIME / DURATION / SET
    value: str  # TIMEX3 value


@dataclass(slots=True)
class Actor(Record):
    name: str
    country_code: str | None = None
    kind: str = "unknown"  # state_forces / rebel / civilians / government / group / unknown
    text: str | None = None


@dataclass(slots=True)
class EventDate(Record):
    start: str | None = None
    end: str | None = None
    precision: str = "unknown"  # day / week / month / year / part-of-month / unknown
    text: str | None = None
    conflict: str | None = None  # the text contradicts itself ("mardi 12 juin" when 12 June is a Thursday)


@dataclass(slots=True)
class Casualties(Record):
    min: int
    max: int | None = None
    text: str = ""
    start: int = 0
    end: int = 0
    qualifier: str = "exact"  # exact / at_least / at_most / approximate / range
    who: str | None = None  # civilians / soldiers / militants / people / ...
    children: int | None = None
    women: int | None = None
    civilians: int | None = None
    soldiers: int | None = None


@dataclass(slots=True)
class ClaimSource(Record):
    name: str
    kind: str = "unknown"  # person / institution / government / outlet / unknown
    text: str | None = None


@dataclass(slots=True)
class Claim(Record):
    source: ClaimSource
    stance: str  # confirmed / claimed / reported / denied / disputed
    evidence: TextSpan
    evidence_type: str | None = None  # e.g. "geolocated imagery"
    fatalities: Casualties | None = None  # the figures this source gives (in the sentence that names it)
    injuries: Casualties | None = None


@dataclass(slots=True)
class Event(Record):
    id: str
    event_type: str
    sub_event_type: str
    trigger: TextSpan
    actor1: Actor | None = None
    actor2: Actor | None = None
    location: Place | None = None
    date: EventDate | None = None
    fatalities: Casualties | None = None
    injuries: Casualties | None = None
    modality: str = "asserted"  # asserted / reported / denied / hypothetical / background
    claims: list[Claim] = field(default_factory=list)
    certainty: str = "reported"  # disputed / verified / confirmed / claimed / denied / reported (from the claims)
    evidence: list[TextSpan] = field(default_factory=list)


@dataclass(slots=True)
class Speaker(Record):
    name: str
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Quote(Record):
    text: str
    start: int
    end: int
    kind: str  # direct / indirect
    speaker: Speaker | None = None
    cue: str | None = None
    cue_start: int | None = None  # character offsets of the cue verb
    cue_end: int | None = None
    events: list[str] = field(default_factory=list)  # ids of the events the quote comments on (same sentence)


@dataclass(slots=True)
class Result(Record):
    """Everything sitrep found in one article."""

    document: Document
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass(slots=True)
class Reject(Record):
    """An input that could not be used, and why. Batches collect these instead of raising."""

    input: str
    code: str
    message: str
