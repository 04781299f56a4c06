"""Acronyms and the names they stand for, as the article itself gives them: "Maritime, Rail
and Transport Agency (MRTA)", "the HPS" where the article also names "the Harbour Police
Service", "KVE" next to "Kestrel Valley Energy". An acronym the article never spells out stays
as it is: nothing is looked up outside the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Lowercase words a name may hold without giving a letter to its acronym ("Guild of Boat
# Builders and Riggers" -> GBBR), in the languages sitrep reads.
_SKIPPED = {"of", "and", "for", "the", "on", "in", "to", "at", "de", "du", "des", "la", "le", "les", "et", "pour",
            "d", "l", "sur", "en", "à", "y", "del", "der", "und", "für"}
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]{1,9}\b")
_PARENTHESIZED = re.compile(r"\(\s*([A-Z][A-Z0-9&.]{1,9})\s*\)")
_WORD = re.compile(r"[^\W\d_][\w'’-]*|&")
_MAX_NAME_WORDS = 10


def initials(name: str) -> str:
    """The letters an acronym of ``name`` would have: the first letter of each word that is not a
    lowercase function word ("Kestrel Valley Energy" -> "KVE")."""
    letters = []
    for word in _WORD.findall(name):
        if word == "&" or word.lower() in _SKIPPED and not word[:1].isupper() or word.lower() in ("the", "la", "le", "les"):
            continue
        if not word[:1].isupper():
            return ""  # "a group of workers": no name
        letters.append(word[0])
    return "".join(letters).upper()


def expansions(text: str, names: Iterable[str]) -> dict[str, str]:
    """Each acronym ``text`` uses, mapped to the name it stands for: a name among ``names`` (the
    organizations NER found) or the words right before "(ACRONYM)" whose initials spell it. An
    acronym two different names would fit is left out."""
    found: dict[str, set[str]] = {}
    for match in _PARENTHESIZED.finditer(text):  # "Maritime, Rail and Transport Agency (MRTA)"
        acronym = match.group(1).replace(".", "")
        words = _WORD.findall(text[max(0, match.start() - 120):match.start()])[-_MAX_NAME_WORDS:]
        for k in range(len(words) - 1, -1, -1):
            candidate = " ".join(words[k:])
            if initials(candidate) == acronym and words[k][:1].isupper():
                found.setdefault(acronym, set()).add(_span_text(text, match.start(), words[k:]))
                break
    used = set(_ACRONYM.findall(text))
    for acronym, name in _spelled_out(text, {a for a in used if len(a) >= 3 and a not in found}):
        found.setdefault(acronym, set()).add(name)  # "Maritime, Rail and Transport Agency", where NER cut at the comma
    for name in names:
        name = _strip_article(name.strip())
        key = initials(name)
        if len(key) >= 2 and key in used and key != name.replace(".", "").upper():
            found.setdefault(key, set()).add(name)
    return {acronym: next(iter(full)) for acronym, full in found.items() if len(full) == 1}


def _spelled_out(text: str, acronyms: set[str]) -> Iterable[tuple[str, str]]:
    """Runs of capitalized words whose initials spell one of ``acronyms``, with only lowercase
    function words, spaces and commas between them, and no other capitalized word of the same
    name right before or after ("The" aside)."""
    if not acronyms:
        return
    words = list(_WORD.finditer(text))
    for k, first in enumerate(words):
        word = first.group(0)
        if not word[:1].isupper() or word == "The" or not any(a.startswith(word[0].upper()) for a in acronyms):
            continue
        if k and _capitalized(words[k - 1]) and _joined(text, words[k - 1], first):
            continue
        letters = ""
        for j in range(k, min(k + _MAX_NAME_WORDS, len(words))):
            nxt = words[j]
            if j > k and not _joined(text, words[j - 1], nxt):
                break
            token = nxt.group(0)
            if token[:1].isupper():
                letters += token[0].upper()
            elif token.lower() not in _SKIPPED and token != "&":
                break
            if letters in acronyms:
                after = words[j + 1] if j + 1 < len(words) else None
                if after is None or not (_capitalized(after) and _joined(text, nxt, after)):
                    yield letters, text[first.start():nxt.end()]
                break
            if not any(a.startswith(letters) for a in acronyms):
                break


def _capitalized(word: re.Match) -> bool:
    return word.group(0)[:1].isupper() and word.group(0) != "The"


def _joined(text: str, left: re.Match, right: re.Match) -> bool:
    """Two words of one name: only spaces, a comma or a hyphen between them."""
    gap = text[left.end():right.start()]
    return len(gap) <= 3 and all(ch in " ,-" for ch in gap)


def _span_text(text: str, end: int, words: list[str]) -> str:
    """The name as the text writes it (commas included: "Maritime, Rail and Transport
    Agency"), from its first word up to the parenthesis at ``end``."""
    start = text.rfind(words[0], 0, end)
    return text[start:end].strip(" ,")


def _strip_article(name: str) -> str:
    return re.sub(r"^(?:the|The|la|La|le|Le|les|Les|l'|L')\s*", "", name)
