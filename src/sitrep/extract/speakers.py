"""Who a span of text names as a speaker or a source: a person (by name, pronoun or title),
an institution, or a group the text describes ("tenant advocates", "les secours"). Shared by the
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
from . import genders
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
_KNOWN_GENDER_SENTENCES = 3  # a person known to agree, this near, beats one whose gender is unknown
_TOPIC_PREPOSITIONS = ("for", "by", "pour", "par")  # "For Marchetti, …, she is…": a topic, which a pronoun may stand for
_AGE = re.compile(r"\b\w+-year-old\b|\b\d+ ans\b")  # "the 41-year-old welder", "my three-year-old"
# "Marisol “Mari” Quintero": a given name, a nickname in quotation marks, a last name, ending the phrase
_NICKNAMED = re.compile(r"\b([A-Z][\w'’-]+) [“\"‘][A-Z][\w'’-]*[”\"’] ([A-Z][\w'’-]+)$")
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’-]*\.?$")
# "Greek Orthodox Diocese of Pembrook": capitalized words, with "of", "and", "the", "for" between them
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
        word = doc[end - 1].text
        if word.endswith(".") and "." not in word[:-1] and len(word) > 4 and (end == len(doc) or doc[end].text[:1].isupper()):
            break  # "according to research firm DataVane. The sector…": the period the tokenizer left on the word
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
    """A name without the punctuation and invisible characters NER spans sometimes carry (", Brenner\u200b"),
    nor a possessive ("Lindgren’s")."""
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
    acronyms: dict[str, str] = field(default_factory=dict)  # "MRTA" -> "Maritime, Rail and Transport Agency"
    legal_forms: set[str] = field(default_factory=set)  # "corp", "inc": words that add nothing to a company's name
    nonpersons: set[str] = field(default_factory=set)  # names NER took for persons that the article shows to be organizations

    def in_quote(self, token: Token) -> bool:
        return any(s <= token.idx < e for s, e in self.quoted)

    def organizations(self, labels: set[str]) -> list[Span]:
        """The entities with one of ``labels``, and the mentions of the names NER took for persons
        that the article shows to be organizations, in text order."""
        found = [e for e in self.doc.ents if e.label_ in labels]
        found += [self.doc[m.start:m.end] for m in self.mentions if m.key in self.nonpersons]
        return sorted(found, key=lambda e: e.start)

    def name_of(self, org: Span) -> str:
        """An organization's name: the full name of a mention NER took for a person ("Hydro" ->
        "KV Hydro"), else the institution's own."""
        key = next((m.key for m in self.mentions if m.start == org.start and m.end == org.end), None)
        if key not in self.nonpersons:
            return self.institution(org.text, before=org.start_char)
        text = clean_name(org.text)  # "Quillo", not the "Quillo Labs" of "the Quillo Labs app"
        uses = len(re.findall(r"(?<![\w-])" + re.escape(text) + r"(?![\w-])", self.doc.text))
        return self.fuller_name(text, org.start_char) if uses > 2 * self.doc.text.count(key) else key

    def institution(self, text: str, before: int | None = None) -> str:
        """An institution's name, spelled out where the article gives the name its acronym
        stands for ("the MRTA" -> "Maritime, Rail and Transport Agency"); with ``before`` (a
        character offset), in the fuller form the article gave it before ("Brennock" ->
        "Brennock Logistics")."""
        name = clean_name(text)
        bare = re.sub(r"^(?:the|The)\s+", "", name)
        spelled = self.acronyms.get(bare.replace(".", ""), name)
        return self.fuller_name(spelled, before) if before is not None and spelled == name else spelled

    def fuller_name(self, name: str, before: int) -> str:
        """"Brennock" where the article introduced "Brennock Logistics": the longer form of an
        organization's name (the same words, then capitalized ones, not only "Inc." or "Ltd."),
        when NER found it before ``before`` and no later than the name's second mention (a
        headline or a photo caption may name it short first); not "Brennock said… the Brennock
        Freight app", a product or a branch named after the organization."""
        bare = re.sub(r"^(?:the|The)\s+", "", name)
        if not bare:
            return name
        pattern = re.compile(re.escape(bare) + r"(?:[ -][A-Z][\w&'’.-]*)+")
        mentions = [m.start() for m in re.finditer(r"(?<![\w-])" + re.escape(bare) + r"(?![\w-])", self.doc.text)]
        second = mentions[1] if len(mentions) > 1 else len(self.doc.text)
        forms = Counter(clean_name(e.text) for e in self.doc.ents if e.label_ == "ORG" and e.start_char <= min(before - 1, second))
        longer = [f for f in forms if pattern.fullmatch(re.sub(r"^(?:the|The)\s+", "", f))
                  and not all(w.lower().rstrip(".") in self.legal_forms for w in re.split(r"[ -]", f[len(bare):].strip(" -")))]
        return min(longer, key=lambda f: (-forms[f], len(f))) if longer else name


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
        self.legal_forms = set(section.get("legal_forms", []))
        self.cues: dict[str, str] = lex.section("attribution", "verbs")
        self.honorifics = set(section.get("honorifics", []))
        self.possessives: dict[str, str] = section.get("possessives", {})
        # the words that tell a person's gender ("she", "Mrs"), or that a name stands for a thing ("it", "its")
        self.referent_words = {**{w: g for w, g in (*self.pronouns.items(), *self.possessives.items()) if g in ("m", "f", "n")},
                               **self.gender_words}
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
        people.legal_forms = self.legal_forms
        sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        people.sentence_of = [0] * len(doc)
        number = 0
        for sentence in sentences:  # counted by sentences with words: not the " ." lines of a scraped page
            for k in range(sentence.start, sentence.end):
                people.sentence_of[k] = number
            number += any(t.is_alpha for t in sentence)
        boilerplate = _repeated_lines(doc.text)
        names = [self.name_span(e) for e in doc.ents if e.label_ in PERSON_LABELS]
        names += [self.titled_span(e) for e in doc.ents if e.label_ in ("ORG", "MISC")]  # "Eastland Leader Tessa Marlow"
        names += self.honorific_names(doc, names)
        described = self.described_names(doc)
        names += described
        names += self.titled_names(doc, names)
        names = [n for n in names if n is not None and not people.in_quote(n[0])
                 and _line_of(doc.text, n.start_char) not in boilerplate
                 and not (len(n) == 1 and re.sub(r"s$", "", n.text.lower()) in self.person_nouns)]  # "MPs"
        names = [n for n in names if not any(o.start <= n.start and n.end <= o.end and len(o) > len(n) for o in names)]
        keys = {(n.start, n.end): self.full_name(doc, n) for n in names}
        names = [n for n in names if keys[(n.start, n.end)].split()[-1].lower() not in self.organization_words]  # "Quillpoint Press"
        people.surnames = _surnames((n.start, keys[(n.start, n.end)]) for n in names)
        for (start, end), key in keys.items():  # "Halvorsen", where the text search found no given name
            if " " not in key and key in people.surnames:
                keys[(start, end)] = _bearer(people.surnames[key], start)
        named = {w for key in keys.values() if " " in key for w in key.split()}
        seen = Counter(n.text for n in names)
        described_at = {(n.start, n.end) for n in described}
        names = [n for n in names if len(n) > 1 or n.text in named or seen[n.text] > 1 or not _starts_sentence(n[0])
                 or (n.start, n.end) in described_at]
        names = list({(n.start, n.end): n for n in names}.values())  # a PER entity an apposition describes, once
        taken = {k for n in names for k in range(n.start, n.end)}
        single = {keys[(n.start, n.end)] for n in names if " " not in keys[(n.start, n.end)]}  # "Gwa'lahk", "Sari"
        for token in doc:  # "Lindgren said", where NER saw an organization or nothing
            word = clean_name(token.text)
            if token.i not in taken and (word in people.surnames or word in single and _proper_noun(token)) \
                    and token.text[:1].isupper() \
                    and not people.in_quote(token) and _may_be_name(token) and not _inside_longer_name(token):
                names.append(doc[token.i:token.i + 1])
                keys[(token.i, token.i + 1)] = _bearer(people.surnames[word], token.i) if word in people.surnames else word
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
        votes = genders.vote(people, self.referent_words)
        genders.read_genders(people, votes)
        people.nonpersons = genders.organizations(people, votes, self.institution_nouns, self.person_nouns, self.determiners)
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
        """"Ms. Prescott", "Mme Kallas": a capitalized word after an honorific is a name, whatever NER says."""
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
        """"Tribal Chief Gwa'lahk", "Mayor Kiper": capitalized words right after a title are a
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
        """"Ingrid Halvorsen, the co-founder of …", "Sari, a teacher from Kampung Hilir": a name of up to four
        words, whatever NER says of it (even at the start of a sentence, where a capitalized word
        alone is no evidence of a name), that an apposition describes as a person."""
        found = []
        tagged = {k for e in doc.ents for k in range(e.start, e.end)}
        untagged = [doc[t.i:t.i + 1] for t in doc if t.i not in tagged and t.pos_ in ("PROPN", "INTJ", "X")]  # "Sari", no entity
        for ent in [*doc.ents, *untagged]:
            words = [t for t in ent if t.lower_ not in self.particles]  # "Maarten van der Stel"
            if not 1 <= len(ent) <= 4 or ent.end + 2 >= len(doc) \
                    or not all(t.is_alpha and t.text[:1].isupper() for t in words) or doc[ent.end].text != "," \
                    or not ent[0].text[:1].isupper() \
                    or len(ent) == 1 and ent[0].pos_ not in ("PROPN", "INTJ", "X") and ent.label_ not in PERSON_LABELS | {"MISC"} \
                    or not (doc[ent.end + 1].is_lower or doc[ent.end + 1].like_num):  # not "on Friday, Deputy Director…"
                continue
            for token in doc[ent.end + 1:min(ent.end + 6, len(doc))]:
                if token.is_punct and token.text != "-" or token.pos_ in ("VERB", "AUX", "ADP"):
                    break  # (the hyphen of "co-founder" aside)
                if token.lower_ in self.person_nouns:
                    found.append(ent)
                    break
        return found

    def name_span(self, ent: Span) -> Span | None:
        """A PER entity without the punctuation, titles or possessive NER took in ("Harlow County
        District Attorney Dana Whitfield", "the MRTA’s Farid Ansari", "architect Julia Ortiz Vega"),
        and with the rest of a hyphenated name it cut ("Anna Kerr" + "-Dalton")."""
        doc, start, end = ent.doc, ent.start, ent.end
        if ent[-1].lower_.rstrip(".") in self.organization_words:
            return None  # "Tarnwick Mining Corp"
        while start < end and any(t.lower_ in self.organization_words for t in doc[start + 1:end]):
            start += 1  # "Northlight Images Oskar Brandt": a credit line before the name
        org_words = {e[-1].text for e in doc.ents if e.label_ == "ORG"}  # "The Harbour Press Mirela Kostic"
        while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s", "s")):
            end -= 1
        for k in range(start, end - 1):
            word = doc[k].lower_.rstrip(".")
            if word in self.particles and start < k:  # "Maarten van der Stel"
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
            return None  # "Originally, …", "Story resumes after the ad": a capitalized word, no name
        while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                and not doc[end].whitespace_ and doc[end + 1].text[:1].isupper():
            end += 2
        return doc[start:end] if end > start else None

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
                genders.learn_gender(people, antecedent.key, gender)
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
        agreeing = [m for m in chain if m.end <= i and m.key not in people.nonpersons
                    and (gender is None or people.gender.get(m.key, gender) == gender)
                    and not (m.sentence == here and _in_adjunct(people.doc, m))]
        titled = self.titled_mentions(people, agreeing, words) if words else []
        fits = titled or [m for m in agreeing if here - m.sentence <= _ANTECEDENT_SENTENCES]
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

    def titled_mentions(self, people: People, fits: list[Mention], words: set[str]) -> list[Mention]:
        """The mentions of the persons given the title or the person noun of ``words`` ("the
        Ukrainian president": a president; the Ukrainian one first when there are two)."""
        nouns = _stems(words & self.person_nouns)
        titled = [m for m in fits if _stems(people.context.get(m.key, set())) & nouns]
        best = max((len(_stems(people.context.get(m.key, set())) & _stems(words)) for m in titled), default=0)
        return [m for m in titled if len(_stems(people.context.get(m.key, set())) & _stems(words)) == best]

    def salience(self, span: Span) -> int:
        """2 for the subject of a speech verb ("Kessler writes"), 1 for another subject, else 0."""
        if not has_parse(span):
            return 1 if span.doc.has_annotation("SENT_START") and span.start == span.sent.start else 0
        for t in span:
            head = t.head if t.dep_ in ("compound", "flat", "flat:name") and span.start <= t.head.i < span.end else t
            if head.dep_ in _SUBJECT_DEPS:
                return 2 if lookup(self.cues, head.head) is not None else 1
        return 0

    def title_words(self, doc: Doc, name: Span) -> set[str]:
        """The words of the title or apposition given to a name: "Ukrainian President Volodymyr
        Zelensky", "Elena Varga, the president of the regional council"."""
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
            or [m for m in people.mentions if m.start <= whole.start and whole.end <= m.end]  # "Marlow" of "Tessa Marlow"
        head = self.head_part(span)
        if not names and Doc.has_extension("sitrep_times") \
                and any(t.start <= head.start and head.end <= t.end for t in doc._.sitrep_times or []):
            return None  # "Tuesday": a date the parser took for the subject
        if names:  # "An official with Coastal Rescue Services", "the mother of Jane Doe": the name qualifies the noun
            lead = [t for t in doc[whole.start:names[0].start] if t.lower_ in self.person_nouns]
            if lead and any(t.pos_ == "ADP" for t in doc[lead[-1].i + 1:names[0].start]):
                names = []
        nicknamed = _NICKNAMED.search(head.text)
        if nicknamed is not None:  # "lead singer Marisol “Mari” Quintero"
            start = doc.char_span(head.start_char + nicknamed.start(), head.end_char, alignment_mode="expand")
            return SpeakerMention(start.start if start is not None else head.start, head.end,
                                  f"{nicknamed.group(1)} {nicknamed.group(2)}", "person")
        owners = [m for m in names if m.end < len(doc) and doc[m.end].lower_ in ("'s", "’s")]
        pair = [m for m in names if m not in owners]
        if len(pair) == 2 and all(t.pos_ == "CCONJ" for t in doc[pair[0].end:pair[1].start]) \
                and pair[1].start - pair[0].end == 1:  # "Mark Dolan and Peter Hayes", "the bakery's owners X and Y"
            conj = doc[pair[0].end].text
            return SpeakerMention(pair[0].start, pair[1].end, f"{pair[0].key} {conj} {pair[1].key}", "person")
        if all(m in owners for m in names):  # "Kowalczyk’s partner, Daniel Ferrand": the person the apposition names
            apposed = self.apposed_name(people, head)
            if apposed is not None:
                return apposed
        names = [m for m in names if m not in owners] or names
        if names:  # the last name of the phrase is its head: "Dunmore plumber Kofi Mensah"
            cut = next((t.i for t in doc[names[0].end:whole.end] if t.pos_ == "ADP"), None)
            names = [m for m in names if cut is None or m.end <= cut]  # not "Jim Page with the New Brunswick…"
            last = names[-1]
            if last.key in people.nonpersons:  # "KV Hydro said", where NER saw a person
                return SpeakerMention(last.start, last.end, people.name_of(doc[last.start:last.end]), "institution")
            return SpeakerMention(last.start, last.end, last.key, "person")
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
        if appositive:  # "the president of the regional council, Elena Varga, said"
            first = appositive[0]
            second = next((m for m in people.mentions if m.start == first.end + 1 and m.end <= span.end), None)
            if second is not None and doc[first.end].pos_ == "CCONJ":  # "His defence attorneys, Mark Dolan and Peter Hayes"
                return SpeakerMention(first.start, second.end, f"{first.key} {doc[first.end].text} {second.key}", "person")
            return SpeakerMention(first.start, first.end, first.key, "person")
        lower = {t.lower_ for t in head}
        definite = head[0].lower_ in self.determiners
        aged = bool(_AGE.search(head.text)) and head[-1].pos_ in ("NOUN", "PROPN")  # "the 41-year-old welder"
        if (lower & self.person_nouns or aged) and _capitalized_name(head) is None:
            if not definite:  # "a port official": someone the text does not name
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
                # "The MRTA statement", "A statement from the OECD": the institution speaks
                start = ent.start - 1 if ent.start > 0 and doc[ent.start - 1].lower_ in self.determiners else ent.start
                return SpeakerMention(start, ent.end, people.institution(doc[start:ent.end].text, before=doc[start].idx),
                                      "institution")
            return SpeakerMention(head.start, head.end, people.institution(head.text, before=head.start_char), "institution")
        name = _capitalized_name(head)
        if name is not None:
            return SpeakerMention(name.start, name.end, self.full_name(doc, name), "person")
        if definite and head[-1].lower_ in self.institution_nouns and len(head) >= 3 \
                and (all(t.text[:1].isupper() and t.pos_ in ("ADJ", "PROPN") for t in head[1:-1])
                     or any(t.lower_ in ("'s", "’s") for t in head[1:-1])):
            # "The Norwegian government", "the transport ministry's road-safety office": the phrase names the institution
            return SpeakerMention(head.start, head.end, clean_name(head.text), "institution")
        nouns = {t.lower_ for t in head if t.i + 1 >= len(doc) or doc[t.i + 1].lower_ not in ("'s", "’s")}
        if definite and nouns & (self.institution_nouns | self.document_nouns):  # not "the club’s supporters"
            # "the diocese": the organization so far whose name holds the noun ("the Greek Orthodox Diocese of
            # Pembrook"); "the company": the one the article speaks of most, so far; "the statement": the last one
            org = self.named_like(people, head) if lower & self.institution_nouns else None
            org = org or (self.previous_institution(people, head.start, within=2) if lower & self.institution_nouns else None)
            org = org or (self.main_institution(people, head.start) if lower & self.institution_nouns
                          else self.previous_institution(people, head.start, within=None))
            if org is not None:
                return SpeakerMention(head.start, head.end, people.name_of(org), "institution")
        if people.institution(head.text) != clean_name(head.text):  # "MRTA", which NER did not tag
            return SpeakerMention(head.start, head.end, people.institution(head.text), "institution")
        words = head.text.split()  # none when the phrase is blank space ("Sheikh Ali Salman,      reported")
        if words and (head[-1].pos_ in ("NOUN", "PROPN") or _AGE.search(words[-1])) and len(head) <= _MAX_GROUP_TOKENS \
                and not any(t.pos_ in ("VERB", "AUX") and not (t.tag_ == "VBN" and t.dep_ == "acl") for t in head):
            # (a participle may qualify the noun: "Residents evacuated on Sunday")
            return SpeakerMention(head.start, head.end, clean_name(head.text), "group")
        return None

    def apposed_name(self, people: People, head: Span) -> SpeakerMention | None:
        """"Kowalczyk’s partner, Daniel Ferrand", "Osei’s mum, Abena": the name an apposition gives to
        a person noun, up to the next punctuation, a person the article names or a proper noun."""
        doc = head.doc
        if not len(head) or head[-1].lower_ not in self.person_nouns or head.end + 1 >= len(doc) or doc[head.end].text != ",":
            return None
        end = head.end + 1
        while end < len(doc) and end - head.end <= 6 and not doc[end].is_space \
                and (not doc[end].is_punct or doc[end].text == "-" and not doc[end - 1].whitespace_):  # "Kerr-Dalton"
            end += 1
        if end < len(doc) and not (doc[end].is_punct or doc[end].is_space):
            return None
        words = doc[head.end + 1:end]
        named = [m for m in people.mentions if m.start == words.start and m.end <= words.end]
        if named:
            return SpeakerMention(named[0].start, named[0].end, named[0].key, "person")
        if len(words) and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words):
            return SpeakerMention(words.start, words.end, self.full_name(doc, words), "person")
        return None

    def possessor(self, doc: Doc, head: Span, people: People) -> SpeakerMention | None:
        """"her statement", "the union's release": a document speaks for its owner; "the
        city's Office of Housing Standards": the named institution after the owner."""
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
                    and sum(t.text[:1].isupper() for t in rest) >= 2:  # not "the Mayor's Office"
                return self(doc, rest, people)
            return None
        return None

    def head_part(self, span: Span, keep_times: bool = False) -> Span:
        """The speaker's own words, without an apposition or a relative clause: "Harbour Watch, the
        group behind the petition…" -> "Harbour Watch"."""
        doc = span.doc
        start, end = span.start, span.end
        while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].pos_ == "CCONJ"
                               or doc[start].lower_ in self.clause_words and start + 1 < end):
            start += 1  # "which Parks Eastland said"
        for k in range(start + 1, end):
            if doc[k].text == "," and doc[start].lower_ in self.determiners and self.stacked_adjectives(doc[k + 1:end]) \
                    and all(t.is_lower and t.is_alpha for t in doc[start + 1:k]):
                continue  # "the tall, bearded professor"
            if doc[k].text in (",", "(", "—", "–") or doc[k].lower_ in self.clause_words and doc[k].ent_iob_ != "I":
                end = k
                break
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        times = {k for t in (doc._.sitrep_times or []) for k in range(t.start, t.end)} \
            if Doc.has_extension("sitrep_times") and not keep_times else set()
        while start < end - 1 and (start in times or doc[start].is_punct):  # "Wednesday Norvik", "a notice Friday"
            start += 1
        while end - 1 > start and (end - 1 in times or doc[end - 1].is_punct):
            end -= 1
        return doc[start:end] if end > start else span

    def stacked_adjectives(self, rest: Span) -> bool:
        """"bearded professor": lowercase words ending on a person noun, no determiner nor clause."""
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
        return SpeakerMention(span.start, span.end, people.name_of(org), "institution") if org is not None else None

    def previous_institution(self, people: People, before: int, organizations_only: bool = True,
                             within: int | None = _INSTITUTION_SENTENCES) -> Span | None:
        doc = people.doc
        labels = {"ORG"} if organizations_only else {"ORG", "NORP"}
        here = people.sentence_of[before] if before < len(doc) else 0
        found = [e for e in people.organizations(labels) if e.end <= before and not people.in_quote(e[0])
                 and (within is None or here - people.sentence_of[e.start] <= within)]
        if not found:
            return None
        nearest = [e for e in found if people.sentence_of[e.start] == people.sentence_of[found[-1].start]]
        subjects = [e for e in nearest if self.salience(e) > 0]  # "MRTA declined… “…,” it said"
        # "Fizz, Glow and Sparkle maker Brightwell & Sons rallied": the subject itself before the names qualifying it
        subjects = [e for e in subjects if any(t.dep_ in _SUBJECT_DEPS for t in e)] or subjects
        return (subjects or nearest)[0] if people.sentence_of[nearest[0].start] != here else (subjects or nearest)[-1]

    def named_like(self, people: People, head: Span) -> Span | None:
        """The latest organization named before ``head`` whose name holds its noun ("the union" ->
        "the Canadian Union of Public Employees"), plural or not."""
        doc = people.doc
        nouns = {t.lower_.rstrip("s") for t in head if t.lower_ in self.institution_nouns}
        found = [e for e in people.organizations({"ORG", "MISC"}) if e.end <= head.start and not people.in_quote(e[0])
                 and any(t.lower_.rstrip("s") in nouns for t in e)]
        for match in _CAPITALIZED_NAME.finditer(doc.text, 0, head.start_char):  # where NER cut the name short
            words = {w.lower().rstrip("s") for w in match.group(0).split()}
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None and len(span) > 1 and span[0].lower_ in self.determiners:
                span = span[1:]  # "The Greek Orthodox Diocese…": the name without its article
            if words & nouns and span is not None and len(span) >= 2 and not people.in_quote(span[0]):
                found.append(span)
        found = [e for e in found if not any(o is not e and o.start <= e.start and e.end <= o.end and len(o) > len(e)
                                             for o in found)]  # the longest name
        return max(found, key=lambda e: e.start) if found else None

    def main_institution(self, people: People, before: int) -> Span | None:
        found = [e for e in people.organizations({"ORG"}) if e.end <= before and not people.in_quote(e[0])]
        if not found:
            return None
        counts = Counter(clean_name(e.text) for e in found)
        last = {clean_name(e.text): k for k, e in enumerate(found)}
        return found[last[max(last, key=lambda name: (counts[name], last[name]))]]

    def noun_gender(self, span: Span) -> str | None:
        return next((self.gender_words[t.lower_] for t in span if t.lower_ in self.gender_words), None)

    def titled_name(self, span: Span) -> SpeakerMention | None:
        """"le gouverneur régional Oleh Kiper", "economist Priya Raman": a title or a person noun,
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
                        and not any(re.sub(r"s$", "", t.lower_) in self.person_nouns for t in rest):  # not "veteran MLAs"
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
                if len(words) > 1:  # "Ortiz Vega" -> "Julia Ortiz Vega", not "Northlight Images Oskar Brandt"
                    given = _person_tagged(doc, match.start(), given) or given[-1:]
                if given:
                    forms.setdefault(" ".join([*given, last]), []).append(match.start())
            cache[last] = forms
        forms = cache[last]
        if not forms and len(words) == 1:  # "says Erik", where the article named "Erik Rosendahl"
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
        while given and given[0].lower() in self.particles:  # "of van der Stel": no given name before the particle
            given.pop(0)
        return given

    def untitled(self, text: str) -> str:
        """A name without the title NER took in: "Mayor Vitali Klitschko", "Harbour Nation Tribal
        Chief Gwa'lahk" (the words up to the last title go)."""
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


def _in_adjunct(doc: Doc, mention: Mention) -> bool:
    """"Unlike Erik Dahl, he…", "After meeting Nowak, she…": a name inside a prepositional phrase
    of the pronoun's own sentence, which the pronoun does not stand for (but "For Marchetti, …, she
    is…", where the phrase gives the topic, and the agent of "by")."""
    root = next((t for t in doc[mention.start:mention.end] if not mention.start <= t.head.i < mention.end), None)
    if root is None:
        return False
    case = [c for c in root.children if c.dep_ == "case" and c.pos_ == "ADP"] \
        or ([root.head] if root.dep_ == "pobj" and root.head.pos_ == "ADP" else [])  # "à", "unlike"
    return bool(case) and not root.dep_.startswith(("nsubj", "obj", "iobj")) and case[0].lower_ not in _TOPIC_PREPOSITIONS


def _modifies_next(name: Span, following: Span | None, titles: set[str]) -> bool:
    """"Dunmore plumber Kofi Mensah", "Tribal Chief Gwa'lahk": a one-word "name"
    that only qualifies the noun or title before a person's name (NER often tags such a word as a
    person)."""
    if following is None or len(name) != 1 or following.start - name.end not in (1, 2):
        return False
    between = name.doc[name.end:following.start]
    return all(t.lower_ in titles or t.is_lower and t.is_alpha and t.pos_ in ("NOUN", "ADJ", "PROPN")
               and not t.tag_.startswith("VB") for t in between)


def _proper_noun(token: Token) -> bool:
    """"Gwa'lahk said", not "Eastland ferry crews": a proper noun that qualifies no noun after it."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (token.pos_ in ("PROPN", "X", "INTJ") or token.ent_type_ in PERSON_LABELS) \
        and not (after is not None and after.is_lower and after.pos_ in ("NOUN", "PROPN"))


def _inside_longer_name(token: Token) -> bool:
    """"Zealand" of "New Zealand": a word of a longer place name."""
    if token.ent_type_ not in ("LOC", "GPE"):
        return False
    doc = token.doc
    return token.ent_iob_ == "I" or token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I"


def _starts_sentence(token: Token) -> bool:
    """"Originally, …", "Story resumes…": a capitalized word that opens a sentence or a line,
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
        return False  # "in May", not "according to Kessler"
    if token.pos_ in ("PROPN", "NOUN") or token.ent_type_ in PERSON_LABELS:  # "Marsh said", tagged a number
        return True
    # '"…?" said Ekberg.', where the tagger saw an adjective; not "the Harbour Party"
    return token.pos_ in ("ADJ", "X", "INTJ") and not (after is not None and after.text[:1].isupper())


def _repeated_lines(text: str) -> set[str]:
    """Short lines an article repeats: page furniture ("Story resumes after the ad")."""
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
    """Which of the persons sharing a last name a bare "Rosendahl" at token ``at`` is: the one the
    article has named most often so far, then the most recent one ("Alma Rosendahl", not her
    husband "Erik Rosendahl" named once); the first one named when none was named before."""
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
