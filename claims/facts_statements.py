"""The facts in words: the known false claims (``[[claims]]``), and one ``Fact`` per id
for rebuttals to cite: the field of this contest and of each related one, each
withdrawal, each figure and each claim."""

from __future__ import annotations

from factwatch.claims.facts_names import _Names, slug
from factwatch.claims.facts_records import Candidate, Election
from factwatch.claims.model import Claim, Contest, Fact, Figure, Person


class _Statements(_Names):
    """Reads the claims and writes the table of facts by id."""

    def claims(self) -> list[Claim]:
        out = []
        for i, t in enumerate(self.d.get("claims", [])):
            path = ("claims", i)
            self.source(t["source"], (*path, "source"))
            cid = t.get("id") or "claim." + slug(" ".join(t["claim"].split()[:6]))
            out.append(
                Claim(
                    id=cid,
                    claim=t["claim"],
                    paraphrases=list(t.get("paraphrases", [])),
                    fact=t["fact"],
                    source=t["source"],
                    severity=t.get("severity", "high"),
                )
            )
        return out

    def fact_table(
        self,
        election: Election,
        candidates: list[Candidate],
        figures: list[Figure],
        claims: list[Claim],
        contests: dict[str, Contest],
    ) -> dict[str, Fact]:
        out: dict[str, Fact] = {}
        out["field"] = Fact("field", field_statement(candidates, figures), election.source)
        for c in contests.values():
            if c.key != "this" and c.field_known:
                out[f"field:{c.key}"] = Fact(
                    f"field:{c.key}", contest_statement(c, self.people), c.source or election.source
                )
        for cand in candidates:
            when = f" on {cand.withdrawn:%-d %B %Y}" if cand.withdrawn else ""
            if cand.outcome == "withdrawn":
                said = f"{cand.name} withdrew{when}, before the ballot."
            elif cand.withdrawn:
                said = (
                    f"{cand.name} withdrew{when}, after the ballot papers were fixed; the name "
                    "stayed on the ballot and was counted."
                )
            else:
                continue
            out[f"withdrawn.{cand.id}"] = Fact(
                f"withdrawn.{cand.id}", said, cand.withdrawn_source or election.source
            )
        for f in figures:
            out[f.id] = Fact(f.id, f.statement, f.source, f.as_of)
        for claim in claims:
            out[claim.id] = Fact(claim.id, claim.fact, claim.source)
        return out


def field_statement(candidates: list[Candidate], figures: list[Figure]) -> str:
    """The field in words: who stood, what each got, who lost."""
    votes = {
        f.subject: f
        for f in figures
        if f.contest == "this" and f.measure == "votes" and f.round == _last_round(figures)
    }
    shares = {
        f.subject: f
        for f in figures
        if f.contest == "this"
        and f.measure == "share"
        and f.round == _last_round(figures)
        and not f.derived
    }
    on = [c for c in candidates if c.on_ballot]
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven"}
    parts = []
    for c in on:
        bits = []
        if c.id in votes:
            bits.append(f"{votes[c.id].value:,.0f} votes")
        if c.id in shares:
            bits.append(f"{shares[c.id].shown}")
        parts.append(f"{c.name} ({', '.join(bits)})" if bits else c.name)
    n = len(on)
    listed = ", ".join(parts[:-1]) + f" and {parts[-1]}" if n > 1 else parts[0]
    text = f"There were {words.get(n, str(n))} candidates on the ballot: {listed}."
    losers = [c for c in on if c.outcome != "winner"]
    if len(losers) > 1:
        surnames = [c.name.split()[-1] for c in losers]
        who = ", ".join(surnames[:-1]) + f" and {surnames[-1]}"
        text += f" {words.get(len(losers), str(len(losers))).capitalize()} were defeated: {who}."
    for c in candidates:
        if c.outcome == "withdrawn":
            when = f" on {c.withdrawn:%-d %B %Y}" if c.withdrawn else ""
            text += f" {c.name} withdrew{when}, before the ballot."
        elif c.outcome == "not_nominated":
            text += f" {c.name} was not nominated and was never on the ballot."
    return text


def contest_statement(contest: Contest, people: dict[str, Person]) -> str:
    """A related contest's field in words."""
    on = [people[p].name for p in contest.on_ballot]
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven"}
    listed = ", ".join(on[:-1]) + f" and {on[-1]}" if len(on) > 1 else on[0]
    text = f"{contest.name}: {words.get(len(on), len(on))} candidates on the ballot ({listed})"
    if contest.winners:
        text += f"; {people[contest.winners[0]].name} won"
    text += "."
    for p in contest.withdrawn:
        text += f" {people[p].name} withdrew before the ballot."
    return text


def _last_round(figures: list[Figure]) -> int:
    rounds = [f.round for f in figures if f.contest == "this" and f.round]
    return max(rounds) if rounds else 1
