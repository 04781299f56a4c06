"""The output contract: every result validates against the published JSON Schema, round-trips
through dicts, and never breaks on hostile text (property tests)."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sitrep.records import Result
from sitrep.schema import result_schema, validation_errors

EXAMPLE = resources.files("sitrep.examples").joinpath("frappe_odessa.txt").read_text(encoding="utf-8")


def check(result: Result, text: str) -> None:
    data = result.to_dict()
    assert validation_errors(data) == []
    json.dumps(data)  # serializable
    for key in ("entities", "places", "times", "quotes"):
        for item in data[key]:
            assert 0 <= item["start"] <= item["end"] <= len(text)
            assert text[item["start"]:item["end"]] == item["text"]
    for event in data["events"]:
        for span in event["evidence"] + [event["trigger"]] + [c["evidence"] for c in event["claims"]]:
            assert 0 <= span["start"] <= span["end"] <= len(text)
            assert text[span["start"]:span["end"]] == span["text"]


def test_example_is_valid_and_round_trips(extract_fr):
    result = extract_fr(EXAMPLE)
    check(result, EXAMPLE)
    assert Result.from_dict(result.to_dict()).to_dict() == result.to_dict()


def test_schema_rejects_a_broken_result(extract_fr):
    data = extract_fr(EXAMPLE).to_dict()
    data["events"][0]["sub_event_type"] = "Bombing"
    del data["document"]["language"]
    errors = validation_errors(data)
    assert len(errors) == 2 and any("Bombing" in e for e in errors)


def test_schema_sub_event_types_match_the_taxonomy():
    from sitrep.extract.events import acled_taxonomy

    subs = {s for group in acled_taxonomy()["taxonomy"].values() for s in group}
    assert set(result_schema()["$defs"]["event"]["properties"]["sub_event_type"]["enum"]) == subs


def test_python_api(monkeypatch, gazetteer):
    import sitrep

    monkeypatch.setenv("SITREP_GAZETTEER_PATH", str(gazetteer.path))
    sitrep._default_extractor.cache_clear()
    try:
        result = sitrep.extract("Au moins 14 personnes ont été tuées mardi dans une frappe russe sur Odessa.",
                                published="2025-04-02")
    finally:
        sitrep._default_extractor.cache_clear()
    assert result.events[0].sub_event_type == "Shelling/artillery/missile attack"
    assert result.events[0].date.start == "2025-04-01"


HOSTILE = st.one_of(
    st.text(max_size=400),
    st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zs", "Po", "Ps", "Pe", "Pi", "Pf"]), max_size=300),
    st.lists(st.sampled_from(["«", "»", "\"", "“", "”", "‘", "’", "\u200f", "\u202e", "\x00", "\n\n", " ", "مرحبا", "Київ",
                              "Odessa", "14", "au moins", "tués", "mardi", "dont", "selon", "a-t-il dit", "fin", "janvier",
                              "frappe", "région de", ".", ",", ":", "-"]), max_size=80).map(" ".join),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=HOSTILE, language=st.sampled_from(["fr", "en"]))
@example(text="\x1b* 00 dit TuÉ", language="fr")  # once gave a claim whose source had an empty name
def test_extraction_never_raises_on_hostile_text(extract_fr, extract_en, text, language):
    result = (extract_fr if language == "fr" else extract_en)(text)
    check(result, text)


@pytest.mark.parametrize("text", [
    "x" * 1_000_000,  # a single 1 MB line
    ("Odessa, " * 20_000)[:100_000],
    "\u200f\u202e" * 1000 + EXAMPLE,
    "..." * 10_000,
])
def test_extraction_survives_extreme_inputs(extract_fr, text):
    check(extract_fr(text), text)
