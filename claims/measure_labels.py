"""A number's reading given by its layout, as in a box of figures.

- a label before it: "Spoiled ballots: 488.", "Turnout: 62.4 per cent";
- a caption after it, the number opening its line: "1,271 - Rowe's margin over
  Pike", "62.4 - per cent turnout", "41,202; 39,931 - the totals for Rowe and
  Pike" (each number the votes of the person named in its place).

A label or caption that names something the facts record gives that reading;
one that names nothing they record ("Age: 51", "3 - counts needed") makes the
number nobody's figure.
"""

from __future__ import annotations

import re

from factwatch.claims.lexicon import lexicon
from factwatch.claims.measure_words import Reading
from factwatch.claims.numbers import NumberMention
from factwatch.claims.owners import persons
from factwatch.claims.rounds import names_a_round, round_of
from factwatch.claims.text import Document, Mention, Sent

_LEX = lexicon()
_LABEL = re.compile(r"(?:^|[.;\u2014]\s+|\s-\s)(?P<label>[a-z][a-z'\u2019 -]{2,40}?)\s*:\s*$")
_CAPTION = re.compile(r"\s*(?:[-\u2013\u2014:]\s+)(?P<caption>[^.;]{3,120})")
_OPENING = re.compile(r"^[\W\d,.;%\s]*$")  # nothing but numbers and marks before
_MEASURES = (
    (re.compile(r"turn[\s-]?out|participation"), "turnout"),
    (re.compile(r"margin|lead\b|ahead|majority\s+over|gap"), "margin"),
    (re.compile(r"spoil|reject|void|invalid|blank"), "spoiled"),
    (re.compile(r"^valid|\bvalid\s+votes"), "valid"),
    (re.compile(r"electorate|eligible|entitled"), "electorate"),
    (re.compile(r"(?:ballots|votes|papers)\s+(?:cast|returned|counted)|^total\b"), "total"),
)


def labelled_reading(doc: Document, sent: Sent, n: NumberMention, qs: int) -> Reading | bool | None:
    """The reading a label or caption gives ``n``; False when it names nothing the facts
    record, None when ``n`` has neither."""
    before = doc.norm[sent.start : qs]
    labelled = _label_before(doc, sent, n, before)
    if labelled is not None:
        return labelled
    if not _OPENING.match(before):
        return None
    numbers = doc.numbers_of(sent)
    ours = [x for x in numbers if x.start <= n.start or _listed(doc, numbers, x)]
    last = max(ours, key=lambda x: x.end)
    cap = _CAPTION.match(doc.norm, last.end, sent.end)
    if cap is None:
        return None
    caption = cap.group("caption").strip()
    people = [p for p in persons(sent) if p.person and p.start >= cap.start("caption")]
    listed = [x for x in numbers if x.end <= last.end]
    if len(listed) > 1:
        # "41,202; 39,931 - the totals for Rowe and Pike": each the votes of the person
        # named in its place
        named = list(dict.fromkeys(p.person for p in people))
        if len(named) == len(listed) and re.search(r"\b(?:votes|totals?)\b", caption):
            return Reading("votes", named[listed.index(n)], why="a box of figures")
        return False
    return _named(doc, caption, people, round_of(doc, sent, sent.start, sent.end, n.start))


# A line's label naming a count that is not the ballot's
_OTHER_COUNT = re.compile(
    r"(?<![\w-])(?:nominat\w*\s+(?:vote|votes|ballot|roll\s+call)|straw|hustings|poll|polls|"
    r"polling|survey|primary|caucus)(?![\w-])"
)
_SHARES = re.compile(r"(?<![\w-])(?:shares?|per\s?cent|percentages?)(?![\w-])")
_STAGE_AFTER = re.compile(
    r"\s*(?:after|in|at|by)\s+(?:the\s+)?(?:first|second|third|fourth|fifth|final|last|"
    r"opening|next)\s+(?:transfer|round|count|stage|redistribution|exclusion)"
)


def _label_before(
    doc: Document, sent: Sent, n: NumberMention, before: str
) -> Reading | bool | None:
    """The reading of a label just before ``n`` ("Spoiled ballots: 488"), False for a
    line whose label names no count of the ballot, None when there is no label."""
    colon = before.find(": ")
    if 0 < colon <= 90 and _OTHER_COUNT.search(before, 0, colon):
        return False  # "Convention nomination vote (of 1,840 delegates): Rowe 842; ..."
    if not before.rstrip().endswith(":"):
        return None
    m = _LABEL.search(before[-48:] if len(before) > 48 else before)
    if m is None or not (len(before) <= 48 or m.start() > 0):
        return None
    label = m.group("label").strip()
    if _SHARES.search(label) and n.unit == "count":
        return False  # "As shares of valid votes: 44.0, 29.8": shares, not counts
    if _STAGE_AFTER.match(doc.norm, n.end, sent.end):
        return False  # "Exhausted ballots: 520 after the first transfer, ...": a part
    if _LEX.rx("discourse_marker").fullmatch(label) or names_a_round(label):
        return None  # "Second ballot: 38,092 papers returned": a round, not a count's name
    return _named(doc, label, [])


def _listed(doc: Document, numbers: list[NumberMention], x: NumberMention) -> bool:
    """Is ``x`` one of the numbers that open the line together ("41,202; 39,931 - ...")?"""
    before = [y for y in numbers if y.end <= x.start]
    return not before or bool(re.fullmatch(r"\s*[;,]\s*", doc.norm[before[-1].end : x.start]))


_VOTES_FOR = re.compile(
    r"^(?:the\s+)?(?:first[\s-]+(?:choices|preferences)|(?:[\w-]+\s+)?votes|ballots)\s+"
    r"(?:for|to|cast\s+for)\b"
)
_SHARE_OF = re.compile(r"\bshare\b[^.;]*?\bof\s+(?P<what>(?:all\s+)?[a-z]+(?:\s+[a-z]+)?)")
_A_MARK = re.compile(r"\b(?:line|mark|threshold|bar|quota|needed|required|winning\s+post)\b")


def _named(
    doc: Document, words: str, people: list[Mention], rnd: int | None = None
) -> Reading | bool:
    """What a label or caption names: a person's votes or share, a count the facts
    record, a measure of the count, a margin between two people; False for anything
    else."""
    if people and _VOTES_FOR.search(words):
        return Reading("votes", people[0].person, round=rnd, why="a box of figures")
    share = _SHARE_OF.search(words)
    if people and share:
        what = share.group("what")
        bases = (
            ("valid",)
            if "valid" in what
            else ("cast",)
            if re.search(r"papers|cast|ballots|votes", what)
            else ("valid", "cast")
        )
        return Reading("share", people[0].person, bases=bases, round=rnd, why="a box of figures")
    said = set(re.findall(r"[a-z]+", words))
    for f in doc.facts.figures:
        if f.measure == "count" and f.contest == "this" and said and said <= set(f.counts.split()):
            # "Blank papers: 208", "Spoiled: 187" beside recorded blank and spoiled papers
            return Reading("count", counts=f.counts, why=f"labelled '{words}'")
    for rx, measure in _MEASURES:
        if rx.search(words):
            if measure == "margin":
                sides = list(dict.fromkeys(p.person for p in people))[:2]
                if not sides or _A_MARK.search(words):
                    return False  # "227 - her margin over the line": over a mark
                return Reading(
                    "margin", sides[0], sides[1] if len(sides) > 1 else None, why="a margin"
                )
            return Reading(measure, why=f"labelled '{words}'")
    if people and re.search(r"\bvotes?\b", words):
        return Reading("votes", people[0].person, round=rnd, why="a box of figures")
    return False
