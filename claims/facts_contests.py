"""The facts builder's contests: this election as a ``Contest``, and each of
``[[contests]]`` with its standings and its relation to this one (earlier, later,
other)."""

from __future__ import annotations

from typing import Any

from factwatch.claims.facts_names import _Names, _norm, slug
from factwatch.claims.facts_records import Candidate, Election
from factwatch.claims.model import Contest, Standing


class _Contests(_Names):
    """Reads this contest and the related ones."""

    def this_contest(self, election: Election, candidates: list[Candidate]) -> Contest:
        standings = [
            Standing(c.id, c.outcome, c.round, c.withdrawn, c.incumbent) for c in candidates
        ]
        return Contest(
            key="this",
            name=election.name,
            year=election.year,
            organisation=election.organisation,
            office=election.office,
            standings=standings,
            dates=election.dates,
            relation="this",
            source=election.source,
            ballots={
                r: tuple(self.by_name.get(_norm(n), slug(n)) for n in rd["votes"])
                for r, rd in enumerate(self.d.get("rounds", []), 1)
                if rd.get("separate")
            },
        )

    def contest(self, t: dict[str, Any], i: int, election: Election) -> Contest:
        path = ("contests", i)
        standings: list[Standing] = []
        winners = {_norm(w) for w in ([t["winner"]] if "winner" in t else [])}
        withdrawn = {_norm(w) for w in t.get("withdrawn", [])}
        for name in [*t["candidates"], *t.get("withdrawn", [])]:
            key = self.person(name)
            if any(s.person == key for s in standings):
                continue
            outcome = (
                "withdrawn"
                if _norm(name) in withdrawn
                else "winner"
                if _norm(name) in winners
                else "defeated"
                if winners
                else "unknown"
            )
            standings.append(Standing(key, outcome))
        if winners and not any(s.outcome == "winner" for s in standings):
            raise self.check.fail((*path, "winner"), f"{t['winner']!r} is not among candidates")
        if ("votes" in t or "turnout" in t) and "source" not in t:
            raise self.check.fail((*path, "source"), "figures need a source")
        if "source" in t:
            self.source(t["source"], (*path, "source"))
        year = t["year"]
        same_org = _norm(t.get("organisation", election.organisation)) == _norm(
            election.organisation
        )
        relation = (
            "other"
            if not same_org or ("office" in t and t["office"] != election.office)
            else "earlier"
            if election.year and year < election.year
            else "later"
            if election.year and year > election.year
            else "other"
        )
        votes = {}
        for name, n in t.get("votes", {}).items():
            votes[self.named(name, (*path, "votes", name))] = n
        return Contest(
            key=slug(t["name"]),
            name=t["name"],
            year=year,
            organisation=t.get("organisation", election.organisation),
            office=t.get("office", election.office),
            standings=standings,
            dates={},
            relation=relation,
            source=t.get("source", ""),
            votes=votes,
            turnout=t.get("turnout"),
            aliases=tuple(t.get("aliases", [])),
        )
