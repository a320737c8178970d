"""The claim matcher: run every finding rule over an article.

    matcher = Matcher(load_facts("my-election.toml"))         # build once
    findings = matcher.check(article)                         # per article

The article is read once (``read``: sentences, clauses, quotations, the
people and organisations named) and every registered rule
(``claims.rules``) checks it.  Findings quote the sentence that carries the
offending words (``quote == article.text[start:end]``); the exact phrase and
its offsets are in ``details``, and the explanation names the contest and
the measure judged.
"""

from __future__ import annotations

from factwatch.claims.entities import annotate
from factwatch.claims.facts import Facts
from factwatch.claims.rules import Rule, build_rules, reported_kinds

# The rule modules register themselves on import.
from factwatch.claims.rules import claims as _claims  # noqa: F401
from factwatch.claims.rules import figures as _figures  # noqa: F401
from factwatch.claims.rules import framing as _framing  # noqa: F401
from factwatch.claims.rules import omission as _omission  # noqa: F401
from factwatch.claims.rules import placings as _placings  # noqa: F401
from factwatch.claims.text import Document
from factwatch.core.records import Article, Finding

__all__ = ["Matcher", "check_article", "read", "reported_kinds"]


def read(article: Article, facts: Facts) -> Document:
    """An article read for checking: the text model plus the people it names."""
    doc = Document(article, facts)
    annotate(doc)
    return doc


class Matcher:
    """The rules for one facts file; ``check`` is cheap per article."""

    def __init__(self, facts: Facts):
        self.facts = facts
        self.rules: list[Rule] = build_rules(facts)

    def check(self, article: Article) -> list[Finding]:
        doc = read(article, self.facts)
        if not self.relevant(doc):
            return []
        findings: list[Finding] = []
        for rule in self.rules:
            findings.extend(rule.check(doc))
        if self.facts.quiet_patterns:  # the facts file's own "never flag" sentences
            findings = [f for f in findings if not self.facts.is_quiet(f.quote)]
        findings.sort(key=lambda f: (f.start, f.kind))
        return findings

    def relevant(self, doc: Document) -> bool:
        """Does the article name any of this election's candidates?"""
        here = set(self.facts.this.people)
        return any(
            m.person in here and m.kind == "person" for s in doc.sentences for m in s.mentions
        )


def check_article(article: Article, facts: Facts) -> list[Finding]:
    """Check one article against one facts file (builds the rules each call)."""
    return Matcher(facts).check(article)
