"""Every figure a facts file implies: recorded ones, and those derived from them.

A file records votes per candidate (per round), shares on the basis the
source used, spoiled ballots, the total, turnout, the electorate and other
counts.  Coverage may report any of these on another basis, or a margin
between any two candidates, so ``derive_figures`` adds, per round:

- shares of valid votes, of all votes cast and of the electorate, worked out
  from the votes (exact);
- the margin between every pair of candidates, in votes and in points on
  each basis (from the recorded shares too, with their rounding);
- turnout from the total and the electorate when the file gives no turnout.

Each figure keeps the source's precision (``half_unit``): "12%" in the file
means the truth lies between 11.5 and 12.5, and a writer is only wrong when
no value in that range agrees with what was written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from factwatch.claims.facts_schema import Checker, parse_figure
from factwatch.claims.model import Contest, Figure, Person

Resolve = Callable[[str, tuple], str]


def _fmt(value: float, unit: str) -> str:
    if unit == "percent":
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
            shown=kw.pop("shown", "") or _fmt(value, unit),
            **kw,
        )
        self.items.append(fig)
        return fig


def derive_figures(
    data: dict[str, Any],
    contest: Contest,
    people: dict[str, Person],
    check: Checker,
    named: Resolve,
) -> list[Figure]:
    """The recorded and derived figures of one contest."""
    results = data.get("results", {})
    source = results.get("source") or data.get("election", {}).get("source", contest.source)
    figs = _Figures(contest, people, source)
    electorate = data.get("election", {}).get("electorate") if contest.key == "this" else None

    def resolve(name: str, path: tuple) -> str:
        return name if name in people else named(name, path)

    rounds = _rounds(data, resolve)
    if contest.key == "this" and not rounds and any("votes" in c for c in data["candidates"]):
        raise check.fail(("candidates",), "give `votes` for every candidate on the ballot")
    total = results.get("total")
    spoiled = results.get("spoiled")
    valid = results.get("valid")
    n_rounds = len(rounds)
    first_valid: int | None = None
    first_cast: int | None = None
    for r, rd in enumerate(rounds, 1):
        votes: dict[str, int] = rd["votes"]
        suffix = f".r{r}" if n_rounds > 1 else ""
        when = f" in round {r}" if n_rounds > 1 else ""
        counted = sum(votes.values())
        r_valid = valid if (r == 1 and valid) else counted
        if r == 1 and valid is None and total is not None and spoiled is not None:
            r_valid = total - spoiled
        r_cast = total if r == 1 else None
        if r == 1 and r_cast is None and spoiled is not None:
            r_cast = r_valid + spoiled
        if r_cast is not None and counted > r_cast:
            raise check.fail(
                ("results", "total"),
                f"the candidates' votes add up to {counted:,}, more than the total {r_cast:,}",
            )
        bases = {"valid": r_valid, "cast": r_cast, "electorate": electorate}
        if r > 1:
            # Later rounds: shares of the papers still in the count, and of all valid votes.
            bases = {
                "continuing": counted,
                "valid": first_valid,
                "cast": first_cast,
                "electorate": electorate,
            }
        else:
            first_valid, first_cast = r_valid, r_cast
        for p, n in votes.items():
            figs.add(
                f"votes.{p}{suffix}",
                "votes",
                "count",
                n,
                0.5,
                f"{figs.name(p)} won {n:,} votes{when}.",
                subject=p,
                round=r,
            )
            for basis, whole in bases.items():
                if whole:
                    v = 100.0 * n / whole
                    figs.add(
                        f"share.{p}.{basis}{suffix}",
                        "share",
                        "percent",
                        v,
                        0.0,
                        f"{figs.name(p)} won {v:.1f}% of {_whole(basis)}{when} "
                        f"({n:,} of {whole:,}).",
                        subject=p,
                        basis=basis,
                        round=r,
                        derived=True,
                    )
        recorded = _recorded_shares(rd, resolve)
        basis = rd.get("share_basis") or results.get("share_basis") or "valid"
        for p, fv in recorded.items():
            figs.add(
                f"share.{p}{suffix}",
                "share",
                "percent",
                fv.value,
                fv.half_unit,
                f"{figs.name(p)} won {_fmt(fv.value, 'percent')} of {_whole(basis)}{when}.",
                subject=p,
                basis=basis,
                round=r,
                shown=_fmt(fv.value, "percent"),
            )
        ranked = sorted(votes.items(), key=lambda kv: -kv[1])
        for i, (a, va) in enumerate(ranked):
            for b, vb in ranked[i + 1 :]:
                if va == vb:
                    continue
                pair = f"{a}.{b}{suffix}"
                figs.add(
                    f"margin.{pair}",
                    "margin",
                    "count",
                    va - vb,
                    0.5,
                    f"{figs.name(a)}'s margin over {figs.name(b)} was {va - vb:,} votes"
                    f"{when} ({va:,} to {vb:,}).",
                    subject=a,
                    other=b,
                    round=r,
                )
                for basis_name, whole in bases.items():
                    if whole and basis_name in ("valid", "cast", "continuing"):
                        pts = 100.0 * (va - vb) / whole
                        figs.add(
                            f"points.{pair}.{basis_name}",
                            "margin",
                            "percent",
                            pts,
                            0.0,
                            f"{figs.name(a)} finished {pts:.1f} points ahead of "
                            f"{figs.name(b)}{when}.",
                            subject=a,
                            other=b,
                            round=r,
                            basis=basis_name,
                            derived=True,
                        )
                if a in recorded and b in recorded:
                    pts = recorded[a].value - recorded[b].value
                    half = recorded[a].half_unit + recorded[b].half_unit
                    figs.add(
                        f"points.{pair}",
                        "margin",
                        "percent",
                        pts,
                        half,
                        f"{figs.name(a)} finished {_fmt(pts, 'percent')[:-1]} points "
                        f"ahead of {figs.name(b)}{when} ({_fmt(recorded[a].value, 'percent')}"
                        f" to {_fmt(recorded[b].value, 'percent')}).",
                        subject=a,
                        other=b,
                        round=r,
                        basis=basis,
                    )
        if r == 1:
            _totals(figs, results, r_cast, r_valid, spoiled, electorate)
    if not rounds:
        _totals(figs, results, total, valid, spoiled, electorate)
    if contest.key == "this":
        _nominations(figs, data, resolve, check)
    return figs.items


def _whole(basis: str) -> str:
    return {
        "valid": "the valid votes",
        "cast": "all votes cast",
        "electorate": "the electorate",
        "continuing": "the papers still in the count",
    }[basis]


def _rounds(data: dict[str, Any], resolve: Resolve) -> list[dict[str, Any]]:
    if data.get("rounds"):
        out = []
        for i, rd in enumerate(data["rounds"]):
            votes = {resolve(n, ("rounds", i, "votes", n)): v for n, v in rd["votes"].items()}
            out.append({**rd, "votes": votes, "_index": i})
        return out
    votes = {}
    shares = {}
    for i, c in enumerate(data.get("candidates", [])):
        if "votes" in c:
            votes[resolve(c["name"], ("candidates", i))] = c["votes"]
        if "share" in c:
            shares[c["name"]] = c["share"]
    if not votes:
        return []
    return [{"votes": votes, "shares": shares}]


def _recorded_shares(rd: dict[str, Any], resolve: Resolve) -> dict[str, Any]:
    out = {}
    for name, v in (rd.get("shares") or {}).items():
        fv = parse_figure(v)
        if fv is not None:
            out[resolve(name, ("rounds", rd.get("_index", 0), "shares", name))] = fv
    return out


def _totals(
    figs: _Figures,
    results: dict[str, Any],
    cast: int | None,
    valid: int | None,
    spoiled: int | None,
    electorate: int | None,
) -> None:
    if cast:
        figs.add("total", "total", "count", cast, 0.5, f"{cast:,} votes were cast in all.")
    if valid and results.get("spoiled") is not None:
        figs.add("valid", "valid", "count", valid, 0.5, f"{valid:,} votes were valid.")
    if spoiled is not None:
        figs.add(
            "spoiled", "spoiled", "count", spoiled, 0.5, f"{spoiled:,} ballot papers were spoiled."
        )
        if cast:
            v = 100.0 * spoiled / cast
            figs.add(
                "spoiled.share",
                "spoiled",
                "percent",
                v,
                0.0,
                f"{v:.1f}% of the ballot papers returned were spoiled.",
                derived=True,
            )
    if electorate:
        figs.add(
            "electorate",
            "electorate",
            "count",
            electorate,
            0.5,
            f"{electorate:,} were entitled to vote.",
        )
    turnout = parse_figure(results["turnout"]) if results.get("turnout") is not None else None
    if turnout is not None:
        figs.add(
            "turnout",
            "turnout",
            "percent",
            turnout.value,
            turnout.half_unit,
            f"Turnout was {_fmt(turnout.value, 'percent')}.",
            shown=_fmt(turnout.value, "percent"),
        )
    if cast and electorate:
        v = 100.0 * cast / electorate
        figs.add(
            "turnout.derived",
            "turnout",
            "percent",
            v,
            0.0,
            f"Turnout was {v:.1f}%: {cast:,} votes from {electorate:,} entitled to vote.",
            derived=True,
        )


def _nominations(figs: _Figures, data: dict[str, Any], resolve: Resolve, check: Checker) -> None:
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
            )
    for i, f in enumerate(data.get("figures", [])):
        path = ("figures", i)
        fv = parse_figure(f["value"])
        assert fv is not None
        subject = resolve(f["subject"], (*path, "subject")) if f.get("subject") else None
        counts = " ".join(f["counts"].lower().split())
        head = counts.split()[-1]
        measure = "nominations" if head.startswith("nominat") else "count"
        if head in ("turnout",):
            measure = "turnout"
        if f.get("source") not in figs.people and "source" in f:
            src = f["source"]
            if src not in _sources(data):
                raise check.fail((*path, "source"), f"unknown source {src!r}")
        who = figs.name(subject)
        unit = "percent" if fv.percent else "count"
        statement = f.get("statement") or (
            f"{who} had {_fmt(fv.value, unit)} {counts}."
            if who
            else f"{counts.capitalize()}: {_fmt(fv.value, unit)}."
        )
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
        )


def _sources(data: dict[str, Any]) -> dict[str, str]:
    return data.get("sources", {})
