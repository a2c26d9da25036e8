"""Versions: provisions followed through a lineage (history, synopsis, review pairs)."""
