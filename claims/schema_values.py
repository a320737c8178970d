"""Numbers and dates as a facts file writes them, with the precision the source gave.

``parse_figure`` reads 12, 12.2 or "12%" into a ``FigureValue`` (the value, the half
unit the source rounded to, whether it is a percentage); ``parse_date`` reads a TOML
date or a YYYY-MM-DD string.  Either gives None for anything else.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FigureValue:
    """A number as a source gives it: the value and how precisely it is known."""

    value: float
    half_unit: float  # the source rounded to within this much
    percent: bool = False


def parse_figure(v: Any) -> FigureValue | None:
    """12 -> exact; 12.2 -> within 0.05; "12%" -> within 0.5, a percentage."""
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return FigureValue(float(v), 0.5 if v else 0.0)
    if isinstance(v, float):
        text = repr(v)
        decimals = len(text.split(".")[1]) if "." in text and "e" not in text else 0
        return FigureValue(v, 0.5 * 10.0**-decimals)
    if isinstance(v, str):
        m = re.fullmatch(r"\s*(\d[\d,]*(?:\.(\d+))?)\s*(%|per ?cent)?\s*", v)
        if not m:
            return None
        value = float(m.group(1).replace(",", ""))
        decimals = len(m.group(2) or "")
        return FigureValue(value, 0.5 * 10.0**-decimals, bool(m.group(3)))
    return None


def parse_date(v: Any) -> dt.date | None:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str):
        try:
            return dt.date.fromisoformat(v.strip())
        except ValueError:
            return None
    return None
