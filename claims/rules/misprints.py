"""Misprinted figures: a precise count one slip away from a recorded one.

A number the measure reader could not place ("Lund — 9,251 (8.7%)", "the
remaining 23,979 had no usable second choice") is still a figure when it is
a recorded count with two neighbouring digits swapped (9,521 -> 9,251) or,
in four digits or more, one digit other than the last changed (10,884 ->
11,884), and nothing recorded has that value.
Such slips are how wrong figures most often reach print, and a precise
number that is one slip from a recorded count of the same contest, in a
sentence that speaks of what that count counts, is very unlikely to be
another number that happens to look like it.

    misprints = Misprints(facts)
    misprints.of(doc, sent, number, contest)   # -> the recorded Figure, or None

Only exact whole numbers of at least three significant figures written in
digits are read, never years, and only when exactly one recorded value is
one slip away.  The sentence must name the figure's candidate, or say a word of what
it counts ("spoiled", "signatures", "margin"); a three-digit number needs
both when the figure has a candidate.
"""

from __future__ import annotations

import re

from factwatch.claims.facts import Facts
from factwatch.claims.model import Figure
from factwatch.claims.numbers import NumberMention
from factwatch.claims.rules.base import MEASURE_NAMES, contest_words, figure_details, make_finding
from factwatch.claims.scope import Scope
from factwatch.claims.text import Document, Sent
from factwatch.core.records import Finding

# Words that say which measure a count is, for figures that are not of a kind of thing
# the facts name in words ("count" figures carry their own words in ``counts``).
_MEASURE_WORDS = {
    "votes": ("vote", "votes", "polled", "preferences", "backing", "supporters"),
    "margin": ("margin", "majority", "ahead", "beat", "beating", "lead", "gap", "separated"),
    "total": ("total", "returned", "cast", "papers", "ballots", "voted", "turnout"),
    "valid": ("valid", "counted"),
    "spoiled": ("spoiled", "spoilt", "rejected", "invalid", "void", "informal", "blank"),
    "electorate": ("electorate", "eligible", "roll", "members", "register"),
    "turnout": ("turnout", "returned", "voted"),
    "nominations": ("nominations", "nominated", "nominating", "signatures", "branches"),
}
_WORD = re.compile(r"[a-z]+")
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


def slips(digits: str) -> set[str]:
    """Every string one slip from ``digits``: two neighbours swapped; or, in four digits
    or more, one changed other than the last (a last digit off by a little is as often a
    number of its own: half of 1,348 is 674, beside 670 votes); never a leading zero."""
    out = set()
    for i in range(len(digits) - 1):
        if digits[i] != digits[i + 1] and not (i == 0 and digits[1] == "0"):
            out.add(digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :])
    for i, d in enumerate(digits[:-1] if len(digits) >= 4 else ""):
        for c in "0123456789":
            if c != d and not (i == 0 and c == "0"):
                out.add(digits[:i] + c + digits[i + 1 :])
    return out


class Misprints:
    """The recorded counts of a facts file, by every value one slip away from them."""

    def __init__(self, facts: Facts):
        counts = [f for f in facts.figures if f.unit == "count" and f.value >= 100]
        # every value anything records or derives, in any contest or earlier count
        self.recorded = {int(f.value) for f in facts.figures if f.unit == "count"}
        for earlier in facts.earlier:
            self.recorded |= {int(f.value) for f in earlier.figures if f.unit == "count"}
        self.near: dict[str, list[Figure]] = {}
        for f in counts:
            if f.value != int(f.value):
                continue
            for s in slips(str(int(f.value))):
                self.near.setdefault(s, []).append(f)

    def of(self, doc: Document, sent: Sent, n: NumberMention, contest: str) -> Figure | None:
        """The recorded figure ``n`` is a misprint of, judged in ``contest``; or None."""
        if n.unit != "count" or n.form != "number" or n.qualifier != "exact" or n.low:
            return None
        digits = _DIGITS.fullmatch(n.text.strip())
        if not digits or n.value < 100 or n.sig_figs < 3 or n.value in self.recorded:
            return None
        if 1900 <= n.value <= 2100 and "," not in n.text:
            return None  # a year
        figs = [
            f
            for f in self.near.get(str(int(n.value)), [])
            if f.contest == contest and (f.measure != "count" or not f.derived)
        ]
        if len({f.value for f in figs}) != 1:
            return None  # none, or two recorded values a slip away: which?
        said = set(_WORD.findall(sent.norm))
        named = {m.person for m in sent.mentions if m.person}
        for f in figs:
            words = set(f.counts.lower().split()) if f.measure == "count" else set()
            words |= set(_MEASURE_WORDS.get(f.measure, ()))
            speaks = bool(said & words) or any(w.rstrip("s") in said for w in words)
            person = f.subject is None or f.subject in named or f.other in named
            if n.value < 1000 and f.subject is not None and not (speaks and person):
                continue
            if (speaks or f.subject in named) and person:
                return f
        return None


def misprint_finding(
    doc: Document, sent: Sent, n: NumberMention, fig: Figure, scope: Scope
) -> Finding:
    """The finding for a misprinted count: what it is one slip from, and which slip."""
    facts = doc.facts
    recorded = fig.shown or f"{fig.value:,.0f}"
    given, want = str(int(n.value)), str(int(fig.value))
    slip = "two digits swapped" if sorted(given) == sorted(want) else "one digit different"
    what = fig.counts if fig.measure == "count" else MEASURE_NAMES.get(fig.measure, fig.measure)
    if fig.subject:
        what = f"{facts.people[fig.subject].name}'s {what}"
    if fig.measure == "margin" and fig.subject and fig.other:
        what = f"margin between {facts.people[fig.subject].name} and {facts.people[fig.other].name}"
    explanation = (
        f"Gives '{n.text.strip()}', {slip} from the recorded {what}, {recorded}; nothing "
        f"recorded is {n.text.strip()}. Judged against {contest_words(facts, scope)} "
        f"({scope.why or 'the article is about it'})."
    )
    return make_finding(
        doc,
        sent,
        kind="figure",
        rule_id=f"figure.{fig.measure}",
        fact_ids=[fig.id],
        explanation=explanation,
        phrase=(n.start, n.end),
        severity="medium",
        confidence=0.6,
        details=figure_details(n, fig, scope, misprint=slip),
    )
