"""Figure checks: attach each number to what it measures and to whom, then judge it.

A number is judged only when its clause says what it measures (a measure cue
from the facts file: "votes", "turnout", "majority", "ballot papers",
"nominations"...) and the facts file records a figure for that measure, unit
and subject.  The subject is the candidate named nearest in the same clause
("Coyne on 41.2 per cent", "McCluskey's 59,067"), else one named in the
sentence, else the one a pronoun refers to.  Rounding, "about", "over",
"nearly" and the like are honoured (see ``consistent``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from claims.facts import Facts, Figure, Measure
from claims.numbers import NumberMention, find_numbers
from claims.text import Document, Sent

_NEAR = 40  # chars: an overriding cue this much further away still wins
_STRONG_VERB = (
    r"(?:won|wins|took|takes|received|receives|polled|polls|got|gets|secured|secures|"
    r"garnered|attracted|scored|collected|picked up|claimed|finished (?:on|with)|ended (?:on|with)|"
    r"came (?:second|third|first|last) (?:on|with)|was (?:second|third|runner-up) (?:on|with)|"
    r"trailed (?:on|with)|had)"
)
_SCORE_AFTER = re.compile(r"^\s*(?:votes?\s+)?(?:to|against|-|\u2013)\s*\d", re.IGNORECASE)
_SCORE_BEFORE = re.compile(r"\d\s*(?:votes?\s+)?(?:to|against|-|\u2013)\s*$", re.IGNORECASE)
_SCORELINE = re.compile(r"^\s*(?:votes?\s+)?(?:to|against|-|\u2013)\s*$", re.IGNORECASE)


@dataclass
class FigureIssue:
    sent: Sent
    number: NumberMention
    figure: Figure
    measure: str
    subject: str | None
    strong: bool


def _round_sig(x: float, sig: int) -> float:
    if x == 0:
        return 0.0
    digits = sig - int(math.floor(math.log10(abs(x)))) - 1
    return round(x, digits)


def _trunc_sig(x: float, sig: int) -> float:
    if x == 0:
        return 0.0
    digits = sig - int(math.floor(math.log10(abs(x)))) - 1
    f = 10.0**digits
    return math.floor(x * f) / f


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def consistent(n: NumberMention, fig: Figure) -> bool:
    """Does the number, as written and qualified, agree with the recorded figure?"""
    v, t = n.value, fig.value
    slack = max(fig.approx * 2, 0.1)
    if n.form == "ratio":
        if n.qualifier in ("over", "near_above"):
            return t >= v * (1 - fig.approx)
        if n.qualifier in ("under", "near_below"):
            return t <= v * (1 + fig.approx)
        return abs(100.0 / v - 100.0 / t) < 1.0 if t else False
    if n.form == "fraction" and n.qualifier in ("exact", "approx"):
        return abs(v - t) <= max(3.0, 0.1 * t)
    q = n.qualifier
    if q == "over":
        return t >= v * (1 - 1e-9)
    if q == "under":
        return t <= v * (1 + 1e-9)
    if q == "near_above":
        return t >= v * (1 - 1e-9) and (t - v) <= slack * v
    if q == "near_below":
        return t <= v * (1 + 1e-9) and (v - t) <= slack * v
    sig = n.sig_figs
    rounded = _close(_round_sig(t, sig), v) or _close(_trunc_sig(t, sig), v)
    if q == "approx":
        return rounded or abs(v - t) <= fig.approx * t or _close(_round_sig(t, 1), v)
    if sig >= fig.sig_figs:
        return rounded
    # Written with fewer figures than the facts allow: accept only a near value.
    return rounded and abs(v - t) <= fig.approx * t


class FigureChecker:
    """Checks the numbers of one document against the facts' figures."""

    def __init__(self, facts: Facts):
        self.facts = facts
        self.measures = {m.id: m for m in facts.measures}
        self.by_measure: dict[tuple[str, str], list[Figure]] = {}
        for f in facts.figures:
            self.by_measure.setdefault((f.measure, f.unit), []).append(f)
        words: set[str] = set()
        for m in facts.measures:
            for p in m.cues + m.follows:
                words.update(w.lower() for w in re.findall(r"[A-Za-z]{4,}", p.pattern))
        self.keywords = frozenset(words)

    # -- measure ------------------------------------------------------------------------
    def _measure(
        self, doc: Document, n: NumberMention, cs: int, ce: int, others: list[NumberMention]
    ) -> str | None:
        text = doc.text
        dist: dict[str, int] = {}

        def gap(a_start: int, a_end: int, x: NumberMention) -> int:
            if a_end <= x.start:
                return x.start - a_end
            return max(0, a_start - x.end)

        def belongs_elsewhere(hit: re.Match) -> bool:
            # A cue closer to another number (or with one in between) is that number's.
            mine = gap(hit.start(), hit.end(), n)
            for o in others:
                if o is n:
                    continue
                if gap(hit.start(), hit.end(), o) < mine:
                    return True
                lo, hi = min(hit.end(), n.end), max(hit.start(), n.start)
                if lo <= o.start and o.end <= hi:
                    return True
            return False

        head = text[max(cs, (n.qual_start or n.start) - 40) : n.qual_start or n.start]
        for m in self.facts.measures:
            best = None
            tail = text[n.end : ce]
            if any(p.search(head) for p in m.exclude_before) or any(
                p.search(tail[:40]) for p in m.exclude_after
            ):
                continue
            if any(p.search(tail[:60]) and p.match(tail[:60]) for p in m.follows):
                best = 0
            for p in m.cues:
                hits = list(p.finditer(text, cs, n.start)) + list(p.finditer(text, n.end, ce))
                for hit in hits:
                    if belongs_elsewhere(hit):
                        continue
                    d = n.start - hit.end() if hit.end() <= n.start else hit.start() - n.end
                    if n.qual_start is not None and hit.end() <= n.start:
                        d = max(0, n.qual_start - hit.end())
                    best = d if best is None else min(best, d)
            if best is not None:
                dist[m.id] = best
        if not dist:
            return None
        choice = min(dist, key=lambda k: dist[k])
        for mid, d in dist.items():
            if choice in self.measures[mid].overrides and d <= dist[choice] + _NEAR:
                choice = mid
        return choice

    # -- subject ------------------------------------------------------------------------
    def _subjects(
        self, doc: Document, sent: Sent, n: NumberMention, cs: int, ce: int
    ) -> tuple[list[str], bool]:
        """Candidates the number may be about, and whether the grammar is unambiguous."""
        text = doc.text
        in_clause = [r for r in sent.refs if cs <= r.start < ce]
        before = [r for r in in_clause if r.end <= n.start]
        after = [r for r in in_clause if r.start >= n.end]
        if before:
            r = before[-1]
            gap = text[r.end : n.start]
            qual = r"(?:(?:about|around|some|nearly|almost|just|only|over|under|more than|less than|fewer than|roughly|a total of|just over|just under)\s+)?"
            if re.fullmatch(rf"(?:\u2019s|'s)\s+{qual}", gap, re.IGNORECASE) or re.fullmatch(
                rf",?\s*(?:\(|on\s+|with\s+|:\s*|-\s*)?{qual}", gap, re.IGNORECASE
            ) or re.fullmatch(rf"\s+{_STRONG_VERB}\s+{qual}", gap, re.IGNORECASE):
                if not _SCORELINE.match(text[max(cs, n.start - 12) : n.start]):
                    return [r.candidate], True
        if after:
            r = after[0]
            if re.fullmatch(r"\s*(?:votes?\s+|per\s?cent\s+|%\s*)?for\s+", text[n.end : r.start],
                            re.IGNORECASE):
                return [r.candidate], True
        if _SCORE_AFTER.match(text[n.end : ce]) or _SCORE_BEFORE.search(text[cs : n.start]):
            # "beat Coyne by 59,067 votes to 53,544": either tally may be either's.
            return [c.id for c in self.facts.candidates], False
        cands = [r.candidate for r in in_clause]
        if not cands:
            cands = [r.candidate for r in sent.refs]
            pron = re.search(r"\b(?:he|she|his|her)\b", sent.text, re.IGNORECASE)
            if pron:
                subj = doc.subject_before(sent.start + pron.start())
                if subj and subj not in cands:
                    cands.append(subj)
        return list(dict.fromkeys(cands)), False

    # -- checking -----------------------------------------------------------------------
    def check_sentence(self, doc: Document, sent: Sent) -> list[FigureIssue]:
        if not any(ch.isdigit() for ch in sent.text) and not (sent.words & _NUMBER_WORDS):
            return []
        issues: list[FigureIssue] = []
        for cs, ce in sent.clauses:
            numbers = find_numbers(doc.text, cs, ce)
            for n in numbers:
                issue = self._check_number(doc, sent, n, cs, ce, numbers)
                if issue:
                    issues.append(issue)
        return issues

    def _check_number(
        self, doc: Document, sent: Sent, n: NumberMention, cs: int, ce: int,
        numbers: list[NumberMention],
    ) -> FigureIssue | None:
        measure_id = self._measure(doc, n, cs, ce, numbers)
        if measure_id is None:
            # "McCluskey 59,067, Coyne 53,544": a tally listed beside a name.
            subjects, strong = self._subjects(doc, sent, n, cs, ce)
            listed = [r for r in sent.refs if n.start - 3 <= r.end <= n.start]
            gap = doc.text[listed[-1].end : n.start] if listed else "x"
            if not (strong and re.fullmatch(r"[\s:(-]*", gap)):
                return None
            measure_id = next((m.id for m in self.facts.measures if m.needs_subject), None)
            if measure_id is None:
                return None
        if doc.scope_at(sent, n.start, n.end) == "other" or not doc.anchored(sent):
            return None
        measure: Measure = self.measures[measure_id]
        unit = n.unit
        figures = self.by_measure.get((measure_id, unit), [])
        if not figures:
            return None
        clause = doc.text[cs:ce]
        qualified = [f for f in figures if f.qualifier and f.qualifier.search(clause)]
        figures = qualified or [f for f in figures if not f.qualifier]
        subjects, strong = self._subjects(doc, sent, n, cs, ce)
        if any(f.subject for f in figures):
            if not subjects:
                if measure.needs_subject:
                    return None
            else:
                figures = [f for f in figures if f.subject in subjects]
            if not figures:
                return None
        if any(consistent(n, f) for f in figures):
            return None
        figure = min(figures, key=lambda f: abs(f.value - n.value))
        return FigureIssue(sent, n, figure, measure_id, figure.subject or None, strong)


_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten twenty thirty forty fifty sixty "
    "seventy eighty ninety hundred thousand million half third quarter fifth tenth "
    "eighth".split()
)
