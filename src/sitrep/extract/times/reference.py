"""The reference date relative expressions are resolved against: the publication date, else the
latest fully explicit date in the article, else none (relative expressions then stay unanchored,
never silently resolved against today)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from spacy.tokens import Doc

from ..mentions import TimeMention

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # a day; "P1D" ("a day") is a duration, even when anchored


def infer_reference(find: Callable[[Doc, date | None], list[TimeMention]], doc: Doc) -> date | None:
    """The latest fully explicit date in the text (day, month and year), as ``find`` reads it unanchored."""
    explicit = [m for m in find(doc, None) if m.precision == "day" and m.anchored and _ISO_DAY.match(m.value)]
    return max((date.fromisoformat(m.value[:10]) for m in explicit), default=None)


def set_reference(doc: Doc, find: Callable[[Doc, date | None], list[TimeMention]]) -> date | None:
    """The Doc's reference date, recorded with where it came from (published / inferred)."""
    ref = doc._.sitrep_reference
    if ref is None:
        ref = infer_reference(find, doc)
        if ref is not None:
            doc._.sitrep_reference = ref
            doc._.sitrep_reference_source = "inferred"
    elif doc._.sitrep_reference_source is None:
        doc._.sitrep_reference_source = "published"
    return ref
