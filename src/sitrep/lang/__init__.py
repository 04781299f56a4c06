"""Per-language lexicons: the language-specific knowledge the extractors map onto shared concepts.

A new language is a new folder with a ``lexicon.json`` of the same shape.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Lexicon:
    language: str
    data: dict[str, Any]

    def section(self, *path: str) -> Any:
        node: Any = self.data
        for key in path:
            node = node.get(key, {}) if isinstance(node, dict) else {}
        return node


@lru_cache(maxsize=None)
def load_lexicon(language: str) -> Lexicon:
    resource = resources.files("sitrep.lang").joinpath(language, "lexicon.json")
    if not resource.is_file():
        raise KeyError(f"no lexicon for language '{language}'")
    return Lexicon(language, json.loads(resource.read_text(encoding="utf-8")))


def token_keys(token: Any) -> tuple[str, ...]:
    """The keys a token is looked up by in a lexicon: its lemma, then its lowercase form, then (in
    English, whose trained lemmatizer is weak: "picketed", "rallied") the stems regular inflection
    gives. A lexicon only ever matches what it lists, so a stem counts only where it is a known word."""
    lemma = token.lemma_.lower() if token.lemma_ else ""
    lower = token.lower_
    keys = (lemma, lower) if lemma and lemma != lower else (lower,)
    if token.lang_ != "en" or not lower.isalpha():
        return keys
    doc = token.doc
    compound = token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_  # "Taliban-planted"
    return keys + english_stems(lower, verb=token.tag_.startswith("VB") and not compound)


def english_stems(word: str, verb: bool = True) -> tuple[str, ...]:
    """The base forms regular English inflection allows for ``word``: a plural or third person
    ("forces" -> "force"), and for a verb its past and participles ("rallied" -> "rally",
    "picketed" -> "picket", "demonstrated" -> "demonstrate", "stopping" -> "stop")."""
    stems: list[str] = []
    if word.endswith("ied") and len(word) > 4 and verb:
        stems.append(word[:-3] + "y")
    if word.endswith("ies") and len(word) > 4:
        stems.append(word[:-3] + "y")
    for suffix in ("ed", "ing") if verb else ():
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            base = word[: -len(suffix)]
            stems += [base, base + "e"]
            if len(base) > 2 and base[-1] == base[-2]:
                stems.append(base[:-1])  # "stopped", "stopping"
    if word.endswith("es") and len(word) > 4:
        stems.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        stems.append(word[:-1])
    return tuple(stems)


def is_event_word(lex: Lexicon, token: Any) -> bool:
    """Whether ``token`` is, alone, a word that tells an event ("struck", "frapper"), by its form or lemma."""
    triggers = lex.section("triggers")
    return any(" " not in key and key in triggers for key in (token.lower_, token.lemma_.lower()))


def lookup(table: dict[str, Any], token: Any) -> Any:
    for key in token_keys(token):
        if key in table:
            return table[key]
    return None


def phrase_length(doc: Any, i: int, phrases: list[str]) -> int:
    """Tokens taken by the first of ``phrases`` that the text at token ``i`` spells, else 0.

    Compares the text, not the tokens, so "d'après" matches however the tokenizer splits it."""
    text = ""
    for k in range(i, min(i + 8, len(doc))):
        text += doc[k].lower_
        if text in phrases:
            return k - i + 1
        text += " " if doc[k].whitespace_ else ""
    return 0
