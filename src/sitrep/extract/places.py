"""Place mentions: named entities the model tags as locations, cue patterns ("le village de X",
"the town of X", "X Oblast"), and capitalized names the gazetteer knows, which catch what NER
misses, mislabels, or cannot see at all (English on the blank pipeline).

Geocoding happens later, in ``sitrep.resolve.geocode``; here we only find and classify.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lang import load_lexicon, lookup
from ..nlp.extensions import register_extensions
from ..nlp.syntax import has_parse
from ..resolve.gazetteer import Gazetteer
from .mentions import PlaceMention

PLACE_LABELS = {"LOC", "GPE"}
_MAX_NAME_TOKENS = 3
_SPELLING_SCORE = 0.7


def actor_words(lang: str) -> set[str]:
    """One-word aliases of the curated actors: names of groups, not of places."""
    from .actors import actor_catalogue

    return {alias for entry in actor_catalogue()["actors"] for alias in entry["aliases"].get(lang, [])
            if " " not in alias and entry["kind"] != "government"}


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
        self.locative = set(lex.section("places", "locative_prepositions"))
        self.titles = set(lex.section("quotes", "title_nouns"))
        self.gazetteer: Gazetteer | None = None
        # capitalized words that are never read as place names, whatever the gazetteer holds
        # ("Police" and "Forces" are towns somewhere)
        self.never: set[str] = (
            set(self.demonyms) | self.not_places | self.titles | self.cue_nouns
            | set(lex.section("actors", "force_nouns")) | set(lex.section("actors", "police_nouns"))
            | set(lex.section("actors", "civilian_nouns")) | set(lex.section("actors", "protester_nouns"))
            | set(lex.section("time", "weekdays")) | set(lex.section("time", "months"))
            | set(lex.section("casualties", "person_nouns")) | set(lex.section("places", "direction_words"))
            | actor_words(lang)  # "Taliban" is also a town in Turkey
        )

    def use_gazetteer(self, gazetteer: Gazetteer) -> None:
        """Let the finder recognize names the gazetteer knows (injected by the Extractor)."""
        self.gazetteer = gazetteer

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
        if self.gazetteer is not None:
            for mention in self.find_known(doc, found):
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

    def find_known(self, doc: Doc, found: dict[tuple[int, int], PlaceMention]) -> list[PlaceMention]:
        """Runs of capitalized words, not already a place or a person or organization the model
        found, that the gazetteer knows: the longest known sub-run (up to three words) wins."""
        assert self.gazetteer is not None
        blocked = [(e.start, e.end) for e in doc.ents
                   if e.label_ not in PLACE_LABELS and len(e) > 1 and not self._mislabelled_place(doc, e)]
        blocked += list(found)
        mentions, i = [], 0
        while i < len(doc):
            if not self._candidate(doc[i]) or any(s <= i < e for s, e in blocked):
                i += 1
                continue
            end = i
            while end < len(doc) and end - i < _MAX_NAME_TOKENS and self._candidate(doc[end]) \
                    and not any(s <= end < e for s, e in blocked):
                end += 1
            for stop in range(end, i, -1):
                span = doc[i:stop]
                if span[0].is_sent_start and len(span) == 1 and not self._major(span.text):
                    continue  # "Police said…": a sentence-initial capital proves nothing
                if self._known(span.text):
                    mentions.append(PlaceMention(i, stop, span.text, "gazetteer"))
                    i = stop
                    break
            else:
                i += 1
        return mentions

    def _mislabelled_place(self, doc: Doc, ent: Span) -> bool:
        """A town the model took for a person ("à Tchassiv Iar" tagged PER): right after a
        locative preposition, and known to the gazetteer."""
        return ent.start > 0 and doc[ent.start - 1].lower_ in self.locative and self._known(ent.text)

    def _known(self, name: str) -> bool:
        """Known by its exact name, or, for towns and bigger, by a close romanization
        ("Tchassiv Iar" for Chasiv Yar): a village's look-alike spelling is too weak a proof."""
        assert self.gazetteer is not None
        return bool(self.gazetteer.lookup(name)) or any(
            e.feature != "village" and e.match_score >= _SPELLING_SCORE for e in self.gazetteer.lookup_spelling(name))

    def _candidate(self, token) -> bool:
        text = token.text
        return (len(text) > 2 and text[:1].isupper() and token.is_alpha and not token.is_stop
                and token.lower_ not in self.never and not text.isupper())

    def _major(self, name: str) -> bool:
        """A country or a city of 100,000 or more: safe to take even at the start of a sentence."""
        return any(e.feature in ("country", "city") for e in self.gazetteer.lookup(name))  # type: ignore[union-attr]

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
