"""Events: trigger words mapped to shared concepts (STRIKE, CLASH, CAPTURE, KILL, ARREST…),
coded with ACLED's types and sub-types from the concept, the weapon named, the actors and the
victims; tied to the actors, place, time and casualties of the sentences that tell them.

Language knowledge lives in ``sitrep/lang/<lang>/lexicon.json``; the coding rules here and in
``sitrep/data/taxonomy.json`` work on concepts only, so a new language is new data, not new logic.
Words and phrases ("set fire", "opened fire", "set up") map to concepts; instruments and object
classes (weapons, bases, territory, tear gas, natural causes) say what a trigger was done with or
to; a sentence that tells a protest tells one protest event, coded by what else happened in it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
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
from .casualties import add_toll
from .mentions import ActorMention, CasualtyMention, EventMention, PlaceMention, TimeMention

COMBATANTS = {"soldiers", "militants", "attackers", "police"}
ARMED_KINDS = ("state_forces", "rebel", "group")  # actors that can be a side of a battle
ARMED_OR_POLICE = ARMED_KINDS + ("police", "unidentified")  # anyone who bears arms, named or not
_CLAUSAL = {"ccomp", "xcomp", "advcl", "parataxis", "acl"}  # links from a clause to the verb it depends on
_BACKGROUND_DAYS = 60  # an event dated this long before the article is background, not news
# An event is dated by the finest date of its sentence: "On 1 December, protesters ... against the 1987 law",
# "Around 1 December, for a second time this week, workers ..." are about the day.
_DATE_RANK = {"day": 0, "part-of-day": 0, "week": 1, "part-of-month": 2, "month": 2, "quarter": 3, "season": 3,
              "year": 4, "decade": 5}


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
        self.privatives = set(lex.section("modality", "privatives") or [])
        self.background = set(lex.section("modality", "background"))
        self.cause_markers = {tuple(m.split()) for m in lex.section("modality", "cause_markers") or []}
        # what a protest is against is no act of it: "marched against ... the fanning of ethnic clashes"
        self.grievance_prepositions = set(lex.section("modality", "grievance_prepositions") or [])
        self.grievance_verbs = set(lex.section("modality", "grievance_verbs") or [])
        self.protest_plans = set(lex.section("modality", "protest_plans") or [])  # "for organising a protest"
        self.attribution = lex.section("attribution", "verbs")
        self.person_nouns: dict[str, str] = lex.section("casualties", "person_nouns")
        self.agent_markers = set(lex.section("actors", "agent_markers"))
        # "settlers, under the protection of Israeli forces, raided": who escorts does not act
        self.escort_cues = [tuple(cue.split()) for cue in lex.section("actors", "escort_cues") or []]
        # "were repelled by": the agent defends; "were fired upon by": it attacks
        self.defense_verbs = set(lex.section("actors", "defense_verbs") or [])
        self.placing_verbs = {verb: True for verb in lex.section("actors", "placing_verbs") or []}
        self.between_markers = set(lex.section("actors", "between_markers") or [])
        self.additional = set(lex.section("casualties", "additional_markers") or [])  # "another attack", "also"
        self.crowd_nouns = {noun: True for section in ("civilian_nouns", "protester_nouns", "rioter_nouns")
                            for noun in lex.section("actors", section)}  # people who may riot
        self.anyone_nouns = set(lex.section("actors", "anyone_nouns"))  # "men", "individuals": anyone
        self.civilian_nouns = {noun: "civilians" for noun in lex.section("actors", "civilian_nouns")}
        self.civilian_objects = set(lex.section("actors", "civilian_objects") or [])  # "fired at Palestinian houses"
        taxonomy = acled_taxonomy()
        self.concepts: dict[str, dict[str, Any]] = taxonomy["concepts"]
        self.instrument_subtypes: dict[str, str] = taxonomy["instrument_subtypes"]
        self.weapon_classes = set(self.instrument_subtypes) | set(taxonomy["weapon_classes"])
        self.scene: dict[str, Any] = taxonomy["protest_scene"]
        self.priority: list[str] = taxonomy["instrument_priority"]
        self.not_violence = set(taxonomy["not_violence"])
        self.generic_instruments = set(taxonomy["generic_instruments"])
        self.longest_phrase = max((len(k.split()) for table in (self.triggers, self.instruments) for k in table), default=1)
        self._first_words: dict[int, set[str]] = {}

    def __call__(self, doc: Doc) -> Doc:
        sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        in_times = {i for t in doc_list(doc, "sitrep_times") for i in range(t.start, t.end)}  # "March" is a month
        candidates: list[EventMention] = []
        for sentence in sentences:
            candidates.extend(self.sentence_events(doc, sentence, in_times))
        events = merge_events(candidates)
        events = self.protests_turned_violent(doc, events, sentences, in_times)
        events = intercepted(events)
        lead_time = next((t for t in doc_list(doc, "sitrep_times") if t.type in ("DATE", "TIME") and t.first_day), None)
        for event in events:
            if event.time is None and lead_time is not None and event.modality != "background":
                event.time = lead_time
            if event.place is None:  # "… an operation in Sokolo (Niono, Segou). One civilian was killed": where the
                # narrative is (once events are merged: a place taken from the context tells no other event apart)
                event.place = self._narrative_place(doc, sentences, event.sentences[0][0])
            if event.modality == "asserted" and self.is_background(doc, event):
                event.modality = "background"
        doc._.sitrep_events = events
        return doc

    # ---------------------------------------------------------------- one sentence

    def sentence_events(self, doc: Doc, sentence: Span, in_times: set[int]) -> list[EventMention]:
        triggers = self.find_triggers(sentence, in_times) or self.crowd_acting(doc, sentence)
        # "withdrew without a fight", "sans combat": what did not happen is no event, nor a denied one
        triggers = [(t, c) for t, c in triggers if not any(k.lower_ in self.privatives and k.dep_ in ("case", "mark")
                                                           for k in children(t))]
        if not triggers:
            return []
        casualties = [c for c in doc_list(doc, "sitrep_casualties") if sentence.start <= c.anchor < sentence.end]
        instruments = self.instrument_map(sentence)
        # the strongest trigger codes the event; casualty verbs only code one when nothing else does. What the
        # sentence gives as a cause ("displaced due to clashes") or as not done ("to prevent protests") comes after.
        causes = {t.i for t, _ in triggers if self.is_cause(t)}
        if not any(t.i not in causes and self.concepts[c]["rank"] > 2 for t, c in triggers):
            causes = set()  # "four were killed following an attack": the attack is what the sentence tells

        def order(token: Token, *concepts: str) -> tuple[bool, bool, int]:
            rank = min(self.concepts[c]["rank"] for c in concepts)
            return token.i in causes, self.modality(token) not in ("asserted", "reported"), -rank

        triggers.sort(key=lambda tc: order(*tc))
        coded: list[EventMention] = []
        accident = False
        for token, concept in triggers:
            if self.concepts[concept].get("cue_only"):
                continue
            if self.causes(token, instruments) & self.not_violence:
                accident = True  # "an earthquake hit Java", "a boiler exploded"
                continue
            event = self.code(doc, sentence, token, concept, casualties, instruments)
            if event is not None:
                coded.append(event)
        # a trigger its object recoded to a weaker concept ranks as that: "seized livestock" is looting, not a capture
        coded.sort(key=lambda e: order(doc[e.trigger], e.concept, e.word_concept))
        if accident:  # "…, killing eight people": the dead of the earthquake
            coded = [e for e in coded if self.concepts[e.concept]["rank"] > 2]
        disaster = any(value == "NATURAL" and not (doc[i].is_title and not doc[i].is_sent_start)  # not "Al Aqsa Flood"
                       for i, value in instruments.items())
        if disaster and not set(instruments.values()) & self.weapon_classes:
            # a disaster told with no weapon: what happened in it was done by no one the text names ("a strong
            # earthquake killed eight people, including a woman whose motorcycle was hit by falling rocks");
            # crowds still gather
            coded = [e for e in coded if e.actor1 is not None and e.actor1.text
                     or e.event_type in ("Protests", "Riots")]
        coded = self.protest_scene(doc, sentence, triggers, coded, instruments)
        if any(self.concepts[c].get("answers") for _, c in triggers):
            coded = [self.answered(doc, sentence, e) for e in coded]
        events: list[EventMention] = []
        for event in coded:
            if any(e.sub_event_type == event.sub_event_type for e in events):
                continue
            if events and self.concepts[event.concept]["rank"] <= 2:
                continue  # "tuées" in a sentence that already tells a strike
            events.append(event)
        return events

    def is_cause(self, trigger: Token) -> bool:
        """Whether the trigger is told as the cause of something else: after a cause marker ("due to
        clashes", "for fear of being attacked", "after fleeing the fighting"), in the same clause."""
        doc = trigger.doc
        start = max(trigger.sent.start, trigger.i - _CAUSE_WINDOW)
        for i in range(trigger.i - 1, start - 1, -1):
            for marker in self.cause_markers:
                n = len(marker)
                if i - n + 1 >= start and all(word in (t.lower_, t.lemma_.lower())  # "en raison des": "de"
                                              for word, t in zip(marker, doc[i - n + 1:i + 1])):
                    return True
            if doc[i].is_punct or doc[i].pos_ == "VERB":
                return False
        return False

    def is_grievance(self, trigger: Token) -> bool:
        """Whether the trigger is what people protest against ("marched against ... the fanning of ethnic
        clashes", "to denounce the killing of"): inside a phrase opened by "against", "contre", or the
        object of "denounce", "dénoncer", before the clause's verb."""
        doc = trigger.doc
        if trigger.pos_ in ("NOUN", "PROPN"):  # the words, where the parse breaks the list ("against X, fanning of clashes")
            for t in reversed(doc[trigger.sent.start:trigger.i]):
                if t.lower_ in self.grievance_prepositions:
                    return True
                if t.pos_ in ("VERB", "AUX"):
                    break
        if not doc.has_annotation("DEP"):
            return False
        token = trigger
        for _ in range(_GRIEVANCE_DEPTH):
            if any(c.dep_ == "case" and c.lower_ in self.grievance_prepositions for c in token.children):
                return True
            if token is not trigger and token.pos_ == "VERB":
                return any(k in self.grievance_verbs for k in token_keys(token))
            if token.head.i == token.i:
                return False
            token = token.head
        return False

    def is_planned(self, trigger: Token) -> bool:
        """Whether a protest word is told as organised, incited or awaited, not as happening: one of
        ``protest_plans`` ("organising", "anticipation", "incitement"; not "organized", a protest held) a few
        words before it, with no finite verb between ("the organization held a demonstration")."""
        doc = trigger.doc
        for i in range(trigger.i - 1, max(trigger.sent.start, trigger.i - _PLAN_WINDOW) - 1, -1):
            if doc[i].lower_ in self.protest_plans:
                return True
            if doc[i].is_punct or doc[i].pos_ in ("VERB", "AUX") and "Fin" in doc[i].morph.get("VerbForm"):
                return False
        return False

    def answered(self, doc: Doc, sentence: Span, event: EventMention) -> EventMention:
        """"SAF air-raids targeted RSF while RSF responded with anti-aircraft fire": a remote attack its
        target answers with fire is a battle (ACLED), when another armed side is named in the sentence."""
        if event.event_type != "Explosions/Remote violence" or event.actor1 is None:
            return event
        others = [a for a in doc_list(doc, "sitrep_actors") if sentence.start <= a.start < sentence.end
                  and a.kind in ARMED_KINDS + ("police",) and a.name != event.actor1.name]
        if others:
            event.sub_event_type, event.event_type = "Armed clash", "Battles"
            if event.actor2 is None:
                event.actor2 = others[0]
        return event

    def find_triggers(self, sentence: Span, in_times: set[int]) -> list[tuple[Token, str]]:
        """Trigger words and phrases ("set fire", "opened fire", "set up") with their concept; a
        phrase mapped to "-" is not a trigger at all ("take place")."""
        found: list[tuple[Token, str]] = []
        skip_to = sentence.start
        for token in sentence:
            if token.i < skip_to or token.i in in_times:
                continue
            concept, length = self.phrase(self.triggers, token, sentence.end)
            if length > 1:
                skip_to = token.i + length
                if concept != "-" and self._is_trigger(token):
                    found.append((_phrase_head(sentence.doc[token.i:token.i + length]), concept))
                continue
            if concept is None or concept == "-" or not self._is_trigger(token) or not self._fits(token, concept):
                continue
            found.append((token, concept))
        return found

    def crowd_acting(self, doc: Doc, sentence: Span) -> list[tuple[Token, str]]:
        """"Protesters poured into the streets": a crowd doing anything is a protest, when the
        sentence has no other trigger."""
        if not doc.has_annotation("DEP"):
            return []
        for mention in doc_list(doc, "sitrep_actors"):
            if sentence.start <= mention.start < sentence.end and mention.kind == "protesters":
                root = span_root(doc[mention.start:mention.end])
                if root.dep_ == "nsubj" and root.head.pos_ == "VERB" and lookup(self.attribution, root.head) is None:
                    return [(root.head, "PROTEST")]
        return []

    def phrase(self, table: dict[str, str], token: Token, end: int) -> tuple[str | None, int]:
        """The value of the longest phrase of ``table`` starting at ``token`` (by lemmas or by
        lowercase forms) and how many tokens it takes; else the single word's value and 1 (0: none)."""
        doc = token.doc
        firsts = self._first_words.get(id(table))
        if firsts is None:  # the words multi-word phrases of the table start with
            firsts = self._first_words[id(table)] = {key.split()[0] for key in table if " " in key}
        starts = (token.lemma_.lower() or token.lower_) in firsts or token.lower_ in firsts
        for n in range(min(self.longest_phrase, end - token.i), 1, -1) if starts else ():
            words = doc[token.i:token.i + n]
            lemmas, forms = [t.lemma_.lower() or t.lower_ for t in words], [t.lower_ for t in words]
            # by lemmas, by forms, and as a dictionary writes it: the verb's lemma, the rest as written
            for key in (" ".join(lemmas), " ".join(forms), " ".join(lemmas[:1] + forms[1:])):
                if key in table:
                    return table[key], n
        value = lookup(table, token)
        return value, 1 if value is not None else 0

    def _fits(self, token: Token, concept: str) -> bool:
        """A concept marked ``verb_or_modified`` is a trigger as a verb ("fired at"), or as a noun
        only when something qualifies it ("artillery fire", "police firing"), not "put out the fire". One
        marked ``verb_only`` is a trigger only as a verb ("launched missiles", not "missile launch pads")."""
        if self.concepts[concept].get("verb_only"):
            return token.pos_ in ("VERB", "")
        if not self.concepts[concept].get("verb_or_modified") or token.pos_ in ("VERB", ""):
            return True
        return any(c.dep_ in ("compound", "nmod", "amod", "nmod:poss", "poss") for c in children(token))

    @staticmethod
    def _is_trigger(token: Token) -> bool:
        """Not a name, a preposition, a determiner, a pronoun or an auxiliary. A word written in
        lowercase is no name, whatever the tagger says ("warplanes struck", tagged PROPN)."""
        if token.pos_ == "PROPN":
            return token.is_lower
        return token.pos_ not in ("ADP", "DET", "PRON", "AUX")

    def code(self, doc: Doc, sentence: Span, trigger: Token, concept: str, casualties: list[CasualtyMention],
             instruments: dict[int, str]) -> EventMention | None:
        word_concept = concept
        spec = self.concepts[concept]
        object_classes = self.object_classes(trigger, instruments)
        if spec.get("weapon_object") and object_classes & self.weapon_classes:  # "abattu onze drones", "seized weapons"
            concept = spec["weapon_object"]
            spec = self.concepts[concept]
        elif spec.get("property_object") and "PROPERTY" in object_classes:  # "seized 300 dunams of land"
            concept = spec["property_object"]
            spec = self.concepts[concept]
        elif spec.get("needs_object") and not object_classes & set(spec["needs_object"]):
            return None  # "set up a committee" is no base, "found the body" no weapons cache
        elif spec.get("needs_subject") and not self.subject_classes(trigger, instruments) & set(spec["needs_subject"]):
            return None  # "a rocket fell near the school" is a strike; "the town fell", "prices fell" are not
        sub = spec["sub"]
        instrument = self.instrument(trigger, instruments)
        if instrument in self.generic_instruments and event_type_of(sub) == "Explosions/Remote violence":
            instrument = None  # "dropped bombs" stays an air strike
        if set(spec.get("direct_fire", ())) & set(instruments.values()):
            instrument = None  # mortars fired with machine guns and small arms: a clash
        instrument = spec.get("thrown", {}).get(instrument, instrument)  # "threw an explosive device": a grenade attack
        if spec.get("uses_instrument") and instrument in self.instrument_subtypes:
            sub = self.instrument_subtypes[instrument]
        actor1, actor2 = self.actors(doc, sentence, trigger, casualties, placer_acts=not spec.get("counters_weapons"))
        if spec.get("unarmed_only") and actor1 is not None and actor1.kind in ARMED_OR_POLICE:
            return None  # "residents fled" is a displacement; "the attackers fled" is not
        if spec.get("needs_weapon") and not set(instruments.values()) & self.weapon_classes \
                and not (actor1 is not None and actor1.kind == "state_forces" and actor1.text):
            return None  # "intercepted 20 smugglers", "migrants were intercepted": no weapon stopped; what an army
            # intercepts ("a 'suspicious object' over Netivot") is one
        if spec.get("needs_armed") and instrument not in self.instrument_subtypes and not (
                actor1 is not None and actor1.kind in ARMED_OR_POLICE
                and any(actor1 is a for a in doc_list(doc, "sitrep_actors"))):  # named, not a bare demonym
            return None  # "artillery targeted the outskirts" is an attack; "the sanctions target banks" is not
        killed = next((c for c in casualties if c.outcome == "killed"), None)
        injured = next((c for c in casualties if c.outcome == "injured"), None)
        if "state_sub" in spec and actor1 is not None and actor1.kind in ("state_forces", "police"):
            sub = spec["state_sub"]  # territory taken by government forces: from rebels, or from another state
            if "foreign_sub" in spec and _other_state_named(doc, actor1):
                sub = spec["foreign_sub"]
        if actor1 is None and "crowd" in spec:  # ACLED codes the crowd itself: "Protesters (Kenya)", "Rioters (Chad)"
            actor1 = ActorMention(trigger.i, trigger.i + 1, "", spec["crowd"].title(), None, spec["crowd"])
        victims = _victims(killed or injured)
        if "crowd_sub" in spec and actor1 is not None and actor1.kind == "civilians" and self._crowd(doc, actor1) \
                and not _passive(trigger) and not any(c.start <= actor1.start < c.end for c in casualties) \
                and not _labelled(sentence):  # "Looting: herders raided …", "Property destruction: settlers damaged …"
            # "villagers assaulted and killed a tea seller", "settlers threw rocks": people who are no armed
            # group, acting together, riot (ACLED's mob violence); their victims are the civilians
            sub = spec["crowd_sub"]
            actor1 = _as_rioters(actor1)
        if "combatant_sub" in spec and sub == spec["sub"]:
            armed_agent = actor1 is not None and actor1.kind in ("state_forces", "rebel") and victims in COMBATANTS | {None} \
                and (actor2 is None or actor2.kind != "civilians")  # an army shooting a journalist does not fight
            if victims in COMBATANTS or (actor2 is not None and actor2.kind in ("state_forces", "rebel")) or armed_agent:
                sub = spec["combatant_sub"]  # an army killing militants fights them
        if actor2 is None and victims in ("civilians", "children", "women"):
            actor2 = ActorMention(trigger.i, trigger.i + 1, "", "Civilians", None, "civilians")
        if "civilian_sub" in spec and sub == spec["sub"] and actor2 is None and victims is None:
            target = self.civilian_target(trigger)  # "opened fire at Palestinian houses", "on farmland"
            if target is not None:
                code = next((self.demonyms[k] for t in children(target) for k in token_keys(t) if k in self.demonyms), None)
                actor2 = ActorMention(target.i, target.i + 1, target.text,
                                      canonical_actor(code, "civilians") if code else "Civilians", code, "civilians")
        if "civilian_sub" in spec and sub == spec["sub"] and actor2 is not None and actor2.kind == "civilians":
            sub = spec["civilian_sub"]  # an attack on civilians with no weapon named
        if "unidentified_sub" in spec and sub == spec["sub"] and _one_sided(actor1, actor2, victims):
            sub = spec["unidentified_sub"]  # gunmen opening fire on a bus, a bar, a village
        if "nonstate_sub" in spec and self._nonstate_agent(trigger, actor1):
            sub = spec["nonstate_sub"]  # rebels retaking a town
        if sub == "Armed clash":
            actor1, actor2 = self.attacker_first(doc, sentence, trigger, actor1, actor2)
            if actor1 is None and actor2 is not None and actor2.kind in ARMED_OR_POLICE:
                # "2 soldiers were killed during clashes with the Taliban": the side named is one, the dead the other
                actor1, actor2 = actor2, next((m for m in doc_list(doc, "sitrep_actors") if m.kind in ARMED_OR_POLICE
                                               and any(c.start <= m.start < c.end for c in casualties)), None)
        if event_type_of(sub) == "Violence against civilians" and (actor1 is None or actor1.kind == "civilians"):
            # "a man was shot dead": the civilians are the victims, and ACLED codes the unnamed perpetrator
            # (of the country, once placed)
            if actor1 is not None and actor2 is None:
                actor2 = actor1
            actor1 = ActorMention(trigger.i, trigger.i + 1, "", "Unidentified Armed Group", None, "unidentified")
        return EventMention(
            trigger=trigger.i, concept=concept, event_type=event_type_of(sub), sub_event_type=sub,
            sentences=[(sentence.start, sentence.end)], actor1=actor1, actor2=actor2,
            place=self.place(doc, sentence, trigger), time=self.time(doc, sentence, trigger),
            fatalities=killed, injuries=injured, modality=self.modality(trigger), word_concept=word_concept,
            adds=self.tells_another(doc, sentence, trigger, casualties),
        )

    def tells_another(self, doc: Doc, sentence: Span, trigger: Token, casualties: Sequence[CasualtyMention]) -> bool:
        """Whether the sentence tells another incident, with other victims, than the one before it:
        "in another attack, 4 soldiers were killed", "following a second attack", "2 soldiers were
        also killed", "2 other policemen": a marker on the trigger or the casualty verb, or on a
        noun they govern, or in the casualty words themselves."""
        anchors = {trigger.i} | {c.anchor for c in casualties}
        if any(t.lower_ in self.additional for c in casualties for t in doc[c.start:c.end]):
            return True
        for token in sentence:
            if token.lower_ not in self.additional or token.dep_ not in ("det", "amod", "advmod", "nummod"):
                continue
            head = token
            for _ in range(2):  # "another" -> "attack" -> "killed"
                if head.head.i == head.i:
                    break
                head = head.head
                if head.i in anchors:
                    return True
        return False

    # ---------------------------------------------------------------- protests

    def protest_scene(self, doc: Doc, sentence: Span, triggers: list[tuple[Token, str]], events: list[EventMention],
                      instruments: dict[int, str]) -> list[EventMention]:
        """A sentence that tells a protest tells one protest event: the clashes, stones, fires,
        tear gas, arrests and shootings in it say which kind (violent demonstration, excessive
        force, protest with intervention, peaceful protest) instead of being events of their own."""
        roles = self.scene["roles"]
        # a word that tells a protest only with its object ("blocked the road") counts when it was coded as one:
        # forces blocking a road take a security measure
        concepts = {c for t, c in triggers if not self.concepts[c].get("needs_object") or any(
            e.trigger == t.i and e.event_type in ("Protests", "Riots") for e in events)}
        # a protest organised, incited or awaited ("arrested for organising an illegal protest", "in anticipation
        # of mass protests") is a reason for what the sentence tells, not a protest it tells
        planned = {t.i for t, c in triggers if c in roles["crowd"] and self.is_planned(t)}
        concepts -= {c for t, c in triggers if t.i in planned} - {c for t, c in triggers if t.i not in planned}
        events = [e for e in events if e.trigger not in planned]
        if concepts & set(roles["crowd"]):  # what the protest is against is none of its acts
            grievances = {t.i for t, c in triggers if c not in roles["crowd"] and self.is_grievance(t)}
            concepts = {c for t, c in triggers if c in concepts and t.i not in grievances}
            events = [e for e in events if e.trigger not in grievances]
        events_told = [e for e in events if e.concept in concepts]
        crowd_actors = [a for a in doc_list(doc, "sitrep_actors")
                        if sentence.start <= a.start < sentence.end and a.kind in ("protesters", "rioters")]
        if not (concepts & set(roles["crowd"]) or crowd_actors):
            return events
        absorbed = [e for e in events_told if any(e.concept in roles[r] for r in ("crowd", "violence", "intervention", "force"))]
        if not absorbed or not (concepts & set(roles["crowd"])) and all(e.concept in roles["intervention"] for e in absorbed):
            return events  # "police arrested three protesters": an arrest, no protest told
        security = ("police", "state_forces")
        forced = [e for e in absorbed if e.concept in roles["force"] and
                  (e.actor1 is not None and e.actor1.kind in security or e.concept in roles["live_fire"])]
        riot_control = any(v in self.scene["riot_control"] for v in instruments.values())
        crowd_violence = any(e.actor1 is not None and e.actor1.kind in ("protesters", "rioters") and e.concept in roles["force"]
                             for e in absorbed)
        demonstration = bool(concepts & set(roles["crowd"])) or any(a.kind == "protesters" for a in crowd_actors)
        if not demonstration:  # a mob and the police: the police firing on it is an act of its own
            absorbed = [e for e in absorbed if not (any(e is f for f in forced) and e.actor1 is not None
                                                    and e.actor1.kind in security)]
            if not absorbed:
                return events
        if (concepts & set(roles["violence"]) or crowd_violence) and not demonstration:
            sub = "Mob violence"  # rioters with no demonstration told
        elif concepts & set(roles["violence"]) or crowd_violence:
            sub = "Violent demonstration"
        elif forced and (any(e.fatalities or e.injuries for e in forced) or not riot_control):
            sub = "Excessive force against protesters"
        elif concepts & set(roles["intervention"]) or riot_control or forced:
            sub = "Protest with intervention"
        else:
            sub = "Peaceful protest"
        lead = next((e for e in absorbed if e.concept in roles["crowd"]), absorbed[0])
        crowd = next((e.actor1 for e in absorbed if e.actor1 is not None and e.actor1.kind in ("protesters", "rioters")),
                     crowd_actors[0] if crowd_actors else None)
        if crowd is None:
            crowd = ActorMention(lead.trigger, lead.trigger + 1, "", "Protesters", None, "protesters")
        if sub in ("Violent demonstration", "Mob violence") and crowd.kind == "protesters":
            crowd = _as_rioters(crowd)
        others = [e for e in absorbed if e is not lead]
        lead.sub_event_type, lead.event_type, lead.actor1 = sub, event_type_of(sub), crowd
        if lead.actor2 is None or lead.actor2.kind in ("protesters", "rioters"):  # the police who fired on the crowd
            lead.actor2 = next((e.actor1 for e in forced if e.actor1 is not None and e.actor1.kind in security), None)
        for name in ("actor2", "place", "time", "fatalities", "injuries"):
            if getattr(lead, name) is None:
                setattr(lead, name, next((getattr(e, name) for e in others if getattr(e, name) is not None), None))
        return [lead] + [e for e in events if not any(e is a for a in absorbed)]  # the protest is what the sentence tells

    def protests_turned_violent(self, doc: Doc, events: list[EventMention], sentences: list[Span],
                                in_times: set[int]) -> list[EventMention]:
        """"Residents held a demonstration. They threw rocks at the police. The police fired tear gas.": a
        protest whose crowd turns violent in the sentences right after it is one violent demonstration
        (ACLED), the crowd its rioters; the police stepping in there is that protest's intervention. The
        acts told there are that event, not events of their own."""
        roles = self.scene["roles"]
        violence, stepping_in = set(roles["violence"]), set(roles["intervention"]) | set(roles["force"])
        starts = {s.start: k for k, s in enumerate(sentences)}
        absorbed: list[EventMention] = []
        for event in events:
            if event.sub_event_type not in ("Peaceful protest", "Protest with intervention") \
                    or any(event is a for a in absorbed):
                continue
            k = next((starts[s] for s, _ in reversed(event.sentences) if s in starts), None)
            for sentence in sentences[k + 1:k + 1 + _PROTEST_FOLLOW_UP] if k is not None else ():
                if "\n\n" in doc[max(sentence.start - 1, 0):sentence.start + 1].text:
                    break  # another paragraph
                here = [e for e in events if e is not event and (sentence.start, sentence.end) in e.sentences]
                armed = any(a.kind in ARMED_KINDS + ("unidentified",) for a in doc_list(doc, "sitrep_actors")
                            if sentence.start <= a.start < sentence.end)  # "renewed fighting between Israel and Hamas"
                told = False
                if any(self._crowd_did(t, armed) for t, c in self.find_triggers(sentence, in_times) if c in violence):
                    event.sub_event_type, event.event_type = "Violent demonstration", "Riots"
                    if event.actor1 is not None and event.actor1.kind == "protesters":
                        event.actor1 = _as_rioters(event.actor1)
                    absorbed += [e for e in here if e.concept in violence
                                 and (e.actor1 is None or e.actor1.kind in _CROWD_KINDS)]
                    told = True
                security = [e for e in here if e.concept in stepping_in and e.actor1 is not None
                            and e.actor1.kind in ("police", "state_forces") and not (e.fatalities or e.injuries)]
                if security:  # "The police fired tear gas": they stepped in
                    if event.sub_event_type == "Peaceful protest":
                        event.sub_event_type = "Protest with intervention"
                    event.actor2 = event.actor2 or security[0].actor1
                    absorbed += security
                    told = True
                if told:
                    event.sentences.append((sentence.start, sentence.end))
        return [e for e in events if not any(e is a for a in absorbed)]

    def _crowd_did(self, trigger: Token, armed_named: bool) -> bool:
        """Whether a violent act is the crowd's: its subject is a pronoun or people who are no armed force
        ("They threw rocks", "Demonstrators burned tires"), or it names none ("scuffles broke out") in a
        sentence that names no armed actor."""
        subjects = [c for c in children(trigger) if c.dep_ in ("nsubj", "nsubj:pass")]
        if not subjects:
            return not armed_named
        return all(s.pos_ == "PRON" or lookup(self.crowd_nouns, s) is not None for s in subjects)

    # ---------------------------------------------------------------- what the trigger acts on

    def instrument_map(self, sentence: Span) -> dict[int, str]:
        """Token index → instrument or object class ("tear gas" is riot control, not gas)."""
        found: dict[int, str] = {}
        skip_to = sentence.start
        for token in sentence:
            if token.i < skip_to:
                continue
            value, length = self.phrase(self.instruments, token, sentence.end)
            if value is not None:
                for i in range(token.i, token.i + length):
                    found[i] = value
                skip_to = token.i + max(length, 1)
        return found

    def object_classes(self, trigger: Token, instruments: dict[int, str]) -> set[str]:
        """What the trigger acts on: the classes of its object or passive subject, their
        conjuncts and the words near them ("a cache of firearms", "two bases")."""
        doc = trigger.doc
        if not doc.has_annotation("DEP"):
            return {instruments[i] for i in range(trigger.i + 1, min(trigger.i + 4, len(doc))) if i in instruments}
        deps = ("obj", "dobj", "nsubj:pass", "nsubjpass", "obl:arg") + (("nmod",) if trigger.pos_ == "NOUN" else ())
        heads = [c for c in children(trigger) if c.dep_ in deps]  # "took the town", "la prise de Bakhmout"
        heads += [c for h in list(heads) for c in children(h) if c.dep_ == "conj"]
        classes = set()
        if not heads:  # a parse that missed the object: the words right after the trigger
            following = range(trigger.i + 1, min(trigger.i + 5, trigger.sent.end))
            # up to a preposition: "houses were damaged during the airstrike" did not damage the aircraft
            following = range(following.start, next((i for i in following if doc[i].pos_ == "ADP"), following.stop))
            classes = {instruments[i] for i in following if i in instruments}
            heads = [t for t in doc[following.start:following.stop] if t.pos_ in ("NOUN", "PROPN")][:1]
        if any(c.dep_ in ("aux:pass", "auxpass") for c in children(trigger)):  # a passive, whatever subject the parse
            # gave it: the words right before it ("the effort of police across the island, 12 firearms and 108
            # assorted rounds of ammunition were seized")
            for i in range(trigger.i - 1, max(trigger.sent.start, trigger.i - _PASSIVE_WINDOW) - 1, -1):
                if doc[i].pos_ == "VERB" and doc[i].dep_ not in ("amod", "acl") or doc[i].text in (",", ";", ":"):
                    break  # ("assorted rounds": a participle that qualifies a noun)
                if i in instruments:
                    classes.add(instruments[i])
        places = [p for p in doc_list(doc, "sitrep_places") if p.role == "location"]
        for head in heads:
            if lookup(self.person_nouns, head) is not None or lookup(self.civilian_nouns, head) is not None:
                continue  # "captured 37 migrants", "took two soldiers": people, whatever places follow
            window = range(max(head.left_edge.i, head.i - 4), min(head.right_edge.i, head.i + 4) + 1)
            classes.update(instruments[i] for i in window if i in instruments)
            if any(p.start in window for p in places) or head.ent_type_ in ("GPE", "LOC", "FAC") or (
                    head.is_title and head.i > head.sent.start and head.ent_type_ != "ORG"):
                classes.add("TERRITORY")  # "took Bakhmout": a place, known to the gazetteer or not
        return classes

    def _nonstate_agent(self, trigger: Token, actor1: ActorMention | None) -> bool:
        """Done by rebels, militants or an armed group: a named one, or the subject word says so. Not the
        people it was done to: "terrorists had been arrested", "two terrorists arrested on Tuesday"."""
        if actor1 is not None:
            if trigger.dep_ in ("acl", "acl:relcl", "amod") and actor1.start <= trigger.head.i < actor1.end:
                return False
            if _passive(trigger) and actor1.end <= trigger.i:
                return False
            return actor1.kind in ("rebel", "group", "unidentified")
        if _passive(trigger):
            return False
        subjects = [c for c in children(trigger) if c.dep_ == "nsubj"]
        return any(lookup(self.person_nouns, t) == "militants" for s in subjects for t in (s, *children(s)))

    def causes(self, trigger: Token, instruments: dict[int, str]) -> set[str]:
        """Classes of what did it: the trigger's subject or agent ("an earthquake struck", "a
        boiler exploded"), or a natural cause or a mishap qualifying it ("flood damage", "hit by floods",
        "killed in a plane crash").
        When the parse gives the trigger no subject at all, the words just before it stand in."""
        classes = set()
        kids = children(trigger)
        for child in kids:
            value = instruments.get(child.i)
            if value is None:
                continue
            if child.dep_ in ("nsubj", "obl:agent", "agent") or (
                    value in ("NATURAL", "MISHAP") and child.dep_ in ("obl", "nmod", "compound")
                    and not any(c.lower_ in self.grievance_prepositions for c in children(child))):
                # ("killed in a plane crash"; not "a demonstration against road accidents")
                classes.add(value)
        if trigger.doc.has_annotation("DEP") and trigger.dep_ in ("acl", "amod", "compound", "acl:relcl") \
                and trigger.head.i in instruments:
            classes.add(instruments[trigger.head.i])  # "a boiler exploded" read as "a boiler (that) exploded"
        if not any(c.dep_.startswith(("nsubj", "aux:pass", "auxpass")) for c in kids):
            for i in range(trigger.i - 1, max(trigger.i - 4, trigger.sent.start - 1), -1):
                token = trigger.doc[i]
                if token.pos_ in ("VERB", "AUX", "PUNCT", "ADP", "SCONJ", "CCONJ"):
                    break
                if i in instruments:
                    classes.add(instruments[i])
        return classes

    @staticmethod
    def subject_classes(trigger: Token, instruments: dict[int, str]) -> set[str]:
        """The weapon classes of the trigger's subject and the words that qualify it ("a rocket",
        "two S-300 missiles", "des obus"), or of the noun right before it, whatever the parse says
        ("missiles fell", tagged a noun)."""
        doc = trigger.doc
        classes = {instruments[trigger.i - 1]} if trigger.i - 1 in instruments else set()
        if doc.has_annotation("DEP"):
            subjects = [c for c in children(trigger) if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
            classes |= {instruments[i] for s in subjects for i in range(s.left_edge.i, s.i + 1) if i in instruments}
        return classes

    def instrument(self, trigger: Token, instruments: dict[int, str]) -> str | None:
        """The weapon nearest the trigger in its sentence; object classes (weapons seized, bases,
        tear gas) and weapons that say nothing of the sub-type ("bomb") are passed over. A
        chemical or a suicide attacker codes the sentence wherever it is named."""
        for value in self.priority:
            if value in instruments.values():
                return value
        near = sorted((i for i, v in instruments.items() if v in self.instrument_subtypes), key=lambda i: abs(i - trigger.i))
        specific = [i for i in near if instruments[i] not in self.generic_instruments]  # "bombs dropped by jets": jets
        return instruments[(specific or near)[0]] if near else None

    def actors(self, doc: Doc, sentence: Span, trigger: Token, casualties: Sequence[CasualtyMention] = (),
               placer_acts: bool = True) -> tuple[ActorMention | None, ActorMention | None]:
        mentions = [a for a in doc_list(doc, "sitrep_actors") if sentence.start <= a.start < sentence.end]
        labelled = _labelled_clause(sentence, trigger)  # "Looting: JNIM militants seized livestock"
        if labelled is not None and not isinstance(labelled, int):
            trigger = labelled
        victims = [m for m in mentions if m.country is None and any(c.start <= m.start < c.end for c in casualties)]
        # "3 policemen were killed": the dead, not who killed them (named sides of a clash stay: "4 Taliban killed in clashes")
        speakers: list[ActorMention] = []
        if doc.has_annotation("DEP"):
            subj = self._by_role(mentions, trigger, ("nsubj", "obl:agent", "agent", "nmod", "compound", "nmod:poss", "poss"),
                                 before_only=True)
            obj = self._by_role(mentions, trigger, _OBJECT_ROLES, before_only=False)
            for verb in _coordinated_verbs(trigger) if obj is None else ():  # "shot and injured a journalist"
                obj = self._by_role(mentions, verb, _OBJECT_ROLES, before_only=False)
                if obj is not None:
                    break
            governor = self._attributing_verb(trigger)
            if governor is not None:  # "le Kremlin a accusé Kiev d'avoir bombardé": Kiev acted, the Kremlin speaks
                speakers = [m for m in mentions if self._role_of(m, governor) in ("nsubj",)]
                if subj is None:
                    subj = self._by_role(mentions, governor, ("obj", "dobj", "xcomp"), before_only=False)
            if subj is None and trigger.dep_ == "conj" and trigger.head.i != trigger.i:
                # "Russian forces attacked ..., but were repelled": the verbs share the subject
                subj = self._by_role(mentions, trigger.head, ("nsubj",), before_only=True)
        else:
            subj = obj = None
        # "2 policemen were shot and killed by Taliban militants", "1 was wounded by a Taliban sniper": whoever
        # a passive names with "by" acted; its subject is who it was done to
        agent = self._agent_of(mentions, trigger) or self._agent_after(doc, mentions, trigger)
        if agent is not None and agent is not subj:
            displaced, subj = subj, agent
            if obj is None and displaced is not None:
                obj = displaced
        if subj is None and placer_acts:  # "an IED planted by the Taliban destroyed a vehicle", "hit a Taliban-planted mine"
            subj = self._placed_by(doc, mentions)
        if subj is None:  # "an exchange of fire between Hamas militants and Israeli troops"
            subj, second = self._between(doc, sentence, mentions, trigger)
            obj = second if second is not None else obj
        if subj is None and isinstance(labelled, int):  # the label's clause, misparsed: a name just before a verb acts
            subj = next((a for a in mentions if a.start > labelled and a.end < sentence.end
                         and doc[a.end].pos_ in ("VERB", "AUX")), None)
        if subj is None:  # "settlers raided", parsed as a noun and its clause: a plural just before a finite verb acts
            subj = next((a for a in mentions if a.kind == "civilians" and a.end == trigger.i and _finite(trigger)
                         and _many(doc, a)), None)
        cues = {id(a): cue for a in mentions if (cue := self._escorts(doc, a)) is not None}
        escorts = [a for a in mentions if id(a) in cues]
        if subj is not None and any(subj is a for a in escorts):
            subj = None
        if subj is None and escorts:  # "Israeli settlers, under the protection of Israeli forces, raided": the escorted act
            cue = cues[id(escorts[0])]
            subj = next((a for a in mentions if a.end in (cue, cue - 1) and a.end <= trigger.i), None)
        before = [a for a in reversed(mentions) if a.end <= trigger.i and a.kind not in ("civilians", "protesters")
                  and not any(a is s for s in speakers + victims + escorts) and not self._names_a_thing(doc, a)]
        # nearest before the trigger, a named actor ("the RSF deployed troops to attack") before a bare "troops"
        named = [a for a in before if a.country is not None or a.kind in ("rebel", "group")]
        actor1 = subj or next(iter(named + before), None)
        if actor1 is not None and actor1.start >= 2 and doc[actor1.start - 1].pos_ == "CCONJ":
            # "FAMa and Wagner forces abducted": the first of two acting together is actor1
            actor1 = next((a for a in mentions if a.end == actor1.start - 1 and a.kind not in ("civilians",)), actor1)
        if actor1 is None:  # "une frappe russe", "Russian strike"
            nearby = [t for t in trigger.subtree if abs(t.i - trigger.i) <= 4] if doc.has_annotation("DEP") else []
            for child in nearby + list(doc[max(trigger.i - 1, 0):trigger.i + 2]):
                if any(a.start <= child.i < a.end for a in mentions) or child.pos_ in ("NOUN", "PROPN") and child.tag_ in ("NNS", "NNPS"):
                    continue  # "Israeli settlers", "clashed with Palestinians": people, not a state acting
                code = next((self.demonyms[k] for k in token_keys(child) if k in self.demonyms), None)
                if code:
                    actor1 = ActorMention(child.i, child.i + 1, child.text, canonical_actor(code, "state_forces"),
                                          code, "state_forces")
                    break
        actor2 = obj if obj is not actor1 else None
        if actor2 is None and not doc.has_annotation("DEP"):
            actor2 = next((a for a in mentions if a.start > trigger.i and a is not actor1), None)
        if actor2 is None and actor1 is not None and actor1.kind in ARMED_KINDS:  # "Russian and Ukrainian forces clashed"
            actor2 = next((m for m in mentions if m.kind in ARMED_KINDS and m.country != actor1.country
                           and 0 <= m.start - actor1.end <= 1), None)
        return actor1, actor2

    def attacker_first(self, doc: Doc, sentence: Span, trigger: Token, actor1: ActorMention | None,
                       actor2: ActorMention | None) -> tuple[ActorMention | None, ActorMention | None]:
        """A battle told in the passive ("Russian forces attacked near X, but were repelled by the
        Ukrainian military"): ACLED's actor1 is the side that attacked, named first, not the agent."""
        if actor1 is None or actor1.kind not in ARMED_KINDS or not _passive(trigger) \
                or self._role_of(actor1, trigger) not in ("obl:agent", "agent", "obl") \
                or not any(k in self.defense_verbs for k in token_keys(trigger)):
            return actor1, actor2
        first = next((m for m in doc_list(doc, "sitrep_actors") if sentence.start <= m.start < trigger.i
                      and m.kind in ARMED_KINDS and m.country != actor1.country), None)
        return (first, actor1) if first is not None else (actor1, actor2)

    def _crowd(self, doc: Doc, mention: ActorMention) -> bool:
        """People named by what they share ("villagers", "settlers", "des habitants"), several of them: a
        crowd. "Two men" are anyone, who may be armed."""
        root = span_root(doc[mention.start:mention.end])
        return _many(doc, mention) and not any(k in self.anyone_nouns for k in token_keys(root))

    def _agent_after(self, doc: Doc, mentions: list[ActorMention], trigger: Token) -> ActorMention | None:
        """The actor a passive names after the trigger with "by" ("killed by the Taliban", "tués par les
        talibans"), read from the words, not the parse, which often misses the passive."""
        for mention in mentions:
            if mention.start <= trigger.i or mention.kind == "civilians":
                continue
            k = mention.start - 1
            while k > trigger.i and (doc[k].pos_ == "DET" or doc[k].like_num):  # "by two armed individuals"
                k -= 1
            if k > trigger.i and doc[k].lower_ in self.agent_markers and (
                    k - trigger.i <= 3 or _weapons_between(doc[trigger.i + 1:k])):
                return mention
        return None

    def _agent_of(self, mentions: list[ActorMention], trigger: Token) -> ActorMention | None:
        """The agent of the trigger's passive, or of a verb joined to it ("killed and 1 was wounded by X")."""
        if not trigger.doc.has_annotation("DEP"):
            return None
        for verb in (trigger, *_coordinated_verbs(trigger)):
            agent = self._by_role(mentions, verb, ("obl:agent", "agent"), before_only=False)
            if agent is not None and agent.kind != "civilians":
                return agent
        return None

    def _placed_by(self, doc: Doc, mentions: list[ActorMention]) -> ActorMention | None:
        """Who planted, laid or fired the weapon that did it: the agent of a placing verb's participle
        ("an IED planted by the Taliban", "une mine posée par les rebelles"), or the actor joined to
        it by a hyphen ("a Taliban-planted IED")."""
        for mention in mentions:
            root = span_root(doc[mention.start:mention.end])
            if doc.has_annotation("DEP") and root.dep_ in ("obl:agent", "agent") and root.head.i != root.i \
                    and lookup(self.placing_verbs, root.head) is not None and root.head.dep_.startswith("acl"):
                return mention
            if mention.end + 1 < len(doc) and doc[mention.end].text == "-" \
                    and lookup(self.placing_verbs, doc[mention.end + 1]) is not None:
                return mention
            k = mention.start - 1  # the words, where the parse fails: "planted by the Taliban"
            while k > 0 and doc[k].pos_ == "DET":
                k -= 1
            if k > 0 and doc[k].lower_ in self.agent_markers and lookup(self.placing_verbs, doc[k - 1]) is not None:
                return mention
        return None

    def _between(self, doc: Doc, sentence: Span, mentions: list[ActorMention],
                 trigger: Token) -> tuple[ActorMention | None, ActorMention | None]:
        """The two sides of "clashes between X and Y", "un échange de tirs entre X et Y": the marker soon
        after the trigger, an actor just after it that the parse attaches to the trigger (or to the verb
        the trigger is the subject of), and another after "and"."""
        marker = next((t for t in doc[trigger.i + 1:min(trigger.i + 1 + _BETWEEN_WINDOW, sentence.end)]
                       if t.lower_ in self.between_markers), None)
        if marker is None:
            return None, None
        after = [m for m in mentions if m.start > marker.i]
        # only articles between ("entre l'armée et des hommes armés": the French "des" is tagged a preposition)
        first = next((m for m in after if all(t.pos_ in ("DET", "ADP") for t in doc[marker.i + 1:m.start])), None)
        if first is None:
            return None, None
        # the sides of this trigger ("an exchange of fire erupted between"), not of another one the parse puts
        # between them: "displaced due to clashes between X and Y" names the clashes' sides, not who was displaced
        _, length = self.phrase(self.triggers, trigger, sentence.end)
        token = span_root(doc[first.start:first.end]).head
        for _ in range(_BETWEEN_STEPS):
            if token.i == trigger.i or trigger.dep_.startswith("nsubj") and token.i == trigger.head.i:
                break
            if not trigger.i <= token.i < trigger.i + max(length, 1) and self.phrase(self.triggers, token, sentence.end)[0]:
                return None, None
            token = token.head
        else:
            return None, None
        second = next((m for m in after if m.start > first.end and doc[first.end].pos_ == "CCONJ"
                       and all(t.pos_ in ("DET", "ADP", "CCONJ") for t in doc[first.end:m.start])), None)
        return first, second

    def civilian_target(self, trigger: Token) -> Token | None:
        """The civilian property a shooting is aimed at: the object of the trigger (or of a verb joined
        to it) whose noun, or a word qualifying it, is a civilian place ("houses", "residential areas")."""
        if not trigger.doc.has_annotation("DEP"):
            return None
        for verb in (trigger, *_coordinated_verbs(trigger)):
            for child in children(verb):
                if child.dep_.split(":")[0] not in ("obj", "dobj", "obl", "nmod") or child.i < verb.i:
                    continue
                if any(k in self.civilian_objects for t in (child, *children(child)) for k in token_keys(t)):
                    return child
        # the parse may miss it: "fire at [Palestinian houses]" read from the words after the trigger
        after = trigger.doc[trigger.i + 1:trigger.i + 1 + _TARGET_WINDOW]
        if not after or after[0].pos_ != "ADP":
            return None
        for token in after[1:]:
            if token.pos_ in ("VERB", "PUNCT", "ADP", "CCONJ"):
                return None
            if any(k in self.civilian_objects for k in token_keys(token)):
                return token
        return None

    def _escorts(self, doc: Doc, mention: ActorMention) -> int | None:
        """Where the cue starts, when the mention escorts or backs whoever acts: "under the protection
        of Israeli forces", "accompanied by soldiers", "escortés par l'armée"."""
        for cue in self.escort_cues:
            for gap in (0, 1):  # "accompanied by the army"
                start = mention.start - gap - len(cue)
                if start >= 0 and tuple(t.lower_ for t in doc[start:start + len(cue)]) == cue \
                        and (gap == 0 or doc[mention.start - 1].pos_ == "DET"):
                    return start
        return None

    def _names_a_thing(self, doc: Doc, mention: ActorMention) -> bool:
        """"a police station", "an army truck": the actor word only qualifies another noun (not
        "Taliban militants", where the noun is the people who act)."""
        if not doc.has_annotation("DEP") or mention.country is not None or mention.end - mention.start > 1:
            return False  # named actors are actors whatever the parse says
        root = span_root(doc[mention.start:mention.end])
        return root.dep_ == "compound" and root.head.i >= mention.end and lookup(self.person_nouns, root.head) is None

    def _attributing_verb(self, trigger: Token) -> Token | None:
        """The attribution verb whose clause tells the event ("said", "accused X of", "a affirmé
        que"), reached from the trigger through clausal links only: in "the Taliban claimed the
        attack" the attack is the verb's object, and the Taliban are its actor, not a speaker."""
        token = trigger
        for _ in range(4):
            if token.dep_.split(":")[0] not in _CLAUSAL or token.head.i == token.i:
                return None
            token = token.head
            if lookup(self.attribution, token) is not None:
                return token
        return None

    @staticmethod
    def _role_of(mention: ActorMention, head: Token) -> str | None:
        root = span_root(head.doc[mention.start:mention.end])
        return root.dep_.split(":")[0] if root.head.i == head.i and root.i != head.i else None

    def _by_role(self, mentions: list[ActorMention], trigger: Token, deps: tuple[str, ...], before_only: bool) -> ActorMention | None:
        doc = trigger.doc
        agent_markers = self.agent_markers
        for mention in mentions:
            root = span_root(doc[mention.start:mention.end])
            for _ in range(2):  # "Al-Shabaab militants", "Hezbollah fighters": the name qualifies the noun that acts
                if root.dep_ not in ("compound", "amod", "nmod:poss") or root.head.pos_ not in ("NOUN", "PROPN") \
                        or root.head.i == trigger.i:
                    break
                root = root.head
            if before_only and mention.start > trigger.i and root.dep_ != "obl:agent" and not any(
                    c.dep_ == "case" and c.lower_ in agent_markers for c in children(root)):
                continue  # after the trigger, only its agent ("an attack by Taliban militants") acted
            if root.head.i == trigger.i and root.dep_ in deps and root.i != trigger.i:
                return mention
        return None

    def place(self, doc: Doc, sentence: Span, trigger: Token) -> PlaceMention | None:
        places = self._places_in(doc, sentence)
        if not places:
            return None
        # ("Rio de Janeiro - Central Zone (Rio de Janeiro)": the city in its state of the same name)
        if doc.has_annotation("DEP"):
            for place in places:  # governed by the trigger: "une frappe sur Odessa"
                head = span_root(doc[place.start:place.end])
                for _ in range(3):
                    if head.head.i == trigger.i:
                        return place
                    head = head.head
        after = [p for p in places if p.start > trigger.i]
        return after[0] if after else places[-1]

    @staticmethod
    def _places_in(doc: Doc, sentence: Span) -> list[PlaceMention]:
        """The places a sentence names as locations, a place before the units holding it ("in Uberlandia
        (Minas Gerais)": the town, not its state)."""
        places = [p for p in doc_list(doc, "sitrep_places") if sentence.start <= p.start < sentence.end and p.role == "location"
                  and not p.attributive]  # "US forces struck": not in the US
        units = {p.within for p in places if p.within}
        return [p for p in places if p.within or p.text not in units and p.name not in units] or places

    def _narrative_place(self, doc: Doc, sentences: list[Span], start: int) -> PlaceMention | None:
        """For the sentence at token ``start``: the first place of the nearest sentence before, in the same
        paragraph, that names one; none when the sentence dates itself ("On Monday, hundreds marched"): it
        tells another moment."""
        k = next((n for n, s in enumerate(sentences) if s.start == start), None)
        if k is None:
            return None
        sentence = sentences[k]
        if any(sentence.start <= t.start < sentence.end and t.type in ("DATE", "TIME") for t in doc_list(doc, "sitrep_times")):
            return None
        for earlier in reversed(sentences[max(0, k - _PLACE_SENTENCES):k]):
            if "\n\n" in doc[earlier.end - 1:sentence.start + 1].text:
                return None  # another paragraph
            places = self._places_in(doc, earlier)
            if places:
                return places[0]
        return None

    def time(self, doc: Doc, sentence: Span, trigger: Token) -> TimeMention | None:
        """The date of the sentence that dates the event: the finest; then a full date that opens the sentence
        ("On 1 December 2023, relatives of two men shot on 23 November protested": the frame of the report);
        then the nearest the trigger ("On Tuesday, officials said the strike on Monday killed five": Monday).
        A vague "current", "recent" does not date it: the article's first date does (see ``__call__``)."""
        all_times = doc_list(doc, "sitrep_times")
        times = [t for t in all_times if sentence.start <= t.start < sentence.end
                 and (t.type in ("DATE", "TIME") or t.type == "DURATION" and t.first_day)]  # "two days later"
        dated = [t for t in times if t.first_day]
        if dated:
            framed = not in_relative_clause(trigger)  # "relatives of two men who were shot on 23 November"
            return min(dated, key=lambda t: (_DATE_RANK.get(t.precision, len(_DATE_RANK)),
                                              framed and not self.opens_with_full_date(doc, sentence, t),
                                              abs(t.start - trigger.i)))
        if any(t.first_day for t in all_times):
            return None  # the lead date stands in
        return min(times, key=lambda t: abs(t.start - trigger.i)) if times else None

    @staticmethod
    def opens_with_full_date(doc: Doc, sentence: Span, t: TimeMention) -> bool:
        """Whether ``t`` is a day written in full (with its year) within the first words of the sentence."""
        return t.start - sentence.start <= 2 and t.precision == "day" and any(
            tok.like_num and len(tok.text) == 4 for tok in doc[t.start:t.end])

    def modality(self, trigger: Token) -> str:
        kids = children(trigger)
        verbs = [trigger] + [c for c in kids if c.dep_.startswith("aux")]
        if trigger.dep_.split(":")[0] in ("xcomp", "obj", "dobj", "acl", "nmod") and trigger.head.i != trigger.i \
                and trigger.head.lemma_.lower() in self.hypothetical:
            return "hypothetical"  # "prepared to attack", "to prevent protests", "in preparation for a battle"
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


def _passive(trigger: Token) -> bool:
    return "Pass" in trigger.morph.get("Voice") or any(c.dep_ in ("aux:pass", "auxpass") for c in children(trigger))


def _other_state_named(doc: Doc, actor: ActorMention) -> bool:
    """Another country's forces or government named in the article: the ground taken is likely theirs."""
    if actor.country is None:
        return False
    return any(a.kind in ("state_forces", "government") and a.country not in (None, actor.country)
               for a in doc_list(doc, "sitrep_actors"))


def _as_rioters(crowd: ActorMention) -> ActorMention:
    """A crowd that turned violent, as ACLED names it: "Rioters (Israel)", or "Rioters" until placed."""
    name = canonical_actor(crowd.country, "rioters") if crowd.country else "Rioters"
    return ActorMention(crowd.start, crowd.end, crowd.text, name, crowd.country, "rioters")


def _finite(token: Token) -> bool:
    """A verb in a finite form ("raided", "attaque"), not a participle ("a man killed in the strike")."""
    return token.tag_ in ("VBD", "VBZ", "VBP") or "Fin" in token.morph.get("VerbForm")


def _many(doc: Doc, mention: ActorMention) -> bool:
    """Whether an actor mention names several people ("villagers", "des habitants"), not one. The tagger
    may take a capitalized plural for a name ("Villagers assaulted …"): its plural ending says it."""
    root = span_root(doc[mention.start:mention.end])
    return "Plur" in root.morph.get("Number") or root.tag_ in ("NNS", "NNPS") \
        or root.pos_ == "PROPN" and root.lower_.endswith("s") and not root.lower_.endswith("ss")


_CAUSE_WINDOW = 6  # "after fleeing the intensification of clashes": a marker this far before the trigger
_PLAN_WINDOW = 5  # "for organising an illegal protest": a plan word this far before the protest word
_PASSIVE_WINDOW = 8  # tokens before a passive trigger that stand in for the subject the parse lost
_PROTEST_FOLLOW_UP = 3  # sentences after a protest in which its crowd may turn violent
_CROWD_KINDS = ("protesters", "rioters", "civilians")
_BETWEEN_WINDOW = 4  # "clashes between", "exchange of fire erupted between"
_BETWEEN_STEPS = 4  # how far up the parse the sides of "between" may hang from the trigger
_TARGET_WINDOW = 5  # "at the Palestinian residential houses": a preposition and a short noun phrase
_OBJECT_ROLES = ("obj", "dobj", "nsubj:pass", "obl", "obl:arg", "nmod")


def _coordinated_verbs(trigger: Token) -> list[Token]:
    """The verbs joined to the trigger by a conjunction, which share its object ("shot and injured X")."""
    joined = [c for c in children(trigger) if c.dep_ == "conj" and c.pos_ in ("VERB", "NOUN")]
    if trigger.dep_ == "conj" and trigger.head.i != trigger.i:
        joined.append(trigger.head)
    return joined


def _one_sided(actor1: ActorMention | None, actor2: ActorMention | None, victims: str | None) -> bool:
    """Armed men against people who cannot fight back: no armed force on the receiving end, and
    either unidentified attackers or an armed group that is no rebel force (a gang, a cartel, a
    militia), or civilian victims."""
    if actor2 is not None and actor2.kind in ("state_forces", "rebel", "police", "group"):
        return False
    if victims in COMBATANTS:
        return False
    if actor1 is not None and actor1.kind in ("unidentified", "group"):  # gunmen, a gang, a cartel
        return True
    return actor1 is None and victims in ("civilians", "children", "women", "people")


def _phrase_head(span: Span) -> Token:
    """The word of a trigger phrase the rest of the sentence attaches to ("opened" in "opened fire")."""
    if not span.doc.has_annotation("DEP"):
        return span[0]
    return next((t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i), span[0])


def in_relative_clause(token: Token) -> bool:
    """Whether ``token`` is inside a clause that qualifies a noun ("the men who were shot", "a man killed in")."""
    for _ in range(8):
        if token.dep_ in ("relcl", "acl", "acl:relcl"):
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


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
        for name in ("fatalities", "injuries"):  # "In another attack, 4 soldiers were killed": ACLED's one event
            # of the day and place holds both tolls
            toll, more = getattr(target, name), getattr(event, name)
            if event.adds and toll is not None and more is not None and more is not toll:
                total = replace(toll, breakdown=dict(toll.breakdown))
                add_toll(total, more)
                setattr(target, name, total)
        for name in ("actor1", "actor2", "place", "time", "fatalities", "injuries"):
            if getattr(target, name) is None and getattr(event, name) is not None:
                setattr(target, name, getattr(event, name))
    return merged


def intercepted(events: list[EventMention]) -> list[EventMention]:
    """"Hamas fired rockets toward Sderot. Some were intercepted over the area.": a salvo whose projectiles
    the next sentence tells intercepted, and which is told to have hit nothing and no one, is disrupted
    weapons use (ACLED); the interception is that event, not one of its own. A strike told as a hit
    ("struck", "drone strikes") stays a strike, and destroying an ammunition depot is no interception."""
    kept: list[EventMention] = []
    for event in events:
        if event.word_concept == "INTERCEPT" and event.modality != "hypothetical":
            strikes = [e for e in kept if e.event_type == "Explosions/Remote violence" and e.word_concept != "STRIKE"
                       and e.fatalities is None and e.injuries is None and e.modality in ("asserted", "reported")
                       and event.sentences[0][0] - e.sentences[-1][1] <= 1]
            for strike in strikes:  # "Not all of the rockets hit": the same salvo, told again
                strike.sub_event_type, strike.event_type = event.sub_event_type, event.event_type
            if strikes:
                first = strikes[0]
                first.sentences.extend(s for s in event.sentences if s not in first.sentences)
                # ACLED's actor1 is who disrupted it: the interceptor named, else the forces of where it was
                # intercepted; who fired is actor2
                interceptor = event.actor1 if event.actor1 is not None and event.actor1.kind in ARMED_KINDS else \
                    ActorMention(event.trigger, event.trigger + 1, "", "Military Forces", None, "state_forces", home=True)
                if first.actor1 is not None and first.actor1.name != interceptor.name:
                    first.actor2 = first.actor1
                first.actor1 = interceptor
                first.place = event.place or first.place  # where it was stopped: "intercepted over Sderot"
                continue
        kept.append(event)
    return kept


def _refines(earlier: EventMention, later: EventMention) -> bool:
    """"Attacks were launched in 11 places. The attacks, mostly with grenades, …": the next
    sentence tells the same kind of act with the weapon that codes it."""
    if earlier.concept != later.concept or earlier.sub_event_type == later.sub_event_type:
        return False
    default = acled_taxonomy()["concepts"][earlier.concept]["sub"]
    return earlier.sub_event_type == default and later.sentences[0][0] - earlier.sentences[-1][1] <= 1


def _same_event(earlier: EventMention, later: EventMention) -> bool:
    if earlier.modality != later.modality and "background" in (earlier.modality, later.modality):
        return False
    if _dates_apart(earlier.time, later.time):
        return False  # "on 3 March ... Three days later, a strike": two events
    if _refines(earlier, later):
        earlier.sub_event_type, earlier.event_type = later.sub_event_type, later.event_type
        return True
    if later.concept in ("KILL", "INJURE") and later.sub_event_type in ("Attack", "Armed clash"):
        adjacent = later.sentences[0][0] - earlier.sentences[-1][1] <= 1
        if adjacent and earlier.concept not in ("KILL", "INJURE") and earlier.event_type != "Strategic developments":
            return later.place is None or earlier.place is None or _same_place(earlier.place, later.place)
    if earlier.sub_event_type != later.sub_event_type:
        return False
    if earlier.place is not None and later.place is not None:
        return _same_place(earlier.place, later.place)
    return later.sentences[0][0] - earlier.sentences[-1][1] <= 1


def _dates_apart(a: TimeMention | None, b: TimeMention | None) -> bool:
    """Whether two events' dates are known and cannot overlap."""
    if a is None or b is None or not (a.first_day and a.last_day and b.first_day and b.last_day):
        return False
    return a.last_day < b.first_day or b.last_day < a.first_day


def _same_place(a: PlaceMention, b: PlaceMention) -> bool:
    return a.text.lower() == b.text.lower()


_PLACE_SENTENCES = 2  # an event its sentence does not place is where one of the two sentences before puts the narrative
_GRIEVANCE_DEPTH = 6  # heads climbed from a trigger to the preposition or verb that makes it a protest's grievance
_LABEL_SPAN = 4  # words of a label that heads a report: "Looting:", "Change to armed group:"


def _labelled(sentence: Span) -> bool:
    """Whether a label heads the report ("Property destruction: On 1 December, settlers damaged …"):
    the analyst said what it was, whatever its verb."""
    doc, start = sentence.doc, sentence.start
    if start > 0 and doc[start - 1].text == ":":  # the splitter made the label a sentence of its own
        start = doc[start - 1].sent.start
    colon = next((t.i for t in doc[start:start + _LABEL_SPAN + 1] if t.text == ":"), None)
    return colon is not None and colon > start and doc[start].text[:1].isupper() \
        and all(t.is_alpha for t in doc[start:colon])


def _labelled_clause(sentence: Span, trigger: Token) -> Token | int | None:
    """When the trigger is a label that heads the report ("Looting: On 30 November, JNIM
    militants seized livestock", "Land seizure: settlers set up a mobile home"), who acted is the
    subject of the clause after it: that clause's verb, where the parse gives it a subject; else
    the colon's position (the clause starts after it); None when the trigger is no label."""
    colon = next((t.i for t in sentence[:_LABEL_SPAN + 1] if t.text == ":"), None)
    if colon is None or not sentence.start <= trigger.i < colon:
        return None
    verbs = [t for t in sentence if t.i > colon and t.pos_ == "VERB" and t.dep_ not in ("amod", "acl", "relcl", "advcl", "xcomp")
             and any(c.dep_.startswith("nsubj") for c in t.children)]
    return verbs[0] if verbs else colon


_WITH = {"with", "avec"}
_WEAPON_LIST_SPAN = 30  # "were fired upon with APCs, grenade launchers, small arms and 120-mm mortars by NAF forces"


def _weapons_between(span: Span) -> bool:
    """Whether the words between a passive and its "by" are only what it was done with: "fired upon
    with APCs, grenade launchers and mortars by", "bombardés avec des drones par"."""
    return len(span) <= _WEAPON_LIST_SPAN and any(t.lower_ in _WITH for t in span[:3]) \
        and not any(t.pos_ in ("VERB", "AUX") or t.text in (".", ";", ":") for t in span)


def _victims(toll: CasualtyMention | None) -> str | None:
    """Who the dead or wounded were; of a toll that adds several kinds ("1 policeman and 2
    civilians"), the combatants, if any: people fought."""
    if toll is None:
        return None
    if toll.who in (None, "people") and toll.breakdown:
        return next((who for who in toll.breakdown if who in COMBATANTS), toll.who)
    return toll.who
