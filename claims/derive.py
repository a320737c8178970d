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

This module reads the count's rounds (names resolved to people, shares
parsed), checks them and puts the figures together: ``derive_votes`` adds
each round's votes, shares and margins, ``derive_recorded`` the figures of
the count as a whole and the file's own ``[[figures]]``.
"""

from __future__ import annotations

from typing import Any

from factwatch.claims.derive_recorded import (
    Resolve,
    _Count,
    _figure,
    _Figures,
    _figures,
    _nominations,
    _others,
    _totals,
    dated,
)
from factwatch.claims.derive_votes import _gains, _round
from factwatch.claims.facts_schema import Checker, FigureValue
from factwatch.claims.model import OFF_BALLOT, Contest, Figure, Person

__all__ = ["Resolve", "check_counts", "dated", "derive_figures"]


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
        own = _ballot_count(rd, r, check)
        _round(figs, rd, r, len(rounds), own or count, electorate, results, others)
        if own is not None:  # a ballot of its own: its papers, spoiled papers, turnout
            _totals(figs, rd, own, electorate, "", r=r)
    _gains(figs, rounds, source)
    counts = data.get("election", {}).get("electorate_counts", "") if this else ""
    _totals(figs, results, count, electorate, counts)
    if this:
        _others(figs, results, count.valid)
        _nominations(figs, data, resolve)
        _figures(figs, data, resolve, check)
    return figs.items


def _ballot_count(rd: dict[str, Any], r: int, check: Checker) -> _Count | None:
    """A round held as a ballot of its own: its count (None for a round of one count)."""
    own = [k for k in ("total", "valid", "spoiled", "turnout") if k in rd]
    if r == 1 and (own or rd.get("separate")):
        key = own[0] if own else "separate"
        raise check.fail(
            ("rounds", rd.get("_index", 0), key),
            "the first round is the election's own count: give its totals in [results]",
        )
    if not rd.get("separate"):
        if own:
            raise check.fail(
                ("rounds", rd["_index"], own[0]),
                "is only for a round held as a ballot of its own: add separate = true",
            )
        return None
    count = _Count.of(rd, sum(rd["votes"].values()))
    if count.cast is not None and count.papers > count.cast:
        raise check.fail(
            ("rounds", rd["_index"], "total"),
            f"the candidates' votes add up to {count.papers:,}, more than the total {count.cast:,}",
        )
    return count


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
        if c["outcome"] not in OFF_BALLOT
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
