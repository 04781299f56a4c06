"""Events: trigger words mapped to shared concepts (STRIKE, CLASH, CAPTURE, KILL, ARREST…),
coded with ACLED's types and sub-types from the concept, the weapon named, the actors and the
victims; tied to the actors, place, time and casualties of the sentences that tell them.

Language knowledge lives in ``sitrep/lang/<lang>/lexicon.json``; the coding rules here and in
``sitrep/data/taxonomy.json`` work on concepts only, so a new language is new data, not new logic.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..lang import load_lexicon, lookup, token_keys
from ..nlp.syntax import children, span_root
from ..nlp.extensions import doc_list, register_extensions
from .actors import canonical_actor
from .mentions import ActorMention, CasualtyMention, EventMention, PlaceMention, TimeMention

COMBATANTS = {"soldiers", "militants", "attackers", "police"}
_BACKGROUND_DAYS = 60  # an event dated this long before the article is background, not news


@lru_cache(maxsize=1)
def acled_taxonomy() -> dict[str, Any]:
    return json.loads(resources.files("sitrep.data").joinpath("taxonomy.json").read_text(encoding="utf-8"))


def event_type_of(sub_event_type: str) -> str:
    for event_type, subs in acled_taxonomy()["taxonomy"].items():
        if sub_event_type in subs:
            return event_type
    raise KeyError(sub_event_type)


@Language.factory(
    "sitrep_events",
    requires=["doc._.sitrep_places", "doc._.sitrep_times", "doc._.sitrep_actors", "doc._.sitrep_casualties"],
    assigns=["doc._.sitrep_events"],
)
def make_events(nlp: Language, name: str) -> "EventFinder":
    return EventFinder(nlp.lang)


class EventFinder:
    def __init__(self, lang: str) -> None:
        register_extensions()
        lex = load_lexicon(lang)
        self.triggers: dict[str, str] = lex.section("triggers")
        self.instruments: dict[str, str] = lex.section("instruments")
        self.demonyms: dict[str, str] = lex.section("actors", "demonyms")
        self.hypothetical = set(lex.section("modality", "hypothetical"))
        self.negation = set(lex.section("modality", "negation"))
        self.background = set(lex.section("modality", "background"))
        taxonomy = acled_taxonomy()
        self.concepts: dict[str, dict[str, Any]] = taxonomy["concepts"]
        self.instrument_subtypes: dict[str, str] = taxonomy["instrument_subtypes"]

    def __call__(self, doc: Doc) -> Doc:
        sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        in_times = {i for t in doc_list(doc, "sitrep_times") for i in range(t.start, t.end)}  # "March" is a month
        candidates: list[EventMention] = []
        for sentence in sentences:
            candidates.extend(self.sentence_events(doc, sentence, in_times))
        events = merge_events(candidates)
        lead_time = next((t for t in doc_list(doc, "sitrep_times") if t.type in ("DATE", "TIME") and t.first_day), None)
        for event in events:
            if event.time is None and lead_time is not None and event.modality != "background":
                event.time = lead_time
            if event.modality == "asserted" and self.is_background(doc, event):
                event.modality = "background"
        doc._.sitrep_events = events
        return doc

    # ---------------------------------------------------------------- one sentence

    def sentence_events(self, doc: Doc, sentence: Span, in_times: set[int]) -> list[EventMention]:
        triggers = [(t, lookup(self.triggers, t)) for t in sentence if t.i not in in_times]
        triggers = [(t, c) for t, c in triggers if c is not None and self._is_trigger(t)]
        if not triggers:
            return []
        casualties = [c for c in doc_list(doc, "sitrep_casualties") if sentence.start <= c.anchor < sentence.end]
        # the strongest trigger codes the event; casualty verbs only code one when nothing else does
        triggers.sort(key=lambda tc: -self.concepts[tc[1]]["rank"])
        events: list[EventMention] = []
        for token, concept in triggers:
            event = self.code(doc, sentence, token, concept, casualties)
            if any(e.sub_event_type == event.sub_event_type for e in events):
                continue
            if events and self.concepts[concept]["rank"] <= 2:
                continue  # "tuées" in a sentence that already tells a strike
            events.append(event)
        return events

    @staticmethod
    def _is_trigger(token: Token) -> bool:
        return token.pos_ not in ("PROPN", "ADP", "DET", "PRON", "AUX")

    def code(self, doc: Doc, sentence: Span, trigger: Token, concept: str,
             casualties: list[CasualtyMention]) -> EventMention:
        spec = self.concepts[concept]
        if spec.get("weapon_object") and self.weapon_object(trigger):  # "abattu onze drones"
            concept = spec["weapon_object"]
            spec = self.concepts[concept]
        sub = spec["sub"]
        instrument = self.instrument(sentence, trigger)
        if spec.get("uses_instrument") and instrument in self.instrument_subtypes:
            sub = self.instrument_subtypes[instrument]
        actor1, actor2 = self.actors(doc, sentence, trigger)
        killed = next((c for c in casualties if c.outcome == "killed"), None)
        injured = next((c for c in casualties if c.outcome == "injured"), None)
        if concept == "CAPTURE" and actor1 is not None and actor1.kind == "state_forces":
            sub = spec["state_sub"]
        if actor1 is None and "crowd" in spec:  # ACLED codes the crowd itself: "Protesters (Kenya)", "Rioters (Chad)"
            actor1 = ActorMention(trigger.i, trigger.i + 1, "", spec["crowd"].title(), None, spec["crowd"])
        victims = (killed or injured).who if (killed or injured) else None
        if concept in ("KILL", "INJURE") and sub == spec["sub"]:
            if victims in COMBATANTS or (actor2 is not None and actor2.kind in ("state_forces", "rebel")):
                sub = spec["combatant_sub"]
        if actor2 is None and victims in ("civilians", "children", "women"):
            actor2 = ActorMention(trigger.i, trigger.i + 1, "", "Civilians", None, "civilians")
        if "civilian_sub" in spec and sub == spec["sub"] and actor2 is not None and actor2.kind == "civilians":
            sub = spec["civilian_sub"]  # an attack on civilians with no weapon named
        return EventMention(
            trigger=trigger.i, concept=concept, event_type=event_type_of(sub), sub_event_type=sub,
            sentences=[(sentence.start, sentence.end)], actor1=actor1, actor2=actor2,
            place=self.place(doc, sentence, trigger), time=self.time(doc, sentence, trigger),
            fatalities=killed, injuries=injured, modality=self.modality(trigger),
        )

    def weapon_object(self, trigger: Token) -> bool:
        """The thing killed or destroyed is a weapon: a drone or missile shot down."""
        objects = [c for c in children(trigger) if c.dep_ in ("obj", "dobj", "nsubj:pass")]
        if not trigger.doc.has_annotation("DEP"):
            objects = list(trigger.doc[trigger.i + 1:trigger.i + 4])
        return any(lookup(self.instruments, t) in self.instrument_subtypes for t in objects)

    def instrument(self, sentence: Span, trigger: Token) -> str | None:
        near = sorted(sentence, key=lambda t: abs(t.i - trigger.i))
        for token in near:
            value = lookup(self.instruments, token)
            if value:
                return value
        return None

    def actors(self, doc: Doc, sentence: Span, trigger: Token) -> tuple[ActorMention | None, ActorMention | None]:
        mentions = [a for a in doc_list(doc, "sitrep_actors") if sentence.start <= a.start < sentence.end]
        if doc.has_annotation("DEP"):
            subj = self._by_role(mentions, trigger, ("nsubj", "obl:agent", "agent", "nmod"), before_only=True)
            obj = self._by_role(mentions, trigger, ("obj", "dobj", "nsubj:pass", "obl", "obl:arg", "nmod"), before_only=False)
        else:
            subj = obj = None
        actor1 = subj or next((a for a in reversed(mentions) if a.end <= trigger.i and a.kind not in ("civilians",)), None)
        if actor1 is None:  # "une frappe russe", "Russian strike"
            nearby = [t for t in trigger.subtree if abs(t.i - trigger.i) <= 4] if doc.has_annotation("DEP") else []
            for child in nearby + list(doc[max(trigger.i - 1, 0):trigger.i + 2]):
                code = next((self.demonyms[k] for k in token_keys(child) if k in self.demonyms), None)
                if code:
                    actor1 = ActorMention(child.i, child.i + 1, child.text, canonical_actor(code, "state_forces"),
                                          code, "state_forces")
                    break
        actor2 = obj if obj is not actor1 else None
        if actor2 is None and not doc.has_annotation("DEP"):
            actor2 = next((a for a in mentions if a.start > trigger.i and a is not actor1), None)
        return actor1, actor2

    @staticmethod
    def _by_role(mentions: list[ActorMention], trigger: Token, deps: tuple[str, ...], before_only: bool) -> ActorMention | None:
        doc = trigger.doc
        for mention in mentions:
            root = span_root(doc[mention.start:mention.end])
            if before_only and mention.start > trigger.i and root.dep_ != "obl:agent":
                continue
            if root.head.i == trigger.i and root.dep_ in deps:
                return mention
        return None

    def place(self, doc: Doc, sentence: Span, trigger: Token) -> PlaceMention | None:
        places = [p for p in doc_list(doc, "sitrep_places") if sentence.start <= p.start < sentence.end and p.role == "location"]
        if not places:
            return None
        if doc.has_annotation("DEP"):
            for place in places:  # governed by the trigger: "une frappe sur Odessa"
                head = span_root(doc[place.start:place.end])
                for _ in range(3):
                    if head.head.i == trigger.i:
                        return place
                    head = head.head
        after = [p for p in places if p.start > trigger.i]
        return after[0] if after else places[-1]

    def time(self, doc: Doc, sentence: Span, trigger: Token) -> TimeMention | None:
        times = [t for t in doc_list(doc, "sitrep_times") if sentence.start <= t.start < sentence.end and t.type != "DURATION"]
        return min(times, key=lambda t: abs(t.start - trigger.i)) if times else None

    def modality(self, trigger: Token) -> str:
        kids = children(trigger)
        verbs = [trigger] + [c for c in kids if c.dep_.startswith("aux")]
        if trigger.dep_ in ("xcomp",) and trigger.head.lemma_.lower() in self.hypothetical:
            return "hypothetical"
        if any(t.lower_ in self.hypothetical and t.dep_.startswith("aux") for t in kids):
            return "hypothetical"
        if any(c.lower_ in self.negation and c.dep_ in ("advmod", "neg") for c in kids):
            return "denied"
        if any("Cnd" in t.morph.get("Mood") for t in verbs):
            return "reported"
        return "asserted"

    def is_background(self, doc: Doc, event: EventMention) -> bool:
        """Recalled as context ("depuis 2022", a date months before the article)."""
        time = event.time
        if time is None or not time.first_day:
            return False
        if time.start > 0 and doc[time.start - 1].lower_ in self.background and time.precision in ("year", "month"):
            return True
        reference = doc._.sitrep_reference
        if reference is None or time.last_day is None:
            return False
        return date.fromisoformat(time.last_day) < reference - timedelta(days=_BACKGROUND_DAYS)


def merge_events(candidates: list[EventMention]) -> list[EventMention]:
    """One event told in several sentences is one event: merge a candidate into an earlier one of
    the same sub-type whose place does not contradict it, and fold casualty-only sentences
    ("Trois personnes ont été tuées.") into the event just before them."""
    merged: list[EventMention] = []
    for event in candidates:
        target = next((m for m in reversed(merged) if _same_event(m, event)), None)
        if target is None:
            merged.append(event)
            continue
        target.sentences.extend(s for s in event.sentences if s not in target.sentences)
        for name in ("actor1", "actor2", "place", "time", "fatalities", "injuries"):
            if getattr(target, name) is None and getattr(event, name) is not None:
                setattr(target, name, getattr(event, name))
    return merged


def _same_event(earlier: EventMention, later: EventMention) -> bool:
    if earlier.modality != later.modality and "background" in (earlier.modality, later.modality):
        return False
    if later.concept in ("KILL", "INJURE") and later.sub_event_type in ("Attack", "Armed clash"):
        adjacent = later.sentences[0][0] - earlier.sentences[-1][1] <= 1
        if adjacent and earlier.concept not in ("KILL", "INJURE") and earlier.event_type != "Strategic developments":
            return later.place is None or earlier.place is None or _same_place(earlier.place, later.place)
    if earlier.sub_event_type != later.sub_event_type:
        return False
    if earlier.place is not None and later.place is not None:
        return _same_place(earlier.place, later.place)
    return later.sentences[0][0] - earlier.sentences[-1][1] <= 1


def _same_place(a: PlaceMention, b: PlaceMention) -> bool:
    return a.text.lower() == b.text.lower()
