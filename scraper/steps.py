"""What one fetch is made of, shared by ``scraper.fetch`` (which runs the steps)
and ``scraper.hostpool`` (which schedules them across hosts).

A fetch is a ``Job``; before each step the fetcher makes a ``Plan`` (finish,
fetch the host's robots.txt, or send a request), and each step returns a
``Step`` with the final result (or None to go on) and the ``FetchRecord``s of
the requests it sent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from factwatch.core.records import FetchResult


@dataclass
class FetchRequest:
    """One URL for :meth:`Fetcher.fetch_many`; ``key`` comes back as result.request_key."""

    url: str
    purpose: str = "article"
    etag: str | None = None
    last_modified: str | None = None
    key: Any = None
    accept: str | None = None
    headers: dict[str, str] | None = None  # extra request headers (e.g. Range)


@dataclass
class FetchRecord:
    """One fetch as written to the ``fetches`` table."""

    url: str
    final_url: str
    purpose: str
    started_at: str  # ISO 8601 UTC
    status: int | None
    bytes: int
    elapsed_ms: int
    not_modified: bool
    attempts: int
    error: str | None
    error_kind: str | None


@dataclass
class Job:
    """The state of one fetch between steps."""

    request: FetchRequest
    current: str
    seen: list[str] = field(default_factory=list)
    attempts: int = 0  # requests sent, all hops and retries
    hop_attempts: int = 0  # requests sent to the current hop
    not_before: float = 0.0  # monotonic time of the next allowed step (retry backoff)
    started_at: str = ""
    t0: float = 0.0
    max_retries: int = 0


@dataclass
class Plan:
    """What a job needs next: "finish" (result set), "robots" or "request" on ``host``."""

    kind: str
    host: str = ""
    result: FetchResult | None = None


@dataclass
class Step:
    """The outcome of one step: a final result, or None to go on; plus records."""

    result: FetchResult | None = None
    records: list[FetchRecord] = field(default_factory=list)
