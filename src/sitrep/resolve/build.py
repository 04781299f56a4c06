"""From an annotated Doc to the output records: character offsets, geocoded places, normalized
actors, event dates with their precision, claims and evidence spans."""

from __future__ import annotations

import datetime
import hashlib
import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc

from ..extract.mentions import ActorMention, CasualtyMention, ClaimMention, EventMention, QuoteMention, TimeMention
from ..nlp.extensions import doc_list
from ..records import (Actor, Article, Casualties, Claim, ClaimSource, Document, Entity, Event, EventDate, Place,
                       Quote, Result, Speaker, TextSpan, TimeExpression)
from ..extract.actors import (actor_catalogue, actor_catalogue_unit, canonical_actor, coalition_name, conventional_name,
                              crowd_identity)
from ..extract.events import event_type_of
from ..lang import load_lexicon
from .countries import country_name
from .geocode import Geocoder
from .periods import DATED_KINDS, dated_name

_BREAKDOWN_FIELDS = ("children", "women", "civilians", "soldiers")
_UNIDENTIFIED = "Unidentified Armed Group"


class ResultBuilder:
    def __init__(self, geocoder: Geocoder) -> None:
        self.geocoder = geocoder

    def __call__(self, doc: Doc, article: Article, language: str) -> Result:
        reference = doc._.sitrep_reference
        document = Document(
            id=article.id, language=language,
            published=article.published.isoformat() if article.published else None,
            reference_date=reference.isoformat() if reference else None,
            reference_date_source=doc._.sitrep_reference_source or "none",
            title=article.title, url=article.url, outlet=article.outlet,
        )
        mentions = doc_list(doc, "sitrep_places")
        context = self.geocoder.context_countries(mentions, [])
        actors = {a.country for a in doc_list(doc, "sitrep_actors") if a.country}
        resolved = self.geocoder.geocode_all(mentions, [(doc[m.start].idx, _end_char(doc, m.end)) for m in mentions],
                                             context, actors)
        places = {id(m): place for m, place in zip(mentions, resolved)}
        self.geocoder.fall_back_to_enclosing(doc, mentions, places)
        home = _main_country(places[id(m)] for m in mentions if not m.attributive)
        return Result(
            document=document,
            entities=[Entity(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents],
            places=list(places.values()),
            times=[self.time(doc, t) for t in doc_list(doc, "sitrep_times")],
            events=(events := [self.event(doc, article, e, places, n, home)
                               for n, e in enumerate(doc_list(doc, "sitrep_events"))]),
            quotes=[self.quote(doc, q, events) for q in doc_list(doc, "sitrep_quotes")],
        )

    @staticmethod
    def time(doc: Doc, t: TimeMention) -> TimeExpression:
        span = doc[t.start:t.end]
        return TimeExpression(span.text, span.start_char, span.end_char, t.type, t.value)

    def event(self, doc: Doc, article: Article, e: EventMention, places: dict[int, Place], n: int,
              home: str | None = None) -> Event:
        trigger = doc[e.trigger]
        location = places.get(id(e.place)) if e.place is not None else None
        # generic actors ("protesters", "armed men") are those of the country where it happened: where the
        # event has no place of its own, or one the gazetteer does not know, the country the article's places are in
        country = (location.country_code if location is not None else None) or home
        event_date = _date(doc, e.time)
        # state actors are named with the government in power on the day, as known when published
        reference = doc._.sitrep_reference
        day = _day(event_date.start if event_date is not None else None) or reference
        digest = hashlib.sha1(f"{article.id}:{trigger.idx}:{e.sub_event_type}".encode()).hexdigest()[:12]
        return Event(
            id=f"{article.id[:12]}-{n}-{digest}",
            event_type=e.event_type, sub_event_type=e.sub_event_type,
            trigger=TextSpan(trigger.text, trigger.idx, trigger.idx + len(trigger.text)),
            actor1=_organized_crime(doc, e, _actor(doc, e.actor1, country, e.sub_event_type, day, reference))
            or _unattributed(e.sub_event_type, country),
            actor2=_organized_crime(doc, e, _actor(doc, e.actor2, country, "", day, reference)),
            location=location, date=event_date, fatalities=_casualties(doc, e.fatalities),
            injuries=_casualties(doc, e.injuries), modality=e.modality,
            claims=[_claim(doc, c) for c in e.claims], certainty=e.certainty,
            evidence=[_span(doc, s, t) for s, t in e.sentences],
        )

    @staticmethod
    def quote(doc: Doc, q: QuoteMention, events: list[Event]) -> Quote:
        speaker = None
        if q.speaker is not None:
            span = doc[q.speaker.start:q.speaker.end]
            speaker = Speaker(q.speaker.name, span.text, span.start_char, span.end_char)
        cue = doc[q.cue] if q.cue is not None else None
        # the quote comments on the events told in the sentences it overlaps or its cue stands in
        reach = [(q.start_char, q.end_char)] + ([(cue.idx, cue.idx + len(cue.text))] if cue is not None else [])
        linked = [e.id for e in events if any(s.start < end and start < s.end for s in e.evidence for start, end in reach)]
        return Quote(doc.text[q.start_char:q.end_char], q.start_char, q.end_char, q.kind, speaker,
                     cue.text if cue is not None else None, cue.idx if cue is not None else None,
                     cue.idx + len(cue.text) if cue is not None else None, linked)


def _main_country(places) -> str | None:
    """The country most of the article's places are in, if one leads (demonyms and names inside
    organizations' names aside)."""
    counts = Counter(p.country_code for p in places if p.role in ("location", "metonym") and p.country_code)
    ranked = counts.most_common(2)
    if not ranked or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def _end_char(doc: Doc, end_token: int) -> int:
    last = doc[end_token - 1]
    return last.idx + len(last.text)


def _span(doc: Doc, start: int, end: int) -> TextSpan:
    span = doc[start:end]
    text = span.text
    stripped = text.rstrip()
    return TextSpan(stripped, span.start_char, span.start_char + len(stripped))


_PLACED_KINDS = ("civilians", "protesters", "rioters", "unidentified", "police")
_CROWD_KINDS = ("civilians", "protesters", "rioters")


def _actor(doc: Doc, a: ActorMention | None, location_country: str | None, sub_event_type: str = "",
           day: datetime.date | None = None, known: datetime.date | None = None) -> Actor | None:
    if a is None:
        return None
    name, country = a.name, a.country
    if (a.kind in _PLACED_KINDS or a.home or a.placed_as) and country is None and location_country:
        # "armed men", "police", "protesters", "regime forces", "militants" with no country named: those of
        # where it happened
        country = location_country
        name = canonical_actor(country, a.placed_as or a.kind)
    name = conventional_name(name, sub_event_type, location_country)
    kind = a.kind
    unit = actor_catalogue_unit(a.unit) if a.unit else None
    if unit is not None and country in unit["kinds"]:  # "Military Forces of Brazil (2023-) Military Police"
        kind = unit["kinds"][country]
        name = f"{canonical_actor(country, kind)} {unit['unit']}"
    identity = crowd_identity(a.text, country, event_type_of(sub_event_type) if sub_event_type else None) \
        if kind in _CROWD_KINDS else None
    if identity is not None:  # "Israeli settlers" seizing land
        return Actor(name=identity, country_code=country, kind="civilians", text=a.text or None)
    coalition = coalition_name(country, kind, location_country) if unit is None else None
    if coalition is not None:  # "US forces" striking in Syria
        return Actor(name=coalition, country_code=None, kind="group", text=a.text or None)
    if kind in DATED_KINDS:
        name = dated_name(name, country, day, known)
    return Actor(name=name, country_code=country, kind=kind, text=a.text or None)


def _unattributed(sub_event_type: str, country: str | None) -> Actor | None:
    """Who ACLED names when the report names no one, by the ``unattributed_conventions`` of
    ``actors.json``: in Ukraine, a landmine or an unexploded shell is "Unidentified Military Forces"."""
    for rule in actor_catalogue().get("unattributed_conventions", []):
        if country in rule.get("where", ()) and sub_event_type in rule.get("sub_event_types", ()):
            return Actor(name=rule["name"], country_code=None, kind=rule["kind"], text=None)
    return None


def _organized_crime(doc: Doc, e: EventMention, actor: Actor | None) -> Actor | None:
    """An unidentified armed group as ACLED names it where organized crime is the likely author,
    by the ``unidentified_conventions`` of ``actors.json``: "Unidentified Gang (Mexico)" when the
    report tells of a cartel, of drug trafficking, of a body found tortured or tied."""
    if actor is None or not actor.name.startswith(_UNIDENTIFIED) or actor.country_code is None:
        return actor
    lexicon = load_lexicon(doc.lang_)
    text = " ".join(doc[start:end].text for start, end in e.sentences).lower()
    for rule in actor_catalogue().get("unidentified_conventions", []):
        if actor.country_code not in rule.get("where", ()):
            continue
        markers = lexicon.section("actors", rule["markers"]) or []
        if any(re.search(rf"(?<!\w){re.escape(marker)}(?!\w)", text) for marker in markers):
            return replace(actor, name=rule["name"].format(country=country_name(actor.country_code) or actor.country_code))
    return actor


def _day(iso: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def _date(doc: Doc, t: TimeMention | None) -> EventDate | None:
    if t is None:
        return None
    precision = "day" if t.precision == "part-of-day" else t.precision
    return EventDate(start=t.first_day, end=t.last_day, precision=precision if t.first_day else "unknown",
                     text=doc[t.start:t.end].text, conflict=t.conflict)


def _casualties(doc: Doc, c: CasualtyMention | None) -> Casualties | None:
    if c is None:
        return None
    span = doc[c.start:c.end]
    extra = {k: v for k, v in c.breakdown.items() if k in _BREAKDOWN_FIELDS}
    if c.who in _BREAKDOWN_FIELDS and c.who not in extra:
        extra[c.who] = c.min if c.max is None else None  # type: ignore[assignment]
    extra = {k: v for k, v in extra.items() if v is not None}
    return Casualties(min=c.min, max=c.max, text=span.text, start=span.start_char, end=span.end_char,
                      qualifier=c.qualifier, who=c.who, **extra)


def _claim(doc: Doc, c: ClaimMention) -> Claim:
    text = None
    if c.source_start is not None and c.source_end is not None:
        text = doc[c.source_start:c.source_end].text
    return Claim(source=ClaimSource(c.source, c.source_kind, text), stance=c.stance,
                 evidence=_span(doc, c.evidence_start, c.evidence_end), evidence_type=c.evidence_type,
                 fatalities=_casualties(doc, c.fatalities), injuries=_casualties(doc, c.injuries))
