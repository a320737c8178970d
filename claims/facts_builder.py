"""The facts builder: a validated document into ``Facts``, its parts read by the
builder's pieces (``facts_candidates``, ``facts_contests``, ``facts_statements``) and
every figure the count implies by ``derive``."""

from __future__ import annotations

import re

from factwatch.claims import facts_schema as schema
from factwatch.claims.derive import derive_figures
from factwatch.claims.facts_candidates import _Candidates
from factwatch.claims.facts_contests import _Contests
from factwatch.claims.facts_earlier import earlier_counts
from factwatch.claims.facts_names import slug
from factwatch.claims.facts_records import Election, Facts
from factwatch.claims.facts_statements import _Statements


class _Builder(_Candidates, _Contests, _Statements):
    """A validated document into ``Facts``: ``build`` puts together what the bases read."""

    # -- build ----------------------------------------------------------------------------
    def build(self, version: str) -> Facts:
        el = self.d["election"]
        self.source(el["source"], ("election", "source"))
        if "source" in self.d.get("results", {}):
            self.source(self.d["results"]["source"], ("results", "source"))
        for i, rd in enumerate(self.d.get("rounds", [])):
            if "source" in rd:
                self.source(rd["source"], ("rounds", i, "source"))
        parsed = {k: schema.parse_date(v) for k, v in el.get("dates", {}).items()}
        dates = {k: v for k, v in parsed.items() if v is not None}
        for a, b in (
            ("nominations_open", "nominations_close"),
            ("ballot_open", "ballot_close"),
            ("ballot_close", "declared"),
            ("nominations_close", "ballot_open"),
        ):
            if a in dates and b in dates and dates[a] > dates[b]:
                raise self.check.fail(("election", "dates", b), f"is before {a}")
        year = max(dates.values()).year if dates else _year_in(el["name"])
        election = Election(
            id=slug(el["name"]),
            name=el["name"],
            organisation=el.get("organisation", ""),
            office=el.get("office", ""),
            aliases=list(el.get("aliases", [])),
            year=year,
            dates=dates,
            electorate=el.get("electorate"),
            source=el["source"],
            electorate_counts=el.get("electorate_counts", ""),
        )
        candidates = self.candidates()
        this = self.this_contest(election, candidates)
        contests = {"this": this}
        for i, table in enumerate(self.d.get("contests", [])):
            c = self.contest(table, i, election)
            contests[c.key] = c
        figures = derive_figures(self.d, this, self.people, self.check, self.named)
        for c in contests.values():
            if c.key != "this":
                figures += derive_figures(
                    {
                        "candidates": [],
                        "results": {"turnout": c.turnout} if c.turnout else {},
                        "rounds": [{"votes": c.votes}] if c.votes else [],
                        "election": {"source": c.source or el["source"]},
                    },
                    c,
                    self.people,
                    self.check,
                    self.named,
                )
        for i, t in enumerate(self.d.get("earlier_counts", [])):
            self.source(t["source"], ("earlier_counts", i, "source"))
        earlier = earlier_counts(self.d, this, self.people, self.check, self.named)
        claims = self.claims()
        facts_by_id = self.fact_table(election, candidates, figures, claims, contests)
        adv = self.d.get("advanced", {})
        return Facts(
            election=election,
            candidates=candidates,
            people=self.people,
            contests=contests,
            figures=figures,
            earlier=earlier,
            claims=claims,
            facts=facts_by_id,
            sources=self.sources,
            version=version,
            framing_patterns=self.patterns(adv.get("framing_patterns", []), "framing_patterns"),
            quiet_patterns=self.patterns(adv.get("quiet_patterns", []), "quiet_patterns"),
        )

    def patterns(self, items: list[str], name: str) -> list[re.Pattern[str]]:
        out = []
        for j, p in enumerate(items):
            try:
                out.append(re.compile(p, re.IGNORECASE))
            except re.error as exc:
                raise self.check.fail(
                    ("advanced", name, j), f"bad regular expression: {exc}"
                ) from exc
        return out


def _year_in(text: str) -> int | None:
    m = re.search(r"\b(1[89]\d\d|2\d\d\d)\b", text)
    return int(m.group(1)) if m else None
