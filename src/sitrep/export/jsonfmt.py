"""JSON (one document: an object for one article, an array for several) and JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from ..records import Result
from . import renderer


@renderer("jsonl")
def render_jsonl(results: Iterable[Result], stream: TextIO) -> None:
    for result in results:
        stream.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        stream.flush()


@renderer("json")
def render_json(results: Iterable[Result], stream: TextIO) -> None:
    items = [r.to_dict() for r in results]
    payload = items[0] if len(items) == 1 else items
    stream.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
