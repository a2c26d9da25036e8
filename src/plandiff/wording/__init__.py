"""Words: tokens of plan text, word-level edits, and changes a reader cannot see."""
