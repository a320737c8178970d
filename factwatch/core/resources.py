"""Package data (facts files, templates, rules, the demo world), read with
``importlib.resources`` so that it works from any install: a checkout, an
editable install or a wheel in site-packages.

    text("factwatch.rebuttals", "data", "notices.toml")   # the file's text
    bundled("factwatch.demo", "site")                        # a Traversable
    as_path("factwatch", "facts", "unite-2017.toml")         # a real file path

A ``pathlib.Path`` is a Traversable too, so loaders take either a user's file
or a bundled resource.
"""

from __future__ import annotations

import atexit
import contextlib
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

__all__ = ["Traversable", "as_path", "bundled", "text"]

_EXTRACTED = contextlib.ExitStack()
atexit.register(_EXTRACTED.close)


def bundled(package: str, *parts: str) -> Traversable:
    """The resource ``parts`` inside ``package`` (it need not exist)."""
    resource = files(package)
    for part in parts:
        resource = resource / part
    return resource


def text(package: str, *parts: str) -> str:
    """The UTF-8 text of a bundled resource."""
    return bundled(package, *parts).read_text(encoding="utf-8")


def as_path(package: str, *parts: str) -> Path:
    """A file-system path to a bundled file, for interfaces that take paths.

    An installed package is already on disk, so this is the file itself; from a
    zip archive the file is extracted to a temporary file kept until exit."""
    resource = bundled(package, *parts)
    if isinstance(resource, Path):
        return resource
    return _EXTRACTED.enter_context(as_file(resource))
