"""Parse the durations used in config.toml and on the command line: "90s", "30m", "1h30m"."""

from __future__ import annotations

import re

from factwatch.core.errors import ConfigError

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_PART = re.compile(r"(\d+(?:\.\d+)?)([smhd])")


def parse_duration(text: str, *, name: str = "duration") -> float:
    """Seconds in ``text`` ("90s", "30m", "1h", "1h30m", "2d").

    ``name`` says where the value came from (an option or config key), for errors."""
    raw = str(text).strip().lower().replace(" ", "")
    pos, total = 0, 0.0
    for match in _PART.finditer(raw):
        if match.start() != pos:
            break
        total += float(match.group(1)) * UNITS[match.group(2)]
        pos = match.end()
    if not raw or pos != len(raw):
        raise ConfigError(
            f"{name}: {text!r} is not a duration. Use a number with a unit: "
            "90s, 30m, 1h, 1h30m or 2d."
        )
    if total <= 0:
        raise ConfigError(f"{name}: {text!r} must be longer than zero, e.g. 30m")
    return total


def format_duration(seconds: float) -> str:
    """A short human form: 45s, 12m, 3h05m, 2d04h."""
    s = int(round(seconds))
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m{s % 60:02d}s" if s % 60 else f"{s // 60}m"
    if s < 86400:
        return f"{s // 3600}h{(s % 3600) // 60:02d}m"
    return f"{s // 86400}d{(s % 86400) // 3600:02d}h"
