"""HTML pages to articles, through trafilatura's main-text extraction."""

from __future__ import annotations

from datetime import date

import trafilatura

from ..errors import InputError
from ..records import Article


def article_from_html(name: str, html: str, **given: object) -> Article:
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False)
    text = (doc.text or "").strip() if doc is not None else ""
    if not text:
        raise InputError("E009", input=name)
    published = given.pop("published", None) or _parse_date(getattr(doc, "date", None))
    fields = {"title": doc.title, "url": doc.url, "outlet": doc.sitename}
    fields.update({k: v for k, v in given.items() if v is not None})
    return Article(text=text, published=published, source=name, **fields)  # type: ignore[arg-type]


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
