"""``sitrep ingest``: extract and store; articles already stored are skipped, so a stopped run resumes."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..batch import run
from ..errors import SitrepError
from ..pipeline import Extractor
from ..store import open_store
from .common import (EXIT_NOTHING, finish, gather, parse_date_option, progress_bar, report_reject, settings_or_exit,
                     setup_logging, stderr)
from .extract import LanguageOpt, PathsArg, PublishedOpt


def ingest_command(
    paths: PathsArg = None,
    db: Annotated[Optional[str], typer.Option(help="SQLite file or SQLAlchemy URL (default: setting 'database')")] = None,
    published: PublishedOpt = None,
    language: LanguageOpt = None,
    example: Annotated[bool, typer.Option(help="also ingest the bundled example article")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Extract from articles and store them with their events and quotes."""
    setup_logging(verbose)
    settings = settings_or_exit()
    items = gather(paths or [], example, settings, parse_date_option(published), language)
    try:
        store = open_store(db or settings.database)
    except SitrepError as err:
        stderr.print(f"[red]{err}[/red]")
        raise typer.Exit(EXIT_NOTHING) from None
    stored = 0

    def on_result(article, result) -> None:
        nonlocal stored
        stored += store.add(article, result)

    try:
        with progress_bar(len(items), "ingesting") as advance:
            summary = run(items, Extractor(settings), on_result, skip=lambda a: store.has_article(a.id),
                          on_reject=report_reject, advance=advance)
        counts = store.counts()
    finally:
        store.close()
    finish(summary, f"; {stored} articles stored, {summary.skipped} already stored; "
                    f"database holds {counts['articles']} articles, {counts['events']} events")
