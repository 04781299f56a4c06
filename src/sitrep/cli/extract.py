"""``sitrep extract``: read articles, print what they report."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..batch import run
from ..export import render
from ..pipeline import Extractor
from ..records import Result
from .common import finish, gather, parse_date_option, progress_bar, report_reject, settings_or_exit, setup_logging


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


PathsArg = Annotated[Optional[list[Path]], typer.Argument(help=".txt, .html or .jsonl files, or folders of them")]
PublishedOpt = Annotated[Optional[str], typer.Option(help="publication date YYYY-MM-DD for inputs that give none")]
LanguageOpt = Annotated[Optional[str], typer.Option(help="fr or en; detected when not given")]


def extract_command(
    paths: PathsArg = None,
    published: PublishedOpt = None,
    language: LanguageOpt = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="output format")] = Format.table,  # noqa: A002
    example: Annotated[bool, typer.Option(help="also read the French example article bundled with sitrep")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Extract events, places, times, quotes and claims; write them to standard output."""
    setup_logging(verbose)
    settings = settings_or_exit()
    items = gather(paths or [], example, settings, parse_date_option(published), language)
    extractor = Extractor(settings)
    results: list[Result] = []
    streaming = format is Format.jsonl

    def on_result(_article, result: Result) -> None:
        if streaming:
            render("jsonl", [result], sys.stdout)
        else:
            results.append(result)

    with progress_bar(len(items), "extracting") as advance:
        summary = run(items, extractor, on_result, on_reject=report_reject, advance=advance)
    if not streaming and results:
        render(format.value, results, sys.stdout)
    finish(summary)
