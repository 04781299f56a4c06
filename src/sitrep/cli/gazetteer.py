"""``sitrep gazetteer``: what the gazetteer holds, and adding GeoNames dumps to it."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from ..errors import SitrepError
from ..resolve.gazetteer import default_gazetteer_path, open_default_gazetteer
from ..resolve.loader import add_source
from .common import EXIT_NOTHING, settings_or_exit, stderr

app = typer.Typer(help="The gazetteer places are resolved against.", no_args_is_help=True)


def _open(settings):
    try:
        return open_default_gazetteer(settings.gazetteer_min_population, settings.gazetteer_path)
    except SitrepError as err:
        stderr.print(f"[red]{err}[/red]")
        raise typer.Exit(EXIT_NOTHING) from None


@app.command("info")
def info_command(
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """Where the gazetteer is, what it was built from, and how many places of each kind it holds."""
    gazetteer = _open(settings_or_exit())
    info = gazetteer.info()
    if as_json:
        typer.echo(json.dumps(info, ensure_ascii=False, indent=2))
        return
    typer.echo(f"path      {info['path']} ({info['size_mb']} MB, schema {info['schema_version']})")
    typer.echo(f"built from {info['source']}")
    for line in str(info.get("added") or "").splitlines():
        typer.echo(f"added     {line}")
    typer.echo(f"places    {info['places']:,} in {info['countries']} countries; names {info['names']:,}")
    typer.echo("features  " + ", ".join(f"{k} {v:,}" for k, v in info["features"].items()))


@app.command("add")
def add_command(
    sources: Annotated[list[str], typer.Argument(help="GeoNames dump files or URLs: UA.zip, RU.zip, allCountries.zip, "
                                                      "alternateNamesV2.zip (or their .txt)")],
) -> None:
    """Add GeoNames dumps (villages, admin units, alternate names) to the gazetteer.

    Adding the same file twice changes nothing; a source that cannot be read is reported and the
    others go on."""
    settings = settings_or_exit()
    _open(settings).close()  # built first if missing
    path = default_gazetteer_path(settings.gazetteer_min_population, settings.gazetteer_path)
    failed = 0
    for source in sources:
        try:
            with stderr.status(f"adding {source}"):
                report = add_source(path, source)
        except SitrepError as err:
            stderr.print(f"[red]{err}[/red]")
            failed += 1
            continue
        stderr.print(f"{source}: {report.kind}: {report.places:,} places, {report.names:,} names"
                     + (f", {report.replaced_admin_units} admin units replaced by GeoNames' own"
                        if report.replaced_admin_units else "")
                     + (f", {len(report.bad_rows)} unreadable rows skipped (first: {report.bad_rows[0]})"
                        if report.bad_rows else ""), highlight=False, soft_wrap=True)
    if failed == len(sources):
        raise typer.Exit(EXIT_NOTHING)
    if failed:
        raise typer.Exit(1)
