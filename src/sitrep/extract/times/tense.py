"""Which way an underspecified date lies: the tense of the verb that governs it ("se réunira
mardi", "met Tuesday"), and the words after a date that say it ("le 8 mars dernier")."""

from __future__ import annotations

from .words import TextView, TimeWords, low_at


def tense_at(w: TimeWords, doc: TextView, i: int) -> str | None:
    """The tense of the verb that governs token ``i``: ``past``, ``future``, ``present``, or None
    when no verb governs it. A bare present ("se réunit mardi", "meets Tuesday") says nothing."""
    real = doc.doc
    verb = real[i]
    for _ in range(6):
        if is_verb(verb) or verb.head.i == verb.i:
            break
        verb = verb.head
    if not is_verb(verb):
        return "future" if future_tense(w, doc, i) else None
    if verb.dep_.startswith("aux") or verb.dep_ == "cop":
        verb = verb.head
    group = [verb] + [c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop"]
    if verb.lemma_.lower() in w.prospective or verb.head.lemma_.lower() in w.prospective:
        return "future"  # "planned to leave on Thursday", "prévu le 15 septembre"
    if "Inf" in verb.morph.get("VerbForm") and any(c.lower_ == "to" for c in verb.children) and verb.dep_ != "acl":
        return "future"  # "is to resume trading Tuesday"; but "celebrations to mark the entry on Friday" say nothing
    for t in group:
        if t.lower_ in w.future_aux or "Fut" in t.morph.get("Tense"):
            return "future"
        if t.lemma_ in w.future_aux and t.i < verb.i and "Inf" in verb.morph.get("VerbForm"):
            return "future"  # "va se réunir"
    for t in group:
        if "Fin" in t.morph.get("VerbForm") and set(t.morph.get("Tense")) & {"Past", "Imp"} or t.tag_ == "VBD":
            return "past"
    perfect = [t for t in group[1:] if not w.perfect_aux or t.lemma_ in w.perfect_aux]
    if "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense") and perfect:
        return "past"  # "a frappé", "has struck"; but "the case is heard in May" is a passive present
    return "present"


def direction_at(w: TimeWords, doc: TextView, start: int, i: int) -> str | None:
    """Which way the date at tokens ``start``.. (its head word at ``i``) lies: ``last`` after "since",
    "depuis" (a date things have gone on since is past), else the governing verb's tense."""
    if low_at(doc, start - 1) in w.past_prepositions:
        return "last"
    return tense_at(w, doc, i)


def future_tense(w: TimeWords, doc: TextView, i: int) -> bool:
    """Whether the sentence around token ``i`` speaks of the future ("aura lieu", "will meet"). A modal
    that also narrates the past ("could not stop the bullet that struck him Friday") is no sign of it here."""
    real = doc.doc
    sentence = real[i].sent if real.has_annotation("SENT_START") else real[:]
    return any("Fut" in t.morph.get("Tense") or t.lower_ in w.future_aux - w.past_modals and is_modal(t) for t in sentence)


def is_verb(t) -> bool:
    """A verb by its part of speech, or by its fine tag when the two disagree ("began" tagged VBD, read as a noun)."""
    return t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB")


def is_modal(t) -> bool:
    """Whether ``t`` is used as a modal: not the month in "on 3 May", which the tagger may call anything."""
    return t.pos_ != "PROPN" and (t.is_lower or t.is_sent_start)


def direction_after(w: TimeWords, doc: TextView, end: int, tense: str | None) -> tuple[str | None, int]:
    """"13 avril prochains", "le 8 mars dernier": the word after a date says which way it lies."""
    if low_at(doc, end) in w.next:
        return "future", end + 1
    if low_at(doc, end) in w.last and w.lang == "fr":
        return "last", end + 1
    return tense, end


def part_of_day_after(w: TimeWords, doc: TextView, i: int) -> tuple[str | None, int]:
    if low_at(doc, i) in w.parts_of_day:
        return w.parts_of_day[low_at(doc, i)], i + 1
    return None, i
