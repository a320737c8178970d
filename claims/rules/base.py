"""What every rule shares: turning a flagged span into a Finding with its evidence."""

from __future__ import annotations

import re
from typing import Any

from factwatch.claims.facts import Facts
from factwatch.claims.model import Figure
from factwatch.claims.numbers import NumberMention
from factwatch.claims.scope import Scope
from factwatch.claims.text import Document, Sent
from factwatch.core.records import Finding

# How a finding's explanation names each measure.
MEASURE_NAMES = {
    "votes": "votes",
    "share": "share of the vote",
    "margin": "margin",
    "total": "total vote",
    "valid": "valid votes",
    "spoiled": "spoiled ballots",
    "turnout": "turnout",
    "electorate": "electorate",
    "nominations": "nominations",
    "count": "count",
    "gain": "gain between rounds",
}


# A count still going on: "early returns", "with 40 of 120 boxes counted", "is ahead by
# about 2,000 votes in the batches counted so far"
PARTIAL_COUNT = re.compile(
    r"(?<![\w-])(?:early\s+(?:count|counts|returns|results|tally|figures|trends)|"
    r"partial\s+(?:count|results?|returns|tally|figures)|"
    r"(?:first|early)\s+(?:\w+\s+)?(?:boxes|ballot\s+boxes|precincts|wards|booths)|"
    r"rounds?\s+of\s+counting|(?:is|was|are|were|still)\s+leading\s+by|"
    r"(?:counted|declared|reported|in)\s+so\s+far|(?:is|are)\s+(?:now\s+)?ahead\s+by|"
    r"(?:with|after|from)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|over\s+)?\w+"
    r"(?:%|\s+per\s?cent)?\s+(?:of|out\s+of)\s+(?:the\s+)?(?:\w+\s+)?(?:boxes|precincts|wards|"
    r"booths|polls|polling\s+stations)\s+(?:counted|in|reporting|declared|reported)|"
    r"(?:first|early)\s+(?:numbers|returns|figures|results)\s+(?:are|were)\s+in|"
    # "tallies from about 92 per cent of boxes": a count of part of the boxes
    r"from\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|over\s+)?\w+"
    r"(?:%|\s+per\s?cent)?\s+of\s+(?:the\s+)?(?:\w+\s+)?(?:boxes|precincts|polls|wards|booths)|"
    r"(?:has|have|had)\s+(?:now\s+)?moved\s+ahead\s+by)(?![\w-])"
)


def contest_words(facts: Facts, scope: Scope | None) -> str:
    """How an explanation names the contest judged."""
    if scope is None or scope.contest == "this":
        return facts.election.name
    if scope.contest in facts.contests:
        return facts.contests[scope.contest].name
    return "another contest"


def make_finding(
    doc: Document,
    sent: Sent,
    *,
    kind: str,
    rule_id: str,
    fact_ids: list[str],
    explanation: str,
    phrase: tuple[int, int] | None = None,
    severity: str = "medium",
    confidence: float = 0.8,
    details: dict[str, Any] | None = None,
    lower_in_quotes: bool = False,
) -> Finding:
    """A finding quoting ``sent`` (the exact phrase and its offsets in ``details``)."""
    facts = doc.facts
    start, end = sent.start, sent.end
    cited = [facts.fact(f) for f in fact_ids if f in facts.facts]
    where = phrase or (start, end)
    voice, speaker = doc.voice_at(sent, *where)
    info: dict[str, Any] = {
        "election": facts.election.id,
        "facts_version": facts.version,
        "headline": sent.headline,
    }
    if phrase:
        info.update(
            phrase=doc.text[phrase[0] : phrase[1]], phrase_start=phrase[0], phrase_end=phrase[1]
        )
    info.update(details or {})
    return Finding(
        kind=kind,
        rule_id=rule_id,
        quote=doc.text[start:end],
        start=start,
        end=end,
        explanation=explanation,
        fact_ids=fact_ids,
        correction=" ".join(f.statement for f in cited),
        fact_sources=list(dict.fromkeys(facts.source_text(f.source) for f in cited)),
        sentence_index=sent.index,
        paragraph_index=sent.paragraph,
        speaker=speaker,
        voice=voice,
        severity=_lower(severity) if lower_in_quotes and voice != "outlet" else severity,
        confidence=confidence,
        details=info,
    )


def figure_details(n: NumberMention, fig: Figure, scope: Scope, **extra: Any) -> dict[str, Any]:
    """The details of a figure finding: the number as given, the recorded figure it was
    judged against (a ``Figure``) and the contest."""
    return {
        "value": n.value,
        "unit": n.unit,
        "qualifier": n.qualifier,
        "measure": fig.measure,
        "subject": fig.subject,
        "recorded": fig.value,
        "contest": scope.contest,
        **extra,
    }


def _lower(severity: str) -> str:
    return {"high": "medium", "medium": "low"}.get(severity, "low")


# A statement set out to be checked, as a fact-check box does: "Claim: X came second."
_CHECKED = re.compile(
    r"^\W*(?:the\s+)?(?:claims?|allegations?|rumou?rs?|myths?)\s*:", re.IGNORECASE
)


def set_out_to_check(doc: Document, sent: Sent) -> bool:
    """Is the sentence a claim set out to be checked ("Claim: Rees-Morgan came second.")?
    Its numbers and places are the claim's, not the writer's."""
    return bool(_CHECKED.match(doc.norm[sent.start : sent.end]))
