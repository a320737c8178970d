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
from dataclasses import dataclass, replace

from factwatch.claims.facts import Facts, Figure, Measure
from factwatch.claims.numbers import INTENSIFIER, NumberMention, find_numbers
from factwatch.claims.text import Document, Sent

_NEAR = 40  # chars: an overriding cue this much further away still wins
_STRONG_VERB = (
    r"(?:won|wins|took|takes|received|receives|polled|polls|got|gets|secured|secures|"
    r"garnered|attracted|scored|collected|picked up|claimed|finished (?:on|with)|ended (?:on|with)|"
    r"came (?:second|third|first|last) (?:on|with)|was (?:second|third|runner-up) (?:on|with)|"
    r"trailed (?:on|with)|had)"
)
_GAP_QUALIFIER = (
    r"(?:(?:about|around|some|nearly|almost|just|only|over|under|more than|less than|"
    r"fewer than|roughly|a total of|just over|just under)\s+)?"
)
# How a number is tied to the name before it: "Coyne's 53,544", "Coyne on 41.2 per cent",
# "Coyne (41.2%)", "McCluskey won 59,067".
_ATTACH = re.compile(
    rf"(?:\u2019s|'s)\s+{_GAP_QUALIFIER}"
    rf"|,?\s*(?:\(|on\s+|with\s+|:\s*|-\s*)?{_GAP_QUALIFIER}"
    rf"|\s+{_STRONG_VERB}\s+{_GAP_QUALIFIER}",
    re.IGNORECASE,
)
_WITH_GAP = re.compile(r",?\s*with\s", re.IGNORECASE)
_JUST_VOTES = re.compile(r"[\s-]*(?:votes?[\s-]*)?", re.IGNORECASE)
_SCORE_AFTER = re.compile(
    r"^\s*(?:votes?\s+)?(?:to|against|versus|v|-|\u2013)\s*(?:[\w.\u2019']+\s+){0,3}?\d",
    re.IGNORECASE,
)
_SCORE_BEFORE = re.compile(r"\d\s*(?:votes?\s+)?(?:to|against|-|\u2013)\s*$", re.IGNORECASE)
_SCORELINE = re.compile(r"^\s*(?:votes?\s+)?(?:to|against|-|\u2013)\s*$", re.IGNORECASE)
# "A of B members": B is the whole A is counted from ("131,000 of a million members").
_BASE_BEFORE = re.compile(
    r"(?:\d|\bhundred|\bthousand|\bdozen|\bhandful)(?:\s*(?:%|per\s?cent|percent))?\s+"
    r"(?:[\w-]+\s+)?(?:out\s+)?of(?:\s+the|\s+some)?\s*$",
    re.IGNORECASE,
)
# ...and the verb after B is A's ("of a million members voted").
_PART_VERB = re.compile(
    r"^\s*(?:[\w-]+\s+)?(?:members|people|voters|electors|workers|of them)\s+(?:have\s+|had\s+)?"
    r"(?:voted|took part|participated|turned out|bothered|cast|returned)\b",
    re.IGNORECASE,
)
# "from 15.2 per cent to 12.2 per cent": the first figure is the earlier state.
_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.IGNORECASE)
_TO_AFTER = re.compile(r"^[^;:]{0,40}?\bto\s+(?:[a-z]+\s+){0,3}?\d", re.IGNORECASE)
# The time a number refers to, written right after it: "15.2 per cent in 2013", "last time".
_WHEN_AFTER = re.compile(
    r"^\s*(?:(?:votes?|per\s?cent|percent|%|points?)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:(?:in|at|during|for|of)\s+(?:the\s+)?(?P<year>(?:19|20)\d\d)\b"
    r"|(?:in|at)\s+the\s+(?:last|previous|earlier)\s+(?:election|contest|ballot|race|vote)\b"
    r"|last\s+time\b|(?:four|five|three)\s+years\s+(?:ago|earlier)\b)",
    re.IGNORECASE,
)
# "35,334, well down on the 53,544 he won in 2017": the number compared is of another time.
_COMPARED_WITH = re.compile(
    r"[^;:]{0,30}?\b(?:(?:down|up|fell|dropped|rose|falling|rising)\s+(?:on|from)"
    r"|(?:fewer|more|less|lower|higher|smaller|larger|bigger)\s+than|compared\s+(?:with|to))"
    r"\s+(?:the\s+)?(?:[\w'\u2019]+\s+){0,2}?\d[\d,.]*[^.;:]{0,40}?"
    r"\b(?:in|of)\s+(?:the\s+)?(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# Several candidates together: "his two challengers", "between them", "combined".
_GROUP_SUBJECT = re.compile(
    r"\b(?:combined|together|between them|jointly)\b"
    r"|\b(?:two|both|three|all)\s+(?:of\s+)?(?:(?:his|her|their|the)\s+)?"
    r"(?:challengers|rivals|opponents|candidates|contenders|losers|men)\b",
    re.IGNORECASE,
)
_BY_BEFORE = re.compile(r"\bby\s+$", re.IGNORECASE)
# Names after a comparison ("behind McCluskey and Coyne", "ahead of Coyne") are its objects.
_COMPARED = re.compile(
    r"\b(?:behind|ahead of|in front of|beat|beats|beating|defeated|defeating|against|than|"
    r"over|outpolled|trailing|trailed|to)\s+$",
    re.IGNORECASE,
)
_COORD = re.compile(r"^\s*(?:,\s*|,?\s+(?:and|or)\s+)$", re.IGNORECASE)
# A qualifier word coordinated with another ("branches and workplaces") names a wider set.
_COORD_AROUND = (
    re.compile(r"\b[a-z-]+s\s+(?:and|or)\s+$", re.IGNORECASE),
    re.compile(r"^\s+(?:and|or)\s+(?!the\b|a\b|\d)[a-z-]+s\b", re.IGNORECASE),
)


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
    edge = 0.005  # "nearly 130,000" for 130,071: the writer rounded, not misstated
    if q == "near_above":
        return t >= v * (1 - edge) and (t - v) <= slack * v
    if q == "near_below":
        return t <= v * (1 + edge) and (v - t) <= slack * v
    sig = n.sig_figs
    rounded = _close(_round_sig(t, sig), v) or _close(_trunc_sig(t, sig), v)
    if q == "approx":
        # "some 62,000" for 59,067: within the facts' slack, but also within about one
        # unit of the last figure the writer gave.
        unit = 10.0 ** (math.floor(math.log10(abs(v))) - sig + 1) if v else 0.0
        near = abs(v - t) <= fig.approx * t and (sig < 2 or abs(v - t) <= 1.5 * unit)
        return rounded or near or _close(_round_sig(t, 1), v)
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
        # Cues anchored at the number ("won ... by$") run per number; the rest run once
        # per clause, joined into one pattern per measure.
        self.free: dict[str, re.Pattern] = {}
        self.anchored: dict[str, list[re.Pattern]] = {}
        for m in facts.measures:
            free = [p for p in m.cues if not p.pattern.rstrip().endswith("$")]
            self.anchored[m.id] = [p for p in m.cues if p.pattern.rstrip().endswith("$")]
            if free:
                joined = "|".join(f"(?:{p.pattern})" for p in free)
                self.free[m.id] = re.compile(joined, re.IGNORECASE)

    def _clause_cues(self, text: str, cs: int, ce: int) -> dict[str, list[tuple[int, int]]]:
        return {mid: [h.span() for h in p.finditer(text, cs, ce)] for mid, p in self.free.items()}

    # -- measure ------------------------------------------------------------------------
    def _measure(
        self,
        doc: Document,
        n: NumberMention,
        cs: int,
        ce: int,
        others: list[NumberMention],
        cues: dict[str, list[tuple[int, int]]],
        sent_start: int,
        noun: str | None = None,
    ) -> str | None:
        text = doc.text
        dist: dict[str, int] = {}

        def gap(a_start: int, a_end: int, x: NumberMention) -> int:
            if a_end <= x.start:
                return x.start - a_end
            return max(0, a_start - x.end)

        def belongs_elsewhere(hs: int, he: int) -> bool:
            # A cue closer to another number (or with one in between) is that number's.
            mine = gap(hs, he, n)
            for o in others:
                if o is n:
                    continue
                if gap(hs, he, o) < mine:
                    return True
                lo, hi = min(he, n.end), max(hs, n.start)
                if lo <= o.start and o.end <= hi:
                    return True
            return False

        head = text[max(cs, (n.qual_start or n.start) - 40) : n.qual_start or n.start]
        tail = text[n.end : ce]
        # The whole of a ratio ("of a million members") is judged only by what follows it.
        base = bool(_BASE_BEFORE.search(head))
        if base and _PART_VERB.match(tail):
            return None
        for m in self.facts.measures:
            best = None
            if (m.id, n.unit) not in self.by_measure:
                continue  # no figure of this unit: a percentage is never a ballot count
            if noun is not None and not m.counts(noun, head):
                continue  # "1.4 million members" counts no votes
            if any(p.search(head) for p in m.exclude_before) or any(
                p.search(tail[:40]) for p in m.exclude_after
            ):
                continue
            if any(p.match(tail[:60]) for p in m.follows):
                best = 0
            if base:
                if best is not None:
                    dist[m.id] = best
                continue
            spans = list(cues.get(m.id, ()))
            for p in self.anchored[m.id]:
                # Anchored cues may reach back over an appositive: "beat Coyne, his
                # nearest challenger, by 5,523 votes".
                end = n.qual_start if n.qual_start is not None else n.start
                stress = INTENSIFIER.search(text, max(sent_start, end - 20), end)
                end = stress.start() if stress else end  # "by just 5,523"
                spans.extend(h.span() for h in p.finditer(text, sent_start, end))
            for hs, he in spans:
                if hs < n.end and he > n.start:
                    continue  # the cue is the number itself
                if belongs_elsewhere(hs, he):
                    continue
                d = n.start - he if he <= n.start else hs - n.end
                if n.qual_start is not None and he <= n.start:
                    d = max(0, n.qual_start - he)
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

    def _attached_measure(
        self, doc: Document, n: NumberMention, ce: int, measure_id: str, noun: str | None = None
    ) -> str:
        """A number tied to a name ("Coyne on 41.2 per cent", "McCluskey won 51 per cent")
        is that candidate's tally or share, whatever other cues the clause holds, unless
        the words right after it say otherwise ("5,523 votes ahead", "more votes")."""
        own = next((m for m in self.facts.measures if m.needs_subject), None)
        if own is None or measure_id == own.id or (own.id, n.unit) not in self.by_measure:
            return measure_id
        head = doc.text[max(0, (n.qual_start or n.start) - 40) : n.qual_start or n.start]
        if not own.counts(noun, head):
            return measure_id
        tail = doc.text[n.end : ce][:60]
        if any(p.match(tail) for p in own.follows):
            return own.id
        for m in self.facts.measures:
            if m is own:
                continue
            if any(p.match(tail) for p in m.follows):
                return measure_id
            rx = self.free.get(m.id)
            hit = rx.search(tail[:20]) if rx else None
            if hit and _JUST_VOTES.fullmatch(tail[: hit.start()]):
                return measure_id
        return own.id

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
            if _ATTACH.fullmatch(gap):
                if not _SCORELINE.match(text[max(cs, n.start - 12) : n.start]):
                    if _WITH_GAP.match(gap):
                        # "finished behind McCluskey and Coyne with 13.2 per cent": the
                        # names are compared with; the number is the sentence subject's.
                        subject = _compared_subject(doc, sent, r)
                        if isinstance(subject, str):
                            return [subject], False
                        if subject is None:
                            return [], False
                    return [r.candidate], True
            if _BRACKETED.fullmatch(gap):
                return [r.candidate], True  # "Coyne 53,544 (41.2%)"
        if after:
            r = after[0]
            if re.fullmatch(
                r"\s*(?:votes?\s+|per\s?cent\s+|%\s*)?for\s+", text[n.end : r.start], re.IGNORECASE
            ):
                return [r.candidate], True
        if _SCORE_AFTER.match(text[n.end : ce]) or _SCORE_BEFORE.search(text[cs : n.start]):
            # "beat Coyne by 59,067 votes to 53,544": either tally may be either's.
            return [c.id for c in self.facts.candidates], False
        # The subject comes before the number: in its clause, else earlier in the sentence,
        # else the person a pronoun before it means, else the subject of the next clause
        # ("With 59,067 votes, McCluskey won").
        cands = [r.candidate for r in reversed(before)]
        if not cands:
            cands = [r.candidate for r in reversed(sent.refs) if r.end <= n.start]
        if not cands:
            pron = _PRONOUN.search(text, sent.start, n.start)
            if pron:
                subj = doc.subject_before(pron.start())
                cands = [subj] if subj else []
        if not cands:
            nxt = next((c for c in sent.clauses if c[0] >= ce), None)
            if nxt:
                cands = [r.candidate for r in sent.refs if nxt[0] <= r.start <= nxt[0] + 4][:1]
        return list(dict.fromkeys(cands)), False

    def _of_electorate(self, tail: str, figures: list[Figure]) -> list[Figure]:
        """A candidate's share "of Unite's members" is a share of the electorate: the
        figures become the candidates' tallies over the electorate's count."""
        el = self.facts.election
        if not el.electorate_of or not any(p.match(tail) for p in el.electorate_of):
            return figures
        whole = next((f for f in self.facts.figures if f.id == el.electorate_figure), None)
        if whole is None or not whole.value:
            return []  # a share of a total the facts do not record: not judged
        out = []
        for f in figures:
            tally = next(
                (
                    t
                    for t in self.by_measure.get((f.measure, "count"), [])
                    if t.subject == f.subject and not t.qualifier
                ),
                None,
            )
            if tally is not None:
                share = round(100.0 * tally.value / whole.value, 2)
                out.append(
                    replace(
                        f,
                        value=share,
                        statement=f"{tally.statement} ({share}% of"
                        f" the {whole.value:,.0f} counted in: {whole.statement})",
                    )
                )
        return out

    # -- checking -----------------------------------------------------------------------
    def check_sentence(self, doc: Document, sent: Sent) -> list[FigureIssue]:
        if not _HAS_DIGIT.search(sent.text) and not (sent.words & _NUMBER_WORDS):
            return []
        if sent.words & _SUPERSEDED_WORDS and _SUPERSEDED.search(sent.text):
            return []  # a correction quotes the wrong figure it withdraws
        issues: list[FigureIssue] = []
        prev: tuple[int, int, bool] | None = None  # the clause before: start, end, has numbers
        seen: dict[int, list[NumberMention]] = doc.memo("numbers", dict)
        seen[sent.index] = []
        for cs, ce in sent.clauses:
            numbers = find_numbers(doc.text, cs, ce)
            before, prev = prev, (cs, ce, bool(numbers))
            if not numbers:
                continue
            seen[sent.index].extend(numbers)
            cues = self._clause_cues(doc.text, cs, ce)
            if before and self._appositive(doc, sent, numbers[0], before, cs, ce):
                # "McCluskey's margin over Coyne, 5,523 votes, was narrow": the number
                # restates the noun before it, whose cue says what it measures.
                for mid, spans in self._clause_cues(doc.text, before[0], before[1]).items():
                    if not self.measures[mid].needs_subject:
                        cues[mid] = spans + cues.get(mid, [])
            ranges = _ranges(doc.text, numbers)
            for n in numbers:
                if any(lo is n for lo in ranges.values()):
                    continue  # judged with the number that closes its range
                low = ranges.get(id(n))
                issue = self._check_number(doc, sent, n, cs, ce, numbers, cues, low)
                if issue:
                    issues.append(issue)
        return issues

    @staticmethod
    def _appositive(
        doc: Document,
        sent: Sent,
        n: NumberMention,
        before: tuple[int, int, bool],
        cs: int,
        ce: int,
    ) -> bool:
        """Is the clause a number set off by commas or a dash after a number-free clause?"""
        text = doc.text
        bs, be, has_numbers = before
        if has_numbers or text[be:cs].strip() not in (",", "-", "\u2013", "\u2014"):
            return False
        lead = text[cs : n.qual_start if n.qual_start is not None else n.start]
        if INTENSIFIER.sub("", lead).strip():
            return False  # "just 5,523 votes" is still the bare number
        rest = text[ce : sent.end].lstrip()
        return rest.startswith(",") or not rest.strip(" .")

    def _noun(self, doc: Document, sent: Sent, n: NumberMention) -> str | None:
        """What the count counts: the noun after it, else, for a bare count ("Coyne
        received 187."), the noun of the count before it in the same paragraph
        ("McCluskey received the backing of 1,185 branches")."""
        if n.unit != "count" or n.noun:
            return n.noun
        if not _BARE_END.match(doc.text, n.end):
            return None
        seen: dict[int, list[NumberMention]] = doc.memo("numbers", dict)
        earlier = [o for o in seen.get(sent.index, ()) if o.unit == "count" and o.end <= n.start]
        prev = doc.sentences[sent.index - 1] if sent.index > 0 else None
        if not earlier and prev is not None and prev.paragraph == sent.paragraph:
            earlier = [o for o in seen.get(prev.index, ()) if o.unit == "count"]
        return earlier[-1].noun if earlier else None

    def _check_number(
        self,
        doc: Document,
        sent: Sent,
        n: NumberMention,
        cs: int,
        ce: int,
        numbers: list[NumberMention],
        cues: dict[str, list[tuple[int, int]]],
        low: NumberMention | None = None,
    ) -> FigureIssue | None:
        text = doc.text
        head = text[max(cs, (n.qual_start or n.start) - 40) : n.qual_start or n.start]
        tail = text[n.end : ce]
        if _FROM_BEFORE.search(head) and _TO_AFTER.match(tail):
            return None  # "fell from 15.2 per cent to ...": the earlier figure
        when = _WHEN_AFTER.match(tail)
        if when and (not when.group("year") or int(when.group("year")) != self.facts.election.year):
            return None  # "15.2 per cent in 2013": a figure of another year
        comp = _COMPARED_WITH.match(text, n.end, sent.end)
        if comp and int(comp.group("year")) == self.facts.election.year:
            return None  # "35,334, down on the 53,544 he won in 2017": the other time's
        if _GROUP_SUBJECT.search(text, max(sent.start, cs - 80), n.start):
            return None  # "the two challengers took more than half": no one candidate's
        noun = self._noun(doc, sent, n)
        measure_id = self._measure(doc, n, cs, ce, numbers, cues, sent.start, noun)
        if (
            measure_id is not None
            and not self.measures[measure_id].needs_subject
            and _BY_BEFORE.search(head)
            and _SCORE_AFTER.match(tail)
        ):
            # "won by 45.4 per cent to Coyne's 41.2 per cent": both figures are tallies.
            own = next((m for m in self.facts.measures if m.needs_subject), None)
            measure_id = own.id if own is not None else measure_id
        subjects, strong = self._subjects(doc, sent, n, cs, ce)
        if measure_id is not None and strong:
            measure_id = self._attached_measure(doc, n, ce, measure_id, noun)
        if measure_id is None:
            # "McCluskey 59,067, Coyne 53,544": a tally listed beside a name.
            listed = [r for r in sent.refs if n.start - 20 <= r.end <= n.start]
            gap = doc.text[listed[-1].end : n.start] if listed else "x"
            if not (strong and _LIST_GAP.fullmatch(gap)):
                return None
            own = next((m for m in self.facts.measures if m.needs_subject), None)
            if own is None or not own.counts(noun, head):
                return None
            measure_id = own.id
        if doc.scope_at(sent, n.start, n.end) == "other" or not doc.anchored(sent):
            return None
        measure: Measure = self.measures[measure_id]
        unit = n.unit
        figures = self.by_measure.get((measure_id, unit), [])
        if not figures:
            return None
        # A qualifier ("workplace") must sit by the number, not elsewhere in the clause.
        nxt = min((o.start for o in numbers if o.start >= n.end), default=ce)
        near = doc.text[max(cs, n.start - 15) : min(nxt, n.end + 40)]
        qualified = [f for f in figures if f.qualifier and _qualifies(f.qualifier, near)]
        figures = qualified or [f for f in figures if not f.qualifier]
        if any(f.subject for f in figures):
            if not subjects:
                if measure.needs_subject:
                    return None
            else:
                figures = [f for f in figures if f.subject in subjects]
            if not figures:
                return None
        if unit == "percent" and measure.needs_subject:
            figures = self._of_electorate(tail, figures)
            if not figures:
                return None
        if low is not None:
            # A range is right when it holds the figure, as rounded to its own precision.
            half = 0.5 * 10 ** -_decimals(n.text)
            if any(low.value - half <= f.value <= n.value + half for f in figures):
                return None
        elif any(consistent(n, f) for f in figures):
            return None
        figure = min(figures, key=lambda f: abs(f.value - n.value))
        return FigureIssue(sent, n, figure, measure_id, figure.subject or None, strong)


_HAS_DIGIT = re.compile(r"\d")
# A sentence that repeats a figure only to withdraw it: "was misstated as 7,143",
# "this article originally gave the turnout as 21.2 per cent".
_SUPERSEDED = re.compile(
    r"\b(?:misstated|misreported|misquoted|mistyped|misprinted)\b"
    r"|\b(?:originally|previously|wrongly|incorrectly|mistakenly)\s+(?:gave|stated|said|reported|"
    r"put|listed|described|quoted)\b|\ban? (?:earlier|previous) version\b",
    re.IGNORECASE,
)
_SUPERSEDED_WORDS = frozenset(
    "misstated misreported misquoted mistyped misprinted originally previously wrongly "
    "incorrectly mistakenly earlier previous".split()
)
# "between 12 and 13 per cent", "45-46 per cent": the first number opens a range.
_RANGE_OPEN = re.compile(r"\bbetween\s*$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s*(?:and|to)\s*|[-\u2013]", re.IGNORECASE)
# "Coyne 53,544 (43.2%)": a share in brackets after the candidate's tally.
_BRACKETED = re.compile(r"[\s:-]*\d[\d,.]*\s*(?:votes?\s*)?\(\s*", re.IGNORECASE)
_LIST_GAP = re.compile(r"[\s:(-]*(?:\d[\d,.]*\s*(?:votes?\s*)?[(,]\s*)?")
# A count with nothing after it but punctuation or a conjunction: "Coyne received 187."
_BARE_END = re.compile(r"\s*(?:[.;,)]|$|\s(?:and|but|while|whilst)\b)")
_PRONOUN = re.compile(r"\b(?:he|she|his|her)\b", re.IGNORECASE)
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty "
    "seventy eighty ninety hundred thousand million half third quarter fifth tenth "
    "eighth".split()
)


def _decimals(written: str) -> int:
    """Decimal places of a number as written ("12.5 per cent" has one)."""
    m = re.search(r"\d(?:[\d,]*)(?:\.(\d+))?", written)
    return len(m.group(1)) if m and m.group(1) else 0


def _ranges(text: str, numbers: list[NumberMention]) -> dict[int, NumberMention]:
    """Ranges in a clause ("between 12 and 13 per cent", "45-46%"): the closing
    number's id mapped to the opening one."""
    out: dict[int, NumberMention] = {}
    for a, b in zip(numbers, numbers[1:], strict=False):
        join = text[a.end : b.qual_start if b.qual_start is not None else b.start]
        if not _RANGE_JOIN.fullmatch(join) or a.value >= b.value:
            continue
        opened = _RANGE_OPEN.search(text, max(0, a.start - 12), a.start)
        if opened or join.strip() in ("-", "\u2013"):
            out[id(b)] = a
    return out


def _qualifies(qualifier: re.Pattern, near: str) -> bool:
    """Is the qualifier in the words by the number, and not one of a list
    ("from branches and workplaces" is every nomination, not the workplace ones)?"""
    for m in qualifier.finditer(near):
        before, after = near[: m.start()], near[m.end() :]
        if not (_COORD_AROUND[0].search(before) or _COORD_AROUND[1].match(after)):
            return True
    return False


def _compared_subject(doc: Document, sent: Sent, ref) -> str | None | bool:  # noqa: ANN001
    """When ``ref`` (with any names coordinated before it) follows a comparison
    ("behind", "ahead of", "beat"), the candidate the sentence is about: the first one
    named before the comparison, else the one a pronoun there means, else None.
    False when ``ref`` is not compared with anything."""
    text, refs = doc.text, sent.refs
    i = refs.index(ref)
    while i > 0 and _COORD.match(text[refs[i - 1].end : refs[i].start]):
        i -= 1
    first = refs[i]
    if not _COMPARED.search(text[max(sent.start, first.start - 20) : first.start]):
        return False
    if i > 0:
        return refs[0].candidate
    pron = _PRONOUN.search(text, sent.start, first.start)
    return doc.subject_before(pron.start()) if pron else None
