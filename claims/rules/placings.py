"""`figure`, for the order and size of the field: places, rounds and "N-way" counts.

A place is a figure too: "Lind finished second" is wrong when she was
third after all the rounds, though she was second on first preferences
("came second in the first round" is right).  The places come from the
recorded votes: the final round's order, then the order in which the
others went out.  The number of rounds and the size of the field ("a
four-way race" after one of four withdrew, "her three rivals") are checked
the same way: against the contest's own count, at the article's date.
Two-person wording ("a two-horse race") is framing, not a figure.
"""

from __future__ import annotations

import re

from factwatch.claims.entities import ranking
from factwatch.claims.facts import Facts
from factwatch.claims.field import contenders, front_runners
from factwatch.claims.numbers import ORDINALS, word_number
from factwatch.claims.rules import register
from factwatch.claims.rules.base import make_finding, set_out_to_check
from factwatch.claims.scope import scope_at
from factwatch.claims.text import Document, Mention, Sent
from factwatch.core.records import Finding

_ORD = {**ORDINALS, "top": 1, "last": -1, "runner-up": 2, "runner up": 2}
_ORDINAL = r"(?P<ord>first|top|second|third|fourth|fifth|sixth|seventh|last)"
_PLACE_AFTER = re.compile(
    rf"\s*(?:,(?!\s*(?:and|but|while|as|then)\b)[^,]{{1,80}},\s*)?(?:,?\s*who\s+)?(?:has\s+|had\s+)?"
    rf"(?:came|comes|coming|finished|finishes|finishing|"
    rf"placed|was|is|ended(?:\s+up)?|ending(?:\s+up)?|trailed\s+in|was\s+placed|emerged)\s+"
    rf"(?:a\s+(?:distant|close|narrow|strong|respectable|creditable|poor|comfortable|clear)\s+|"
    rf"in\s+)?{_ORDINAL}(?:[\s-]+place)?(?!\s*(?:-|\s)(?:term|time|successive|straight|"
    rf"consecutive|attempt|bid|go|stint|preference|round|count|ballot|choice)s?\b)(?![\w-])"
    rf"(?!\s+(?:night|week|month|year|time|weekend|season|spring|summer|autumn|winter)\b)"
    rf"(?!\s+(?:in|to|out|through|off|up|among|of)\b(?!\s+(?:the\s+)?(?:first|final|second|"
    rf"opening|last|\w+\s+)?(?:round|count|ballot|race|poll|contest|election|preferences)))"
    rf"|\s*(?:,[^,]{{1,80}},\s*)?(?:was|is|ended\s+up|finished)\s+(?:the\s+)?(?P<ru>runner[\s-]up)(?![\w-])"
    rf"|\s*(?:,[^,]{{1,80}},\s*)?(?P<top>topped\s+the\s+poll|came\s+top|finished\s+top)(?![\w-])"
)
_RESPECTIVELY = re.compile(
    r"(?:[\s-]+place)?\s*(?:,\s*|\s+)(?:and|or)\s+(?:first|second|third|fourth|fifth|sixth|last)\b"
)
_PLACE_BEFORE = re.compile(
    r"(?P<ord>second|third|fourth|fifth|last)[\s-]placed\s+$|(?P<ru>runner[\s-]up)\s+$"
)
_FIRST_ROUND = re.compile(
    r"(?<![\w-])(?:first|opening|initial)[\s-]+(?:round|count|stage|ballot|preferences?)|"
    r"first[\s-]preference|"
    r"round\s+one|on\s+first\s+preferences|"
    # a preferential count's first preferences: "second on the primary vote", "on primaries"
    r"primary\s+(?:votes?|count|tally)|(?:on|in)\s+(?:the\s+)?primaries"
)
_ROUNDS = re.compile(
    r"(?<![\w-])(?:after|in|over|took|needed|went\s+to|required|across)\s+(?:just\s+|only\s+|all\s+)?"
    r"(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d)\s+rounds(?![\w-])"
    r"|(?<![\w-])(?P<n2>two|three|four|five|six|seven|eight|nine|ten|\d)\s+rounds\s+of\s+"
    r"(?:counting|voting|transfers)"
)
_FIELD = re.compile(
    r"(?<![\w-])(?P<n>three|four|five|six|seven|eight|nine|ten|[3-9])[\s-](?:way|horse|cornered|"
    r"candidate|person|sided)\s+(?:race|contest|fight|battle|field|election|ballot|affair|scrap|"
    r"tussle|primary|mayoral)"
    r"|(?<![\w-])(?P<m>three|four|five|six|seven|eight|nine|ten|[3-9])\s+(?:candidates|contenders|"
    r"names)\s+(?:stood|ran|were\s+on\s+the\s+ballot|on\s+the\s+ballot|contested|fought|were\s+in"
    r"\s+the\s+(?:race|running))"
    r"|(?<![\w-])(?:his|her|their|faced|facing)\s+(?P<r>two|three|four|five|six|seven|2|3|4|5|6)\s+"
    r"(?:rivals|opponents|challengers)"
)
# Every field phrase above holds one of these words: a cheap test before the search.
_FIELD_HINT = re.compile(
    r"way|horse|cornered|candidate|person|sided|contenders|names|rivals|opponents|challengers"
)
_SEATS = re.compile(
    r"\s+(?:for|to\s+fill)\s+(?:the\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|\d+)"
    r"\s+(?:seats|places|posts|positions|nominations|vacancies|spots)"
)
_NOMINATED = re.compile(
    r"(?<![\w-])(?:nominat\w*|initially|originally|at\s+first|sought|"
    r"before\s+\w+\s+(?:withdrew|pulled\s+out|stood\s+down|dropped\s+out))(?![\w-])"
)


@register
class PlacingRule:
    kinds = ("figure",)

    def __init__(self, facts: Facts):
        self.facts = facts
        order = list(ranking(facts))
        self.final = {p: i + 1 for i, p in enumerate(order)}
        first = [
            f
            for f in facts.figures
            if f.contest == "this" and f.measure == "votes" and (f.round or 1) == 1 and f.subject
        ]
        by_first = sorted(first, key=lambda f: -f.value)
        self.first = {f.subject: i + 1 for i, f in enumerate(by_first)}
        self.rounds = max((f.round or 1 for f in facts.figures if f.contest == "this"), default=1)
        self.known = len(first) == len(facts.this.on_ballot) and len(first) > 1

    def check(self, doc: Document) -> list[Finding]:
        out: list[Finding] = []
        for sent in doc.sentences:
            if set_out_to_check(doc, sent):
                continue  # "Claim: Rees-Morgan came second."
            if self.known:
                out += self._places(doc, sent)
            if self.rounds > 1:
                out += self._rounds(doc, sent)
            out += self._field(doc, sent)
        return out

    def _this(self, doc: Document, sent: Sent, pos: int) -> bool:
        scope = scope_at(doc, sent, pos)
        return scope.contest == "this" and not scope.prospective and not scope.poll

    def _places(self, doc: Document, sent: Sent) -> list[Finding]:
        out = []
        n = len(self.final)
        either_ballot = bool(self.facts.this.ballots)
        for m in sent.mentions:
            if m.kind != "person" or m.person not in self.final or m.role:
                continue
            got = _PLACE_AFTER.match(doc.norm, m.end, sent.end)
            if got and _RESPECTIVELY.match(doc.norm, got.end(), sent.end):
                continue  # "Lund and Hale, who finished third and fourth": one place each
            before = _PLACE_BEFORE.search(doc.norm, max(sent.start, m.start - 20), m.start)
            if got:
                word = got.group("ord") or ("runner-up" if got.group("ru") else "top")
                span = (m.start, got.end())
            elif before:
                word = before.group("ord") or "runner-up"
                span = (before.start(), m.end)
            else:
                continue
            place = (
                _ORD[word.replace(" ", "-")]
                if word in _ORD or word.replace(" ", "-") in _ORD
                else None
            )
            if place is None:
                continue
            place = n if place == -1 else place
            if not (self._this(doc, sent, m.start) and self._this(doc, sent, span[1] - 1)):
                continue  # "X, who also stood for deputy, came second in that contest"
            if self._apposed_person(sent, m, span):
                continue
            # (the runner-up is second at the end of the count, whatever the sentence says)
            # "topped the poll": most first preferences, in a count by preferences
            polled = word == "top" and "poll" in doc.norm[span[0] : span[1]] and not either_ballot
            first_round = word != "runner-up" and (polled or _on_first_count(doc, sent, span))
            table = self.first if first_round else self.final
            actual = table[m.person]
            # With no round named, a first ballot declared on its own (a run-off held as a
            # separate ballot after it) is a result too: "topped the poll" may mean it.
            either = self.rounds == 1 or bool(self.facts.this.ballots)
            if place == actual or (
                not first_round and either and place == self.first.get(m.person)
            ):
                continue
            out.append(self._finding(doc, sent, span, m, place, actual, first_round))
        out += self._roles(doc, sent)
        return out

    @staticmethod
    def _apposed_person(sent: Sent, m: Mention, span: tuple[int, int]) -> bool:
        """Another person named between the name and its place: the place is theirs."""
        return any(
            x is not m
            and x.kind in ("person", "other")
            and span[0] <= x.start < span[1]
            and x.start > m.end
            for x in sent.mentions
        )

    def _roles(self, doc: Document, sent: Sent) -> list[Finding]:
        """ "the runner-up, Lind,": a role set beside a name it does not fit."""
        out = []
        ms = sent.mentions
        for a, b in zip(ms, ms[1:], strict=False):
            pair = [x for x in (a, b) if x.role.startswith("place-")]
            named = [x for x in (a, b) if x.kind == "person" and not x.role and x.by_name]
            if len(pair) != 1 or len(named) != 1:
                continue
            if not re.fullmatch(r"\s*,?\s*", doc.norm[a.end : b.start]):
                continue
            role, name = pair[0], named[0]
            if role.person == name.person or not self._this(doc, sent, role.start):
                continue
            place = int(role.role.split("-")[1])
            actual = self.final.get(name.person or "")
            if actual is None or actual == place:
                continue
            out.append(self._finding(doc, sent, (a.start, b.end), name, place, actual, False))
        return out

    def _finding(
        self,
        doc: Document,
        sent: Sent,
        span: tuple[int, int],
        m: Mention,
        place: int,
        actual: int,
        first_round: bool,
    ) -> Finding:
        who = self.facts.people[m.person or ""].name
        when = (
            "on first preferences"
            if first_round
            else ("after all the rounds" if self.rounds > 1 else "")
        )
        word = {
            1: "first",
            2: "second",
            3: "third",
            4: "fourth",
            5: "fifth",
            6: "sixth",
            7: "seventh",
        }
        explanation = (
            f"Places {who} {word.get(place, place)}; {who} finished {word.get(actual, actual)}"
            f"{' ' + when if when else ''}. Judged against {self.facts.election.name} (the "
            f"order of the recorded votes)."
        )
        votes = [
            f.id
            for f in self.facts.figures
            if f.contest == "this" and f.measure == "votes" and f.subject == m.person
        ]
        return make_finding(
            doc,
            sent,
            kind="figure",
            rule_id="figure.place",
            fact_ids=votes[-1:] or ["field"],
            explanation=explanation,
            phrase=span,
            severity="medium",
            confidence=0.75,
            details={
                "measure": "place",
                "subject": m.person,
                "value": place,
                "recorded": actual,
                "round": 1 if first_round else "final",
            },
        )

    def _rounds(self, doc: Document, sent: Sent) -> list[Finding]:
        out = []
        for m in _ROUNDS.finditer(doc.norm, sent.start, sent.end):
            word = m.group("n") or m.group("n2")
            n = int(word) if word.isdigit() else word_number(word)
            if n == self.rounds or not self._this(doc, sent, m.start()):
                continue
            explanation = (
                f"Gives the count as {n} rounds; it took {self.rounds}. Judged against "
                f"{self.facts.election.name}."
            )
            out.append(
                make_finding(
                    doc,
                    sent,
                    kind="figure",
                    rule_id="figure.rounds",
                    fact_ids=["field"],
                    explanation=explanation,
                    phrase=m.span(),
                    severity="medium",
                    confidence=0.7,
                    details={"measure": "rounds", "value": n, "recorded": self.rounds},
                )
            )
        return out

    def _field(self, doc: Document, sent: Sent) -> list[Finding]:
        out: list[Finding] = []
        this = self.facts.this
        on_ballot = len(this.on_ballot)
        nominated = len(this.standings)
        withdrawn = [s.withdrawn for s in this.standings if s.withdrawn]
        if not _FIELD_HINT.search(doc.norm, sent.start, sent.end):
            return out
        for m in _FIELD.finditer(doc.norm, sent.start, sent.end):
            if _SEATS.match(doc.norm, m.end(), sent.end):
                continue  # "nine candidates ran for the five nominations": several seats
            word = m.group("n") or m.group("m") or m.group("r")
            n = int(word) if word.isdigit() else word_number(word)
            rivals = bool(m.group("r"))
            if not self._this(doc, sent, m.start()):
                continue
            allowed = {on_ballot - 1} if rivals else {on_ballot}
            if m.group("n"):  # "a three-way fight": its contenders, the minor ones aside
                allowed |= set(
                    range(len(front_runners(self.facts)), len(contenders(self.facts)) + 1)
                )
            early = doc.published is None or any(doc.published < w for w in withdrawn)
            if nominated != on_ballot and (
                early or _NOMINATED.search(doc.norm, sent.start, sent.end)
            ):
                allowed.add(nominated - 1 if rivals else nominated)
            if n in allowed:
                continue
            what = "rivals" if rivals else "candidates"
            explanation = (
                f"Gives the field as {n} {what}; {on_ballot} candidates were on the ballot"
                + (f" ({nominated} were nominated)" if nominated != on_ballot else "")
                + f". Judged against {self.facts.election.name}."
            )
            out.append(
                make_finding(
                    doc,
                    sent,
                    kind="figure",
                    rule_id="figure.field",
                    fact_ids=["field"]
                    + [
                        f"withdrawn.{p}"
                        for p in self.facts.this.withdrawn
                        if nominated != on_ballot and f"withdrawn.{p}" in self.facts.facts
                    ],
                    explanation=explanation,
                    phrase=m.span(),
                    severity="medium",
                    confidence=0.7,
                    details={"measure": "field", "value": n, "recorded": on_ballot},
                )
            )
        return out


def _on_first_count(doc: Document, sent: Sent, span: tuple[int, int]) -> bool:
    """Do the words give the place on first preferences ("second in the first round",
    "third on primaries", a first clause naming the first count)?"""
    cs, ce = doc.clause_of(sent, span[1] - 1)
    fcs, fce = sent.clauses[0]
    return (
        bool(_FIRST_ROUND.search(doc.norm, cs, ce))
        or (
            (fcs, fce) != (cs, ce)
            and fce <= span[0]
            and bool(_FIRST_ROUND.search(doc.norm, fcs, fce))
        )
        or bool(
            re.match(
                r"[^.;,]{0,20}(?:on|in|after)\s+(?:the\s+)?(?:first|primar)",
                doc.norm[span[1] : ce + 30],
            )
        )
    )
