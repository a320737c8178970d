"""Read ``expected.toml``: what a correct pass over the demo world reports, page by page.

Each ``[[article]]`` names an outlet and a path, how the page should fare
(``fetch``: ok, slow, blocked by robots.txt, empty text, or a duplicate of
another page), which pages are one ``story`` (wire copies, AMP), whether it
is about the election (``topic``) and the findings the claim matcher should
flag (``kind`` and a ``key`` phrase the quote contains; no key for
article-level kinds such as omission).  ``[[missing]]`` lists paths that
feeds link to but the world answers with 404.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field

from factwatch.core.errors import ConfigError
from factwatch.core.resources import Traversable, bundled

EXPECTED_FILE = bundled("factwatch.demo", "expected.toml")
FETCH_STATES = ("ok", "slow", "blocked", "empty", "duplicate")


@dataclass(frozen=True)
class ExpectedFinding:
    kind: str
    key: str | None = None  # a phrase the finding's quote contains; None: article-level


@dataclass(frozen=True)
class ExpectedArticle:
    outlet: str
    path: str
    title: str
    fetch: str = "ok"
    topic: bool = True
    findings: tuple[ExpectedFinding, ...] = ()
    same_as: str = ""  # for duplicates: the path of the page this one copies
    story: str = ""  # pages sharing a story label are one story (wire copies, AMP)
    variants: tuple[str, ...] = ()  # other paths (e.g. tracking parameters) for the same page
    note: str = ""

    @property
    def kinds(self) -> set[str]:
        return {f.kind for f in self.findings}


@dataclass(frozen=True)
class MissingPage:
    outlet: str
    path: str
    note: str = ""


@dataclass(frozen=True)
class Expected:
    articles: tuple[ExpectedArticle, ...]
    missing: tuple[MissingPage, ...] = field(default_factory=tuple)

    def article(self, outlet: str, path: str) -> ExpectedArticle | None:
        for item in self.articles:
            if item.outlet == outlet and (item.path == path or path in item.variants):
                return item
        return None


def _finding(data: object, where: str, origin: str) -> ExpectedFinding:
    if not isinstance(data, dict) or not isinstance(data.get("kind"), str):
        raise ConfigError(f'{origin}: {where}: expected {{ kind = "...", key = "..." }}')
    key = data.get("key")
    if key is not None and (not isinstance(key, str) or not key):
        raise ConfigError(f"{origin}: {where}.key: expected a non-empty string or no key")
    return ExpectedFinding(kind=data["kind"], key=key)


def _article(data: dict, index: int, origin: str) -> ExpectedArticle:
    where = f"article[{index}]"
    for key in ("outlet", "path", "title"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise ConfigError(f"{origin}: {where}.{key}: expected a non-empty string")
    fetch = data.get("fetch", "ok")
    if fetch not in FETCH_STATES:
        raise ConfigError(
            f"{origin}: {where}.fetch: {fetch!r} is not one of {', '.join(FETCH_STATES)}"
        )
    findings = data.get("findings")
    if not isinstance(findings, list):
        raise ConfigError(f"{origin}: {where}.findings: expected a list ([] for a clean page)")
    return ExpectedArticle(
        outlet=data["outlet"],
        path=data["path"],
        title=data["title"],
        fetch=fetch,
        topic=bool(data.get("topic", True)),
        findings=tuple(
            _finding(f, f"{where}.findings[{i}]", origin) for i, f in enumerate(findings)
        ),
        same_as=str(data.get("same_as", "")),
        story=str(data.get("story", "")),
        variants=tuple(data.get("variants", [])),
        note=str(data.get("note", "")),
    )


def load_expected(path: Traversable = EXPECTED_FILE) -> Expected:
    """Load and validate expected.toml."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the demo expectations: {exc}") from exc
    origin = path.name
    articles = tuple(_article(a, i, origin) for i, a in enumerate(data.get("article", [])))
    missing = tuple(
        MissingPage(
            outlet=str(m.get("outlet", "")),
            path=str(m.get("path", "")),
            note=str(m.get("note", "")),
        )
        for m in data.get("missing", [])
    )
    return Expected(articles=articles, missing=missing)
