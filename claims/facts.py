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

The reader is put together beside this module, which keeps the entry points
(``load_facts``, ``parse_facts``) and the names callers import: ``facts_records``
holds the ``Facts``, ``Election`` and ``Candidate`` records, ``facts_read`` the
reading and merging of files, and ``facts_builder`` the builder that turns a
document into ``Facts``, over ``facts_names`` (slugs, names, sources and people),
``facts_candidates``, ``facts_contests`` and ``facts_statements`` (the claims and
the facts in words).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from factwatch.claims import facts_schema as schema
from factwatch.claims.facts_builder import _Builder
from factwatch.claims.facts_convert import is_format1
from factwatch.claims.facts_names import slug
from factwatch.claims.facts_read import _grammar_version, _merge, _read
from factwatch.claims.facts_records import Candidate, Election, Facts
from factwatch.claims.facts_statements import contest_statement, field_statement
from factwatch.core.errors import FactsError

__all__ = [
    "Candidate",
    "Election",
    "Facts",
    "contest_statement",
    "field_statement",
    "load_facts",
    "parse_facts",
    "slug",
]


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
