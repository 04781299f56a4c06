"""Paths to articles: files, folders, standard input. Every failure becomes a Reject."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from ..errors import InputError
from ..records import Article, Reject
from .decode import check_size, decode
from .html import article_from_html
from .jsonl import articles_from_jsonl

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


def read_paths(paths: Iterable[str | Path], *, max_bytes: int, published: date | None = None,
               language: str | None = None) -> Iterator[Article | Reject]:
    """Yield one Article per article found, or a Reject naming the input and the problem.

    Folders are walked (sorted, files with known suffixes only). Never raises for bad input.
    """
    given = {"published": published, "language": language}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES)
            for file in files:
                yield from read_file(file, max_bytes=max_bytes, **given)
        else:
            yield from read_file(path, max_bytes=max_bytes, **given)


def read_file(path: Path, *, max_bytes: int, **given: object) -> Iterator[Article | Reject]:
    name = str(path)
    try:
        suffix = path.suffix.lower()
        if not path.exists():
            raise InputError("E001", input=name)
        if suffix not in KNOWN_SUFFIXES:
            raise InputError("E008", input=name, suffix=suffix or "(none)")
        check_size(name, path.stat().st_size, max_bytes)
        text = decode(name, path.read_bytes())
        if suffix in JSONL_SUFFIXES:
            yield from articles_from_jsonl(name, text, **given)
        elif suffix in HTML_SUFFIXES:
            yield article_from_html(name, text, **given)
        else:
            yield article_from_text(name, text, **given)
    except InputError as err:
        yield Reject(input=name, code=err.code, message=err.message)
    except OSError as exc:
        err = InputError("E011", input=name, problem=exc.strerror or str(exc))
        yield Reject(input=name, code=err.code, message=err.message)


def article_from_text(name: str, text: str, **given: object) -> Article:
    if not text.strip():
        raise InputError("E002", input=name)
    fields = {k: v for k, v in given.items() if v is not None}
    return Article(text=text, source=name, **fields)  # type: ignore[arg-type]
