"""Counts: what a bare number or a number with a noun counts, and whose it is.

A count is a part of a whole ("131,000 of a million members"), the number who
voted, a count of things (branches, signatures, nominations, or a thing the
facts record, "41,260 postal votes were returned"), a margin in votes, one
of the ballot's own numbers (``measure_totals``), people (nobody's tally,
unless they backed somebody), else the votes of the person it belongs to.  A
bare count takes the noun of the count before it ("1,185 branches backed
Rowe; Pike received 187").  Counts of nobody's votes (those who stayed at
home, a delegation's size, the mark a majority needs, votes to spare) are
not read.
"""

from __future__ import annotations

import re

from factwatch.claims.concepts import stem
from factwatch.claims.facts import Facts
from factwatch.claims.lexicon import lexicon
from factwatch.claims.measure_shares import _margin
from factwatch.claims.measure_totals import _ballot_count, _number_who_voted, _whole
from factwatch.claims.measure_words import (
    _ABSTAIN,
    _BY_AGENT,
    _PEOPLE_NOUNS,
    _SCORE_AFTER,
    _VOTE_NOUNS,
    _VOTED_AFTER,
    BY_ONE_CHANNEL,
    Reading,
    margin_before,
)
from factwatch.claims.model import Figure
from factwatch.claims.numbers import NumberMention
from factwatch.claims.owners import QUALIFIERS as _Q
from factwatch.claims.owners import after_people, doer, listed_after_colon, persons, subject_of
from factwatch.claims.scope_other import our_names
from factwatch.claims.text import Document, Mention, Sent

_LEX = lexicon()

# "polled 6,905": a tally of votes, whatever was counted before it
_VOTED_BEFORE = re.compile(rf"(?<![\w-])(?:polled|polls|polling)\s+{_Q}$")

_MARGIN_AFTER = re.compile(
    r"\s*(?:-|\s)?(?:votes?\s+|percentage\s+points?\s+|points?\s+|per\s?cent\s+)?"
    r"(?:ahead|behind|clear|short|adrift|separated|divided|split|more\s+than|fewer\s+than|"
    r"less\s+than|over\s+(?!the\b|a\b|\d)|better\s+than)(?![\w-])"
    r"|-votes?\s+(?:majority|margin|lead|win|victory|defeat|gap|loss|advantage)"
)


def _counted_things(facts: Facts) -> list[tuple[frozenset[str], Figure]]:
    """The things this contest's facts count, as the stems of their words."""
    return [
        (frozenset(stem(w) for w in f.counts.split()), f)
        for f in facts.figures
        if f.contest == "this" and f.measure in ("count", "electorate") and f.counts
    ]


_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[a-z][\w'-]*")


def _recorded_count(
    doc: Document, sent: Sent, n: NumberMention, cs: int, post: str
) -> Reading | None:
    """A count of a thing the facts record, named by its words just after the number
    ("41,260 postal votes were returned", "her 11,094 second preferences")."""
    option = _option_tally(doc, n, post)
    if option is not None or n.unit != "count":
        return option
    own = _DIGIT.split(post, maxsplit=1)[0]  # up to the next number, which has its own
    after = [stem(w) for w in _WORD.findall(own)[:6]]
    # "12,204 mail-in ballots" of "mail ballots": a hyphenated word by its first part too
    heads = [w.split("-")[0] if "-" in w else w for w in after]
    near = frozenset(after) | frozenset(heads)
    pairs = set(zip(after, after[1:], strict=False)) | set(zip(heads, heads[1:], strict=False))
    passive = _PASSIVE_AFTER.match(own)
    best: tuple[frozenset[str], Figure] | None = None
    for words, fig in doc.facts.once("measures.counted", _counted_things):
        first = [stem(w) for w in fig.counts.split()[:2]]
        if len(words) < 2 or not words <= near or (first[0], first[1]) not in pairs:
            if not (passive and _named_before(doc, sent, words, stem(passive.group(1)))):
                continue  # its words, its first two side by side ("28 blank or void" is no match)
        if best is None or len(words) > len(best[0]):
            best = (words, fig)  # the fullest match: "students and staff on the roll"
    if best is not None:
        words, fig = best
        if fig.measure == "electorate":
            return Reading("electorate", why=f"the whole of those entitled to vote ({fig.counts})")
        # Somebody's own ("431 signatures", "Strachan has 22 local parties") is judged
        # as theirs, never as the organisation's whole.
        who = subject_of(doc, sent, n, cs)
        if who is None:
            who = (
                _fronted_by(doc, sent, n)
                or _only_one_with(doc, sent, n)
                or listed_after_colon(doc, sent, n)
            )
        subject = who.person if isinstance(who, Mention) else None
        return Reading("count", subject, counts=fig.counts, why=f"a count of {fig.counts}")
    return None


def _option_label(facts: Facts) -> str:
    """The one-word name of the votes for no listed candidate, when the facts give one
    (`results.others_label`: "NOTA", "RON"); "" otherwise."""
    got = [
        f.counts.lower()
        for f in facts.figures
        if f.contest == "this" and f.id == "others" and f.counts and " " not in f.counts
    ]
    return got[0] if got else ""


def _option_tally(doc: Document, n: NumberMention, post: str) -> Reading | None:
    """ "NOTA polled 2,947 votes", "RON 84", "97 votes went to RON": the votes of a
    ballot option that is no candidate, by its one-word name."""
    label = doc.facts.once("measures.option", _option_label)
    if not label or label not in doc.norm:
        return None
    qs = n.qual_start if n.qual_start is not None else n.start
    pre = doc.norm[max(0, qs - 40) : qs]
    name = re.escape(label)
    if re.search(
        rf"(?<![\w-]){name}(?:,)?\s+(?:{_VOTE_VERB_WORDS}\s+)?(?:[a-z]+\s+)?{_Q}$", pre
    ) or re.match(rf"\s*(?:votes?\s+)?(?:for|to|went\s+to|backed|chose)\s+{name}(?![\w-])", post):
        return Reading("count", None, counts=label, why="the votes of a ballot option by its name")
    return None


_VOTE_VERB_WORDS = (
    r"(?:polled|drew|got|took|received|won|gathered|secured|attracted|had|at|with|on|:)"
)


# "621 were rejected at opening": the participle of a recorded count ("postal votes
# rejected") whose other words the sentences before give
_PASSIVE_AFTER = re.compile(r"\s*(?:were|was|had\s+been|have\s+been)\s+([a-z]+ed)\b")


def _named_before(doc: Document, sent: Sent, words: frozenset[str], participle: str) -> bool:
    """Does the recorded count hold ``participle`` and this paragraph or the one before
    it hold its other words?"""
    if participle not in words:
        return False
    lo = sent.index
    while lo > 0 and doc.sentences[lo - 1].paragraph >= sent.paragraph - 1:
        lo -= 1
    said = {stem(w) for s in doc.sentences[lo : sent.index + 1] for w in s.words}
    return words - {participle} <= said


def _personal_counts(facts: Facts) -> frozenset[str]:
    """The things the facts count for a person ("member signatures" for each nominee)."""
    return facts.once(
        "measures.personal",
        lambda f: frozenset(x.counts for x in f.figures if x.measure == "count" and x.subject),
    )


_BASE_BEFORE = re.compile(
    r"(?:\d|hundred|thousand|million|dozen|handful)(?:\s*(?:%|per\s?cent))?\s+"
    r"(?:[\w-]+\s+)?(?:out\s+)?of\s+(?:the\s+|some\s+|a\s+|its\s+)?" + _Q + "$"
)


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
    earlier = [
        x
        for s in doc.sentences[first : sent.index + 1]
        for x in doc.numbers_of(s)
        if x.end <= n.start and x.unit == "count" and x.noun
    ]
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
        got = _thing_count(doc, sent, n, cs, noun)
        # a bare number is somebody's count of that noun, never the organisation's whole
        # ("the 9,500 who backed Hale" after "18,000 members who voted for ...")
        return got if got is None or got.subject else None
    if noun and noun.startswith("nominat"):
        return _nominations(doc, sent, n, cs)
    if _margin_words(doc, sent, n, pre, post):
        return _vote_margin(doc, sent, n, cs, ce, noun, rnd)
    ballot = _ballot_count(doc, sent, n, cs, noun, pre, post)
    if ballot is not None:
        return ballot
    if noun in _PEOPLE_NOUNS or (noun and noun not in _VOTE_NOUNS):
        return _people_or_things(doc, sent, n, cs, noun, pre, post, rnd)
    return _tally(doc, sent, n, cs, noun, rnd)


def _tally(
    doc: Document, sent: Sent, n: NumberMention, cs: int, noun: str | None, rnd: int | None
) -> Reading | None:
    """The votes of the person a number belongs to, or their nominations when the sentence
    speaks of nominations and not of the ballot ("one of the 36 that nominated Niamh; only
    Delahaye, with 41, had more")."""
    subject = subject_of(doc, sent, n, cs)
    if not isinstance(subject, Mention) or not subject.person:
        return None
    if (
        noun is None
        and _NOMINATING.search(doc.norm, sent.start, n.start)
        and not _VOTING.search(doc.norm, sent.start, sent.end)
    ):
        return Reading("nominations", subject.person, counts="nominations", why="nominations")
    return Reading("votes", subject.person, round=rnd, why="a candidate's votes")


# Words of the ballot itself, beside which a bare number is a tally, not nominations.
_VOTING = re.compile(
    r"(?<![\w-])(?:votes?|voted|ballots?|polled|papers|preferences|count|round|won|elected)"
    r"(?![\w-])"
)


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
_TO_SPARE = re.compile(r"\s*(?:[\w-]+\s+)?(?:votes?\s+|ballots?\s+)?to\s+spare(?![\w-])")


def _vote_margin(
    doc: Document,
    sent: Sent,
    n: NumberMention,
    cs: int,
    ce: int,
    noun: str | None,
    rnd: int | None,
) -> Reading | None:
    """A margin in votes (none when the count counts something else, or a seat's: "held
    Surrey-Cloverdale Heights by 6,212")."""
    if noun and noun not in _VOTE_NOUNS:
        return None
    if _a_seats(doc, sent, n):
        return None
    return _margin(doc, sent, n, cs, ce, rnd, "a margin in votes")


# A place won, held or lost "by" a number: a seat's margin, in the written text's capitals.
_SEAT = re.compile(
    r"(?<![\w-])(?:won|wins|held|holds|lost|loses|took|takes|retained|retains|kept|keeps|"
    r"gained|gains|captured|captures)\s+(?:the\s+)?(?P<place>[A-Z][\w'\u2019.]*(?:[\s\u2014\u2013-]+"
    r"(?:and\s+|&\s+)?[A-Z][\w'\u2019.]*)*)(?:\s+(?:seat|riding|ward|constituency|district|"
    r"division))?\s+by\s+(?:[a-z]+\s+){0,2}$"
)


# ... or somebody's seat: "lost his seat last spring by 3,410 votes"
_OWN_SEAT = re.compile(
    r"(?<![\w-])(?:won|wins|held|holds|lost|loses|retained|retains|kept|keeps|gained|captured)\s+"
    r"(?:his|her|their|its|a|the)\s+(?:[\w-]+\s+)?(?:seat|riding|ward|constituency|district)"
    r"(?:\s+[\w,'\u2019-]+){0,4}?\s+by\s+(?:[a-z]+\s+){0,2}$"
)


def _a_seats(doc: Document, sent: Sent, n: NumberMention) -> bool:
    qs = n.qual_start if n.qual_start is not None else n.start
    lo = max(sent.start, qs - 90)
    if _OWN_SEAT.search(doc.norm, lo, qs):
        return True
    m = _SEAT.search(doc.text, lo, qs)
    if m is None:
        return False
    if any(m.start("place") <= x.start < qs and x.person for x in persons(sent)):
        return False  # "beat Pike by 5,523": a person, not a place
    place = m.group("place").lower()
    return place not in doc.facts.once("scope.ours", our_names)


# "Lund's 4,569 split 1,276 Rowe, ...": somebody's own count shared out, no gap
_OWN_COUNT_SPLIT = re.compile(r"(?:'s|\bhis|\bher|\btheir)\s+$")
_SPLIT_AFTER = re.compile(r"\s*(?:votes?\s+|papers?\s+)?(?:split|divided)(?![\w-])")


def _margin_words(doc: Document, sent: Sent, n: NumberMention, pre: str, post: str) -> bool:
    """ "a majority of 5,523", "won by 5,523", "5,523 votes ahead" (not "backed by 5,523",
    not a score "by 59,067 to 53,544")."""
    return bool(
        (
            _MARGIN_AFTER.match(post)
            and not (_OWN_COUNT_SPLIT.search(pre) and _SPLIT_AFTER.match(post))
        )
        or (
            (margin_before(pre) or _by_margin(doc, sent, n))
            and not _BY_AGENT.search(pre)
            and not _SCORE_AFTER.match(post)
        )
    )


# A share of a group, then the group's size: "three in five of the party's", "60% of its"
_A_SHARE_OF_GROUP = re.compile(
    r"(?:\bin\s+(?:\d+|[a-z]+)|per\s?cent|%|\bhalf|\bthirds?|\bquarters?|\bfifths?)\s+of\s+"
    r"(?:the\s+|its\s+|their\s+)?(?:[\w\u00c0-\u017f-]+'s\s+)?$"
)


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
    if noun in _PEOPLE_NOUNS and _A_SHARE_OF_GROUP.search(pre):
        # "three in five of the party's 126,480 eligible members voted": the whole
        return Reading("electorate", why="the whole a share of those who voted is taken of")
    if noun in _PEOPLE_NOUNS and _VOTED_AFTER.match(post) and not _ABSTAIN.search(post[:40]):
        if BY_ONE_CHANNEL.search(post[:90]):
            return None  # "9,900 people voted at the advance polls": a part of the whole
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
    if subject is None:
        subject = _fronted_by(doc, sent, n)  # "Nominated by six MPs and 31 local parties, she"
    if subject is False:
        return None  # somebody the facts do not know
    who = subject.person if isinstance(subject, Mention) else None
    if who is None and any(m.person and cs <= m.start < n.start for m in persons(sent)):
        return None  # "Dafydd Rees-Morgan eight and 47": somebody's, but not said whose
    lo = doc.sentences[max(0, sent.index - 1)].start
    return Reading(
        "count",
        who,
        counts=noun,
        nominating=bool(_NOMINATING.search(doc.norm, lo, sent.end)),
        why=f"a count of {noun}",
    )


_FRONTED_BY = re.compile(
    r"\W*(?:nominated|backed|endorsed|supported|proposed|seconded)\s+by\s+[^,;.]{1,80},\s*"
)


def _fronted_by(doc: Document, sent: Sent, n: NumberMention) -> Mention | None:
    """The subject a sentence opening with "Nominated by ..." goes on to name: the
    nominations are theirs."""
    m = _FRONTED_BY.match(doc.norm, sent.start, sent.end)
    if m is None or not sent.start <= n.start < m.end():
        return None
    after = [x for x in persons(sent) if x.start >= m.end() and x.person]
    return after[0] if after and after[0].start - m.end() < 20 else None


_BY_ACROSS = re.compile(
    rf"(?:{_LEX.alt('win_verb')}|won|win|wins|held\s+on|hung\s+on|clung\s+on|scraped\s+home|"
    rf"edged\s+home|triumphed|prevailed|lost|trailed|finished|re-elected|led|leads|still\s+ahead)"
    rf"(?![\w-])[^;.]{{0,160}}?,\s*"
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
    if subject is None:
        subject = _only_one_with(doc, sent, n)  # "Whelan ... scraped on with 11 nominations"
    if subject is False:
        return None
    nxt = [x.start for x in doc.numbers_in(n.end, sent.end)]
    words = doc.norm[max(cs, n.start - 20) : min(nxt[0] if nxt else sent.end, n.end + 50)]
    person = subject.person if isinstance(subject, Mention) else None
    if person is None:
        return None
    return Reading("nominations", person, counts=words, why="nominations")


_WITH_BEFORE = re.compile(r"(?<![\w-])with\s+" + _Q + "$")


def _only_one_with(doc: Document, sent: Sent, n: NumberMention) -> Mention | None:
    """ "Karen Whelan, backed by the network, scraped onto the ballot with 11 nominations":
    nominations "with" which the only person the sentence names got there."""
    qs = n.qual_start if n.qual_start is not None else n.start
    if not _WITH_BEFORE.search(doc.norm, max(sent.start, qs - 30), qs):
        return None
    people = persons(sent)
    if len({m.person for m in people}) != 1 or people[0].person is None:
        return None
    return people[0] if people[0].start < n.start else None
