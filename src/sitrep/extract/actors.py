"""Actor mentions: curated actors matched by their aliases (``sitrep/data/actors.json``), and
patterns for the rest: a demonym with a force noun ("les soldats russes", "Ukrainian troops")
is that country's military; with a civilian or police noun, its civilians or police."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..lang import is_event_word, load_lexicon, token_keys
from ..nlp.extensions import doc_list, register_extensions
from ..resolve.countries import country_name, country_names
from .mentions import ActorMention

_STANCES = {"pro", "anti"}  # before a hyphen and a demonym: for or against a country, not of it
_WINDOW = 2  # how far from the noun a demonym may stand ("les forces armées russes")
# actors of no country named (the resolve stage knows no more either)
_GENERIC = {"police": "Police Forces", "unidentified": "Unidentified Armed Group"}
_UNIDENTIFIED_MILITARY = "Unidentified Military Forces"  # ACLED's name for a military no one identified
_MILITARY = "Military Forces"
_STATE_KINDS = ("state_forces", "police")
_OWNER_WORDS = {"of", "de", "du", "des", "d'", "d’"}  # "troops of the KNLA", "les soldats du Hamas"


@lru_cache(maxsize=1)
def actor_catalogue() -> dict[str, Any]:
    return json.loads(resources.files("sitrep.data").joinpath("actors.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def state_units() -> dict[str, dict[str, Any]]:
    """The states' units in ``actors.json`` by name ("Gendarmerie"): their kind per country, their aliases."""
    return {u["unit"]: u for u in actor_catalogue().get("units", []) if "unit" in u}


def actor_catalogue_unit(name: str) -> dict[str, Any] | None:
    """A state's unit in ``actors.json`` by its name ("Gendarmerie"): its kind per country, its aliases."""
    return state_units().get(name)


def conventional_name(name: str, sub_event_type: str, country: str | None) -> str:
    """An actor's name as ACLED writes it for a kind of event where it happened, by the
    conventions in ``actors.json`` (the air and drone strikes of the Russia-Ukraine war are
    coded to each side's Air Force)."""
    for rule in actor_catalogue().get("conventions", []):
        if name in rule["actors"] and sub_event_type == rule["sub_event_type"] and country in rule["where"]:
            return f"{name} {rule['branch']}"
    return name


def coalition_name(country: str | None, kind: str, where: str | None) -> str | None:
    """The coalition ACLED codes a state's forces as where the coalition fights (the United
    States' forces in Iraq and Syria: "Global Coalition Against Daesh"), by ``coalition_conventions``."""
    for rule in actor_catalogue().get("coalition_conventions", []):
        if rule["country"] == country and rule["kind"] == kind and where in rule["where"]:
            return rule["name"]
    return None


def crowd_identity(text: str, country: str | None, event_type: str | None) -> str | None:
    """The name ACLED gives a crowd by who they are, in the events ``crowd_identities`` lists
    ("Israeli settlers" seizing land: "Settlers (Israel)"); None for other crowds and events."""
    words = text.lower().split()
    if not words or country is None:
        return None
    for rule in actor_catalogue().get("crowd_identities", []):
        if event_type in rule["event_types"] and any(words[-1] in nouns for nouns in rule["nouns"].values()):
            return rule["name"].format(country=country_name(country) or country)
    return None


def canonical_actor(code: str, kind: str) -> str:
    """The curated name for a country's actor of a kind ("Military Forces of Russia (2000-)"),
    else the generic ACLED-style name."""
    catalogue = actor_catalogue()
    for entry in catalogue["actors"]:
        if entry["country"] == code and entry["kind"] == kind:
            return entry["name"]
    name = catalogue["generic"][kind].format(country=country_name(code) or code)
    if kind == "police":  # ACLED dates a state's police by the same government period as its military
        military = next((e["name"] for e in catalogue["actors"] if e["country"] == code and e["kind"] == "state_forces"), "")
        period = re.search(r"\(\d{4}-(?:\d{4})?\)$", military)
        name = f"{name} {period.group(0)}" if period else name
    return name


@Language.factory("sitrep_actors", requires=["doc._.sitrep_places"], assigns=["doc._.sitrep_actors"])
def make_actors(nlp: Language, name: str) -> "ActorFinder":
    return ActorFinder(nlp)


class ActorFinder:
    def __init__(self, nlp: Language) -> None:
        register_extensions()
        lex = load_lexicon(nlp.lang)
        self.lex = lex
        catalogue = actor_catalogue()
        self.entries: dict[str, dict[str, Any]] = {}
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for index, entry in enumerate(catalogue["actors"]):
            key = f"actor{index}"
            self.entries[key] = entry
            aliases = entry["aliases"].get(nlp.lang, [])
            self.matcher.add(key, [nlp.make_doc(alias) for alias in aliases])
        # a state's units ACLED names ("military police", "gendarmes"), by unit
        self.units = state_units()
        self.unit_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for unit in self.units.values():
            self.unit_matcher.add(unit["unit"], [nlp.make_doc(alias) for alias in unit["aliases"].get(nlp.lang, [])])
        self.demonyms: dict[str, str] = lex.section("actors", "demonyms")
        self.noun_kinds: dict[str, str] = {}
        for section, kind in (("force_nouns", "state_forces"), ("civilian_nouns", "civilians"),
                              ("police_nouns", "police"), ("protester_nouns", "protesters"), ("rioter_nouns", "rioters"),
                              ("armed_nouns", "unidentified"), ("militant_nouns", "militants")):
            for noun in lex.section("actors", section):
                self.noun_kinds.setdefault(noun, kind)
        self.bare_force_nouns = set(lex.section("actors", "bare_force_nouns"))
        self.home_words = set(lex.section("actors", "home_words") or [])  # "regime forces", "forces gouvernementales"
        # "an armed individual", "unknown men", "des individus armés": someone unidentified who is armed
        self.unknown_words = set(lex.section("actors", "unknown_words") or [])
        self.unidentified_forces = set(lex.section("actors", "unidentified_force_words") or [])  # "unknown military forces"
        self.anyone_nouns = set(lex.section("actors", "anyone_nouns") or [])
        # the branch a state's forces belong to, as ACLED names it: "Military Forces of Russia (2000-) Air Force"
        self.branches: dict[str, str] = lex.section("actors", "branch_words")  # "the army" alone is a state's forces
        self.adjective_first = nlp.lang == "en"
        self.counting_determiners = set(lex.section("actors", "counting_determiners") or [])  # "a", "un"
        # armed groups by their own names: the head nouns that end them, what kind each makes, the small words
        # inside names ("Tribal and Clan Forces", "Jackson la Sombra Gang"), and words that make them a state's
        self.group_heads: dict[str, str] = lex.section("actors", "group_heads") or {}
        self.name_joiners = set(lex.section("actors", "name_joiners") or [])
        self.state_force_words = set(lex.section("actors", "state_force_words") or [])
        self.country_names = set(country_names().values())  # "Afghanistan Freedom Front" is no state's, "Russian Army" is

    def __call__(self, doc: Doc) -> Doc:
        places = [p for p in doc_list(doc, "sitrep_places") if p.role == "location"]
        # "Russia struck Kharkiv", "Moscou a frappé Kyiv": a state that acts is its forces
        found = [ActorMention(p.start, p.end, p.text, canonical_actor(p.country_hint, "state_forces"), p.country_hint,
                              "state_forces") for p in doc_list(doc, "sitrep_places") if p.acts and p.country_hint]
        acting = {i for m in found for i in range(m.start, m.end)}
        for match_id, start, end in self.matcher(doc):
            entry = self.entries[doc.vocab.strings[match_id]]
            if entry["kind"] == "government" and any(p.start <= start and end <= p.end for p in places) \
                    and (not _argument_of_verb(doc[start:end]) or self.struck(doc[start:end])):
                continue  # "une frappe sur Moscou", "ont frappé Kyiv": a place, not the government ("accusé
                # Kiev d'avoir": both)
            if acting & set(range(start, end)):
                continue
            found.append(ActorMention(start, end, doc[start:end].text, entry["name"], entry["country"], entry["kind"]))
        covered = {i for m in found for i in range(m.start, m.end)}
        found += [m for m in self.find_named_groups(doc) if not covered & set(range(m.start, m.end))]
        named = {m.end: m for m in found}
        named_from = {m.start: m for m in found}
        for mention in self.find_patterns(doc):
            owner = self.owner_after(doc, mention, named_from)  # "the combined troops of the Karen National
            if owner is not None:  # Liberation Army": the named group's own
                owner.start, owner.text = mention.start, doc[mention.start:owner.end].text
                continue
            owner = named.get(mention.start)  # "Taliban militants": the named group's own fighters
            if owner is None and self.adjective_first:  # "Pakistani Taliban militants": the demonym is the group's
                inner = named.get(mention.end - 1)
                owner = inner if inner is not None and inner.start >= mention.start else None
            if owner is not None and mention.placed_as is not None:
                owner.end = max(owner.end, mention.end)
                owner.text = doc[owner.start:owner.end].text
                continue
            found.append(mention)
        found = [m for m in found if not _modifier_only(doc, m)]
        doc._.sitrep_actors = _longest_first(self.find_units(doc, found))
        return doc

    def struck(self, span) -> bool:
        """Whether a place is what an event word's verb was done to: "ont frappé Kyiv"."""
        root = span.root
        return root.dep_ in ("obj", "dobj") and is_event_word(self.lex, root.head)

    def find_patterns(self, doc: Doc) -> list[ActorMention]:
        mentions = self.find_unknown(doc) + self.find_demonym_people(doc)
        for token in doc:
            kind = next((self.noun_kinds[k] for k in token_keys(token) if k in self.noun_kinds), None)
            if kind is None:
                continue
            window = range(token.i - _WINDOW, token.i) if self.adjective_first else range(token.i + 1, token.i + 1 + _WINDOW)
            for j in window:
                code = self.demonym(doc[j]) if 0 <= j < len(doc) else None
                if code is not None:  # "Russian", "russes" (plural: its lemma)
                    start, end = min(j, token.i), max(j, token.i) + 1
                    if kind == "militants":  # "Palestinian militants": an armed group no one named
                        mentions.append(ActorMention(start, end, doc[start:end].text, canonical_actor(code, "unidentified"),
                                                     code, "rebel", placed_as="unidentified"))
                        break
                    name = canonical_actor(code, kind)
                    branch = next((self.branches[t.lower_] for t in doc[start:end] if t.lower_ in self.branches), None)
                    if kind == "state_forces" and branch:
                        name = f"{name} {branch}"
                    mentions.append(ActorMention(start, end, doc[start:end].text, name, code, kind))
                    other = self.coordinated(doc, j)
                    if other is not None and other[1] != code:  # "Russian and Ukrainian forces", "forces russes et ukrainiennes"
                        k, second = other
                        mentions.append(ActorMention(k, k + 1, doc[k].text, canonical_actor(second, kind), second, kind))
                    break
            else:
                home = next((j for j in window if 0 <= j < len(doc) and doc[j].lower_ in self.home_words), None)
                unknown = next((j for j in window if 0 <= j < len(doc) and doc[j].lower_ in self.unidentified_forces), None)
                if kind == "state_forces" and unknown is not None:  # "unknown military forces": ACLED's own name
                    start, end = min(unknown, token.i), max(unknown, token.i) + 1
                    mentions.append(ActorMention(start, end, doc[start:end].text, _UNIDENTIFIED_MILITARY, None, kind))
                elif kind == "state_forces" and home is not None:
                    start, end = min(home, token.i), max(home, token.i) + 1
                    mentions.append(ActorMention(start, end, doc[start:end].text, _MILITARY, None, kind, home=True))
                elif kind in ("civilians", "protesters", "rioters"):
                    mentions.append(ActorMention(token.i, token.i + 1, token.text, kind.title(), None, kind))
                elif kind == "militants":  # armed and fighting, like rebels; named as ACLED names the unknown
                    mentions.append(ActorMention(token.i, token.i + 1, token.text, _GENERIC["unidentified"], None, "rebel",
                                                 placed_as="unidentified"))
                elif kind in _GENERIC:
                    mentions.append(ActorMention(token.i, token.i + 1, token.text, _GENERIC[kind], None, kind))
                elif kind == "state_forces" and any(k in self.bare_force_nouns for k in token_keys(token)):
                    # "the army", "military forces": no country named, those of the country where it happened
                    mentions.append(ActorMention(token.i, token.i + 1, token.text, _MILITARY, None, kind, home=True))
        return mentions


    @staticmethod
    def owner_after(doc: Doc, mention: ActorMention, named_from: dict[int, ActorMention]) -> ActorMention | None:
        """The named actor whose forces a bare force noun is: "troops of the KNLA", "les
        combattants du Hamas" (no demonym, so no state's)."""
        if mention.country is not None or mention.kind != "state_forces" or mention.name != _MILITARY:
            return None
        k = mention.end
        if k < len(doc) and doc[k].lower_ in _OWNER_WORDS:
            k += 1
            if k < len(doc) and doc[k].pos_ == "DET":
                k += 1
        return named_from.get(k) if k > mention.end else None

    def find_units(self, doc: Doc, found: list[ActorMention]) -> list[ActorMention]:
        """"Military police officers", "Turkish gendarmerie forces", "les gendarmes": a state's unit.
        A mention of the state's forces or police that holds the unit's words carries the unit; else
        the unit is a mention of its own, with a demonym just before it, in place of the forces or
        police found inside it ("police" in "military police")."""
        matches = sorted(self.unit_matcher(doc), key=lambda m: (m[1], m[1] - m[2]))
        for match_id, start, end in matches:
            unit = self.units[doc.vocab.strings[match_id]]
            state = [m for m in found if m.kind in _STATE_KINDS and m.start < end and start < m.end]
            if any(m.unit is not None for m in state):
                continue  # a shorter alias of a unit already found
            covering = [m for m in state if m.start <= start and end <= m.end]
            if covering:
                covering[0].unit = unit["unit"]
                continue
            if any(m.kind not in _STATE_KINDS and m.start < end and start < m.end for m in found):
                continue  # inside a named actor's name
            first = start - 1 if start > 0 and self.demonym(doc[start - 1]) else start
            last = max([end] + [m.end for m in state])
            country = self.demonym(doc[first]) if first < start else next((m.country for m in state if m.country), None)
            kind = next(iter(unit["kinds"].values()))
            name = canonical_actor(country, kind) if country else ("Police Forces" if kind == "police" else _MILITARY)
            found = [m for m in found if m not in state]
            found.append(ActorMention(first, last, doc[first:last].text, name, country, kind, home=True, unit=unit["unit"]))
        return found

    def find_named_groups(self, doc: Doc) -> list[ActorMention]:
        """Armed groups the catalogue does not know, by their own name: a capitalized name ending in a
        group's head noun ("Tribal and Clan Forces", "the Afghanistan Freedom Front", "members of the
        Los Viagras gang"), named as ACLED names them, by that name. Names with a word of a state's
        forces in them ("Kenya Defence Forces", "Presidential Guard Battalion") are left to the
        patterns: they are a state's."""
        found = []
        for token in doc:
            kind = self.group_heads.get(token.lower_)
            if kind is None or not (token.is_title or kind == "group"):
                continue
            words: list = []  # the name's words before the head, leftwards
            k = token.i - 1
            while k >= 0 and (_capitalized(doc[k]) or doc[k].lower_ in self.name_joiners and words):
                words.insert(0, doc[k])
                k -= 1
            while words and (not _capitalized(words[0]) or words[0].pos_ == "DET"):
                words.pop(0)  # a name starts with a capital: "Tribal and Clan", not "and Clan" or "The"
            if not words or any(w.lower_ in self.state_force_words or self.demonym(w) and w.text not in self.country_names
                                for w in words) \
                    or words[0].is_sent_start and len(words) == 1 and words[0].pos_ != "PROPN":
                continue  # "Security Forces", "Russian Army"; "Rebel forces …" opening a sentence
            start = words[0].i
            name = " ".join(w.text for w in words) + " " + token.text[:1].upper() + token.text[1:]
            found.append(ActorMention(start, token.i + 1, doc[start:token.i + 1].text, name, None, kind))
        return found

    def find_unknown(self, doc: Doc) -> list[ActorMention]:
        """"Two armed individuals", "unknown men", "des individus armés": an unidentified armed
        group (of the country where it happened, once that is known)."""
        found = []
        for token in doc:
            if not any(k in self.anyone_nouns for k in token_keys(token)):
                continue
            window = range(token.i - _WINDOW, token.i) if self.adjective_first else range(token.i + 1, token.i + 1 + _WINDOW)
            near = [j for j in window if 0 <= j < len(doc) and doc[j].lower_ in self.unknown_words]
            if near:
                start, end = min(near[0], token.i), max(near[-1], token.i) + 1
                found.append(ActorMention(start, end, doc[start:end].text, _GENERIC["unidentified"], None, "unidentified"))
        return found

    def find_demonym_people(self, doc: Doc) -> list[ActorMention]:
        """"a Palestinian", "two Afghans", "un Palestinien": people counted by their country are its
        civilians, as ACLED codes victims not said to be armed ("the Palestinians", a people, are not)."""
        found = []
        for token in doc:
            if token.i == 0 or token.pos_ not in ("NOUN", "PROPN", "ADJ"):
                continue
            before, after = doc[token.i - 1], doc[token.i + 1] if token.i + 1 < len(doc) else None
            if not (before.pos_ == "NUM" or before.lower_ in self.counting_determiners):
                continue
            if after is not None and (after.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or after.tag_[:2] in ("NN", "JJ")):
                continue  # "a Palestinian journalist", "a US airstrike": the noun says who or what
            code = self.demonym(token)
            if code is not None:
                found.append(ActorMention(token.i, token.i + 1, token.text, canonical_actor(code, "civilians"), code, "civilians"))
        return found

    def coordinated(self, doc: Doc, j: int) -> tuple[int, str] | None:
        """The demonym joined to the one at ``j`` by a conjunction, on the side away from the noun."""
        k = j - 2 if self.adjective_first else j + 2
        if not 0 <= k < len(doc) or doc[(j + k) // 2].pos_ != "CCONJ":
            return None
        code = self.demonym(doc[k])
        return (k, code) if code is not None else None

    def demonym(self, token) -> str | None:
        """The country of a demonym, by its lemma or form, or its form without the plural's "s"
        (the French lemmatizer reads "ukrainiennes" as a verb)."""
        doc, i = token.doc, token.i
        if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in _STANCES and not doc[i - 2].whitespace_:
            return None  # "pro-Palestinian demonstrators", "anti-Russian protesters": a stance, not a nationality
        keys = list(token_keys(token)) + ([token.lower_[:-1]] if token.lower_.endswith("s") else [])
        return next((self.demonyms[k] for k in keys if k in self.demonyms), None)


def _capitalized(token) -> bool:
    return token.text[:1].isupper() and token.is_alpha


def _argument_of_verb(span) -> bool:
    """A place name that is a verb's subject or object ("accused Kyiv of", "Moscou a démenti")."""
    if not span.doc.has_annotation("DEP"):
        return False
    root = span.root
    return root.dep_.split(":")[0] in ("nsubj", "obj", "dobj", "iobj", "xcomp") and root.head.pos_ in ("VERB", "AUX")


def _longest_first(mentions: list[ActorMention]) -> list[ActorMention]:
    """Drop mentions inside longer ones; keep text order."""
    kept: list[ActorMention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


def _modifier_only(doc: Doc, mention: ActorMention) -> bool:
    """"des blogueurs militaires russes": "militaires russes" only describes another noun."""
    if not doc.has_annotation("POS"):
        return False
    first = doc[mention.start]
    return first.pos_ == "ADJ" and mention.start > 0 and doc[mention.start - 1].pos_ in ("NOUN", "PROPN")
