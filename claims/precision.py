"""Does a number, as written, agree with a recorded figure?  The writer's precision decides.

A writer who puts "45%" for 45.4 rounded honestly; "13.6%" for 13.2 did
not, though it is closer than "15%" is to 12.2.  So the question is not how
far apart the two numbers are, but whether any value the writer could mean
is a value the source could mean:

- the written number stands for a range set by the digits given ("45%":
  44.5 to 45.5, or 45 to 46 when truncated; "59,000": 58,500 to 60,000;
  "13.6%": 13.55 to 13.65), by its qualifier ("about 5,500": a few per cent
  either side; "more than 5,000": above 5,000; "just over 5,000": 5,000 to
  about a tenth more; "nearly 60,000": up to about a tenth less) or by a
  range ("13-14%");
- the recorded figure stands for the range its source's precision allows
  ("12%" in the facts file: 11.5 to 12.5; 59,067: itself);
- they agree when the two ranges meet.
"""

from __future__ import annotations

import math

from factwatch.claims.model import Figure
from factwatch.claims.numbers import NumberMention

_SLACK = 0.12  # "just over", "nearly": up to this fraction away
_APPROX = 0.03  # "about", "some": this fraction either side, or one unit of the last digit
_RATIO = 0.15  # "one in eight": a rough ratio


def _unit(n: NumberMention) -> float:
    """The size of the last digit the writer gave."""
    if n.unit == "percent" or n.value != int(n.value):
        text = n.text.split("-")[-1] if n.low is not None else n.text
        digits = "".join(c for c in text if c.isdigit() or c == ".")
        if "." in digits:
            return 10.0 ** -len(digits.split(".")[1].rstrip("."))
        if n.unit == "percent":
            return 1.0
    if n.value == 0:
        return 1.0
    return 10.0 ** (math.floor(math.log10(abs(n.value))) - n.sig_figs + 1)


def written_range(n: NumberMention) -> tuple[float, float]:
    """The values a writer could mean by ``n``."""
    if n.form in ("ratio", "fraction"):
        return _rough_range(n)
    u = _unit(n)
    if n.low is not None:
        return _given_range(n, n.low, u)
    if n.qualifier in ("over", "under", "near_above", "near_below", "approx"):
        return _qualified_range(n, u)
    return _exact_range(n, u)


def _rough_range(n: NumberMention) -> tuple[float, float]:
    """ "one in eight", "two-thirds": rough by nature."""
    v, q = n.value, n.qualifier
    d = v * _RATIO if n.form == "ratio" else max(3.0, 0.1 * v)
    if q == "over":
        return v, math.inf
    if q == "under":
        return -math.inf, v
    if q == "near_above":
        return v, v + d
    if q == "near_below":
        return v - d, v + 0.5
    return v - d, v + d


def _given_range(n: NumberMention, lo: float, u: float) -> tuple[float, float]:
    """ "13-14%", "between 5,000 and 6,000": the range, each end as precise as written."""
    v = n.value
    if n.qualifier in ("approx",):
        return lo - max(u, _APPROX * lo), v + max(u, _APPROX * v)
    return lo - u / 2, v + u / 2


def _qualified_range(n: NumberMention, u: float) -> tuple[float, float]:
    """ "more than", "fewer than", "just over", "nearly", "about"."""
    v, q = n.value, n.qualifier
    if q == "over":
        return v, math.inf
    if q == "under":
        return -math.inf, v
    if n.unit == "percent" and q in ("near_above", "near_below") and v % 5:
        # "nearly 97 per cent": a percentage that is no round number is near to one unit
        return (v, v + u) if q == "near_above" else (v - u, v + u / 2)
    if q == "near_above":
        # "a little over 100,000": just above it, even when written to one figure
        return v, v + (_SLACK * v if n.sig_figs == 1 else max(u, _SLACK * v))
    if q == "near_below":
        return v - max(u if n.sig_figs > 1 or n.unit == "percent" else 0, _SLACK * v), v + (
            u / 2 if n.unit == "percent" else 0.005 * v
        )
    if n.unit == "count" and n.sig_figs == 1:
        d = _SLACK * v  # "about 5,000": a round figure, honest within a tenth or so
    else:
        d = max(u, _APPROX * v)
    return v - d, v + d


def _exact_range(n: NumberMention, u: float) -> tuple[float, float]:
    """Exact as written: rounded to the digits given, or (for large round numbers and
    percentages) truncated to them: "59,000", "45%" for 45.4."""
    v = n.value
    lo, hi = v - u / 2, v + (u if (v >= 1000 or n.unit == "percent") else u / 2)
    if n.unit == "count" and n.sig_figs == 1 and u > 1:
        lo, hi = max(lo, v * (1 - _SLACK)), min(hi, v * (1 + _SLACK))
    return lo, hi


def consistent(n: NumberMention, fig: Figure) -> bool:
    """Could the writer's number and the recorded figure be the same value?"""
    lo, hi = written_range(n)
    t_lo, t_hi = fig.value - fig.half_unit, fig.value + fig.half_unit
    eps = 1e-9 * max(1.0, abs(fig.value))
    if n.qualifier == "over" and n.low is None:
        return t_hi > lo + eps or (fig.half_unit == 0.5 and t_hi - 0.5 > lo - eps)
    if n.qualifier == "under" and n.low is None:
        return t_lo < hi - eps
    if n.unit == "count" and fig.unit == "count":
        # Whole numbers: "28" (27.5 to 28.5) and a recorded 27 (26.5 to 27.5) only touch.
        return lo + eps < t_hi and t_lo < hi - eps
    return lo - eps <= t_hi and t_lo <= hi + eps
