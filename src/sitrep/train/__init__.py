"""Rebuild sitrep's own spaCy pipelines from local training data."""

from __future__ import annotations


def train_english(*args, **kwargs) -> dict:
    """Train the English pipeline; see :func:`sitrep.train.english.train_english`."""
    from .english import train_english as _train_english

    return _train_english(*args, **kwargs)


__all__ = ["train_english"]
