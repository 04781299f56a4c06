"""Casualty counts with their qualifiers, ranges, number words and breakdowns."""

from __future__ import annotations

import pytest

from sitrep.extract.numbers import parse_words
from sitrep.lang import load_lexicon


def only(mentions, outcome):
    return [c for c in mentions if c.outcome == outcome]


def casualties(nlp, text):
    return nlp(text)._.sitrep_casualties


@pytest.mark.parametrize("text,outcome,low,high,qualifier,who,breakdown", [
    ("Au moins 14 personnes, dont cinq enfants, ont été tuées dans la frappe.", "killed", 14, None, "at_least", "people", {"children": 5}),
    ("La frappe a fait entre 10 et 15 morts.", "killed", 10, 15, "range", None, {}),
    ("Le bombardement a fait plus de 20 morts.", "killed", 20, None, "at_least", None, {}),
    ("Dix-neuf soldats ont été tués dans l'embuscade.", "killed", 19, None, "exact", "soldiers", {}),
    ("L'attaque a fait des dizaines de blessés.", "injured", 20, 99, "approximate", None, {}),
    ("Trois civils ont été blessés par des éclats.", "injured", 3, None, "exact", "civilians", {}),
    ("Vingt et un combattants ont été tués.", "killed", 21, None, "exact", "militants", {}),
])
def test_french_counts(nlp_fr, text, outcome, low, high, qualifier, who, breakdown):
    (c,) = only(casualties(nlp_fr, text), outcome)
    assert (c.min, c.max, c.qualifier, c.who, c.breakdown) == (low, high, qualifier, who, breakdown)


@pytest.mark.parametrize("text,outcome,low,high,qualifier,who,breakdown", [
    ("The strike hit a market, killing 6 civilians, including 2 women.", "killed", 6, None, "exact", "civilians", {"women": 2}),
    ("Twelve people were killed in the attack.", "killed", 12, None, "exact", "people", {}),
    ("At least 14 people were killed.", "killed", 14, None, "at_least", "people", {}),
    ("Between 10 and 15 people were killed.", "killed", 10, 15, "range", "people", {}),
    ("More than 20 soldiers were wounded.", "injured", 20, None, "at_least", "soldiers", {}),
])
def test_english_counts(nlp_en, text, outcome, low, high, qualifier, who, breakdown):
    (c,) = only(casualties(nlp_en, text), outcome)
    assert (c.min, c.max, c.qualifier, c.who, c.breakdown) == (low, high, qualifier, who, breakdown)


@pytest.mark.parametrize("text", [
    "La défense antiaérienne a abattu onze drones au-dessus de la région.",
    "Les forces ont pris trois villages.",
    "Le président a rencontré 12 ministres mardi.",
])
def test_counts_of_other_things_are_not_casualties(nlp_fr, text):
    assert casualties(nlp_fr, text) == []


def test_killed_and_injured_in_one_sentence(nlp_fr):
    mentions = casualties(nlp_fr, "L'explosion a fait 4 morts et 30 blessés.")
    assert [(c.outcome, c.min) for c in mentions] == [("killed", 4), ("injured", 30)]


@pytest.mark.parametrize("words,value", [
    ("dix-neuf", 19), ("vingt et un", 21), ("quatre-vingt-dix", 90), ("quatre-vingts", 80), ("soixante-douze", 72),
    ("deux cents", 200), ("mille", 1000), ("trois mille", 3000),
])
def test_french_number_words(words, value):
    assert parse_words(words, load_lexicon("fr")) == value


@pytest.mark.parametrize("words,value", [("twenty-one", 21), ("ninety nine", 99), ("two hundred", 200), ("twelve", 12)])
def test_english_number_words(words, value):
    assert parse_words(words, load_lexicon("en")) == value


def test_not_a_number():
    assert parse_words("maison", load_lexicon("fr")) is None


def test_a_year_is_not_a_toll(extract_en):
    """Regression: "On 20 March 2020, 1 soldier was killed" read as 2020 dead."""
    (event,) = extract_en("On 20 March 2020, 1 soldier was killed by a sniper in Kabul city.").events
    assert event.fatalities.min == 1 and event.fatalities.who == "soldiers"


@pytest.mark.parametrize("text,outcome,count,who", [
    ("Gunmen stormed the clinic and killed a nurse.", "killed", 1, "civilians"),
    ("A shopkeeper was killed when the shell hit the bazaar.", "killed", 1, "civilians"),
    ("The drone strike on the convoy killed a colonel and his driver.", "killed", 2, None),
    ("The blast killed a local imam and teacher.", "killed", 1, "civilians"),
    ("A teenage boy died of his wounds in hospital.", "killed", 1, "children"),
    ("Police fired on the crowd, resulting in the death of a student.", "killed", 1, "civilians"),
    ("A guard was wounded in the exchange of fire.", "injured", 1, "people"),
])
def test_english_singular_victims(nlp_en, text, outcome, count, who):
    (c,) = only(casualties(nlp_en, text), outcome)
    assert c.min == count and c.max is None
    if who is not None:
        assert c.who == who


@pytest.mark.parametrize("text,outcome,count", [
    ("Un enseignant a été tué par un obus dans le centre-ville.", "killed", 1),
    ("Une femme et son fils ont été tués par le drone.", "killed", 2),
    ("Un pompier a été blessé par des éclats.", "injured", 1),
    ("Le soldat est mort de ses blessures.", "killed", 1),
])
def test_french_singular_victims(nlp_fr, text, outcome, count):
    (c,) = only(casualties(nlp_fr, text), outcome)
    assert c.min == count


@pytest.mark.parametrize("text", [
    "Residents were killed in the shelling.",  # a plural without a number: how many is not said
    "The strike killed the ceasefire talks.",  # not a person
    "Soldiers of Regiment 46 shelled the village.",  # a number inside a name
    "Des habitants ont été tués dans le bombardement.",
])
def test_no_count_without_one_person(nlp_en, nlp_fr, text):
    nlp = nlp_fr if text.startswith("Des ") else nlp_en
    assert only(casualties(nlp, text), "killed") == []


def test_a_count_that_is_demonym(nlp_en):
    (c,) = only(casualties(nlp_en, "Warplanes struck the camp, killing 9 Palestinians."), "killed")
    assert c.min == 9


@pytest.mark.parametrize("text,total,breakdown", [
    ("Six policemen and two civilians were killed in the ambush on the checkpoint.", 8, {"police": 6, "civilians": 2}),
    ("Three soldiers and a medic were killed when the shell hit the trench.", 4, {"soldiers": 3, "civilians": 1}),
    ("The raid killed four fighters and two children.", 6, {"militants": 4, "children": 2}),
])
def test_counts_joined_by_and_are_one_toll(nlp_en, text, total, breakdown):
    (c,) = only(casualties(nlp_en, text), "killed")
    assert c.min == total and c.breakdown == breakdown and c.who == "people"


def test_a_second_figure_for_the_same_dead_is_not_added(nlp_en):
    killed = only(casualties(nlp_en, "Militants ambushed the convoy, killing 3 soldiers (5 according to the militants)."), "killed")
    assert killed[0].min == 3


@pytest.mark.parametrize("text, killed", [
    # the counted noun after words that qualify it, whatever the parse
    ("On 1 April 2025, an airstrike by Afghan forces killed 1 Islamic State militant near Kabul.", 1),
    ("On 1 April 2025, 1 pro-government militia member was killed in an attack near Kabul.", 1),
    ("On 1 April 2025, 4 Taliban and IS militants were killed by airstrikes near Kabul.", 4),
    ("On 1 April 2025, army operations killed 8 Taliban and/or Islamic State militants near Kabul.", 8),
    # the killing verb after other verbs
    ("On 1 April 2025, 1 civilian was kidnapped and killed by militants near Kabul.", 1),
    # counts listed one after the other add up
    ("On 1 April 2025, 1 policeman and 2 civilians were shot and killed by militants near Kabul.", 3),
    # an age is no count
    ("On 1 April 2025, gunmen attacked and killed a four-year-old boy near Kabul.", 1),
    # a remark in brackets between the count and its verb
    ("On 2 April 2025, 1 officer (assumed police) was killed when his car hit a mine near Kandahar.", 1),
    # a count listed before one whose verb the parse finds: both are the toll
    ("On 2 April 2025, at least 4 border guard soldiers and 1 driver (a civilian) were killed in an ambush near Herat.", 5),
    ("On 2 April 2025, 1 policeman and 1 'Arbaki' were killed by militants near Herat.", 2),
    ("On 2 April 2025, gunmen shot and killed 1 judge in addition to 2 of his bodyguards near Herat.", 3),
])
def test_tolls_the_parse_misses(extract_en, text, killed):
    event = extract_en(text).events[0]
    assert event.fatalities is not None and event.fatalities.min == killed


@pytest.mark.parametrize("lang,text", [
    ("en", "A soldier was killed or wounded by a sniper near Bakhmut."),
    ("en", "On 2 April 2025, 1 policeman was killed or injured by a sniper near Herat."),
    ("fr", "Deux soldats ont été tués ou blessés par un tir de sniper près de Bakhmout."),
])
def test_killed_or_wounded_is_neither_toll(nlp_en, nlp_fr, lang, text):
    assert casualties(nlp_en if lang == "en" else nlp_fr, text) == []
