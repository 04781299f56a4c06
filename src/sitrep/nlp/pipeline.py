"""Building the spaCy pipeline for a language: the trained base pipeline named in the settings,
then sitrep's extractors."""

from __future__ import annotations

import warnings
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import SitrepError, SitrepWarning
from ..settings import Settings
from .extensions import register_extensions


def model_path(name: str) -> Path:
    """Where a pipeline shipped inside sitrep lives (``sitrep:<dir>``)."""
    return Path(str(resources.files("sitrep").joinpath("models", name)))


def load_base(language: str, settings: Settings) -> Language:
    name = settings.model_for(language)
    if name.startswith("sitrep:"):
        path = model_path(name.split(":", 1)[1])
        if (path / "config.cfg").is_file():
            return spacy.load(path)
        warnings.warn(SitrepWarning("W001", problem=f"{path} is missing"), stacklevel=3)
        nlp = spacy.blank(language)
        nlp.add_pipe("sentencizer")
        return nlp
    try:
        return spacy.load(name)
    except OSError as exc:
        raise SitrepError("E201", name=name, language=language,
                          hint=f"install it with `pip install {name}` ({exc.__class__.__name__})") from None


@Language.component("sitrep_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A paragraph break always ends a sentence; the parser then splits within paragraphs."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if not token.is_space and "\n" in (previous.text if previous.is_space else previous.whitespace_):
            token.is_sent_start = True
    return doc


def build_pipeline(language: str, settings: Settings) -> Language:
    from ..extract import COMPONENTS

    register_extensions()
    nlp = load_base(language, settings)
    nlp.add_pipe("sitrep_paragraphs", first=True)
    if not (nlp.has_pipe("parser") or nlp.has_pipe("senter") or nlp.has_pipe("sentencizer")):
        nlp.add_pipe("sentencizer", first=True)
    for component in COMPONENTS:
        nlp.add_pipe(component)
    return nlp


class Pipelines:
    """One pipeline per language, loaded when first needed."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._loaded: dict[str, Language] = {}

    def __getitem__(self, language: str) -> Language:
        if language not in self._loaded:
            self._loaded[language] = build_pipeline(language, self.settings)
        return self._loaded[language]
