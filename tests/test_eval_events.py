"""The event gold-set tasks (CASE 2021 task 2 snippets, IndiaPoliceEvents sentences) on small
fixtures we wrote ourselves, with floors in eval_baseline.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.errors import SitrepError
from sitrep.eval import evaluate
from sitrep.eval import case2021, police_events
from sitrep.records import Actor, Casualties, Event, TextSpan

BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text(encoding="utf-8"))
FIXTURES = Path(__file__).parent / "fixtures"


# ---------------------------------------------------------------- CASE 2021 task 2

def test_case2021_reader_keeps_quotes_and_maps_labels():
    items = case2021.load(FIXTURES / "case2021_sample.tsv")
    assert len(items) == 8
    assert items[2].text.startswith('"Pay us what we are owed,"') and items[2].label == "Peaceful protest"
    assert [i.label for i in items[:2]] == ["Air/drone strike", "Arrests"]
    assert {i.label for i in items[5:7]} == {case2021.NO_EVENT}  # a flood and a diplomatic meeting


def test_case2021_labels_are_acled_subtypes():
    from sitrep.extract.events import acled_taxonomy

    subtypes = {s for subs in acled_taxonomy()["taxonomy"].values() for s in subs}
    assert set(case2021.CASE_TO_ACLED.values()) == subtypes and len(case2021.LABELS) == 26


def test_case2021_f1_averages():
    gold = ["Arrests", "Arrests", "Grenade", case2021.NO_EVENT]
    predicted = ["Arrests", "Grenade", "Grenade", "Arrests"]
    scores = case2021.f1_scores(gold, predicted)
    assert scores["Arrests"][:3] == pytest.approx((0.5, 0.5, 0.5))
    assert scores["Grenade"][:3] == pytest.approx((0.5, 1.0, 2 / 3))
    weighted, macro = case2021.averages(scores)
    assert weighted == pytest.approx((0.5 * 2 + 2 / 3 + 0) / 4)
    assert macro == pytest.approx((0.5 + 2 / 3 + 0) / 3)  # labels seen in gold or predictions only


def test_case2021_not_a_case_file(tmp_path):
    (tmp_path / "x.tsv").write_text("a\tb\n1\t2\n", encoding="utf-8")
    with pytest.raises(SitrepError) as info:
        case2021.load(tmp_path / "x.tsv")
    assert info.value.code == "E402" and "EventSnippet" in info.value.message


@pytest.fixture(scope="module")
def case_report(extractor):
    return evaluate("case2021", FIXTURES / "case2021_sample.tsv", extractor=extractor)


@pytest.mark.parametrize("metric,floor", list(BASELINE["case2021_sample"]["all"].items()))
def test_case2021_floor(case_report, metric, floor):
    measured = case_report.metric("all", metric)
    assert measured.value >= floor, f"{metric} fell to {measured.value:.3f} (floor {floor})"


# ---------------------------------------------------------------- IndiaPoliceEvents

def test_police_reader_orders_sentences():
    docs = police_events.load(FIXTURES / "police_events")
    assert [d.id for d in docs] == ["1", "2", "3", "4", "5"]
    assert docs[2].sentences[0].text.startswith("ahmedabad: police arrested") and docs[2].labels >= {"ARREST"}
    assert docs[0].sentences[1].labels == {"KILL", "FORCE", "ANY_ACTION"}
    assert docs[3].sentences == () and docs[3].text.startswith("kanpur")  # labelled as a whole only
    assert docs[4].labels is None and len(docs[4].sentences) == 1  # labelled by sentence only


def test_police_reader_needs_both_files(tmp_path):
    (tmp_path / "docs.jsonl").write_text("{}\n", encoding="utf-8")
    with pytest.raises(SitrepError) as info:
        police_events.load(tmp_path)
    assert "sents.jsonl" in info.value.message


def _event(sub: str, killed: int | None = None, kind: str | None = None, modality: str = "asserted") -> Event:
    return Event(id="e", event_type="x", sub_event_type=sub, trigger=TextSpan("t", 0, 1),
                 actor1=Actor("Police", None, kind) if kind else None,
                 fatalities=Casualties(min=killed) if killed is not None else None, modality=modality)


def _riot(killed: int, who: str) -> Event:
    return Event(id="e", event_type="Riots", sub_event_type="Mob violence", trigger=TextSpan("t", 0, 1),
                 actor1=Actor("Rioters", None, "rioters"), actor2=Actor("Police Forces", None, "police"),
                 fatalities=Casualties(min=killed, who=who))


@pytest.mark.parametrize("event,labels", [
    (_event("Attack", 2, "police"), {"KILL"}),
    (_event("Armed clash", 1, "state_forces"), {"KILL"}),
    (_event("Attack", 2, "rebel"), set()),  # killed, but not by the police
    (_riot(2, "civilians"), {"KILL"}),  # the police fired on a rioting crowd
    (_riot(2, "police"), set()),  # the rioters killed two policemen
    (_event("Attack", 0, "police"), set()),
    (_event("Arrests", None, "police"), {"ARREST"}),
    (_event("Arrests", None, "police", modality="hypothetical"), set()),
    (_event("Peaceful protest"), set()),
])
def test_police_labels_from_events(event, labels):
    assert police_events.event_labels([event]) == labels


@pytest.fixture(scope="module")
def police_report(extractor):
    return evaluate("police", FIXTURES / "police_events", extractor=extractor)


@pytest.mark.parametrize("group,metric,floor", [
    (group, metric, floor) for group, metrics in BASELINE["police_events_sample"].items() for metric, floor in metrics.items()
])
def test_police_floor(police_report, group, metric, floor):
    measured = police_report.metric(group, metric)
    assert measured.value >= floor, f"{group}/{metric} fell to {measured.value:.3f} (floor {floor})"
