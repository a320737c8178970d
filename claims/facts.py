"""Read a facts file (format 2: plain data) into the model the matcher uses.

    facts = load_facts("facts/harbour-2024.toml")     # or a list of files
    facts.election.name, facts.candidates, facts.figures, facts.claims

A facts file holds only facts: the election, its candidates and what became
of each, the count, other figures, known false claims and related contests,
each with its source.  Everything the matcher needs beyond that (margins
between any two candidates, shares on every basis, the size of the field,
who was defeated) is derived here; the grammar that reads coverage lives in
the package (see ``factwatch.claims.grammar``).  The format is documented in
docs/facts-format.md, its keys in ``facts_schema.SCHEMA``.

Several files may be given: later files add entries to the lists and keys to
the tables of earlier ones.  ``Facts.version`` hashes the files and the
package grammar, so a recheck re-runs stored articles when either changes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any, TypeVar

from factwatch.claims import facts_schema as schema
from factwatch.claims.derive import derive_figures
from factwatch.claims.facts_convert import is_format1
from factwatch.claims.model import Claim, Contest, Fact, Figure, Person, Standing
from factwatch.core.errors import FactsError

T = TypeVar("T")

__all__ = ["Facts", "load_facts", "parse_facts", "slug"]


def slug(text: str) -> str:
    """A stable identifier from words: "Jo Rowe" -> "jo-rowe", "Aroha Tāne" -> "aroha-tane".

    Accents are folded first (Unicode NFKD, combining marks dropped), so a name keeps its
    letters; apostrophes are dropped ("O'Neill" -> "oneill") and any other run of
    characters that are not ASCII letters or digits becomes one hyphen."""
    folded = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    s = re.sub(r"[^a-z0-9]+", "-", folded.lower().replace("\u2019", "").replace("'", ""))
    return s.strip("-") or "x"


@dataclass
class Election:
    """The contest the file is about, as other modules read it."""

    id: str
    name: str
    organisation: str
    office: str
    aliases: list[str]
    year: int | None
    dates: dict[str, dt.date]
    electorate: int | None
    source: str
    electorate_counts: str = ""


@dataclass
class Candidate:
    """A candidate of this election: the person and what became of the candidacy."""

    id: str
    name: str
    names: list[str]  # the name and every variant
    pronoun: str | None
    descriptors: list[str]
    outcome: str
    round: int | None = None
    withdrawn: dt.date | None = None
    incumbent: bool = False
    withdrawn_source: str = ""  # key of [sources] for the withdrawal

    @property
    def on_ballot(self) -> bool:
        return self.outcome != "withdrawn"


@dataclass(eq=False)
class Facts:
    election: Election
    candidates: list[Candidate]
    people: dict[str, Person]
    contests: dict[str, Contest]  # "this" and the related contests
    figures: list[Figure]
    claims: list[Claim]
    facts: dict[str, Fact]
    sources: dict[str, str]
    version: str
    paths: list[str] = field(default_factory=list)
    framing_patterns: list[re.Pattern[str]] = field(default_factory=list)
    quiet_patterns: list[re.Pattern[str]] = field(default_factory=list)
    # What the matcher works out from these facts once (tables, patterns), by name.
    derived: dict[str, Any] = field(default_factory=dict, repr=False)

    def once(self, name: str, build: Callable[[Facts], T]) -> T:
        """``build(self)``, worked out on first use and kept with these facts."""
        if name not in self.derived:
            self.derived[name] = build(self)
        return self.derived[name]  # type: ignore[no-any-return]

    @property
    def this(self) -> Contest:
        return self.contests["this"]

    def candidate(self, key: str) -> Candidate:
        return next(c for c in self.candidates if c.id == key)

    def person(self, key: str) -> Person:
        return self.people[key]

    def fact(self, fact_id: str) -> Fact:
        return self.facts[fact_id]

    def source_text(self, key: str) -> str:
        return self.sources.get(key, key)

    def is_quiet(self, text: str) -> bool:
        """Whether no rule may flag this sentence: one of ``advanced.quiet_patterns`` is
        found anywhere in ``text`` (``re.search``, case-insensitive, as written)."""
        return any(p.search(text) for p in self.quiet_patterns)


# -- reading ---------------------------------------------------------------------------------
def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in extra.items():
        if k in out and isinstance(out[k], list) and isinstance(v, list):
            out[k] = out[k] + v
        elif k in out and isinstance(out[k], dict) and isinstance(v, dict):
            out[k] = _merge(out[k], v)
        else:
            out[k] = v
    return out


def _read(path: Path) -> tuple[dict[str, Any], str]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FactsError(
            f"{path}: facts file not found. Check facts.files in config.toml or --facts; "
            "`factwatch facts new` writes a skeleton."
        ) from None
    except OSError as exc:
        raise FactsError(f"{path}: cannot read facts file: {exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise FactsError(f"{path}: facts file is not UTF-8 text") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FactsError(f"{path}: not valid TOML: {exc}") from None
    return data, text


def _grammar_version() -> str:
    h = hashlib.sha256()
    folder = files("factwatch.claims") / "grammar"
    for name in sorted(p.name for p in folder.iterdir() if p.name.endswith(".toml")):
        h.update((folder / name).read_bytes())
    return h.hexdigest()[:8]


def load_facts(paths: str | Path | Iterable[str | Path]) -> Facts:
    """Read, validate and merge one or more facts files."""
    given = [paths] if isinstance(paths, (str, Path)) else list(paths)
    files_ = [Path(p) for p in given]
    if not files_:
        raise FactsError("no facts file given: pass --facts FILE or set facts.files")
    merged: dict[str, Any] = {}
    texts: list[str] = []
    for path in files_:
        data, text = _read(path)
        if is_format1(data):
            raise FactsError(
                f"{path}: this is a format 1 facts file (regular expressions). factwatch now "
                "reads format 2, plain data with the grammar built in: run "
                f"`factwatch facts convert {path}` to write a format 2 draft, then check it "
                "with `factwatch facts check`."
            )
        # Each file is checked on its own, so errors point at its own lines.
        schema.validate(_with_defaults(data, merged), text, str(path))
        merged = _merge(merged, data)
        texts.append(text)
    version = hashlib.sha256(("\x00".join(texts) + _grammar_version()).encode()).hexdigest()[:16]
    facts = parse_facts(merged, origin=str(files_[0]), text=texts[0], version=version)
    facts.paths = [str(p) for p in files_]
    return facts


def _with_defaults(data: dict[str, Any], merged: dict[str, Any]) -> dict[str, Any]:
    """A later file may rely on the earlier ones' required tables."""
    if not merged:
        return data
    out = dict(data)
    for key in ("format", "election", "sources", "candidates"):
        if key not in out and key in merged:
            out[key] = merged[key]
    return out


def parse_facts(
    data: dict[str, Any], *, origin: str = "facts", text: str = "", version: str = ""
) -> Facts:
    """Build the model from a validated document (validates it when ``text`` is given)."""
    check = schema.validate(data, text, origin) if text else schema.Checker("", origin)
    if data.get("format") != 2:
        raise check.fail(("format",), f"expected 2, got {data.get('format')!r}")
    return _Builder(data, check).build(version)


class _Builder:
    def __init__(self, data: dict[str, Any], check: schema.Checker):
        self.d = data
        self.check = check
        self.sources: dict[str, str] = dict(data["sources"])
        self.people: dict[str, Person] = {}
        self.by_name: dict[str, str] = {}  # normalised name or variant -> person key

    def source(self, key: str, path: tuple) -> str:
        if key not in self.sources:
            raise self.check.fail(
                path, f"unknown source {key!r} (known: {', '.join(self.sources)})"
            )
        return key

    # -- people ---------------------------------------------------------------------------
    def person(self, name: str, **extra: Any) -> str:
        key = self.by_name.get(_norm(name))
        if key:
            return key
        key = slug(name)
        while key in self.people:
            key += "-2"
        self.people[key] = Person(key=key, name=name.strip(), **extra)
        for n in (name, *extra.get("variants", ())):
            self.by_name.setdefault(_norm(n), key)
        return key

    def named(self, name: str, path: tuple) -> str:
        key = self.by_name.get(_norm(name))
        if key is None:
            known = ", ".join(p.name for p in self.people.values())
            raise self.check.fail(path, f"{name!r} is not a candidate (known: {known})")
        return key

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
        claims = self.claims()
        facts_by_id = self.fact_table(election, candidates, figures, claims, contests)
        adv = self.d.get("advanced", {})
        return Facts(
            election=election,
            candidates=candidates,
            people=self.people,
            contests=contests,
            figures=figures,
            claims=claims,
            facts=facts_by_id,
            sources=self.sources,
            version=version,
            framing_patterns=self.patterns(adv.get("framing_patterns", []), "framing_patterns"),
            quiet_patterns=self.patterns(adv.get("quiet_patterns", []), "quiet_patterns"),
        )

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
        )

    def claims(self) -> list[Claim]:
        out = []
        for i, t in enumerate(self.d.get("claims", [])):
            path = ("claims", i)
            self.source(t["source"], (*path, "source"))
            cid = t.get("id") or "claim." + slug(" ".join(t["claim"].split()[:6]))
            out.append(
                Claim(
                    id=cid,
                    claim=t["claim"],
                    paraphrases=list(t.get("paraphrases", [])),
                    fact=t["fact"],
                    source=t["source"],
                    severity=t.get("severity", "high"),
                )
            )
        return out

    def fact_table(
        self,
        election: Election,
        candidates: list[Candidate],
        figures: list[Figure],
        claims: list[Claim],
        contests: dict[str, Contest],
    ) -> dict[str, Fact]:
        out: dict[str, Fact] = {}
        out["field"] = Fact("field", field_statement(candidates, figures), election.source)
        for c in contests.values():
            if c.key != "this" and c.field_known:
                out[f"field:{c.key}"] = Fact(
                    f"field:{c.key}", contest_statement(c, self.people), c.source or election.source
                )
        for cand in candidates:
            when = f" on {cand.withdrawn:%-d %B %Y}" if cand.withdrawn else ""
            if cand.outcome == "withdrawn":
                said = f"{cand.name} withdrew{when}, before the ballot."
            elif cand.withdrawn:
                said = (
                    f"{cand.name} withdrew{when}, after the ballot papers were fixed; the name "
                    "stayed on the ballot and was counted."
                )
            else:
                continue
            out[f"withdrawn.{cand.id}"] = Fact(
                f"withdrawn.{cand.id}", said, cand.withdrawn_source or election.source
            )
        for f in figures:
            out[f.id] = Fact(f.id, f.statement, f.source, f.as_of)
        for claim in claims:
            out[claim.id] = Fact(claim.id, claim.fact, claim.source)
        return out

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


def _norm(name: str) -> str:
    return " ".join(name.replace("\u2019", "'").lower().split())


def _year_in(text: str) -> int | None:
    m = re.search(r"\b(1[89]\d\d|2\d\d\d)\b", text)
    return int(m.group(1)) if m else None


def field_statement(candidates: list[Candidate], figures: list[Figure]) -> str:
    """The field in words: who stood, what each got, who lost."""
    votes = {
        f.subject: f
        for f in figures
        if f.contest == "this" and f.measure == "votes" and f.round == _last_round(figures)
    }
    shares = {
        f.subject: f
        for f in figures
        if f.contest == "this"
        and f.measure == "share"
        and f.round == _last_round(figures)
        and not f.derived
    }
    on = [c for c in candidates if c.on_ballot]
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven"}
    parts = []
    for c in on:
        bits = []
        if c.id in votes:
            bits.append(f"{votes[c.id].value:,.0f} votes")
        if c.id in shares:
            bits.append(f"{shares[c.id].shown}")
        parts.append(f"{c.name} ({', '.join(bits)})" if bits else c.name)
    n = len(on)
    listed = ", ".join(parts[:-1]) + f" and {parts[-1]}" if n > 1 else parts[0]
    text = f"There were {words.get(n, str(n))} candidates on the ballot: {listed}."
    losers = [c for c in on if c.outcome != "winner"]
    if len(losers) > 1:
        surnames = [c.name.split()[-1] for c in losers]
        who = ", ".join(surnames[:-1]) + f" and {surnames[-1]}"
        text += f" {words.get(len(losers), str(len(losers))).capitalize()} were defeated: {who}."
    for c in candidates:
        if c.outcome == "withdrawn":
            when = f" on {c.withdrawn:%-d %B %Y}" if c.withdrawn else ""
            text += f" {c.name} withdrew{when}, before the ballot."
    return text


def contest_statement(contest: Contest, people: dict[str, Person]) -> str:
    """A related contest's field in words."""
    on = [people[p].name for p in contest.on_ballot]
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven"}
    listed = ", ".join(on[:-1]) + f" and {on[-1]}" if len(on) > 1 else on[0]
    text = f"{contest.name}: {words.get(len(on), len(on))} candidates on the ballot ({listed})"
    if contest.winners:
        text += f"; {people[contest.winners[0]].name} won"
    text += "."
    for p in contest.withdrawn:
        text += f" {people[p].name} withdrew before the ballot."
    return text


def _last_round(figures: list[Figure]) -> int:
    rounds = [f.round for f in figures if f.contest == "this" and f.round]
    return max(rounds) if rounds else 1
