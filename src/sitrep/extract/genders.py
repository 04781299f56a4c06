"""What each name an article gives stands for: a man, a woman, or an organization that NER took
for a person ("KV Hydro said…", "Quillo has not said when it will…", "Harbour Watch, the
group behind the petition…"). All of it is read from the article itself: the gendered or neuter word
that follows a name in its own sentence, the pronouns the article goes on to use for it, and the
descriptions it gives. No list of first names is used.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .speakers import People

GENDER_WINDOW = 40  # tokens after a mention where the next gendered word tells its gender
_ACRONYM_WORD = re.compile(r"^[A-Z]{2,}$")  # "KV" of "KV Hydro"


def vote(people: People, words: dict[str, str]) -> dict[str, Counter[str]]:
    """For each person, the votes of the words that follow its mentions: the first gendered word
    (``words``: "her" -> f) after each mention, in its sentence, when no other person is named in
    that sentence before the word ("Kaja Kallas said her government…"). A neuter word ("it",
    "its") after a name that is a subject votes "n" when it comes before any gendered one
    ("Quillo has not said when it…");
    a gendered word further on still votes for the person's gender."""
    doc, votes = people.doc, {}
    starts = sorted(m.start for m in people.mentions)
    first_other: dict[tuple[int, str], int] = {}  # (sentence, person) -> where another person is first named
    for m in people.mentions:
        for other in people.mentions:
            if other.sentence == m.sentence and other.key != m.key:
                key = (m.sentence, m.key)
                first_other[key] = min(first_other.get(key, len(doc)), other.start)
    for m in people.mentions:
        if first_other.get((m.sentence, m.key), len(doc)) < m.start:
            continue
        following = next((s for s in starts if s > m.start), len(doc))
        neuter_first = False
        for token in doc[m.end:min(following, m.end + GENDER_WINDOW, len(doc))]:
            if people.sentence_of[token.i] > m.sentence:
                break
            gender = words.get(token.lower_) or words.get(token.lower_.strip("-").removeprefix("t-"))  # "a-t-il"
            if gender == "n" and m.subject and not people.in_quote(token) and not neuter_first \
                    and (token.dep_.startswith("nsubj") or token.dep_ == "nmod:poss" or token.lower_ != "it"):  # not "challenge it"
                neuter_first = True
                votes.setdefault(m.key, Counter())["n"] += 1
            if gender in ("m", "f") and not people.in_quote(token):
                if not neuter_first:
                    votes.setdefault(m.key, Counter())[gender] += 1
                break
    return votes


def read_genders(people: People, votes: dict[str, Counter[str]]) -> None:
    """Each person's gender, where no honorific or gendered title said it already: the gender
    most of its votes give (a tie says nothing)."""
    for key, count in votes.items():
        gendered = [(g, n) for g, n in count.most_common() if g in ("m", "f")]
        if gendered and key not in people.gender and (len(gendered) == 1 or gendered[0][1] > gendered[1][1]):
            people.gender[key] = gendered[0][0]


def learn_gender(people: People, key: str, gender: str | None) -> None:
    """A person the article goes on to call "she" is a woman: what a resolved pronoun teaches
    about a person whose gender nothing said before."""
    if gender in ("m", "f") and key not in people.gender and key not in people.nonpersons:
        people.gender[key] = gender


def organizations(people: People, votes: dict[str, Counter[str]], institution_nouns: set[str],
                  person_nouns: set[str], determiners: set[str]) -> set[str]:
    """The "persons" that the article itself shows to be organizations, whatever NER said: with no
    gender known and no title or person noun given to it, a name that holds an acronym ("KV Hydro", "TWU Local"), a one-word name the
    article follows with "it" or "its" and never with "he" or "she" ("Quillo"), or a name it
    describes as an institution ("Harbour Watch, the group behind the petition…")."""
    doc = people.doc
    found = set()
    for m in people.mentions:
        if m.key in people.gender or m.key in found or people.context.get(m.key, set()) & person_nouns:
            continue
        words = m.key.split()
        count = votes.get(m.key, Counter())
        if len(words) > 1 and any(_ACRONYM_WORD.match(w) for w in words) and not all(_ACRONYM_WORD.match(w) for w in words):
            found.add(m.key)
        elif count["n"] >= (1 if len(words) == 1 else 2) and not count["m"] and not count["f"]:
            found.add(m.key)
        elif _described_as_institution(doc, m.end, institution_nouns, determiners):
            found.add(m.key)
    return found


def _described_as_institution(doc, end: int, institution_nouns: set[str], determiners: set[str]) -> bool:
    """"Harbour Watch, the group behind the petition…": an apposition whose noun names an institution."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in determiners:
        return False
    for token in doc[end + 2:min(end + 5, len(doc))]:
        if token.lower_ in institution_nouns:
            return token.i + 1 >= len(doc) or doc[token.i + 1].lower_ not in ("'s", "’s")  # not "the company's CEO"
        if token.pos_ not in ("ADJ", "NOUN", "PROPN") or token.is_punct:
            return False
    return False
