"""The known false claims of a facts file as sets of concepts, indexed.

Each claim and each of its paraphrases (plain sentences) is one `Variant`:
the people it names, its concepts (``claims.concepts``), how many of them a
sentence must hold, the specific ones among them, the proper nouns it
requires and its key concept (what is claimed: "... to be neutral").

`ClaimIndex` holds every variant, numbered concepts for quick bit tests, and
the variants in the slots of bitmaps (``claims.bitsets``), so that a sentence
is tested against all of them at once, in a few operations per concept it
holds, and a variant is tried only when the sentence holds its key:

    index = ClaimIndex(facts)
    index.candidates(people, reading, index.mask(reading.concepts), alone=False)

The weak concepts ("result": the vote, the election) count for a variant
only when the claim is about them: "Pike ignored the result" keeps its
object, or any sentence in which Pike ignores anything would repeat it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from factwatch.claims.bitsets import Counts, slots
from factwatch.claims.concepts import WEAK, Concepts, Reading, concepts
from factwatch.claims.facts import Facts
from factwatch.claims.lexicon import alternation, lexicon, normalise
from factwatch.claims.model import Claim

NOUN_CONCEPTS = frozenset({"candidate", "staff", "loss", "result"})  # plain nouns

_LEX = lexicon()
_PLURAL_PEOPLE = alternation(
    {
        w
        for c in ("candidate_noun", "rival_noun", "loser_noun")
        for w in _LEX.words(c) - _LEX.base(c)
    }
    | {"runners-up"}
)
# "the losing candidates", "both rivals", "the two challengers": several people as one
# subject (not "one of the candidates").
_SEVERAL = re.compile(
    rf"(?<![\w-])(?P<of>of\s+)?(?:the\s+|both\s+|all\s+)?(?:two\s+|three\s+)?"
    rf"(?:[\w-]+\s+)?{_PLURAL_PEOPLE}"
)


def several(norm: str) -> bool:
    """Does a normalised sentence speak of several candidates as one subject?"""
    return any(
        not m.group("of") and m.group(0).split()[0] in ("the", "both", "all", "two", "three")
        for m in _SEVERAL.finditer(norm)
    )


@dataclass
class Variant:
    claim: Claim
    people: frozenset[str]
    content: frozenset[str]
    need: int
    specific: frozenset[str]  # the concepts that are not common in election coverage
    need_specific: int
    negated: frozenset[str] = frozenset()  # concepts the claim itself states negatively
    names: frozenset[str] = frozenset()  # proper nouns of the claim ("Northgate"): required
    key: str = ""  # the last specific concept: what is claimed ("... to be neutral")
    # The same sets as bits of the index's concept numbering (``ClaimIndex.mask``).
    mask: int = 0
    specific_mask: int = 0
    required_mask: int = 0  # its names and its key
    negated_mask: int = 0
    named: tuple[tuple[str, int], ...] = ()  # its concepts with their bits
    order: int = 0  # its place in the facts file: ties between variants go to the first


def people_in(facts: Facts, text: str) -> set[str]:
    """The keys of the people a text names: by name or spelling, or by a surname, which,
    when several people share it, is the one named in full, else this contest's
    candidate ("Pike's convoy" is the candidate's, not her late father's)."""
    found = set()
    norm = normalise(text)
    by_surname: dict[str, list[str]] = {}
    for p in facts.people.values():
        if any(_names(normalise(n), norm) for n in (p.name, *p.variants)):
            found.add(p.key)
        else:
            by_surname.setdefault(normalise(p.name.split()[-1]), []).append(p.key)
    here = set(facts.this.people)
    for surname, keys in by_surname.items():
        if not _names(surname, norm):
            continue
        if any(normalise(facts.people[k].name.split()[-1]) == surname for k in found):
            continue  # the one named in full
        ours = [k for k in keys if k in here]
        found.update(ours if len(keys) > 1 and ours else keys)
    return found


def _names(name: str, norm: str) -> bool:
    return name in norm and bool(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", norm))


def strip_people(facts: Facts, text: str) -> str:
    """The text without the people's names and our organisation's (their concepts are
    matched through mentions)."""
    return facts.once("claims.names", _names_pattern).sub(" ", normalise(text))


def _names_pattern(facts: Facts) -> re.Pattern[str]:
    """The people's names and variants, and our organisation's name, longest first."""
    names = {
        normalise(n)
        for p in facts.people.values()
        for n in (p.name, *p.variants, p.name.split()[-1])
    }
    if facts.election.organisation:
        names.add(normalise(facts.election.organisation))
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?:'s)?(?![\w-])" if alts else r"(?!x)x")


def _proper_nouns(facts: Facts, text: str) -> list[str]:
    """Capitalised words of a claim that are not its first word or a known name."""
    known = {
        w.lower() for p in facts.people.values() for n in (p.name, *p.variants) for w in n.split()
    }
    known |= {w.lower() for w in facts.election.organisation.split()}
    # the election's own names ("Eastvale"): its setting, said or not
    el = facts.election
    known |= {w.lower() for t in (el.name, *el.aliases) for w in t.split()}
    text = text.strip()
    words = re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}\b", text)
    # a first word that a number names is a name too ("Branch 12 paid ...")
    words += _NUMBERED_FIRST.findall(text)
    return [w for w in words if w.lower() not in known]


_NUMBERED_FIRST = re.compile(r"^([A-Z][a-z]{2,})\s+\d")


# "Boxes of postal votes", "thousands of members": how much of something, not what the
# claim is about; a repetition need not say how much.
_QUANTITY = re.compile(
    r"(?<![\w-])(?:(?:tens\s+of\s+)?thousands|hundreds|dozens|scores|(?:a\s+)?(?:box|sack|bag|"
    r"pile|batch|bundle|stack|crate|tray|number|handful)(?:e?s)?)\s+of\s+"
)


def read_variant(facts: Facts, thesaurus: Concepts, claim: Claim, text: str) -> Variant | None:
    """One wording of a claim as a variant; None when it holds no concept, or only one and
    names nobody (one word alone, "the threshold was new", would match any sentence that
    holds it: ``factsfile.review`` warns of such a wording)."""
    reading = thesaurus.read(_QUANTITY.sub(" ", strip_people(facts, text)))
    if several(normalise(text)):
        reading.concepts.add("together")  # "the losing candidates want ..."
    content = frozenset(reading.concepts - WEAK)
    if len(content) < 2:
        content = frozenset(reading.concepts)  # the weak word is what the claim is about
    if not content or len(content) < 2 and not people_in(facts, text):
        return None
    need = len(content) if len(content) <= 2 else max(2, math.ceil(0.7 * len(content)))
    # The concepts that make the claim: the thesaurus groups that are not common in
    # coverage ("neutral", "rule", "re-run"); a claim in words the thesaurus does not
    # group falls back to its own words.
    specific = {c for c in content if c in thesaurus.groups and c not in thesaurus.common}
    if not specific:
        specific = set(content - thesaurus.common)
    names = frozenset(
        thesaurus.read(normalise(n)).concepts.pop()
        for n in _proper_nouns(facts, text)
        if thesaurus.read(normalise(n)).concepts
    )
    # The candidates' parties and sides (words of their descriptors) are required, but
    # do not stand in for the claim's own words: "Pike preferenced the Nationals ahead of
    # the Progressives" is not repeated by a sentence of the parties' results in which
    # somebody led.
    sides = names & content & facts.once("claims.sides", _side_words)
    own = content - sides
    if sides and own:
        need_own = len(own) if len(own) <= 2 else math.ceil(0.7 * len(own))
        need = max(need, need_own + len(sides))
    ordered = sorted(specific, key=lambda c: reading.spans[c][0])
    return Variant(
        claim,
        frozenset(people_in(facts, text)),
        content,
        need,
        frozenset(specific),
        max(1, math.ceil(0.6 * len(specific))) if specific else 0,
        frozenset(reading.negated & content),
        names,
        ordered[-1] if ordered else "",
    )


_SIDE = re.compile(
    r"\b((?:[A-Z][\w'-]+\s+)+)(?:candidate|party|nominee|independent|slate|ticket|challenger)\b"
)


def _side_words(facts: Facts) -> frozenset[str]:
    """The concepts of the parties and sides the people's descriptors name ("the National
    Liberal candidate", "the Green slate"): words every story of the election holds."""
    thesaurus = concepts()
    words = {
        w
        for p in facts.people.values()
        for d in p.descriptors
        for m in _SIDE.finditer(d)
        for w in m.group(1).split()
    }
    return frozenset(c for w in words for c in thesaurus.read(normalise(w)).concepts)


def _fact_parts(fact: str) -> list[str]:
    """A fact, and its parts when it has several ("...; ...", "...: ..."), each of at
    least four words."""
    parts = [p for p in re.split(r"\s*[;:]\s+", fact) if len(p.split()) >= 4]
    return [fact, *parts] if len(parts) > 1 else [fact]


class ClaimIndex:
    """Every wording of every claim of a facts file, ready to test sentences against."""

    def __init__(self, facts: Facts):
        self.thesaurus = concepts()
        self.variants = [
            v
            for claim in facts.claims
            for text in (claim.claim, *claim.paraphrases)
            if (v := read_variant(facts, self.thesaurus, claim, text)) is not None
        ]
        for n, v in enumerate(self.variants):
            v.order = n
        # A sentence is read further only when it holds two of the claims' concepts other
        # than the weak ones, or one that a variant needs alone beside weak ones ("Pike
        # votes were voided": a discard and a vote): a first test, of sets.
        self.single = frozenset(
            c
            for v in self.variants
            if v.need - len(v.content & WEAK) <= 1
            for c in v.content - WEAK
        )
        self.keys = frozenset().union(*(v.content - WEAK for v in self.variants))
        # A sentence that states a claim's fact, or one part of a fact in several parts
        # ("All 214 boxes were verified once ...; the papers counted match ..."), is its
        # correction, not a repetition.
        self.fact_concepts = {
            c.id: [self._concepts_of(facts, part) for part in _fact_parts(c.fact)]
            for c in facts.claims
        }
        self.claim_people = {c.id: frozenset(people_in(facts, c.claim)) for c in facts.claims}
        self.claim_content: dict[str, frozenset[str]] = {}
        for v in self.variants:
            self.claim_content[v.claim.id] = (
                self.claim_content.get(v.claim.id, frozenset()) | v.content
            )
        self._number_concepts()
        # A variant is tried only when its key concept is in the sentence, and a sentence
        # is read only when some key concept's words are in it.
        first = {v.order: v.key or next(iter(v.content)) for v in self.variants}
        self.key_concepts = frozenset(first.values())
        self.trigger = self.thesaurus.triggers(self.keys | self.key_concepts)
        # Every variant in a slot of bitmaps, by key concept and then in the file's order,
        # so that a sentence is tested against all of them in a few whole-int operations.
        self.slots = sorted(self.variants, key=lambda v: (first[v.order], v.order))
        self._content = Counts([v.content for v in self.slots], [v.need for v in self.slots])
        self._specific = Counts(
            [v.specific for v in self.slots], [v.need_specific for v in self.slots]
        )
        required = [self._required_of(v) | {first[v.order]} for v in self.slots]
        self._required = Counts(required, [len(r) for r in required])  # all of them
        self._people = Counts([v.people for v in self.slots], [len(v.people) for v in self.slots])
        self._claim_slots: dict[str, int] = {}
        for n, v in enumerate(self.slots):
            self._claim_slots[v.claim.id] = self._claim_slots.get(v.claim.id, 0) | 1 << n
        # Variants about several candidates, or about one among several: not said of the
        # only one ("the only candidate seeking a re-run").
        self._several = sum(
            1 << n
            for n, v in enumerate(self.slots)
            if "only" not in v.content and v.content & {"together", "candidate"}
        )

    def _number_concepts(self) -> None:
        """One bit per concept of a variant or a fact; each variant's sets as masks."""
        self.bits: dict[str, int] = {}
        for v in self.variants:
            for c in sorted(v.content | v.names):
                self.bits.setdefault(c, 1 << len(self.bits))
        for parts in self.fact_concepts.values():
            for c in sorted(frozenset().union(*parts)):
                self.bits.setdefault(c, 1 << len(self.bits))
        for v in self.variants:
            v.mask = self.mask(v.content)
            v.specific_mask = self.mask(v.specific)
            v.required_mask = self.mask(self._required_of(v))
            v.negated_mask = self.mask(v.negated)
            v.named = tuple((c, self.bits[c]) for c in sorted(v.content))
        # Concepts that carry a claim (thesaurus groups other than plain nouns): a
        # negation of one of them, where the claim has none, denies it.
        self.core_mask = self.mask(self.thesaurus.groups - NOUN_CONCEPTS)
        # Per claim: the whole fact's mask with the counts it needs (most of it; half of
        # it), and each part's mask with half its size.
        self.fact_masks: dict[str, tuple[int, float, float, list[tuple[int, float]]]] = {}
        for k, parts in self.fact_concepts.items():
            whole, *pieces = [self.mask(f) for f in parts]
            size = whole.bit_count()
            self.fact_masks[k] = (
                whole,
                max(3, 0.6 * size),
                max(3, 0.5 * size),
                [(m, max(3, 0.5 * m.bit_count())) for m in pieces],
            )
        self.content_masks = {k: self.mask(c) for k, c in self.claim_content.items()}

    def _required_of(self, v: Variant) -> frozenset[str]:
        """The concepts a sentence must hold to repeat a variant: its names, its key and
        the thesaurus's required ones ("novel")."""
        return v.names | (v.content & self.thesaurus.required) | {v.key} - {""}

    def possible(self, found: set[str] | frozenset[str], people: set[str]) -> bool:
        """May a sentence holding these concepts and naming these people repeat a claim:
        does any variant find enough of its concepts, its key and its names, and no one
        the sentence does not name?  Asked first of sets: a key concept, and two concepts
        other than the weak ones, or one a variant needs alone."""
        if self.key_concepts.isdisjoint(found):
            return False
        held = found & self.keys
        if len(held) < 2 and held.isdisjoint(self.single):
            return False
        return bool(self._fits(found, people))

    def _fits(self, found: set[str] | frozenset[str], people: set[str]) -> int:
        """The variants (a bitmap) a sentence holds enough of."""
        ok = self._required.at_least(found) & self._people.at_least(people)
        if ok:
            ok &= self._content.at_least(found)
        return ok & self._specific.at_least(found) if ok else 0

    def mask(self, found: set[str] | frozenset[str]) -> int:
        """The concepts as bits (those no claim or fact holds are left out)."""
        bits = self.bits
        return sum(bits[c] for c in found if c in bits)

    def candidates(
        self, people: set[str], reading: Reading, held: int, *, alone: bool
    ) -> list[tuple[Variant, int]]:
        """The variants a sentence holds enough of, with the concepts it holds of each:
        their people, their names and key, most of their concepts and of their specific
        ones (a mask).  Tried in a fixed order, so ties between variants go the same way.
        ``held`` is ``mask(reading.concepts)``; ``alone`` says the sentence speaks of one
        only ("the only candidate seeking a re-run": not several)."""
        found = reading.concepts
        ok = self._fits(found, people)
        if alone:
            ok &= ~self._several
        ok = self._widest(ok, found, people, held)
        return [(v, v.mask & held) for v in map(self.slots.__getitem__, slots(ok))]

    def _widest(self, ok: int, found: set[str], people: set[str], held: int) -> int:
        """The variants of ``ok`` (a bitmap) less those another claim explains better:
        one whose held concepts are a proper part of another claim's variant's, naming no
        one that variant does not ("staff misused the count" against "staff broke the
        rules obliging them to be neutral", when the sentence holds all of the second).
        The variants are split by the concepts they hold and the people they name, and
        the groups are compared whole."""
        groups = [ok]
        for bitmap in [self._content.of[c] for c in found if c in self._content.of] + [
            b for p, b in self._people.of.items() if p in people
        ]:
            groups = [g for whole in groups for g in (whole & bitmap, whole & ~bitmap) if g]
        if len(groups) < 2:
            return ok
        keys = []
        for g in groups:
            v = self.slots[(g & -g).bit_length() - 1]
            keys.append((v.mask & held, v.people))
        kept = 0
        for g, (have, whom) in zip(groups, keys, strict=True):
            wider = 0
            for other, (other_have, other_whom) in zip(groups, keys, strict=True):
                if whom <= other_whom and have != other_have and not have & ~other_have:
                    wider |= other
            if not wider:
                kept |= g
                continue
            # Explained better only by variants of one claim: that claim's own are kept
            # (which of its wordings a sentence repeats is chosen later).
            one = self._claim_slots[self.slots[(wider & -wider).bit_length() - 1].claim.id]
            if not wider & ~one:
                kept |= g & one
        return kept

    def states_fact(self, claim: Claim, found: int, claimed: int, *, parts: bool = False) -> bool:
        """Does a sentence with these concepts (a mask) state the claim's refuting fact:
        most of its concepts, or half of them and more than it shares with the claim; or,
        with ``parts`` (a sentence beside the claim), half of one part of the fact and
        more than it shares with the claim?"""
        got = self.fact_masks.get(claim.id)
        if got is None or not got[0]:
            return False
        whole, most, half, pieces = got
        shared = (whole & found).bit_count()
        if shared >= most or (shared >= half and shared > claimed):
            return True
        # A part must say more than the claim does: the first part of a fact is often the
        # claim denied ("No guideline required staff to be neutral: ...").
        return parts and any(
            (n := (part & found).bit_count()) >= need and n > claimed for part, need in pieces
        )

    def _concepts_of(self, facts: Facts, text: str) -> frozenset[str]:
        return frozenset(self.thesaurus.read(strip_people(facts, text)).concepts - WEAK)
