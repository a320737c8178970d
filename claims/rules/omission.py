"""`omission`: an article that reports the outcome and leaves a candidate out.

The article must report this contest's outcome (who won or lost, the result,
the count, a challenge to it: "X was beaten by Y" in an aftermath piece
counts; a preview, a prediction or a profile of somebody's past does not),
name the winner and at least one defeated candidate in statements about
this contest, and never mention some other candidate who was on the
ballot: by name, surname, a spelling nobody listed ("Allinsen"), a
descriptor, or words that acknowledge more candidates ("the third
candidate", "three candidates", "his two rivals").  A candidate who withdrew
before the ballot need not be named, and a two-candidate race cannot omit
anyone.  The finding quotes the sentence that best reports the result.
"""

from __future__ import annotations

import re

from factwatch.claims.corrections import quoted_for_correction
from factwatch.claims.facts import Facts
from factwatch.claims.field import acknowledges_field, contenders
from factwatch.claims.lexicon import lexicon
from factwatch.claims.model import Contest
from factwatch.claims.rules import register
from factwatch.claims.rules.base import PARTIAL_COUNT, make_finding
from factwatch.claims.scope import context, looks_ahead, scope_at
from factwatch.claims.text import Document, Sent
from factwatch.core.records import Finding

_LEX = lexicon()
_OUTCOME = re.compile(
    rf"{_LEX.alt('win_word')}|{_LEX.alt('result_word')}|{_LEX.alt('win_verb')}|"
    rf"{_LEX.alt('loss_verb')}|\d[\d,]*\s+votes(?![\w-])|\d\s*(?:%|per\s?cent)"
)


# a count that reports something: a number, or somebody it put somewhere
_SAYS_WHO_OR_HOW_MANY = re.compile(
    rf"\d|{_LEX.alt('win_word')}|{_LEX.alt('win_verb')}|{_LEX.alt('loss_verb')}|"
    r"(?<![\w-])(?:ahead|behind|first|second|third|top|topped|led)(?![\w-])"
)
_ACTIVITY_BEFORE = re.compile(r"(?<![\w-])(?:on|of|at|about|for|in|towards|to)\s+$")
_PENDING = re.compile(
    r"\s+(?:is\s+|are\s+|was\s+)?(?:expected|due|awaited|will\s+be|would\s+be|"
    r"to\s+be\s+(?:declared|announced|confirmed))\b"
)


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, giving up (returning limit + 1) once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def misspelt(name: str, text: str) -> bool:
    """Is the person's surname in the text under a spelling nobody listed?"""
    surname = name.split()[-1].lower()
    if len(surname) < 5:
        return False
    limit = 2 if len(surname) >= 7 else 1
    for word in set(re.findall(r"\b[A-Z][a-zA-Z'\u2019-]{3,}\b", text)):
        w = word.lower()
        if w == surname or w[0] != surname[0] or abs(len(w) - len(surname)) > 1:
            continue
        if _distance(w, surname, limit) <= limit:
            return True
    return False


@register
class OmissionRule:
    kinds = ("omission",)

    def __init__(self, facts: Facts):
        self.facts = facts

    def check(self, doc: Document) -> list[Finding]:
        this = self.facts.this
        on = list(this.on_ballot)
        if len(on) <= 2 or context(doc).default != "this" or _before_voting(doc, this):
            return []  # a later article recalling this contest, or one before any vote
        body = [s for s in doc.sentences if not s.headline]
        if body and quoted_for_correction(doc, body[0]):
            return []  # a corrections column, which reports no result of its own
        anywhere = {m.person for s in doc.sentences for m in s.mentions if m.person}
        winners = set(this.winners)
        if not (anywhere & winners) or set(on) - winners <= anywhere:
            return []  # the winner is not named, or every loser is
        named_here, reports = self._named_in_report(doc)
        if not (named_here & winners) or not (named_here & (set(on) - winners)) or not reports:
            return []
        major = contenders(self.facts)
        missing = [
            p
            for p in on
            if p not in anywhere
            and p not in winners
            and p in major  # a minor candidate left out misleads nobody
            and not misspelt(self.facts.people[p].name, doc.text)
        ]
        if not missing:
            return []
        if acknowledges_field(doc.norm, len(on), len(this.losers)):
            return []
        quoted = self._quote(doc, set(on))
        if quoted is None:
            return []
        names = [self.facts.people[p].name for p in missing]
        n = len(on)
        explanation = (
            f"Reports the outcome of {self.facts.election.name} but never mentions "
            f"{_join(names)}: there were {n} candidates on the ballot."
        )
        return [
            make_finding(
                doc,
                quoted,
                kind="omission",
                rule_id="omission.candidate",
                fact_ids=["field"],
                explanation=explanation,
                severity="medium",
                confidence=0.75,
                details={"missing": missing, "named": sorted(named_here & set(on))},
            )
        ]

    def _named_in_report(self, doc: Document) -> tuple[set[str], bool]:
        """The candidates named in clauses about this contest, and whether any such clause
        reports its outcome (not a prospect)."""
        named_here: set[str] = set()
        reports = False
        for sent in doc.sentences:
            if not any(m.person for m in sent.mentions) and reports:
                continue
            if quoted_for_correction(doc, sent):
                continue  # an earlier piece's words, quoted to correct them
            for cs, ce in sent.clauses:
                scope = scope_at(doc, sent, cs)
                if scope.contest != "this":
                    continue
                for m in sent.mentions:
                    if m.person and cs <= m.start < ce and m.kind == "person":
                        named_here.add(m.person)
                if not reports and not scope.prospective:
                    reports = self._outcome(doc, cs, ce)
        return named_here, reports

    @staticmethod
    def _outcome(doc: Document, cs: int, ce: int) -> bool:
        if PARTIAL_COUNT.search(doc.norm, cs, ce):
            return False  # a count still going on has no outcome yet
        for m in _OUTCOME.finditer(doc.norm, cs, ce):
            before = doc.norm[max(cs, m.start() - 50) : m.start()]
            if looks_ahead(doc, max(cs, m.start() - 50), m.start()) or _PENDING.match(
                doc.norm, m.end(), ce
            ):
                continue
            if m.group(0).endswith("ing") and _ACTIVITY_BEFORE.search(before):
                continue  # "a record on winning disputes": an activity, not this outcome
            if m.group(0) in ("count", "tally") and (
                before.endswith("to ") or not _SAYS_WHO_OR_HOW_MANY.search(doc.norm, cs, ce)
            ):
                continue  # "counting resumes at the count centre", "120,000 still to count"
            return True
        return False

    def _quote(self, doc: Document, on: set[str]) -> Sent | None:
        winners = set(self.facts.this.winners)
        best, best_score = None, -1
        for s in doc.sentences:
            if scope_at(doc, s, s.start).contest != "this":
                continue
            people = {m.person for m in s.mentions if m.person}
            score = 2 * bool(people & winners) + 2 * bool(people & (on - winners))
            score += bool(_OUTCOME.search(s.norm)) - s.headline
            if score > best_score:
                best, best_score = s, score
        return best


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _before_voting(doc: Document, this: Contest) -> bool:
    """Was the article published before there was a result to report: before the ballot
    closed, else before voting opened (a preview, or a letter written while members are
    still voting, reports no result; a result can be known before its formal
    declaration)?  A contest whose rounds were ballots of their own has results before
    its last ballot closes."""
    dates = this.dates
    close = None if this.ballots else dates.get("ballot_close")
    known = close or dates.get("ballot_open")
    return bool(doc.published and known and doc.published < known)
