"""The findings rules: figures, watched terms, modality, negation, conditions and deadlines.

The rules and their default severities ship as package data (``data/rules.toml``); a
``RuleSet`` from the project's configuration adjusts them.

>>> rules = resolve(RuleSet())
>>> [f.rule for f in key_language("Troops shall not enter.", "Troops may enter.", rules, "p-1")]
['modality-weakened', 'negation-removed']
"""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from plandiff.findings.figures.changes import number_changes
from plandiff.findings.figures.numwords import may_hold_figures
from plandiff.findings.lexicon import Lexicon, Words, ascii_words, cut, words
from plandiff.model.changes import Finding
from plandiff.model.errors import UsageError
from plandiff.model.ruleset import RuleSet
from plandiff.model.vocabulary import Rule, Severity
from plandiff.wording.numerals import Notation, mixed_numerals

# The package data beside this module. Read as a plain file: importlib.resources would also
# load zipfile, tempfile and shutil (about a tenth of a small comparison's start-up), for
# installs from a zip archive, which pip never makes.
DATA = Path(__file__).with_name("data")

# Phrases that look like key words but are not ("no later than" sets a deadline, it negates
# nothing); they are matched first and ignored.
_KEY_WORDS = {
    "strong": ("shall", "must", "will", "is required to", "are required to"),
    "weak": (
        "may", "should", "could", "might", "is expected to", "are expected to",
        "will be expected to", "is encouraged to", "are encouraged to",
    ),
    "negation": (
        "not", "never", "no", "without", "cannot", "can't", "won't", "shan't", "don't",
        "doesn't", "isn't", "aren't", "mustn't", "shouldn't", "nor", "neither",
    ),
    "condition": (
        "unless", "subject to", "provided that", "providing that", "on condition that",
        "conditional on", "conditional upon", "in the event that", "as long as", "if",
    ),
    "ignore": (
        "no later than", "not later than", "no earlier than", "not earlier than",
        "no more than", "not more than", "no less than", "not less than", "no fewer than",
        "not only", "whether or not", "if any", "if applicable", "without delay",
        "without prejudice",
    ),
}  # fmt: skip
# Every word of every key phrase: a change that touches none of them cannot change a count.
_KEY_TOKENS = frozenset(w for terms in _KEY_WORDS.values() for t in terms for w in words(t))
_KEY_BYTES = frozenset(w.encode("ascii") for w in _KEY_TOKENS if w.isascii())
_KEY_LEXICON = Lexicon.build((term, label) for label, terms in _KEY_WORDS.items() for term in terms)
# Every word of a key phrase of several words: a change beside one can make or break it.
_PHRASE_TOKENS = frozenset(
    w for terms in _KEY_WORDS.values() for t in terms if len(words(t)) > 1 for w in words(t)
)
_PHRASE_BYTES = frozenset(w.encode("ascii") for w in _PHRASE_TOKENS if w.isascii())


# The rules a key-word count that grew, shrank or swapped one word for another raises, and
# those of a figure (changed, added, removed) as an ordinary figure or as a deadline.
_APPEARED_OR_GONE = {
    "negation": (Rule.NEGATION_ADDED, Rule.NEGATION_REMOVED, Rule.NEGATION_REWORDED),
    "condition": (Rule.CONDITION_ADDED, Rule.CONDITION_REMOVED, Rule.CONDITION_REWORDED),
}
_FIGURE_RULES = {
    False: (Rule.NUMBER_CHANGED, Rule.NUMBER_ADDED, Rule.NUMBER_REMOVED),
    True: (Rule.DEADLINE_CHANGED, Rule.DEADLINE_ADDED, Rule.DEADLINE_REMOVED),
}


@dataclass(frozen=True, slots=True)
class Phrase:
    """One changed run of a paired provision: each side with the same few unchanged words
    around it, and each side's changed wording alone."""

    old: str
    new: str
    old_run: str
    new_run: str


@dataclass(frozen=True, slots=True)
class Near:
    """Where a paired provision changed: the changed runs of each side with the same few
    unchanged words around them, the changed wording alone (both sides), and each run."""

    old: str
    new: str
    changed: str
    phrases: tuple[Phrase, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """One rule as it applies: its name, severity, message template and what it looks for."""

    name: Rule
    severity: Severity
    message: str
    description: str


@dataclass(frozen=True, slots=True)
class Rules:
    """The enabled rules and the watched terms, ready to apply."""

    enabled: dict[str, RuleSpec]  # keyed by the rule's name
    watched: tuple[str, ...]
    watch_lexicon: Lexicon
    rewritten_share: float

    def finding(self, rule: Rule, change_id: str, **fields: Any) -> Finding | None:
        """A finding of ``rule`` with its message filled in, or None when the rule is off."""
        spec = self.enabled.get(rule)
        if spec is None:
            return None
        words_ = {k: v for k, v in fields.items() if isinstance(v, str)}
        return Finding(
            rule=rule.value,
            severity=spec.severity,
            message=spec.message.format(**words_),
            change_id=change_id,
            number=fields.get("number"),
            term=fields.get("term"),
        )


@cache
def default_rules() -> tuple[dict[str, RuleSpec], tuple[str, ...], float]:
    """The rules shipped with plandiff by name, the watched terms and the rewrite share."""
    raw = tomllib.loads(DATA.joinpath("rules.toml").read_text(encoding="utf-8"))
    rules = {
        name: RuleSpec(Rule(name), Severity(spec["severity"]), spec["message"], spec["description"])
        for name, spec in raw["rules"].items()
    }
    return rules, tuple(raw["watch"]), float(raw["rewritten_share"])


@lru_cache(maxsize=16)
def resolve(ruleset: RuleSet) -> Rules:
    """Apply a project's adjustments to the default rules; unknown rule names are an error."""
    shipped, watched, share = default_rules()
    for name in (*ruleset.disable, *(s.rule for s in ruleset.severity)):
        if name not in shipped:
            raise UsageError(f"unknown rule {name!r}; known rules: {', '.join(shipped)}")
    severity = {s.rule: Severity(s.severity) for s in ruleset.severity}
    enabled = {
        name: RuleSpec(rule.name, severity.get(name, rule.severity), rule.message, rule.description)
        for name, rule in shipped.items()
        if name not in ruleset.disable
    }
    terms = tuple(dict.fromkeys((*watched, *ruleset.watch)))
    return Rules(enabled, terms, Lexicon.build(((t, t) for t in terms), stems=True), share)


def spoken(terms: list[str]) -> str:
    """Terms as a sentence lists them, for messages ("NATO and constitution").

    >>> spoken(["NATO"]), spoken(["NATO", "amnesty", "territory"])
    ('NATO', 'NATO, amnesty and territory')
    """
    return terms[-1] if len(terms) < 2 else f"{', '.join(terms[:-1])} and {terms[-1]}"


def watched_in(text: str | Words, rules: Rules) -> list[str]:
    """The watched terms ``text`` (or its ``cut``) mentions, in the order of the watch list."""
    present = rules.watch_lexicon.labels_in(text)
    return [t for t in rules.watched if t in present]


def _key_counts(tokens: Words) -> Counter[tuple[str, str]]:
    counts: Counter[tuple[str, str]] = Counter()
    for start, _, label, term in _KEY_LEXICON.scan(tokens):
        if label == "ignore":
            continue
        if term == "may":  # the month: "1 May 2026", "May 2026"
            before = tokens[start - 1] if start else ""
            after = tokens[start + 1] if start + 1 < len(tokens) else ""
            if before.isdigit() or after.isdigit():
                continue
        counts[(label, term)] += 1
    return counts


def _has_key_word(text: str) -> bool:
    """Whether ``text`` holds any word of a key phrase: without one, no count can change."""
    if text.isascii():
        return not _KEY_BYTES.isdisjoint(ascii_words(text))
    return not _KEY_TOKENS.isdisjoint(words(text))


def _shift(diff: dict[tuple[str, str], int], label: str) -> tuple[int, list[str], list[str]]:
    """Net change in count for ``label``, the terms that grew and the terms that shrank."""
    moved = sorted((t, d) for (lab, t), d in diff.items() if lab == label)
    grew = [t for t, d in moved if d > 0]
    shrank = [t for t, d in moved if d < 0]
    return sum(d for _, d in moved), grew, shrank


def key_language(
    old_text: str,
    new_text: str,
    rules: Rules,
    change_id: str,
    share: float = 0.0,
    near: Near | None = None,
) -> list[Finding]:
    """Findings about the wording of a paired provision (everything except figures).

    ``share`` is how much of the wording changed; from ``rules.rewritten_share`` on, the
    provision counts as rewritten and key words are not counted. ``near`` holds the changed
    runs of each side with the same few words around them: key words are counted there
    (what the runs share cancels out), and the whole texts are searched for watched terms
    only when the runs mention one.
    """
    out: list[Finding | None] = []
    old_near, new_near = (near.old, near.new) if near else (old_text, new_text)
    old_tokens, new_tokens = cut(old_near), cut(new_near)
    rewritten = share >= rules.rewritten_share
    if rewritten or near is None or watched_in(old_tokens, rules) or watched_in(new_tokens, rules):
        old_words, new_words = watched_in(old_text, rules), watched_in(new_text, rules)
    else:
        old_words = new_words = []
    if rewritten:
        both = [t for t in rules.watched if t in old_words or t in new_words]
        shown = f"{share:.0%}"
        if both:
            term = ", ".join(both)
            out.append(rules.finding(Rule.WATCHED_PROVISION_REWRITTEN, change_id, term=term,
                                     terms=spoken(both), share=shown))  # fmt: skip
        else:
            out.append(rules.finding(Rule.PROVISION_REWRITTEN, change_id, share=shown))
    out += [rules.finding(Rule.WATCHED_TERM_REMOVED, change_id, term=t) for t in old_words
            if t not in new_words]  # fmt: skip
    out += [rules.finding(Rule.WATCHED_TERM_ADDED, change_id, term=t) for t in new_words
            if t not in old_words]  # fmt: skip
    if not rewritten:
        # Key words are counted phrase by phrase: "not" removed from one clause and "no" added
        # to another are two findings, not a net nothing, and "not" → "no" in one place is a
        # negation reworded.
        if near is None or not near.phrases:
            whole = near is None or _has_key_word(near.changed)
            counted = [(_key_counts(old_tokens), _key_counts(new_tokens), "")] if whole else []
        else:
            counted = [(_key_counts(cut(p.old)), _key_counts(cut(p.new)), p.old_run + " " +
                        p.new_run) for p in near.phrases if _may_shift(p)]  # fmt: skip
        for shift in _without_moves(counted):
            out += _key_word_shifts(shift, rules, change_id)
    return [f for f in out if f is not None]


_Shift = dict[tuple[str, str], int]
# Most changed phrases of one provision compared with each other for moved text.
_MAX_PHRASES = 64


def _without_moves(counted: list[tuple[Counter[tuple[str, str]], Counter[tuple[str, str]], str]]
                   ) -> list[_Shift]:  # fmt: skip
    """Each phrase's change of key-word counts, less those of text that only moved: a sentence
    deleted in one place and inserted in another, "shall not" and all, changes nothing."""
    shifts = [{k: new[k] - old[k] for k in old.keys() | new.keys() if new[k] != old[k]}
              for old, new, _ in counted]  # fmt: skip
    if len(shifts) < 2 or len(shifts) > _MAX_PHRASES:
        return shifts
    texts = [frozenset(words(run)) for _, _, run in counted]
    for i, a in enumerate(shifts):
        for j in range(i + 1, len(shifts)):
            b = shifts[j]
            opposite = [k for k, d in a.items() if d and b.get(k) == -d]
            if opposite and _overlap(texts[i], texts[j]) >= 0.6:
                for key in opposite:
                    a[key] = b[key] = 0
    return [{k: d for k, d in s.items() if d} for s in shifts]


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """How much of the smaller run the larger one repeats; runs of a few words, such as a bare
    "not", are not moved text, whatever they share."""
    if min(len(a), len(b)) < _MOVED_WORDS:
        return 0.0
    return len(a & b) / min(len(a), len(b))


_MOVED_WORDS = 5


def _may_shift(phrase: Phrase) -> bool:
    """Whether a changed run can change a key-word count: it holds a key word, or a word it
    sits beside belongs to a phrase of several words ("no later than" → "no much later than"
    breaks an ignored phrase and leaves a bare "no")."""
    if _has_key_word(phrase.old_run) or _has_key_word(phrase.new_run):
        return True
    around = phrase.old.replace(phrase.old_run, " ", 1)
    if around.isascii():
        return not _PHRASE_BYTES.isdisjoint(ascii_words(around))
    return not _PHRASE_TOKENS.isdisjoint(words(around))


def _key_word_shifts(diff: _Shift, rules: Rules, change_id: str) -> list[Finding | None]:
    """Modality, negation and condition findings from how one phrase's key-word counts moved."""
    out: list[Finding | None] = []
    if not diff:
        return out
    strong, strong_up, strong_down = _shift(diff, "strong")
    weak, weak_up, weak_down = _shift(diff, "weak")
    if strong < 0 and weak > 0:
        out.append(rules.finding(Rule.MODALITY_WEAKENED, change_id, old=strong_down[0],
                                 new=weak_up[0], term=weak_up[0]))  # fmt: skip
    elif strong > 0 and weak < 0:
        out.append(rules.finding(Rule.MODALITY_STRENGTHENED, change_id, old=weak_down[0],
                                 new=strong_up[0], term=strong_up[0]))  # fmt: skip
    for label, (added, removed, reworded) in _APPEARED_OR_GONE.items():
        net, grew, shrank = _shift(diff, label)
        if net == 0 and grew and shrank:
            old_word, new_word = ", ".join(shrank), ", ".join(grew)
            out.append(rules.finding(reworded, change_id, old=old_word, new=new_word,
                                     term=new_word))  # fmt: skip
        elif net > 0:
            word = ", ".join(grew)
            out.append(rules.finding(added, change_id, word=word, term=word))
        elif net < 0:
            word = ", ".join(shrank)
            out.append(rules.finding(removed, change_id, word=word, term=word))
    return [f for f in out if f is not None]


def figures(
    old_text: str,
    new_text: str,
    rules: Rules,
    change_id: str,
    near: Near | None = None,
    decimal: str | None = None,
) -> list[Finding]:
    """Findings about the figures of a paired provision: changed, appeared, vanished.

    With ``near`` only the changed runs are read, and only when the changed wording holds
    something a figure is made of: a figure in unchanged text is in both and cancels out.
    The decimal separator is the one the two texts' own figures show, else ``decimal`` (a
    locale's), else a lone period or comma before three digits groups them.
    """
    if near is not None and not may_hold_figures(near.changed):
        return []
    decimal = Notation.of((old_text, new_text), decimal).decimal
    if near is not None:
        old_text, new_text = near.old, near.new
    out = mixed_digits(old_text, new_text, rules, change_id)
    for fig in number_changes(old_text, new_text, decimal):
        changed, added, removed = _FIGURE_RULES[fig.deadline]
        if fig.change.old_value is not None and fig.change.new_value is not None:
            rule = changed
        else:
            rule = added if fig.change.old_value is None else removed
        found = rules.finding(rule, change_id, number=fig.change, **fig.fields)
        if found is not None:
            out.append(found)
    return out


def mixed_digits(old_text: str, new_text: str, rules: Rules, change_id: str) -> list[Finding]:
    """A finding for each figure of ``new_text`` whose digits mix scripts (a Bengali ৪ looks like
    an 8) and that ``old_text`` does not hold as it is."""
    old = {numeral for numeral, _ in mixed_numerals(old_text)} if old_text else set()
    out = []
    for numeral, scripts in mixed_numerals(new_text):
        if numeral not in old:
            found = rules.finding(Rule.FIGURE_MIXES_SCRIPTS, change_id, figure=numeral,
                                  scripts=spoken(list(scripts)), term=numeral)  # fmt: skip
            if found is not None:
                out.append(found)
    return out


def whole_provision(text: str, added: bool, rules: Rules, change_id: str) -> list[Finding]:
    """A finding when an added or removed provision mentions watched terms."""
    terms = watched_in(text, rules)
    if not terms:
        return []
    rule = Rule.WATCHED_PROVISION_ADDED if added else Rule.WATCHED_PROVISION_REMOVED
    found = rules.finding(rule, change_id, term=", ".join(terms), terms=spoken(terms))
    return [found] if found is not None else []
