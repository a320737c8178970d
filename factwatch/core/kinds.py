"""The finding kinds, read from ``kinds.toml`` (package data, validated on load).

    from factwatch.core.kinds import kinds
    registry = kinds()
    registry.names()            # ("framing", "omission", ...), in file order
    registry.flags("figure")    # True: a finding of this kind flags its article
    registry["omission"].label  # "Omission"

The claim matcher produces findings; everything after it (storage counts,
`check`'s exit status, templates, exports, the Datasette UI, CLI choices)
reads what a kind means from here.  A kind the registry does not know (a rule
added to the matcher before its entry here) is treated as flagging, so it is
shown for review rather than hidden.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from factwatch.core.errors import ConfigError
from factwatch.core.resources import Traversable, bundled

KINDS_FILE = bundled("factwatch.core", "kinds.toml")
SEVERITIES = ("low", "medium", "high")
_KEYS = {"label", "description", "flags", "severity", "rating"}


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    description: str
    flags: bool  # a finding of this kind flags its article (else: recorded only)
    severity: str  # default severity
    rating: str  # ClaimReview alternateName
    rating_value: int  # ClaimReview ratingValue


@dataclass(frozen=True)
class Registry:
    kinds: tuple[Kind, ...]
    worst: int  # ClaimReview worstRating
    best: int  # ClaimReview bestRating
    origin: str = ""

    def __getitem__(self, name: str) -> Kind:
        for kind in self.kinds:
            if kind.name == name:
                return kind
        raise KeyError(name)

    def __contains__(self, name: object) -> bool:
        return any(kind.name == name for kind in self.kinds)

    def get(self, name: str) -> Kind | None:
        return self[name] if name in self else None

    def names(self) -> tuple[str, ...]:
        return tuple(kind.name for kind in self.kinds)

    def flags(self, name: str) -> bool:
        """Does a finding of kind ``name`` flag its article?  Unknown kinds do."""
        kind = self.get(name)
        return True if kind is None else kind.flags

    def label(self, name: str) -> str:
        kind = self.get(name)
        return kind.label if kind is not None else name


def _kind(name: str, table: Any, origin: str, scale: tuple[int, int]) -> Kind:
    where = f"{origin}: kinds.{name}"
    if not name.isidentifier():
        raise ConfigError(f"{where}: a kind name is letters, digits and underscores")
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: expected a table")
    unknown = set(table) - _KEYS
    if unknown:
        raise ConfigError(f"{where}.{sorted(unknown)[0]}: unknown key (known: {sorted(_KEYS)})")
    for key in ("label", "description"):
        if not isinstance(table.get(key), str) or not table[key].strip():
            raise ConfigError(f"{where}.{key}: expected a non-empty string")
    if not isinstance(table.get("flags"), bool):
        raise ConfigError(f"{where}.flags: expected true or false")
    if table.get("severity") not in SEVERITIES:
        raise ConfigError(f"{where}.severity: expected one of {', '.join(SEVERITIES)}")
    rating = table.get("rating")
    if not isinstance(rating, dict) or not isinstance(rating.get("name"), str):
        raise ConfigError(f'{where}.rating: expected {{ name = "False", value = 1 }}')
    value = rating.get("value")
    if not isinstance(value, int) or isinstance(value, bool) or not scale[0] <= value <= scale[1]:
        raise ConfigError(
            f"{where}.rating.value: expected a whole number from {scale[0]} to {scale[1]}"
        )
    return Kind(
        name=name,
        label=table["label"].strip(),
        description=" ".join(table["description"].split()),
        flags=table["flags"],
        severity=table["severity"],
        rating=rating["name"],
        rating_value=value,
    )


def load_kinds(path: Traversable = KINDS_FILE) -> Registry:
    """Read and validate a kinds file; errors name the file and the key."""
    origin = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{origin}: cannot read the finding kinds: {exc}") from None
    scale = data.get("rating_scale")
    if (
        not isinstance(scale, dict)
        or not all(isinstance(scale.get(k), int) for k in ("worst", "best"))
        or scale["worst"] >= scale["best"]
    ):
        raise ConfigError(f"{origin}: rating_scale: expected whole numbers worst < best")
    table = data.get("kinds")
    if not isinstance(table, dict) or not table:
        raise ConfigError(f"{origin}: kinds: expected [kinds.NAME] tables")
    bounds = (scale["worst"], scale["best"])
    registry = tuple(_kind(name, t, origin, bounds) for name, t in table.items())
    return Registry(registry, worst=scale["worst"], best=scale["best"], origin=origin)


@cache
def kinds() -> Registry:
    """The registry of ``KINDS_FILE`` (the bundled kinds.toml), loaded once."""
    return load_kinds(KINDS_FILE)
