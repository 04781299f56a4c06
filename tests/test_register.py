"""Ukraine's register of settlements (KATOTTG): villages GeoNames' 500+ file lacks, placed at the
centre of their community's known settlements."""

from __future__ import annotations

import openpyxl
import pytest

from sitrep import Extractor
from sitrep.records import Article
from sitrep.resolve.distance import haversine_km
from sitrep.resolve.gazetteer import Gazetteer, GazetteerEntry
from sitrep.resolve.katottg import Unit, read_register, register_entries, romanize
from sitrep.resolve.sources import geonames_dump_entries
from sitrep.settings import load_settings

from conftest import GAZETTEER_ROWS
from test_gazetteer import geonames_row


@pytest.mark.parametrize("cyrillic, latin", [
    ("Землянки", "Zemlianky"), ("Ізюм", "Izium"), ("Згурівка", "Zghurivka"), ("Запоріжжя", "Zaporizhzhia"),
    ("Юрівка", "Yurivka"), ("Їжаківка", "Yizhakivka"), ("Подвір’ївка", "Podvirivka"), ("Щастя", "Shchastia"),
    ("Гуляйполе", "Huliaipole"), ("Ясинувата", "Yasynuvata"), ("Нова Ґребля", "Nova Greblia"),
])
def test_romanized_as_ukraines_national_system_writes_them(cyrillic, latin):
    assert romanize(cyrillic) == latin


O, R, H1, H2 = "UA63000000000041885", "UA63020000000096580", "UA63020010000084830", "UA63020030000019474"
D = "UA14000000000091971"  # another oblast


def unit(code, category, name, oblast=O, raion=R, community=H1):
    return Unit(code, category, name, oblast, raion, community)


# two communities of one raion of Kharkiv oblast, and a village of Donetsk oblast
UNITS = [
    Unit(O, "O", "Харківська", O, None, None), Unit(R, "P", "Чугуївський", O, R, None),
    unit("S1", "M", "Чугуїв"), unit("S2", "C", "Малинівка"), unit("S3", "C", "Землянки"),
    unit("S4", "C", "Кочеток", community=H2), unit("S5", "C", "Степове", community=H2),
    unit("S6", "C", "Степове", community=H2),  # two of that name in the oblast: no evidence of where H2 is
    unit("S7", "C", "Тетлега", community=H2),
    unit("S8", "C", "Привілля", oblast=D, raion="UA14020000000000001", community="UA14020010000000001"),
    unit("S9", "M", "Слов'янськ", oblast=D, raion="UA14020000000000001", community="UA14020010000000001"),
]
KNOWN = [
    GazetteerEntry(710403, "Chuhuiv", 49.836, 36.686, "UA", "07", "town", 31_000, ("Чугуїв",), admin1_name="Kharkiv"),
    GazetteerEntry(702743, "Malynivka", 49.81, 36.73, "UA", "07", "town", 6_000, ("Малинівка",), admin1_name="Kharkiv"),
    GazetteerEntry(705500, "Kochetok", 49.88, 36.73, "UA", "07", "town", 4_000, ("Кочеток",), admin1_name="Kharkiv"),
    GazetteerEntry(690000, "Stepove", 49.0, 37.5, "UA", "07", "village", 600, ("Степове",), admin1_name="Kharkiv"),
    GazetteerEntry(696643, "Slovyansk", 48.87, 37.62, "UA", "05", "city", 106_000, ("Слов'янськ",),
                   admin1_name="Donetsk"),
]


def test_an_unknown_village_is_at_its_communitys_centre_and_says_so():
    entries = {e.name: e for e in register_entries(UNITS, KNOWN)}
    assert set(entries) == {"Zemlianky", "Tetleha", "Pryvillia"}  # the known ones are not repeated
    zemlianky = entries["Zemlianky"]
    assert (zemlianky.country_code, zemlianky.admin1, zemlianky.admin1_name) == ("UA", "07", "Kharkiv")
    assert zemlianky.placed == "community" and zemlianky.population == 0 and "Землянки" in zemlianky.alternate_names
    assert (zemlianky.latitude, zemlianky.longitude) == pytest.approx(((49.836 + 49.81) / 2, (36.686 + 36.73) / 2))
    # H2's only settlement with a name of its own in the oblast is Kochetok: "Stepove", borne by two
    # villages there, says nothing of where H2 lies
    assert (entries["Tetleha"].latitude, entries["Tetleha"].longitude) == (49.88, 36.73)
    assert zemlianky.admin2 == "Chuhuivskyi raion" and entries["Pryvillia"].admin1 == "05"


def test_the_register_file_is_read_as_its_publisher_writes_it(tmp_path):
    path = tmp_path / "kodifikator.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Перший рівень", "Другий рівень", "Третій рівень", "Четвертий рівень", "Додатковий рівень",
                  "Категорія об’єкта", "Назва об’єкта"])
    sheet.append([O, None, None, None, None, "O", "Харківська"])
    sheet.append([O, R, H1, None, None, "H", "Чугуївська "])
    sheet.append([O, R, H1, "UA63020010010012345", None, "C", "Землянки"])
    sheet.append([None, None, None, None, None, None, None])  # a blank row
    book.save(path)
    units = list(read_register(path))
    assert [(u.category, u.name) for u in units] == [("O", "Харківська"), ("H", "Чугуївська"), ("C", "Землянки")]
    assert (units[2].code, units[2].oblast, units[2].raion, units[2].community) == ("UA63020010010012345", O, R, H1)


@pytest.fixture()
def with_register(tmp_path):
    path = tmp_path / "g.sqlite"
    rows = [*GAZETTEER_ROWS, *KNOWN, *register_entries(UNITS, KNOWN),
            GazetteerEntry(696219, "Pryvillya", 48.99, 38.29, "UA", "14", "town", 6_500, (), admin1_name="Luhansk"),
            GazetteerEntry(703883, "Luhansk Oblast", 48.6, 39.0, "UA", "14", "admin1", 2_100_000, ("Luhansk",),
                           admin1_name="Luhansk")]
    return Gazetteer.build(path, rows, "test")


def test_a_village_the_register_holds_is_placed_within_its_community(with_register):
    extractor = Extractor(load_settings(), gazetteer=with_register)
    output = extractor.extract(Article(text="Russian forces shelled near Zemlianky, Kharkiv. Casualties unknown.",
                                       id="a", language="en"))
    (place,) = [p for p in output.places if p.text == "Zemlianky"]
    assert place.precision == "community" and place.country_code == "UA"
    assert haversine_km(place.latitude, place.longitude, 49.836, 36.686) < 25


def test_a_spelling_alike_inside_the_unit_named_beats_the_exact_one_outside(with_register):
    # "Pryvillya" is the Luhansk town's own spelling; the Donetsk village is "Pryvillia"
    extractor = Extractor(load_settings(), gazetteer=with_register)
    output = extractor.extract(Article(text="Russian forces shelled Pryvillya, Donetsk region.", id="a", language="en"))
    (place,) = [p for p in output.places if p.text == "Pryvillya"]
    assert (place.name, place.admin1, place.precision) == ("Pryvillia", "Donetsk", "community")


def test_a_geonames_dump_replaces_the_village_known_by_name_only(with_register):
    rows = geonames_row(712000, "Zemlianky", 49.95, 36.9, "P", "PPL", "UA", "07", 0, "Землянки")
    counts = Gazetteer.add(with_register.path, entries=geonames_dump_entries(rows.splitlines(True), []), source="UA.txt")
    assert counts["places"] == 1
    (zemlianky,) = Gazetteer(with_register.path).lookup("Землянки")
    assert (zemlianky.geonames_id, zemlianky.placed) == (712000, None)
    assert [e.placed for e in Gazetteer(with_register.path).lookup("Tetleha")] == ["community"]  # the others stay
