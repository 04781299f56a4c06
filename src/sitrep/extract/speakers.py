"""Who a span of text names as a speaker or a source: a person (by name, pronoun or title),
an institution, or a group the text describes ("refugee advocates", "les secours"). Shared by the
quote and claim extractors.

A person is known by its full name: "Zelensky" where the article also says "Volodymyr Zelensky".
Pronouns and titles are resolved against the people the article names (:class:`People`): the most
salient earlier mention (a sentence subject first, the nearest sentence first) whose gender
agrees, the gender of each person read from the article itself (honorifics, gendered titles, and
the pronouns that follow their mentions). Words inside quotation marks are never antecedents.
What cannot be resolved stays None.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..lang import Lexicon, lookup, phrase_length
from ..nlp.syntax import has_parse
from .acronyms import expansions
from .mentions import SpeakerMention

PERSON_LABELS = {"PER", "PERSON"}
INSTITUTION_LABELS = {"ORG", "NORP", "GPE", "LOC"}
_MAX_INSTITUTION_TOKENS = 8
_MAX_GROUP_TOKENS = 8
_MAX_SOURCE_TOKENS = 10
_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "nsubjpass")
_ANTECEDENT_SENTENCES = 6  # a pronoun looks this many sentences back for its antecedent
_INSTITUTION_SENTENCES = 6  # "it said": an organization named this many sentences back at most
_GENDER_WINDOW = 40  # tokens after a mention where the next gendered word tells its gender
_KNOWN_GENDER_SENTENCES = 3  # a person known to agree, this near, beats one whose gender is unknown
_AGE = re.compile(r"\b\w+-year-old\b|\b\d+ ans\b")  # "the 32-year-old labourer", "my two-year-old"
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’-]*\.?$")
# "Roman Catholic Diocese of Covington": capitalized words, with "of", "and", "the", "for" between them
_CAPITALIZED_NAME = re.compile(r"\b[A-Z][\w'’&-]*(?:\s+(?:(?:of|and|for|the|de|du|des|la|le)\s+)*[A-Z][\w'’&-]*)*")


def according_to_source(doc: Doc, i: int, phrases: list[str], limit: int | None = None,
                        strict: list[str] | tuple[str, ...] = ()) -> Span | None:
    """The source named after "selon" / "d'après" / "according to" at token ``i``: the words up to
    the next punctuation (at most ten, never past ``limit``). After a ``strict`` phrase ("per"),
    only a determiner, a name or a plural noun opens a source: "per cent" names no one."""
    k = phrase_length(doc, i, phrases)
    if not k:
        return None
    start = end = i + k
    stop = min(len(doc), limit if limit is not None else len(doc))
    while end < stop and not doc[end].is_punct and not doc[end].is_space and end - start < _MAX_SOURCE_TOKENS:
        end += 1
    if end <= start:
        return None
    if doc[i:i + k].text.lower() in strict and not _opens_source(doc[start]):
        return None
    return doc[start:end]


def _opens_source(token: Token) -> bool:
    if token.pos_ in ("DET", "PROPN") or token.ent_type_ or token.text[:1].isupper():
        return True
    return token.pos_ == "NOUN" and "Plur" in token.morph.get("Number")


def clean_name(text: str) -> str:
    """A name without the punctuation and invisible characters NER spans sometimes carry (", Traeger\u200b"),
    nor a possessive ("Poulter’s")."""
    text = re.sub(r"[’']s$", "", text.replace("\u200b", "").strip())
    return re.sub(r"^[\W_]+|[\W_]+$", "", text).strip()


@dataclass
class Mention:
    start: int  # tokens
    end: int
    key: str  # the full name, or the resolved name of a pronoun
    subject: int  # 2: the subject of a speech verb, 1: of another verb, 0: not a subject
    sentence: int  # index of its sentence


@dataclass
class People:
    """The persons an article names, in text order, with what is known of each."""

    doc: Doc
    mentions: list[Mention] = field(default_factory=list)
    gender: dict[str, str] = field(default_factory=dict)  # full name -> m / f
    context: dict[str, set[str]] = field(default_factory=dict)  # full name -> words of the titles given to it
    pronouns: dict[int, Mention] = field(default_factory=dict)  # token index of a pronoun -> its antecedent
    surnames: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # last name -> (token, full name) of each full mention
    quoted: list[tuple[int, int]] = field(default_factory=list)  # character spans inside quotation marks
    sentence_of: list[int] = field(default_factory=list)  # token index -> sentence index
    acronyms: dict[str, str] = field(default_factory=dict)  # "IRCC" -> "Immigration, Refugees and Citizenship Canada"

    def in_quote(self, token: Token) -> bool:
        return any(s <= token.idx < e for s, e in self.quoted)

    def institution(self, text: str) -> str:
        """An institution's name, spelled out where the article gives the name its acronym
        stands for ("the IRCC" -> "Immigration, Refugees and Citizenship Canada")."""
        name = clean_name(text)
        bare = re.sub(r"^(?:the|The)\s+", "", name)
        return self.acronyms.get(bare.replace(".", ""), name)


class SpeakerResolver:
    def __init__(self, lex: Lexicon) -> None:
        section = lex.section("quotes")
        self.titles = set(section.get("title_nouns", []))
        self.person_nouns = set(section.get("person_nouns", [])) | self.titles
        self.pronouns: dict[str, str] = section.get("pronouns", {})
        self.gender_words: dict[str, str] = section.get("gender_words", {})
        self.institution_nouns = set(section.get("institution_nouns", []))
        self.document_nouns = set(section.get("document_nouns", []))
        self.clause_words = set(section.get("clause_words", []))
        self.determiners = set(section.get("definite_determiners", []))
        self.particles = set(section.get("name_particles", []))
        self.organization_words = set(section.get("organization_words", []))
        self.cues: dict[str, str] = lex.section("attribution", "verbs")
        self.honorifics = set(section.get("honorifics", []))
        self.possessives: dict[str, str] = section.get("possessives", {})
        self._people: People | None = None

    # ---------------------------------------------------------------- the article's people

    def people(self, doc: Doc, quoted: list[tuple[int, int]] | None = None) -> People:
        """Who the article names; computed once per Doc (``quoted``: the passages in quotation marks)."""
        if self._people is not None and self._people.doc is doc and quoted is None:
            return self._people
        shared = doc.user_data.get(("sitrep", "people"))
        if shared is not None and quoted is None:  # the quote finder's, reused by the claim finder
            self._people = shared
            return shared
        people = People(doc, quoted=list(quoted or []))
        people.acronyms = expansions(doc.text, (e.text for e in doc.ents if e.label_ == "ORG"))
        sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        people.sentence_of = [0] * len(doc)
        number = 0
        for sentence in sentences:  # counted by sentences with words: not the " ." lines of a scraped page
            for k in range(sentence.start, sentence.end):
                people.sentence_of[k] = number
            number += any(t.is_alpha for t in sentence)
        boilerplate = _repeated_lines(doc.text)
        names = [self.name_span(e) for e in doc.ents if e.label_ in PERSON_LABELS]
        names += [self.titled_span(e) for e in doc.ents if e.label_ in ("ORG", "MISC")]  # "Green Leader Andrew Weaver"
        names += self.honorific_names(doc, names)
        names += self.described_names(doc)
        names += self.titled_names(doc, names)
        names = [n for n in names if n is not None and not people.in_quote(n[0])
                 and _line_of(doc.text, n.start_char) not in boilerplate]
        names = [n for n in names if not any(o.start <= n.start and n.end <= o.end and len(o) > len(n) for o in names)]
        keys = {(n.start, n.end): self.full_name(doc, n) for n in names}
        names = [n for n in names if keys[(n.start, n.end)].split()[-1].lower() not in self.organization_words]  # "Studiocomix Press"
        people.surnames = _surnames((n.start, keys[(n.start, n.end)]) for n in names)
        for (start, end), key in keys.items():  # "Klisch", where the text search found no given name
            if " " not in key and key in people.surnames:
                keys[(start, end)] = _bearer(people.surnames[key], start)
        named = {w for key in keys.values() if " " in key for w in key.split()}
        seen = Counter(n.text for n in names)
        names = [n for n in names if len(n) > 1 or n.text in named or seen[n.text] > 1 or not _starts_sentence(n[0])]
        taken = {k for n in names for k in range(n.start, n.end)}
        for token in doc:  # "Poulter said", where NER saw an organization
            if token.i not in taken and clean_name(token.text) in people.surnames and token.text[:1].isupper() \
                    and not people.in_quote(token) and _may_be_name(token):
                names.append(doc[token.i:token.i + 1])
                keys[(token.i, token.i + 1)] = _bearer(people.surnames[clean_name(token.text)], token.i)
        names.sort(key=lambda n: n.start)
        names = [n for k, n in enumerate(names)
                 if not _modifies_next(n, names[k + 1] if k + 1 < len(names) else None, self.titles)]
        for n in names:
            key = keys[(n.start, n.end)]
            people.mentions.append(Mention(n.start, n.end, key, self.salience(n), people.sentence_of[n.start]))
            people.context.setdefault(key, set()).update(self.title_words(doc, n))
            gender = self.prefix_gender(doc, n.start)
            if gender:
                people.gender.setdefault(key, gender)
        self.read_genders(people)
        self.resolve_pronouns(people)
        self._people = people
        doc.user_data[("sitrep", "people")] = people
        return people

    def prefix_gender(self, doc: Doc, start: int) -> str | None:
        """The gender an honorific or a gendered title right before a name gives ("Ms. May",
        "spokeswoman Maria Zakharova")."""
        for k in range(start - 1, max(start - 4, -1), -1):  # "la présidente moldave Maia Sandu"
            word = doc[k].lower_.rstrip(".")
            if doc[k].text == "." or doc[k].pos_ == "ADJ" and word not in self.gender_words:
                continue
            if word in self.honorifics or doc[k].pos_ in ("NOUN", "PROPN"):
                return self.gender_words.get(word)
            return None
        return None

    def honorific_names(self, doc: Doc, names: list[Span | None]) -> list[Span]:
        """"Ms. Golden", "Mme Kallas": a capitalized word after an honorific is a name, whatever NER says."""
        taken = {k for n in names if n is not None for k in range(n.start, n.end)}
        found = []
        for token in doc[:-1]:
            nxt = doc[token.i + 1] if token.text != "." else None
            if token.lower_.rstrip(".") in self.honorifics and nxt is not None and nxt.i not in taken:
                k = nxt.i + (1 if nxt.text == "." else 0)
                end = k
                while end < len(doc) and end - k < 3 and doc[end].text[:1].isupper() and doc[end].is_alpha:
                    end += 1
                if end > k:
                    found.append(doc[k:end])
        return found

    def titled_names(self, doc: Doc, names: list[Span | None]) -> list[Span]:
        """"Hereditary Chief Na'moks", "Mayor Kiper": capitalized words right after a title are a
        name, where NER found none."""
        taken = {k for n in names if n is not None for k in range(n.start, n.end)}
        found = []
        for token in doc[:-1]:
            if token.lower_ not in self.titles or token.i + 1 in taken:
                continue
            end = token.i + 1
            while end < len(doc) and end - token.i <= 4 and doc[end].text[:1].isupper() and _NAME_WORD.match(doc[end].text) \
                    and doc[end].lower_ not in self.person_nouns and not doc[end].is_sent_start:
                end += 1
            run = doc[token.i + 1:end]
            if len(run) and not any(k in taken for k in range(run.start, run.end)) \
                    and not (len(run) == 1 and run[0].ent_type_ in ("LOC", "GPE", "ORG", "NORP")) \
                    and run[-1].lower_ not in self.organization_words:
                found.append(run)
        return found

    def described_names(self, doc: Doc) -> list[Span]:
        """"Tareq Hadad, the co-founder of …": a two- to four-word name NER gave another label, that
        an apposition describes as a person."""
        found = []
        for ent in doc.ents:
            if ent.label_ in PERSON_LABELS or not 2 <= len(ent) <= 4 or ent.end + 2 >= len(doc) \
                    or not all(t.is_alpha and t.text[:1].isupper() for t in ent) or doc[ent.end].text != ",":
                continue
            for token in doc[ent.end + 1:min(ent.end + 6, len(doc))]:
                if token.is_punct and token.text != "-" or token.pos_ in ("VERB", "AUX", "ADP"):
                    break  # (the hyphen of "co-founder" aside)
                if token.lower_ in self.person_nouns:
                    found.append(ent)
                    break
        return found

    def name_span(self, ent: Span) -> Span | None:
        """A PER entity without the punctuation, titles or possessive NER took in ("Barron County
        District Attorney Brian Wright", "the IFSD’s Azfar Ali Khan", "architect Lorena Paz Akin"),
        and with the rest of a hyphenated name it cut ("Jody Wilson" + "-Raybould")."""
        doc, start, end = ent.doc, ent.start, ent.end
        if ent[-1].lower_.rstrip(".") in self.organization_words:
            return None  # "Rusoro Mining Corp"
        while start < end and any(t.lower_ in self.organization_words for t in doc[start + 1:end]):
            start += 1  # "Getty Images Kevin Vickers": a credit line before the name
        org_words = {e[-1].text for e in doc.ents if e.label_ == "ORG"}  # "The Canadian Press Anne Marie Cerato"
        while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s", "s")):
            end -= 1
        for k in range(start, end - 1):
            word = doc[k].lower_.rstrip(".")
            if word in self.particles and start < k:  # "Ben van der Pluijm"
                continue
            if not (doc[k].text[:1].isupper() and _NAME_WORD.match(doc[k].text)) or word in self.person_nouns \
                    or doc[k].text.endswith(".") and len(doc[k].text) > 2 \
                    or word in self.gender_words or doc[k + 1].lower_ in ("'s", "’s") \
                    or doc[k].pos_ in ("DET", "ADP", "ADV") \
                    or doc[k].text in org_words:
                start = k + 1
        while start < end and not (doc[start].text[:1].isupper() and _NAME_WORD.match(doc[start].text)):
            start += 1
        if end - start == 1 and doc[start].pos_ != "PROPN" and (
                doc[start].pos_ in ("ADV", "ADP", "DET", "PRON", "VERB", "AUX", "CCONJ", "SCONJ")
                or start == 0 or doc[start - 1].is_space or doc[start - 1].text in (".", "!", "?")):
            return None  # "Originally, …", "Story continues below": a capitalized word, no name
        while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                and not doc[end].whitespace_ and doc[end + 1].text[:1].isupper():
            end += 2
        return doc[start:end] if end > start else None

    def read_genders(self, people: People) -> None:
        """Each person's gender, where no honorific or gendered title said it already: voted by the
        first gendered word after each mention, in its sentence, when no other person is named in
        that sentence before the word ("Kaja Kallas said her government…", "Moyra Baxter said she
        understands Howell's frustrations")."""
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
            stop = min(following, m.end + _GENDER_WINDOW, len(doc))
            for token in doc[m.end:stop]:
                if people.sentence_of[token.i] > m.sentence:
                    break
                gender = self.gender_words.get(token.lower_) or self.pronouns.get(_bare(token))
                if gender in ("m", "f") and not people.in_quote(token):
                    votes.setdefault(m.key, Counter())[gender] += 1
                    break
        for key, count in votes.items():
            (best, n), *rest = count.most_common()
            if key not in people.gender and (not rest or n > rest[0][1]):
                people.gender[key] = best

    def resolve_pronouns(self, people: People) -> None:
        """Every personal subject pronoun outside quotes, in text order: its antecedent, which
        then stands as a mention of that person for the pronouns after it ("he added")."""
        doc = people.doc
        mentions = sorted(people.mentions, key=lambda m: m.start)
        chain: list[Mention] = []
        k = 0
        for token in doc:
            while k < len(mentions) and mentions[k].start <= token.i:
                chain.append(mentions[k])
                k += 1
            gender = self.pronouns.get(_bare(token))
            if gender not in ("m", "f") or people.in_quote(token):
                continue
            antecedent = self.antecedent(people, chain, token.i, gender)
            if antecedent is not None:
                resolved = Mention(token.i, token.i + 1, antecedent.key, self.salience(doc[token.i:token.i + 1]),
                                   people.sentence_of[token.i])
                people.pronouns[token.i] = resolved
                chain.append(resolved)

    def antecedent(self, people: People, chain: list[Mention], i: int, gender: str | None,
                   words: set[str] | None = None) -> Mention | None:
        """The most salient earlier mention that agrees: in the pronoun's own sentence the nearest
        subject, else the nearest; in earlier sentences (nearest first) the first subject, else the
        first mention. With ``words`` (a title's), a person given such a title wins."""
        here = people.sentence_of[i]
        fits = [m for m in chain if m.end <= i and (gender is None or people.gender.get(m.key, gender) == gender)]
        titled = [m for m in fits if words and _stems(people.context.get(m.key, set())) & _stems(words)]
        fits = titled or [m for m in fits if here - m.sentence <= _ANTECEDENT_SENTENCES]
        known = [m for m in fits if gender in ("m", "f") and people.gender.get(m.key) == gender
                 and here - m.sentence <= _KNOWN_GENDER_SENTENCES]
        if known:  # "she", where one person is known to be a woman and the other is not known;
            # for "he", a person named in full in the sentence just before stays a candidate: most
            # people news quotes are men, so an unknown gender is more often a man's
            recent = [m for m in fits if m not in known and " " in m.key and here - m.sentence <= 1
                      and m.sentence >= max(k.sentence for k in known)] if gender == "m" else []
            fits = known + recent
        for sentence in sorted({m.sentence for m in fits}, reverse=True):
            group = [m for m in fits if m.sentence == sentence]
            top = max(m.subject for m in group)
            best = [m for m in group if m.subject == top]
            return best[-1] if sentence == here else best[0]
        return None

    def salience(self, span: Span) -> int:
        """2 for the subject of a speech verb ("Foster writes"), 1 for another subject, else 0."""
        if not has_parse(span):
            return 1 if span.doc.has_annotation("SENT_START") and span.start == span.sent.start else 0
        for t in span:
            head = t.head if t.dep_ in ("compound", "flat", "flat:name") and span.start <= t.head.i < span.end else t
            if head.dep_ in _SUBJECT_DEPS:
                return 2 if lookup(self.cues, head.head) is not None else 1
        return 0

    def title_words(self, doc: Doc, name: Span) -> set[str]:
        """The words of the title or apposition given to a name: "Ukrainian President Volodymyr
        Zelensky", "Donald Tusk, the president of the European Council"."""
        words = []
        k = name.start - 1
        while k >= 0 and name.start - k <= 4 and (doc[k].pos_ in ("PROPN", "ADJ", "NOUN") or doc[k].lower_ in self.titles):
            words.append(doc[k].lower_ if not doc[k].is_stop else "")
            k -= 1
        if name.end < len(doc) and doc[name.end].text == ",":
            for token in doc[name.end + 1:min(name.end + 10, len(doc))]:
                if token.is_punct or token.pos_ in ("VERB", "AUX"):
                    break
                words.append(token.lower_ if not token.is_stop else "")
        return {w for w in words if w.isalpha() and len(w) > 2}

    # ---------------------------------------------------------------- one span

    def __call__(self, doc: Doc, span: Span, people: People | None = None) -> SpeakerMention | None:
        people = people or self.people(doc)
        whole = self.head_part(span, keep_times=True)
        names = [m for m in people.mentions if m.start >= whole.start and m.end <= whole.end] \
            or [m for m in people.mentions if m.start <= whole.start and whole.end <= m.end]  # "Weaver" of "Andrew Weaver"
        head = self.head_part(span)
        if not names and Doc.has_extension("sitrep_times") \
                and any(t.start <= head.start and head.end <= t.end for t in doc._.sitrep_times or []):
            return None  # "Tuesday": a date the parser took for the subject
        if len(names) == 2 and all(t.pos_ == "CCONJ" for t in doc[names[0].end:names[1].start]) \
                and names[1].start - names[0].end == 1:  # "Charles Glynn and Richard Jones"
            conj = doc[names[0].end].text
            return SpeakerMention(names[0].start, names[1].end, f"{names[0].key} {conj} {names[1].key}", "person")
        owners = [m for m in names if m.end < len(doc) and doc[m.end].lower_ in ("'s", "’s")]
        names = [m for m in names if m not in owners] or names
        if names:  # the last name of the phrase is its head: "Mississauga accountant Babatunji Farinloye"
            cut = next((t.i for t in doc[names[0].end:whole.end] if t.pos_ == "ADP"), None)
            names = [m for m in names if cut is None or m.end <= cut]  # not "Tim Guest with the Nova Scotia…"
            return SpeakerMention(names[-1].start, names[-1].end, names[-1].key, "person")
        owned = self.possessor(doc, head, people)
        if owned is not None:
            return owned
        titled = self.titled_name(head)
        if titled is not None:
            return titled
        words = [_bare(t) for t in head if not t.is_punct and t.pos_ != "AUX" and _bare(t) != "t"]
        if len(words) <= 2 and any(w in self.pronouns for w in words):
            return self.pronoun(people, head)
        appositive = [m for m in people.mentions if head.end < len(doc) and doc[head.end].text == ","
                      and head.end < m.start <= head.end + 2 and m.end <= span.end]
        if appositive:  # "the president of the European Council, Donald Tusk, said"
            return SpeakerMention(appositive[0].start, appositive[0].end, appositive[0].key, "person")
        lower = {t.lower_ for t in head}
        definite = head[0].lower_ in self.determiners
        aged = bool(_AGE.search(head.text)) and head[-1].pos_ in ("NOUN", "PROPN")  # "the 32-year-old labourer"
        if (lower & self.person_nouns or aged) and _capitalized_name(head) is None:
            if not definite:  # "a justice official": someone the text does not name
                return SpeakerMention(head.start, head.end, clean_name(head.text), "group") \
                    if len(head) <= _MAX_GROUP_TOKENS else None
            antecedent = self.antecedent(people, _chain(people), head.start, self.noun_gender(head),
                                         {t.lower_ for t in head if t.is_alpha and not t.is_stop})
            if antecedent is not None:
                return SpeakerMention(head.start, head.end, antecedent.key, "person")
        institutions = [e for e in doc.ents if e.label_ in INSTITUTION_LABELS and e.start < head.end and e.end > head.start]
        if institutions:
            ent = institutions[0]
            if any(t.lower_ in self.document_nouns for t in head) or len(head) > _MAX_INSTITUTION_TOKENS:
                # "The RCMP statement", "A statement from the EU": the institution speaks
                start = ent.start - 1 if ent.start > 0 and doc[ent.start - 1].lower_ in self.determiners else ent.start
                return SpeakerMention(start, ent.end, people.institution(doc[start:ent.end].text), "institution")
            return SpeakerMention(head.start, head.end, people.institution(head.text), "institution")
        name = _capitalized_name(head)
        if name is not None:
            return SpeakerMention(name.start, name.end, self.full_name(doc, name), "person")
        if definite and lower & (self.institution_nouns | self.document_nouns):
            # "the diocese": the organization so far whose name holds the noun ("the Roman Catholic Diocese of
            # Covington"); "the company": the one the article speaks of most, so far; "the statement": the last one
            org = self.named_like(people, head) if lower & self.institution_nouns else None
            org = org or (self.previous_institution(people, head.start, within=2) if lower & self.institution_nouns else None)
            org = org or (self.main_institution(people, head.start) if lower & self.institution_nouns
                          else self.previous_institution(people, head.start, within=None))
            if org is not None:
                return SpeakerMention(head.start, head.end, people.institution(org.text), "institution")
        if people.institution(head.text) != clean_name(head.text):  # "IRCC", which NER did not tag
            return SpeakerMention(head.start, head.end, people.institution(head.text), "institution")
        if (head[-1].pos_ in ("NOUN", "PROPN") or _AGE.search(head.text.split()[-1])) and len(head) <= _MAX_GROUP_TOKENS \
                and not any(t.pos_ in ("VERB", "AUX") for t in head):
            return SpeakerMention(head.start, head.end, clean_name(head.text), "group")
        return None

    def possessor(self, doc: Doc, head: Span, people: People) -> SpeakerMention | None:
        """"her statement", "the union's release": a document speaks for its owner; "the
        province's Department of Community Services": the named institution after the owner."""
        for token in head:
            owner: Span | None = None
            if token.lower_ in self.possessives and token.i + 1 < head.end:
                owner = doc[token.i:token.i + 1]
            elif token.lower_ in ("'s", "’s") and token.i > head.start and token.i + 1 < head.end:
                owner = doc[head.start:token.i]
            if owner is None:
                continue
            rest = doc[token.i + 1:head.end]
            if any(t.lower_ in self.document_nouns for t in rest):
                if len(owner) == 1 and owner[0].lower_ in self.possessives:
                    return self.referent(people, owner[0], self.possessives[owner[0].lower_] or None, head)
                return self(doc, owner, people)
            if len(owner) > 1 and rest[0].text[:1].isupper() and all(t.text[:1].isupper() or t.is_stop for t in rest) \
                    and sum(t.text[:1].isupper() for t in rest) >= 2:  # not "the Prime Minister's Office"
                return self(doc, rest, people)
            return None
        return None

    def head_part(self, span: Span, keep_times: bool = False) -> Span:
        """The speaker's own words, without an apposition or a relative clause: "Rally Canada, the
        group that organized…" -> "Rally Canada"."""
        doc = span.doc
        start, end = span.start, span.end
        while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].pos_ == "CCONJ"
                               or doc[start].lower_ in self.clause_words and start + 1 < end):
            start += 1  # "which Infrastructure Canada said"
        for k in range(start + 1, end):
            if doc[k].text == "," and doc[start].lower_ in self.determiners and self.stacked_adjectives(doc[k + 1:end]) \
                    and all(t.is_lower and t.is_alpha for t in doc[start + 1:k]):
                continue  # "the lanky, bespectacled professor"
            if doc[k].text in (",", "(", "—", "–") or doc[k].lower_ in self.clause_words and doc[k].ent_iob_ != "I":
                end = k
                break
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        times = {k for t in (doc._.sitrep_times or []) for k in range(t.start, t.end)} \
            if Doc.has_extension("sitrep_times") and not keep_times else set()
        while start < end - 1 and (start in times or doc[start].is_punct):  # "Wednesday Suncor", "a notice Tuesday"
            start += 1
        while end - 1 > start and (end - 1 in times or doc[end - 1].is_punct):
            end -= 1
        return doc[start:end] if end > start else span

    def stacked_adjectives(self, rest: Span) -> bool:
        """"bespectacled professor": lowercase words ending on a person noun, no determiner nor clause."""
        words = [t for t in rest if not t.is_punct]
        return bool(words) and words[-1].lower_ in self.person_nouns and len(words) <= 3 \
            and all(t.is_lower and t.is_alpha and t.pos_ not in ("DET", "PRON", "AUX") and t.lower_ not in self.clause_words
                    for t in words)

    def pronoun(self, people: People, span: Span) -> SpeakerMention | None:
        token = next(t for t in span if _bare(t) in self.pronouns)
        return self.referent(people, token, self.pronouns[_bare(token)] or None, span)

    def referent(self, people: People, token: Token, gender: str | None, span: Span) -> SpeakerMention | None:
        """Who a personal or possessive pronoun at ``token`` stands for: a person ("he", "her"; no
        gender: "son"), or an organization ("it", "its", "they")."""
        if gender not in ("n", "p"):
            resolved = people.pronouns.get(token.i)
            if resolved is None:  # an incise inside the quotation marks: « …, a-t-il dit, … »; a possessive
                resolved = self.antecedent(people, _chain(people), token.i, gender)
            return SpeakerMention(span.start, span.end, resolved.key, "person") if resolved else None
        org = self.previous_institution(people, token.i, organizations_only=gender == "n")
        return SpeakerMention(span.start, span.end, people.institution(org.text), "institution") if org is not None else None

    def previous_institution(self, people: People, before: int, organizations_only: bool = True,
                             within: int | None = _INSTITUTION_SENTENCES) -> Span | None:
        doc = people.doc
        labels = {"ORG"} if organizations_only else {"ORG", "NORP"}
        here = people.sentence_of[before] if before < len(doc) else 0
        found = [e for e in doc.ents if e.label_ in labels and e.end <= before and not people.in_quote(e[0])
                 and (within is None or here - people.sentence_of[e.start] <= within)]
        if not found:
            return None
        nearest = [e for e in found if people.sentence_of[e.start] == people.sentence_of[found[-1].start]]
        subjects = [e for e in nearest if self.salience(e) > 0]  # "EDC declined… “…,” it said"
        return (subjects or nearest)[0] if people.sentence_of[nearest[0].start] != here else (subjects or nearest)[-1]

    def named_like(self, people: People, head: Span) -> Span | None:
        """The latest organization named before ``head`` whose name holds its noun ("the union" ->
        "the Canadian Union of Public Employees"), plural or not."""
        doc = people.doc
        nouns = {t.lower_.rstrip("s") for t in head if t.lower_ in self.institution_nouns}
        found = [e for e in doc.ents if e.label_ in ("ORG", "MISC") and e.end <= head.start and not people.in_quote(e[0])
                 and any(t.lower_.rstrip("s") in nouns for t in e)]
        for match in _CAPITALIZED_NAME.finditer(doc.text, 0, head.start_char):  # where NER cut the name short
            words = {w.lower().rstrip("s") for w in match.group(0).split()}
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None and len(span) > 1 and span[0].lower_ in self.determiners:
                span = span[1:]  # "The Roman Catholic Diocese…": the name without its article
            if words & nouns and span is not None and len(span) >= 2 and not people.in_quote(span[0]):
                found.append(span)
        found = [e for e in found if not any(o is not e and o.start <= e.start and e.end <= o.end and len(o) > len(e)
                                             for o in found)]  # the longest name
        return max(found, key=lambda e: e.start) if found else None

    def main_institution(self, people: People, before: int) -> Span | None:
        found = [e for e in people.doc.ents if e.label_ == "ORG" and e.end <= before and not people.in_quote(e[0])]
        if not found:
            return None
        counts = Counter(clean_name(e.text) for e in found)
        last = {clean_name(e.text): k for k, e in enumerate(found)}
        return found[last[max(last, key=lambda name: (counts[name], last[name]))]]

    def noun_gender(self, span: Span) -> str | None:
        return next((self.gender_words[t.lower_] for t in span if t.lower_ in self.gender_words), None)

    def titled_name(self, span: Span) -> SpeakerMention | None:
        """"le gouverneur régional Oleh Kiper", "economist Philip Cross": a title or a person noun,
        then a capitalized name (whatever NER says, unless it says a place)."""
        rest = self.titled_span(span)
        return SpeakerMention(rest.start, rest.end, self.full_name(span.doc, rest), "person") if rest is not None else None

    def titled_span(self, span: Span) -> Span | None:
        for token in span:
            if token.lower_ in self.person_nouns:
                name = [t for t in span.doc[token.i + 1:span.end] if t.text[:1].isupper() and _NAME_WORD.match(t.text)]
                rest = span.doc[name[0].i:name[-1].i + 1] if name else None
                if rest is not None and len(rest) == len(name) and (2 <= len(name) <= 4 or len(name) == 1
                                                                    and rest[0].pos_ in ("PROPN", "NOUN", "INTJ", "X") and rest.start == token.i + 1) \
                        and (not any(e.label_ in ("LOC", "GPE") for e in rest.ents)  # NER took "Oleh Kiper" for a place
                             or len(rest) >= 2 and all(t.pos_ == "ADJ" for t in span.doc[token.i + 1:rest.start])) \
                        and rest[-1].lower_ not in self.organization_words \
                        and not any(t.lower_ in self.person_nouns for t in rest):
                    return rest
        return None

    def full_name(self, doc: Doc, name: Span) -> str:
        """"Zelensky" where the article also says "Volodymyr Zelensky": the full name the article
        gives most often (then the nearest, an earlier one first), found in the text itself, not
        only where NER marked it, without a title NER took in ("Mayor Vitali Klitschko")."""
        words = self.untitled(name.text).split()
        if not words:
            return clean_name(name.text)
        last = " ".join(words)
        cache = doc.user_data.setdefault(("sitrep", "full_name_forms"), {})
        if last not in cache:  # the text search is the same for every mention of the name
            forms: dict[str, list[int]] = {}
            for match in re.finditer(r"(?<![\w-])" + re.escape(last) + r"(?![\w-])", doc.text):
                given = self.given_names(doc, match.start())
                if len(words) > 1:  # "Paz Akin" -> "Lorena Paz Akin", not "Getty Images Kevin Vickers"
                    given = _person_tagged(doc, match.start(), given) or given[-1:]
                if given:
                    forms.setdefault(" ".join([*given, last]), []).append(match.start())
            cache[last] = forms
        forms = cache[last]
        if not forms and len(words) == 1:  # "says Michael", where the article named "Michael Greenspan"
            fuller = {m.group(0) for m in re.finditer(r"(?<![\w-])" + re.escape(last) + r" [A-Z][\w'’-]+", doc.text)}
            fuller = {f for f in fuller if f.split()[1].lower() not in self.titles}
            return fuller.pop() if len(fuller) == 1 else last
        if not forms:
            return last
        at = name.start_char
        before = {form: [i for i in found if i <= at] for form, found in forms.items()}

        def rank(form: str) -> tuple[bool, int, float]:
            # news names a person in full, then by the surname: a full form named before comes first
            return bool(before[form]), len(forms[form]), -min(abs(i - at) + (i > at) * 0.5 for i in forms[form])

        return max(forms, key=rank)

    def given_names(self, doc: Doc, char: int) -> list[str]:
        """The capitalized words right before a surname at ``char`` that make a full name with it
        (at most three; no title, honorific, function word or abbreviation)."""
        given: list[str] = []
        end = char
        while len(given) < 5:
            match = re.search(r"(\S+)([ \t]+)$", doc.text[max(0, end - 40):end])
            if match is None:
                break
            start = end - len(match.group(0))
            span = doc.char_span(start, start + len(match.group(1)), alignment_mode="expand")
            if span is None or len(span) != 1 or not (_name_word(span[0], self) or span[0].lower_ in self.particles):
                break
            given.insert(0, span[0].text)
            end = start
        while given and given[0].lower() in self.particles:  # "of van der Pluijm": no given name before the particle
            given.pop(0)
        return given

    def untitled(self, text: str) -> str:
        """A name without the title NER took in: "Mayor Vitali Klitschko", "Wet'suwet'en Hereditary
        Chief Na'moks" (the words up to the last title go)."""
        words = clean_name(text).split()
        titled = [k for k, w in enumerate(words[:-1]) if w.lower().rstrip(".") in self.titles]
        if titled:
            words = words[titled[-1] + 1:]
        while len(words) > 1 and (words[0].lower().rstrip(".") in self.person_nouns
                                  or words[0].lower().rstrip(".") in self.gender_words):
            words = words[1:]
        return " ".join(words)


def _person_tagged(doc: Doc, char: int, given: list[str]) -> list[str]:
    """The given names right before ``char`` that NER marked as part of a person's name."""
    kept: list[str] = []
    end = char
    for word in reversed(given):
        start = doc.text.rfind(word, 0, end)
        span = doc.char_span(start, start + len(word), alignment_mode="expand") if start != -1 else None
        if span is None or span[0].ent_type_ not in PERSON_LABELS:
            break
        kept.insert(0, word)
        end = start
    return kept


def _modifies_next(name: Span, following: Span | None, titles: set[str]) -> bool:
    """"Mississauga accountant Babatunji Farinloye", "Hereditary Chief Na'moks": a one-word "name"
    that only qualifies the noun or title before a person's name (NER often tags such a word as a
    person)."""
    if following is None or len(name) != 1 or following.start - name.end not in (1, 2):
        return False
    between = name.doc[name.end:following.start]
    return all(t.lower_ in titles or t.is_lower and t.is_alpha and t.pos_ in ("NOUN", "ADJ", "PROPN")
               and not t.tag_.startswith("VB") for t in between)


def _starts_sentence(token: Token) -> bool:
    """"Originally, …", "Story continues…": a capitalized word that opens a sentence or a line,
    which alone is no evidence of a name."""
    doc = token.doc
    k = token.i - 1
    while k >= 0 and (doc[k].text in ("“", '"', "‘", "«", "(") or doc[k].is_space and "\n" not in doc[k].text):
        k -= 1
    return k < 0 or doc[k].text in (".", "!", "?", "”", "»", ":") or (doc[k].is_space and "\n" in doc[k].text)


def _may_be_name(token: Token) -> bool:
    """Not "in May", "May 5": a capitalized word that may stand for a person."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and after.like_num:
        return False
    if before is not None and before.pos_ == "ADP" and token.ent_type_ not in PERSON_LABELS | {"ORG"}:
        return False  # "in May", not "according to Foster"
    if token.pos_ in ("PROPN", "NOUN"):
        return True
    # '"…?" said Gokool.', where the tagger saw an adjective; not "the Green Party"
    return token.pos_ in ("ADJ", "X", "INTJ") and not (after is not None and after.text[:1].isupper())


def _repeated_lines(text: str) -> set[str]:
    """Short lines an article repeats: page furniture ("Story continues below advertisement")."""
    lines = Counter(line.strip() for line in text.split("\n") if 0 < len(line.strip()) <= 60)
    return {line for line, n in lines.items() if n > 1 and any(ch.isalpha() for ch in line)}


def _line_of(text: str, char: int) -> str:
    start = text.rfind("\n", 0, char) + 1
    end = text.find("\n", char)
    return text[start:end if end != -1 else len(text)].strip()


def _surnames(mentions) -> dict[str, list[tuple[int, str]]]:
    """The last names of the persons named in full: each with every mention (token index, full
    name) of a person who bears it, in text order."""
    by_last: dict[str, list[tuple[int, str]]] = {}
    for start, name in mentions:
        words = name.split()
        if len(words) > 1:
            by_last.setdefault(words[-1], []).append((start, name))
    return by_last


def _bearer(mentions: list[tuple[int, str]], at: int) -> str:
    """Which of the persons sharing a last name a bare "Greenspan" at token ``at`` is: the one the
    article has named most often so far, then the most recent one ("Dorie Greenspan", not her
    husband "Michael Greenspan" named once); the first one named when none was named before."""
    before = [(start, name) for start, name in mentions if start < at] or mentions[:1]
    counts = Counter(name for _, name in before)
    last = {name: start for start, name in before}
    return max(counts, key=lambda name: (counts[name], last[name]))


def _bare(token: Token) -> str:
    """"a-t-il" -> "il": the pronoun of an inverted French subject."""
    return token.lower_.strip("-").removeprefix("t-")


def _chain(people: People) -> list[Mention]:
    return sorted([*people.mentions, *people.pronouns.values()], key=lambda m: m.start)


def _name_word(token: Token, resolver: SpeakerResolver) -> bool:
    """A word that can open a full name: capitalized, not a function word, a title or an honorific."""
    text = clean_name(token.text)
    return bool(text) and text[:1].isupper() and bool(_NAME_WORD.match(token.text)) and not token.is_stop \
        and token.pos_ in ("PROPN", "NOUN", "ADJ", "X") and text.lower() not in resolver.person_nouns \
        and text.lower() not in resolver.gender_words and not token.text.endswith(".") \
        and token.ent_type_ not in ("LOC", "GPE", "NORP", "MISC") and text.lower() not in resolver.organization_words


def _capitalized_name(span: Span) -> Span | None:
    """Two or three capitalized proper nouns NER left out, making the whole phrase: a name."""
    words = [t for t in span if not t.is_punct]
    if 2 <= len(words) <= 3 and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha for t in words) \
            and not any(t.ent_type_ and t.ent_type_ not in PERSON_LABELS for t in words):
        return span.doc[words[0].i:words[-1].i + 1]
    return None


def _stems(words: set[str]) -> set[str]:
    return {w[:4] for w in words if len(w) >= 4}
