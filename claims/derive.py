"""Every figure a facts file implies: recorded ones, and those derived from them.

A file records votes per candidate (per round), shares on the basis the
source used, spoiled ballots, votes for no listed candidate (``others``),
the total, turnout, the electorate and other counts.  Coverage may report
any of these on another basis, or a margin between any two candidates, so
``derive_figures`` adds, per round:

- shares of valid votes, of all votes cast and of the electorate, worked out
  from the votes (exact), and in a multi-round count shares of the papers
  still in the count (``continuing``);
- the margin between every pair of candidates, in votes and in points on
  each basis (from the recorded shares too, with their rounding);
- valid votes from the total and the spoiled papers, the total from the
  valid and spoiled ones, and turnout from the total and the electorate.

Every figure worked out exactly from others is flagged ``derived`` (the
points between two recorded shares, which keep the shares' rounding, are
not).  Each figure keeps the source's precision (``half_unit``): "12%" in
the file means the truth lies between 11.5 and 12.5, and a writer is only
wrong when no value in that range agrees with what was written.

``check_counts`` refuses counts that cannot be right: a candidate on the
ballot without votes beside others that have them, a round that leaves out
somebody still in the count or counts somebody already out, and
``rounds.eliminated`` lists that disagree with the candidates' outcomes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from factwatch.claims.facts_schema import Checker, FigureValue, parse_date, parse_figure
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
    this = contest.key == "this"
    electorate = data.get("election", {}).get("electorate") if this else None

    def resolve(name: str, path: tuple) -> str:
        return name if name in people else named(name, path)

    rounds = _rounds(data, resolve, check)
    if this:
        check_counts(data, rounds, resolve, check)
    others = results.get("others", 0) if this else 0
    count = _Count.of(results, sum(rounds[0]["votes"].values()) + others if rounds else None)
    if rounds and count.cast is not None and count.papers > count.cast:
        raise check.fail(
            ("results", "total"),
            f"the candidates' votes{' and the others' if others else ''} add up to "
            f"{count.papers:,}, more than the total {count.cast:,}",
        )
    for r, rd in enumerate(rounds, 1):
        _round(figs, rd, r, len(rounds), count, electorate, results, others)
    counts = data.get("election", {}).get("electorate_counts", "") if this else ""
    _totals(figs, results, count, electorate, counts)
    if this:
        _others(figs, results)
        _nominations(figs, data, resolve)
        _figures(figs, data, resolve, check)
    return figs.items


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


def _round(
    figs: _Figures,
    rd: dict[str, Any],
    r: int,
    n_rounds: int,
    count: _Count,
    electorate: int | None,
    results: dict[str, Any],
    others: int,
) -> None:
    votes: dict[str, int] = rd["votes"]
    source = rd.get("source") or figs.source
    suffix = f".r{r}" if n_rounds > 1 else ""
    when = f" in round {r}" if n_rounds > 1 else ""
    bases: dict[str, int | None] = {
        "valid": count.valid,
        "cast": count.cast,
        "electorate": electorate,
    }
    if n_rounds > 1:
        # Shares of the papers still in the count, and of all valid votes.
        bases = {"continuing": sum(votes.values()) + (others if r == 1 else 0), **bases}
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
            source=source,
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
                    f"{figs.name(p)} won {v:.1f}% of {_whole(basis)}{when} ({n:,} of {whole:,}).",
                    subject=p,
                    basis=basis,
                    round=r,
                    derived=True,
                    source=source,
                )
    basis = rd.get("share_basis") or results.get("share_basis") or "valid"
    recorded: dict[str, FigureValue] = rd["shares"]
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
            source=source,
        )
    _margins(figs, votes, bases, r, suffix, when, source)
    _share_margins(figs, votes, recorded, basis, r, suffix, when, source)


def _margins(
    figs: _Figures,
    votes: dict[str, int],
    bases: dict[str, int | None],
    r: int,
    suffix: str,
    when: str,
    source: str,
) -> None:
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
                derived=True,
                source=source,
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
                        f"{figs.name(a)} finished {pts:.1f} points ahead of {figs.name(b)}{when}.",
                        subject=a,
                        other=b,
                        round=r,
                        basis=basis_name,
                        derived=True,
                        source=source,
                    )


def _share_margins(
    figs: _Figures,
    votes: dict[str, int],
    recorded: dict[str, FigureValue],
    basis: str,
    r: int,
    suffix: str,
    when: str,
    source: str,
) -> None:
    """Margins in points between recorded shares, carrying both shares' rounding.

    They are not flagged ``derived``: like the shares, they stand for the range the
    source's rounding allows, and the figure rule cites them before exact ones."""
    ranked = sorted(recorded, key=lambda p: (-votes.get(p, 0), -recorded[p].value))
    for i, a in enumerate(ranked):
        for b in ranked[i + 1 :]:
            if a in votes and b in votes and votes[a] == votes[b]:
                continue
            sa, sb = recorded[a], recorded[b]
            pts = sa.value - sb.value
            figs.add(
                f"points.{a}.{b}{suffix}",
                "margin",
                "percent",
                pts,
                sa.half_unit + sb.half_unit,
                f"{figs.name(a)} finished {_fmt(pts, 'percent')[:-1]} points "
                f"ahead of {figs.name(b)}{when} ({_fmt(sa.value, 'percent')}"
                f" to {_fmt(sb.value, 'percent')}).",
                subject=a,
                other=b,
                round=r,
                basis=basis,
                source=source,
            )


def _whole(basis: str) -> str:
    return {
        "valid": "the valid votes",
        "cast": "all votes cast",
        "electorate": "the electorate",
        "continuing": "the papers still in the count",
    }[basis]


def _rounds(data: dict[str, Any], resolve: Resolve, check: Checker) -> list[dict[str, Any]]:
    """The count's rounds, names resolved to person keys and shares parsed.

    With [[rounds]], the candidates' own ``votes`` and ``share`` are the first round's: the
    votes must agree with it, and a share fills in the first round's recorded shares."""
    own_votes, own_shares = _own_figures(data, resolve)
    if not data.get("rounds"):
        if not own_votes and not own_shares:
            return []
        votes = {p: n for p, (n, _) in own_votes.items()}
        return [{"votes": votes, "shares": {p: fv for p, (fv, _) in own_shares.items()}}]
    out = []
    for i, rd in enumerate(data["rounds"]):
        votes = {resolve(n, ("rounds", i, "votes", n)): v for n, v in rd["votes"].items()}
        shares = {
            resolve(n, ("rounds", i, "shares", n)): _figure(v)
            for n, v in (rd.get("shares") or {}).items()
        }
        out.append({**rd, "votes": votes, "shares": shares, "_index": i})
    _first_round(out[0], own_votes, own_shares, check)
    return out


def _own_figures(
    data: dict[str, Any], resolve: Resolve
) -> tuple[dict[str, tuple[int, int]], dict[str, tuple[FigureValue, int]]]:
    """The candidates' own ``votes`` and ``share``, by person, with the candidate's index."""
    own_votes: dict[str, tuple[int, int]] = {}
    own_shares: dict[str, tuple[FigureValue, int]] = {}
    for i, c in enumerate(data.get("candidates", [])):
        p = resolve(c["name"], ("candidates", i, "name")) if ("votes" in c or "share" in c) else ""
        if "votes" in c:
            own_votes[p] = (c["votes"], i)
        if "share" in c:
            own_shares[p] = (_figure(c["share"]), i)
    return own_votes, own_shares


def _first_round(
    first: dict[str, Any],
    own_votes: dict[str, tuple[int, int]],
    own_shares: dict[str, tuple[FigureValue, int]],
    check: Checker,
) -> None:
    """Refuse candidates' votes or shares the first round contradicts; fill in the first
    round's shares from the candidates'."""
    for p, (n, i) in own_votes.items():
        if p in first["votes"] and first["votes"][p] != n:
            raise check.fail(
                ("candidates", i, "votes"),
                f"{n:,} is not the {first['votes'][p]:,} the first round gives: with "
                "[[rounds]], a candidate's `votes` are the first round's",
            )
    for p, (fv, i) in own_shares.items():
        if p in first["shares"] and first["shares"][p] != fv:
            raise check.fail(
                ("candidates", i, "share"),
                "is not the share the first round's `shares` give: with [[rounds]], a "
                "candidate's `share` is the first round's",
            )
        first["shares"].setdefault(p, fv)


def _figure(v: Any) -> FigureValue:
    fv = parse_figure(v)
    assert fv is not None  # the schema has checked it
    return fv


# -- what the count must hold -----------------------------------------------------------
def check_counts(
    data: dict[str, Any], rounds: list[dict[str, Any]], resolve: Resolve, check: Checker
) -> None:
    """Refuse votes missing for a candidate in the count, and outcomes the rounds contradict."""
    cands = data.get("candidates", [])
    keys = [resolve(c["name"], ("candidates", i, "name")) for i, c in enumerate(cands)]
    on_ballot = [
        (i, k)
        for i, (c, k) in enumerate(zip(cands, keys, strict=True))
        if c["outcome"] != "withdrawn"
    ]
    if any("votes" in c for c in cands):
        for i, _ in on_ballot:
            if "votes" not in cands[i]:
                raise check.fail(
                    ("candidates", i, "votes"),
                    f"{cands[i]['name']} was on the ballot but has no `votes` while other "
                    "candidates have them: give `votes` for every candidate on the ballot "
                    "(0 if none were counted)",
                )
    if not data.get("rounds"):
        return
    out_after = {
        k: (i, cands[i].get("round")) for i, k in on_ballot if cands[i]["outcome"] == "eliminated"
    }
    for i, last in out_after.values():
        if last is not None and last > len(rounds):
            raise check.fail(
                ("candidates", i, "round"),
                f"{cands[i]['name']} went out after round {last}, but the count has "
                f"{len(rounds)} rounds",
            )
    for r, rd in enumerate(rounds, 1):
        _check_round(cands, on_ballot, out_after, rd, r, check)
        _check_eliminated(data["rounds"][r - 1], cands, keys, out_after, r, resolve, check)


def _check_round(
    cands: list[dict[str, Any]],
    on_ballot: list[tuple[int, str]],
    out_after: dict[str, tuple[int, int | None]],
    rd: dict[str, Any],
    r: int,
    check: Checker,
) -> None:
    path = ("rounds", r - 1, "votes")
    for i, k in on_ballot:
        gone = out_after.get(k, (i, None))[1]
        still_in = gone is None or gone >= r
        name = cands[i]["name"]
        if still_in and k not in rd["votes"]:
            if r == 1:
                why = "give votes for every candidate on the ballot"
            elif gone is not None:
                why = (
                    f"candidates[{i}].round says {name} was in the count until round {gone} "
                    f"(`round` is the last round a candidate was in): if {name} went out "
                    f"after round {r - 1}, set round = {r - 1}"
                )
            else:
                why = (
                    "give votes for every candidate still in the count, or, if "
                    f'{name} went out after round {r - 1}, set outcome = "eliminated" and '
                    f"round = {r - 1} on candidates[{i}]"
                )
            raise check.fail(path, f"{name} has no votes in round {r}: {why}")
        if not still_in and k in rd["votes"]:
            raise check.fail(
                path,
                f"{name} has votes in round {r}, but went out after round {gone} "
                f"(candidates[{i}].round)",
            )


def _check_eliminated(
    table: dict[str, Any],
    cands: list[dict[str, Any]],
    keys: list[str],
    out_after: dict[str, tuple[int, int | None]],
    r: int,
    resolve: Resolve,
    check: Checker,
) -> None:
    if "eliminated" not in table:
        return
    path = ("rounds", r - 1, "eliminated")
    listed = [resolve(n, path) for n in table["eliminated"]]
    for name, k in zip(table["eliminated"], listed, strict=True):
        if k not in keys:
            raise check.fail(path, f"{name!r} is not one of this election's [[candidates]]")
        i = keys.index(k)
        outcome, last = cands[i]["outcome"], cands[i].get("round")
        if outcome != "eliminated" or last != r:
            said = f"outcome = {outcome!r}" + (f", round = {last}" if last is not None else "")
            raise check.fail(
                path,
                f"lists {cands[i]['name']} as going out after round {r}, but candidates[{i}] "
                f"says {said}",
            )
    for k, (i, last) in out_after.items():
        if last == r and k not in listed:
            raise check.fail(
                path,
                f"{cands[i]['name']} went out after round {r} (candidates[{i}].round) but is "
                "not listed",
            )


# -- totals, others, nominations, other figures --------------------------------------------
def _totals(
    figs: _Figures,
    results: dict[str, Any],
    count: _Count,
    electorate: int | None,
    counts: str,
) -> None:
    cast, valid, spoiled = count.cast, count.valid, count.spoiled
    if cast:
        figs.add(
            "total",
            "total",
            "count",
            cast,
            0.5,
            f"{cast:,} votes were cast in all.",
            derived="cast" in count.derived,
        )
    if valid and spoiled is not None:
        figs.add(
            "valid",
            "valid",
            "count",
            valid,
            0.5,
            f"{valid:,} votes were valid.",
            derived="valid" in count.derived,
        )
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
            f"{electorate:,} were entitled to vote" + (f" ({counts})." if counts else "."),
            counts=counts,
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


def _others(figs: _Figures, results: dict[str, Any]) -> None:
    """Valid votes for nobody listed (write-ins, others): a count of their own."""
    n = results.get("others")
    if n is None:
        return
    label = results.get("others_label", "")
    figs.add(
        "others",
        "count",
        "count",
        n,
        0.5,
        f"{n:,} valid votes were for {label}, none of the candidates listed."
        if label
        else f"{n:,} valid votes were for none of the candidates listed.",
        counts=" ".join(label.lower().split()) or "other votes",
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
            f"{who} had {_fmt(fv.value, unit)} {counts}."
            if who
            else f"{counts.capitalize()}: {_fmt(fv.value, unit)}."
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
    """ "Okafor had 31 nominations." -> "Okafor had 31 nominations (as of 9 February 2024)." """
    text = statement.rstrip()
    stop = text[-1] if text and text[-1] in ".!?" else ""
    body = text[:-1] if stop else text
    return f"{body} (as of {as_of:%-d %B %Y}){stop or '.'}"
