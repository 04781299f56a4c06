"""Temporal expressions, normalized against a fixed reference date (Wednesday 2 April 2025)."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract.times import infer_year, weekday_near

FRENCH = [
    ("Le 12 juin 2024, une frappe a touché la ville.", "12 juin 2024", "DATE", "2024-06-12"),
    ("Le 1er mars, les combats ont repris.", "1er mars", "DATE", "2025-03-01"),
    ("Une frappe a eu lieu mardi dans la région.", "mardi", "DATE", "2025-04-01"),
    ("Une frappe a eu lieu ce mardi dans la région.", "ce mardi", "DATE", "2025-04-01"),
    ("Le sommet aura lieu ce vendredi à Paris.", "ce vendredi", "DATE", "2025-04-04"),
    ("Les combats ont repris mardi dernier.", "mardi dernier", "DATE", "2025-04-01"),
    ("Dans la nuit de samedi à dimanche, des drones ont frappé la ville.", "la nuit de samedi à dimanche", "TIME", "2025-03-29TNI"),
    ("Hier, trois civils ont été tués.", "Hier", "DATE", "2025-04-01"),
    ("Des explosions ont été entendues hier soir.", "hier soir", "TIME", "2025-04-01TEV"),
    ("Le village a été pris il y a trois jours.", "il y a trois jours", "DATE", "2025-03-30"),
    ("La ville est tombée il y a un an.", "il y a un an", "DATE", "2024"),
    ("Les bombardements ont duré trois jours.", "trois jours", "DURATION", "P3D"),
    ("Le sommet aura lieu le 12 juin.", "12 juin", "DATE", "2025-06-12"),
    ("Les forces ont avancé fin janvier.", "fin janvier", "DATE", "2025-01"),
    ("Les forces ont avancé à la fin du mois de janvier.", "la fin du mois de janvier", "DATE", "2025-01"),
    ("La contre-offensive a commencé mi-juin 2023.", "mi-juin 2023", "DATE", "2023-06"),
    ("La ville est occupée depuis juin 2023.", "juin 2023", "DATE", "2023-06"),
    ("La guerre dure depuis 2022.", "2022", "DATE", "2022"),
    ("Les pertes ont doublé l'an dernier.", "l'an dernier", "DATE", "2024"),
    ("Les pertes ont doublé l'année dernière.", "l'année dernière", "DATE", "2024"),
    ("Les combats se sont intensifiés la semaine dernière.", "la semaine dernière", "DATE", "2025-W13"),
    ("Les combats se sont intensifiés le mois dernier.", "le mois dernier", "DATE", "2025-03"),
    ("Les bombardements ont duré pendant trois jours.", "trois jours", "DURATION", "P3D"),
    ("Des drones ont frappé la ville ce week-end.", "ce week-end", "DATE", "2025-W13-WE"),
    ("La sirène a retenti à 22 h 30 dans le centre.", "22 h 30", "TIME", "2025-04-02T22:30"),
    ("Le couvre-feu commence à 14h dans la ville.", "14h", "TIME", "2025-04-02T14:00"),
    ("La ville est maintenant encerclée.", "maintenant", "DATE", "PRESENT_REF"),
    ("Les combats ont repris récemment.", "récemment", "DATE", "PAST_REF"),
    ("Les frappes ont redoublé ces derniers jours.", "ces derniers jours", "DURATION", "PXD"),
    ("L'offensive est attendue cet été.", "cet été", "DATE", "2025-SU"),
    ("L'offensive a échoué l'hiver dernier.", "l'hiver dernier", "DATE", "2024-WI"),
    ("Les patrouilles passent chaque jour.", "chaque jour", "SET", "P1D"),
    ("Le PIB a reculé au troisième trimestre.", "troisième trimestre", "DATE", "2024-Q3"),
    ("La guerre de 1999 a laissé des traces.", "1999", "DATE", "1999"),
]

ENGLISH = [
    ("Russian drones struck the city last night.", "last night", "TIME", "2025-04-01TNI"),
    ("Three civilians were killed yesterday.", "yesterday", "DATE", "2025-04-01"),
    ("The village was captured three days ago.", "three days ago", "DATE", "2025-03-30"),
    ("The town fell two weeks ago.", "two weeks ago", "DATE", "2025-W12"),
    ("Talks will resume on June 12.", "June 12", "DATE", "2025-06-12"),
    ("Shelling resumed on Tuesday.", "Tuesday", "DATE", "2025-04-01"),
    ("Losses doubled last year.", "last year", "DATE", "2024"),
    ("The offensive began in late January.", "late January", "DATE", "2025-01"),
    ("On June 4, 2024, a missile hit the port.", "June 4, 2024", "DATE", "2024-06-04"),
    ("On 4 June 2024, a missile hit the port.", "4 June 2024", "DATE", "2024-06-04"),
    ("Drones hit the city over the weekend.", "the weekend", "DATE", "2025-W13-WE"),
    ("The shelling went on for three days.", "three days", "DURATION", "P3D"),
    ("Fighting intensified last week.", "last week", "DATE", "2025-W13"),
    ("The blast happened at 9 a.m. in the market.", "9 a.m.", "TIME", "2025-04-02T09:00"),
    ("The shelling stopped on Nov. 15, 2024.", "Nov. 15, 2024", "DATE", "2024-11-15"),
    ("The town is now under Russian control.", "now", "DATE", "PRESENT_REF"),
    ("Profits fell in the third quarter.", "the third quarter", "DATE", "2024-Q3"),
    ("Strikes have intensified over the past few weeks.", "the past few weeks", "DURATION", "PXW"),
    ("Patrols pass daily.", "daily", "SET", "P1D"),
    ("The offensive stalled last winter.", "last winter", "DATE", "2024-WI"),
    ("In 1998 the war ended.", "1998", "DATE", "1998"),
]


@pytest.mark.parametrize("text,expression,type_,value", FRENCH)
def test_french_expressions(extract_fr, text, expression, type_, value):
    times = extract_fr(text).times
    assert [(t.text, t.type, t.value) for t in times] == [(expression, type_, value)]


@pytest.mark.parametrize("text,expression,type_,value", ENGLISH)
def test_english_expressions(extract_en, text, expression, type_, value):
    times = extract_en(text).times
    assert [(t.text, t.type, t.value) for t in times] == [(expression, type_, value)]


def test_offsets_point_at_the_expression(extract_fr):
    text = "Une frappe a eu lieu ce mardi dans la région."
    (t,) = extract_fr(text).times
    assert text[t.start:t.end] == "ce mardi"


def test_part_of_month_keeps_its_vagueness_in_the_event_date(extract_fr):
    result = extract_fr("L'armée ukrainienne a repris fin mars plusieurs positions près de Kherson.")
    (event,) = result.events
    assert (event.date.start, event.date.end, event.date.precision) == ("2025-03-21", "2025-03-31", "part-of-month")


def test_without_publication_date_the_reference_is_inferred_from_the_text(extract_fr):
    result = extract_fr("Le 3 mars 2024, l'armée russe a bombardé Kherson. Mardi, une autre frappe a suivi.", published=None)
    assert result.document.reference_date == "2024-03-03"
    assert result.document.reference_date_source == "inferred"
    assert [t.value for t in result.times] == ["2024-03-03", "2024-02-27"]


def test_without_any_date_relative_expressions_stay_unresolved_not_today(extract_fr):
    result = extract_fr("Hier, une frappe a touché Kherson.", published=None)
    assert result.document.reference_date is None
    assert [t.value for t in result.times] == ["XXXX-XX-XX"]


def test_weekday_arithmetic():
    wednesday = date(2025, 4, 2)
    assert weekday_near(wednesday, 1, "past") == date(2025, 4, 1)
    assert weekday_near(wednesday, 2, "past") == wednesday
    assert weekday_near(wednesday, 2, "last") == date(2025, 3, 26)
    assert weekday_near(wednesday, 4, "this") == date(2025, 4, 4)
    assert weekday_near(wednesday, 0, "next") == date(2025, 4, 7)


def test_year_of_a_day_without_year_is_not_in_the_future():
    assert infer_year(date(2025, 1, 5), 12, 28) == 2024
    assert infer_year(date(2025, 4, 2), 4, 5) == 2025
    assert infer_year(None, 4, 5) is None


@pytest.mark.parametrize("text", ["La situation a été difficile.", "Les forces ont tenu pendant que la ville tombait."])
def test_french_words_that_only_look_like_time(extract_fr, text):
    assert extract_fr(text).times == []  # "été" the verb


@pytest.mark.parametrize("text", ["About 2000 soldiers were deployed.", "The building could fall at any moment."])
def test_english_words_that_only_look_like_time(extract_en, text):
    assert extract_en(text).times == []  # a count, not a year; "fall" the verb
