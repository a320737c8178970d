"""Which contest a clause is about, and where the article stands in time.

Coverage of one election keeps mentioning others: the previous contest
("the last time he stood he polled ..."), the next one, other organisations'
elections, hustings and opinion polls.  ``scope_at(doc, sent, pos)`` gives
the clause at ``pos`` a contest:

- ``"this"``: the election of the facts file;
- a related contest's key (from ``[[contests]]``): its year is written,
  time words point at it ("four years ago", "the previous election", "last
  time"), or it names somebody who stood there and not here;
- ``"other"``: a contest the facts do not record (another year, another
  organisation's election, a by-election, a contender nobody recorded);

and says whether the clause looks ahead (a prediction, a projection, a
bid) or reports a poll rather than the ballot.  A clause with no sign of
its own takes a fronted time adverbial of its sentence ("In 2013, ..."),
else the contest its paragraph has moved to, else the article's: an article
published years later about a later recorded contest defaults to that one.
``context(doc)`` holds the article's default and its phase against this
contest's dates (before nominations closed, during the campaign, after).
The signs a clause's own words give are read by ``scope_signals``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from factwatch.claims.lexicon import lexicon
from factwatch.claims.model import Contest
from factwatch.claims.scope_people import relative_signal
from factwatch.claims.scope_signals import sentence_signal, signal, weak_signal
from factwatch.claims.text import Document, Sent

_LEX = lexicon()
_PROSPECT = _LEX.rx("prospect")

_MODAL_AFTER = re.compile(
    r"[^.;,]{0,40}?(?<![\w-])(?:would|could|might|will|may)\s+(?:be|prove|make|have|give)(?![\w-])"
)
# What would have happened: "he would have finished with 429", "it could well have been"
MODAL_PERFECT = r"(?<![\w-])(?:would|could|might|should)(?:n't|\s+not)?\s+(?:[\w-]+\s+){0,4}?have\s"
_WOULD_HAVE = re.compile(MODAL_PERFECT)
_POLL = _LEX.rx("poll_word")
_POLL_PHRASE = re.compile(
    r"(?<![\w-])(?:in|by|according\s+to|from)\s+(?:a|an|the|our|its|their|this)\s+"
    # not "by the close of poll"
    r"(?:(?!close\b|closing\b|end\b|day\b)[\w'-]+\s+){0,3}?polls?(?![\w-])"
)


@dataclass(frozen=True)
class Scope:
    contest: str  # "this", a related contest key, "other"
    why: str = ""
    prospective: bool = False
    poll: bool = False

    @property
    def this(self) -> bool:
        return self.contest == "this"


@dataclass
class Context:
    default: str  # the contest an unmarked clause is about
    phase: str  # before-nominations, campaign, after, unknown
    ref_year: int | None  # the year time words count from
    why: str = ""


def _strong_mark(why: str) -> bool:
    """A sign that names its contest outright, not through who is mentioned (a year
    given for comparison, "higher than in 2016", does not)."""
    if why.endswith("(compared)"):
        return False
    return (
        why.startswith(("the year", "the office of"))
        or why == "a contender the facts do not record"
        or ", a contender in " in why
        or why.endswith("another organisation's contest")
        or (why.startswith("the ") and "contest" in why)
    )


def context(doc: Document) -> Context:
    """The article's default contest and its place in time (computed once)."""
    got = doc.memo.get("scope.context")
    if isinstance(got, Context):
        return got
    facts = doc.facts
    this = facts.this
    published = doc.published
    phase = _phase(this, published)
    default, why = _later_default(doc)
    if default == "this" and phase == "before-nominations":
        default, why = _earlier_default(doc)
    doc.memo["scope.default"] = default
    default, why = _lead_default(doc, default, why)
    doc.memo["scope.default"] = default
    default, why = _field_default(doc, default, why)
    doc.memo["scope.default"] = default
    ref_year = facts.contests[default].year if default in facts.contests else this.year
    ctx = Context(default, phase, ref_year, why)
    doc.memo["scope.context"] = ctx
    return ctx


def _phase(this: Contest, published: dt.date | None) -> str:
    """Where the publication date falls against this contest's dates."""
    if not published:
        return "unknown"
    dates = this.dates
    close = dates.get("ballot_close") or dates.get("declared")
    if dates.get("nominations_close") and published < dates["nominations_close"]:
        return "before-nominations"
    if close and published < close:
        return "campaign"
    if close or this.year:
        return (
            "after"
            if (close and published >= close) or (this.year and published.year > this.year)
            else "campaign-or-after"
        )
    return "unknown"


def _earlier_default(doc: Document) -> tuple[str, str]:
    """An article published before nominations closed, in the year an earlier recorded
    contest for the post was decided: that contest (this one has no field yet)."""
    published = doc.published
    for c in doc.facts.contests.values():
        if c.relation == "earlier" and published and c.year == published.year:
            return c.key, f"published in {published.year}, by the {c.year} contest"
    return "this", ""


def _later_default(doc: Document) -> tuple[str, str]:
    """An article published years later about a later recorded contest: that contest."""
    facts = doc.facts
    this = facts.this
    published = doc.published
    later = [c for c in facts.contests.values() if c.relation == "later" and c.year]
    if published and this.year and published.year > this.year:
        for c in sorted(later, key=lambda c: c.year or 0, reverse=True):
            if c.year and published.year >= c.year - 1:
                return c.key, f"published in {published.year}, by the {c.year} contest"
    return "this", ""


def _lead_default(doc: Document, default: str, why: str) -> tuple[str, str]:
    """The lead (headline and first sentences) is about another contest: it says so
    outright (a year, the office, a contender the facts do not know, "the X contest"),
    or names another recorded contest's winner and none of this one's people."""
    lead = doc.sentences[:3]
    here = set(doc.facts.this.on_ballot)
    names_here = any(m.person in here for s in lead for m in s.mentions if m.kind == "person")
    marks = [sentence_signal(doc, s, main_only=True) for s in lead]
    if default != "this" or not lead or any(m and m[0] == "this" for m in marks):
        return default, why
    strong = [
        m
        for i, m in enumerate(marks)
        if m
        and _strong_mark(m[1])
        and (i < 2 or not names_here)
        and not _life_year(doc, lead[i], m)
    ]
    won_there = [
        m
        for m, s in zip(marks, lead, strict=False)
        if m and m[1].startswith("names ") and _won_there(doc, s) and not names_here
    ]
    others = strong or won_there
    if not others or len({m[0] for m in others}) != 1:
        return default, why
    _forget_signals(doc)
    return others[0][0], "the article opens about " + others[0][1]


def _life_year(doc: Document, sent: Sent, mark: tuple[str, str]) -> bool:
    """A year no recorded contest was held in, in a sentence about no election ("When
    Marchetti walked into the hospital as a graduate midwife in 2001"): a profile's
    opening, not an article about another contest."""
    return (
        mark[0] == "other"
        and mark[1].startswith("the year")
        and not _RESULTS.search(doc.norm, sent.start, sent.end)
        and not _LEX.maybe("election_noun", sent.words)
    )


def _field_default(doc: Document, default: str, why: str) -> tuple[str, str]:
    """The people the article names are another recorded contest's field: two or more
    who stood there and not here, and nobody who stood here and not there (the winner
    of both may be named).  "Hale won; Rowe was second, ahead of Pike" about an
    earlier four-way contest is about that contest throughout."""
    if default != "this":
        return default, why
    people = [m for s in doc.sentences for m in s.mentions if m.kind == "person" and m.person]
    named = {m.person for m in people if m.by_name}
    meant = {m.person for m in people}  # by name, descriptor or role ("the winner")
    here = set(doc.facts.this.people)
    fits = []
    for key, contest in doc.facts.contests.items():
        if key == "this" or not contest.standings:
            continue
        there = set(contest.people)
        if len((named & there) - here) >= 2 and not (meant & here) - there:
            fits.append(key)
    if len(fits) != 1:
        return default, why
    _forget_signals(doc)
    return fits[0], "the article names that contest's field and nobody else's"


def _forget_signals(doc: Document) -> None:
    """Drop the clause signals worked out while the article's default was another
    contest (some of them stood for it)."""
    for key in [k for k in doc.memo if isinstance(k, tuple) and k[0] == "scope.signal"]:
        del doc.memo[key]


_WON = re.compile(
    rf"\s*(?:,[^,]{{0,60}},\s*)?(?:has\s+been\s+|was\s+|is\s+)?(?:{_LEX.alt('win_word')}|"
    rf"{_LEX.alt('win_verb')}|polled|took)(?![\w-])"
)


def _won_there(doc: Document, sent: Sent) -> bool:
    """Does a person of another recorded contest win or poll something in this sentence
    ("Graham won", "the election that made Graham general secretary")?"""
    here = set(doc.facts.this.people)
    office = (doc.facts.election.office or "").lower()
    for m in sent.mentions:
        if m.kind != "person" or not m.person or m.person in here:
            continue
        if _WON.match(doc.norm, m.end, sent.end):
            return True
        made = _MADE_BEFORE.search(doc.norm, max(sent.start, m.start - 20), m.start)
        if made and office and doc.norm.startswith(office, m.end + 1):
            return True
    return False


_MADE_BEFORE = re.compile(r"(?<![\w-])(?:made|elected|re-elected|installed|chose|returned)\s+$")


_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|might|may)\s+(?:\w+\s+)?$")
# _MODAL_BEFORE, _WOULD_HAVE and _MODAL_AFTER each need one of these in what they read
# ("ould": would, could, should): a cheap test before the three searches.
_MODAL_PIECES = ("ould", "will", "might", "may")


def scope_at(doc: Document, sent: Sent, pos: int) -> Scope:
    """The contest, outlook and kind of count of the clause at ``pos``."""
    cs, ce = doc.clause_of(sent, pos)
    key = ("scope.at", cs, pos)  # whether it looks ahead depends on the words before pos
    got = doc.memo.get(key)
    if isinstance(got, Scope):
        return got
    clause_key = ("scope.clause", cs)
    placed = doc.memo.get(clause_key)
    if not isinstance(placed, tuple):
        ctx = context(doc)
        doc.memo.setdefault("scope.ref_year", ctx.ref_year)
        placed = doc.memo[clause_key] = _clause_contest(doc, sent, cs, ce, ctx)
    contest, why = placed
    if " and " in doc.norm[cs:ce] or " but " in doc.norm[cs:ce]:
        own = _own_conjunct(doc, sent, cs, ce, pos)
        if own is not None:
            contest, why = own
    lo, hi = min(sent.start, pos), max(sent.start, pos, ce)  # all that the three read
    colon = doc.norm.rfind(":", sent.start, pos)
    prospective = (
        _LEX.maybe("prospect", sent.words)
        and (
            looks_ahead(doc, cs, max(pos, cs))
            # a label over a list: "My rough guess at primaries: Rowe 35, Pike 28"
            or colon > 0
            and bool(_PROSPECT.search(doc.norm, sent.start, colon))
            or any(doc.norm.find(w, lo, hi) >= 0 for w in _MODAL_PIECES)
            and (
                bool(_MODAL_BEFORE.search(doc.norm[max(sent.start, cs - 40) : pos]))
                # what would have happened: "he would have finished with 429, 241 behind"
                or bool(_WOULD_HAVE.search(doc.norm, sent.start, max(pos, sent.start)))
                # "a lead of more than five points would be decisive"
                or bool(_MODAL_AFTER.match(doc.norm, pos, ce))
            )
        )
    )
    poll = _poll(doc, sent)
    scope = Scope(contest, why, prospective, poll)
    doc.memo[key] = scope
    return scope


# "you will all know by now that ...", "as you may have heard": what is known, not a prospect
_KNOWN = re.compile(
    r"\s+(?:all\s+|already\s+|surely\s+|doubtless\s+|no\s+doubt\s+)?(?:know|have\s+heard|"
    r"have\s+seen|have\s+read|remember|recall|be\s+aware|realise|realize)(?![\w-])"
)


def looks_ahead(doc: Document, a: int, b: int) -> bool:
    """Do the words in [a, b) look ahead (a modal, a condition), other than a modal of
    what the reader knows already?"""
    return any(
        not (m.group(0) in ("will", "would", "may", "might") and _KNOWN.match(doc.norm, m.end()))
        for m in _PROSPECT.finditer(doc.norm, a, b)
    )


# "after winning an open race in 2015 and beating Pike in a two-way contest in 2020":
# coordinated verb phrases, each with its own time
_CONJUNCT = re.compile(r"\s(?:and|but)\s+(?=[a-z]+(?:ing|ed)\s)")


def _own_conjunct(doc: Document, sent: Sent, cs: int, ce: int, pos: int) -> tuple[str, str] | None:
    """The sign of the coordinated verb phrase of a clause that ``pos`` is in, when that
    phrase has one of its own."""
    cuts = [m.start() for m in _CONJUNCT.finditer(doc.norm, cs, ce)]
    if not cuts:
        return None
    bounds = [cs, *cuts, ce]
    for a, b in zip(bounds, bounds[1:], strict=False):
        if a <= pos < b:
            return signal(doc, sent, a, b)
    return None


_YEAR_LABEL = re.compile(r"\s*(?:[a-z]+(?:\s+[a-z]+)?,\s*)?(?:in\s+)?(?:19|20)\d\d\s*:")
_RELATIVE = re.compile(
    r"^(?:who|whom|whose|which|that|where|when|while|whilst|whereas|"
    r"although|though|a|an|the|his|her|its|their|now|then|himself|herself)\b"
)
_THAT_CONTEST = re.compile(
    r"(?<![\w-])(?:in|of|for)\s+that\s+(?:contest|race|election|ballot|vote|poll)(?![\w-])"
)
_STRONG_BREAK = re.compile(r"\s*(?:;|\s-+\s|--+)\s*$")
_UNDECIDED = re.compile(
    r"(?<![\w-])(?:undecided|don't\s+knows?|margin\s+of\s+error|likely\s+voters|"
    r"respondents|surveyed|sampled)(?![\w-])"
)
# (every undecided phrase above holds one of these: a cheap test before the search)
_UNDECIDED_HINT = re.compile(r"undecided|don't|margin|likely|respondents|surveyed|sampled")
# "this morning Grassroots Pulse has Oduwole on 51": a survey's reading, in shares
_POLL_PUTS = re.compile(
    r"(?<![\w-])(?:has|have|had|puts|put|shows|showed|gives|gave)\s+(?:[\w'\u2019-]+\s+){1,3}?"
    r"(?:on|at)\s+"
    r"\d{1,2}(?:\.\d)?(?![\d,])(?!\s*(?:st|nd|rd|th)\b|\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
    r"nov|dec)[a-z]*\b)"
)
_RESULT_STARTS = "".join(
    sorted({re.escape(w[0]) for w in _LEX.words("result_word")} | set("decfsl"))
)
_RESULTS = re.compile(
    # (every result word and every word below starts with one of _RESULT_STARTS: the
    # lookahead lets the scan skip other places quickly)
    rf"(?=[{_RESULT_STARTS}])"
    rf"(?:{_LEX.alt('result_word')}|(?<![\w-])(?:declared|elected|re-elected|count|"
    r"(?:first|second|final|last)[\s-]+(?:round|ballot))(?![\w-]))"
)


def _poll(doc: Document, sent: Sent) -> bool:
    """A poll's numbers: poll words here, or just before in the paragraph with no
    result words here."""
    key = ("scope.poll", sent.index)
    got = doc.memo.get(key)
    if isinstance(got, bool):
        return got
    here = bool(
        _LEX.maybe("poll_word", sent.words)
        and _POLL.search(doc.norm, sent.start, sent.end)
        or _UNDECIDED_HINT.search(sent.norm)
        and _UNDECIDED.search(sent.norm)
        or ("poll" in sent.words or "polls" in sent.words)
        and _POLL_PHRASE.search(sent.norm)
        or (("on" in sent.words or "at" in sent.words) and _POLL_PUTS.search(sent.norm))
    )
    if not here and sent.index > 0 and not _RESULTS.search(sent.norm):
        here = _poll(doc, doc.sentences[sent.index - 1])
    doc.memo[key] = here
    return here


def _clause_contest(doc: Document, sent: Sent, cs: int, ce: int, ctx: Context) -> tuple[str, str]:
    own = signal(doc, sent, cs, ce)
    if own:
        return own
    label = _YEAR_LABEL.match(doc.norm, sent.start, sent.end)
    if label and cs >= label.end():
        # "For comparison, 2019: Rowe 34,118, Pike 29,604; 58.9 per cent turnout."
        got = signal(doc, sent, sent.start, label.end())
        if got:
            return got
    weak = weak_signal(doc, sent, cs, ce)
    got = relative_signal(doc, sent, cs) or _continued(doc, sent, cs, ce)
    if got:
        return got
    if weak:
        return weak
    return _pointed_back(doc, sent) or _paragraph_state(doc, sent, ctx)


_DEMONSTRATIVE = re.compile(r"\s*(?:that|this)\s+(?:was|is|had\s+been|has\s+been|became|proved)\s")


def _pointed_back(doc: Document, sent: Sent) -> tuple[str, str] | None:
    """A sentence that opens by pointing back ("That was a genuine head-to-head") is about
    the contest the sentence before spoke of last ("... who won the by-election for the
    post by 14,203 votes to 12,148")."""
    if not sent.index or not _DEMONSTRATIVE.match(doc.norm, sent.start, sent.end):
        return None
    prev = doc.sentences[sent.index - 1]
    for a, b in reversed(prev.clauses):
        got = signal(doc, prev, a, b)
        if got:
            return got
    return None


def _continued(doc: Document, sent: Sent, cs: int, ce: int) -> tuple[str, str] | None:
    """The sign of the clause this one continues ("In 2013, he won 144,570 votes, on a
    turnout of 15.2%"), not of a relative clause or an apposition ("Rowe, who beat Hale in
    2013, won 59,067"), unless the words point back to it ("..., who also stood for
    deputy leader, came second in that contest")."""
    idx = next((i for i, c in enumerate(sent.clauses) if c[0] == cs), None)
    if not idx:
        return None
    back = bool(_THAT_CONTEST.search(doc.norm, cs, ce))
    for j in range(idx - 1, -1, -1):
        a, b = sent.clauses[j]
        if not back:
            nxt = sent.clauses[j + 1][0]
            if _STRONG_BREAK.match(doc.norm[b:nxt] + " "):
                break
            if (
                j > 0
                and _RELATIVE.match(doc.norm[a:b])
                and not (j == 1 and _marker(doc, sent))
                and ":" not in doc.norm[sent.clauses[j - 1][1] : a]  # after a colon: a clause
            ):
                continue
        got = signal(doc, sent, a, b)
        if got:
            return got
    return None


def _marker(doc: Document, sent: Sent) -> bool:
    """Does the sentence open with a discourse marker ("Third, a deputy by-election ...",
    "Meanwhile, the ..."), so its second clause is its main one?"""
    a, b = sent.clauses[0]
    return bool(_MARKER.fullmatch(doc.norm[a:b].strip()))


_MARKER = re.compile(
    r"(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth|fifth|finally|lastly|next|then|"
    r"meanwhile|however|moreover|also|still|yet|indeed|instead|separately|elsewhere|besides|"
    r"in\s+addition|by\s+contrast|on\s+top\s+of\s+that)"
)


def _paragraph_state(doc: Document, sent: Sent, ctx: Context) -> tuple[str, str]:
    """The contest the paragraph has moved to by this sentence (explicit signs carry)."""
    key = ("scope.para", sent.index)
    got = doc.memo.get(key)
    if isinstance(got, tuple):
        return got  # type: ignore[return-value]
    state = (ctx.default, ctx.why or "the article is about it")
    i = sent.index - 1
    while i >= 0 and doc.sentences[i].paragraph == sent.paragraph:
        prev = doc.sentences[i]
        sig = sentence_signal(doc, prev, main_only=True) or _pointed_back(doc, prev)
        if sig:
            state = sig
            break
        i -= 1
    doc.memo[key] = state
    return state
