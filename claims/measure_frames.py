"""Frames that say outright what a number is, or that it is nobody's own tally.

- a change: "18,000 fewer votes than he had then" (a margin only when a rival
  follows "than");
- a gain between rounds: "Lafreniere gained only 610", "picked up more than
  8,000 votes between the second and third counts";
- how close somebody came: "came within 300 votes of Rowe";
- who nominated somebody: "was nominated by 19 affiliated unions";
- somebody's backing: "with the backing of 59,067 members";
- votes cast for somebody: "59,067 members voted for Rowe";
- nobody's own tally: a group's ("the two challengers took more than half"),
  a transfer ("720 to Lind", "sent him 1,700"), a part of somebody else's
  votes ("half of Lind's papers").

``measures.read_number`` tries these before reading a percentage or a count
by its own words.
"""

from __future__ import annotations

import re

from factwatch.claims.facts import Facts
from factwatch.claims.lexicon import title
from factwatch.claims.measure_words import (
    _OF_MEMBERS,
    _PEOPLE_NOUNS,
    _SCORE_AFTER,
    _VOTE_NOUNS,
    Reading,
)
from factwatch.claims.numbers import ORDINALS, NumberMention
from factwatch.claims.owners import QUALIFIERS as _Q
from factwatch.claims.owners import antecedent, persons, subject_of
from factwatch.claims.text import Document, Mention, Sent

_GROUP = re.compile(
    r"(?:combined|together|between\s+them|jointly|collectively|between\s+the\s+(?:two|three)|"
    r"(?:two|both|three|all)\s+(?:of\s+)?(?:(?:his|her|their|the)\s+)?(?:[\w-]+\s+)?"
    r"(?:challengers|rivals|opponents|candidates|contenders|losers|men|women))(?![\w-])"
)
_OF_THEM = re.compile(
    r"\s+of\s+(?:them|those|these)\s+to\s+(?:his|her|their|[\w'\u2019-]+'s)\s+" + _Q + r"\d"
)
_OF_THEM_TO = re.compile(
    r"(?<![\w-])of\s+(?:them|those|these)\s+to\s+(?:his|her|their|[\w'\u2019-]+'s)\s+" + _Q + "$"
)
_ONE_OF = re.compile(
    r"(?<![\w-])(?:first|second|third|fourth|fifth|last|one|each|either|neither|none)\s+of\s+"
    r"(?:the\s+)?$"
)
_GROUP_AFTER = re.compile(
    r"\s*(?:[\w-]+\s+){0,5}?(?:between\s+(?:them|the\s+(?:two|three|four|five))|combined|"
    r"together|in\s+all|collectively|jointly|"
    # "61 per cent of voters backed someone else": the others' share together
    r"(?:backed|chose|preferred|supported|voted\s+for|went\s+(?:to|for))\s+(?:someone|somebody|"
    r"anyone|anybody)\s+else|(?:backed|chose|preferred|supported|voted\s+for|went\s+to)\s+"
    r"(?:another\s+candidate|(?:the\s+)?other\s+candidates|(?:her|his|their)\s+rivals))(?![\w-])"
)

# A count shared out before the number: "Of Lund's 6,569, Rowe took 2,497", "His
# 11,643 papers broke 4,012 to Rowe", "Over the five distributions she picked up"
_OF_WHOSE = re.compile(
    r"\W*of\s+(?:[\w'\u2019-]+'s|his|her|their)\s+(?:[\w-]+\s+)?\d[\d,]*\s*(?:[\w-]+\s*)?,"
)
_SHARED_OUT = re.compile(
    r"(?:papers|votes|transfers|preferences|ballots|surplus|'s\s+\d[\d,]*)\s+(?:broke|split|"
    r"divided|spread|gave|were\s+(?:distributed|split|shared|divided)|went)(?![\w-])"
    r"|(?:'s|\bhis|\bher|\btheir)\s+(?:transfers|surplus)(?![\w-])"
    r"|(?:over|across|in|from)\s+(?:the\s+|all\s+)?(?:\w+\s+)?(?:distributions|transfers|"
    r"exclusions|eliminations)(?![\w-])"
)
_TRANSFER = re.compile(
    r"\s*(?:(?:votes?|papers?|preferences?|transfers?|ballots?)\s+)?(?:went\s+|passed\s+|"
    r"transferred\s+|flowed\s+)?to\s+(?:mayor\s+|ms\s+|mr\s+|cr\s+|dr\s+)?[a-z]"
)
_OF_SOMEONES = re.compile(
    r"\s*(?:of|from)\s+(?:(?:his|her|their)\s+|(?:[\w\u00c0-\u017f-]+\s+)?"
    r"[\w\u00c0-\u017f-]+'s\s+)(?:(?:first|second|final)[\s-]+)?(?:papers|votes|"
    r"ballots|preferences|transfers|supporters)"
    # "7,100 of them, about seven in ten", "7,100 of her 10,270": a part of what was just
    # counted (not "12 of them from workplaces": a part the words name)
    r"|(?P<part>\s*of\s+(?:(?:them|those|these)\s*(?:[,.;:)\u2013\u2014]|$)|(?:his|her|their|"
    r"(?:[\w\u00c0-\u017f-]+\s+){0,2}[\w\u00c0-\u017f-]+'s)\s+\d))"
)
# ... and the whole it is a part of ("of her 10,270"), and the numbers listed after a part
# in the same sentence ("Lafrenière received 7,100 of them; Pike got 1,700, ...").
_PART_BEFORE = re.compile(
    r"\d\s+of\s+(?:his|her|their|(?:[\w\u00c0-\u017f-]+\s+){0,2}[\w\u00c0-\u017f-]+'s)\s+$"
)
_A_PART = re.compile(
    r"\d\s+of\s+(?:(?:them|those|these)\s*(?:[,.;:)\u2013\u2014]|$)|(?:his|her|their|"
    r"(?:[\w\u00c0-\u017f-]+\s+){0,2}[\w\u00c0-\u017f-]+'s)\s+\d)"
)
_GAINED = re.compile(
    r"(?<![\w-])(?:gain(?:ed|s|ing)?|picked\s+up|picks\s+up)\s+(?:[\w-]+\s+){0,2}$"
)
_SENT_TO = re.compile(
    r"(?<![\w-])(?:sent|gave|handed|passed|delivered|brought|lent|transferred)\s+"
    r"(?P<to>him|her|them|[a-z][\w'-]+)\s+(?:(?:another|a\s+further)\s+" + _Q + r"$|" + _Q + r"$|"
    r"[^.;]{0,40}?,?\s+and\s+[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?'s\s+" + _Q + r"$)"
)

# A gain between rounds: verbs that say so ("gained", "rose by"), or verbs of getting
# votes with "another" or "a further" ("picked up a further 2,000").
_GAIN = re.compile(
    r"(?<![\w-])(?:(?:gained|gains|gaining|added|adds|adding|(?:rose|climbed|jumped|grew|"
    r"increased|went\s+up)\s+by|(?:a\s+)?(?:gain|boost)\s+of)\s+(?:(?:only|just)\s+)?|"
    r"(?:picked\s+up|picks\s+up|picking\s+up|collected|took|takes|won|wins|received|attracted|"
    r"gained|added)\s+(?:another|a\s+further)\s+)" + _Q + "$"
)
# "Oduwole gained more than 8,000 votes between the rounds, Delahaye about 3,000"
_GAIN_ELLIPSIS = re.compile(
    r"(?<![\w-])(?:gained|gains|added|adds|picked\s+up|picks\s+up|rose\s+by|climbed\s+by)"
    r"(?![\w-])[^.;]{0,80}(?:,\s+(?:and\s+|while\s+)?|\s+and\s+)(?:(?:mr|ms|mrs|dr)\.?\s+)?"
    r"[\w'\u2019-]+(?:\s+[\w'\u2019-]+)?\s+" + _Q + "$"
)
_BETWEEN_ROUNDS = re.compile(
    r"(?<![\w-])between\s+the\s+(?:first|second|third|fourth|fifth|sixth)\s+and\s+(?:the\s+)?"
    r"(?P<to>second|third|fourth|fifth|sixth|seventh|final|last)\s+(?:rounds?|counts?|stages?)"
)
_SHORT = re.compile(
    r"\s*(?:votes?\s+|points?\s+)?(?:short|shy)(?![\w-])(?P<mark>\s+of\s+(?:it|that|this|half"
    r"(?![\w-])|(?:a|an|the|outright)?\s*(?:[\w-]+\s+)?(?:majority|mark|threshold|target|quota|"
    r"winning\s+post|line|bar|hurdle)"
    # "4,873 votes short of winning outright", "of an outright win"
    r"|winning\s+(?:outright|it|on\s+the\s+first\s+(?:ballot|round|count))"
    r"|(?:an\s+)?outright\s+(?:win|victory)))?"
)
# "decided by nine votes over the majority line": a surplus over a mark, said after it
_OVER_MARK_AFTER = re.compile(
    r"\s*(?:votes?\s+|points?\s+)?(?:over|above|past|beyond|clear\s+of|more\s+than)\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:line|mark|threshold|bar|hurdle|quota|target|"
    r"winning\s+post)(?![\w-])"
)
# "clearing the majority bar by nine votes", "over the line by 9": a surplus over a mark
_OVER_MARK = re.compile(
    r"(?<![\w-])(?:clear(?:ing|ed|s)?|over|above|past|beyond|cross(?:ing|ed|es)?|pass(?:ing|ed|es)?)"
    r"\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:bar|line|mark|threshold|hurdle|quota|target|"
    r"winning\s+post|halfway\s+mark|half)\s+by\s+$"
    # "She needed 38,723 to win and cleared that by 227": the mark named before
    r"|(?<![\w-])(?:clear(?:ing|ed|s)?|pass(?:ing|ed|es)?|beat|exceeded|topped|surpassed)\s+"
    r"(?:that|it|this)\s+(?:figure\s+|mark\s+|number\s+)?by\s+$"
)
_MARK = re.compile(
    r"(?<![\w-])(?:at\s+least|needed|required|majority|threshold|quota|to\s+win\s+outright)"
    r"(?![\w-])"
)
_WITHIN = re.compile(r"\s*(?:votes?\s+|percentage\s+points?\s+|points?\s+)?of\s+")
# what a count of votes may be called between a number and "than": "votes", "first
# choices", "first-preference votes", "ballots"
_VOTES_CALLED = r"(?:(?:[\w-]+\s+){0,2}?(?:votes?|ballots?|choices?|preferences?)\s+)?"
_DIFFERENCE = re.compile(rf"\s*(?:votes?\s+)?(?:more|fewer|less)\s+{_VOTES_CALLED}than(?![\w-])")
_BACKING_OF = re.compile(
    r"(?:with|on|thanks\s+to|by)\s+the\s+(?:votes?|backing|support|ballots)\s+of\s+" + _Q + "$"
)

_VOTED_FOR = re.compile(
    r"\s*(?:[\w-]+\s+)?(?:members|people|voters|electors|workers|supporters)?\s*"
    r"(?:who\s+|that\s+)?(?:had\s+|have\s+)?(?:(?:voted|vote|plumped|opted)\s+for|"
    r"(?:stood|stand|sided|side|went|stuck)\s+with)\s+"
)

# A number listed after a name with no verb of its own ("..., Rowe 900"): gapped.
_GAP_WORDS = (
    r"(?:(?:got|had|by|with|on)\s+)?(?:(?:about|around|roughly|nearly|almost|some|just|only|"
    r"over|under|(?:fewer|less|more)\s+than)\s+)?"
)
# ("a(?<!\w.)nd" is "\band": no word character before the "a"; written so, every
# alternative starts with a character the scan can look for)
_LISTED = re.compile(
    r"(?:,|;|a(?<!\w.)nd)\s+(?:[\w\u00c0-\u017f'\u2019-]+\s+){1,4}" + _GAP_WORDS + "$"
)
# The first item of a list whose later items are gapped: a verb and its number ("Rowe
# filed 987, Pike 612 and Lund 318", "Pike won 48 percent of the delegates, vice
# president Rowe about 30 percent").
_FIRST_ITEM = re.compile(
    r"(?<![\w-])(?:filed|collected|gathered|submitted|handed\s+in|lodged|raised|spent|won|took|"
    r"got|received|polled|secured|had|finished\s+with|ended\s+with|"
    # "Hale was backed by 12 per cent of the roll, Pike by about 5 per cent"
    r"(?:backed|supported|chosen|preferred|favoured|favored)\s+by|"
    # "Hale had the backing of 24.2 per cent of the electorate, Pike 20.2 per cent"
    r"(?:had|won|got|received|enjoyed|drew)\s+the\s+(?:backing|support)\s+of|"
    # "Hale's share of valid votes is 44.0 per cent; Pike 29.8; Lund 9.0"
    r"share\s+(?:of\s+(?:[\w-]+\s+){1,3}?)?(?:is|was|stood\s+at|came\s+to))\s+(?:[\w-]+\s+){0,2}?(?=\d)"
)


def gapped(
    doc: Document, sent: Sent, n: NumberMention, qs: int
) -> tuple[NumberMention, str] | None:
    """ "Rowe filed 987, Pike 612 and Lund 318": for a number listed after a name
    with no verb of its own, the number of the first item (a verb's) and the name it is
    listed after."""
    if not _LISTED.search(doc.norm, max(sent.start, qs - 60), qs):
        return None
    named = [m for m in persons(sent) if m.end <= qs and m.person]
    if not named or not re.fullmatch(r"\s*" + _GAP_WORDS, doc.norm[named[-1].end : qs]):
        return None
    filed = [m for m in _FIRST_ITEM.finditer(doc.norm, sent.start, named[-1].start)]
    if not filed:
        return None
    at = filed[-1].end()
    first = next((x for x in doc.numbers_in(at, qs) if x.start == at), None)
    return (first, named[-1].person) if first is not None and named[-1].person else None


_NOMINATED_BY = re.compile(r"(?<![\w-])(?:nominated|endorsed|put\s+forward)\s+by\s+" + _Q + r"$")


def _nominated_by(doc: Document, sent: Sent, n: NumberMention, cs: int) -> Reading | None:
    """ "Lund was nominated by 19 affiliated unions": her nominations."""
    people = [m for m in persons(sent) if m.end <= n.start and m.person and m.kind == "person"]
    if not people or _unknown_between(doc, sent, people[-1], n):
        return None
    # "nominated by 18 MPs": a kind of nominations the facts may record apart
    counts = f"{n.noun} nominations" if n.noun else "nominations"
    return Reading("nominations", people[-1].person, counts=counts, why="nominations")


def _unknown_between(doc: Document, sent: Sent, m: Mention, n: NumberMention) -> bool:
    return any(x.kind == "other" and m.end <= x.start < n.start for x in sent.mentions)


# "losing by 1,380 votes to his opponent": a margin, not a transfer to somebody
_LOST_BY = re.compile(
    r"(?<![\w-])(?:lost|losing|beaten|defeated|trailing|trailed)\s+by\s+" + _Q + "$"
)


def _split_of_them(doc: Document, sent: Sent, qs: int, post: str) -> bool:
    """ "Rowe took 3,640 of them to his 1,994": the two parts of a count named before."""
    return bool(_OF_THEM.match(post) or _OF_THEM_TO.search(doc.norm, max(sent.start, qs - 40), qs))


def _groups(doc: Document, sent: Sent, cs: int, qs: int) -> bool:
    """A group's figure ("the two challengers took"), not one of a group's ("came second
    of the three candidates, with 53,544")."""
    group = _GROUP.search(doc.norm, max(sent.start, cs - 60), qs)
    if group is None:
        return False
    return not _ONE_OF.search(doc.norm, max(sent.start, group.start() - 30), group.start())


def _shared_out(doc: Document, sent: Sent, qs: int) -> bool:
    """ "Of Lund's 6,569, Rowe took 2,497": the parts of a count shared out."""
    return bool(
        _OF_WHOSE.match(doc.norm, sent.start, qs) or _SHARED_OUT.search(doc.norm, sent.start, qs)
    )


def _nobodys_own(doc: Document, sent: Sent, n: NumberMention, cs: int, qs: int, post: str) -> bool:
    """A figure that is nobody's own tally: a group's, a transfer, a part of somebody
    else's votes."""
    if (
        _groups(doc, sent, cs, qs)
        or _GROUP_AFTER.match(post)
        or _split_of_them(doc, sent, qs, post)
        or _shared_out(doc, sent, qs)
    ):
        return True  # "the two challengers took more than half", "43,934 between them"
    sent_to = _SENT_TO.search(doc.norm, max(sent.start, qs - 60), qs)
    if sent_to and (
        sent_to.group("to") in ("him", "her", "them")
        or any(m.start == sent_to.start("to") and m.person for m in sent.mentions)
    ):
        return True  # "Ferreira's ballots sent him 1,700", "... and Lund's 740": transfers
    if (
        _TRANSFER.match(post)
        and not _SCORE_AFTER.match(post)
        and not _LOST_BY.search(doc.norm, max(sent.start, qs - 40), qs)
        and any(m.start >= n.end and m.start - n.end < 30 and m.person for m in persons(sent))
    ):
        return True  # "720 to Lind": a transfer between rounds, not a tally
    near = max(sent.start, qs - 60)
    # (every mark above ends "by" and a space: a cheap test before the search)
    if (
        doc.norm[near:qs].rstrip().endswith("by") and _OVER_MARK.search(doc.norm, near, qs)
    ) or _OVER_MARK_AFTER.match(post):
        return True
    short = _SHORT.match(post)
    lo = doc.sentences[sent.index - 1].start if sent.index else sent.start
    if short and (short.group("mark") or _MARK.search(doc.norm, lo, sent.end)):
        # "nearly 4,900 short" of the mark for a majority, here or just before: no margin
        # over anyone (but "Pike was 2,000 votes short" of the winner is a margin)
        return True
    if _PART_BEFORE.search(doc.norm, max(sent.start, qs - 60), qs):
        return True
    if _A_PART.search(doc.norm, sent.start, qs) and _LISTED.search(
        doc.norm, max(sent.start, qs - 60), qs
    ):
        return True
    part = _OF_SOMEONES.match(post)  # "half of Lind's papers": a share of somebody else's
    if part and part.group("part"):
        if n.unit != "count" or _GAINED.search(doc.norm, max(sent.start, qs - 40), qs):
            # "16 per cent of the union's 1.5 million members": a share on that basis;
            # "gained more than 3,000 of them": a gain between rounds
            return False
    return bool(part)


def _difference(
    doc: Document, sent: Sent, n: NumberMention, cs: int, rnd: int | None
) -> Reading | None:
    """ "18,000 fewer votes than he had then": a change, unless it is over a rival (in
    votes: "11 branch nominations, one more than Karen" counts nominations)."""
    norm = doc.norm
    if n.noun is None and _after_other_count(doc, sent, n):
        return None
    after = [m for m in persons(sent) if m.start >= n.end and m.person and m.by_name]
    subject = subject_of(doc, sent, n, cs)
    a = subject.person if isinstance(subject, Mention) else None
    if subject is None and not [m for m in persons(sent) if cs <= m.start < n.start]:
        # "Rowe led, taking 31,240 (39.8 per cent), 11,125 more than Pike": a comparison
        # tacked on with no subject of its own is the sentence's subject's
        opener = next((m for m in persons(sent) if m.start < cs), None)
        if opener is not None and opener.person and opener.kind != "other":
            a = opener.person
    than = _DIFFERENCE.match(norm, n.end, sent.end)
    if (
        after
        and than is not None
        and re.fullmatch(rf"\s*{title()}?", norm[than.end() : after[0].start])
        and after[0].person != a
    ):  # "5,523 fewer than Rowe": the rival straight after "than"
        return Reading("margin", a, after[0].person, round=rnd, why="a margin over a rival")
    return None


def _after_other_count(doc: Document, sent: Sent, n: NumberMention) -> bool:
    """Does a bare number follow a count of something other than votes, after a comma
    ("11 branch nominations, one more than Karen")?"""
    qs = n.qual_start if n.qual_start is not None else n.start
    earlier = [x for x in doc.numbers_of(sent) if x.end <= qs and x.unit == "count" and x.noun]
    if not earlier or earlier[-1].noun in ("votes", "vote", "ballots", "papers", "preferences"):
        return False
    last = earlier[-1]
    gap = rf"\s+(?:[\w-]+\s+)?{re.escape(last.noun or '')}\s*,\s*"
    return bool(re.fullmatch(gap, doc.norm[last.end : qs]))


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


def _gains(doc: Document, sent: Sent, n: NumberMention, pre: str) -> bool:
    """Is ``n`` what somebody gained between rounds ("Lafreniere gained only 610", "picked
    up more than 8,000 votes between the second and third counts")?  Only in a count of
    several rounds, and only a count of votes, not a share."""
    if n.unit != "count" or not doc.facts.once("measures.gains", _counted_in_rounds):
        return False
    if gained(doc, sent, n, pre):
        return True
    return bool(
        re.search(r"(?<![\w-])(?:picked\s+up|picks\s+up|collected|took|won)\s+" + _Q + "$", pre)
        and _BETWEEN_ROUNDS.search(doc.norm, sent.start, sent.end)
    )


def gained(doc: Document, sent: Sent, n: NumberMention, pre: str) -> bool:
    """Do the words say ``n`` was gained ("gained 44 votes", "..., Pike 29")?  In a count
    of one round that is a change (a recount's, or since the last election), no tally."""
    qs = n.qual_start if n.qual_start is not None else n.start
    return bool(_GAIN.search(pre) or _GAIN_ELLIPSIS.search(doc.norm, max(sent.start, qs - 120), qs))


def _counted_in_rounds(facts: Facts) -> bool:
    return any(f.measure == "gain" and f.contest == "this" for f in facts.figures)


def _gain(doc: Document, sent: Sent, n: NumberMention, cs: int, rnd: int | None) -> Reading:
    """What somebody gained from one round to the next, in the round it came in."""
    subject = subject_of(doc, sent, n, cs)
    who = subject.person if isinstance(subject, Mention) else None
    between = _BETWEEN_ROUNDS.search(doc.norm, sent.start, sent.end)
    if between:
        rnd = ORDINALS.get(between.group("to"), -1)
    return Reading("gain", who, round=rnd, why="a gain between rounds")
