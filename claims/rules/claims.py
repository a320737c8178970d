"""`unchallenged_claim`: a known false claim repeated and left standing.

Each claim and its paraphrases (plain sentences in the facts file) become
sets of concepts and the people they name (``claims.claim_index``).  A sentence
repeats a claim when it names the same people (directly or by pronoun) and
holds enough of one variant's concepts, in any voice: the outlet's own,
a quotation, or reported speech ("she alleges officials broke rules that
required them to stay neutral").  A sentence that denies it ("he has not
joined the call for a re-run") states the correction instead.

The article challenges the claim when the sentence itself hedges it
("falsely claimed", "were wrong"), when a sentence just before or after
rebuts it ("no such guideline exists", "the union rejected the claim"), or when
anything in the article denies one of its variants.  A challenged claim is
recorded as `challenged_claim`, not flagged.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from factwatch.claims.claim_index import ClaimIndex, several, strip_people
from factwatch.claims.concepts import WEAK, Reading
from factwatch.claims.fact_details import details, states_fact
from factwatch.claims.facts import Facts
from factwatch.claims.lexicon import lexicon, normalise
from factwatch.claims.model import Claim
from factwatch.claims.rules import register
from factwatch.claims.rules.base import make_finding
from factwatch.claims.scope import scope_at
from factwatch.claims.scope_signals import related_aliases
from factwatch.claims.text import Document, Sent
from factwatch.core.records import Finding

_REBUT = lexicon().rx("rebuttal")
_VERDICT = lexicon().rx("verdict")


_ALARM = re.compile(r"(?:something|anything|what|nothing|things)\s+$")


# What a losing side rejects or disputes when it protests: the result, not a claim
_THE_RESULT = re.compile(
    r"\s+(?:the\s+|this\s+|that\s+|its\s+)?(?:[\w-]+\s+)?(?:outcome|result|results|declaration|"
    r"verdict|victory|win|election|poll|vote|count)(?![\w-])"
)


def _rebuts(norm: str) -> bool:
    """The rebuttal words, but not a claimant's own alarm ("he knew something was wrong"),
    nor a side rejecting the result ("the campaign has rejected the outcome")."""
    return any(
        not (m.group(0).endswith("wrong") and _ALARM.search(norm, 0, m.start()))
        and not (m.group(0) in _PROTEST_VERBS and _THE_RESULT.match(norm, m.end()))
        for m in _REBUT.finditer(norm)
    )


_PROTEST_VERBS = frozenset("rejected rejects disputed disputes".split())


_STRONG_REBUT = re.compile(
    r"(?<![\w-])(?:no\s+such|no\s+(?:evidence|basis|truth|record)|without\s+(?:foundation|merit|"
    r"basis|evidence)|(?:says?|said|shows?|showed|suggests?|tell|tells|told)\s+otherwise|none\s+of\s+(?:it|that|this|which|them)\s+(?:\w+\s+)?(?:holds?\s+up|"
    r"(?:is|was|are|were)\s+(?:true|accurate|correct|so))|(?:does|did)(?:n't|\s+not)\s+hold\s+up|"
    r"without\s+(?:foundation|merit|"
    r"basis|evidence)|baseless|unfounded|groundless|untrue|not\s+true|false|"
    # not "he knew something was wrong": the claimant's own alarm
    r"(?<!something\s)(?<!anything\s)(?<!what\s)(?<!things\s)"
    r"(?:were|was|is|are)\s+(?:wrong|mistaken|inaccurate|incorrect)|"
    r"(?:is|was|are|were)n't\s+(?:true|right|correct|so)|^(?:it|that|this|they)\s+"
    r"(?:wasn't|was\s+not|isn't|is\s+not|weren't|were\s+not|didn't|did\s+not)(?![\w-])|"
    # a quoted denial that is the whole sentence: '"They didn't."'
    r"^[\"'\s]+(?:it|that|they)\s+(?:wasn't|was\s+not|weren't|were\s+not|didn't|did\s+not)"
    r"[\s.!\"']*$|"
    r"(?:rejected|rejects|denied|denies|dismissed|dismisses|disputed|disputes|refuted|refutes|"
    r"rebutted|contradicted|debunked)(?:\s+[\w'\"\u2018\u2019\u201c\u201d-]+){0,5}?"
    r"\s+(?:claims?|allegations?|complaints?|accusations?|charges?|suggestions?|assertions?|"
    r"wrongdoing|it|them|this|that)|(?:claims?|allegations?|complaints?|accusations?)\s+"
    # "Claims that lapsed members were left on the roll were rejected by ..."
    r"(?:[\w'\u2019-]+\s+){0,12}?(?:were|was|are|is|has\s+been|have\s+been|been)\s+(?:\w+\s+)?"
    r"(?:rejected|dismissed|denied|"
    r"thrown\s+out|not\s+upheld)|"
    # "..., a claim rejected by the returning officer's office"
    r"(?:a|an|the)\s+(?:claim|allegation|charge|suggestion|assertion|accusation)\s+(?:since\s+|"
    r"swiftly\s+|promptly\s+|already\s+|firmly\s+)?(?:rejected|denied|dismissed|refuted|"
    r"contradicted|debunked)\s+by|"
    r"(?:found|finds|find)\s+(?:that\s+)?no|contains?\s+no|contained\s+no|"
    r"says?\s+nothing|said\s+nothing|(?:make|makes|made)\s+no\s+(?:mention|reference)|"
    r"nothing\s+of\s+the\s+(?:sort|kind)|(?:does|did|do)\s+not\s+exist|never\s+existed|"
    # "There is no riding, anywhere, where the ballots outnumber the voters"
    r"there\s+(?:is|was|were|are)\s+no\s+[\w-]+(?:\s*,[^,]{1,30},)?\s+(?:where|in\s+which)|"
    r"(?:there\s+(?:is|was|were|are)\s+no\s+(?:[\w-]+\s+)?(?:such|evidence|basis|truth|record|rule|"
    r"requirement|obligation|guideline|provision|sign|proof))|not\s+the\s+case|not\s+upheld|"
    # "has no truck with the talk that ...", "to those still repeating that ..."
    r"no\s+truck\s+with|(?:still|keep|keeps|kept)\s+(?:repeating|peddling|spreading|pushing)|"
    r"(?:peddling|spreading)\s+(?:the\s+)?(?:myth|story|rumou?r|falsehood|lie)|"
    # the court threw out the complaint (not "they threw out his ballots": the claim)
    r"(?:threw|thrown|throws|throw|tossed)\s+out\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+|a\s+|an\s+)?"
    r"(?:[\w'\u2019-]+\s+){0,3}?(?:claims?|"
    r"complaints?|case|challenges?|appeals?|lawsuits?|suits?|petitions?|protests?|objections?))"
    r"(?![\w-])"
)
# An indirect question: "members have asked whether first-round votes were carried over"
# "Had Rowlands's votes simply been added to hers, she would have had ...": a supposition
_COUNTERFACTUAL = re.compile(
    r"(?:^\W*|[,;:]\s*)(?:had\s+(?!to\b)|if\s+[^,]{0,80}?\bhad\s+)[^.]{0,120}?\bwould\s+(?:have|not)\b"
    # a rule's condition: "an automatic recount happens only if the margin is under 39"
    r"|\b(?:happens|happen|applies|apply|is\s+held|are\s+held|is\s+triggered|kicks\s+in)\s+only\s+"
    r"(?:if|when|where)\b"
)
# ... but "Why were the boxes put through the count a second time?" and "How can members
# trust a count overseen by an officer he picked?" take it as done
_WHY = re.compile(
    r"(?:^|[\u2014\u2013:,-]\s*)(?:why|how\s+come|how\s+(?:can|could|does|did|do|is|was|were|are))\s"
)
# ... and so does a question that expects the answer yes: "Isn't it the case that the
# regulator found he rigged it?", "Didn't the union pay for her leaflets?"
_LEADING = re.compile(
    r"^\W*(?:(?:but|and|so|yet)\s+)?(?:(?:is|was|are|were|did|does|do|has|have|had|wo|would|ca|"
    r"could|should)n't|is\s+it\s+any\s+wonder)(?![\w-])"
)
# "Claims that postal votes went uncounted have been shared thousands of times": the
# claim reported as going round, which the article goes on to check
_CIRCULATING = re.compile(
    r"\W*(?:the\s+)?(?:claims?|allegations?|rumou?rs?|suggestions?|stories|posts?)\s+"
    r"(?:[^,;]{0,40}?\s+)?that\s[^;]{0,200}?\s(?:have|has|had)\s+(?:not\s+)?(?:been\s+)?"
    r"(?:shared|circulat\w+|spread|surfaced|resurfaced|aired|swirled|gone\s+viral|"
    r"done\s+the\s+rounds)(?![\w-])"
)
# a scope's reason that is time words the text gave: "'last year'"
_QUOTED_TIME = re.compile(r"'((?:last|next|this|previous)\s+(?:year|month|week|time))'")
_GRANTED = WEAK | {"together"}  # concepts a sentence's words are not asked for
_ASKED_WHETHER = re.compile(
    r"(?<![\w-])(?:ask|asks|asked|asking|wonder|wonders|wondered|wondering|query|queried|"
    r"questions?\s+(?:over|about)|questioned)\s+(?:\w+\s+){0,2}?(?:whether|if)(?![\w-])"
    # "demanded she say who was paying for it": a question put, nothing asserted
    r"|(?<![\w-])(?:demand|demanded|demanding|demands|ask|asked|asking|asks|challenged|"
    r"challenging|dared)\s+(?:\w+\s+){0,2}?(?:to\s+)?(?:say|explain|reveal|disclose|name|"
    r"tell\s+\w+)\s+(?:who|whose)\s"
)
CHALLENGED = "challenged_claim"  # recorded, not flagged: the article rebuts the claim
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
    rf"which\s+(?:is|was)(?:n't|\s+not)\s+(?:true|right|correct|so)|"
    rf"(?:although|though|but)\s+(?:there\s+(?:is|was)\s+)?no|but\s+(?:they|it|that|this|these|"
    rf"those)\s+(?:were|was|is|are|did|does|do|had|has|have)\s*(?:not|n't))(?![\w-])"
)


# How long something has stood: "has been in the constitution since 2014", "dates from 1996"
_SINCE = re.compile(
    r"(?<![\w-])(?:(?:has|have|had)\s+(?:been|existed|stood|applied)\b[^.;]{0,60}?\bsince\s+"
    r"(?:19|20)\d\d|(?:dates|dated|dating)\s+(?:back\s+)?(?:from|to)\s+(?:19|20)\d\d|"
    r"in\s+place\s+since\s+(?:19|20)\d\d|(?:has|have)\s+(?:been\s+)?used\s+(?:in|at)\s+every)"
)
# An answer that opens with a plain "No." ("LUND: No. We set aside 27 ballots").
_ANSWER_NO = re.compile(r"^\W*(?:[a-z][a-z .'\u2019-]{0,30}:\s*)?(?:no|nope)\s*[.!;,\u2014-]")


def _verdict_after(other: Sent, sent: Sent) -> bool:
    """A short verdict just after the claim is about it: "The record does not support
    that.", "And it's just wrong.", "What do you make of that? - It's nonsense."."""
    return (
        sent.index < other.index <= sent.index + 2 and len(re.findall(r"[a-z]+", other.norm)) <= 10
    )


# how a scope names its reason: by a person it names, or by words it quotes
_BY_PEOPLE = re.compile(r"names |a relative clause on ")
_QUOTED = re.compile(r"'([^']+)'")


@dataclass
class Hit:
    claim: Claim
    sent: Sent
    score: float
    negated: bool
    have: int = 0  # the variant's concepts the sentence holds, as a mask of the index
    whom: frozenset[str] = frozenset()  # the people the variant names
    reading: Reading | None = None
    named: tuple[tuple[str, int], ...] = ()  # the variant's concepts and their bits

    @property
    def span(self) -> tuple[int, int] | None:
        """From the first to the last matched concept."""
        spans = self.reading.spans if self.reading else {}
        got = [spans[c] for c, bit in self.named if bit & self.have and c in spans]
        return (min(a for a, _ in got), max(b for _, b in got)) if got else None


def _within(a: int, b: int) -> bool:
    """Is the set of concepts ``a`` (a mask) a proper part of ``b``?"""
    return a != b and not a & ~b


def _contests_of(facts: Facts, claim: Claim) -> frozenset[str]:
    """The contests a claim is about: this one, and a related one its words name by year
    or alias ("Waaka rigged the 2024 ballot")."""
    words = normalise(" ".join([claim.claim, *claim.paraphrases]))
    by_year = {
        c.key
        for c in facts.contests.values()
        if c.key != "this" and c.year and re.search(rf"(?<!\d){c.year}(?!\d)", words)
    }
    by_alias = {
        key
        for key, _, rx in facts.once("scope.related_aliases", related_aliases)
        if rx.search(words)
    }
    return frozenset({"this", *by_year, *by_alias})


def _widest(hits: list[Hit]) -> list[Hit]:
    """The claims a sentence repeats, less those another claim explains better: a claim
    whose matched words and people are all matched by another's, and fewer ("Union staff
    misused the count" is not repeated by "Staff broke rules obliging them to stay
    neutral" when a neutrality claim holds every one of its words and more).  Claims
    matched by words or people of their own are all kept: a sentence may repeat two."""
    if len(hits) < 2:
        return hits
    top: dict[tuple[int, frozenset[str]], float] = {}  # (words, people) -> score
    for h in hits:
        key = (h.have, h.whom)
        top[key] = max(top.get(key, 0.0), h.score)
    return [
        h
        for h in hits
        if not any(
            h.whom <= whom
            and (_within(h.have, have) or h.have == have and (h.whom < whom or h.score < score))
            for (have, whom), score in top.items()
        )
    ]


def _paired(doc: Document, sent: Sent) -> bool:
    """Two people named together as one subject ("Pike and Lund", "X, Y and Z")."""
    ms = [m for m in sent.mentions if m.kind == "person" and m.person]
    for a, b in zip(ms, ms[1:], strict=False):
        if a.person != b.person and re.fullmatch(
            r"\s*(?:,|,?\s+and|,?\s+&)\s*", doc.norm[a.end : b.start]
        ):
            return True
    return False


@register
class ClaimRule:
    kinds = ("unchallenged_claim", CHALLENGED)

    def __init__(self, facts: Facts):
        self.facts = facts
        self.index = ClaimIndex(facts)
        self.thesaurus = self.index.thesaurus
        self.details = {c.id: details(facts, c) for c in facts.claims}
        self.about = {c.id: _contests_of(facts, c) for c in facts.claims}

    def check(self, doc: Document) -> list[Finding]:
        index = self.index
        if not index.variants:
            return []
        hits: list[Hit] = []
        for sent in doc.sentences:
            # Fewer of any variant's concepts than it needs, or not its key or its people:
            # asked of the words first (at least what a reading finds, with the weak
            # concepts and "together" granted), then of the reading.
            people = {m.person for m in sent.mentions if m.person}
            maybe = index.trigger.held(sent.words, sent.norm) | _GRANTED
            if not index.possible(maybe, people):
                continue
            norm = sent.norm
            leading = _LEADING.match(norm)
            if (
                norm.rstrip(" \"'").endswith("?")
                and not leading
                and not _WHY.search(norm, 0, 40)
                or _ASKED_WHETHER.search(norm)
            ):
                continue  # a question asserts nothing: "Should there have been a runoff?"
            if _COUNTERFACTUAL.search(norm):
                continue  # nor does what would have been: "Had his votes been added, ..."
            if _CIRCULATING.match(norm):
                continue  # nor a report that it goes round: "Claims that ... have been shared"
            if leading:  # its "isn't" denies nothing
                norm = " " * leading.end() + norm[leading.end() :]
            reading = self.thesaurus.read(norm, sent.start)
            if not index.possible(reading.concepts | {"together"}, people):
                continue
            best = self._best(doc, sent, reading)
            if best:
                # not about another contest than the claim's own
                hits.extend(
                    h for h in _widest(list(best.values())) if self._about_its_contest(doc, h)
                )
        return self._findings(doc, hits)

    def _about_its_contest(self, doc: Document, hit: Hit) -> bool:
        """Is the clause that says it about the claim's contest ("... who could remember
        the last time staff votes counted double": that time, not this election)?"""
        span = hit.span
        scope = scope_at(doc, hit.sent, span[0] if span else hit.sent.start)
        if _BY_PEOPLE.match(scope.why):
            # placed by somebody it names, who stood elsewhere too: the claim's people are
            # its own, so the sentence's place decides
            scope = scope_at(doc, hit.sent, hit.sent.start)
        return scope.contest in self.about[hit.claim.id] or self._own_time(hit, scope.why)

    def _own_time(self, hit: Hit, why: str) -> bool:
        """Is the time that placed the sentence in another contest a word of the claim
        itself ("Pike retired last year": when she retired, not which election; "picked
        Rowe as his successor")?"""
        m = _QUOTED_TIME.fullmatch(why) or _QUOTED.fullmatch(why)
        if m is None:
            return False
        words = set().union(*(self.thesaurus.read(w).concepts for w in m.group(1).split()))
        own = {c for c, _ in hit.named} | self.index.claim_content.get(hit.claim.id, frozenset())
        return bool(words) and words <= own

    def _best(self, doc: Document, sent: Sent, reading: Reading) -> dict[str, Hit]:
        """Claim id -> the variant the sentence repeats best (a statement before a denial),
        unless the sentence states the fact that refutes it."""
        people = {m.person for m in sent.mentions if m.person}
        if sent.reported and len(doc.norm[sent.reported[0] : sent.end].split()) > 3:
            # The speaker of reported speech is not an actor of what is said ("Pike said
            # employees had breached guidelines" does not repeat "Pike misused the
            # guidance"), unless the words said name or point back to them.
            start = sent.reported[0]
            people = {m.person for m in sent.mentions if m.person and m.start >= start}
        if _paired(doc, sent) or several(sent.norm):
            reading.concepts.add("together")  # "Pike and Lund want ...", "both rivals"
        best: dict[str, Hit] = {}
        stated: dict[tuple[str, int], bool] = {}  # (claim, concepts held) -> states its fact
        held = self.index.mask(reading.concepts)
        alone = "only" in reading.concepts
        denied = self.index.mask(reading.negated)
        core_mask = self.index.core_mask
        for v, have in self.index.candidates(people, reading, held, alone=alone):
            n = have.bit_count()
            score = n / len(v.content)
            prev = best.get(v.claim.id)
            if prev is not None and score < prev.score:
                continue
            # Denied when a concept that carries the claim (a thesaurus group other than
            # a plain noun: "not support", "no rule", "will not join") is negated where
            # the claim does not negate it, or the reverse.
            core = have & core_mask
            negated = bool((core & denied) ^ (core & v.negated_mask))
            # A claim that denies something ("Pike is not a Northgate graduate") is
            # contradicted by a sentence that affirms it ("Pike, a Northgate graduate").
            negated = negated or bool(have & v.negated_mask & ~denied & ~core_mask)
            if prev is not None and (score, not negated) <= (prev.score, not prev.negated):
                continue
            key = (v.claim.id, n)
            states = stated.get(key)
            if states is None:
                states = stated[key] = self.index.states_fact(v.claim, held, n)
            if states:
                continue  # the sentence states the fact that refutes the claim
            best[v.claim.id] = Hit(v.claim, sent, score, negated, have, v.people, reading, v.named)
        return best

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
    def _has(
        doc: Document, sent: Sent, name: str, rx: re.Pattern[str] | Callable[[str], bool]
    ) -> bool:
        key = ("claims." + name, sent.index)
        got = doc.memo.get(key)
        if got is None:
            got = bool(rx.search(sent.norm) if isinstance(rx, re.Pattern) else rx(sent.norm))
            doc.memo[key] = got
        return bool(got)

    def _rebuttal(self, doc: Document, hit: Hit, denied: list[Hit]) -> str:
        sent = hit.sent
        cites = self.details[hit.claim.id]
        if (
            self._has(doc, sent, "inline", _INLINE)
            or self._has(doc, sent, "strong", _STRONG_REBUT)
            or states_fact(sent.text, cites)
        ):
            return sent.text
        if denied:
            return denied[0].sent.text
        for other in _neighbours(doc, sent):
            verdict = self._has(doc, other, "verdict", _VERDICT) or bool(
                _ANSWER_NO.match(other.norm)
            )
            if (
                self._has(doc, other, "strong", _STRONG_REBUT)
                or (self._has(doc, other, "rebut", _rebuts) or verdict)
                and self._about(other, hit)
                or verdict
                and _verdict_after(other, sent)
                or self._neighbour_states_fact(doc, other, hit)
                or self._long_standing(other, hit)
                or states_fact(other.text, cites)
            ):
                return other.text
        return self._opening_rebuttal(doc, hit)

    def _opening_rebuttal(self, doc: Document, hit: Hit) -> str:
        """A rebuttal two sentences before that speaks of the claim ("There was no runoff
        requirement. Let's get that out of the way first, because ... The hosts argue that
        Rowe didn't clear 50 percent ...")."""
        if hit.sent.index < 2:
            return ""
        other = doc.sentences[hit.sent.index - 2]
        if (
            self._has(doc, other, "strong", _STRONG_REBUT)
            or self._has(doc, other, "rebut", _rebuts)
        ) and self._about(other, hit):
            return other.text
        return ""

    def _long_standing(self, other: Sent, hit: Hit) -> bool:
        """ "... claimed the majority rule was new. It has been in the constitution since
        2014.": a claim that something is new, answered by how long it has stood."""
        content = self.index.claim_content.get(hit.claim.id, frozenset())
        return "novel" in content and bool(_SINCE.search(other.norm))

    def _neighbour_states_fact(self, doc: Document, other: Sent, hit: Hit) -> bool:
        """ "... had suggested head office ran the count. The report makes clear that the
        scrutineer conducted and counted the ballot itself.": the fact, stated nearby."""
        key = ("claims.stripped", other.index)
        found = doc.memo.get(key)
        if not isinstance(found, int):
            found = self.index.mask(
                self.thesaurus.read(strip_people(self.facts, other.text)).concepts - WEAK
            )
            doc.memo[key] = found
        content = self.index.content_masks.get(hit.claim.id, 0)
        claimed = (content & found).bit_count()
        return self.index.states_fact(hit.claim, found, claimed, parts=True)

    def _about(self, other: Sent, hit: Hit) -> bool:
        """Does a sentence holding rebuttal words speak of this claim: of its specific
        concepts, or of any of them with a person the claim names ("Lund said he had
        played no part in the complaint")?"""
        reading = self.thesaurus.read(other.norm)
        content = self.index.claim_content.get(hit.claim.id, frozenset())
        shared = reading.concepts & content
        if shared - self.thesaurus.common:
            return True
        named = self.index.claim_people.get(hit.claim.id, frozenset())
        return bool(shared) and any(m.person in named for m in other.mentions)


def _neighbours(doc: Document, sent: Sent) -> list[Sent]:
    """The sentences a rebuttal of a claim in ``sent`` may stand in: the one before and
    the two after, not counting the claimant's own quotation that runs on after it
    ("... says ballots were mailed late. 'Our people got them a week late. ...,' Kuchar
    said. The union's own records say otherwise.")."""
    out = doc.sentences[max(0, sent.index - 1) : sent.index]
    budget, j = 2, sent.index + 1
    while budget and j < len(doc.sentences) and j <= sent.index + 5:
        nxt = doc.sentences[j]
        out.append(nxt)
        if doc.quote_at(nxt.start, nxt.start + 1) is None:
            budget -= 1
        j += 1
    return out
