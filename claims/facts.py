"""Load and validate a facts file (TOML) into plain dataclasses.

A facts file describes one election: its candidates, its figures, the false
claims and the framings to watch, each fact with its source.  The format is
documented in docs/facts-format.md.  Every problem is reported as a
FactsError naming the file, the key and the problem.  Patterns are compiled
once here; ``{NAME}`` in a pattern expands to a ``[lexicon]`` entry or to one
of the names built from the candidates (WINNER, LOSER, CANDIDATE_ANY, REF,
<ID>_ANY, ...).
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factwatch.errors import FactsError

SEVERITIES = ("low", "medium", "high")
UNITS = ("count", "percent")
_MACRO = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
_TITLE = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir)\.?\s+)?"
# "the Unite general secretary election": a descriptor used as an adjective is no reference.
_NOT_ATTRIBUTIVE = (
    r"(?!\s+(?:election|contest|race|ballot|vote|post|job|role|position|candidates?|"
    r"hustings|campaign|nominations?|result|count)\b)"
)


@dataclass
class Election:
    id: str
    name: str
    office: str = ""
    organisation: str = ""
    date: str = ""
    year: int | None = None
    aliases: list[str] = field(default_factory=list)
    markers: list[re.Pattern] = field(default_factory=list)
    other_markers: list[re.Pattern] = field(default_factory=list)
    source: str = ""


@dataclass
class Candidate:
    id: str
    name: str
    variants: list[str] = field(default_factory=list)
    role: str = "loser"  # "winner" or "loser"
    place: int | None = None
    gender: str = ""
    descriptors: list[str] = field(default_factory=list)  # regex fragments
    summary: str = ""
    exclusive: bool = True  # the name alone places a statement in this election
    pattern: re.Pattern | None = None  # any variant (with an optional title)
    ref_pattern: re.Pattern | None = None  # a variant or a descriptor

    @property
    def names(self) -> list[str]:
        return [self.name, *self.variants]


@dataclass
class Fact:
    """A fact in words, with its source: what a correction quotes."""

    id: str
    statement: str
    source: str


@dataclass
class Measure:
    id: str
    cues: list[re.Pattern] = field(default_factory=list)
    follows: list[re.Pattern] = field(default_factory=list)
    overrides: list[str] = field(default_factory=list)
    needs_subject: bool = False
    exclude_before: list[re.Pattern] = field(default_factory=list)
    exclude_after: list[re.Pattern] = field(default_factory=list)


@dataclass
class Figure:
    id: str
    measure: str
    value: float
    unit: str  # "count" or "percent"
    statement: str
    source: str
    subject: str = ""  # candidate id, or "" for the whole election
    sig_figs: int = 2
    approx: float = 0.05
    qualifier: re.Pattern | None = None

    @property
    def fact(self) -> Fact:
        return Fact(self.id, self.statement, self.source)


@dataclass
class Framing:
    id: str
    fact: str
    explanation: str
    patterns: list[re.Pattern]
    keywords: list[str]
    severity: str = "medium"
    confidence: float = 0.8
    unless_before: list[re.Pattern] = field(default_factory=list)
    unless_after: list[re.Pattern] = field(default_factory=list)
    unless: list[re.Pattern] = field(default_factory=list)
    unless_all_named: bool = False


@dataclass
class FalseClaim:
    id: str
    fact: str
    claim: str
    explanation: str
    require: list[list[re.Pattern]]
    keywords: list[str]
    boost: list[list[re.Pattern]] = field(default_factory=list)
    rebuttals: list[re.Pattern] = field(default_factory=list)
    severity: str = "high"
    confidence: float = 0.8


@dataclass
class Facts:
    election: Election
    candidates: list[Candidate]
    figures: list[Figure]
    measures: list[Measure]
    false_claims: list[FalseClaim]
    framings: list[Framing]
    facts: dict[str, Fact]
    sources: dict[str, str]
    lexicon: dict[str, str]
    generic_rebuttals: list[re.Pattern] = field(default_factory=list)
    inline_rebuttals: list[re.Pattern] = field(default_factory=list)
    negation: re.Pattern | None = None
    rebuttal_window: int = 2
    paths: list[str] = field(default_factory=list)
    version: str = ""

    def topic_terms(self) -> list[str]:
        """Election names and aliases, candidate names and variants, the office."""
        terms: list[str] = [self.election.name, *self.election.aliases]
        if self.election.office:
            terms.append(self.election.office)
        for c in self.candidates:
            terms.extend(c.names)
        seen: set[str] = set()
        return [t for t in terms if t and not (t.lower() in seen or seen.add(t.lower()))]

    def fact(self, fact_id: str) -> Fact:
        """The fact (or figure) with this id; KeyError when there is none."""
        if fact_id in self.facts:
            return self.facts[fact_id]
        for f in self.figures:
            if f.id == fact_id:
                return f.fact
        raise KeyError(fact_id)

    def candidate(self, candidate_id: str) -> Candidate:
        for c in self.candidates:
            if c.id == candidate_id:
                return c
        raise KeyError(candidate_id)

    def source_text(self, key: str) -> str:
        return self.sources.get(key, key)


class _Reader:
    """Typed access to one TOML table, raising FactsError with file and key."""

    def __init__(self, origin: str):
        self.origin = origin

    def fail(self, key: str, problem: str) -> FactsError:
        return FactsError(f"{self.origin}: {key}: {problem}")

    def get(self, table: dict, key: str, where: str, kind: type | tuple, default: Any = ...) -> Any:
        name = f"{where}.{key}" if where else key
        if key not in table:
            if default is ...:
                raise self.fail(name, "missing (required)")
            return default
        value = table[key]
        ok = isinstance(value, kind) and not (isinstance(value, bool) and kind in (int, float))
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            ok, value = True, float(value)
        if not ok:
            want = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
            raise self.fail(name, f"expected {want}, got {value!r}")
        if isinstance(value, str) and not value.strip() and default is ...:
            raise self.fail(name, "must not be empty")
        return value

    def strings(self, table: dict, key: str, where: str, required: bool = False) -> list[str]:
        value = self.get(table, key, where, list, ... if required else [])
        if not all(isinstance(v, str) for v in value):
            raise self.fail(f"{where}.{key}", "expected a list of strings")
        if required and not value:
            raise self.fail(f"{where}.{key}", "must list at least one entry")
        return value

    def tables(self, data: dict, key: str) -> list[dict]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(key, f"use [[{key}]] tables, one per entry")
        return value


class _Compiler:
    """Expands {MACROS} and compiles patterns, naming the key on failure."""

    def __init__(self, reader: _Reader, macros: dict[str, str]):
        self.reader = reader
        self.macros = macros

    def expand(self, pattern: str, where: str, depth: int = 0) -> str:
        def sub(m: re.Match) -> str:
            name = m.group(1)
            if name not in self.macros:
                known = ", ".join(sorted(self.macros))
                raise self.reader.fail(where, f"unknown name {{{name}}} (known: {known})")
            if depth > 5:
                raise self.reader.fail(where, f"{{{name}}} refers to itself")
            return "(?:" + self.expand(self.macros[name], where, depth + 1) + ")"

        return _MACRO.sub(sub, pattern)

    def compile(self, pattern: str, where: str) -> re.Pattern:
        try:
            return re.compile(self.expand(pattern, where), re.IGNORECASE)
        except re.error as exc:
            raise self.reader.fail(where, f"not a valid pattern ({exc}): {pattern!r}") from None

    def many(self, patterns: list[str], where: str) -> list[re.Pattern]:
        return [self.compile(p, f"{where}[{i}]") for i, p in enumerate(patterns)]


def _name_alternation(names: list[str]) -> str:
    parts = sorted({n.strip() for n in names if n.strip()}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)


def _candidate_macros(candidates: list[Candidate]) -> dict[str, str]:
    def names(cs: list[Candidate]) -> str:
        alt = _name_alternation([n for c in cs for n in c.names])
        return rf"\b{_TITLE}(?:{alt})\b" if alt else r"(?!x)x"

    def refs(cs: list[Candidate]) -> str:
        parts = [names(cs)] + [f"(?:{d}){_NOT_ATTRIBUTIVE}" for c in cs for d in c.descriptors]
        return "|".join(f"(?:{p})" for p in parts)

    winners = [c for c in candidates if c.role == "winner"]
    losers = [c for c in candidates if c.role != "winner"]
    macros = {
        "CANDIDATE_ANY": names(candidates),
        "CANDIDATE": names(candidates),
        "WINNER": names(winners),
        "LOSER": names(losers),
        "REF": refs(candidates),
        "WINNER_REF": refs(winners),
        "LOSER_REF": refs(losers),
        "CANDIDATE_POSS": f"(?:{names(candidates)})(?:\u2019s|'s|\u2019|')",
        "WINNER_POSS": f"(?:{names(winners)})(?:\u2019s|'s)",
        "LOSER_POSS": f"(?:{names(losers)})(?:\u2019s|'s)",
    }
    for c in candidates:
        key = re.sub(r"[^A-Z0-9]+", "_", c.id.upper())
        macros[f"{key}_ANY"] = names([c])
        macros[f"{key}_REF"] = refs([c])
    return macros


def _parse(data: dict, origin: str) -> Facts:
    r = _Reader(origin)
    fmt = data.get("format", 1)
    if fmt != 1:
        raise r.fail("format", f"unsupported format {fmt!r} (this version reads format 1)")
    known = {"format", "election", "sources", "candidates", "facts", "measures", "figures",
             "lexicon", "framings", "false_claims", "claims"}
    for key in data:
        if key not in known:
            raise r.fail(key, f"unknown key (known keys: {', '.join(sorted(known))})")

    sources = data.get("sources", {})
    if not isinstance(sources, dict) or not all(isinstance(v, str) for v in sources.values()):
        raise r.fail("sources", "expected a table of name = \"description\" strings")

    def source_of(table: dict, where: str) -> str:
        key = r.get(table, "source", where, str)
        if key not in sources:
            raise r.fail(f"{where}.source", f"{key!r} is not a key of [sources]")
        return key

    lexicon = data.get("lexicon", {})
    if not isinstance(lexicon, dict) or not all(isinstance(v, str) for v in lexicon.values()):
        raise r.fail("lexicon", "expected a table of NAME = 'pattern' strings")

    # Candidates first: their names become pattern macros.
    raw_candidates = r.tables(data, "candidates")
    if len(raw_candidates) < 2:
        raise r.fail("candidates", "an election needs at least two [[candidates]]")
    candidates: list[Candidate] = []
    for i, t in enumerate(raw_candidates):
        where = f"candidates[{i}]"
        role = r.get(t, "role", where, str, "loser")
        if role not in ("winner", "loser"):
            raise r.fail(f"{where}.role", f"expected \"winner\" or \"loser\", got {role!r}")
        candidates.append(Candidate(
            id=r.get(t, "id", where, str), name=r.get(t, "name", where, str),
            variants=r.strings(t, "variants", where), role=role,
            place=r.get(t, "place", where, int, None), gender=r.get(t, "gender", where, str, ""),
            descriptors=r.strings(t, "descriptors", where),
            summary=r.get(t, "summary", where, str, ""),
            exclusive=r.get(t, "exclusive", where, bool, True)))
    ids = [c.id for c in candidates]
    if len(set(ids)) != len(ids):
        raise r.fail("candidates", "two candidates share an id")
    if not any(c.role == "winner" for c in candidates):
        raise r.fail("candidates", "no candidate has role = \"winner\"")

    macros = {**lexicon, **_candidate_macros(candidates)}
    comp = _Compiler(r, macros)
    for i, c in enumerate(candidates):
        c.pattern = comp.compile(macros[f"{re.sub(r'[^A-Z0-9]+', '_', c.id.upper())}_ANY"],
                                 f"candidates[{i}].variants")
        c.ref_pattern = comp.compile(
            "|".join([c.pattern.pattern]
                     + [f"(?:{d}){_NOT_ATTRIBUTIVE}" for d in c.descriptors]),
            f"candidates[{i}].descriptors")

    e = data.get("election")
    if not isinstance(e, dict):
        raise r.fail("election", "missing [election] table")
    year = r.get(e, "year", "election", int, None)
    election = Election(
        id=r.get(e, "id", "election", str), name=r.get(e, "name", "election", str),
        office=r.get(e, "office", "election", str, ""),
        organisation=r.get(e, "organisation", "election", str, ""),
        date=str(e.get("date", "")), year=year, aliases=r.strings(e, "aliases", "election"),
        markers=comp.many(r.strings(e, "markers", "election"), "election.markers"),
        other_markers=comp.many(r.strings(e, "other_markers", "election"),
                                "election.other_markers"),
        source=source_of(e, "election") if "source" in e else "")

    facts: dict[str, Fact] = {}
    for i, t in enumerate(r.tables(data, "facts")):
        where = f"facts[{i}]"
        fid = r.get(t, "id", where, str)
        facts[fid] = Fact(fid, r.get(t, "statement", where, str), source_of(t, where))

    measures: list[Measure] = []
    for i, t in enumerate(r.tables(data, "measures")):
        where = f"measures[{i}]"
        measures.append(Measure(
            id=r.get(t, "id", where, str),
            cues=comp.many(r.strings(t, "cues", where, required=True), f"{where}.cues"),
            follows=comp.many(r.strings(t, "follows", where), f"{where}.follows"),
            overrides=r.strings(t, "overrides", where),
            needs_subject=r.get(t, "needs_subject", where, bool, False),
            exclude_before=comp.many(r.strings(t, "exclude_before", where),
                                     f"{where}.exclude_before"),
            exclude_after=comp.many(r.strings(t, "exclude_after", where),
                                    f"{where}.exclude_after")))
    measure_ids = {m.id for m in measures}
    for i, m in enumerate(measures):
        for o in m.overrides:
            if o not in measure_ids:
                raise r.fail(f"measures[{i}].overrides", f"{o!r} is not a measure id")

    figures: list[Figure] = []
    for i, t in enumerate(r.tables(data, "figures")):
        where = f"figures[{i}]"
        measure = r.get(t, "measure", where, str)
        if measure not in measure_ids:
            raise r.fail(f"{where}.measure", f"{measure!r} is not the id of a [[measures]] entry")
        unit = r.get(t, "unit", where, str)
        if unit not in UNITS:
            raise r.fail(f"{where}.unit", f"expected one of {', '.join(UNITS)}, got {unit!r}")
        subject = r.get(t, "subject", where, str, "")
        if subject and subject not in ids:
            raise r.fail(f"{where}.subject", f"{subject!r} is not a candidate id")
        value = r.get(t, "value", where, float)
        if value < 0:
            raise r.fail(f"{where}.value", f"must not be negative, got {value!r}")
        sig = r.get(t, "sig_figs", where, int, 2)
        if sig < 1:
            raise r.fail(f"{where}.sig_figs", "must be at least 1")
        qual = r.get(t, "qualifier", where, str, "")
        figures.append(Figure(
            id=r.get(t, "id", where, str), measure=measure, value=value, unit=unit,
            statement=r.get(t, "statement", where, str), source=source_of(t, where),
            subject=subject, sig_figs=sig, approx=r.get(t, "approx", where, float, 0.05),
            qualifier=comp.compile(qual, f"{where}.qualifier") if qual else None))

    all_fact_ids = set(facts) | {f.id for f in figures}

    def fact_ref(t: dict, where: str) -> str:
        fid = r.get(t, "fact", where, str)
        if fid not in all_fact_ids:
            raise r.fail(f"{where}.fact", f"{fid!r} is not the id of a [[facts]] or [[figures]]")
        return fid

    def severity(t: dict, where: str, default: str) -> str:
        s = r.get(t, "severity", where, str, default)
        if s not in SEVERITIES:
            raise r.fail(f"{where}.severity", f"expected one of {', '.join(SEVERITIES)}, got {s!r}")
        return s

    def confidence(t: dict, where: str) -> float:
        c = r.get(t, "confidence", where, float, 0.8)
        if not 0 <= c <= 1:
            raise r.fail(f"{where}.confidence", f"expected a number from 0 to 1, got {c!r}")
        return c

    def keywords(t: dict, where: str) -> list[str]:
        return [k.lower() for k in r.strings(t, "keywords", where, required=True)]

    framings: list[Framing] = []
    for i, t in enumerate(r.tables(data, "framings")):
        where = f"framings[{i}]"
        framings.append(Framing(
            id=r.get(t, "id", where, str), fact=fact_ref(t, where),
            explanation=r.get(t, "explanation", where, str),
            patterns=comp.many(r.strings(t, "patterns", where, required=True),
                               f"{where}.patterns"),
            keywords=keywords(t, where), severity=severity(t, where, "medium"),
            confidence=confidence(t, where),
            unless_before=comp.many(r.strings(t, "unless_before", where), f"{where}.unless_before"),
            unless_after=comp.many(r.strings(t, "unless_after", where), f"{where}.unless_after"),
            unless=comp.many(r.strings(t, "unless", where), f"{where}.unless"),
            unless_all_named=r.get(t, "unless_all_named", where, bool, False)))

    def groups(t: dict, key: str, where: str, required: bool) -> list[list[re.Pattern]]:
        value = t.get(key, [])
        if not isinstance(value, list) or not all(
            isinstance(g, list) and g and all(isinstance(p, str) for p in g) for g in value
        ):
            raise r.fail(f"{where}.{key}", "expected a list of non-empty lists of patterns")
        if required and not value:
            raise r.fail(f"{where}.{key}", "must hold at least one group of patterns")
        return [comp.many(g, f"{where}.{key}[{j}]") for j, g in enumerate(value)]

    claims: list[FalseClaim] = []
    for i, t in enumerate(r.tables(data, "false_claims")):
        where = f"false_claims[{i}]"
        claims.append(FalseClaim(
            id=r.get(t, "id", where, str), fact=fact_ref(t, where),
            claim=r.get(t, "claim", where, str), explanation=r.get(t, "explanation", where, str),
            require=groups(t, "require", where, True), keywords=keywords(t, where),
            boost=groups(t, "boost", where, False),
            rebuttals=comp.many(r.strings(t, "rebuttals", where), f"{where}.rebuttals"),
            severity=severity(t, where, "high"), confidence=confidence(t, where)))

    rule_ids = [x.id for x in framings] + [x.id for x in claims]
    dupes = sorted({x for x in rule_ids if rule_ids.count(x) > 1})
    if dupes:
        raise r.fail("framings/false_claims", f"duplicate rule id {dupes[0]!r}")

    cl = data.get("claims", {})
    if not isinstance(cl, dict):
        raise r.fail("claims", "expected a table")
    negation = lexicon.get("NEGATION", r"\b(?:not|never|no|n't|nor|neither)\b")
    return Facts(
        election=election, candidates=candidates, figures=figures, measures=measures,
        false_claims=claims, framings=framings, facts=facts, sources=dict(sources),
        lexicon=dict(lexicon),
        generic_rebuttals=comp.many(r.strings(cl, "generic_rebuttals", "claims"),
                                    "claims.generic_rebuttals"),
        inline_rebuttals=comp.many(r.strings(cl, "inline_rebuttals", "claims"),
                                   "claims.inline_rebuttals"),
        negation=comp.compile(negation, "lexicon.NEGATION"),
        rebuttal_window=r.get(cl, "window", "claims", int, 2))


def _merge(base: dict, extra: dict) -> dict:
    """Later files add list entries and table keys to earlier ones."""
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = out[key] + value
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = {**out[key], **value}
        else:
            out[key] = value
    return out


def load_facts(paths: str | Path | list) -> Facts:
    """Read one or more facts files (later files extend earlier ones) and validate them."""
    items = [paths] if isinstance(paths, (str, Path)) else list(paths)
    if not items:
        raise FactsError("no facts file given: pass --facts FILE or set facts.files in config")
    merged: dict = {}
    digest = hashlib.sha256()
    for item in items:
        path = Path(item)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise FactsError(f"{path}: facts file not found (check the path or facts.files "
                             "in config.toml)") from None
        except OSError as exc:
            raise FactsError(f"{path}: cannot read facts file: {exc.strerror}") from None
        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise FactsError(f"{path}: facts file is not UTF-8 text") from None
        except tomllib.TOMLDecodeError as exc:
            raise FactsError(f"{path}: not valid TOML: {exc}") from None
        merged = _merge(merged, data) if merged else data
        digest.update(raw)
    origin = str(items[0]) if len(items) == 1 else " + ".join(str(i) for i in items)
    facts = _parse(merged, origin)
    facts.paths = [str(i) for i in items]
    facts.version = digest.hexdigest()[:16]
    return facts
