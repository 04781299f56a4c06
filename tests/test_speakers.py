"""Who speaks: names NER mislabels or misses, organizations NER takes for persons, pronouns and
descriptions that refer back, and the clause that names the speaker (hand-written passages)."""

from __future__ import annotations

import pytest


def speakers(result, kind: str | None = None) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker.name if q.speaker else None) for q in result.quotes if kind is None or q.kind == kind]


def speaker_of(result, words: str) -> str | None:
    """The speaker of the quote that holds ``words``."""
    (quote,) = [q for q in result.quotes if words in q.text]
    return quote.speaker.name if quote.speaker else None


@pytest.mark.parametrize("text,words,speaker", [
    # a possessive, then the name the apposition gives
    ('"Few shops will repair boats that old," says Kowalczyk\'s partner, Daniel Ferrand.',
     "Few shops", "Daniel Ferrand"),
    # two persons in apposition
    ("His defence attorneys, Mark Dolan and Peter Hayes, have said they might ask for a new trial date.",
     "new trial date", "Mark Dolan and Peter Hayes"),
    # the parser took the team for the subject of the inverted cue
    ('"They outskated us all night," said Wolves head coach Brendan Oakes.', "outskated us", "Brendan Oakes"),
    # a description that names the institution itself
    ("The Norwegian government has insisted that its three sailors were detained without charge.",
     "detained without charge", "The Norwegian government"),
    # a document speaks for whoever issued it
    ("The transport ministry's road-safety office published a notice Friday saying that Austria has recently "
     "banned a Czech truck model without cause.", "Czech truck model", "The transport ministry's road-safety office"),
    # a nickname in quotation marks inside the name
    ("At least two dancers were injured, lead singer Marisol “Mari” Quintero told fans on Saturday.",
     "two dancers", "Marisol Quintero"),
    # the name qualifies the person noun: the official speaks, not the agency
    ("An official with Coastal Rescue Services of Tarnwick told Radio North he did not wish to comment on the inquiry.",
     "did not wish", "An official with Coastal Rescue Services of Tarnwick"),
    # "have been saying" is active
    ("Marine biologists have been saying that fishing fleets need to cut their catch.",
     "fishing fleets need", "Marine biologists"),
    # the noun a relative pronoun stands for
    ("Okafor must contend with a long list of senior councillors who say they will not stand again next year.",
     "will not stand", "senior councillors"),
])
def test_the_clause_names_the_speaker(extract_en, text, words, speaker):
    assert speaker_of(extract_en(text), words) == speaker


def test_twin_apostrophes_close_a_double_quotation_mark(extract_en):
    text = "“We only stock books by local authors,’’ says Ingrid Halvorsen, who opened the store."
    assert speakers(extract_en(text), "direct") == [("We only stock books by local authors,", "Ingrid Halvorsen")]


def test_a_new_sentence_after_a_quote_is_not_its_attribution(extract_en):
    text = ("“The first season went better than we hoped,” says director Hanna Vesterby. “We are planning a longer "
            "second season.” While some neighbours say the town should not fund the festival, "
            "Vesterby says the grant pays for itself.")
    assert speaker_of(extract_en(text), "planning a longer") == "Hanna Vesterby"


def test_a_name_after_a_dash_is_the_subject(extract_en):
    text = ("In the audit ordered by the council — the third such audit this year — Sen. Fiona Marchetti "
            "said the agency had failed to keep proper records.")
    assert speaker_of(extract_en(text), "failed to keep") == "Fiona Marchetti"


def test_speech_reported_inside_an_according_to_sentence_is_its_speaker_s(extract_en):
    text = ("Engineer Priya Raman testified on Thursday. Victor Lund was steering the ferry. "
            "At 300 metres, according to Raman, Lund said he could make out the harbour light.")
    assert speaker_of(extract_en(text), "could make out") == "Victor Lund"


def test_a_name_in_a_fronted_prepositional_phrase_is_no_antecedent(extract_en):
    text = ("Jonas Berg came to Oslo in 2014 with his family. Unlike Erik Dahl, he has been unable "
            "to find a job. \"With three children, my evening classes come last,\" he said.")
    assert speaker_of(extract_en(text), "my evening classes") == "Jonas Berg"


def test_a_one_word_name_an_apposition_describes_is_a_person(extract_en):
    text = ("Few villagers had any warning. Sari, a teacher from Kampung Hilir, was marking homework "
            "when the river rose. “I grabbed my son and ran to the roof,” she said.")
    assert speaker_of(extract_en(text), "I grabbed my son") == "Sari"


def test_an_organization_named_by_an_acronym_is_it(extract_en):
    text = ("KV Hydro said on its website that 40,000 homes lost power. Maple Bay was among the worst hit. "
            "More than 200 line crews will work through the night to restore service, it said.")
    assert speaker_of(extract_en(text), "line crews") == "KV Hydro"


def test_a_woman_called_she_later_stays_the_antecedent_of_she(extract_en):
    text = ("Greta Lindholm, a nurse in Tromsø, said the waiting lists are long. \"We need more staff,\" she said in an "
            "interview. Tomasz Nowak watches as Lena, Ola and Piotr draw. "
            "Finding a family doctor can be nearly impossible for newcomers, she said.")
    assert speaker_of(extract_en(text), "nearly impossible") == "Greta Lindholm"


def test_fr_a_one_word_name_an_apposition_describes_is_a_person(extract_fr):
    text = ("Peu de villageois ont été prévenus. Sari, une habitante de Kampung Hilir, corrigeait des copies quand "
            "la rivière a débordé. « J'ai pris mon fils et je suis montée sur le toit », a-t-elle dit.")
    assert speaker_of(extract_fr(text), "J'ai pris mon fils") == "Sari"


def test_fr_a_name_in_a_fronted_prepositional_phrase_is_no_antecedent(extract_fr):
    text = ("Jonas Berg est arrivé en Norvège en 2014. Contrairement à Erik Dahl, il n'a pas trouvé "
            "d'emploi. « Avec trois enfants, mes cours du soir passent en dernier », a-t-il dit.")
    assert speaker_of(extract_fr(text), "mes cours du soir") == "Jonas Berg"


def test_a_speech_verb_the_tagger_read_as_an_adjective_after_the_quote_is_a_cue(extract_en):
    text = ("Farrell Quist, 61, is already back at work. He drives a delivery van for a bakery in Selwick.\n\n"
            "“It did not take me long to find a new route,” quipped Quist, who lives in nearby Marlow.")
    assert speaker_of(extract_en(text), "find a new route") == "Farrell Quist"


def test_mentioned_is_a_speech_verb(extract_en):
    text = ("“We have never lost a single container in transit,” Tove Hallin, the firm’s head of logistics, "
            "mentioned in a radio interview last year.")
    assert speaker_of(extract_en(text), "single container") == "Tove Hallin"
