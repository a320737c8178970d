"""What a loaded facts file says, in a few lines, and what in it is valid but likely wrong.

    facts = load_facts(paths)
    print("\\n".join(summary(facts)))
    for line in warnings(facts, paths):
        print("warning:", line)

The reader (``factwatch.claims.facts``) refuses what is wrong (a candidate
on the ballot without votes beside others that have them is an error
there); these warnings name what is allowed but usually a slip, each with
its file, line and key: a source nothing cites, votes that do not add up to
the count, a recorded share its votes contradict beyond the share's
rounding, and a claim with no paraphrases.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factwatch.claims.claim_index import read_variant
from factwatch.claims.concepts import concepts
from factwatch.claims.facts import Candidate, Facts
from factwatch.claims.facts_schema import Locator, dotted
from factwatch.claims.model import Figure

_DATES = {
    "nominations_open": "nominations opened",
    "nominations_close": "nominations closed",
    "ballot_open": "voting began",
    "ballot_close": "voting ended",
    "declared": "declared",
}
_WHOLE = {
    "valid": "the valid votes",
    "cast": "all votes cast",
    "electorate": "the electorate",
    "continuing": "the papers still in the count",
}


# -- summary -----------------------------------------------------------------------------
def summary(facts: Facts) -> list[str]:
    """A short account of the file: election, candidates, field, figures, claims, sources."""
    el = facts.election
    about = ", ".join(x for x in (el.organisation, el.office) if x)
    lines = [el.name + (f" ({about})" if about else "")]
    if el.dates:
        ordered = sorted(el.dates.items(), key=lambda kv: kv[1])
        lines.append("Dates: " + ", ".join(f"{_DATES[k]} {d:%-d %B %Y}" for k, d in ordered))
    lines.append("Candidates:")
    votes = _votes_by_round(facts)
    for c in facts.candidates:
        lines.append(f"  {c.name}: {_outcome(c)}{_tally(facts, c, votes.get(c.id, {}))}")
    on = [c for c in facts.candidates if c.on_ballot]
    lost = [c for c in on if c.outcome != "winner"]
    field = f"Field on the ballot: {len(on)} ({len(on) - len(lost)} won, {len(lost)} lost)"
    withdrew = sum(c.outcome == "withdrawn" for c in facts.candidates)
    unnominated = sum(c.outcome == "not_nominated" for c in facts.candidates)
    lines.append(
        field
        + (f"; {withdrew} withdrew before the ballot" if withdrew else "")
        + (f"; {unnominated} not nominated" if unnominated else "")
    )
    ours = [f for f in facts.figures if f.contest == "this"]
    derived = [f for f in ours if _worked_out(f)]
    others = len(facts.figures) - len(ours)
    how = " (shares on every basis, margins between every pair, turnout)" if derived else ""
    lines.append(
        f"Figures: {len(ours) - len(derived)} recorded, {len(derived)} derived{how}"
        + (f"; {others} for related contests" if others else "")
    )
    for count in facts.earlier:
        lines.append(
            f"Replaced: {count.label}, declared {count.declared:%-d %B %Y}, replaced "
            f"{count.replaced:%-d %B %Y} ({len(count.figures)} figures, right before then "
            "or when said of it)"
        )
    paraphrases = sum(len(c.paraphrases) for c in facts.claims)
    lines.append(f"Claims: {len(facts.claims)} ({paraphrases} paraphrases)")
    related = [c for c in facts.contests.values() if c.key != "this"]
    lines.append(f"Related contests: {len(related)}")
    for contest in related:
        won = f"; {facts.people[contest.winners[0]].name} won" if contest.winners else ""
        size = len(contest.on_ballot)
        lines.append(f"  {contest.name} ({contest.relation}, {size} on the ballot{won})")
    lines.append(f"Sources: {len(facts.sources)}")
    return lines


def _worked_out(f: Figure) -> bool:
    # Every margin is worked out; those between two recorded shares keep the shares'
    # rounding and are not flagged derived.
    return f.derived or f.measure == "margin"


def _outcome(c: Candidate) -> str:
    if c.outcome == "withdrawn":
        return "withdrew" + (f" on {c.withdrawn:%-d %B %Y}" if c.withdrawn else "")
    if c.outcome == "eliminated":
        return f"eliminated after round {c.round}"
    if c.outcome == "not_nominated":
        return "not nominated (never on the ballot)"
    return c.outcome


def _votes_by_round(facts: Facts) -> dict[str, dict[int, Figure]]:
    out: dict[str, dict[int, Figure]] = {}
    for f in facts.figures:
        if f.contest == "this" and f.measure == "votes" and f.subject:
            out.setdefault(f.subject, {})[f.round or 1] = f
    return out


def _tally(facts: Facts, c: Candidate, rounds: dict[int, Figure]) -> str:
    if not rounds:
        return ""
    first = rounds[min(rounds)]
    text = f", {first.value:,.0f} votes"
    share = next(
        (
            f
            for f in facts.figures
            if f.contest == "this"
            and f.measure == "share"
            and f.subject == c.id
            and not f.derived
            and (f.round or 1) == min(rounds)
        ),
        None,
    )
    if share:
        text += f" ({share.shown})"
    if len(rounds) > 1 or any(f.round and f.round > 1 for f in facts.figures):
        text += " in round 1"
        last = max(rounds)
        if last > 1:
            text += f", {rounds[last].value:,.0f} in round {last}"
    return text


# -- warnings ----------------------------------------------------------------------------
@dataclass
class _File:
    path: str
    data: dict[str, Any]
    loc: Locator

    def at(self, path: tuple) -> str:
        line = self.loc.line(path)
        return f"{self.path}:{line}: {dotted(path)}" if line else f"{self.path}: {dotted(path)}"


def warnings(facts: Facts, paths: Iterable[str | Path]) -> list[str]:
    """Valid but likely mistakes, as ``file:line: key: problem`` lines."""
    files = []
    for p in paths:
        text = Path(p).read_text(encoding="utf-8")
        files.append(_File(str(p), tomllib.loads(text), Locator(text)))
    out = _unused_sources(facts, files)
    if _round_one(facts):
        _totals(facts, files, out)
    _shares(facts, files, out)
    thesaurus = concepts()
    for claim in facts.claims:
        for j, text in enumerate((claim.claim, *claim.paraphrases)):
            if read_variant(facts, thesaurus, claim, text) is None:
                key = ("claim",) if j == 0 else ("paraphrases", j - 1)
                where = _find(files, "claims", "claim", claim.claim, *key)
                out.append(
                    f"{where}: {text!r} is not used: it holds at most one word the matcher "
                    "knows and names nobody, so it would match any sentence with that word; "
                    "say what is claimed (who did what, to what)"
                )
        if not claim.paraphrases:
            where = _find(files, "claims", "claim", claim.claim, "claim")
            out.append(
                f"{where}: no paraphrases: only sentences that put the claim much as "
                "it is written here are recognised; add one plain sentence per way "
                "coverage puts it"
            )
    return out


def _find(files: list[_File], table: str, field: str, value: Any, *key: str) -> str:
    """Where the first ``[[table]]`` entry whose ``field`` is ``value`` (any, for "") is."""
    for f in files:
        for i, item in enumerate(f.data.get(table, [])):
            if isinstance(item, dict) and (not field or item.get(field) == value):
                return f.at((table, i, *key))
    return f"{files[0].path}: {table}"


def _source_refs(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for k, v in value.items():
            if (k == "source" or k.endswith("_source")) and isinstance(v, str):
                yield v
            elif k != "sources":
                yield from _source_refs(v)
    elif isinstance(value, list):
        for v in value:
            yield from _source_refs(v)


def _unused_sources(facts: Facts, files: list[_File]) -> list[str]:
    used = {ref for f in files for ref in _source_refs(f.data)}
    out = []
    for key in facts.sources:
        if key not in used:
            where = next(f.at(("sources", key)) for f in files if key in f.data.get("sources", {}))
            out.append(
                f"{where}: never used: no fact, figure, claim or contest names it as "
                "its `source` (cite it, or remove it)"
            )
    return out


def _round_one(facts: Facts) -> dict[str, float]:
    return {
        f.subject: f.value
        for f in facts.figures
        if f.contest == "this" and f.measure == "votes" and f.subject and (f.round or 1) == 1
    }


def _totals(facts: Facts, files: list[_File], out: list[str]) -> None:
    results: dict[str, Any] = {}
    home: _File | None = None
    for f in files:
        if f.data.get("results"):
            results.update(f.data["results"])
            home = f
    if home is None:
        return
    others = int(results.get("others", 0))
    counted = int(sum(_round_one(facts).values())) + others
    whose = "the candidates' votes" + (" and the others'" if others else "")
    total, spoiled, valid = results.get("total"), results.get("spoiled"), results.get("valid")
    if total is not None and spoiled is not None and valid is not None and total - spoiled != valid:
        out.append(
            f"{home.at(('results', 'valid'))}: results.total minus results.spoiled is "
            f"{total - spoiled:,}, but results.valid is {valid:,}"
        )
    if valid is not None:
        if counted != valid:
            out.append(
                f"{home.at(('results', 'valid'))}: {whose} add up to "
                f"{counted:,}, not the {valid:,} valid votes ({counted - valid:+,}): "
                "check the votes and the count"
            )
    elif total is not None and spoiled is not None:
        if counted != total - spoiled:
            out.append(
                f"{home.at(('results', 'total'))}: {whose} add up to "
                f"{counted:,}, not results.total minus results.spoiled ({total:,} - "
                f"{spoiled:,} = {total - spoiled:,}): check the votes and the count"
            )
    elif total is not None and counted != total:
        out.append(
            f"{home.at(('results', 'total'))}: {whose} add up to "
            f"{counted:,}, not results.total ({total:,}): if {total - counted:,} "
            "ballots were spoiled, record results.spoiled"
        )


def _in_round(files: list[_File], r: int, key: str, facts: Facts, person: str) -> str:
    """Where a person's entry in ``[[rounds]]`` number ``r`` (from 0) is written."""
    p = facts.people[person]
    for f in files:
        rounds = f.data.get("rounds", [])
        for name in rounds[r].get(key, {}) if r < len(rounds) else ():
            if name in (p.name, *p.variants):
                return f.at(("rounds", r, key, name))
    return _find(files, "rounds", "", None, key)


def _shares(facts: Facts, files: list[_File], out: list[str]) -> None:
    ours = [f for f in facts.figures if f.contest == "this" and f.measure == "share"]
    rounds = any(f.data.get("rounds") for f in files)
    for rec in (f for f in ours if not f.derived):
        exact = [f for f in ours if f.derived and f.subject == rec.subject and f.round == rec.round]
        same = next((f for f in exact if f.basis == rec.basis), None)
        if same is None or abs(same.value - rec.value) <= rec.half_unit + 1e-9:
            continue
        name = facts.people[rec.subject or ""].name
        if rounds:
            where = _in_round(files, (rec.round or 1) - 1, "shares", facts, rec.subject or "")
        else:
            where = _find(files, "candidates", "name", name, "share")
        text = (
            f"{where}: {name}'s recorded share, {rec.shown} of {_WHOLE[rec.basis or 'valid']}"
            f", disagrees with the votes beyond its rounding: {same.statement}"
        )
        fits = [
            f
            for f in exact
            if f.basis != rec.basis and abs(f.value - rec.value) <= rec.half_unit + 1e-9
        ]
        if fits:
            text += (
                f" It agrees with a share of {_WHOLE[fits[0].basis or 'valid']}: "
                "is share_basis right?"
            )
        out.append(text)
