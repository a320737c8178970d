"""`framing`: wording that presents a field of three or more as a two-person contest,
or one loser as the only loser.

The rule reads noun phrases, not strings.  A phrase says how many people it
is about, and the election's structure says how many there were:

- a definite singular description ("the defeated candidate", "the beaten and
  now suspended contender", "the man who lost", "the man she beat", "the
  losing side") presupposes one loser: framing when two or more lost;
- "his only rival", "the sole challenger", "faced a single opponent", "the
  other candidate", "either candidate", "the challenger" presuppose one
  rival: framing when the winner had two or more;
- "both candidates", "the two candidates", "both camps" presuppose a field
  of two; "both defeated candidates" presupposes two losers (accurate when
  two lost);
- two-person contest words ("two-horse race", "straight fight", "went head
  to head", "a duel", "the contest between A and B", "A v B") presuppose a
  field of two;
- a singular possessive ("his rival Sam Pike") weakly presupposes one
  rival (low severity), when the sentence is about the ballot.

Accurate wording passes by the same reading: a restrictive modifier picks
one out of several ("his main rival", "the second-placed candidate", "the
right-wing challenger"), a partitive counts ("one of two defeated
candidates"), and a genuine two-candidate race makes every two-person
phrase true.  Negated phrases, phrases the article reports and corrects
("billed as a head-to-head, it became a three-way contest"), phrases about
another contest and phrases set beside somebody who did not stand here are
not framing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factwatch.claims.entities import ranking
from factwatch.claims.facts import Facts
from factwatch.claims.field import states_field
from factwatch.claims.lexicon import lexicon, plural
from factwatch.claims.model import Contest
from factwatch.claims.rules import register
from factwatch.claims.rules.base import make_finding
from factwatch.claims.scope import context, scope_at
from factwatch.claims.text import Document, Sent
from factwatch.core.records import Finding

_LEX = lexicon()


def _singulars(*names: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in names:
        for w in _LEX.base(name):
            if " " not in w:
                out.setdefault(w, name)
    return out


_HEADS = _singulars("candidate_noun", "rival_noun", "loser_noun", "side_noun", "person_noun")
_LOSS = {w for w in _LEX.words("loss_adj") if " " not in w}
_RESTRICT = {w for w in _LEX.words("restrictive_adj") if " " not in w}
_ONLY = {"only", "sole", "lone", "single", "solitary"}
_OTHER = {"other", "opposing", "remaining"}
_EVALUATIVE = {
    "sore",
    "bad",
    "poor",
    "good",
    "gracious",
    "graceful",
    "ungracious",
    "graceless",
    "magnanimous",
    "bitter",
    "embittered",
    "reluctant",
    "plucky",
    "brave",
    "gallant",
    "dignified",
}
_DEF = {"the", "this", "that"}
_POSS = {"his", "her", "their", "its"}
_INDEF = {
    "a",
    "an",
    "one",
    "another",
    "any",
    "some",
    "every",
    "each",
    "no",
    "either",
    "neither",
    "both",
    "two",
    "three",
    "four",
    "five",
    "such",
    "what",
    "which",
    "whose",
    "whichever",
    "whatever",
}
_STOP = {
    "of",
    "in",
    "to",
    "for",
    "with",
    "by",
    "from",
    "on",
    "at",
    "as",
    "against",
    "between",
    "than",
    "about",
    "over",
    "under",
    "into",
    "after",
    "before",
    "during",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "who",
    "whom",
    "which",
    "that",
    "said",
    "says",
    "and/or",
    "or",
    "but",
    "if",
    "when",
    "while",
    "not",
    "never",
    "also",
    "it",
    "he",
    "she",
    "they",
    "him",
    "them",
    "we",
    "you",
    "i",
    "'s",
    ",",
    ".",
    ";",
    ":",
    "(",
    ")",
    '"',
    "'",
    "?",
    "!",
    "-",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "must",
    "should",
    "did",
    "does",
    "do",
}
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
_ALLOWED_AFTER_ONLY = re.compile(
    r"\s+(?:to|who|that)\s+(?:have\s+|had\s+)?(?:stand|stood|run|ran|challenge|challenged|"
    r"take\s+on|took\s+on|oppose|opposed|face|faced|contest|contested|put\s+(?:him|her)self)"
    r"|\s+(?:standing|running|in\s+the\s+(?:race|contest|running|field)|on\s+the\s+ballot|"
    r"against)\b"
)
_NEG_BEFORE = re.compile(
    r"(?<![\w-])(?:not|never|no|n't|neither|nor|hardly|far\s+from|rather\s+than|instead\s+of|"
    r"isn't|wasn't|weren't|aren't|was\s+no|is\s+no)\s+(?:\w+\s+){0,3}$"
)
_MENTION_BEFORE = re.compile(
    rf"(?:{_LEX.alt('mention_verb')})(?:\s+[\w'\"-]+){{0,5}}?\s*[\"']?\s*(?:a|an|the)?\s*$"
)
_TWO_WAY = re.compile(
    rf"(?:{_LEX.alt('two_way')})\s+(?:(?:[\w'-]+)\s+){{0,2}}?(?:{_LEX.alt('contest_noun')})"
    rf"|(?:{_LEX.alt('contest_noun')})\s+(?:was|is|became|had\s+become|has\s+become|looks|"
    rf"looked)\s+(?:a\s+|an\s+)?(?:{_LEX.alt('two_way')})(?![\w-])"
)
_TWO_WAY_WORDS = frozenset(w for w in _LEX.words("two_way") if " " not in w and "-" not in w)
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
    rf"(?:(?:mr|mrs|ms|miss|dr|sir|dame|cr|cllr)\.?\s+)?$"
)
_BEAT_BEFORE = re.compile(
    rf"(?:{_LEX.alt('win_verb')}|challenges?\s+from|(?:defeat|victory|win)\s+over)"
    rf"(?:\s+(?:[\w'\u00c0-\u017f.-]+)){{0,6}}?\s+(?:and\s+|,\s*)?(?:(?:mr|mrs|ms|dr)\.?\s+)?$"
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


@register
class FramingRule:
    kinds = ("framing",)

    def __init__(self, facts: Facts):
        self.facts = facts
        self.triggers = (
            frozenset(_HEADS)
            | _LEX.classes["two_way"].first
            | _LEX.classes["duel_noun"].first
            | _LEX.classes["duel_verb"].first
            | {
                "both",
                "either",
                "neither",
                "two",
                "three",
                "four",
                "five",
                "between",
                "v",
                "vs",
                "versus",
                "pit",
                "pits",
                "pitted",
                "pitting",
                "only",
                "sole",
                "lone",
                "single",
                "one",
                "solitary",
                "loser",
                "rival",
                "rivals",
            }
            | {plural(w) for w in _HEADS}
            | {w for w in _LOSS}
        )
        self.heads_rx = re.compile(
            rf"(?<![\w-])(?:{'|'.join(sorted(map(re.escape, _HEADS), key=len, reverse=True))})"
            rf"(?![\w-])|{_LEX.alt('two_way')}|{_LEX.alt('duel_noun')}|{_LEX.alt('duel_verb')}"
            r"|(?<![\w-])(?:both|either|neither|two|between|v|vs|versus|pits?|pitted|pitting|only|sole"
            r"|lone|single|one)(?![\w-])"
        )

    # -- reading ------------------------------------------------------------------------
    def check(self, doc: Document) -> list[Finding]:
        out: list[Finding] = []
        seen: set[tuple[str, str]] = set()
        order = sorted(doc.sentences, key=lambda s: (s.headline, s.index))
        for sent in order:
            if self.triggers.isdisjoint(sent.words):
                continue
            hits = self._hits(doc, sent)
            fresh = []
            for h in hits:
                key = (h.family, " ".join(doc.norm[h.start : h.end].split()))
                if key not in seen:
                    seen.add(key)
                    fresh.append(h)
            if fresh:
                rank = {"high": 2, "medium": 1, "low": 0}
                best = max(fresh, key=lambda h: rank[h.severity])
                out.append(self._finding(doc, best, fresh))
        # A headline and the body saying the same thing the same way: the body's words.
        body = {f.details.get("family") for f in out if not f.details.get("headline")}
        out = [
            f for f in out if not f.details.get("headline") or f.details.get("family") not in body
        ]
        for sent in doc.sentences:
            for p in self.facts.framing_patterns:
                m = p.search(sent.text)
                if m and not any(f.sentence_index == sent.index for f in out):
                    this = self.facts.this
                    out.append(
                        self._finding(
                            doc,
                            Hit(
                                sent,
                                sent.start + m.start(),
                                sent.start + m.end(),
                                "pattern",
                                "medium",
                                2,
                                len(this.on_ballot),
                                "candidates",
                                this,
                            ),
                            [],
                        )
                    )
        return out

    def _hits(self, doc: Document, sent: Sent) -> list[Hit]:
        hits: list[Hit] = []
        hits += self._noun_phrases(doc, sent)
        hits += self._pairs(doc, sent)
        hits += self._named_pair(doc, sent)
        hits += self._two_way(doc, sent)
        hits += self._faced_one(doc, sent)
        hits += self._withdrawn_beaten(doc, sent)
        hits += self._defeated_name(doc, sent)
        hits += self._described_loser(doc, sent, hits)
        return [h for h in hits if self._accept(doc, h)]

    def _contest(self, doc: Document, sent: Sent, pos: int) -> Contest | None:
        """The contest the words are about, when the facts record its field."""
        scope = scope_at(doc, sent, pos)
        contest = self.facts.contests.get(scope.contest)
        if contest is None or not contest.field_known:
            return None
        return contest

    @staticmethod
    def _actual(contest: Contest, what: str) -> int:
        if what == "defeated candidates":
            return len(contest.losers)
        if what in ("rivals", "other candidates"):
            return len(contest.on_ballot) - 1
        return len(contest.on_ballot)

    # -- definite singular noun phrases -------------------------------------------------
    def _noun_phrases(self, doc: Document, sent: Sent) -> list[Hit]:
        out: list[Hit] = []
        toks = sent.tokens
        for i, (hs, he, word) in enumerate(toks):
            cls = _HEADS.get(word)
            if cls is None:
                continue
            if i + 1 < len(toks) and toks[i + 1][2] == "-" and i + 2 < len(toks):
                continue  # "candidate-led", "rival-backed"
            det, mods, possessor, j = self._left(toks, i)
            after = doc.norm[he : sent.end]
            hit = self._read_np(doc, sent, toks, i, cls, det, mods, possessor, after)
            if hit is not None:
                start = toks[j][0] if j < i else hs
                hit.start, hit.end = start, he
                out.append(hit)
        return out

    @staticmethod
    def _left(
        toks: list[tuple[int, int, str]], i: int
    ) -> tuple[str | None, list[str], list[str], int]:
        """Determiner, modifiers and possessor before the head at ``i``."""
        mods: list[str] = []
        j = i - 1
        while j >= 0 and len(mods) < 6:
            w = toks[j][2]
            if w in _DEF or w in _POSS:
                return w, list(reversed(mods)), [], j
            if w == "'s":
                owner: list[str] = []
                k = j - 1
                while (
                    k >= 0 and len(owner) < 3 and toks[k][2] not in _STOP and toks[k][2] not in _DEF
                ):
                    owner.append(toks[k][2])
                    k -= 1
                start = k + 1 if k >= 0 and toks[k][2] not in _DEF else max(k, 0)
                return "'s", list(reversed(mods)), list(reversed(owner)), start
            if w in _INDEF:
                return w, list(reversed(mods)), [], j
            if w in _STOP and w != "and" or w.isdigit():
                break
            mods.append(w)
            j -= 1
        return None, list(reversed(mods)), [], j + 1

    def _read_np(
        self,
        doc: Document,
        sent: Sent,
        toks: list[tuple[int, int, str]],
        i: int,
        cls: str,
        det: str | None,
        mods: list[str],
        possessor: list[str],
        after: str,
    ) -> Hit | None:
        losers = rivals = 0  # counted when the contest is known (_accept)
        mods = [m for m in mods if m not in (",", "and")]
        modset = set(mods)
        if modset & _EVALUATIVE and cls == "loser_noun":
            return None  # "a sore loser" judges how he took it
        if det in _INDEF or det is None and not self._titled(doc, sent, toks, i, modset):
            if not (det is None and modset & _ONLY):
                return None
        restrictive = bool(modset & _RESTRICT) or any(m.endswith("est") for m in mods)
        if modset & _ONLY and "other" in modset:
            restrictive = False  # "second and only other contender": one other, whatever else
        loss = bool(modset & _LOSS) or cls == "loser_noun"
        word = toks[i][2]
        if loss and not restrictive and not (modset & _OTHER):
            severity = "medium" if det is None else "high"
            return Hit(sent, 0, 0, "loser", severity, 1, losers, "defeated candidates")
        if loss and not restrictive and det in _DEF and not modset & _ONLY:
            # "the other defeated candidate": one besides another, so two losers
            return Hit(sent, 0, 0, "loser", "medium", 2, losers, "defeated candidates")
        if modset & _ONLY and not restrictive:
            if (
                _ALLOWED_AFTER_ONLY.match(after)
                or not _OTHER_REL.match(after)
                or self._to_person(sent, toks[i][1], after)
            ):
                if cls in ("rival_noun", "candidate_noun"):
                    return Hit(sent, 0, 0, "only", "high", 1, rivals, "rivals")
            return None
        if restrictive:
            return None
        if _LOSS_REL.match(after) and cls in ("person_noun", "candidate_noun", "rival_noun"):
            if cls == "person_noun" and self._apposition(doc, sent, toks, i):
                return None  # "Marr, the official who was beaten by Kerr": identifies him
            return Hit(sent, 0, 0, "loser", "high", 1, losers, "defeated candidates")
        m = _WIN_REL.match(after)
        if m and cls in ("person_noun", "candidate_noun", "rival_noun") and det in _DEF:
            if self._is_winner(doc, sent, toks[i][1] + m.start("who"), m.group("who")):
                return Hit(sent, 0, 0, "loser", "high", 1, losers, "defeated candidates")
        rel = _RIVAL_REL.match(after)
        if rel and cls in ("person_noun", "candidate_noun") and det in _DEF:
            if not self._person_at(sent, toks[i][1] + rel.end(), after[rel.end() :]):
                return None  # "the rep who took on the machine": no rival named
            return Hit(sent, 0, 0, "rival", "medium", 1, rivals, "rivals")
        if modset & _OTHER and cls in ("candidate_noun", "rival_noun") and det in _DEF:
            if not _OTHER_REL.match(after) or _ALLOWED_AFTER_ONLY.match(after):
                return Hit(sent, 0, 0, "rival", "medium", 1, rivals, "other candidates")
            return None
        if (
            cls == "rival_noun"
            and not mods
            and det in _DEF
            and word in ("challenger", "rival", "opponent")
        ):
            if _OTHER_REL.match(after) and not _ALLOWED_AFTER_ONLY.match(after):
                return None
            if word == "challenger" and context(doc).phase in ("before-nominations", "campaign"):
                return None
            return Hit(sent, 0, 0, "rival", "medium", 1, rivals, "rivals")
        if (
            cls == "rival_noun"
            and det in _POSS | {"'s"}
            and word != "challenger"
            or (cls == "rival_noun" and det in _POSS | {"'s"})
        ):
            if _OTHER_REL.match(after) and not _ALLOWED_AFTER_ONLY.match(after):
                return None
            if not self._about_ballot(doc, sent):
                return None
            return Hit(sent, 0, 0, "possessive", "low", 1, rivals, "rivals")
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
        if not (modset & _LOSS) and _HEADS.get(toks[i][2]) != "loser_noun":
            return False
        first = next((k for k in range(i - 1, -1, -1) if toks[k][2] in _LOSS), i)
        at = toks[first][0]
        if any(m.end <= at and not doc.norm[m.end : at].strip() for m in sent.mentions):
            return False  # "Whitaker defeated state Rep. Castellano": a verb after its subject
        nxt = toks[i][1]
        return any(m.start in (nxt + 1, nxt + 2) and m.kind == "person" for m in sent.mentions)

    def _is_winner(self, doc: Document, sent: Sent, pos: int, who: str) -> bool:
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
        lo = doc.sentences[max(0, sent.index - 1)].start
        return bool(_CONTEXT.search(doc.norm, lo, sent.end))

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
            if re.search(
                r"(?:one|each|all|none|some|any|either|neither)\s+of\s+$",
                doc.norm[max(sent.start, m.start() - 12) : m.start()],
            ):
                continue
            if mods & _LOSS or head == "losers":
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
            if not re.fullmatch(
                r",?\s+(?:and|&)\s+(?:(?:mr|mrs|ms|dr)\.?\s+)?", doc.norm[x.end : y.start]
            ):
                continue
            lead = _NAMED_PAIR.search(doc.norm, max(sent.start, x.start - 45), x.start)
            if not lead or re.search(
                r"(?:one|two|some|all|both|each|several|three)\s+of\s+$",
                doc.norm[max(sent.start, lead.start() - 16) : lead.start()],
            ):
                continue
            after = doc.norm[y.end : sent.end]
            if re.match(
                r"\s*(?:,\s*|,?\s+and\s+|,?\s+or\s+)(?:(?:mr|mrs|ms|dr)\.?\s+)?[a-z]", after
            ) and any(m.start > y.end and m.start - y.end < 12 for m in ms):
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
            if head in _HEADS or head in _NOT_PEOPLE or head in _STOP or head.endswith("s"):
                continue  # candidate words are read by the noun phrase grammar; plurals count
            if any(w in _INDEF or w in _OTHER or w.isdigit() for w in words):
                continue  # "the two men he defeated": counted, not one
            if any(h.start <= m.start() < h.end or m.start() <= h.start < m.end() for h in found):
                continue
            if m.group("who") and not self._is_winner(doc, sent, m.start("who"), m.group("who")):
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

    # -- context -----------------------------------------------------------------------
    def _accept(self, doc: Document, h: Hit) -> bool:
        sent = h.sent
        contest = self._contest(doc, sent, h.start)
        if contest is None:
            return False
        h.contest = contest
        if h.family == "withdrawn":
            return contest.key == "this" and not self._mentioned(doc, h)
        h.actual = self._actual(contest, h.what)
        if h.family == "pair":
            det = h.pair[1] if h.pair else ""
            h.pair = None
            if h.presumes == h.actual or (det.startswith("the ") and h.presumes > h.actual):
                return False
            if (
                det in ("the three", "the four", "the five")
                and h.what == "candidates"
                and (h.presumes in (len(contest.on_ballot) - 1, len(contest.losers)))
            ):
                return False  # "thanked the four candidates": the others, from the winner
        elif h.presumes >= h.actual:
            return False
        if h.pair and not set(h.pair) <= set(contest.on_ballot):
            return False
        cs, _ = doc.clause_of(sent, h.start)
        before = doc.norm[max(cs, h.start - 60) : h.start]
        if _NEG_BEFORE.search(before) and not re.search(r"\bnot\s+only\b", before[-12:]):
            return False
        if self._beside_outsider(doc, sent, h):
            return False
        if h.family in ("two-way", "pair") and not self._about_this(doc, sent):
            return False
        n, losers = len(contest.on_ballot), len(contest.losers)
        if h.family in ("two-way", "pair", "only", "rival", "possessive", "loser"):
            if states_field(sent.norm, n, losers) and h.family != "possessive":
                return False  # the sentence itself gives the field
        if self._mentioned(doc, h):
            return False
        if h.family == "pair" and self._third_named(doc, h):
            return False
        if h.family == "two-way" and self._spoken_by_outsider(doc, h):
            return False
        if h.family in ("possessive", "rival") and self._outsider_near(doc, sent):
            return False
        return True

    def _spoken_by_outsider(self, doc: Document, h: Hit) -> bool:
        """ "We were told this was a two-horse race," says the candidate it left out."""
        outside = set(_rank(self.facts)[2:])
        q = doc.quote_at(h.start, h.end)
        person = q.person if q else (h.sent.reported[2] if h.sent.reported else None)
        if person is None and q is not None and q.speaker is None:
            lead = doc.norm[max(h.sent.start, q.start - 30) : q.start]
            for m in h.sent.mentions:
                if (
                    m.end <= q.start
                    and m.person
                    and re.fullmatch(r"\s*:?\s*", doc.norm[m.end : q.start])
                ):
                    person = m.person
            del lead
        return bool(person and person in outside)

    def _outsider_near(self, doc: Document, sent: Sent) -> bool:
        """Somebody the facts do not know, named here or just before: "his rival" may be
        that person (a personal dispute), not a candidate."""
        near = doc.sentences[max(0, sent.index - 1) : sent.index + 1]
        return any(m.kind == "other" for s in near for m in s.mentions)

    def _about_this(self, doc: Document, sent: Sent) -> bool:
        """Is this election visibly in the sentence or next to it (a candidate, the
        organisation, the office or a name of the contest)?"""
        near = doc.sentences[max(0, sent.index - 1) : sent.index + 2]
        here = {p for c in self.facts.contests.values() for p in c.people}
        for s in near:
            if any(m.person in here or m.kind == "ours" for m in s.mentions):
                return True
        el = self.facts.election
        words = [w.lower() for w in (el.office, *el.aliases) if w]
        text = " ".join(s.norm for s in near) + " " + doc.title.lower()
        return any(w in text for w in words)

    def _beside_outsider(self, doc: Document, sent: Sent, h: Hit) -> bool:
        """ "the defeated candidate, Dee Hale": set beside somebody who did not stand here."""
        here = set((h.contest or self.facts.this).people)
        gap = r"\s*,?\s*(?:(?:mr|mrs|ms|miss|dr|sir|dame|cr|cllr)\.?\s+)?"
        for m in sent.mentions:
            close_after = m.start >= h.end and re.fullmatch(gap, doc.norm[h.end : m.start])
            close_before = h.start >= m.end and re.fullmatch(gap, doc.norm[m.end : h.start])
            if not (close_after or close_before):
                continue
            if m.kind == "other" or (m.kind == "person" and m.person not in here):
                return True
        return False

    def _mentioned(self, doc: Document, h: Hit) -> bool:
        """A label the article reports ("billed as", "so-called", scare quotes) and
        corrects nearby is criticism of the framing, not framing."""
        sent = h.sent
        norm = doc.norm
        labelled = bool(_MENTION_BEFORE.search(norm, max(sent.start, h.start - 70), h.start))
        if not labelled:
            labelled = any(
                h.start - 3 <= q.start <= h.start and h.end <= q.end <= h.end + 4
                for q in doc.quotes
            )
        if not labelled:
            return False
        lo = doc.sentences[max(0, sent.index - 1)].start
        hi = doc.sentences[min(len(doc.sentences) - 1, sent.index + 2)].end
        this = h.contest or self.facts.this
        if states_field(norm[lo:hi], len(this.on_ballot), len(this.losers)):
            return True
        if _LEX.rx("correction_word").search(norm, h.end, hi):
            return True
        named = {
            m.person
            for s in doc.sentences
            if sent.start <= s.start < hi
            for m in s.mentions
            if m.person in set(this.on_ballot)
        }
        return len(named) >= len(this.on_ballot)

    def _third_named(self, doc: Document, h: Hit) -> bool:
        """ "Both campaigns spent heavily, Lund said": a candidate outside the pair is
        named (or speaks), so the pair is the other two."""
        this = h.contest or self.facts.this
        if this.key != "this":
            return len(this.on_ballot) < 3
        ranked = _rank(self.facts)
        outside = set(ranked[2:])
        sent = h.sent
        lo, hi = doc.window(sent, 1, 0)
        for s in doc.sentences:
            if lo <= s.start < hi:
                for m in s.mentions:
                    if m.person in outside or m.role.startswith("place-") and m.role != "place-2":
                        return True
        voice, speaker = doc.voice_at(sent, h.start, h.end)
        q = doc.quote_at(h.start, h.end)
        person = q.person if q else (sent.reported[2] if sent.reported else None)
        return bool(person and person in outside) or len(this.on_ballot) < 3

    # -- the finding ---------------------------------------------------------------------
    def _finding(self, doc: Document, hit: Hit, all_hits: list[Hit]) -> Finding:
        contest = hit.contest or self.facts.this
        phrase = doc.text[hit.start : hit.end]
        words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
        n = len(contest.on_ballot)
        losers = len(contest.losers)
        if hit.family == "withdrawn":
            why = (
                f"'{phrase}' presents a candidate who withdrew before the ballot as beaten in "
                f"it; {words.get(n, n)} candidates were on the ballot."
            )
        elif hit.family == "loser":
            why = (
                f"'{phrase}' speaks of one defeated candidate; {words.get(losers, losers)} "
                f"candidates were defeated."
            )
        elif hit.family in ("only", "rival", "possessive"):
            why = (
                f"'{phrase}' speaks of one rival; the winner had {words.get(n - 1, n - 1)} "
                f"rivals on the ballot."
            )
        else:
            why = (
                f"'{phrase}' presents the contest as {words.get(hit.presumes, hit.presumes)}"
                f"-sided; there were {words.get(n, n)} candidates on the ballot."
            )
        why += f" Judged against {contest.name}."
        details = {
            "family": hit.family,
            "presumes": hit.presumes,
            "actual": hit.actual,
            "counted": hit.what,
            "contest": contest.key,
        }
        if len(all_hits) > 1:
            details["also"] = [doc.text[h.start : h.end] for h in all_hits if h is not hit]
        fact = "field" if contest.key == "this" else f"field:{contest.key}"
        withdrawn = [f"withdrawn.{p}" for p in contest.withdrawn if contest.key == "this"]
        cited = [fact] + [
            w for w in withdrawn if w in self.facts.facts and hit.family == "withdrawn"
        ]
        return make_finding(
            doc,
            hit.sent,
            kind="framing",
            rule_id=f"framing.{hit.family}",
            fact_ids=cited,
            explanation=why,
            phrase=(hit.start, hit.end),
            severity=hit.severity,
            confidence={"high": 0.85, "medium": 0.75, "low": 0.6}[hit.severity],
            details=details,
            lower_in_quotes=True,
        )


def _rank(facts: Facts) -> list[str]:
    return list(ranking(facts))
