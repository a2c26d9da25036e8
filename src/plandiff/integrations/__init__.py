"""Integrations: git's diff drivers and the reports folder."""
