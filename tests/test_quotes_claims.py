"""Quotes (direct, indirect, incises) with resolved speakers; claims with their stances."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,quoted", [
    ("« Nous tiendrons », a déclaré Volodymyr Zelensky.", "Nous tiendrons"),
    ("“Nous tiendrons”, a déclaré Volodymyr Zelensky.", "Nous tiendrons"),
    ('"Nous tiendrons", a déclaré Volodymyr Zelensky.', "Nous tiendrons"),
    ("Volodymyr Zelensky a déclaré : « Nous tiendrons jusqu'au bout. »", "Nous tiendrons jusqu'au bout."),
])
def test_direct_quote_forms(extract_fr, text, quoted):
    quotes = [q for q in extract_fr(text).quotes if q.kind == "direct"]
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [(quoted, "Volodymyr Zelensky")]
    assert text[quotes[0].start:quotes[0].end] == quoted


def test_incise_inside_the_quote_resolves_the_pronoun(extract_fr):
    text = "Volodymyr Zelensky s'est rendu à Kharkiv. « Nous tiendrons, a-t-il dit, jusqu'au bout »."
    (quote,) = [q for q in extract_fr(text).quotes if q.kind == "direct"]
    assert quote.text.startswith("Nous tiendrons") and quote.text.endswith("jusqu'au bout")
    assert quote.speaker.name == "Volodymyr Zelensky" and quote.speaker.text.lower().endswith("il")


def test_title_resolves_to_the_person_named_before(extract_fr):
    text = ("Volodymyr Zelensky s'est rendu à Kharkiv mardi. "
            "Le chef de l'Etat a affirmé que la ville ne tomberait jamais.")
    (quote,) = [q for q in extract_fr(text).quotes if q.kind == "indirect"]
    assert quote.speaker.name == "Volodymyr Zelensky"
    assert quote.cue == "affirmé"
    assert quote.text.startswith("que la ville") or quote.text.startswith("la ville")


def test_unresolvable_speaker_is_null_not_a_guess(extract_fr):
    text = "« La situation est difficile », a-t-il dit."
    (quote,) = extract_fr(text).quotes
    assert quote.speaker is None


def test_english_direct_quote(extract_en):
    (quote,) = extract_en('"We will hold the line," said Zelensky.').quotes
    assert quote.text == "We will hold the line," and quote.cue == "said"


@pytest.mark.parametrize("text,source,stance", [
    ("Selon le ministère ukrainien de la Défense, une frappe russe a touché Odessa.", "le ministère ukrainien de la Défense", "claimed"),
    ("Le Kremlin a affirmé que ses forces avaient frappé Kherson.", "Le Kremlin", "claimed"),
    ("Le ministère russe de la Défense a confirmé que ses forces avaient bombardé Kherson.", "Le ministère russe de la Défense", "confirmed"),
    ("Moscou a démenti avoir bombardé Kherson.", "Moscou", "denied"),
])
def test_claim_stances(extract_fr, text, source, stance):
    (event,) = extract_fr(text).events
    assert (event.claims[0].source.name, event.claims[0].stance) == (source, stance)
    assert text[event.claims[0].evidence.start:event.claims[0].evidence.end] == event.claims[0].evidence.text


def test_geolocated_videos_are_a_confirmation(extract_fr):
    text = ("D'après des vidéos géolocalisées par l'Institute for the Study of War, "
            "les forces russes ont pris le village de Robotyne.")
    (event,) = extract_fr(text).events
    confirmed = [c for c in event.claims if c.stance == "confirmed"]
    assert confirmed and confirmed[0].evidence_type == "geolocated imagery"


def test_unattributed_event_is_reported_by_the_outlet(extract_fr):
    (event,) = extract_fr("Une frappe russe a touché Odessa mardi.", outlet="Le Monde").events
    assert [(c.source.name, c.source.kind, c.stance) for c in event.claims] == [("Le Monde", "outlet", "reported")]


def test_regression_no_crash_reading_the_parse_of_an_unparsed_doc(extract_en):
    """Reading Token.children on this text through a blank English pipeline crashed the process
    (spaCy 3.8, a segmentation fault): extractors must not read the parse when there is none."""
    text = ("\n\nKYIV, Ukraine (AP) _\n\nMissiles struck the city on Friday, killing dozens of people, officials said.\n\n"
            "A local TV said the mayor was among the injured.\n\n``It was a missile,'' said an official. "
            "``You can see the crater,'' he said.\n\n")
    result = extract_en(text)
    assert result.events and result.events[0].fatalities.min == 24


def test_according_to_names_the_source_even_without_an_entity(extract_fr):
    text = "Selon les secours, trois personnes ont été tuées dans la frappe."
    (quote,) = extract_fr(text).quotes
    assert quote.kind == "indirect" and quote.cue == "Selon"
    assert quote.speaker.name == "les secours" and text[quote.speaker.start:quote.speaker.end] == "les secours"


def test_pronoun_and_continuation_quotes_follow_the_last_speaker(extract_en):
    text = ("Mayor Vitali Klitschko visited the shelter on Monday. A volunteer, Olena Petrenko, brought blankets.\n\n"
            '"We will rebuild every school," Klitschko said.\n\n'
            '"The city has lived through worse winters than this one."\n\n'
            '"Nobody will leave," he added.')
    quotes = [q for q in extract_en(text).quotes if q.kind == "direct"]
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Vitali Klitschko"] * 3


def test_cue_after_a_long_speaker_name(extract_en):
    text = '"It is a positive thing for the workers," union local president Jeff Traeger said Saturday.'
    (quote,) = [q for q in extract_en(text).quotes if q.kind == "direct"]
    assert quote.cue == "said" and quote.speaker.name == "Jeff Traeger"
