"""Storage: one protocol (:class:`Store`), SQL back ends through SQLAlchemy (SQLite by default)."""

from .base import Store
from .sql import SqlStore, open_store

__all__ = ["Store", "SqlStore", "open_store"]
