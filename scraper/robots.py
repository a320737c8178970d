"""robots.txt rules per host, fetched once and kept for the fetcher's life.

What a robots.txt response means (following Google's documented behaviour):

- 2xx: parse it with protego; Crawl-delay raises that host's delay.
- 4xx other than 429 (404, 410, 403, ...): no rules, everything allowed.
- 429, 5xx, or the host unreachable (connection refused, DNS failure,
  timeout): "unavailable".  RFC 9309 says to try later, so nothing on that
  host is fetched for the rest of this pass, and each URL skipped is a
  *temporary* failure (RobotsUnavailable), never "disallowed".  The next
  pass (a new fetcher) asks again.
- too large, wrong content type or too many redirects: treated as no rules.

The cache is thread-safe.  One caller at a time "claims" a host and fetches its
robots.txt; others asking meanwhile wait (:meth:`RobotsCache.wait`) or, in a
scheduler, skip the host until it is known.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from protego import Protego

from factwatch.core.records import FetchResult

UNKNOWN, FETCHING, KNOWN = "unknown", "fetching", "known"


@dataclass
class RobotsRules:
    """The verdict for one host: parsed rules, allow-all, or unavailable (try later)."""

    host: str
    verdict: str  # "rules" | "allow-all" | "unavailable"
    reason: str = ""
    parser: Protego | None = None

    def allowed(self, url: str, user_agent: str) -> bool:
        if self.verdict == "allow-all":
            return True
        if self.verdict == "unavailable" or self.parser is None:
            return False
        return bool(self.parser.can_fetch(url, user_agent))

    def crawl_delay(self, user_agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(user_agent)
        return float(delay) if delay is not None else None


def robots_url(host: str) -> str:
    """The robots.txt URL for a ``scheme://host[:port]`` key."""
    return f"{host}/robots.txt"


def rules_from_result(host: str, result: FetchResult) -> RobotsRules:
    """Interpret the outcome of fetching a host's robots.txt (see module docstring)."""
    status = result.status
    if result.error is None and status is not None and 200 <= status < 300:
        parser = Protego.parse(result.text())
        return RobotsRules(host, "rules", f"robots.txt HTTP {status}", parser)
    if status is not None and 400 <= status < 500 and status != 429:
        return RobotsRules(host, "allow-all", f"robots.txt HTTP {status}: no rules")
    if result.error_kind == "soft":
        return RobotsRules(host, "allow-all", f"robots.txt unusable ({result.error}): no rules")
    if status is not None:
        why = f"HTTP {status}"
    else:  # "<url>: connection failed (...)": keep the cause, not the URL again
        why = (result.error or "no response").removeprefix(f"{result.url}: ")
    return RobotsRules(host, "unavailable", why)


class RobotsCache:
    """Thread-safe map from host to :class:`RobotsRules`."""

    def __init__(self) -> None:
        self._rules: dict[str, RobotsRules] = {}
        self._fetching: set[str] = set()
        self._cond = threading.Condition()

    def state(self, host: str) -> str:
        with self._cond:
            if host in self._rules:
                return KNOWN
            return FETCHING if host in self._fetching else UNKNOWN

    def get(self, host: str) -> RobotsRules | None:
        with self._cond:
            return self._rules.get(host)

    def claim(self, host: str) -> bool:
        """Mark ``host`` as being fetched by the caller; False if known or taken."""
        with self._cond:
            if host in self._rules or host in self._fetching:
                return False
            self._fetching.add(host)
            return True

    def store(self, rules: RobotsRules) -> None:
        with self._cond:
            self._rules[rules.host] = rules
            self._fetching.discard(rules.host)
            self._cond.notify_all()

    def release(self, host: str) -> None:
        """Give up a claim without a verdict (another caller may try)."""
        with self._cond:
            self._fetching.discard(host)
            self._cond.notify_all()

    def wait(self, host: str) -> RobotsRules | None:
        """Block while another caller fetches ``host``'s robots.txt."""
        with self._cond:
            while host in self._fetching:
                self._cond.wait()
            return self._rules.get(host)
