"""Output renderers: each format is one small registered function, not a branch of one big one.

A renderer takes the results (and a stream) and writes them; ``RENDERERS`` maps format names
to them. Register a new one with :func:`renderer`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TextIO

from ..records import Result

Renderer = Callable[[Iterable[Result], TextIO], None]
RENDERERS: dict[str, Renderer] = {}


def renderer(name: str) -> Callable[[Renderer], Renderer]:
    def register(fn: Renderer) -> Renderer:
        RENDERERS[name] = fn
        return fn
    return register


def render(name: str, results: Iterable[Result], stream: TextIO) -> None:
    RENDERERS[name](results, stream)


from . import jsonfmt, table  # noqa: E402,F401  (registers the built-in renderers)
