"""The PolNeAR attribution task: brat standoff reading, scoring by overlap, and the floor on our
own two-article fixture (tests/fixtures/attribution_sample, text we wrote, in PolNeAR's layout)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.errors import SitrepError
from sitrep.eval import TASKS, evaluate
from sitrep.eval.attributions import Attribution, load, overlaps, read_ann, same_attribution, tally

FIXTURES = Path(__file__).parent / "fixtures"
BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text(encoding="utf-8"))


def test_polnear_is_a_registered_task():
    assert "polnear" in TASKS


def test_brat_lines_discontinuous_spans_and_relations_without_source(tmp_path):
    ann = tmp_path / "a_x1.ann"
    ann.write_text(
        "T1\tSource 0 5\tKyiv.\n"
        "T2\tCue 6 10\tsaid\n"
        "T3\tContent 11 20;25 30\tsplit content\n"
        "T4\tAttribution 6 10\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "T5\tCue 40 44\tsaid\n"
        "T6\tContent 45 60\tno one said it\n"
        "T7\tContent2 61 70\tand more\n"
        "E2\tAttribution-no-source:T5 Content:T6 Cue:T5 Content2:T7\n"
        "T8\tDiscard 80 90\tignored\n", encoding="utf-8")
    first, second = read_ann(ann)
    assert first == Attribution(((0, 5),), ((6, 10),), ((11, 20), (25, 30)))
    assert second.source == () and second.content == ((45, 60), (61, 70))


def test_bad_span_line_is_named(tmp_path):
    (tmp_path / "a_x1.ann").write_text("T1\tSource zero five\tx\n", encoding="utf-8")
    with pytest.raises(SitrepError) as info:
        read_ann(tmp_path / "a_x1.ann")
    assert info.value.code == "E402" and "line 1" in info.value.message


def test_a_text_read_by_two_annotators_counts_once(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc.txt").write_text("Officials said the bridge held.", encoding="utf-8")
    (tmp_path / "attributions" / "doc_b2.ann").write_text("T1\tCue 10 14\tsaid\nE1\tAttribution:T1 Cue:T1\n", encoding="utf-8")
    (tmp_path / "attributions" / "doc_a1.ann").write_text(
        "T1\tSource 0 9\tOfficials\nT2\tCue 10 14\tsaid\nT3\tContent 15 30\tthe bridge held\n"
        "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n", encoding="utf-8")
    (doc,) = load(tmp_path)
    assert doc.id == "doc" and [a.source for a in doc.attributions] == [((0, 9),)]


def test_not_a_polnear_folder(tmp_path):
    with pytest.raises(SitrepError) as info:
        load(tmp_path)
    assert info.value.code == "E402"


def test_overlap_scoring_counts_each_span_once():
    gold = {((0, 10),), ((20, 30),)}
    guess = {((5, 8),), ((40, 50),)}
    count = [0, 0, 0, 0]
    tally(count, guess, gold, overlaps)
    assert count == [2, 1, 2, 1]  # predicted, right, gold, found
    assert overlaps(((0, 5), (10, 15)), ((12, 13),)) and not overlaps(((0, 5),), ((5, 9),))


def test_an_attribution_needs_its_content_and_its_source():
    gold = Attribution(((0, 5),), ((6, 10),), ((11, 30),))
    assert same_attribution(Attribution(((0, 3),), (), ((12, 20),)), gold)
    assert not same_attribution(Attribution(((40, 45),), (), ((12, 20),)), gold)
    unsourced = Attribution((), ((6, 10),), ((11, 30),))
    assert same_attribution(Attribution((), ((6, 10),), ((11, 20),)), unsourced)
    assert not same_attribution(Attribution(((0, 3),), (), ((11, 20),)), unsourced)


@pytest.fixture(scope="module")
def polnear_report(extractor):
    return evaluate("polnear", FIXTURES / "attribution_sample", extractor=extractor)


@pytest.mark.parametrize("metric,floor", sorted(BASELINE["polnear_en"]["en"].items()))
def test_polnear_floor(polnear_report, metric, floor):
    measured = polnear_report.metric("en", metric)
    assert measured.value >= floor, f"polnear en/{metric} fell to {measured.value:.3f} (floor {floor})"
