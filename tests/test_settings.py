"""Settings: defaults, user file, environment, validation."""

from __future__ import annotations

import pytest

from sitrep.errors import SettingsError
from sitrep.settings import load_settings


def test_defaults():
    s = load_settings(environ={})
    assert (s.languages, s.model_fr, s.max_bytes) == (("fr", "en"), "fr_core_news_md", 5_000_000)


def test_user_file_then_environment(tmp_path):
    path = tmp_path / "s.cfg"
    path.write_text("[sitrep]\nmax_bytes = 1000\nbatch_size = 4\n", encoding="utf-8")
    s = load_settings(environ={"SITREP_SETTINGS": str(path), "SITREP_BATCH_SIZE": "8"})
    assert (s.max_bytes, s.batch_size) == (1000, 8)


@pytest.mark.parametrize("environ,code", [
    ({"SITREP_MAX_BYTES": "-1"}, "E301"),
    ({"SITREP_MAX_BYTES": "lots"}, "E301"),
    ({"SITREP_LANGUAGES": "fr, de"}, "E301"),
    ({"SITREP_GAZETTEER_MIN_POPULATION": "700"}, "E301"),
    ({"SITREP_COLOUR": "blue"}, "E302"),
])
def test_invalid_settings_are_named(environ, code):
    with pytest.raises(SettingsError) as info:
        load_settings(environ=environ)
    assert info.value.code == code


def test_every_setting_is_documented_in_the_defaults_file():
    from dataclasses import fields
    from importlib import resources

    from sitrep.settings import Settings

    text = resources.files("sitrep").joinpath("settings.cfg").read_text(encoding="utf-8")
    for f in fields(Settings):
        assert f"\n{f.name} =" in text, f"setting {f.name} is not in settings.cfg"
