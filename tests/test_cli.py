"""The command line, end to end: extract, ingest (idempotent, resumable), events, exit codes."""

from __future__ import annotations

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.schema import validation_errors

FR_1 = "Au moins 14 personnes ont été tuées mardi dans une frappe de missile russe sur Odessa, selon les secours."
FR_2 = "L'armée ukrainienne a repris le village de Robotyne, près de Zaporijjia, le 3 mars 2025."


@pytest.fixture()
def runner(gazetteer, monkeypatch):
    monkeypatch.setenv("SITREP_GAZETTEER_PATH", str(gazetteer.path))
    return CliRunner()


@pytest.fixture()
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(FR_1, encoding="utf-8")
    (folder / "b.jsonl").write_text(
        json.dumps({"id": "b1", "text": FR_2, "published": "2025-03-04", "outlet": "AFP"}) + "\n{broken\n",
        encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def test_extract_jsonl_in_input_order_with_rejects_on_stderr(runner, inputs):
    result = runner.invoke(app, ["extract", str(inputs / "a.txt"), str(inputs / "b.jsonl"), str(inputs / "empty.txt"),
                                 "--published", "2025-04-02", "--format", "jsonl"])
    assert result.exit_code == 1, result.output  # something was rejected
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["document"]["id"] for d in lines][1] == "b1"
    for data in lines:
        assert validation_errors(data) == []
    assert lines[0]["events"][0]["location"]["name"] == "Odesa"
    assert "E006" in result.stderr and "line 2" in result.stderr
    assert "E002" in result.stderr and "empty.txt" in result.stderr
    assert "4 read, 2 extracted, 2 rejected" in result.stderr


def test_extract_json_one_document(runner, inputs):
    result = runner.invoke(app, ["extract", str(inputs / "a.txt"), "--published", "2025-04-02", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert validation_errors(data) == [] and data["document"]["published"] == "2025-04-02"


def test_extract_table_of_the_bundled_example(runner):
    result = runner.invoke(app, ["extract", "--example"], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert "Shelling/artillery/missile" in result.stdout and "Odesa" in result.stdout


def test_bad_published_option(runner, inputs):
    result = runner.invoke(app, ["extract", str(inputs / "a.txt"), "--published", "02/04/2025"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_nothing_usable_exits_2(runner, tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2 and "E001" in result.stderr


def test_ingest_twice_stores_once_and_events_lists_them(runner, inputs, tmp_path):
    db = tmp_path / "s.db"
    first = runner.invoke(app, ["ingest", str(inputs), "--db", str(db), "--published", "2025-04-02"])
    assert first.exit_code == 1  # the broken line and the empty file
    assert "2 articles stored" in first.stderr
    second = runner.invoke(app, ["ingest", str(inputs), "--db", str(db), "--published", "2025-04-02"])
    assert "0 articles stored, 2 already stored" in second.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from articles").fetchone()[0] == 2
        stored_events = conn.execute("select count(*) from events").fetchone()[0]
    listed = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl"])
    assert listed.exit_code == 0
    assert len(listed.stdout.splitlines()) == stored_events >= 2
    shelling = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl",
                                   "--type", "Shelling/artillery/missile attack", "--country", "UA"])
    (row,) = [json.loads(line) for line in shelling.stdout.splitlines()]
    assert row["location"]["name"] == "Odesa"
    since = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl", "--since", "2025-04-01"])
    assert all(json.loads(line)["date"]["start"] >= "2025-04-01" for line in since.stdout.splitlines())


def test_ingest_resumes_and_harms_nothing_stored(runner, inputs, tmp_path):
    db = tmp_path / "s.db"
    runner.invoke(app, ["ingest", str(inputs / "a.txt"), "--db", str(db), "--published", "2025-04-02"])
    with sqlite3.connect(db) as conn:
        before = conn.execute("select id, result from articles").fetchall()
    result = runner.invoke(app, ["ingest", str(inputs), "--db", str(db), "--published", "2025-04-02"])
    assert "1 articles stored, 1 already stored" in result.stderr
    with sqlite3.connect(db) as conn:
        after = dict(conn.execute("select id, result from articles").fetchall())
    assert all(after[article_id] == stored for article_id, stored in before)


def test_events_without_database(runner, tmp_path):
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "none.db" in result.stderr
