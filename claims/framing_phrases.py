"""Phrases that presume how many stood or lost: what the framing rule reads.

``Phrases(facts).hits(doc, sent)`` returns every phrase of a sentence that
presumes a number of candidates, rivals or losers, with the number it
presumes (``Hit``); the framing rule then judges each against the contest
it is about.  The readings, in this order:

- definite singular noun phrases, read by their determiner, modifiers, head
  and the clause after them ("the defeated candidate", "his only rival",
  "the other candidate", "the man she beat", "his rival");
- counted sets ("both candidates", "the two camps") and two people named as
  the whole field ("the candidates, Rowe and Pike");
- two-person contest words ("two-horse race", "a duel", "the contest
  between A and B", "A v B");
- "faced a single opponent";
- a candidate who withdrew presented as beaten, a loss adjective on a name
  ("the defeated Sam Pike"), and any definite description a loss clause
  makes a loser ("the state lawmaker she beat").
"""

from __future__ import annotations

import re

from factwatch.claims.framing_sets import SetReadings
from factwatch.claims.framing_words import (
    ALLOWED_AFTER_ONLY,
    CONTEXT,
    DEF,
    EVALUATIVE,
    HEADS,
    INDEF,
    LOSS,
    LOSS_REL,
    LOSS_REL_SINGLED,
    ONLY,
    OTHER,
    OTHER_REL,
    PICKED_BY_PHRASE,
    POSS,
    RESTRICT,
    RIVAL_REL,
    STOP,
    WIN_REL,
    Hit,
)
from factwatch.claims.scope import context
from factwatch.claims.text import Document, Sent

__all__ = ["HEADS", "LOSS", "Hit", "Phrases"]


class Phrases(SetReadings):
    """The phrase readings for one facts file: the noun phrases here, sets and
    whole-contest words in ``SetReadings``."""

    def hits(self, doc: Document, sent: Sent) -> list[Hit]:
        """Every phrase of ``sent`` that presumes a number, in the order above."""
        hits: list[Hit] = []
        hits += self._noun_phrases(doc, sent)
        hits += self._pairs(doc, sent)
        hits += self._named_pair(doc, sent)
        hits += self._two_way(doc, sent)
        hits += self._faced_one(doc, sent)
        hits += self._withdrawn_beaten(doc, sent)
        hits += self._defeated_name(doc, sent)
        hits += self._described_loser(doc, sent, hits)
        return hits

    # -- definite singular noun phrases -------------------------------------------------
    def _noun_phrases(self, doc: Document, sent: Sent) -> list[Hit]:
        out: list[Hit] = []
        if sent.words.isdisjoint(HEADS):
            return out  # no head noun among the words
        toks = sent.tokens
        for i, (hs, he, word) in enumerate(toks):
            cls = HEADS.get(word)
            if cls is None:
                continue
            if i + 1 < len(toks) and toks[i + 1][2] == "-" and i + 2 < len(toks):
                continue  # "candidate-led", "rival-backed"
            det, mods, j = self._left(toks, i)
            after = doc.norm[he : sent.end]
            hit = self._read_np(doc, sent, toks, i, cls, det, mods, after)
            if hit is not None:
                start = toks[j][0] if j < i else hs
                hit.start, hit.end = start, he
                out.append(hit)
        return out

    @staticmethod
    def _left(toks: list[tuple[int, int, str]], i: int) -> tuple[str | None, list[str], int]:
        """Determiner and modifiers before the head at ``i``, and where the phrase starts
        (a possessor's words included: "Rowe's only rival")."""
        mods: list[str] = []
        j = i - 1
        while j >= 0 and len(mods) < 6:
            w = toks[j][2]
            if w in DEF or w in POSS:
                return w, list(reversed(mods)), j
            if w == "'s":
                k = j - 1
                while k >= 0 and j - 1 - k < 3 and toks[k][2] not in STOP and toks[k][2] not in DEF:
                    k -= 1
                start = k + 1 if k >= 0 and toks[k][2] not in DEF else max(k, 0)
                return "'s", list(reversed(mods)), start
            if w in INDEF:
                return w, list(reversed(mods)), j
            if w in STOP and w != "and" or w.isdigit():
                break
            mods.append(w)
            j -= 1
        return None, list(reversed(mods)), j + 1

    def _read_np(
        self,
        doc: Document,
        sent: Sent,
        toks: list[tuple[int, int, str]],
        i: int,
        cls: str,
        det: str | None,
        mods: list[str],
        after: str,
    ) -> Hit | None:
        """What the noun phrase with head ``i`` presumes, by its modifiers first (a loss
        word, "only"), then by the clause after it or its head word and determiner.
        How many there were is counted when the contest is known (``_accept``)."""
        mods = [m for m in mods if m not in (",", "and")]
        modset = set(mods)
        if modset & EVALUATIVE and cls == "loser_noun":
            return None  # "a sore loser" judges how he took it
        if not self._definite(doc, sent, toks, i, det, modset):
            return None
        restrictive = bool(modset & RESTRICT) or any(m.endswith("est") for m in mods)
        if modset & ONLY and "other" in modset:
            restrictive = False  # "second and only other contender": one other, whatever else
        loss = bool(modset & LOSS) or cls == "loser_noun"
        if loss and not restrictive:
            hit = self._loss_word(sent, det, modset)
            if hit is not None:
                return hit
        if modset & ONLY and not restrictive:
            return self._only(sent, toks, i, cls, after)
        if restrictive:
            return None
        if (
            LOSS_REL.match(after)
            and not LOSS_REL_SINGLED.match(after)
            and cls in ("person_noun", "candidate_noun", "rival_noun")
        ):
            if cls == "person_noun" and self._apposition(doc, sent, toks, i):
                return None  # "Marr, the official who was beaten by Kerr": identifies him
            return Hit(sent, 0, 0, "loser", "high", 1, 0, "defeated candidates")
        return self._relative_clause(doc, sent, toks, i, cls, det, mods, after)

    def _definite(
        self,
        doc: Document,
        sent: Sent,
        toks: list[tuple[int, int, str]],
        i: int,
        det: str | None,
        modset: set[str],
    ) -> bool:
        """A definite phrase, a loss title before a name ("defeated candidate Sam Pike"),
        or "only" with no determiner ("only rival")."""
        if det in INDEF or det is None and not self._titled(doc, sent, toks, i, modset):
            if not (det is None and modset & ONLY):
                return False
        return True

    @staticmethod
    def _loss_word(sent: Sent, det: str | None, modset: set[str]) -> Hit | None:
        """ "the defeated candidate": one loser; "the other defeated candidate": one
        besides another, so two losers."""
        if not (modset & OTHER):
            severity = "medium" if det is None else "high"
            return Hit(sent, 0, 0, "loser", severity, 1, 0, "defeated candidates")
        if det in DEF and not modset & ONLY:
            return Hit(sent, 0, 0, "loser", "medium", 2, 0, "defeated candidates")
        return None

    def _only(
        self, sent: Sent, toks: list[tuple[int, int, str]], i: int, cls: str, after: str
    ) -> Hit | None:
        """ "his only rival", "the sole challenger" (not "the only candidate from the
        left", not "the sole challenger to Rowe")."""
        if PICKED_BY_PHRASE.match(after):
            return None
        if (
            ALLOWED_AFTER_ONLY.match(after)
            or not OTHER_REL.match(after)
            or self._to_person(sent, toks[i][1], after)
        ):
            if cls in ("rival_noun", "candidate_noun"):
                return Hit(sent, 0, 0, "only", "high", 1, 0, "rivals")
        return None

    def _relative_clause(
        self,
        doc: Document,
        sent: Sent,
        toks: list[tuple[int, int, str]],
        i: int,
        cls: str,
        det: str | None,
        mods: list[str],
        after: str,
    ) -> Hit | None:
        """ "the man she beat": a loser; "the candidate who ran against him": a rival;
        otherwise the head word decides."""
        m = WIN_REL.match(after)
        if m and cls in ("person_noun", "candidate_noun", "rival_noun") and det in DEF:
            if self._is_winner(sent, toks[i][1] + m.start("who"), m.group("who")):
                return Hit(sent, 0, 0, "loser", "high", 1, 0, "defeated candidates")
        rel = RIVAL_REL.match(after)
        if rel and cls in ("person_noun", "candidate_noun") and det in DEF:
            if not self._person_at(sent, toks[i][1] + rel.end(), after[rel.end() :]):
                return None  # "the rep who took on the machine": no rival named
            return Hit(sent, 0, 0, "rival", "medium", 1, 0, "rivals")
        return self._rival_word(doc, sent, toks, i, cls, det, mods, after)

    def _rival_word(
        self,
        doc: Document,
        sent: Sent,
        toks: list[tuple[int, int, str]],
        i: int,
        cls: str,
        det: str | None,
        mods: list[str],
        after: str,
    ) -> Hit | None:
        """ "the other candidate", "the challenger", "his rival": one rival, by the head
        word and its determiner (not when a clause after it picks one out)."""
        modset = set(mods)
        picked = bool(OTHER_REL.match(after)) and not ALLOWED_AFTER_ONLY.match(after)
        word = toks[i][2]
        if modset & OTHER and cls in ("candidate_noun", "rival_noun") and det in DEF:
            if not picked:
                return Hit(sent, 0, 0, "rival", "medium", 1, 0, "other candidates")
            return None
        if (
            cls == "rival_noun"
            and not mods
            and det in DEF
            and word in ("challenger", "rival", "opponent")
        ):
            if picked:
                return None
            if word == "challenger" and context(doc).phase in ("before-nominations", "campaign"):
                return None
            return Hit(sent, 0, 0, "rival", "medium", 1, 0, "rivals")
        if cls == "rival_noun" and det in POSS | {"'s"}:
            if picked or not self._about_ballot(doc, sent):
                return None
            return Hit(sent, 0, 0, "possessive", "low", 1, 0, "rivals")
        return None

    @staticmethod
    def _person_at(sent: Sent, pos: int, rest: str) -> bool:
        """Is the object at ``pos`` a person (named, a pronoun, or a role)?"""
        gap = len(rest) - len(rest.lstrip())
        if re.match(r"\s*(?:him|her|them|the\s+(?:incumbent|winner|holder|leader))\b", rest):
            return True
        return any(pos + gap <= x.start <= pos + gap + 4 for x in sent.mentions)

    @staticmethod
    def _to_person(sent: Sent, end: int, after: str) -> bool:
        """ "the sole challenger to Rowe": "to" a person is whose rival, not which."""
        m = re.match(r"\s+to\s+", after)
        if m is None:
            return False
        return any(
            x.start == end + m.end() and (x.person or x.kind == "pronoun") for x in sent.mentions
        )

    def _titled(
        self, doc: Document, sent: Sent, toks: list[tuple[int, int, str]], i: int, modset: set[str]
    ) -> bool:
        """ "defeated candidate Sam Pike": a loss title straight before a name."""
        if not (modset & LOSS) and HEADS.get(toks[i][2]) != "loser_noun":
            return False
        first = next((k for k in range(i - 1, -1, -1) if toks[k][2] in LOSS), i)
        at = toks[first][0]
        if any(m.end <= at and not doc.norm[m.end : at].strip() for m in sent.mentions):
            return False  # "Whitaker defeated state Rep. Castellano": a verb after its subject
        nxt = toks[i][1]
        return any(m.start in (nxt + 1, nxt + 2) and m.kind == "person" for m in sent.mentions)

    def _about_ballot(self, doc: Document, sent: Sent) -> bool:
        """Is the sentence, or the one before it, about a vote?  A headline is read with
        the article's first sentence, which it sums up."""
        lo = doc.sentences[max(0, sent.index - 1)].start
        hi = sent.end
        if sent.headline:
            lead = next((s for s in doc.sentences if not s.headline), None)
            hi = lead.end if lead is not None else hi
        return bool(CONTEXT.search(doc.norm, lo, hi))
