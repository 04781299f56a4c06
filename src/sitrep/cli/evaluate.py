"""``sitrep eval``: score extraction against a gold set."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import SitrepError
from ..eval import TASKS, evaluate, print_report, write_report
from .common import EXIT_NOTHING, settings_or_exit, setup_logging, stderr


def eval_command(
    task: Annotated[str, typer.Argument(help=f"one of: {', '.join(sorted(TASKS))}")],
    path: Annotated[Path, typer.Argument(help="the gold set (file or folder)")],
    out: Annotated[Optional[Path], typer.Option(help="write the scores as JSON here")] = None,
    errors: Annotated[Optional[Path], typer.Option(help="write what sitrep got wrong here, one item a line (acled, timex, quotes, geoparse)")] = None,
    limit: Annotated[Optional[int], typer.Option(help="score only the first N items")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Score sitrep against a gold set; print a table and write JSON."""
    setup_logging(verbose)
    settings = settings_or_exit()
    try:
        report = evaluate(task, path, settings=settings, limit=limit, errors=errors)
    except SitrepError as err:
        stderr.print(f"[red]{err}[/red]")
        raise typer.Exit(EXIT_NOTHING) from None
    print_report(report)
    if out is not None:
        write_report(report, out)
        stderr.print(f"scores written to {out}")
    if errors is not None:
        stderr.print(f"errors written to {errors}")
