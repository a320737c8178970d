"""What a number measures and whose it is, read from its own noun phrase and frame.

``read_number(doc, sent, n, numbers)`` returns a ``Reading`` (measure,
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
their own numbers.  Only measures the facts can judge are returned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factwatch.claims.entities import ranking
from factwatch.claims.lexicon import lexicon
from factwatch.claims.numbers import NumberMention, find_numbers
from factwatch.claims.text import Document, Mention, Sent

_LEX = lexicon()
_Q = (
    rf"(?:(?:{_LEX.alt('intensifier')}|{_LEX.alt('approx')}|{_LEX.alt('over')}|"
    rf"{_LEX.alt('under')}|{_LEX.alt('near_above')}|{_LEX.alt('near_below')})\s+)*"
)
_ADV = r"(?:(?:narrowly|comfortably|easily|only|just|also|eventually|finally|still|then)\s+)?"
_VOTE_VERB = (
    r"(?:won|wins|win|winning|took|takes|taking|polled|polls|polling|received|receives|"
    r"receiving|got|gets|getting|secured|secures|securing|garnered|garners|attracted|"
    r"attracts|scored|scores|collected|collects|picked\s+up|claimed|claims|amassed|managed|"
    r"mustered|drew|draws|notched(?:\s+up)?|racked\s+up|took\s+home|ended\s+up\s+with|"
    r"finished\s+(?:[\w-]+\s+){0,3}?(?:on|with)|ended\s+(?:[\w-]+\s+){0,3}?(?:on|with)|"
    r"came\s+(?:first|second|third|fourth|fifth|last|in\s+[\w-]+)\s+(?:on|with)|"
    r"was\s+(?:first|second|third|fourth|last|runner-up)\s+(?:on|with)|"
    r"trailed\s+(?:[\w-]+\s+)?(?:on|with)|had|has|have|obtained|earned|earns|gained|gains|"
    r"won\s+the\s+(?:backing|support|votes)\s+of|was\s+backed\s+by|was\s+supported\s+by|"
    r"backed\s+by|supported\s+by|with\s+the\s+(?:backing|support)\s+of|"
    r"(?:has|had|have)\s+(?:won|taken|polled|received|got|gotten|secured|garnered|attracted))"
)
# Gaps between a person and the number that make it theirs.
_ATTACH = re.compile(
    rf"(?:(?:'s)?\s+(?:final\s+|overall\s+|own\s+|first[\s-]preference\s+|first[\s-]round\s+|"
    rf"final[\s-]round\s+)?(?:vote\s+|vote-\s*)?(?:share|tally|total|haul|"
    rf"count)(?:\s+of\s+the\s+vote)?\s+(?:was|is|of|stood\s+at|came\s+to|reached|(?:fell|rose|dropped|"
    rf"slipped|climbed|slumped|jumped|edged\s+up|edged\s+down|sank|grew)\s+to|:)\s+(?:just\s+|"
    rf"somewhere\s+|only\s+)?{_Q}"
    rf"|'s\s+{_Q}(?:total\s+of\s+|tally\s+of\s+|haul\s+of\s+|share\s+of\s+)?"
    rf"|\s*[(:]\s*{_Q}|\s*-\s+{_Q}|\s+(?:on|with|at)\s+{_Q}|,\s+(?:on|with)\s+{_Q}"
    rf"|\s+{_ADV}{_VOTE_VERB}\s+(?:a\s+(?:total|tally|haul|share)\s+of\s+|a\s+)?{_Q}"
    rf"|\s+(?:was\s+|has\s+been\s+|had\s+been\s+|is\s+)?(?:re-?elected|elected|returned|declared\s+"
    rf"the\s+winner|re-?selected|chosen|won|wins|winning|triumphed|prevailed)"
    rf"(?:\s+[\w'-]+){{0,6}}?\s+(?:with|on)\s+{_Q}"
    rf"|\s+{_Q})$"
)
_LIST_COMMA = re.compile(r",\s*$")
_POSSESSIVE = re.compile(r"(?:his|her|their|its)\b")
_ACROSS_FRAME = re.compile(rf"(?:,[^,]{{1,80}},)?\s+{_ADV}{_VOTE_VERB}\s+{_Q}")
# "polled 6,905": a tally of votes, whatever was counted before it
_VOTED_BEFORE = re.compile(rf"(?<![\w-])(?:polled|polls|polling)\s+{_Q}$")
_LEAD_FRAME = re.compile(
    rf"\s*(?:and\s+|but\s+|then\s+|while\s+|whereas\s+|after\s+|before\s+|by\s+|on\s+|"
    rf"despite\s+)?{_ADV}(?P<verb>{_VOTE_VERB})\s+{_Q}"
)
_BEATEN_BEFORE = re.compile(rf"(?:{_LEX.alt('win_verb')}|over|against|ahead\s+of)\s+$")
_COMPARE_BEFORE = re.compile(
    r"(?<![\w-])(?:behind|ahead\s+of|in\s+front\s+of|beat|beats|beating|defeated|defeating|"
    r"against|than|over|outpolled|trailing|trailed|second\s+to|third\s+to|runner-up\s+to|"
    r"versus|v|vs|(?:lost|losing|lose|loses|beaten|defeated|edged\s+out|pipped)(?:\s+[\w'-]+){0,4}\s+"
    r"(?:to|by))\s+$"
)
_FOR_AFTER = re.compile(
    r"\s*(?:votes?\s+|per\s?cent\s+|percent\s+|%\s*)?(?:for|went\s+to|to\s+back)\s+"
    r"(?:(?:mr|mrs|ms|miss|dr|sir|dame|cr|cllr|mayor|rep|sen|councillor)\.?\s+)?$"
)
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
    r"(?:who\s+|that\s+)?(?:have\s+|had\s+)?(?:actually\s+)?(?:voted|took\s+part|"
    r"participated|turned\s+out|bothered(?:\s+to\s+vote)?|cast\s+(?:a\s+|their\s+)?(?:votes?|"
    r"ballots?)|returned\s+(?:their\s+|a\s+)?(?:ballots?|papers?|ballot\s+papers?)|"
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
)
_ELECTORATE_BEFORE = re.compile(
    r"(?:(?:sent|despatched|dispatched|issued|posted|mailed)\s+(?:out\s+)?" + _Q + r"$)|"
    r"(?:electorate|ballot\s+papers\s+(?:were\s+)?(?:sent|despatched|dispatched|issued)\s+(?:to|out)|"
    r"eligible\s+(?:to\s+vote\s+)?(?:was|were|of|numbered)|entitled\s+to\s+vote\s+(?:was|were|of))"
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
_RATIO_VOTERS = re.compile(r"(?:voter|voters|those\s+who\s+voted|ballots?|votes?)")
_ROUND = re.compile(
    r"(?<![\w-])(?:(?P<first>first|opening|initial)\s+(?:round|count|preferences?|ballot|stage)"
    r"|first[\s-]preference|(?P<ord>second|third|fourth|fifth|sixth)\s+(?:round|count|stage)"
    r"|(?P<final>final|last|deciding|decisive|run-?off)\s+"
    r"(?:round|count|stage|ballot)|after\s+(?:transfers|redistribution|preferences|"
    r"(?:second\s+)?preferences\s+were\s+(?:counted|redistributed))|runoff|run-off"
    r"|round\s+(?P<n>one|two|three|four|five|\d)|(?P<that>that|the\s+same)\s+(?:round|count))"
    r"(?![\w-])"
)
_ROUND_N = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
}  # fmt: skip
# "finished as runner-up with 19,540", "ended up third on": the final standing
_FINAL_STANDING = re.compile(
    r"(?<![\w-])(?:finished|ended(?:\s+up)?)\s+(?:as\s+)?(?:the\s+)?(?:runner-up|second|third|"
    r"fourth|fifth|last|first|top)(?![\w-])"
)
_GROUP = re.compile(
    r"(?:combined|together|between\s+them|jointly|collectively|between\s+the\s+(?:two|three)|"
    r"(?:two|both|three|all)\s+(?:of\s+)?(?:(?:his|her|their|the)\s+)?(?:[\w-]+\s+)?"
    r"(?:challengers|rivals|opponents|candidates|contenders|losers|men|women))(?![\w-])"
)
_VOTE_NOUNS = frozenset(
    "votes vote ballots ballot papers preferences first-preferences backers supporters".split()
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


def _persons(sent: Sent) -> list[Mention]:
    return [m for m in sent.mentions if m.kind in ("person", "pronoun", "other")]


def _subjects(doc: Document, sent: Sent) -> list[Mention]:
    """People who can be the subject of a clause: not a possessive ("her opponent")."""
    return [
        m
        for m in _persons(sent)
        if not (
            m.kind == "pronoun"
            and _POSSESSIVE.match(doc.norm, m.start, m.end + 1)
            and re.match(r"\s+[a-z]", doc.norm[m.end : m.end + 3])
        )
    ]


def _owner(doc: Document, sent: Sent, n: NumberMention, cs: int) -> Mention | None | bool:
    """The person a number is attached to by the words before it: a Mention, None when
    nobody is, False when somebody the facts do not know is (attribution blocked)."""
    start = n.qual_start if n.qual_start is not None else n.start
    people = [m for m in _persons(sent) if m.end <= start]
    if not people:
        return None
    m = _apposition_head(doc, people) or people[-1]
    gap = doc.norm[m.end : start]
    if len(gap) > 90:
        return None
    if re.fullmatch(r",?\s+with\s+" + _Q, gap) and _compared(doc, sent, m):
        # "she was runner-up to Rowe, with 45%": the sentence's subject, not the rival
        subject = _sentence_subject(doc, sent, m)
        if subject is not None:
            return subject
    if m.start < cs and not re.fullmatch(r"'s\s+" + _Q, gap):
        # Across a clause break only a verb frame carries, from a subject that opens its
        # sentence ("Rowe, 66, won 59,067"; not "He beat Pike, ..., winning 59,067").
        if not _ACROSS_FRAME.fullmatch(gap):
            return None
        lead = doc.norm[sent.start : m.start]
        if not re.fullmatch(r"\s*(?:(?:and|but|so|then|mr|mrs|ms|dr|sir)\.?\s+)*", lead):
            return None
    elif not _ATTACH.fullmatch(gap):
        if _LIST_COMMA.fullmatch(gap) and (n.unit == "percent" or n.value >= 100):
            pass  # "Pike, 53,544" in a list
        else:
            return None
    if gap.startswith((" with", ", with")) and _compared(doc, sent, m):
        subject = _sentence_subject(doc, sent, m)
        return subject if subject is not None else None
    if m.kind == "other" or (m.kind == "pronoun" and m.person is None):
        return False
    return m


_SET_OFF = re.compile(r",[^,]{1,80},\s+")


def _apposition_head(doc: Document, people: list[Mention]) -> Mention | None:
    """ "Pike, the closest rival to the incumbent, polled": the name the commas set the
    last person apart from, not the person inside the apposition or relative clause."""
    last = people[-1]
    for m in reversed(people[:-1]):
        between = doc.norm[m.end : last.end]
        if m.kind != "pronoun" and between.startswith(",") and "," not in between[1:]:
            rest = doc.norm[m.end :]
            got = _SET_OFF.match(rest)
            if got and got.end() > last.end - m.end:
                return m
        break
    return None


def _compared(doc: Document, sent: Sent, m: Mention) -> bool:
    """Is ``m`` (with names coordinated before it) the object of a comparison?"""
    people = _persons(sent)
    i = people.index(m)
    while i > 0 and re.fullmatch(
        r"\s*(?:,|,?\s+and|,?\s+or)\s*", doc.norm[people[i - 1].end : people[i].start]
    ):
        i -= 1
    first = people[i]
    return bool(_COMPARE_BEFORE.search(doc.norm[max(sent.start, first.start - 60) : first.start]))


def _sentence_subject(doc: Document, sent: Sent, before: Mention) -> Mention | None:
    for m in _persons(sent):
        if m.start >= before.start:
            break
        if m.kind == "other":
            return None
        if m.person:
            return m
    return None


def _after_owner(doc: Document, sent: Sent, n: NumberMention) -> Mention | None | bool:
    """ "59,067 votes for Rowe", "17,143 went to Lund"."""
    later = [m for m in _persons(sent) if m.start >= n.end]
    if not later:
        return None
    m = later[0]
    if not _FOR_AFTER.fullmatch(doc.norm[n.end : m.start]):
        return None
    if m.kind == "other" or (m.kind == "pronoun" and m.person is None):
        return False
    return m


def _clause_subject(doc: Document, sent: Sent, n: NumberMention, cs: int) -> Mention | None | bool:
    """A number opening its clause's verb frame takes that verb's subject: after a finite
    verb the person named just before ("Sam Pike, the runner-up, had 41.2 per cent",
    "and a third candidate, Kit Lund, won 17,143"); after a participle the
    sentence's subject ("He defeated Pike, ..., winning 59,067 votes")."""
    start = n.qual_start if n.qual_start is not None else n.start
    lead = doc.norm[cs:start]
    m = _LEAD_FRAME.fullmatch(lead)
    if not m:
        return None
    before = [x for x in _persons(sent) if x.end <= cs]
    if not before:
        return None
    participle = m.group("verb").split()[0].endswith("ing")
    if participle:
        # "with Kit Lund, the grassroots candidate, taking 17,143": the absolute
        # construction's own subject; otherwise the sentence's.
        withs = [
            x
            for x in before
            if re.search(r"(?<![\w-])with\s+$", doc.norm[max(sent.start, x.start - 6) : x.start])
        ]
        pick = withs[-1] if withs else before[0]
    else:
        # The latest person who opens a clause: the subject, not an object inside an
        # apposition ("Pike, the closest rival to the incumbent, polled 53,544").
        subjects = [x for x in _subjects(doc, sent) if x.end <= cs]
        openers = [x for x in subjects if _opens_clause(doc, sent, x)]
        pick = openers[-1] if openers else (subjects[-1] if subjects else before[-1])
    if pick.kind == "other" or (pick.kind == "pronoun" and pick.person is None):
        return False
    if participle and any(x.kind == "other" for x in before):
        return False
    return pick


_SCORE_SECOND = re.compile(
    r"\d[\d,.]*\s*(?:votes?\s+|%\s*|per\s?cent\s+)?(?:to|against|-|versus)\s*$"
)


def _score_second(doc: Document, sent: Sent, n: NumberMention) -> Mention | None:
    """ "beat Pike by 59,067 votes to 53,544": the second number is the beaten one's."""
    start = n.qual_start if n.qual_start is not None else n.start
    if not _SCORE_SECOND.search(doc.norm, max(sent.start, start - 30), start):
        return None
    here = [m for m in sent.mentions if m.kind == "person" and m.person and m.end <= start]
    for m in reversed(here):
        before = doc.norm[max(sent.start, m.start - 30) : m.start]
        if _BEATEN_BEFORE.search(before):
            return m
    return None


def _opens_clause(doc: Document, sent: Sent, m: Mention) -> bool:
    """Is ``m`` the first person named in its clause (its subject, most likely)?"""
    cs, _ = doc.clause_of(sent, m.start)
    return not any(
        x is not m and x.kind in ("person", "other") and cs <= x.start < m.start
        for x in sent.mentions
    )


def _starts_clause(doc: Document, sent: Sent, m: Mention) -> bool:
    """Does ``m`` open its clause, with nothing before it but a conjunction or title?"""
    cs, _ = doc.clause_of(sent, m.start)
    return bool(
        re.fullmatch(
            r"\s*(?:(?:and|but|while|whereas|so|then|with|mr|mrs|ms|dr|sir|"
            r"the|a|an)\.?\s+)*",
            doc.norm[cs : m.start],
        )
    )


def _antecedent(doc: Document, sent: Sent, cs: int) -> Mention | None:
    """The person an apposition or relative clause starting at ``cs`` hangs on."""
    before = [m for m in _persons(sent) if m.end <= cs]
    if not before or not re.fullmatch(r"\s*[,(\u2013-]?\s*", doc.norm[before[-1].end : cs]):
        return None
    m = before[-1]
    return m if m.person and m.kind != "other" else None


def subject_of(doc: Document, sent: Sent, n: NumberMention, cs: int) -> Mention | None | bool:
    second = _score_second(doc, sent, n)
    if second is not None:
        return second
    got = _owner(doc, sent, n, cs)
    if got is None:
        got = _after_owner(doc, sent, n)
    if got is None:
        got = _clause_subject(doc, sent, n, cs)
    return got


def _round(doc: Document, sent: Sent, cs: int, ce: int) -> int | None:
    """The round a clause's numbers belong to: said in the clause ("in the fourth
    round", "that round" after one was named), a final standing, or the sentence's one
    round word; None (any round) when the sentence names several."""
    m = _ROUND.search(doc.norm, cs, ce)
    if m is None and _FINAL_STANDING.search(doc.norm, cs, ce):
        return -1
    if m is None:
        found = list(_ROUND.finditer(doc.norm, sent.start, sent.end))
        if len(found) != 1:
            return None
        m = found[0]
    if m.group("that"):
        lo = doc.sentences[max(0, sent.index - 1)].start
        earlier = [x for x in _ROUND.finditer(doc.norm, lo, m.start()) if not x.group("that")]
        return _round_number(earlier[-1]) if earlier else None
    return _round_number(m)


def _round_number(m: re.Match[str]) -> int:
    if m.group("first") or "first" in m.group(0):
        return 1
    if m.group("n") or m.group("ord"):
        n = m.group("n") or m.group("ord")
        return int(n) if n.isdigit() else _ROUND_N[n]
    return -1  # the final round


_SEPARATED = re.compile(r"\s*(?:votes?\s+)?(?:separated|divided|split|lay\s+between|between)\b")
_TITLE = r"(?:(?:mr|mrs|ms|miss|dr|sir|dame|cr|cllr|mayor|rep|sen)\.?\s+)?"
_OVER = re.compile(
    rf"(?<![\w-])(?:over|ahead\s+of|in\s+front\s+of|clear\s+of|than|outpolled|"
    rf"{_LEX.alt('win_verb')})\s+{_TITLE}$"
)
_UNDER = re.compile(
    r"(?<![\w-])(?:behind|trailed|trailing|trails|second\s+to|runner-up\s+to|"
    r"lost\s+to|beaten\s+by|defeated\s+by|short\s+of)\s+" + _TITLE + "$"
)
_LOWER = re.compile(
    r"(?<![\w-])(?:behind|trailed|trailing|trails|short|adrift|deficit|lost|"
    r"losing|beaten|defeated\s+by|fell\s+short|(?:was|were)\s+(?:seen\s+off|beaten|"
    r"defeated|pipped|edged\s+out|outpolled|outvoted))(?![\w-])"
)


def _pair(
    doc: Document, sent: Sent, n: NumberMention, cs: int, ce: int, subject: Mention | None
) -> tuple[str | None, str | None]:
    """A margin's two sides, the one ahead first, where the words say."""
    people = [m for m in _persons(sent) if m.person and m.kind != "other"]
    a = subject.person if subject else None
    if a is None:
        before = [m for m in people if cs <= m.start and m.end <= n.start]
        if before and _starts_clause(doc, sent, before[0]):
            a = before[0].person
    if _SEPARATED.match(doc.norm, n.end, ce):
        after = [m.person for m in people if m.start >= n.end]
        pair = list(dict.fromkeys(after))[:2]
        if len(pair) == 2:
            order = list(ranking(doc.facts))
            pair.sort(key=lambda p: order.index(p) if p in order else 99)
            return pair[0], pair[1]
    inside = [m for m in people if n.end <= m.start < ce]
    inside += [m for m in people if cs <= m.start < n.start]
    ordered = inside + [m for m in people if m not in inside]
    for m in ordered:
        if m.person == a:
            continue
        lead_in = doc.norm[max(sent.start, m.start - 30) : m.start]
        first = next((x.person for x in people if x.start < m.start and x.person != m.person), None)
        if _OVER.search(lead_in):
            return (a or first), m.person
        if _UNDER.search(lead_in):
            return m.person, (a or first)
    if a is None:
        return None, None
    order = list(ranking(doc.facts))
    if a not in order:
        return a, None
    i = order.index(a)
    words = doc.norm[max(cs, n.start - 40) : min(ce, n.end + 40)]
    if _LOWER.search(words):
        return (order[i - 1], a) if i > 0 else (a, None)
    return (a, order[i + 1]) if i + 1 < len(order) else (a, None)


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
_BRACKET_AFTER_COUNT = re.compile(r"\d[\d,.]*\s*(?:[\w-]+\s+)?(?:votes?)?\s*[(,]\s*$")
_VOTED_FOR = re.compile(
    r"\s*(?:[\w-]+\s+)?(?:members|people|voters|electors|workers|supporters)?\s*"
    r"(?:who\s+|that\s+)?(?:had\s+|have\s+)?(?:voted|vote|plumped|opted)\s+for\s+"
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
    """What ``n`` measures and whose it is, or None when the words do not say."""
    norm = doc.norm
    qs = n.qual_start if n.qual_start is not None else n.start
    pre = norm[max(cs, qs - 70) : qs]
    post = norm[n.end : min(ce, n.end + 80)]
    clause = norm[cs:ce]
    if _GROUP.search(norm, max(sent.start, cs - 60), qs):
        return None  # "the two challengers took more than half": nobody's own figure
    rnd = _round(doc, sent, cs, ce)
    if _TRANSFER.match(post) and any(
        m.start >= n.end and m.start - n.end < 30 and m.person for m in _persons(sent)
    ):
        return None  # "720 to Lind": a transfer between rounds, not a tally
    if _OF_SOMEONES.match(post):
        return None  # "half of Lind's papers": a share of somebody else's votes
    if _DIFFERENCE.match(norm, n.end, sent.end):
        # "18,000 fewer votes than he had then": a change, unless it is over a rival.
        after = [m for m in _persons(sent) if m.start >= n.end and m.person and m.by_name]
        subject = subject_of(doc, sent, n, cs)
        a = subject.person if isinstance(subject, Mention) else None
        than = _DIFFERENCE.match(norm, n.end, sent.end)
        if (
            after
            and than is not None
            and re.fullmatch(r"\s*(?:(?:mr|mrs|ms|dr)\.?\s+)?", norm[than.end() : after[0].start])
            and after[0].person != a
        ):  # "5,523 fewer than Rowe": the rival straight after "than"
            return Reading("margin", a, after[0].person, round=rnd, why="a margin over a rival")
        return None
    if _PARTITIVE_OF.match(post):
        return _partitive(doc, sent, n, post)
    if re.search(r"within\s+$", norm[max(cs, qs - 8) : n.start]) and _WITHIN.match(post):
        later = [m for m in _persons(sent) if m.start >= n.end and m.person]
        subject = subject_of(doc, sent, n, cs)
        if subject is None:
            subject = _antecedent(doc, sent, cs)  # "Pike, the official who came within ..."
        if later and isinstance(subject, Mention):
            return Reading(
                "margin",
                later[0].person,
                subject.person,
                round=rnd,
                why="how close a candidate came",
            )
        return None
    if n.unit == "percent" and _COUNT_IS_SHARE.search(norm, max(cs, qs - 60), qs):
        # "Hale's 17,283 votes amounted to barely 6 per cent of the electorate"
        prev = _previous_number(doc, sent, n)
        if prev is not None and prev.unit == "count" and prev.start >= cs:
            r = read_number(doc, sent, prev, cs, ce)
            if r is not None and r.measure == "votes" and r.subject:
                bases = ("electorate",) if _OF_MEMBERS.match(post) else ("valid", "cast")
                return Reading(
                    "share", r.subject, bases=bases, round=r.round, why="what a tally amounted to"
                )
    if n.unit == "percent" and _BRACKET_AFTER_COUNT.search(norm, max(sent.start, qs - 30), qs):
        # "59,067 votes (47 per cent)", "Pike 53,544 (41.2%)": the share of the count's owner.
        prev = _previous_number(doc, sent, n)
        if prev is not None and prev.unit == "count":
            pcs, pce = doc.clause_of(sent, prev.start)
            r = read_number(doc, sent, prev, pcs, pce)
            if r is not None and r.measure == "votes" and r.subject:
                return Reading(
                    "share",
                    r.subject,
                    bases=("valid", "cast"),
                    round=r.round,
                    why="a share given beside a tally",
                )
    if _BACKING_OF.search(norm, max(sent.start, qs - 40), qs) and not (
        n.noun and n.noun not in _VOTE_NOUNS and n.noun not in _PEOPLE_NOUNS
    ):
        first = next((m for m in _persons(sent) if m.start < qs), None)
        if first is not None and first.person and first.kind != "other":
            if n.unit == "percent":
                of_members = _OF_MEMBERS.match(post)
                bases = ("electorate",) if of_members or "member" in n.text else ("valid", "cast")
                return Reading(
                    "share", first.person, bases=bases, round=rnd, why="the backing a candidate won"
                )
            return Reading("votes", first.person, round=rnd, why="the backing a candidate won")
    if _VOTED_FOR.match(post):
        later = [m for m in _persons(sent) if m.start >= n.end]
        if later and later[0].person and later[0].start - n.end < 60:
            if n.unit == "percent":
                return Reading(
                    "share",
                    later[0].person,
                    bases=("electorate", "valid", "cast"),
                    round=rnd,
                    why="the share who voted for a candidate",
                )
            return Reading("votes", later[0].person, round=rnd, why="votes cast for a candidate")
        return None
    if _EXHAUSTED.match(post):
        return None  # papers that went to nobody
    if n.unit == "percent":
        return _percent(doc, sent, n, cs, ce, pre, post, clause, rnd)
    return _count(doc, sent, n, cs, ce, pre, post, clause, rnd)


def _percent(
    doc: Document,
    sent: Sent,
    n: NumberMention,
    cs: int,
    ce: int,
    pre: str,
    post: str,
    clause: str,
    rnd: int | None,
) -> Reading | None:
    if n.form == "points" or _MARGIN_BEFORE.search(pre) and not _BY_AGENT.search(pre):
        subject = _margin_owner(doc, sent, n) or subject_of(doc, sent, n, cs)
        a, b = _pair(doc, sent, n, cs, ce, subject if isinstance(subject, Mention) else None)
        return Reading("margin", a, b, round=rnd, why="a margin in points")
    if _TURNOUT_BEFORE.search(pre) or _TURNOUT_AFTER.match(post):
        return Reading("turnout", why="turnout")
    if _SPOILED_AFTER.match(post) or _SPOILED_BEFORE.search(pre):
        return Reading("spoiled", why="spoiled ballots")
    backed = _THOSE_WHO_BACKED.match(post)
    if backed:
        later = [m for m in _persons(sent) if m.start >= n.end + backed.end() - 1 and m.person]
        if later:
            return Reading(
                "share",
                later[0].person,
                bases=("valid", "cast"),
                round=rnd,
                why="the share of voters who backed a candidate",
            )
    of_members = _OF_MEMBERS.match(post)
    voted = _VOTED_AFTER.match(post) or (n.form == "ratio" and _VOTED_AFTER.match(post))
    if (
        n.form == "ratio"
        and re.search(r"\b(?:members?|voters?|people|workers?|electors?)\b", n.text)
        and _VOTED_AFTER.match(post)
    ):
        return Reading("turnout", why="a share of members who voted")
    if of_members and _VOTED_AFTER.match(post[of_members.end() - of_members.start() :]):
        return Reading("turnout", why="a share of members who voted")
    if voted and not of_members:
        if _ABSTAIN.search(post[:50]):
            return None
        return Reading("turnout", why="a share who voted")
    subject = subject_of(doc, sent, n, cs)
    if subject is False:
        return None
    if isinstance(subject, Mention) and subject.person:
        if of_members or (n.form == "ratio" and re.search(r"members?|workers?|electors?", n.text)):
            return Reading(
                "share",
                subject.person,
                bases=("electorate",),
                round=rnd,
                why="a share of the electorate",
            )
        share = _SHARE_OF.match(post)
        bases: tuple[str, ...] = ("valid", "cast", "continuing")
        if n.form in ("ratio", "fraction") and not share:
            bases = ("valid", "cast", "continuing", "electorate")
        if share and share.group("what") and "valid" in share.group("what"):
            bases = ("valid",)
        elif share and share.group("what") and re.search(r"cast|all\s+votes", share.group("what")):
            bases = ("cast",)
        return Reading("share", subject.person, bases=bases, round=rnd, why="a share of the vote")
    return None


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
_PARTITIVE = re.compile(r"\s+(?:of\s+(?:them|those|these)|of\s+which|of\s+whom)(?![\w-])")
_BARE_END = re.compile(r"\s*(?:[.;,)]|$|\s(?:and|but|while|whilst)\b)")
_POSS_MARGIN = re.compile(
    rf"'s\s+(?:winning\s+|final\s+|overall\s+)?(?:margin|majority|lead)"
    rf"(?:\s+over\s+[\w' ]+?)?\s+(?:of|was|is|:)?\s*{_Q}$"
)


def _inherited_noun(doc: Document, sent: Sent, n: NumberMention) -> str | None:
    """What a bare count counts: the noun of the count before it in the paragraph
    ("1,185 branches backed Rowe; Pike received 187")."""
    lo = doc.sentences[max(0, sent.index - 2)].start
    earlier = [x for x in find_numbers(doc.norm, lo, n.start) if x.unit == "count" and x.noun]
    return earlier[-1].noun if earlier else None


def _count(
    doc: Document,
    sent: Sent,
    n: NumberMention,
    cs: int,
    ce: int,
    pre: str,
    post: str,
    clause: str,
    rnd: int | None,
) -> Reading | None:
    noun = n.noun
    if _ABSTAIN.search(post[:60]):
        return None  # "some 40,000 who stayed at home": a count of nobody's votes
    if _BASE_BEFORE.search(pre):
        # "131,000 of more than a million members": the whole a share is taken from.
        if (noun in _PEOPLE_NOUNS and not _VOTED_AFTER.match(post)) or _ELECTORATE_AFTER.match(
            post
        ):
            if not _POSSESSED.search(pre):
                return Reading("electorate", why="the whole of those entitled to vote")
        if noun in ("votes", "ballots") and re.match(
            r"\s*(?:votes?|ballots?)\s+(?:cast|counted|returned)", post
        ):
            return Reading("total", why="the votes cast in all")
        return None
    if noun is None and _VOTED_AFTER.match(post) and not _ABSTAIN.search(post[:40]):
        if not subject_is_candidate(doc, sent, n, cs):
            return Reading("total", why="the number who voted")  # "fewer than 100,000 voted"
    if noun is None and not _VOTED_BEFORE.search(pre):
        noun = _inherited_noun(doc, sent, n)
        if noun and noun not in _VOTE_NOUNS and not noun.startswith("nominat"):
            return _thing_count(doc, sent, n, cs, noun)
    if noun and noun.startswith("nominat"):
        return _nominations(doc, sent, n, cs, pre, post)
    if _MARGIN_AFTER.match(post) or (
        (_MARGIN_BEFORE.search(pre) or _by_margin(doc, sent, n))
        and not _BY_AGENT.search(pre)
        and not _SCORE_AFTER.match(post)
    ):
        if noun and noun not in _VOTE_NOUNS:
            return None
        subject = _margin_owner(doc, sent, n) or subject_of(doc, sent, n, cs)
        a, b = _pair(doc, sent, n, cs, ce, subject if isinstance(subject, Mention) else None)
        return Reading("margin", a, b, round=rnd, why="a margin in votes")
    if _SPOILED_AFTER.match(post) or _SPOILED_BEFORE.search(pre):
        return Reading("spoiled", why="spoiled ballots")
    sent_before = _ELECTORATE_BEFORE.search(pre) and noun in (
        None,
        "papers",
        "ballots",
        "members",
        "people",
        "voters",
        "electors",
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
    if noun in _PEOPLE_NOUNS or (noun and noun not in _VOTE_NOUNS):
        if noun in _PEOPLE_NOUNS and _VOTED_AFTER.match(post) and not _ABSTAIN.search(post[:40]):
            return Reading("total", why="the number who voted")
        if noun in _PEOPLE_NOUNS and _BY_AGENT.search(pre):
            owner = [m for m in _persons(sent) if m.end <= n.start and m.person]
            if owner and owner[-1].kind != "other":
                return Reading(
                    "votes", owner[-1].person, round=rnd, why="the members who backed a candidate"
                )
        if noun in _PEOPLE_NOUNS and re.match(
            r"\s*(?:[\w-]+\s+)?(?:backed|supported|voted\s+for|"
            r"chose|preferred)\s",
            post,
        ):
            who = _after_people(doc, sent, n)
            if who:
                return Reading("votes", who, round=rnd, why="members who backed a candidate")
        if noun and noun not in _PEOPLE_NOUNS:
            return _thing_count(doc, sent, n, cs, noun)
        return None  # members, staff, people: no tally of anyone
    subject = subject_of(doc, sent, n, cs)
    if subject is False:
        return None
    if isinstance(subject, Mention) and subject.person:
        return Reading("votes", subject.person, round=rnd, why="a candidate's votes")
    return None


_DID = re.compile(rf"\s+(?:has\s+|had\s+|have\s+)?[a-z]+(?:ed|t)\s+(?:in\s+|up\s+)?{_Q}$")


def _doer(doc: Document, sent: Sent, n: NumberMention, cs: int) -> Mention | None | bool:
    """The person who did something to a count of things: "X filed 1,874", "X handed in"."""
    start = n.qual_start if n.qual_start is not None else n.start
    people = [m for m in _persons(sent) if cs <= m.start and m.end <= start]
    if not people or not _DID.fullmatch(doc.norm[people[-1].end : start]):
        return None
    m = people[-1]
    return False if m.kind == "other" or (m.kind == "pronoun" and m.person is None) else m


_NOMINATING = re.compile(r"(?<![\w-])nominat|(?<![\w-])petitions?(?![\w-])")


def _thing_count(doc: Document, sent: Sent, n: NumberMention, cs: int, noun: str) -> Reading | None:
    """A count of things (branches, signatures): whose, and whether they nominate."""
    subject = subject_of(doc, sent, n, cs)
    if subject is None:
        subject = _doer(doc, sent, n, cs)  # "Whitaker filed 1,874 valid signatures"
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


def subject_is_candidate(doc: Document, sent: Sent, n: NumberMention, cs: int) -> bool:
    got = _owner(doc, sent, n, cs)
    return isinstance(got, Mention) and got.person is not None


def _after_people(doc: Document, sent: Sent, n: NumberMention) -> str | None:
    later = [m for m in sent.mentions if m.start >= n.end and m.kind in ("person", "other")]
    if later and later[0].kind == "person" and later[0].start - n.end < 50:
        return later[0].person
    return None


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


def _margin_owner(doc: Document, sent: Sent, n: NumberMention) -> Mention | None:
    """ "Rowe's margin of 5,523": the possessor owns the margin."""
    start = n.qual_start if n.qual_start is not None else n.start
    for m in reversed([x for x in _persons(sent) if x.end <= start and x.person]):
        if _POSS_MARGIN.fullmatch(doc.norm, m.end, start):
            return m
    return None


def _nominations(
    doc: Document, sent: Sent, n: NumberMention, cs: int, pre: str, post: str
) -> Reading | None:
    subject = subject_of(doc, sent, n, cs)
    if subject is None:
        subject = _doer(doc, sent, n, cs)  # "Lund filed 97 nominations"
    if subject is False:
        return None
    nxt = [x.start for x in find_numbers(doc.norm, n.end, sent.end)]
    words = doc.norm[max(cs, n.start - 20) : min(nxt[0] if nxt else sent.end, n.end + 50)]
    person = subject.person if isinstance(subject, Mention) else None
    if person is None:
        return None
    return Reading("nominations", person, counts=words, why="nominations")
