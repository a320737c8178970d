"""What a number measures and whose it is, read from its own noun phrase and frame.

``read_number(doc, sent, n, cs, ce)`` returns a ``Reading`` (measure,
subject, the other side of a margin, basis, round) or None when the words do
not say clearly enough.  The order of evidence:

1. the number's own noun phrase: "59,067 votes", "97 nominations", "1,185
   branches", "12.2 per cent turnout", "41% of the vote", "12% of members";
2. the noun phrase it completes: "a turnout of 12.2%", "a majority of 5,523",
   "turnout was 12.2 per cent", "his lead, 5,523 votes";
3. its verb frame: "X won 59,067", "X took 41%", "X won by 5,523", "X beat Y
   by 5,523 votes", "beat Y by 59,067 votes to 53,544", "Y trailed by 5,523";
4. juxtaposition in a list: "Rowe 59,067, Pike 53,544", "Pike (41.2%)".

A count of something else (members, branches, staff, people who stayed at
home) is not a vote; a number tied to somebody the facts do not know
("Jane Roe topped the nominations with 410") is not pinned on a candidate;
two subjects in one sentence ("X polled N and turnout was M%") each keep
their own numbers.  Only measures the facts can judge are returned.  Whose
a number is, and a margin's two sides, are read by ``owners``; the round of
the count it belongs to by ``rounds``.

The readers live beside this module, which holds the order of evidence and
the readings taken through a neighbouring number (a part of the count
before, a number parallel to the one before, a share set beside a tally):
``measure_frames`` the frames that say outright what a number is,
``measure_shares`` percentages, ``measure_counts`` counts,
``measure_totals`` the ballot's own numbers, and ``measure_words`` the
``Reading`` record and the word patterns they share.
"""

from __future__ import annotations

import re
from dataclasses import replace

from factwatch.claims.measure_counts import _count, _recorded_count
from factwatch.claims.measure_frames import (
    _DIFFERENCE,
    _NOMINATED_BY,
    _VOTED_FOR,
    _WITHIN,
    _backing,
    _came_within,
    _difference,
    _gain,
    _gains,
    _nobodys_own,
    _nominated_by,
    _voted_for,
    gained,
    gapped,
)
from factwatch.claims.measure_labels import labelled_reading
from factwatch.claims.measure_shares import _percent, bases_after
from factwatch.claims.measure_words import _OF_MEMBERS, Reading
from factwatch.claims.numbers import NumberMention
from factwatch.claims.owners import QUALIFIERS as _Q
from factwatch.claims.owners import after_people
from factwatch.claims.rounds import round_of
from factwatch.claims.text import Document, Sent

_EXHAUSTED = re.compile(
    r"\s*(?:papers?\s+|votes?\s+|ballots?\s+)?(?:were\s+|had\s+)?(?:exhausted|exhausting|"
    r"non-transferable|went\s+nowhere|ranking\s+nobody|ranked\s+nobody)(?![\w-])"
)

# "59,067 votes (47 per cent)", "25,477 first choices, or 21.2 per cent", "47,318 - 37.5".
_SCORE_PAIR = re.compile(r"\s*(?:%|per\s?cent)?\s*to\s+\d")  # "57.1% to 42.9%": a pair
_BRACKET_AFTER_COUNT = re.compile(
    r"\d[\d,.]*\s*(?:[\w-]+\s+){0,3}?(?:votes?|choices|preferences)?"
    # "3,214 votes in the postal ballot, or 44 per cent"
    r"(?:\s+(?:in|on|at|across)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?\s*(?:[(,:]\s*|[-\u2013\u2014]\s+)"
    r"(?:or\s+|that\s+is\s+|representing\s+|equal\s+to\s+)?" + _Q + r"$"
)


def _previous_number(doc: Document, sent: Sent, n: NumberMention) -> NumberMention | None:
    earlier = [x for x in doc.numbers_in(sent.start, n.start) if x.end <= n.start]
    return earlier[-1] if earlier else None


_COUNT_IS_SHARE = re.compile(
    rf"\d[\d,]*\s+(?:votes?\s+|ballots?\s+)?(?:amounted\s+to|represented|represents|made\s+up|"
    rf"equalled|equaled|came\s+to|accounted\s+for|was|were|is|are)\s+{_Q}$"
)
_JOINED_COUNTS = re.compile(
    r"\d[\d,]*\s+(?:[\w'\u2019-]+\s+){0,4}?and\s+(?:[\w'\u2019-]+\s+){0,4}?\d[\d,]*$"
)
# "97 nominations, 21 of them from workplaces": a part of the count just before.
_PARTITIVE_OF = re.compile(
    r"\s+of\s+(?:them|those|these|which|whom)\s+(?:were\s+|came\s+|being\s+)?"
    r"(?:from|in|at|by|among)\s+(?:the\s+|its\s+|his\s+|her\s+)?(?P<what>[\w-]+)"
)


def _partitive(doc: Document, sent: Sent, n: NumberMention, post: str) -> Reading | None:
    prev = _previous_number(doc, sent, n)
    if prev is None or prev.unit != "count" or n.unit != "count":
        return None
    pcs, pce = doc.clause_of(sent, prev.start)
    whole = read_number(doc, sent, prev, pcs, pce)
    if whole is None or whole.measure not in ("nominations", "count"):
        return None
    m = _PARTITIVE_OF.match(post)
    assert m is not None
    return Reading(
        whole.measure,
        whole.subject,
        counts=f"{whole.counts} {m.group('what')}".strip(),
        round=whole.round,
        why=f"a part of {prev.text}",
    )


def _given(doc: Document, sent: Sent, n: NumberMention, qs: int) -> tuple[bool, Reading | None]:
    """A reading the layout gives: a label before the number ("Spoiled ballots: 488"), or
    the first item of a list the number is a gapped item of.  (True, reading) when one
    applies."""
    labelled = labelled_reading(doc, sent, n, qs)
    if labelled is not None:
        return True, labelled if isinstance(labelled, Reading) else None
    listed = gapped(doc, sent, n, qs)
    if listed is None:
        return False, None
    first, person = listed
    fcs, fce = doc.clause_of(sent, first.start)
    got = read_number(doc, sent, first, fcs, fce)
    return True, (replace(got, subject=person) if got is not None and got.subject else None)


# A count done again or compared with another: "gained 44 votes in the recount"
_RECOUNT = re.compile(
    r"(?<![\w-])(?:re-?counts?|re-?counted|re-?checks?|corrected|correction|amended|revised|"
    r"up\s+from|compared\s+(?:with|to)|than\s+(?:in|at|the)\s+(?:the\s+)?(?:last|previous|"
    r"first|initial|original))(?![\w-])"
)


def _recounted(doc: Document, sent: Sent) -> bool:
    lo = doc.sentences[sent.index - 1].start if sent.index else sent.start
    return bool(_RECOUNT.search(doc.norm, lo, sent.end))


_FRACTIONAL = re.compile(r"\d\.\d")


def read_number(doc: Document, sent: Sent, n: NumberMention, cs: int, ce: int) -> Reading | None:
    """What ``n`` measures and whose it is, or None when the words do not say.

    Frames that say outright come first (a change, a part of a count, how close
    somebody came, a share given with a tally or with somebody's backing, votes cast
    for somebody); then a percentage or a count is read by its own words."""
    norm = doc.norm
    qs = n.qual_start if n.qual_start is not None else n.start
    pre = norm[max(cs, qs - 70) : qs]
    post = norm[n.end : min(ce, n.end + 80)]
    if _nobodys_own(doc, sent, n, cs, qs, post):
        return None
    laid_out, laid = _given(doc, sent, n, qs)
    if laid_out:
        return laid
    part_of = _PART_OF.match(doc.norm, sent.start, sent.end)
    if part_of and n.start >= part_of.end():
        # "Of those, 208 were blank and 187 spoiled": parts of a count given before
        return None
    rnd = round_of(doc, sent, cs, ce, n.start)
    framed, reading = _framed(doc, sent, n, cs, qs, pre, post, rnd)
    if framed:
        return reading
    recorded = _recorded_count(doc, sent, n, cs, post)
    if recorded is not None:
        return recorded
    given = _share_of_tally(doc, sent, n, cs, ce, qs, post) or _backing(doc, sent, n, qs, post, rnd)
    if given is not None:
        return given
    if _VOTED_FOR.match(post):
        return _voted_for(sent, n, rnd)
    if _EXHAUSTED.match(post):
        return None  # papers that went to nobody
    got = (
        _percent(doc, sent, n, cs, ce, pre, post, rnd)
        if n.unit == "percent"
        else _count(doc, sent, n, cs, ce, pre, post, rnd)
    )
    return _settled(got, n, rnd)


def _settled(got: Reading | None, n: NumberMention, rnd: int | None) -> Reading | None:
    """A reading's last checks: a total takes the round the clause names ("turnout in the
    run-off"); votes written with a fraction are no votes ("Whelan 9.0" in a list of
    shares: nobody polls nine and a fraction votes)."""
    if got is None:
        return None
    if got.measure in _TOTALS and got.round is None and rnd is not None:
        return replace(got, round=rnd)
    if got.measure == "votes" and n.value < 100 and _FRACTIONAL.search(n.text):
        return None
    return got


_TOTALS = frozenset({"total", "valid", "spoiled", "turnout"})
_PART_OF = re.compile(
    r"\s*(?:and\s+|but\s+)?of\s+(?:those|them|these|which)\s*,?\s*"
    # "Of Rees-Morgan's 20,688 ballots, Fairweather got 4,921": parts of somebody's
    r"|\s*(?:and\s+|but\s+)?of\s+(?:his|her|their|(?:[\w\u00c0-\u017f-]+\s+){0,2}"
    r"[\w\u00c0-\u017f-]+'s)\s+(?:[\d,]+\s+)?(?:[\w-]+\s+)?(?:ballots|votes|papers|"
    r"preferences|transfers|supporters|voters)\s*,\s*"
)


_WITHIN_BEFORE = re.compile(r"within\s+$")


def _framed(
    doc: Document,
    sent: Sent,
    n: NumberMention,
    cs: int,
    qs: int,
    pre: str,
    post: str,
    rnd: int | None,
) -> tuple[bool, Reading | None]:
    """Frames that say outright what a number is: a change ("down 3,000 on"), a part of
    a count, how close somebody came, who nominated somebody, a number parallel to an
    earlier one.  (True, reading) when one applies."""
    norm = doc.norm
    if _gains(doc, sent, n, pre):
        return True, _gain(doc, sent, n, cs, rnd)
    if n.unit == "count" and gained(doc, sent, n, pre) and _recounted(doc, sent):
        return True, None  # a change in a count of one round ("gained 44 in the recount")
    if _DIFFERENCE.match(norm, n.end, sent.end):
        return True, _difference(doc, sent, n, cs, rnd)
    if _PARTITIVE_OF.match(post):
        return True, _partitive(doc, sent, n, post)
    if _WITHIN_BEFORE.search(norm[max(cs, qs - 8) : n.start]) and _WITHIN.match(post):
        return True, _came_within(doc, sent, n, cs, rnd)
    if _NOMINATED_BY.search(pre) and n.unit == "count":
        return True, _nominated_by(doc, sent, n, cs)
    if _PARALLEL_FOR.search(norm, max(sent.start, n.start - 8), n.start) and re.match(
        r"\s+for\s", post
    ):
        return True, _parallel(doc, sent, n)
    return False, None


_PARALLEL_FOR = re.compile(r"(?:,|(?<![\w-])and)\s+$")


def _parallel(doc: Document, sent: Sent, n: NumberMention) -> Reading | None:
    """ "11,904 had a second choice for Rowe and 8,233 for Pike": the second number is
    what the first is, for the person after it (nobody's when the first is nobody's)."""
    prev = _previous_number(doc, sent, n)
    if prev is None or " for " not in doc.norm[prev.end : n.start]:
        return None
    pcs, pce = doc.clause_of(sent, prev.start)
    first = read_number(doc, sent, prev, pcs, pce)
    who = after_people(sent, n)
    if first is None or not who:
        return None
    return Reading(
        first.measure,
        who,
        bases=first.bases,
        round=first.round,
        counts=first.counts,
        why=first.why,
    )


def _share_of_tally(
    doc: Document, sent: Sent, n: NumberMention, cs: int, ce: int, qs: int, post: str
) -> Reading | None:
    """A percentage given with a candidate's tally: what the tally amounted to, or a
    share set beside it."""
    if n.unit != "percent":
        return None
    norm = doc.norm
    if _COUNT_IS_SHARE.search(norm, max(cs, qs - 60), qs):
        # "Hale's 17,283 votes amounted to barely 6 per cent of the electorate"
        prev = _previous_number(doc, sent, n)
        if prev is not None and _JOINED_COUNTS.search(doc.norm, max(cs, prev.start - 80), prev.end):
            return None  # "Lund's 18,057 votes and Hale's 9,521 came to": a group's
        if prev is not None and prev.unit == "count" and prev.start >= cs:
            r = read_number(doc, sent, prev, cs, ce)
            if r is not None and r.measure == "votes" and r.subject:
                bases = (
                    ("electorate",)
                    if _OF_MEMBERS.match(post)
                    else bases_after(post, ("valid", "cast"))
                )
                return Reading(
                    "share", r.subject, bases=bases, round=r.round, why="what a tally amounted to"
                )
    if _BRACKET_AFTER_COUNT.search(norm, max(sent.start, qs - 60), qs) and not _SCORE_PAIR.match(
        norm, n.end
    ):
        # "59,067 votes (47 per cent)", "Pike 53,544 (41.2%)": the share of the count's owner.
        prev = _previous_number(doc, sent, n)
        if prev is not None and prev.unit == "count":
            pcs, pce = doc.clause_of(sent, prev.start)
            r = read_number(doc, sent, prev, pcs, pce)
            if r is not None and r.measure == "votes" and r.subject:
                return Reading(
                    "share",
                    r.subject,
                    bases=bases_after(post, ("valid", "cast", "continuing")),
                    round=r.round,
                    why="a share given beside a tally",
                )
    return None
