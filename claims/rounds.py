"""Which round of the count a clause's numbers belong to.

``round_of(doc, sent, cs, ce)`` gives 1 for the first round ("first
preferences", "in the opening count"), N for a numbered one ("the fourth
round", "round two"), -1 for the final one ("the run-off", "after
transfers", "finished as runner-up with"), and None (any round) when the
words name none or several.
"""

from __future__ import annotations

import re

from factwatch.claims.numbers import ORDINALS, word_number
from factwatch.claims.text import Document, Sent

_ROUND = re.compile(
    # not "of all 78,535 valid first-count ballots": the basis of a share, not its round
    # (the lookahead, the first letters of the words below, lets the scan skip other places)
    r"(?=[adfilnoprstw])(?<![\w-])(?<!valid\s)(?:(?P<first>first|opening|initial)[\s-]+"
    r"(?:round|count|preferences?|choices?|ballot|stage)"
    # the count of first preferences in a preferential count: "on the primary vote",
    # "third on primaries", "primary count"
    r"|(?P<primary>primary\s+(?:votes?|count|tally)|(?:on|in)\s+(?:the\s+)?primaries)"
    r"|first[\s-]preference|(?P<ord>second|third|fourth|fifth|sixth)[\s-]+"
    r"(?:round|count|stage|ballot)"
    r"|(?P<final>final|last|deciding|decisive|run-?off)[\s-]+"
    r"(?:round|count|stage|ballot|tally)|after\s+(?:transfers|redistribution|preferences|"
    r"(?:second\s+)?preferences\s+were\s+(?:counted|redistributed))|runoff|run-off"
    # "once every preference had been counted": the count's end
    r"|(?:once|after|when)\s+(?:all|every)\s+(?:the\s+)?preferences?\s+(?:had\s+been|has\s+been|"
    r"were|was)\s+(?:counted|distributed|allocated|thrown)"
    r"|round\s+(?P<n>one|two|three|four|five|\d)|(?P<that>that|the\s+same)\s+(?:round|count))"
    r"(?![\w-])"
)
# A round named by its ordinal alone after an earlier round word: "won the second by".
_ELLIPSIS = re.compile(
    r"(?<![\w-])the\s+(?P<ord>second|third|fourth|fifth|final|last)\s+(?=(?:by|with|on)\s)"
)
# ... or just after the number, at the end of its clause: "15,675 behind after the third".
_ELLIPSIS_AFTER = re.compile(
    r"^(?:\d[\d,.]*)?[^.;\d]{0,40}?(?<![\w-])(?:after|in|on|by)\s+the\s+"
    r"(?P<ord>second|third|fourth|fifth|final|last)"
    r"(?=\s*(?:[.,;:)\u2014\u2013]|$|and\s|but\s))"
)
# "opening with 41.8 per cent", "finishing with 38,950 votes": the first count, the last
_PHASE = re.compile(
    r"(?<![\w-])(?P<how>opening|opened|starting|started|beginning|began|finishing|finished|"
    r"ending|ended|closing|closed)\s+(?:with|on)\s+(?:[a-z]+\s+){0,2}$"
)
_OPENING_WORDS = frozenset("opening opened starting started beginning began".split())
# "finished as runner-up with 19,540", "ended up third on": the final standing
_FINAL_STANDING = re.compile(
    r"(?<![\w-])(?:finished|ended(?:\s+up)?)\s+(?:as\s+)?(?:the\s+)?(?:runner-up|second|third|"
    r"fourth|fifth|last|first|top)(?![\w-])"
)


# Every round word, phase and final standing above holds one of these: a sentence with
# none of them names no round (a cheap test before the searches).
_ROUND_HINT = re.compile(
    r"round|count|preference|choice|tally|ballot|stage|transfers|redistribution|runoff|run-off|"
    r"opening|"
    r"opened|starting|started|beginning|began|finishing|finished|ending|ended|closing|closed|"
    r"primar"
)


def names_a_round(words: str) -> bool:
    """Are these words only a round's name ("First ballot", "round two", "final count")?"""
    return _ROUND.fullmatch(words.strip().removeprefix("the ").strip()) is not None


def mentions_a_round(words: str) -> bool:
    """Do these words name a round anywhere ("the defeated run-off candidate")?"""
    return _ROUND.search(words) is not None


def round_of(doc: Document, sent: Sent, cs: int, ce: int, pos: int | None = None) -> int | None:
    """The round a clause's numbers belong to (the number at ``pos``, when given): said
    in the clause ("in the fourth round", "that round" after one was named, "won the
    second by" after a round was named), a final standing, or the sentence's one round
    word; None (any round) when the sentence names several."""
    key = ("rounds.hint", sent.index)  # asked for each number of the sentence: once
    hint = doc.memo.get(key)
    if hint is None:
        hint = doc.memo[key] = bool(_ROUND_HINT.search(doc.norm, sent.start, sent.end))
    if not hint:
        return None
    return _named_round(doc, sent, cs, ce, pos)


def _named_round(doc: Document, sent: Sent, cs: int, ce: int, pos: int | None) -> int | None:
    if pos is not None:
        phase = _PHASE.search(doc.norm, max(sent.start, pos - 40), pos)
        if phase:
            return 1 if phase.group("how") in _OPENING_WORDS else -1
    ellipsis = _ellipsis(doc, sent, cs, ce if pos is None else pos)
    if ellipsis is None and pos is not None:
        ellipsis = _ellipsis_after(doc, sent, pos)
    if ellipsis is not None:
        return ellipsis
    own = [x for x in _ROUND.finditer(doc.norm, cs, ce) if _own(doc, x, pos)]
    # the nearest to the number: "a first-round lead of 6.2 points became a deficit of 4.7
    # in the second ballot"
    m = min(own, key=lambda x: _distance(x, pos)) if own else None
    if m is None and _FINAL_STANDING.search(doc.norm, cs, ce):
        return -1
    if m is None:
        m = _in_which(doc, sent, cs) or _fronted(doc, sent, cs)
    if m is None:
        found = [x for x in _ROUND.finditer(doc.norm, sent.start, sent.end) if _own(doc, x, pos)]
        if len(found) != 1:
            return None
        m = found[0]
    if m.group("that"):
        lo = doc.sentences[max(0, sent.index - 1)].start
        earlier = [x for x in _ROUND.finditer(doc.norm, lo, m.start()) if not x.group("that")]
        return _round_number(earlier[-1]) if earlier else None
    return _round_number(m)


# Words that set what follows against what comes before: a round named after them is the
# compared number's ("a margin of 4.7 points, narrower than her 6.2-point first-round lead").
_COMPARED = re.compile(
    r"(?<![\w-])(?:than|against|compared\s+(?:with|to)|(?:up|down)\s+(?:from|on))(?![\w-])|;"
)


_IN_WHICH = re.compile(r"\s*(?:in|at|during)\s+which\s|\s*when\s")


def _in_which(doc: Document, sent: Sent, cs: int) -> re.Match[str] | None:
    """ "... in Saturday's first round, in which Rowlands was third": the round a
    relative clause hangs on."""
    if not _IN_WHICH.match(doc.norm, cs):
        return None
    before = [x for x in _ROUND.finditer(doc.norm, sent.start, cs) if x.end() >= cs - 3]
    return before[-1] if before else None


# ("after the first round" is the rounds that followed it, not that round)
_FRONTED = re.compile(r"\s*(?:and\s+|but\s+|while\s+)?(?:in|on|at|for)\s+(?:the\s+)?")


def _fronted(doc: Document, sent: Sent, cs: int) -> re.Match[str] | None:
    """ "...; in the second ballot, turnout was 64.8 per cent": the round a clause
    of its own names just before this one."""
    before = [c for c in sent.clauses if c[1] <= cs]
    if not before:
        return None
    a, b = before[-1]
    lead = _FRONTED.match(doc.norm, a, b)
    m = _ROUND.match(doc.norm, lead.end(), b) if lead else None
    return m if m and not doc.norm[m.end() : b].strip() else None


_CHANGED_TO = re.compile(
    r"(?<![\w-])(?:shrank|shrunk|fell|grew|rose|narrowed|widened|dropped|increased|climbed|"
    r"slipped|was\s+cut|was\s+reduced)\s+(?:from\s+[\d,.]+\s+)?to\s"
)


def _own(doc: Document, m: re.Match[str], pos: int | None) -> bool:
    """Can the round word ``m`` be the round of the number at ``pos``: not after a
    comparison or a semicolon that comes between them?"""
    if pos is not None and m.end() <= pos and _CHANGED_TO.search(doc.norm, m.end(), pos):
        return False  # "a 2,213-vote lead on first preferences shrank to 567": a later one
    if pos is not None and _another_numbers(doc, m, pos):
        return False  # "her 19,688 is not her first-round 12,407": that number's round
    if (
        pos is not None
        and m.start() > pos
        and _HEADED_TO.search(doc.norm, max(0, m.start() - 30), m.start())
        and re.search(r"[,;]|\b(?:so|and|then)\b", doc.norm[pos : m.start()])
    ):
        return False  # "Rowe had 37.7 per cent, so ... go through to a second ballot"
    return pos is None or m.start() < pos or not _COMPARED.search(doc.norm, pos, m.start())


_NUMBER_AFTER = re.compile(r"\s*\d")
_NUMBER_BEFORE = re.compile(r"\d[\d,.]*\s+$")
_POSSESSED = re.compile(r"'s?\s+$")


def _another_numbers(doc: Document, m: re.Match[str], pos: int) -> bool:
    """Is the round word written on another number than the one at ``pos``: before it,
    as its modifier ("her 19,688 is not her first-round 12,407"), or after it when the
    number at ``pos`` is somebody's own ("Wren's 1,346 first-ballot votes were not added
    to Delahaye's 17,907")?"""
    after = _NUMBER_AFTER.match(doc.norm, m.end())
    if after and after.end() - 1 != pos:
        return True
    before = _NUMBER_BEFORE.search(doc.norm, max(0, m.start() - 16), m.start())
    return bool(
        before and before.start() != pos and _POSSESSED.search(doc.norm, max(0, pos - 4), pos)
    )


# A round the words head for, after the numbers: where they go, not where they were won.
_HEADED_TO = re.compile(
    r"(?<![\w-])(?:to|into|towards|forcing|forces|forced|force|triggering|triggers|triggered|"
    r"setting\s+up|sets\s+up|set\s+up)\s+(?:a|an|the)\s+(?:[\w-]+\s+)?$"
)


def _distance(m: re.Match[str], pos: int | None) -> int:
    if pos is None:
        return m.start()
    return pos - m.end() if m.end() <= pos else m.start() - pos


def _ellipsis(doc: Document, sent: Sent, cs: int, end: int) -> int | None:
    """ "topped the first round ... and won the second by 16,000 votes": the last round
    before ``end`` named by its ordinal alone, after a round word earlier in the sentence."""
    found = list(_ELLIPSIS.finditer(doc.norm, cs, end))
    if not found:
        return None
    last = found[-1]
    named = [m for m in _ROUND.finditer(doc.norm, cs, end) if m.start() > last.start()]
    if named or not _ROUND.search(doc.norm, sent.start, last.start()):
        return None  # a round word after it is the nearer one; none before: no round
    return ORDINALS.get(last.group("ord")) or -1


def _ellipsis_after(doc: Document, sent: Sent, pos: int) -> int | None:
    """ "11,125 votes behind after the first count and 15,675 behind after the third": the
    ordinal alone just after the number, after a round word earlier in the sentence."""
    m = _ELLIPSIS_AFTER.match(doc.norm[pos : sent.end])
    if m is None or _ROUND.search(doc.norm, pos, pos + m.start("ord")):
        return None
    if not _ROUND.search(doc.norm, sent.start, pos):
        return None
    return ORDINALS.get(m.group("ord")) or -1


def _round_number(m: re.Match[str]) -> int:
    if m.group("first") or m.group("primary") or "first" in m.group(0):
        return 1
    if m.group("n") or m.group("ord"):
        n = m.group("n") or m.group("ord")
        return int(n) if n.isdigit() else (ORDINALS.get(n) or word_number(n) or 0)
    return -1  # the final round
