"""The facts builder's reading of ``[[candidates]]``: one ``Candidate`` per table, with
the keys that belong to one outcome and the sources they cite checked."""

from __future__ import annotations

from typing import Any

from factwatch.claims import facts_schema as schema
from factwatch.claims.facts_names import _Names, _norm
from factwatch.claims.facts_records import Candidate


class _Candidates(_Names):
    """Reads the candidates of this election."""

    def candidates(self) -> list[Candidate]:
        out: list[Candidate] = []
        tables = self.d["candidates"]
        if len(tables) < 2:
            raise self.check.fail(("candidates",), "an election needs at least two candidates")
        for i, t in enumerate(tables):
            path = ("candidates", i)
            if _norm(t["name"]) in self.by_name:
                raise self.check.fail((*path, "name"), f"{t['name']!r} is listed twice")
            key = self.person(
                t["name"],
                variants=tuple(t.get("variants", ())),
                pronoun=t.get("pronoun"),
                descriptors=tuple(t.get("descriptors", ())),
            )
            outcome = t["outcome"]
            self.candidate_keys(t, path)
            withdrawn = schema.parse_date(t.get("withdrawn")) if "withdrawn" in t else None
            p = self.people[key]
            out.append(
                Candidate(
                    id=key,
                    name=p.name,
                    names=[p.name, *p.variants],
                    pronoun=p.pronoun,
                    descriptors=list(p.descriptors),
                    outcome=outcome,
                    round=t.get("round"),
                    withdrawn=withdrawn,
                    incumbent=bool(t.get("incumbent", False)),
                    withdrawn_source=t.get("withdrawn_source", ""),
                )
            )
        winners = [c for c in out if c.outcome == "winner"]
        if not winners:
            raise self.check.fail(("candidates",), 'no candidate has outcome = "winner"')
        if sum(c.on_ballot for c in out) < 1:
            raise self.check.fail(("candidates",), "nobody was on the ballot")
        return out

    def candidate_keys(self, t: dict[str, Any], path: tuple) -> None:
        """Keys that belong to one outcome, and sources that need what they cite."""
        outcome = t["outcome"]
        if outcome == "eliminated" and "round" not in t:
            raise self.check.fail((*path, "round"), "an eliminated candidate needs `round`")
        # A candidate who stood down after the ballot papers were fixed stays on the
        # ballot (defeated or eliminated) and may still carry the withdrawal's date.
        stood_down = ("withdrawn", "defeated", "eliminated")
        needs = (
            ("round", ("eliminated",), "the last round an eliminated candidate was in the count"),
            ("withdrawn", stood_down, "the day a candidate withdrew"),
            ("withdrawn_source", stood_down, "the source of a withdrawal"),
        )
        for key, wanted, what in needs:
            if key in t and outcome not in wanted:
                raise self.check.fail(
                    (*path, key),
                    f"is {what}, but outcome is {outcome!r}: remove it, or set "
                    f'outcome = "{wanted[0]}"',
                )
        if "nominations_source" in t and "nominations" not in t:
            raise self.check.fail(
                (*path, "nominations_source"),
                "cites a source for `nominations`, which is not given",
            )
        for key in ("withdrawn_source", "nominations_source"):
            if key in t:
                self.source(t[key], (*path, key))
