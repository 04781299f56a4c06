"""Bytes to text: size limit, binary detection, encoding detection."""

from __future__ import annotations

import logging
import unicodedata

from charset_normalizer import from_bytes

from ..errors import InputError, notice

log = logging.getLogger("sitrep")

_SNIFF = 8192


def check_size(name: str, size: int, limit: int) -> None:
    if size > limit:
        raise InputError("E004", input=name, size=size, limit=limit)


def decode(name: str, data: bytes) -> str:
    """Decode ``data`` as UTF-8, else with detection (and say which encoding was used)."""
    if b"\x00" in data[:_SNIFF]:
        raise InputError("E003", input=name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise InputError("E005", input=name) from None
        text = str(best)
        log.warning(notice("W002", input=name, encoding=best.encoding))
    if _mostly_control(text[:_SNIFF]):
        raise InputError("E003", input=name)
    return text


def _mostly_control(sample: str) -> bool:
    if not sample:
        return False
    control = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    return control / len(sample) > 0.1
