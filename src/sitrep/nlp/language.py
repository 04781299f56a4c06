"""Language detection with lingua, over the languages sitrep supports plus common others,
so that an unsupported language is named when refused instead of mistaken for French."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

# Supported languages first; the others are there to be recognized and refused clearly.
_CANDIDATES = (
    Language.FRENCH, Language.ENGLISH, Language.RUSSIAN, Language.UKRAINIAN, Language.GERMAN,
    Language.SPANISH, Language.ITALIAN, Language.PORTUGUESE, Language.DUTCH, Language.POLISH,
    Language.ARABIC, Language.TURKISH, Language.PERSIAN, Language.HEBREW, Language.CHINESE,
    Language.JAPANESE, Language.KOREAN, Language.BELARUSIAN, Language.ROMANIAN, Language.SWEDISH,
)
_SAMPLE_CHARS = 3000
_MIN_LETTERS = 12
_MIN_VOTERS, _MAX_VOTERS, _MAJORITY = 3, 20, 0.6
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_NAME = re.compile(r"(?<![.!?\n])(?<![.!?]\s)(?<=[\s(,;:\"“«'-])[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’.-]*")
_MIN_PROSE_LETTERS = 40  # below this, too little is left once the names are out: judge the text as written


@lru_cache(maxsize=1)
def _detector():
    return (LanguageDetectorBuilder.from_languages(*_CANDIDATES)
            .with_minimum_relative_distance(0.05).build())


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it cannot be told.

    Over a whole article, a run of foreign place names can outweigh the prose (measured: English
    ACLED notes full of "Novoyehorivka", "Shevchenkove" read as Polish with 0.999 confidence), so
    with three sentences or more the sentences vote, weighted by length; a clear majority (60 %)
    overrules the whole-text verdict. Short texts are judged whole: one sentence is too little."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return None
    detector = _detector()
    prose = _without_names(sample)
    # names tell where, not in what language: "in Ciudad de Mexico - Cuauhtemoc, Conalep teachers held a protest"
    whole = detector.detect_language_of(prose if sum(ch.isalpha() for ch in prose) >= _MIN_PROSE_LETTERS else sample)
    sentences = [s for s in _SENTENCE_END.split(text[:2 * _SAMPLE_CHARS]) if sum(ch.isalpha() for ch in s) >= _MIN_LETTERS]
    if len(sentences) >= _MIN_VOTERS:
        votes: Counter[Language] = Counter()
        for sentence in sentences[:_MAX_VOTERS]:
            language = detector.detect_language_of(sentence)
            if language is not None:
                votes[language] += len(sentence)
        if votes:
            top, weight = votes.most_common(1)[0]
            if top != whole and weight >= _MAJORITY * sum(votes.values()):
                whole = top
    return None if whole is None else whole.iso_code_639_1.name.lower()


def _without_names(text: str) -> str:
    """The text without its capitalized words inside sentences (names of places, people, groups); a
    capitalized word that opens a sentence stays."""
    return _NAME.sub(" ", text)


def language_name(code: str) -> str:
    try:
        return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())).name.title()
    except AttributeError:
        return code
