"""Acronyms spelled out from the article's own words."""

from sitrep.extract.acronyms import expansions, initials


def test_initials_skip_lowercase_function_words_and_the():
    assert initials("The Society of Motor Manufacturers and Traders") == "SMMT"
    assert initials("Immigration, Refugees and Citizenship Canada") == "IRCC"
    assert initials("a group of workers") == ""


def test_parenthesized_acronym_takes_the_words_before_it():
    text = "A letter from Immigration, Refugees and Citizenship Canada (IRCC) arrived. IRCC declined to comment."
    assert expansions(text, []) == {"IRCC": "Immigration, Refugees and Citizenship Canada"}


def test_acronym_spelled_out_elsewhere_in_the_text_or_by_ner():
    text = "The Royal Canadian Mounted Police arrested two men. The RCMP said EDC had paid. Export Development Canada"
    assert expansions(text, ["Export Development Canada"]) == {"RCMP": "Royal Canadian Mounted Police",
                                                               "EDC": "Export Development Canada"}


def test_no_expansion_without_the_name_in_the_text_nor_when_two_names_fit():
    assert expansions("The BBC reported that the CBC Boss said so.", []) == {}
    text = "Canadian Broadcasting Corp (CBC) and Canadian Bankers Club (CBC) met. The CBC said."
    assert "CBC" not in expansions(text, [])


def test_institution_speaker_named_by_its_acronym_is_spelled_out(extract_en):
    text = ("Kim received a letter from Immigration, Refugees and Citizenship Canada last week.\n\n"
            "\"Extra steps may be needed,\" IRCC said in a statement.")
    (quote,) = [q for q in extract_en(text).quotes if q.kind == "direct"]
    assert quote.speaker is not None and quote.speaker.name == "Immigration, Refugees and Citizenship Canada"
