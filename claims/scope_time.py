"""Signs of time in a clause: the article's own time ("this time", "the latest contest",
"yesterday"), written years (this contest's, a recorded contest's, or another; a year
in a date or a span is no contest), and time words that point before or after ("the
previous election", "his opponent then", "the next contest").  Time counted in years
("four years ago") is read by ``scope_signals``, which knows the paragraph's year."""

from __future__ import annotations

import datetime as dt
import re

from factwatch.claims.lexicon import lexicon
from factwatch.claims.model import Contest
from factwatch.claims.text import Document, Sent

_LEX = lexicon()

# A year, not inside a number, an amount or a span.  (The test of the character before it
# is made after its first digit, "1(?<![...].)" for "(?<![...])1", so that the scan looks
# for the digits 1 and 2 alone.)
_YEAR = re.compile(r"(1(?<![\d,.$£€-].)9[5-9]\d|2(?<![\d,.$£€-].)0[0-9]\d)(?![\d%]|,\d|\.\d)")
_EARLIER = _LEX.rx("earlier_phrase")
# "his opponent then": somebody's role at an earlier time the paragraph spoke of
_THEN_NP = re.compile(r"(?:'s|\bhis|\bher|\btheir)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+then(?![\w-])")
_LATER = _LEX.rx("later_phrase")
_REL_ADJ = re.compile(
    rf"(?<![\w-])(?P<adj>{_LEX.alt('earlier_word')}|{_LEX.alt('later_word')})\s+"
    rf"(?:(?:general\s+secretary|leadership|union|party|mayoral|presidential)\s+)?"
    rf"(?:election|contest|race|ballot|vote|poll|time|campaign|leadership\s+election|attempt"
    rf"|bid|tilt|outing)s?(?![\w-])"
)
_RECENT_WORDS = frozenset(
    "yesterday today tonight monday tuesday wednesday thursday friday saturday "
    "sunday overnight".split()
)
_RECENT = re.compile(
    r"(?<![\w-])(?:yesterday|today|tonight|overnight|(?:on|last|this)\s+(?:monday|"
    r"tuesday|wednesday|thursday|friday|saturday|sunday)|(?P<whose>(?:yesterday|today|monday|"
    r"tuesday|wednesday|thursday|friday|saturday|sunday)'s(?=\s+(?:[\w-]+\s+){0,2}(?:race|vote|"
    r"election|ballot|contest|poll|count|primary)s?(?![\w-]))))(?![\w-])"
)
_HAS_DIGIT = re.compile(r"\d")
_THIS_TIME = re.compile(
    r"(?<![\w-])(?:this\s+(?:year|month|week|time(?:\s+(?:round|around))?|(?:year's\s+)?"
    rf"{_LEX.alt('election_noun')})|in\s+the\s+latest\s+(?:contest|election|ballot))"
    r"(?![\w-])"
)
_SPAN_BEFORE = re.compile(r"(?<![\w-])(?:since|until|born|joined|founded|formed)\s+(?:in\s+)?$")
# "the lowest turnout since 2010", "the first time since": a year a figure is set against.
_MEASURED_SINCE = re.compile(
    r"(?<![\w-])(?:[a-z]+est|first|most|least|ever|than|record|never|not\s+since)(?![\w-])"
    r"[^.;:]{0,45}?\bsince\s+(?:in\s+)?$"
)
_COMPARED_YEAR = re.compile(
    r"(?:than|compared\s+(?:with|to)|up\s+from|down\s+from|up\s+on|down\s+on|against|unlike|"
    r"since)\s+(?:in\s+|with\s+)?(?:the\s+)?$"
)


def _contest_for_year(doc: Document, year: int) -> tuple[str, str] | None:
    for c in doc.facts.contests.values():
        if c.year == year:
            return c.key, f"the {year} contest"
    return None


def earlier_contest(doc: Document, ref: int | None) -> Contest | None:
    """The recorded contest for the same office just before year ``ref``."""
    return _nearest(doc, ref, -1)


def _nearest(
    doc: Document, ref: int | None, direction: int, same_office: bool = True
) -> Contest | None:
    """The recorded contest just before (direction -1) or after (+1) year ``ref``."""
    if ref is None:
        return None
    best: Contest | None = None
    for c in doc.facts.contests.values():
        if c.year is None or c.relation == "other" and same_office:
            continue
        if (c.year - ref) * direction <= 0:
            continue
        if best is None or abs(c.year - ref) < abs((best.year or 0) - ref):
            best = c
    return best


def _near_this_contest(doc: Document) -> bool:
    """Was the article published within days of this contest's ballot or result (so
    "on Tuesday" can be it)?  True when the dates are not known."""
    dates = [d for d in doc.facts.this.dates.values() if d]
    if not doc.published or not dates:
        return True
    return min(dates) <= doc.published <= max(dates) + dt.timedelta(days=10)


def _now_signal(
    doc: Document, sent: Sent, cs: int, ce: int, default: str
) -> tuple[str, str] | None:
    """ "This time", "the latest contest", "yesterday": the article's contest (a weekday
    only when the article was published near this contest's dates)."""
    norm = doc.norm
    words = sent.words
    if ("this" in words or "latest" in words) and (m := _THIS_TIME.search(norm, cs, ce)):
        return default, f"'{m.group(0)}'"
    if not _RECENT_WORDS.isdisjoint(words) and (m := _RECENT.search(norm, cs, ce)):
        if default != "this" or _near_this_contest(doc):
            return default, f"'{m.group(0)}'"
        if m.group("whose") or _WON_THEN.search(norm, m.end(), ce):
            # "Tuesday's two-candidate race", "On Tuesday she won ..." in an article written
            # long after this contest: a contest of that day
            return "other", f"'{m.group(0)}', long after this contest"
    return None


_WON_THEN = re.compile(
    r"\s*,?\s*(?:[\w'\u2019-]+\s+){0,3}?(?:won|took|was\s+elected|beat|defeated|lost)(?![\w-])"
)


def _year_signal(doc: Document, cs: int, ce: int) -> tuple[str, str] | None:
    """1. Written years: this contest's, a recorded contest's, or another (a year in a
    date or a span that is no contest is passed over)."""
    norm = doc.norm
    this = doc.facts.this
    for m in _YEAR.finditer(norm, cs, ce) if _HAS_DIGIT.search(norm, cs, ce) else ():
        year = int(m.group(1))
        compared = (
            " (compared)" if _COMPARED_YEAR.search(norm, max(cs, m.start() - 25), m.start()) else ""
        )
        if _SPAN_BEFORE.search(norm, max(cs, m.start() - 12), m.start()) and not (
            _MEASURED_SINCE.search(norm, max(cs, m.start() - 60), m.start())
        ):
            continue  # "who has led the union since 2010": a span, no contest
        if this.year and year == this.year:
            shared = _same_year_contest(doc, year, cs, ce)
            if shared is not None:
                return shared
            return "this", f"the year {year}{compared}"
        hit = _contest_for_year(doc, year)
        if hit:
            return hit[0], hit[1] + compared
        if _date_context(norm, m.start(), cs):
            continue
        return "other", f"the year {year}"
    return None


def _same_year_contest(doc: Document, year: int, cs: int, ce: int) -> tuple[str, str] | None:
    """A contest of this contest's year (a deputy's race on the same ballot) whose own
    contenders, and nobody of this contest, the clause names."""
    others = [c for k, c in doc.facts.contests.items() if k != "this" and c.year == year]
    if not others:
        return None
    named = {m.person for m in doc.sentence_at(cs).mentions if m.person and cs <= m.start < ce}
    if not named or named & set(doc.facts.this.people):
        return None
    for c in others:
        if named <= set(c.people):
            who = ", ".join(doc.facts.people[p].name for p in sorted(named))
            return c.key, f"names {who}, who stood in {c.name}"
    return None


def _earlier_later_signal(
    doc: Document, sent: Sent, cs: int, ce: int, ref: int | None
) -> tuple[str, str] | None:
    """2. Time words that point before or after: "the previous election", "his
    opponent then", "the next contest": the nearest recorded contest that way."""
    norm = doc.norm
    words = sent.words
    m = (
        (_LEX.maybe("earlier_phrase", words) and _EARLIER.search(norm, cs, ce))
        or (_LEX.maybe("earlier_word", words) and _rel(norm, cs, ce, "earlier"))
        or ("then" in words and _THEN_NP.search(norm, cs, ce))
        or None
    )
    if m:
        near = _nearest(doc, ref, -1)
        return (near.key, f"'{m.group(0)}'") if near else ("other", f"'{m.group(0)}'")
    m = (
        (_LEX.maybe("later_phrase", words) and _LATER.search(norm, cs, ce))
        or (_LEX.maybe("later_word", words) and _rel(norm, cs, ce, "later"))
        or None
    )
    if m:
        near = _nearest(doc, ref, +1)
        return (near.key, f"'{m.group(0)}'") if near else ("other", f"'{m.group(0)}'")
    return None


def _rel(norm: str, cs: int, ce: int, which: str) -> re.Match[str] | None:
    for m in _REL_ADJ.finditer(norm, cs, ce):
        adj = m.group("adj")
        if which == "earlier" and _LEX.rx("earlier_word").fullmatch(adj):
            if adj == "first" and not re.search(r"time|election|contest|bid|attempt", m.group(0)):
                continue
            return m
        if which == "later" and _LEX.rx("later_word").fullmatch(adj):
            if adj in ("new", "second", "fresh") and not re.search(
                r"election|contest|ballot|vote", m.group(0)
            ):
                continue
            return m
    return None


def _date_context(norm: str, pos: int, cs: int) -> bool:
    """A year in a date or a span that is no contest ("since 1998", "born in 1961")."""
    before = norm[max(cs, pos - 20) : pos]
    return bool(
        re.search(
            r"(?:since|born|joined|founded|formed|until|from|aged?|age)\s+(?:in\s+)?$"
            r"|\d{1,2}\s+\w+\s+$",
            before,
        )
    )
