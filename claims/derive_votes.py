"""The figures worked out from the votes, round by round.

Per round: each candidate's votes; their shares of the valid votes, of all
votes cast and of the electorate (and, in a multi-round count, of the papers
still in the count), exact and flagged ``derived``; the shares as the file
records them, with their rounding; the margin between every pair of
candidates in votes and in points on each basis, exact; and the points
between two recorded shares, which carry both shares' rounding and are not
flagged ``derived``.  Between rounds: what each candidate gained from one
round to the next (the transfers), exact.  The figures go on the sheet ``derive_recorded`` keeps.
"""

from __future__ import annotations

from typing import Any

from factwatch.claims.derive_recorded import _Count, _Figures, _fmt
from factwatch.claims.facts_schema import FigureValue


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
        shown = _fmt(fv.value, "percent", fv.half_unit)
        figs.add(
            f"share.{p}{suffix}",
            "share",
            "percent",
            fv.value,
            fv.half_unit,
            f"{figs.name(p)} won {shown} of {_whole(basis)}{when}.",
            subject=p,
            basis=basis,
            round=r,
            shown=shown,
            source=source,
        )
    _margins(figs, votes, bases, r, suffix, when, source)
    _share_margins(figs, votes, recorded, basis, r, suffix, when, source)
    if n_rounds > 1 and r == n_rounds and len(votes) == 2:
        _over_half(figs, votes, r, suffix, when, source)


def _over_half(
    figs: _Figures, votes: dict[str, int], r: int, suffix: str, when: str, source: str
) -> None:
    """The last two of a preferential count: the winner's share over half, as that
    count's coverage gives its margin ("51.1 per cent of the final count, a margin of
    1.1 per cent")."""
    (a, va), (b, vb) = sorted(votes.items(), key=lambda kv: -kv[1])
    pts = 100.0 * va / (va + vb) - 50.0
    figs.add(
        f"points.{a}.{b}{suffix}.over-half",
        "margin",
        "percent",
        pts,
        0.0,
        f"{figs.name(a)} won {pts + 50:.1f}% of the final count{when}, {pts:.1f} points over half.",
        subject=a,
        other=b,
        round=r,
        basis="continuing",
        derived=True,
        source=source,
    )


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


def _gains(figs: _Figures, rounds: list[dict[str, Any]], source: str) -> None:
    """What each candidate still in the count gained from one round to the next."""
    for r in range(2, len(rounds) + 1):
        before, now = rounds[r - 2]["votes"], rounds[r - 1]["votes"]
        for p, n in now.items():
            if p not in before:
                continue
            d = n - before[p]
            figs.add(
                f"gain.{p}.r{r}",
                "gain",
                "count",
                d,
                0.5,
                f"{figs.name(p)} gained {d:,} votes in round {r} ({before[p]:,} to {n:,}).",
                subject=p,
                round=r,
                derived=True,
                source=rounds[r - 1].get("source") or source,
            )
