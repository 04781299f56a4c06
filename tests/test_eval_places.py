"""Place evaluations on our own fixtures (LGL and GeoVirus formats, Bellingcat's and CIR's
location strings), the location-string geocoder, and the quality floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.errors import SitrepError
from sitrep.eval import evaluate
from sitrep.eval.geoparse import error_auc
from sitrep.resolve.geocode import Geocoder
from sitrep.resolve.query import QueryGeocoder

FIXTURES = Path(__file__).parent / "fixtures" / "places"
BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def query(gazetteer):
    return QueryGeocoder(Geocoder(gazetteer))


@pytest.fixture(scope="module")
def geoparse_reports(extractor):
    return {name: evaluate("geoparse", FIXTURES / f"{name}_sample.xml", extractor=extractor)
            for name in ("lgl", "geovirus")}


@pytest.mark.parametrize("name,metric,floor", [
    (name, metric, floor) for name in ("lgl", "geovirus")
    for metric, floor in BASELINE[f"geoparse_{name}_sample"]["en"].items()])
def test_geoparse_floor(geoparse_reports, name, metric, floor):
    value = geoparse_reports[name].metric("en", metric).value
    if metric == "auc_error":  # lower is better: the floor is a ceiling
        assert value <= floor
    else:
        assert value >= floor


def test_geoparse_counts_what_it_reads(geoparse_reports):
    assert geoparse_reports["lgl"].items == 3 and geoparse_reports["lgl"].metric("en", "toponym_recall").n == 8
    assert geoparse_reports["geovirus"].metric("en", "toponym_recall").n == 2
    lgl = geoparse_reports["lgl"]  # no demonyms among our toponyms: both recalls agree
    assert lgl.metric("en", "toponym_recall_no_demonyms").value == lgl.metric("en", "toponym_recall").value


def _geoparse_set(tmp_path, text: str, toponyms: list[tuple[str, int, int, float, float]]):
    locations = "".join(f"<location><name>{n}</name><start>{a}</start><end>{b}</end><lat>{lat}</lat><lon>{lon}</lon></location>"
                        for n, a, b, lat, lon in toponyms)
    path = tmp_path / "set.xml"
    path.write_text(f"<articles><article><text>{text}</text><locations>{locations}</locations></article></articles>",
                    encoding="utf-8")
    return path


def test_demonyms_are_found_and_counted_apart(extractor, tmp_path):
    path = _geoparse_set(tmp_path, "Sudanese troops entered Kabul.",
                         [("Sudanese", 0, 8, 15.0, 30.0), ("Kabul", 24, 29, 34.53, 69.17)])
    report = evaluate("geoparse", path, extractor=extractor)
    assert report.metric("en", "toponym_recall").value == 1.0  # the demonym, at its country, and the city
    assert report.metric("en", "toponym_recall_no_demonyms").value == 1.0
    assert report.metric("en", "toponym_recall_no_demonyms").n == 1
    assert report.metric("en", "accuracy_161km").value == 1.0


def test_demonyms_are_not_scored_where_the_gold_never_tags_them(extractor, tmp_path):
    path = _geoparse_set(tmp_path, "Sudanese troops entered Kabul.", [("Kabul", 24, 29, 34.53, 69.17)])
    report = evaluate("geoparse", path, extractor=extractor)
    assert report.metric("en", "toponym_precision").value == 1.0


@pytest.mark.parametrize("name", ["bellingcat", "cir"])
def test_place_strings_floor(extractor, name):
    suffix = "json" if name == "bellingcat" else "csv"
    report = evaluate("places", FIXTURES / f"{name}_sample.{suffix}", extractor=extractor)
    assert report.items == 4  # a row without coordinates, or without a town, is not an item
    for metric, floor in BASELINE[f"places_{name}_sample"]["all"].items():
        assert report.metric("all", metric).value >= floor, metric


def test_auc_of_the_error_curve():
    assert error_auc([0.0, 0.0]) == 0.0
    assert error_auc([20039.0, 20039.0]) == pytest.approx(1.0, abs=1e-4)
    assert 0.0 < error_auc([1.0, 10.0, 1000.0]) < error_auc([10.0, 100.0, 5000.0])


def test_geoparse_rejects_what_is_not_xml(extractor, tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<articles><article>", encoding="utf-8")
    with pytest.raises(SitrepError) as err:
        evaluate("geoparse", bad, extractor=extractor)
    assert err.value.code == "E402" and "not XML" in str(err.value)


@pytest.mark.parametrize("text,name,precision", [
    ("Chasiv Yar, Donetsk oblast", "Chasiv Yar", "exact"),
    ("Mykolaivka, Odesa region", "Mykolayivka", "exact"),
    ("Mykolaivka, Donetsk Oblast, Ukraine", "Mykolaivka", "exact"),
    ("south of Kharkiv", "Kharkiv", "exact"),
    ("Kharkiv Oblast", "Kharkiv Oblast", "admin1"),
    ("Robotyne, Donetsk oblast", "Robotyne", "enclosing"),
])
def test_location_strings(query, text, name, precision):
    place = query.geocode(text)
    assert (place.name, place.precision) == (name, precision)


def test_a_namesake_outside_the_named_region_is_not_taken(query):
    # the only Pokrovsk the small gazetteer has in Russia is in Sakha, not in the Bryansk oblast
    place = query.geocode("Pokrovsk, Bryansk oblast, Russia")
    assert (place.precision, place.admin1) == ("enclosing", "Bryansk")


def test_expected_country_breaks_the_tie(query):
    assert query.geocode("Odessa").country_code == "UA"
    assert query.geocode("Odessa", countries=("US",)).country_code == "US"


def test_nothing_to_geocode(query):
    assert query.geocode(" , ") is None


def test_geoparse_errors_list_missed_far_and_spurious_places(extractor, tmp_path):
    text = "The shelling hit Kharkiv and Odesa. Troops left Kabul for the farm."
    xml = ("<articles><article docid='a1'><text>" + text + "</text><locations>"
           "<location><name>Kharkiv</name><start>17</start><end>24</end><lat>49.98</lat><lon>36.25</lon></location>"
           "<location><name>Odesa</name><start>29</start><end>34</end><lat>31.84</lat><lon>-102.36</lon></location>"
           "<location><name>farm</name><start>62</start><end>66</end><lat>50.0</lat><lon>30.0</lon></location>"
           "</locations></article></articles>")
    path = tmp_path / "errors.xml"
    path.write_text(xml, encoding="utf-8")
    report = evaluate("geoparse", path, extractor=extractor, errors=tmp_path / "errors.tsv")
    rows = [line.split("\t") for line in (tmp_path / "errors.tsv").read_text(encoding="utf-8").splitlines()]
    assert [(row[0], row[1], row[2].split(" (")[0]) for row in rows] == [
        ("far:city", "a1", "Odesa"), ("missed", "a1", "farm"), ("spurious", "a1", "")]
    assert "Odesa [city, UA" in rows[0][3] and int(rows[0][4]) > 10_000  # the Texan Odessa was meant
    assert "Kabul" in rows[2][3] and "[Kabul]" in rows[2][5]
    assert report.metric("en", "accuracy_161km").value == 0.5
