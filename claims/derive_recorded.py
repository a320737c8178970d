"""The figures a facts file records for a contest as a whole, and the sheet they go on.

``_Figures`` collects a contest's figures, each with its id (prefixed by the
contest's key for a related contest), source, statement and the number as
shown; ``_Count`` is round one's papers, valid votes and votes cast, and
which of them were worked out.  The figures of the count as a whole are
added here: the total, valid and spoiled ballots (and the spoiled share),
the electorate, turnout as recorded and as worked out from the total and
the electorate, votes for nobody listed (``others``), the candidates'
nominations, and the ``[[figures]]`` of the file's own kinds, a dated one
saying its date (``dated``).  The votes' own figures, per round, are
``derive_votes``'; ``derive`` puts the two together.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from factwatch.claims.facts_schema import Checker, FigureValue, parse_date, parse_figure
from factwatch.claims.model import Contest, Figure, Person

Resolve = Callable[[str, tuple], str]


def _fmt(value: float, unit: str, half: float | None = None) -> str:
    """A figure as the facts give it: a share recorded as 45.0 keeps its ".0"."""
    if unit == "percent":
        if half is not None and 0 < half < 0.5:
            places = round(-math.log10(2 * half))
            return f"{value:.{places}f}%"
        text = f"{value:.1f}".rstrip("0").rstrip(".")
        return text + "%"
    return f"{value:,.0f}"


class _Figures:
    def __init__(self, contest: Contest, people: dict[str, Person], source: str):
        self.contest = contest
        self.people = people
        self.source = source
        self.items: list[Figure] = []
        self.prefix = "" if contest.key == "this" else contest.key + ":"

    def name(self, key: str | None) -> str:
        return self.people[key].name if key else ""

    def add(
        self,
        ident: str,
        measure: str,
        unit: str,
        value: float,
        half: float,
        statement: str,
        **kw: Any,
    ) -> Figure:
        fig = Figure(
            id=self.prefix + ident,
            contest=self.contest.key,
            measure=measure,
            unit=unit,
            value=float(value),
            half_unit=half,
            source=kw.pop("source", self.source),
            statement=statement,
            shown=kw.pop("shown", "") or _fmt(value, unit, half),
            **kw,
        )
        self.items.append(fig)
        return fig


@dataclass
class _Count:
    """Round one's papers, valid votes and votes cast, and which were worked out."""

    papers: int  # the candidates' votes in round one, and the others'
    valid: int | None
    cast: int | None
    spoiled: int | None
    derived: set[str]  # "valid", "cast": worked out rather than recorded

    @classmethod
    def of(cls, results: dict[str, Any], papers: int | None) -> _Count:
        total, spoiled, valid = results.get("total"), results.get("spoiled"), results.get("valid")
        how: set[str] = set()
        if valid is None:
            valid = total - spoiled if total is not None and spoiled is not None else papers
            how.add("valid")
        cast = total
        if cast is None and spoiled is not None and valid is not None:
            cast = valid + spoiled
            how.add("cast")
        return cls(papers or 0, valid or None, cast, spoiled, how)


def _figure(v: Any) -> FigureValue:
    fv = parse_figure(v)
    assert fv is not None  # the schema has checked it
    return fv


# -- totals, others, nominations, other figures --------------------------------------------
def _totals(
    figs: _Figures,
    results: dict[str, Any],
    count: _Count,
    electorate: int | None,
    counts: str,
    *,
    r: int | None = None,
) -> None:
    """The count's totals; with ``r``, those of round ``r`` held as a ballot of its own."""
    cast, valid, spoiled = count.cast, count.valid, count.spoiled
    sfx = f".r{r}" if r else ""
    when = f" in round {r}" if r else ""
    kw: dict[str, Any] = {"round": r} if r else {}
    if cast:
        figs.add(
            "total" + sfx,
            "total",
            "count",
            cast,
            0.5,
            f"{cast:,} votes were cast in all{when}.",
            derived="cast" in count.derived,
            **kw,
        )
    if valid and spoiled is not None:
        figs.add(
            "valid" + sfx,
            "valid",
            "count",
            valid,
            0.5,
            f"{valid:,} votes were valid{when}.",
            derived="valid" in count.derived,
            **kw,
        )
    if spoiled is not None:
        figs.add(
            "spoiled" + sfx,
            "spoiled",
            "count",
            spoiled,
            0.5,
            f"{spoiled:,} ballot papers were spoiled{when}.",
            **kw,
        )
        if cast:
            v = 100.0 * spoiled / cast
            figs.add(
                "spoiled.share" + sfx,
                "spoiled",
                "percent",
                v,
                0.0,
                f"{v:.1f}% of the ballot papers returned were spoiled{when}.",
                derived=True,
                **kw,
            )
    if electorate and not r:
        figs.add(
            "electorate",
            "electorate",
            "count",
            electorate,
            0.5,
            f"{electorate:,} were entitled to vote" + (f" ({counts})." if counts else "."),
            counts=counts,
        )
    turnout = parse_figure(results["turnout"]) if results.get("turnout") is not None else None
    if turnout is not None:
        figs.add(
            "turnout" + sfx,
            "turnout",
            "percent",
            turnout.value,
            turnout.half_unit,
            f"Turnout was {_fmt(turnout.value, 'percent', turnout.half_unit)}{when}.",
            shown=_fmt(turnout.value, "percent", turnout.half_unit),
            **kw,
        )
    if cast and electorate:
        v = 100.0 * cast / electorate
        figs.add(
            "turnout.derived" + sfx,
            "turnout",
            "percent",
            v,
            0.0,
            f"Turnout was {v:.1f}%{when}: {cast:,} votes from {electorate:,} entitled to vote.",
            derived=True,
            **kw,
        )


def _others(figs: _Figures, results: dict[str, Any], valid: int | None = None) -> None:
    """Valid votes for nobody listed (write-ins, others): a count of their own, and
    their share of the valid votes."""
    n = results.get("others")
    if n is None:
        return
    label = results.get("others_label", "")
    # a one-word name in capitals keeps them ("NOTA", "RON"); others are read in lower case
    counts = label.strip() if label.strip().isupper() and " " not in label.strip() else ""
    counts = counts or " ".join(label.lower().split()) or "other votes"
    figs.add(
        "others",
        "count",
        "count",
        n,
        0.5,
        f"{n:,} valid votes were for {label}, none of the candidates listed."
        if label
        else f"{n:,} valid votes were for none of the candidates listed.",
        counts=counts,
    )
    if valid:
        share = 100 * n / valid
        figs.add(
            "others.share",
            "count",
            "percent",
            share,
            0.0,
            f"{share:.1f}% of the valid votes were for {label or 'none of the candidates listed'}.",
            counts=counts,
            derived=True,
        )


def _nominations(figs: _Figures, data: dict[str, Any], resolve: Resolve) -> None:
    for i, c in enumerate(data.get("candidates", [])):
        if "nominations" in c:
            p = resolve(c["name"], ("candidates", i))
            n = c["nominations"]
            figs.add(
                f"nominations.{p}",
                "nominations",
                "count",
                n,
                0.5,
                f"{figs.name(p)} received {n:,} nominations.",
                subject=p,
                counts="nominations",
                source=c.get("nominations_source") or figs.source,
            )


def _figures(figs: _Figures, data: dict[str, Any], resolve: Resolve, check: Checker) -> None:
    """The ``[[figures]]``: counts of the file's own kinds."""
    for i, f in enumerate(data.get("figures", [])):
        path = ("figures", i)
        fv = _figure(f["value"])
        subject = resolve(f["subject"], (*path, "subject")) if f.get("subject") else None
        counts = " ".join(f["counts"].lower().split())
        head = counts.split()[-1]
        measure = "nominations" if head.startswith("nominat") else "count"
        if head == "turnout":
            measure = "turnout"
        if f["source"] not in data.get("sources", {}):
            raise check.fail((*path, "source"), f"unknown source {f['source']!r}")
        who = figs.name(subject)
        unit = "percent" if fv.percent else "count"
        statement = f.get("statement") or (
            f"{who} had {_fmt(fv.value, unit, fv.half_unit)} {counts}."
            if who
            else f"{counts.capitalize()}: {_fmt(fv.value, unit, fv.half_unit)}."
        )
        as_of = parse_date(f["as_of"]) if "as_of" in f else None
        if as_of is not None:
            statement = dated(statement, as_of)
        ident = f.get("id") or f"{measure}.{counts.replace(' ', '-')}" + (
            f".{subject}" if subject else ""
        )
        figs.add(
            ident,
            measure,
            unit,
            fv.value,
            fv.half_unit,
            statement,
            subject=subject,
            counts=counts,
            source=f["source"],
            as_of=as_of,
        )


def dated(statement: str, as_of: dt.date) -> str:
    """ "Pike had 31 nominations." -> "Pike had 31 nominations (as of 9 February 2024)." """
    text = statement.rstrip()
    stop = text[-1] if text and text[-1] in ".!?" else ""
    body = text[:-1] if stop else text
    return f"{body} (as of {as_of:%-d %B %Y}){stop or '.'}"
