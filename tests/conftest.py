"""Shared fixtures: a small real gazetteer, a fixed reference date, and extractors built once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep import Extractor
from sitrep.records import Article
from sitrep.resolve.gazetteer import Gazetteer, GazetteerEntry
from sitrep.settings import load_settings

FIXTURES = Path(__file__).parent / "fixtures"
REFERENCE = date(2025, 4, 2)  # a Wednesday

GAZETTEER_ROWS = [
    GazetteerEntry(690791, "Ukraine", 48.87, 32.40, "UA", None, "country", 44_000_000, ("Ukraine",)),
    GazetteerEntry(2017370, "Russia", 56.0, 45.0, "RU", None, "country", 144_000_000, ("Russie", "Russland")),
    GazetteerEntry(698740, "Odesa", 46.48572, 30.74383, "UA", "17", "city", 1_010_537, ("Odessa", "Odessa")),
    GazetteerEntry(4164138, "Odessa", 31.84, -102.36, "US", "TX", "city", 118_000, ()),
    GazetteerEntry(706483, "Kharkiv", 49.98081, 36.25272, "UA", "07", "city", 1_433_886, ("Kharkov", "Kharkiv")),
    GazetteerEntry(687700, "Zaporizhzhia", 47.82289, 35.19031, "UA", "26", "city", 750_685, ("Zaporijjia", "Zaporozhye")),
    GazetteerEntry(706448, "Kherson", 46.65581, 32.6178, "UA", "08", "city", 283_649, ("Kherson",)),
    GazetteerEntry(696334, "Pokrovsk", 48.28198, 37.18207, "UA", "05", "town", 60_127, ("Pokrovsk",)),
    GazetteerEntry(2017155, "Pokrovsk", 61.48, 129.14, "RU", "63", "town", 9_763, ("Pokrovsk",)),
    GazetteerEntry(578072, "Belgorod", 50.61074, 36.58015, "RU", "09", "city", 356_402, ("Belgorod",)),
    GazetteerEntry(524901, "Moscow", 55.75222, 37.61556, "RU", "48", "city", 10_381_222, ("Moscou", "Moskva"),
                   capital=True),
    GazetteerEntry(703448, "Kyiv", 50.45466, 30.5238, "UA", "12", "city", 2_797_553, ("Kiev", "Kyiv"), capital=True),
    GazetteerEntry(4140963, "Washington", 38.89511, -77.03637, "US", "DC", "city", 689_545, ("Washington, D.C.",),
                   capital=True),
    GazetteerEntry(5815135, "Washington", 47.5, -120.5, "US", "WA", "admin1", 6_500_000, ("Washington State",),
                   admin1_name="Washington"),
    GazetteerEntry(709930, "Dnipro", 48.4593, 35.03865, "UA", "04", "city", 1_032_822, ("Dniepr", "Dnipropetrovsk")),
    GazetteerEntry(1138958, "Kabul", 34.52813, 69.17233, "AF", "13", "city", 3_043_532, ("Kaboul",)),
    GazetteerEntry(1149361, "Afghanistan", 33.0, 65.0, "AF", None, "country", 37_000_000, ("Afghanistan",)),
    GazetteerEntry(2357048, "Djibo", 14.1022, -1.6306, "BF", "78", "town", 44_000, ()),
    # admin units, and same-named villages that only the region named in the text tells apart
    GazetteerEntry(706482, "Kharkiv Oblast", 49.5, 36.5, "UA", "07", "admin1", 2_700_000,
                   ("Kharkiv", "Kharkov", "Kharkivska oblast"), admin1_name="Kharkiv"),
    GazetteerEntry(709716, "Donetsk Oblast", 48.0, 37.8, "UA", "05", "admin1", 4_100_000,
                   ("Donetsk", "Donetska oblast"), admin1_name="Donetsk"),
    GazetteerEntry(709717, "Donetsk", 48.023, 37.80224, "UA", "05", "city", 929_063, (), admin1_name="Donetsk"),
    GazetteerEntry(571473, "Bryansk Oblast", 52.9, 33.4, "RU", "10", "admin1", 1_200_000,
                   ("Bryansk", "Briansk", "Brjansk"), admin1_name="Bryansk"),
    GazetteerEntry(571476, "Bryansk", 53.25209, 34.37167, "RU", "10", "city", 427_236, ("Briansk",),
                   admin1_name="Bryansk"),
    GazetteerEntry(698738, "Odesa Oblast", 46.9, 30.3, "UA", "17", "admin1", 2_300_000, ("Odessa", "Odesa"),
                   admin1_name="Odesa"),
    GazetteerEntry(700119, "Mykolaivka", 48.85, 37.7, "UA", "05", "village", 1_200, ("Nikolaevka",),
                   admin1_name="Donetsk"),
    GazetteerEntry(700159, "Mykolayivka", 46.95, 30.1, "UA", "17", "village", 1_200, ("Mykolaivka", "Nikolaevka"),
                   admin1_name="Odesa"),
    GazetteerEntry(711369, "Chasiv Yar", 48.58, 37.84, "UA", "05", "town", 12_250, ("Chasiv Yar", "Chasov Yar"),
                   admin1_name="Donetsk"),
    # namesakes in two states, and the states news abbreviates ("Charleston, W.Va.", "Fresno, Calif.")
    GazetteerEntry(4801859, "Charleston", 38.34982, -81.63262, "US", "WV", "town", 49_736, (), admin1_name="West Virginia"),
    GazetteerEntry(4574324, "Charleston", 32.77657, -79.93092, "US", "SC", "city", 150_227, (), admin1_name="South Carolina"),
    GazetteerEntry(4826850, "West Virginia", 38.50038, -80.50009, "US", "WV", "admin1", 1_853_000, (),
                   admin1_name="West Virginia"),
    GazetteerEntry(4597040, "South Carolina", 34.00043, -81.00009, "US", "SC", "admin1", 5_100_000, (),
                   admin1_name="South Carolina"),
    GazetteerEntry(4809537, "Huntington", 38.41925, -82.44515, "US", "WV", "town", 46_842, (), admin1_name="West Virginia"),
    GazetteerEntry(5122413, "Huntington", 40.86815, -73.42568, "US", "NY", "town", 18_046, ()),
    GazetteerEntry(4683317, "Corsicana", 32.09543, -96.46887, "US", "TX", "town", 24_005, ()),
    # countries that demonyms name ("Canadian officials", "un soldat suisse"), and a town named like one
    GazetteerEntry(6251999, "Canada", 60.0, -95.0, "CA", None, "country", 37_000_000, ("Canada",)),
    GazetteerEntry(5520552, "Canadian", 35.91282, -100.38208, "US", "TX", "town", 2_600, ()),
    GazetteerEntry(2658434, "Switzerland", 47.0, 8.0, "CH", None, "country", 8_500_000, ("Suisse", "Schweiz")),
    GazetteerEntry(294640, "Israel", 31.5, 34.75, "IL", None, "country", 9_000_000, ("Israël",)),
    GazetteerEntry(366755, "Sudan", 15.0, 30.0, "SD", None, "country", 43_000_000, ("Soudan",)),
    # a capital whose name the tokenizer splits, and a look-alike of a neighbourhood far away
    GazetteerEntry(3718426, "Port-au-Prince", 18.54349, -72.33881, "HT", "11", "city", 1_234_742, (),
                   capital=True, admin1_name="Ouest"),
    GazetteerEntry(3719432, "Pétionville", 18.5125, -72.28528, "HT", "11", "city", 283_052, ("Petionville",),
                   admin1_name="Ouest"),
    GazetteerEntry(3432043, "Laboulaye", -34.12662, -63.39119, "AR", "05", "town", 19_908, ("Labulé",),
                   admin1_name="Cordoba"),
    # real GeoNames entries whose names are also common words or actors: they must not become places
    GazetteerEntry(3088848, "Police", 53.55214, 14.57182, "PL", "87", "town", 33_000, ("Police",)),
    GazetteerEntry(321025, "Bozhüyük", 39.9, 30.0, "TR", "11", "village", 1_500, ("Taliban",)),
    GazetteerEntry(3046526, "Ózd", 48.21667, 20.3, "HU", "05", "town", 34_481, ("Center",)),
    GazetteerEntry(2657540, "Acton", 51.51, -0.27, "GB", "ENG", "town", 62_480, ()),
    # incident logs' "<place> (<district>, <region>)": a look-alike capital elsewhere, a province GeoNames names
    # in French, a city named like its state, a capital whose name the brackets repeat, a city GeoNames puts
    # in another unit than the text
    GazetteerEntry(2309527, "Malabo", 3.75578, 8.78166, "GQ", "04", "city", 155_963, ("Malaba",), capital=True),
    GazetteerEntry(187968, "Malaba", 0.63513, 34.28165, "KE", "13", "town", 15_581, (), admin1_name="Busia"),
    GazetteerEntry(200067, "Busia", 0.4, 34.2, "KE", "13", "admin1", 893_681, (), admin1_name="Busia"),
    GazetteerEntry(200063, "Busia", 0.46005, 34.11169, "KE", "13", "town", 71_886, (), admin1_name="Busia"),
    GazetteerEntry(233508, "Busia", 0.46667, 34.09, "UG", "E", "town", 64_900, ()),
    GazetteerEntry(2354776, "Province du Yatenga", 13.5769, -2.41786, "BF", "10", "admin2", 124_587, ("yatenga",),
                   admin1_name="Nord"),
    GazetteerEntry(1798947, "Oula", 34.07654, 101.72183, "CN", "15", "town", 5_142, ()),
    GazetteerEntry(3585968, "El Salvador", 13.83333, -88.91667, "SV", None, "country", 6_500_000, ("Salvador",)),
    GazetteerEntry(3450554, "Salvador", -12.97563, -38.49096, "BR", "05", "city", 2_711_840, (), admin1_name="Bahia"),
    GazetteerEntry(3471168, "Bahia", -12.5, -41.7, "BR", "05", "admin1", 14_303_363, (), admin1_name="Bahia"),
    GazetteerEntry(3660434, "Bahía de Caráquez", -0.59792, -80.42367, "EC", "14", "town", 37_056, ("Bahia",)),
    GazetteerEntry(3462372, "Goiás", -15.93237, -50.13929, "BR", "29", "admin1", 7_000_000, ("Goias",),
                   admin1_name="Goias"),
    GazetteerEntry(3451190, "Rio de Janeiro", -22.90642, -43.18223, "BR", "21", "city", 6_747_815, (),
                   admin1_name="Rio de Janeiro"),
    GazetteerEntry(3451189, "Rio de Janeiro", -22.25, -42.5, "BR", "21", "admin1", 16_000_000, (),
                   admin1_name="Rio de Janeiro"),
    GazetteerEntry(3688689, "Bogotá", 4.60971, -74.08175, "CO", "34", "city", 7_674_366, ("Bogota",), capital=True),
    GazetteerEntry(4138106, "District of Columbia", 38.91706, -77.00025, "US", "DC", "admin1", 689_545, ("D.C.",),
                   admin1_name="District of Columbia"),
    GazetteerEntry(281184, "Jerusalem", 31.76904, 35.21633, "IL", "06", "city", 971_800, ("Al Quds",), capital=True),
    GazetteerEntry(7303419, "West Bank", 32.00071, 35.17444, "PS", "WE", "admin1", 2_787_619, (), admin1_name="West Bank"),
    GazetteerEntry(6252001, "United States", 39.76, -98.5, "US", None, "country", 327_167_434,
                   ("US", "U.S.", "USA", "United States of America")),
    # a region ISO 3166 names like a city ("Amara", Amhara) and the city
    GazetteerEntry(444186, "Amhara", 11.5, 38.5, "ET", "46", "admin1", 20_000_000, ("Amara",), admin1_name="Amhara"),
    GazetteerEntry(99532, "Al ‘Amārah", 31.83561, 47.14399, "IQ", "14", "city", 323_302, ("Amara", "Al Amarah")),
    # a town known without the Arabic article that a note writes ("As-Sweida")
    GazetteerEntry(172408, "As-Suwayda", 32.70896, 36.56951, "SY", "05", "town", 59_052, ("Sweida", "Suwayda")),
    GazetteerEntry(163843, "Syria", 35.0, 38.0, "SY", None, "country", 22_000_000, ("Syrie", "Siria")),
    # a town known under another romanization too
    GazetteerEntry(704508, "Kostyantynivka", 48.52, 37.70, "UA", "05", "town", 67_350, ("Kostiantynivka",),
                   admin1_name="Donetsk"),
]


@pytest.fixture(scope="session")
def gazetteer(tmp_path_factory) -> Gazetteer:
    path = tmp_path_factory.mktemp("gazetteer") / "small.sqlite"
    return Gazetteer.build(path, GAZETTEER_ROWS, "tests/conftest.py")


@pytest.fixture(scope="session")
def settings():
    return load_settings(environ={})


@pytest.fixture(scope="session")
def extractor(settings, gazetteer) -> Extractor:
    return Extractor(settings, gazetteer=gazetteer)


@pytest.fixture(scope="session")
def extract_fr(extractor):
    def run(text: str, published: date | None = REFERENCE, **kw):
        return extractor.extract(Article(text=text, language="fr", published=published, **kw))
    return run


@pytest.fixture(scope="session")
def extract_en(extractor):
    def run(text: str, published: date | None = REFERENCE, **kw):
        return extractor.extract(Article(text=text, language="en", published=published, **kw))
    return run


@pytest.fixture(scope="session")
def nlp_fr(extractor):
    return extractor.nlp("fr")


@pytest.fixture(scope="session")
def nlp_en(extractor):
    return extractor.nlp("en")
