"""The names a facts file gives: stable identifiers made from words (``slug``), names
compared as written (``_norm``), and ``_Names``, the part of the facts builder that
keeps the file's sources and the people it names, one key per person however often
and however spelt."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from factwatch.claims import facts_schema as schema
from factwatch.claims.model import Person


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


class _Names:
    """The document, its check, its sources and the people it names, by key."""

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


def _norm(name: str) -> str:
    return " ".join(name.replace("\u2019", "'").lower().split())
