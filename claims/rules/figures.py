"""`figure`: a number about the election that disagrees with the facts beyond honest rounding.

Each number is read for what it measures and whose it is
(``claims.measures``), placed in a contest and a time (``claims.scope``),
and compared with every recorded or derived figure that fits: the same
contest, measure, unit and person, any round unless the text names one, any
basis a share could be on.  It is flagged only when it agrees with none of
them at the writer's own precision (``claims.precision``).  Predictions,
polls, interim counts, other contests' numbers, corrections that quote the
withdrawn figure and counts of things the facts do not record are passed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from factwatch.claims.corrections import quoted_for_correction
from factwatch.claims.earlier import said_of
from factwatch.claims.facts import Facts
from factwatch.claims.lexicon import lexicon
from factwatch.claims.measures import Reading, read_number
from factwatch.claims.model import Contest, EarlierCount, Figure
from factwatch.claims.numbers import NumberMention
from factwatch.claims.precision import consistent
from factwatch.claims.rules import register
from factwatch.claims.rules.base import (
    MEASURE_NAMES,
    PARTIAL_COUNT,
    contest_words,
    figure_details,
    make_finding,
    set_out_to_check,
)
from factwatch.claims.rules.figure_index import FigureIndex, most_precise
from factwatch.claims.rules.misprints import Misprints, misprint_finding
from factwatch.claims.scope import Scope, context, scope_at
from factwatch.claims.scope_signals import signal
from factwatch.claims.text import Document, Sent
from factwatch.core.records import Finding

_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion half third thirds quarter quarters fifth fifths sixth "
    "seventh eighth ninth tenth dozen majority"
).split()
# (the lookahead, a digit or a number word's first letter, lets the scan skip other places)
_HAS_NUMBER = re.compile(
    rf"(?=[\d{''.join(sorted({w[0] for w in _NUMBER_WORDS}))}])"
    rf"(?:\d|\b(?:{'|'.join(_NUMBER_WORDS)})\b)"
)
_DIGIT = re.compile(r"\d")
# The words of _HAS_NUMBER grouped by their first letter, each alternative starting with
# that letter and testing the word edge before it once it is read ("(?<!\w.)": no word
# character before the letter, which is \b there): a pattern whose every alternative
# starts with a letter is scanned for those letters alone, several times faster than one
# that starts with a test.  Together with _DIGIT it finds what _HAS_NUMBER finds.
_NUMBER_WORD = re.compile(
    "(?:"
    + "|".join(
        rf"{a}(?<!\w.)(?:{'|'.join(w[1:] for w in _NUMBER_WORDS if w[0] == a)})"
        for a in sorted({w[0] for w in _NUMBER_WORDS})
    )
    + r")\b"
)


def _has_number(text: str, start: int = 0, end: int | None = None) -> bool:
    """``_HAS_NUMBER.search(text, start, end)``, in two quicker scans."""
    end = len(text) if end is None else end
    return bool(_DIGIT.search(text, start, end) or _NUMBER_WORD.search(text, start, end))


_SUPERSEDED = re.compile(
    r"\b(?:misstated|misreported|misquoted|mistyped|misprinted|corrected|correction)\b"
    r"|\b(?:the|that|an|our|this)\s+(?:same\s+|earlier\s+|original\s+)?(?:article|story|report|"
    r"piece|version|headline)\s+(?:said|stated|gave|reported|claimed|put)\b"
    r"|\b(?:originally|previously|wrongly|incorrectly|mistakenly|erroneously)\s+(?:gave|stated|"
    r"said|reported|put|listed|described|quoted|given|stated)\b|\ban?\s+(?:earlier|previous)\s+"
    r"version\b"
    # a corrections column: "An analysis ('How the run-off was won', 25 November) said ..."
    r"|\b(?:an?|the|that|our|this)\s+(?:analysis|article|story|report|piece|profile|column|"
    r"feature|caption|editorial|graphic|chart|table|blog|explainer|preview|obituary|review)"
    r"\s*\([^)]{1,80}\)\s+(?:said|stated|gave|reported|claimed|put|described|listed)\b"
)
# Every correction phrase above holds one of these words: a cheap test before the search.
_SUPERSEDED_HINT = re.compile(
    r"mis|correct|said|stated|gave|given|reported|claimed|put|listed|described|quoted|version"
)
_COMPARED_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:down|up|fell|rose|dropped|climbed)\s+(?:on|from)|compared\s+(?:with|to)|"
    r"than|against|versus|unlike)\s+(?:[\w'-]+\s+){0,3}$"
)
_FROM_BEFORE = re.compile(r"(?<![\w-])from\s+(?:the\s+|a\s+|his\s+|her\s+|its\s+)?$")
_RESULT_WORDS = re.compile(
    rf"{lexicon().alt('win_word')}|{lexicon().alt('result_word')}|{lexicon().alt('win_verb')}"
)
_TO_AFTER = re.compile(r"[^;:]{0,30}?\bto\s+(?:[a-z]+\s+){0,3}?\d")
_INTERIM = re.compile(
    r"(?<![\w-])(?:interim|provisional|so\s+far|at\s+that\s+(?:stage|point))(?![\w-])"
)
# a turnout while voting goes on: "Turnout at 9 am stands at 8.9 per cent", "by 3 pm",
# "till 1 p.m.", "provisional turnout", "turnout so far"
_TURNOUT_SO_FAR = re.compile(
    r"(?<![\w-])(?:interim|provisional|so\s+far|till\s+now|until\s+now|(?:at|by|till|until|"
    r"as\s+of|up\s+to)\s+\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|hrs|o'clock)|"
    r"(?:at|by)\s+(?:noon|midday|lunchtime))(?![\w-])"
)
# a count still going on: "early count from the first two boxes", "after the fifth round
# of counting", "was leading by 2,300 votes", "with 12 of 40 boxes counted" (not merely
# "unofficial": a whole count later replaced may be, and is judged as that count)
_LETTERS = re.compile(r"[a-z]+")
# a label written before its count: "Blank 208", "spoiled: 187"
_LABEL_BEFORE = re.compile(r"(?<![\w-])([a-z]+):?\s+$")
_SPACES = re.compile(r"\s+")
_GENERIC_NOUNS = frozenset("papers ballots votes ballot paper vote members people".split())


# How an explanation names a share's whole.
_BASIS_WORDS = {
    "valid": "of valid votes",
    "cast": "of all votes cast",
    "electorate": "of the electorate",
    "continuing": "of the papers still in the count",
}


@register
class FigureRule:
    kinds = ("figure",)

    def __init__(self, facts: Facts):
        self.facts = facts
        self.index = FigureIndex(facts)
        self.earlier = [(count, FigureIndex(facts, count.figures)) for count in facts.earlier]
        self.misprints = Misprints(facts)

    def check(self, doc: Document) -> list[Finding]:
        out: list[Finding] = []
        seen: set[tuple[str, str]] = set()
        order = sorted(doc.sentences, key=lambda s: (not s.headline, s.index))
        for sent in order:
            if _passed_over(doc, sent):
                continue
            # One finding per figure and sentence ("one in five, a turnout of 20 per cent"),
            # quoting the number written most plainly.
            mine: dict[str, tuple[NumberMention, Figure, Reading, Scope]] = {}
            for cs, ce in sent.clauses:
                if not _has_number(doc.norm, cs, ce):
                    continue
                for n in doc.numbers_in(cs, ce):
                    found = self._judge(doc, sent, n, cs, ce)
                    if found is None:
                        out.extend(self._misprinted(doc, sent, n, mine))
                        continue
                    fig, reading, scope = found
                    prev = mine.get(fig.id)
                    if prev is None or (prev[0].form != "number" and n.form == "number"):
                        mine[fig.id] = (n, fig, reading, scope)
            for n, fig, reading, scope in mine.values():
                key = (fig.id, _SPACES.sub(" ", n.text))
                if key in seen:
                    continue
                seen.add(key)
                out.append(self._finding(doc, sent, n, fig, reading, scope))
        return out

    def _judge(
        self, doc: Document, sent: Sent, n: NumberMention, cs: int, ce: int
    ) -> tuple[Figure, Reading, Scope] | None:
        qs = n.qual_start if n.qual_start is not None else n.start
        head = doc.norm[max(cs, qs - 40) : qs]
        if _COMPARED_BEFORE.search(head) or (
            "from" in head  # (a cheap test before the search)
            and _FROM_BEFORE.search(head)
            and _TO_AFTER.match(doc.norm, n.end, ce)
        ):
            return None  # the earlier or compared figure ("up from 10%", "from 15% to 12%")
        reading = read_number(doc, sent, n, cs, ce)
        if reading is None:
            self._misprint(doc, sent, n)
            return None
        scope = self._placed(doc, sent, n, cs, reading)
        if scope is None:
            return None  # predictions, polls and other contests' numbers are theirs
        if (
            _not_yet_a_figure(doc, sent, reading, cs, ce)
            or _before_the_ballot(doc, scope, reading)
            or _of_one_area(doc, reading, cs, ce)
        ):
            return None
        before = doc.sentences[sent.index - 1].norm if sent.index else ""
        figures = self.index.candidates(scope.contest, reading, n, sent.norm, before)
        if not figures:
            self._misprint(doc, sent, n)
            return None
        if any(consistent(n, f) for f in most_precise(figures)):
            return None
        if reading.measure == "margin" and self._some_margin(n, sent, scope.contest):
            return None
        if _INTERIM.search(sent.norm) and any(f.measure == "nominations" for f in figures):
            return None  # an interim count ("the interim bulletin of 12 September")
        if (
            self._recorded_as_said(doc, n, scope.contest)
            # a count later replaced, reported before it was or as it
            or self._of_earlier_count(doc, sent, n, reading, scope.contest, before)
            # "Turnout was 22.6 percent": the contest just spoken of, its figure
            or self._of_contest_just_spoken_of(doc, sent, n, reading, scope.contest, cs, ce, before)
        ):
            return None
        fig = min(figures, key=lambda f: (f.derived, abs(f.value - n.value)))
        return fig, reading, scope

    def _some_margin(self, n: NumberMention, sent: Sent, contest: str) -> bool:
        """Does a precise margin of a sentence naming one candidate at most agree with
        the margin between some two candidates in some round ("through to the final
        count by 32 votes", "lost by 889")?  In a count of several rounds the words seldom
        say which two and which round, and a precise number that is one of them is not
        wrong by chance.  (With both sides named, "Pike trailed the mayor by 2,130", the
        words say whose it is.)"""
        if n.sig_figs < 2 or n.qualifier != "exact":
            return False
        if len({m.person for m in sent.mentions if m.kind == "person" and m.person}) > 1:
            return False
        figs = self.index.get((contest, "margin", n.unit))
        return len({f.round for f in figs}) > 1 and any(consistent(n, f) for f in figs)

    def _placed(
        self, doc: Document, sent: Sent, n: NumberMention, cs: int, r: Reading
    ) -> Scope | None:
        """The scope a number is judged in, when it is this contest's result as it stands:
        not a prediction (a count of the facts' own kind is of the set-up, in any tense:
        "voting will go on at all 217 polling stations"), a poll or another contest's."""
        scope = scope_at(doc, sent, n.start)
        if r.measure == "margin" and self._won_this(doc, n, cs, r, scope):
            scope = Scope("this", "the margin is of a win, and its winner won this contest only")
        ahead = scope.prospective and r.measure != "count"
        if ahead or scope.poll or scope.contest != "this":
            return None
        return scope

    def _misprinted(
        self, doc: Document, sent: Sent, n: NumberMention, mine: Mapping[str, object]
    ) -> list[Finding]:
        """The finding for a number ``_judge`` passed as unread that is a misprint."""
        slip = doc.memo.get(("figures.misprint", n.start))
        if isinstance(slip, tuple) and slip[0].id not in mine:
            return [misprint_finding(doc, sent, n, *slip)]
        return []

    def _won_this(self, doc: Document, n: NumberMention, cs: int, r: Reading, scope: Scope) -> bool:
        """Is a margin placed in a related contest one its subject won by, when they won
        this contest and not that one ("Rowe's winning margin of 1,646 votes puts paid
        to the farce of last year", when she lost last year's)?"""
        contests = self.facts.contests
        if scope.contest not in contests or scope.contest == "this" or not r.subject:
            return False
        if not _WON_BY.search(doc.norm, max(cs, n.start - 50), n.start):
            return False
        return _won(contests["this"], r.subject) and not _won(contests[scope.contest], r.subject)

    def _misprint(self, doc: Document, sent: Sent, n: NumberMention) -> None:
        """A number read as nothing the facts record may still be a recorded count
        misprinted: kept in ``doc.memo`` for ``check`` to report."""
        scope = scope_at(doc, sent, n.start)
        if scope.prospective or scope.poll or scope.contest == "other":
            return
        fig = self.misprints.of(doc, sent, n, scope.contest)
        if fig is not None:
            doc.memo[("figures.misprint", n.start)] = (fig, scope)

    def _of_earlier_count(
        self, doc: Document, sent: Sent, n: NumberMention, r: Reading, contest: str, before: str
    ) -> bool:
        """Does ``n`` agree with a count later replaced, and is it said of that count?  When
        it agrees but is not, the finding will name the count (kept in ``doc.memo``)."""
        for count, index in self.earlier:
            figs = index.candidates(contest, r, n, sent.norm, before)
            if any(consistent(n, f) for f in figs):
                if said_of(doc, sent, count):
                    return True
                doc.memo[("figures.earlier", n.start)] = count
        return False

    def _of_contest_just_spoken_of(
        self,
        doc: Document,
        sent: Sent,
        n: NumberMention,
        r: Reading,
        contest: str,
        cs: int,
        ce: int,
        before: str,
    ) -> bool:
        """Does ``n``, written to three or more significant figures, agree with the same
        measure of the recorded contest the text last named, when that is another one?
        Then it is that contest's own, in a clause that does not name it again ("The
        president was re-elected 41,228 to 17,904. Turnout was 22.6 percent."): a number
        that precise does not agree with the other contest by chance.  A clause that names
        this contest ("This year's turnout was 22.6 percent") is mixing the two up."""
        if n.sig_figs < 3 or n.qualifier != "exact":
            return False
        own = signal(doc, sent, cs, ce)
        if own and own[0] == contest:
            return False
        last = _last_named(doc, sent, cs)
        if last in (None, contest, "this", "other"):
            return False
        return any(consistent(n, f) for f in self.index.candidates(last, r, n, sent.norm, before))

    def _recorded_as_said(self, doc: Document, n: NumberMention, contest: str) -> bool:
        """A count the facts record in the words right after the number, or in a label
        right before it, and that agrees ("187 spoiled" or "Blank 208, spoiled 187" beside
        395 rejected papers, when 208 blank and 187 spoiled papers are recorded)."""
        after = set(_LETTERS.findall(doc.norm[n.end : n.end + 24])[:2])
        label = _LABEL_BEFORE.search(doc.norm, max(0, n.start - 24), n.start)
        if label:
            after.add(label.group(1))
        if not after:
            return False
        return any(
            f.measure == "count"
            and f.subject is None
            and after & (set(f.counts.split()) - _GENERIC_NOUNS)
            and consistent(n, f)
            for f in self.index.get((contest, "count", n.unit))
        )

    def _finding(
        self, doc: Document, sent: Sent, n: NumberMention, fig: Figure, r: Reading, scope: Scope
    ) -> Finding:
        facts = self.facts
        who = facts.people[fig.subject].name if fig.subject else ""
        what = MEASURE_NAMES.get(fig.measure, fig.measure)
        if fig.measure == "margin" and fig.other:
            what = f"margin over {facts.people[fig.other].name}"
        if fig.measure == "count" or (fig.measure == "nominations" and fig.counts != "nominations"):
            what = fig.counts
        owner = f"{who}'s " if who else ""
        rnd = (
            f" in round {fig.round}"
            if fig.round
            and len({f.round for f in facts.figures if f.contest == fig.contest and f.round}) > 1
            else ""
        )
        basis = (
            f" ({_BASIS_WORDS.get(fig.basis, f'of {fig.basis} votes')})"
            if fig.measure == "share" and fig.basis
            else ""
        )
        recorded = fig.shown or f"{fig.value:,.0f}"
        explanation = (
            f"Gives {owner}{what}{rnd} as '{n.text.strip()}'; the recorded figure is "
            f"{recorded}{basis}. Judged against {contest_words(facts, scope)} "
            f"({scope.why or 'the article is about it'}); the number was read as {r.why}."
        )
        earlier = doc.memo.get(("figures.earlier", n.start))
        if isinstance(earlier, EarlierCount):
            explanation += (
                f" It is the figure of {earlier.label}, declared on "
                f"{earlier.declared:%-d %B %Y} and replaced on {earlier.replaced:%-d %B %Y}."
            )
        qs = n.qual_start if n.qual_start is not None else n.start
        gap = abs(n.value - fig.value) / fig.value if fig.value else 1.0
        return make_finding(
            doc,
            sent,
            kind="figure",
            rule_id=f"figure.{fig.measure}",
            fact_ids=[fig.id],
            explanation=explanation,
            phrase=(qs, n.end),
            severity="high" if gap > 0.15 else "medium",
            confidence=0.85 if r.measure in ("votes", "share", "turnout", "margin") else 0.7,
            details=figure_details(n, fig, scope),
        )


# a win's margin: "'s winning margin of", "won by", "beat Pike by", "a victory of"
_WON_BY = re.compile(
    r"(?:'s\s+(?:winning\s+)?(?:margin|majority)|\b(?:won|wins|beat|beats|defeated)\b[^,;:.]*"
    r"\bby|\bvictory\s+(?:by|of))\s+(?:a\s+margin\s+of\s+|of\s+)?[a-z ]{0,12}$"
)


def _not_yet_a_figure(doc: Document, sent: Sent, r: Reading, cs: int, ce: int) -> bool:
    """A gap between nobody named ("12 points further back": in what?), nominations
    before they closed, a turnout while the polls are open, a count still going on."""
    if r.measure in ("votes", "share", "margin", "total", "valid", "spoiled") and (
        PARTIAL_COUNT.search(doc.norm, sent.start, sent.end)
    ):
        return True
    if r.measure == "margin" and not (r.subject or r.other):
        return not _RESULT_WORDS.search(doc.norm, cs, ce)
    if r.measure == "nominations":
        return _not_final_nominations(doc, cs, ce)
    if r.measure in ("turnout", "total"):
        return bool(_TURNOUT_SO_FAR.search(doc.norm, cs, ce))
    return False


_BALLOT_MEASURES = frozenset("votes share margin points total valid spoiled turnout gain".split())


def _before_the_ballot(doc: Document, scope: Scope, r: Reading) -> bool:
    """A tally in an article published before this contest's ballot opened is of
    something else (a nominating vote, a poll): the ballot had counted nothing yet."""
    opened = doc.facts.this.dates.get("ballot_open")
    return bool(
        scope.contest == "this"
        and r.measure in _BALLOT_MEASURES
        and opened
        and doc.published
        and doc.published < opened
    )


# one area of the electorate: "won his home Eastvale County 12,602 to 8,905", "10,214
# votes in Northgate County", "carried the Eastgate ward by 300" (a recorded count of it is
# read by its own words)
_OFFICIAL = (
    r"(?:sheriff|commissioner|prosecutor|council|councillor|councilor|board|executive|clerk|"
    r"judge|attorney|chair|official|officials|seat|mayor|party)"
)
_ONE_AREA = re.compile(
    r"(?<![\w-])(?:in|at|across|won|wins|took|takes|carried|carries|lost|swept|out)\s+"
    r"(?:his\s+|her\s+|their\s+|its\s+|the\s+)?(?:home\s+)?(?:[A-Z][\w'\u2019-]+\s+){1,3}"
    rf"(?:County|Ward|Precinct|Parish|Borough|Township|Booth|Region)(?![\w-])(?!\s+{_OFFICIAL})"
    r"|(?<![\w-])(?:in|at|across|won|took|carried|lost)\s+(?:the\s+)?(?:[A-Z][\w'-]+\s+){1,2}"
    rf"(?:ward|precinct|booth|county)(?![\w-])(?!\s+{_OFFICIAL})"
)
_AREA_MEASURES = frozenset("votes share margin points total turnout".split())


def _of_one_area(doc: Document, r: Reading, cs: int, ce: int) -> bool:
    """Is a tally, share or margin in a clause about one area of the electorate?"""
    return r.measure in _AREA_MEASURES and bool(_ONE_AREA.search(doc.text, cs, ce))


def _won(contest: Contest, person: str) -> bool:
    return any(s.person == person and s.outcome == "winner" for s in contest.standings)


def _passed_over(doc: Document, sent: Sent) -> bool:
    """A sentence with no number, a correction quoting the number it withdraws, or a
    claim set out to be checked ("Claim: 20,000 votes were lost")."""
    return (
        not _has_number(sent.norm)
        or bool(_SUPERSEDED_HINT.search(sent.norm) and _SUPERSEDED.search(sent.norm))
        or set_out_to_check(doc, sent)
        or quoted_for_correction(doc, sent)
    )


def _last_named(doc: Document, sent: Sent, cs: int) -> str | None:
    """The contest of the nearest clause before ``cs`` (in this sentence or the two before
    it, in this paragraph or the one before) that names its contest, not by default."""
    default = context(doc).why or "the article is about it"
    for s in reversed(doc.sentences[max(0, sent.index - 2) : sent.index + 1]):
        if s.paragraph < sent.paragraph - 1:
            break
        for a, _ in reversed(s.clauses):
            if s is sent and a >= cs:
                continue
            placed = scope_at(doc, s, a)
            if placed.why != default:
                return placed.contest
    return None


_NOW_NOMINATED = re.compile(
    r"(?<![\w-])(?:(?:has|have)\s+(?:now\s+|so\s+far\s+|already\s+)?(?:been\s+nominated|"
    r"collected|secured|received|gathered|won)|(?:is|are)\s+(?:being\s+)?nominated)(?![\w-])"
)


def _not_final_nominations(doc: Document, cs: int, ce: int) -> bool:
    """An interim count, before nominations closed; or nominations in the present tense in
    an article of a later year ("has been nominated by 44 unions"): a contest now."""
    if context(doc).phase == "before-nominations":
        return True
    year = doc.facts.this.year
    return bool(
        doc.published
        and year
        and doc.published.year > year
        and _NOW_NOMINATED.search(doc.norm, cs, ce)
    )
