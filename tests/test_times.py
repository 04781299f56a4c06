"""Temporal expressions, normalized against a fixed reference date (Wednesday 2 April 2025)."""

from __future__ import annotations

from datetime import date

import pytest

import spacy
from spacy.tokens import Doc

from sitrep.extract.times import infer_year, weekday_near
from sitrep.extract.times.tense import future_tense
from sitrep.extract.times.words import TextView, TimeWords

FRENCH = [
    # French TimeBank spans take in the article: "le 12 juin"
    ("Le 12 juin 2024, une frappe a touché la ville.", "Le 12 juin 2024", "DATE", "2024-06-12"),
    ("Le 1er mars, les combats ont repris.", "Le 1er mars", "DATE", "2025-03-01"),
    ("Une frappe a eu lieu mardi dans la région.", "mardi", "DATE", "2025-04-01"),
    ("Une frappe a eu lieu ce mardi dans la région.", "ce mardi", "DATE", "2025-04-01"),
    ("Le sommet aura lieu ce vendredi à Paris.", "ce vendredi", "DATE", "2025-04-04"),
    ("Les combats ont repris mardi dernier.", "mardi dernier", "DATE", "2025-04-01"),
    ("Dans la nuit de samedi à dimanche, des drones ont frappé la ville.", "la nuit de samedi à dimanche", "TIME", "2025-03-29TNI"),
    ("Hier, trois civils ont été tués.", "Hier", "DATE", "2025-04-01"),
    ("Des explosions ont été entendues hier soir.", "hier soir", "TIME", "2025-04-01TEV"),
    # a part of the day named before or after the day: one expression
    ("Des drones ont frappé hier en fin d'après-midi.", "hier en fin d'après-midi", "TIME", "2025-04-01TAF"),
    ("Un missile a frappé Odessa dans la soirée du 12 mars.", "la soirée du 12 mars", "TIME", "2025-03-12TEV"),
    ("Le village a été pris il y a trois jours.", "il y a trois jours", "DATE", "2025-03-30"),
    ("La ville est tombée il y a un an.", "il y a un an", "DATE", "2024"),
    ("Les bombardements ont duré trois jours.", "trois jours", "DURATION", "P3D"),
    ("Le sommet aura lieu le 12 juin.", "le 12 juin", "DATE", "2025-06-12"),
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
    # French TimeBank types the vague references TIME
    ("La ville est maintenant encerclée.", "maintenant", "TIME", "PRESENT_REF"),
    ("Les combats ont repris récemment.", "récemment", "TIME", "PAST_REF"),
    ("Les frappes ont redoublé ces derniers jours.", "ces derniers jours", "DURATION", "PXD"),
    ("L'offensive est attendue cet été.", "cet été", "DATE", "2025-SU"),
    ("L'offensive a échoué l'hiver dernier.", "l'hiver dernier", "DATE", "2024-WI"),
    ("Les patrouilles passent chaque jour.", "chaque jour", "SET", "P1D"),
    ("Le PIB a reculé au troisième trimestre.", "troisième trimestre", "DATE", "2024-Q3"),
    ("La guerre de 1999 a laissé des traces.", "1999", "DATE", "1999"),
    # a weekday ahead when the verb is in the future tense, or when no verb governs it (a headline)
    ("Le sommet se tiendra dimanche à Genève.", "dimanche", "DATE", "2025-04-06"),
    ("Concert à Besançon mardi.", "mardi", "DATE", "2025-04-08"),
    ("Les forces ont reculé juin dernier.", "juin dernier", "DATE", "2024-06"),
    ("La conférence aura lieu en juin prochain.", "juin prochain", "DATE", "2025-06"),
    ("Le traité a été signé le 8 mars dernier.", "le 8 mars dernier", "DATE", "2025-03-08"),
    ("La bibliothèque sera fermée en avril.", "avril", "DATE", "2025-04"),  # the article's own month
    ("Les frappes ont eu lieu vers 4 h mardi.", "4 h mardi", "TIME", "2025-04-01T04:00"),
    ("Une femme est tombée vers midi.", "midi", "TIME", "2025-04-02T12:00"),
    ("Le conflit dure depuis plusieurs années.", "plusieurs années", "DURATION", "PXY"),
    ("Il est détenu depuis des années.", "des années", "DURATION", "PXY"),
    ("Les travaux dureront environ deux mois.", "environ deux mois", "DURATION", "P2M"),
    ("Il a été condamné à 10 ans de prison.", "10 ans", "DURATION", "P10Y"),
    ("L'accord est né au terme de trois ans de tractations.", "trois ans", "DURATION", "P3Y"),
    ("L'Alliance a mené 790 sorties ces dernières 24 heures.", "ces dernières 24 heures", "DURATION", "PT24H"),
    ("La population croît de 0,4 % par an.", "an", "SET", "P1Y"),
    ("Les réunions ont lieu tous les jeudis.", "tous les jeudis", "SET", "XXXX-WXX-4"),
    ("La demande augmente en été.", "été", "DATE", "XXXX-SU"),
    ("Dès l'année 2001, la ville a investi.", "l'année 2001", "DATE", "2001"),
    ("Le futur chancelier sera élu par le Parlement.", "futur", "TIME", "FUTURE_REF"),
    ("La population a baissé depuis le recensement précédent.", "précédent", "TIME", "PAST_REF"),
    ("Il n'en est pas question pour le moment.", "pour le moment", "TIME", "PRESENT_REF"),
    ("Ils ont incendié des voitures lors d'une virée nocturne.", "nocturne", "TIME", "TNI"),
    ("Le magasin a fermé à Noël.", "Noël", "DATE", "2024-12-25"),
    # the year being reported on is the reference year
    ("Les travaux dureront jusqu'à la fin de l'année.", "la fin de l'année", "DATE", "2025"),
    ("La croissance ralentira dans l'année en cours.", "l'année en cours", "DATE", "2025"),
    # "depuis" a date: the date is past, even when the day-and-month comes soon after the article
    ("Les inspecteurs visitaient les sites depuis le 1er mai.", "le 1er mai", "DATE", "2024-05-01"),
    ("Les prix vont encore monter dans les semaines à venir.", "les semaines à venir", "DURATION", "PXW"),
    ("Le pays était sous domination soviétique il y a une décennie.", "il y a une décennie", "DATE", "2015"),
]

# Several expressions in one text: a clock time is on the day the narrative names.
FRENCH_NARRATIVE = [
    ("Dimanche, l'alerte a duré de 3 h à 5 h dans la ville.",
     [("Dimanche", "DATE", "2025-03-30"), ("3 h", "TIME", "2025-03-30T03:00"), ("5 h", "TIME", "2025-03-30T05:00")]),
    ("Les cours reprendront le jeudi 10 avril, de 19 h 30 à 20 h 30, et non le jeudi 3 avril.",
     [("le jeudi 10 avril", "DATE", "2025-04-10"), ("19 h 30", "TIME", "2025-04-10T19:30"),
      ("20 h 30", "TIME", "2025-04-10T20:30"), ("le jeudi 3 avril", "DATE", "2025-04-03")]),
    ("Les méfaits commis entre 0 h 30 et 4 h mardi ont été recensés.",
     [("0 h 30", "TIME", "2025-04-01T00:30"), ("4 h mardi", "TIME", "2025-04-01T04:00")]),
    ("Il a estimé que sans accord d'ici le 30 juin, la trêve serait caduque.",
     [("ici", "DATE", "2025-04-02"), ("le 30 juin", "DATE", "2025-06-30")]),
]

ENGLISH = [
    ("Russian drones struck the city last night.", "last night", "TIME", "2025-04-01TNI"),
    ("Three civilians were killed yesterday.", "yesterday", "DATE", "2025-04-01"),
    ("At mid-afternoon yesterday, a drone hit the port.", "mid-afternoon yesterday", "TIME", "2025-04-01TAF"),
    ("Shelling began in the early hours of Monday.", "the early hours of Monday", "TIME", "2025-03-31TMO"),
    # "a" counts only first: seven facilities, a year ago
    ("The firm has 13 plants, up from seven a year ago.", "a year ago", "DATE", "2024"),
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
    ("The ministers will meet on Friday.", "Friday", "DATE", "2025-04-04"),
    ("The team planned to leave Nairobi on Thursday.", "Thursday", "DATE", "2025-04-03"),
    ("The father could come as early as Tuesday.", "Tuesday", "DATE", "2025-04-08"),
    ("The ceasefire collapsed last November.", "last November", "DATE", "2024-11"),
    ("The vote is expected this September.", "this September", "DATE", "2025-09"),
    ("Shelling began early Tuesday.", "early Tuesday", "DATE", "2025-04-01"),
    ("Sales rose 5% in the quarter.", "the quarter", "DATE", "2025-Q1"),
    ("The company expects a loss in the current quarter.", "the current quarter", "DATE", "2025-Q2"),
    ("In the 1988 third quarter, the company lost money.", "the 1988 third quarter", "DATE", "1988-Q3"),
    ("Losses will last through the third quarter of 1990.", "the third quarter of 1990", "DATE", "1990-Q3"),
    ("The deadline is 9 a.m. EST Tuesday.", "9 a.m. EST Tuesday", "TIME", "2025-04-01T09:00"),
    ("The talks resumed at noon.", "noon", "TIME", "2025-04-02T12:00"),
    ("The workers began a two-day strike.", "two-day", "DURATION", "P2D"),
    ("The siege lasted nearly two years.", "nearly two years", "DURATION", "P2Y"),
    ("Prices doubled over the past two months.", "the past two months", "DURATION", "P2M"),
    ("The government has held such rallies for weeks.", "weeks", "DURATION", "PXW"),
    ("The city is rebuilding after the 1996 Olympic bombing.", "1996", "DATE", "1996"),
    ("Hate groups declined through the 1980s.", "the 1980s", "DATE", "198"),
    ("In nineteen ninety-one the company collapsed.", "nineteen ninety-one", "DATE", "1991"),
    ("Growth has slowed in recent years.", "recent years", "DATE", "PAST_REF"),
    ("Members will buy new equipment in the coming years.", "the coming years", "DURATION", "PXY"),
    ("A new flight will leave each Thursday.", "each Thursday", "SET", "XXXX-WXX-4"),
    ("The car was seen a week or so ago.", "a week or so ago", "DATE", "2025-W13"),
    ("The unit will be sold in the near future.", "the near future", "DATE", "FUTURE_REF"),
    ("The boy was rescued on Christmas Day.", "Christmas Day", "DATE", "2024-12-25"),
    # "the year" a report is about is the reference year (TimeML); "the year ended ..." a year's length
    ("Sales for the full year rose 5%.", "the full year", "DATE", "2025"),
    ("Earnings for the fiscal year will be lower.", "the fiscal year", "DATE", "2025"),
    ("The plant will close by year-end.", "year-end", "DATE", "2025"),
    ("The rules should be in place by year's end.", "year's end", "DATE", "2025"),
    ("The goal is a cut of $5 million by the end of the year.", "the end of the year", "DATE", "2025"),
    ("His promise to halve unemployment by the year two thousand was dropped.", "the year two thousand", "DATE", "2000"),
    ("The army will soon withdraw from the town.", "soon", "DATE", "FUTURE_REF"),
    # a weekday before the date is part of the expression
    ("The paper said in an editorial on Saturday, March 29, that the law was unjust.", "Saturday, March 29", "DATE", "2025-03-29"),
    # an infinitive that qualifies a noun does not make the weekday future
    ("Celebrations to mark the country's entry into NATO on Friday drew crowds.", "Friday", "DATE", "2025-03-28"),
    # "since" a date: past; a passive present ("is heard") is not a perfect ("has been heard")
    ("Teams had been allowed to inspect the sites since May 1.", "May 1", "DATE", "2024-05-01"),
    ("The case is heard in May by the appeals court.", "May", "DATE", "2025-05"),
    # a day-and-month before a name is a date when a preposition introduces it
    ("On February 14 Hamas fired rockets at Israel.", "February 14", "DATE", "2025-02-14"),
    ("The Aug. 7 Embassy bombings killed 250 people.", "Aug. 7", "DATE", "2024-08-07"),
    ("The boy will stay in the country for two more weeks.", "two more weeks", "DURATION", "P2W"),
    ("Funds may have to sell bonds in the weeks ahead.", "the weeks ahead", "DURATION", "PXW"),
    ("Membership kept dropping through the nineties.", "the nineties", "DATE", "199"),
    ("The poet fought for independence from Spain in 1898.", "1898", "DATE", "1898"),
    ("The three countries were under Soviet rule a decade ago.", "a decade ago", "DATE", "2015"),
    # seasons: "this past" is the last one over, a part of the season names the season
    ("The unit was sold this past winter.", "this past winter", "DATE", "2024-WI"),
    ("Orders fell from the low levels of the early summer.", "the early summer", "DATE", "2025-SU"),
    ("The ceasefire should hold until next spring.", "next spring", "DATE", "2026-SP"),
    # lengths: a range is an amount not known, a unit and a half is counted in the smaller unit
    ("Prices should stay high over the next 12 to 18 months.", "the next 12 to 18 months", "DURATION", "PXM"),
    ("The alert lasted an hour and a half.", "an hour and a half", "DURATION", "PT1H30M"),
    ("The mosque dominated the skyline for centuries.", "centuries", "DURATION", "PXC"),
    ("The company pays interest every quarter.", "every quarter", "SET", "P1Q"),
    ("The convoy will leave at 4 in the morning.", "4 in the morning", "TIME", "2025-04-02T04:00"),
    ("The campaign runs until Election Day.", "Election Day", "DATE", "2024-11-05"),
]

ENGLISH_NARRATIVE = [
    # "a year ago" in a sentence about a quarter's results is that quarter a year before (TimeML practice)
    ("Net income fell to $5 million in the third quarter from $8 million a year ago.",
     [("the third quarter", "DATE", "2024-Q3"), ("a year ago", "DATE", "2023-Q3")]),
    ("Third-quarter net was $5 million, compared with a year-earlier loss.",
     [("Third-quarter", "DATE", "2024-Q3"), ("year-earlier", "DATE", "2023-Q3")]),
    ("Losses doubled last year.", [("last year", "DATE", "2024")]),  # no quarter: the year
    ("Net income was $2 million for the year ended Sept. 30.",
     [("the year", "DURATION", "P1Y"), ("Sept. 30", "DATE", "2024-09-30")]),
    # the quarter may be named two sentences before "a year earlier" (one paragraph of an earnings report)
    ("Net income rose to $9 million in the third quarter. Revenue rose 3% to $2 billion. "
     "Net was $5 million a year earlier.",
     [("the third quarter", "DATE", "2024-Q3"), ("a year earlier", "DATE", "2023-Q3")]),
    # a quarter not yet ended is a forecast: "the latest quarter" is still the last one ended
    ("The company expects a loss in the second quarter. Net rose 5% in the latest quarter.",
     [("the second quarter", "DATE", "2025-Q2"), ("the latest quarter", "DATE", "2025-Q1")]),
]

# dates told relative to the narrative are anchored on the date it last named, not the article's
NARRATIVE_ANCHORS = [
    ("en", "On March 12, Russian forces attacked the village. The next day, Ukrainian troops retook it.",
     [("March 12", "DATE", "2025-03-12"), ("The next day", "DATE", "2025-03-13")]),
    ("en", "Drones hit Sumy on Monday. The following morning, a missile struck Kharkiv.",
     [("Monday", "DATE", "2025-03-31"), ("The following morning", "TIME", "2025-04-01TMO")]),
    ("en", "He fled in June 2023 and returned later that year.",
     [("June 2023", "DATE", "2023-06"), ("later that year", "DATE", "2023")]),
    ("en", "The summit was held on March 24 and 25.", [("March 24", "DATE", "2025-03-24"), ("25", "DATE", "2025-03-25")]),
    ("fr", "Le 12 mars, les forces russes ont attaqué le village. Le lendemain, les troupes ukrainiennes l'ont repris.",
     [("Le 12 mars", "DATE", "2025-03-12"), ("Le lendemain", "DATE", "2025-03-13")]),
    ("fr", "L'offensive a commencé le 3 mars. La veille au soir, des frappes avaient visé la gare.",
     [("le 3 mars", "DATE", "2025-03-03"), ("La veille au soir", "TIME", "2025-03-02TEV")]),
    # a part of the day named alone is on the day the narrative is at
    ("fr", "Le 25 mars, ils l'ont frappé. En fin d'après-midi, ils l'ont jeté dehors.",
     [("Le 25 mars", "DATE", "2025-03-25"), ("fin d'après-midi", "TIME", "2025-03-25TAF")]),
    ("en", "Shelling resumed on Monday. In the afternoon, a missile hit the station.",
     [("Monday", "DATE", "2025-03-31"), ("the afternoon", "TIME", "2025-03-31TAF")]),
    ("fr", "Le sommet s'est tenu les 24 et 25 mars.", [("24", "DATE", "2025-03-24"), ("25 mars", "DATE", "2025-03-25")]),
    # with nothing to count from, the day stays unknown rather than counted from the article's date
    ("fr", "Le lendemain, les troupes ukrainiennes ont repris le village.", [("Le lendemain", "DATE", "XXXX-XX-XX")]),
    ("en", "In June 2023 the town fell. The next day, the army withdrew.",
     [("June 2023", "DATE", "2023-06"), ("The next day", "DATE", "XXXX-XX-XX")]),
    # "the day after the vote" is the date of an event not named by a date: not counted from the last date
    ("en", "On March 12, parliament voted. The day after the vote, protests began.", [("March 12", "DATE", "2025-03-12")]),
]


@pytest.mark.parametrize("language,text,expected", NARRATIVE_ANCHORS)
def test_dates_relative_to_the_narrative(extract_fr, extract_en, language, text, expected):
    extract = extract_fr if language == "fr" else extract_en
    assert [(t.text, t.type, t.value) for t in extract(text).times] == expected


def test_an_event_told_some_days_later_is_dated_from_the_narrative(extract_en, extract_fr):
    result = extract_en("Russian forces shelled Vovchansk on March 3. Two days later, Ukrainian troops recaptured the town.")
    dates = sorted((e.date.start, e.date.precision) for e in result.events)
    assert dates == [("2025-03-03", "day"), ("2025-03-05", "day")]
    (duration,) = [t for t in result.times if t.type == "DURATION"]
    assert (duration.text, duration.value) == ("Two days", "P2D")  # TimeML keeps the length; the event gets the day
    result = extract_fr("Les forces russes ont bombardé Vovtchansk le 3 mars. Trois jours plus tard, une frappe a tué deux civils.")
    assert sorted(e.date.start for e in result.events) == ["2025-03-03", "2025-03-06"]


def test_a_weekday_named_with_a_day_number_chooses_the_year_or_is_flagged(extract_en, extract_fr):
    (t,) = extract_en("The paper said in an editorial on Thursday, Jan. 6, that the law was unjust.",
                      published=date(2000, 1, 8)).times
    assert t.value == "2000-01-06"  # a Thursday; 6 January 2001 is not
    result = extract_fr("Lundi 12 mars, les forces russes ont bombardé Kharkiv.")  # a Wednesday in 2025, not a Monday in 2024-2026
    (event,) = result.events
    assert (event.date.start, event.date.precision) == ("2025-03-12", "day")
    assert event.date.conflict is not None and "Monday" in event.date.conflict
    (event,) = extract_fr("Mercredi 12 mars, les forces russes ont bombardé Kharkiv.").events
    assert event.date.conflict is None


# words that only look like time: ages, rates, a discourse "Now", a modal "May"
NOT_TIME = [
    ("fr", "Jean Dupont, 87 ans, a été blessé."),
    ("fr", "Une fillette de 6 ans a été blessée."),
    ("fr", "Agée de 90 ans, elle est décédée chez elle."),
    ("en", "Mr. Smith, 52 years old, will retire."),
    ("en", "The plan saves $2 million a year in costs."),
    ("en", "Now, he says, the plan is dead."),
    ("en", "Return the boy to me as soon as possible."),
    ("en", "The Communist Party daily Granma praised the boy."),
    ("en", "Protesters joined the annual March for Life in Washington."),
    ("en", "The poster showed Gary Cooper in High Noon."),
    ("en", 'The minister spoke on ABC\'s "This Week" program.'),
    ("en", "Students, including the March 3 Movement, marched in Tarnow."),
    ("en", "Thefts were reported in 1500 cases."),
    ("en", "The blast happened at about 8"),  # a text cut short after a number (it once crashed the tagger)
]


@pytest.mark.parametrize("text,expression,type_,value", FRENCH)
def test_french_expressions(extract_fr, text, expression, type_, value):
    times = extract_fr(text).times
    assert [(t.text, t.type, t.value) for t in times] == [(expression, type_, value)]


@pytest.mark.parametrize("text,expression,type_,value", ENGLISH)
def test_english_expressions(extract_en, text, expression, type_, value):
    times = extract_en(text).times
    assert [(t.text, t.type, t.value) for t in times] == [(expression, type_, value)]


@pytest.mark.parametrize("text,expected", FRENCH_NARRATIVE)
def test_french_narrative(extract_fr, text, expected):
    assert [(t.text, t.type, t.value) for t in extract_fr(text).times] == expected


@pytest.mark.parametrize("text,expected", ENGLISH_NARRATIVE)
def test_english_narrative(extract_en, text, expected):
    assert [(t.text, t.type, t.value) for t in extract_en(text).times] == expected


@pytest.mark.parametrize("language,text", NOT_TIME)
def test_ages_rates_and_discourse_words_are_not_time(extract_fr, extract_en, language, text):
    extract = extract_fr if language == "fr" else extract_en
    assert extract(text).times == []


@pytest.mark.parametrize("published,text,expression,value", [
    # a day-and-month less than three months ahead is meant ahead, else it is past
    (date(1989, 10, 27), "The dividend is payable Dec. 7 to holders of record.", "Dec. 7", "1989-12-07"),
    (date(1989, 10, 27), "In January, the company named a new chief.", "January", "1989-01"),
    (date(2000, 1, 7), "The boy was found at sea on Thanksgiving Day.", "Thanksgiving Day", "1999-11-25"),
    # the month May is no modal that would put the date ahead
    (date(2025, 6, 20), "The offensive began on 3 May.", "3 May", "2025-05-03"),
])
def test_english_year_of_dates_without_year(extract_en, published, text, expression, value):
    assert [(t.text, t.value) for t in extract_en(text, published=published).times] == [(expression, value)]


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


def test_year_of_a_day_without_year_near_ahead_or_in_the_future_tense():
    assert infer_year(date(1989, 10, 27), 12, 7) == 1989  # five weeks ahead
    assert infer_year(date(1989, 10, 26), 4, 15) == 1989  # "in April": the one gone
    assert infer_year(date(1989, 10, 26), 4, 15, "future") == 1990
    assert infer_year(date(1989, 10, 27), 12, 7, "last") == 1988  # "le 7 décembre dernier"
    assert weekday_near(date(2025, 4, 2), 6, "future") == date(2025, 4, 6)
    assert weekday_near(date(2025, 4, 2), 2, "future") == date(2025, 4, 2)


@pytest.mark.parametrize("text", ["La situation a été difficile.", "Les forces ont tenu pendant que la ville tombait."])
def test_french_words_that_only_look_like_time(extract_fr, text):
    assert extract_fr(text).times == []  # "été" the verb


@pytest.mark.parametrize("text", ["About 2000 soldiers were deployed.", "The building could fall at any moment."])
def test_english_words_that_only_look_like_time(extract_en, text):
    assert extract_en(text).times == []  # a count, not a year; "fall" the verb


@pytest.mark.parametrize("text", [
    "Net was $3 million, down from $4 million the year before.",
    "The year-earlier results were restated.",
])
def test_the_year_of_another_year_is_not_the_reference_year(extract_en, text):
    assert all(t.value != "2025" for t in extract_en(text).times)


@pytest.mark.parametrize("words,future", [
    ("the bullet nobody will stop Friday night".split(), True),
    # "could" also narrates the past: no sign of the future when no verb governs the date
    ("the bullet nobody could stop Friday night".split(), False),
])
def test_sentence_future_ignores_modals_that_narrate_the_past(words, future):
    doc = Doc(spacy.blank("en").vocab, words=words)  # no parse: the whole Doc is the sentence
    assert future_tense(TimeWords("en"), TextView(doc), words.index("Friday")) is future


def test_a_duration_told_as_a_day_does_not_break_the_inferred_reference(extract_en):
    # "a day before" is P1D, not a date: the reference is the article's own explicit date
    result = extract_en("This story is from March 10, 2002. The meeting of the samiti is to be held in ayodhya a day before.",
                        published=None)
    assert (result.document.reference_date, result.document.reference_date_source) == ("2002-03-10", "inferred")
