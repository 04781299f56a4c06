"""Place mentions: named entities the model tags as locations, plus cue patterns
("le village de X", "the town of X", "X Oblast") that catch names NER misses or mislabels.

Geocoding happens later, in ``sitrep.resolve.geocode``; here we only find and classify.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lang import load_lexicon, lookup
from ..nlp.syntax import has_parse
from ..nlp.extensions import register_extensions
from .mentions import PlaceMention

PLACE_LABELS = {"LOC", "GPE"}
# Labels under which the French model sometimes puts town names ("Pokrovsk" as PER).
_MAYBE_PLACE_LABELS = {"PER", "PERSON", "MISC", "ORG"}


@Language.factory("sitrep_places", requires=["doc.ents"], assigns=["doc._.sitrep_places"])
def make_places(nlp: Language, name: str) -> "PlaceFinder":
    return PlaceFinder(nlp.lang)


class PlaceFinder:
    def __init__(self, lang: str) -> None:
        register_extensions()
        lex = load_lexicon(lang)
        self.cue_nouns = set(lex.section("places", "cue_nouns"))
        self.admin1_nouns = set(lex.section("places", "admin1_nouns"))
        self.demonyms = lex.section("actors", "demonyms")
        self.speech_verbs = lex.section("attribution", "verbs")
        self.not_places = set(lex.section("places", "not_places"))
        self.titles = set(lex.section("quotes", "title_nouns"))

    def __call__(self, doc: Doc) -> Doc:
        found: dict[tuple[int, int], PlaceMention] = {}
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS and not self.is_not_place(doc, ent):
                found[(ent.start, ent.end)] = PlaceMention(ent.start, ent.end, ent.text, "ner")
        for mention in self.find_cued(doc):
            overlapping = [k for k in found if k[0] < mention.end and mention.start < k[1]]
            for key in overlapping:
                del found[key]
            found[(mention.start, mention.end)] = mention
        mentions = sorted(found.values(), key=lambda m: m.start)
        for mention in mentions:
            if self.is_metonym(doc[mention.start:mention.end]):
                mention.role = "metonym"
        doc._.sitrep_places = mentions
        return doc

    def find_cued(self, doc: Doc) -> list[PlaceMention]:
        """`<cue noun> [demonym] de/of <Proper name>` and `<Proper name> <cue noun>`."""
        mentions = []
        for token in doc:
            if token.lower_ not in self.cue_nouns:
                continue
            level = "admin1" if token.lower_ in self.admin1_nouns else None
            i, country = token.i + 1, None
            if i < len(doc) and doc[i].lower_ in self.demonyms:
                country = self.demonyms[doc[i].lower_]
                i += 1
            if i < len(doc) and doc[i].lower_ in ("de", "d'", "of", "du"):
                name = self._proper_run(doc, i + 1)
                if name is not None:
                    mentions.append(PlaceMention(name.start, name.end, name.text, "cue", level, country_hint=country))
                    continue
            if level and token.i > 0:
                before = self._proper_run_backwards(doc, token.i)
                if before is not None:  # "the Bryansk region", "Donetsk Oblast"
                    mentions.append(PlaceMention(before.start, before.end, before.text, "cue", level))
        return mentions

    @staticmethod
    def _proper_run(doc: Doc, start: int) -> Span | None:
        end = start
        while end < len(doc) and (doc[end].text[:1].isupper() or (doc[end].text == "-" and end > start)):
            end += 1
        while end > start and not doc[end - 1].text[:1].isupper():
            end -= 1
        return doc[start:end] if end > start else None

    @staticmethod
    def _proper_run_backwards(doc: Doc, end: int) -> Span | None:
        start = end
        while start > 0 and doc[start - 1].text[:1].isupper() and not doc[start - 1].is_sent_start:
            start -= 1
        return doc[start:end] if start < end else None

    def is_not_place(self, doc: Doc, ent: Span) -> bool:
        """Common nouns NER tags as places ("le chef de l'Etat"), and people right after a title
        ("le gouverneur régional Oleh Kiper")."""
        if ent.text.lower() in self.not_places:
            return True
        before = [t.lower_ for t in doc[max(ent.start - 2, 0):ent.start]]
        return len(ent) >= 2 and any(word in self.titles for word in before)

    def is_metonym(self, span: Span) -> bool:
        """"Moscou a démenti", "Washington warned": a place as the subject of a speech verb."""
        if not has_parse(span):
            return False
        root = span.root
        return root.dep_ in ("nsubj", "nsubj:pass") and lookup(self.speech_verbs, root.head) is not None
