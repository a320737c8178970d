"""The signs in a clause's own words that place it in a contest.

``signal(doc, sent, cs, ce)`` reads the clause in [cs, ce) and returns the
contest its words point at by themselves, with the reason, or None.  The
signs, in the order they are looked for:

- the article's own time: "this time", "the latest contest", "yesterday";
- 1. written years: this contest's, a recorded contest's, or another one
  (a year in a date or a span, "since 1998", is no contest);
- 2. time words: "four years ago", "the previous election", "his opponent
  then", "the next contest": the recorded contest that far or that way;
- 3. people: somebody who stood in another recorded contest and not in this
  one, or somebody who stood only in this one;
- 4. another kind of election ("the general election"), another
  organisation's contest, a contender the facts do not record, or another
  office ("the deputy election").

``weak_signal`` gives the article's contest for a clause that names only our
organisation or the contest; ``sentence_signal`` a sign all a sentence's
clauses share.  ``scope`` decides from these.
"""

from __future__ import annotations

import datetime as dt
import re

from factwatch.claims.facts import Facts
from factwatch.claims.lexicon import lexicon, normalise
from factwatch.claims.model import Contest
from factwatch.claims.numbers import word_number
from factwatch.claims.text import Document, Mention, Sent

_LEX = lexicon()

_YEAR = re.compile(r"(?<![\d,.$£€-])(19[5-9]\d|20[0-9]\d)(?![\d%]|,\d|\.\d)")
# Rough counts of years: "a couple of years ago", "a few years earlier".
_ROUGH = {"a": 1, "a couple of": 2, "a few": 3, "several": 3}
_AGO = re.compile(
    r"(?<![\w-])(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|a couple of|a few|several|a)\s+years?\s+(?P<dir>ago|earlier|before|previously|later|on"
    r"|afterwards|after|since)(?![\w-])"
)
_EARLIER = _LEX.rx("earlier_phrase")
_LAST_YEAR = re.compile(r"(?<![\w-])(last|next)\s+year(?![\w-])")
# "his opponent then": somebody's role at an earlier time the paragraph spoke of
_THEN_NP = re.compile(r"(?:'s|\bhis|\bher|\btheir)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+then(?![\w-])")
_LATER = _LEX.rx("later_phrase")
_REL_ADJ = re.compile(
    rf"(?<![\w-])(?P<adj>{_LEX.alt('earlier_word')}|{_LEX.alt('later_word')})\s+"
    rf"(?:(?:general\s+secretary|leadership|union|party|mayoral|presidential)\s+)?"
    rf"(?:election|contest|race|ballot|vote|poll|time|campaign|leadership\s+election|attempt"
    rf"|bid|tilt|outing)s?(?![\w-])"
)
_OTHER_ELECTION = re.compile(
    r"(?<![\w-])(?:general\s+election|by-election|by\s+election(?!\s+(?:officials?|staff|"
    r"workers?|judges?|observers?|monitors?|officers?|administrators?|authorities|rules?|law))|"
    r"referendum|mayoral|"
    r"presidential|council\s+elections?|local\s+elections?|european\s+elections?|"
    r"deputy\s+leadership|leadership\s+(?:election|contest|race|ballot|bid)|"
    r"parliamentary\s+selection|selection\s+contest|primary|primaries|caucus(?:es)?|"
    r"midterms?|senate\s+race|governor(?:'s)?\s+race|gubernatorial)(?![\w-])"
)
_ORG_CONTEST = re.compile(
    r"(?<![\w'-])(?:[Tt]he\s+)?(?P<org>[A-Z][A-Za-z&]+(?:\s+[A-Z][A-Za-z&]+){0,3})(?:'s|\u2019s)?\s+"
    r"(?:own\s+|new\s+|next\s+|last\s+)?(?:party\s+)?(?P<what>(?:deputy\s+)?leadership(?:\s+(?:election|"
    r"contest|race|ballot|vote))?|(?:general\s+secretary|presidential|mayoral|chair|"
    r"president)\s+(?:election|contest|race|ballot|vote)|elections?|mayoralty|presidency|"
    r"primary|ballot|contest|race|vote)(?![\w-])"
)
_RECENT_WORDS = frozenset(
    "yesterday today tonight monday tuesday wednesday thursday friday saturday "
    "sunday overnight".split()
)
_RECENT = re.compile(
    r"(?<![\w-])(?:yesterday|today|tonight|overnight|(?:on|last|this)\s+(?:monday|"
    r"tuesday|wednesday|thursday|friday|saturday|sunday))(?![\w-])"
)
_FOR_OFFICE = re.compile(
    r"(?<![\w-])(?:ballot|election|elections|vote|contest|race|poll)\s+(?:for|to)\s+"
    r"(?:the\s+|a\s+)?(?P<what>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})"
)
_HAS_DIGIT = re.compile(r"\d")
_THIS_TIME = re.compile(
    r"(?<![\w-])(?:this\s+(?:year|time(?:\s+(?:round|around))?|contest|"
    r"election|race|ballot)|in\s+the\s+latest\s+(?:contest|election|ballot))"
    r"(?![\w-])"
)
_PROSPECT = _LEX.rx("prospect")
_SPAN_BEFORE = re.compile(r"(?<![\w-])(?:since|until|born|joined|founded|formed)\s+(?:in\s+)?$")
# "the lowest turnout since 2010", "the first time since": a year a figure is set against.
_MEASURED_SINCE = re.compile(
    r"(?<![\w-])(?:[a-z]+est|first|most|least|ever|than|record|never|not\s+since)(?![\w-])"
    r"[^.;:]{0,45}?\bsince\s+(?:in\s+)?$"
)
_COMPARED_YEAR = re.compile(
    r"(?:than|compared\s+(?:with|to)|up\s+from|down\s+from|up\s+on|down\s+on|against|unlike|"
    r"since)\s+(?:in\s+|with\s+)?(?:the\s+)?$"
)


def _stood(facts: Facts) -> dict[str, frozenset[str]]:
    """Person key -> the contests they stood in ("this-ballot": this contest's ballot)."""
    return facts.once("scope.stood", _stood_table)


def _stood_table(facts: Facts) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for c in facts.contests.values():
        for p in c.people:
            table.setdefault(p, set()).add(c.key)
    got = {k: frozenset(v) for k, v in table.items()}
    got["this-ballot"] = frozenset(facts.this.on_ballot)
    return got


def _contest_for_year(doc: Document, year: int) -> tuple[str, str] | None:
    for c in doc.facts.contests.values():
        if c.year == year:
            return c.key, f"the {year} contest"
    return None


def _nearest(
    doc: Document, ref: int | None, direction: int, same_office: bool = True
) -> Contest | None:
    """The recorded contest just before (direction -1) or after (+1) year ``ref``."""
    if ref is None:
        return None
    best: Contest | None = None
    for c in doc.facts.contests.values():
        if c.year is None or c.relation == "other" and same_office:
            continue
        if (c.year - ref) * direction <= 0:
            continue
        if best is None or abs(c.year - ref) < abs((best.year or 0) - ref):
            best = c
    return best


def _near_this_contest(doc: Document) -> bool:
    """Was the article published within days of this contest's ballot or result (so
    "on Tuesday" can be it)?  True when the dates are not known."""
    dates = [d for d in doc.facts.this.dates.values() if d]
    if not doc.published or not dates:
        return True
    return min(dates) <= doc.published <= max(dates) + dt.timedelta(days=10)


def signal(doc: Document, sent: Sent, cs: int, ce: int) -> tuple[str, str] | None:
    """The contest the words in [cs, ce) point at by themselves, with the reason."""
    key = ("scope.signal", cs, ce)
    if key in doc.memo:
        return doc.memo[key]  # type: ignore[return-value]
    out = _compute_signal(doc, sent, cs, ce)
    doc.memo[key] = out
    return out


_ORG_CONTEST_WORDS = frozenset(
    "leadership election elections mayoralty presidency primary ballot contest race vote".split()
)
_OTHER_ELECTION_WORDS = frozenset(
    "general by by-election referendum mayoral presidential council local european deputy "
    "leadership parliamentary selection primary primaries caucus caucuses midterm midterms "
    "senate governor governor's gubernatorial".split()
)


def _compute_signal(doc: Document, sent: Sent, cs: int, ce: int) -> tuple[str, str] | None:
    """The first sign found, in this order: the article's own time ("this time",
    "yesterday"), a written year, time words, the people named, another kind of
    election or another organisation's contest, another office."""
    got_ref = doc.memo.get("scope.ref_year", doc.facts.this.year)
    ref = got_ref if isinstance(got_ref, int) else None
    default = str(doc.memo.get("scope.default", "this"))
    return (
        _now_signal(doc, sent, cs, ce, default)
        or _year_signal(doc, cs, ce)
        or _ago_signal(doc, sent, cs, ce, ref)
        or _earlier_later_signal(doc, sent, cs, ce, ref)
        or _people_signal(doc, sent, cs, ce, ref)
        or _other_contest_signal(doc, sent, cs, ce)
        or _office_signal(doc, sent, cs, ce)
    )


def _now_signal(
    doc: Document, sent: Sent, cs: int, ce: int, default: str
) -> tuple[str, str] | None:
    """ "This time", "the latest contest", "yesterday": the article's contest (a weekday
    only when the article was published near this contest's dates)."""
    norm = doc.norm
    words = sent.words
    if ("this" in words or "latest" in words) and (m := _THIS_TIME.search(norm, cs, ce)):
        return default, f"'{m.group(0)}'"
    if not _RECENT_WORDS.isdisjoint(words) and (m := _RECENT.search(norm, cs, ce)):
        if default != "this" or _near_this_contest(doc):
            return default, f"'{m.group(0)}'"
    return None


def _year_signal(doc: Document, cs: int, ce: int) -> tuple[str, str] | None:
    """1. Written years: this contest's, a recorded contest's, or another (a year in a
    date or a span that is no contest is passed over)."""
    norm = doc.norm
    this = doc.facts.this
    for m in _YEAR.finditer(norm, cs, ce) if _HAS_DIGIT.search(norm, cs, ce) else ():
        year = int(m.group(1))
        compared = (
            " (compared)" if _COMPARED_YEAR.search(norm, max(cs, m.start() - 25), m.start()) else ""
        )
        if _SPAN_BEFORE.search(norm, max(cs, m.start() - 12), m.start()) and not (
            _MEASURED_SINCE.search(norm, max(cs, m.start() - 60), m.start())
        ):
            continue  # "who has led the union since 2010": a span, no contest
        if this.year and year == this.year:
            return "this", f"the year {year}{compared}"
        hit = _contest_for_year(doc, year)
        if hit:
            return hit[0], hit[1] + compared
        if _date_context(norm, m.start(), cs):
            continue
        return "other", f"the year {year}"
    return None


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


def _earlier_later_signal(
    doc: Document, sent: Sent, cs: int, ce: int, ref: int | None
) -> tuple[str, str] | None:
    """2. Time words that point before or after: "the previous election", "his
    opponent then", "the next contest": the nearest recorded contest that way."""
    norm = doc.norm
    words = sent.words
    m = (
        (_LEX.maybe("earlier_phrase", words) and _EARLIER.search(norm, cs, ce))
        or (_LEX.maybe("earlier_word", words) and _rel(norm, cs, ce, "earlier"))
        or ("then" in words and _THEN_NP.search(norm, cs, ce))
        or None
    )
    if m:
        near = _nearest(doc, ref, -1)
        return (near.key, f"'{m.group(0)}'") if near else ("other", f"'{m.group(0)}'")
    m = (
        (_LEX.maybe("later_phrase", words) and _LATER.search(norm, cs, ce))
        or (_LEX.maybe("later_word", words) and _rel(norm, cs, ce, "later"))
        or None
    )
    if m:
        near = _nearest(doc, ref, +1)
        return (near.key, f"'{m.group(0)}'") if near else ("other", f"'{m.group(0)}'")
    return None


def _people_signal(
    doc: Document, sent: Sent, cs: int, ce: int, ref: int | None
) -> tuple[str, str] | None:
    """3. People: somebody who stood in another recorded contest and not in this one."""
    facts = doc.facts
    stood = _stood(facts)
    on_ballot = stood["this-ballot"]
    others: dict[str, str] = {}
    exclusive_here = False
    named_here = False
    rivals_there = False  # somebody who stood only elsewhere is beaten or beats here
    for mm in sent.mentions:
        if not (cs <= mm.start < ce) or mm.kind != "person" or not mm.person:
            continue
        where = stood.get(mm.person, frozenset())
        if "this" in where:
            if mm.by_name and len(where) == 1:
                exclusive_here = True
            if mm.by_name and mm.person in on_ballot:
                named_here = True
            continue
        for key in where:
            others.setdefault(key, facts.people[mm.person].name)
        if _in_electoral_role(doc, mm, cs, ce):
            rivals_there = True
    if others and not exclusive_here and (not named_here or rivals_there):
        pick = min(others, key=lambda k: abs((facts.contests[k].year or 0) - (ref or 0)))
        how = "a contender in" if rivals_there else "who stood in"
        return pick, f"names {others[pick]}, {how} {facts.contests[pick].name}"
    if exclusive_here:
        return "this", "names a candidate who stood only in this election"
    return None


def _other_contest_signal(doc: Document, sent: Sent, cs: int, ce: int) -> tuple[str, str] | None:
    """4. Another kind of election ("the general election"), another organisation's
    contest ("the GMB's leadership election"), or a contender the facts do not record."""
    norm = doc.norm
    words = sent.words
    ours = _ours(doc)
    m = (
        _OTHER_ELECTION.search(norm, cs, ce)
        if not _OTHER_ELECTION_WORDS.isdisjoint(words)
        else None
    )
    if m and m.group(0) not in ours and not _our_org_before(sent, m.start()):
        return "other", f"'{m.group(0)}'"
    for m in (
        _ORG_CONTEST.finditer(doc.text, cs, ce) if not _ORG_CONTEST_WORDS.isdisjoint(words) else ()
    ):
        org = normalise(m.group("org"))
        if org in ours or org.split()[0] in _SKIP_ORG or _held_by_person(sent, m):
            continue
        return "other", f"{m.group('org')}'s {m.group('what')}, another organisation's contest"
    if _contender_outsider(doc, sent, cs, ce):
        return "other", "a contender the facts do not record"
    return None


def _held_by_person(sent: Sent, m: re.Match[str]) -> bool:
    """ "Rowe's leadership", "Pike's presidency": a person's term in an office, not an
    organisation's contest (the people signal places a contest's own candidates)."""
    if m.group("what") not in ("leadership", "presidency", "mayoralty"):
        return False
    org_start, org_end = m.span("org")
    return any(
        x.kind in ("person", "other") and x.start <= org_start and org_end <= x.end + 1
        for x in sent.mentions
    )


def _office_signal(doc: Document, sent: Sent, cs: int, ce: int) -> tuple[str, str] | None:
    """4. Another office: a recorded contest's ("the deputy election"), or a seat that is
    none of ours ("the election to the executive council")."""
    facts = doc.facts
    this = facts.this
    norm = doc.norm
    words = sent.words
    for key, office, rx in _offices(facts):
        if rx.search(norm, cs, ce):
            return key, f"the office of {office}"
    if "for" in words or "to" in words:
        mine = set(normalise(this.office or "").split()) | set(
            normalise(facts.election.organisation or "").split()
        )
        for m in _FOR_OFFICE.finditer(norm, cs, ce):
            what = m.group("what").split()
            if what and what[-1] in _OTHER_SEATS and not set(what) & mine:
                return "other", f"'{m.group(0)}'"
    return None


_OTHER_SEATS = frozenset(
    "executive council committee board seat seats ward panel branch presidency president "
    "chair treasurer deputy vice-president secretaryship".split()
)


def _offices(facts: Facts) -> list[tuple[str, str, re.Pattern[str]]]:
    """(contest key, office, pattern) for each related contest for another office."""
    return facts.once("scope.offices", _office_patterns)


def _office_patterns(facts: Facts) -> list[tuple[str, str, re.Pattern[str]]]:
    this = facts.this
    got = []
    for c in facts.contests.values():
        if c.key != "this" and c.office and c.office != this.office:
            words = _office_words(c.office, this.office)
            if words:
                got.append((c.key, c.office, re.compile(words)))
    return got


def _office_words(office: str, ours: str) -> str:
    """A pattern for the words that set another office apart from ours: all of them,
    together ("eastfield ward councillor"), or the one word when there is one ("deputy")."""
    mine = set(normalise(ours).split())
    extra = [
        w
        for w in re.findall(r"[\w'-]+", normalise(office))
        if w not in mine and w not in ("of", "the", "election", "general")
    ]
    if not extra:
        return ""
    words = r"\s+".join(re.escape(w) for w in extra)
    return (
        rf"(?<![\w-])(?:{words}(?:\s+[\w-]+){{0,2}}?\s+"
        rf"(?:election|contest|race|ballot|post|job|vote|poll)s?"
        # "to become deputy mayor", "elected as deputy", "the race for deputy": the seat
        # someone seeks (not "Kerr, the deputy, ...": who someone is)
        rf"|(?:become|becoming|elected|elect|re-elected|run\s+for|running\s+for|stand\s+for|"
        rf"standing\s+for|bid\s+for|race\s+for|nominated\s+for|nominations?\s+for)\s+"
        rf"(?:as\s+)?(?:the\s+)?(?:[\w-]+\s+){{0,2}}?{words})(?![\w-])"
    )


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


def _our_org_before(sent: Sent, pos: int) -> bool:
    """ "Unite's leadership ballot", "the union's leadership election": ours."""
    return any(m.kind == "ours" and 0 <= pos - m.end <= 4 for m in sent.mentions)


_SKIP_ORG = frozenset(
    "the a an his her their its this that in on at but and he she they general deputy "
    "assistant former new acting interim with without as after before for from by to of "
    "into over under during since until while when where how what which who if unless "
    "because although though so yet or nor not no all both each every some any many most "
    "more last next first final whole monday tuesday wednesday thursday friday saturday "
    "sunday january february march april may june july august september october november "
    "december today yesterday tomorrow tonight spring summer autumn fall winter".split()
)


def _rel(norm: str, cs: int, ce: int, which: str) -> re.Match[str] | None:
    for m in _REL_ADJ.finditer(norm, cs, ce):
        adj = m.group("adj")
        if which == "earlier" and _LEX.rx("earlier_word").fullmatch(adj):
            if adj == "first" and not re.search(r"time|election|contest|bid|attempt", m.group(0)):
                continue
            return m
        if which == "later" and _LEX.rx("later_word").fullmatch(adj):
            if adj in ("new", "second", "fresh") and not re.search(
                r"election|contest|ballot|vote", m.group(0)
            ):
                continue
            return m
    return None


def _date_context(norm: str, pos: int, cs: int) -> bool:
    """A year in a date or a span that is no contest ("since 1998", "born in 1961")."""
    before = norm[max(cs, pos - 20) : pos]
    return bool(
        re.search(
            r"(?:since|born|joined|founded|formed|until|from|aged?|age)\s+(?:in\s+)?$"
            r"|\d{1,2}\s+\w+\s+$",
            before,
        )
    )


def _ours(doc: Document) -> str:
    got = doc.memo.get("scope.ours")
    if isinstance(got, str):
        return got
    el = doc.facts.election
    text = normalise(" ".join([el.name, el.office, el.organisation, *el.aliases]))
    doc.memo["scope.ours"] = text
    return text


def _aliases(doc: Document) -> list[str]:
    got = doc.memo.get("scope.aliases")
    if isinstance(got, list):
        return got
    el = doc.facts.election
    out = [normalise(a) for a in [el.name, *el.aliases] if len(a.split()) >= 2]
    doc.memo["scope.aliases"] = out
    return out


_OUTSIDER_ROLE = re.compile(
    rf"\s*(?:,[^,]{{0,80}},\s*)?(?:has\s+been\s+|was\s+|is\s+|had\s+been\s+)?(?:"
    rf"{_LEX.alt('win_word')}|{_LEX.alt('win_verb')}|{_LEX.alt('loss_verb')}|polled|took|received|"
    rf"stood|standing|ran|running|topped|secured|finished|came|trailed|won)(?![\w-])"
)
_OUTSIDER_OBJECT = re.compile(
    rf"(?:{_LEX.alt('win_verb')}|against|versus|v|vs|between|lost\s+to|beaten\s+by|"
    rf"defeated\s+by|behind|ahead\s+of|over)\s+(?:[\w-]+\s+){{0,2}}$"
)


def _contender_outsider(doc: Document, sent: Sent, cs: int, ce: int) -> bool:
    """Is somebody the facts do not know the subject or object of an electoral verb here?"""
    return any(
        mm.kind == "other" and cs <= mm.start < ce and _in_electoral_role(doc, mm, cs, ce)
        for mm in sent.mentions
    )


def _in_electoral_role(doc: Document, mm: Mention, cs: int, ce: int) -> bool:
    """ "Voss won ...", "defeating Voss", "against Voss": a contender in this clause."""
    return bool(
        _OUTSIDER_ROLE.match(doc.norm, mm.end, ce)
        or _OUTSIDER_OBJECT.search(doc.norm, max(cs, mm.start - 40), mm.start)
    )


# Clauses that hang on another (relative, comparative, absolute): "..., down on the
# 53,544 he won in 2017, when he finished second, with Lund third."
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
    clauses = [
        (a, b)
        for j, (a, b) in enumerate(sent.clauses)
        if not (main_only and j > 0 and _SUBORDINATE.match(doc.norm[a:b]))
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
