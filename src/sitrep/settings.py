"""Settings in one place: the commented defaults in ``settings.cfg``, then a user file
named by ``$SITREP_SETTINGS``, then ``SITREP_<NAME>`` environment variables. Validated
when loaded; nothing else in sitrep reads the environment."""

from __future__ import annotations

import configparser
import os
from dataclasses import dataclass, fields, replace
from importlib import resources
from pathlib import Path

from .errors import SettingsError

SUPPORTED_LANGUAGES = ("fr", "en")


@dataclass(frozen=True)
class Settings:
    languages: tuple[str, ...] = ("fr", "en")
    model_fr: str = "fr_core_news_md"
    model_en: str = "sitrep:en_sitrep"
    max_bytes: int = 5_000_000
    batch_size: int = 16
    database: str = "sitrep.db"
    gazetteer_min_population: int = 500
    gazetteer_path: str = ""

    def model_for(self, language: str) -> str:
        return getattr(self, f"model_{language}")

    def with_overrides(self, **values: object) -> "Settings":
        return _validated(replace(self, **values))


def _convert(key: str, raw: str, source: str) -> object:
    kinds = {f.name: f.type for f in fields(Settings)}
    if key not in kinds:
        raise SettingsError("E302", key=key, source=source)
    kind = kinds[key]
    try:
        if kind == "int":
            return int(raw.replace("_", ""))
        if kind.startswith("tuple"):
            return tuple(part.strip() for part in raw.split(",") if part.strip())
        return raw.strip()
    except ValueError as exc:
        raise SettingsError("E301", key=key, value=raw, problem=str(exc)) from None


def _validated(settings: Settings) -> Settings:
    for lang in settings.languages:
        if lang not in SUPPORTED_LANGUAGES:
            raise SettingsError("E301", key="languages", value=settings.languages,
                                problem=f"'{lang}' has no extractors (known: {', '.join(SUPPORTED_LANGUAGES)})")
    if settings.max_bytes <= 0:
        raise SettingsError("E301", key="max_bytes", value=settings.max_bytes, problem="must be positive")
    if settings.batch_size <= 0:
        raise SettingsError("E301", key="batch_size", value=settings.batch_size, problem="must be positive")
    if settings.gazetteer_min_population not in (500, 1000, 5000, 15000):
        raise SettingsError("E301", key="gazetteer_min_population", value=settings.gazetteer_min_population,
                            problem="must be one of 500, 1000, 5000, 15000")
    return settings


def _read_file(text: str, source: str) -> dict[str, object]:
    parser = configparser.ConfigParser()
    parser.read_string(text, source=source)
    if not parser.has_section("sitrep"):
        return {}
    return {key: _convert(key, value, source) for key, value in parser.items("sitrep")}


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """Defaults, then the user file, then the environment; validated."""
    environ = dict(os.environ if environ is None else environ)
    defaults = resources.files("sitrep").joinpath("settings.cfg").read_text(encoding="utf-8")
    values = _read_file(defaults, "settings.cfg")
    user_file = environ.get("SITREP_SETTINGS")
    if user_file:
        values.update(_read_file(Path(user_file).read_text(encoding="utf-8"), user_file))
    for name, raw in environ.items():
        if name.startswith("SITREP_") and name != "SITREP_SETTINGS":
            values[name[7:].lower()] = _convert(name[7:].lower(), raw, f"${name}")
    return _validated(Settings(**values))  # type: ignore[arg-type]
