"""Facts files as text and data: read one (UTF-8 TOML, with clear errors when it is
missing, unreadable or malformed), merge a later file into the earlier ones, and hash
the package grammar for ``Facts.version``."""

from __future__ import annotations

import hashlib
import tomllib
from importlib.resources import files
from pathlib import Path
from typing import Any

from factwatch.core.errors import FactsError


# -- reading ---------------------------------------------------------------------------------
def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in extra.items():
        if k in out and isinstance(out[k], list) and isinstance(v, list):
            out[k] = out[k] + v
        elif k in out and isinstance(out[k], dict) and isinstance(v, dict):
            out[k] = _merge(out[k], v)
        else:
            out[k] = v
    return out


def _read(path: Path) -> tuple[dict[str, Any], str]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FactsError(
            f"{path}: facts file not found. Check facts.files in config.toml or --facts; "
            "`factwatch facts new` writes a skeleton."
        ) from None
    except OSError as exc:
        raise FactsError(f"{path}: cannot read facts file: {exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise FactsError(f"{path}: facts file is not UTF-8 text") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FactsError(f"{path}: not valid TOML: {exc}") from None
    return data, text


def _grammar_version() -> str:
    h = hashlib.sha256()
    folder = files("factwatch.claims") / "grammar"
    for name in sorted(p.name for p in folder.iterdir() if p.name.endswith(".toml")):
        h.update((folder / name).read_bytes())
    return h.hexdigest()[:8]
