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

import re
from dataclasses import dataclass

from factwatch.claims.facts import Facts, FalseClaim
from factwatch.claims.text import Document, Sent


@dataclass
class ClaimHit:
    claim: FalseClaim
    sent: Sent
    start: int  # first concept match
    end: int
    score: float
    challenged: bool = False
    rebuttal: str = ""


def _join(patterns: list[re.Pattern]) -> re.Pattern | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE)


class ClaimChecker:
    def __init__(self, facts: Facts):
        self.facts = facts
        self.index: dict[str, list[tuple[int, FalseClaim]]] = {}
        for pos, claim in enumerate(facts.false_claims):
            for k in claim.keywords:
                self.index.setdefault(k, []).append((pos, claim))
        # Each concept group joined into one pattern: one scan finds its earliest match.
        self.groups = {c.id: [_join(g) for g in c.require] for c in facts.false_claims}
        self.rebuttal_any = {c.id: _join(c.rebuttals) for c in facts.false_claims}
        self.generic = _join(facts.generic_rebuttals)
        self.inline = _join(facts.inline_rebuttals)

    def _claims(self, sent: Sent) -> list[FalseClaim]:
        seen: dict[int, FalseClaim] = {}
        for w in sent.words & self.index.keys():
            for pos, claim in self.index[w]:
                seen[pos] = claim
        return [seen[pos] for pos in sorted(seen)]

    def check_sentence(self, doc: Document, sent: Sent) -> list[ClaimHit]:
        hits: list[ClaimHit] = []
        text = doc.text
        for claim in self._claims(sent):
            spans = []
            for group in self.groups[claim.id]:
                m = group.search(text, sent.start, sent.end) if group else None
                if m is None:
                    break
                spans.append(m.span())
            else:
                rebut = self.rebuttal_any[claim.id]
                if rebut and rebut.search(sent.text):
                    continue  # the sentence states the correction
                first = min(s for s, _ in spans)
                # "There was no guideline...", "staff were not bound by...", "its
                # guidance placed no duty of neutrality": a negated first concept,
                # wherever it is named, states the correction, not the claim.
                if self._denied(doc, sent, self.groups[claim.id][0]):
                    continue
                if doc.scope_at(sent, first, max(e for _, e in spans)) == "other":
                    continue
                score = len(spans) + sum(
                    1 for g in claim.boost if any(p.search(sent.text) for p in g)
                )
                hits.append(ClaimHit(claim, sent, sent.start, sent.end, score))
        return hits

    @staticmethod
    def _denied(doc: Document, sent: Sent, group: re.Pattern | None) -> bool:
        """Is any mention of the claim's first concept negated in its clause?"""
        if group is None:
            return False
        for m in group.finditer(doc.text, sent.start, sent.end):
            cs, _ = doc.clause_of(sent, m.start())
            if doc.negated_before(m.start(), min(cs, m.start()), words=4):
                return True
        return False

    def challenge(self, doc: Document, hit: ClaimHit) -> None:
        """Set hit.challenged when the article rebuts the claim."""
        rebut = self.rebuttal_any[hit.claim.id]
        if rebut:
            m = doc.memo(("rebuttal", hit.claim.id), lambda: rebut.search(doc.text))
            if m:
                sent = next((s for s in doc.sentences if s.start <= m.start() < s.end), None)
                hit.challenged, hit.rebuttal = True, sent.text if sent else m.group(0)
                return
        if self.inline and self.inline.search(hit.sent.text):
            hit.challenged, hit.rebuttal = True, hit.sent.text
            return
        lo = max(0, hit.sent.index - 1)
        window = doc.sentences[lo : hit.sent.index + 1 + self.facts.rebuttal_window]
        for sent in window:
            if self.generic and self.generic.search(sent.text):
                hit.challenged, hit.rebuttal = True, sent.text
                return
