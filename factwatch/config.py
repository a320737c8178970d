"""Load and validate ``config.toml``.

Every key is checked on load; an error names the file, the key and the
problem, e.g. ``config.toml: politeness.per_host_delay: expected a number >= 0,
got "fast"``.  Relative paths are resolved against the config file's folder.
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from factwatch.core.errors import ConfigError
from factwatch.core.records import SourceConfig
from factwatch.core.settings import (
    ARCHIVE_KINDS,
    BUNDLED_FACTS,
    MATCH_TYPES,
    SOURCE_KINDS,
    Config,
)
from factwatch.scraper.archives.captures import parse_config_date

WEB_SCHEMES = ("http", "https")  # the only schemes safety.allowed_schemes may list


def _fill(cls: type, data: Any, where: str, origin: str) -> Any:
    """Build dataclass ``cls`` from a TOML table, checking keys and types."""
    if not isinstance(data, dict):
        raise ConfigError(f"{origin}: {where}: expected a table, got {data!r}")
    fields = {f.name: f for f in dataclasses.fields(cls) if f.name != "path"}
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{where}.{key}" if where else key
        if key not in fields:
            known = ", ".join(sorted(fields))
            raise ConfigError(f"{origin}: {name}: unknown key (known keys: {known})")
        default = fields[key].default
        if (
            default is dataclasses.MISSING
            and fields[key].default_factory is not dataclasses.MISSING
        ):
            default = fields[key].default_factory()  # type: ignore[misc,operator]
        if dataclasses.is_dataclass(default):
            kwargs[key] = _fill(type(default), value, name, origin)
        else:
            kwargs[key] = _check_type(value, default, name, origin)
    return cls(**kwargs)


def _check_type(value: Any, default: Any, name: str, origin: str) -> Any:
    where = f"{origin}: {name}"
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: expected true or false, got {value!r}")
    elif isinstance(default, (int, float)):
        return _check_number(value, default, where)
    elif isinstance(default, str):
        if not isinstance(value, str):
            raise ConfigError(f"{where}: expected a string, got {value!r}")
    elif isinstance(default, list):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
    return value


def _check_number(value: Any, default: int | float, where: str) -> int | float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ConfigError(f"{where}: expected a number, got {value!r}")
    if value < 0:
        raise ConfigError(f"{where}: must not be negative, got {value!r}")
    if isinstance(default, int) and not isinstance(value, int):
        raise ConfigError(f"{where}: expected a whole number, got {value!r}")
    return type(default)(value)


def _source(data: Any, index: int, origin: str) -> SourceConfig:
    where = f"sources[{index}]"
    src = _fill(SourceConfig, data, where, origin) if isinstance(data, dict) else None
    if src is None or not src.name:
        raise ConfigError(f"{origin}: {where}.name: every source needs a name")
    if src.kind not in SOURCE_KINDS:
        raise ConfigError(
            f"{origin}: {where}.kind: {src.kind!r} is not one of {', '.join(SOURCE_KINDS)}"
        )
    if src.kind in ARCHIVE_KINDS:
        _archive_source(src, where, origin)
        return src
    if src.kind != "urls" and not src.url:
        raise ConfigError(f"{origin}: {where}.url: a {src.kind} source needs a url")
    if src.kind == "urls" and not (src.urls or src.url):
        raise ConfigError(f"{origin}: {where}: a urls source needs `urls = [...]` or a `url`")
    if src.kind == "listing" and not src.pattern:
        raise ConfigError(f"{origin}: {where}.pattern: a listing source needs a link pattern")
    return src


def _archive_source(src: SourceConfig, where: str, origin: str) -> None:
    """The keys each archive kind needs (see docs/configuration.md)."""

    def fail(key: str, problem: str) -> None:
        raise ConfigError(f"{origin}: {where}.{key}: {problem}")

    _archive_dates(src, fail)
    if src.match_type not in MATCH_TYPES:
        fail("match_type", f"{src.match_type!r} is not one of {', '.join(MATCH_TYPES)}")
    for key in ("index_url", "data_url"):
        value = getattr(src, key)
        if value and "://" not in value and not (key == "data_url" and src.kind == "warc"):
            fail(key, f"expected an http(s) URL, got {value!r}")
    for key, missing, problem in _ARCHIVE_NEEDS.get(src.kind, ()):
        if missing(src):
            fail(key, problem)


def _archive_dates(src: SourceConfig, fail: Callable[[str, str], None]) -> None:
    dates = {}
    for key in ("since", "until"):
        value = getattr(src, key)
        if value:
            dates[key] = parse_config_date(value)
            if dates[key] is None:
                fail(key, f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    if len(dates) == 2 and dates["since"] > dates["until"]:  # type: ignore[operator]
        fail("until", f"{src.until!r} is before since = {src.since!r}")


# kind -> (key, is it missing?, what to write) for the keys each archive kind needs
_ARCHIVE_NEEDS: dict[str, tuple[tuple[str, Callable[[SourceConfig], bool], str], ...]] = {
    "wayback": (
        (
            "url",
            lambda s: not s.url,
            "a wayback source needs the URL prefix or domain to look up, "
            'e.g. url = "www.theguardian.com/politics/"',
        ),
    ),
    "commoncrawl": (
        (
            "url",
            lambda s: not (s.url or s.urls),
            'a commoncrawl source needs a URL pattern, e.g. url = "example.com/news/*"',
        ),
        (
            "crawls",
            lambda s: not (s.crawls or s.since or s.until),
            'name the crawls (crawls = ["CC-MAIN-2024-10"]) or a date range (since, until)',
        ),
    ),
    "warc": (
        (
            "url",
            lambda s: not (s.url or s.urls),
            'a warc source needs url = "FILE_OR_URL" or urls = [...] of WARC files',
        ),
    ),
    "guardian": (
        (
            "query",
            lambda s: not (s.query or s.section),
            'a guardian source needs a query (query = "union election") or a section',
        ),
    ),
}


def parse_config(
    data: dict[str, Any], *, origin: str = "config", base: Path | None = None
) -> Config:
    """Validate a parsed TOML document and return a Config."""
    data = dict(data)
    raw_sources = data.pop("sources", [])
    db_path = _database_path(data.pop("database", {}), origin)
    facts = data.pop("facts", {"files": [str(BUNDLED_FACTS)]})  # default: the bundled file
    if (
        not isinstance(facts, dict)
        or not isinstance(facts.get("files"), list)
        or not facts["files"]
    ):
        raise ConfigError(f"{origin}: facts.files: expected a non-empty list of facts files")
    config = _fill(Config, data, "", origin)
    config.sources = _sources(raw_sources, origin)
    base = base or Path.cwd()
    _resolve_paths(config, base)
    config.database = str(_resolve(db_path, base))
    config.facts = [str(_resolve(f, base)) for f in facts["files"]]
    _check_schemes(config, origin)
    _check_politeness(config, origin)
    return config


def _database_path(db: Any, origin: str) -> str:
    if not isinstance(db, dict):
        raise ConfigError(f"{origin}: database: expected a table with `path`")
    unknown = set(db) - {"path"}
    if unknown:
        raise ConfigError(f"{origin}: database.{sorted(unknown)[0]}: unknown key (known: path)")
    db_path = db.get("path", "factwatch.db")
    if not isinstance(db_path, str) or not db_path:
        raise ConfigError(f"{origin}: database.path: expected a file path, got {db_path!r}")
    return db_path


def _sources(raw: Any, origin: str) -> list[SourceConfig]:
    if not isinstance(raw, list):
        raise ConfigError(f"{origin}: sources: use [[sources]] tables, one per source")
    sources = [_source(s, i, origin) for i, s in enumerate(raw)]
    names = [s.name for s in sources]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        raise ConfigError(f"{origin}: sources: duplicate source name {sorted(dupes)[0]!r}")
    return sources


def _resolve_paths(config: Config, base: Path) -> None:
    """Local files named in sources and [rebuttals], relative to the config file."""
    for src in config.sources:
        if src.kind == "urls" and src.url and "://" not in src.url:
            src.url = str(_resolve(src.url, base))  # a local file of URLs
        if src.kind == "warc":  # local WARC files, relative to the config file
            src.url = _local(src.url, base)
            src.urls = [_local(u, base) for u in src.urls]
            src.data_url = _local(src.data_url, base)
    if config.rebuttals.templates:
        config.rebuttals.templates = str(_resolve(config.rebuttals.templates, base))


def _check_schemes(config: Config, origin: str) -> None:
    schemes = [s.lower() for s in config.safety.allowed_schemes]
    refused = [s for s in schemes if s not in WEB_SCHEMES]
    if refused or not schemes:
        raise ConfigError(
            f"{origin}: safety.allowed_schemes: "
            + (f"{refused[0]!r} is not allowed" if refused else "empty")
            + '; factwatch fetches only web pages: use ["http", "https"] or ["https"]'
        )
    config.safety.allowed_schemes = schemes


def _check_politeness(config: Config, origin: str) -> None:
    if config.politeness.concurrency < 1:
        raise ConfigError(f"{origin}: politeness.concurrency: must be at least 1")
    if config.processing.workers < 1:
        raise ConfigError(
            f"{origin}: processing.workers: must be at least 1 (1 works in the pass's own "
            "process; leave it out to use every core)"
        )
    if "@" not in config.politeness.user_agent and "http" not in config.politeness.user_agent:
        raise ConfigError(
            f"{origin}: politeness.user_agent: include a contact address (an email or URL) "
            "so site owners can reach you"
        )


def _local(location: str, base: Path) -> str:
    return location if not location or "://" in location else str(_resolve(location, base))


def _resolve(path: str, base: Path) -> Path:
    p = Path(path).expanduser()
    return p if p.is_absolute() else (base / p)


def load_config(path: str | Path) -> Config:
    """Read and validate a config file."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(
            f"{path}: config file not found. Pass --config PATH or run from the folder "
            "that holds config.toml."
        ) from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config file: {exc}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config file is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    config = parse_config(data, origin=str(path), base=path.resolve().parent)
    config.path = path
    return config
