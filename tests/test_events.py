"""Events coded with ACLED's types: sub-types, actors, places, modality, merging, a whole article."""

from __future__ import annotations

from datetime import date

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
    ("Cinq soldats ont changé de camp près de Kherson lundi.", "Strategic developments", "Change to group/activity"),
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
    ("Five soldiers switched sides near Kherson on Monday.", "Change to group/activity"),
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
    assert {"Disrupted weapons use", "Non-state actor overtakes territory", "Government regains territory"} <= set(subs)
    strike = result.events[0]
    assert strike.location.name == "Odesa" and strike.location.country_code == "UA"
    assert (strike.fatalities.min, strike.fatalities.qualifier, strike.fatalities.children) == (14, "at_least", 5)
    assert strike.injuries.min == 46
    assert strike.date.start == "2025-04-01"
    assert strike.actor1.name == "Military Forces of Russia (2000-)"
    capture = next(e for e in result.events if e.sub_event_type == "Non-state actor overtakes territory")  # foreign forces
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


# ---------------------------------------------------------------- context rules (issue #6, second pass)

@pytest.mark.parametrize("text,sub_event_type", [
    # "fire" is shelling only with the guns that shell; setting fire is destruction, opening fire a shooting
    ("Russian forces fired artillery at Kherson on Tuesday.", "Shelling/artillery/missile attack"),
    ("Unknown men set fire to a school in Djibo on Tuesday.", "Looting/property destruction"),
    ("Gunmen opened fire on a bus near Djibo, killing five people.", "Attack"),
    # seized weapons, a base set up, a capture by government forces
    ("Police seized ten rifles and a cache of ammunition in Kabul.", "Disrupted weapons use"),
    # a passive whose subject the parse took from the phrase before the comma
    ("Through the coordinated effort of police across the island, 12 firearms and 108 assorted rounds of ammunition "
     "were seized over a 24-hour period.", "Disrupted weapons use"),
    ("Russian forces set up a new military base near Kharkiv.", "Headquarters or base established"),
    ("Afghan forces captured the village of Dand from the Taliban.", "Government regains territory"),
    ("Russian forces captured the village of Krynky from Ukrainian forces.", "Non-state actor overtakes territory"),
    ("Taliban militants recaptured the district of Dand.", "Non-state actor overtakes territory"),
    ("Militants gained control of a base in Ghormach district after days of heavy fighting.",
     "Non-state actor overtakes territory"),
    ("After a surprise attack, Afghan forces recovered the villages the Taliban had seized.", "Government regains territory"),
    ("Police rounded up 40 people in Kabul on Monday.", "Arrests"),
    ("Two men were taken into custody in Kabul.", "Arrests"),
    # a protest and what happened to it
    ("Police fired tear gas to disperse hundreds of protesters in Kyiv.", "Protest with intervention"),
    ("Protesters threw stones at police in Kyiv on Sunday.", "Violent demonstration"),
    ("Security forces opened fire on peaceful protesters in Kyiv, killing three.", "Excessive force against protesters"),
    ("Palestinian rioters threw rocks at a car near Kherson.", "Mob violence"),  # rioters, no demonstration
    ("Hundreds of teachers protested in Kyiv to demand a new pay agreement.", "Peaceful protest"),
    # the weapon that codes the whole sentence, or the one a clash is fought with
    ("Rebels fired shells filled with chlorine at Kabul.", "Chemical weapon"),
    ("A bomb planted by the Taliban killed two soldiers in Kabul.", "Remote explosive/landmine/IED"),
    ("Israeli jets dropped bombs on Kherson on Tuesday.", "Air/drone strike"),
    ("Rebels fired mortars, machine guns and small arms at army positions near Pokrovsk.", "Armed clash"),
    ("Russian forces clashed with Ukrainian forces and shelled positions near Pokrovsk.", "Armed clash"),
    ("Two suicide bombers blew themselves up near a checkpoint in Kabul.", "Suicide bomb"),
])
def test_english_context_rules(extract_en, text, sub_event_type):
    events = extract_en(text).events
    assert events, "no event found"
    assert events[0].sub_event_type == sub_event_type


@pytest.mark.parametrize("text,sub_event_type", [
    ("Les soldats russes ont tiré des obus sur Kherson mardi.", "Shelling/artillery/missile attack"),
    ("Des inconnus ont mis le feu à une école à Djibo mardi.", "Looting/property destruction"),
    ("La police a saisi dix fusils et des munitions à Kaboul.", "Disrupted weapons use"),
    ("L'armée russe a installé une nouvelle base militaire près de Kharkiv.", "Headquarters or base established"),
    ("La police a dispersé les manifestants à coups de gaz lacrymogènes à Kyiv.", "Protest with intervention"),
    ("Des manifestants ont jeté des pierres sur la police à Kyiv.", "Violent demonstration"),
    ("Des émeutiers ont incendié des voitures à Kherson.", "Mob violence"),
    ("Deux hommes ont été placés en garde à vue à Kyiv.", "Arrests"),
])
def test_french_context_rules(extract_fr, text, sub_event_type):
    events = extract_fr(text).events
    assert events, "no event found"
    assert events[0].sub_event_type == sub_event_type


def test_an_arrest_warrant_is_no_arrest(extract_en):
    assert extract_en("A judge issued an arrest warrant for the mayor of Kherson.").events == []


@pytest.mark.parametrize("text", [
    "An earthquake hit Kabul on Monday, killing eight people.",
    "A boiler exploded at a factory in Kharkiv on Monday.",
    "The fire was put out by residents of Kherson.",
    "Un séisme a frappé Kaboul lundi.",
    # the disaster is not what the verbs act on, yet all they tell happened in it
    "A strong earthquake on Java killed eight people, including a woman whose motorcycle was hit by falling rocks.",
    "At least five people were killed after a volcano suddenly erupted off the coast of the North Island on Monday.",
    "Une éruption du volcan a tué cinq touristes lundi.",
    "A dozen people have been killed in a plane crash in central Colombia.",  # a mishap the deaths happened in
])
def test_disasters_and_accidents_are_no_political_violence(extract_fr, extract_en, text):
    result = (extract_en if text.isascii() else extract_fr)(text)
    assert result.events == []


@pytest.mark.parametrize("text,events", [
    ("Italian authorities intercepted 20 smugglers on Sunday near Lampedusa.", []),
    ("Two of the rockets were intercepted over Sderot on Friday.", ["Disrupted weapons use"]),
    ("Ukrainian forces shot down six Shahed drones in the Dnipro region.", ["Disrupted weapons use"]),
    ("Israeli military forces intercepted a suspicious object over Netivot.", ["Disrupted weapons use"]),  # an army's
    # an industrial accident, no chemical weapon
    ("Authorities heard small blasts at the flooded chemical plant near Houston, where toxic substances were stored.", []),
])
def test_only_weapons_are_intercepted_and_only_weapons_are_chemical_attacks(extract_en, text, events):
    assert [e.sub_event_type for e in extract_en(text).events] == events


@pytest.mark.parametrize("text,sub_event_type", [
    ("Authorities arrested a pro-democracy activist on charges related to organising an illegal protest.", "Arrests"),
    ("Police continue to arrest activists in anticipation of mass protests and gatherings.", "Arrests"),
    ("Locals organized a protest in the main square of Sweida, demanding the fall of the regime.", "Peaceful protest"),
    ("Police arrested 20 people at the protest in Kyiv on Sunday.", "Protest with intervention"),
])
def test_a_protest_organised_or_awaited_is_the_reason_for_an_arrest_not_a_protest(extract_en, text, sub_event_type):
    assert [e.sub_event_type for e in extract_en(text).events] == [sub_event_type]


def test_a_strike_told_with_a_disaster_stays_a_strike(extract_en):
    (event,) = extract_en("Russian forces shelled the flooded village of Bilohorivka on Monday, killing two civilians.").events
    assert (event.sub_event_type, event.fatalities.min) == ("Shelling/artillery/missile attack", 2)
    # where the dead were is no mishap
    (event,) = extract_en("Three workers were killed in the factory after a Russian missile strike on Zaporizhzhia.").events
    assert event.sub_event_type == "Shelling/artillery/missile attack"


@pytest.mark.parametrize("text", [
    "Protesters held demonstrations in Sanaa in support of the 'Al Aqsa Flood' operation.",  # a name, no flood
    "Residents of the flooded district protested in Karachi on Monday against the lack of relief.",
    "Residents blocked the highway in Kajiado in a demonstration against increased road accidents.",
])
def test_a_protest_told_with_a_disaster_stays_a_protest(extract_en, text):
    assert [e.event_type for e in extract_en(text).events] == ["Protests"]


@pytest.mark.parametrize("text", [
    "Le Kremlin a accusé Kiev d'avoir bombardé la ville de Belgorod.",
    "The Kremlin accused Kyiv of shelling Belgorod.",
])
def test_the_accused_acted_not_the_accuser(extract_fr, extract_en, text):
    """Regression: the speaker of a nested clause was taken for the one who shelled."""
    result = (extract_en if text.isascii() else extract_fr)(text)
    assert result.events and result.events[0].actor1.name == "Government of Ukraine (2019-)"


def test_speaker_is_not_actor1_when_the_clause_names_nobody(extract_en):
    (event,) = extract_en("The Kremlin said Belgorod was shelled overnight.").events
    assert event.actor1 is None or event.actor1.country_code != "RU"


def test_police_firing_names_the_police(extract_en):
    (event,) = extract_en("one person was killed in police firing in kabul on monday.").events
    assert event.actor1.kind == "police" and event.fatalities.min == 1


def test_unnamed_attackers_take_the_country_of_the_place(extract_en):
    result = extract_en("Gunmen killed five civilians in Djibo on Tuesday.")
    assert result.events and result.events[0].actor1 is not None
    actor = result.events[0].actor1
    assert (actor.name, actor.country_code) == ("Unidentified Armed Group (Burkina Faso)", "BF")


def test_acled_country_names_in_actor_names():
    from sitrep.extract.actors import canonical_actor

    assert canonical_actor("PS", "rioters") == "Rioters (Palestine)"
    assert canonical_actor("CD", "civilians") == "Civilians (Democratic Republic of Congo)"


def test_a_branch_of_a_states_forces_is_named_as_acled_names_it(extract_en, extract_fr):
    en = extract_en("On 3 March 2025, Russian air forces carried out drone strikes on Kharkiv.")
    fr = extract_fr("Les forces aériennes russes ont frappé Kharkiv avec des drones.")
    for result in (en, fr):
        assert result.events and result.events[0].actor1 is not None
        assert result.events[0].actor1.name == "Military Forces of Russia (2000-) Air Force"
    plain = extract_en("On 3 March 2025, Russian forces shelled Kharkiv.")
    assert plain.events[0].actor1.name == "Military Forces of Russia (2000-)"


def test_a_named_group_from_the_actor_lexicon(extract_en, extract_fr):
    en = extract_en("On 1 October 2018, NAF rebel forces shelled positions near Donetsk.")
    fr = extract_fr("Les séparatistes prorusses ont bombardé Donetsk lundi.")
    for result in (en, fr):
        assert result.events and result.events[0].actor1 is not None
        assert result.events[0].actor1.name == "NAF: United Armed Forces of Novorossiya"


@pytest.mark.parametrize("lang,text,actor1", [
    # the longer alias wins: the Pakistani Taliban are not the Taliban
    ("en", "On 2 May 2023, Pakistani Taliban militants attacked a police post near Kabul.", "TTP: Tehreek-i-Taliban Pakistan"),
    ("en", "On 2 May 2023, ISIS-K fighters attacked a Taliban checkpoint in Kabul.", "Islamic State (Afghanistan)"),
    ("fr", "Le 2 mai 2023, des combattants de l'ELN ont attaqué une base de l'armée près de Kaboul.", "ELN: National Liberation Army"),
])
def test_armed_groups_of_other_wars_from_the_actor_lexicon(extract_en, extract_fr, lang, text, actor1):
    event = (extract_fr if lang == "fr" else extract_en)(text).events[0]
    assert event.actor1 is not None and event.actor1.name == actor1


@pytest.mark.parametrize("lang,text,actor1,place", [
    # a state named as who struck is its forces, and not where it happened
    ("en", "Russia struck Kharkiv with missiles overnight.", "Military Forces of Russia (2000-)", "Kharkiv"),
    ("fr", "La Russie a frappé Kharkiv avec des missiles dans la nuit.", "Military Forces of Russia (2000-)", "Kharkiv"),
    ("fr", "Moscou a bombardé Kherson dans la nuit.", "Military Forces of Russia (2000-)", "Kherson"),
    # or as the agent of the passive
    ("en", "Kharkiv was shelled by Russia overnight.", "Military Forces of Russia (2000-)", "Kharkiv"),
    ("fr", "Kharkiv a été bombardée par la Russie dans la nuit.", "Military Forces of Russia (2000-)", "Kharkiv"),
])
def test_a_state_that_strikes_is_its_forces(extract_en, extract_fr, lang, text, actor1, place):
    (event,) = (extract_fr if lang == "fr" else extract_en)(text).events
    assert event.actor1 is not None and event.actor1.name == actor1
    assert event.location is not None and event.location.name == place


def test_a_capital_struck_is_a_place_not_its_government(extract_fr):
    (event,) = extract_fr("Les forces russes ont frappé Kyiv dans la nuit.").events
    assert event.location is not None and event.location.name == "Kyiv"
    assert event.actor2 is None or event.actor2.kind != "government"


@pytest.mark.parametrize("lang,text,sub_event_type", [
    ("en", "On 3 May 2024, Ukrainian forces launched HIMARS missiles at Russian positions near Kherson.",
     "Shelling/artillery/missile attack"),
    ("en", "Russian forces launched 40 drones at Kharkiv overnight.", "Air/drone strike"),
    ("fr", "Les forces russes ont lancé des missiles sur Kharkiv dans la nuit.", "Shelling/artillery/missile attack"),
])
def test_launching_a_weapon_at_a_place(extract_en, extract_fr, lang, text, sub_event_type):
    events = (extract_fr if lang == "fr" else extract_en)(text).events
    assert events and events[0].sub_event_type == sub_event_type


@pytest.mark.parametrize("lang,text", [
    ("en", "Two Russian missiles fell on a residential area of Kharkiv on Tuesday."),
    ("en", "A shell landed near a school in Kherson on Tuesday."),
    ("fr", "Des obus sont tombés sur le centre de Kherson mardi."),
])
def test_a_weapon_that_falls_is_a_strike(extract_en, extract_fr, lang, text):
    events = (extract_fr if lang == "fr" else extract_en)(text).events
    assert events and events[0].sub_event_type == "Shelling/artillery/missile attack"


@pytest.mark.parametrize("lang,text", [
    ("en", "Oil prices fell sharply on Monday in Kharkiv."),
    ("en", "The plane landed safely in Kyiv."),
    ("fr", "Les prix sont tombés à Kherson en février."),
])
def test_falling_without_a_weapon_is_no_strike(extract_en, extract_fr, lang, text):
    assert not (extract_fr if lang == "fr" else extract_en)(text).events


@pytest.mark.parametrize("lang,text", [
    ("en", "The army launched an investigation into the fire in Kherson."),
    ("en", "Engineers set up missile launch pads near Kherson."),
    ("fr", "La police a lancé une enquête sur l'incendie à Kherson."),
])
def test_launching_no_weapon_is_no_strike(extract_en, extract_fr, lang, text):
    events = (extract_fr if lang == "fr" else extract_en)(text).events
    assert not any(e.event_type == "Explosions/Remote violence" for e in events)


@pytest.mark.parametrize("language,text,expected", [
    # the finest date of the sentence dates the event, not a year nearer the verb ("the 1987 law")
    ("en", "On 1 December 2024, in Tarnow, members of the railway workers' union protested against "
           "the 1987 law.", "2024-12-01"),
    ("fr", "Le 1er décembre 2024, à Tarnow, des membres du syndicat des cheminots ont "
           "manifesté contre la loi de 1987.", "2024-12-01"),
    # a vague "current" does not take the event's date away
    ("en", "On 1 December 2024, farmers gathered in Tarnow to protest against the current milk prices.",
     "2024-12-01"),
    ("fr", "Le 1er décembre 2024, des agriculteurs ont manifesté à Tarnow contre les prix actuels du lait.",
     "2024-12-01"),
    # a full date opening the sentence frames it: "around 28 November" is the older protest's
    ("en", "On 1 December 2024, students held a protest in Dhaka, after a first protest by teachers "
           "around 28 November 2024.", "2024-12-01"),
])
def test_event_date_is_the_day_the_sentence_gives_it(extract_fr, extract_en, language, text, expected):
    extract = extract_fr if language == "fr" else extract_en
    event = extract(text, published=date(2025, 4, 2)).events[0]
    assert (event.date.start, event.date.precision) == (expected, "day")


def test_a_mishap_is_a_cause_where_things_happened_in_it_not_what_a_crowd_is_against(nlp_en):
    events = nlp_en.get_pipe("sitrep_events")

    def causes(text: str, word: str) -> set[str]:
        doc = nlp_en(text)
        trigger = next(t for t in doc if t.text == word)
        return events.causes(trigger, events.instrument_map(trigger.sent))

    assert causes("A dozen people were killed in a plane crash near Bogota.", "killed") == {"MISHAP"}
    assert causes("Residents held a demonstration against increased road accidents in Kajiado.", "demonstration") == set()


def test_a_trigger_in_a_relative_clause_keeps_its_own_date(nlp_en):
    """The full date opening the sentence frames its main clause, not "two men who were shot on 23 November"."""
    doc = nlp_en("On 1 December 2024, relatives of two men who were shot dead in Cuiaba on 23 November 2024 "
                 "staged a protest.")
    events = nlp_en.get_pipe("sitrep_events")
    dates = {}
    for word in ("shot", "protest"):
        trigger = next(t for t in doc if t.text == word)
        time = events.time(doc, trigger.sent, trigger)
        dates[word] = doc[time.start:time.end].text
    assert dates == {"shot": "23 November 2024", "protest": "1 December 2024"}


@pytest.mark.parametrize("text,actor1", [
    # ACLED codes the air and drone strikes of the Russia-Ukraine war to each side's Air Force...
    ("On 4 April 2024, Russian forces conducted an airstrike near Kharkiv. Casualties unknown.",
     "Military Forces of Russia (2000-) Air Force"),
    # ...and not elsewhere, nor other kinds of events there
    ("On 4 April 2024, Russian forces conducted an airstrike near Kabul. Casualties unknown.",
     "Military Forces of Russia (2000-)"),
    ("On 4 April 2024, Russian forces shelled Kharkiv with artillery. Casualties unknown.",
     "Military Forces of Russia (2000-)"),
])
def test_air_strikes_of_the_russia_ukraine_war_go_to_the_air_force(extract_en, text, actor1):
    (event,) = extract_en(text).events
    assert event.actor1 is not None and event.actor1.name == actor1


@pytest.mark.parametrize("lang,text", [
    ("en", "On 4 April 2024, Russian and Ukrainian forces clashed near Kharkiv."),
    ("fr", "Le 4 avril 2024, les forces russes et ukrainiennes se sont affrontées près de Kharkiv."),
    # told in the passive, the side that attacked is still actor1
    ("en", "On 16 March 2023, Russian military forces attacked near Kharkiv, but were repelled by the Ukrainian military."),
])
def test_both_sides_of_a_clash_in_the_order_acled_codes_them(extract_en, extract_fr, lang, text):
    (event,) = (extract_fr if lang == "fr" else extract_en)(text).events
    assert event.sub_event_type == "Armed clash"
    assert (event.actor1.name, event.actor2.name) == ("Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)")


def test_english_inflections_the_lemmatizer_misses_still_find_their_trigger(extract_en):
    from sitrep.lang import english_stems

    assert {"rally", "picket", "demonstrate", "stop"} <= set(english_stems("rallied") + english_stems("picketed")
                                                             + english_stems("demonstrated") + english_stems("stopping"))
    assert english_stems("planted", verb=False) == ()  # no verb stems for a noun's lookup ("Taliban-planted IED")
    event = extract_en("Hundreds of nurses picketed the children's hospital in Kyiv on Tuesday "
                       "to demand higher pay.").events[0]
    assert event.sub_event_type == "Peaceful protest"


@pytest.mark.parametrize("lang,text,actor1", [
    # unnamed "regime" or "government" forces are the forces of the country where it happened
    ("en", "On 1 December 2023, regime forces shelled a town near Kabul with artillery.", "Military Forces of Afghanistan (2021-)"),
    ("fr", "Le 1er décembre 2023, les forces gouvernementales ont bombardé un village près de Kaboul.",
     "Military Forces of Afghanistan (2021-)"),
    # a state's forces named by their curated ACLED name, with the government period
    ("en", "On 1 December 2023, Turkish forces shelled a town near Kabul with heavy artillery.",
     "Military Forces of Turkey (2016-)"),
])
def test_home_and_curated_state_forces(extract_en, extract_fr, lang, text, actor1):
    (event,) = (extract_fr if lang == "fr" else extract_en)(text).events
    assert event.actor1 is not None and event.actor1.name == actor1


@pytest.mark.parametrize("lang,text", [
    # armed or unknown people, and a killing with no perpetrator named: an unidentified armed group of the country
    ("en", "On 1 December 2023, near Kabul, two armed individuals on a motorcycle killed a man in a drive-by shooting."),
    ("fr", "Le 1er décembre 2023, près de Kaboul, des individus armés ont tué un homme."),
    ("en", "On 1 December 2023, a man was shot dead near Kabul."),
    # militants, insurgents, jihadists no group is named for
    ("en", "On 30 November 2023, unknown militants detonated an IED near Kabul."),
    ("fr", "Le 30 novembre 2023, des djihadistes ont attaqué un poste de police près de Kaboul."),
])
def test_unnamed_perpetrators_are_an_unidentified_armed_group_of_the_country(extract_en, extract_fr, lang, text):
    event = (extract_fr if lang == "fr" else extract_en)(text).events[0]
    assert event.actor1 is not None and event.actor1.name == "Unidentified Armed Group (Afghanistan)"


@pytest.mark.parametrize("lang,text,sub_event_type,actor2", [
    # state forces firing on people or homes not said to be armed attack civilians (ACLED's one-sided violence)
    ("en", "Israeli troops shot a Palestinian at a checkpoint near Tubas on Tuesday.", "Attack", "Civilians (Palestine)"),
    ("en", "Israeli troops shot and wounded a Palestinian journalist near Gaza on Tuesday.", "Attack",
     "Civilians (Palestine)"),
    ("en", "Tanks opened fire on Palestinian homes in Gaza City late on Tuesday.", "Attack", "Civilians (Palestine)"),
    ("en", "Police shot and wounded two brothers at a market in Kabul on Tuesday.", "Attack", "Civilians (Afghanistan)"),
    ("fr", "Le 3 mars 2024, les forces israéliennes ont tiré sur des maisons palestiniennes à Gaza.", "Attack",
     "Civilians (Palestine)"),
    ("fr", "Le 3 mars 2024, les forces israéliennes ont tué un Palestinien près de Naplouse.", "Attack", "Civilians (Palestine)"),
    # firing on the other side's positions is still a clash
    ("en", "Ukrainian troops opened fire on Russian positions near Robotyne on Tuesday.", "Armed clash", None),
    ("fr", "Le 3 mars 2024, les forces ukrainiennes ont ouvert le feu sur des positions russes près de Robotyne.",
     "Armed clash", None),
])
def test_forces_firing_on_unarmed_people_or_homes_attack_civilians(extract_en, extract_fr, lang, text, sub_event_type,
                                                                   actor2):
    extract = extract_fr if lang == "fr" else extract_en
    (event,) = extract(text).events
    assert event.sub_event_type == sub_event_type
    assert (event.actor2.name if event.actor2 else None) == actor2


@pytest.mark.parametrize("lang,text,sub_event_type,actor1", [
    # a weapon platform named with a demonym is that state's forces
    ("en", "Israeli warplanes struck a school in Rafah overnight.", "Air/drone strike", "Military Forces of Israel (2022-)"),
    ("en", "Israeli gunboats shelled fishing boats off the coast of Gaza on Tuesday.",
     "Shelling/artillery/missile attack", "Military Forces of Israel (2022-)"),
    ("fr", "Des avions israéliens ont frappé Rafah le 1er décembre 2023.", "Air/drone strike", "Military Forces of Israel (2022-)"),
])
def test_weapon_platforms_of_a_state_are_its_forces(extract_en, extract_fr, lang, text, sub_event_type, actor1):
    extract = extract_fr if lang == "fr" else extract_en
    (event,) = extract(text).events
    assert (event.sub_event_type, event.actor1.name) == (sub_event_type, actor1)


def test_a_lowercase_word_the_tagger_calls_a_name_can_be_a_trigger(nlp_en):
    from sitrep.extract.events import EventFinder
    doc = nlp_en.make_doc("Warplanes struck the town.")
    for token, pos in zip(doc, ("NOUN", "PROPN", "DET", "NOUN", "PUNCT")):
        token.pos_ = pos
    assert EventFinder._is_trigger(doc[1])  # "struck", lowercase: a verb the tagger misread
    doc = nlp_en.make_doc("Strike Group sailed.")
    doc[0].pos_ = "PROPN"
    assert not EventFinder._is_trigger(doc[0])  # a capitalized name stays a name


@pytest.mark.parametrize("lang,text,sub_event_type,actor1", [
    # people who are no armed group, acting together, riot: ACLED's mob violence, the crowd coded as rioters
    ("en", "Villagers assaulted and killed a suspected thief near Kabul on Tuesday.",
     "Mob violence", "Rioters (Afghanistan)"),
    ("en", "Israeli settlers raided a village near Nablus on Tuesday and hurled stones at houses.",
     "Mob violence", "Rioters (Israel)"),
    ("fr", "Le 3 mars 2024, des colons israéliens ont attaqué un village palestinien près de Naplouse.",
     "Mob violence", "Rioters (Israel)"),
    ("fr", "Le 3 mars 2024, des dizaines de salariés ont protesté devant la mairie de Kaboul.",
     "Peaceful protest", "Protesters (Afghanistan)"),
    # a crowd burning or looting riots too; workers are a crowd
    ("en", "Angry villagers set fire to houses of the mayor's family near Kabul on Tuesday.",
     "Mob violence", "Rioters (Afghanistan)"),
    ("en", "Factory workers attacked a team of bailiffs outside the plant in Kabul on Tuesday.",
     "Mob violence", "Rioters (Afghanistan)"),
    # a protest blocking a road with burning tyres is a violent demonstration
    ("en", "Residents blocked the main road in Kabul with burning tyres on Tuesday to protest against power cuts.",
     "Violent demonstration", "Rioters (Afghanistan)"),
    ("fr", "Le 3 mars 2024, des habitants ont bloqué une route à Kaboul avec des pneus enflammés pour protester contre les coupures.",
     "Violent demonstration", "Rioters (Afghanistan)"),
    # the victims are no crowd acting, and a passive's agent named with "by", "par" is actor1
    ("en", "Two shopkeepers were shot dead by the Taliban in Kabul on Tuesday.", "Attack", "Taliban"),
    ("fr", "Deux civils ont été tués par les talibans à Kaboul le 3 mars 2020.", "Attack", "Taliban"),
    # two men who shoot are anyone armed, not a crowd
    ("en", "Two men broke into a house in Kabul on Tuesday and shot a driver.", "Attack",
     "Unidentified Armed Group (Afghanistan)"),
    # verbs joined by a conjunction share their subject: the side that attacked and was repelled is actor1
    ("en", "Russian troops assaulted Ukrainian lines near Kharkiv on Tuesday but were pushed back.",
     "Armed clash", "Military Forces of Russia (2000-)"),
])
def test_crowds_riot_and_passive_agents_act(extract_en, extract_fr, lang, text, sub_event_type, actor1):
    extract = extract_fr if lang == "fr" else extract_en
    event = extract(text).events[0]
    assert (event.sub_event_type, event.actor1.name) == (sub_event_type, actor1)


@pytest.mark.parametrize("lang,text,sub_event_type,actor1,actor2", [
    # a protest whose crowd turns violent in the next sentences is one violent demonstration
    ("en", "Hundreds of students marched through Kabul on Tuesday. They hurled stones at the police.",
     "Violent demonstration", "Rioters (Afghanistan)", None),
    ("fr", "Des centaines de personnes ont manifesté à Kaboul dimanche. Ils ont lancé des pierres sur les policiers.",
     "Violent demonstration", "Rioters (Afghanistan)", None),
    # the police stepping in right after is that protest's intervention, not an event of its own
    ("en", "Hundreds of people protested in Kabul on Sunday. Police arrested three men.",
     "Protest with intervention", "Protesters (Afghanistan)", "Police Forces of Afghanistan (2021-)"),
    # fighting between armed groups recalled after a protest is not the crowd turning violent
    ("en", "Dozens of people gathered in Kabul on Sunday to call for a ceasefire. The rally took place in the "
           "wake of renewed fighting between the Taliban and the Islamic State.",
     "Peaceful protest", "Protesters (Afghanistan)", None),
])
def test_what_a_protest_turns_into_in_the_next_sentences(extract_en, extract_fr, lang, text, sub_event_type, actor1, actor2):
    extract = extract_fr if lang == "fr" else extract_en
    event = extract(text).events[0]
    assert (event.sub_event_type, event.actor1.name, event.actor2.name if event.actor2 else None) == \
        (sub_event_type, actor1, actor2)


@pytest.mark.parametrize("lang,text,sub_event_type", [
    # "targeted" is an attack when an armed actor or a weapon does it, nothing otherwise
    ("en", "Israeli artillery targeted the edge of Rafah on Tuesday.", "Shelling/artillery/missile attack"),
    ("en", "Separatist forces used mortars, machine guns and small arms to target Ukrainian positions "
           "near Kharkiv on Tuesday.", "Armed clash"),
    ("en", "The new sanctions targeted Russian banks on Monday.", None),
])
def test_targeting_is_an_attack_only_by_arms(extract_en, extract_fr, lang, text, sub_event_type):
    events = extract_en(text).events
    assert (events[0].sub_event_type if events else None) == sub_event_type


def test_a_named_groups_militants_are_the_group(extract_en):
    event = extract_en("On 30 November 2023, Taliban militants attacked a checkpoint near Kabul.").events[0]
    assert event.actor1 is not None and event.actor1.name == "Taliban"


@pytest.mark.parametrize("lang,text", [
    ("en", "Shelling hit Kharkiv on Sunday. On Monday, hundreds of protesters marched to demand shelters."),
    ("fr", "Des frappes ont touché Kharkiv dimanche. Lundi, des centaines de personnes ont manifesté dans le centre pour réclamer des abris."),
])
def test_an_event_with_no_place_of_its_own_is_in_the_articles_country(extract_en, extract_fr, lang, text):
    protest = next(e for e in (extract_fr if lang == "fr" else extract_en)(text).events if e.event_type == "Protests")
    assert protest.location is None and protest.actor1.name == "Protesters (Ukraine)"


@pytest.mark.parametrize("lang,text,sub_event_type", [
    # unnamed militants are armed: against an army they fight, against civilians they attack
    ("en", "Militants attacked army positions near Kabul on Monday.", "Armed clash"),
    ("en", "Insurgents opened fire on a bus near Kabul, killing five civilians.", "Attack"),
    ("fr", "Des djihadistes ont attaqué une position de l'armée près de Kaboul lundi.", "Armed clash"),
])
def test_unnamed_militants_fight_armies_and_attack_civilians(extract_en, extract_fr, lang, text, sub_event_type):
    event = (extract_fr if lang == "fr" else extract_en)(text).events[0]
    assert event.sub_event_type == sub_event_type
    assert event.actor1.name == "Unidentified Armed Group (Afghanistan)"


# ---------------------------------------------------------------- strategic developments and what caused them

@pytest.mark.parametrize("lang,text,sub_event_type", [
    # an exchange of fire is a clash, not an agreement to exchange
    ("en", "A heavy exchange of fire broke out between rebels and the army near Goma.", "Armed clash"),
    # people fleeing are the news; the clashes they flee are its cause
    ("en", "Hundreds of families fled their villages near Goma due to clashes between M23 and the army.", "Other"),
    ("fr", "Des centaines de familles ont fui leurs villages près de Goma en raison des combats entre le M23 et l'armée.",
     "Other"),
    # "killed following an attack": the casualties of the attack, which the sentence tells
    ("en", "Four soldiers were killed following an attack by M23 rebels near Goma.", "Armed clash"),
    # a road blocked by residents is a protest; by an army, a security measure
    ("en", "Residents blocked the main road in Goma to demand water.", "Peaceful protest"),
    ("fr", "Des habitants ont bloqué la route nationale à Goma pour réclamer de l'eau.", "Peaceful protest"),
    ("en", "Israeli forces blocked the entrances of Beita with concrete blocks.", "Change to group/activity"),
    # troops moved before a battle: the battle is only planned
    ("en", "The army deployed troops in Goma in preparation for an attack on the rebels.", "Change to group/activity"),
    # an arrest by an armed group is an abduction
    ("en", "M23 rebels detained two journalists in Goma.", "Abduction/forced disappearance"),
    ("en", "Police detained two journalists in Goma.", "Arrests"),
    # land taken is looting, not a capture of ground
    ("en", "Israeli settlers seized 300 dunams of land near Nablus.", "Looting/property destruction"),
    # a landmine destroyed on purpose is disrupted weapons use, not an explosion
    ("en", "Police safely detonated a landmine found near Kabul.", "Disrupted weapons use"),
    # a remote attack its target answers with fire is a battle
    ("en", "Army jets carried out an airstrike on M23 positions near Goma while M23 responded with anti-aircraft fire.",
     "Armed clash"),
    # a salvo intercepted, which hit nothing; a strike told as a hit stays a strike
    ("en", "Hamas fired rockets toward Sderot. Most of the rockets were intercepted over the town.",
     "Disrupted weapons use"),
    ("en", "A Russian drone strike hit Kharkiv overnight. Two other drones were shot down.", "Air/drone strike"),
])
def test_strategic_developments_and_causes(extract_en, extract_fr, lang, text, sub_event_type):
    events = (extract_en if lang == "en" else extract_fr)(text).events
    assert events, "no event found"
    assert events[0].sub_event_type == sub_event_type


def test_an_intercepted_salvo_is_one_event_by_who_stopped_it(extract_en):
    events = extract_en("Hamas fired rockets toward Sderot. Most of the rockets were intercepted over Israel.").events
    assert [e.sub_event_type for e in events] == ["Disrupted weapons use"]
    # ACLED's actor1 is who disrupted it (unnamed here: the forces of where it happened), who fired is actor2
    assert events[0].actor1.name.startswith("Military Forces of Israel") and events[0].actor2.name == "Hamas Movement"
    assert events[0].location.name == "Israel"


@pytest.mark.parametrize("lang,text,actor1,actor2", [
    # a passive's agent acted, its subject was acted upon, also when the agent follows a joined verb
    ("en", "On 1 December 2023, two policemen were shot and killed by Taliban militants near Kabul.",
     "Taliban", "Police Forces of Afghanistan (2021-)"),
    ("en", "On 1 December 2023, one soldier was killed and another was wounded by a Taliban sniper in Kandahar.",
     "Taliban", None),
    ("en", "On 1 December 2023, two municipal police officers were shot and injured by two armed individuals in Kabul.",
     "Unidentified Armed Group (Afghanistan)", None),
    ("fr", "Le 1er décembre 2023, deux policiers ont été tués par des talibans près de Kaboul.",
     "Taliban", "Police Forces of Afghanistan (2021-)"),
    # who planted the bomb that did it
    ("en", "On 1 December 2023, an IED planted by the Taliban destroyed a military vehicle near Kandahar, killing three soldiers.",
     "Taliban", None),
    ("en", "On 1 December 2023, three policemen were killed when their vehicle hit a Taliban-planted roadside bomb in Kapisa.",
     "Taliban", None),
    ("fr", "Le 1er décembre 2023, une mine posée par les talibans a tué trois soldats afghans près de Kandahar.",
     "Taliban", "Military Forces of Afghanistan (2021-)"),
    # ... but not who fired what was intercepted: the interceptor acted
    ("en", "On 1 December 2023, Ukrainian forces intercepted cruise missiles fired by Russian forces over Odesa.",
     "Military Forces of Ukraine (2019-)", "Military Forces of Russia (2000-)"),
    # the two sides of a clash "between X and Y"; the side a clash was "with" when only the dead are named
    ("en", "On 1 December 2023, a heavy exchange of fire erupted between Hamas militants and Israeli troops in Gaza City.",
     "Hamas Movement", "Military Forces of Israel (2022-)"),
    ("fr", "Le 1er décembre 2023, des combats ont éclaté entre l'armée malienne et des hommes armés près de Tombouctou.",
     "Military Forces of Mali (2021-)", "Unidentified Armed Group"),
    # (soldiers of no country named are those of where it happened, in power on the day)
    ("en", "On 1 December 2020, two soldiers were killed during clashes with Taliban militants near Kabul.",
     "Taliban", "Military Forces of Afghanistan (2014-2021)"),
])
def test_who_acted_in_passives_bombs_and_clashes(extract_en, extract_fr, lang, text, actor1, actor2):
    event = (extract_fr if lang == "fr" else extract_en)(text).events[0]
    assert (event.actor1.name if event.actor1 else None) == actor1
    if actor2 is not None:
        assert event.actor2 is not None and event.actor2.name == actor2


@pytest.mark.parametrize("text,actor1", [
    # armed groups the catalogue does not know, by their own names
    ("On 1 December 2023, Tribal and Clan Forces attacked QSD positions near Deir ez Zor.", "Tribal and Clan Forces"),
    ("On 1 December 2023, members of the Los Viagras gang ambushed state police officers in Michoacan.",
     "Los Viagras Gang"),
    ("On 1 December 2023, four Taliban members were killed in an attack by Afghanistan Freedom Front militants in Kapisa.",
     "Afghanistan Freedom Front"),
    # ... but a state's forces are no named group
    ("On 1 December 2023, the Russian Army shelled Kupiansk.", "Military Forces of Russia (2000-)"),
])
def test_armed_groups_by_their_own_names(extract_en, text, actor1):
    event = extract_en(text).events[0]
    assert event.actor1 is not None and event.actor1.name == actor1


@pytest.mark.parametrize("text", [
    "On 1 December 2023, Kenya Defence Forces shelled a village near Mandera.",
    "On 1 December 2023, Security Forces opened fire on a crowd in Kabul.",
])
def test_a_states_forces_are_not_named_as_a_group(extract_en, text):
    for event in extract_en(text).events:
        assert event.actor1 is None or event.actor1.kind != "rebel", event.actor1


def test_a_gang_killing_a_man_is_violence_against_civilians(extract_en):
    event = extract_en("On 30 November 2023, members of the Jackson la Sombra Gang shot and killed a man in Caracas.").events[0]
    assert (event.actor1.name, event.sub_event_type) == ("Jackson la Sombra Gang", "Attack")


def test_the_sides_between_belong_to_the_clash_not_to_what_it_caused(extract_en):
    events = extract_en("On 30 November 2023, 200 farmers were displaced due to clashes between the Gulf Clan "
                        "and FARC dissidents near Kabul.").events
    assert [e.sub_event_type for e in events] == ["Other", "Armed clash"]
    assert events[1].actor1 is not None and events[1].actor1.name == "Gulf Clan"


@pytest.mark.parametrize("text, killed", [
    ("On 19 March 2020, 2 soldiers were killed in an ambush by Taliban militants in Kherson. "
     "In another attack, 3 soldiers were killed in the city.", 5),
    ("On 17 March 2020, Taliban militants attacked a military post, killing 3 policemen, in Kherson. "
     "2 soldiers were also killed in the city.", 5),
    # no sign of another incident: the second toll may tell the same dead again
    ("On 17 March 2020, Taliban militants attacked a military post, killing 3 policemen, in Kherson. "
     "3 policemen were killed in the attack on the post.", 3),
])
def test_tolls_of_another_incident_of_the_same_event_add_up(extract_en, text, killed):
    (event,) = extract_en(text).events
    assert event.fatalities.min == killed


def test_tolls_of_another_incident_add_up_in_french(extract_fr):
    result = extract_fr("Le 19 mars, trois soldats ont été tués dans une embuscade à Kherson. "
                        "Dans une autre attaque, deux soldats ont été tués dans la ville.")
    (event,) = result.events
    assert event.fatalities.min == 5


@pytest.mark.parametrize("lang, text", [
    ("en", "On 1 December 2023, unknown military forces targeted the vicinity of Tall Refaat using a drone."),
    ("fr", "Le 1er décembre 2023, des forces militaires inconnues ont frappé Tall Refaat avec un drone."),
])
def test_a_military_no_one_identified_is_named_as_acled_names_it(extract_en, extract_fr, lang, text):
    (event,) = (extract_en if lang == "en" else extract_fr)(text).events
    assert event.actor1.name == "Unidentified Military Forces" and event.actor1.country_code is None


@pytest.mark.parametrize("text, actor1", [
    # a state's unit, named as ACLED names it in the country where it happened
    ("On 1 April 2025, military police officers exchanged fire with armed men in Salvador (Bahia).",
     "Military Forces of Brazil (2023-) Military Police"),
    ("On 1 April 2025, civil police officers shot dead a suspect in Salvador (Bahia).",
     "Police Forces of Brazil (2023-) Civil Police"),
    # the demonym says whose unit it is
    ("On 1 April 2025, Turkish gendarmerie forces detained 30 migrants near the border.",
     "Military Forces of Turkey (2016-) Gendarmerie"),
    # where ACLED names no such unit, the same words are the state's forces
    ("On 1 April 2025, military police officers exchanged fire with armed men in Kharkiv.",
     "Military Forces of Ukraine (2019-)"),
    # forces no demonym names are those of the country where it happened
    ("On 1 April 2025, soldiers shot dead two armed men in Salvador (Bahia).", "Military Forces of Brazil (2023-)"),
])
def test_state_units_and_forces_are_those_of_where_it_happened(extract_en, text, actor1):
    event = extract_en(text).events[0]
    assert event.actor1.name == actor1


@pytest.mark.parametrize("text, actor1, sub_event_type", [
    # a label heads the report: who acted is the subject of the clause after it
    ("Looting: On 1 April 2025, Russian forces seized grain and tractors from farms near Kherson.",
     "Russian forces", "Looting/property destruction"),
    # the label says what it was: no mob violence, whoever did it
    ("Looting: On 1 April 2025, herders raided a farm near Kherson and carted away 100 cows.",
     "herders", "Looting/property destruction"),
])
def test_a_label_heading_the_report_names_the_event(extract_en, text, actor1, sub_event_type):
    event = extract_en(text).events[0]
    assert (event.actor1.text if event.actor1 else None, event.sub_event_type) == (actor1, sub_event_type)


@pytest.mark.parametrize("lang, text, actor1", [
    # where ACLED names organized crime: a sign of it in the report makes the unknown killers a gang
    ("en", "On 1 April 2025, armed men shot dead a trader whose body was found tied and tortured in Salvador (Bahia).",
     "Unidentified Gang (Brazil)"),
    ("fr", "Le 1er avril 2025, des hommes armés ont tué un commerçant, retrouvé ligoté, à Salvador (Bahia).",
     "Unidentified Gang (Brazil)"),
    # in Brazil a drive-by shooting may be a police militia's, and ACLED says so
    ("en", "On 1 April 2025, two armed men on a motorcycle killed a man in a drive-by shooting in Salvador (Bahia).",
     "Unidentified Gang and/or Police Militia"),
    # no sign of it: an armed group no one identified
    ("en", "On 1 April 2025, two armed men shot dead a trader in Salvador (Bahia).", "Unidentified Armed Group (Brazil)"),
    # nor is it ACLED's way outside Latin America and the Caribbean
    ("en", "On 1 April 2025, armed men shot dead a trader whose body was found tied and tortured in Kharkiv.",
     "Unidentified Armed Group (Ukraine)"),
])
def test_unknown_killers_where_organized_crime_is_the_likely_author(extract_en, extract_fr, lang, text, actor1):
    event = (extract_fr if lang == "fr" else extract_en)(text).events[0]
    assert event.actor1.name == actor1


@pytest.mark.parametrize("text, actor1", [
    # troops no demonym names, of a named group, are the group's
    ("On 1 April 2025, the combined troops of the Karen National Liberation Army and allies attacked an army outpost.",
     "KNU/KNLA: Karen National Union/Karen National Liberation Army"),
    # a group no one identified, whose country a demonym gives, is no state's forces
    ("On 1 April 2025, an unidentified Ukrainian group blew up a railway bridge near Kherson.",
     "Unidentified Armed Group (Ukraine)"),
    # two acting together: the first named is actor1
    ("On 1 April 2025, FAMa and Wagner forces abducted ten civilians on the road out of the town.",
     "Military Forces of Mali (2021-)"),
])
def test_who_acted_among_groups_troops_and_allies(extract_en, text, actor1):
    result = extract_en(text)
    assert result.events[0].actor1.name == actor1
    assert "Wagner" not in [p.text for p in result.places]  # a group, whatever the gazetteer holds


@pytest.mark.parametrize("lang, text, actor1", [
    # who escorts does not act: the escorted do
    ("en", "On 1 April 2025, Israeli settlers, under the protection of Israeli forces, raided a village in the West Bank "
           "and burned two cars.", "Rioters (Israel)"),
    ("en", "On 1 April 2025, Israeli settlers, accompanied by Israeli soldiers, attacked farmers in the West Bank.",
     "Rioters (Israel)"),
])
def test_whoever_escorts_the_actors_does_not_act(extract_en, extract_fr, lang, text, actor1):
    event = (extract_fr if lang == "fr" else extract_en)(text).events[0]
    assert event.actor1.name == actor1


def test_a_people_named_beside_the_event_is_no_state_acting(extract_en):
    result = extract_en("On 1 April 2025, fighting erupted with Afghans near Kabul.")
    assert all(e.actor1 is None or e.actor1.kind != "state_forces" for e in result.events)


def test_the_agent_after_what_a_passive_was_done_with_acted(extract_en):
    event = extract_en("On 1 April 2025, Ukrainian forces were fired upon with mortars, grenade launchers and heavy "
                       "machine guns by Russian forces near Pokrovsk.").events[0]
    assert (event.actor1.name, event.actor2.name) == ("Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)")


@pytest.mark.parametrize("text, actor1", [
    # in Ukraine's war, a mine no one is said to have laid is a military's no one identified, as ACLED codes it
    ("On 1 April 2025, a man was injured when he stepped on a landmine near Kharkiv.", "Unidentified Military Forces"),
    # elsewhere sitrep names no one
    ("On 1 April 2025, a man was injured when he stepped on a landmine near Kabul.", None),
])
def test_who_laid_a_mine_no_one_names(extract_en, text, actor1):
    event = extract_en(text).events[0]
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert (event.actor1.name if event.actor1 else None) == actor1


@pytest.mark.parametrize("text, actor1", [
    ("On 1 April 2025, opposition rebels shelled regime positions near Aleppo with artillery.", "Opposition Rebels (Syria)"),
    ("On 1 April 2025, Naxal-Maoists cadres killed a village head in Chhattisgarh.", "Naxal-Maoist Rebels (India)"),
    # a group the catalogue does not know, by its own name ending in "Network", "Crew", "Operation Room"
    ("On 1 April 2025, the Nga Moe Yeik Mission Network shot and killed a party official in Yangon.",
     "Nga Moe Yeik Mission Network"),
])
def test_armed_groups_by_the_names_acled_gives_them(extract_en, text, actor1):
    assert extract_en(text).events[0].actor1.name == actor1


@pytest.mark.parametrize("text,actor1", [
    # where a coalition fights, the forces leading it are coded as the coalition; elsewhere they stay the state's
    ("On 1 April 2025, US forces conducted an airstrike near As-Sweida.", "Global Coalition Against Daesh"),
    ("On 1 April 2025, US forces conducted an airstrike near Kabul.", "Military Forces of United States"),
])
def test_forces_leading_a_coalition_where_it_fights_are_the_coalition(extract_en, text, actor1):
    assert extract_en(text).events[0].actor1.name.startswith(actor1)


@pytest.mark.parametrize("text,sub_event_type,actor1", [
    # a crowd acting outside a riot is named by who they are; the label that heads a note says what it was
    ("Land seizure: On 1 April 2025, Israeli settlers seized 300 dunams of Palestinian-owned land near Nablus.",
     "Looting/property destruction", "Settlers (Israel)"),
    ("Property destruction: On 1 April 2025, Israeli settlers damaged Palestinian-owned greenhouses near Nablus.",
     "Looting/property destruction", "Settlers (Israel)"),
    # rioting, the same people are rioters
    ("On 1 April 2025, Israeli settlers attacked Palestinian homes near Nablus, throwing rocks.", "Mob violence",
     "Rioters (Israel)"),
])
def test_settlers_are_settlers_outside_riots(extract_en, text, sub_event_type, actor1):
    event = extract_en(text).events[0]
    assert (event.sub_event_type, event.actor1.name) == (sub_event_type, actor1)


@pytest.mark.parametrize("text", [
    "On 1 April 2025, pro-Palestinian demonstrators gathered outside the embassy in Washington.",
    "On 1 April 2025, anti-Russian protesters gathered outside the embassy in Washington.",
])
def test_a_stance_is_no_nationality(extract_en, text):
    # protesters for or against a country are those of the country where they protest
    assert extract_en(text).events[0].actor1.name == "Protesters (United States)"


@pytest.mark.parametrize("lang,text", [
    # what a protest is against is none of its acts
    ("en", "On 1 April 2025, residents marched in Kabul against land grabs, the fanning of ethnic clashes and corruption."),
    ("en", "On 1 April 2025, hundreds of students protested in Kabul to denounce the killing of a teacher."),
    ("fr", "Le 1er avril 2025, des centaines d'habitants ont manifesté à Kaboul contre les affrontements entre clans."),
])
def test_what_a_protest_is_against_is_no_act_of_it(extract_en, extract_fr, lang, text):
    events = (extract_fr if lang == "fr" else extract_en)(text).events
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]


@pytest.mark.parametrize("lang,text,place", [
    # an event its sentence does not place is where the sentence before puts the narrative...
    ("en", "On 1 April 2025, soldiers carried out an operation in Kharkiv. One civilian was killed and another wounded.",
     "Kharkiv"),
    ("fr", "Le 1er avril 2025, des soldats ont mené une opération à Kharkiv. Un civil a été tué.", "Kharkiv"),
    # ... not where another paragraph does
    ("en", "On 1 April 2025, soldiers carried out an operation in Kharkiv.\n\nOne civilian was killed and another wounded.",
     None),
])
def test_an_event_without_a_place_is_where_the_narrative_is(extract_en, extract_fr, lang, text, place):
    event = (extract_fr if lang == "fr" else extract_en)(text).events[0]
    assert (event.location.name if event.location else None) == place


@pytest.mark.parametrize("lang,text,sub_event_type", [
    ("en", "On 1 April 2025, Russia and Ukraine signed a ceasefire agreement in Istanbul.", "Agreement"),
    ("fr", "Le 1er avril 2025, la Russie et l'Ukraine ont signé un accord de cessez-le-feu à Istanbul.", "Agreement"),
    ("en", "On 1 April 2025, militants threw a grenade at a police checkpoint in Kabul, wounding two officers.", "Grenade"),
    ("fr", "Le 1er avril 2025, des hommes armés ont lancé une grenade sur un marché de Kaboul, blessant deux civils.", "Grenade"),
    # an explosive thrown by hand is what ACLED calls a grenade attack
    ("en", "On 1 April 2025, unknown men threw an explosive device at a house in Kabul.", "Grenade"),
    ("fr", "Le 1er avril 2025, des inconnus ont jeté un engin explosif sur une maison à Kaboul.", "Grenade"),
    # a fight that did not happen is no event: the withdrawal is the transfer
    ("en", "On 1 April 2025, government forces withdrew from Kidal without a fight.", "Non-violent transfer of territory"),
    ("fr", "Le 1er avril 2025, l'armée malienne s'est retirée de Kidal sans combat.", "Non-violent transfer of territory"),
    ("en", "On 1 April 2025, soldiers raped two women in a village near Goma.", "Sexual violence"),
    ("fr", "Le 1er avril 2025, des soldats ont violé deux femmes dans un village près de Goma.", "Sexual violence"),
])
def test_strategic_and_rarer_sub_event_types(extract_en, extract_fr, lang, text, sub_event_type):
    events = (extract_fr if lang == "fr" else extract_en)(text).events
    assert [e.sub_event_type for e in events] == [sub_event_type]


@pytest.mark.parametrize("text,sub_event_type", [
    # "des inconnus", "un agresseur": the unidentified who acted; "lancer une grenade" is the attack
    ("Le 1er avril 2025, des inconnus ont lancé une grenade sur un poste de police à Kaboul.", "Grenade"),
    ("Le 1er avril 2025, des agresseurs ont tué deux civils à Kaboul.", "Attack"),
])
def test_french_unknown_attackers_and_thrown_grenades(extract_fr, text, sub_event_type):
    event = extract_fr(text).events[0]
    assert (event.sub_event_type, event.actor1.name) == (sub_event_type, "Unidentified Armed Group (Afghanistan)")
