"""Readings of sets and of words about the whole contest, for the framing rule.

``SetReadings`` is the half of ``claims.framing_phrases.Phrases`` that reads
counted sets ("both candidates", "the two camps"), two people named as the
whole field ("the candidates, Rowe and Pike"), two-person contest words
("two-horse race", "a duel", "the contest between A and B", "A v B"),
"faced a single opponent", a candidate who withdrew presented as beaten, a
loss adjective on a name ("the defeated Sam Pike") and any definite
description a loss clause makes a loser ("the state lawmaker she beat").
"""

from __future__ import annotations

import re

from factwatch.claims.facts import Facts
from factwatch.claims.framing_words import (
    BEAT_BEFORE,
    BETWEEN_BEFORE,
    CONTEST_AFTER,
    DEFEATED_NAME,
    DESCRIBED,
    DUEL_EXCUSE,
    DUEL_NOUN,
    DUEL_VERB,
    FACED_ONE,
    FOR_SECOND,
    HEADS,
    INDEF,
    LEX,
    LOSS,
    LOSS_AFTER,
    NAMED_PAIR,
    NOT_PEOPLE,
    ONE_WORDS,
    OTHER,
    PAIR,
    PAIR_WORD,
    PAIR_WORDS,
    PICKED_AFTER,
    RESTRICT,
    STOP,
    TWO_WAY,
    Hit,
)
from factwatch.claims.lexicon import title
from factwatch.claims.text import Document, Sent

# Two people named as the field ("the candidates, Rowe and Pike") and a third after them
_AND_GAP = re.compile(rf",?\s+(?:and|&)\s+{title()}?")
_THIRD_NAME = re.compile(rf"\s*(?:,\s*|,?\s+and\s+|,?\s+or\s+){title()}?[a-z]")
_COUNTED = re.compile(r"(?:\d|hundred|thousand|dozen|handful|few)\s+(?:[a-z-]+\s+)?$")
# The gaps of "A v B", "between A and B", "pits A against B", and a third name after them
_THIRD_AFTER = re.compile(r"(?:'s\s+[\w-]+\s*)?(?:,\s*|\s+)(?:and|or|plus|,)\s")
_VERSUS_GAP = re.compile(r"\s+(?:v|vs\.?|versus)\s+")
_BETWEEN_AND_GAP = re.compile(r"(?:'s\s+[\w-]+\s+)?\s*and\s+")
_AGAINST_GAP = re.compile(r"\s+against\s+")
_PITS_BEFORE = re.compile(r"pit(?:s|ted|ting)?\s+$")


class SetReadings:
    """Set and whole-contest readings; ``Phrases`` adds the noun-phrase readings."""

    def __init__(self, facts: Facts):
        self.facts = facts

    # -- counted sets: "both candidates", "the two camps" ------------------------------
    def _pairs(self, doc: Document, sent: Sent) -> list[Hit]:
        out: list[Hit] = []
        if PAIR_WORDS.isdisjoint(sent.words):
            return out
        for m in PAIR.finditer(doc.norm, sent.start, sent.end):
            det = " ".join(m.group("det").split())
            head = m.group("head")
            mods = set(m.group("mods").split())
            if head in ("men", "women", "people") and not m.group("post"):
                continue
            if not head.endswith(("s", "men", "people")) and det not in ("either", "neither"):
                continue
            presumes = PAIR_WORD.get(det, 2)
            if mods & RESTRICT or any(w.endswith("est") for w in mods):
                continue
            if PICKED_AFTER.match(doc.norm, m.end(), sent.end):
                continue  # "the two candidates eliminated", "the two who dropped out": some
            if re.search(
                r"(?:one|each|all|none|some|any|either|neither)\s+of\s+$",
                doc.norm[max(sent.start, m.start() - 12) : m.start()],
            ):
                continue
            hit = Hit(sent, m.start(), m.end(), "pair", "high", presumes, 0, _counted(mods, head))
            hit.pair = ("counted", det)  # type: ignore[assignment]
            out.append(hit)
        return out

    def _named_pair(self, doc: Document, sent: Sent) -> list[Hit]:
        """ "the candidates, Rowe and Pike": two people named as the whole field."""
        out = []
        ms = [m for m in sent.mentions if m.kind == "person" and m.person]
        for x, y in zip(ms, ms[1:], strict=False):
            if x.person == y.person:
                continue
            if not _AND_GAP.fullmatch(doc.norm[x.end : y.start]):
                continue
            lead = NAMED_PAIR.search(doc.norm, max(sent.start, x.start - 45), x.start)
            if not lead or re.search(
                r"(?:one|two|some|all|both|each|several|three)\s+of\s+$",
                doc.norm[max(sent.start, lead.start() - 16) : lead.start()],
            ):
                continue
            after = doc.norm[y.end : sent.end]
            if _THIRD_NAME.match(after) and any(
                m.start > y.end and m.start - y.end < 12 for m in ms
            ):
                continue  # a third name follows
            hit = Hit(sent, lead.start(), y.end, "pair", "high", 2, 0, "candidates")
            hit.pair = ("named", "the two")  # type: ignore[assignment]
            out.append(hit)
        return out

    # -- two-person contest words ------------------------------------------------------
    def _two_way(self, doc: Document, sent: Sent) -> list[Hit]:
        out: list[Hit] = []
        norm = doc.norm
        words = sent.token_words
        spans: list[tuple[int, int]] = []
        if LEX.maybe("two_way", words):
            spans = [m.span() for m in TWO_WAY.finditer(norm, sent.start, sent.end)]
        for m in (
            DUEL_NOUN.finditer(norm, sent.start, sent.end) if LEX.maybe("duel_noun", words) else ()
        ):
            duel = LEX.rx("duel_noun").search(norm, m.start(), m.end())
            if duel:
                spans.append(duel.span())
        for m in (
            DUEL_VERB.finditer(norm, sent.start, sent.end) if LEX.maybe("duel_verb", words) else ()
        ):
            if not DUEL_EXCUSE.match(norm, m.end(), sent.end):
                spans.append(m.span())
        pairs = self._between(doc, sent)
        named = {(a, b): pair for a, b, pair in pairs}
        spans += [(a, b) for a, b, _ in pairs]
        for a, b in sorted(set(spans)):
            if FOR_SECOND.match(norm, b, sent.end):
                continue
            if any(a < y and x < b for x, y in [(h.start, h.end) for h in out]):
                continue
            hit = Hit(sent, a, b, "two-way", "high", 2, 0, "candidates")
            hit.pair = named.get((a, b))
            out.append(hit)
        return out

    def _between(self, doc: Document, sent: Sent) -> list[tuple[int, int, tuple[str, str]]]:
        """ "the contest between A and B", "A v B", "pits A against B": two people who
        stood, and nobody else named with them."""
        ppl = [m for m in sent.mentions if m.person and m.kind == "person"]
        out: list[tuple[int, int, tuple[str, str]]] = []
        norm = doc.norm
        for x, y in zip(ppl, ppl[1:], strict=False):
            if x.person is None or y.person is None or x.person == y.person:
                continue
            gap = norm[x.end : y.start]
            before = norm[max(sent.start, x.start - 40) : x.start]
            after = norm[y.end : min(sent.end, y.end + 30)]
            third = _THIRD_AFTER.match(after)
            if third:
                continue
            between = BETWEEN_BEFORE.search(before)
            if between and _COUNTED.search(before, 0, between.start()):
                continue  # "2,000 votes between Rowe and Pike": a gap between two, counted
            if (
                _VERSUS_GAP.fullmatch(gap)
                or (_BETWEEN_AND_GAP.fullmatch(gap) and between)
                or (_AGAINST_GAP.fullmatch(gap) and _PITS_BEFORE.search(before))
                or (gap == "-" and CONTEST_AFTER.match(after))
            ):
                start = x.start
                cm = BETWEEN_BEFORE.search(before)
                if cm:
                    start = x.start - (len(before) - cm.start())
                out.append((start, y.end, (x.person, y.person)))
        return out

    def _described_loser(self, doc: Document, sent: Sent, found: list[Hit]) -> list[Hit]:
        """ "the state lawmaker she beat", "the café owner who lost": any definite noun
        phrase the loss clause describes, not only a word for a candidate."""
        if not (LEX.maybe("win_verb", sent.words) or LEX.maybe("loss_verb", sent.words)):
            return []
        out = []
        for m in DESCRIBED.finditer(doc.norm, sent.start, sent.end):
            head = m.group("head")
            words = m.group(0).split()[1:]
            if head in HEADS or head in NOT_PEOPLE or head in STOP or head.endswith("s"):
                continue  # candidate words are read by the noun phrase grammar; plurals count
            if any(w in INDEF or w in OTHER or w.isdigit() for w in words):
                continue  # "the two men he defeated": counted, not one
            if any(h.start <= m.start() < h.end or m.start() <= h.start < m.end() for h in found):
                continue
            if m.group("who") and not self._is_winner(sent, m.start("who"), m.group("who")):
                continue
            toks = sent.tokens
            i = next((k for k, t in enumerate(toks) if t[0] == m.start("head")), None)
            if i is not None and self._apposition(doc, sent, toks, i):
                continue  # "Marr, the official who was beaten by Kerr": identifies him
            out.append(
                Hit(sent, m.start(), m.end("head"), "loser", "high", 1, 0, "defeated candidates")
            )
        return out

    def _defeated_name(self, doc: Document, sent: Sent) -> list[Hit]:
        """ "the defeated Sam Pike", "the beaten Mr Pike": a loss adjective on a name."""
        out = []
        for m in sent.mentions:
            if m.kind != "person" or not m.by_name:
                continue
            before = DEFEATED_NAME.search(doc.norm, max(sent.start, m.start - 50), m.start)
            if before:
                out.append(
                    Hit(sent, before.start(), m.end, "loser", "high", 1, 0, "defeated candidates")
                )
        return out

    def _withdrawn_beaten(self, doc: Document, sent: Sent) -> list[Hit]:
        """A candidate who withdrew before the ballot presented as beaten in it ("seeing
        off challenges from Marr and Voss", "Voss, who lost the race to ...")."""
        out: list[Hit] = []
        gone = set(self.facts.this.withdrawn)
        if not gone:
            return out
        norm = doc.norm
        for m in sent.mentions:
            if m.person not in gone or m.kind != "person":
                continue
            cs, _ = doc.clause_of(sent, m.start)
            before = norm[max(sent.start, m.start - 90) : m.start]
            after = norm[m.end : sent.end]
            beaten = BEAT_BEFORE.search(before) if not re.search(r"[;.]", before[-40:]) else None
            lost = LOSS_AFTER.match(after)
            if beaten:
                start = m.start - (len(before) - beaten.start())
                out.append(
                    Hit(sent, max(start, sent.start), m.end, "withdrawn", "high", 1, 0, "withdrawn")
                )
            elif lost:
                out.append(
                    Hit(sent, m.start, m.end + lost.end(), "withdrawn", "high", 1, 0, "withdrawn")
                )
        return out

    def _faced_one(self, doc: Document, sent: Sent) -> list[Hit]:
        if ONE_WORDS.isdisjoint(sent.words):
            return []
        return [
            Hit(sent, m.start(), m.end(), "only", "high", 1, 0, "rivals")
            for m in FACED_ONE.finditer(doc.norm, sent.start, sent.end)
        ]

    @staticmethod
    def _apposition(doc: Document, sent: Sent, toks: list[tuple[int, int, str]], i: int) -> bool:
        """Is the noun phrase at ``i`` set after a name ("Marr, the official ...")?"""
        j = i - 1
        while j >= 0 and toks[j][2] not in (",", "the", "a", "an"):
            j -= 1
        while j >= 0 and toks[j][2] in ("the", "a", "an"):
            j -= 1
        if j < 0 or toks[j][2] != ",":
            return False
        comma = toks[j][0]
        return any(
            m.end <= comma and re.fullmatch(r"\s*", doc.norm[m.end : comma]) and m.kind == "person"
            for m in sent.mentions
        )

    def _is_winner(self, sent: Sent, pos: int, who: str) -> bool:
        winners = {w for c in self.facts.contests.values() for w in c.winners}
        for m in sent.mentions:
            if m.start == pos and m.person:
                return m.person in winners
        if who in ("he", "she", "they"):
            for m in sent.mentions:
                if m.start == pos:
                    return m.person in winners if m.person else True
            return True
        return False


def _counted(mods: set[str], head: str) -> str:
    """What a counted set counts: "the two eliminated candidates", "both defeated
    candidates", "the two rivals", "both candidates"."""
    if mods & {"eliminated", "excluded", "knocked-out"}:
        return "eliminated candidates"
    if mods & LOSS or head == "losers":
        return "defeated candidates"
    if mods & OTHER or head in ("rivals", "challengers", "opponents"):
        return "rivals"
    return "candidates"
