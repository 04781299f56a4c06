"""A table for people: one row per event, with where, when, who, the toll and who says so."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from rich.console import Console
from rich.table import Table

from ..records import Casualties, Event, Result
from . import renderer


def toll(c: Casualties | None) -> str:
    if c is None:
        return ""
    value = f"{c.min}–{c.max}" if c.max is not None else str(c.min)
    if c.qualifier == "at_least":
        value = f"≥{value}"
    elif c.qualifier == "approximate":
        value = f"~{value}"
    elif c.qualifier == "at_most":
        value = f"≤{value}"
    extras = [f"{getattr(c, k)} {k}" for k in ("children", "women", "civilians", "soldiers") if getattr(c, k)]
    return value + (f" ({', '.join(extras)})" if extras else "")


def event_row(event: Event) -> list[str]:
    place = ""
    if event.location is not None:
        place = event.location.name + (f", {event.location.country_code}" if event.location.country_code else "")
    when = ""
    if event.date is not None and event.date.start:
        when = event.date.start if event.date.start == event.date.end else f"{event.date.start}…{event.date.end}"
    claims = "; ".join(f"{c.source.name} ({c.stance})" for c in event.claims)
    return [event.event_type, event.sub_event_type, when, place,
            event.actor1.name if event.actor1 else "", event.actor2.name if event.actor2 else "",
            toll(event.fatalities), toll(event.injuries), event.modality, claims]


@renderer("table")
def render_table(results: Iterable[Result], stream: TextIO) -> None:
    console = Console(file=stream, width=max(Console(file=stream).width, 160))
    for result in results:
        doc = result.document
        title = f"{doc.title or doc.id} [{doc.language}, published {doc.published or '?'}]"
        table = Table(title=title, show_lines=True, title_justify="left")
        for column in ("type", "sub-type", "date", "place", "actor 1", "actor 2", "killed", "injured", "modality", "claimed by"):
            table.add_column(column, overflow="fold")
        for event in result.events:
            table.add_row(*event_row(event))
        console.print(table)
        console.print(f"{len(result.events)} events, {len(result.places)} places, {len(result.times)} time expressions, "
                      f"{len(result.quotes)} quotes\n")
