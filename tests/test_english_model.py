"""The shipped English pipeline (src/sitrep/models/en_sitrep), on hand-written sentences."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

MODEL_DIR = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "models" / "en_sitrep"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (MODEL_DIR / "meta.json").exists(),
        reason=f"English pipeline not built at {MODEL_DIR} "
        "(rebuild: python -m sitrep.train.english, see TRAINING.md)",
    ),
]


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.load(MODEL_DIR)


def test_loads_offline(monkeypatch):
    import spacy

    def no_network(*args, **kwargs):
        raise AssertionError("the pipeline tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    nlp = spacy.load(MODEL_DIR)
    assert {"tagger", "morphologizer", "senter", "parser", "lemmatizer", "ner"} <= set(nlp.pipe_names)
    assert set(nlp.get_pipe("ner").labels) == {"PER", "ORG", "LOC", "MISC"}
    assert (MODEL_DIR / "TRAINING.md").exists()


def ents(doc) -> set[tuple[str, str]]:
    return {(ent.text, ent.label_) for ent in doc.ents}


def test_finds_people_and_places(nlp):
    doc = nlp("Angela Merkel met Emmanuel Macron in Paris on Tuesday.")
    assert {("Angela Merkel", "PER"), ("Emmanuel Macron", "PER"), ("Paris", "LOC")} <= ents(doc)


def test_finds_organisations_and_places(nlp):
    doc = nlp("The United Nations and NATO condemned the shelling of Kharkiv on Sunday.")
    found = ents(doc)
    assert ("NATO", "ORG") in found
    assert ("Kharkiv", "LOC") in found
    assert any(text.endswith("United Nations") and label == "ORG" for text, label in found)


def test_news_dateline_tokenization(nlp):
    doc = nlp.make_doc("KYIV, June 4 (Reuters) - Russian forces struck U.S.-made systems, Gen. Smith said.")
    words = [t.text for t in doc]
    assert words[:9] == ["KYIV", ",", "June", "4", "(", "Reuters", ")", "-", "Russian"]
    assert words[11:14] == ["U.S.", "-", "made"]
    assert words[-4:] == ["Gen.", "Smith", "said", "."]


def test_rank_abbreviations_stay_whole(nlp):
    doc = nlp.make_doc("Lt. Col. Ivan Petrov and Sgt. Smith of the U.S. Army were hurt.")
    words = [t.text for t in doc]
    assert words[:4] == ["Lt.", "Col.", "Ivan", "Petrov"]
    assert words[5:10] == ["Sgt.", "Smith", "of", "the", "U.S."]


def test_sentence_boundaries_in_news(nlp):
    sentences = [
        "U.S. officials said on Monday that the strike killed 12 people near the border.",
        '"We will respond at a time of our choosing," Gen. Mark Taylor told reporters in Washington.',
        "The Pentagon declined to give further details.",
    ]
    doc = nlp(" ".join(sentences))
    assert [sent.text for sent in doc.sents] == sentences


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("The ministry said the attack killed five civilians.", "ministry"),
        ("Local officials said on Friday that the bridge had been destroyed.", "officials"),
        ("A spokesman for the army said two soldiers were wounded.", "spokesman"),
    ],
)
def test_subject_of_said(nlp, text, subject):
    doc = nlp(text)
    said = next(t for t in doc if t.text == "said")
    assert [c.text for c in said.children if c.dep_ == "nsubj"] == [subject]


def test_lemmas_and_tags(nlp):
    doc = nlp("Russian forces fired missiles at the cities.")
    by_text = {t.text: t for t in doc}
    assert by_text["forces"].lemma_ == "force"
    assert by_text["fired"].lemma_ == "fire"
    assert by_text["cities"].lemma_ == "city"
    assert by_text["fired"].pos_ == "VERB"
    assert by_text["fired"].tag_ == "VBD"
