"""Geocoding place mentions against the gazetteer, disambiguated by the article's context:
the countries it names (as places, in "la région russe de Briansk", or through demonyms of its
actors) weigh far more than population, so "Pokrovsk" in an article about Ukraine is the
Ukrainian town, not the Russian one. A name the gazetteer does not know keeps its text and falls
back to the country the text gives, with ``precision`` saying so."""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..extract.mentions import PlaceMention
from ..records import Place
from .gazetteer import Gazetteer, GazetteerEntry

_CONTEXT_WEIGHT = 4.0
_ENCLOSING_WINDOW = 8  # tokens between "the Biabanak area" and "of Maywand district, Kandahar"
_LEVEL_WEIGHT = 1.5


class Geocoder:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def context_countries(self, mentions: Sequence[PlaceMention], extra: Sequence[str]) -> set[str]:
        countries = {c for c in extra if c}
        for mention in mentions:
            if mention.country_hint:
                countries.add(mention.country_hint)
            for entry in self.gazetteer.lookup(mention.text)[:1]:
                if entry.feature == "country" and entry.country_code:
                    countries.add(entry.country_code)
        return countries

    def geocode(self, mention: PlaceMention, start: int, end: int, context: set[str]) -> Place:
        entry = self.choose(mention, context)
        if entry is None:
            return self.fallback(mention, start, end)
        precision = "country" if entry.feature == "country" else "admin1" if mention.level_hint == "admin1" else "exact"
        feature = "admin1" if mention.level_hint == "admin1" and entry.feature != "country" else entry.feature
        return Place(text=mention.text, start=start, end=end, name=entry.name, geonames_id=entry.geonames_id,
                     latitude=_round(entry.latitude), longitude=_round(entry.longitude), country_code=entry.country_code,
                     admin1=entry.admin1, feature=feature, precision=precision, role=mention.role)

    def choose(self, mention: PlaceMention, context: set[str]) -> GazetteerEntry | None:
        candidates = self.gazetteer.lookup(mention.text)
        if mention.country_hint:
            candidates = [c for c in candidates if c.country_code == mention.country_hint] or candidates
        if not candidates:
            return None

        def score(entry: GazetteerEntry) -> float:
            value = math.log10(entry.population + 10)
            if entry.country_code in context:
                value += _CONTEXT_WEIGHT
            if entry.feature == "country":
                value += 3.0  # "Ukraine" is the country before any town of that name
            if mention.level_hint == "admin1" and entry.feature in ("city", "town"):
                value += _LEVEL_WEIGHT
            return value

        return max(candidates, key=score)

    def fall_back_to_enclosing(self, doc, mentions: Sequence[PlaceMention], places: dict[int, Place]) -> None:
        """An unknown place followed closely, in the same sentence, by one the gazetteer knows
        ("the Biabanak area of Maywand district, Kandahar", "Robotyne, près de Zaporijjia") is
        put at that enclosing or nearby place, with ``precision`` "enclosing"."""
        for index, mention in enumerate(mentions):
            place = places[id(mention)]
            if place.precision != "unresolved" or place.role != "location":
                continue
            for later in mentions[index + 1:]:
                if later.start - mention.end > _ENCLOSING_WINDOW or not _same_sentence(doc, mention.start, later.start):
                    break
                known = places[id(later)]
                if known.latitude is not None and known.role == "location":
                    place.latitude, place.longitude = known.latitude, known.longitude
                    place.country_code, place.admin1 = known.country_code, known.admin1
                    place.precision = "enclosing"
                    break

    def fallback(self, mention: PlaceMention, start: int, end: int) -> Place:
        """Unknown to the gazetteer: the country the text gives, if any, with that precision."""
        if mention.country_hint:
            country = next((c for c in self.gazetteer.lookup_country(mention.country_hint)), None)
            if country is not None:
                return Place(text=mention.text, start=start, end=end, name=mention.text, latitude=_round(country.latitude),
                             longitude=_round(country.longitude), country_code=country.country_code,
                             feature="unknown", precision="country", role=mention.role)
        return Place(text=mention.text, start=start, end=end, name=mention.text, feature="unknown",
                     precision="unresolved", role=mention.role)


def _round(value: float | None) -> float | None:
    return None if value is None or math.isnan(value) else round(value, 5)


def _same_sentence(doc, a: int, b: int) -> bool:
    if not doc.has_annotation("SENT_START"):
        return True
    return doc[a].sent.start == doc[b].sent.start
