"""Evaluation against gold sets: ``evaluate(task, path)`` returns a :class:`Report`.

Each task is a module with ``load(path)`` (gold items) and ``score(items, extractor)``; they are
registered in ``TASKS``. Gold data is read from where it lives, never copied into sitrep.
"""

from __future__ import annotations

import inspect
from pathlib import Path

from ..errors import SitrepError
from ..pipeline import Extractor
from ..settings import Settings, load_settings
from . import event_notes, ner, quotes, timeml
from . import attributions
from . import case2021, police_events
from . import geoparse, place_text
from .report import Report, print_report, write_report

TASKS = {"acled": event_notes, "geoparse": geoparse, "places": place_text, "case2021": case2021, "police": police_events, "ner": ner, "polnear": attributions, "quotes": quotes, "timex": timeml}

__all__ = ["TASKS", "evaluate", "Report", "print_report", "write_report"]


def evaluate(task: str, path: str | Path, *, settings: Settings | None = None, limit: int | None = None,
             extractor: Extractor | None = None, errors: Path | None = None) -> Report:
    """Score ``task`` on the gold set at ``path``; with ``errors``, the tasks that can list their
    errors (``acled``, ``timex``, ``quotes``, ``geoparse``) also write them there as tab-separated lines."""
    if task not in TASKS:
        raise SitrepError("E401", task=task, known=", ".join(sorted(TASKS)))
    path = Path(path)
    if not path.exists():
        raise SitrepError("E402", path=path, problem="no such file or directory")
    module = TASKS[task]
    if errors is not None and "errors" not in inspect.signature(module.score).parameters:
        listing = ", ".join(sorted(t for t, m in TASKS.items() if "errors" in inspect.signature(m.score).parameters))
        raise SitrepError("E401", task=f"{task} --errors", known=listing)
    items = module.load(path)
    if limit is not None:
        items = items[:limit]
    extractor = extractor or Extractor(settings or load_settings())
    if errors is not None:
        return module.score(items, extractor, task=task, path=path, errors=Path(errors))
    return module.score(items, extractor, task=task, path=path)
