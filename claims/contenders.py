"""People who contest another election: names in a contender's role who are not candidates.

An article about another contest names its own contenders: "Sharon Graham has been
elected", "Steve Turner took 41,833", "Johnson and Hunt go head-to-head", "Andrea
Leadsom, her only rival".  ``foreign_contenders(text, facts)`` finds such names
(any person the facts file does not list as a candidate) and returns one pattern
matching them (full name or surname), or None.  A statement naming one of them is
about their contest, not this election.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factwatch.claims.facts import Facts

_HON = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady)\.?\s+)?"
_NAME = r"(?:Mc|Mac)?[A-Z][a-z'\u2019-]+(?:\s+(?:Mc|Mac)?[A-Z][a-z'\u2019-]+)?"
_QUAL = r"(?:about\s+|around\s+|some\s+|nearly\s+|just\s+)?"
# Roles that follow the name: "Sharon Graham has been elected", "Steve Turner, an
# assistant general secretary ..., took 41,833", "Jerry Hicks with 52,500",
# "Johnson and Hunt go head-to-head", "Andrea Leadsom, her only rival".
_AFTER_NAME = (
    r"\s+(?:has\s+been|had\s+been|was|is|will\s+be)\s+(?:elected|re-elected|declared|returned)\b",
    r"(?:,[^,.;]{0,90},)?\s+(?:won|took|polled|received|secured|got|finished|came|was)\s+"
    rf"(?:with\s+|on\s+)?{_QUAL}(?:\d|second\b|third\b|fourth\b|fifth\b|last\b|runner-up\b)",
    rf"\s+with\s+{_QUAL}\d",
    rf"\s+(?:and|v|vs\.?|versus)\s+(?P<m>{_NAME})\s+(?:will\s+|would\s+)?"
    r"(?:go|goes|went|going|are|were)\s+head-to-head",
    r",\s+(?:her|his|their)\s+(?:only|sole|main|nearest)\s+(?:rival|opponent|challenger)",
)
_NAME_FIRST = re.compile(rf"(?<![\w'\u2019-]){_HON}(?P<n>{_NAME})(?:" + "|".join(_AFTER_NAME) + ")")
# Roles that come before the name: "behind Sharon Graham and Steve Turner", "the election
# that made Sharon Graham general secretary", "a head-to-head between May and Leadsom".
_NAME_AFTER = re.compile(
    r"\b(?P<t>made|behind|ahead\s+of|second\s+to|runner-up\s+to|defeated|beat|beating|"
    r"head-to-head\s+(?:between|with)|(?:her|his|their)\s+(?:only|sole)\s+"
    r"(?:rival|opponent|challenger),)\s+(?:the\s+[\w-]+\s+(?:candidate\s+)?)?"
    rf"{_HON}(?P<p>{_NAME})(?:,?\s+and\s+{_HON}(?P<q>{_NAME}))?"
)
_MADE_ROLE = re.compile(r"\s+(?:general\s+secretary|leader|president|chair|prime\s+minister)\b")
_STOP = frozenset(
    "The A An In On At But And It He She They His Her Their This That These Those Turnout "
    "Union General Secretary Labour Conservative Conservatives Tory Tories Party "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March "
    "April May June July August September October November December Both Neither "
    "Whoever Who Which What When Where Mr Mrs Ms Dr Sir Under After Before With".split()
)


def _names(text: str):  # noqa: ANN202
    for m in _NAME_FIRST.finditer(text):
        yield m.group("n")
        if m.group("m"):
            yield m.group("m")
    for m in _NAME_AFTER.finditer(text):
        if m.group("t") == "made" and not _MADE_ROLE.match(text, m.end("p")):
            continue
        yield m.group("p")
        if m.group("q"):
            yield m.group("q")


def foreign_contenders(text: str, facts: Facts) -> tuple[re.Pattern | None, int]:
    """A pattern for the people the text casts as contenders who are not candidates,
    and how many of them there are."""
    org = set(facts.election.organisation.split())
    names: set[str] = set()
    for raw in _names(text):
        words = raw.split()
        if words[0] in _STOP or words[-1] in _STOP or any(w in org for w in words):
            continue
        if any(c.pattern is not None and c.pattern.search(raw) for c in facts.candidates):
            continue
        names.add(words[-1])
    if not names:
        return None, 0
    return _names_rx(tuple(sorted(names, key=len, reverse=True))), len(names)


@lru_cache(maxsize=256)
def _names_rx(names: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
