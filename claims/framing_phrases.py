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
from dataclasses import dataclass

from factwatch.claims.facts import Facts
from factwatch.claims.lexicon import lexicon, title
from factwatch.claims.model import Contest
from factwatch.claims.scope import context
from factwatch.claims.text import Document, Sent

_LEX = lexicon()


def _singulars(*names: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in names:
        for w in _LEX.base(name):
            if " " not in w:
                out.setdefault(w, name)
    return out


HEADS = _singulars("candidate_noun", "rival_noun", "loser_noun", "side_noun", "person_noun")
LOSS = {w for w in _LEX.words("loss_adj") if " " not in w}
_RESTRICT = {w for w in _LEX.words("restrictive_adj") if " " not in w}
_ONLY = {"only", "sole", "lone", "single", "solitary"}
_OTHER = {"other", "opposing", "remaining"}
_EVALUATIVE = frozenset(
    "sore bad poor good gracious graceful ungracious graceless magnanimous bitter "
    "embittered reluctant plucky brave gallant dignified".split()
)
_DEF = {"the", "this", "that"}
_POSS = {"his", "her", "their", "its"}
_INDEF = frozenset(
    "a an one another any some every each no either neither both two three four five such "
    "what which whose whichever whatever".split()
)
_STOP = frozenset(
    "of in to for with by from on at as against between than about over under into after "
    "before during is was were are be been being has have had who whom which that said says "
    "and/or or but if when while not never also it he she they him them we you i 's , . ; : "
    "( ) \" ' ? ! - will would could can may might must should did does do".split()
)
_RIVAL_REL = re.compile(
    r"\s*,?\s*(?:who|that)\s+(?:had\s+|has\s+)?(?:ran|run|stood|standing|running|went|"
    r"campaigned)\s+against\b|\s*,?\s*(?:who|that)\s+(?:had\s+|has\s+)?(?:challenged|took\s+on|"
    r"opposed|faced|fought|contested\s+the\s+(?:election|race|ballot)\s+against)\b"
)
_LOSS_REL = re.compile(
    rf"\s*,?\s*(?:who|that)\s+(?:had\s+|has\s+|narrowly\s+|only\s+just\s+|just\s+|ultimately\s+|"
    rf"eventually\s+|also\s+)*(?:{_LEX.alt('loss_verb')})"
)
_WIN_REL = re.compile(
    rf"\s+(?:whom\s+|that\s+)?(?P<who>he|she|they|[a-z][\w'-]+(?:\s+[a-z][\w'-]+)?)\s+"
    rf"(?:had\s+|has\s+|narrowly\s+|comfortably\s+|just\s+)?(?:{_LEX.alt('win_verb')})"
)
# A definite description and the clause that makes it a loser: "the lawmaker she beat".
_DESCRIBED = re.compile(
    rf"(?<![\w-])the\s+(?:[a-z][\w'-]*\s+){{0,3}}?(?P<head>[a-z][\w'-]*)"
    rf"(?:\s+(?:whom\s+|that\s+)?(?P<who>he|she)\s+(?:had\s+|narrowly\s+|comfortably\s+|"
    rf"just\s+)?(?:{_LEX.alt('win_verb')})"
    rf"|\s*,?\s*(?:who|that)\s+(?:had\s+|has\s+|narrowly\s+|just\s+|ultimately\s+|"
    rf"eventually\s+)*(?:{_LEX.alt('loss_verb')}))"
)
# Heads a loss clause can follow that are not people: "the seat he lost", "the vote".
_NOT_PEOPLE = frozenset(
    "election elections race contest ballot vote votes poll seat seats post job primary "
    "nomination fight battle campaign count round case appeal argument motion bid war "
    "title match game referendum majority lead time year day week month "
    "pair duo trio couple rest field group crowd others".split()  # several people, not one
)
_OTHER_REL = re.compile(
    r"\s*,?\s*(?:who|that(?!\s+(?:year|time|day|week|month|spring|summer|"
    r"autumn|fall|winter|election|contest|race))|whose|from|with|on\s+the|"
    r"among|(?!standing\b|running\b)[a-z]+ing|to\s+(?:have\s+)?(?!stand|run|"
    r"challenge|oppose|face|contest|take\s+on|keep|hold\s+on|retain)[a-z]+)\b"
)
# A participle or relative clause that picks a set out of the field.
_PICKED_AFTER = re.compile(
    r"\s+(?:(?:who|that)\s+(?:were\s+|had\s+been\s+)?(?:eliminated|knocked|dropped|fell|finished|"
    r"came|trailed|lost|withdrew|pulled)|eliminated|knocked\s+out|dropped|excluded|left\s+behind|"
    r"trailing|behind\s+(?:her|him|them))(?![\w-])"
)
_ALLOWED_AFTER_ONLY = re.compile(
    r"\s+(?:to|who|that)\s+(?:have\s+|had\s+)?(?:stand|stood|run|ran|challenge|challenged|"
    r"take\s+on|took\s+on|oppose|opposed|face|faced|contest|contested|put\s+(?:him|her)self)"
    r"|\s+(?:standing|running|in\s+the\s+(?:race|contest|running|field)|on\s+the\s+ballot|"
    r"against)\b"
)
_TWO_WAY = re.compile(
    rf"(?:{_LEX.alt('two_way')})\s+(?:(?:[\w'-]+)\s+){{0,2}}?(?:{_LEX.alt('contest_noun')})"
    rf"|(?:{_LEX.alt('contest_noun')})\s+(?:was|is|became|had\s+become|has\s+become|looks|"
    rf"looked)\s+(?:a\s+|an\s+)?(?:{_LEX.alt('two_way')})(?![\w-])"
)
_DUEL_NOUN = re.compile(
    rf"(?:(?<![\w-])(?:a|an|the|this|their|what\s+was|it\s+was|in)\s+(?:[\w-]+\s+){{0,2}}?)"
    rf"(?:{_LEX.alt('duel_noun')})(?!\s+(?:debate|debates|hustings|interview|meeting|encounter|"
    rf"tv|television|radio|broadcast|format|session|discussion|q&a))"
)
_DUEL_VERB = re.compile(_LEX.alt("duel_verb"))
_DUEL_EXCUSE = re.compile(
    r"\s+(?:in|at|on|during)\s+(?:a|an|the|their|his|her)\s+(?:[\w-]+\s+){0,2}?(?:debate|hustings|"
    r"interview|meeting|programme|show|broadcast|podcast|panel|forum|session)"
    r"|\s+(?:over|on|about)\s+(?!the\s+(?:leadership|ballot|election|vote|result))"
)
_FOR_SECOND = re.compile(
    r"\s+(?:for|over)\s+(?:the\s+)?(?:second|runner-up|runner\s+up|the\s+runner)"
)
_PAIR = re.compile(
    r"(?<![\w-])(?P<det>both(?:\s+the)?|the\s+two|either|neither|each\s+of\s+the\s+two|"
    r"the\s+pair\s+of|the\s+(?:three|four|five)|only\s+two|just\s+two)\s+"
    r"(?P<mods>(?:[\w-]+\s+){0,3}?)"
    r"(?P<head>candidates?|contenders?|contestants?|camps?|campaigns?|teams?|rivals?|"
    r"challengers?|opponents?|losers|men|women|people|hopefuls|nominees|runners)"
    r"(?P<post>\s+(?:standing|in\s+the\s+(?:race|contest|running|field)|on\s+the\s+ballot|"
    r"who\s+stood|who\s+ran|running|left\s+in\s+the\s+race))?(?![\w-])"
)
_BETWEEN_BEFORE = re.compile(rf"(?:{_LEX.alt('contest_noun')}|choice|match-?up)\s+between\s+$")
_CONTEST_AFTER = re.compile(rf"\s*(?:{_LEX.alt('contest_noun')})")
_NAMED_PAIR = re.compile(
    r"(?<![\w-])the\s+(?:(?:two|rival|competing|opposing|warring)\s+)?(?:candidates|contenders|"
    r"contestants|rivals),?\s+$"
)
_PAIR_WORDS = frozenset("both two either neither each pair three four five".split())
_ONE_WORDS = frozenset("one single lone sole solitary".split())
_PAIR_WORD = {
    "both": 2,
    "the two": 2,
    "either": 2,
    "neither": 2,
    "each of the two": 2,
    "the pair of": 2,
    "the three": 3,
    "the four": 4,
    "the five": 5,
    "only two": 2,
    "just two": 2,
    "both the": 2,
}
_FACED_ONE = re.compile(
    r"(?<![\w-])(?:faced|faces|facing|face|had|has|having|against|saw\s+off|seeing\s+off|beat|"
    r"defeated|fended\s+off|held\s+off|took\s+on|was\s+up\s+against|up\s+against|"
    r"challenged\s+by)\s+(?:only\s+|just\s+)?(?:one|a\s+single|a\s+lone|a\s+sole|a\s+solitary)"
    r"\s+(?:[\w-]+\s+)?(?:rival|candidate|challenger|opponent|contender|adversary|competitor)"
    r"(?![\w-])"
)
_CONTEXT = re.compile(
    rf"{_LEX.alt('election_noun')}|{_LEX.alt('result_word')}|{_LEX.alt('win_word')}|"
    rf"{_LEX.alt('win_verb')}|{_LEX.alt('loss_verb')}|(?<![\w-])(?:votes?|voting|voted|ballot|"
    rf"stood|standing|run|ran|campaign|campaigned|general\s+secretary|leadership)(?![\w-])"
)
_DEFEATED_NAME = re.compile(
    rf"(?<![\w-])the\s+(?:(?:narrowly|heavily|badly|soundly)\s+)?(?:{_LEX.alt('loss_adj')})\s+"
    rf"{title()}?$"
)
_BEAT_BEFORE = re.compile(
    rf"(?:{_LEX.alt('win_verb')}|challenges?\s+from|(?:defeat|victory|win)\s+over)"
    rf"(?:\s+(?:[\w'\u00c0-\u017f.-]+)){{0,6}}?\s+(?:and\s+|,\s*)?{title()}?$"
)
_LOSS_AFTER = re.compile(
    rf"\s*,?\s*(?:who\s+|which\s+)?(?:had\s+|has\s+)?(?:{_LEX.alt('loss_verb')}|came\s+(?:second|"
    rf"third|fourth|last)|finished\s+(?:second|third|fourth|last))(?![\w-])(?:[^.;]{{0,60}}?\bto\s+[a-z]+)?"
)


@dataclass
class Hit:
    sent: Sent
    start: int
    end: int
    family: str  # loser, rival, only, pair, two-way, possessive, identify
    severity: str
    presumes: int  # how many the words say there were
    actual: int  # how many there were (set when the contest is known)
    what: str  # what was counted: "defeated candidates", "candidates", "rivals"
    contest: Contest | None = None
    pair: tuple[str, str] | None = None  # "the contest between A and B": the two named


class Phrases:
    """The phrase readings for one facts file."""

    def __init__(self, facts: Facts):
        self.facts = facts

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
            if w in _DEF or w in _POSS:
                return w, list(reversed(mods)), j
            if w == "'s":
                k = j - 1
                while (
                    k >= 0 and j - 1 - k < 3 and toks[k][2] not in _STOP and toks[k][2] not in _DEF
                ):
                    k -= 1
                start = k + 1 if k >= 0 and toks[k][2] not in _DEF else max(k, 0)
                return "'s", list(reversed(mods)), start
            if w in _INDEF:
                return w, list(reversed(mods)), j
            if w in _STOP and w != "and" or w.isdigit():
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
        if modset & _EVALUATIVE and cls == "loser_noun":
            return None  # "a sore loser" judges how he took it
        if not self._definite(doc, sent, toks, i, det, modset):
            return None
        restrictive = bool(modset & _RESTRICT) or any(m.endswith("est") for m in mods)
        if modset & _ONLY and "other" in modset:
            restrictive = False  # "second and only other contender": one other, whatever else
        loss = bool(modset & LOSS) or cls == "loser_noun"
        if loss and not restrictive:
            hit = self._loss_word(sent, det, modset)
            if hit is not None:
                return hit
        if modset & _ONLY and not restrictive:
            return self._only(sent, toks, i, cls, after)
        if restrictive:
            return None
        if _LOSS_REL.match(after) and cls in ("person_noun", "candidate_noun", "rival_noun"):
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
        if det in _INDEF or det is None and not self._titled(doc, sent, toks, i, modset):
            if not (det is None and modset & _ONLY):
                return False
        return True

    @staticmethod
    def _loss_word(sent: Sent, det: str | None, modset: set[str]) -> Hit | None:
        """ "the defeated candidate": one loser; "the other defeated candidate": one
        besides another, so two losers."""
        if not (modset & _OTHER):
            severity = "medium" if det is None else "high"
            return Hit(sent, 0, 0, "loser", severity, 1, 0, "defeated candidates")
        if det in _DEF and not modset & _ONLY:
            return Hit(sent, 0, 0, "loser", "medium", 2, 0, "defeated candidates")
        return None

    def _only(
        self, sent: Sent, toks: list[tuple[int, int, str]], i: int, cls: str, after: str
    ) -> Hit | None:
        """ "his only rival", "the sole challenger" (not "the only candidate from the
        left", not "the sole challenger to Rowe")."""
        if (
            _ALLOWED_AFTER_ONLY.match(after)
            or not _OTHER_REL.match(after)
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
        m = _WIN_REL.match(after)
        if m and cls in ("person_noun", "candidate_noun", "rival_noun") and det in _DEF:
            if self._is_winner(sent, toks[i][1] + m.start("who"), m.group("who")):
                return Hit(sent, 0, 0, "loser", "high", 1, 0, "defeated candidates")
        rel = _RIVAL_REL.match(after)
        if rel and cls in ("person_noun", "candidate_noun") and det in _DEF:
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
        picked = bool(_OTHER_REL.match(after)) and not _ALLOWED_AFTER_ONLY.match(after)
        word = toks[i][2]
        if modset & _OTHER and cls in ("candidate_noun", "rival_noun") and det in _DEF:
            if not picked:
                return Hit(sent, 0, 0, "rival", "medium", 1, 0, "other candidates")
            return None
        if (
            cls == "rival_noun"
            and not mods
            and det in _DEF
            and word in ("challenger", "rival", "opponent")
        ):
            if picked:
                return None
            if word == "challenger" and context(doc).phase in ("before-nominations", "campaign"):
                return None
            return Hit(sent, 0, 0, "rival", "medium", 1, 0, "rivals")
        if cls == "rival_noun" and det in _POSS | {"'s"}:
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

    def _about_ballot(self, doc: Document, sent: Sent) -> bool:
        """Is the sentence, or the one before it, about a vote?  A headline is read with
        the article's first sentence, which it sums up."""
        lo = doc.sentences[max(0, sent.index - 1)].start
        hi = sent.end
        if sent.headline:
            lead = next((s for s in doc.sentences if not s.headline), None)
            hi = lead.end if lead is not None else hi
        return bool(_CONTEXT.search(doc.norm, lo, hi))

    # -- counted sets: "both candidates", "the two camps" ------------------------------
    def _pairs(self, doc: Document, sent: Sent) -> list[Hit]:
        out: list[Hit] = []
        if _PAIR_WORDS.isdisjoint(sent.words):
            return out
        for m in _PAIR.finditer(doc.norm, sent.start, sent.end):
            det = " ".join(m.group("det").split())
            head = m.group("head")
            mods = set(m.group("mods").split())
            if head in ("men", "women", "people") and not m.group("post"):
                continue
            if not head.endswith(("s", "men", "people")) and det not in ("either", "neither"):
                continue
            presumes = _PAIR_WORD.get(det, 2)
            if mods & _RESTRICT or any(w.endswith("est") for w in mods):
                continue
            if _PICKED_AFTER.match(doc.norm, m.end(), sent.end):
                continue  # "the two candidates eliminated", "the two who dropped out": some
            if re.search(
                r"(?:one|each|all|none|some|any|either|neither)\s+of\s+$",
                doc.norm[max(sent.start, m.start() - 12) : m.start()],
            ):
                continue
            if mods & LOSS or head == "losers":
                what = "defeated candidates"
            elif mods & _OTHER or head in ("rivals", "challengers", "opponents"):
                what = "rivals"
            else:
                what = "candidates"
            hit = Hit(sent, m.start(), m.end(), "pair", "high", presumes, 0, what)
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
            if not re.fullmatch(rf",?\s+(?:and|&)\s+{title()}?", doc.norm[x.end : y.start]):
                continue
            lead = _NAMED_PAIR.search(doc.norm, max(sent.start, x.start - 45), x.start)
            if not lead or re.search(
                r"(?:one|two|some|all|both|each|several|three)\s+of\s+$",
                doc.norm[max(sent.start, lead.start() - 16) : lead.start()],
            ):
                continue
            after = doc.norm[y.end : sent.end]
            if re.match(rf"\s*(?:,\s*|,?\s+and\s+|,?\s+or\s+){title()}?[a-z]", after) and any(
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
        words = {t[2] for t in sent.tokens}
        spans: list[tuple[int, int]] = []
        if _LEX.maybe("two_way", words):
            spans = [m.span() for m in _TWO_WAY.finditer(norm, sent.start, sent.end)]
        for m in (
            _DUEL_NOUN.finditer(norm, sent.start, sent.end)
            if _LEX.maybe("duel_noun", words)
            else ()
        ):
            duel = _LEX.rx("duel_noun").search(norm, m.start(), m.end())
            if duel:
                spans.append(duel.span())
        for m in (
            _DUEL_VERB.finditer(norm, sent.start, sent.end)
            if _LEX.maybe("duel_verb", words)
            else ()
        ):
            if not _DUEL_EXCUSE.match(norm, m.end(), sent.end):
                spans.append(m.span())
        pairs = self._between(doc, sent)
        named = {(a, b): pair for a, b, pair in pairs}
        spans += [(a, b) for a, b, _ in pairs]
        for a, b in sorted(set(spans)):
            if _FOR_SECOND.match(norm, b, sent.end):
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
            third = re.match(r"(?:'s\s+[\w-]+\s*)?(?:,\s*|\s+)(?:and|or|plus|,)\s", after)
            if third:
                continue
            if (
                re.fullmatch(r"\s+(?:v|vs\.?|versus)\s+", gap)
                or (
                    re.fullmatch(r"(?:'s\s+[\w-]+\s+)?\s*and\s+", gap)
                    and _BETWEEN_BEFORE.search(before)
                )
                or (
                    re.fullmatch(r"\s+against\s+", gap)
                    and re.search(r"pit(?:s|ted|ting)?\s+$", before)
                )
                or (re.fullmatch(r"-", gap) and _CONTEST_AFTER.match(after))
            ):
                start = x.start
                cm = _BETWEEN_BEFORE.search(before)
                if cm:
                    start = x.start - (len(before) - cm.start())
                out.append((start, y.end, (x.person, y.person)))
        return out

    def _described_loser(self, doc: Document, sent: Sent, found: list[Hit]) -> list[Hit]:
        """ "the state lawmaker she beat", "the café owner who lost": any definite noun
        phrase the loss clause describes, not only a word for a candidate."""
        if not (_LEX.maybe("win_verb", sent.words) or _LEX.maybe("loss_verb", sent.words)):
            return []
        out = []
        for m in _DESCRIBED.finditer(doc.norm, sent.start, sent.end):
            head = m.group("head")
            words = m.group(0).split()[1:]
            if head in HEADS or head in _NOT_PEOPLE or head in _STOP or head.endswith("s"):
                continue  # candidate words are read by the noun phrase grammar; plurals count
            if any(w in _INDEF or w in _OTHER or w.isdigit() for w in words):
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
            before = _DEFEATED_NAME.search(doc.norm, max(sent.start, m.start - 50), m.start)
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
            beaten = _BEAT_BEFORE.search(before) if not re.search(r"[;.]", before[-40:]) else None
            lost = _LOSS_AFTER.match(after)
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
        if _ONE_WORDS.isdisjoint(sent.words):
            return []
        return [
            Hit(sent, m.start(), m.end(), "only", "high", 1, 0, "rivals")
            for m in _FACED_ONE.finditer(doc.norm, sent.start, sent.end)
        ]
