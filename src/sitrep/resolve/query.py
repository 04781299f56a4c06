"""Geocoding a place written as a short location string, the way incident databases and
analysts write them: "Chuhuiv, south of Kharkiv", "Mykolaivka, Donetsk Oblast, Ukraine",
"outskirts of Bakhmut". Comma-separated parts go from the smallest place to the largest; each
part is a name, maybe with a direction ("south of", "near") or a unit noun ("Oblast", "raion").
The larger parts are context for the first: the region picks the village, the country the
region. The first part the gazetteer knows gives the answer, at its precision: a part left
unknown before it makes the answer "enclosing".
"""

from __future__ import annotations

import re

from ..extract.mentions import PlaceMention
from ..lang import load_lexicon
from ..records import Place
from .geocode import Geocoder

_SEPARATORS = re.compile(r"\s*(?:[,;/()]|\s-\s)\s*")


class QueryGeocoder:
    def __init__(self, geocoder: Geocoder, language: str = "en") -> None:
        self.geocoder = geocoder
        lex = load_lexicon(language)
        self.unit_nouns = set(lex.section("places", "cue_nouns"))
        self.admin1_nouns = set(lex.section("places", "admin1_nouns"))
        self.glue = set(lex.section("places", "direction_words")) | set(lex.section("places", "locative_prepositions")) \
            | {"of", "the", "de", "du", "la", "le", "d", "l", "outskirts", "centre", "center", "area"}

    def mentions(self, query: str) -> list[PlaceMention]:
        found = []
        for part in _SEPARATORS.split(query):
            words = [w for w in re.split(r"\s+", part.strip()) if w]
            level = None
            while words and words[0].lower().strip("'’") in self.glue | self.unit_nouns:
                level = level or ("admin1" if words[0].lower() in self.admin1_nouns else None)
                words.pop(0)
            while words and words[-1].lower().strip(".") in self.unit_nouns | self.glue:
                level = level or ("admin1" if words[-1].lower().strip(".") in self.admin1_nouns else None)
                words.pop()
            if words:
                name = " ".join(words)
                found.append(PlaceMention(0, 0, name, "query", level))
        return found

    def geocode(self, query: str, countries: tuple[str, ...] = ()) -> Place | None:
        """The place the string names, or None when it names nothing. ``countries``: where the
        places are expected to be (an incident database about Ukraine), as ISO codes."""
        mentions = self.mentions(query)
        if not mentions:
            return None
        for later in mentions[1:]:  # "Pisky, Donetsk": the later parts are the enclosing units
            if later.level_hint is None and any(e.feature == "admin1" for e in self.geocoder.candidates(later.name)):
                later.level_hint = "admin1"
        context = self.geocoder.context_countries(mentions, countries)
        places = self.geocoder.geocode_all(mentions, [(0, len(query))] * len(mentions), context)
        for index, place in enumerate(places):
            if place.latitude is None:
                continue
            if index == 0 and not self._inside_the_rest(place, places[1:]):
                continue  # a namesake outside the region the string names: not this one
            if index > 0:
                place.text, place.name, place.precision = query, mentions[0].text, "enclosing"
            return place
        return places[0]

    @staticmethod
    def _inside_the_rest(place: Place, enclosing: list[Place]) -> bool:
        for unit in enclosing:
            if unit.latitude is None:
                continue
            if unit.feature == "country" and place.country_code != unit.country_code:
                return False
            if unit.precision == "admin1" and (place.country_code, place.admin1) != (unit.country_code, unit.admin1):
                return False
        return True
