"""Findings: the headlines of a comparison (figures, key language, topics), worst first."""
