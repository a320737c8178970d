"""What every capture records, and the date formats archives use.

A capture's ``metadata["capture"]`` holds at least ``archive`` (wayback,
commoncrawl, warc, guardian) and ``timestamp`` (14 digits, UTC, as the CDX
format writes it: ``20170421103000``), plus where the bytes came from.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_DIGITS = re.compile(r"\d+")


def capture_metadata(archive: str, timestamp: str, **where: Any) -> dict[str, Any]:
    """``{"capture": {...}}`` for FetchedPage.metadata."""
    info = {"archive": archive, "timestamp": timestamp, "captured_at": iso(timestamp)}
    info.update({k: v for k, v in where.items() if v not in (None, "")})
    return {"capture": info}


def iso(timestamp: str) -> str:
    """``20170421103000`` -> ``2017-04-21T10:30:00Z`` (shorter stamps are padded)."""
    ts = (timestamp + "00000101000000"[len(timestamp) :])[:14] if len(timestamp) < 14 else timestamp
    try:
        when = dt.datetime.strptime(ts[:14], "%Y%m%d%H%M%S")
    except ValueError:
        return ""
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def from_iso(value: str) -> str:
    """A WARC-Date or API date (``2017-04-21T10:30:00Z``) -> ``20170421103000``."""
    digits = "".join(_DIGITS.findall(value or ""))
    return digits[:14].ljust(14, "0") if digits else ""


def cdx_date(value: str, *, end: bool = False) -> str:
    """A config date (``2017``, ``2017-04``, ``2017-04-21``) as CDX digits.

    ``end`` extends a partial date to the last moment it covers, so
    ``until = "2017-06"`` includes all of June."""
    digits = "".join(_DIGITS.findall(value or ""))
    if not end or not digits:
        return digits
    if len(digits) == 4:
        return digits + "1231235959"
    if len(digits) == 6:
        year, month = int(digits[:4]), int(digits[4:6])
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        last = nxt - dt.timedelta(days=1)
        return last.strftime("%Y%m%d") + "235959"
    if len(digits) == 8:
        return digits + "235959"
    return digits


def parse_config_date(value: str) -> dt.date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as the first day it covers; None if malformed."""
    for fmt in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def in_range(timestamp: str, since: str, until: str) -> bool:
    """Whether a 14-digit timestamp falls within the config dates (inclusive)."""
    low = cdx_date(since)
    high = cdx_date(until, end=True)
    return (not low or timestamp >= low.ljust(14, "0")) and (not high or timestamp <= high)
