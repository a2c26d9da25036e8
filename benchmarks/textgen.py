"""Legal-style provision text with a realistic vocabulary, and the edits drafters make to it."""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Sequence

# Boilerplate: the words nearly every provision of a treaty or a bill repeats. They make
# unrelated clauses look alike to a naive similarity, which is the trap IDF has to defuse.
ACTORS = (
    "the Parties",
    "each Party",
    "the Commission",
    "the Authority",
    "the Secretariat",
    "the Government",
    "the Monitoring Mission",
    "the Joint Committee",
    "the Board",
    "the Contracting States",
    "the Council",
    "the competent authorities",
    "the Ombudsman",
    "the Tribunal",
    "the Registrar",
    "the Minister",
    "the Guarantor States",
    "the Depositary",
)
VERBS = (
    "establish",
    "ensure",
    "maintain",
    "provide",
    "submit",
    "notify",
    "review",
    "adopt",
    "implement",
    "withdraw",
    "suspend",
    "verify",
    "publish",
    "transfer",
    "register",
    "approve",
    "designate",
    "restore",
    "guarantee",
    "facilitate",
    "coordinate",
    "assess",
    "monitor",
    "return",
    "release",
    "exchange",
    "protect",
    "finance",
    "inspect",
    "certify",
    "record",
    "reduce",
    "limit",
    "extend",
    "terminate",
    "renew",
    "allocate",
    "disclose",
    "consult on",
)
PASSIVE = (
    "established",
    "maintained",
    "provided",
    "submitted",
    "reviewed",
    "adopted",
    "implemented",
    "suspended",
    "verified",
    "published",
    "transferred",
    "registered",
    "approved",
    "restored",
    "assessed",
    "monitored",
    "released",
    "exchanged",
    "financed",
    "inspected",
    "certified",
    "recorded",
    "reduced",
    "limited",
    "extended",
    "terminated",
    "renewed",
    "allocated",
)
NOUNS = (
    "obligation",
    "measure",
    "procedure",
    "report",
    "request",
    "dispute",
    "arrangement",
    "territory",
    "boundary",
    "assets",
    "sanctions",
    "forces",
    "personnel",
    "prisoners",
    "detainees",
    "elections",
    "referendum",
    "budget",
    "contribution",
    "fund",
    "licence",
    "permit",
    "inspection",
    "schedule",
    "annex",
    "protocol",
    "guarantee",
    "commitment",
    "ceasefire",
    "withdrawal",
    "deployment",
    "reconstruction",
    "compensation",
    "property",
    "infrastructure",
    "pipeline",
    "port",
    "airspace",
    "waters",
    "corridor",
    "crossing",
    "checkpoint",
    "militia",
    "weapons",
    "ammunition",
    "stockpile",
    "mines",
    "refugees",
    "displaced persons",
    "minorities",
    "language",
    "schools",
    "churches",
    "media",
    "courts",
    "amnesty",
    "investigation",
    "evidence",
    "tariffs",
    "quota",
    "exports",
    "imports",
    "grain",
    "energy",
    "gas",
    "electricity",
    "nuclear plant",
    "reactor",
    "water supply",
    "dividends",
    "shares",
    "liquidation",
    "creditors",
    "loans",
    "bonds",
    "interest",
    "taxes",
    "customs",
    "visas",
    "residence",
    "citizenship",
    "pensions",
    "wages",
    "land",
    "fisheries",
    "forests",
    "emissions",
    "ballots",
    "candidates",
    "parliament",
    "constitution",
    "police",
    "border guards",
    "navy",
    "air force",
    "garrison",
    "headquarters",
    "observers",
)
ADJECTIVES = (
    "appropriate",
    "relevant",
    "necessary",
    "competent",
    "independent",
    "temporary",
    "permanent",
    "joint",
    "national",
    "international",
    "military",
    "civilian",
    "humanitarian",
    "regional",
    "local",
    "federal",
    "financial",
    "technical",
    "public",
    "private",
    "annual",
    "quarterly",
    "full",
    "partial",
    "prior",
    "written",
    "binding",
    "effective",
    "transparent",
    "impartial",
    "reasonable",
    "adequate",
    "sufficient",
)
CONNECTIVES = (
    "in accordance with",
    "subject to",
    "without prejudice to",
    "for the purposes of",
    "pursuant to",
    "in respect of",
    "in cooperation with",
    "under the supervision of",
)
EVENTS = (
    "the entry into force of this Agreement",
    "the signature of this Agreement",
    "the notification referred to in this Article",
    "the receipt of a written request",
    "the end of each calendar year",
    "the completion of the withdrawal",
    "the adoption of the implementing decision",
    "the publication of the final report",
)
UNITS = ("days", "months", "weeks", "years", "kilometres", "per cent", "persons", "tonnes")
MONEY = ("USD", "EUR", "dollars", "euros")

# Drafters' substitutions: each word may become one of the alternatives (both directions).
SYNONYMS: dict[str, tuple[str, ...]] = {}
for _group in (
    ("shall", "will", "must"),
    ("ensure", "secure"),
    ("within", "no later than"),
    ("provide", "supply", "furnish"),
    ("establish", "set up", "create"),
    ("review", "examine", "reassess"),
    ("terminate", "end"),
    ("obligation", "duty"),
    ("measure", "step"),
    ("request", "application"),
    ("appropriate", "suitable"),
    ("necessary", "required"),
    ("competent", "responsible"),
    ("reduce", "lower", "cut"),
    ("limit", "cap", "restrict"),
    ("notify", "inform"),
    ("withdraw", "pull back"),
    ("forces", "troops"),
    ("assets", "holdings"),
    ("property", "possessions"),
    ("prior", "advance"),
    ("permanent", "lasting"),
    ("temporary", "interim"),
    ("publish", "make public"),
    ("adequate", "sufficient"),
    ("renew", "extend"),
    ("dispute", "disagreement"),
    ("monitor", "observe", "oversee"),
    ("verify", "confirm"),
    ("implement", "carry out", "give effect to"),
    ("refugees", "displaced people"),
    ("reasonable", "fair"),
    ("public", "open"),
    ("annual", "yearly"),
    # Words of real negotiation texts, for the mutations of the bundled plans.
    ("removed", "deleted", "dropped"),
    ("approved", "endorsed"),
    ("final", "definitive"),
    ("receive", "obtain"),
    ("limited", "capped"),
    ("full", "complete"),
    ("agreement", "accord"),
    ("guarantees", "assurances"),
    ("elections", "polls"),
    ("immediately", "at once"),
    ("commit", "undertake"),
    ("questions", "issues"),
    ("talks", "negotiations"),
    ("conflict", "war"),
    ("separate", "distinct"),
    ("restore", "re-establish"),
    ("binding", "enforceable"),
    ("ceasefire", "truce"),
    ("agreed", "settled"),
    ("rebuild", "reconstruct"),
    ("funds", "money"),
    ("security", "safety"),
):
    for _word in _group:
        SYNONYMS[_word] = tuple(w for w in _group if w != _word)

FILLERS = (
    "in good faith",
    "without delay",
    "as appropriate",
    "where necessary",
    "in full",
    "at the latest",
    "in writing",
    "to the extent possible",
    "on a reciprocal basis",
)

_SYLLABLES = (
    "ka",
    "ro",
    "vi",
    "len",
    "dor",
    "mar",
    "sto",
    "bel",
    "gra",
    "ni",
    "tu",
    "zan",
    "pol",
    "esk",
    "ov",
    "ar",
    "im",
    "cher",
    "lu",
    "dna",
    "ves",
    "ko",
    "ta",
    "ry",
    "sla",
    "mir",
    "gor",
    "bra",
    "ne",
    "il",
    "ost",
    "pe",
    "kha",
    "ze",
    "don",
    "vol",
    "hy",
    "ska",
    "ter",
)


class Vocabulary:
    """Topics and rare names drawn once per seed; rare words follow a Zipf law."""

    def __init__(self, rng: random.Random, topics: int = 400, rare: int = 12000) -> None:
        names: set[str] = set()
        while len(names) < rare:
            word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
            names.add(word.capitalize() if rng.random() < 0.6 else word)
        self.rare = sorted(names)
        rng.shuffle(self.rare)
        # Zipf weights: a few names (capitals, main rivers) recur everywhere, most are rare.
        self.rare_weights = [1.0 / (rank + 1) ** 0.9 for rank in range(len(self.rare))]
        self.cum_weights = list(itertools.accumulate(self.rare_weights))
        self.topics = [
            (
                rng.sample(NOUNS, 10),
                rng.choices(self.rare, cum_weights=self.cum_weights, k=8),
            )
            for _ in range(topics)
        ]


def _cap(phrase: str) -> str:
    return phrase[0].upper() + phrase[1:]


def _article(text: str) -> str:
    return re.sub(r"\ba ([aeiou])", r"an \1", text)


def number_phrase(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.5:
        return f"{rng.choice((7, 10, 14, 15, 21, 30, 45, 60, 90, 120, 180, 365))} days"
    if kind < 0.75:
        return f"{rng.randint(2, 900) * rng.choice((1, 10, 1000)):,} {rng.choice(UNITS)}"
    return f"{rng.choice(MONEY)} {rng.randint(1, 950)} million"


def sentence(rng: random.Random, vocab: Vocabulary, topic: int) -> str:
    nouns, names = vocab.topics[topic]
    noun = rng.choice(nouns)
    noun2 = rng.choice(nouns)
    name = rng.choice(names)
    other = rng.choices(vocab.rare, cum_weights=vocab.cum_weights)[0]
    actor = rng.choice(ACTORS)
    adj = rng.choice(ADJECTIVES)
    templates = (
        f"{_cap(actor)} shall {rng.choice(VERBS)} the {adj} {noun} of the {noun2} "
        f"in {name} within {number_phrase(rng)} of {rng.choice(EVENTS)}",
        f"No {noun} shall be {rng.choice(PASSIVE)} in {name} or {other} except "
        f"{rng.choice(CONNECTIVES)} the {adj} {noun2} agreed by {actor}",
        f"{_cap(actor)} and {rng.choice(ACTORS)} shall {rng.choice(VERBS)} a {adj} "
        f"{noun} for {name}, {rng.choice(CONNECTIVES)} the {noun2} of {other}",
        f"The {noun} referred to in Article {rng.randint(1, 400)} shall not exceed "
        f"{number_phrase(rng)} and shall be {rng.choice(PASSIVE)} by {actor}",
        f"{_cap(rng.choice(CONNECTIVES))} the {noun2} of {name}, {actor} shall "
        f"{rng.choice(VERBS)} the {adj} {noun} and report to {rng.choice(ACTORS)}",
        f"Where the {noun} in {name} is {rng.choice(PASSIVE)}, {actor} may "
        f"{rng.choice(VERBS)} the {noun2} for a period of {number_phrase(rng)}",
        f"The {adj} {noun} of {other} shall remain under the control of {actor} until "
        f"{rng.choice(EVENTS)}",
        f"{_cap(actor)} shall not {rng.choice(VERBS)} any {noun} of {name} without the "
        f"{adj} consent of {rng.choice(ACTORS)}",
    )
    return _article(rng.choice(templates)) + "."


def provision_text(rng: random.Random, vocab: Vocabulary, topic: int) -> str:
    """A provision of about 76 words: sentences on one topic until the drawn length is met."""
    target = max(30, min(160, int(rng.gauss(76, 18))))
    parts: list[str] = []
    words = 0
    while words < target - 8:
        s = sentence(rng, vocab, topic)
        parts.append(s)
        words += s.count(" ") + 1
    return " ".join(parts)


def split_sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=\.)\s+(?=[A-Z])", text) if s]


def _swap_words(rng: random.Random, words: list[str], rate: float) -> None:
    for i, w in enumerate(words):
        bare = w.rstrip(".,")
        if bare in SYNONYMS and rng.random() < rate:
            words[i] = rng.choice(SYNONYMS[bare]) + w[len(bare) :]


def _change_number(rng: random.Random, text: str) -> str:
    found = list(re.finditer(r"\d[\d,]*", text))
    if not found:
        return text
    m = rng.choice(found)
    value = int(m.group().replace(",", "")) or 1
    new = max(1, int(value * rng.choice((0.5, 0.75, 1.5, 2, 3))))
    if new == value:
        new += 1
    return text[: m.start()] + f"{new:,}" + text[m.end() :]


def reword(rng: random.Random, text: str) -> str:
    """A drafter's revision: synonyms, a reordered clause or sentence, a changed figure."""
    sentences = split_sentences(text)
    if len(sentences) > 1 and rng.random() < 0.35:
        i = rng.randrange(len(sentences) - 1)
        sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
    for k, s in enumerate(sentences):
        clauses = s.rstrip(".").split(", ")
        if len(clauses) > 1 and rng.random() < 0.3:
            first = clauses[0]
            if first.split(" ", 1)[0] in ("The", "No", "Where", "Each"):
                first = first[0].lower() + first[1:]
            joined = ", ".join([*clauses[1:], first])
            s = _cap(joined) + "."
        words = s.split(" ")
        _swap_words(rng, words, 0.5)
        if rng.random() < 0.3:
            words.insert(rng.randrange(1, len(words)), rng.choice(FILLERS))
        sentences[k] = " ".join(words)
    out = " ".join(sentences)
    if rng.random() < 0.4:
        out = _change_number(rng, out)
    return out if out != text else slight_edit(rng, text)


def slight_edit(rng: random.Random, text: str) -> str:
    """One or two small changes: a synonym, a figure, or an inserted phrase."""
    words = text.split(" ")
    for _ in range(rng.randint(1, 2)):
        choice = rng.random()
        candidates = [i for i, w in enumerate(words) if w.rstrip(".,") in SYNONYMS]
        if choice < 0.5 and candidates:
            i = rng.choice(candidates)
            bare = words[i].rstrip(".,")
            words[i] = rng.choice(SYNONYMS[bare]) + words[i][len(bare) :]
        elif choice < 0.75:
            joined = _change_number(rng, " ".join(words))
            if joined != " ".join(words):
                words = joined.split(" ")
                continue
            words.insert(rng.randrange(1, len(words)), rng.choice(FILLERS))
        else:
            words.insert(rng.randrange(1, len(words)), rng.choice(FILLERS))
    out = " ".join(words)
    return out if out != text else text + " " + rng.choice(FILLERS).capitalize() + "."


def split_text(rng: random.Random, text: str) -> list[str] | None:
    """Cut a provision at sentence boundaries into 2 (sometimes 3) parts; None if too short."""
    sentences = split_sentences(text)
    if len(sentences) < 2:
        return _split_clause(rng, text)
    parts = 3 if len(sentences) >= 4 and rng.random() < 0.25 else 2
    cuts = sorted(rng.sample(range(1, len(sentences)), parts - 1))
    bounds = [0, *cuts, len(sentences)]
    return [" ".join(sentences[a:b]) for a, b in itertools.pairwise(bounds)]


_CLAUSE = re.compile(r"; |, and |, while |, but |, so that | (?=\([a-z0-9]{1,3}\) )")


def _split_clause(rng: random.Random, text: str) -> list[str] | None:
    """One sentence cut at a clause or sub-point boundary, each part at least 5 words."""
    cuts = [
        m
        for m in _CLAUSE.finditer(text)
        if len(text[: m.start()].split()) >= 5 and len(text[m.end() :].split()) >= 5
    ]
    if not cuts:
        return None
    m = rng.choice(cuts)
    head = text[: m.start()].rstrip(",;:") + "."
    tail = text[m.end() :].strip()
    return [head, _cap(tail)]


def merge_texts(rng: random.Random, texts: Sequence[str]) -> str:
    joined = " ".join(texts)
    return slight_edit(rng, joined) if rng.random() < 0.3 else joined


# Qualifiers a drafter adds when a clause is renegotiated: new words, not synonyms.
QUALIFIERS = (
    "subject to the approval of the joint commission",
    "unless the parties decide otherwise in writing",
    "in accordance with international law",
    "after consulting the guarantors",
    "with the support of international observers",
    "on the basis of reciprocity",
    "as verified by the monitoring mission",
    "for an initial period to be reviewed annually",
    "save in exceptional circumstances",
    "within the limits of available resources",
)


def paraphrase(rng: random.Random, text: str) -> str:
    """A heavy rewrite, as between real successive drafts, not a light revision.

    Every sentence is rewritten at once: most synonyms swapped, a share of the plain words
    dropped, clauses turned round, qualifiers added; sentences swap places; a long provision
    may lose a sentence (shortened) and a short one gain a qualifying sentence (lengthened);
    a figure may change. The names and most figures survive, as they do in real drafts.
    """
    sentences = split_sentences(text)
    if len(sentences) >= 3 and rng.random() < 0.4:
        del sentences[rng.randrange(len(sentences))]
    if len(sentences) > 1 and rng.random() < 0.6:
        i = rng.randrange(len(sentences) - 1)
        sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
    out = []
    for s in sentences:
        clauses = s.rstrip(".").split(", ")
        if len(clauses) > 1 and rng.random() < 0.6:
            clauses = [*clauses[1:], clauses[0][0].lower() + clauses[0][1:]]
        words = ", ".join(clauses).split(" ")
        _swap_words(rng, words, 0.9)
        kept = [
            w
            for w in words
            if w[:1].isupper() or w[:1].isdigit() or w.endswith(",") or rng.random() >= 0.25
        ]
        words = kept if len(kept) >= 4 else words
        for _ in range(rng.randint(1, 2)):
            words.insert(rng.randrange(1, len(words) + 1), rng.choice(QUALIFIERS) + ",")
        out.append(_cap(" ".join(words).rstrip(",")) + ".")
    if len(out) < 3 and rng.random() < 0.5:
        out.append(_cap(rng.choice(QUALIFIERS)) + ", " + rng.choice(QUALIFIERS) + ".")
    joined = " ".join(out)
    if rng.random() < 0.3:
        joined = _change_number(rng, joined)
    return joined if joined != text else slight_edit(rng, text)
