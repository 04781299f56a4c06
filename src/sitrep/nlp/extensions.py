"""Doc extensions sitrep sets. Registered explicitly and idempotently, never at import."""

from __future__ import annotations

from spacy.tokens import Doc

EXTENSIONS = (
    "sitrep_article",  # the Article the Doc was made from (or None)
    "sitrep_reference",  # datetime.date relative expressions are resolved against (or None)
    "sitrep_reference_source",  # published / inferred / none
    "sitrep_places",
    "sitrep_times",
    "sitrep_actors",
    "sitrep_casualties",
    "sitrep_quotes",
    "sitrep_events",
)


def register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def doc_list(doc: Doc, name: str) -> list:
    """The list an upstream component stored, or an empty one when it did not run."""
    value = getattr(doc._, name)
    return value if value is not None else []
