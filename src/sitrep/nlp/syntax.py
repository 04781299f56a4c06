"""Safe access to the dependency parse.

On a Doc that has no parse (English on the blank pipeline), spaCy 3.8 can crash the process when
``Token.children`` or ``Token.subtree`` is read after sentence starts were set (measured here: a
segmentation fault on TempEval-3's APW19980807.0261). Every extractor goes through these."""

from __future__ import annotations

from spacy.tokens import Span, Token


def has_parse(token_or_span: Token | Span) -> bool:
    return token_or_span.doc.has_annotation("DEP")


def children(token: Token) -> list[Token]:
    return list(token.children) if has_parse(token) else []


def subtree_span(token: Token) -> Span:
    """The span a token's subtree covers (the token alone without a parse)."""
    doc = token.doc
    if not has_parse(token):
        return doc[token.i:token.i + 1]
    return doc[token.left_edge.i:token.right_edge.i + 1]


def span_root(span: Span) -> Token:
    return span.root if has_parse(span) else span[-1]
