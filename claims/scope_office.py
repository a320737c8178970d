"""Signs of another office: a recorded contest for another post ("the deputy election",
"to become deputy mayor"), or a seat that is none of ours ("the election to the
executive council")."""

from __future__ import annotations

import re

from factwatch.claims.facts import Facts
from factwatch.claims.lexicon import normalise
from factwatch.claims.text import Document, Sent

_FOR_OFFICE = re.compile(
    r"(?<![\w-])(?:(?:ballot|election|elections|vote|contest|race|poll)|(?P<who>candidates?|"
    r"running|standing|nominees?))\s+(?:for|to)\s+"
    r"(?:the\s+|a\s+)?(?P<what>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})"
)


def _office_signal(doc: Document, sent: Sent, cs: int, ce: int) -> tuple[str, str] | None:
    """4. Another office: a recorded contest's ("the deputy election"), or a seat that is
    none of ours ("the election to the executive council")."""
    facts = doc.facts
    this = facts.this
    norm = doc.norm
    words = sent.words
    for key, office, rx in _offices(facts):
        if rx.search(norm, cs, ce):
            return key, f"the office of {office}"
    if "for" in words or "to" in words:
        for m in _FOR_OFFICE.finditer(norm, cs, ce):
            what = m.group("what").split()
            if what and what[-1] in _OTHER_SEATS:
                mine = set(normalise(this.office or "").split()) | set(
                    normalise(facts.election.organisation or "").split()
                )
                # a seat none of ours; for people standing, any seat with a word ours has
                # not ("candidates for regional vice president", when ours is president)
                if not set(what) & mine or m.group("who") and not set(what) <= mine:
                    return "other", f"'{m.group(0)}'"
    return None


_OTHER_SEATS = frozenset(
    "executive council committee board seat seats ward panel branch presidency president "
    "chair treasurer deputy vice-president secretaryship".split()
)


def _offices(facts: Facts) -> list[tuple[str, str, re.Pattern[str]]]:
    """(contest key, office, pattern) for each related contest for another office."""
    return facts.once("scope.offices", _office_patterns)


def _office_patterns(facts: Facts) -> list[tuple[str, str, re.Pattern[str]]]:
    this = facts.this
    got = []
    for c in facts.contests.values():
        if c.key != "this" and c.office and c.office != this.office:
            words = _office_words(c.office, this.office)
            if words:
                got.append((c.key, c.office, re.compile(words)))
    return got


def _office_words(office: str, ours: str) -> str:
    """A pattern for the words that set another office apart from ours: all of them,
    together ("eastfield ward councillor"), or the one word when there is one ("deputy")."""
    mine = set(normalise(ours).split())
    extra = [
        w
        for w in re.findall(r"[\w'-]+", normalise(office))
        if w not in mine and w not in ("of", "the", "election", "general")
    ]
    if not extra:
        return ""
    words = r"\s+".join(re.escape(w) for w in extra)
    return (
        rf"(?<![\w-])(?:{words}(?:\s+[\w-]+){{0,2}}?\s+"
        rf"(?:election|contest|race|ballot|post|job|vote|poll)s?"
        # "to become deputy mayor", "elected as deputy", "the race for deputy": the seat
        # someone seeks (not "Kerr, the deputy, ...": who someone is)
        rf"|(?:become|becoming|elected|elect|re-elected|run\s+for|running\s+for|ran\s+for|"
        rf"runs\s+for|stand\s+for|standing\s+for|stood\s+for|stands\s+for|bid\s+for|"
        rf"race\s+for|nominated\s+for|nominations?\s+for)\s+"
        rf"(?:as\s+)?(?:the\s+)?(?:[\w-]+\s+){{0,2}}?{words}"
        # "For deputy he won 31,204 votes": the seat a count is for
        rf"|for\s+(?:the\s+)?{words}(?=\s*,?\s+(?:he|she|they|[\w'\u2019-]+)\s+(?:won|took|got|"
        rf"polled|came|finished|had|was|received)))(?![\w-])"
    )
