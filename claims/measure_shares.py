"""Percentages and shares: what a percentage measures and on which basis.

A percentage is a margin in points, turnout ("a turnout of 12.2%", "12% of
members voted"), spoiled ballots, the share of those who backed somebody
("52% of those who voted backed Rowe"), else the share of the candidate it
belongs to, of the electorate or of the vote on the basis its own words give
("of the valid vote", "of all votes cast", "of the papers still in the
count").  Margins, in points or in votes, are read here too: their owner and
their two sides.
"""

from __future__ import annotations

import re

from factwatch.claims.margin_sides import margin_owner, pair
from factwatch.claims.measure_words import (
    _ABSTAIN,
    _BY_AGENT,
    _OF_MEMBERS,
    _SCORE_AFTER,
    _SPOILED_AFTER,
    _SPOILED_BEFORE,
    _TURNOUT_BEFORE,
    _VOTED_AFTER,
    Reading,
    margin_before,
)
from factwatch.claims.numbers import NumberMention
from factwatch.claims.owners import persons, subject_of
from factwatch.claims.text import Document, Mention, Sent

_TURNOUT_AFTER = re.compile(r"\s*(?:%\s*)?turn[\s-]?out(?![\w-])")

_SHARE_OF = re.compile(
    r"\s*(?:of\s+(?:the\s+)?(?P<what>(?:all\s+(?:the\s+)?)?(?:valid\s+|first[\s-]preference\s+|"
    r"final[\s-]round\s+)?"
    r"(?:(?:(?:ballot\s+)?papers|votes?|ballots?)(?:\s+(?:cast|returned))?|poll|total|vote\s+share|"
    r"first\s+preferences|"
    r"preferences|support|backing|valid\s+votes)|all\s+votes(?:\s+cast)?)"
    r"|(?:share|support|backing)(?![\w-]))"
)

_VOTERS_WHO = re.compile(
    r"\s*(?:of\s+(?:those|the\s+(?:members|people|voters|electors|delegates))|members|people|"
    r"voters|electors|delegates)\s+who\s+(?:voted|"
    r"took\s+part|cast\s+(?:a\s+)?ballots?)"
    # "of those who voted for president chose someone else": the office voted for
    r"(?:\s+(?:for|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?[\w-]+)?\s+(?:backed|supported|chose|"
    r"preferred|picked|went|opted|voted\s+for|gave|sided|wanted|rejected)(?![\w-])"
)
_OF_ALL_WHO_VOTED = re.compile(
    r"\s*of\s+(?:everyone|everybody|all\s+(?:those|the\s+people)|all)\s+who\s+(?:voted|took\s+part)"
)
_VOTED_HOW = re.compile(
    r"\s*(?:of\s+(?:[\w'-]+\s+){0,3}?)?(?:[\w-]+\s+)?voted\s+(?:online|by\s+post|by\s+mail|"
    r"in\s+person|electronically|by\s+phone|by\s+telephone|on\s+paper)(?![\w-])"
)
# "seven in ten of those who voted did so online", "one in six members who voted tonight
# voted for reform": a share of the voters, whatever it goes on to say of them
_OF_THOSE_WHO = re.compile(
    r"\s*(?:of\s+(?:those|the\s+(?:members|people|voters|electors|delegates))|members|people|"
    r"voters|electors|delegates)\s+who\s+(?:had\s+|have\s+|did\s+)?(?:actually\s+)?"
    r"(?:voted|took\s+part|cast\s+(?:a\s+)?(?:ballots?|votes?)|returned\s+(?:a\s+)?ballots?)"
    r"(?![\w-])"
)
_SUPPORT_OF = re.compile(r"(?<![\w-])(?:support|backing|votes)\s+of\s+$")
_THOSE_WHO_BACKED = re.compile(
    r"\s*of\s+(?:those|the\s+(?:members|people|voters|electors))\s+who\s+(?:voted|took\s+part)\s+"
    r"(?:backed|supported|chose|preferred|voted\s+for)\s+"
    # not "preferred someone else": the others' share
    r"(?!(?:someone|somebody|anyone|anybody)\s+else|another\s+candidate|other\s+candidates)"
)


def _margin(
    doc: Document, sent: Sent, n: NumberMention, cs: int, ce: int, rnd: int | None, why: str
) -> Reading:
    """A margin: its owner by possession ("Rowe's margin of") or as for any number, and
    the two sides."""
    subject = margin_owner(doc, sent, n) or subject_of(doc, sent, n, cs)
    a, b = pair(doc, sent, n, cs, ce, subject if isinstance(subject, Mention) else None, rnd)
    bases = bases_after(doc.norm[n.end : ce], ()) if n.unit == "percent" else ()
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
        margin_before(pre) and not _BY_AGENT.search(pre) and not _SCORE_AFTER.match(post)
    ):
        return _margin(doc, sent, n, cs, ce, rnd, "a margin in points")
    qs = n.qual_start if n.qual_start is not None else n.start
    wide = doc.norm[max(sent.start, qs - 90) : qs]  # across a clause: "Turnout, X says, was"
    if _TURNOUT_BEFORE.search(pre) or _TURNOUT_BEFORE.search(wide) or _TURNOUT_AFTER.match(post):
        return Reading("turnout", why="turnout")
    if _SPOILED_AFTER.match(post) or _SPOILED_BEFORE.search(pre):
        return Reading("spoiled", why="spoiled ballots")
    backed = _share_who_backed(sent, n, post, rnd)
    if backed is not None:
        return backed
    if _OF_THOSE_WHO.match(post) and _SUPPORT_OF.search(pre):
        # "elected with the support of 42.7 per cent of those who returned a ballot"
        before = [m for m in persons(sent) if m.end <= n.start and m.person and m.kind != "other"]
        if len({m.person for m in before}) == 1:  # the one person it can be the support of
            return Reading("share", before[0].person, bases=("cast",), round=rnd, why="support")
    of_things = _OF_THINGS.match(post)
    if of_things:
        return _share_of_count(doc, sent, n, cs, of_things.group("noun"))
    of_members = _OF_MEMBERS.match(post)
    turnout = _share_who_voted(n, post, of_members)
    if turnout is not None:
        return turnout
    if _VOTED_AFTER.match(post) and not of_members:
        return None  # "40% did not vote"
    return _vote_share(doc, sent, n, cs, post, of_members, rnd)


# "48 percent of the 1,840 delegates": a share of a count of something other than votes
_OF_THINGS = re.compile(
    r"\s*of\s+(?:the|all|its|their)\s+(?:[\d,]+\s+)?(?:[a-z-]+\s+)?(?P<noun>delegates|branches|"
    r"nominations|affiliates|locals|seats|signatures|councils|chapters|wards|ridings|"
    r"constituencies|parties|unions|workplaces)(?![\w-])"
)


def _share_of_count(
    doc: Document, sent: Sent, n: NumberMention, cs: int, noun: str
) -> Reading | None:
    """A share of a count the facts record as a percentage of it ("45.8 percent of
    credentialed delegates", a candidate's), else nobody's share of the vote."""
    subject = subject_of(doc, sent, n, cs)
    who = subject.person if isinstance(subject, Mention) else None
    stem = noun.rstrip("s")
    for f in doc.facts.figures:
        if (
            f.contest == "this"
            and f.measure == "count"
            and f.unit == "percent"
            and f.subject == who
            and f.counts.rstrip("s").endswith(stem)
        ):
            return Reading("count", who, counts=f.counts, why=f"a share of {noun}")
    return None


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
    "12.2% voted" (not "... did not vote", nor "60% of the members who voted chose
    someone else": a share of the voters)."""
    if (
        _VOTERS_WHO.match(post)
        or _OF_ALL_WHO_VOTED.match(post)
        or _VOTED_HOW.match(post)
        or _OF_THOSE_WHO.match(post)
    ):
        return None  # a share of the voters, or of how they voted ("four in five voted online")
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
    bases = bases_after(post, default)
    if bases == default:
        bases = _listed_basis(doc, sent, n) or _fronted_basis(doc, sent, default)
    return Reading("share", subject.person, bases=bases, round=rnd, why="a share of the vote")


_LIST_ITEM_GAP = re.compile(r"\s*(?:,|;|,?\s+and)\s+[^,;\d]{2,40}?\s+(?:on\s+|with\s+)?$")


_FRONTED_OF = re.compile(r"\W*(?P<of>of\s+(?:the\s+|all\s+)?[\d,]+\s+[^,;]{3,40}?)\s*,")


def _fronted_basis(doc: Document, sent: Sent, default: tuple[str, ...]) -> tuple[str, ...]:
    """ "Of the 98,412 papers returned, she carried 51.2 per cent": the basis the
    sentence opens with."""
    m = _FRONTED_OF.match(sent.norm)
    if m is None:
        return default
    return bases_after(" " + re.sub(r"[\d,]+\s+", "", m.group("of"), count=1), default)


def _listed_basis(doc: Document, sent: Sent, n: NumberMention) -> tuple[str, ...] | None:
    """ "Corcoran 44.0 per cent of the valid vote, Moriarty 29.4 per cent": a list's
    later shares are on the basis its first one gives."""
    qs = n.qual_start if n.qual_start is not None else n.start
    earlier = [x for x in doc.numbers_of(sent) if x.end <= qs and x.unit == "percent"]
    end = qs
    for x in reversed(earlier):
        post = doc.norm[x.end : min(sent.end, x.end + 60)]
        basis = bases_after(post, ())
        phrase = (_SHARE_OF.match(post) or _CONTINUING.match(post)) if basis else None
        if not _LIST_ITEM_GAP.fullmatch(doc.norm[x.end + (phrase.end() if phrase else 0) : end]):
            return None
        if basis:
            return basis
        end = x.qual_start if x.qual_start is not None else x.start
    return None


def bases_after(post: str, default: tuple[str, ...]) -> tuple[str, ...]:
    """The basis a share's own words give ("of the valid vote", "of all votes cast", "of
    the papers still in the count"), else ``default``."""
    if _CONTINUING.match(post):
        return ("continuing",)
    share = _SHARE_OF.match(post)
    what = share.group("what") if share else None
    if what and "valid" in what:
        return ("valid",)
    if what and re.search(r"cast|returned|all\s+(?:the\s+)?(?:votes|ballots|papers)", what):
        return ("cast",)
    return default


_CONTINUING = re.compile(
    r"\s*of\s+(?:the\s+|all\s+)?(?:papers|votes|ballots)\s+(?:still\s+)?(?:in\s+the\s+count|"
    r"remaining|left|continuing|in\s+play)"
)
