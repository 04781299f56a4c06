"""Casualty counts: killed and injured, with their qualifiers ("au moins", "more than"),
ranges ("entre 10 et 15", "between 10 and 15"), vague amounts ("des dizaines", "dozens"),
number words, who the victims were, and breakdowns ("dont cinq enfants", "including 2 women").

A count is a casualty count when its noun says so ("14 morts", "30 blessés", "12 dead") or when
the verb governing it does ("14 personnes ont été tuées", "killing 6 civilians"); the
dependency parse finds that verb, and a window in the sentence stands in when there is no parse.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..lang import load_lexicon, lookup, token_keys
from ..nlp.syntax import children
from ..nlp.extensions import doc_list, register_extensions
from .mentions import CasualtyMention
from .numbers import Number, number_at

_HEAD_STEPS = 3
_WINDOW = 8


@Language.factory("sitrep_casualties", requires=["doc._.sitrep_times"], assigns=["doc._.sitrep_casualties"])
def make_casualties(nlp: Language, name: str) -> "CasualtyFinder":
    return CasualtyFinder(nlp.lang)


class CasualtyFinder:
    def __init__(self, lang: str) -> None:
        register_extensions()
        self.lex = load_lexicon(lang)
        c = self.lex.section("casualties")
        self.kill, self.injure = set(c["kill"]), set(c["injure"])
        self.dead_nouns, self.injured_nouns = set(c["dead_nouns"]), set(c["injured_nouns"])
        self.person_nouns: dict[str, str] = c["person_nouns"]
        self.qualifiers: dict[str, str] = c["qualifiers"]
        self.including = [tuple(phrase.split()) for phrase in c["including"]]

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[CasualtyMention] = []
        in_times = {k for t in doc_list(doc, "sitrep_times") for k in range(t.start, t.end)}  # "On 21 March 2020, 12 …"
        i = 0
        while i < len(doc):
            number = number_at(doc, i, self.lex) if i not in in_times else None
            if number is None:
                i += 1
                continue
            number = self._range(doc, number)
            parent = self._including_parent(doc, number.start, mentions)
            noun = self._noun_after(doc, number.end)
            who = lookup(self.person_nouns, noun) if noun is not None else None
            if parent is not None and who:
                parent.breakdown[who] = number.min
            else:
                mention = self._mention(doc, number)
                if mention is not None:
                    mentions.append(mention)
            i = number.end
        doc._.sitrep_casualties = mentions
        return doc

    def _range(self, doc: Doc, number: Number) -> Number:
        """"entre 10 et 15", "between 10 and 15", "10 à 15", "10 to 15", "10-15"."""
        j = number.end
        if j + 1 < len(doc) and doc[j].lower_ in ("à", "et", "to", "and", "-", "–"):
            high = number_at(doc, j + 1, self.lex)
            if high is not None and high.min > number.min and not high.vague:
                return Number(number.min, high.min, number.start, high.end)
        return number

    def _qualifier(self, doc: Doc, start: int) -> tuple[str, int]:
        for width in (3, 2, 1):
            if start - width < 0:
                continue
            phrase = doc[start - width:start].text.lower().replace(" '", "'").replace("' ", "'")
            if phrase in self.qualifiers:
                return self.qualifiers[phrase], start - width
        if start > 0 and doc[start - 1].lower_ in ("entre", "between"):
            return "range", start - 1
        return "exact", start

    def _mention(self, doc: Doc, number: Number) -> CasualtyMention | None:
        noun = self._noun_after(doc, number.end)
        outcome, who, anchor = None, None, None
        if noun is not None:
            keys = token_keys(noun)
            if any(k in self.dead_nouns for k in keys):
                outcome, anchor = "killed", noun.i
            elif any(k in self.injured_nouns for k in keys):
                outcome, anchor = "injured", noun.i
            who = lookup(self.person_nouns, noun)
        if outcome is None:
            if noun is None and self._counts_something_else(doc, number.end):
                return None  # "onze drones", "trois villages"
            verb = self._governing_verb(doc, noun if noun is not None else doc[number.end - 1])
            if verb is None:
                return None
            outcome, anchor = verb
        qualifier, start = self._qualifier(doc, number.start)
        if number.max is not None:
            qualifier = "range" if not number.vague else "approximate"
        end = noun.i + 1 if noun is not None else number.end
        return CasualtyMention(start, end, outcome, number.min, number.max, qualifier, who, anchor)

    def _noun_after(self, doc: Doc, j: int) -> Token | None:
        """The noun counted: right after the number, or after one adjective or "de"."""
        for k in range(j, min(j + 3, len(doc))):
            token = doc[k]
            keys = token_keys(token)
            if any(key in self.person_nouns or key in self.dead_nouns or key in self.injured_nouns for key in keys):
                return token
            if token.is_punct or token.pos_ in ("VERB", "AUX"):
                return None
        return None

    @staticmethod
    def _counts_something_else(doc: Doc, j: int) -> bool:
        if j >= len(doc):
            return False
        token = doc[j]
        if token.pos_:
            return token.pos_ in ("NOUN", "PROPN")
        return token.is_alpha and not token.is_stop

    def _outcome(self, token: Token) -> str | None:
        keys = token_keys(token)
        if any(k in self.kill for k in keys):
            return "killed"
        if any(k in self.injure for k in keys):
            return "injured"
        return None

    def _governing_verb(self, doc: Doc, token: Token) -> tuple[str, int] | None:
        if doc.has_annotation("DEP"):
            for child in children(token):  # "14 personnes tuées"
                if child.dep_ in ("acl", "amod") and self._outcome(child):
                    return self._outcome(child), child.i  # type: ignore[return-value]
            head = token
            for _ in range(_HEAD_STEPS):
                if head.head is head:
                    break
                head = head.head
                outcome = self._outcome(head)
                if outcome:
                    return outcome, head.i
                if head.pos_ == "VERB" and head.lemma_.lower() not in ("être", "avoir", "be", "have"):
                    break
            return None
        sentence = token.sent if doc.has_annotation("SENT_START") else doc[:]
        lo, hi = max(sentence.start, token.i - _WINDOW), min(sentence.end, token.i + _WINDOW)
        candidates = [t for t in doc[lo:hi] if self._outcome(t)]
        if not candidates:
            return None
        nearest = min(candidates, key=lambda t: abs(t.i - token.i))
        return self._outcome(nearest), nearest.i  # type: ignore[return-value]

    def _including_parent(self, doc: Doc, start: int, mentions: list[CasualtyMention]) -> CasualtyMention | None:
        """The count a "dont cinq enfants" / "including 2 women" breaks down, if any."""
        for phrase in self.including:
            k = len(phrase)
            if start - k >= 0 and tuple(t.lower_ for t in doc[start - k:start]) == phrase:
                for mention in reversed(mentions):
                    if mention.end <= start and start - mention.end <= 4:
                        return mention
        return None
