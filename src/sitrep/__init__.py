"""sitrep: war reporting in, sourced event records out.

>>> import sitrep
>>> result = sitrep.extract("Au moins 14 personnes ont été tuées mardi dans une frappe russe sur Odessa.",
...                         published="2025-04-02")
>>> result.events[0].sub_event_type
'Shelling/artillery/missile attack'
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from .about import __version__
from .errors import InputError, SitrepError
from .pipeline import Extractor
from .records import Article, Event, Quote, Reject, Result
from .settings import Settings, load_settings

__all__ = ["__version__", "extract", "Extractor", "Article", "Result", "Event", "Quote", "Reject",
           "Settings", "load_settings", "SitrepError", "InputError"]


@lru_cache(maxsize=1)
def _default_extractor() -> Extractor:
    return Extractor()


def extract(text: str, *, published: str | date | None = None, language: str | None = None,
            title: str | None = None, url: str | None = None, outlet: str | None = None,
            id: str | None = None) -> Result:  # noqa: A002 - the contract calls it id
    """Extract events, places, times, quotes and claims from one article's text."""
    if isinstance(published, str):
        from .ingest.jsonl import parse_published

        published = parse_published("<text>", published)
    article = Article(text=text, id=id or "", language=language, published=published, title=title, url=url,
                      outlet=outlet)
    return _default_extractor().extract(article)
