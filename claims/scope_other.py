"""Signs of another contest: another kind of election ("the general election"), another
organisation's contest ("the GMB's leadership election"; not a person's term, "Rowe's
leadership", nor our own organisation's), or a contender the facts do not record."""

from __future__ import annotations

import re

from factwatch.claims.facts_records import Facts
from factwatch.claims.lexicon import normalise
from factwatch.claims.model import Contest
from factwatch.claims.scope_people import _contender_outsider
from factwatch.claims.text import Document, Sent

_OTHER_ELECTION = re.compile(
    r"(?<![\w-])(?:general\s+election|by-election|by\s+election(?!\s+(?:officials?|staff|"
    r"workers?|judges?|observers?|monitors?|officers?|administrators?|authorities|rules?|law))|"
    r"referendum|mayoral|"
    r"presidential|council\s+elections?|local\s+elections?|european\s+elections?|"
    r"deputy\s+leadership|leadership\s+(?:election|contest|race|ballot|bid)|"
    r"parliamentary\s+selection|selection\s+contest|"
    # (not a preferential count's first preferences: "on primaries", "the primary vote")
    r"(?<!on\s)(?<!on\sthe\s)(?<!in\sthe\s)(?:primary(?!\s+(?:votes?|count|tally))|primaries)|"
    r"caucus(?:es)?|"
    r"midterms?|senate\s+race|governor(?:'s)?\s+race|gubernatorial|"
    # "one of the party's nine Commons seats, with a majority of 3,412": a seat's own race
    r"(?:commons|parliamentary|westminster|assembly|senate|council)\s+seats?)(?![\w-])"
)
_ORG_CONTEST = re.compile(
    r"(?<![\w'-])(?:[Tt]he\s+)?(?P<org>[A-Z][A-Za-z&]+(?:\s+[A-Z][A-Za-z&]+){0,3})(?:'s|\u2019s)?\s+"
    r"(?:own\s+|new\s+|next\s+|last\s+)?(?:party\s+)?(?P<what>(?:deputy\s+)?leadership(?:\s+(?:election|"
    r"contest|race|ballot|vote))?|(?:general\s+secretary|presidential|mayoral|chair|"
    r"president)\s+(?:election|contest|race|ballot|vote)|elections?|mayoralty|presidency|"
    r"primary|ballot|contest|race|vote)(?![\w-])"
)


_ORG_CONTEST_WORDS = frozenset(
    "leadership election elections mayoralty presidency primary ballot contest race vote".split()
)
_OTHER_ELECTION_WORDS = frozenset(
    "general by by-election referendum mayoral presidential council local european deputy "
    "leadership parliamentary selection primary primaries caucus caucuses midterm midterms "
    "senate governor governor's gubernatorial commons westminster assembly".split()
)


def _other_contest_signal(doc: Document, sent: Sent, cs: int, ce: int) -> tuple[str, str] | None:
    """4. Another kind of election ("the general election"), another organisation's
    contest ("the GMB's leadership election"), or a contender the facts do not record."""
    norm = doc.norm
    words = sent.words
    ours = _ours(doc)
    m = (
        _OTHER_ELECTION.search(norm, cs, ce)
        if not _OTHER_ELECTION_WORDS.isdisjoint(words)
        else None
    )
    if m and not _our_kind(m.group(0), ours) and not _our_org_before(sent, m.start()):
        named = _recorded_kind(doc.facts, m.group(0))
        if named is not None:
            return named.key, f"'{m.group(0)}': {named.name}"
        return "other", f"'{m.group(0)}'"
    for m in (
        _ORG_CONTEST.finditer(doc.text, cs, ce) if not _ORG_CONTEST_WORDS.isdisjoint(words) else ()
    ):
        org = normalise(m.group("org"))
        if org in ours or org.split()[0] in _SKIP_ORG or _held_by_person(sent, m):
            continue
        return "other", f"{m.group('org')}'s {m.group('what')}, another organisation's contest"
    if _contender_outsider(doc, sent, cs, ce):
        return "other", "a contender the facts do not record"
    return None


def recorded_org_signal(doc: Document, cs: int, ce: int) -> tuple[str, str] | None:
    """0. The name of another organisation whose contest the facts record: that contest,
    whatever time words say ("Earlier this month the rival Allied Health Workers' Union
    elected ...")."""
    for contest, rx in doc.facts.once("scope.other_orgs", _other_orgs):
        if rx.search(doc.norm, cs, ce):
            return contest.key, f"names {contest.organisation}, whose contest the facts record"
    return None


def _other_orgs(facts: Facts) -> list[tuple[Contest, re.Pattern[str]]]:
    """Each related contest of another organisation with a pattern for that
    organisation's name: in full, as its initials, or as an abbreviation its contest's
    name uses ("HWU President election")."""
    own = normalise(facts.election.organisation)
    out = []
    for c in facts.contests.values():
        org = normalise(c.organisation)
        if c.key == "this" or not org or org == own:
            continue
        names = {org}
        capitals = [w for w in re.split(r"[\s-]+", c.organisation) if w[:1].isupper()]
        if len(capitals) >= 3:
            names.add("".join(w[0] for w in capitals).lower())
        names |= {w.lower() for w in re.findall(r"\b[A-Z]{3,}\b", c.name)}
        names.discard(own)
        words = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        out.append((c, re.compile(rf"(?<![\w-])(?:{words})(?![\w-])")))
    return out


def _our_kind(words: str, ours: str) -> bool:
    """Is "leadership race" this election's own kind (a "leadership election")?"""
    if words in ours:
        return True
    kind = re.sub(r"\s+(?:election|contest|race|ballot|bid|vote)s?$", "", words)
    return kind != words and any(f"{kind} {noun}" in ours for noun in ("election", "ballot"))


def _recorded_kind(facts: Facts, word: str) -> Contest | None:
    """The one related contest whose name or office holds ``word`` ("the by-election
    that followed": the by-election the facts record), if only one does."""
    word = _hyphened(word)
    found = [c for c, said in facts.once("scope.kinds", _kinds) if word in said]
    return found[0] if len(found) == 1 else None


def _kinds(facts: Facts) -> list[tuple[Contest, str]]:
    """Each related contest with its name and office, as the words of a kind."""
    return [
        (c, _hyphened(normalise(f"{c.name} | {c.office}")))
        for c in facts.contests.values()
        if c.key != "this"
    ]


def _hyphened(text: str) -> str:
    return " ".join(text.replace("by election", "by-election").split())


def _held_by_person(sent: Sent, m: re.Match[str]) -> bool:
    """ "Rowe's leadership", "Pike's presidency": a person's term in an office, not an
    organisation's contest (the people signal places a contest's own candidates)."""
    if m.group("what") not in ("leadership", "presidency", "mayoralty"):
        return False
    org_start, org_end = m.span("org")
    return any(
        x.kind in ("person", "other") and x.start <= org_start and org_end <= x.end + 1
        for x in sent.mentions
    )


def _our_org_before(sent: Sent, pos: int) -> bool:
    """ "the Guild's leadership ballot", "the union's leadership election": ours."""
    return any(m.kind == "ours" and 0 <= pos - m.end <= 4 for m in sent.mentions)


_SKIP_ORG = frozenset(
    "the a an his her their its this that in on at but and he she they general deputy "
    "my our your i we you it these those "
    "assistant former new acting interim with without as after before for from by to of "
    "second third fourth fifth "
    "into over under during since until while when where how what which who if unless "
    "because although though so yet or nor not no all both each every some any many most "
    "more last next first final whole monday tuesday wednesday thursday friday saturday "
    "sunday january february march april may june july august september october november "
    "december today yesterday tomorrow tonight spring summer autumn fall winter".split()
)


def _ours(doc: Document) -> str:
    return doc.facts.once("scope.ours", our_names)


def our_names(facts: Facts) -> str:
    """The names of this election's world, as one text to look phrases up in: its own,
    and the proper names its false claims use ("the Eastgate ballot boxes": a ward of
    this election, not another organisation)."""
    el = facts.election
    said = {
        name for c in facts.claims for t in (c.claim, *c.paraphrases) for name in _PROPER.findall(t)
    }
    return normalise(" | ".join([el.name, el.office, el.organisation, *el.aliases, *sorted(said)]))


_PROPER = re.compile(r"[A-Z][\w'\u2019-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'\u2019-]*)*")
