"""Events coded with ACLED's types: sub-types, actors, places, modality, merging, a whole article."""

from __future__ import annotations

import pytest

from sitrep.extract.events import acled_taxonomy, event_type_of


@pytest.mark.parametrize("text,event_type,sub_event_type", [
    ("Une frappe de missile russe a touché Odessa mardi.", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("L'artillerie russe a bombardé Kherson mardi.", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Des drones russes ont frappé Kharkiv mardi.", "Explosions/Remote violence", "Air/drone strike"),
    ("Une mine a explosé au passage d'un camion près de Kherson.", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("De violents combats ont opposé les forces russes et ukrainiennes près de Pokrovsk.", "Battles", "Armed clash"),
    ("L'armée ukrainienne a repris le village de Robotyne.", "Battles", "Government regains territory"),
    ("Des hommes armés ont enlevé deux journalistes à Kherson.", "Violence against civilians", "Abduction/forced disappearance"),
    ("La police a arrêté trois militants à Kyiv.", "Strategic developments", "Arrests"),
    ("Des milliers de personnes ont manifesté à Kyiv contre la corruption.", "Protests", "Peaceful protest"),
    ("La défense antiaérienne a abattu onze drones au-dessus de Kharkiv.", "Strategic developments", "Disrupted weapons use"),
])
def test_french_sub_event_types(extract_fr, text, event_type, sub_event_type):
    events = extract_fr(text).events
    assert events, "no event found"
    assert (events[0].event_type, events[0].sub_event_type) == (event_type, sub_event_type)


@pytest.mark.parametrize("text,sub_event_type", [
    ("Russian forces shelled Kherson on Tuesday.", "Shelling/artillery/missile attack"),
    ("A drone strike hit Kharkiv overnight.", "Air/drone strike"),
    ("Police arrested three protesters in Kyiv.", "Arrests"),
    ("Clashes broke out between Russian and Ukrainian forces near Pokrovsk.", "Armed clash"),
])
def test_english_sub_event_types(extract_en, text, sub_event_type):
    events = extract_en(text).events
    assert events and events[0].sub_event_type == sub_event_type


def test_actor_from_demonym_and_force_noun(extract_fr):
    (event,) = extract_fr("Les soldats russes ont bombardé Kherson mardi.").events
    assert event.actor1.name == "Military Forces of Russia (2000-)"
    assert event.actor1.country_code == "RU" and event.actor1.kind == "state_forces"


def test_civilian_victims_are_actor2_of_their_country(extract_fr):
    (event,) = extract_fr("Une frappe russe sur Kherson a tué trois civils mardi.").events
    assert event.actor2.name == "Civilians (Ukraine)"


def test_place_is_where_it_happened_not_every_place_named(extract_fr):
    (event,) = extract_fr("Depuis Moscou, l'armée russe a lancé une frappe sur Odessa.").events
    assert event.location.name == "Odesa"


def test_metonym_is_not_a_location(extract_fr):
    result = extract_fr("Moscou a démenti avoir frappé des civils.")
    (moscou,) = [p for p in result.places if p.text == "Moscou"]
    assert moscou.role == "metonym"
    assert all(e.location is None for e in result.events)


@pytest.mark.parametrize("text,modality", [
    ("Les forces russes auraient pris le village de Robotyne.", "reported"),
    ("Les forces russes ont pris le village de Robotyne.", "asserted"),
    ("Moscou a démenti toute attaque contre des civils.", "denied"),
    ("Les forces russes pourraient attaquer Kharkiv.", "hypothetical"),
    ("Les forces russes ont pris Bakhmout en mai 2023.", "background"),
])
def test_modality(extract_fr, text, modality):
    events = extract_fr(text).events
    assert events and events[0].modality == modality


def test_one_event_told_in_two_sentences_is_one_event(extract_fr):
    result = extract_fr("Une frappe de missile a touché Odessa mardi. Trois personnes ont été tuées.")
    (event,) = result.events
    assert event.fatalities.min == 3
    assert len(event.evidence) == 2


def test_whole_french_article(extract_fr):
    from importlib import resources

    text = resources.files("sitrep.examples").joinpath("frappe_odessa.txt").read_text(encoding="utf-8")
    result = extract_fr(text)
    subs = [e.sub_event_type for e in result.events]
    assert subs[0] == "Shelling/artillery/missile attack"
    assert {"Disrupted weapons use", "Armed clash", "Government regains territory"} <= set(subs)
    strike = result.events[0]
    assert strike.location.name == "Odesa" and strike.location.country_code == "UA"
    assert (strike.fatalities.min, strike.fatalities.qualifier, strike.fatalities.children) == (14, "at_least", 5)
    assert strike.injuries.min == 46
    assert strike.date.start == "2025-04-01"
    assert strike.actor1.name == "Military Forces of Russia (2000-)"
    capture = next(e for e in result.events if e.sub_event_type == "Armed clash")
    assert capture.modality == "reported" and capture.date.start == "2025-03-29"
    for event in result.events:  # every field points back to its sentence
        for span in event.evidence:
            assert text[span.start:span.end] == span.text


def test_taxonomy_has_acled_six_types_and_twenty_five_sub_types():
    taxonomy = acled_taxonomy()["taxonomy"]
    assert len(taxonomy) == 6
    assert sum(len(subs) for subs in taxonomy.values()) == 25
    assert event_type_of("Air/drone strike") == "Explosions/Remote violence"
    for concept in acled_taxonomy()["concepts"].values():  # every concept codes to a real sub-type
        assert event_type_of(concept["sub"]) == concept["type"]


def test_a_month_is_not_a_march(extract_en):
    """Regression: "On 21 March 2020" made a protest of every ACLED note written in March."""
    (event,) = extract_en("On 21 March 2020, 12 Taliban militants were killed in clashes with Afghan forces near Kabul.").events
    assert event.event_type == "Battles"


@pytest.mark.parametrize("text,actor", [
    ("Des milliers de personnes ont manifesté à Kyiv contre la corruption.", "Protesters (Ukraine)"),
    ("About 200 people protested in Kyiv against the city budget.", "Protesters (Ukraine)"),
    ("Rioters attacked a police post in Djibo during a riot.", "Rioters (Burkina Faso)"),
])
def test_the_crowd_is_actor1_of_its_country(extract_fr, extract_en, text, actor):
    result = (extract_en if text.isascii() else extract_fr)(text)
    assert result.events and result.events[0].actor1.name == actor
