"""Signs of a contest in the people a clause names: somebody who stood in another recorded
contest and not in this one, somebody who stood only in this one, and somebody the facts
do not record who is a contender here (the subject or object of an electoral verb)."""

from __future__ import annotations

import re

from factwatch.claims.facts import Facts
from factwatch.claims.lexicon import lexicon
from factwatch.claims.text import Document, Mention, Sent

_LEX = lexicon()


def _stood(facts: Facts) -> dict[str, frozenset[str]]:
    """Person key -> the contests they stood in ("this-ballot": this contest's ballot)."""
    return facts.once("scope.stood", _stood_table)


def _stood_table(facts: Facts) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for c in facts.contests.values():
        for p in c.people:
            table.setdefault(p, set()).add(c.key)
    got = {k: frozenset(v) for k, v in table.items()}
    got["this-ballot"] = frozenset(facts.this.on_ballot)
    return got


def _people_signal(
    doc: Document, sent: Sent, cs: int, ce: int, ref: int | None
) -> tuple[str, str] | None:
    """3. People: somebody who stood in another recorded contest and not in this one."""
    facts = doc.facts
    stood = _stood(facts)
    on_ballot = stood["this-ballot"]
    others: dict[str, str] = {}
    stood_there: dict[str, set[str]] = {}  # the people named who stood in each contest
    exclusive_here = False
    named_here = False
    rivals_there = False  # somebody who stood only elsewhere is beaten or beats here
    for mm in sent.mentions:
        # not "Rowe ally Jo Pike": a name describing somebody else
        if not _counted(mm, cs, ce, stood) or not mm.person or _ATTRIBUTIVE.match(doc.text, mm.end):
            continue
        where = stood.get(mm.person, frozenset())
        if "this" in where:
            if mm.by_name and len(where) == 1:
                exclusive_here = True
            if mm.by_name and mm.person in on_ballot:
                named_here = True
            continue
        for key in where:
            others.setdefault(key, facts.people[mm.person].name)
            stood_there.setdefault(key, set()).add(mm.person)
        if _in_electoral_role(doc, mm, cs, ce):
            rivals_there = True
    if others and not exclusive_here and (not named_here or rivals_there):
        # the contest most of them stood in, else the nearest in time
        pick = min(
            others,
            key=lambda k: (-len(stood_there[k]), abs((facts.contests[k].year or 0) - (ref or 0))),
        )
        how = "a contender in" if rivals_there else "who stood in"
        return pick, f"names {others[pick]}, {how} {facts.contests[pick].name}"
    if exclusive_here:
        return "this", "names a candidate who stood only in this election"
    return None


_ATTRIBUTIVE = re.compile(
    r"(?:'s|\u2019s)?\s+(?:ally|allies|aide|aides|adviser|advisers|supporter|supporters|backer|backers|"
    r"loyalist|loyalists|camp|slate|running\s+mate|team|campaign\s+manager|lieutenant)"
    r"\s+[A-Z]"
)


def _counted(mm: Mention, cs: int, ce: int, stood: dict[str, frozenset[str]]) -> bool:
    """Is ``mm`` somebody the clause names: a person, or a pronoun for somebody who stood
    elsewhere only ("... chose Tamsin Oyelaran as its leader; she won 51.6 per cent")?"""
    if not (cs <= mm.start < ce) or not mm.person:
        return False
    if mm.kind == "pronoun":
        return "this" not in stood.get(mm.person, frozenset())
    return mm.kind == "person"


_OUTSIDER_ROLE = re.compile(
    rf"\s*(?:,[^,]{{0,80}},\s*)?(?:has\s+been\s+|was\s+|is\s+|had\s+been\s+)?(?:"
    rf"{_LEX.alt('win_word')}|{_LEX.alt('win_verb')}|{_LEX.alt('loss_verb')}|polled|took|received|"
    rf"stood|standing|ran|running|topped|secured|finished|came|trailed|won)(?![\w-])"
)
_OUTSIDER_OBJECT = re.compile(
    rf"(?:{_LEX.alt('win_verb')}|against|versus|v|vs|between|lost\s+to|beaten\s+by|"
    rf"defeated\s+by|behind|ahead\s+of|over)\s+(?:[\w-]+\s+){{0,2}}$"
)


def _contender_outsider(doc: Document, sent: Sent, cs: int, ce: int) -> bool:
    """Is somebody the facts do not know the subject or object of an electoral verb here?"""
    return any(
        mm.kind == "other" and cs <= mm.start < ce and _in_electoral_role(doc, mm, cs, ce)
        for mm in sent.mentions
    )


def _in_electoral_role(doc: Document, mm: Mention, cs: int, ce: int) -> bool:
    """ "Voss won ...", "defeating Voss", "against Voss": a contender in this clause."""
    return bool(
        _OUTSIDER_ROLE.match(doc.norm, mm.end, ce)
        or _OUTSIDER_OBJECT.search(doc.norm, max(cs, mm.start - 40), mm.start)
    )


_RELATIVE_WHO = re.compile(r"\s*(?:who|whom|whose)\s")


def relative_signal(doc: Document, sent: Sent, cs: int) -> tuple[str, str] | None:
    """A relative clause on somebody who stood only in another recorded contest is about
    that contest ("Reyes embraces Patricia Gorman, who was re-elected by 1,721 votes")."""
    if not _RELATIVE_WHO.match(doc.norm, cs):
        return None
    before = [m for m in sent.mentions if m.kind == "person" and m.person and m.end <= cs]
    if not before or not re.fullmatch(r"\s*,?\s*", doc.norm[before[-1].end : cs]):
        return None
    where = _stood(doc.facts).get(before[-1].person or "", frozenset())
    if not where or "this" in where:
        return None
    ref = doc.facts.this.year or 0
    key = min(sorted(where), key=lambda k: abs((doc.facts.contests[k].year or 0) - ref))
    name = doc.facts.people[before[-1].person or ""].name
    return key, f"a relative clause on {name}, who stood in {doc.facts.contests[key].name}"
