"""Fast term matching over lower-cased words: phrases, plural forms and ``prefix*`` terms.

A lexicon maps terms to labels (a topic, a watched term, a kind of key word). Matching walks
the words of a text once with dictionary look-ups, so its cost does not grow with the number
of terms — a regular expression alternation over every term would.

>>> lex = Lexicon.build([("NATO", "nato"), ("armed forces", "army"), ("implement*", "impl")])
>>> sorted(lex.labels_in("NATO troops and armed forces will implement it"))
['army', 'impl', 'nato']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

# Digits are words too, so that "May 2026" can be told from the modal "may".
_WORD = re.compile(r"[a-z]+(?:'t)?|\d+")


def words(text: str) -> list[str]:
    """The lower-cased words and digit runs of ``text``.

    >>> words("Ukraine shan't join NATO by 2026.")
    ['ukraine', "shan't", 'join', 'nato', 'by', '2026']
    """
    return _WORD.findall(text.lower())


def _variants(word: str) -> tuple[str, ...]:
    """The singular and plural spellings a term should also match."""
    if len(word) > 3 and word.endswith("ies"):
        return (word, word[:-3] + "y")
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return (word, word[:-1])
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return (word, word[:-1] + "ies")
    if word.endswith(("s", "x", "ch", "sh")):
        return (word, word + "es")
    return (word, word + "s")


@dataclass(frozen=True, slots=True)
class Match:
    """One occurrence of a term: where it starts (word index), how many words, its label."""

    start: int
    length: int
    label: str
    term: str


@dataclass(slots=True)
class Lexicon:
    """Terms compiled for matching; build it once with ``Lexicon.build`` and reuse it."""

    # first word -> [(remaining words, label, term)], longest phrases first
    exact: dict[str, list[tuple[tuple[str, ...], str, str]]] = field(default_factory=dict)
    # prefix length -> prefix -> (label, term); only single-word ``prefix*`` terms
    prefixes: dict[int, dict[str, tuple[str, str]]] = field(default_factory=dict)

    @classmethod
    def build(cls, terms: Iterable[tuple[str, str]]) -> Lexicon:
        """Compile ``(term, label)`` pairs; a term ending in ``*`` matches any word it begins."""
        lex = cls()
        for term, label in terms:
            parts = words(term.rstrip("*"))
            if not parts:
                continue
            if term.endswith("*") and len(parts) == 1:
                lex.prefixes.setdefault(len(parts[0]), {})[parts[0]] = (label, term)
                continue
            # Only the last word of a phrase is inflected: "security guarantees".
            for last in _variants(parts[-1]) if parts[-1].isalpha() else (parts[-1],):
                phrase = (*parts[:-1], last)
                entries = lex.exact.setdefault(phrase[0], [])
                if all(entry[0] != phrase[1:] for entry in entries):
                    entries.append((phrase[1:], label, term))
        for entries in lex.exact.values():
            entries.sort(key=lambda entry: -len(entry[0]))
        return lex

    def scan(self, tokens: list[str]) -> Iterator[Match]:
        """Every match in ``tokens``, left to right, longest first, never overlapping."""
        i, n = 0, len(tokens)
        exact, prefixes = self.exact, self.prefixes
        while i < n:
            word = tokens[i]
            found: Match | None = None
            for rest, label, term in exact.get(word, ()):
                end = i + 1 + len(rest)
                if end <= n and tuple(tokens[i + 1 : end]) == rest:
                    found = Match(i, 1 + len(rest), label, term)
                    break
            if found is None:
                for size, table in prefixes.items():
                    hit = table.get(word[:size]) if len(word) >= size else None
                    if hit is not None:
                        found = Match(i, 1, hit[0], hit[1])
                        break
            if found is None:
                i += 1
            else:
                yield found
                i += found.length

    def labels_in(self, text: str) -> set[str]:
        """The labels of every term found in ``text``."""
        return {m.label for m in self.scan(words(text))}
