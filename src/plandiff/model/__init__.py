"""The types: plan documents, comparison records, options, errors and version lineages."""
