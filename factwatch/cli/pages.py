"""Read a page named on the command line: a local file or an http(s) URL.

Used by `check` and `extract`.  A URL the user typed is trusted (its own host
passes the address check, as a configured source's does); redirects from it
are still checked.  Every problem is a FactwatchError naming the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from factwatch.core.errors import FactwatchError


@dataclass
class Page:
    name: str  # as the user gave it
    body: bytes
    url: str = ""  # the URL it was fetched from (after redirects); "" for a file
    content_type: str = ""
    text: str | None = None  # decoded with the response's charset, for URLs


def is_url(name: str) -> bool:
    return urlsplit(name).scheme.lower() in ("http", "https")


def read_page(name: str, config: Any) -> Page:
    """Fetch or read one page; raise FactwatchError naming it on failure."""
    if is_url(name):
        from factwatch.scraper.fetch import fetch

        result = fetch(name, politeness=config.politeness, safety=config.safety, trusted=True)
        if result.error:
            message = result.error if name in result.error else f"{name}: {result.error}"
            raise FactwatchError(message)
        return Page(
            name, result.body, result.final_url or name, result.content_type or "", result.text()
        )
    path = Path(name)
    if path.is_dir():
        raise FactwatchError(f"{name}: is a folder; pass the files in it (e.g. {name}/*.html)")
    try:
        return Page(name, path.read_bytes())
    except FileNotFoundError:
        raise FactwatchError(
            f"{name}: no such file (give a path to an HTML or text file, or an http(s) URL)"
        ) from None
    except OSError as exc:
        raise FactwatchError(f"{name}: cannot read: {exc.strerror}") from None
