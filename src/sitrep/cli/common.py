"""What the commands share: reading inputs, the progress bar, the closing summary, exit codes."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from importlib import resources
from pathlib import Path

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..batch import RunSummary
from ..errors import SitrepError
from ..ingest import read_paths
from ..ingest.jsonl import parse_published
from ..records import Article, Reject
from ..settings import Settings, load_settings

EXIT_REJECTS, EXIT_NOTHING = 1, 2  # 0: everything went through
stderr = Console(stderr=True)

EXAMPLE = "frappe_odessa"


def setup_logging(verbose: bool = False) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(message)s",
                        handlers=[RichHandler(console=stderr, show_time=False, show_path=False)], force=True)
    logging.captureWarnings(True)
    warnings.simplefilter("default")


def settings_or_exit() -> Settings:
    try:
        return load_settings()
    except SitrepError as err:
        stderr.print(f"[red]{err}[/red]")
        raise typer.Exit(EXIT_NOTHING) from None


def parse_date_option(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return parse_published("--published", value)
    except SitrepError as err:
        raise typer.BadParameter(err.message) from None


def example_article() -> Article:
    """The French article bundled with sitrep, with its metadata."""
    import json

    folder = resources.files("sitrep.examples")
    meta = json.loads(folder.joinpath(f"{EXAMPLE}.json").read_text(encoding="utf-8"))
    text = folder.joinpath(f"{EXAMPLE}.txt").read_text(encoding="utf-8")
    return Article(text=text, id=meta["id"], language=meta.get("language"), title=meta.get("title"),
                   outlet=meta.get("outlet"), url=meta.get("url"),
                   published=date.fromisoformat(meta["published"]) if meta.get("published") else None,
                   source=f"<example {EXAMPLE}>")


def gather(paths: list[Path], example: bool, settings: Settings, published: date | None,
           language: str | None) -> list[Article | Reject]:
    items: list[Article | Reject] = [example_article()] if example else []
    items.extend(read_paths(paths, max_bytes=settings.max_bytes, published=published, language=language))
    if not items:
        raise typer.BadParameter("give at least one PATH (or --example)")
    return items


def report_reject(reject: Reject) -> None:
    stderr.print(f"[yellow]rejected[/yellow] [{reject.code}] {reject.message}", highlight=False, soft_wrap=True)


@contextmanager
def progress_bar(total: int, label: str) -> Iterator[Callable[[int], None]]:
    """A progress bar on standard error for multi-article runs; nothing for one article."""
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=stderr, transient=True, disable=total < 2)
    with progress:
        task = progress.add_task(label, total=total)
        yield lambda n: progress.advance(task, n)


def finish(summary: RunSummary, extra: str = "") -> None:
    reasons = ", ".join(f"{code}×{n}" for code, n in sorted(summary.reasons().items()))
    line = (f"{summary.read} read, {summary.results} extracted, {summary.rejected} rejected"
            + (f" ({reasons})" if reasons else "") + f", {summary.events} events" + extra)
    stderr.print(line, highlight=False, soft_wrap=True)
    if summary.results == 0 and summary.skipped == 0:
        raise typer.Exit(EXIT_NOTHING)
    if summary.rejected:
        raise typer.Exit(EXIT_REJECTS)
