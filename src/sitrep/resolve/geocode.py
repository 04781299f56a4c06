"""Geocoding place mentions against the gazetteer, disambiguated by the article's context.

A name is looked up exactly (accents, case and hyphens aside), then, if unknown, by spelling key
("Tchassiv Iar" finds "Chasiv Yar", with a lower ``match_score``). Among the candidates, the
article decides: the countries it names (as places, or in "la région russe de Briansk") and the
regions it names weigh far more than population, so "Mykolaivka, in the Donetsk region" is the
Donetsk oblast's village, and "Pokrovsk" in an article about Ukraine is the Ukrainian town. The
countries of its actors count for less (Russian forces fight in Ukraine). A cue noun ("la région
de Briansk", "Donetsk Oblast") picks the admin unit over its capital; "X, Kharkiv" keeps X inside
the Kharkiv oblast. Places near the article's other places are preferred (near a place well ahead
of its namesakes, or in the county the article names: "Huntsville" with "Walker County" is the Texan
one); a government speaking ("Washington warned") is its capital. A town or village of a country the
article never names is a namesake, not the place.

Never a confident wrong pin: when two candidates are as likely and far apart, the place is put
at what they share (their admin1 unit or their country) with that precision; a name the
gazetteer does not know keeps its text and falls back to the enclosing place the text gives.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from .distance import haversine_km
from ..extract.mentions import PlaceMention
from ..records import Place
from .gazetteer import Gazetteer, GazetteerEntry, normalize, spelling_key, without_article

_CONTEXT_WEIGHT = 4.0  # the candidate is in a country the article names
_REGION_WEIGHT = 3.0  # in an admin1 unit the article names
_ACTOR_WEIGHT = 1.0  # in the country of one of the article's actors
_CAPITAL_WEIGHT = 1.5  # a country's capital…
_METONYM_WEIGHT = 3.0  # …all the more when the name stands for a government
_NEAR_WEIGHT = 1.5  # within _NEAR_KM of another place of the article
_NEAR_KM = 150.0
_ANCHOR_MARGIN = 1.0  # a place this far ahead of its namesakes anchors the others near it
_MIN_PREFIX = 4  # "Newark Live Bait" is in Newark; "Le Havre Port" is not in Le
_NEST_WEIGHT = 2.0  # a county the article names holds this town it names, or the other way round
_LEVEL_WEIGHT = 6.0  # a cue noun says the name is a region
_ADMIN_PENALTY = 2.5  # a bare name is the town before the unit named after it…
_CAPITAL_POPULATION = 50_000  # …when the town is big enough to be the unit's capital
_OWN_NAME_WEIGHT = 1.5  # the place's own name (in any romanization), not one of its alternate (often former) names
_COUNTRY_WEIGHT = 3.0  # "Ukraine" is the country before any town of that name
_AMBIGUOUS_MARGIN = 0.3  # scores this close are a tie…
_AMBIGUOUS_KM = 50.0  # …when the candidates are this far apart
_WORLD_CITY = 1_000_000  # a name whose biggest namesake is this big says nothing of the region
_ENCLOSING_WINDOW = 8  # tokens between "the Biabanak area" and "of Maywand district, Kandahar"
_ARTICLE_SCORE = 0.9  # a name found without its Arabic article ("As-Sweida" as "Sweida")
_PRECISION = {"continent": "continent", "region": "region", "country": "country", "admin1": "admin1", "admin2": "admin2", "admin3": "admin2"}


Region = tuple[str | None, str | None]  # (country code, admin1 code)


@dataclass(slots=True)
class Frame:
    """What one article says about where it is: the countries and regions it names, its
    actors' countries (weaker), and the points of the places it names without ambiguity."""
    countries: set[str] = field(default_factory=set)
    actor_countries: set[str] = field(default_factory=set)
    regions: set[Region] = field(default_factory=set)
    # (latitude, longitude, name): a name vouches for no namesake of its own (the town of Şiria for the
    # commune of Siria around it)
    anchors: list[tuple[float, float, str]] = field(default_factory=list)
    # (country, admin1, county) where a county the article names holds a town it names: Huntsville
    # and Walker County are the Texan ones, where the one lies in the other
    nests: set[tuple[str | None, str | None, str]] = field(default_factory=set)


class Geocoder:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def candidates(self, name: str) -> list[GazetteerEntry]:
        return self.gazetteer.lookup(name) or self.gazetteer.lookup_spelling(name)

    def context_countries(self, mentions: Sequence[PlaceMention], extra: Sequence[str]) -> set[str]:
        countries = {c for c in extra if c}
        for mention in mentions:
            if mention.role == "demonym" or mention.attributive:
                continue  # "Russian forces", "US forces" fight in Ukraine: an actor's country, not the article's
            if mention.country_hint:
                countries.add(mention.country_hint)
            for entry in self.gazetteer.lookup(mention.name)[:1]:
                if entry.feature == "country" and entry.country_code:
                    countries.add(entry.country_code)
        return countries

    def geocode_all(self, mentions: Sequence[PlaceMention], offsets: Sequence[tuple[int, int]],
                    countries: set[str], actor_countries: set[str] = frozenset()) -> list[Place]:
        """Every mention of one article, in two passes. First the article's frame: the countries
        and regions it names without ambiguity (a cue noun, a region or country picked, a name
        all of whose namesakes lie in one country). Then every mention, against that frame,
        preferring candidates near the places already placed. The countries of the article's
        actors count for less: Russian forces fight in Ukraine."""
        # a demonym ("Australian researchers") says, as an actor's country does, a little of where the article is
        demonyms = {m.country_hint for m in mentions if m.role == "demonym" and m.country_hint} \
            | {e.country_code for m in mentions if m.attributive for e in self.gazetteer.lookup(m.name)[:1]}
        frame = Frame(set(countries), (set(actor_countries) | demonyms) - set(countries))
        frame.nests = self.nests(mentions)
        for mention in mentions:  # "the Ohio Arts Council": an article about Ohio, maybe ("the University of
            # Pennsylvania" says less): its region counts, not its country
            if mention.role == "in_name":
                units = [e for e in self.gazetteer.lookup(mention.name) if e.feature in ("admin1", "country")]
                if len(units) == 1 and units[0].feature == "admin1" and units[0].admin1 \
                        and spelling_key(units[0].name) == spelling_key(mention.name):
                    frame.regions.add((units[0].country_code, units[0].admin1))
        for mention in mentions:
            if mention.role != "location" or mention.attributive:
                continue
            candidates = self.gazetteer.lookup(mention.name)  # a look-alike spelling is no evidence of the country
            if candidates and len({c.country_code for c in candidates}) == 1 and candidates[0].country_code \
                    and candidates[0].feature != "village":  # "Christmas", a Floridian village, is no sign of the US
                frame.countries.add(candidates[0].country_code)
            entry = self.choose(mention, frame)
            if entry is not None and entry.feature == "admin1" and entry.admin1:
                frame.regions.add((entry.country_code, entry.admin1))
                if entry.country_code and {c.country_code for c in candidates if c.feature == "admin1"} == {entry.country_code}:
                    frame.countries.add(entry.country_code)  # "living in England": an article about Britain too
                    # (not "Beja", a district of Portugal and a governorate of Tunisia)
        frame.actor_countries -= frame.countries
        frame.regions |= self.dominant_region(mentions, frame)
        for mention in mentions:  # places that are, with all the article says, beyond doubt
            ranked = self.rank(mention, frame) if mention.role == "location" else []
            if ranked and ranked[0][1].feature not in ("continent", "region", "country", "admin1") and (
                    len(ranked) == 1 or ranked[0][0] - ranked[1][0] >= _ANCHOR_MARGIN):
                frame.anchors.append((ranked[0][1].latitude, ranked[0][1].longitude, normalize(mention.name)))
        places = [self.geocode(mention, start, end, frame) for mention, (start, end) in zip(mentions, offsets)]
        return self.one_sense(mentions, places)

    @staticmethod
    def one_sense(mentions: Sequence[PlaceMention], places: list[Place]) -> list[Place]:
        """One sense per article: a name the text once placed ("Athens, Greece", "Kolodiazne, Kharkiv")
        is that place wherever else the article names it bare."""
        placed: dict[str, Place] = {}
        for mention, place in zip(mentions, places):
            if mention.within and mention.role == "location" and place.precision == "exact":
                placed.setdefault(normalize(mention.name), place)
        if not placed:
            return places
        out = []
        for mention, place in zip(mentions, places):
            sense = placed.get(normalize(mention.name))
            if sense is not None and not mention.within and mention.level_hint in (None, "settlement") \
                    and mention.role != "demonym" \
                    and place.geonames_id != sense.geonames_id:
                place = replace(sense, text=place.text, start=place.start, end=place.end, role=place.role)
            out.append(place)
        return out

    def nests(self, mentions: Sequence[PlaceMention]) -> set[tuple[str | None, str | None, str]]:
        """The counties the article names that hold a town (of another name) it names."""
        counties: dict[tuple[str | None, str | None, str], set[str]] = {}
        towns: dict[tuple[str | None, str | None, str], set[str]] = {}
        for mention in mentions:
            if mention.role != "location":
                continue
            for entry in self.candidates(mention.name):
                if entry.feature == "admin2":
                    counties.setdefault((entry.country_code, entry.admin1, normalize(entry.name)), set()).add(mention.name)
                elif entry.feature in ("city", "town", "village") and entry.admin2 \
                        and spelling_key(entry.name) == spelling_key(mention.name):  # not "Mecca", once Medina's name
                    towns.setdefault((entry.country_code, entry.admin1, normalize(entry.admin2)), set()).add(mention.name)
        return {key for key, names in counties.items() if towns.get(key, set()) - names}

    def dominant_region(self, mentions: Sequence[PlaceMention], frame: Frame) -> set[Region]:
        """Spatial minimality, when the article names no region: the admin1 unit (of the countries it
        names, if it names any) holding a namesake of more of its place names than any other, and of
        at least two ("Tyler" and "Athens" are the Texan ones); between units holding as many, the one
        whose namesakes are ten times more populous. Names of world cities are no evidence (every
        state has a Paris)."""
        if frame.regions:
            return set()
        support: dict[Region, dict[str, float]] = {}
        for mention in mentions:
            candidates = self.candidates(mention.name) if mention.role == "location" else []
            if frame.countries:  # within the countries the article names: "Athens" and "Hollywood" in an
                # article about Greece do not make it one about Alabama
                candidates = [c for c in candidates if c.country_code in frame.countries or c.feature in ("country", "continent")]
            if not candidates or candidates[0].population >= _WORLD_CITY or candidates[0].feature in ("country", "continent", "region"):
                continue
            for entry in candidates:
                if entry.feature in ("city", "town", "village", "admin2") and entry.admin1:
                    names = support.setdefault((entry.country_code, entry.admin1), {})
                    weight = math.log10(entry.population + 10)
                    names[mention.name.lower()] = max(weight, names.get(mention.name.lower(), 0.0))
        ranked = sorted(((len(names), sum(names.values()), region) for region, names in support.items()),
                        key=lambda row: row[:2], reverse=True)  # regions themselves are not ordered
        if not ranked or ranked[0][0] < 2:
            return set()
        if len(ranked) > 1 and ranked[1][0] == ranked[0][0] and ranked[0][1] - ranked[1][1] < 1.0:
            return set()
        return {ranked[0][2]}

    def geocode(self, mention: PlaceMention, start: int, end: int, frame: Frame | None = None) -> Place:
        if mention.role == "demonym":
            return self.demonym(mention, start, end)
        ranked = self.rank(mention, frame or Frame())
        if mention.within:  # "Kolodiazne, Kharkiv": only a Kolodiazne in the Kharkiv oblast will do
            units = self.units(mention.within)
            inside = [pair for pair in ranked if any(_inside(pair[1], unit) for unit in units)]
            if not inside and units and ranked:  # "Pryvillya, Donetsk": the Luhansk town has that very
                # spelling, the Donetsk village another ("Pryvillia")
                inside = [(score, entry) for score, entry in self.rank(mention, frame or Frame(), spelling=True)
                          if any(_inside(entry, unit) for unit in units)]
            near = [(score, entry) for score, entry in ranked if any(
                haversine_km(entry.latitude, entry.longitude, unit.latitude, unit.longitude) < _NEAR_KM for unit in units)]
            if inside:
                ranked = inside
            elif units and mention.bracketed and near:  # "Al Quds - Old City (Al Quds, West Bank)": GeoNames puts
                ranked = near  # the city in another unit than the text does, but by it
            elif units and mention.bracketed:  # "Serkadu village (Vellore, Tamil Nadu)": never a list; put
                return self.fallback(mention, start, end)  # where the smallest unit in the brackets is, later
            elif units and not any(e.feature in ("country", "city") for _, e in ranked):
                return self.enclosed(mention, start, end, units[0])
            # a country or a city outside the unit: a list ("Kuwait, Egypt"), not a place inside it
        if frame is not None and frame.countries and ranked and all(
                e.country_code not in frame.countries | frame.actor_countries | {c for c, _ in frame.regions}
                for _, e in ranked) and ranked[0][1].feature in ("town", "village"):
            ranked = []  # "Gara village (Srikakulam, Andhra Pradesh)" is not Gara, Hungary: a small place of
            # a country the article never names is a namesake, not the place
        if not ranked:
            ranked = self.known_prefix(mention, frame or Frame())
        if not ranked:
            return self.fallback(mention, start, end)
        (best_score, entry), runner = ranked[0], ranked[1] if len(ranked) > 1 else None
        precision = entry.placed or _PRECISION.get(entry.feature, "exact")  # a village known by name only
        if mention.level_hint == "admin1" and entry.feature not in ("admin1", "country"):
            unit = self.gazetteer.lookup_admin1(entry.country_code, entry.admin1) if entry.admin1 else None
            entry, precision = (unit, "admin1") if unit is not None else (entry, "admin1")
        elif runner is not None and best_score - runner[0] < _AMBIGUOUS_MARGIN and _far(entry, runner[1]):
            entry, precision = self.shared_unit(entry, runner[1])
        place = Place(text=mention.text, start=start, end=end, name=entry.name,
                      geonames_id=entry.geonames_id if entry.geonames_id > 0 else None,
                      latitude=_round(entry.latitude), longitude=_round(entry.longitude), country_code=entry.country_code,
                      admin1=entry.admin1_name, admin2=entry.admin2,
                      feature=entry.feature, precision=precision, role=mention.role, match_score=ranked[0][1].match_score)
        return place

    def known_prefix(self, mention: PlaceMention, frame: Frame) -> list[tuple[float, GazetteerEntry]]:
        """A name unknown as a whole whose first words name a place of a country the article is
        about: "Newark Live Bait", "St. Paul Pioneer Press" are in Newark and St. Paul. Elsewhere
        it is a place of its own: "Mala Vovcha" in Ukraine is not Mala, Peru."""
        words = mention.name.split()
        for stop in range(len(words) - 1, 0, -1):
            prefix = " ".join(words[:stop])
            if len(prefix) < _MIN_PREFIX:
                break
            ranked = [(score, entry) for score, entry in self.rank(replace(mention, lookup=prefix), frame)
                      if entry.country_code in frame.countries and entry.feature != "country"]
            if ranked:
                return ranked
        return []

    def demonym(self, mention: PlaceMention, start: int, end: int) -> Place:
        """A demonym ("Canadian", "les soldats russes") is its country, whatever else bears its name."""
        country = next(iter(self.gazetteer.lookup_country(mention.country_hint or "")), None)
        if country is None:
            return Place(text=mention.text, start=start, end=end, name=mention.text, feature="unknown",
                         precision="unresolved", role=mention.role)
        return Place(text=mention.text, start=start, end=end, name=country.name,
                     geonames_id=country.geonames_id if country.geonames_id > 0 else None,
                     latitude=_round(country.latitude), longitude=_round(country.longitude),
                     country_code=country.country_code, feature="country", precision="country", role=mention.role)

    def units(self, name: str) -> list[GazetteerEntry]:
        """The regions a name may be, else the countries, else the districts: what "…, Kharkiv",
        "…, Russia" or "… (Oula, Yatenga)" means; for a town ("… in Damascus"), its region."""
        entries = self.gazetteer.lookup(name)
        units = [e for e in entries if e.feature == "admin1"] or [e for e in entries if e.feature == "country"] \
            or [e for e in entries if e.feature == "admin2"]  # "Robena (Oula, Yatenga)": a province
        if units or not entries:
            return units
        town = entries[0]  # "… in Damascus": the region of the most populous place of that name
        unit = self.gazetteer.lookup_admin1(town.country_code, town.admin1) if town.country_code and town.admin1 else None
        return [unit] if unit is not None else []

    def enclosed(self, mention: PlaceMention, start: int, end: int, unit: GazetteerEntry) -> Place:
        """A place the gazetteer does not know inside the unit the text names: where the unit's
        towns lie (a region's), else the unit's centre."""
        lat, lon = (self.gazetteer.settled_point(unit.country_code, unit.admin1) if unit.feature == "admin1" else None) \
            or (unit.latitude, unit.longitude)
        return Place(text=mention.text, start=start, end=end, name=mention.text, latitude=_round(lat),
                     longitude=_round(lon), country_code=unit.country_code,
                     admin1=unit.admin1_name if unit.feature == "admin1" else None, feature="unknown",
                     precision="enclosing", role=mention.role)

    def shared_unit(self, a: GazetteerEntry, b: GazetteerEntry) -> tuple[GazetteerEntry, str]:
        """Two equally likely places far apart: what they have in common, at its precision."""
        if a.country_code == b.country_code and a.admin1 and a.admin1 == b.admin1:
            unit = self.gazetteer.lookup_admin1(a.country_code, a.admin1)
            if unit is not None:
                return unit, "admin1"
        if a.country_code == b.country_code and a.country_code:
            country = next(iter(self.gazetteer.lookup_country(a.country_code)), None)
            if country is not None:
                return country, "country"
        return a, "exact"

    def choose(self, mention: PlaceMention, frame: Frame) -> GazetteerEntry | None:
        ranked = self.rank(mention, frame)
        return ranked[0][1] if ranked else None

    def rank(self, mention: PlaceMention, frame: Frame, spelling: bool = False) -> list[tuple[float, GazetteerEntry]]:
        """The candidates for ``mention``, best first: those of its exact name, else (or with
        ``spelling``, only) those spelled alike."""
        candidates = [] if spelling else self.gazetteer.lookup(mention.name)
        bare = without_article(mention.name)
        if not candidates and bare and not spelling:  # "As-Sweida" is Sweida (As-Suwayda)
            candidates = [replace(c, match_score=_ARTICLE_SCORE) for c in self.gazetteer.lookup(bare)]
            if frame.countries:
                candidates = [c for c in candidates if c.country_code in frame.countries]
        if not candidates:
            candidates = self.gazetteer.lookup_spelling(mention.name) or (self.gazetteer.lookup_spelling(bare) if bare else [])
            # a look-alike spelling only in a country the article is about: "Tchassiv Iar" is Chasiv Yar
            # in an article about Ukraine; "Laboule 12" in Port-au-Prince is not Laboulaye, Argentina;
            # failing that, in its actors' ("Halgan", where Al Shabaab struck, is not Le Haillan, France)
            if frame.countries or frame.actor_countries:
                candidates = [c for c in candidates if c.country_code in (frame.countries or frame.actor_countries)]
        if mention.country_hint:
            candidates = [c for c in candidates if c.country_code == mention.country_hint] or candidates
        if mention.level_hint == "settlement":  # "Amara city" is no region (Amhara, "Amara" in ISO 3166)
            candidates = [c for c in candidates if c.feature in ("city", "town", "village")] or candidates
        elif mention.level_hint == "local":  # "Siria area" is no country, whatever else it is
            candidates = [c for c in candidates if c.feature not in ("country", "continent")]
        elif mention.level_hint is not None and mention.source == "cue-after":  # "Guernsey County" is a county, not
            # the island of Guernsey ("the eastern region of Chad", "Tbilisi, Georgia" are countries)
            candidates = [c for c in candidates if c.feature not in ("country", "continent")] or candidates
            # (no unit of that name: "U.S. District Court" is no district)
        if not candidates:
            return []
        # the units this very name may be are not context for it ("Minnesota" is not a town in Minnesota)
        regions = frame.regions - {(c.country_code, c.admin1) for c in candidates if c.feature == "admin1"}
        if mention.level_hint is None and any(c.feature == "admin1" and c.country_code in frame.countries
                                              and normalize(c.name) == normalize(mention.name) for c in candidates):
            regions = set()  # nor are the regions named beside it: in "Michigan, Oregon, Ohio", Oregon is the state
        # a unit named after its capital yields to it when the name stands alone ("Donetsk")
        capitals = {(c.country_code, c.admin1) for c in candidates
                    if c.feature in ("city", "town", "village") and c.population >= _CAPITAL_POPULATION}

        own = spelling_key(mention.name)
        this = normalize(mention.name)
        anchors = [(lat, lon) for lat, lon, name in frame.anchors if name != this]

        def score(entry: GazetteerEntry) -> float:
            value = math.log10(entry.population + 10) + 2.0 * (entry.match_score - 1.0)
            if spelling_key(entry.name) == own:  # "Maryville" is Maryville, Tennessee before Beeville, once called
                # so, and "Kaliningrad" the exclave before Korolev; "Mykolaivka" is as much "Mykolayivka"
                value += _OWN_NAME_WEIGHT
            if entry.country_code in frame.countries:
                value += _CONTEXT_WEIGHT
            elif entry.country_code in frame.actor_countries:
                value += _ACTOR_WEIGHT
            if (entry.country_code, entry.admin1) in regions and entry.feature != "admin1":
                value += _REGION_WEIGHT
            if entry.feature in ("country", "continent"):
                value += _COUNTRY_WEIGHT
            if entry.capital:  # "Washington warned": a government speaking from its capital
                value += _CAPITAL_WEIGHT + (_METONYM_WEIGHT if mention.role == "metonym" else 0.0)
            if entry.feature in ("admin1", "admin2", "admin3"):
                if mention.level_hint not in (None, "settlement", "local"):
                    value += _LEVEL_WEIGHT if entry.feature == mention.level_hint else _LEVEL_WEIGHT / 2
                elif (entry.country_code, entry.admin1) in capitals:
                    value -= _ADMIN_PENALTY
            if frame.nests and (entry.country_code, entry.admin1,
                                normalize(entry.name if entry.feature == "admin2" else entry.admin2 or "")) in frame.nests:
                value += _NEST_WEIGHT
            if anchors and entry.feature not in ("continent", "region", "country", "admin1") and any(
                    0 < haversine_km(entry.latitude, entry.longitude, lat, lon) < _NEAR_KM for lat, lon in anchors):
                value += _NEAR_WEIGHT
            return value

        return sorted(((score(c), c) for c in candidates), key=lambda pair: -pair[0])

    def fall_back_to_enclosing(self, doc, mentions: Sequence[PlaceMention], places: dict[int, Place]) -> None:
        """An unknown place followed closely, in the same sentence, by one the gazetteer knows
        ("the Biabanak area of Maywand district, Kandahar", "Robotyne, près de Zaporijjia") is
        put at that enclosing or nearby place, with ``precision`` "enclosing"; else at the place
        its sentence named last before it, when that one is no bigger than a region."""
        for index, mention in enumerate(mentions):
            place = places[id(mention)]
            if place.precision != "unresolved" or place.role != "location":
                continue
            known = None
            for later in mentions[index + 1:]:
                if later.start - mention.end > _ENCLOSING_WINDOW or not _same_sentence(doc, mention.start, later.start):
                    break
                if places[id(later)].latitude is not None and places[id(later)].role == "location":
                    known = places[id(later)]
                    break
            if known is None:  # "in Port-au-Prince - Petionville, residents gathered in Laboule 12": the
                # nearest place its sentence named before it, if no bigger than a region
                known = next((places[id(m)] for m in reversed(mentions[:index]) if _same_sentence(doc, m.start, mention.start)
                              and places[id(m)].latitude is not None and places[id(m)].role == "location"
                              and places[id(m)].precision not in ("country", "continent", "region", "enclosing")), None)
            if known is not None:
                place.latitude, place.longitude = self.settled_in(known) or (known.latitude, known.longitude)
                place.country_code, place.admin1 = known.country_code, known.admin1
                place.precision = "enclosing"

    def settled_in(self, place: Place) -> tuple[float, float] | None:
        """Where the towns of the region ``place`` is lie, when it is a region."""
        if place.feature != "admin1" or not place.admin1:
            return None
        unit = next((e for e in self.gazetteer.lookup(place.admin1)
                     if e.feature == "admin1" and e.country_code == place.country_code), None)
        point = self.gazetteer.settled_point(unit.country_code, unit.admin1) if unit is not None else None
        return (_round(point[0]), _round(point[1])) if point else None

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


def _inside(entry: GazetteerEntry, unit: GazetteerEntry) -> bool:
    if unit.feature == "country":
        return entry.country_code == unit.country_code
    if unit.feature == "admin1" and unit.admin1 is None:  # a unit no town is known to lie in ("Ituri"): its country's
        return entry.feature not in ("admin1", "country") and entry.country_code == unit.country_code
    if unit.feature == "admin2" and entry.admin2 and entry.feature != "admin2":
        return (entry.country_code, entry.admin1, normalize(entry.admin2)) == (unit.country_code, unit.admin1, normalize(unit.name))
    return (entry.country_code, entry.admin1) == (unit.country_code, unit.admin1) and entry.feature != "admin1"


def _far(a: GazetteerEntry, b: GazetteerEntry) -> bool:
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) > _AMBIGUOUS_KM


def _round(value: float | None) -> float | None:
    return None if value is None or math.isnan(value) else round(value, 5)


def _same_sentence(doc, a: int, b: int) -> bool:
    if not doc.has_annotation("SENT_START"):
        return True
    return doc[a].sent.start == doc[b].sent.start

