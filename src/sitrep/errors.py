"""Every error and warning sitrep raises or reports, coded and templated, in one place.

A code never changes meaning once released; a message may be reworded. Tests match
on codes, users search them.
"""

from __future__ import annotations


class Errors:
    # input: reading and decoding (E0xx)
    E001 = "{input}: no such file or directory"
    E002 = "{input}: empty input (no text after extraction)"
    E003 = "{input}: looks binary (NUL bytes or control characters), not text"
    E004 = "{input}: {size:,} bytes is over the limit of {limit:,} bytes (setting max_bytes)"
    E005 = "{input}: cannot decode the bytes as text with any known encoding"
    E006 = "{input}: line {line}: malformed JSON Lines ({problem})"
    E007 = "{input}: line {line}: a JSON Lines record needs a non-empty string 'text'"
    E008 = "{input}: unsupported file type '{suffix}' (sitrep reads .txt, .html, .htm, .jsonl)"
    E009 = "{input}: HTML without extractable main text"
    E010 = "{input}: bad 'published' date {value!r}: use YYYY-MM-DD"
    E011 = "{input}: cannot read: {problem}"
    # language (E1xx)
    E101 = "{input}: language '{language}' is not supported (sitrep supports: {supported})"
    E102 = "{input}: cannot tell the language of the text"
    E103 = "{input}: unknown language code '{language}'"
    # pipeline (E2xx)
    E201 = "spaCy pipeline '{name}' for language '{language}' is not installed: {hint}"
    E202 = "internal error while processing {input}: {problem}"
    # settings (E3xx)
    E301 = "settings: '{key}' = {value!r} is invalid: {problem}"
    E302 = "settings: unknown setting '{key}' in {source}"
    # eval (E4xx)
    E401 = "eval: unknown task '{task}' (known: {known})"
    E402 = "eval: {path}: {problem}"
    # store (E5xx)
    E501 = "store: {path}: {problem}"
    # gazetteer (E6xx)
    E601 = "gazetteer: {path}: {problem}"
    E602 = "gazetteer add: {source}: {problem}"


class Warnings:
    W001 = ("no trained English pipeline is available ({problem}); English runs on a blank "
            "pipeline: no entities or parse, so places, actors and speakers will be sparse")
    W002 = "{input}: not valid UTF-8; decoded as {encoding}"
    W004 = "{input}: no publication date given; relative dates are resolved against {reference} ({how})"


class SitrepError(Exception):
    """An error with a stable code. ``str(err)`` is ``"[E001] path: no such file..."``."""

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        self.message = getattr(Errors, code).format(**fields)
        super().__init__(f"[{code}] {self.message}")


class InputError(SitrepError):
    """A single input cannot be used; the batch goes on without it."""


class SettingsError(SitrepError):
    pass


class SitrepWarning(UserWarning):
    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.message = getattr(Warnings, code).format(**fields)
        super().__init__(f"[{code}] {self.message}")


def notice(code: str, **fields: object) -> str:
    """A warning's text for the log: ``"[W002] a.txt: not valid UTF-8; decoded as cp1252"``."""
    return f"[{code}] " + getattr(Warnings, code).format(**fields)
