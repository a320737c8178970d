"""The signs in a clause's own words that place it in a contest.

``signal(doc, sent, cs, ce)`` reads the clause in [cs, ce) and returns the
contest its words point at by themselves, with the reason, or None.  The
signs, in the order they are looked for:

- the article's own time: "this time", "the latest contest", "yesterday";
- a related contest's own name ("the annulled ballot", from its ``aliases``);
- 1. written years: this contest's, a recorded contest's, or another one
  (a year in a date or a span, "since 1998", is no contest);
- 2. time words: "four years ago", "last October", "the previous election", "his opponent
  then", "the next contest": the recorded contest that far or that way;
- 3. people: somebody who stood in another recorded contest and not in this
  one, or somebody who stood only in this one;
- 4. another kind of election ("the general election"), another
  organisation's contest, a contender the facts do not record, or another
  office ("the deputy election").

``weak_signal`` gives the article's contest for a clause that names only our
organisation or the contest; ``sentence_signal`` a sign all a sentence's
clauses share.  ``scope`` decides from these.

The signs are read beside this module, which keeps the entry points, the order
the signs are looked for in, and time counted in years ("four years ago", "two
years later", read from the paragraph's year): ``scope_time`` the article's own
time, written years and time words, ``scope_people`` the people named,
``scope_other`` another kind of election or another organisation's contest, and
``scope_office`` another office.
"""

from __future__ import annotations

import re

from factwatch.claims.facts import Facts
from factwatch.claims.lexicon import lexicon, normalise
from factwatch.claims.model import Contest
from factwatch.claims.numbers import word_number
from factwatch.claims.scope_office import _office_signal
from factwatch.claims.scope_other import _other_contest_signal, recorded_org_signal
from factwatch.claims.scope_people import _people_signal
from factwatch.claims.scope_time import _YEAR, _earlier_later_signal, _now_signal, _year_signal
from factwatch.claims.text import Document, Sent

__all__ = ["related_aliases", "sentence_signal", "signal", "weak_signal"]

_LEX = lexicon()

# Rough counts of years: "a couple of years ago", "a few years earlier".
_ROUGH = {"a": 1, "a couple of": 2, "a few": 3, "several": 3}
_AGO = re.compile(
    r"(?<![\w-])(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|a couple of|a few|several|a)\s+years?\s+(?P<dir>ago|earlier|before|previously|later|on"
    r"|afterwards|after|since)(?![\w-])"
)
_LAST_YEAR = re.compile(r"(?<![\w-])(last|next)\s+year(?![\w-])")
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
# "last October's election", "this past March": the latest such month before publication
_LAST_MONTH = re.compile(
    rf"(?<![\w-])(?:last|this\s+past)\s+(?P<month>{'|'.join(_MONTHS)})(?![\w-])"
)
_PROSPECT = _LEX.rx("prospect")


def signal(doc: Document, sent: Sent, cs: int, ce: int) -> tuple[str, str] | None:
    """The contest the words in [cs, ce) point at by themselves, with the reason."""
    key = ("scope.signal", cs, ce)
    if key in doc.memo:
        return doc.memo[key]  # type: ignore[return-value]
    out = _compute_signal(doc, sent, cs, ce)
    doc.memo[key] = out
    return out


def _compute_signal(doc: Document, sent: Sent, cs: int, ce: int) -> tuple[str, str] | None:
    """The first sign found, in this order: another organisation whose contest the
    facts record, the article's own time ("this time",
    "yesterday"), a written year, time words, the people named, another kind of
    election or another organisation's contest, another office."""
    got_ref = doc.memo.get("scope.ref_year", doc.facts.this.year)
    ref = got_ref if isinstance(got_ref, int) else None
    default = str(doc.memo.get("scope.default", "this"))
    return (
        recorded_org_signal(doc, cs, ce)
        or _now_signal(doc, sent, cs, ce, default)
        or _alias_signal(doc, cs, ce)
        or _year_signal(doc, cs, ce)
        or _last_month_signal(doc, sent, cs, ce)
        or _ago_signal(doc, sent, cs, ce, ref)
        or _earlier_later_signal(doc, sent, cs, ce, ref)
        or _people_signal(doc, sent, cs, ce, ref)
        or _other_contest_signal(doc, sent, cs, ce)
        or _office_signal(doc, sent, cs, ce)
    )


def _alias_signal(doc: Document, cs: int, ce: int) -> tuple[str, str] | None:
    """A related contest called by one of the names its facts give it ("the annulled
    ballot", or "the annulled election": an alias's last word may be any word for a
    contest)."""
    for key, alias, rx in doc.facts.once("scope.related_aliases", related_aliases):
        if rx.search(doc.norm, cs, ce):
            if " " not in alias:  # a name of its own: a place, not a name of the contest
                return key, f"'{alias}', a name only that contest has"
            return key, f"the contest called '{alias}'"
    return None


_CONTEST_WORDS = "ballot election vote poll contest race count".split()


def related_aliases(facts: Facts) -> list[tuple[str, str, re.Pattern[str]]]:
    """(contest key, alias, pattern) for every related contest's alias of two or more
    words, the longest first ("the annulled first ballot" before "the first ballot")."""
    got = []
    here = _names_here(facts)
    for c in facts.contests.values():
        for alias in c.aliases if c.key != "this" else ():
            words = normalise(alias).split()
            if len(words) < 2 and not (
                alias[:1].isupper() and len(alias) >= 4 and words[0] not in here
            ):
                continue  # one word, unless a name of its own ("Northgate-East")
            parts = [re.escape(w) for w in words]
            if words[-1].rstrip("s") in _CONTEST_WORDS:
                parts[-1] = rf"(?:{'|'.join(_CONTEST_WORDS)})s?"
            rx = re.compile(r"(?<![\w-])" + r"\s+".join(parts) + r"(?![\w-])")
            got.append((c.key, normalise(alias), rx))
        for word in _own_name(facts, c) if c.key != "this" and c.aliases else ():
            got.append((c.key, word, re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")))
    return sorted(got, key=lambda x: -len(x[1]))


def _own_name(facts: Facts, contest: Contest) -> list[str]:
    """The proper nouns a related contest's name and every alias give it, and that name
    nothing of this election or its people ("Northgate", of "Northgate Assembly by-election
    2025", "the Northgate bypoll"): said alone, they still name that contest."""
    here = _names_here(facts)
    return [w for w in proper_names(contest.name, contest.aliases) if w not in here]


def _names_here(facts: Facts) -> set[str]:
    """The words of this election's names and of its people's names."""
    el = facts.election
    here = {
        w
        for t in (el.name, *el.aliases, el.office, el.organisation)
        for w in normalise(t).replace("-", " ").split()
    }
    here |= {
        w
        for p in facts.people.values()
        for n in (p.name, *p.variants)
        for w in normalise(n).split()
    }
    return here


def proper_names(name: str, aliases: tuple[str, ...] | list[str]) -> list[str]:
    """The proper nouns (normalised) a contest's name and every one of its aliases give
    it: "eastvale", of "Eastvale Assembly by-election 2025" and "the Eastvale seat"."""
    forms = [name, *aliases]
    common = set.intersection(*(set(_PROPER.findall(t)) for t in forms))
    return sorted(normalise(w) for w in common if len(w) >= 4)


_PROPER = re.compile(r"(?<![\w'])[A-Z][\w']+")


def _last_month_signal(doc: Document, sent: Sent, cs: int, ce: int) -> tuple[str, str] | None:
    """2. "last October's election": the recorded contest of the year that month last
    came round in before the article was published."""
    if not doc.published or ("last" not in sent.words and "past" not in sent.words):
        return None
    m = _LAST_MONTH.search(doc.norm, cs, ce)
    if m is None:
        return None
    month = _MONTHS.index(m.group("month")) + 1
    target = doc.published.year - (month >= doc.published.month)
    exact = [c.key for c in doc.facts.contests.values() if c.year == target]
    if not exact:
        return None
    return ("this" if "this" in exact else exact[0]), f"'{m.group(0)}'"


def _ago_signal(
    doc: Document, sent: Sent, cs: int, ce: int, ref: int | None
) -> tuple[str, str] | None:
    """2. Time words counted in years: "four years ago" (from the publication date),
    "two years later" (from the year the paragraph is about)."""
    words = sent.words
    if "year" in words and doc.published:
        m = _LAST_YEAR.search(doc.norm, cs, ce)
        if m:
            # "last year", "next year": the publication year's neighbour, exactly
            target = doc.published.year + (-1 if m.group(1) == "last" else 1)
            exact = [c.key for c in doc.facts.contests.values() if c.year == target]
            if exact:
                return ("this" if "this" in exact else exact[0]), f"'{m.group(0)}'"
            return "other", f"'{m.group(0)}'"
    for m in _AGO.finditer(doc.norm, cs, ce) if ("years" in words or "year" in words) else ():
        n = m.group("n")
        years = int(n) if n.isdigit() else _ROUGH.get(n) or word_number(n) or 0
        sign = -1 if m.group("dir") in ("ago", "earlier", "before", "previously") else 1
        base = (
            doc.published.year
            if (doc.published and m.group("dir") == "ago")
            else _paragraph_year(doc, sent) or ref
        )
        if base is None or not years:
            continue
        target = base + sign * years
        for c in doc.facts.contests.values():
            if c.year and abs(c.year - target) <= 1:
                return c.key, f"'{m.group(0)}'"
        return "other", f"'{m.group(0)}'"
    return None


def weak_signal(doc: Document, sent: Sent, cs: int, ce: int) -> tuple[str, str] | None:
    """Our organisation or a name of the contest: the article's contest, weakly."""
    norm = doc.norm
    default = doc.memo.get("scope.default", "this")
    for a in _aliases(doc):
        if a in norm[cs:ce]:
            return str(default), f"'{a}'"
    for mm in sent.mentions:
        if mm.kind == "ours" and cs <= mm.start < ce and not norm.startswith("the ", mm.start):
            return str(default), f"names {doc.text[mm.start : mm.end]}"
    return None


def _aliases(doc: Document) -> list[str]:
    got = doc.memo.get("scope.aliases")
    if isinstance(got, list):
        return got
    el = doc.facts.election
    out = [normalise(a) for a in [el.name, *el.aliases] if len(a.split()) >= 2]
    doc.memo["scope.aliases"] = out
    return out


_STAMP = re.compile(
    r"\s*\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,4}\b)?\s*[-\u2013\u2014]?\s*"
)
# Clauses that hang on another (relative, comparative, absolute): "..., down on the
# 53,544 he won in 2021, when he finished second, with Lund third."
_SUBORDINATE = re.compile(
    r"^(?:who|whom|whose|which|that|where|when|while|whilst|whereas|although|though|a|an|"
    r"the|his|her|its|their|now|then|himself|herself|with|without|as|after|before|since|"
    r"until|unlike|like|well|down|up|compared|against)\b"
)


def _paragraph_year(doc: Document, sent: Sent) -> int | None:
    """The year the paragraph was about before this sentence: the last year written, or
    the year of the contest it moved to."""
    i = sent.index - 1
    while i >= 0 and doc.sentences[i].paragraph == sent.paragraph:
        prev = doc.sentences[i]
        years = [int(m.group(1)) for m in _YEAR.finditer(doc.norm, prev.start, prev.end)]
        if years:
            return years[-1]
        sig = sentence_signal(doc, prev)
        if sig and sig[0] in doc.facts.contests:
            return doc.facts.contests[sig[0]].year
        i -= 1
    return None


def _planned_year(doc: Document, sent: Sent, a: int, b: int, sig: tuple[str, str]) -> bool:
    """ "will contest every ward in 2025": a year in a plan, not what the article reports."""
    return (
        sig[1].startswith(("the year", "the "))
        and _LEX.maybe("prospect", sent.words)
        and bool(_PROSPECT.search(doc.norm, a, b))
    )


def sentence_signal(
    doc: Document, sent: Sent, *, main_only: bool = False
) -> tuple[str, str] | None:
    """A sentence-wide sign: one sign shared by its clauses (``main_only``: leaving out
    relative clauses and appositions, "who first won in 2010", and plans, "will
    contest every ward in 2025")."""
    # (a live blog's time stamp, "7:48 p.m. -", opens no clause: the main one follows it)
    first = next(
        (j for j, (a, b) in enumerate(sent.clauses) if not _STAMP.fullmatch(doc.norm[a:b])), 0
    )
    clauses = [
        (a, b)
        for j, (a, b) in enumerate(sent.clauses)
        if not (main_only and j > first and _SUBORDINATE.match(doc.norm[a:b]))
    ]
    sigs = [
        sig
        for a, b in clauses
        if (sig := signal(doc, sent, a, b))
        and not (main_only and _planned_year(doc, sent, a, b, sig))
    ]
    if len({s[0] for s in sigs}) == 1:
        return sigs[0]  # the first clause's reason, so every run gives the same
    return None
