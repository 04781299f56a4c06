"""Language detection with lingua, over the languages sitrep supports plus common others,
so that an unsupported language is named when refused instead of mistaken for French."""

from __future__ import annotations

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


@lru_cache(maxsize=1)
def _detector():
    return (LanguageDetectorBuilder.from_languages(*_CANDIDATES)
            .with_minimum_relative_distance(0.05).with_preloaded_language_models().build())


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it cannot be told."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return None
    language = _detector().detect_language_of(sample)
    return None if language is None else language.iso_code_639_1.name.lower()


def language_name(code: str) -> str:
    try:
        return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())).name.title()
    except AttributeError:
        return code
