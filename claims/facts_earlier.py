"""Counts declared and later replaced: ``[[earlier_counts]]`` into ``EarlierCount``.

A recount or a corrected declaration replaces a count that coverage reported
for days or weeks.  Its figures (each candidate's votes, the margins and
shares worked out from them, its totals) are derived as the result's are, and
kept apart: ``rules.figures`` accepts one of them in an article published
before the replacement, or said of that count ("the initial count"), and
says so when an article gives one as the result after it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from factwatch.claims.derive import Resolve, derive_figures
from factwatch.claims.facts_schema import Checker, parse_date
from factwatch.claims.model import Contest, EarlierCount, Person

_TOTALS = ("total", "valid", "spoiled", "others")


def earlier_counts(
    data: dict[str, Any],
    this: Contest,
    people: dict[str, Person],
    check: Checker,
    named: Resolve,
) -> list[EarlierCount]:
    """Each ``[[earlier_counts]]`` table, its figures derived like the result's."""
    out = []
    for i, t in enumerate(data.get("earlier_counts", [])):
        declared, replaced = parse_date(t["declared"]), parse_date(t["replaced"])
        assert declared is not None and replaced is not None  # the schema has checked them
        if replaced < declared:
            raise check.fail(("earlier_counts", i, "replaced"), "is before `declared`")
        votes = {
            n if n in people else named(n, ("earlier_counts", i, "votes", n)): v
            for n, v in t["votes"].items()
        }
        name = t.get("label") or "the first count"
        results = {k: t[k] for k in _TOTALS if k in t} | {"source": t["source"]}
        label = data.get("results", {}).get("others_label")
        if label and "others" in t:
            results["others_label"] = label  # "212 write-ins" before the recount
        electorate = data.get("election", {}).get("electorate")
        figures = derive_figures(
            {
                "candidates": [],
                "results": results,
                "rounds": [{"votes": votes}],
                "election": {"source": t["source"], "electorate": electorate},
            },
            this,
            people,
            check,
            named,
        )
        when = f"{name}, declared on {declared:%-d %B %Y} and replaced on {replaced:%-d %B %Y}"
        figures = [
            replace(f, id=f"earlier{i + 1}.{f.id}", statement=f"{f.statement[:-1]} in {when}.")
            for f in figures
        ]
        out.append(EarlierCount(declared, replaced, name, t["source"], figures))
    return out
