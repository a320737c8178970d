"""The bundled offline demo: a small fictional news world served on 127.0.0.1.

``DemoWorld`` serves four outlets (feeds, sitemaps, a section page, robots.txt
and article pages) from the data files under ``site/``; ``load_expected``
reads ``expected.toml``, the findings a correct pass over the world reports.
"""

from __future__ import annotations

from factwatch.demo.expected import (
    Expected,
    ExpectedArticle,
    ExpectedFinding,
    MissingPage,
    load_expected,
)
from factwatch.demo.world import DemoWorld

__all__ = [
    "DemoWorld",
    "Expected",
    "ExpectedArticle",
    "ExpectedFinding",
    "MissingPage",
    "load_expected",
]
