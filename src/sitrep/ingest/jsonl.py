"""JSON Lines: one article a line, ``{"id", "text", "published"?, "language"?, "title"?, "url"?, "outlet"?}``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

from ..errors import InputError
from ..records import Article, Reject

_OPTIONAL = ("id", "language", "title", "url", "outlet")


def articles_from_jsonl(name: str, text: str, **given: object) -> Iterator[Article | Reject]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield article_from_record(f"{name}:{number}", json.loads(line), name, number, **given)
        except json.JSONDecodeError as exc:
            err = InputError("E006", input=name, line=number, problem=exc.msg)
            yield Reject(input=f"{name}:{number}", code=err.code, message=err.message)
        except InputError as err:
            yield Reject(input=f"{name}:{number}", code=err.code, message=err.message)


def article_from_record(source: str, record: object, name: str, number: int, **given: object) -> Article:
    if not isinstance(record, dict):
        raise InputError("E006", input=name, line=number, problem="a line must be a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("E007", input=name, line=number)
    fields = {k: given[k] for k in given if given[k] is not None}
    for key in _OPTIONAL:
        value = record.get(key)
        if value is not None:
            fields[key] = str(value)
    if record.get("published"):
        fields["published"] = parse_published(source, record["published"])
    return Article(text=text, source=source, **fields)  # type: ignore[arg-type]


def parse_published(source: str, value: object) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError("E010", input=source, value=value) from None
