"""The ballot's own numbers: the electorate, the votes cast, valid and spoiled ballots.

"1.4 million ballot papers were sent out" (the electorate), "fewer than
100,000 voted" and "131,092 votes were cast" (the total), "of 120,000 valid
votes" (the valid votes), "1,204 papers were spoiled" (and "the 27 ballots
set aside - 19 blank and 8 marked twice": a part of them, not the spoiled
count).  A count in a region or a branch, or somebody's members, is none of
them.
"""

from __future__ import annotations

import re

from factwatch.claims.measure_words import (
    _ABSTAIN,
    _PEOPLE_NOUNS,
    _SPOILED_AFTER,
    _SPOILED_BEFORE,
    _SPOILED_WORD,
    _TURNOUT_BEFORE,
    _VOTED_AFTER,
    BY_ONE_CHANNEL,
    Reading,
)
from factwatch.claims.numbers import NumberMention
from factwatch.claims.owners import QUALIFIERS as _Q
from factwatch.claims.owners import subject_is_candidate
from factwatch.claims.text import Document, Sent

_ELECTORATE_AFTER = re.compile(
    r"\s*(?:eligible\s+|union\s+|registered\s+)?(?:ballot\s+papers?\s+|papers\s+|ballots\s+|members\s+|people\s+|"
    r"voters\s+)?(?:were\s+|had\s+been\s+|was\s+)?(?:despatched|dispatched|sent(?:\s+out)?|"
    r"issued|posted|mailed|eligible|entitled\s+to\s+vote|balloted|on\s+the\s+(?:roll|register))"
    r"(?![\w-])"
    # "1,412 credentialed delegates entitled to vote"
    r"|\s*(?:[\w-]+\s+){1,2}?(?:entitled\s+to\s+vote|eligible\s+to\s+vote|on\s+the\s+(?:roll|register))"
    r"(?![\w-])"
)
# What an electorate count may count ("1.4 million ballot papers were sent out").
_ELECTORATE_NOUNS = (
    None,
    "papers",
    "ballots",
    "members",
    "people",
    "voters",
    "electors",
    "delegates",
)
_ELECTORATE_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:sent|despatched|dispatched|issued|posted|mailed)\s+(?:out\s+)?" + _Q + r"$)|"
    r"(?<![\w-])(?:electorate|ballot\s+papers\s+(?:were\s+|had\s+been\s+|have\s+been\s+|are\s+)?(?:sent|"
    r"despatched|dispatched|issued|posted|mailed)\s+(?:out\s+)?(?:to\s+(?:all\s+|each\s+of\s+)?"
    r"(?:the\s+|its\s+|their\s+)?|out)|"
    r"eligible\s+(?:to\s+vote\s+)?(?:was|were|of|numbered)|entitled\s+to\s+vote\s+(?:was|were|of)|"
    r"turn[\s-]?out\s+(?:(?:among|across)\s+(?:the\s+|its\s+|all\s+)?|of\s+(?:the|its|all)\s+))"
    rf"\s*(?:of|was|were|stood\s+at|numbered|:)?\s*{_Q}$"
)
_TOTAL_AFTER = re.compile(
    r"\s*(?:valid\s+)?(?:votes?|ballots?|ballot\s+papers|papers|voting\s+papers)\s+(?:were\s+|had\s+been\s+)?"
    r"(?:cast|returned|counted|received|submitted)(?![\w-])(?!\s+(?:from|in|at|by|across|within|for|"
    r"through|via|on)\b)|\s*(?:votes?|ballots?)\s+in\s+(?:total|all)"
)
_TOTAL_BEFORE = re.compile(
    rf"(?:total\s+(?:vote|poll|votes|ballots)|votes\s+cast|ballots\s+(?:cast|returned)|"
    rf"total\s+number\s+of\s+(?:votes|ballots))\s*(?:of|was|were|stood\s+at|came\s+to|reached|:)?\s*"
    rf"{_Q}$|a\s+total\s+of\s+{_Q}$"
)

# A count broken into parts after a dash or colon: "27 ballots set aside - 19 blank and".
_BREAKDOWN = re.compile(
    r"\d[\d,]*(?:\s+[\w'-]+){0,4}\s*(?:[\u2013\u2014:]|\s-)\s*(?:\d[\d,]*\s+[\w'-]+"
    r"(?:\s+[\w'-]+){0,5}?\s*(?:,|and)\s+)*$"
)

_SUBSET = re.compile(
    r"(?<![\w-])(?:in|from|at|across)\s+(?:the\s+)?(?:[\w'-]+\s+)?(?:region|branch|ward|"
    r"district|area|county|city|country|depot|workplace|sector|state)s?\b|"
    r"(?<![\w-])(?:in|from)\s+(?:the\s+)?[a-z]+\s+(?:region|branch)\b"
)
_POSSESSED = re.compile(r"(?:'s|\bits|\btheir)\s+" + _Q + "$")


def _number_who_voted(
    doc: Document, sent: Sent, n: NumberMention, cs: int, post: str
) -> Reading | None:
    """ "fewer than 100,000 voted": a bare count that voted is the total, unless it is a
    candidate's."""
    if n.noun is None and _VOTED_AFTER.match(post) and not _ABSTAIN.search(post[:40]):
        if BY_ONE_CHANNEL.search(post[:90]):
            return None  # "9,900 people voted at the advance polls": a part of the whole
        if not subject_is_candidate(doc, sent, n, cs):
            return Reading("total", why="the number who voted")
    return None


def _whole(n: NumberMention, pre: str, post: str) -> Reading | None:
    """ "131,000 of more than a million members": the whole a share is taken from."""
    noun = n.noun
    if (noun in _PEOPLE_NOUNS and not _VOTED_AFTER.match(post)) or _ELECTORATE_AFTER.match(post):
        if not _POSSESSED.search(pre):
            return Reading("electorate", why="the whole of those entitled to vote")
    if noun in ("votes", "ballots") and re.match(
        r"\s*(?:votes?|ballots?)\s+(?:cast|counted|returned)", post
    ):
        return Reading("total", why="the votes cast in all")
    if re.match(r"\s*valid\s+(?:votes?|ballots?|papers)(?![\w-])", post):
        return Reading("valid", why="the valid votes in all")
    return None


def _ballot_count(
    doc: Document, sent: Sent, n: NumberMention, cs: int, noun: str | None, pre: str, post: str
) -> Reading | None:
    """The count's own numbers: spoiled ballots (or a part of them), the electorate, the
    votes cast in all."""
    wide = doc.norm[max(sent.start, n.start - 90) : n.start]
    spoiled = _SPOILED_AFTER.match(post) or _SPOILED_BEFORE.search(pre)
    if _BREAKDOWN.search(wide) and (spoiled or _SPOILED_WORD.search(wide)):
        # "the 27 ballots set aside - 19 blank and 8 marked twice": a part of them
        return Reading("count", counts="ballots", why="a part of the ballots set aside")
    if spoiled:
        return Reading("spoiled", why="spoiled ballots")
    sent_before = _ELECTORATE_BEFORE.search(pre) and (
        noun in _ELECTORATE_NOUNS or n.noun is None and re.search(r"electorate\s+of\s+$", pre)
    )
    if (
        (_ELECTORATE_AFTER.match(post) or sent_before)
        and not (noun == "members" and _POSSESSED.search(pre))
        and not _SUBSET.search(post[:70])
    ):
        return Reading("electorate", why="those entitled to vote")
    if re.match(r"\s*valid\s+(?:votes?|ballots?|papers)(?![\w-])", post) and not (
        subject_is_candidate(doc, sent, n, cs)
    ):
        return Reading("valid", why="the valid votes in all")  # "39,468 valid votes cast"
    if _TOTAL_AFTER.match(post) or _TOTAL_BEFORE.search(pre) or _TURNOUT_BEFORE.search(pre):
        if not subject_is_candidate(doc, sent, n, cs):
            return Reading("total", why="the votes cast in all")
    return None
