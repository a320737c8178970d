"""The text model the rules read: sentences, clauses, quotations, speakers and voice.

``Document(article, facts)`` splits the article into sentences with offsets
into ``article.text`` and a normalised copy (``doc.norm``: lower case, plain
quotes and dashes, the same length), breaks each sentence into clauses,
finds direct quotations and who said them ("Pike said", "a spokesman
said"), and marks reported speech ("she alleges officials broke rules...").
The people and organisations named (``entities``) and the contest each
clause is about (``scope``) are layered on top by their own modules.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from factwatch.claims.lexicon import lexicon, normalise, title
from factwatch.claims.numbers import NumberMemo, NumberMention, find_numbers
from factwatch.core.records import Article
from factwatch.core.segment import split_sentences

if TYPE_CHECKING:
    from factwatch.claims.facts import Facts

_LEX = lexicon()
_SPEECH = _LEX.alt("speech_verb")
_SPEAKER_NOUN = _LEX.alt("speaker_noun")
_NAME = (
    rf"{title()}?[a-z][\w'-]+"
    r"(?:\s+(?:mc|mac|de|van|von|le|la|o')?[a-z][\w'-]+){0,2}"
)
_SPEAKER = (
    rf"(?:(?:a|an|the|his|her|their|its|[a-z][\w-]*'s)\s+(?:[\w'-]+\s+){{0,3}}{_SPEAKER_NOUN}"
    rf"|{_NAME}|he|she|they|it)"
)
_AFTER_QUOTE = re.compile(
    rf"\s*,?\s*(?:(?:{_SPEECH})\s+(?P<a>{_SPEAKER})|(?P<b>{_SPEAKER})\s+(?:has\s+|had\s+)?"
    rf"(?:{_SPEECH}))(?![\w-])"
)
_BEFORE_QUOTE = re.compile(
    rf"(?P<s>{_SPEAKER})\s+(?:(?:has|had|have|then|also|later|previously|once)\s+)?"
    rf"(?:{_SPEECH})(?:\s+[\w'-]+){{0,6}}?\s*[:,]?\s*$"
)
_REPORTED = re.compile(
    rf"(?:^|[,;]\s+|\bbut\s+|\band\s+|\bas\s+)(?P<s>{_SPEAKER})\s+(?:(?:has|had|have|also|then|"
    rf"previously|repeatedly|publicly|now|later|once|had\s+also|has\s+also)\s+)?"
    rf"(?:{_SPEECH})(?![\w-])(?:\s+(?:that|how|whether))?"
)
_ACCORDING = re.compile(rf"\baccording\s+to\s+(?P<s>{_SPEAKER})")
_NOT_SPEAKERS = frozenset(
    "the a an but and it this that these those there which who what when where while if as "
    "in on at by for with from of to".split()
)
# Every break starts with one of the characters of the lookahead, which lets the scan
# skip other characters quickly.
_CLAUSE_BREAK = re.compile(
    r"(?=[\s;:,()-])"
    r"(?:\s*[;:]\s*|\s+-+\s+|\s*--+\s*|(?<!\d),\s*|(?<=\d),(?!\s?\d{3}(?!\d))\s*|\s*\((?![^)]{0,12}%)|\)\s*"
    r"|\s+(?=(?:but|while|whilst|whereas|although|though|yet|because|since|after|before"
    r"|when|unless|compared\s+(?:with|to)|compares\s+(?:with|to)|up\s+from|down\s+from|"
    r"down\s+on|up\s+on)\s)"
    # "rose to 55% from the 48.5% she won in 2022": each figure keeps its own time
    r"|(?<=[\d%])\s+(?=from\s)|(?<=cent)\s+(?=from\s))"
)
_T = TypeVar("_T")


class _Once(Generic[_T]):
    """A property worked out on first read and kept on the instance: what
    ``functools.cached_property`` does, without the lock Python 3.11 takes on each first
    read (every sentence's words are read, so the lock shows in the matcher's time; a
    document is read by one thread)."""

    def __init__(self, func: Callable[[Any], _T]):
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __get__(self, obj: object, owner: type | None = None) -> _T:
        if obj is None:
            return self  # type: ignore[return-value]  # read on the class: the descriptor
        value = obj.__dict__[self.name] = self.func(obj)
        return value


# Words of any alphabet ("lafrenière", "siobhán"), numbers, and single punctuation marks.
_TOKEN = re.compile(r"[^\W_]+(?:[-.,'][^\W_]+)*|[^\s\w]|_")


@dataclass
class Mention:
    """A person, organisation or pronoun found in a sentence (filled in by entities)."""

    start: int
    end: int
    kind: str  # person, pronoun, other, org, ours
    person: str | None = None  # person key (person, resolved pronoun)
    by_name: bool = False
    role: str = ""  # for structural roles: winner, runner-up, incumbent, place-N

    @property
    def known(self) -> bool:
        return self.person is not None


@dataclass
class Quote:
    start: int
    end: int
    speaker: str | None = None  # as written ("Pike", "a union spokesman")
    person: str | None = None  # the person key, when the speaker is a known person


@dataclass
class Sent:
    index: int
    paragraph: int
    start: int
    end: int
    text: str
    norm: str
    headline: bool = False
    clauses: list[tuple[int, int]] = field(default_factory=list)
    reported: tuple[int, str | None, str | None] | None = None  # (from, speaker, person)
    mentions: list[Mention] = field(default_factory=list)  # filled by entities

    @_Once
    def words(self) -> frozenset[str]:
        """Every word of the sentence, hyphenated words also in pieces (for prefilters)."""
        out = set(self.token_words)
        if "-" in self.norm:
            for w in [w for w in out if "-" in w]:
                out.update(w.split("-"))
        return frozenset(out)

    @_Once
    def token_texts(self) -> list[str]:
        """The text of each token in order (before a possessive 's is split off)."""
        return _TOKEN.findall(self.norm)

    @_Once
    def token_words(self) -> frozenset[str]:
        """The words of ``tokens`` (a possessive 's split off), read without their offsets."""
        out = set(self.token_texts)
        if "'" in self.norm:
            odd = [w for w in out if "'" in w]
            out.difference_update(odd)
            for w in odd:
                if w.endswith("'s") and len(w) > 2:
                    out.update((w[:-2], "'s"))
                elif w.endswith("s'") and len(w) > 2:
                    out.update((w[:-1], "'s"))
                else:
                    out.add(w)
        return frozenset(out)

    @_Once
    def tokens(self) -> list[tuple[int, int, str]]:
        """Words and punctuation with absolute offsets; a possessive 's is its own token."""
        base, norm = self.start, self.norm
        # Every character that is not a space is in a token, so each token is the first
        # place its text is found after the one before: its offsets, without a second scan.
        found, at = [], 0
        for w in self.token_texts:
            at = norm.find(w, at)
            end = at + len(w)
            found.append((at + base, end + base, w))
            at = end
        if "'" not in self.norm:
            return found
        out: list[tuple[int, int, str]] = []
        for a, b, w in found:
            if "'" not in w:
                out.append((a, b, w))
            elif w.endswith("'s") and len(w) > 2:
                out.append((a, b - 2, w[:-2]))
                out.append((b - 2, b, "'s"))
            elif w.endswith("s'") and len(w) > 2:
                out.append((a, b - 1, w[:-1]))
                out.append((b - 1, b, "'s"))
            else:
                out.append((a, b, w))
        return out


class Document:
    """An article read for checking."""

    def __init__(self, article: Article, facts: Facts):
        self.article = article
        self.facts = facts
        self.text = article.text
        self.norm = normalise(article.text)
        self.title = (article.title or "").strip()
        self.published = _date(article.published)
        self.sentences: list[Sent] = []
        self.quotes: list[Quote] = []
        self._build()
        self._starts = [s.start for s in self.sentences]
        self.memo: dict[object, object] = {}
        self._numbers: dict[int, list[NumberMention]] = {}
        self._number_memo: NumberMemo = {}

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
        head_end = len(self.title) if self.title and self.text.startswith(self.title) else -1
        for i, (s, e, p) in enumerate(self._spans()):
            while e > s and self.text[e - 1].isspace():
                e -= 1
            sent = Sent(i, p, s, e, self.text[s:e], self.norm[s:e], headline=s < head_end)
            sent.clauses = self._clauses(s, e)
            self.sentences.append(sent)
        self.quotes = self._quotes()
        for sent in self.sentences:
            sent.reported = self._reported(sent)

    def _clauses(self, s: int, e: int) -> list[tuple[int, int]]:
        out, cur = [], s
        for m in _CLAUSE_BREAK.finditer(self.norm, s, e):
            if m.start() > cur:
                out.append((cur, m.start()))
            cur = max(cur, m.end())
        if cur < e:
            out.append((cur, e))
        return out or [(s, e)]

    def _quotes(self) -> list[Quote]:
        """Quotations, paragraph by paragraph: double quotes paired in order (an unclosed
        one runs to the paragraph's end), then single curly quotes; each with its speaker."""
        quotes: list[Quote] = []
        paragraphs = self.article.paragraphs or []
        bounds = [(p.start, p.end) for p in paragraphs] or [(0, len(self.text))]
        for ps, pe in bounds:
            marks = [m.start() for m in re.finditer('"', self.norm[ps:pe])]
            for i in range(0, len(marks), 2):
                a = ps + marks[i]
                b = ps + marks[i + 1] + 1 if i + 1 < len(marks) else pe
                if b - a > 2:
                    quotes.append(Quote(a, b))
            self._single_quotes(ps, pe, quotes)
        quotes.sort(key=lambda q: q.start)
        for q in quotes:
            q.speaker = self._speaker_of(q)
        return quotes

    def _single_quotes(self, ps: int, pe: int, quotes: list[Quote]) -> None:
        """Add single curly quotes in [ps, pe): ‘...’ where the closing mark is not an
        apostrophe, and not inside a quotation found before."""
        pos = ps
        while True:
            a = self.text.find("\u2018", pos, pe)
            if a < 0:
                break
            b = a + 1
            while True:
                b = self.text.find("\u2019", b, pe)
                if b < 0 or b + 1 >= len(self.text) or not self.text[b + 1].isalpha():
                    break
                b += 1
            if b < 0:
                break
            if b - a > 2 and not any(q.start <= a < q.end for q in quotes):
                quotes.append(Quote(a, b + 1))
            pos = b + 1

    def _speaker_of(self, q: Quote) -> str | None:
        m = _AFTER_QUOTE.match(self.norm, q.end, min(len(self.norm), q.end + 90))
        if m:
            name = m.group("a") or m.group("b")
            span = m.span("a") if m.group("a") else m.span("b")
            if _speaker_ok(name):
                return self.text[span[0] : span[1]]
        para_start = self.norm.rfind("\n", 0, q.start) + 1
        before = self.norm[max(para_start, q.start - 140) : q.start]
        m = _BEFORE_QUOTE.search(before)
        if m and _speaker_ok(m.group("s")):
            off = q.start - len(before)
            return self.text[off + m.start("s") : off + m.end("s")]
        return None

    def _reported(self, sent: Sent) -> tuple[int, str | None, str | None] | None:
        if not _LEX.maybe("speech_verb", sent.words):
            return None
        according = "according" in sent.norm and _ACCORDING.search(sent.norm)
        m = according or _REPORTED.search(sent.norm)
        if not m or not _speaker_ok(m.group("s")):
            return None
        name = sent.text[m.start("s") : m.end("s")]
        return sent.start + m.end(), name, None

    # -- queries -------------------------------------------------------------------------
    def numbers_of(self, sent: Sent) -> list[NumberMention]:
        """The numbers of a whole sentence (``find_numbers`` over it), read once."""
        got = self._numbers.get(sent.index)
        if got is None:
            got = self._numbers[sent.index] = self.numbers_in(sent.start, sent.end)
        return got

    def numbers_in(self, start: int, end: int) -> list[NumberMention]:
        """``find_numbers(doc.norm, start, end)``; each number is read once per document."""
        return find_numbers(self.norm, start, end, memo=self._number_memo)

    def sentence_at(self, pos: int) -> Sent:
        return self.sentences[max(0, bisect_right(self._starts, pos) - 1)]

    def clause_of(self, sent: Sent, pos: int) -> tuple[int, int]:
        for cs, ce in sent.clauses:
            if cs <= pos < ce:
                return cs, ce
        return sent.start, sent.end

    def quote_at(self, start: int, end: int) -> Quote | None:
        for q in self.quotes:
            if q.start <= start and end <= q.end + 1:
                return q
        return None

    def voice_at(self, sent: Sent, start: int, end: int) -> tuple[str, str | None]:
        """("quote", speaker) for quoted or reported words, else ("outlet", None)."""
        q = self.quote_at(start, end)
        if q is not None:
            if q.person:
                return "quote", self.facts.people[q.person].name
            return "quote", q.speaker or self._continued_speaker(q)
        if sent.reported and start >= sent.reported[0]:
            person = sent.reported[2]
            return "quote", self.facts.people[person].name if person else sent.reported[1]
        return "outlet", None

    def _continued_speaker(self, q: Quote) -> str | None:
        earlier = [x for x in self.quotes if x.end <= q.start and x.speaker]
        return earlier[-1].speaker if earlier else None

    def negated(self, pos: int, clause_start: int, *, words: int = 5) -> bool:
        """Is there a negation among the few words before ``pos`` in its clause?"""
        if (
            not _LEX.maybe("negation", self.sentence_at(pos).words)
            and "n't" not in self.norm[max(clause_start, pos - 80) : pos]
        ):
            return False
        lo = max(clause_start, pos - 80)
        tail = self.norm[lo:pos]
        cut = " ".join(tail.split()[-words:])
        return bool(_LEX.rx("negation").search(cut))

    def window(self, sent: Sent, before: int = 1, after: int = 1) -> tuple[int, int]:
        """Offsets spanning ``before`` sentences before and ``after`` after ``sent``
        within its paragraph."""
        lo, hi = sent.index, sent.index
        while (
            lo > 0
            and sent.index - lo < before
            and (self.sentences[lo - 1].paragraph == sent.paragraph)
        ):
            lo -= 1
        while (
            hi + 1 < len(self.sentences)
            and hi - sent.index < after
            and (self.sentences[hi + 1].paragraph == sent.paragraph)
        ):
            hi += 1
        return self.sentences[lo].start, self.sentences[hi].end


def _speaker_ok(name: str | None) -> bool:
    if not name:
        return False
    first = name.split()[0].lower()
    return first not in _NOT_SPEAKERS or bool(
        re.match(r"(?:a|an|the|his|her|their)\s", name.lower())
    )


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
