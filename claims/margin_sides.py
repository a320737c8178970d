"""A margin's two sides: who is ahead and who behind, from the words around it.

"5,523 votes separated Rowe and Pike", "Rowe led Pike by 7,335",
"ahead of Pike", "behind Rowe", "Rowe's margin of 5,523", else the subject and
the candidate next to them in the result of the round the words name
(``claims.owners`` finds the subject).
"""

from __future__ import annotations

import re

from factwatch.claims.entities import ranking, round_ranking
from factwatch.claims.facts import Facts
from factwatch.claims.lexicon import lexicon, title
from factwatch.claims.numbers import NumberMention
from factwatch.claims.owners import QUALIFIERS, _starts_clause, persons
from factwatch.claims.text import Document, Mention, Sent

_LEX = lexicon()
_SEPARATED = re.compile(r"\s*(?:votes?\s+)?(?:separated|divided|split|lay\s+between|between)\b")
_TITLE = rf"{title()}?"
_OVER = re.compile(
    rf"(?<![\w-])(?:over|ahead\s+of|in\s+front\s+of|clear\s+of|than|outpolled|"
    rf"{_LEX.alt('win_verb')})\s+{_TITLE}$"
)
_UNDER = re.compile(
    r"(?<![\w-])(?:behind|trailed|trailing|trails|second\s+to|runner-up\s+to|"
    r"lost\s+to|beaten\s+by|defeated\s+by|short\s+of)\s+" + _TITLE + "$"
)
_LOWER = re.compile(
    r"(?<![\w-])(?:behind|trailed|trailing|trails|short|adrift|deficit|lost|"
    r"losing|beaten|defeated\s+by|fell\s+short|(?:was|were)\s+(?:seen\s+off|beaten|"
    r"defeated|pipped|edged\s+out|outpolled|outvoted))(?![\w-])"
)
_POSS_MARGIN = re.compile(
    rf"'s\s+(?:winning\s+|final\s+|overall\s+)?(?:margin|majority|lead)"
    rf"(?:\s+over\s+[\w' ]+?)?(?:\s+(?:in|on|at|after)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?"
    rf"\s+(?:of|was|is|:)?\s*{QUALIFIERS}$"
)


def pair(
    doc: Document,
    sent: Sent,
    n: NumberMention,
    cs: int,
    ce: int,
    subject: Mention | None,
    rnd: int | None = None,
) -> tuple[str | None, str | None]:
    """A margin's two sides, the one ahead first, where the words say: two people it
    separates, somebody it is over or under, else the subject and the candidate next
    to them in the result."""
    people = [m for m in persons(sent) if m.person and m.kind != "other"]
    a = subject.person if subject else _ahead_or_behind(doc, sent, n, cs, people)
    separated = _separated(doc, n, ce, people)
    if separated is not None:
        return separated
    if a is None:
        a = _lead_in_apposition(doc, sent, n, cs, people)
    further = _further_back(doc, sent, n, cs, ce, people, a)
    if further is not None:
        return further
    lead = _lead_over(doc, sent, n, cs)
    if lead is not None:
        return lead
    beside = _named_before_by(doc, n, cs, people, a)
    if beside is not None:
        return beside
    compared = _over_or_under(doc, sent, n, cs, ce, people, a)
    if compared is not None:
        return compared
    if a is None:
        return None, None
    return _next_in_result(doc, n, cs, ce, a, rnd)


_PARTICIPLE = re.compile(r"\s*(?:losing|winning|beating|trailing|finishing|edging|pipping)\s")
# the margin of the verb just before a comma: "Fairweather still led, by 657 votes"
_BY = re.compile(r"\s*by\s")
_MARGIN_VERB = re.compile(
    r"(?<![\w-])(?:led|leads|won|wins|beat|beats|lost|trailed|finished)(?![\w-])"
)


def _verb_just_before(doc: Document, sent: Sent, cs: int) -> bool:
    before = [c for c in sent.clauses if c[1] <= cs]
    return bool(before) and bool(_MARGIN_VERB.search(doc.norm, *before[-1]))


# a live blog's time stamp before the sentence: "11.15", "12:41 a.m. -"
_STAMP = re.compile(r"\W*\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?\s*[\u2013\u2014:-]?\s*")
_APPOSED_LEAD = re.compile(r"\s*(?:a|an|the)\s+(?:[\w-]+\s+)?(?:lead|margin|majority)\s+of\s")


def _lead_in_apposition(
    doc: Document, sent: Sent, n: NumberMention, cs: int, people: list[Mention]
) -> str | None:
    """ "Corcoran's share is 44 per cent, a lead of 14.2 points over Moriarty": a lead set
    beside what the sentence says of its first person is that person's."""
    if not _APPOSED_LEAD.match(doc.norm, cs) or not people or people[0].start >= cs:
        return None
    first = people[0]
    opens = _starts_clause(doc, sent, first) or _STAMP.fullmatch(doc.norm, sent.start, first.start)
    return first.person if opens else None


def _ahead_or_behind(
    doc: Document, sent: Sent, n: NumberMention, cs: int, people: list[Mention]
) -> str | None:
    """The side the words put first when no subject was found: the person opening the
    clause, or for a participle ("Moriarty, a former president, polled 2,176 votes,
    losing by 1,380") the person opening the sentence."""
    before = [m for m in people if cs <= m.start and m.end <= n.start]
    if before and _starts_clause(doc, sent, before[0]):
        return before[0].person
    if not (people and people[0].start < cs):
        return None
    if not _PARTICIPLE.match(doc.norm, cs) and not (
        _BY.match(doc.norm, cs) and _verb_just_before(doc, sent, cs)
    ):
        return None
    first = min((m.start for m in sent.mentions if m.kind in ("person", "pronoun")), default=-1)
    opener = people[0]
    return opener.person if opener.start == first and _starts_clause(doc, sent, opener) else None


_ANOTHER = re.compile(r"(?<![\w-])(?:another|a\s+further)\s+$")
_BACK = re.compile(
    r"\s*(?:votes?|(?:percentage\s+)?points?)?\s*(?:further\s+)?(?:back|behind|adrift)\b"
)


def _further_back(
    doc: Document,
    sent: Sent,
    n: NumberMention,
    cs: int,
    ce: int,
    people: list[Mention],
    a: str | None,
) -> tuple[str | None, str | None] | None:
    """ "Lund was 20 points behind Rowe, and Hale another 7.8 points back":
    behind the one the clause before put behind."""
    qs = n.qual_start if n.qual_start is not None else n.start
    if a is None or not _ANOTHER.search(doc.norm, max(cs, qs - 12), qs):
        return None
    if not _BACK.match(doc.norm, n.end, ce):
        return None
    openers = [m for m in people if m.end <= cs and m.person != a and _starts_clause(doc, sent, m)]
    return (openers[-1].person, a) if openers else None


_LEAD_OVER = re.compile(
    r"(?:'s|\b(?:his|her|their))\s+(?:[\w-]+\s+)?(?:lead|margin|majority|advantage)\s+over\s+"
    + _TITLE
    + "$"
)


def _lead_over(
    doc: Document, sent: Sent, n: NumberMention, cs: int
) -> tuple[str | None, str | None] | None:
    """ "Rowe's lead over Pike fell from 9,000 to 5,523", "his lead over Lund":
    the possessor ahead of the one named after "over"."""
    for y in sent.mentions:
        if not (cs <= y.start < n.start and y.person):
            continue
        m = _LEAD_OVER.search(doc.norm, max(cs, y.start - 40), y.start)
        if m is None:
            continue
        # the possessor: the name right before "'s", or the pronoun "his", "her", "their"
        x = next(
            (
                w
                for w in sent.mentions
                if w.person
                and w.person != y.person
                and (w.end == m.start() or w.start == m.start())
            ),
            None,
        )
        if x is not None:
            return x.person, y.person
    return None


def _separated(
    doc: Document, n: NumberMention, ce: int, people: list[Mention]
) -> tuple[str | None, str | None] | None:
    """ "5,523 votes separated Rowe and Pike": the two named after, by their result."""
    if not _SEPARATED.match(doc.norm, n.end, ce):
        return None
    after = [m.person for m in people if m.start >= n.end]
    two = list(dict.fromkeys(after))[:2]
    if len(two) != 2:
        return None
    order = list(ranking(doc.facts))
    two.sort(key=lambda p: order.index(p) if p in order else 99)
    return two[0], two[1]


_BY_NUMBER = re.compile(
    r"\s*(?:'s?\s+)?by\s+(?:a\s+margin\s+of\s+|some\s+|just\s+|only\s+|nearly\s+|almost\s+|"
    r"about\s+|around\s+|roughly\s+|more\s+than\s+|fewer\s+than\s+|less\s+than\s+|over\s+|"
    r"under\s+|a\s+mere\s+)*$"
)


def _named_before_by(
    doc: Document, n: NumberMention, cs: int, people: list[Mention], a: str | None
) -> tuple[str | None, str | None] | None:
    """ "Rowe led Pike by 7,335", "trailed Lund by 77 and Rowe by 584":
    the person named right before "by" is the other side; the one before them in the
    clause, or the subject, the first."""
    start = n.qual_start if n.qual_start is not None else n.start
    before = [m for m in people if m.end <= start]
    if not before or not _BY_NUMBER.fullmatch(doc.norm[before[-1].end : start]):
        return None
    other = before[-1].person
    first = a if a and a != other else None
    if first is None:
        earlier = [m.person for m in before[:-1] if cs <= m.start and m.person != other]
        first = earlier[-1] if earlier else None
    if first is None:
        return None
    lower = _LOWER.search(doc.norm[max(cs, start - 60) : start])
    return (other, first) if lower else (first, other)


def _over_or_under(
    doc: Document,
    sent: Sent,
    n: NumberMention,
    cs: int,
    ce: int,
    people: list[Mention],
    a: str | None,
) -> tuple[str | None, str | None] | None:
    """ "ahead of Pike", "behind Rowe": the other side named after a comparison, people
    in the clause first."""
    inside = [m for m in people if n.end <= m.start < ce]
    inside += [m for m in people if cs <= m.start < n.start]
    ordered = inside + [m for m in people if m not in inside]
    for m in ordered:
        if m.person == a:
            continue
        lead_in = doc.norm[max(sent.start, m.start - 30) : m.start]
        # the other side: somebody opening the sentence or clause as its subject, never
        # just anybody named before ("That is third, 21,874 behind the runner-up, Pike")
        first = next(
            (
                x.person
                for x in people
                if x.start < m.start and x.person != m.person and _starts_clause(doc, sent, x)
            ),
            None,
        )
        if _OVER.search(lead_in):
            return (a or first), m.person
        if _UNDER.search(lead_in):
            return m.person, (a or first)
    return None


def _next_in_result(
    doc: Document, n: NumberMention, cs: int, ce: int, a: str, rnd: int | None
) -> tuple[str | None, str | None]:
    """``a`` and the candidate just behind them in the result of the round the words
    name (just ahead, when the words say ``a`` trailed).  With no round named, when that
    candidate differs from round to round, ``a`` alone (any round's may be meant)."""
    words = doc.norm[max(cs, n.start - 40) : min(ce, n.end + 40)]
    lower = bool(_LOWER.search(words))
    rounds = [rnd] if rnd is not None else [None, *doc.facts.once("owners.rounds", _rounds_counted)]
    orders = doc.facts.once("owners.orders", _orders)
    found = {
        _neighbour(orders.get(r) or list(round_ranking(doc.facts, r)), a, lower=lower)
        for r in rounds
    }
    return found.pop() if len(found) == 1 else (a, None)


def _neighbour(order: list[str], a: str, *, lower: bool) -> tuple[str | None, str | None]:
    if a not in order:
        return a, None
    i = order.index(a)
    if lower:
        return (order[i - 1], a) if i > 0 else (a, None)
    return (a, order[i + 1]) if i + 1 < len(order) else (a, None)


def _rounds_counted(facts: Facts) -> list[int]:
    """The rounds of this contest's count (none for a count of one round)."""
    rounds = {
        f.round for f in facts.figures if f.contest == "this" and f.measure == "votes" and f.round
    }
    return sorted(rounds) if len(rounds) > 1 else []


def _orders(facts: Facts) -> dict[int | None, list[str]]:
    """Each round's order of the candidates (None: the final ranking), worked out once."""
    return {r: list(round_ranking(facts, r)) for r in [None, *_rounds_counted(facts)]}


def margin_owner(doc: Document, sent: Sent, n: NumberMention) -> Mention | None:
    """ "Rowe's margin of 5,523": the possessor owns the margin."""
    start = n.qual_start if n.qual_start is not None else n.start
    for m in reversed([x for x in persons(sent) if x.end <= start and x.person]):
        if _POSS_MARGIN.fullmatch(doc.norm, m.end, start):
            return m
    return None
