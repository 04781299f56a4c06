"""Reading inputs: every kind of bad input gets one clear message naming it, and the rest goes on."""

from __future__ import annotations

import json

import pytest

from sitrep.ingest import read_paths
from sitrep.records import Article, Reject

FRENCH = "Une frappe de missile russe a touché Odessa mardi, faisant trois morts selon les secours."


def read(paths, **kw):
    return list(read_paths(paths, max_bytes=kw.pop("max_bytes", 5_000_000), **kw))


def test_text_file(tmp_path):
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    (article,) = read([tmp_path / "a.txt"])
    assert isinstance(article, Article) and article.text == FRENCH and article.source.endswith("a.txt")


def test_same_text_same_id(tmp_path):
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "b.txt").write_text(FRENCH, encoding="utf-8")
    a, b = read([tmp_path])
    assert a.id == b.id


def test_missing_path(tmp_path):
    (reject,) = read([tmp_path / "nope.txt"])
    assert isinstance(reject, Reject) and reject.code == "E001" and "nope.txt" in reject.message


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (reject,) = read([tmp_path / "empty.txt"])
    assert reject.code == "E002" and "empty.txt" in reject.message


def test_binary_file(tmp_path):
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 40)
    (reject,) = read([tmp_path / "blob.txt"])
    assert reject.code == "E003" and "blob.txt" in reject.message


def test_not_utf8_is_decoded_and_the_encoding_named(tmp_path, caplog):
    text = ("Selon le ministère, une frappe a touché Odessa. Les secours évoquent des dégâts "
            "considérables à l'hôpital et à l'école élémentaire.")
    (tmp_path / "latin.txt").write_bytes(text.encode("cp1252"))
    with caplog.at_level("WARNING", logger="sitrep"):
        (article,) = read([tmp_path / "latin.txt"])
    assert article.text == text
    assert "W002" in caplog.text and "latin.txt" in caplog.text


def test_huge_file_is_refused_with_the_limit_named(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB, sparse: the size check comes before any read
    (reject,) = read([big])
    assert reject.code == "E004" and "5,000,000" in reject.message and "big.txt" in reject.message


def test_malformed_jsonl_names_the_line_and_keeps_the_others(tmp_path):
    lines = [json.dumps({"id": "one", "text": FRENCH, "published": "2025-04-02"}), "{not json",
             json.dumps({"id": "three"}), json.dumps({"id": "four", "text": FRENCH, "published": "02/04/2025"}),
             json.dumps({"id": "five", "text": FRENCH, "language": "fr", "outlet": "AFP"})]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read([tmp_path / "batch.jsonl"])
    assert [type(i).__name__ for i in items] == ["Article", "Reject", "Reject", "Reject", "Article"]
    assert [i.code for i in items if isinstance(i, Reject)] == ["E006", "E007", "E010"]
    assert "line 2" in items[1].message and "line 3" in items[2].message
    assert items[0].id == "one" and str(items[0].published) == "2025-04-02"
    assert items[4].outlet == "AFP" and items[4].language == "fr"


def test_html_main_text_through_trafilatura(tmp_path):
    body = "".join(f"<p>{FRENCH} Paragraphe {n}.</p>" for n in range(5))
    html = (f"<html><head><title>Odessa</title><meta property='article:published_time' content='2025-04-02'></head>"
            f"<body><nav>Accueil | Monde | Sport</nav><article><h1>Frappe sur Odessa</h1>{body}</article>"
            f"<footer>Mentions légales</footer></body></html>")
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    (article,) = read([tmp_path / "page.html"])
    assert "frappe de missile russe" in article.text and "Mentions légales" not in article.text
    assert str(article.published) == "2025-04-02"


def test_unknown_suffix(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    (reject,) = read([tmp_path / "a.pdf"])
    assert reject.code == "E008"


def test_given_published_and_language_apply(tmp_path):
    from datetime import date

    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    (article,) = read([tmp_path / "a.txt"], published=date(2025, 1, 1), language="fr")
    assert (article.published, article.language) == (date(2025, 1, 1), "fr")


@pytest.mark.parametrize("text,code,named", [
    ("Ein russischer Raketenangriff hat am Dienstag die Stadt Odessa getroffen, sagten die Behörden.", "E101", "German"),
    ("!!! ??? ... 1234 ---", "E102", None),
])
def test_language_refused_clearly(extractor, text, code, named):
    from sitrep.errors import InputError

    with pytest.raises(InputError) as info:
        extractor.extract(Article(text=text, source="de.txt"))
    assert info.value.code == code and "de.txt" in info.value.message
    if named:
        assert named in info.value.message


def test_unknown_language_code(extractor):
    from sitrep.errors import InputError

    with pytest.raises(InputError) as info:
        extractor.extract(Article(text=FRENCH, language="french"))
    assert info.value.code == "E103"


def test_a_broken_article_does_not_stop_the_batch(extractor, monkeypatch):
    """A component crashing on one article: that article is rejected (E202), the others go through."""
    nlp = extractor.nlp("fr")
    component = nlp.get_pipe("sitrep_casualties")
    original = type(component).__call__

    def fragile(self, doc):
        if "EXPLOSE" in doc.text:
            raise RuntimeError("boom")
        return original(self, doc)

    monkeypatch.setattr(type(component), "__call__", fragile)
    # paragraphs: the batch has split and parsed "a" before "b" broke it; "a" is read again afresh
    items = [Article(text="Titre\n\n" + FRENCH, language="fr", id="a"),
             Article(text="EXPLOSE " + FRENCH, language="fr", id="b"),
             Article(text=FRENCH + "\n\nEncore.", language="fr", id="c")]
    outputs = [out for _, out in extractor.process(items)]
    assert [type(o).__name__ for o in outputs] == ["Result", "Reject", "Result"]
    assert outputs[1].code == "E202" and "boom" in outputs[1].message


@pytest.mark.parametrize("text,code", [
    # names say where, not in what language: an English or French sentence full of foreign names stays itself
    ("In Ciudad de Mexico - Cuauhtemoc, Colegio Nacional teachers held a protest at the Congreso de la Union "
     "to demand better salaries.", "en"),
    ("À Ciudad Juárez, les enseignants du Colegio de Bachilleres ont manifesté devant le Palacio de Gobierno "
     "pour réclamer des hausses de salaire.", "fr"),
    # a foreign text is still told apart by its own words
    ("El gobierno de México anunció el lunes nuevas medidas contra la violencia en Sinaloa.", "es"),
    ("Die Bundesregierung hat am Montag neue Sanktionen gegen Russland beschlossen, teilte das Ministerium mit.", "de"),
])
def test_language_is_read_from_the_prose_not_the_names(text, code):
    from sitrep.nlp.language import detect_language

    assert detect_language(text) == code
