"""The ``sitrep`` command: one Typer app, one thin module per command."""

from __future__ import annotations

import typer

from . import evaluate, events, extract, gazetteer, ingest, train

app = typer.Typer(name="sitrep", help="War reporting in, sourced event records out.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)
app.command("extract")(extract.extract_command)
app.command("ingest")(ingest.ingest_command)
app.command("events")(events.events_command)
app.command("eval")(evaluate.eval_command)
app.command("train")(train.train_command)
app.add_typer(gazetteer.app, name="gazetteer")


def main() -> None:
    app()
