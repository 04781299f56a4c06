"""Casualty counts: killed and injured, with their qualifiers ("au moins", "more than"),
ranges ("entre 10 et 15", "between 10 and 15"), vague amounts ("des dizaines", "dozens"),
number words, who the victims were, and breakdowns ("dont cinq enfants", "including 2 women").

A count is a casualty count when its noun says so ("14 morts", "30 blessés", "12 dead") or when
the verb governing it does ("14 personnes ont été tuées", "killing 6 civilians"); the
dependency parse finds that verb, and a window in the sentence stands in when there is no parse.

Most deaths in the news come without a number: "a man was shot and killed", "killing a Hezbollah
fighter and his mother", "un soldat a été tué", "he died". A person named in the singular as what
a killing or wounding verb acts on (or who dies) counts as one; each further person joined by "and"
with their own determiner as one more ("a fighter and his mother": 2; "a scholar and teacher": 1).
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
_ARMED = {"soldiers", "police", "militants", "attackers"}  # a toll of these alone stays a combatants' toll
_WINDOW = 8
_NOUN_REACH = 6  # words from a count to its noun: "1 pro - government militia member"


def _inner_hyphen(token: Token) -> bool:
    """A hyphen inside a word the tokenizer split: "pro-government"."""
    return token.text in ("-", "‐") and not token.whitespace_ and token.i > 0 and not token.doc[token.i - 1].whitespace_


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
        self.alternatives = set(c["alternatives"])  # "killed or wounded"
        self.list_joiners = {tuple(phrase.split()) for phrase in c["list_joiners"]}  # "and", "in addition to"
        self.victim_verbs = {lemma: outcome for outcome, lemmas in c["victim_verbs"].items() for lemma in lemmas}
        self.dying_verbs = set(c["dying_verbs"])
        self.death_nouns = set(c["death_nouns"])
        self.demonyms: dict[str, str] = self.lex.section("actors", "demonyms")

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[CasualtyMention] = []
        in_times = {k for t in doc_list(doc, "sitrep_times") for k in range(t.start, t.end)}  # "On 21 March 2020, 12 …"
        pending: list[tuple[Number, Token, str]] = []  # counts of people no verb was found for yet
        i = 0
        while i < len(doc):
            number = number_at(doc, i, self.lex) if i not in in_times else None
            if number is None:
                i += 1
                continue
            number = self._range(doc, number)
            if number.start > 0 and doc[number.start].is_digit and doc[number.start - 1].is_title \
                    and doc[number.start - 1].pos_ in ("PROPN", "NOUN") and not doc[number.start - 1].is_sent_start:
                i = number.end  # part of a name: "Regiment 46", "Route 7"
                continue
            parent = self._including_parent(doc, number.start, mentions)
            noun = self._noun_after(doc, number.end)
            who = lookup(self.person_nouns, noun) if noun is not None else None
            if parent is not None and who:
                parent.breakdown[who] = number.min
            else:
                mention = self._mention(doc, number)
                if mention is not None:
                    mentions += self._listed_before(doc, pending, mention)
                    mentions.append(mention)
                    pending = []
                elif who and noun is not None:
                    pending.append((number, noun, who))  # its verb may come after the next count
            i = number.end
        if doc.has_annotation("DEP"):
            mentions += self._singular_victims(doc, mentions)
            mentions.sort(key=lambda m: m.start)
            mentions = _join_coordinated(doc, mentions, self.list_joiners)
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
        if number.end < len(doc) and _inner_hyphen(doc[number.end]) or _inner_hyphen(doc[number.end - 1]):
            return None  # "a four-year-old boy", "120-mm mortars": the number is part of a word
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
            if verb is None and noun is not None:
                verb = self._verb_in_line(doc, number, noun)
            if verb is None:
                return None
            outcome, anchor = verb
        if self._either(doc, anchor):
            return None  # "1 policeman was killed or wounded": neither toll is known
        return self._counted(doc, number, noun, outcome, who, anchor)

    def _counted(self, doc: Doc, number: Number, noun: Token | None, outcome: str, who: str | None,
                 anchor: int) -> CasualtyMention:
        qualifier, start = self._qualifier(doc, number.start)
        if number.max is not None:
            qualifier = "range" if not number.vague else "approximate"
        end = noun.i + 1 if noun is not None else number.end
        while noun is not None and end < min(noun.i + 3, len(doc)) and doc[end].pos_ == "NOUN" \
                and lookup(self.person_nouns, doc[end]):
            end += 1  # the whole compound: "5 commando soldiers", "2 police officers"
        return CasualtyMention(start, end, outcome, number.min, number.max, qualifier, who, anchor)

    def _listed_before(self, doc: Doc, pending: list[tuple[Number, Token, str]],
                       mention: CasualtyMention) -> list[CasualtyMention]:
        """Counts of people listed right before ``mention`` share its verb, which neither the parse
        nor the words gave them: "at least 5 commando soldiers and 1 officer (…) were killed"."""
        listed: list[CasualtyMention] = []
        following = mention
        for number, noun, who in reversed(pending):
            counted = self._counted(doc, number, noun, mention.outcome, who, mention.anchor)
            if not _listed(doc, counted, following, self.list_joiners):
                break
            listed.insert(0, counted)
            following = counted
        return listed

    def _noun_after(self, doc: Doc, j: int) -> Token | None:
        """The noun counted: right after the number, or after the words that qualify it ("14 morts",
        "2 'Arbakis'", "1 pro-government militia member", "4 Taliban and IS militants", "8 Taliban
        and/or Islamic State militants")."""
        for k in range(j, min(j + _NOUN_REACH, len(doc))):
            token = doc[k]
            keys = token_keys(token)
            if any(key in self.person_nouns or key in self.dead_nouns or key in self.injured_nouns
                   or (key in self.demonyms and token.tag_ != "JJ" and token.morph.get("Number") != ["Sing"]) for key in keys):
                return token  # "14 morts", "9 Palestinians"
            if _inner_hyphen(token) and k == j:
                return None  # "a 25-year-old woman", "120-mm mortars": the number is part of a word
            if token.is_quote or _inner_hyphen(token):
                continue  # "2 'Arbakis' were killed", "pro-government"
            if k > j and token.text.isupper() and len(token.text) > 1 and token.is_alpha:
                continue  # an acronym, whatever its tag: "4 Taliban and IS militants"
            if token.is_punct or token.pos_ in ("VERB", "AUX"):
                return None
            if k - j >= 2 and token.pos_ in ("ADP", "SCONJ", "PRON", "DET", "NUM", "CCONJ"):
                return None  # within two words, "3 of the soldiers", "des dizaines de blessés"; further, a new phrase
        return None

    def _verb_in_line(self, doc: Doc, number: Number, noun: Token) -> tuple[str, int] | None:
        """The killing or wounding verb the words give, where the parse does not: just before the
        count ("killed 1 Islamic State militant", "killing at least 3"), or after the noun with only
        auxiliaries and other verbs between ("1 civilian was kidnapped and killed"), or a remark in
        brackets ("1 officer (assumed police) was killed")."""
        k = self._qualifier(doc, number.start)[1] - 1
        if k >= 0 and self._outcome(doc[k]) and doc[k].pos_ in ("VERB", "NOUN", "ADJ"):
            return self._outcome(doc[k]), k  # type: ignore[return-value]
        after = _after_brackets(doc, noun.i + 1)
        for k in range(after, min(after + _WINDOW - 1, len(doc))):
            token = doc[k]
            outcome = self._outcome(token)
            if outcome and token.pos_ in ("VERB", "ADJ") and any(t.pos_ == "AUX" for t in doc[after:k]):
                return outcome, k
            if not (token.pos_ in ("AUX", "VERB", "CCONJ", "ADV") or token.text == "," or token.is_quote):
                break
        return None

    @staticmethod
    def _counts_something_else(doc: Doc, j: int) -> bool:
        if j >= len(doc):
            return False
        token = doc[j]
        if token.pos_:
            return token.pos_ in ("NOUN", "PROPN")
        return token.is_alpha and not token.is_stop

    def _either(self, doc: Doc, i: int) -> bool:
        """Whether the word that says killed or injured at ``i`` is one of two joined by "or"
        ("killed or wounded", "tués ou blessés"), which leaves each toll unknown."""
        for other, between in ((i + 2, i + 1), (i - 2, i - 1)):
            if 0 <= other < len(doc) and doc[between].lower_ in self.alternatives:
                found = self._outcome(doc[other])
                if found and found != self._outcome(doc[i]):
                    return True
        return False

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
                joined = self._joined_verb(head)
                if joined is not None:
                    return joined
                if head.head.i == head.i:
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

    def _singular_victims(self, doc: Doc, counted: list[CasualtyMention]) -> list[CasualtyMention]:
        """One victim per person named in the singular as the object of "kill"/"wound" or the
        subject of "die", where no number counts them already."""
        found: list[CasualtyMention] = []
        for verb in doc:
            if verb.pos_ not in ("NOUN", "VERB", "ADJ") or any(m.anchor == verb.i for m in counted):
                continue
            keys = token_keys(verb)
            if verb.pos_ == "NOUN" and any(k in self.death_nouns for k in keys):  # "the death of a rioter", "his death"
                outcome, victims = "killed", [c for c in children(verb) if c.dep_ in ("nmod", "nmod:poss", "poss")
                                              and (c.dep_ != "nmod" or any(g.dep_ == "case" for g in children(c)))][:1]
            elif verb.pos_ != "NOUN":
                outcome = next((self.victim_verbs[k] for k in keys if k in self.victim_verbs), None)
                dying = any(k in self.dying_verbs for k in keys)
                if outcome is None and not dying:
                    continue
                victims = self._victims_of(verb, dying)
            else:
                continue
            if not victims or any(m.start <= victims[0].i < m.end for m in counted + found) \
                    or not self._one_person(victims[0]) or self._either(doc, verb.i):
                continue
            persons = victims[:1] + [v for v in victims[1:] if _own_determiner(v) and self._one_person(v)]
            start = victims[0].left_edge.i
            whos = {lookup(self.person_nouns, v) for v in persons} - {None}
            who = whos.pop() if len(whos) == 1 else ("people" if whos else None)
            found.append(CasualtyMention(start, victims[-1].i + 1, outcome or "killed", len(persons), None, "exact",
                                         who, verb.i))
        return found

    def _victims_of(self, verb: Token, dying: bool) -> list[Token]:
        """The people a verb kills or wounds (its object, or its passive subject; the subject of
        "die"), with those joined to them by "and"; a verb joined to another shares its object."""
        roles = ("nsubj", "expl:subj") if dying else ("obj", "dobj", "nsubj:pass", "nsubjpass")
        heads = [verb]
        if not dying and verb.dep_ == "conj" and not any(c.dep_ in roles for c in children(verb)):
            heads.append(verb.head)  # "shot and killed a man"; "a man was shot and killed"
        for head in heads:
            passive = head.i != verb.i and any(c.dep_ in ("cop", "aux:pass", "auxpass") for c in children(head))
            chain = [c for c in children(head) if c.dep_ in roles or (passive and c.dep_ == "nsubj")]
            if chain:
                break
        else:
            return []
        for token in chain[0].subtree:
            if token.dep_ == "conj" and token.head in chain and token.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
                chain.append(token)
        return sorted(set(chain), key=lambda t: t.i)

    def _one_person(self, token: Token) -> bool:
        """A single person: a singular person noun, a person's name, "he"/"she"/"him"/"her",
        a demonym ("a Palestinian"), or someone given an age ("a 16-year-old")."""
        if any(c.pos_ == "NUM" or c.dep_ == "nummod" for c in children(token)):
            return False  # counted already, or "two of them"
        morph = token.morph.get("Number")
        if token.pos_ == "PRON":
            return morph == ["Sing"] and token.morph.get("Person") == ["3"] and token.lower_ not in ("it", "que", "qui", "ce", "cela")
        if morph == ["Plur"] or token.tag_ in ("NNS", "NNPS"):
            return False
        if token.ent_type_ in ("PERSON", "PER"):
            return True
        if token.pos_ not in ("NOUN", "PROPN", "ADJ"):  # "a 16-year-old Palestinian" may be tagged an adjective
            return False
        if any(k in self.person_nouns or k in self.demonyms for k in token_keys(token)):
            return token.lower_ not in ("people", "personnel", "troops", "gens")  # no singular
        return token.pos_ != "ADJ" and any(c.lower_.endswith("year-old") for c in children(token))

    def _joined_verb(self, noun: Token) -> tuple[str, int] | None:
        """"Four policemen and a commando were killed" parsed as "policemen" heading "and [a
        commando were killed]": the verb joined to a subject noun after it governs the noun too."""
        if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("ROOT", "nsubj", "nsubj:pass", "nsubjpass"):
            return None
        for child in children(noun):
            if child.dep_ == "conj" and child.i > noun.i and child.pos_ in ("VERB", "ADJ") and self._outcome(child) \
                    and any(c.dep_ in ("aux:pass", "auxpass", "cop") for c in children(child)):
                return self._outcome(child), child.i  # type: ignore[return-value]
        return None

    def _including_parent(self, doc: Doc, start: int, mentions: list[CasualtyMention]) -> CasualtyMention | None:
        """The count a "dont cinq enfants" / "including 2 women" breaks down, if any."""
        for phrase in self.including:
            k = len(phrase)
            if start - k >= 0 and tuple(t.lower_ for t in doc[start - k:start]) == phrase:
                for mention in reversed(mentions):
                    if mention.end <= start and start - mention.end <= 4:
                        return mention
        return None


def _after_brackets(doc: Doc, i: int) -> int:
    """The index after a short remark in brackets that opens at ``i`` ("(assumed police)"), else ``i``.
    A remark that holds a count of its own ("(2 according to Taliban sources)") is no aside."""
    if i >= len(doc) or doc[i].text != "(":
        return i
    for k in range(i + 1, min(i + _WINDOW, len(doc))):
        if doc[k].text == ")":
            return k + 1
        if doc[k].like_num or doc[k].text == "(":
            return i
    return i


def _own_determiner(token: Token) -> bool:
    """Whether a noun joined by "and" names another person: "a fighter and his mother" (own
    determiner), not "a religious scholar and teacher" (one person, two nouns)."""
    return token.pos_ in ("PROPN", "PRON") or any(c.dep_ in ("det", "nmod:poss", "poss", "nummod") for c in children(token))


def _join_coordinated(doc: Doc, mentions: list[CasualtyMention], joiners: set[tuple[str, ...]]) -> list[CasualtyMention]:
    """Counts joined by "and" under one verb are one toll: "7 policemen and 1 militant were
    killed" is 8 killed, 7 of them police. A second figure for the same people ("3 soldiers (6
    according to the Taliban)") is not joined: it is no conjunct."""
    out: list[CasualtyMention] = []
    for mention in mentions:
        first = next((m for m in out if m.outcome == mention.outcome and (
            m.anchor == mention.anchor and _coordinated(doc[mention.end - 1], doc[m.end - 1], doc[m.anchor])
            or _listed(doc, m, mention, joiners))), None)
        if first is None:
            out.append(mention)
            continue
        add_toll(first, mention)
        first.end = max(first.end, mention.end)
    return out


def _listed(doc: Doc, first: CasualtyMention, mention: CasualtyMention, joiners: set[tuple[str, ...]]) -> bool:
    """Counts listed one after the other, whatever the parse: "1 policeman and 2 civilians were
    shot", "5 soldiers, 2 policemen and 1 civilian were killed", "1 council member in addition to
    3 of his guards"."""
    between = doc[first.end:mention.start]
    if between[:1].text == ",":
        between = between[1:]  # "5 soldiers, and 2 policemen"
    return first.end < mention.start and (tuple(t.lower_ for t in between) in joiners or not len(between))


def add_toll(first: CasualtyMention, mention: CasualtyMention) -> None:
    """Adds ``mention``'s count to ``first``: the total, its upper bound, the breakdown by who the
    victims were, and the qualifier ("at least" stays)."""
    if first.who and first.who != "people" and first.who not in first.breakdown:
        first.breakdown[first.who] = first.min  # "7 policemen and 1 militant": police 7, militants 1
    for who, count in mention.breakdown.items():  # its own breakdown ("including 2 children") adds too
        if who != mention.who:
            first.breakdown[who] = first.breakdown.get(who, 0) + count
    if mention.who and mention.who != "people":  # "people" is a sum the breakdown already holds
        first.breakdown[mention.who] = first.breakdown.get(mention.who, 0) + mention.breakdown.get(mention.who, mention.min)
    if first.max is not None or mention.max is not None:
        first.max = (first.max or first.min) + (mention.max or mention.min)
    first.min += mention.min
    if first.qualifier == "exact":
        first.qualifier = mention.qualifier
    if first.who != mention.who and not {first.who, mention.who} <= _ARMED:
        first.who = "people"  # civilians and soldiers together; the breakdown tells them apart


def _coordinated(token: Token, other: Token, verb: Token) -> bool:
    """Whether ``token`` is joined to ``other`` by a conjunction, directly or through others; or
    is the subject of the verb the parser joined to ``other`` ("[7 policemen] and [1 militant were
    killed]")."""
    if verb.dep_ == "conj" and verb.head.i == other.i and token.head.i == verb.i and token.i > other.i:
        return True
    for _ in range(4):
        if token.dep_ != "conj" or token.head.i == token.i:
            return False
        token = token.head
        if token.i == other.i:
            return True
    return False
