"""Quotes: direct (every typographic form: « … », “ … ”, " … ", ‘ … ’, `` … '', incises
included) and indirect ("X a affirmé que…", "the ministry said that…", "…, the agency said",
"selon X"), each with its cue verb and a resolved speaker (see :mod:`.speakers`): a named person,
a pronoun or a title resolved to the person it refers to, an institution, or a group the text
describes. An unresolved speaker stays None rather than a guess.

Finding works on the text's surface first (quotation marks, the words between a quote and its
cue), and on the parse where the surface says nothing: the parser often ends a sentence at a
closing mark or hangs a speech verb off the wrong clause.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..lang import load_lexicon, lookup
from ..nlp.extensions import register_extensions
from ..nlp.syntax import children, subtree_span
from .mentions import QuoteMention, SpeakerMention
from .speakers import INSTITUTION_LABELS, PERSON_LABELS, People, SpeakerResolver, according_to_source

_MAX_QUOTE_CHARS = 3000
_MAX_APOSTROPHE_QUOTE_CHARS = 400  # ‘ … ’: the closing mark is also the apostrophe
_CUE_AFTER = 25  # tokens after a quote where its cue verb may stand
_CUE_BEFORE = 15
_MAX_SPEAKER_TOKENS = 12
_MIN_CLAUSE_TOKENS = 4  # an indirect quote is a clause: at least this many words, a finite verb
_MAX_TAIL_TOKENS = 6  # "…, Halvorsen said on Tuesday in a statement."
_SCARE_QUOTE_WORDS = 4  # a quoted passage this short with no cue is a term in quotation marks
# A quote with no cue continues the speaker of a quote at most this many line breaks before it
# (two paragraphs, whether they are separated by a blank line or by a line of their own).
_FOLLOW_LINE_BREAKS = 4
_SENTENCE_END = (".", "!", "?", "…")
_TWIN_APOSTROPHES = {"”": ("’’",)}  # a closing double mark typed as two apostrophes
_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "nsubjpass", "expl:subj")


@Language.factory("sitrep_quotes", requires=["doc.ents"], assigns=["doc._.sitrep_quotes"])
def make_quotes(nlp: Language, name: str) -> "QuoteFinder":
    return QuoteFinder(nlp.lang)


class QuoteFinder:
    def __init__(self, lang: str) -> None:
        register_extensions()
        lex = load_lexicon(lang)
        self.cues: dict[str, str] = lex.section("attribution", "verbs")
        self.according_to: list[str] = lex.section("attribution", "according_to")
        self.strict: list[str] = lex.section("attribution", "according_to_strict") or []
        # "The newspaper, citing two officials, said…": who quotes is the speaker, not who is quoted
        verbs = set(lex.section("attribution", "according_to_verbs") or [])
        self.according_to = [p for p in self.according_to if p not in verbs]
        self.pronouns: dict[str, str] = lex.section("quotes", "pronouns")
        self.that = set(lex.section("quotes", "complementizers") or [])
        self.resolve = SpeakerResolver(lex)
        self.pairs = {open_: close for open_, close in lex.section("quotes", "open_close")}
        self.relatives = set(lex.section("quotes", "relative_pronouns") or [])

    def __call__(self, doc: Doc) -> Doc:
        spans = self.quote_spans(doc.text)
        people = self.resolve.people(doc, spans)
        direct = self.direct(doc, spans, people)
        indirect = self.indirect(doc, spans, people)
        quotes = self.merge(doc, direct, indirect)
        self.follow_speakers(doc, quotes, people)
        doc._.sitrep_quotes = quotes
        return doc

    # ---------------------------------------------------------------- quotation marks

    def quote_spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans (inside the marks) of quoted passages. A passage may run over several
        paragraphs when each of them opens with the mark again (the press convention); a mark
        whose passage would not is left alone."""
        spans, i = [], 0
        openers = sorted(self.pairs, key=len, reverse=True)
        while i < len(text):
            opener = next((o for o in openers if text.startswith(o, i)), None)
            if opener is None or (opener == "\"" and i > 0 and text[i - 1].isalnum()):
                i += 1
                continue
            end, close = self.closing(text, i + len(opener), self.pairs[opener])
            inner = text[i + len(opener):end] if end != -1 else ""
            if end == -1 or not inner.strip() or not _paragraphs_reopen(inner, opener):
                i += 1
                continue
            left = len(inner) - len(inner.lstrip())
            right = len(inner) - len(inner.rstrip())
            spans.append((i + len(opener) + left, end - right))
            i = end + len(close)
        return spans

    @staticmethod
    def closing(text: str, start: int, close: str) -> tuple[int, str]:
        """Where the passage opened before ``start`` closes, and the mark that closes it: ``close``,
        or two apostrophes typed for it (“…,’’ says X)."""
        if close != "’":
            found = [(k, mark) for mark in (close, *_TWIN_APOSTROPHES.get(close, ()))
                     if (k := text.find(mark, start, start + _MAX_QUOTE_CHARS)) != -1]
            return min(found) if found else (-1, close)
        return QuoteFinder.apostrophe(text, start, close), close

    @staticmethod
    def apostrophe(text: str, start: int, close: str) -> int:
        k = start
        while (k := text.find(close, k, start + _MAX_APOSTROPHE_QUOTE_CHARS)) != -1:
            if k + 1 >= len(text) or not text[k + 1].isalnum():  # not the apostrophe of "it’s"
                return k
            k += 1
        return -1

    # ---------------------------------------------------------------- direct quotes

    def direct(self, doc: Doc, spans: list[tuple[int, int]], people: People) -> list[QuoteMention]:
        quotes = []
        for start_char, end_char in spans:
            inner = doc.char_span(start_char, end_char, alignment_mode="expand")
            if inner is None:
                continue
            cue, subject = self.incise(inner, spans)
            if cue is None or subject is not None and self.pronoun_only(subject):
                # « C'est un crime, a-t-il dit, … », a déclaré le président X: the name after the quote says who "il" is
                near, named = self.cue_near(doc, inner, spans)
                if cue is None or named is not None and not self.pronoun_only(named):
                    cue, subject = (near, named) if near is not None else (cue, subject)
            if subject is None and len(inner.text.split()) <= _SCARE_QUOTE_WORDS:
                cue = None  # "the so-called “special operation” began": a term, unless a clause reports it
            speaker = self.resolve(doc, subject, people) if subject is not None else None
            if speaker is None and cue is None:
                speaker = self.introduced(doc, inner, people)
            quotes.append(QuoteMention(start_char, end_char, "direct", cue.i if cue is not None else None, speaker))
        return quotes

    def introduced(self, doc: Doc, inner: Span, people: People) -> SpeakerMention | None:
        """"Ekberg, the family doctor, is more direct: “…”": a quote a colon introduces, with
        no speech verb, is the words of the clause's subject when that subject is a person or an
        institution (not "The message was clear: “…”")."""
        k = inner.start - 1
        while k >= 0 and self.opens(doc[k]):
            k -= 1
        if k < 0 or doc[k].text != ":":
            return None
        sentence = self.sentence(doc, k)
        comma = next((t.i for t in doc[sentence.start:k] if t.text == ","), None)
        opening = doc[sentence.start:comma] if comma is not None else None
        subjects = [t for t in doc[sentence.start:k] if t.dep_ in _SUBJECT_DEPS and t.head.i < k and t.head.dep_ == "ROOT"]
        if opening is not None and 0 < len(opening) <= 4 and all(t.pos_ == "PROPN" or t.ent_type_ for t in opening):
            span = opening  # "Ekberg, the family doctor in Harrow Bay, is more direct:"
        elif subjects:
            span = subtree_span(subjects[0])
            span = doc[span.start:min(span.end, k)]
        else:
            return None
        speaker = self.resolve(doc, span, people) if len(span) else None
        return speaker if speaker is not None and speaker.kind in ("person", "institution") else None

    def incise(self, inner: Span, spans: list[tuple[int, int]]) -> tuple[Token | None, Span | None]:
        """« Nous tiendrons, a-t-il dit, jusqu'au bout », « Nous tiendrons, a dit Zelensky, … »:
        a cue between commas inside the marks, its speaker next to it."""
        doc = inner.doc
        for token in inner:
            if not self.is_cue(token) or token.i - inner.start < 2 or "Fin" not in token.morph.get("VerbForm", ["Fin"]) \
                    and "Part" not in token.morph.get("VerbForm"):
                continue
            before = [t for t in doc[max(token.i - 5, inner.start):token.i]]
            if not any(t.text == "," for t in before):
                continue
            after = self.words_until_punct(doc, token.i + 1, min(token.i + 6, inner.end))
            if after is not None and any(t.text == "," for t in doc[after.end:min(after.end + 1, inner.end)]) \
                    and self.names_someone(after) and any(t.ent_type_ in PERSON_LABELS | INSTITUTION_LABELS
                                                          or _bare(t) in self.pronouns for t in after):
                return token, after
            comma = max(t.i for t in before if t.text == ",")
            between = doc[comma + 1:token.i]
            if len(between) and self.names_someone(between) and any(_bare(t) in self.pronouns for t in between):
                return token, between
        return None, None

    def cue_near(self, doc: Doc, inner: Span, spans: list[tuple[int, int]]) -> tuple[Token | None, Span | None]:
        """The cue verb after the quote ("…,” union president Lukas Brenner said", "…», a déclaré X")
        or before it ("X a déclaré : « … »"), within the same orthographic sentence."""
        found: list[tuple[Token, Span | None]] = []
        after = self.cue_after(doc, inner, spans)
        if after is not None:
            found.append(after)
        before = self.cue_before(doc, inner, spans)
        if before is not None:
            found.append(before)
        with_speaker = [f for f in found if f[1] is not None]
        best = (with_speaker or found or [(None, None)])[0]
        return best[0], best[1]

    def cue_after(self, doc: Doc, inner: Span, spans: list[tuple[int, int]]) -> tuple[Token, Span | None] | None:
        k = inner.end
        while k < len(doc) and (doc[k].is_punct and not _ends_sentence(doc[k]) or self.closes(doc[k])):
            k += 1
        first = k
        if inner.text.rstrip()[-1:] in (".", "!", "?") and first < len(doc) and doc[first].text[:1].isupper() \
                and doc[first].pos_ in ("SCONJ", "CCONJ", "ADV", "ADP"):
            return None  # “…this year.” While some neighbours say…: a new sentence, not the quote's attribution
        for token in doc[first:min(first + _CUE_AFTER, len(doc))]:
            if _ends_sentence(token) or self.opens(token) or _inside(token, spans):
                return None
            if not (self.is_cue(token) or self.tagged_noun_cue(token) or token.i == first and self.inverted_cue(token)):
                continue
            between = doc[first:token.i]
            if len(between) and len(between) <= _MAX_SPEAKER_TOKENS and self.names_someone(between) \
                    and between[0].pos_ not in ("ADP", "SCONJ"):
                return token, between  # "…,” union local president Lukas Brenner said
            subject = self.parse_subject(token, spans)
            inverted = self.words_until_punct(doc, token.i + 1, min(token.i + 1 + _MAX_SPEAKER_TOKENS, len(doc)))
            if subject is not None and inverted is not None and inverted.start <= subject.start \
                    and subject.end <= inverted.end and self.names_someone(inverted):
                return token, inverted  # "…,” said Wolves head coach Brendan Oakes: the parser took "Wolves"
            if subject is not None:
                return token, subject
            if inverted is not None and self.names_someone(inverted) and inverted[0].pos_ not in ("ADP", "SCONJ", "NUM"):
                return token, inverted  # "…,” said the veteran goaltender
            return token, None
        return None

    def cue_before(self, doc: Doc, inner: Span, spans: list[tuple[int, int]]) -> tuple[Token, Span | None] | None:
        k = inner.start - 1
        while k >= 0 and (self.opens(doc[k]) or doc[k].text in (":", ",")):
            k -= 1
        for token in reversed(doc[max(k + 1 - _CUE_BEFORE, 0):k + 1]):
            if _ends_sentence(token) or self.closes(token) or _inside(token, spans):
                return None
            if self.is_cue(token):
                subject = self.document_owner(token, spans) \
                    or _widest(self.parse_subject(token, spans), self.subject_before(doc, token))
                if subject is None:  # "…, asks Transit Weekly editor Rosa Lindgren, “…”"
                    inverted = self.words_until_punct(doc, token.i + 1, min(token.i + 1 + _MAX_SPEAKER_TOKENS, len(doc)))
                    if inverted is not None and self.names_someone(inverted) \
                            and inverted[0].pos_ not in ("ADP", "SCONJ", "NUM", "PRON", "DET") \
                            and any(t.ent_type_ in PERSON_LABELS | INSTITUTION_LABELS or t.pos_ == "PROPN" for t in inverted):
                        subject = inverted
                if subject is None and token.i > 0 and (doc[token.i - 1].pos_ == "CCONJ"
                                                        or doc[token.i - 1].text == "," and token.tag_ == "VBG"):
                    subject = self.shared_subject(doc, token, spans)  # "…, but said “…”", "Moreau confirmed, adding that “…”"
                return token, subject
        return None

    def document_owner(self, cue: Token, spans: list[tuple[int, int]]) -> Span | None:
        """"The office posted a notice on Friday saying that…": a document that says something
        speaks for whoever issued it, the subject of the verb the document is the object of."""
        if cue.tag_ != "VBG":
            return None
        doc = cue.doc
        document = cue.head if cue.head.i != cue.i else \
            next((t for t in reversed(doc[max(cue.i - 4, 0):cue.i]) if t.pos_ == "NOUN"), None)  # the parser's root
        if document is None or document.lower_ not in self.resolve.document_nouns:
            return None
        verb = document.head if document.head.i != document.i else \
            next((t for t in reversed(doc[max(document.i - 3, 0):document.i]) if t.pos_ == "VERB"), None)
        if verb is None or verb.pos_ != "VERB" or verb.i == document.i:
            return None
        return self.parse_subject(verb, spans) or self.subject_before(doc, verb)

    def shared_subject(self, doc: Doc, cue: Token, spans: list[tuple[int, int]]) -> Span | None:
        """"Hennessy said “…,” and added: “…”": the subject of the speech verb the cue is joined to,
        earlier in its sentence."""
        sentence = self.sentence(doc, cue.i)
        for token in reversed(doc[sentence.start:cue.i - 1]):
            if self.is_cue(token) and not _inside(token, spans):
                return _widest(self.parse_subject(token, spans), self.subject_before(doc, token))
        # "The MRTA gave no figures, but said “…”": the subject of the clause the cue is joined to
        subject = next((t for t in doc[sentence.start:cue.i] if t.dep_ in _SUBJECT_DEPS and t.pos_ in ("PROPN", "NOUN")
                        and t.head.i < cue.i and t.head.pos_ in ("VERB", "AUX") and not _inside(t, spans)), None)
        if subject is None:
            return None
        span = subtree_span(subject)
        return span if span.end <= cue.i and not any(_inside(t, spans) for t in span) else None

    # ---------------------------------------------------------------- indirect speech

    def indirect(self, doc: Doc, spans: list[tuple[int, int]], people: People) -> list[QuoteMention]:
        quotes = []
        for token in doc:
            if _inside(token, spans):
                continue
            if self.is_cue(token):
                found = self.reported(doc, token, spans)
                if found is not None:
                    content, subject = found
                    speaker = self.resolve(doc, subject, people) if subject is not None else None
                    quotes.append(QuoteMention(content.start_char, content.end_char, "indirect", token.i, speaker))
                continue
            source = according_to_source(doc, token.i, self.according_to, strict=self.strict)
            if source is not None:
                sentence = self.sentence(doc, token.i)
                cut = self.reported_inside(doc, sentence, range(token.i, source.end), spans)
                body = [t for t in sentence if not (token.i <= t.i < source.end + 1) and t.i < cut and not t.is_punct
                        and not t.is_space and not self.opens(t) and not self.closes(t)]
                while body and body[-1].pos_ == "CCONJ":  # "According to the MRTA, <clause> but Brady says…"
                    body.pop()
                if len(body) >= 3:
                    first, last = body[0], body[-1]
                    # "selon les secours": the source is named, even when it is no one in particular
                    speaker = self.resolve(doc, source, people) \
                        or SpeakerMention(source.start, source.end, source.text, "group")
                    quotes.append(QuoteMention(first.idx, last.idx + len(last.text), "indirect", token.i, speaker))
        return quotes

    def reported_inside(self, doc: Doc, sentence: Span, source: range, spans: list[tuple[int, int]]) -> int:
        """Where a speech act of its own starts in a sentence "according to" someone attributes
        ("At 300 metres, according to Raman, Lund said he could make out the light"): the
        words its speaker says are theirs, not the source's; the sentence's end if none."""
        for token in sentence:
            if token.i in source or _inside(token, spans) or not self.is_cue(token):
                continue
            found = self.reported(doc, token, spans)
            if found is not None and found[1] is not None:
                return min(found[1].start, token.i)
        return sentence.end

    def reported(self, doc: Doc, cue: Token, spans: list[tuple[int, int]]) -> tuple[Span, Span | None] | None:
        """The reported clause of a cue and the words naming its speaker: from the parse ("X a
        affirmé que …"), else from the surface: "…, the agency said." / "…, said X." at the end
        of a sentence, or "X said (that) …" opening one."""
        subject = self.document_owner(cue, spans) or self.parse_subject(cue, spans)
        gerund = "Ger" in cue.morph.get("VerbForm") or "Part" in cue.morph.get("VerbForm") and cue.dep_ in ("advcl", "xcomp")
        if subject is None and gerund and cue.head.i != cue.i:  # "…, saying that…": the main clause's subject
            subject = self.parse_subject(cue.head, spans)
        for child in children(cue):
            if child.dep_ == "ccomp":
                content = self.clause(subtree_span(child), spans, min_tokens=3)
                if content is not None:
                    if subject is not None and subject.start < content.end and content.start < subject.end:
                        subject = None  # the parser hung the reported clause under the subject
                    if subject is not None and subject.end <= cue.i < content.start:
                        subject = _last_of_glued(subject, self.subject_before(doc, cue))
                    return content, subject or self.surface_subject(doc, cue, content)
        if cue.pos_ not in ("VERB", "AUX") or _passive_or_infinitive(cue):
            return None
        if gerund:
            head = self.head(doc, cue, self.sentence(doc, cue.i), spans)
            return (head[0], subject) if head is not None and subject is not None else None
        sentence = self.sentence(doc, cue.i)
        tail = self.tail(doc, cue, sentence, spans)
        if tail is not None:
            overlapping = subject is not None and subject.start < tail[0].end and tail[0].start < subject.end
            return tail[0], tail[1] if overlapping or subject is None else subject
        head = self.head(doc, cue, sentence, spans)
        if head is not None and (subject is not None or head[1] is not None):
            return head[0], _widest(subject, head[1])
        return None

    def surface_subject(self, doc: Doc, cue: Token, content: Span) -> Span | None:
        """Who speaks when the parser gave the cue no subject: "<clause>, said Lloyd Austin",
        "<clause>, the ministry said", "the ministry said <clause>"."""
        if content.start < cue.i:
            between = doc[content.end:cue.i]
            words = doc[between.start + 1:between.end] if len(between) and between[0].text == "," else between
            if len(words) and len(words) <= _MAX_SPEAKER_TOKENS and self.names_someone(words):
                return words
            inverted = self.words_until_punct(doc, cue.i + 1, min(cue.i + 1 + _MAX_SPEAKER_TOKENS, len(doc)))
            if inverted is not None and self.names_someone(inverted) and inverted[0].pos_ not in ("ADP", "SCONJ", "NUM"):
                return inverted
            return None
        return self.subject_before(doc, cue)

    def tail(self, doc: Doc, cue: Token, sentence: Span, spans: list[tuple[int, int]]) -> tuple[Span, Span | None] | None:
        """"<clause>, the agency said (on Tuesday)." / "<clause>, said Brandt.": the cue closes
        the sentence; what stands before the comma is the reported clause."""
        rest = [t for t in doc[cue.i + 1:sentence.end] if not t.is_punct and not t.is_space and not self.closes(t)]
        if len(rest) > _MAX_TAIL_TOKENS or any(t.pos_ in ("VERB", "AUX") for t in rest):
            return None
        comma = next((t.i for t in reversed(doc[max(sentence.start, cue.i - _MAX_SPEAKER_TOKENS - 1):cue.i])
                      if t.text == ","), None)
        if comma is None:
            return None
        aux = cue.i
        while aux > comma + 1 and doc[aux - 1].pos_ == "AUX":
            aux -= 1  # "…, a affirmé le gouverneur": the auxiliary is no subject
        subject = doc[comma + 1:aux]
        if len(subject) == 0:
            inverted = self.words_until_punct(doc, cue.i + 1, sentence.end)
            subject = inverted if inverted is not None and self.names_someone(inverted) \
                and inverted[0].pos_ not in ("ADP", "SCONJ", "NUM") else None
        elif not self.names_someone(subject) or any(t.pos_ in ("VERB", "AUX") and t.dep_ != "acl" for t in subject[:3]):
            return None
        content = self.clause(doc[sentence.start:comma], spans)
        return (content, subject) if content is not None else None

    def head(self, doc: Doc, cue: Token, sentence: Span, spans: list[tuple[int, int]]) -> tuple[Span, Span | None] | None:
        """"X said (that) <clause>" / "X told reporters that <clause>": the clause to the sentence end."""
        start = cue.i + 1
        window = doc[start:min(start + 7, sentence.end)]
        that = next((t for t in window if t.lower_ in self.that), None)
        if that is not None and not any(t.pos_ in ("VERB", "AUX") for t in doc[start:that.i]):
            start = that.i + 1
        elif start < sentence.end and doc[start].pos_ not in ("DET", "PRON", "PROPN", "NOUN", "NUM", "ADJ"):
            return None
        end = sentence.end
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        content = self.clause(doc[start:end], spans)
        if content is None:
            return None
        return content, self.subject_before(doc, cue)

    def clause(self, span: Span, spans: list[tuple[int, int]], min_tokens: int = _MIN_CLAUSE_TOKENS) -> Span | None:
        """A reported clause, trimmed: a complementizer and the punctuation at its edges off; None
        when it is no clause (too short, no finite verb) or mostly inside quotation marks."""
        doc = span.doc
        start, end = span.start, span.end
        while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].lower_ in self.that):
            start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if end - start < min_tokens:
            return None
        words = doc[start:end]
        if not any(t.pos_ in ("VERB", "AUX") and ("Fin" in t.morph.get("VerbForm") or t.tag_ in ("VBD", "VBZ", "VBP", "MD")
                                                  or _active_participle(t)) for t in words):
            return None
        outside = [t for t in words if not t.is_punct and not _inside(t, spans)]
        if len(outside) < 3:
            return None
        return words

    # ---------------------------------------------------------------- merging and following

    def merge(self, doc: Doc, direct: list[QuoteMention], indirect: list[QuoteMention]) -> list[QuoteMention]:
        """Both kinds, once each: a quoted fragment inside a reported clause takes its cue and
        speaker ("Dahl said the problem is that “the trucks are too old”"); a short quoted term
        that nothing attributes is no quote."""
        quotes: list[QuoteMention] = []
        seen = set()
        for quote in indirect:
            if any(d.cue == quote.cue and d.start_char < quote.end_char and quote.start_char < d.end_char for d in direct):
                continue  # one speech act, one quote: the words in quotation marks
            if (quote.start_char, quote.end_char) not in seen:
                seen.add((quote.start_char, quote.end_char))
                quotes.append(quote)
        for quote in direct:
            if quote.cue is None:
                host = next((q for q in indirect if q.start_char <= quote.start_char and quote.end_char <= q.end_char), None)
                if host is not None:
                    quote.cue, quote.speaker = host.cue, host.speaker
                elif len(doc.text[quote.start_char:quote.end_char].split()) <= _SCARE_QUOTE_WORDS:
                    continue
            quotes.append(quote)
        quotes.sort(key=lambda q: (q.start_char, q.end_char))
        return quotes

    def follow_speakers(self, doc: Doc, quotes: list[QuoteMention], people: People) -> None:
        """A quote with no cue at all continues the words of whoever spoke last, a paragraph or
        two before it, unless someone else became the subject in between."""
        last: QuoteMention | None = None
        for quote in quotes:
            if quote.cue is None and quote.kind == "direct" and quote.speaker is None:
                if last is not None and doc.text.count("\n", last.end_char, quote.start_char) <= _FOLLOW_LINE_BREAKS:
                    quote.speaker = self.speaker_between(doc, last, quote, people)
            if quote.speaker is not None:
                last = quote

    @staticmethod
    def speaker_between(doc: Doc, last: QuoteMention, quote: QuoteMention, people: People) -> SpeakerMention | None:
        chain = sorted([*people.mentions, *people.pronouns.values()], key=lambda m: m.start)
        between = [m for m in chain if m.subject and last.end_char <= doc[m.start].idx < quote.start_char]
        if between:
            m = between[-1]
            return SpeakerMention(m.start, m.end, m.key, "person")
        s = last.speaker
        return SpeakerMention(s.start, s.end, s.name, s.kind) if s is not None else None

    # ---------------------------------------------------------------- helpers

    def is_cue(self, token: Token) -> bool:
        if token.i > 0 and token.doc[token.i - 1].text == "-" and not token.doc[token.i - 1].whitespace_:
            return False  # "so-called"
        return token.pos_ not in ("NOUN", "PROPN", "ADJ") and lookup(self.cues, token) is not None

    def pronoun_only(self, span: Span) -> bool:
        """"a-t-il", "he": words that name the speaker by a pronoun only."""
        return all(_bare(t) in self.pronouns or t.pos_ in ("AUX", "PUNCT") or t.lower_ in ("-t", "t") for t in span)

    def tagged_noun_cue(self, token: Token) -> bool:
        """"…,” Kessler states.": a speech verb the tagger read as a noun, known by its
        form in the lexicon ("concludes": its stem), right after a name and closing its clause."""
        doc = token.doc
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        return token.pos_ in ("NOUN", "PROPN") and lookup(self.cues, token) is not None and token.i > 0 \
            and (doc[token.i - 1].pos_ == "PROPN" or doc[token.i - 1].ent_type_ in PERSON_LABELS) \
            and (nxt is None or nxt.is_punct or nxt.is_space)

    def inverted_cue(self, token: Token) -> bool:
        """"…,” quipped Quist": a speech verb right after the closing mark, before the speaker's
        name or a determiner, that the tagger read as an adjective or a noun."""
        doc = token.doc
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        return token.pos_ in ("ADJ", "NOUN", "PROPN") and lookup(self.cues, token) is not None and nxt is not None \
            and (nxt.text[:1].isupper() and nxt.is_alpha or nxt.pos_ == "DET")

    def opens(self, token: Token) -> bool:
        return token.text in self.pairs

    def closes(self, token: Token) -> bool:
        return token.text in self.pairs.values() or any(token.text in twins for twins in _TWIN_APOSTROPHES.values())

    def parse_subject(self, cue: Token, spans: list[tuple[int, int]]) -> Span | None:
        if cue.dep_ == "conj" and cue.head.i < cue.i and not any(c.dep_ in _SUBJECT_DEPS for c in children(cue)) \
                and self.is_cue(cue.head):
            cue = cue.head  # "Hennessy said …, and added: “…”": the subject of the first verb
        subjects = [c for c in children(cue)
                    if c.dep_ in _SUBJECT_DEPS and c.lower_ not in ("-t", "t") and not _inside(c, spans)
                    and not (c.is_punct or self.closes(c))]
        # the nearest nominal or pronoun subject: in an incise, the quoted clause may hang as a subject too
        subjects.sort(key=lambda c: (c.pos_ not in ("PRON", "PROPN", "NOUN"), abs(c.i - cue.i)))
        if not subjects:
            return None
        if subjects[0].lower_ in self.relatives and cue.dep_ in ("relcl", "acl:relcl") and cue.head.pos_ in ("NOUN", "PROPN"):
            head = cue.head  # "senior councillors who say…": the noun the relative clause hangs on
            start = min(head.left_edge.i, head.i)
            while start < head.i and head.doc[start].pos_ == "ADP":  # not the "of" of "a list of senior councillors"
                start += 1
            return head.doc[start:head.i + 1]
        span = subtree_span(subjects[0])
        if not any(_inside(t, spans) for t in span):
            return span
        # "Dunmore retiree Agnes Moll, who walked 900 km “in borrowed boots”…, says": the words before the clause
        comma = next((t.i for t in span if t.i >= subjects[0].i and t.text == ","), None)
        head = span.doc[span.start:comma] if comma is not None else None
        return head if head is not None and len(head) and not any(_inside(t, spans) for t in head) else None

    def subject_before(self, doc: Doc, cue: Token) -> Span | None:
        """The words naming the speaker right before a cue, back to the clause's start: "Jim Page
        with the New Brunswick Health Authority says…"."""
        end = cue.i
        while end > 0 and (doc[end - 1].pos_ in ("AUX", "ADV", "PART") or doc[end - 1].lower_ in ("also", "ne", "n'")):
            end -= 1
        if end >= 3 and doc[end - 1].text == "," and doc[end - 2].like_num and doc[end - 3].text == ",":
            end -= 3  # "Kofi Mensah, 47, says": past the age
        if end > 0 and doc[end - 1].lower_ in self.relatives:
            return None  # "senior councillors who say": the parser knows which noun "who" stands for
        start = end
        while start > 0 and end - start < _MAX_SPEAKER_TOKENS:
            prev = doc[start - 1]
            # (a word of a person's name is no verb nor conjunction, whatever the tagger says: "Dana Voss said")
            if prev.is_space or _ends_sentence(prev) or prev.text in (",", ";", ":", "—", "–") or self.closes(prev) \
                    or self.opens(prev) or prev.pos_ in ("VERB", "SCONJ") and prev.ent_type_ not in PERSON_LABELS \
                    or prev.lower_ in self.that:
                break
            start -= 1
        span = doc[start:end]
        if len(span) and self.names_someone(span):
            return span
        if not len(span) and start > 0 and doc[start - 1].text == ",":  # "Lars Eklund, an expert on…, noted"
            sentence = self.sentence(doc, cue.i)
            comma = next((t.i for t in doc[sentence.start:start] if t.text == ","), None)
            opening = doc[sentence.start:comma] if comma is not None else None
            if opening is not None and 0 < len(opening) <= _MAX_SPEAKER_TOKENS and self.names_someone(opening) \
                    and opening[0].pos_ not in ("ADP", "ADV", "SCONJ") \
                    and any(t.pos_ == "PROPN" or t.ent_type_ for t in opening) \
                    and not any(t.pos_ in ("VERB", "AUX") for t in opening):
                return opening
        return None

    def names_someone(self, span: Span) -> bool:
        """Words that can name a speaker: a name, a noun or a pronoun, and no verb of their own."""
        if not any(t.pos_ in ("NOUN", "PROPN", "PRON") or t.ent_type_ in PERSON_LABELS | INSTITUTION_LABELS for t in span):
            return False
        head = [t for t in span[:4] if not t.is_punct]
        return not any(t.pos_ in ("VERB",) and t.ent_type_ == "" for t in head[:1])

    def words_until_punct(self, doc: Doc, start: int, stop: int) -> Span | None:
        end = start
        while end < stop and not doc[end].is_space and (not doc[end].is_punct or _joined(doc[end])):
            end += 1
        return doc[start:end] if end > start else None

    def sentence(self, doc: Doc, i: int) -> Span:
        """The orthographic sentence around token ``i``: the parser's, cut at line breaks."""
        sentence = doc[i].sent if doc.has_annotation("SENT_START") else doc[:]
        start, end = sentence.start, sentence.end
        for k in range(i - 1, start - 1, -1):
            if doc[k].is_space and "\n" in doc[k].text:
                start = k + 1
                break
        for k in range(i + 1, end):
            if doc[k].is_space and "\n" in doc[k].text:
                end = k
                break
        return doc[start:end]


def _widest(parsed: Span | None, surface: Span | None) -> Span | None:
    """The parser's subject, or the words before the cue when they hold it and say more ("Jim
    Page with the New Brunswick Health Authority says": the parser's subject is "Authority")."""
    if parsed is None or surface is None:
        return parsed or surface
    if surface[0].pos_ in ("ADP", "SCONJ") or surface[0].lower_ in ("while", "that"):
        return parsed  # "In a memo the firm said": the parser knows better
    if surface.end <= parsed.start and any(t.text == "," for t in surface.doc[surface.end:parsed.start + 1]):
        return surface  # "Ingrid Halvorsen, the co-founder of a bookshop chain, says": not the apposition
    if _last_of_glued(parsed, surface) is surface:
        return surface
    return surface if surface.start <= parsed.start and parsed.end <= surface.end else parsed


def _last_of_glued(parsed: Span, surface: Span | None) -> Span:
    """"Before he met Nowak, Lund said", "the third such audit — Sen. Fiona Marchetti said":
    the parser's subject runs over a comma or a dash into the name right before the cue, which
    is the speaker."""
    if surface is None:
        return parsed
    doc = surface.doc
    if parsed.start < surface.start and parsed.end <= surface.end and doc[surface.start - 1].text in (",", "—", "–") \
            and any(t.ent_type_ or t.pos_ == "PROPN" for t in surface):
        return surface
    return parsed


def _active_participle(token: Token) -> bool:
    """"A strike killed 14 people", where the tagger read a past participle: no auxiliary before
    it and an object after it, as a passive participle would not have."""
    doc = token.doc
    return token.tag_ == "VBN" and not (token.i > 0 and doc[token.i - 1].pos_ == "AUX") \
        and any(c.dep_ in ("obj", "dobj") for c in children(token))


def _joined(token: Token) -> bool:
    """The hyphen of "long-serving": punctuation inside a word."""
    doc = token.doc
    return token.text in ("-", "‑") and token.i > 0 and not doc[token.i - 1].whitespace_ and not token.whitespace_


def _bare(token: Token) -> str:
    return token.lower_.strip("-").removeprefix("t-")


def _inside(token: Token, spans: list[tuple[int, int]]) -> bool:
    return any(s <= token.idx < e for s, e in spans)


def _ends_sentence(token: Token) -> bool:
    return token.text in _SENTENCE_END or (token.is_space and "\n" in token.text)


def _passive_or_infinitive(cue: Token) -> bool:
    """"when the fare was announced", "to say": no speaker speaks there."""
    if cue.i == 0:
        return False
    prev = cue.doc[cue.i - 1]
    return prev.lower_ in ("to", "was", "were", "been", "being", "be", "is", "are") and cue.tag_ not in ("VBD", "VBG") \
        or "Pass" in cue.morph.get("Voice")  # but "have been saying": the progressive is active


def _paragraphs_reopen(inner: str, opener: str) -> bool:
    """Each paragraph a quoted passage runs into opens with the mark again."""
    parts = [part.strip() for part in inner.split("\n")[1:]]
    return all(part.startswith(opener) or not any(ch.isalnum() for ch in part) for part in parts)
