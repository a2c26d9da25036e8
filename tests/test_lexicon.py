"""Term matching: ASCII text cut as bytes finds exactly what the str path finds."""

from __future__ import annotations

import pytest

from plandiff.findings.lexicon import Lexicon, ascii_words, cut, words
from plandiff.findings.rules import key_language, resolve
from plandiff.model.ruleset import RuleSet

_TERMS = [
    ("NATO", "alliances"), ("armed forces", "army"), ("forces", "forces"), ("no", "neg"),
    ("no later than", "ignore"), ("militar*", "mil"), ("Київ", "kyiv"), ("café", "cafe"),
    ("security guarantee", "guarantee"), ("de facto", "defacto"), ("démilitar*", "demil"),
]  # fmt: skip


@pytest.mark.parametrize("code", range(128))
def test_ascii_words_cut_every_ascii_character_as_words_does(code: int) -> None:
    text = f"Ab{chr(code)}Cd NATO{chr(code)}"
    assert ascii_words(text) == [w.encode("ascii") for w in words(text)]


@pytest.mark.parametrize(
    "text",
    [
        "NATO's armed forces, militarily: no later than May.",
        "No forces\x1carmed\x1dforces; security guarantees de facto",
        "Militarisation of the armed\tforces, not NATO",
        "",
        "no",
    ],
)
def test_ascii_text_and_its_words_give_the_same_labels(text: str) -> None:
    lex = Lexicon.build(_TERMS)
    assert text.isascii()
    assert lex.labels_in(text) == lex.labels_in(words(text))


def test_terms_outside_ascii_still_match_text_outside_ascii() -> None:
    lex = Lexicon.build(_TERMS)
    assert lex.labels_in("Київ and the café, démilitarisée") == {"kyiv", "cafe", "demil"}
    assert lex.labels_in("Kyiv and the cafe, demilitarised") == set()


def test_a_phrase_opening_word_is_read_at_every_place_it_stands() -> None:
    lex = Lexicon.build(_TERMS)
    assert lex.labels_in("armed men; no armed forces") == {"army", "forces", "neg"}
    assert lex.labels_in("armed men; no later than") == {"ignore"}


@pytest.mark.parametrize(
    "text",
    [
        "No later than May, no forces shall enter; armed forces no later thans",
        "militarily no armed forces, not NATO; no",
    ],
)
def test_scanning_ascii_words_as_bytes_finds_the_same_matches(text: str) -> None:
    lex = Lexicon.build(_TERMS)
    assert list(lex.scan(ascii_words(text))) == list(lex.scan(words(text)))
    assert list(lex.scan(cut(text))) == list(lex.scan(words(text)))


def test_key_language_reads_one_side_ascii_and_the_other_not() -> None:
    rules = resolve(RuleSet())
    found = key_language("Troops shall enter.", "Troops may enter \u2014 never.", rules, "p-1")
    assert [f.rule for f in found] == ["modality-weakened", "negation-added"]


def test_a_word_is_stemmed_only_when_it_begins_as_a_watched_stem_can() -> None:
    """The prefilter before stemming drops no word whose stem is one of the watched stems:
    every word of the bundled plans and of the benchmark's vocabulary that stems like a term
    begins with that term's head."""
    import json
    from pathlib import Path

    from plandiff.findings.lexicon import stem, stem_heads, words

    root = Path(__file__).resolve().parents[1]
    vocabulary = set(
        [
            "constitutional",
            "territorial",
            "electoral",
            "amnesties",
            "sanctioning",
            "memberships",
            "referendums",
            "nuclearly",
            "dying",
            "skies",
            "generously",
            "nationalization",
            "electability",
            "territoriality",
            "constitutionality",
        ]
    )
    for path in sorted((root / "plans").glob("*.json")):
        for provision in json.loads(path.read_text(encoding="utf-8"))["provisions"]:
            vocabulary.update(words(provision["text"]))
    for path in sorted((root / "benchmarks" / "data").rglob("*")):
        if path.is_file() and path.suffix in (".json", ".txt", ".md"):
            vocabulary.update(words(path.read_text(encoding="utf-8", errors="replace")))
    vocabulary = {w for w in vocabulary if w.isalpha() and len(w) > 4}
    stems = {stem(w) for w in vocabulary}
    for word in vocabulary:
        heads = stem_heads([stem(word)])
        assert word.startswith(heads), (word, stem(word), heads)
    assert len(stems) > 100  # the check saw a real vocabulary


def test_a_stemmed_term_still_matches_its_derived_words() -> None:
    lex = Lexicon.build([("constitution", "c"), ("territory", "t"), ("elections", "e")],
                        stems=True)  # fmt: skip
    assert lex.labels_in("Constitutional and territorial reform, elected") == {"c", "t", "e"}
    assert lex.labels_in("Constitutional, territorial, elected: Київ") == {"c", "t", "e"}
    assert lex.labels_in("Konstitutional tertiary selection") == set()


def test_the_english_stemmer_loads_alone_and_leaves_the_package_whole() -> None:
    """Stemming loads the English stemmer and no other language's; importing the package
    afterwards still gives every language."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from plandiff.findings.lexicon import stem\n"
        "assert stem('constitutional') == 'constitut'\n"
        "print(sorted(m for m in sys.modules if m.startswith('snowballstemmer')))\n"
        "import snowballstemmer\n"
        "print(snowballstemmer.stemmer('german').stemWord('verfassungen'))\n"
        "print(snowballstemmer.stemmer('english').stemWord('territorial'))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out[0] == (
        "['snowballstemmer.among', 'snowballstemmer.basestemmer', "
        "'snowballstemmer.english_stemmer']"
    )
    assert out[1:] == ["verfass", "territori"]
