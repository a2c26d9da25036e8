"""Figures read from prose and paired across a provision's two texts."""
