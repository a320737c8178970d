"""The facts of one election as plain dataclasses (built by claims.facts.load_facts).

Patterns are compiled once, when the file is loaded; the matcher only reads
these objects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Election:
    id: str
    name: str
    office: str = ""
    organisation: str = ""
    date: str = ""
    year: int | None = None
    aliases: list[str] = field(default_factory=list)
    markers: list[re.Pattern] = field(default_factory=list)
    other_markers: list[re.Pattern] = field(default_factory=list)
    # Markers too common to move a paragraph that is about another contest back to
    # this one ("the big affiliates, including Unite, swung behind Corbyn"); they
    # are also in ``markers``.
    weak_markers: list[re.Pattern] = field(default_factory=list)
    source: str = ""
    candidates_fact: str = ""  # the fact that lists every candidate (omission quotes it)
    # The count figure of everyone entitled to vote, and the words that name that whole
    # ("of Unite's members"): a candidate's share "of" it is checked against it.
    electorate_figure: str = ""
    electorate_of: list[re.Pattern] = field(default_factory=list)
    # The lists above joined into one pattern each (one scan per text, not one per marker).
    any_marker: re.Pattern | None = None
    any_other_marker: re.Pattern | None = None
    any_strong_marker: re.Pattern | None = None  # markers that are not weak


@dataclass
class Candidate:
    id: str
    name: str
    variants: list[str] = field(default_factory=list)
    role: str = "loser"  # "winner" or "loser"
    place: int | None = None
    gender: str = ""
    descriptors: list[str] = field(default_factory=list)  # regex fragments
    summary: str = ""
    exclusive: bool = True  # the name alone places a statement in this election
    pattern: re.Pattern | None = None  # any variant (with an optional title)
    ref_pattern: re.Pattern | None = None  # a variant or a descriptor

    @property
    def names(self) -> list[str]:
        return [self.name, *self.variants]


@dataclass
class Fact:
    """A fact in words, with its source: what a correction quotes."""

    id: str
    statement: str
    source: str


@dataclass
class Measure:
    id: str
    cues: list[re.Pattern] = field(default_factory=list)
    follows: list[re.Pattern] = field(default_factory=list)
    overrides: list[str] = field(default_factory=list)
    needs_subject: bool = False
    exclude_before: list[re.Pattern] = field(default_factory=list)
    exclude_after: list[re.Pattern] = field(default_factory=list)
    # What a count of this measure can count ("votes", "ballot papers"); a count
    # followed by another noun ("1.4 million members") is not of this measure.
    nouns: list[re.Pattern] = field(default_factory=list)
    # Counts of people ("members") that are of this measure only after one of
    # ``people_cues`` ("backed by 65,000 members" is a tally).
    people: list[re.Pattern] = field(default_factory=list)
    people_cues: list[re.Pattern] = field(default_factory=list)
    _nouns_rx: re.Pattern | None = field(default=None, repr=False, compare=False)

    def counts(self, noun: str | None, before: str = "") -> bool:
        """May a count followed by ``noun``, after the words ``before``, be of this
        measure?"""
        if noun is None or not self.nouns:
            return True
        if self._nouns_rx is None:
            self._nouns_rx = re.compile("|".join(f"(?:{p.pattern})" for p in self.nouns), re.I)
        if self._nouns_rx.fullmatch(noun):
            return True
        return any(p.fullmatch(noun) for p in self.people) and any(
            p.search(before) for p in self.people_cues
        )


@dataclass
class Figure:
    id: str
    measure: str
    value: float
    unit: str  # "count" or "percent"
    statement: str
    source: str
    subject: str = ""  # candidate id, or "" for the whole election
    sig_figs: int = 2
    approx: float = 0.05
    qualifier: re.Pattern | None = None

    @property
    def fact(self) -> Fact:
        return Fact(self.id, self.statement, self.source)


@dataclass
class Framing:
    id: str
    fact: str
    explanation: str
    patterns: list[re.Pattern]
    keywords: list[str]
    severity: str = "medium"
    confidence: float = 0.8
    unless_before: list[re.Pattern] = field(default_factory=list)
    unless_after: list[re.Pattern] = field(default_factory=list)
    unless: list[re.Pattern] = field(default_factory=list)
    unless_all_named: bool = False


@dataclass
class FalseClaim:
    id: str
    fact: str
    claim: str
    explanation: str
    require: list[list[re.Pattern]]
    keywords: list[str]
    boost: list[list[re.Pattern]] = field(default_factory=list)
    rebuttals: list[re.Pattern] = field(default_factory=list)
    severity: str = "high"
    confidence: float = 0.8


@dataclass
class Facts:
    election: Election
    candidates: list[Candidate]
    figures: list[Figure]
    measures: list[Measure]
    false_claims: list[FalseClaim]
    framings: list[Framing]
    facts: dict[str, Fact]
    sources: dict[str, str]
    lexicon: dict[str, str]
    generic_rebuttals: list[re.Pattern] = field(default_factory=list)
    inline_rebuttals: list[re.Pattern] = field(default_factory=list)
    negation: re.Pattern | None = None
    any_ref: re.Pattern | None = None  # every candidate's ref_pattern, group c<index> each
    rebuttal_window: int = 2
    paths: list[str] = field(default_factory=list)
    version: str = ""

    def topic_terms(self) -> list[str]:
        """Election names and aliases, candidate names and variants, the office."""
        terms: list[str] = [self.election.name, *self.election.aliases]
        if self.election.office:
            terms.append(self.election.office)
        for c in self.candidates:
            terms.extend(c.names)
        unique: dict[str, str] = {}
        for term in terms:
            if term:
                unique.setdefault(term.lower(), term)
        return list(unique.values())

    def fact(self, fact_id: str) -> Fact:
        """The fact (or figure) with this id; KeyError when there is none."""
        if fact_id in self.facts:
            return self.facts[fact_id]
        for f in self.figures:
            if f.id == fact_id:
                return f.fact
        raise KeyError(fact_id)

    def candidate(self, candidate_id: str) -> Candidate:
        for c in self.candidates:
            if c.id == candidate_id:
                return c
        raise KeyError(candidate_id)

    def source_text(self, key: str) -> str:
        return self.sources.get(key, key)
