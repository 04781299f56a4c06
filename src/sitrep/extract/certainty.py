"""An event's overall certainty, derived from its claims. The rule, strongest first:

- ``disputed``: someone confirms or claims it and someone else denies it;
- ``verified``: independent verification backs it (a claim with an evidence type, such as
  geolocated imagery), or two different sources confirm it (both sides, or a party and a third);
- ``confirmed``: one source confirms it ("le ministère russe de la Défense a reconnu…");
- ``claimed``: a source asserts it without confirming ("le Kremlin a accusé Kyiv de…", "selon X");
- ``denied``: its only claims deny it;
- ``reported``: the outlet reports it, or an unattributed report does (the French conditional).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

LEVELS = ("disputed", "verified", "confirmed", "claimed", "denied", "reported")


class _Claim(Protocol):
    source: str
    stance: str
    evidence_type: str | None


def certainty(claims: Iterable[_Claim]) -> str:
    claims = list(claims)
    stances = {c.stance for c in claims}
    if "denied" in stances and stances & {"confirmed", "claimed"} or "disputed" in stances:
        return "disputed"
    confirming = {c.source.lower() for c in claims if c.stance == "confirmed"}
    if any(c.evidence_type for c in claims if c.stance == "confirmed") or len(confirming) >= 2:
        return "verified"
    if confirming:
        return "confirmed"
    if "claimed" in stances:
        return "claimed"
    if "denied" in stances:
        return "denied"
    return "reported"
