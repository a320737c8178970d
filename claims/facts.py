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
from pathlib import Path

from factwatch.claims.facts_model import (
    Candidate,
    Election,
    Fact,
    Facts,
    FalseClaim,
    Figure,
    Framing,
    Measure,
)
from factwatch.claims.facts_reader import NOT_ATTRIBUTIVE, Compiler, Reader, candidate_macros
from factwatch.core.errors import FactsError

__all__ = [
    "Candidate",
    "Election",
    "Fact",
    "FalseClaim",
    "Facts",
    "Figure",
    "Framing",
    "Measure",
    "load_facts",
]

SEVERITIES = ("low", "medium", "high")
UNITS = ("count", "percent")


def _parse(data: dict, origin: str) -> Facts:
    r = Reader(origin)
    fmt = data.get("format", 1)
    if fmt != 1:
        raise r.fail("format", f"unsupported format {fmt!r} (this version reads format 1)")
    known = {
        "format",
        "election",
        "sources",
        "candidates",
        "facts",
        "measures",
        "figures",
        "lexicon",
        "framings",
        "false_claims",
        "claims",
    }
    for key in data:
        if key not in known:
            raise r.fail(key, f"unknown key (known keys: {', '.join(sorted(known))})")

    sources = data.get("sources", {})
    if not isinstance(sources, dict) or not all(isinstance(v, str) for v in sources.values()):
        raise r.fail("sources", 'expected a table of name = "description" strings')

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
            raise r.fail(f"{where}.role", f'expected "winner" or "loser", got {role!r}')
        candidates.append(
            Candidate(
                id=r.get(t, "id", where, str),
                name=r.get(t, "name", where, str),
                variants=r.strings(t, "variants", where),
                role=role,
                place=r.get(t, "place", where, int, None),
                gender=r.get(t, "gender", where, str, ""),
                descriptors=r.strings(t, "descriptors", where),
                summary=r.get(t, "summary", where, str, ""),
                exclusive=r.get(t, "exclusive", where, bool, True),
            )
        )
    ids = [c.id for c in candidates]
    if len(set(ids)) != len(ids):
        raise r.fail("candidates", "two candidates share an id")
    if not any(c.role == "winner" for c in candidates):
        raise r.fail("candidates", 'no candidate has role = "winner"')

    macros = {**lexicon, **candidate_macros(candidates)}
    comp = Compiler(r, macros)
    for i, c in enumerate(candidates):
        c.pattern = comp.compile(
            macros[f"{re.sub(r'[^A-Z0-9]+', '_', c.id.upper())}_ANY"], f"candidates[{i}].variants"
        )
        c.ref_pattern = comp.compile(
            "|".join([c.pattern.pattern] + [f"(?:{d}){NOT_ATTRIBUTIVE}" for d in c.descriptors]),
            f"candidates[{i}].descriptors",
        )

    e = data.get("election")
    if not isinstance(e, dict):
        raise r.fail("election", "missing [election] table")
    year = r.get(e, "year", "election", int, None)
    election = Election(
        id=r.get(e, "id", "election", str),
        name=r.get(e, "name", "election", str),
        office=r.get(e, "office", "election", str, ""),
        organisation=r.get(e, "organisation", "election", str, ""),
        date=str(e.get("date", "")),
        year=year,
        aliases=r.strings(e, "aliases", "election"),
        markers=comp.many(r.strings(e, "markers", "election"), "election.markers"),
        other_markers=comp.many(
            r.strings(e, "other_markers", "election"), "election.other_markers"
        ),
        weak_markers=comp.many(r.strings(e, "weak_markers", "election"), "election.weak_markers"),
        source=source_of(e, "election") if "source" in e else "",
        candidates_fact=r.get(e, "candidates_fact", "election", str, ""),
        electorate_figure=r.get(e, "electorate_figure", "election", str, ""),
        electorate_of=comp.many(
            r.strings(e, "electorate_of", "election"), "election.electorate_of"
        ),
    )

    facts: dict[str, Fact] = {}
    for i, t in enumerate(r.tables(data, "facts")):
        where = f"facts[{i}]"
        fid = r.get(t, "id", where, str)
        facts[fid] = Fact(fid, r.get(t, "statement", where, str), source_of(t, where))

    measures: list[Measure] = []
    for i, t in enumerate(r.tables(data, "measures")):
        where = f"measures[{i}]"
        measures.append(
            Measure(
                id=r.get(t, "id", where, str),
                cues=comp.many(r.strings(t, "cues", where, required=True), f"{where}.cues"),
                follows=comp.many(r.strings(t, "follows", where), f"{where}.follows"),
                overrides=r.strings(t, "overrides", where),
                needs_subject=r.get(t, "needs_subject", where, bool, False),
                exclude_before=comp.many(
                    r.strings(t, "exclude_before", where), f"{where}.exclude_before"
                ),
                exclude_after=comp.many(
                    r.strings(t, "exclude_after", where), f"{where}.exclude_after"
                ),
                nouns=comp.many(r.strings(t, "nouns", where), f"{where}.nouns"),
                people=comp.many(r.strings(t, "people", where), f"{where}.people"),
                people_cues=comp.many(r.strings(t, "people_cues", where), f"{where}.people_cues"),
            )
        )
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
        figures.append(
            Figure(
                id=r.get(t, "id", where, str),
                measure=measure,
                value=value,
                unit=unit,
                statement=r.get(t, "statement", where, str),
                source=source_of(t, where),
                subject=subject,
                sig_figs=sig,
                approx=r.get(t, "approx", where, float, 0.05),
                qualifier=comp.compile(qual, f"{where}.qualifier") if qual else None,
            )
        )

    joined = "|".join(
        f"(?P<c{i}>{c.ref_pattern.pattern})"
        for i, c in enumerate(candidates)
        if c.ref_pattern is not None
    )
    # Every reference starts a word: testing that first skips most positions cheaply.
    any_ref = re.compile(rf"(?<!\w)(?=\w)(?:{joined})", re.IGNORECASE)
    election.any_strong_marker = _join(election.markers)
    election.markers = election.markers + election.weak_markers
    election.any_marker = _join(election.markers)
    election.any_other_marker = _join(election.other_markers)
    all_fact_ids = set(facts) | {f.id for f in figures}
    counts = {f.id for f in figures if f.unit == "count" and not f.subject}
    if election.electorate_figure and election.electorate_figure not in counts:
        raise r.fail(
            "election.electorate_figure",
            f"{election.electorate_figure!r} is not the id of a [[figures]] count of the whole"
            " election",
        )
    if election.candidates_fact and election.candidates_fact not in all_fact_ids:
        raise r.fail(
            "election.candidates_fact",
            f"{election.candidates_fact!r} is not the id of a [[facts]] entry",
        )

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
        framings.append(
            Framing(
                id=r.get(t, "id", where, str),
                fact=fact_ref(t, where),
                explanation=r.get(t, "explanation", where, str),
                patterns=comp.many(
                    r.strings(t, "patterns", where, required=True), f"{where}.patterns"
                ),
                keywords=keywords(t, where),
                severity=severity(t, where, "medium"),
                confidence=confidence(t, where),
                unless_before=comp.many(
                    r.strings(t, "unless_before", where), f"{where}.unless_before"
                ),
                unless_after=comp.many(
                    r.strings(t, "unless_after", where), f"{where}.unless_after"
                ),
                unless=comp.many(r.strings(t, "unless", where), f"{where}.unless"),
                unless_all_named=r.get(t, "unless_all_named", where, bool, False),
            )
        )

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
        claims.append(
            FalseClaim(
                id=r.get(t, "id", where, str),
                fact=fact_ref(t, where),
                claim=r.get(t, "claim", where, str),
                explanation=r.get(t, "explanation", where, str),
                require=groups(t, "require", where, True),
                keywords=keywords(t, where),
                boost=groups(t, "boost", where, False),
                rebuttals=comp.many(r.strings(t, "rebuttals", where), f"{where}.rebuttals"),
                severity=severity(t, where, "high"),
                confidence=confidence(t, where),
            )
        )

    rule_ids = [x.id for x in framings] + [x.id for x in claims]
    dupes = sorted({x for x in rule_ids if rule_ids.count(x) > 1})
    if dupes:
        raise r.fail("framings/false_claims", f"duplicate rule id {dupes[0]!r}")

    cl = data.get("claims", {})
    if not isinstance(cl, dict):
        raise r.fail("claims", "expected a table")
    negation = lexicon.get("NEGATION", r"\b(?:not|never|no|n't|nor|neither)\b")
    return Facts(
        election=election,
        candidates=candidates,
        figures=figures,
        measures=measures,
        false_claims=claims,
        framings=framings,
        facts=facts,
        sources=dict(sources),
        lexicon=dict(lexicon),
        generic_rebuttals=comp.many(
            r.strings(cl, "generic_rebuttals", "claims"), "claims.generic_rebuttals"
        ),
        inline_rebuttals=comp.many(
            r.strings(cl, "inline_rebuttals", "claims"), "claims.inline_rebuttals"
        ),
        negation=comp.compile(negation, "lexicon.NEGATION"),
        any_ref=any_ref,
        rebuttal_window=r.get(cl, "window", "claims", int, 2),
    )


def _join(patterns: list[re.Pattern]) -> re.Pattern | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE)


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
            raise FactsError(
                f"{path}: facts file not found (check the path or facts.files in config.toml)"
            ) from None
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
