"""Example articles bundled with sitrep."""
