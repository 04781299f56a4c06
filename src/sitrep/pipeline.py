"""The whole flow for a batch of articles: language, spaCy pipeline with sitrep's extractors,
resolution to records. Bad input becomes a Reject; it never stops the batch."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from .errors import InputError, SitrepError, notice
from .nlp.language import detect_language, language_name
from .nlp.pipeline import Pipelines
from .records import Article, Reject, Result
from .resolve.build import ResultBuilder
from .resolve.gazetteer import Gazetteer, open_default_gazetteer
from .resolve.geocode import Geocoder
from .settings import Settings, load_settings

log = logging.getLogger("sitrep")

_ISO_639_1_LENGTH = 2


class Extractor:
    """Turns articles into :class:`~sitrep.records.Result` records.

    The settings, the gazetteer and the pipelines are injected (defaults: loaded from the
    settings when first needed), so tests can use a small gazetteer.
    """

    def __init__(self, settings: Settings | None = None, gazetteer: Gazetteer | None = None,
                 pipelines: Pipelines | None = None) -> None:
        self.settings = settings or load_settings()
        self.pipelines = pipelines or Pipelines(self.settings)
        self._gazetteer = gazetteer
        self._builder: ResultBuilder | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = open_default_gazetteer(self.settings.gazetteer_min_population, self.settings.gazetteer_path)
        return self._gazetteer

    @property
    def builder(self) -> ResultBuilder:
        if self._builder is None:
            self._builder = ResultBuilder(Geocoder(self.gazetteer))
        return self._builder

    def nlp(self, language: str) -> Language:
        """The pipeline for ``language``, its place finder given the gazetteer."""
        nlp = self.pipelines[language]
        finder = nlp.get_pipe("sitrep_places")
        if getattr(finder, "gazetteer", None) is not self.gazetteer:
            finder.use_gazetteer(self.gazetteer)
        return nlp

    # ---------------------------------------------------------------- one article

    def language_of(self, article: Article) -> str:
        supported = ", ".join(self.settings.languages)
        if article.language:
            given = article.language.lower().strip()
            if len(given) != _ISO_639_1_LENGTH or not given.isalpha():
                raise InputError("E103", input=article.source, language=article.language)
            if given not in self.settings.languages:
                raise InputError("E101", input=article.source, language=f"{given} ({language_name(given)})",
                                 supported=supported)
            return given
        detected = detect_language(article.text)
        if detected is None:
            raise InputError("E102", input=article.source)
        if detected not in self.settings.languages:
            raise InputError("E101", input=article.source, language=f"{detected} ({language_name(detected)})",
                             supported=supported)
        return detected

    def make_doc(self, article: Article, language: str) -> Doc:
        size = len(article.text.encode("utf-8"))
        if size > self.settings.max_bytes:
            raise InputError("E004", input=article.source, size=size, limit=self.settings.max_bytes)
        doc = self.nlp(language).make_doc(article.text)
        doc._.sitrep_article = article
        doc._.sitrep_reference = article.published
        doc._.sitrep_reference_source = "published" if article.published else None
        return doc

    def extract(self, article: Article) -> Result:
        """One article; raises :class:`InputError` for bad input."""
        language = self.language_of(article)
        doc = self.make_doc(article, language)
        doc = self.nlp(language)(doc)
        return self.finish(doc, article, language)

    def finish(self, doc: Doc, article: Article, language: str) -> Result:
        if article.published is None:
            reference = doc._.sitrep_reference
            how = "inferred from dates in the text" if reference else "none found: relative dates stay unresolved"
            log.info(notice("W004", input=article.source, reference=reference, how=how))
        return self.builder(doc, article, language)

    # ---------------------------------------------------------------- batches

    def process(self, items: Iterable[Article | Reject]) -> Iterator[tuple[Article | Reject, Result | Reject]]:
        """(input, output) pairs in input order; one bad article never stops the batch."""
        iterator = iter(items)
        while chunk := list(islice(iterator, self.settings.batch_size)):
            yield from zip(chunk, self._process_chunk(chunk))

    def _process_chunk(self, chunk: list[Article | Reject]) -> list[Result | Reject]:
        out: list[Result | Reject | None] = [None] * len(chunk)
        by_language: dict[str, list[tuple[int, Article, Doc]]] = {}
        for index, item in enumerate(chunk):
            if isinstance(item, Reject):
                out[index] = item
                continue
            try:
                language = self.language_of(item)
                by_language.setdefault(language, []).append((index, item, self.make_doc(item, language)))
            except SitrepError as err:
                out[index] = _reject(item, err)
        for language, entries in by_language.items():
            nlp = self.nlp(language)
            try:
                docs = list(nlp.pipe([doc for _, _, doc in entries], batch_size=self.settings.batch_size))
            except Exception:  # noqa: BLE001 - isolate the article that broke the batch
                # afresh: the batch may have run some components on these Docs already
                docs = [self._one(nlp, article, language) for _, article, _ in entries]
            for (index, article, _), doc in zip(entries, docs):
                out[index] = self._finish_safely(doc, article, language)
        assert all(item is not None for item in out)
        return out  # type: ignore[return-value]

    def _one(self, nlp, article: Article, language: str) -> Doc | Exception:
        try:
            return nlp(self.make_doc(article, language))
        except Exception as exc:  # noqa: BLE001 - reported as a Reject, never raised out of a batch
            return exc

    def _finish_safely(self, doc: Doc | Exception, article: Article, language: str) -> Result | Reject:
        if isinstance(doc, Exception):
            err = SitrepError("E202", input=article.source, problem=f"{type(doc).__name__}: {doc}")
            log.exception(err.message, exc_info=doc)
            return _reject(article, err)
        try:
            return self.finish(doc, article, language)
        except Exception as exc:  # noqa: BLE001
            err = SitrepError("E202", input=article.source, problem=f"{type(exc).__name__}: {exc}")
            log.exception(err.message)
            return _reject(article, err)


def _reject(article: Article, err: SitrepError) -> Reject:
    return Reject(input=article.source, code=err.code, message=err.message)
