"""Location strings of incident databases, geocoded: Bellingcat's civilian-harm events
(``export_events.json``: "location", latitude, longitude) and the Centre for Information
Resilience's Eyes on Russia map (``events.csv``: town/city, district, province, country, lat, lon).
Each string goes through :class:`sitrep.resolve.query.QueryGeocoder` (Bellingcat's strings name no
country: the set is about Ukraine, so Ukraine is given as the expected country); the score is the share
placed within 25 km of the verified coordinates, and the share given any coordinates at all.
"""

from __future__ import annotations

import csv
import json
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import SitrepError
from ..pipeline import Extractor
from ..resolve.distance import haversine_km
from ..resolve.geocode import Geocoder
from ..resolve.query import QueryGeocoder
from .report import Metric, Report

WITHIN_KM = 25.0


@dataclass(frozen=True)
class LocatedString:
    id: str
    text: str
    latitude: float
    longitude: float
    countries: tuple[str, ...]  # where the set's places are: Ukraine for Bellingcat's, the row's country for CIR


def load(path: Path) -> list[LocatedString]:
    if path.is_dir():
        candidates = [path / "export_events.json", path / "events.csv"]
        path = next((p for p in candidates if p.exists()), path)
    if path.suffix == ".json":
        items = _bellingcat(path)
    elif path.suffix == ".csv":
        items = _cir(path)
    else:
        raise SitrepError("E402", path=path, problem="expected Bellingcat's export_events.json or CIR's events.csv")
    if not items:
        raise SitrepError("E402", path=path, problem="no located strings")
    return items


def _bellingcat(path: Path) -> list[LocatedString]:
    items = []
    for row in json.loads(path.read_text(encoding="utf-8")):
        try:
            lat, lon = float(row["latitude"]), float(row["longitude"])
        except (KeyError, TypeError, ValueError):
            continue
        if (row.get("location") or "").strip():
            items.append(LocatedString(str(row.get("id")), row["location"].strip(), lat, lon, ("UA",)))
    return items


def _cir(path: Path) -> list[LocatedString]:
    items = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (KeyError, TypeError, ValueError):
                continue
            town = (row.get("town/city") or "").strip()
            if not town:
                continue  # nothing finer than a province to geocode
            parts = [town, (row.get("province") or "").strip(), (row.get("country") or "").strip()]
            items.append(LocatedString(row.get("entry") or "", ", ".join(p for p in parts if p), lat, lon, ()))
    return items


def score(items: list[LocatedString], extractor: Extractor, *, task: str, path: Path) -> Report:
    started = time.perf_counter()
    geocoder = QueryGeocoder(Geocoder(extractor.gazetteer))
    placed = within = 0
    by_precision: dict[str, list[int]] = {}
    for item in items:
        place = geocoder.geocode(item.text, countries=item.countries)
        if place is None or place.latitude is None or place.longitude is None:
            continue
        placed += 1
        ok = haversine_km(place.latitude, place.longitude, item.latitude, item.longitude) <= WITHIN_KM
        within += ok
        tally = by_precision.setdefault(place.precision, [0, 0])
        tally[0] += 1
        tally[1] += ok
    n = len(items)
    metrics = [Metric("within_25km", within / n, n), Metric("placed", placed / n, n, "given any coordinates")]
    for precision, (count, ok) in sorted(by_precision.items()):
        metrics.append(Metric(f"within_25km, {precision}", ok / count, count, f"{count / n:.0%} of the strings"))
    report = Report(task, str(path), n, {"all": metrics})
    report.seconds = time.perf_counter() - started
    return report
