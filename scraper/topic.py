"""Decide whether a page is about the election being watched.

The terms (candidate names and their spelling variants, the election's name
and aliases, the office) come from the facts file plus ``topic.keywords`` in
config.toml; nothing about any particular election lives here.  All terms are
compiled into one case-insensitive regex that matches whole words only, so
"Unite" matches "Unite" and "UNITE's" but not "united" or "reunite".

A page is kept when it mentions at least ``min_matches`` distinct terms.
Spelling variants of one thing can be grouped (``from_terms``) so that
"Jo Rowe" and "Rowe" count once.

``prefilter`` is the cheaper check on a feed entry before the page is fetched.
Headlines are short and often name nobody ("Union boss re-elected"), so an
entry is skipped only when the feed gives a summary and neither the title nor
the summary mentions a single term; an entry with no summary is always fetched
and judged on its full text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from factwatch.core.errors import ConfigError
from factwatch.core.records import Link


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip().casefold()


def _term_regex(term: str) -> str:
    words = [re.escape(w).replace("'", "['\u2019]") for w in term.split()]
    return r"\s+".join(words)


class TopicFilter:
    """Whole-word, case-insensitive matching of a list of terms.

    ``concepts`` maps a term to the thing it names (spelling variants share one
    concept); a term without an entry is its own concept."""

    def __init__(
        self,
        terms: list[str],
        *,
        min_matches: int = 2,
        concepts: dict[str, str] | None = None,
    ) -> None:
        concepts = concepts or {}
        self._concept: dict[str, str] = {}
        for term in terms:
            if not isinstance(term, str):
                raise ConfigError(f"topic terms: expected a string, got {term!r}")
            key = _normalise(term)
            if key and key not in self._concept:
                self._concept[key] = _normalise(concepts.get(term, term))
        if not self._concept:
            raise ConfigError(
                "topic filter has no terms: name the candidates in the facts file "
                "or add words to topic.keywords in config.toml"
            )
        if isinstance(min_matches, bool) or not isinstance(min_matches, int) or min_matches < 1:
            raise ConfigError(
                f"topic.min_matches: expected a whole number >= 1, got {min_matches!r}"
            )
        available = len(set(self._concept.values()))
        if min_matches > available:
            raise ConfigError(
                f"topic.min_matches: {min_matches} distinct terms required but only "
                f"{available} are known; lower topic.min_matches or add topic.keywords"
            )
        self.min_matches = min_matches
        # Longest first, so "Jo Rowe" wins over "Rowe" at the same place.
        ordered = sorted(self._concept, key=len, reverse=True)
        alternation = "|".join(_term_regex(t) for t in ordered)
        self._regex = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)

    @classmethod
    def from_terms(
        cls, *groups: Iterable[str | Sequence[str]], min_matches: int = 2
    ) -> TopicFilter:
        """Build from one or more term lists (e.g. the facts file's terms and
        ``topic.keywords``).  An item is a term, or a list of spelling variants
        of one thing whose first entry names it: ``["Rowe", "Jo Rowe"]``."""
        terms: list[str] = []
        concepts: dict[str, str] = {}
        for group in groups:
            for item in group:
                if isinstance(item, str):
                    terms.append(item)
                    continue
                variants = list(item)
                bad = [v for v in variants if not isinstance(v, str)]
                if bad or not variants:
                    raise ConfigError(f"topic terms: expected strings, got {item!r}")
                for variant in variants:
                    terms.append(variant)
                    concepts[variant] = variants[0]
        return cls(terms, min_matches=min_matches, concepts=concepts)

    @classmethod
    def from_facts(
        cls, facts: Any, *, keywords: Iterable[str] = (), min_matches: int = 2
    ) -> TopicFilter:
        """Build from a loaded facts file (claims.facts.Facts) plus ``topic.keywords``.

        The election's name and aliases count as one term, the office as one,
        and each candidate (all spelling variants) as one, so an article must
        name two different things (two candidates, or a candidate and the
        election) to pass with ``min_matches = 2``."""
        election = facts.election
        groups: list[list[str]] = [[election.name, *election.aliases]]
        if getattr(election, "office", ""):
            groups.append([election.office])
        groups.extend(list(candidate.names) for candidate in facts.candidates)
        groups = [[t for t in g if t] for g in groups]
        return cls.from_terms([g for g in groups if g], list(keywords), min_matches=min_matches)

    def found(self, title: str = "", text: str = "") -> set[str]:
        """The distinct concepts (normalised) mentioned in title or text."""
        hits: set[str] = set()
        for part in (title or "", text or ""):
            for match in self._regex.finditer(part):
                key = _normalise(match.group(0))
                hits.add(self._concept.get(key, key))
        return hits

    def score(self, title: str = "", text: str = "") -> int:
        """How many distinct terms the page mentions."""
        return len(self.found(title, text))

    def matches(self, title: str = "", text: str = "") -> bool:
        """True when the page mentions at least ``min_matches`` distinct terms."""
        return self.score(title, text) >= self.min_matches

    def prefilter(self, link: Link) -> bool:
        """Whether a discovered link is worth fetching (see the module docstring):
        False only when the feed gave a summary and neither it nor the title
        mentions any term."""
        if not (link.summary or "").strip():
            return True
        return self.score(link.title or "", link.summary or "") > 0
