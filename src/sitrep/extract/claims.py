"""Claims: who asserts each event, and how. An attribution verb whose reported clause holds the
event's trigger ("le Kremlin a accusé Kyiv de…", "the ministry said…") makes its subject the
source, with the verb's stance (claimed, confirmed, denied); "selon X" / "according to X" makes X
a source; verification cues ("des vidéos géolocalisées") make a confirmation with an evidence
type; the French conditional with no source is an unattributed report; otherwise the outlet
itself reports the event."""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..lang import load_lexicon, lookup
from ..nlp.syntax import children, span_root, subtree_span
from ..nlp.extensions import doc_list, register_extensions
from .certainty import certainty
from .mentions import CasualtyMention, ClaimMention, EventMention
from .numbers import number_at
from .speakers import SpeakerResolver, according_to_source

OUTLET = "the outlet"


@Language.factory("sitrep_claims", requires=["doc._.sitrep_events"], assigns=["doc._.sitrep_events"])
def make_claims(nlp: Language, name: str) -> "ClaimFinder":
    return ClaimFinder(nlp.lang)


class ClaimFinder:
    def __init__(self, lang: str) -> None:
        register_extensions()
        lex = self.lex = load_lexicon(lang)
        self.verbs: dict[str, str] = lex.section("attribution", "verbs")
        self.according_to: list[str] = lex.section("attribution", "according_to")
        self.verification: dict[str, str] = lex.section("attribution", "verification")
        self.resolve = SpeakerResolver(lex)

    def __call__(self, doc: Doc) -> Doc:
        events = doc_list(doc, "sitrep_events")
        for event in events:
            event.claims = self.claims_for(doc, event)
        self.verification_after(doc, events)
        self.tolls_after(doc, events)
        for event in events:
            stances = {c.stance for c in event.claims}
            if stances == {"denied"} and event.modality == "asserted":
                event.modality = "denied"
            event.certainty = certainty(event.claims)
        for key in [k for k in doc.user_data if isinstance(k, tuple) and k[:1] == ("sitrep",)]:
            del doc.user_data[key]  # the speakers' per-Doc caches (they hold the Doc itself)
        return doc

    def verification_after(self, doc: Doc, events: list[EventMention]) -> None:
        """"Les forces russes auraient pris Robotyne. D'après des vidéos géolocalisées par l'ISW, les
        soldats russes sont entrés dans le centre du village.": a sentence that tells no event of
        its own but verifies, right after an event in the same paragraph, confirms that event."""
        if not events or not doc.has_annotation("SENT_START"):
            return
        told = {start for e in events for start, _ in e.sentences}
        for sentence in doc.sents:
            last = None if sentence.start in told else _event_just_before(doc, events, sentence)
            if last is None:
                continue
            found = self.verification_claims(doc, sentence, [])
            if found and not any(c.stance == "confirmed" and c.evidence_type for c in last.claims):
                last.claims = [c for c in last.claims if c.source_kind != "outlet"] + found
                last.sentences.append((sentence.start, sentence.end))

    def tolls_after(self, doc: Doc, events: list[EventMention]) -> None:
        """"A strike on Odesa killed 12 people, Ukrainian officials said. Moscow said only 3 soldiers
        died.": a sentence right after an event, in the same paragraph, that tells no event, place or
        date of its own but a toll and who gives it, is that source's claim on the event."""
        if not events or not doc.has_annotation("SENT_START"):
            return
        told = {start for e in events for start, _ in e.sentences}
        own = [(m.start, m.end) for key in ("sitrep_places", "sitrep_times") for m in doc_list(doc, key)
               if getattr(m, "role", "location") == "location"]
        for sentence in doc.sents:
            if sentence.start in told or any(sentence.start <= start < sentence.end for start, _ in own):
                continue
            tolls = [c for c in doc_list(doc, "sitrep_casualties") if sentence.start <= c.anchor < sentence.end]
            last = _event_just_before(doc, events, sentence) if tolls else None
            if last is None:
                continue
            here = self.verb_claims(doc, sentence, doc[tolls[0].anchor]) + self.according_to_claims(doc, sentence)
            _attach_figures(doc, sentence, here, self.lex)
            here = [c for c in here if _named(c.source) and (c.fatalities or c.injuries)]
            if here:
                last.claims = _unique(last.claims + here)
                last.sentences.append((sentence.start, sentence.end))

    def claims_for(self, doc: Doc, event: EventMention) -> list[ClaimMention]:
        claims: list[ClaimMention] = []
        for start, end in event.sentences:
            sentence = _orthographic_sentence(doc, start, end)
            trigger = doc[event.trigger] if start <= event.trigger < end else span_root(sentence)
            here = self.quote_claims(doc, sentence, trigger)
            if not here:
                here = self.verb_claims(doc, sentence, trigger)
            here += self.according_to_claims(doc, sentence)
            here += self.verification_claims(doc, sentence, claims + here)
            _attach_figures(doc, sentence, here, self.lex)
            claims.extend(c for c in here if _named(c.source))
        if not claims:
            sentence = doc[event.sentences[0][0]:event.sentences[0][1]]
            article = doc._.sitrep_article
            outlet = getattr(article, "outlet", None) or OUTLET
            claims.append(ClaimMention(outlet, "outlet", "reported", sentence.start, sentence.end))
        return _unique(claims)

    def quote_claims(self, doc: Doc, sentence: Span, trigger: Token) -> list[ClaimMention]:
        """The event is told inside someone's words: a quote (direct or reported) whose content
        holds the trigger, or, in a later sentence of the event, whose cue stands in that sentence.
        The quote's resolved speaker is the source, its cue verb gives the stance."""
        claims = []
        for quote in doc_list(doc, "sitrep_quotes"):
            if quote.speaker is None or quote.cue is None:
                continue
            holds = quote.start_char <= trigger.idx < quote.end_char
            if not holds and not (sentence.start <= quote.cue < sentence.end
                                  and quote.start_char < sentence.end_char and sentence.start_char < quote.end_char):
                continue
            cue = doc[quote.cue]
            stance = lookup(self.verbs, cue) or "claimed"  # "selon", "according to": claimed
            speaker = quote.speaker
            claims.append(ClaimMention(speaker.name, speaker.kind, stance, min(speaker.start, cue.i),
                                       max(speaker.end, cue.i + 1), source_start=speaker.start, source_end=speaker.end))
        return claims

    def verb_claims(self, doc: Doc, sentence: Span, trigger: Token) -> list[ClaimMention]:
        """An attribution verb that governs the trigger: "X a affirmé que les forces ont pris…"."""
        claims = []
        for token in sentence:
            stance = lookup(self.verbs, token)
            if stance is None or token.pos_ == "NOUN" or token.i == trigger.i:
                continue
            if doc.has_annotation("DEP") and not (_governs(token, trigger) or _incise_of(token, trigger)):
                continue
            subject = next((c for c in children(token) if c.dep_ in ("nsubj", "nsubj:pass")), None)
            if subject is None and token.i > trigger.i:  # inverted: "…, a annoncé le gouverneur"
                subject = next((c for c in children(token) if c.dep_ in ("obj", "dobj") and c.i > token.i), None)
            if subject is None:
                continue
            span = subtree_span(subject)
            speaker = self.resolve(doc, span)
            name = speaker.name if speaker else span.text
            kind = speaker.kind if speaker else "unknown"
            claims.append(ClaimMention(name, kind, stance, min(span.start, token.i), max(span.end, token.i + 1),
                                       source_start=span.start, source_end=span.end))
        return claims

    def according_to_claims(self, doc: Doc, sentence: Span) -> list[ClaimMention]:
        claims = []
        for token in sentence:
            span = according_to_source(doc, token.i, self.according_to, limit=sentence.end)
            if span is None:
                continue
            speaker = self.resolve(doc, span)
            claims.append(ClaimMention(speaker.name if speaker else span.text, speaker.kind if speaker else "unknown",
                                       "claimed", token.i, span.end, source_start=span.start, source_end=span.end))
        return claims

    def verification_claims(self, doc: Doc, sentence: Span, found: list[ClaimMention]) -> list[ClaimMention]:
        """"D'après des vidéos géolocalisées par l'ISW": a confirmation, by whoever verified it."""
        for token in sentence:
            evidence = lookup(self.verification, token)
            if evidence is None:
                continue
            agent = next((c for c in found if c.evidence_start <= token.i < c.evidence_end + 6), None)
            orgs = [e for e in doc.ents if sentence.start <= e.start < sentence.end and e.label_ in ("ORG", "PER", "PERSON")]
            name = orgs[0].text if orgs else agent.source if agent else OUTLET
            for claim in found:
                if claim is agent:
                    claim.stance, claim.evidence_type = "confirmed", evidence
                    return []
            return [ClaimMention(name, "institution" if orgs else "outlet", "confirmed", token.i, token.i + 1,
                                 evidence_type=evidence)]
        return []


def _event_just_before(doc: Doc, events: list[EventMention], sentence: Span) -> EventMention | None:
    """The event told last before ``sentence``, when it ends right before it in the same paragraph."""
    last = max((e for e in events if any(end <= sentence.start for _, end in e.sentences)),
               key=lambda e: max(end for _, end in e.sentences), default=None)
    if last is None:
        return None
    end = max(end for _, end in last.sentences)
    if "\n" in doc[end:sentence.start].text or sentence.start - end > 2:
        return None  # another paragraph, or a sentence in between
    return last


def _named(source: str) -> bool:
    """A source has a name with letters or digits (not the control characters of a broken text)."""
    return any(ch.isalnum() for ch in source)


def _orthographic_sentence(doc: Doc, start: int, end: int) -> Span:
    """The parser sometimes splits a sentence at a comma; attribution reaches back to the last
    sentence-final punctuation ("D'après des vidéos géolocalisées par l'ISW, les forces…")."""
    while start > 0 and doc[start - 1].text not in (".", "!", "?", "…") and not doc[start - 1].is_space:
        start = doc[start - 1].sent.start if doc.has_annotation("SENT_START") else 0
    return doc[start:end]


def _governs(verb: Token, trigger: Token) -> bool:
    head = trigger
    for _ in range(6):
        if head.head.i == head.i:
            return False
        head = head.head
        if head.i == verb.i:
            return True
    return False


def _incise_of(verb: Token, trigger: Token) -> bool:
    """"…ont été tuées dans une frappe, a annoncé le gouverneur": the verb hangs off the clause."""
    if verb.dep_ not in ("parataxis", "parataxis:insert", "dislocated", "advcl"):
        return False
    return verb.head.i == trigger.i or _governs(verb.head, trigger)


def _attach_figures(doc: Doc, sentence: Span, claims: list[ClaimMention], lex) -> None:
    """The tolls a sentence gives belong to the sources that sentence names: "Kyiv said 14 were
    killed", "Moscow put the toll at 3" stay two claims with their own figures. A source named
    right after a figure of its own gives that figure for the same toll: in "killing 3 soldiers (5
    according to the Taliban)" and "a tué 14 personnes selon les autorités, 20 selon le maire", the
    Taliban say 5 and the mayor 20; the other sources, or the outlet itself when none is left, give
    the sentence's own count."""
    found = [c for c in doc_list(doc, "sitrep_casualties") if sentence.start <= c.anchor < sentence.end]
    killed = next((c for c in found if c.outcome == "killed"), None)
    injured = next((c for c in found if c.outcome == "injured"), None)
    own = [_own_figure(doc, claim, killed or injured, lex) for claim in claims]
    for claim, figure in zip(claims, own):
        if figure is None:
            claim.fatalities, claim.injuries = killed, injured
        elif figure.outcome == "killed":
            claim.fatalities, claim.injuries = figure, None
        else:
            claim.fatalities, claim.injuries = None, figure
    if claims and all(own):
        claims.append(ClaimMention(OUTLET, "outlet", "reported", sentence.start, sentence.end,
                                   fatalities=killed, injuries=injured))


def _own_figure(doc: Doc, claim: ClaimMention, toll: CasualtyMention | None, lex) -> CasualtyMention | None:
    """The figure a source gives right before its "according to" ("5 according to the Taliban"):
    the sentence's toll, counted otherwise. A number inside that toll's own words is no other figure."""
    if toll is None or claim.source_start is None or claim.evidence_start < 1:
        return None
    k = claim.evidence_start - 1
    if doc[k].is_punct and doc[k].text != ")" and k > 0:
        k -= 1  # "14 personnes, 20 selon le maire": not the comma
    if toll.start <= k < toll.end:
        return None
    start = k
    while start > 0 and doc[start - 1].like_num:
        start -= 1
    number = number_at(doc, start, lex)
    if number is None or number.end != k + 1:
        return None
    return replace(toll, start=number.start, end=number.end, min=number.min, max=number.max,
                   qualifier="exact" if number.max is None else "range", breakdown={})


def _unique(claims: list[ClaimMention]) -> list[ClaimMention]:
    seen, kept = set(), []
    for claim in claims:
        key = (claim.source, claim.stance, _figure(claim.fatalities), _figure(claim.injuries))
        if key not in seen:
            seen.add(key)
            kept.append(claim)
    return kept


def _figure(c) -> tuple[int, int | None] | None:
    return (c.min, c.max) if c is not None else None
