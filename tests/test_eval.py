"""The quality gate: `sitrep eval` on small gold fixtures we wrote ourselves, with a floor per
metric and language in eval_baseline.json. Raise a floor when quality rises; never lower one to
make a change pass."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.errors import SitrepError
from sitrep.eval import evaluate
from sitrep.eval.event_notes import judge, parse_date
from sitrep.resolve.distance import haversine_km

BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text(encoding="utf-8"))
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def acled_report(extractor):
    return evaluate("acled", FIXTURES / "event_notes_sample.csv", extractor=extractor)


@pytest.mark.parametrize("group,metric,floor", [
    (group, metric, floor) for group, metrics in BASELINE["acled_sample"].items() for metric, floor in metrics.items()
])
def test_acled_floor(acled_report, group, metric, floor):
    measured = acled_report.metric(group, metric)
    assert measured.value >= floor, f"{group}/{metric} fell to {measured.value:.3f} (floor {floor})"


@pytest.fixture(scope="module")
def timex_reports(extractor):
    return {name: evaluate("timex", FIXTURES / f"{name}.tml", extractor=extractor) for name in ("timex_fr", "timex_en")}


@pytest.mark.parametrize("name,group,metric,floor", [
    (name, group, metric, floor) for name in ("timex_fr", "timex_en")
    for group, metrics in BASELINE[name].items() for metric, floor in metrics.items()
])
def test_timex_floor(timex_reports, name, group, metric, floor):
    measured = timex_reports[name].metric(group, metric)
    assert measured.value >= floor, f"{name} {group}/{metric} fell to {measured.value:.3f} (floor {floor})"


def test_timeml_reader_offsets():
    from sitrep.eval.timeml import read_tml

    doc = read_tml(FIXTURES / "timex_fr.tml")
    assert str(doc.creation) == "2025-04-02" and len(doc.timexes) == 8
    assert [doc.text[t.start:t.end] for t in doc.timexes][:2] == ["mardi", "Hier"]


def test_report_json(acled_report, tmp_path):
    from sitrep.eval import write_report

    write_report(acled_report, tmp_path / "r.json")
    data = json.loads((tmp_path / "r.json").read_text())
    assert data["items"] == 14 and {m["name"] for m in data["groups"]["all"]} >= {"event_type", "location_25km"}


def test_unknown_task_and_missing_path(extractor, tmp_path):
    with pytest.raises(SitrepError) as info:
        evaluate("nope", FIXTURES / "event_notes_sample.csv", extractor=extractor)
    assert info.value.code == "E401"
    with pytest.raises(SitrepError) as info:
        evaluate("acled", tmp_path / "none.csv", extractor=extractor)
    assert info.value.code == "E402"


def test_acled_errors_list_each_wrong_item_with_its_fields(extractor, tmp_path):
    sample = tmp_path / "notes.csv"
    sample.write_text(
        "event_id_cnty,event_date,event_type,sub_event_type,actor1,latitude,longitude,fatalities,notes\n"
        "OK1,2024-02-16,Explosions/Remote violence,Shelling/artillery/missile attack,Military Forces of Russia (2000-),"
        "46.65581,32.6178,0,\"On 16 February 2024, Russian forces shelled Kherson with artillery.\"\n"
        "BAD1,2024-02-17,Protests,Peaceful protest,Protesters (Ukraine),46.65581,32.6178,4,"
        "\"On 16 February 2024, Russian forces shelled Kherson with artillery.\"\n", encoding="utf-8")
    report = evaluate("acled", sample, extractor=extractor, errors=tmp_path / "errors.tsv")
    assert report.metric("all", "event_type").value == 0.5
    rows = [line.split("\t") for line in (tmp_path / "errors.tsv").read_text(encoding="utf-8").splitlines()]
    assert [row[0] for row in rows] == ["BAD1"]
    wrong = rows[0][1].split(",")
    assert {"event_type", "sub_event_type", "fatalities", "date", "actor1"} <= set(wrong)
    assert "event_type=Protests" in rows[0][2] and "event_type=Explosions/Remote violence" in rows[0][3]
    assert rows[0][4].startswith("On 16 February 2024")


def test_timex_errors_and_tasks_that_cannot_list_them(extractor, tmp_path):
    tml = tmp_path / "doc.tml"
    tml.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n<DOCID>d1</DOCID>\n'
        '<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2025-04-02" /></DCT>\n'
        '<TEXT>\nThe port was hit <TIMEX3 tid="t1" type="DATE" value="2025-04-01">yesterday</TIMEX3>, '
        'and the <TIMEX3 tid="t2" type="DATE" value="2025-04-02">town</TIMEX3> burned '
        '<TIMEX3 tid="t3" type="DATE" value="1999">last year</TIMEX3>.\n</TEXT>\n</TimeML>\n', encoding="utf-8")
    evaluate("timex", tml, extractor=extractor, errors=tmp_path / "errors.tsv")
    rows = [line.split("\t") for line in (tmp_path / "errors.tsv").read_text(encoding="utf-8").splitlines()]
    assert [(row[0], row[1], row[2]) for row in rows] == [
        ("missed", "doc", "town | DATE | 2025-04-02"), ("value:year", "doc", "last year | DATE | 1999")]
    assert rows[1][3] == "last year | DATE | 2024"
    with pytest.raises(SitrepError) as info:
        evaluate("ner", FIXTURES / "event_notes_sample.csv", extractor=extractor, errors=tmp_path / "e.tsv")
    assert info.value.code == "E401" and "acled" in info.value.message


def test_not_an_acled_file(extractor, tmp_path):
    (tmp_path / "x.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(SitrepError) as info:
        evaluate("acled", tmp_path / "x.csv", extractor=extractor)
    assert "notes" in info.value.message


@pytest.mark.parametrize("value,iso", [("14/08/2020 00:00:00", "2020-08-14"), ("1-Dec-23", "2023-12-01"),
                                       ("21 March 2020", "2020-03-21"), ("2024-02-16", "2024-02-16"), ("soon", None)])
def test_acled_date_forms(value, iso):
    parsed = parse_date(value)
    assert (parsed.isoformat() if parsed else None) == iso


def test_judge_without_event_is_wrong_everywhere():
    from sitrep.eval.event_notes import AcledItem

    item = AcledItem("x", "notes", parse_date("2024-01-01"), "Battles", "Armed clash", "Taliban", 3, 3, 34.5, 69.2)
    assert set(judge(item, None).values()) == {False}


def test_haversine():
    assert haversine_km(50.45466, 30.5238, 46.48572, 30.74383) == pytest.approx(441, abs=2)  # Kyiv–Odesa
    assert haversine_km(1.0, 1.0, 1.0, 1.0) == 0.0


def test_stated_fatalities_are_read_from_the_note(tmp_path):
    from sitrep.eval.event_notes import load

    (tmp_path / "a.csv").write_text(
        "event_date,event_type,sub_event_type,fatalities,notes\n"
        "2020-03-21,Battles,Armed clash,0,\"On 21 March 2020, 3 soldiers were killed. Fatalities coded as 0 (VoJ reported 3).\"\n"
        "2020-03-21,Battles,Armed clash,2,\"On 21 March 2020, 2 soldiers were killed.\"\n", encoding="utf-8")
    items = load(tmp_path / "a.csv")
    assert [(i.fatalities, i.stated_fatalities) for i in items] == [(0, 3), (2, 2)]


def test_ner_eval_on_our_fixture(extractor):
    report = evaluate("ner", FIXTURES / "ner_en.conll", extractor=extractor)
    assert report.items == 3
    for metric, floor in BASELINE["ner_en"]["en"].items():
        assert report.metric("en", metric).value >= floor, metric


def test_iob1_becomes_iob2():
    from sitrep.eval.ner import to_iob2

    assert to_iob2(["I-PER", "I-PER", "O", "I-LOC", "B-LOC"]) == ["B-PER", "I-PER", "O", "B-LOC", "B-LOC"]


def test_quotes_eval_on_our_fixture(extractor, tmp_path):
    report = evaluate("quotes", FIXTURES / "quotes_en.jsonl", extractor=extractor, errors=tmp_path / "errors.tsv")
    for metric, floor in BASELINE["quotes_en"]["all"].items():
        assert report.metric("all", metric).value >= floor, metric
    rows = (tmp_path / "errors.tsv").read_text(encoding="utf-8").splitlines()
    gold = sum(m.n for m in report.groups["all"] if m.name == "quote_recall")
    missed = round(gold * (1 - report.metric("all", "quote_recall").value))
    assert rows[0].startswith("kind\t") and sum(row.startswith("missed\t") for row in rows) == missed


def test_quotes_reader_skips_an_unreadable_record(tmp_path):
    from sitrep.eval.quotes import load

    good = (FIXTURES / "quotes_en.jsonl").read_text(encoding="utf-8").strip()
    broken = json.dumps({"_id": "x", "articleBodyText": "Text.", "quotations": "[{broken"})
    (tmp_path / "q.jsonl").write_text(good + "\n" + broken + "\n", encoding="utf-8")
    docs = load(tmp_path / "q.jsonl")
    assert [d.id for d in docs] == ["fixture-1"] and len(docs[0].quotes) == 3
