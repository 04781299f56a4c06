"""Scores: a table for people, JSON for machines and for the quality gate."""

from __future__ import annotations

import json
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


def write_errors(path: Path, rows: list[str]) -> None:
    """Write a scorer's error lines (tab-separated fields, one error a line) to ``path``."""
    path.write_text("".join(row + "\n" for row in rows), encoding="utf-8")
