"""Scores: a table for people, JSON for machines and for the quality gate."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table


@dataclass
class Metric:
    name: str
    value: float  # a rate in [0, 1]
    n: int  # how many items it was measured on
    note: str = ""


@dataclass
class Report:
    task: str
    path: str
    items: int
    groups: dict[str, list[Metric]] = field(default_factory=dict)  # e.g. per language
    seconds: float = 0.0

    def metric(self, group: str, name: str) -> Metric:
        return next(m for m in self.groups[group] if m.name == name)

    def to_dict(self) -> dict:
        return {"task": self.task, "path": self.path, "items": self.items, "seconds": round(self.seconds, 2),
                "groups": {g: [asdict(m) for m in metrics] for g, metrics in self.groups.items()}}


def print_report(report: Report, console: Console | None = None) -> None:
    console = console or Console()
    table = Table(title=f"sitrep eval {report.task}: {report.path} ({report.items} items, {report.seconds:.1f} s)",
                  title_justify="left")
    for column in ("group", "metric", "score", "n", "note"):
        table.add_column(column)
    for group, metrics in report.groups.items():
        for m in metrics:
            table.add_row(group, m.name, f"{m.value:.3f}", str(m.n), m.note)
    console.print(table)


def write_report(report: Report, path: Path) -> None:
    path.write_text(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def error_dump_main(prog: str, load: Callable[[Path], list], dump_errors: Callable[..., dict[str, int]],
                    argv: list[str] | None = None) -> None:
    """The command line of a scorer's error dump: ``python -m PROG PATH ERRORS.tsv [--limit N]``
    writes the errors of the first N items as TSV and prints their counts by kind."""
    import argparse

    from ..pipeline import Extractor
    from ..settings import load_settings

    parser = argparse.ArgumentParser(prog=f"python -m {prog}", description=error_dump_main.__doc__)
    parser.add_argument("path", type=Path)
    parser.add_argument("errors", type=Path, help="where to write the errors (TSV)")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    items = load(args.path)[:args.limit]
    for kind, n in dump_errors(items, Extractor(load_settings()), args.errors).items():
        print(f"{n:6d}  {kind}")
