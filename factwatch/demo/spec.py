"""Read ``site/world.toml``: the demo's outlets and the sources that point at them.

Each ``[[outlet]]`` names a folder of pages beside world.toml and the paths
served slowly; each ``[[source]]`` is a SourceConfig entry whose URLs may use
``{{base:OUTLET}}`` placeholders, filled in once the outlets have ports.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field

from factwatch.core.errors import ConfigError
from factwatch.core.resources import Traversable, bundled
from factwatch.core.settings import SOURCE_KINDS

SITE_DIR = bundled("factwatch.demo", "site")
WORLD_NAME = "world.toml"
PLACEHOLDER = re.compile(r"\{\{base(?::([A-Za-z0-9_-]+))?\}\}")
OUTLET_ID = re.compile(r"^[a-z][a-z0-9_-]*$")


@dataclass(frozen=True)
class OutletSpec:
    """One fictional outlet: its id (also its folder), display name and slow paths."""

    id: str
    name: str
    root: Traversable  # the outlet's folder of pages
    slow: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceSpec:
    """A source entry with unfilled placeholders (see ``fill``)."""

    name: str
    kind: str
    url: str = ""
    urls: tuple[str, ...] = ()
    pattern: str = ""
    topic_filter: bool = True


@dataclass(frozen=True)
class WorldSpec:
    outlets: tuple[OutletSpec, ...]
    sources: tuple[SourceSpec, ...] = field(default_factory=tuple)

    def outlet(self, outlet_id: str) -> OutletSpec:
        for spec in self.outlets:
            if spec.id == outlet_id:
                return spec
        known = ", ".join(o.id for o in self.outlets)
        raise ConfigError(f"demo world: unknown outlet {outlet_id!r} (outlets: {known})")


def fill(text: str, bases: dict[str, str], own: str | None = None) -> str:
    """Replace ``{{base}}`` (the outlet ``own``) and ``{{base:OUTLET}}`` with base URLs."""

    def repl(match: re.Match[str]) -> str:
        name = match.group(1) or own
        if name is None or name not in bases:
            raise ConfigError(
                f"demo world: placeholder {match.group(0)} names no outlet "
                f"(outlets: {', '.join(bases)})"
            )
        return bases[name]

    return PLACEHOLDER.sub(repl, text)


def _str(table: dict, key: str, where: str, *, required: bool = False) -> str:
    value = table.get(key, "")
    if not isinstance(value, str) or (required and not value):
        raise ConfigError(f"{WORLD_NAME}: {where}.{key}: expected a non-empty string")
    return value


def _str_list(table: dict, key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{WORLD_NAME}: {where}.{key}: expected a list of strings")
    return tuple(value)


def _outlet(table: dict, index: int, site_dir: Traversable) -> OutletSpec:
    where = f"outlet[{index}]"
    outlet_id = _str(table, "id", where, required=True)
    if not OUTLET_ID.match(outlet_id):
        raise ConfigError(
            f"{WORLD_NAME}: {where}.id: {outlet_id!r} must be lower-case letters, "
            "digits, '-' or '_'"
        )
    root = site_dir / outlet_id
    if not root.is_dir():
        raise ConfigError(f"{WORLD_NAME}: {where}: no folder {root} for outlet {outlet_id!r}")
    slow = _str_list(table, "slow", where)
    for path in slow:
        if not path.startswith("/"):
            raise ConfigError(f"{WORLD_NAME}: {where}.slow: {path!r} must start with '/'")
    return OutletSpec(
        id=outlet_id, name=_str(table, "name", where, required=True), root=root, slow=slow
    )


def _source(table: dict, index: int) -> SourceSpec:
    where = f"source[{index}]"
    kind = _str(table, "kind", where, required=True)
    if kind not in SOURCE_KINDS:
        raise ConfigError(
            f"{WORLD_NAME}: {where}.kind: {kind!r} is not one of {', '.join(SOURCE_KINDS)}"
        )
    topic_filter = table.get("topic_filter", True)
    if not isinstance(topic_filter, bool):
        raise ConfigError(f"{WORLD_NAME}: {where}.topic_filter: expected true or false")
    return SourceSpec(
        name=_str(table, "name", where, required=True),
        kind=kind,
        url=_str(table, "url", where, required=kind != "urls"),
        urls=_str_list(table, "urls", where),
        pattern=_str(table, "pattern", where, required=kind == "listing"),
        topic_filter=topic_filter,
    )


def load_world(site: Traversable = SITE_DIR) -> WorldSpec:
    """Load and validate ``site``/world.toml; errors name the file and the key."""
    path = site / WORLD_NAME
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the demo world: {exc}") from exc
    outlets = tuple(_outlet(t, i, site) for i, t in enumerate(data.get("outlet", [])))
    if not outlets:
        raise ConfigError(f"{path}: no [[outlet]] entries")
    ids = [o.id for o in outlets]
    if len(set(ids)) != len(ids):
        raise ConfigError(f"{path}: outlet ids must be unique, got {', '.join(ids)}")
    sources = tuple(_source(t, i) for i, t in enumerate(data.get("source", [])))
    for source in sources:
        for url in (source.url, *source.urls):
            fill(url, {o: "" for o in ids})  # raises on unknown outlets
    return WorldSpec(outlets=outlets, sources=sources)
