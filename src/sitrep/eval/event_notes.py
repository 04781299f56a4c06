"""ACLED events: the analyst's ``notes`` are the text; the coded fields are the gold.

Scored on the first event sitrep finds in each note: event type, sub-event type, fatalities
(against the coded figure, and against the figure the note states: ACLED codes the most
conservative figure, and its Afghanistan notes say so, "Fatalities coded as 0 (VoJ reported 3)"), date (exact day), location (within 25 km), actor1 (exact name,
case-insensitive), and whether any event was found at all. A note where sitrep finds no event
counts as wrong on every field. Read with the ``csv`` module; dates in the three forms the
public extracts use ("14/08/2020 00:00:00", "1-Dec-23", "21 March 2020").
"""

from __future__ import annotations

import csv
import re
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..errors import SitrepError
from ..pipeline import Extractor
from ..records import Article, Event, Reject
from ..resolve.distance import haversine_km
from .report import Metric, Report, write_errors

LOCATION_KM = 25.0
_STATED = re.compile(r"coded as \d+\s*\([^()]*?reported (\d+)", re.IGNORECASE)
_DATE_FORMATS = ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y", "%d-%b-%y", "%d %B %Y", "%Y-%m-%d")


@dataclass(frozen=True)
class AcledItem:
    id: str
    notes: str
    event_date: date | None
    event_type: str
    sub_event_type: str
    actor1: str
    fatalities: int | None
    stated_fatalities: int | None  # what the note says was reported, where it differs from the coded figure
    latitude: float | None
    longitude: float | None


def parse_date(value: str) -> date | None:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def load(path: Path) -> list[AcledItem]:
    files = sorted(path.glob("*.csv")) if path.is_dir() else [path]
    items = []
    for file in files:
        with file.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = {"notes", "event_date", "event_type"} - set(reader.fieldnames or ())
            if missing:
                raise SitrepError("E402", path=file, problem=f"not an ACLED CSV: no column {', '.join(sorted(missing))}")
            for number, row in enumerate(reader, start=2):
                notes = (row.get("notes") or "").strip()
                if not notes:
                    continue
                fatalities = row.get("fatalities", "")
                coded = int(fatalities) if fatalities.strip().isdigit() else None
                stated = _STATED.search(notes)
                items.append(AcledItem(
                    id=row.get("event_id_cnty") or f"{file.name}:{number}", notes=notes,
                    event_date=parse_date(row.get("event_date", "")), event_type=row.get("event_type", ""),
                    sub_event_type=row.get("sub_event_type", ""), actor1=row.get("actor1", ""),
                    fatalities=coded, stated_fatalities=int(stated.group(1)) if stated else coded,
                    latitude=_float(row.get("latitude")), longitude=_float(row.get("longitude")),
                ))
    return items


@dataclass
class _Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += bool(ok)
        self.total += 1

    def rate(self) -> float:
        return self.right / self.total if self.total else 0.0


def score(items: list[AcledItem], extractor: Extractor, *, task: str, path: Path,
          errors: Path | None = None) -> Report:
    """Score every item; with ``errors``, also write each item sitrep got wrong on some field as a
    tab-separated line: id, the wrong fields, gold and found values of those fields, the note."""
    started = time.perf_counter()
    rows: list[str] = []
    names = ("event_found", "event_type", "sub_event_type", "fatalities", "fatalities_stated", "date",
             "location_25km", "actor1")
    tallies: dict[str, dict[str, _Tally]] = {}
    articles = [Article(text=item.notes, id=item.id, source=f"{path.name}:{item.id}") for item in items]
    for item, (_, output) in zip(items, extractor.process(articles)):
        language = output.document.language if not isinstance(output, Reject) else "rejected"
        event = output.events[0] if not isinstance(output, Reject) and output.events else None
        verdict = judge(item, event)
        for group in ("all", language):
            group_tallies = tallies.setdefault(group, {n: _Tally() for n in names})
            for name, ok in verdict.items():
                if ok is not None:
                    group_tallies[name].add(ok)
        wrong = [name for name, ok in verdict.items() if ok is False] if errors is not None else []
        if wrong:
            gold, mine = _shown(item, event, wrong)
            rows.append("\t".join((item.id, ",".join(wrong), gold, mine, " ".join(item.notes.split()))))
    if errors is not None:
        write_errors(errors, rows)
    groups = {g: [Metric(n, t.rate(), t.total) for n, t in ts.items()] for g, ts in tallies.items()}
    return Report(task=task, path=str(path), items=len(items), groups=groups, seconds=time.perf_counter() - started)


def _shown(item: AcledItem, event: Event | None, fields: list[str]) -> tuple[str, str]:
    """The gold and found values of the named fields, as two ``field=value; ...`` strings."""
    gold = {"event_type": item.event_type, "sub_event_type": item.sub_event_type,
            "fatalities": item.fatalities, "fatalities_stated": item.stated_fatalities,
            "date": item.event_date, "location_25km": (item.latitude, item.longitude), "actor1": item.actor1}
    found: dict[str, object] = {}
    if event is not None:
        loc = event.location
        found = {"event_type": event.event_type, "sub_event_type": event.sub_event_type,
                 "fatalities": event.fatalities.min if event.fatalities else 0,
                 "date": f"{event.date.start} ({event.date.precision})" if event.date else None,
                 "location_25km": f"{loc.name} ({loc.latitude}, {loc.longitude}; {loc.precision})" if loc else None,
                 "actor1": event.actor1.name if event.actor1 else None}
        found["fatalities_stated"] = found["fatalities"]
    fields = [f for f in fields if f != "event_found"]
    return ("; ".join(f"{f}={gold[f]}" for f in fields) or "-", "; ".join(f"{f}={found.get(f)}" for f in fields) or "no event")


def judge(item: AcledItem, event: Event | None) -> dict[str, bool | None]:
    """Per field: right, wrong, or None when the gold has no value to compare with."""
    found = event is not None
    verdict: dict[str, bool | None] = {"event_found": found}
    verdict["event_type"] = found and event.event_type == item.event_type  # type: ignore[union-attr]
    verdict["sub_event_type"] = found and event.sub_event_type == item.sub_event_type  # type: ignore[union-attr]
    predicted = event.fatalities.min if found and event.fatalities else 0  # type: ignore[union-attr]
    for name, gold in (("fatalities", item.fatalities), ("fatalities_stated", item.stated_fatalities)):
        verdict[name] = None if gold is None else found and predicted == gold
    if item.event_date is None:
        verdict["date"] = None
    else:
        verdict["date"] = bool(found and event.date and event.date.start == item.event_date.isoformat()  # type: ignore[union-attr]
                               and event.date.precision == "day")  # type: ignore[union-attr]
    if item.latitude is None or item.longitude is None:
        verdict["location_25km"] = None
    else:
        loc = event.location if found else None  # type: ignore[union-attr]
        verdict["location_25km"] = bool(loc and loc.latitude is not None and loc.longitude is not None and
                                        haversine_km(loc.latitude, loc.longitude, item.latitude, item.longitude) <= LOCATION_KM)
    verdict["actor1"] = None if not item.actor1 else bool(
        found and event.actor1 and event.actor1.name.lower() == item.actor1.lower())  # type: ignore[union-attr]
    return verdict
