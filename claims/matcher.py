"""The claim matcher: run every rule of one facts file over an article.

    matcher = Matcher(load_facts("facts/unite-2017.toml"))   # compile once
    findings = matcher.check(article)                         # per article

Findings quote the sentence that carries the offending words (``quote ==
article.text[start:end]``); the exact phrase and its offsets are in
``details``.  One finding per rule family and sentence; a phrase repeated
(headline and body) is reported once.
"""

from __future__ import annotations

from factwatch.claims.facts import Facts
from factwatch.claims.figures import FigureChecker, FigureIssue
from factwatch.claims.findings import RECORDED_KINDS
from factwatch.claims.framing import FramingChecker, FramingHit
from factwatch.claims.omission import check_omission
from factwatch.claims.text import Document, Sent
from factwatch.claims.unchallenged import ClaimChecker, ClaimHit
from factwatch.core.records import Article, Finding

_RANK = {"low": 0, "medium": 1, "high": 2}


def _fmt(value: float, unit: str) -> str:
    text = f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"
    return text + ("%" if unit == "percent" else "")


class Matcher:
    """Compiled rules for one facts file; ``check`` is cheap per article."""

    def __init__(self, facts: Facts):
        self.facts = facts
        self.framing = FramingChecker(facts)
        self.figures = FigureChecker(facts)
        self.claims = ClaimChecker(facts)

    # -- public -------------------------------------------------------------------------
    def check(self, article: Article) -> list[Finding]:
        doc = Document(article, self.facts)
        if not doc.relevant():
            return []
        findings: list[Finding] = []
        seen_phrases: set[tuple[str, str]] = set()
        claim_hits: list[ClaimHit] = []
        order = sorted(doc.sentences, key=lambda s: (s.headline, s.index))
        for sent in order:
            hits = self.framing.check_sentence(doc, sent)
            fresh = []
            for h in hits:
                key = (h.rule.id, " ".join(h.phrase.lower().split()))
                if key not in seen_phrases:
                    seen_phrases.add(key)
                    fresh.append(h)
            if fresh:
                best = max(fresh, key=lambda h: (_RANK[h.rule.severity], h.rule.confidence))
                findings.append(self._framing(doc, best, fresh))
            issues: dict[str, FigureIssue] = {}
            for issue in self.figures.check_sentence(doc, sent):
                issues.setdefault(issue.figure.id, issue)
            for issue in issues.values():
                key = ("figure:" + issue.figure.id, issue.number.text.lower())
                if key not in seen_phrases:
                    seen_phrases.add(key)
                    findings.append(self._figure(doc, issue))
            claim_hits.extend(self.claims.check_sentence(doc, sent))
        findings.extend(self._claims(doc, claim_hits))
        omission = check_omission(doc, self.facts)
        if omission:
            findings.append(self._omission(doc, omission))
        findings.sort(key=lambda f: (f.start, f.kind))
        return findings

    # -- builders -----------------------------------------------------------------------
    def _base(
        self,
        doc: Document,
        sent: Sent,
        kind: str,
        rule_id: str,
        fact_ids: list[str],
        explanation: str,
        phrase: tuple[int, int] | None,
    ) -> Finding:
        start, end = sent.start, sent.end
        while end > start and doc.text[end - 1].isspace():
            end -= 1
        facts = [self.facts.fact(f) for f in fact_ids]
        where = phrase or (start, end)
        voice, speaker = doc.voice_at(sent, *where)
        idx = next(
            (s.index for s in doc.article.sentences if s.start <= start < s.end + 1), sent.index
        )
        para = next(
            (p.index for p in doc.article.paragraphs if p.start <= start <= p.end), sent.paragraph
        )
        details = {
            "election": self.facts.election.id,
            "facts_version": self.facts.version,
            "headline": sent.headline,
        }
        if phrase:
            details.update(
                phrase=doc.text[phrase[0] : phrase[1]], phrase_start=phrase[0], phrase_end=phrase[1]
            )
        return Finding(
            kind=kind,
            rule_id=rule_id,
            quote=doc.text[start:end],
            start=start,
            end=end,
            explanation=explanation,
            fact_ids=fact_ids,
            correction=" ".join(f.statement for f in facts),
            fact_sources=list(dict.fromkeys(self.facts.source_text(f.source) for f in facts)),
            sentence_index=idx,
            paragraph_index=para,
            speaker=speaker,
            voice=voice,
            details=details,
        )

    def _framing(self, doc: Document, hit: FramingHit, all_hits: list[FramingHit]) -> Finding:
        f = self._base(
            doc,
            hit.sent,
            "framing",
            hit.rule.id,
            [hit.rule.fact],
            hit.rule.explanation,
            (hit.start, hit.end),
        )
        f.severity = hit.rule.severity if f.voice == "outlet" else _lower(hit.rule.severity)
        f.confidence = hit.rule.confidence
        if len(all_hits) > 1:
            f.details["also"] = [h.phrase for h in all_hits if h is not hit]
        return f

    def _figure(self, doc: Document, issue: FigureIssue) -> Finding:
        fig, n = issue.figure, issue.number
        who = self.facts.candidate(fig.subject).name + "'s " if fig.subject else ""
        what = {
            "votes": "vote",
            "participation": "turnout/total vote",
            "margin": "margin",
            "ballots": "ballot papers",
            "spoiled": "spoiled papers",
            "nominations": "nominations",
        }.get(issue.measure, issue.measure)
        explanation = (
            f"States {who}{what} as '{n.text.strip()}' ({n.qualifier}); the "
            f"recorded figure is {_fmt(fig.value, fig.unit)}."
        )
        f = self._base(
            doc,
            issue.sent,
            "figure",
            f"figure.{issue.measure}",
            [fig.id],
            explanation,
            (n.qual_start if n.qual_start is not None else n.start, n.end),
        )
        f.severity = "high" if abs(n.value - fig.value) > 0.15 * fig.value else "medium"
        f.confidence = 0.85 if issue.strong else 0.7
        f.details.update(
            value=n.value,
            unit=n.unit,
            qualifier=n.qualifier,
            measure=issue.measure,
            subject=fig.subject or None,
            recorded=fig.value,
        )
        return f

    def _claims(self, doc: Document, hits: list[ClaimHit]) -> list[Finding]:
        out: list[Finding] = []
        by_claim: dict[str, list[ClaimHit]] = {}
        for h in hits:
            self.claims.challenge(doc, h)
            by_claim.setdefault(h.claim.id, []).append(h)
        for group in by_claim.values():
            challenged = any(h.challenged for h in group)
            best = max(group, key=lambda h: (h.score, not h.sent.headline, -h.sent.index))
            claim = best.claim
            if challenged:
                kind, expl = (
                    RECORDED_KINDS[0],
                    (
                        f"Repeats a recorded false claim ({claim.claim}) but the article "
                        "challenges it."
                    ),
                )
            else:
                kind, expl = "unchallenged_claim", claim.explanation
            f = self._base(doc, best.sent, kind, claim.id, [claim.fact], expl, None)
            f.challenged = challenged
            f.severity = "low" if challenged else claim.severity
            f.confidence = min(1.0, claim.confidence + 0.05 * (best.score - len(claim.require)))
            if challenged:
                f.details["rebuttal"] = next(h.rebuttal for h in group if h.challenged)
            out.append(f)
        return out

    def _omission(self, doc: Document, hit) -> Finding:  # noqa: ANN001
        names = [self.facts.candidate(c).name for c in hit.missing]
        expl = (
            f"Reports the contest but never mentions {', '.join(names)}: there were "
            f"{len(self.facts.candidates)} candidates."
        )
        listed = self.facts.election.candidates_fact
        fact_ids = (
            [listed]
            if listed
            else [f.id for f in self.facts.figures if f.subject in hit.missing][:1]
        )
        if not fact_ids:
            fact_ids = list(self.facts.facts)[:1]
        f = self._base(doc, hit.sent, "omission", "omission.candidate", fact_ids, expl, None)
        f.severity, f.confidence = "medium", 0.75
        f.details["missing"] = hit.missing
        return f


def _lower(severity: str) -> str:
    return {"high": "medium", "medium": "low"}.get(severity, "low")


def check_article(article: Article, facts: Facts) -> list[Finding]:
    """Check one article against one facts file (compiles the rules each call)."""
    return Matcher(facts).check(article)
