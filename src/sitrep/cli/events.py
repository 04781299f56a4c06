"""``sitrep events``: list stored events."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from ..errors import SitrepError
from ..export.table import event_row
from ..store import open_store
from ..store.base import EventQuery
from .common import EXIT_NOTHING, settings_or_exit, stderr


class EventFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def events_command(
    db: Annotated[Optional[str], typer.Option(help="SQLite file or SQLAlchemy URL (default: setting 'database')")] = None,
    since: Annotated[Optional[str], typer.Option(help="first event date, YYYY-MM-DD")] = None,
    until: Annotated[Optional[str], typer.Option(help="last event date, YYYY-MM-DD")] = None,
    type: Annotated[Optional[str], typer.Option("--type", help="ACLED event type or sub-event type")] = None,  # noqa: A002
    country: Annotated[Optional[str], typer.Option(help="ISO country code, e.g. UA")] = None,
    limit: Annotated[Optional[int], typer.Option(help="at most this many events")] = None,
    format: Annotated[EventFormat, typer.Option("--format", "-f")] = EventFormat.table,  # noqa: A002
) -> None:
    """List the events stored by `sitrep ingest`."""
    settings = settings_or_exit()
    target = db or settings.database
    if "://" not in target and not Path(target).exists():
        stderr.print(f"[red][E501] store: {target}: no such database (run `sitrep ingest` first)[/red]")
        raise typer.Exit(EXIT_NOTHING)
    try:
        store = open_store(target)
    except SitrepError as err:
        stderr.print(f"[red]{err}[/red]")
        raise typer.Exit(EXIT_NOTHING) from None
    query = EventQuery(since=since, until=until, type=type, country=country, limit=limit)
    try:
        rows = list(store.events(query))
    finally:
        store.close()
    if format is EventFormat.table:
        table = Table(show_lines=True)
        for column in ("article", "type", "sub-type", "date", "place", "actor 1", "actor 2", "killed", "injured",
                       "modality", "claimed by"):
            table.add_column(column, overflow="fold")
        for article_id, event in rows:
            table.add_row(article_id[:12], *event_row(event))
        Console(width=max(Console().width, 160)).print(table)
    elif format is EventFormat.jsonl:
        for article_id, event in rows:
            sys.stdout.write(json.dumps({"article_id": article_id, **event.to_dict()}, ensure_ascii=False) + "\n")
    else:
        json.dump([{"article_id": a, **e.to_dict()} for a, e in rows], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    stderr.print(f"{len(rows)} events", highlight=False)
