"""The keys a facts file (format 2) may hold, and the check that enforces them.

``SCHEMA`` describes every table and key with its type and one line of
documentation; ``validate(data, text, origin)`` walks a parsed file against
it and raises ``FactsError`` naming the file, the line, the key path and the
problem.  An unknown key at any depth is an error that suggests the nearest
known key ("severty: unknown key; did you mean severity?").  The same schema
writes the skeleton of ``factwatch facts new`` and is checked against
docs/facts-format.md by the tests, so the three never drift apart.

Every key has an example, and the examples together describe one invented
election: ``example_document()`` is that whole file, and it loads without
a warning.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from factwatch.core.errors import FactsError

OUTCOMES = ("winner", "defeated", "withdrawn", "disqualified", "eliminated")
BASES = ("cast", "valid", "electorate")
ROUND_BASES = (*BASES, "continuing")
SEVERITIES = ("low", "medium", "high")
PRONOUNS = ("he", "she", "they")


@dataclass
class Key:
    """One key: its type, whether it is required, what it means, and an example value."""

    type: str  # str, int, number, figure, date, bool, list, names, votes, table, tables
    doc: str
    required: bool = False
    choices: tuple[str, ...] = ()
    keys: dict[str, Key] = field(default_factory=dict)  # for table / tables
    example: Any = None  # for tables: the example election's entries, a list of tables


def _t(
    doc: str,
    keys: dict[str, Key],
    *,
    required: bool = False,
    many: bool = False,
    example: list[dict[str, Any]] | None = None,
) -> Key:
    return Key("tables" if many else "table", doc, required, keys=keys, example=example)


# The examples describe one invented election, the Riverside Workers' Union's General
# Secretary election of 2024, and agree with each other: the file they make together
# loads without a warning (tests/test_facts_examples.py).  Three candidates were on the
# ballot and one withdrew; 90 write-ins make the valid votes up to 49,420; Priya Nair went
# out after the first round and her papers decided the second.  The keys of the
# ``[[...]]`` tables take their examples from these entries (the first that has the key).
_CANDIDATES = [
    {
        "name": "Ana Ferreira",
        "variants": ["Ana Fereira", "Annie Ferreira"],
        "pronoun": "she",
        "descriptors": ["the regional organiser"],
        "outcome": "winner",
        "votes": 20480,
        "share": 41.4,
        "nominations": 112,
        "nominations_source": "nominations",
    },
    {
        "name": "Tom Baxter",
        "pronoun": "he",
        "descriptors": ["the sitting general secretary"],
        "incumbent": True,
        "outcome": "defeated",
        "votes": 17950,
        "share": 36.3,
        "nominations": 87,
        "nominations_source": "nominations",
    },
    {
        "name": "Priya Nair",
        "pronoun": "she",
        "outcome": "eliminated",
        "round": 1,
        "votes": 10900,
        "share": 22.1,
        "nominations": 40,
        "nominations_source": "nominations",
    },
    {
        "name": "Sam Okoro",
        "pronoun": "he",
        "outcome": "withdrawn",
        "withdrawn": dt.date(2024, 2, 16),
        "withdrawn_source": "withdrawal",
    },
]
_ROUNDS = [
    {
        "votes": {"Ana Ferreira": 20480, "Tom Baxter": 17950, "Priya Nair": 10900},
        "shares": {"Ana Ferreira": 41.4, "Tom Baxter": 36.3, "Priya Nair": 22.1},
        "share_basis": "valid",
        "eliminated": ["Priya Nair"],
        "source": "count",
    },
    {
        "votes": {"Ana Ferreira": 24310, "Tom Baxter": 21040},
        "shares": {"Ana Ferreira": 53.6, "Tom Baxter": 46.4},
        "share_basis": "continuing",
        "source": "count",
    },
]
_FIGURES = [
    {
        "counts": "workplace nominations",
        "subject": "Ana Ferreira",
        "value": 31,
        "as_of": dt.date(2024, 2, 9),
        "source": "nominations",
        "statement": "Ana Ferreira received 112 nominations, 31 of them from workplaces.",
        "id": "nominations.workplace.ferreira",
    }
]
_CLAIMS = [
    {
        "claim": "Tom Baxter demanded a recount.",
        "paraphrases": [
            "Baxter asked for the votes to be counted again.",
            "The sitting general secretary wants a recount.",
        ],
        "fact": "No candidate asked for a recount; the appeals committee found no request.",
        "source": "appeals",
        "severity": "medium",
        "id": "claim.recount",
    }
]
_CONTESTS = [
    {
        "name": "RWU General Secretary election 2019",
        "year": 2019,
        "organisation": "Riverside Workers' Union",
        "office": "General Secretary",
        "candidates": ["Ana Ferreira", "Tom Baxter"],
        "winner": "Tom Baxter",
        "withdrawn": ["Joe Mensah"],
        "votes": {"Tom Baxter": 18220, "Ana Ferreira": 15105},
        "turnout": 8.9,
        "source": "declaration2019",
    }
]

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
                example=["RWU leadership election", "RWU"],
            ),
            "electorate": Key(
                "int", "How many were entitled to vote (ballot papers sent).", example=412000
            ),
            "electorate_counts": Key(
                "str",
                "What the electorate counts, in words; the electorate's statement gives it.",
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
                        ("nominations_open", "Nominations opened.", dt.date(2024, 1, 8)),
                        ("nominations_close", "Nominations closed.", dt.date(2024, 2, 9)),
                        ("ballot_open", "Voting began.", dt.date(2024, 3, 4)),
                        ("ballot_close", "Voting ended.", dt.date(2024, 3, 29)),
                        ("declared", "The result was declared.", dt.date(2024, 4, 2)),
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
        example={
            "declaration": "Returning officer's declaration of the result, 2 April 2024",
            "count": "Returning officer's round-by-round count report, 2 April 2024",
            "nominations": "Returning officer's statement of nominations, 12 February 2024",
            "withdrawal": "Sam Okoro, statement of withdrawal, 16 February 2024",
            "appeals": "Appeals committee decision on the recount complaint, 19 April 2024",
            "declaration2019": "Returning officer's declaration of the 2019 result, 5 April 2019",
        },
    ),
    "candidates": _t(
        "Everyone who stood, one table each.",
        {
            "name": Key("str", "Full name as usually written.", True),
            "variants": Key("list", "Other spellings and short forms coverage uses."),
            "pronoun": Key(
                "str", "he, she or they (lets the grammar follow pronouns).", choices=PRONOUNS
            ),
            "descriptors": Key("list", "Plain phrases that name this candidate."),
            "incumbent": Key("bool", "Held the post before the election."),
            "outcome": Key("str", "What became of the candidacy.", True, choices=OUTCOMES),
            "round": Key("int", "For `eliminated`: the last round they were in the count."),
            "withdrawn": Key(
                "date",
                "For `withdrawn`: the day they withdrew. With `defeated` or `eliminated`: "
                "the day they stood down after the ballot papers were fixed (still on the "
                "ballot).",
            ),
            "withdrawn_source": Key(
                "str", "With `withdrawn`: key of [sources] for the withdrawal."
            ),
            "votes": Key(
                "int",
                "Votes won (with [[rounds]]: the first round's, which must agree); "
                "give them for every candidate on the ballot.",
            ),
            "share": Key(
                "figure",
                "Share of the vote in per cent, on `results.share_basis` (with [[rounds]]: "
                "the first round's).",
            ),
            "nominations": Key("int", "Nominations received (final count)."),
            "nominations_source": Key("str", "Key of [sources] for `nominations`."),
        },
        required=True,
        many=True,
        example=_CANDIDATES,
    ),
    "results": _t(
        "The count as a whole.",
        {
            "source": Key(
                "str", "Key of [sources] (default: election.source).", example="declaration"
            ),
            "share_basis": Key(
                "str",
                "What the recorded shares are shares of: all votes cast (spoiled "
                "included), valid votes, or the electorate.",
                choices=BASES,
                example="valid",
            ),
            "total": Key("int", "All ballots returned, spoiled ones included.", example=49630),
            "valid": Key(
                "int", "Valid votes (derived from total and spoiled when absent).", example=49420
            ),
            "spoiled": Key("int", "Spoiled or rejected ballots.", example=210),
            "others": Key(
                "int",
                "Valid votes for no candidate listed here (write-ins, others); "
                "counted in the valid votes and the total.",
                example=90,
            ),
            "others_label": Key(
                "str", "What `others` are, as the source calls them.", example="write-ins"
            ),
            "turnout": Key("figure", "Turnout in per cent (derived when absent).", example="12%"),
        },
    ),
    "rounds": _t(
        "Multi-round counts (runoff, alternative vote): one table per round, in order.",
        {
            "votes": Key("votes", "Candidate name = votes in this round.", True),
            "shares": Key("shares", "Candidate name = share in per cent, if recorded."),
            "share_basis": Key(
                "str",
                "What this round's shares are of (continuing: the papers still in the count).",
                choices=ROUND_BASES,
            ),
            "eliminated": Key(
                "names", "Who went out after this round (checked against their outcome)."
            ),
            "source": Key("str", "Key of [sources] for this round (default: results.source)."),
        },
        many=True,
        example=_ROUNDS,
    ),
    "figures": _t(
        "Other recorded numbers (nominations, branches, thresholds).",
        {
            "counts": Key("str", "What the number counts, as coverage would say it.", True),
            "subject": Key(
                "str", "Whose number: a candidate's name (omit for the election's own)."
            ),
            "value": Key(
                "figure",
                'The number as the source gives it ("12%" keeps the source\'s precision).',
                True,
            ),
            "as_of": Key("date", "When the count was taken; its statement gives the date."),
            "source": Key("str", "Key of [sources].", True),
            "statement": Key("str", "The fact in words, for rebuttals (optional)."),
            "id": Key("str", "A stable identifier (optional; derived when absent)."),
        },
        many=True,
        example=_FIGURES,
    ),
    "claims": _t(
        "Known false or misleading claims.",
        {
            "claim": Key("str", "The claim as a plain sentence.", True),
            "paraphrases": Key("list", "Other ways coverage puts it, as plain sentences."),
            "fact": Key("str", "The fact that refutes it, in words.", True),
            "source": Key("str", "Key of [sources].", True),
            "severity": Key("str", "How much it matters (default high).", choices=SEVERITIES),
            "id": Key("str", "A stable identifier (optional; derived when absent)."),
        },
        many=True,
        example=_CLAIMS,
    ),
    "contests": _t(
        "Other contests coverage mentions: earlier and later elections for the same office, "
        "other organisations' elections.",
        {
            "name": Key("str", "Its name.", True),
            "year": Key("int", "The year it was decided.", True),
            "organisation": Key("str", "Who held it (default: this election's)."),
            "office": Key("str", "The post (default: this election's)."),
            "candidates": Key("names", "Everyone who stood.", True),
            "winner": Key("str", "Who won."),
            "withdrawn": Key("names", "Who withdrew before the ballot."),
            "votes": Key("votes", "Candidate name = votes (optional)."),
            "turnout": Key("figure", "Turnout in per cent (optional)."),
            "source": Key("str", "Key of [sources] (needed when figures are given)."),
        },
        many=True,
        example=_CONTESTS,
    ),
    "advanced": _t(
        "Rarely needed: patterns for wording the built-in grammar misses.",
        {
            "framing_patterns": Key(
                "list",
                "Regular expressions that are framing here.",
                example=[r"\bone-on-one contest\b"],
            ),
            "quiet_patterns": Key(
                "list",
                "Regular expressions of sentences never to flag (see Facts.is_quiet).",
                example=[r"\bbranch secretary election\b"],
            ),
        },
    ),
}


def _examples_from_entries(keys: dict[str, Key]) -> None:
    """Each key of a ``[[...]]`` table takes its example from the first entry that has it."""
    for spec in keys.values():
        if spec.type == "tables" and spec.example:
            for k, sub in spec.keys.items():
                if sub.example is None:
                    sub.example = next((e[k] for e in spec.example if k in e), None)
        _examples_from_entries(spec.keys)


_examples_from_entries(SCHEMA)


def example_document() -> dict[str, Any]:
    """The whole example election as a parsed facts file: every key with its example."""

    def build(keys: dict[str, Key]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, spec in keys.items():
            if spec.type == "table":
                out[k] = build(spec.keys)
            else:
                out[k] = copy.deepcopy(spec.example)
        return out

    return build(SCHEMA)


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
        """Check one value against its key's type (tables and lists of tables in depth)."""
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
            self._string(v, spec, path)
        elif t in ("votes", "shares"):
            self._numbers_by_name(v, t, path)
        elif t == "sourcetable":
            self._sources(v, path)
        else:
            problem = _scalar_problem(t, v)
            if problem:
                raise self.fail(path, problem)

    def _string(self, v: Any, spec: Key, path: tuple) -> None:
        """A non-empty string, one of the key's choices when it has them."""
        if not isinstance(v, str) or not v.strip():
            raise self.fail(path, f"expected a non-empty string, got {_show(v)}")
        if spec.choices and v not in spec.choices:
            near = difflib.get_close_matches(v, spec.choices, n=1)
            hint = f"; did you mean {near[0]}?" if near else ""
            raise self.fail(path, f"expected one of {', '.join(spec.choices)}, got {v!r}{hint}")

    def _numbers_by_name(self, v: Any, t: str, path: tuple) -> None:
        """A table of candidate name = votes (whole numbers) or shares (figures)."""
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

    def _sources(self, v: Any, path: tuple) -> None:
        """A table of source key = description."""
        if not isinstance(v, dict) or not v:
            raise self.fail(path, 'expected a table of key = "description"')
        for k, desc in v.items():
            if not isinstance(desc, str) or not desc.strip():
                raise self.fail((*path, k), f"expected a description, got {_show(desc)}")


def _scalar_problem(t: str, v: Any) -> str | None:
    """What is wrong with ``v`` as a value of simple type ``t`` (None: nothing)."""
    if t == "int" and (isinstance(v, bool) or not isinstance(v, int) or v < 0):
        return f"expected a whole number, got {_show(v)}"
    if t == "bool" and not isinstance(v, bool):
        return f"expected true or false, got {_show(v)}"
    if t == "figure" and parse_figure(v) is None:
        return f'expected a number such as 12.2 or "12%", got {_show(v)}'
    if t == "date" and parse_date(v) is None:
        return f"expected a date YYYY-MM-DD, got {_show(v)}"
    if t in ("list", "names") and (
        not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v)
    ):
        return f"expected a list of strings, got {_show(v)}"
    return None


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
