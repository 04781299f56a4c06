"""The output contract as a JSON Schema, and a validator for it."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator


@lru_cache(maxsize=1)
def result_schema() -> dict[str, Any]:
    return json.loads(resources.files("sitrep.schema").joinpath("result.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    return Draft202012Validator(result_schema())


def validation_errors(result: dict[str, Any]) -> list[str]:
    """Every way ``result`` breaks the contract, as readable messages (empty when valid)."""
    return [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in _validator().iter_errors(result)]
