"""Omission: an article reports the result of the contest but leaves a candidate out.

The article must name the winner and at least one defeated candidate (by
name, misspelling or descriptor such as "the West Midlands regional
secretary") in statements about this election, report the outcome (a winner,
a loser, a result or vote figures: a preview of the race is not enough), and
never mention some other candidate, by name or
as "the third candidate", "three candidates", "his two rivals" and the like.
The finding quotes the sentence that reports the result or the contest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factwatch.claims.facts import Facts
from factwatch.claims.field import acknowledges_field
from factwatch.claims.text import Document, Sent

# Words that report the outcome: a winner, a loser, a result or vote figures.  A
# preview that names two contenders ("have both passed the nomination threshold")
# reports no result, so it is no omission (the facts brief: "an article that reports
# the result ... and never mentions the third candidate").
_OUTCOME = re.compile(
    r"(?:\b(?:won|wins|(?<!\bto )win|winner|winning (?:candidate|margin|tally)|beat|beats|"
    r"beating|defeat(?:ed|s|ing)?|re-?elected|re-?election (?:victory|win)|elected|victory|"
    r"victorious|victor|triumph(?:ed|s)?|result|results|outcome|majority|margin|runner-up|"
    r"came (?:first|second|third)|finished (?:first|second|third)|turnout|polled|lost|"
    r"saw off|sees off|seen off|held on|holds on|hung on|clung on|clings on|retain(?:s|ed)|"
    r"returned (?:as|by|for|to)|failed to (?:unseat|oust|topple)|conceded|"
    r"third term|second term|fresh term|new term|keeps? (?:his|her) (?:job|post|seat)|"
    r"kept (?:his|her) (?:job|post|seat))\b"
    r"|\d[\d,]*\s+votes\b|\d\s*(?:%|per ?cent\b))",
    re.IGNORECASE,
)


# An outcome spoken of ahead of time reports none: "is seeking a third term", "the
# result is expected two days later", "hopes of victory".
_PROSPECT_BEFORE = re.compile(
    r"\b(?:seek(?:s|ing)?|bid(?:s|ding)?(?: for| to)?|hop(?:e|es|ing|ed)(?: for| of| to)?|"
    r"aim(?:s|ing)? (?:for|to|at)|chances? (?:of|at)|will|would|could|might|may|if|whether|"
    r"expect(?:s|ed)? to|set to|likely to|on course (?:for|to)|ahead of|awaits?|awaiting|"
    r"want(?:s|ed)? to|pursuit of|quest for|try(?:ing)? to|tries to|hunt for)"
    r"(?:\s+[\w\u2019'-]+){0,3}\s+$",
    re.IGNORECASE,
)
_PROSPECT_AFTER = re.compile(
    r"\s+(?:is |are )?(?:expected|due|awaited|will be|to be (?:declared|announced))\b",
    re.IGNORECASE,
)


def _reports_outcome(text: str) -> bool:
    """Does the text report an outcome (not only look ahead to one)?"""
    for m in _OUTCOME.finditer(text):
        before = text[max(0, m.start() - 60) : m.start()]
        before = re.split(r"[.;:!?]", before)[-1]
        if _PROSPECT_BEFORE.search(before) or _PROSPECT_AFTER.match(text, m.end()):
            continue
        return True
    return False


@dataclass
class OmissionHit:
    sent: Sent
    missing: list[str]  # candidate ids never mentioned
    named: list[str]


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


def _misspelt(name: str, text: str) -> bool:
    """Is the candidate's surname in the text under a spelling nobody listed ("Allinsen")?"""
    surname = name.split()[-1].lower()
    limit = 2 if len(surname) >= 7 else 1
    if len(surname) < 5:
        return False
    for word in set(re.findall(r"\b[A-Z][a-zA-Z'\u2019-]{3,}\b", text)):
        w = word.lower()
        # A near spelling of the same length (give or take one letter): "Allinsen".
        if w == surname or w[0] != surname[0] or abs(len(w) - len(surname)) > 1:
            continue
        if _distance(w, surname, limit) <= limit:
            return True
    return False


def check_omission(doc: Document, facts: Facts) -> OmissionHit | None:
    this = [s for s in doc.sentences if s.scope == "this"]
    named: set[str] = set()
    for s in this:
        for r in s.refs:
            if doc.scope_at(s, r.start, r.end) == "this":
                named.add(r.candidate)
    # Names in sentences about other contests still show the writer knows them.
    mentioned_anywhere = doc.named_candidates()
    winners = {c.id for c in facts.candidates if c.role == "winner"}
    losers = {c.id for c in facts.candidates if c.role != "winner"}
    if not (named & winners) or not (named & losers):
        return None
    missing = [c.id for c in facts.candidates if c.id not in mentioned_anywhere]
    missing = [c for c in missing if not _misspelt(facts.candidate(c).name, doc.text)]
    if not missing or acknowledges_field(facts, doc.text):
        return None
    if not _reports_outcome(doc.text):
        return None
    best: Sent | None = None
    best_score = -1
    for s in this:
        cands = {r.candidate for r in s.refs}
        score = 0
        if cands & winners:
            score += 2
        if cands & losers:
            score += 2
        if _OUTCOME.search(s.text):
            score += 1
        if s.headline:
            score -= 1
        if score > best_score:
            best, best_score = s, score
    if best is None:
        return None
    return OmissionHit(best, missing, sorted(named))
