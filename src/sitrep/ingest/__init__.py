"""Ingest: files, folders, HTML and JSON Lines to :class:`~sitrep.records.Article`."""

from .files import article_from_text, read_file, read_paths

__all__ = ["read_paths", "read_file", "article_from_text"]
