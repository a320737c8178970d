"""Recorded false claims: find them in any paraphrase and see whether the article rebuts them.

A claim is a set of concept groups from the facts file (for the neutrality
complaint: a rule or duty, and neutrality); a sentence repeats the claim when
every group matches, unless the clause is negated ("there was no rule
requiring neutrality" states the correction, not the claim).  The article
challenges the claim when it carries one of the claim's own rebuttals
anywhere ("no such guideline exists"), a hedge in the same sentence
("falsely claimed"), or a generic rebuttal ("Unite rejected the claim")
within a few sentences after it.
"""

from __future__ import annotations

from dataclasses import dataclass

from claims.facts import FalseClaim, Facts
from claims.text import Document, Sent


@dataclass
class ClaimHit:
    claim: FalseClaim
    sent: Sent
    start: int  # first concept match
    end: int
    score: float
    challenged: bool = False
    rebuttal: str = ""


class ClaimChecker:
    def __init__(self, facts: Facts):
        self.facts = facts
        self.index: dict[str, list[FalseClaim]] = {}
        for claim in facts.false_claims:
            for k in claim.keywords:
                self.index.setdefault(k, []).append(claim)

    def _claims(self, sent: Sent) -> list[FalseClaim]:
        seen: dict[str, FalseClaim] = {}
        for w in sent.words:
            for c in self.index.get(w, ()):
                seen.setdefault(c.id, c)
        return [c for c in self.facts.false_claims if c.id in seen]

    def check_sentence(self, doc: Document, sent: Sent) -> list[ClaimHit]:
        hits: list[ClaimHit] = []
        text = doc.text
        for claim in self._claims(sent):
            spans = []
            for group in claim.require:
                best = None
                for p in group:
                    m = p.search(text, sent.start, sent.end)
                    if m and (best is None or m.start() < best[0]):
                        best = (m.start(), m.end())
                if best is None:
                    break
                spans.append(best)
            else:
                if any(p.search(sent.text) for p in claim.rebuttals):
                    continue  # the sentence states the correction
                first = min(s for s, _ in spans)
                # "There was no guideline...", "staff were not bound by...": the
                # negated first concept states the correction, not the claim.
                rule_at = spans[0][0]
                cs, _ = doc.clause_of(sent, rule_at)
                if doc.negated_before(rule_at, min(cs, rule_at), words=4):
                    continue
                if doc.scope_at(sent, first, max(e for _, e in spans)) == "other":
                    continue
                score = len(spans) + sum(
                    1 for g in claim.boost if any(p.search(sent.text) for p in g)
                )
                hits.append(ClaimHit(claim, sent, sent.start, sent.end, score))
        return hits

    def challenge(self, doc: Document, hit: ClaimHit) -> None:
        """Set hit.challenged when the article rebuts the claim."""
        for sent in doc.sentences:
            for p in hit.claim.rebuttals:
                m = p.search(sent.text)
                if m:
                    hit.challenged, hit.rebuttal = True, sent.text
                    return
        for p in self.facts.inline_rebuttals:
            if p.search(hit.sent.text):
                hit.challenged, hit.rebuttal = True, hit.sent.text
                return
        window = doc.sentences[hit.sent.index : hit.sent.index + 1 + self.facts.rebuttal_window]
        for sent in window:
            for p in self.facts.generic_rebuttals:
                if p.search(sent.text):
                    hit.challenged, hit.rebuttal = True, sent.text
                    return
