"""SQL storage through SQLAlchemy Core: a SQLite file by default, any SQLAlchemy URL otherwise.

Writes are idempotent and keyed by the article id (a content hash when none is given): the same
article ingested twice is stored once, and each article is one transaction, so a run that stops
half-way is resumed by running it again.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import (Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text, create_engine,
                        event, func, insert, or_, select)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from ..errors import SitrepError
from ..records import Article, Event, Result
from .base import EventQuery

SCHEMA_VERSION = 1

metadata = MetaData()

meta_table = Table("sitrep_meta", metadata, Column("key", String(64), primary_key=True), Column("value", Text))

articles = Table(
    "articles", metadata,
    Column("id", String(128), primary_key=True),
    Column("source", Text), Column("url", Text), Column("outlet", Text), Column("title", Text),
    Column("language", String(8)), Column("published", String(10)), Column("reference_date", String(10)),
    Column("text", Text, nullable=False), Column("result", Text, nullable=False),
    Column("ingested_at", String(32), nullable=False),
)

events = Table(
    "events", metadata,
    Column("id", String(160), primary_key=True),
    Column("article_id", String(128), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("event_type", String(64), nullable=False), Column("sub_event_type", String(64), nullable=False),
    Column("date_start", String(10)), Column("date_end", String(10)), Column("date_precision", String(16)),
    Column("country_code", String(2)), Column("location", Text), Column("latitude", Float), Column("longitude", Float),
    Column("actor1", Text), Column("actor2", Text), Column("fatalities_min", Integer), Column("modality", String(16)),
    Column("data", Text, nullable=False),
    Index("events_date", "date_start"), Index("events_type", "event_type", "sub_event_type"),
    Index("events_country", "country_code"), Index("events_article", "article_id"),
)

quotes = Table(
    "quotes", metadata,
    Column("article_id", String(128), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("speaker", Text), Column("kind", String(16)), Column("data", Text, nullable=False),
)


def open_store(target: str | Path) -> "SqlStore":
    """A SQLAlchemy URL ("postgresql+psycopg://…") or a path to a SQLite file."""
    text = str(target)
    url = text if "://" in text else f"sqlite:///{Path(text).expanduser()}"
    return SqlStore(url)


class SqlStore:
    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.engine: Engine = create_engine(url, future=True)
            if url.startswith("sqlite"):
                event.listen(self.engine, "connect", _sqlite_pragmas)
            metadata.create_all(self.engine)
            with self.engine.begin() as conn:
                if conn.execute(select(meta_table.c.value).where(meta_table.c.key == "schema_version")).first() is None:
                    conn.execute(insert(meta_table).values(key="schema_version", value=str(SCHEMA_VERSION)))
        except SQLAlchemyError as exc:
            raise SitrepError("E501", path=_safe(url), problem=str(exc.orig if hasattr(exc, "orig") else exc)) from None

    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(articles.c.id).where(articles.c.id == article_id)).first() is not None

    def add(self, article: Article, result: Result) -> bool:
        if self.has_article(article.id):
            return False
        data = result.to_dict()
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(articles).values(
                    id=article.id, source=article.source, url=article.url, outlet=article.outlet, title=article.title,
                    language=result.document.language, published=result.document.published,
                    reference_date=result.document.reference_date, text=article.text,
                    result=json.dumps(data, ensure_ascii=False), ingested_at=now))
                for position, (ev, ev_dict) in enumerate(zip(result.events, data["events"])):
                    conn.execute(insert(events).values(_event_row(article.id, position, ev, ev_dict)))
                for position, (quote, q_dict) in enumerate(zip(result.quotes, data["quotes"])):
                    conn.execute(insert(quotes).values(
                        article_id=article.id, position=position, kind=quote.kind,
                        speaker=quote.speaker.name if quote.speaker else None,
                        data=json.dumps(q_dict, ensure_ascii=False)))
        except IntegrityError:
            return False  # stored meanwhile by another writer: same content, same id
        return True

    def events(self, query: EventQuery) -> Iterator[tuple[str, Event]]:
        stmt = select(events.c.article_id, events.c.data).order_by(events.c.date_start, events.c.id)
        if query.since:
            stmt = stmt.where(events.c.date_start >= query.since)
        if query.until:
            stmt = stmt.where(events.c.date_start <= query.until)
        if query.type:
            stmt = stmt.where(or_(func.lower(events.c.event_type) == query.type.lower(),
                                  func.lower(events.c.sub_event_type) == query.type.lower()))
        if query.country:
            stmt = stmt.where(events.c.country_code == query.country.upper())
        if query.limit:
            stmt = stmt.limit(query.limit)
        with self.engine.connect() as conn:
            for article_id, data in conn.execute(stmt):
                yield article_id, Event.from_dict(json.loads(data))

    def result(self, article_id: str) -> Result | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(articles.c.result).where(articles.c.id == article_id)).first()
        return Result.from_dict(json.loads(row[0])) if row else None

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                    for name, table in (("articles", articles), ("events", events), ("quotes", quotes))}

    def close(self) -> None:
        self.engine.dispose()


def _event_row(article_id: str, position: int, ev: Event, data: dict) -> dict:
    return dict(
        id=ev.id, article_id=article_id, position=position, event_type=ev.event_type,
        sub_event_type=ev.sub_event_type,
        date_start=ev.date.start if ev.date else None, date_end=ev.date.end if ev.date else None,
        date_precision=ev.date.precision if ev.date else None,
        country_code=ev.location.country_code if ev.location else None,
        location=ev.location.name if ev.location else None,
        latitude=ev.location.latitude if ev.location else None,
        longitude=ev.location.longitude if ev.location else None,
        actor1=ev.actor1.name if ev.actor1 else None, actor2=ev.actor2.name if ev.actor2 else None,
        fatalities_min=ev.fatalities.min if ev.fatalities else None, modality=ev.modality,
        data=json.dumps(data, ensure_ascii=False),
    )


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _safe(url: str) -> str:
    """The URL without a password, for messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://…@{rest.split('@', 1)[1]}"
    return url
