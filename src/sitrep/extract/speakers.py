"""Who a span of text names as a speaker or a source: a person (by name, pronoun or title),
or an institution. Shared by the quote and claim extractors."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..lang import Lexicon, phrase_length
from .mentions import SpeakerMention

PERSON_LABELS = {"PER", "PERSON"}
INSTITUTION_LABELS = {"ORG", "NORP", "GPE", "LOC"}
_MAX_INSTITUTION_TOKENS = 8
_MAX_SOURCE_TOKENS = 10


def according_to_source(doc: Doc, i: int, phrases: list[str], limit: int | None = None) -> Span | None:
    """The source named after "selon" / "d'après" / "according to" at token ``i``: the words up to
    the next punctuation (at most ten, never past ``limit``)."""
    k = phrase_length(doc, i, phrases)
    if not k:
        return None
    start = end = i + k
    stop = min(len(doc), limit if limit is not None else len(doc))
    while end < stop and not doc[end].is_punct and end - start < _MAX_SOURCE_TOKENS:
        end += 1
    return doc[start:end] if end > start else None


def clean_name(text: str) -> str:
    """A name without the punctuation and invisible characters NER spans sometimes carry (", Traeger\u200b")."""
    return re.sub(r"^[\W_]+|[\W_]+$", "", text.replace("\u200b", "")).strip()


class SpeakerResolver:
    def __init__(self, lex: Lexicon) -> None:
        self.titles = set(lex.section("quotes", "title_nouns"))
        self.pronouns = set(lex.section("quotes", "pronouns"))

    def __call__(self, doc: Doc, span: Span) -> SpeakerMention | None:
        persons = [e for e in doc.ents if e.label_ in PERSON_LABELS and e.start >= span.start and e.end <= span.end]
        if persons:
            return SpeakerMention(persons[0].start, persons[0].end, self.full_name(doc, persons[0]), "person")
        titled = self.titled_name(span)
        if titled is not None:
            return titled
        words = {t.lower_.strip("-").removeprefix("t-") for t in span}
        if words & self.pronouns and len(span) <= 2:
            antecedent = self.previous_person(doc, span.start)
            return SpeakerMention(span.start, span.end, antecedent, "person") if antecedent else None
        if words & self.titles:
            antecedent = self.previous_person(doc, span.start)
            if antecedent:
                return SpeakerMention(span.start, span.end, antecedent, "person")
        institutions = [e for e in doc.ents if e.label_ in INSTITUTION_LABELS and e.start < span.end and e.end > span.start]
        if institutions:
            text = span.text if len(span) <= _MAX_INSTITUTION_TOKENS else institutions[0].text
            return SpeakerMention(span.start, span.end, text, "institution")
        return None

    def titled_name(self, span: Span) -> SpeakerMention | None:
        """"le gouverneur régional Oleh Kiper": a title, then a capitalized name (whatever NER says)."""
        for token in span:
            if token.lower_ in self.titles:
                name = [t for t in span.doc[token.i + 1:span.end] if t.text[:1].isupper() and t.is_alpha]
                rest = span.doc[name[0].i:name[-1].i + 1] if name else None
                if rest is not None and len(rest) == len(name) and 2 <= len(name) <= 4:
                    return SpeakerMention(rest.start, rest.end, clean_name(rest.text), "person")
        return None

    def previous_person(self, doc: Doc, before: int) -> str | None:
        persons = [e for e in doc.ents if e.label_ in PERSON_LABELS and e.end <= before]
        return self.full_name(doc, persons[-1]) if persons else None

    def full_name(self, doc: Doc, ent: Span) -> str:
        """"Zelensky" where the article also says "Volodymyr Zelensky": the full name (an earlier
        mention first, else a later one), without a title NER took in ("Mayor Vitali Klitschko")."""
        name = self.untitled(ent.text)
        fuller = [e for e in doc.ents if e.label_ in PERSON_LABELS and self.untitled(e.text).endswith(" " + name)]
        fuller.sort(key=lambda e: (e.start > ent.start, abs(e.start - ent.start)))
        return self.untitled(fuller[0].text) if fuller else name

    def untitled(self, text: str) -> str:
        words = clean_name(text).split()
        while len(words) > 1 and words[0].lower().rstrip(".") in self.titles:
            words = words[1:]
        return " ".join(words)
