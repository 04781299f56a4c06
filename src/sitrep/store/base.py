"""The storage protocol every back end implements."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from ..records import Article, Event, Result


@dataclass(frozen=True, slots=True)
class EventQuery:
    since: str | None = None  # ISO dates, inclusive, on the event's start date
    until: str | None = None
    type: str | None = None  # an ACLED event type or sub-event type
    country: str | None = None  # ISO 3166-1 alpha-2
    limit: int | None = None


class Store(Protocol):
    def has_article(self, article_id: str) -> bool: ...

    def add(self, article: Article, result: Result) -> bool:
        """Store an article and what was found in it; False when it was already stored."""

    def events(self, query: EventQuery) -> Iterator[tuple[str, Event]]:
        """(article id, event) pairs matching the query, by date then id."""

    def result(self, article_id: str) -> Result | None: ...

    def counts(self) -> dict[str, int]: ...

    def close(self) -> None: ...
