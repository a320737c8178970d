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

from claims.facts import Facts
from claims.text import Document, Sent

_NUM = {2: "two|2", 3: "three|3", 4: "four|4", 5: "five|5", 6: "six|6", 7: "seven|7"}
_ORD = {2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh"}
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


def _acknowledges(facts: Facts, text: str) -> bool:
    """Does the text say there were more candidates without naming them?"""
    n = len(facts.candidates)
    if n not in _NUM:
        return False
    total, others = _NUM[n], _NUM.get(n - 1, "")
    pats = [
        rf"\b(?:{total})[- ](?:candidates|contenders|way|horse|cornered|person|man)\b",
        rf"\b{_ORD[n]}[- ](?:candidate|contender|man|placed|place)\b",
        rf"\bfinished {_ORD[n]}\b|\bcame {_ORD[n]}\b|\bin {_ORD[n]} place\b",
        rf"\b(?:{total}) (?:people|men|names) (?:stood|were on the ballot)\b",
    ]
    if others:
        pats.append(
            rf"\b(?:{others}|both) (?:other |defeated |losing |beaten |unsuccessful )?"
            r"(?:candidates|challengers|rivals|opponents|contenders|losers)\b"
        )
        pats.append(rf"\b(?:the )?other (?:{others}) (?:candidates|challengers|contenders)\b")
    return any(re.search(p, text, re.IGNORECASE) for p in pats)


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
    if not missing or _acknowledges(facts, doc.text):
        return None
    if not _OUTCOME.search(doc.text):
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
