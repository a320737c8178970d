"""The keys a facts file (format 2) may hold, and the check that enforces them.

``SCHEMA`` describes every table and key with its type and one line of
documentation; ``validate(data, text, origin)`` walks a parsed file against
it and raises ``FactsError`` naming the file, the line, the key path and the
problem.  An unknown key at any depth is an error that suggests the nearest
known key ("severty: unknown key; did you mean severity?").  The same schema
writes the skeleton of ``factwatch facts new`` and is checked against
docs/facts-format.md by the tests, so the three never drift apart.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from factwatch.core.errors import FactsError

OUTCOMES = ("winner", "defeated", "withdrawn", "disqualified", "eliminated")
BASES = ("cast", "valid", "electorate")
SEVERITIES = ("low", "medium", "high")
PRONOUNS = ("he", "she", "they")
DATE_KEYS = ("nominations_open", "nominations_close", "ballot_open", "ballot_close", "declared")


@dataclass
class Key:
    """One key: its type, whether it is required, and what it means."""

    type: str  # str, int, number, figure, date, bool, list, names, votes, table, tables
    doc: str
    required: bool = False
    choices: tuple[str, ...] = ()
    keys: dict[str, Key] = field(default_factory=dict)  # for table / tables
    example: Any = None


def _t(doc: str, keys: dict[str, Key], *, required: bool = False, many: bool = False) -> Key:
    return Key("tables" if many else "table", doc, required, keys=keys)


SCHEMA: dict[str, Key] = {
    "format": Key("int", "Always 2 for this format.", True, example=2),
    "election": _t(
        "The election the file describes.",
        {
            "name": Key(
                "str",
                "Its name as a reader would know it.",
                True,
                example="Riverside Workers' Union General Secretary election 2024",
            ),
            "organisation": Key(
                "str", "Who holds it: a union, a party, a city.", example="Riverside Workers' Union"
            ),
            "office": Key("str", "The post being filled.", example="General Secretary"),
            "aliases": Key(
                "list",
                "Other names coverage gives the contest (plain phrases).",
                example=["HWU leadership election"],
            ),
            "electorate": Key(
                "int", "How many were entitled to vote (ballot papers sent).", example=52000
            ),
            "electorate_counts": Key(
                "str",
                "What the electorate counts, in words.",
                example="ballot papers sent to members",
            ),
            "source": Key(
                "str", "Key of [sources] for the facts of this table.", True, example="declaration"
            ),
            "dates": _t(
                "When things happened (YYYY-MM-DD); every date is optional.",
                {
                    k: Key("date", d, example=e)
                    for k, d, e in (
                        ("nominations_open", "Nominations opened.", "2024-01-08"),
                        ("nominations_close", "Nominations closed.", "2024-02-09"),
                        ("ballot_open", "Voting began.", "2024-03-04"),
                        ("ballot_close", "Voting ended.", "2024-03-29"),
                        ("declared", "The result was declared.", "2024-04-02"),
                    )
                },
            ),
        },
        required=True,
    ),
    "sources": Key(
        "sourcetable",
        "Where the facts come from: short key = a description a reader can find.",
        True,
        example={"declaration": "Returning officer's declaration of the result, 2 April 2024"},
    ),
    "candidates": _t(
        "Everyone who stood, one table each.",
        {
            "name": Key("str", "Full name as usually written.", True, example="Ana Ferreira"),
            "variants": Key(
                "list",
                "Other spellings and short forms coverage uses.",
                example=["Ferreira", "Ana Fereira"],
            ),
            "pronoun": Key(
                "str",
                "he, she or they (lets the grammar follow pronouns).",
                choices=PRONOUNS,
                example="she",
            ),
            "descriptors": Key(
                "list",
                "Plain phrases that name this candidate.",
                example=["the regional organiser"],
            ),
            "affiliation": Key(
                "str", "A party, faction or slate, if coverage uses one.", example="Broad Left"
            ),
            "incumbent": Key("bool", "Held the post before the election.", example=False),
            "outcome": Key(
                "str", "What became of the candidacy.", True, choices=OUTCOMES, example="winner"
            ),
            "round": Key("int", "For `eliminated`: the round after which they went out."),
            "withdrawn": Key("date", "For `withdrawn`: the day they withdrew."),
            "votes": Key(
                "int", "Votes won (single-round elections; else use [[rounds]]).", example=20480
            ),
            "share": Key(
                "figure", "Share of the vote in per cent, on `results.share_basis`.", example=41.3
            ),
            "nominations": Key("int", "Nominations received (final count).", example=112),
        },
        required=True,
        many=True,
    ),
    "results": _t(
        "The count as a whole.",
        {
            "source": Key("str", "Key of [sources] (default: election.source)."),
            "share_basis": Key(
                "str",
                "What the recorded shares are shares of: all votes cast (spoiled "
                "included), valid votes, or the electorate.",
                choices=BASES,
                example="valid",
            ),
            "total": Key("int", "All ballots returned, spoiled ones included.", example=49630),
            "valid": Key("int", "Valid votes (derived from total and spoiled when absent)."),
            "spoiled": Key("int", "Spoiled or rejected ballots.", example=210),
            "turnout": Key("figure", "Turnout in per cent (derived when absent).", example="9.5%"),
        },
    ),
    "rounds": _t(
        "Multi-round counts (runoff, alternative vote): one table per round, in order.",
        {
            "votes": Key("votes", "Candidate name = votes in this round.", True),
            "shares": Key("shares", "Candidate name = share in per cent, if recorded."),
            "share_basis": Key("str", "What this round's shares are of.", choices=BASES),
            "eliminated": Key("names", "Who went out after this round."),
            "source": Key("str", "Key of [sources] (default: results.source)."),
        },
        many=True,
    ),
    "figures": _t(
        "Other recorded numbers (nominations, branches, thresholds).",
        {
            "counts": Key(
                "str",
                "What the number counts, as coverage would say it.",
                True,
                example="workplace nominations",
            ),
            "subject": Key(
                "str",
                "Whose number: a candidate's name (omit for the election's own).",
                example="Ana Ferreira",
            ),
            "value": Key(
                "figure",
                'The number as the source gives it ("12%" keeps the source\'s precision).',
                True,
                example=31,
            ),
            "as_of": Key("date", "When the count was final or taken."),
            "source": Key("str", "Key of [sources].", True, example="nominations"),
            "statement": Key("str", "The fact in words, for rebuttals (optional)."),
            "id": Key("str", "A stable identifier (optional; derived when absent)."),
        },
        many=True,
    ),
    "claims": _t(
        "Known false or misleading claims.",
        {
            "claim": Key(
                "str",
                "The claim as a plain sentence.",
                True,
                example="Tom Baxter demanded a recount.",
            ),
            "paraphrases": Key(
                "list",
                "Other ways coverage puts it, as plain sentences.",
                example=["Baxter asked for the votes to be counted again."],
            ),
            "fact": Key(
                "str",
                "The fact that refutes it, in words.",
                True,
                example="No candidate asked for a recount.",
            ),
            "source": Key("str", "Key of [sources].", True, example="appeals"),
            "severity": Key("str", "How much it matters (default high).", choices=SEVERITIES),
            "id": Key("str", "A stable identifier (optional; derived when absent)."),
        },
        many=True,
    ),
    "contests": _t(
        "Other contests coverage mentions: earlier and later elections for the same office, "
        "other organisations' elections.",
        {
            "name": Key("str", "Its name.", True, example="HWU General Secretary election 2019"),
            "year": Key("int", "The year it was decided.", True, example=2019),
            "organisation": Key("str", "Who held it (default: this election's)."),
            "office": Key("str", "The post (default: this election's)."),
            "candidates": Key(
                "names", "Everyone who stood.", True, example=["Ana Ferreira", "Tom Baxter"]
            ),
            "winner": Key("str", "Who won.", example="Tom Baxter"),
            "withdrawn": Key("names", "Who withdrew before the ballot."),
            "votes": Key("votes", "Candidate name = votes (optional)."),
            "turnout": Key("figure", "Turnout in per cent (optional)."),
            "source": Key("str", "Key of [sources] (needed when figures are given)."),
        },
        many=True,
    ),
    "advanced": _t(
        "Rarely needed: patterns for wording the built-in grammar misses.",
        {
            "framing_patterns": Key("list", "Regular expressions that are framing here."),
            "quiet_patterns": Key("list", "Regular expressions of sentences never to flag."),
        },
    ),
}


# -- locating keys in the file ------------------------------------------------------------
_HEADER = re.compile(r"^\s*\[(\[)?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_ASSIGN = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")


class Locator:
    """Line numbers of keys in a TOML text: ``line(("candidates", 2, "severty"))``."""

    def __init__(self, text: str):
        self.lines: dict[tuple, int] = {}
        counts: dict[str, int] = {}
        table: tuple = ()
        for no, line in enumerate(text.splitlines(), 1):
            m = _HEADER.match(line)
            if m:
                parts = tuple(p.strip().strip("\"'") for p in m.group(2).split("."))
                if m.group(1):  # [[array]]
                    base = ".".join(parts)
                    idx = counts.get(base, 0)
                    counts[base] = idx + 1
                    table = (*parts, idx)
                else:
                    table = self._resolve(parts, counts)
                self.lines.setdefault(table, no)
                continue
            m = _ASSIGN.match(line)
            if m:
                key = m.group(1).strip("\"'")
                self.lines.setdefault((*table, key), no)

    @staticmethod
    def _resolve(parts: tuple, counts: dict[str, int]) -> tuple:
        # [results.x] inside the latest [[results]] element, if any.
        out: list = []
        for p in parts:
            out.append(p)
            base = ".".join(str(x) for x in out if not isinstance(x, int))
            if base in counts:
                out.append(counts[base] - 1)
        return tuple(out)

    def line(self, path: tuple) -> int | None:
        p = tuple(path)
        while p:
            if p in self.lines:
                return self.lines[p]
            p = p[:-1]
        return None


def dotted(path: tuple) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


class Checker:
    """Walks parsed data against SCHEMA; ``fail`` builds errors with file and line."""

    def __init__(self, text: str, origin: str):
        self.origin = origin
        self.loc = Locator(text)

    def fail(self, path: tuple, problem: str) -> FactsError:
        line = self.loc.line(path)
        where = f"{self.origin}:{line}" if line else self.origin
        return FactsError(f"{where}: {dotted(path)}: {problem}")

    def table(self, data: Any, keys: dict[str, Key], path: tuple) -> None:
        if not isinstance(data, dict):
            raise self.fail(path, f"expected a table, got {_show(data)}")
        for k in data:
            if k not in keys:
                raise self.fail((*path, k), _unknown(k, keys))
        for k, spec in keys.items():
            if k not in data:
                if spec.required:
                    raise self.fail(path, f"missing required key `{k}` ({spec.doc})")
                continue
            self.value(data[k], spec, (*path, k))

    def value(self, v: Any, spec: Key, path: tuple) -> None:
        t = spec.type
        if t == "table":
            self.table(v, spec.keys, path)
        elif t == "tables":
            if not isinstance(v, list) or not all(isinstance(x, dict) for x in v):
                name = path[-1]
                raise self.fail(path, f"use [[{name}]] tables, one per entry")
            for i, item in enumerate(v):
                self.table(item, spec.keys, (*path, i))
        elif t == "str":
            if not isinstance(v, str) or not v.strip():
                raise self.fail(path, f"expected a non-empty string, got {_show(v)}")
            if spec.choices and v not in spec.choices:
                near = difflib.get_close_matches(v, spec.choices, n=1)
                hint = f"; did you mean {near[0]}?" if near else ""
                raise self.fail(path, f"expected one of {', '.join(spec.choices)}, got {v!r}{hint}")
        elif t == "int":
            if isinstance(v, bool) or not isinstance(v, int) or v < 0:
                raise self.fail(path, f"expected a whole number, got {_show(v)}")
        elif t == "bool":
            if not isinstance(v, bool):
                raise self.fail(path, f"expected true or false, got {_show(v)}")
        elif t == "figure":
            if parse_figure(v) is None:
                raise self.fail(path, f'expected a number such as 12.2 or "12%", got {_show(v)}')
        elif t == "date":
            if parse_date(v) is None:
                raise self.fail(path, f"expected a date YYYY-MM-DD, got {_show(v)}")
        elif t in ("list", "names"):
            if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
                raise self.fail(path, f"expected a list of strings, got {_show(v)}")
        elif t in ("votes", "shares"):
            if not isinstance(v, dict) or not v:
                raise self.fail(path, "expected a table of candidate name = number")
            for name, n in v.items():
                ok = (
                    parse_figure(n) is not None
                    if t == "shares"
                    else (isinstance(n, int) and not isinstance(n, bool) and n >= 0)
                )
                if not ok:
                    raise self.fail((*path, name), f"expected a number, got {_show(n)}")
        elif t == "sourcetable":
            if not isinstance(v, dict) or not v:
                raise self.fail(path, 'expected a table of key = "description"')
            for k, desc in v.items():
                if not isinstance(desc, str) or not desc.strip():
                    raise self.fail((*path, k), f"expected a description, got {_show(desc)}")


def _unknown(key: str, keys: dict[str, Key]) -> str:
    near = difflib.get_close_matches(key, list(keys), n=1, cutoff=0.6)
    hint = f"; did you mean {near[0]}?" if near else f" (known: {', '.join(keys)})"
    return f"unknown key{hint}"


def _show(v: Any) -> str:
    text = repr(v)
    return text if len(text) < 60 else text[:57] + "..."


@dataclass(frozen=True)
class FigureValue:
    """A number as a source gives it: the value and how precisely it is known."""

    value: float
    half_unit: float  # the source rounded to within this much
    percent: bool = False


def parse_figure(v: Any) -> FigureValue | None:
    """12 -> exact; 12.2 -> within 0.05; "12%" -> within 0.5, a percentage."""
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return FigureValue(float(v), 0.5 if v else 0.0)
    if isinstance(v, float):
        text = repr(v)
        decimals = len(text.split(".")[1]) if "." in text and "e" not in text else 0
        return FigureValue(v, 0.5 * 10.0**-decimals)
    if isinstance(v, str):
        m = re.fullmatch(r"\s*(\d[\d,]*(?:\.(\d+))?)\s*(%|per ?cent)?\s*", v)
        if not m:
            return None
        value = float(m.group(1).replace(",", ""))
        decimals = len(m.group(2) or "")
        return FigureValue(value, 0.5 * 10.0**-decimals, bool(m.group(3)))
    return None


def parse_date(v: Any) -> dt.date | None:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str):
        try:
            return dt.date.fromisoformat(v.strip())
        except ValueError:
            return None
    return None


def validate(data: dict[str, Any], text: str, origin: str) -> Checker:
    """Check a parsed facts file against SCHEMA (raises FactsError)."""
    checker = Checker(text, origin)
    checker.table(data, SCHEMA, ())
    return checker


def all_keys(keys: dict[str, Key] | None = None, prefix: str = "") -> list[str]:
    """Every documented key path ("election.dates.ballot_close", "candidates.name")."""
    out = []
    for k, spec in (keys or SCHEMA).items():
        path = f"{prefix}.{k}" if prefix else k
        out.append(path)
        if spec.keys:
            out.extend(all_keys(spec.keys, path))
    return out
