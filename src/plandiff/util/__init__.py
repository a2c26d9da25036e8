"""Helpers every layer may use: ordering, the collector pause and the one inert-text module."""
