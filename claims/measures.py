"""What a number measures and whose it is, read from its own noun phrase and frame.

``read_number(doc, sent, n, cs, ce)`` returns a ``Reading`` (measure,
subject, the other side of a margin, basis, round) or None when the words do
not say clearly enough.  The order of evidence:

1. the number's own noun phrase: "59,067 votes", "97 nominations", "1,185
   branches", "12.2 per cent turnout", "41% of the vote", "12% of members";
2. the noun phrase it completes: "a turnout of 12.2%", "a majority of 5,523",
   "turnout was 12.2 per cent", "his lead, 5,523 votes";
3. its verb frame: "X won 59,067", "X took 41%", "X won by 5,523", "X beat Y
   by 5,523 votes", "beat Y by 59,067 votes to 53,544", "Y trailed by 5,523";
4. juxtaposition in a list: "Rowe 59,067, Pike 53,544", "Pike (41.2%)".

A count of something else (members, branches, staff, people who stayed at
home) is not a vote; a number tied to somebody the facts do not know
("Jane Roe topped the nominations with 410") is not pinned on a candidate;
two subjects in one sentence ("X polled N and turnout was M%") each keep
their own numbers.  Only measures the facts can judge are returned.  Whose
a number is, and a margin's two sides, are read by ``owners``; the round of
the count it belongs to by ``rounds``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factwatch.claims.concepts import stem
from factwatch.claims.facts import Facts
from factwatch.claims.lexicon import lexicon, title
from factwatch.claims.model import Figure
from factwatch.claims.numbers import NumberMention, find_numbers
from factwatch.claims.owners import QUALIFIERS as _Q
from factwatch.claims.owners import (
    after_people,
    antecedent,
    doer,
    margin_owner,
    pair,
    persons,
    subject_is_candidate,
    subject_of,
)
from factwatch.claims.rounds import round_of
from factwatch.claims.text import Document, Mention, Sent

_LEX = lexicon()

# "polled 6,905": a tally of votes, whatever was counted before it
_VOTED_BEFORE = re.compile(rf"(?<![\w-])(?:polled|polls|polling)\s+{_Q}$")
_MARGIN_BEFORE = re.compile(
    rf"(?:majority|margin|lead|gap|advantage|cushion|winning\s+margin|deficit)(?:\s+over\s+"
    rf"[\w'\u00c0-\u017f. -]{{1,40}}?)?\s+(?:of|was|is|"
    rf"stood\s+at|at|came\s+to|to|:)?\s*(?:just\s+|only\s+|a\s+mere\s+|some\s+)?{_Q}$"
    rf"|(?:won|win|wins|winning|beat|beats|beating|beaten|defeated|defeating|held\s+on|hung\s+on|"
    rf"clung\s+on|scraped\s+(?:home|in)|edged\s+(?:home|it|out\s+[\w' ]+?)|lost|losing|trailed|"
    rf"trailing|finished|came\s+(?:in\s+)?(?:second|third)|pipped\s+[\w' ]+?|saw\s+off\s+[\w' ]+?|"
    rf"ahead|behind|victory|re-elected|returned|kept\s+(?:his|her)\s+(?:job|post)|survived|"
    rf"triumphed|prevailed|outpolled\s+[\w' ]+?|[\w' ]+?)\s+by\s+{_Q}$"
)
_BY_AGENT = re.compile(
    r"(?:backed|supported|endorsed|chosen|nominated|preferred|favoured|"
    r"signed|elected|re-elected|returned)\s+by\s+" + _Q + "$"
)
_MARGIN_AFTER = re.compile(
    r"\s*(?:-|\s)?(?:votes?\s+|percentage\s+points?\s+|points?\s+|per\s?cent\s+)?"
    r"(?:ahead|behind|clear|short|adrift|separated|divided|split|more\s+than|fewer\s+than|"
    r"less\s+than|over\s+(?!the\b|a\b|\d)|better\s+than)(?![\w-])"
    r"|-votes?\s+(?:majority|margin|lead|win|victory|defeat|gap|loss|advantage)"
)
_SCORE_AFTER = re.compile(r"\s*(?:votes?\s+)?(?:to|against|versus|v|-)\s*(?:[\w'.]+\s+){0,3}?\d")
_TURNOUT_BEFORE = re.compile(
    rf"turn[\s-]?out\s+(?:figure\s+)?(?:(?:in|for|at|across|among)\s+[^,;:]{{1,60}}?\s+)?(?:of|was|is|at|stood\s+at|reached|fell\s+to|rose\s+to|"
    rf"dropped\s+to|hit|came\s+in\s+at|amounted\s+to|of\s+just|:|-)?\s*{_Q}$"
    rf"|participation\s+(?:rate\s+)?(?:of|was|at|stood\s+at)\s*{_Q}$"
)
_TURNOUT_AFTER = re.compile(r"\s*(?:%\s*)?turn[\s-]?out(?![\w-])")
_VOTED_AFTER = re.compile(
    r"\s*(?:of\s+(?:the\s+|its\s+|all\s+|[\w'-]+'s\s+)?(?:[\w-]+\s+){0,2}?)?"
    r"(?:(?:members|people|voters|electors|workers|those\s+eligible|the\s+electorate|"
    r"the\s+membership|membership|eligible\s+members|eligible\s+voters|union\s+members|them)\s+)?"
    # a reduced relative on the group: "members sent ballot papers", "those balloted"
    r"(?:(?:sent|given|issued|mailed|posted|balloted|eligible|entitled)(?:\s+[\w-]+){0,3}?\s+)?"
    r"(?:who\s+|that\s+)?(?:have\s+|had\s+)?(?:actually\s+)?(?:voted|took\s+part|"
    r"(?:voting|taking\s+part|turning\s+out)(?!\s+(?:for|against|in\s+favour|to\b))|"
    r"participated|turned\s+out|bothered(?:\s+to\s+vote)?|cast\s+(?:a\s+|their\s+)?(?:votes?|"
    r"ballots?)|returned\s+(?:their\s+|a\s+)?(?:ballots?|papers?|ballot\s+papers?|them)|"
    r"used\s+their\s+votes?)(?![\w-])"
)
_ABSTAIN = re.compile(
    r"(?:did\s+not|didn't|failed\s+to|chose\s+not\s+to|couldn't|could\s+not|never)\s+"
    r"(?:bother\s+to\s+)?(?:vote|take\s+part|return)|stayed\s+(?:at\s+)?home|abstained|"
    r"sat\s+(?:it\s+)?out|ignored\s+the\s+ballot|did\s+not\s+bother|didn't\s+bother"
)
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
_SPOILED = r"(?:spoil(?:ed|t)|invalid|informal|rejected|void|blank|disqualified)"
_SPOILED_AFTER = re.compile(
    rf"\s*(?:of\s+(?:the\s+)?(?:papers|ballots|votes)\s+(?:were\s+|was\s+)?)?(?:{_SPOILED}|"
    rf"(?:[\w-]+\s+)?(?:ballot\s+)?(?:papers?|ballots?|votes?)\s+(?:were\s+|was\s+|had\s+been\s+)?"
    rf"{_SPOILED})(?![\w-])"
)
_SPOILED_WORD = re.compile(rf"(?<![\w-])(?:{_SPOILED})(?![\w-])")
# A count broken into parts after a dash or colon: "27 ballots set aside - 19 blank and".
_BREAKDOWN = re.compile(
    r"\d[\d,]*(?:\s+[\w'-]+){0,4}\s*(?:[\u2013\u2014:]|\s-)\s*(?:\d[\d,]*\s+[\w'-]+"
    r"(?:\s+[\w'-]+){0,5}?\s*(?:,|and)\s+)*$"
)
_SPOILED_BEFORE = re.compile(
    rf"(?<![\w-]){_SPOILED}\s+(?:ballot\s+)?(?:papers|ballots|votes)?\s*(?:numbered|totalled|"
    rf"totaled|came\s+to|stood\s+at|were|was|of|:)?\s*{_Q}$"
)
_SHARE_OF = re.compile(
    r"\s*(?:of\s+(?:the\s+)?(?P<what>(?:all\s+(?:the\s+)?)?(?:valid\s+|first[\s-]preference\s+|"
    r"final[\s-]round\s+)?"
    r"(?:votes?(?:\s+cast)?|ballots?(?:\s+cast)?|poll|total|vote\s+share|first\s+preferences|"
    r"preferences|support|backing|valid\s+votes)|all\s+votes(?:\s+cast)?)"
    r"|(?:share|support|backing)(?![\w-]))"
)
_OF_MEMBERS = re.compile(
    r"\s*of\s+(?:the\s+|its\s+|all\s+|[\w'-]+'s\s+|eligible\s+)*(?:[\w.]+\s+(?:million\s+)?)?"
    r"(?:members(?:hip)?|electorate|those\s+(?:eligible|entitled|balloted)|eligible\s+"
    r"(?:members|voters)|voters|workers|electors|people\s+entitled)(?![\w-])"
)
_GROUP = re.compile(
    r"(?:combined|together|between\s+them|jointly|collectively|between\s+the\s+(?:two|three)|"
    r"(?:two|both|three|all)\s+(?:of\s+)?(?:(?:his|her|their|the)\s+)?(?:[\w-]+\s+)?"
    r"(?:challengers|rivals|opponents|candidates|contenders|losers|men|women))(?![\w-])"
)
_GROUP_AFTER = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:between\s+(?:them|the\s+(?:two|three|four|five))|combined|"
    r"together|in\s+all|collectively|jointly)(?![\w-])"
)
_VOTE_NOUNS = frozenset(
    "votes vote ballots ballot papers preferences first-preferences choices backers "
    "supporters".split()
)
_PEOPLE_NOUNS = frozenset("members people voters electors workers employees staff".split())


@dataclass
class Reading:
    measure: str  # votes, share, margin, total, valid, spoiled, turnout, electorate,
    #               nominations, count
    subject: str | None = None
    other: str | None = None
    bases: tuple[str, ...] = ()
    round: int | None = None  # None: any round
    counts: str = ""  # for nominations and other counts: the noun phrase
    why: str = ""
    nominating: bool = False  # a count of things that nominate ("221 branches" in a nomination)


_TRANSFER = re.compile(
    r"\s*(?:(?:votes?|papers?|preferences?|transfers?|ballots?)\s+)?(?:went\s+|passed\s+|"
    r"transferred\s+|flowed\s+)?to\s+(?:mayor\s+|ms\s+|mr\s+|cr\s+|dr\s+)?[a-z]"
)
_OF_SOMEONES = re.compile(
    r"\s*(?:of|from)\s+(?:(?:his|her|their)\s+|(?:[\w\u00c0-\u017f-]+\s+)?"
    r"[\w\u00c0-\u017f-]+'s\s+)(?:(?:first|second|final)[\s-]+)?(?:papers|votes|"
    r"ballots|preferences|transfers|supporters)"
)
_EXHAUSTED = re.compile(
    r"\s*(?:papers?\s+|votes?\s+|ballots?\s+)?(?:were\s+|had\s+)?(?:exhausted|"
    r"non-transferable|went\s+nowhere)(?![\w-])"
)
_THOSE_WHO_BACKED = re.compile(
    r"\s*of\s+(?:those|the\s+(?:members|people|voters|electors))\s+who\s+(?:voted|took\s+part)\s+"
    r"(?:backed|supported|chose|preferred|voted\s+for)\s+"
)
_WITHIN = re.compile(r"\s*(?:votes?\s+|percentage\s+points?\s+|points?\s+)?of\s+")
_DIFFERENCE = re.compile(r"\s*(?:votes?\s+)?(?:more|fewer|less)\s+(?:votes?\s+)?than(?![\w-])")
_BACKING_OF = re.compile(
    r"(?:with|on|thanks\s+to|by)\s+the\s+(?:votes?|backing|support|ballots)\s+of\s+" + _Q + "$"
)
# "59,067 votes (47 per cent)", "25,477 first choices, or 21.2 per cent", "47,318 - 37.5".
_SCORE_PAIR = re.compile(r"\s*(?:%|per\s?cent)?\s*to\s+\d")  # "57.1% to 42.9%": a pair
_BRACKET_AFTER_COUNT = re.compile(
    r"\d[\d,.]*\s*(?:[\w-]+\s+){0,2}?(?:votes?|choices|preferences)?\s*(?:[(,:]|\s[-\u2013\u2014])\s*"
    r"(?:or\s+|that\s+is\s+|representing\s+|equal\s+to\s+)?" + _Q + r"$"
)
_VOTED_FOR = re.compile(
    r"\s*(?:[\w-]+\s+)?(?:members|people|voters|electors|workers|supporters)?\s*"
    r"(?:who\s+|that\s+)?(?:had\s+|have\s+)?(?:(?:voted|vote|plumped|opted)\s+for|"
    r"(?:stood|stand|sided|side|went|stuck)\s+with)\s+"
)


def _previous_number(doc: Document, sent: Sent, n: NumberMention) -> NumberMention | None:
    earlier = [x for x in find_numbers(doc.norm, sent.start, n.start) if x.end <= n.start]
    return earlier[-1] if earlier else None


_COUNT_IS_SHARE = re.compile(
    rf"\d[\d,]*\s+(?:votes?\s+|ballots?\s+)?(?:amounted\s+to|represented|represents|made\s+up|"
    rf"equalled|equaled|came\s+to|accounted\s+for|was|were|is|are)\s+{_Q}$"
)
# "97 nominations, 21 of them from workplaces": a part of the count just before.
_PARTITIVE_OF = re.compile(
    r"\s+of\s+(?:them|those|these|which|whom)\s+(?:were\s+|came\s+|being\s+)?"
    r"(?:from|in|at|by|among)\s+(?:the\s+|its\s+|his\s+|her\s+)?(?P<what>[\w-]+)"
)


def _partitive(doc: Document, sent: Sent, n: NumberMention, post: str) -> Reading | None:
    prev = _previous_number(doc, sent, n)
    if prev is None or prev.unit != "count" or n.unit != "count":
        return None
    pcs, pce = doc.clause_of(sent, prev.start)
    whole = read_number(doc, sent, prev, pcs, pce)
    if whole is None or whole.measure not in ("nominations", "count"):
        return None
    m = _PARTITIVE_OF.match(post)
    assert m is not None
    return Reading(
        whole.measure,
        whole.subject,
        counts=f"{whole.counts} {m.group('what')}".strip(),
        round=whole.round,
        why=f"a part of {prev.text}",
    )


def read_number(doc: Document, sent: Sent, n: NumberMention, cs: int, ce: int) -> Reading | None:
    """What ``n`` measures and whose it is, or None when the words do not say.

    Frames that say outright come first (a change, a part of a count, how close
    somebody came, a share given with a tally or with somebody's backing, votes cast
    for somebody); then a percentage or a count is read by its own words."""
    norm = doc.norm
    qs = n.qual_start if n.qual_start is not None else n.start
    pre = norm[max(cs, qs - 70) : qs]
    post = norm[n.end : min(ce, n.end + 80)]
    if _nobodys_own(doc, sent, n, cs, qs, post):
        return None
    rnd = round_of(doc, sent, cs, ce, n.start)
    framed, reading = _framed(doc, sent, n, cs, qs, pre, post, rnd)
    if framed:
        return reading
    recorded = _recorded_count(doc, sent, n, cs, post)
    if recorded is not None:
        return recorded
    given = _share_of_tally(doc, sent, n, cs, ce, qs, post) or _backing(doc, sent, n, qs, post, rnd)
    if given is not None:
        return given
    if _VOTED_FOR.match(post):
        return _voted_for(sent, n, rnd)
    if _EXHAUSTED.match(post):
        return None  # papers that went to nobody
    if n.unit == "percent":
        return _percent(doc, sent, n, cs, ce, pre, post, rnd)
    return _count(doc, sent, n, cs, ce, pre, post, rnd)


def _framed(
    doc: Document,
    sent: Sent,
    n: NumberMention,
    cs: int,
    qs: int,
    pre: str,
    post: str,
    rnd: int | None,
) -> tuple[bool, Reading | None]:
    """Frames that say outright what a number is: a change ("down 3,000 on"), a part of
    a count, how close somebody came, who nominated somebody, a number parallel to an
    earlier one.  (True, reading) when one applies."""
    norm = doc.norm
    if _DIFFERENCE.match(norm, n.end, sent.end):
        return True, _difference(doc, sent, n, cs, rnd)
    if _PARTITIVE_OF.match(post):
        return True, _partitive(doc, sent, n, post)
    if re.search(r"within\s+$", norm[max(cs, qs - 8) : n.start]) and _WITHIN.match(post):
        return True, _came_within(doc, sent, n, cs, rnd)
    if _NOMINATED_BY.search(pre) and n.unit == "count":
        return True, _nominated_by(doc, sent, n, cs)
    if _PARALLEL_FOR.search(norm, max(sent.start, n.start - 8), n.start) and re.match(
        r"\s+for\s", post
    ):
        return True, _parallel(doc, sent, n)
    return False, None


def _counted_things(facts: Facts) -> list[tuple[frozenset[str], Figure]]:
    """The things this contest's facts count, as the stems of their words."""
    return [
        (frozenset(stem(w) for w in f.counts.split()), f)
        for f in facts.figures
        if f.contest == "this" and f.measure == "count" and f.counts
    ]


def _recorded_count(
    doc: Document, sent: Sent, n: NumberMention, cs: int, post: str
) -> Reading | None:
    """A count of a thing the facts record, named by its words just after the number
    ("41,260 postal votes were returned", "her 11,094 second preferences")."""
    if n.unit != "count":
        return None
    after = [stem(w) for w in re.findall(r"[a-z][\w'-]*", post)[:6]]
    near = frozenset(after)
    pairs = set(zip(after, after[1:], strict=False))
    for words, fig in doc.facts.once("measures.counted", _counted_things):
        first = [stem(w) for w in fig.counts.split()[:2]]
        if len(words) < 2 or not words <= near or (first[0], first[1]) not in pairs:
            continue  # its words, its first two side by side ("28 blank or void" is no match)
        subject = None
        if fig.subject:
            who = subject_of(doc, sent, n, cs)
            subject = who.person if isinstance(who, Mention) else None
        return Reading("count", subject, counts=fig.counts, why=f"a count of {fig.counts}")
    return None


_NOMINATED_BY = re.compile(r"(?<![\w-])(?:nominated|endorsed|put\s+forward)\s+by\s+" + _Q + r"$")


def _nominated_by(doc: Document, sent: Sent, n: NumberMention, cs: int) -> Reading | None:
    """ "Quintanar was nominated by 19 affiliated unions": her nominations."""
    people = [m for m in persons(sent) if m.end <= n.start and m.person and m.kind == "person"]
    if not people or _unknown_between(doc, sent, people[-1], n):
        return None
    return Reading("nominations", people[-1].person, counts="nominations", why="nominations")


def _unknown_between(doc: Document, sent: Sent, m: Mention, n: NumberMention) -> bool:
    return any(x.kind == "other" and m.end <= x.start < n.start for x in sent.mentions)


_PARALLEL_FOR = re.compile(r"(?:,|(?<![\w-])and)\s+$")


def _parallel(doc: Document, sent: Sent, n: NumberMention) -> Reading | None:
    """ "11,904 had a second choice for Rowe and 8,233 for Pike": the second number is
    what the first is, for the person after it (nobody's when the first is nobody's)."""
    prev = _previous_number(doc, sent, n)
    if prev is None or " for " not in doc.norm[prev.end : n.start]:
        return None
    pcs, pce = doc.clause_of(sent, prev.start)
    first = read_number(doc, sent, prev, pcs, pce)
    who = after_people(sent, n)
    if first is None or not who:
        return None
    return Reading(
        first.measure,
        who,
        bases=first.bases,
        round=first.round,
        counts=first.counts,
        why=first.why,
    )


def _nobodys_own(doc: Document, sent: Sent, n: NumberMention, cs: int, qs: int, post: str) -> bool:
    """A figure that is nobody's own tally: a group's, a transfer, a part of somebody
    else's votes."""
    if _GROUP.search(doc.norm, max(sent.start, cs - 60), qs) or _GROUP_AFTER.match(post):
        return True  # "the two challengers took more than half", "43,934 between them"
    sent_to = _SENT_TO.search(doc.norm, max(sent.start, qs - 60), qs)
    if sent_to and (
        sent_to.group("to") in ("him", "her", "them")
        or any(m.start == sent_to.start("to") and m.person for m in sent.mentions)
    ):
        return True  # "Ferreira's ballots sent him 1,700", "... and Gallant's 740": transfers
    if (
        _TRANSFER.match(post)
        and not _SCORE_AFTER.match(post)
        and any(m.start >= n.end and m.start - n.end < 30 and m.person for m in persons(sent))
    ):
        return True  # "720 to Lind": a transfer between rounds, not a tally
    return bool(_OF_SOMEONES.match(post))  # "half of Lind's papers": a share of somebody else's


def _difference(
    doc: Document, sent: Sent, n: NumberMention, cs: int, rnd: int | None
) -> Reading | None:
    """ "18,000 fewer votes than he had then": a change, unless it is over a rival."""
    norm = doc.norm
    after = [m for m in persons(sent) if m.start >= n.end and m.person and m.by_name]
    subject = subject_of(doc, sent, n, cs)
    a = subject.person if isinstance(subject, Mention) else None
    than = _DIFFERENCE.match(norm, n.end, sent.end)
    if (
        after
        and than is not None
        and re.fullmatch(rf"\s*{title()}?", norm[than.end() : after[0].start])
        and after[0].person != a
    ):  # "5,523 fewer than Rowe": the rival straight after "than"
        return Reading("margin", a, after[0].person, round=rnd, why="a margin over a rival")
    return None


def _came_within(
    doc: Document, sent: Sent, n: NumberMention, cs: int, rnd: int | None
) -> Reading | None:
    """ "came within 300 votes of Rowe": the margin between the two."""
    later = [m for m in persons(sent) if m.start >= n.end and m.person]
    subject = subject_of(doc, sent, n, cs)
    if subject is None:
        subject = antecedent(doc, sent, cs)  # "Pike, the official who came within ..."
    if later and isinstance(subject, Mention):
        return Reading(
            "margin",
            later[0].person,
            subject.person,
            round=rnd,
            why="how close a candidate came",
        )
    return None


def _share_of_tally(
    doc: Document, sent: Sent, n: NumberMention, cs: int, ce: int, qs: int, post: str
) -> Reading | None:
    """A percentage given with a candidate's tally: what the tally amounted to, or a
    share set beside it."""
    if n.unit != "percent":
        return None
    norm = doc.norm
    if _COUNT_IS_SHARE.search(norm, max(cs, qs - 60), qs):
        # "Hale's 17,283 votes amounted to barely 6 per cent of the electorate"
        prev = _previous_number(doc, sent, n)
        if prev is not None and prev.unit == "count" and prev.start >= cs:
            r = read_number(doc, sent, prev, cs, ce)
            if r is not None and r.measure == "votes" and r.subject:
                bases = ("electorate",) if _OF_MEMBERS.match(post) else ("valid", "cast")
                return Reading(
                    "share", r.subject, bases=bases, round=r.round, why="what a tally amounted to"
                )
    if _BRACKET_AFTER_COUNT.search(norm, max(sent.start, qs - 30), qs) and not _SCORE_PAIR.match(
        norm, n.end
    ):
        # "59,067 votes (47 per cent)", "Pike 53,544 (41.2%)": the share of the count's owner.
        prev = _previous_number(doc, sent, n)
        if prev is not None and prev.unit == "count":
            pcs, pce = doc.clause_of(sent, prev.start)
            r = read_number(doc, sent, prev, pcs, pce)
            if r is not None and r.measure == "votes" and r.subject:
                return Reading(
                    "share",
                    r.subject,
                    bases=_bases_after(post, ("valid", "cast", "continuing")),
                    round=r.round,
                    why="a share given beside a tally",
                )
    return None


def _backing(
    doc: Document, sent: Sent, n: NumberMention, qs: int, post: str, rnd: int | None
) -> Reading | None:
    """ "with the backing of 59,067 members": the votes or share of the first person named."""
    if not _BACKING_OF.search(doc.norm, max(sent.start, qs - 40), qs) or (
        n.noun and n.noun not in _VOTE_NOUNS and n.noun not in _PEOPLE_NOUNS
    ):
        return None
    first = next((m for m in persons(sent) if m.start < qs), None)
    if first is None or not first.person or first.kind == "other":
        return None
    if n.unit == "percent":
        of_members = _OF_MEMBERS.match(post)
        bases = ("electorate",) if of_members or "member" in n.text else ("valid", "cast")
        return Reading(
            "share", first.person, bases=bases, round=rnd, why="the backing a candidate won"
        )
    return Reading("votes", first.person, round=rnd, why="the backing a candidate won")


def _voted_for(sent: Sent, n: NumberMention, rnd: int | None) -> Reading | None:
    """ "59,067 members voted for Rowe": the person named just after."""
    later = [m for m in persons(sent) if m.start >= n.end]
    if not (later and later[0].person and later[0].start - n.end < 60):
        return None
    if n.unit == "percent":
        return Reading(
            "share",
            later[0].person,
            bases=("electorate", "valid", "cast"),
            round=rnd,
            why="the share who voted for a candidate",
        )
    return Reading("votes", later[0].person, round=rnd, why="votes cast for a candidate")


def _margin(
    doc: Document, sent: Sent, n: NumberMention, cs: int, ce: int, rnd: int | None, why: str
) -> Reading:
    """A margin: its owner by possession ("Rowe's margin of") or as for any number, and
    the two sides."""
    subject = margin_owner(doc, sent, n) or subject_of(doc, sent, n, cs)
    a, b = pair(doc, sent, n, cs, ce, subject if isinstance(subject, Mention) else None, rnd)
    bases = _bases_after(doc.norm[n.end : ce], ()) if n.unit == "percent" else ()
    return Reading("margin", a, b, bases=bases, round=rnd, why=why)


def _percent(
    doc: Document,
    sent: Sent,
    n: NumberMention,
    cs: int,
    ce: int,
    pre: str,
    post: str,
    rnd: int | None,
) -> Reading | None:
    """A percentage: a margin in points, turnout, spoiled ballots, a share of those who
    backed or voted, else the share of the person it belongs to."""
    if n.form == "points" or (
        _MARGIN_BEFORE.search(pre) and not _BY_AGENT.search(pre) and not _SCORE_AFTER.match(post)
    ):
        return _margin(doc, sent, n, cs, ce, rnd, "a margin in points")
    if _TURNOUT_BEFORE.search(pre) or _TURNOUT_AFTER.match(post):
        return Reading("turnout", why="turnout")
    if _SPOILED_AFTER.match(post) or _SPOILED_BEFORE.search(pre):
        return Reading("spoiled", why="spoiled ballots")
    backed = _share_who_backed(sent, n, post, rnd)
    if backed is not None:
        return backed
    of_members = _OF_MEMBERS.match(post)
    turnout = _share_who_voted(n, post, of_members)
    if turnout is not None:
        return turnout
    if _VOTED_AFTER.match(post) and not of_members:
        return None  # "40% did not vote"
    return _vote_share(doc, sent, n, cs, post, of_members, rnd)


def _share_who_backed(sent: Sent, n: NumberMention, post: str, rnd: int | None) -> Reading | None:
    """ "52% of those who voted backed Rowe"."""
    backed = _THOSE_WHO_BACKED.match(post)
    if backed:
        later = [m for m in persons(sent) if m.start >= n.end + backed.end() - 1 and m.person]
        if later:
            return Reading(
                "share",
                later[0].person,
                bases=("valid", "cast"),
                round=rnd,
                why="the share of voters who backed a candidate",
            )
    return None


def _share_who_voted(
    n: NumberMention, post: str, of_members: re.Match[str] | None
) -> Reading | None:
    """Turnout as a share: "one in eight members voted", "12% of members voted",
    "12.2% voted" (not "... did not vote")."""
    if (
        n.form == "ratio"
        and re.search(r"\b(?:members?|voters?|people|workers?|electors?)\b", n.text)
        and _VOTED_AFTER.match(post)
    ):
        return Reading("turnout", why="a share of members who voted")
    if of_members and _VOTED_AFTER.match(post[of_members.end() - of_members.start() :]):
        return Reading("turnout", why="a share of members who voted")
    if _VOTED_AFTER.match(post) and not of_members and not _ABSTAIN.search(post[:50]):
        return Reading("turnout", why="a share who voted")
    return None


def _vote_share(
    doc: Document,
    sent: Sent,
    n: NumberMention,
    cs: int,
    post: str,
    of_members: re.Match[str] | None,
    rnd: int | None,
) -> Reading | None:
    """A candidate's share: of the electorate, or of the vote on the basis the words give."""
    subject = subject_of(doc, sent, n, cs)
    if not isinstance(subject, Mention) or not subject.person:
        return None
    if of_members or (n.form == "ratio" and re.search(r"members?|workers?|electors?", n.text)):
        return Reading(
            "share",
            subject.person,
            bases=("electorate",),
            round=rnd,
            why="a share of the electorate",
        )
    default: tuple[str, ...] = ("valid", "cast", "continuing")
    if n.form in ("ratio", "fraction") and not _SHARE_OF.match(post):
        default = ("valid", "cast", "continuing", "electorate")
    bases = _bases_after(post, default)
    return Reading("share", subject.person, bases=bases, round=rnd, why="a share of the vote")


def _bases_after(post: str, default: tuple[str, ...]) -> tuple[str, ...]:
    """The basis a share's own words give ("of the valid vote", "of all votes cast", "of
    the papers still in the count"), else ``default``."""
    if _CONTINUING.match(post):
        return ("continuing",)
    share = _SHARE_OF.match(post)
    what = share.group("what") if share else None
    if what and "valid" in what:
        return ("valid",)
    if what and re.search(r"cast|all\s+votes", what):
        return ("cast",)
    return default


_CONTINUING = re.compile(
    r"\s*of\s+(?:the\s+|all\s+)?(?:papers|votes|ballots)\s+(?:still\s+)?(?:in\s+the\s+count|"
    r"remaining|left|continuing|in\s+play)"
)


_BASE_BEFORE = re.compile(
    r"(?:\d|hundred|thousand|million|dozen|handful)(?:\s*(?:%|per\s?cent))?\s+"
    r"(?:[\w-]+\s+)?(?:out\s+)?of\s+(?:the\s+|some\s+|a\s+|its\s+)?" + _Q + "$"
)
_SUBSET = re.compile(
    r"(?<![\w-])(?:in|from|at|across)\s+(?:the\s+)?(?:[\w'-]+\s+)?(?:region|branch|ward|"
    r"district|area|county|city|country|depot|workplace|sector|state)s?\b|"
    r"(?<![\w-])(?:in|from)\s+(?:the\s+)?[a-z]+\s+(?:region|branch)\b"
)
_POSSESSED = re.compile(r"(?:'s|\bits|\btheir)\s+" + _Q + "$")


def _inherited_noun(doc: Document, sent: Sent, n: NumberMention) -> str | None:
    """What a bare count counts: the noun of the count before it in the paragraph
    ("1,185 branches backed Rowe; Pike received 187"), else nominations when the sentence
    before speaks of them and this one of no vote ("Each needed nominations from five
    unions. Rowe collected 31, Pike 22")."""
    first = sent.index
    voted = bool(_VOTE_WORDS.search(sent.norm))
    while first > max(0, sent.index - 2) and (
        doc.sentences[first - 1].paragraph == sent.paragraph or not voted
    ):
        first -= 1  # across a paragraph break only into a sentence of no vote or result
    lo = doc.sentences[first].start
    earlier = [x for x in find_numbers(doc.norm, lo, n.start) if x.unit == "count" and x.noun]
    if earlier:
        return earlier[-1].noun
    if first < sent.index and not voted:
        before = doc.sentences[sent.index - 1]
        if _NOMINATION_WORD.search(before.norm):
            return "nominations"
    return None


_NOMINATION_WORD = re.compile(r"(?<![\w-])nominations?(?![\w-])")
_VOTE_WORDS = re.compile(
    r"(?<![\w-])(?:votes?|voted|ballots?|elected|won|wins|polled|per\s?cent|percent|%|"
    r"share|turnout|count|results?)(?![\w-])"
)


def _count(
    doc: Document,
    sent: Sent,
    n: NumberMention,
    cs: int,
    ce: int,
    pre: str,
    post: str,
    rnd: int | None,
) -> Reading | None:
    """A count, by family: a part of a whole ("131,000 of a million members"), the
    number who voted, things counted (branches, nominations), a margin, the ballot's own
    counts (spoiled, electorate, total), people, else the votes of the person it
    belongs to."""
    if _nobodys_count(pre, post):
        return None
    if _BASE_BEFORE.search(pre):
        return _whole(n, pre, post)
    voted = _number_who_voted(doc, sent, n, cs, post)
    if voted is not None:
        return voted
    inherited = n.noun is None and not _VOTED_BEFORE.search(pre)
    noun = _inherited_noun(doc, sent, n) if inherited else n.noun
    if inherited and noun and noun not in _VOTE_NOUNS and not noun.startswith("nominat"):
        return _thing_count(doc, sent, n, cs, noun)
    if noun and noun.startswith("nominat"):
        return _nominations(doc, sent, n, cs)
    if _margin_words(doc, sent, n, pre, post):
        return _vote_margin(doc, sent, n, cs, ce, noun, rnd)
    ballot = _ballot_count(doc, sent, n, cs, noun, pre, post)
    if ballot is not None:
        return ballot
    if noun in _PEOPLE_NOUNS or (noun and noun not in _VOTE_NOUNS):
        return _people_or_things(doc, sent, n, cs, noun, pre, post, rnd)
    subject = subject_of(doc, sent, n, cs)
    if isinstance(subject, Mention) and subject.person:
        return Reading("votes", subject.person, round=rnd, why="a candidate's votes")
    return None


# A group's size ("our delegation of 96 voted as a bloc") and the mark a majority needs
# ("so a majority was 661", "cleared the 661 mark" is read by its noun).
_GROUP_OF = re.compile(
    r"(?<![\w-])(?:delegation|group|bloc|caucus|contingent|slate|team|chapter|panel|"
    r"committee|board)\s+of\s+" + _Q + r"$"
)
_THRESHOLD_BEFORE = re.compile(
    r"(?<![\w-])an?\s+(?:simple\s+|clear\s+|bare\s+)?majority\s+(?:was|is|would\s+be|"
    r"will\s+be|means|meant|required|requires|needed|needs|took|takes|of\s+(?:the\s+)?"
    r"(?:valid\s+)?votes\s+(?:was|is|would\s+be))\s+" + _Q + r"$"
)


def _nobodys_count(pre: str, post: str) -> bool:
    """ "some 40,000 who stayed at home", "our delegation of 96", "so a majority was 661":
    counts of nobody's votes."""
    return bool(
        _ABSTAIN.search(post[:60])
        or _GROUP_OF.search(pre)
        or _THRESHOLD_BEFORE.search(pre)
        or _TO_SPARE.match(post)
    )


# "200 votes to spare": over a mark, nobody's tally
_SENT_TO = re.compile(
    r"(?<![\w-])(?:sent|gave|handed|passed|delivered|brought|lent|transferred)\s+"
    r"(?P<to>him|her|them|[a-z][\w'-]+)\s+(?:(?:another|a\s+further)\s+" + _Q + r"$|" + _Q + r"$|"
    r"[^.;]{0,40}?,?\s+and\s+[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?'s\s+" + _Q + r"$)"
)
_TO_SPARE = re.compile(r"\s*(?:[\w-]+\s+)?(?:votes?\s+|ballots?\s+)?to\s+spare(?![\w-])")


def _number_who_voted(
    doc: Document, sent: Sent, n: NumberMention, cs: int, post: str
) -> Reading | None:
    """ "fewer than 100,000 voted": a bare count that voted is the total, unless it is a
    candidate's."""
    if n.noun is None and _VOTED_AFTER.match(post) and not _ABSTAIN.search(post[:40]):
        if not subject_is_candidate(doc, sent, n, cs):
            return Reading("total", why="the number who voted")
    return None


def _vote_margin(
    doc: Document,
    sent: Sent,
    n: NumberMention,
    cs: int,
    ce: int,
    noun: str | None,
    rnd: int | None,
) -> Reading | None:
    """A margin in votes (none when the count counts something else)."""
    if noun and noun not in _VOTE_NOUNS:
        return None
    return _margin(doc, sent, n, cs, ce, rnd, "a margin in votes")


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


def _margin_words(doc: Document, sent: Sent, n: NumberMention, pre: str, post: str) -> bool:
    """ "a majority of 5,523", "won by 5,523", "5,523 votes ahead" (not "backed by 5,523",
    not a score "by 59,067 to 53,544")."""
    return bool(
        _MARGIN_AFTER.match(post)
        or (
            (_MARGIN_BEFORE.search(pre) or _by_margin(doc, sent, n))
            and not _BY_AGENT.search(pre)
            and not _SCORE_AFTER.match(post)
        )
    )


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
    if _TOTAL_AFTER.match(post) or _TOTAL_BEFORE.search(pre) or _TURNOUT_BEFORE.search(pre):
        if not subject_is_candidate(doc, sent, n, cs):
            return Reading("total", why="the votes cast in all")
    return None


def _people_or_things(
    doc: Document,
    sent: Sent,
    n: NumberMention,
    cs: int,
    noun: str | None,
    pre: str,
    post: str,
    rnd: int | None,
) -> Reading | None:
    """A count of people (the number who voted, members who backed a candidate) or of
    things (branches, signatures); members, staff and people are nobody's tally."""
    if noun in _PEOPLE_NOUNS and _VOTED_AFTER.match(post) and not _ABSTAIN.search(post[:40]):
        return Reading("total", why="the number who voted")
    if noun in _PEOPLE_NOUNS and _BY_AGENT.search(pre):
        owner = [m for m in persons(sent) if m.end <= n.start and m.person]
        if owner and owner[-1].kind != "other":
            return Reading(
                "votes", owner[-1].person, round=rnd, why="the members who backed a candidate"
            )
    if noun in _PEOPLE_NOUNS and re.match(
        r"\s*(?:[\w-]+\s+)?(?:backed|supported|voted\s+for|"
        r"chose|preferred)\s",
        post,
    ):
        who = after_people(sent, n)
        if who:
            return Reading("votes", who, round=rnd, why="members who backed a candidate")
    if noun and noun not in _PEOPLE_NOUNS:
        return _thing_count(doc, sent, n, cs, noun)
    return None  # members, staff, people: no tally of anyone


_NOMINATING = re.compile(r"(?<![\w-])nominat|(?<![\w-])petitions?(?![\w-])")


def _thing_count(doc: Document, sent: Sent, n: NumberMention, cs: int, noun: str) -> Reading | None:
    """A count of things (branches, signatures): whose, and whether they nominate."""
    subject = subject_of(doc, sent, n, cs)
    if subject is None:
        subject = doer(doc, sent, n, cs)  # "Whitaker filed 1,874 valid signatures"
    if subject is False:
        return None  # somebody the facts do not know
    who = subject.person if isinstance(subject, Mention) else None
    lo = doc.sentences[max(0, sent.index - 1)].start
    return Reading(
        "count",
        who,
        counts=noun,
        nominating=bool(_NOMINATING.search(doc.norm, lo, sent.end)),
        why=f"a count of {noun}",
    )


_BY_ACROSS = re.compile(
    rf"(?:{_LEX.alt('win_verb')}|won|win|wins|held\s+on|hung\s+on|clung\s+on|scraped\s+home|"
    rf"edged\s+home|triumphed|prevailed|lost|trailed|finished|re-elected)(?![\w-])[^;.]{{0,160}}?,\s*"
    rf"by\s+{_Q}$"
)


def _by_margin(doc: Document, sent: Sent, n: NumberMention) -> bool:
    """ "beat Sam Pike, a union official who ..., by just under 5,000 votes"."""
    if "by" not in sent.words:
        return False
    qs = n.qual_start if n.qual_start is not None else n.start
    return bool(_BY_ACROSS.search(doc.norm, max(sent.start, qs - 200), qs))


def _nominations(doc: Document, sent: Sent, n: NumberMention, cs: int) -> Reading | None:
    subject = subject_of(doc, sent, n, cs)
    if subject is None:
        subject = doer(doc, sent, n, cs)  # "Lund filed 97 nominations"
    if subject is False:
        return None
    nxt = [x.start for x in find_numbers(doc.norm, n.end, sent.end)]
    words = doc.norm[max(cs, n.start - 20) : min(nxt[0] if nxt else sent.end, n.end + 50)]
    person = subject.person if isinstance(subject, Mention) else None
    if person is None:
        return None
    return Reading("nominations", person, counts=words, why="nominations")
