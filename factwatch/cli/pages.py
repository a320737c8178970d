"""Read a page named on the command line: a local file or an http(s) URL.

Used by `check` and `extract`.  A URL the user typed is trusted (its own host
passes the address check, as a configured source's does); redirects from it
are still checked.  Files and URLs share one byte cap (``politeness.max_bytes``,
or ``max_bytes`` here): a larger file is refused before it is read.  Binary
data (an executable, an image, random bytes) is refused, since it holds no
page.  Every problem is an InputError naming the page.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from factwatch.core.encoding import binary_kind
from factwatch.core.errors import InputError


@dataclass
class Page:
    name: str  # as the user gave it
    body: bytes
    url: str = ""  # the URL it was fetched from (after redirects); "" for a file
    content_type: str = ""
    text: str | None = None  # decoded with the response's charset, for URLs


def is_url(name: str) -> bool:
    return urlsplit(name).scheme.lower() in ("http", "https")


def read_page(name: str, config: Any, *, max_bytes: int | None = None) -> Page:
    """Fetch or read one page; raise InputError naming it on failure."""
    politeness = config.politeness
    if max_bytes:
        politeness = dataclasses.replace(politeness, max_bytes=max_bytes)
    cap = politeness.max_bytes
    if is_url(name):
        from factwatch.scraper.fetch import fetch

        result = fetch(name, politeness=politeness, safety=config.safety, trusted=True)
        if result.error:
            message = result.error if name in result.error else f"{name}: {result.error}"
            raise InputError(message)
        page = Page(
            name, result.body, result.final_url or name, result.content_type or "", result.text()
        )
    else:
        page = Page(name, _read_file(name, cap))
    what = binary_kind(page.body)
    if what:
        raise InputError(
            f"{name}: {what}, not an HTML page or text; give an HTML or text file or URL"
        )
    return page


def _read_file(name: str, cap: int) -> bytes:
    path = Path(name)
    if path.is_dir():
        raise InputError(f"{name}: is a folder; pass the files in it (e.g. {name}/*.html)")
    try:
        with path.open("rb") as file:
            size = _size(file)
            if size is not None and size > cap:
                raise InputError(_too_large(name, f"{size:,} bytes", cap))
            data = file.read(cap + 1)  # a pipe or special file has no size: read to the cap
    except FileNotFoundError:
        raise InputError(
            f"{name}: no such file (give a path to an HTML or text file, or an http(s) URL)"
        ) from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror}") from None
    if len(data) > cap:
        raise InputError(_too_large(name, "larger", cap))
    return data


def _size(file: Any) -> int | None:
    import os
    import stat

    info = os.fstat(file.fileno())
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def _too_large(name: str, size: str, cap: int) -> str:
    return (
        f"{name}: {size}, over the {cap:,}-byte cap for one page (politeness.max_bytes); "
        "raise it with --max-bytes or in config.toml"
    )
