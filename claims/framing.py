"""Framing rules: wording that turns a many-candidate race into a two-person one.

The phrase families live in the facts file ([[framings]]); this module runs
them with the context a regular expression cannot see: the clause must not
be negated ("this is not a two-horse race"), the words must be about this
election (not 2013's, not another union's), a phrase set beside somebody who
did not stand here ("the defeated candidate, Jerry Hicks") is about someone
else, and a sentence that names every candidate frames nothing.  A phrase the
article mentions rather than uses ("the BBC called him 'the defeated
candidate'", "often presented as a two-horse race") and corrects nearby
("there were three names on the ballot paper") is the article's criticism of
the framing, not framing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factwatch.claims.facts import Facts, Framing
from factwatch.claims.field import states_field_size
from factwatch.claims.text import Document, Sent

_APPOSITIVE_AFTER = re.compile(
    r"^,?\s+((?:(?:Mr|Mrs|Ms|Dr|Sir)\.?\s+)?[A-Z][a-z'\u2019-]+(?:\s+(?:Mc|Mac)?[A-Z][a-z'\u2019-]+)+)"
)
_APPOSITIVE_BEFORE = re.compile(
    r"((?:(?:Mr|Mrs|Ms|Dr|Sir)\.?\s+)?[A-Z][a-z'\u2019-]+(?:\s+(?:Mc|Mac)?[A-Z][a-z'\u2019-]+)+),\s*$"
)
# Words that introduce a phrase as somebody's label for a thing: "it called him ",
# "presented in the national press as a ", "the so-called ".
_NAMING = re.compile(
    r"(?:\b(?:call(?:ed|s|ing)?|dub(?:bed|s|bing)?|label(?:led|s|ling)?|brand(?:ed|s|ing)?)"
    r"\s+(?:him|her|it|them|the (?:contest|race|election|ballot|vote|result)|"
    r"[A-Z][\w\u2019'-]+(?:\s+[A-Z][\w\u2019'-]+)?)\s+"
    r"|\b(?:present(?:ed|s|ing)?|describ(?:ed|es|ing)|bill(?:ed|s|ing)?|portray(?:ed|s|ing)?|"
    r"paint(?:ed|s|ing)?|characteri[sz](?:ed|es|ing)|depict(?:ed|s|ing)?|fram(?:ed|es|ing)|"
    r"refer(?:red|s|ring)? to|spun|sold)\b"
    r"(?:\s+(?:him|her|it|them))?(?:\s+[\w\u2019'-]+){0,5}?\s+as\s+"
    r"|\bso-called\s+)"
    r"[\"\u201c\u2018']?\s*(?:a|an|the)?\s*[\"\u201c\u2018']?\s*$",
    re.IGNORECASE,
)
_SO_CALLED = re.compile(r"\bso-called\b", re.IGNORECASE)
_NOT_NAMES = {
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "Unite",
    "Labour",
    "Union",
    "General",
    "Secretary",
    "West",
    "Midlands",
    "Friday",
    "Monday",
    "It",
    "He",
    "She",
}


@dataclass
class FramingHit:
    rule: Framing
    sent: Sent
    start: int
    end: int
    phrase: str


class FramingChecker:
    def __init__(self, facts: Facts):
        self.facts = facts
        self.index: dict[str, list[tuple[int, Framing]]] = {}
        for pos, rule in enumerate(facts.framings):
            for k in rule.keywords:
                self.index.setdefault(k, []).append((pos, rule))

    def _rules(self, sent: Sent) -> list[Framing]:
        seen: dict[int, Framing] = {}
        for w in sent.words & self.index.keys():
            for pos, rule in self.index[w]:
                seen[pos] = rule
        return [seen[pos] for pos in sorted(seen)]

    def _other_person(self, doc: Document, sent: Sent, start: int, end: int) -> bool:
        """Is the phrase set beside a named person who is not a candidate here?"""
        after = _APPOSITIVE_AFTER.match(doc.text[end : sent.end])
        before = _APPOSITIVE_BEFORE.search(doc.text[sent.start : start])
        for m in (after, before):
            if not m:
                continue
            name = m.group(1)
            if name.split()[0] in _NOT_NAMES:
                continue
            if not any(
                c.pattern is not None and c.pattern.search(name) for c in self.facts.candidates
            ):
                return True
        return False

    def check_sentence(self, doc: Document, sent: Sent) -> list[FramingHit]:
        hits: list[FramingHit] = []
        text = doc.text
        for rule in self._rules(sent):
            if any(p.search(sent.text) for p in rule.unless):
                continue
            if rule.unless_all_named and len({r.candidate for r in sent.refs}) >= len(
                self.facts.candidates
            ):
                continue
            for pattern in rule.patterns:
                for m in pattern.finditer(text, sent.start, sent.end):
                    if self._accept(doc, sent, rule, m.start(), m.end()):
                        hits.append(FramingHit(rule, sent, m.start(), m.end(), m.group(0)))
                        break
        return hits

    def _accept(self, doc: Document, sent: Sent, rule: Framing, s: int, e: int) -> bool:
        text = doc.text
        before = text[max(sent.start, s - 80) : s]
        after = text[e : sent.end]
        if any(p.search(before) for p in rule.unless_before):
            return False
        if any(p.search(after) for p in rule.unless_after):
            return False
        cs, _ = doc.clause_of(sent, s)
        if doc.negated_before(s, cs):
            return False
        if doc.scope_at(sent, s, e) == "other":
            return False
        if self._mentioned(doc, sent, s, e):
            return False
        return not self._other_person(doc, sent, s, e)

    def _mentioned(self, doc: Document, sent: Sent, s: int, e: int) -> bool:
        """Is the phrase somebody's label the article reports and corrects nearby?"""
        text = doc.text
        labelled = bool(_NAMING.search(text, max(sent.start, s - 80), s)) or bool(
            _SO_CALLED.search(text, s, e)
        )
        if not labelled:
            # Scare quotes around just the phrase: the "two-horse race" narrative.
            labelled = any(s - 3 <= q.start <= s and e <= q.end <= e + 3 for q in sent.quotes)
        if not labelled:
            return False
        lo = doc.sentences[max(0, sent.index - 1)].start
        hi = doc.sentences[min(len(doc.sentences) - 1, sent.index + 2)].end
        return states_field_size(self.facts, text[lo:hi])
