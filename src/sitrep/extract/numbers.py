"""Numbers as news writes them: digits ("14", "1 200", "1,200"), words in each language
("dix-neuf", "vingt et un", "quatre-vingt-dix", "twenty-one"), and vague amounts
("des dizaines", "dozens") as ranges."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..lang import Lexicon

_DIGITS = re.compile(r"^\d{1,3}(?:[ \u202f\u00a0.,]\d{3})+$|^\d+$")
_ORDINAL = re.compile(r"^(\d{1,2})(?:er|e|ère|st|nd|rd|th)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Number:
    min: int
    max: int | None  # None: exact (max == min); a value: a range
    start: int  # token offsets
    end: int
    vague: bool = False


def parse_digits(text: str) -> int | None:
    text = text.strip()
    if _DIGITS.match(text):
        return int(re.sub(r"\D", "", text))
    return None


_ARTICLES = frozenset({"a", "an"})  # not "un": "vingt et un"


def parse_words(text: str, lex: Lexicon) -> int | None:
    """A number written in words, as one string ("dix-neuf", "vingt et un", "twenty-one")."""
    units, tens, scales = (lex.section("numbers", k) for k in ("units", "tens", "scales"))
    words = [w for w in re.split(r"[-\s]+", text.lower()) if w and w not in ("et", "and")]
    if not words:
        return None
    total, current, seen = 0, 0, False
    for k, word in enumerate(words):
        if k and word in _ARTICLES:
            return None  # "seven a year ago" is seven, a year ago; "a" counts only first ("a hundred")
        if word in units:
            current += units[word]
        elif word in tens:
            if word.startswith("vingt") and current == 4:  # quatre-vingt(s)
                current = 80
            else:
                current += tens[word]
        elif word.rstrip("s") == "vingt" and current == 4:
            current = 80
        elif word in scales:
            scale = scales[word]
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def number_at(doc: Doc, i: int, lex: Lexicon) -> Number | None:
    """The number starting at token ``i``, if any (spanning several tokens for "vingt et un")."""
    token = doc[i]
    value = parse_digits(token.text)
    if value is not None:
        end = i + 1  # "1 200" is sometimes split into two tokens
        while end < len(doc) and re.fullmatch(r"\d{3}", doc[end].text) and doc[end - 1].whitespace_ == " " and value < 1000:
            value = value * 1000 + int(doc[end].text)
            end += 1
        return Number(value, None, i, end)
    vague = lex.section("numbers", "vague")
    if token.lower_ in vague:
        low, high = vague[token.lower_]
        return Number(low, high if high != low else None, i, i + 1, vague=True)
    if token.lower_ in ("a", "une") and i + 1 < len(doc) and doc[i + 1].lower_ in vague:  # "a few", "une dizaine"
        low, high = vague[doc[i + 1].lower_]
        return Number(low, high if high != low else None, i, i + 2, vague=True)
    if token.lower_ in ("des", "de") and i + 1 < len(doc) and doc[i + 1].lower_ in vague:  # "des dizaines"
        low, high = vague[doc[i + 1].lower_]
        return Number(low, high if high != low else None, i, i + 2, vague=True)
    end, best = i, None
    while end < len(doc) and end - i < 6:
        value = parse_words(doc[i:end + 1].text, lex)
        if value is None and doc[end].lower_ not in ("et", "and"):
            break
        if value is not None:
            best = Number(value, None, i, end + 1)
        end += 1
    if best is not None and best.min == 1 and doc[i].lower_ in ("a", "an", "un", "une"):
        return None  # an article, not a count
    return best


def ordinal_day(text: str) -> int | None:
    m = _ORDINAL.match(text)
    value = int(m.group(1)) if m else parse_digits(text)
    return value if value is not None and 1 <= value <= 31 else None
