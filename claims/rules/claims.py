"""`unchallenged_claim`: a known false claim repeated and left standing.

Each claim and its paraphrases (plain sentences in the facts file) become
sets of concepts (``claims.concepts``) and the people they name.  A sentence
repeats a claim when it names the same people (directly or by pronoun) and
holds enough of one variant's concepts, in any voice: the outlet's own,
a quotation, or reported speech ("she alleges officials broke rules that
required them to stay neutral").  A sentence that denies it ("he has not
joined the call for a re-run") states the correction instead.

The article challenges the claim when the sentence itself hedges it
("falsely claimed", "were wrong"), when a sentence just before or after
rebuts it ("no such guideline exists", "Unite rejected the claim"), or when
anything in the article denies one of its variants.  A challenged claim is
recorded as `challenged_claim`, not flagged.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from factwatch.claims.concepts import WEAK, Reading, concepts
from factwatch.claims.facts import Facts
from factwatch.claims.lexicon import alternation, lexicon, normalise
from factwatch.claims.model import Claim
from factwatch.claims.rules import register
from factwatch.claims.rules.base import make_finding
from factwatch.claims.scope import scope_at
from factwatch.claims.text import Document, Sent
from factwatch.core.records import Finding

_REBUT = lexicon().rx("rebuttal")
_VERDICT = lexicon().rx("verdict")
_STRONG_REBUT = re.compile(
    r"(?<![\w-])(?:no\s+such|no\s+(?:evidence|basis|truth|record)|without\s+(?:foundation|merit|"
    r"basis|evidence)|baseless|unfounded|groundless|untrue|not\s+true|false|"
    r"(?:were|was|is|are)\s+(?:wrong|mistaken|inaccurate|incorrect)|"
    r"(?:rejected|rejects|denied|denies|dismissed|dismisses|disputed|disputes|refuted|refutes|"
    r"rebutted|contradicted|debunked)(?:\s+[\w'\u2019-]+){0,3}?"
    r"\s+(?:claims?|allegations?|complaints?|accusations?|charges?|suggestions?|assertions?|"
    r"wrongdoing|it|them|this|that)|(?:claims?|allegations?|complaints?|accusations?)\s+(?:\w+\s+)"
    r"{0,3}(?:were|was|are|is|has\s+been|have\been)\s+(?:\w+\s+)?(?:rejected|dismissed|denied|"
    r"thrown\s+out|not\s+upheld)|(?:found|finds|find)\s+(?:that\s+)?no|contains?\s+no|contained\s+no|"
    r"says?\s+nothing|said\s+nothing|(?:make|makes|made)\s+no\s+(?:mention|reference)|"
    r"nothing\s+of\s+the\s+(?:sort|kind)|(?:does|did|do)\s+not\s+exist|never\s+existed|"
    r"(?:there\s+(?:is|was|were|are)\s+no\s+(?:such|evidence|basis|truth|record|rule|"
    r"requirement|obligation|guideline|provision|sign|proof))|not\s+the\s+case|threw\s+out|not\s+upheld)(?![\w-])"
)
CHALLENGED = "challenged_claim"  # recorded, not flagged: the article rebuts the claim
_NOUN_CONCEPTS = frozenset({"candidate", "staff", "loss", "result"})
_LEX = lexicon()
_PLURAL_PEOPLE = alternation(
    {
        w
        for c in ("candidate_noun", "rival_noun", "loser_noun")
        for w in _LEX.words(c) - _LEX.base(c)
    }
    | {"runners-up"}
)
# "the losing candidates", "both rivals", "the two challengers": several people as one
# subject (not "one of the candidates").
_SEVERAL = re.compile(
    rf"(?<![\w-])(?P<of>of\s+)?(?:the\s+|both\s+|all\s+)?(?:two\s+|three\s+)?"
    rf"(?:[\w-]+\s+)?{_PLURAL_PEOPLE}"
)


def _several(norm: str) -> bool:
    return any(
        not m.group("of") and m.group(0).split()[0] in ("the", "both", "all", "two", "three")
        for m in _SEVERAL.finditer(norm)
    )


# A hedge on the saying, not on the deed: "falsely claimed", "alleged, without evidence,"
# (not "ballots were wrongly thrown out", which is the claim itself).
_HEDGE = r"(?:falsely|wrongly|incorrectly|mistakenly|baselessly|erroneously)"
_SAYING = (
    r"(?:claim|claimed|claims|claiming|said|says|saying|suggest|suggested|suggests|alleg\w*|"
    r"assert\w*|stat(?:e|ed|es|ing)|insist\w*|argu\w*|believ\w*|report\w*|told|tells|"
    r"accus\w*|blam\w*|tweet\w*|post(?:ed|s)?|wrote|writes)"
)
_INLINE = re.compile(
    rf"(?<![\w-])(?:{_HEDGE}\s+{_SAYING}|{_SAYING},?\s+{_HEDGE}|without\s+evidence|"
    rf"(?:although|though|but)\s+(?:there\s+(?:is|was)\s+)?no)(?![\w-])"
)


def _verdict_after(other: Sent, sent: Sent) -> bool:
    """A short verdict just after the claim is about it: "The record does not support
    that.", "And it's just wrong.", "What do you make of that? - It's nonsense."."""
    return (
        sent.index < other.index <= sent.index + 2 and len(re.findall(r"[a-z]+", other.norm)) <= 10
    )


@dataclass
class Variant:
    claim: Claim
    people: frozenset[str]
    content: frozenset[str]
    need: int
    specific: frozenset[str]  # the concepts that are not common in election coverage
    need_specific: int
    negated: frozenset[str] = frozenset()  # concepts the claim itself states negatively
    names: frozenset[str] = frozenset()  # proper nouns of the claim ("Northgate"): required
    key: str = ""  # the last specific concept: what is claimed ("... to be neutral")


@dataclass
class Hit:
    claim: Claim
    sent: Sent
    score: float
    negated: bool
    span: tuple[int, int] | None = None  # from the first to the last matched concept


def _people_in(facts: Facts, text: str) -> set[str]:
    found = set()
    norm = normalise(text)
    for p in facts.people.values():
        for name in (p.name, *p.variants, p.name.split()[-1]):
            if re.search(rf"(?<![\w-]){re.escape(normalise(name))}(?![\w-])", norm):
                found.add(p.key)
    return found


def _strip_people(facts: Facts, text: str) -> str:
    """The text without the people's names and our organisation's (their concepts are
    matched through mentions)."""
    return _names_rx(facts).sub(" ", normalise(text))


def _names_rx(facts: Facts) -> re.Pattern[str]:
    return facts.once("claims.names", _names_pattern)


def _names_pattern(facts: Facts) -> re.Pattern[str]:
    """The people's names and variants, and our organisation's name, longest first."""
    names = {
        normalise(n)
        for p in facts.people.values()
        for n in (p.name, *p.variants, p.name.split()[-1])
    }
    if facts.election.organisation:
        names.add(normalise(facts.election.organisation))
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?:'s)?(?![\w-])" if alts else r"(?!x)x")


def _paired(doc: Document, sent: Sent) -> bool:
    """Two people named together as one subject ("Pike and Lund", "X, Y and Z")."""
    ms = [m for m in sent.mentions if m.kind == "person" and m.person]
    for a, b in zip(ms, ms[1:], strict=False):
        if a.person != b.person and re.fullmatch(
            r"\s*(?:,|,?\s+and|,?\s+&)\s*", doc.norm[a.end : b.start]
        ):
            return True
    return False


def _proper_nouns(facts: Facts, text: str) -> list[str]:
    """Capitalised words of a claim that are not its first word or a known name."""
    known = {
        w.lower() for p in facts.people.values() for n in (p.name, *p.variants) for w in n.split()
    }
    known |= {w.lower() for w in facts.election.organisation.split()}
    words = re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}\b", text.strip())
    return [w for w in words if w.lower() not in known]


@register
class ClaimRule:
    kinds = ("unchallenged_claim", CHALLENGED)

    def __init__(self, facts: Facts):
        self.facts = facts
        self.thesaurus = concepts()
        self.variants: list[Variant] = []
        for claim in facts.claims:
            for text in (claim.claim, *claim.paraphrases):
                people = frozenset(_people_in(facts, text))
                reading = self.thesaurus.read(_strip_people(facts, text))
                if _several(normalise(text)):
                    reading.concepts.add("together")  # "the losing candidates want ..."
                content = frozenset(reading.concepts - WEAK)
                if not content:
                    continue
                need = len(content) if len(content) <= 2 else max(2, math.ceil(0.7 * len(content)))
                # The concepts that make the claim: the thesaurus groups that are not common
                # in coverage ("neutral", "rule", "re-run"); a claim in words the thesaurus
                # does not group falls back to its own words.
                groups = self.thesaurus.groups
                specific = {c for c in content if c in groups and c not in self.thesaurus.common}
                if not specific:
                    specific = set(content - self.thesaurus.common)
                need_specific = max(1, math.ceil(0.6 * len(specific))) if specific else 0
                names = frozenset(
                    self.thesaurus.read(normalise(n)).concepts.pop()
                    for n in _proper_nouns(facts, text)
                    if self.thesaurus.read(normalise(n)).concepts
                )
                ordered = sorted(specific, key=lambda c: reading.spans[c][0])
                key = ordered[-1] if ordered else ""
                self.variants.append(
                    Variant(
                        claim,
                        people,
                        content,
                        need,
                        frozenset(specific),
                        need_specific,
                        frozenset(reading.negated & content),
                        names,
                        key,
                    )
                )
        # The concepts of paraphrases that one concept repeats ("Pike votes were voided").
        self.single = frozenset(c for v in self.variants if v.need == 1 for c in v.content)
        self.keys = (
            frozenset().union(*(v.content for v in self.variants))
            if self.variants
            else (frozenset())
        )
        # Index: a variant is tried only when its key concept is in the sentence, and a
        # sentence is read only when some key concept's words are in it.
        # A sentence that states a claim's fact is its correction, not a repetition.
        self.fact_concepts = {
            c.id: frozenset(self.thesaurus.read(_strip_people(facts, c.fact)).concepts - WEAK)
            for c in facts.claims
        }
        self.claim_people = {c.id: frozenset(_people_in(facts, c.claim)) for c in facts.claims}
        self.claim_content: dict[str, frozenset[str]] = {}
        for v in self.variants:
            self.claim_content[v.claim.id] = (
                self.claim_content.get(v.claim.id, frozenset()) | v.content
            )
        self.by_key: dict[str, list[Variant]] = {}
        for v in self.variants:
            self.by_key.setdefault(v.key or next(iter(v.content)), []).append(v)
        self.trigger = self.thesaurus.triggers(frozenset(self.by_key)) if self.by_key else None

    def check(self, doc: Document) -> list[Finding]:
        if not self.variants:
            return []
        hits: list[Hit] = []
        for sent in doc.sentences:
            if sent.norm.rstrip(" \"'").endswith("?"):
                continue  # a question asserts nothing: "Should there have been a runoff?"
            if self.trigger is None or not self.trigger.found(sent.words, sent.norm):
                continue
            reading = self.thesaurus.read(sent.norm, sent.start)
            held = reading.concepts & self.keys
            if len(held) < 2 and held.isdisjoint(self.single):
                continue  # fewer of the claims' concepts than any variant needs
            if scope_at(doc, sent, sent.start).contest != "this":
                continue  # about another contest: its claims are not these
            hits.extend(self._best(doc, sent, reading).values())
        return self._findings(doc, hits)

    def _best(self, doc: Document, sent: Sent, reading: Reading) -> dict[str, Hit]:
        """Claim id -> the variant the sentence repeats best (a statement before a denial),
        unless the sentence states the fact that refutes it."""
        people = {m.person for m in sent.mentions if m.person}
        if sent.reported and sent.reported[2]:
            people.add(sent.reported[2])
        if _paired(doc, sent) or _several(sent.norm):
            reading.concepts.add("together")  # "Pike and Lund want ...", "both rivals"
        best: dict[str, Hit] = {}
        stated: dict[tuple[str, int], bool] = {}  # (claim, concepts held) -> states its fact
        # In a fixed order, so ties between variants go the same way every run.
        keys = sorted(reading.concepts & self.by_key.keys())
        candidates = [v for k in keys for v in self.by_key[k]]
        alone = "only" in reading.concepts
        for v in candidates:
            have = self._repeated(v, people, reading, alone)
            if have is None:
                continue
            # Denied when a concept that carries the claim (a thesaurus group other than
            # a plain noun: "not support", "no rule", "will not join") is negated where
            # the claim does not negate it, or the reverse.
            core = (have & self.thesaurus.groups) - _NOUN_CONCEPTS
            negated = bool((core & reading.negated) ^ (core & v.negated))
            score = len(have) / len(v.content)
            prev = best.get(v.claim.id)
            if prev is not None and (score, not negated) <= (prev.score, not prev.negated):
                continue
            key = (v.claim.id, len(have))
            states = stated.get(key)
            if states is None:
                states = stated[key] = self._states_fact(v.claim, reading.concepts, len(have))
            if states:
                continue  # the sentence states the fact that refutes the claim
            spans = [reading.spans[c] for c in have if c in reading.spans]
            span = (min(a for a, _ in spans), max(b for _, b in spans)) if spans else None
            best[v.claim.id] = Hit(v.claim, sent, score, negated, span)
        return best

    def _repeated(
        self, v: Variant, people: set[str], reading: Reading, alone: bool
    ) -> frozenset[str] | None:
        """The variant's concepts the sentence holds, when they are enough to repeat it
        (whether it states the claim's refuting fact instead is asked of the best)."""
        if not v.people <= people:
            return None
        if alone and "only" not in v.content and v.content & {"together", "candidate"}:
            return None  # "the only candidate seeking a re-run": not several
        have = v.content & reading.concepts
        if len(have) < v.need or len(v.specific & have) < v.need_specific:
            return None
        if not v.names <= reading.concepts or (v.key and v.key not in have):
            return None
        return have

    def _findings(self, doc: Document, hits: list[Hit]) -> list[Finding]:
        out: list[Finding] = []
        by_claim: dict[str, list[Hit]] = {}
        for h in hits:
            by_claim.setdefault(h.claim.id, []).append(h)
        for group in by_claim.values():
            denied = [h for h in group if h.negated]
            stated = [h for h in group if not h.negated]
            if not stated:
                continue
            best = max(stated, key=lambda h: (h.score, not h.sent.headline, -h.sent.index))
            rebuttal = self._rebuttal(doc, best, denied)
            claim = best.claim
            if rebuttal:
                kind = CHALLENGED
                why = (
                    f"Repeats a recorded false claim ({claim.claim}) but the article "
                    f'challenges it: "{rebuttal[:160]}"'
                )
            else:
                kind = "unchallenged_claim"
                why = (
                    f"Repeats a recorded false claim ({claim.claim}) and leaves it "
                    f"unchallenged. The facts: {claim.fact}"
                )
            f = make_finding(
                doc,
                best.sent,
                kind=kind,
                rule_id=claim.id,
                fact_ids=[claim.id],
                explanation=why,
                phrase=best.span,
                severity="low" if rebuttal else claim.severity,
                confidence=round(min(0.95, 0.6 + 0.35 * best.score), 2),
                details={"claim": claim.claim, "rebuttal": rebuttal or None},
            )
            f.challenged = bool(rebuttal)
            out.append(f)
        return out

    @staticmethod
    def _has(doc: Document, sent: Sent, name: str, rx: re.Pattern[str]) -> bool:
        key = ("claims." + name, sent.index)
        got = doc.memo.get(key)
        if got is None:
            got = bool(rx.search(sent.norm))
            doc.memo[key] = got
        return bool(got)

    def _rebuttal(self, doc: Document, hit: Hit, denied: list[Hit]) -> str:
        sent = hit.sent
        if self._has(doc, sent, "inline", _INLINE) or self._has(doc, sent, "strong", _STRONG_REBUT):
            return sent.text
        if denied:
            return denied[0].sent.text
        lo = max(0, sent.index - 1)
        for other in doc.sentences[lo : sent.index + 3]:
            if other is sent:
                continue
            verdict = self._has(doc, other, "verdict", _VERDICT)
            if (
                self._has(doc, other, "strong", _STRONG_REBUT)
                or (self._has(doc, other, "rebut", _REBUT) or verdict)
                and self._about(other, hit)
                or verdict
                and _verdict_after(other, sent)
                or self._neighbour_states_fact(doc, other, hit)
            ):
                return other.text
        return ""

    def _states_fact(self, claim: Claim, found: set[str] | frozenset[str], claimed: int) -> bool:
        """Does a sentence with these concepts state the claim's refuting fact: most of
        the fact's concepts, or half of them and more than it shares with the claim?"""
        fact = self.fact_concepts.get(claim.id, frozenset())
        shared = len(fact & found)
        return bool(fact) and (
            shared >= max(3, 0.6 * len(fact))
            or (shared >= max(3, 0.5 * len(fact)) and shared > claimed)
        )

    def _neighbour_states_fact(self, doc: Document, other: Sent, hit: Hit) -> bool:
        """ "... had suggested head office ran the count. The report makes clear that the
        scrutineer conducted and counted the ballot itself.": the fact, stated nearby."""
        key = ("claims.stripped", other.index)
        found = doc.memo.get(key)
        if not isinstance(found, frozenset):
            found = frozenset(
                self.thesaurus.read(_strip_people(self.facts, other.text)).concepts - WEAK
            )
            doc.memo[key] = found
        content = self.claim_content.get(hit.claim.id, frozenset())
        return self._states_fact(hit.claim, found, len(content & found))

    def _about(self, other: Sent, hit: Hit) -> bool:
        """Does a sentence holding rebuttal words speak of this claim: of its specific
        concepts, or of any of them with a person the claim names ("Lund said he had
        played no part in the complaint")?"""
        reading = self.thesaurus.read(other.norm)
        content = self.claim_content.get(hit.claim.id, frozenset())
        shared = reading.concepts & content
        if shared - self.thesaurus.common:
            return True
        named = self.claim_people.get(hit.claim.id, frozenset())
        return bool(shared) and any(m.person in named for m in other.mentions)
