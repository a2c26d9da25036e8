"""The pipeline: compare() assembling a Comparison from the stages, with its settings."""
