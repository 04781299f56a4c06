"""Every coded error and warning is raised somewhere, and every code raised is defined."""

from __future__ import annotations

import re
from pathlib import Path

from sitrep.errors import Errors, SitrepError, Warnings

SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in Path(__file__).parents[1].joinpath("src", "sitrep").rglob("*.py")
                   if p.name != "errors.py")


def defined() -> set[str]:
    return {name for cls in (Errors, Warnings) for name in vars(cls) if re.fullmatch(r"[EW]\d{3}", name)}


def test_every_code_is_used():
    unused = {code for code in defined() if f'"{code}"' not in SOURCE}
    assert unused == set()


def test_every_code_used_is_defined():
    used = set(re.findall(r'"([EW]\d{3})"', SOURCE))
    assert used <= defined()


def test_message_names_the_code():
    err = SitrepError("E001", input="a.txt")
    assert str(err) == "[E001] a.txt: no such file or directory" and err.code == "E001"
