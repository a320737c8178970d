"""Write TOML text by hand, a line at a time, so comments can sit between the keys.

    value("Maria Okafor")      -> '"Maria Okafor"'
    value([1, 2])              -> "[1, 2]"
    value({"A B": 3})          -> '{ "A B" = 3 }'
    key("A B")                 -> '"A B"'

Only what a facts file holds is written: strings, whole numbers, decimals,
booleans, dates, lists of these and inline tables.  The files this writes
(``factwatch facts new`` and ``facts convert``) carry comments between and
in place of keys, which a dict-to-TOML writer cannot produce; the tests read
everything written here back with ``tomllib``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

_BARE = re.compile(r"[A-Za-z0-9_-]+")


def _string(text: str) -> str:
    # JSON's escapes (\" \\ \n \uXXXX ...) are all valid in a TOML basic string; TOML
    # also forbids a raw DEL character, which JSON leaves as it is.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def key(name: str) -> str:
    """A key, quoted when it is not a bare key."""
    return name if _BARE.fullmatch(name) else _string(name)


def value(v: Any) -> str:
    """One value as TOML text (raises TypeError for anything else)."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, str):
        return _string(v)
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(value(x) for x in v) + "]"
    if isinstance(v, dict):
        if not v:
            return "{}"
        return "{ " + ", ".join(f"{key(str(k))} = {value(x)}" for k, x in v.items()) + " }"
    raise TypeError(f"cannot write {type(v).__name__} as TOML: {v!r}")


def assign(name: str, v: Any, *, width: int = 100) -> list[str]:
    """``name = value`` as lines; a long list of strings goes one item a line."""
    line = f"{key(name)} = {value(v)}"
    if len(line) <= width or not isinstance(v, (list, tuple)) or not v:
        return [line]
    return [f"{key(name)} = [", *(f"  {value(x)}," for x in v), "]"]
