"""The ``Reading`` record and the word patterns the measure readers share.

A ``Reading`` says what a number measures (votes, a share, a margin, the
total, valid or spoiled ballots, turnout, the electorate, nominations, a
count of something), whose it is, the other side of a margin, the basis of a
share and the round.  The patterns are the words around a number that more
than one reader looks at: a margin before it ("a majority of", "won by"),
"backed by" somebody, a score ("to 53,544"), turnout, "who voted",
abstention, spoiled ballots, "of members", and the nouns of votes and of
people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factwatch.claims.owners import QUALIFIERS as _Q


@dataclass
class Reading:
    measure: str  # votes, share, margin, total, valid, spoiled, turnout, electorate,
    #               nominations, count, gain (between rounds)
    subject: str | None = None
    other: str | None = None
    bases: tuple[str, ...] = ()
    round: int | None = None  # None: any round
    counts: str = ""  # for nominations and other counts: the noun phrase
    why: str = ""
    nominating: bool = False  # a count of things that nominate ("221 branches" in a nomination)


_MARGIN_BEFORE = re.compile(
    rf"(?:majority|margin|lead|gap|advantage|cushion|winning\s+margin|deficit)(?:\s+over\s+"
    rf"[\w'\u00c0-\u017f. -]{{1,40}}?)?"
    # "her margin in the final round was"
    rf"(?:\s+(?:in|on|at|after)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?\s+(?:of|was|is|"
    rf"stood\s+at|at|came\s+to|to|:|"
    # "his lead over Rowe fell from 2,213 to 567"
    rf"(?:fell|rose|grew|shrank|narrowed|widened|dropped|increased|slipped|climbed|was\s+cut)"
    rf"(?:\s+from\s+[\d,.]+(?:\s+votes)?)?\s+to)?\s*(?:just\s+|only\s+|a\s+mere\s+|some\s+)?{_Q}$"
    rf"|(?:won|win|wins|winning|beat|beats|beating|beaten|defeated|defeating|held\s+on|hung\s+on|"
    rf"clung\s+on|scraped\s+(?:home|in)|edged\s+(?:home|it|out\s+[\w' ]+?)|lost|losing|trailed|"
    rf"trailing|finished|came\s+(?:in\s+)?(?:second|third)|pipped\s+[\w' ]+?|saw\s+off\s+[\w' ]+?|"
    rf"ahead|behind|victory|re-elected|returned|kept\s+(?:his|her)\s+(?:job|post)|survived|"
    rf"triumphed|prevailed|outpolled\s+[\w' ]+?|[\w' ]+?),?\s+by\s+{_Q}$"
)
# Every margin frame above holds one of these words: a cheap test before the long search.
_MARGIN_HINT = re.compile(r"by|majority|margin|lead|gap|advantage|cushion|deficit")


def margin_before(pre: str) -> bool:
    """Do the words before a number frame it as a margin ("a majority of", "won by")?"""
    return bool(_MARGIN_HINT.search(pre) and _MARGIN_BEFORE.search(pre))


_BY_AGENT = re.compile(
    r"(?:backed|supported|endorsed|chosen|nominated|preferred|favoured|"
    r"signed|elected|re-elected|returned)\s+by\s+" + _Q + "$"
)

_SCORE_AFTER = re.compile(r"\s*(?:votes?\s+)?(?:to|against|versus|v|-)\s*(?:[\w'.]+\s+){0,3}?\d")
_TURNOUT_BEFORE = re.compile(
    # "turnout among the 48,620 members on the roll was": a comma inside a number is no break
    rf"turn[\s-]?out(?:\s+figure)?(?:\s+(?:in|for|at|across|among)\s+(?:[^,;:]|(?<=\d),(?=\d))"
    rf"{{1,60}}?)?"
    # "Turnout, Alvarado's office says, came in at 29.6 percent"
    rf"(?:,\s+[^,;:]{{1,50}}?\s+(?:says?|said|reports?|reported|estimates?|estimated),)?\s*"
    rf"(?:of|was|is|at|stood\s+at|reached|fell\s+to|rose\s+to|"
    rf"dropped\s+to|hit|came\s+in\s+at|amounted\s+to|of\s+just|:|-|"
    # "turnout fell from 32 per cent in my race to just 29 per cent"
    rf"(?:fell|rose|dropped|slipped|climbed|went|jumped|plunged)\s+from\s+[^;:]{{1,40}}?\s+to|"
    # "Turnout is being given as 66.4 per cent"
    rf"(?:is|was|has\s+been)\s+(?:being\s+)?(?:given|put|reported|estimated|recorded|quoted)"
    rf"\s+(?:as|at))?\s*{_Q}$"
    rf"|participation\s+(?:rate\s+)?(?:of|was|at|stood\s+at)\s*{_Q}$"
)

# one way of voting of several: early, by post, in person, online, on the day
BY_ONE_CHANNEL = re.compile(
    r"(?:voted|took\s+part|cast\s+(?:a\s+)?(?:ballots?|votes?))\s+(?:early|by\s+(?:post|mail|"
    r"proxy)|in\s+person|online|electronically|at\s+(?:the\s+|an\s+)?(?:advance|early|postal|"
    r"mobile)\s+(?:polls?|voting|stations?)|on\s+(?:election|polling|the)\s+day|"
    r"before\s+(?:election|polling)\s+day|in\s+advance)(?![\w-])"
)


_VOTED_AFTER = re.compile(
    r"\s*(?:of\s+(?:the\s+|its\s+|all\s+|[\w'-]+'s\s+)?(?:[\w-]+\s+){0,2}?)?"
    r"(?:(?:members|people|voters|electors|workers|those\s+eligible|the\s+electorate|"
    r"the\s+membership|membership|eligible\s+members|eligible\s+voters|union\s+members|them)\s+)?"
    # a reduced relative on the group: "members sent ballot papers", "those balloted"
    r"(?:(?:sent|given|issued|mailed|posted|balloted|eligible|entitled)(?:\s+[\w-]+){0,3}?\s+)?"
    r"(?:who\s+|that\s+)?(?:have\s+|had\s+)?(?:actually\s+)?(?:voted|took\s+part|"
    r"(?:voting|taking\s+part|turning\s+out)(?!\s+(?:for|against|in\s+favour|to\b))|"
    r"participated|turned\s+out|bothered(?:\s+to\s+vote)?|cast\s+(?:a\s+|their\s+)?(?:votes?|"
    r"ballots?)|returned\s+(?:their\s+|a\s+)?(?:[\w-]+\s+)?(?:ballots?|papers?|ballot\s+papers?|them)|"
    r"used\s+their\s+votes?)(?![\w-])"
)
_ABSTAIN = re.compile(
    r"(?:did\s+not|didn't|failed\s+to|chose\s+not\s+to|couldn't|could\s+not|never)\s+"
    r"(?:bother\s+to\s+)?(?:vote|take\s+part|return)|stayed\s+(?:at\s+)?home|abstained|"
    r"sat\s+(?:it\s+)?out|ignored\s+the\s+ballot|did\s+not\s+bother|didn't\s+bother"
)

_SPOILED = r"(?:spoil(?:ed|t)|invalid|informal|rejected|void|blank|disqualified)"
_SPOILED_AFTER = re.compile(
    rf"\s*(?:of\s+(?:the\s+)?(?:papers|ballots|votes)\s+(?:were\s+|was\s+)?)?(?:{_SPOILED}|"
    rf"(?:[\w-]+\s+)?(?:ballot\s+)?(?:papers?|ballots?|votes?)\s+(?:were\s+|was\s+|had\s+been\s+)?"
    rf"{_SPOILED})(?![\w-])"
)
_SPOILED_WORD = re.compile(rf"(?<![\w-])(?:{_SPOILED})(?![\w-])")

_SPOILED_BEFORE = re.compile(
    rf"(?<![\w-]){_SPOILED}\s+(?:ballot\s+)?(?:papers|ballots|votes)?\s*(?:numbered|totalled|"
    rf"totaled|came\s+to|stood\s+at|were|was|of|:)?\s*{_Q}$"
)

_OF_MEMBERS = re.compile(
    r"\s*of\s+(?:the\s+|its\s+|all\s+|[\w'-]+'s\s+|eligible\s+)*(?:[\w.]+\s+(?:million\s+)?)?"
    r"(?:members(?:hip)?|electorate|those\s+(?:eligible|entitled|balloted)|eligible\s+"
    r"(?:members|voters)|voters|workers|electors|people\s+entitled|"
    r"(?:electoral\s+|voters'?\s+|membership\s+)?(?:roll|register))(?![\w-])"
)

_VOTE_NOUNS = frozenset(
    "votes vote ballots ballot papers preferences first-preferences choices backers "
    "supporters".split()
)
_PEOPLE_NOUNS = frozenset("members people voters electors workers employees staff".split())
