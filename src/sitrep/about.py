"""Package metadata: the version is kept here and only here."""

__version__ = "0.1.0"
