"""Quotes: direct (every typographic form, incises included) and indirect ("X a affirmé que…",
"the ministry said that…", "selon X"), each with its cue verb and a resolved speaker: a named
person, a pronoun resolved to the nearest preceding person, a title resolved to the person it
refers to, or an institution. An unresolved speaker stays None rather than a guess.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..lang import load_lexicon, lookup
from ..nlp.syntax import children, subtree_span
from ..nlp.extensions import register_extensions
from .mentions import QuoteMention, SpeakerMention
from .speakers import INSTITUTION_LABELS, PERSON_LABELS, SpeakerResolver, according_to_source
_MAX_QUOTE_CHARS = 3000
_CUE_WINDOW = 12  # tokens between a quote and its cue verb
# A quote with no cue continues the speaker of a quote at most this many line breaks before it
# (two paragraphs, whether they are separated by a blank line or by a line of their own).
_FOLLOW_LINE_BREAKS = 4


@Language.factory("sitrep_quotes", requires=["doc.ents"], assigns=["doc._.sitrep_quotes"])
def make_quotes(nlp: Language, name: str) -> "QuoteFinder":
    return QuoteFinder(nlp.lang)


class QuoteFinder:
    def __init__(self, lang: str) -> None:
        register_extensions()
        lex = load_lexicon(lang)
        self.cues: dict[str, str] = lex.section("attribution", "verbs")
        self.according_to: list[str] = lex.section("attribution", "according_to")
        self.pronouns: dict[str, str] = lex.section("quotes", "pronouns")
        self.resolve = SpeakerResolver(lex)
        self.pairs = {open_: close for open_, close in lex.section("quotes", "open_close")}

    def __call__(self, doc: Doc) -> Doc:
        quotes = self.direct(doc)
        taken = [(q.start_char, q.end_char) for q in quotes]
        for quote in self.indirect(doc):
            if not any(s < quote.end_char and quote.start_char < e for s, e in taken):
                quotes.append(quote)
        quotes.sort(key=lambda q: q.start_char)
        self.follow_speakers(doc, quotes)
        doc._.sitrep_quotes = quotes
        return doc

    def follow_speakers(self, doc: Doc, quotes: list[QuoteMention]) -> None:
        """"Traeger said… He added…": a pronoun speaker is, first, the person who spoke last; a
        quote with no cue at all, a paragraph or two after another, continues that speaker's words."""
        last: SpeakerMention | None = None
        last_end = 0
        for quote in quotes:
            speaker = quote.speaker
            if speaker is None:
                line_breaks = doc.text.count("\n", last_end, quote.start_char)
                if quote.cue is None and quote.kind == "direct" and last is not None and line_breaks <= _FOLLOW_LINE_BREAKS:
                    quote.speaker = SpeakerMention(last.start, last.end, last.name, last.kind)
                    last_end = quote.end_char
                continue
            last_end = quote.end_char
            words = doc[speaker.start:speaker.end]
            if len(words) <= 2 and any(t.lower_.strip("-").removeprefix("t-") in self.pronouns for t in words):
                if last is not None:
                    speaker.name = last.name
            elif speaker.kind == "person":
                last = speaker

    # ---------------------------------------------------------------- finding

    def quote_spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans (inside the marks) of quoted passages."""
        spans, i = [], 0
        while i < len(text):
            close = self.pairs.get(text[i])
            if close is None or (text[i] == "\"" and i > 0 and text[i - 1].isalnum()):
                i += 1
                continue
            end = text.find(close, i + 1, i + 1 + _MAX_QUOTE_CHARS)
            if end == -1:
                i += 1
                continue
            inner = text[i + 1:end]
            if inner.strip():
                left = len(inner) - len(inner.lstrip())
                right = len(inner) - len(inner.rstrip())
                spans.append((i + 1 + left, end - right))
            i = end + 1
        return spans

    def direct(self, doc: Doc) -> list[QuoteMention]:
        quotes = []
        for start_char, end_char in self.quote_spans(doc.text):
            inner = doc.char_span(start_char, end_char, alignment_mode="expand")
            if inner is None:
                continue
            cue = self.cue_inside(inner) or self.cue_near(doc, inner)
            speaker = self.speaker_of(doc, cue) if cue is not None else None
            quotes.append(QuoteMention(start_char, end_char, "direct", cue.i if cue is not None else None, speaker))
        return quotes

    def cue_inside(self, inner: Span) -> Token | None:
        """An incise: « Nous tiendrons, a-t-il dit, jusqu'au bout »."""
        doc = inner.doc
        for token in inner:
            if not self.is_cue(token):
                continue
            around = list(doc[max(token.i - 3, inner.start):token.i]) + list(doc[token.i + 1:min(token.i + 3, inner.end)])
            if any(t.lower_.strip("-") in self.pronouns for t in around):
                return token
        return None

    def cue_near(self, doc: Doc, inner: Span) -> Token | None:
        """The cue verb right after the quote ("…», a déclaré X", "…" UFCW president Jeff Traeger said)
        or right before it ("X a déclaré : « … »"), within the same orthographic sentence: the
        parser's sentences often end at the closing mark, so they are not used here."""
        for token in doc[inner.end:min(inner.end + _CUE_WINDOW, len(doc))]:
            if token.i > inner.end and _ends_sentence(token):
                break
            if self.is_cue(token):
                return token
        for token in reversed(doc[max(inner.start - _CUE_WINDOW, 0):inner.start]):
            if _ends_sentence(token) and token.i < inner.start - 1:
                break
            if self.is_cue(token):
                return token
        return None

    def indirect(self, doc: Doc) -> list[QuoteMention]:
        quotes = []
        for token in doc:
            if self.is_cue(token):
                content = self.complement(doc, token)
                if content is not None:
                    quotes.append(QuoteMention(content.start_char, content.end_char, "indirect", token.i,
                                               self.speaker_of(doc, token)))
            source = according_to_source(doc, token.i, self.according_to)
            if source is not None:
                sentence = token.sent if doc.has_annotation("SENT_START") else doc[:]
                rest = [t for t in sentence if not (token.i <= t.i < source.end + 1)]
                body = [t for t in rest if not t.is_punct]
                if len(body) >= 3:
                    first, last = body[0], body[-1]
                    # "selon les secours": the source is named, even when it is no one in particular
                    speaker = self.resolve(doc, source) or SpeakerMention(source.start, source.end, source.text, "group")
                    quotes.append(QuoteMention(first.idx, last.idx + len(last.text), "indirect", token.i, speaker))
        return quotes

    def complement(self, doc: Doc, cue: Token) -> Span | None:
        """The reported clause of "X a affirmé que …" / "X said (that) …"."""
        for child in children(cue):
            if child.dep_ == "ccomp":
                span = subtree_span(child)
                if len(span) >= 3 and not any(ch in span.text for ch in self.pairs):
                    return span
        if not doc.has_annotation("DEP"):
            nxt = cue.i + 1
            if nxt < len(doc) and doc[nxt].lower_ in ("that", "que", "qu'"):
                sentence = cue.sent if doc.has_annotation("SENT_START") else doc[:]
                end = sentence.end - 1 if doc[sentence.end - 1].is_punct else sentence.end
                if end - (nxt + 1) >= 3:
                    return doc[nxt + 1:end]
        return None

    # ---------------------------------------------------------------- speakers

    def is_cue(self, token: Token) -> bool:
        return token.pos_ != "NOUN" and lookup(self.cues, token) is not None

    def speaker_of(self, doc: Doc, cue: Token) -> SpeakerMention | None:
        subjects = [c for c in children(cue) if c.dep_ in ("nsubj", "nsubj:pass", "expl:subj") and c.lower_ not in ("-t", "t")]
        # the nearest nominal or pronoun subject: in an incise, the quoted clause may hang as a subject too
        subjects.sort(key=lambda c: (c.pos_ not in ("PRON", "PROPN", "NOUN"), abs(c.i - cue.i)))
        subject = subjects[0] if subjects else None
        if subject is not None:
            span = subtree_span(subject)
            return self.resolve(doc, span)
        # no parse, or an inverted subject the parser missed: a pronoun or name right after the cue
        for token in doc[cue.i + 1:cue.i + 4]:
            word = token.lower_.strip("-").removeprefix("t-")
            if word in self.pronouns:
                return self.resolve(doc, doc[token.i:token.i + 1])
        for ent in doc.ents:
            if ent.label_ in PERSON_LABELS | INSTITUTION_LABELS and 0 < ent.start - cue.i <= 4:
                return self.resolve(doc, ent)
            if ent.label_ in PERSON_LABELS | INSTITUTION_LABELS and 0 < cue.i - ent.end <= 2:
                return self.resolve(doc, ent)
        return None


def _ends_sentence(token: Token) -> bool:
    return token.text in (".", "!", "?", "…") or (token.is_space and "\n" in token.text)
