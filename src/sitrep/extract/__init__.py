"""Extractors: one spaCy component per concern, registered as factories.

Importing this package registers the factories ``sitrep_places``, ``sitrep_times``,
``sitrep_actors``, ``sitrep_casualties``, ``sitrep_quotes``, ``sitrep_events`` and
``sitrep_claims`` (spaCy's own convention: factories are registered by the module that
defines them); Doc extensions are registered when a component is created.
"""

from . import actors, casualties, claims, events, places, quotes, times  # noqa: F401

COMPONENTS = ("sitrep_places", "sitrep_times", "sitrep_actors", "sitrep_casualties",
              "sitrep_quotes", "sitrep_events", "sitrep_claims")
