"""The details a refuting fact names, which a rebuttal may cite instead of saying "false".

"Those who say the rule was invented to stop him might look up the 2011 Brighton
conference": the writer answers the claim with the date and the place the facts give for
it.  A fact's details are its years and counts written in digits and the proper names in
it (places, bodies, documents, people who did not stand), leaving out what any coverage
of the election says anyway (its year, its people, its organisation, months and
weekdays, the figures of its results) and whatever the claim itself says.  A sentence
that names a year or count of the fact and one more of its details states the fact.
"""

from __future__ import annotations

import re

from factwatch.claims.facts_records import Facts
from factwatch.claims.model import Claim

_YEAR_OR_COUNT = re.compile(r"(?<![\w.,])(?:(?:19|20)\d\d|\d{1,3}(?:,\d{3})+|\d{4,})(?![\w,]\d)")
# A capitalised word that does not open a sentence of the fact.
_PROPER = re.compile(r"(?<![.!?:;\"“]\s)(?<!^)\b[A-Z][a-z\u00c0-\u024f'\u2019-]{2,}")
_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


def details(facts: Facts, claim: Claim) -> tuple[frozenset[str], frozenset[str]]:
    """The years and counts, and the proper names, of ``claim``'s refuting fact that a
    rebuttal may cite."""
    said = " ".join([claim.claim, *claim.paraphrases]).lower()
    common = _common_words(facts)
    results = _result_numbers(facts)
    numbers = {
        m.group(0)
        for m in _YEAR_OR_COUNT.finditer(claim.fact)
        if m.group(0) not in said and m.group(0).replace(",", "") not in results
    }
    names: set[str] = set()
    for m in _PROPER.finditer(claim.fact):
        word = re.sub(r"(?:['\u2019]s?|-)$", "", m.group(0))
        low = word.lower()
        if low not in common and low not in said and low not in _CALENDAR:
            names.add(word)
    return frozenset(numbers), frozenset(names)


def states_fact(text: str, found: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Does the sentence ``text`` name a year or count of the fact and one more detail?"""
    numbers, names = found
    n = sum(1 for d in numbers if _named(d, text))
    return n > 0 and n + sum(1 for d in names if _named(d, text)) >= 2


def _named(detail: str, text: str) -> bool:
    return detail in text and bool(re.search(rf"(?<![\w-]){re.escape(detail)}(?![\w-])", text))


def _result_numbers(facts: Facts) -> frozenset[str]:
    """The recorded figures in digits, the election's year, its electorate."""
    out = {str(int(f.value)) for f in facts.figures if f.unit == "count"}
    out |= {str(facts.election.year), str(facts.election.electorate)}
    return frozenset(out)


def _common_words(facts: Facts) -> frozenset[str]:
    """Words any coverage of the election uses: its names, its people's, its contests'."""
    return facts.once("fact_details.common", _common_table)


def _common_table(facts: Facts) -> frozenset[str]:
    el = facts.election
    texts = [el.name, el.organisation, el.office, *el.aliases]
    for person in facts.people.values():
        texts += [person.name, *person.variants]
    for c in facts.candidates:
        texts += c.names
    for contest in facts.contests.values():
        texts += [contest.name, contest.organisation, contest.office]
    return frozenset(
        w for t in texts for w in re.findall(r"[a-z\u00c0-\u024f'\u2019-]+", t.lower())
    )
