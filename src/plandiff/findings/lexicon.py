"""Fast term matching over lower-cased words: phrases, plural forms and ``prefix*`` terms.

A lexicon maps terms to labels (a topic, a watched term, a kind of key word). Matching looks
words up in dictionaries, so its cost does not grow with the number of terms — a regular
expression alternation over every term would, and was the slowest part of reading findings.

>>> lex = Lexicon.build([("NATO", "nato"), ("armed forces", "army"), ("implement*", "impl")])
>>> sorted(lex.labels_in("NATO's troops and armed forces will implement it"))
['army', 'impl', 'nato']
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import AnyStr, Generic, Protocol, cast

# Punctuation separates words; so do apostrophes ("NATO's" -> "nato s", "can't" -> "can t"),
# which is why contractions are listed as two-word phrases. Digits stay words, so that
# "May 2026" can be told from the modal "may".
_SEPARATORS = str.maketrans(
    {c: " " for c in string.punctuation + "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0"}
)


def words(text: str) -> list[str]:
    """The lower-cased words of ``text``, punctuation dropped.

    >>> words("Ukraine can't join NATO's bloc by 2026.")
    ['ukraine', 'can', 't', 'join', 'nato', 's', 'bloc', 'by', '2026']
    """
    return text.lower().translate(_SEPARATORS).split()


# The same cut for ASCII text, done on bytes: lower-casing, dropping punctuation and splitting
# bytes cost about half as much as doing it on str, and most plans are ASCII. ``str.split``
# also splits at the ASCII separators 0x1C-0x1F, which ``bytes.split`` keeps: they become spaces.
_ASCII_CUT = bytes(
    32 if chr(b) in string.punctuation or 0x1C <= b <= 0x1F else ord(chr(b).lower())
    for b in range(256)
)


def ascii_words(text: str) -> list[bytes]:
    """``words`` of an ASCII ``text``, as bytes.

    >>> ascii_words("Ukraine can't join NATO's bloc by 2026.")[:4]
    [b'ukraine', b'can', b't', b'join']
    """
    return text.encode("ascii").translate(_ASCII_CUT).split()


Words = list[str] | list[bytes]


def cut(text: str) -> Words:
    """The ``words`` of ``text``: as bytes when it is ASCII, which is faster, else as str.

    >>> cut("No NATO"), cut("Nein, Straße")
    ([b'no', b'nato'], ['nein', 'straße'])
    """
    return ascii_words(text) if text.isascii() else words(text)


@lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    """The English Snowball stem of a lower-case word.

    >>> stem("constitutional"), stem("constitution")
    ('constitut', 'constitut')
    """
    return _stemmer().stemWord(word)


# The Snowball English stemmer only rewrites a word's ending: each step replaces a suffix, and
# what a replacement writes that the word did not have is at most this many letters at the end
# of the stem ("biliti" -> "ble", "enci" -> "ence", "y" -> "i"); the rest of the stem is the
# word's own beginning. Its exceptions ("dying" -> "die") keep their first letter.
_REWRITTEN = 4


def stem_heads(stems: Iterable[str]) -> tuple[str, ...]:
    """What a word must begin with to have one of ``stems`` as its stem: all of each stem
    but its last ``_REWRITTEN`` letters, and at least its first letter.

    >>> stem_heads(["constitut", "elect"])
    ('const', 'e')
    """
    return tuple(s[: max(1, len(s) - _REWRITTEN)] for s in stems)


class _Stemmer(Protocol):
    def stemWord(self, word: str) -> str: ...


@cache
def _stemmer() -> _Stemmer:
    # Imported here: the stemmer is needed only once a lexicon matches by stem.
    stemmer: _Stemmer = _english_stemmer_class()()
    return stemmer


def _english_stemmer_class() -> Callable[[], _Stemmer]:
    """snowballstemmer's English stemmer, without running the package's ``__init__``, which
    imports the stemmer of every one of its thirty languages (most of a small comparison's
    time in the stemmer). The package stands in ``sys.modules`` unrun only while its English
    module loads; a later ``import snowballstemmer`` runs it in full as usual."""
    import importlib.util
    import sys

    spec = None if "snowballstemmer" in sys.modules else importlib.util.find_spec("snowballstemmer")
    if spec is None:
        from snowballstemmer.english_stemmer import EnglishStemmer
    else:
        sys.modules["snowballstemmer"] = importlib.util.module_from_spec(spec)
        try:
            from snowballstemmer.english_stemmer import EnglishStemmer
        finally:
            del sys.modules["snowballstemmer"]
    return cast(Callable[[], _Stemmer], EnglishStemmer)


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


# One occurrence of a term: where it starts (word index), how many words, its label and term.
# A plain tuple: scanning the changed runs of a long plan makes tens of thousands of them.
Match = tuple[int, int, str, str]


_Entry = tuple[tuple[str, ...], str, str]  # remaining words, label, term


@dataclass(slots=True)
class _Index(Generic[AnyStr]):
    """A lexicon's terms keyed by words of one type (str, or bytes for ASCII text)."""

    # prefix length -> prefix -> (label, term); only single-word ``prefix*`` terms
    prefixes: dict[int, dict[AnyStr, tuple[str, str]]] = field(default_factory=dict)
    # First words that begin no longer phrase, with their one label: most words of a lexicon,
    # answered by a set intersection without looking at where the word stands.
    alone: dict[AnyStr, str] = field(default_factory=dict)
    # Every first word's phrases keyed by their second word (longest first, the remaining
    # words as a list to compare with a slice), and the term the word is on its own: a word
    # such as "no" or "in" opens many phrases, and the next word rules out all but a few.
    openings: dict[
        AnyStr, tuple[dict[AnyStr, list[tuple[list[AnyStr], str, str]]], tuple[str, str] | None]
    ] = field(default_factory=dict)
    # Words already tried against the prefixes, and those that matched: a plan's vocabulary
    # is small next to its length, so each distinct word is tried once.
    tried: set[AnyStr] = field(default_factory=set)
    prefixed: dict[AnyStr, tuple[str, str]] = field(default_factory=dict)
    # English stems of single-word terms, when the lexicon matches by stem: a word whose stem
    # is one of them matches the term ("constitutional" matches "constitution").
    stems: dict[str, tuple[str, str]] = field(default_factory=dict)
    # What a word must begin with for its stem to be one of ``stems`` (see ``stem_heads``):
    # most words of a plan begin with none of them and are never stemmed.
    heads: tuple[str, ...] = ()

    def add(self, phrases: dict[str, list[_Entry]], prefixes: dict[int, dict[str, tuple[str, str]]],
            cast: Callable[[str], AnyStr]) -> None:  # fmt: skip
        """Fill the index from a lexicon's phrases (longest first) and prefixes."""
        for size, table in prefixes.items():
            self.prefixes[size] = {cast(k): v for k, v in table.items()}
        for first, entries in phrases.items():
            if len(entries) == 1 and not entries[0][0]:
                self.alone[cast(first)] = entries[0][1]
            by_second: dict[AnyStr, list[tuple[list[AnyStr], str, str]]] = {}
            single: tuple[str, str] | None = None
            for rest, label, term in entries:
                if rest:
                    by_second.setdefault(cast(rest[0]), []).append(
                        ([cast(w) for w in rest], label, term)
                    )
                else:
                    single = (label, term)  # sorted last: every phrase is tried before it
            self.openings[cast(first)] = (by_second, single)

    def learn(self, tokens: Iterable[AnyStr]) -> None:
        stems = self.stems
        for word in set(tokens) - self.tried:
            for size, table in self.prefixes.items():
                hit = table.get(word[:size]) if len(word) >= size else None
                if hit is not None:
                    self.prefixed[word] = hit
                    break
            else:
                if stems and len(word) > 4:
                    text = word if isinstance(word, str) else word.decode("ascii")
                    hit = (
                        stems.get(stem(text))
                        if text.startswith(self.heads) and text.isalpha()
                        else None
                    )
                    if hit is not None:
                        self.prefixed[word] = hit
            if len(self.tried) < 200_000:
                self.tried.add(word)

    def exact_at(self, tokens: list[AnyStr], i: int) -> tuple[int, str, str] | None:
        """The longest term that starts at word ``i``: its length in words, label and term."""
        by_second, single = self.openings[tokens[i]]
        if by_second and i + 1 < len(tokens):
            for rest, label, term in by_second.get(tokens[i + 1], ()):
                end = i + 1 + len(rest)
                if tokens[i + 1 : end] == rest:
                    return 1 + len(rest), label, term
        if single is None:
            return None
        return 1, single[0], single[1]

    def scan(self, tokens: list[AnyStr]) -> Iterator[Match]:
        exact = self.openings
        prefixed: dict[AnyStr, tuple[str, str]] = self.prefixed
        if self.prefixes or self.stems:
            self.learn(tokens)
            hits = [i for i, w in enumerate(tokens) if w in exact or w in prefixed]
        elif exact.keys().isdisjoint(tokens):
            return
        else:
            hits = [i for i, w in enumerate(tokens) if w in exact]
        done = 0
        for i in hits:
            if i < done:
                continue
            word: AnyStr = tokens[i]
            found: tuple[int, str, str] | None = None
            if word in exact:
                found = self.exact_at(tokens, i)
            if found is None and word in prefixed:
                found = (1, *prefixed[word])
            if found is not None:
                length, label, term = found
                yield i, length, label, term
                done = i + length

    def labels(self, tokens: list[AnyStr]) -> set[str]:
        labels = set()
        if self.prefixes or self.stems:
            if not self.tried.issuperset(tokens):
                self.learn(tokens)
            prefixed = self.prefixed
            labels = {prefixed[w][0] for w in prefixed.keys() & tokens}
        alone = self.alone
        for first in self.openings.keys() & tokens:
            label = alone.get(first)
            if label is not None:
                labels.add(label)
                continue
            # Each place the word stands may begin a different phrase (or none).
            at = tokens.index(first)
            while True:
                found = self.exact_at(tokens, at)
                if found is not None:
                    labels.add(found[1])
                try:
                    at = tokens.index(first, at + 1)
                except ValueError:
                    break
        return labels


def _ascii(phrases: dict[str, list[_Entry]]) -> dict[str, list[_Entry]]:
    """The phrases ASCII text can hold: a word with other characters never matches there."""
    kept = {first: [e for e in entries if all(w.isascii() for w in e[0])]
            for first, entries in phrases.items() if first.isascii()}  # fmt: skip
    return {first: entries for first, entries in kept.items() if entries}


@dataclass(slots=True)
class Lexicon:
    """Terms compiled for matching; build it once with ``Lexicon.build`` and reuse it."""

    # first word -> [(remaining words, label, term)], longest phrases first
    exact: dict[str, list[_Entry]] = field(default_factory=dict)
    # prefix length -> prefix -> (label, term); only single-word ``prefix*`` terms
    prefixes: dict[int, dict[str, tuple[str, str]]] = field(default_factory=dict)
    _text: _Index[str] = field(default_factory=_Index)
    _bytes: _Index[bytes] = field(default_factory=_Index)

    @classmethod
    def build(cls, terms: Iterable[tuple[str, str]], *, stems: bool = False) -> Lexicon:
        """Compile ``(term, label)`` pairs; a term ending in ``*`` matches any word it begins.

        With ``stems``, a single-word term also matches the words that share its English
        stem: "constitution" matches "constitutional", "territory" "territorial".
        """
        lex = cls()
        stemmed: dict[str, tuple[str, str]] = {}
        for term, label in terms:
            parts = words(term.rstrip("*"))
            if not parts:
                continue
            if term.endswith("*") and len(parts) == 1:
                lex.prefixes.setdefault(len(parts[0]), {})[parts[0]] = (label, term)
                continue
            if stems and len(parts) == 1 and parts[0].isalpha() and len(parts[0]) > 4:
                stemmed.setdefault(stem(parts[0]), (label, term))
            # Only the last word of a phrase is inflected: "security guarantees".
            for last in _variants(parts[-1]) if parts[-1].isalpha() else (parts[-1],):
                phrase = (*parts[:-1], last)
                entries = lex.exact.setdefault(phrase[0], [])
                if all(entry[0] != phrase[1:] for entry in entries):
                    entries.append((phrase[1:], label, term))
        for entries in lex.exact.values():
            entries.sort(key=lambda entry: -len(entry[0]))
        lex._text.add(lex.exact, lex.prefixes, str)
        lex._text.stems = lex._bytes.stems = stemmed
        lex._text.heads = lex._bytes.heads = stem_heads(stemmed)
        # A prefix keeps its length in bytes only when it is ASCII; the others cannot match.
        ascii_prefixes = {size: {k: v for k, v in table.items() if k.isascii()}
                          for size, table in lex.prefixes.items()}  # fmt: skip
        lex._bytes.add(_ascii(lex.exact), {n: t for n, t in ascii_prefixes.items() if t},
                       lambda w: w.encode("ascii"))  # fmt: skip
        return lex

    def scan(self, tokens: Words) -> Iterator[Match]:
        """Every match in ``tokens``, left to right, longest first, never overlapping."""
        if tokens and isinstance(tokens[0], bytes):
            return self._bytes.scan(tokens)
        return self._text.scan(cast(list[str], tokens))

    def labels_in(self, text: str | Words) -> set[str]:
        """The labels of every term found in ``text`` (or in its ``words`` or ``cut``)."""
        if isinstance(text, str):
            text = cut(text)
        if text and isinstance(text[0], bytes):
            return self._bytes.labels(text)
        return self._text.labels(cast(list[str], text))
