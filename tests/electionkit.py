"""One fixture election's matcher, built once, and the findings of a few paragraphs."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher
from factwatch.core.records import Article, Finding
from factwatch.core.segment import join_paragraphs, segment

ELECTIONS = Path(__file__).resolve().parent / "fixtures" / "elections"


@cache
def matcher_for(election: str) -> Matcher:
    """The matcher of ``tests/fixtures/elections/ELECTION/facts.toml``."""
    return Matcher(load_facts(ELECTIONS / election / "facts.toml"))


def findings(
    election: str, *paragraphs: str, kind: str, published: str | None = None
) -> list[Finding]:
    """The findings of one kind in an article of these paragraphs."""
    text, paras = join_paragraphs(list(paragraphs))
    a = Article(url="t", canonical_url="t", text=text, paragraphs=paras, published=published)
    a.sentences = segment(paras, text)
    return [f for f in matcher_for(election).check(a) if f.kind == kind]
