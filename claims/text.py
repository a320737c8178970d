"""The text model the rules read: sentences, clauses, quotations, speakers, scope.

``Document.build(article, facts)`` splits the article text into sentences with
offsets into ``article.text``, finds direct quotations and who said them
("Coyne said", "a Unite spokesman said"), marks reported speech ("Coyne said
union employees had..."), finds every reference to a candidate (names,
misspellings, descriptors such as "the incumbent") and decides, from the text
around it, whether a statement is about this election or another one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from factwatch.claims.contenders import foreign_contenders
from factwatch.claims.facts import Candidate, Facts
from factwatch.core.records import Article
from factwatch.core.segment import split_sentences

SPEECH_VERBS = (
    r"said|says|say|added|adds|claimed|claims|claim|insisted|insists|argued|argues|alleged|"
    r"alleges|complained|complains|told|tells|wrote|writes|declared|stated|states|maintained|"
    r"maintains|suggested|suggests|warned|warns|believes|believed|accused|accuses|"
    r"protested|contended|contends|asserted|asserts|noted|explained|explains|commented|"
    r"responded|replied|announced|admitted|conceded|predicted|vowed|pointed out|"
    r"went on(?! to\b)|continued(?! to\b)|tweeted|posted"
)
_SPEAKER_WORDS = (
    r"(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:spokes(?:man|woman|person)|source|official|"
    r"insider|ally|allies|supporter|supporters|campaign|team|camp|union|complaint|statement|"
    r"lawyers?|solicitors?|letter|report|filing|challenge|claim)"
)
_NAME = (
    r"(?:(?:Mr|Mrs|Ms|Dr|Sir)\.?\s+)?[A-Z][a-z'\u2019-]+(?:\s+(?:Mc|Mac)?[A-Z][a-z'\u2019-]+){0,2}"
)
_PRONOUN = r"(?:he|she|they)"
_SPEAKER = rf"(?P<speaker>{_SPEAKER_WORDS}|{_NAME}|{_PRONOUN})"
_SPEAKER2 = _SPEAKER.replace("?P<speaker>", "?P<speaker2>")
_AFTER_QUOTE = re.compile(
    rf"^\s*,?\s*(?:(?:{SPEECH_VERBS})\s+{_SPEAKER}|{_SPEAKER2}\s+(?:{SPEECH_VERBS}))\b"
)
_BEFORE_QUOTE = re.compile(
    rf"{_SPEAKER}\s+(?:(?:has|had|have|then|also|later|previously)\s+)?(?:{SPEECH_VERBS})"
    rf"(?:\s+[\w'\u2019-]+){{0,5}}\s*[:,]?\s*$"
)
_REPORTED = re.compile(
    rf"(?:^|[,;]\s*|\bbut\s+|\band\s+){_SPEAKER}\s+(?:(?:has|had|have|also|then|previously|"
    rf"repeatedly|publicly)\s+)?(?:{SPEECH_VERBS})\b(?:\s+that)?",
)
_ACCORDING = re.compile(rf"\baccording to\s+{_SPEAKER}")
_QUOTE_PAIRS = (("\u201c", "\u201d"), ('"', '"'), ("\u2018", "\u2019"))
_CLAUSE_BREAK = re.compile(
    r"\s*[;:\u2014\u2013]\s*|\s+-\s+|,(?!\s?\d{3}\b)\s*|\s+\((?![^)]*%)|\)\s*"
    r"|\s+(?=(?:but|while|whilst|whereas|although|though|yet)\s)"
)
_YEAR = re.compile(r"(?<![\d,.])(?:19[5-9]\d|20[0-4]\d)(?!\d|,\d)")
_PRONOUN_WORD = re.compile(r"\b(?:he|him|his|she|her)\b", re.IGNORECASE)


@dataclass
class Ref:
    """A reference to a candidate: a name, a misspelling or a descriptor."""

    candidate: str
    start: int  # offsets in article text
    end: int
    by_name: bool


@dataclass
class Quote:
    start: int
    end: int
    speaker: str | None


@dataclass
class Sent:
    index: int
    paragraph: int
    start: int
    end: int
    text: str
    clauses: list[tuple[int, int]] = field(default_factory=list)  # absolute offsets
    refs: list[Ref] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    reported_by: str | None = None  # speaker of reported (indirect) speech
    headline: bool = False
    scope: str = "this"  # "this" or "other": which election the sentence is about
    lower: str = ""
    words: frozenset[str] = frozenset()


class Document:
    """An article read for checking: sentences with everything the rules need."""

    def __init__(self, article: Article, facts: Facts):
        self.article = article
        self.text = article.text
        self.facts = facts
        self.sentences: list[Sent] = []
        self._mark_cache: dict[tuple[int, int], tuple[bool, bool, bool]] = {}
        self._marker_pos: dict[str, tuple[list[int], list[int]]] = {}
        self._anchor_cache: dict[int, bool] = {}
        self._memo: dict[object, Any] = {}
        self.foreign, self.foreign_count = foreign_contenders(self.text, facts)
        self._build()

    # -- construction -------------------------------------------------------------------
    def _spans(self) -> list[tuple[int, int, int]]:
        paragraphs = self.article.paragraphs
        if not paragraphs:
            return [(s, e, 0) for s, e in split_sentences(self.text)]
        out: list[tuple[int, int, int]] = []
        for p in paragraphs:
            out.extend((s, e, p.index) for s, e in split_sentences(self.text, p.start, p.end))
        return out

    def _build(self) -> None:
        title = (self.article.title or "").strip()
        head_end = len(title) if title and self.text.startswith(title) else -1
        for i, (s, e, p) in enumerate(self._spans()):
            sent = Sent(i, p, s, e, self.text[s:e])
            sent.lower = sent.text.lower()
            sent.words = frozenset(re.findall(r"[a-z0-9][a-z0-9'\u2019-]*", sent.lower))
            sent.headline = s < head_end
            sent.clauses = self._clauses(s, e)
            sent.refs = self._refs(s, e)
            self.sentences.append(sent)
        self._starts = [sent.start for sent in self.sentences]
        self.all_quotes = self._quotes()
        for sent in self.sentences:
            sent.quotes = [q for q in self.all_quotes if q.start < sent.end and q.end > sent.start]
            sent.reported_by = self._reported(sent)
        self._scopes()

    def _clauses(self, s: int, e: int) -> list[tuple[int, int]]:
        out, cur = [], s
        for m in _CLAUSE_BREAK.finditer(self.text, s, e):
            if m.start() > cur:
                out.append((cur, m.start()))
            cur = m.end()
        if cur < e:
            out.append((cur, e))
        return out or [(s, e)]

    def _refs(self, s: int, e: int) -> list[Ref]:
        found: list[Ref] = []
        candidates = self.facts.candidates
        if self.facts.any_ref is not None:  # one scan for every candidate
            for m in self.facts.any_ref.finditer(self.text, s, e):
                c = candidates[int(m.lastgroup[1:])] if m.lastgroup else None
                if c is None or c.pattern is None:
                    continue
                by_name = bool(c.pattern.fullmatch(m.group(0)))
                found.append(Ref(c.id, m.start(), m.end(), by_name))
            return found
        for c in candidates:
            assert c.pattern is not None and c.ref_pattern is not None
            for m in c.ref_pattern.finditer(self.text, s, e):
                by_name = bool(c.pattern.fullmatch(m.group(0)))
                found.append(Ref(c.id, m.start(), m.end(), by_name))
        found.sort(key=lambda r: (r.start, -(r.end - r.start)))
        out: list[Ref] = []
        for ref in found:
            if out and ref.start < out[-1].end:
                continue
            out.append(ref)
        return out

    def _quotes(self) -> list[Quote]:
        quotes: list[Quote] = []
        text = self.text
        for open_q, close_q in _QUOTE_PAIRS:
            pos = 0
            while True:
                a = text.find(open_q, pos)
                if a < 0:
                    break
                if open_q == "\u2018" and a > 0 and text[a - 1].isalnum():
                    pos = a + 1
                    continue
                b = text.find(close_q, a + 1)
                if open_q == "\u2018":  # skip apostrophes inside the quotation
                    while b > 0 and b + 1 < len(text) and text[b + 1].isalpha():
                        b = text.find(close_q, b + 1)
                if b < 0:
                    break
                if any(q.start <= a < q.end for q in quotes):
                    pos = a + 1
                    continue
                if b - a > 2:
                    quotes.append(Quote(a, b + 1, self._speaker_of(a, b + 1)))
                pos = b + 1
        quotes.sort(key=lambda q: q.start)
        return quotes

    def _speaker_of(self, a: int, b: int) -> str | None:
        after = self.text[b : b + 80]
        m = _AFTER_QUOTE.match(after)
        if m:
            return self._resolve_speaker(m.group("speaker") or m.group("speaker2"), b)
        para_start = self.text.rfind("\n", 0, a) + 1
        before = self.text[max(para_start, a - 120) : a]
        m = _BEFORE_QUOTE.search(before)
        if m:
            return self._resolve_speaker(m.group("speaker"), a)
        # A quotation that continues the previous one keeps its speaker.
        return None

    def _resolve_speaker(self, speaker: str, pos: int) -> str:
        speaker = " ".join(speaker.split())
        if re.fullmatch(_PRONOUN, speaker, re.IGNORECASE):
            cand = self.subject_before(pos)
            return self.facts.candidate(cand).name if cand else speaker
        for c in self.facts.candidates:
            if c.pattern is not None and c.pattern.fullmatch(speaker):
                return c.name
        return speaker

    def _reported(self, sent: Sent) -> str | None:
        m = _ACCORDING.search(sent.text) or _REPORTED.search(sent.text)
        if not m:
            return None
        speaker = m.group("speaker")
        if speaker.split()[0] in {"The", "A", "An", "But", "And", "It", "This"} and not re.match(
            _SPEAKER_WORDS, speaker, re.IGNORECASE
        ):
            return None
        return self._resolve_speaker(speaker, sent.start + m.start())

    # -- scope ---------------------------------------------------------------------------
    def _marks(self, s: int, e: int) -> tuple[bool, bool]:
        """(mentions this election, mentions another) within text[s:e]."""
        this, other, _ = self._marks3(s, e)
        return this, other

    def _marks3(self, s: int, e: int) -> tuple[bool, bool, bool]:
        """(this, other, this by more than a weak marker) within text[s:e]."""
        key = (s, e)
        if key in self._mark_cache:
            return self._mark_cache[key]
        el = self.facts.election
        this = self._has("this", s, e)
        strong = this and (not el.weak_markers or self._has("strong", s, e))
        other = self._has("other", s, e)
        foreign = self._has("foreign", s, e)
        if foreign:  # a contender of another contest: only this election's year says here
            other, this, strong = True, False, False
        if el.year is not None:
            for y in self._years(s, e):
                if y == el.year:
                    this = strong = True
                else:
                    other = True
        if not strong and not foreign:
            strong = self._exclusive_named(s, e)
            this = this or strong
        self._mark_cache[key] = (this, other, strong)
        return this, other, strong

    def _positions(self, kind: str) -> tuple[list[int], list[int]]:
        """Every ``kind`` marker match in the document, found once: (starts, ends)."""
        if kind not in self._marker_pos:
            el = self.facts.election
            rx = {
                "this": el.any_marker,
                "strong": el.any_strong_marker,
                "other": el.any_other_marker,
                "foreign": self.foreign,
                "year": _YEAR,
            }[kind]
            found = [m.span() for m in rx.finditer(self.text)] if rx is not None else []
            self._marker_pos[kind] = ([a for a, _ in found], [b for _, b in found])
        return self._marker_pos[kind]

    def _has(self, kind: str, s: int, e: int) -> bool:
        """Is a ``kind`` marker match wholly within text[s:e]?"""
        starts, ends = self._positions(kind)
        i = bisect_left(starts, s)
        while i < len(starts) and starts[i] < e:
            if ends[i] <= e:
                return True
            i += 1
        return False

    def _years(self, s: int, e: int) -> list[int]:
        """The four-digit years written within text[s:e]."""
        starts, ends = self._positions("year")
        i, out = bisect_left(starts, s), []
        while i < len(starts) and starts[i] < e:
            if ends[i] <= e:
                out.append(int(self.text[starts[i] : ends[i]]))
            i += 1
        return out

    def _exclusive_named(self, s: int, e: int) -> bool:
        """Is a candidate who stood only here named within text[s:e]?"""
        i = max(0, bisect_right(self._starts, s) - 1)
        for sent in self.sentences[i:]:
            if sent.start >= e:
                break
            for r in sent.refs:
                if s <= r.start < e and r.by_name and self.facts.candidate(r.candidate).exclusive:
                    return True
        return False

    def _scopes(self) -> None:
        # An article whose opening is about another contest stays there unless
        # a paragraph says otherwise.
        default = "this"
        lead = self.sentences[:2]
        if lead:
            marks = [self._marks3(s.start, s.end) for s in lead]
            if any(m[1] for m in marks) and not any(m[2] for m in marks):
                default = "other"
        year = self.facts.election.year
        if self.foreign_count >= 2 and year not in self._years(0, len(self.text)):
            # Several contenders of another contest and never this election's year: the
            # article reports that contest.
            default = "other"
        state, para = default, -1
        for sent in self.sentences:
            if sent.paragraph != para:
                state, para = default, sent.paragraph
            this, other, strong = self._marks3(sent.start, sent.end)
            if other and not this:
                state = "other"
            elif this and (strong or state == "this"):
                state = "this"
            sent.scope = state

    def scope_at(self, sent: Sent, start: int, end: int) -> str:
        """Which election the words at [start, end) are about: "this" or "other"."""
        if self.foreign is not None and self._foreign_sentence(sent):
            return "other"
        for cs, ce in sent.clauses:
            if cs <= start < ce or (start <= cs < end):
                this, other = self._marks(cs, ce)
                if other and not this:
                    return "other"
                if this:
                    return "this"
                break
        this, other = self._marks(sent.start, sent.end)
        if other and this:
            # Mixed sentence, nothing in the words' own clause: a candidate who stood only
            # here settles it ("McCluskey, first elected in 2010, saw off his only rival,
            # Gerard Coyne"); otherwise the nearest marker decides.
            if any(r.by_name and self.facts.candidate(r.candidate).exclusive for r in sent.refs):
                return "this"
            return "other" if self._nearest_other(sent, start) else "this"
        return sent.scope

    def _foreign_sentence(self, sent: Sent) -> bool:
        """Does the sentence name another contest's contender, and not this year?"""
        key = ("foreign", sent.index)
        if key not in self._memo:
            assert self.foreign is not None
            year = self.facts.election.year
            self._memo[key] = self._has("foreign", sent.start, sent.end) and (
                year not in self._years(sent.start, sent.end)
            )
        return self._memo[key]

    def _nearest_other(self, sent: Sent, pos: int) -> bool:
        el = self.facts.election
        best_this, best_other = 10**9, 10**9
        for p in el.other_markers:
            for m in p.finditer(self.text, sent.start, sent.end):
                best_other = min(best_other, abs(m.start() - pos))
        for m in _YEAR.finditer(self.text, sent.start, sent.end):
            d = abs(m.start() - pos)
            if el.year is not None and int(m.group(0)) != el.year:
                best_other = min(best_other, d)
            else:
                best_this = min(best_this, d)
        for ref in sent.refs:
            if self.facts.candidate(ref.candidate).exclusive:
                best_this = min(best_this, abs(ref.start - pos))
        return best_other < best_this

    # -- queries -------------------------------------------------------------------------
    def relevant(self) -> bool:
        """Does the article talk about this election at all?"""
        el = self.facts.election
        named = {r.candidate for s in self.sentences for r in s.refs if r.by_name}
        if any(self.facts.candidate(c).exclusive for c in named):
            return True
        if named:
            return any(p.search(self.text) for p in el.markers) or any(
                a.lower() in self.text.lower() for a in el.aliases
            )
        return False

    def memo(self, key: object, compute: Callable[[], Any]) -> Any:
        """Compute a per-article value once (rules share one Document)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def anchored(self, sent: Sent, window: int = 1) -> bool:
        """Is the sentence, or one next to it, visibly about this election (a candidate
        or an election marker)?  Figures with no such anchor are not judged."""
        lo, hi = max(0, sent.index - window), sent.index + window + 1
        marker = self.facts.election.any_marker
        for s in self.sentences[lo:hi]:
            if s.index not in self._anchor_cache:
                self._anchor_cache[s.index] = bool(s.refs) or bool(marker and marker.search(s.text))
            if self._anchor_cache[s.index]:
                return True
        return False

    def subject_before(self, pos: int) -> str | None:
        """The candidate a pronoun at ``pos`` most likely means: the first one named in
        the nearest sentence (this one, before ``pos``, or an earlier one) naming any."""
        cur = [s for s in self.sentences if s.start <= pos < s.end + 1]
        idx = cur[0].index if cur else len(self.sentences)
        if cur:
            before = [r for r in cur[0].refs if r.end <= pos]
            if before:
                return before[0].candidate
        for s in reversed(self.sentences[max(0, idx - 3) : idx]):
            if s.refs:
                return s.refs[0].candidate
        return None

    def voice_at(self, sent: Sent, start: int, end: int) -> tuple[str, str | None]:
        """("quote", speaker) for quoted or reported words, else ("outlet", None)."""
        for q in self.all_quotes:
            if q.start <= start and end <= q.end + 1:
                return "quote", q.speaker or self._continued_speaker(q)
        if sent.reported_by:
            return "quote", sent.reported_by
        return "outlet", None

    def _continued_speaker(self, q: Quote) -> str | None:
        earlier = [x for x in self.all_quotes if x.end <= q.start and x.speaker]
        return earlier[-1].speaker if earlier else None

    def negated_before(self, start: int, clause_start: int, words: int = 6) -> bool:
        """Is there a negation among the few words before ``start`` in its clause?"""
        neg = self.facts.negation
        if neg is None:
            return False
        before = self.text[clause_start:start]
        tail = " ".join(before.split()[-words:])
        return bool(neg.search(tail))

    def clause_of(self, sent: Sent, pos: int) -> tuple[int, int]:
        for cs, ce in sent.clauses:
            if cs <= pos < ce:
                return cs, ce
        return sent.start, sent.end

    def named_candidates(self) -> set[str]:
        return {r.candidate for s in self.sentences for r in s.refs}

    def candidate_obj(self, cid: str) -> Candidate:
        return self.facts.candidate(cid)

    def mentions_pronoun(self, sent: Sent) -> bool:
        return bool(_PRONOUN_WORD.search(sent.text))
