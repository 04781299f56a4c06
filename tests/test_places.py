"""Place mentions and geocoding against a small real gazetteer."""

from __future__ import annotations

import pytest

from sitrep.resolve.gazetteer import Gazetteer, GazetteerEntry, normalize


@pytest.mark.parametrize("text,mention,name,country", [
    ("Une frappe a touché Odessa mardi.", "Odessa", "Odesa", "UA"),
    ("Les combats continuent près de Zaporijjia.", "Zaporijjia", "Zaporizhzhia", "UA"),
    ("Des drones ont visé Kharkov dans la nuit.", "Kharkov", "Kharkiv", "UA"),
    ("Une frappe a touché la ville de Belgorod.", "Belgorod", "Belgorod", "RU"),
])
def test_french_exonyms_resolve(extract_fr, text, mention, name, country):
    place = next(p for p in extract_fr(text).places if p.text == mention)
    assert (place.name, place.country_code, place.precision) == (name, country, "exact")
    assert place.latitude is not None and text[place.start:place.end] == mention


def test_context_country_disambiguates(extract_fr):
    result = extract_fr("En Ukraine, les forces russes avancent vers Pokrovsk.")
    (pokrovsk,) = [p for p in result.places if p.text == "Pokrovsk"]
    assert pokrovsk.country_code == "UA"


def test_country_hint_in_the_cue(extract_fr):
    result = extract_fr("Des drones ont frappé la ville russe de Pokrovsk.")
    (pokrovsk,) = [p for p in result.places if p.text == "Pokrovsk"]
    assert pokrovsk.country_code == "RU"


def test_region_cue_gives_admin1_precision(extract_fr):
    result = extract_fr("Des combats ont eu lieu dans la région de Kharkiv.")
    (kharkiv,) = [p for p in result.places if p.text == "Kharkiv"]
    assert (kharkiv.feature, kharkiv.precision) == ("admin1", "admin1")


def test_unknown_place_keeps_its_name_and_says_so(extract_fr):
    result = extract_fr("Les forces russes ont pris le village de Robotyne.")
    (robotyne,) = [p for p in result.places if p.text == "Robotyne"]
    assert (robotyne.name, robotyne.latitude, robotyne.precision) == ("Robotyne", None, "unresolved")


def test_person_after_a_title_is_not_a_place(extract_fr):
    result = extract_fr("Au moins 14 personnes ont été tuées, a annoncé le gouverneur régional Oleh Kiper.")
    assert "Oleh Kiper" not in [p.text for p in result.places]


@pytest.mark.parametrize("a,b", [("Zaporijjia", "zaporijjia"), ("Bila-Tserkva", "bila tserkva"),
                                 ("Tchassiv Iar", "TCHASSIV IAR"), ("Kryvyï Rih", "kryvyi rih"), ("L’viv", "l viv")])
def test_normalize(a, b):
    assert normalize(a) == normalize(b)


def test_gazetteer_lookup_orders_by_population(tmp_path):
    rows = [GazetteerEntry(1, "Mykolaivka", 48.0, 37.0, "UA", "05", "village", 900, ("Nikolaevka",)),
            GazetteerEntry(2, "Nikolayevka", 55.0, 40.0, "RU", "10", "village", 3000, ("Nikolaevka",))]
    gazetteer = Gazetteer.build(tmp_path / "g.sqlite", rows, "test")
    assert [e.geonames_id for e in gazetteer.lookup("Nikolaevka")] == [2, 1]
    assert gazetteer.info()["places"] == 2


@pytest.mark.parametrize("text,places", [
    ("Russian forces shelled Kherson on Tuesday.", ["Kherson"]),
    ("Kherson was shelled on Tuesday.", ["Kherson"]),  # a city: safe even at the start of a sentence
    ("Police said Taliban militants attacked a checkpoint near Kabul.", ["Kabul"]),
    ("A drone hit a car in Zaporizhzhia and another near Odesa.", ["Zaporizhzhia", "Odesa"]),
])
def test_gazetteer_finds_names_the_model_cannot_see(extract_en, text, places):
    assert [p.text for p in extract_en(text).places if p.role != "demonym"] == places


def test_english_event_located_through_the_gazetteer(extract_en):
    (event,) = extract_en("On 16 February 2024, Russian forces shelled Kherson with artillery.").events
    assert event.location.name == "Kherson" and event.location.country_code == "UA"


def test_unknown_place_falls_back_to_the_place_the_text_puts_it_near(extract_fr):
    result = extract_fr("Les forces russes ont pris le village de Robotyne, près de Zaporijjia.")
    (robotyne,) = [p for p in result.places if p.text == "Robotyne"]
    assert (robotyne.name, robotyne.precision, robotyne.country_code) == ("Robotyne", "enclosing", "UA")
    assert (robotyne.latitude, robotyne.longitude) == (47.82289, 35.19031)


def test_no_fallback_across_sentences(extract_fr):
    result = extract_fr("Les forces russes ont pris le village de Robotyne. Zaporijjia reste sous le feu.")
    (robotyne,) = [p for p in result.places if p.text == "Robotyne"]
    assert robotyne.precision == "unresolved" and robotyne.latitude is None


def test_a_street_is_not_the_town_it_is_named_after(extract_en, extract_fr):
    en = extract_en("The fire broke out at 6016 Kharkiv Road on Monday.")
    fr = extract_fr("Un rassemblement a eu lieu rue de Kharkiv, à Odessa.")
    assert "Kharkiv" not in [p.text for p in en.places]
    assert [p.text for p in fr.places] == ["Odessa"]


def test_a_surname_of_a_named_person_is_not_a_place(extract_en):
    result = extract_en("Mayor John Djibo visited the site. Djibo said the shelling went on all night.")
    assert "Djibo" not in [p.text for p in result.places]


def test_a_hyphenated_compound_is_read_whole(extract_en):
    result = extract_en("Police said the Kherson-Mart store was closed after the blast in Odesa.")
    assert "Kherson" not in [p.text for p in result.places]


def test_a_settlement_noun_before_the_comma_still_puts_the_place_in_the_region(extract_en):
    # two villages answer to "Mykolaivka" (the Donetsk one by its own name), and the article names
    # both regions; the region after "village," says which, and is the region, not the city
    result = extract_en("Drones struck Kherson and the Donetsk region overnight. "
                        "Russian forces shelled Mykolaivka village, Odesa, with artillery.")
    (village,) = [p for p in result.places if p.text == "Mykolaivka"]
    (region,) = [p for p in result.places if p.text == "Odesa"]
    assert (village.precision, village.admin1, region.feature) == ("exact", "Odesa", "admin1")
    assert result.events[-1].location.text == "Mykolaivka"


def test_a_region_the_text_names_frames_the_whole_article(extract_en):
    # "Pokrovsk" has namesakes in Ukraine and Russia; Donetsk is only in Ukraine
    result = extract_en("Heavy fighting was reported in Pokrovsk. Shelling also hit Donetsk overnight.")
    (pokrovsk,) = [p for p in result.places if p.text == "Pokrovsk"]
    assert pokrovsk.country_code == "UA"


def test_a_place_put_in_a_region_by_a_comma(extract_en):
    # ACLED's way: "<village>, <oblast>"; the village is unknown here, so it goes where the oblast's
    # towns are (here, only Kharkiv), not to the oblast's centre (49.5)
    result = extract_en("On 14 March 2023, Russian forces shelled Kolodiazne, Kharkiv, with artillery.")
    (village,) = [p for p in result.places if p.text == "Kolodiazne"]
    assert (village.precision, village.admin1, village.latitude) == ("enclosing", "Kharkiv", 49.98081)
    (oblast,) = [p for p in result.places if p.text == "Kharkiv"]
    assert (oblast.feature, oblast.precision) == ("admin1", "admin1")
    assert result.events[0].location.text == "Kolodiazne"


@pytest.mark.parametrize("text,village", [
    ("On 3 April 2024, Russian air forces struck Stara Mykolaivka, Donetsk, damaging residential buildings.",
     "Stara Mykolaivka"),  # two words, which the model may take for a person's name
    ("On 1 February 2024, Ukrainian drones hit a car north-west of Kolodiazne (Kharkiv).", "Kolodiazne"),
])
def test_an_unknown_village_in_a_region_by_apposition_or_parenthesis(extract_en, text, village):
    result = extract_en(text)
    (place,) = [p for p in result.places if p.text == village]
    assert place.precision == "enclosing" and place.admin1 in ("Donetsk", "Kharkiv")
    assert result.events[0].location.text == village


@pytest.mark.parametrize("text,mention,name,country,precision", [
    # the look-alike capital of Equatorial Guinea is bigger; the brackets say Busia county, Kenya
    ("Traders blocked the road to the border post in Malaba (Teso North, Busia) on Friday.",
     "Malaba", "Malaba", "KE", "exact"),
    # "Salvador" alone is also El Salvador's name; "- Valeria" is the city's district, Bahia its state
    ("Gunmen killed a trader in Salvador - Valeria (Bahia) on Friday.", "Salvador", "Salvador",
     "BR", "exact"),
    # an unknown village in a province GeoNames names in French ("Province du Yatenga"), beside a Chinese town
    # named like its department: both are where the province is
    ("Militants attacked a patrol near the village of Robena (Oula, Yatenga) on Friday.",
     "Robena", "Robena", "BF", "enclosing"),
    ("Militants attacked a patrol near the village of Robena (Oula, Yatenga) on Friday.",
     "Oula", "Oula", "BF", "enclosing"),
    # GeoNames puts Jerusalem in Israel's Jerusalem district; the text's West Bank lies beside it
    ("Israeli police detained two men in Al Quds - Old City (Al Quds, West Bank) on Friday.", "Al Quds", "Jerusalem",
     "IL", "exact"),
])
def test_units_in_brackets_after_a_place_hold_it(extract_en, text, mention, name, country, precision):
    place = next(p for p in extract_en(text).places if p.text == mention)
    assert (place.name, place.country_code, place.precision) == (name, country, precision)


def test_brackets_naming_a_big_city_of_another_country_are_no_units(extract_en):
    # "Bogota, D.C." is Bogotá's own name, not a district of Washington's
    result = extract_en("Police officers clashed with students in Bogota - Teusaquillo (Bogota, D.C.) on Friday.")
    assert [(p.country_code, p.precision) for p in result.places if p.text == "Bogota"] == [("CO", "exact")] * 2


def test_a_place_in_brackets_is_never_a_list(extract_en):
    # no Odesa lies in the Donetsk oblast: a village of that name does, whatever the city's size
    result = extract_en("Shelling damaged a school in Odesa (Donetsk) on Friday.")
    (village,) = [p for p in result.places if p.text == "Odesa"]
    assert (village.precision, village.country_code, village.admin1) == ("enclosing", "UA", "Donetsk")


def test_a_city_in_its_state_of_the_same_name_is_where_the_event_is(extract_en):
    result = extract_en("Police forces exchanged fire with armed men in Rio de Janeiro - Central Zone "
                        "(Rio de Janeiro) during a raid to arrest fugitives from the state of Goias.")
    location = result.events[0].location
    assert (location.name, location.feature) == ("Rio de Janeiro", "city")


def test_a_namesake_outside_the_region_named_is_not_taken(extract_en):
    # the gazetteer's Pokrovsks are in Donetsk oblast and in Sakha: neither is in the Kharkiv oblast
    result = extract_en("Shelling hit Pokrovsk, Kharkiv region, on Monday.")
    (place,) = [p for p in result.places if p.text == "Pokrovsk"]
    assert (place.precision, place.admin1) == ("enclosing", "Kharkiv")


def test_a_list_of_cities_is_not_a_place_in_a_region(extract_en):
    result = extract_en("Missiles hit Kyiv, Odesa and Kharkiv overnight.")
    assert {p.text: p.precision for p in result.places} == {"Kyiv": "exact", "Odesa": "exact", "Kharkiv": "exact"}


def test_a_longer_unknown_name_is_not_its_known_first_word(extract_en):
    result = extract_en("Russian forces shelled near Odesa Pershyi, Kherson region.")
    assert "Odesa" not in [p.text for p in result.places]


@pytest.mark.parametrize("name,stem", [
    ("Province du Yatenga", "yatenga"), ("Departamento de Capital", "capital"), ("Comuna Brebu", "brebu"),
    ("Rrethi i Beratit", "beratit"), ("Powiat krakowski", "krakowski"), ("Kanawha County", "kanawha"),
    ("De Kalb County", "de kalb"),  # a name's own first word stays
    ("District of Columbia", "of columbia"),  # no English "of": "Columbia" is a city's name
])
def test_second_level_units_are_found_by_their_names_without_the_kind_word(name, stem):
    from sitrep.resolve.sources import _with_stem
    assert _with_stem(name)[-1] == stem


def test_a_short_name_finds_the_district_it_names(tmp_path):
    rows = [GazetteerEntry(1, "Province du Tuy", 11.5, -3.5, "BF", "09", "admin2", 87_151, ("tuy",)),
            GazetteerEntry(2, "Tuy", 14.0, 120.7, "PH", "40", "town", 8_603, ())]
    gazetteer = Gazetteer.build(tmp_path / "g.sqlite", rows, "test")
    assert [e.name for e in gazetteer.lookup("Tuy")] == ["Province du Tuy", "Tuy"]


def test_a_short_alternate_name_is_a_code_unless_it_spells_the_place(tmp_path):
    rows = [GazetteerEntry(1, "Singapore", 1.29, 103.85, "SG", "01", "city", 5_600_000, ("SIN", "Singapura")),
            GazetteerEntry(2, "Tyre", 33.27, 35.20, "LB", "04", "city", 117_000, ("Tyr", "Sour")),
            GazetteerEntry(3, "United Kingdom", 54.0, -2.0, "GB", None, "country", 66_000_000, ("UK",)),
            GazetteerEntry(4, "Berlin", 52.5, 13.4, "DE", "16", "admin1", 3_600_000, ("BER",))]
    gazetteer = Gazetteer.build(tmp_path / "g.sqlite", rows, "test")
    assert gazetteer.lookup("Sin") == []  # Singapore's airport code, not a town called Sin
    assert [e.name for e in gazetteer.lookup("Tyr")] == ["Tyre"]
    assert [e.name for e in gazetteer.lookup("UK")] == ["United Kingdom"]
    # a region's code counts written as a code: "Ber", a Malian town, is not Berlin
    assert gazetteer.lookup("Ber") == [] and [e.name for e in gazetteer.lookup("BER")] == ["Berlin"]
    assert [e.name for e in gazetteer.lookup("Singapura")] == ["Singapore"]


@pytest.mark.parametrize("text,place", [
    # a name the model splits at a hyphen or a name particle is read whole
    ("Government troops shelled Al-Qasr town near Kharkiv on Tuesday.", "Al-Qasr"),
    ("Gunmen attacked army positions in Deir ez Zor countryside on Tuesday.", "Deir ez Zor"),
    ("Youths clashed with police in Ain al Saltan refugee camp near Kharkiv on Tuesday.", "Ain al Saltan"),
])
def test_a_name_the_model_split_is_read_whole(nlp_en, text, place):
    places = [p.text for p in nlp_en(text)._.sitrep_places]
    assert place in places
    assert not any(len(p) < 3 for p in places)  # never "Al" alone


def test_weapons_and_institutions_are_not_places(extract_en):
    places = [p.text for p in extract_en(
        "Hezbollah fired a Katyusha rocket at Kharkiv. Drivers protested outside the state Congress "
        "and near the Metro station, citing the 1987 Law.").places]
    assert places == ["Kharkiv"]


def test_a_place_said_to_be_in_a_town_is_in_that_towns_region(nlp_en, gazetteer):
    from sitrep.resolve.geocode import Geocoder
    doc = nlp_en("Shelling hit the Mykolaivka area in Chasiv Yar.")
    (village,) = [p for p in doc._.sitrep_places if p.text == "Mykolaivka"]
    assert village.within == "Chasiv Yar"  # "X area in Y": X is inside Y
    # a town as the unit: its region (Chasiv Yar is a town of the Donetsk region)
    assert [u.name for u in Geocoder(gazetteer).units("Chasiv Yar")] == ["Donetsk Oblast"]


@pytest.mark.parametrize("text,mention,state", [
    ("Slide closes road. CHARLESTON, W.Va. (AP) -- A hillside gave way on Monday.", "W.Va.", "West Virginia"),
    ("The mayor of Charleston, W. Va., resigned on Monday.", "W. Va.", "West Virginia"),
    ("A man from Charleston, S.C. drowned.", "S.C.", "South Carolina"),
])
def test_abbreviated_states_are_found_and_place_the_town(extract_en, text, mention, state):
    places = extract_en(text).places
    (unit,) = [p for p in places if p.text == mention]
    (town,) = [p for p in places if p.text.lower() == "charleston"]
    assert (unit.name, unit.feature) == (state, "admin1") and text[unit.start:unit.end] == mention
    assert town.admin1 == state  # the abbreviation says which Charleston


def test_an_abbreviation_that_is_also_a_word_needs_a_town_before_it(extract_en):
    assert not [p for p in extract_en("After Mass. the priest left; Sean Penn and Miss Smith stayed.").places
                if p.feature == "admin1"]


@pytest.mark.parametrize("text,mention,name", [
    ("Woman sentenced for fraud. CORSICANA — A woman was sentenced to 99 years in prison.", "CORSICANA", "Corsicana"),
    ("CHARLESTON, W.Va. (AP) -- A hillside gave way.", "CHARLESTON", "Charleston"),
])
def test_a_dateline_in_capitals_is_a_place(extract_en, text, mention, name):
    (place,) = [p for p in extract_en(text).places if p.text == mention]
    assert place.name == name and place.precision == "exact"


def test_a_heading_in_capitals_is_no_dateline(extract_en):
    assert not [p for p in extract_en("UPDATE — Police closed the road. BREAKING — A fire.").places]


def test_the_region_most_names_share_picks_each_namesake(extract_en):
    """Charleston, South Carolina is the bigger; with Huntington, only West Virginia holds both."""
    places = {p.text: p for p in extract_en("Floods hit Charleston and Huntington on Monday.").places}
    assert places["Charleston"].admin1 == places["Huntington"].admin1 == "West Virginia"
    alone = {p.text: p for p in extract_en("Floods hit Charleston on Monday.").places}
    assert alone["Charleston"].admin1 == "South Carolina"


def test_a_place_in_an_organization_name_is_named_but_no_event_happens_there(extract_en):
    result = extract_en("The Kharkiv City Council said a Russian missile struck Odesa on Monday, "
                        "a professor at the University of Kyiv said.")
    roles = {p.text: (p.role, p.name) for p in result.places}
    assert roles["Kharkiv"] == ("in_name", "Kharkiv") and roles["Kyiv"] == ("in_name", "Kyiv")
    assert roles["Odesa"][0] == "location"
    assert [e.location.name for e in result.events if e.location is not None] == ["Odesa"]


def test_a_demonym_is_its_country_and_no_event_happens_there(extract_en):
    result = extract_en("Canadian troops said a Russian missile struck Odesa on Monday, killing two Israelis.")
    places = {p.text: p for p in result.places}
    canadian, israelis = places["Canadian"], places["Israelis"]
    assert (canadian.role, canadian.name, canadian.country_code, canadian.precision) == ("demonym", "Canada", "CA", "country")
    assert (israelis.role, israelis.country_code) == ("demonym", "IL")  # a plural noun too
    assert places["Odesa"].role == "location"
    assert [e.location.name for e in result.events if e.location is not None] == ["Odesa"]


def test_a_demonym_in_a_persons_name_is_none(extract_en):
    result = extract_en("John French said a missile struck Odesa on Monday.")
    assert "French" not in [p.text for p in result.places]


def test_french_demonyms_are_lowercase_and_a_country_named_like_one_stays_a_place(extract_fr):
    result = extract_fr("Un soldat suisse a été blessé à Kherson, a indiqué la Suisse.")
    places = {p.text: p for p in result.places}
    assert (places["suisse"].role, places["suisse"].country_code) == ("demonym", "CH")
    assert places["Suisse"].role != "demonym" and places["Suisse"].country_code == "CH"


def test_an_unknown_neighbourhood_is_put_in_the_city_not_at_a_look_alike_abroad(extract_en):
    """"Laboule" looks like Laboulaye, Argentina; in an article about Port-au-Prince it is a place the
    gazetteer does not know, put at the place its sentence named before it."""
    result = extract_en("On Monday, in Port-au-Prince - Petionville, residents held a protest in Laboule to "
                        "decry the killing of a young man.")
    places = {p.text: p for p in result.places}
    assert places["Port-au-Prince"].name == "Port-au-Prince"  # the whole name, not "Port"
    laboule = places["Laboule"]
    assert (laboule.name, laboule.country_code, laboule.precision) == ("Laboule", "HT", "enclosing")
    assert (laboule.latitude, laboule.longitude) == (places["Petionville"].latitude, places["Petionville"].longitude)


@pytest.mark.parametrize("label", ["PER", "ORG"])
def test_a_region_the_model_took_for_a_person_or_organization_is_a_place(nlp_en, label):
    # the English model tags "Andhra Pradesh" PER and "Baja California Sur" ORG; no one is called just
    # "West Virginia": a whole entity that is a region's very name is the region
    from spacy.tokens import Span
    text = "Protesters gathered in Huntington (West Virginia) on Monday."
    with nlp_en.select_pipes(enable=["sitrep_paragraphs", "tok2vec", "tagger", "morphologizer", "senter", "parser"]):
        doc = nlp_en(text)
    state = doc.char_span(text.index("West"), text.index(")"))
    doc.ents = [Span(doc, state.start, state.end, label=label)]
    doc = nlp_en.get_pipe("sitrep_places")(doc)
    assert [(p.text, p.role) for p in doc._.sitrep_places if p.text == "West Virginia"] == [("West Virginia", "location")]


def test_an_event_is_placed_at_the_town_not_the_region_it_is_put_in(extract_en):
    result = extract_en("On 30 November 2023, in Huntington (West Virginia), an armed man shot and killed a driver.")
    assert {p.text: p.feature for p in result.places} == {"Huntington": "town", "West Virginia": "admin1"}
    assert result.events[0].location.text == "Huntington"


@pytest.mark.parametrize("text", [
    "Volunteers from Action handed out food in Kharkiv.",
    "The Center said shelling hit Kharkiv.",
    "Action was taken in Kharkiv on Monday, the Center said.",
])
def test_a_word_that_is_a_towns_other_name_or_look_alike_is_no_place(nlp_en, text):
    # GeoNames lists "Center" among the names of Ózd (Hungary); "Action" is spelled like Acton
    assert [p.text for p in nlp_en(text)._.sitrep_places] == ["Kharkiv"]
    finder = nlp_en.get_pipe("sitrep_places")
    assert not finder._known_word("Center") and not finder._known_word("Action")
    # another romanization of a town's own name is the town, and a region's other name is the region
    assert finder._known_word("Kostiantynivka") and finder._known_word("Kharkov")


@pytest.mark.parametrize("lang,text,country", [
    ("en", "Protesters gathered outside Israel's embassy in Kyiv on Friday.", "IL"),
    ("en", "Protesters gathered outside the Embassy of Canada in Kyiv on Friday.", "CA"),
    ("fr", "Des manifestants se sont rassemblés devant l'ambassade de Suisse à Kyiv vendredi.", "CH"),
])
def test_the_country_an_embassy_belongs_to_is_no_location(extract_en, extract_fr, lang, text, country):
    result = (extract_en if lang == "en" else extract_fr)(text)
    roles = {p.country_code: p.role for p in result.places}
    assert roles.get(country) == "in_name"
    assert result.events and result.events[0].location.name == "Kyiv"


def test_a_name_before_a_lowercase_square_is_a_street_not_a_town(extract_en):
    result = extract_en("Hundreds of people protested in Kharkiv square in Kyiv on Friday.")
    assert [p.name for p in result.places if p.role == "location"] == ["Kyiv"]


@pytest.mark.parametrize("lang, text, place", [
    ("en", "Students at Kharkiv High School were evacuated on Friday.", "Kharkiv"),
    ("en", "Flights at Odesa International Airport were cancelled.", "Odesa"),
    ("en", "Shelling continued in Western Ukraine on Friday.", "Ukraine"),
    ("en", "The storm moved into South Odesa.", "Odesa"),
    ("fr", "Les élèves du lycée de Kharkiv ont été évacués.", "Kharkiv"),
])
def test_a_known_place_inside_a_longer_name_is_found(extract_en, extract_fr, lang, text, place):
    places = (extract_en if lang == "en" else extract_fr)(text).places
    assert [p.name for p in places if p.latitude is not None] == [place]


def test_a_settlement_cue_keeps_a_region_of_the_same_name_out(extract_en):
    # ISO 3166 calls Ethiopia's Amhara region "Amara"; "Amara city" is the Iraqi city
    (amara,) = [p for p in extract_en("Gunmen attacked the house of a tribal sheikh in Amara city on Friday.").places
                if p.text == "Amara"]
    assert (amara.country_code, amara.feature) == ("IQ", "city")


def test_a_country_qualifying_a_noun_is_whose_not_where(extract_en):
    # "a US airstrike": the strike is the United States', the event is in Kabul
    event = extract_en("On 1 April 2025, two men were killed by a US airstrike in Kabul.").events[0]
    assert event.location.name == "Kabul"
    assert (event.actor1.country_code, event.actor1.kind) == ("US", "state_forces")


def test_an_iso_subdivision_name_in_another_romanization_is_an_alternate_name():
    from sitrep.resolve.sources import _iso_names_for
    iso = {"AF": [("Kunar", ["Kunar", "Kounar"]), ("Kabul", ["Kabul", "Kaboul"])],
           "XX": [("Kunar", ["Kunar"]), ("Konur", ["Konur"])]}
    assert "Kunar" in _iso_names_for("AF", "Konar", iso)
    assert _iso_names_for("XX", "Konar", iso) == []  # two alike: no guess


def test_units_geonames_towns_do_not_know_come_from_the_states_database(monkeypatch):
    from sitrep.resolve import sources
    states = {"CD": [("Ituri", 1.8, 29.9), ("Sud Kivu", -3.0, 28.3), ("Tshopo", 0.55, 25.0)],
              "ZA": [("Free State", -28.8, 26.5)], "FR": [("French Guiana", 4.0, -53.0)]}
    monkeypatch.setattr(sources, "_states", lambda: states)
    units = [GazetteerEntry(-1, "South Kivu", -3.1, 28.3, "CD", "12", "admin1", 5_000_000, ("Sud-Kivu",)),
             GazetteerEntry(-2, "Orientale", 0.5, 25.2, "CD", "09", "admin1", 8_000_000, ())]
    countries = [GazetteerEntry(3381670, "French Guiana", 4.0, -53.0, "GF", None, "country", 290_000, ())]
    new = {e.name: e for e in sources._new_units(units, countries)}
    # Sud Kivu is South Kivu under another name; Tshopo's centre is where GeoNames' old province's is;
    # French Guiana is a country in GeoNames
    assert set(new) == {"Ituri", "Free State"}
    assert (new["Ituri"].feature, new["Ituri"].admin1, new["Ituri"].population) == ("admin1", None, 0)
    assert "free" not in {normalize(n) for n in new["Free State"].alternate_names}  # no unit is called "Free"


@pytest.mark.parametrize("text", [
    "Locals organized a protest in As-Sweida city on Friday.",
    "Locals organized a protest in Al Sweida on Friday.",
])
def test_a_name_is_found_without_the_arabic_article_the_text_writes(extract_en, text):
    (place,) = [p for p in extract_en(text).places if p.latitude is not None]
    assert (place.name, place.country_code) == ("As-Suwayda", "SY")
    assert place.match_score is not None and place.match_score < 1


def test_an_unknown_event_place_takes_the_country_of_the_articles_places(extract_en):
    # the village is unknown to the gazetteer; the article is about Syria, so the protesters are Syrian
    event = extract_en("On 1 April 2025, locals held a protest in Qaryat Zibdin. "
                       "Such protests have spread across As-Sweida since the summer.").events[0]
    assert event.location is not None and event.location.latitude is None
    assert event.actor1.name == "Protesters (Syria)"


def test_a_name_before_area_is_no_country(extract_en):
    # "Siria" is Syria in Spanish; "Siria area", in Kenya, is no country
    (siria,) = [p for p in extract_en("On 1 April 2025, residents of Siria area marched to Kabul.").places if p.text == "Siria"]
    assert siria.country_code != "SY"


@pytest.mark.parametrize("text", ["Shelling hit Kharkiv on Sunday.", "Fighting continued in Kharkiv on Sunday."])
def test_an_event_word_opening_a_sentence_is_no_place(extract_en, text):
    assert [p.text for p in extract_en(text).places] == ["Kharkiv"]


def test_a_town_opening_a_sentence_as_what_was_shelled_is_a_place(extract_en):
    # the model takes a town opening the sentence for a person; the passive of an event word says it is a place
    assert [p.name for p in extract_en("Pokrovsk was shelled.").places] == ["Pokrovsk"]
