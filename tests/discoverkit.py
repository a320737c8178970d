"""Shared by the discovery tests: the project's Fetcher, set up for the local
test site (loopback allowed, no per-host delay, no retries)."""

from __future__ import annotations

from factwatch.core.settings import Politeness, Safety
from factwatch.scraper.fetch import Fetcher


def make_fetcher() -> Fetcher:
    politeness = Politeness(per_host_delay=0.0, retries=0, backoff=0.0, obey_robots=False)
    return Fetcher(politeness, Safety(allow_loopback=True))
