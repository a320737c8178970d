"""Per-host spacing of request starts.

A host is scheme + host + port (``http://127.0.0.1:8001`` and ``:8002`` are two
hosts).  The limiter keeps, per host, the earliest moment the next request may
start; taking a slot moves that moment ``delay`` seconds past the slot.  A
blocking :meth:`HostLimiter.acquire` serves plain ``fetch()`` calls; the
non-blocking :meth:`HostLimiter.try_acquire` and :meth:`HostLimiter.ready_at`
let a scheduler pick whichever host is ready first.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from urllib.parse import urlsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}


def host_key(url: str) -> str:
    """``scheme://host[:port]`` in lower case, default ports dropped."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    return f"{scheme}://{host}"


class HostLimiter:
    """Thread-safe per-host delay between request starts.

    ``margin`` is added to every gap so that the gap the *server* sees, which
    includes a little jitter from thread scheduling and connection set-up, is
    not shorter than the configured delay.
    """

    def __init__(
        self,
        delay: float,
        *,
        margin: float = 0.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.default_delay = max(0.0, delay)
        self.margin = max(0.0, margin)
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next: dict[str, float] = {}
        self._last: dict[str, float] = {}
        self._sent: dict[str, float] = {}  # when the last request to each host went out
        self._delay: dict[str, float] = {}

    def set_delay(self, host: str, delay: float) -> None:
        """Raise the delay for ``host`` (never below the configured default)."""
        with self._lock:
            new = max(self.default_delay, delay)
            self._delay[host] = new
            if host in self._last:
                gap = new + self.margin if new > 0 else 0.0
                self._next[host] = max(self._next.get(host, 0.0), self._last[host] + gap)

    def defer(self, host: str, seconds: float) -> None:
        """No request to ``host`` for ``seconds`` from now (e.g. Retry-After)."""
        with self._lock:
            until = self._clock() + max(0.0, seconds)
            self._next[host] = max(self._next.get(host, 0.0), until)

    def ready_at(self, host: str) -> float:
        """Clock time at which ``host`` may take its next slot."""
        with self._lock:
            return self._next.get(host, 0.0)

    def _take(self, host: str, at: float) -> None:
        delay = self._delay.get(host, self.default_delay)
        self._last[host] = at
        self._next[host] = at + (delay + self.margin if delay > 0 else 0.0)

    def _gap(self, host: str) -> float:
        delay = self._delay.get(host, self.default_delay)
        return delay + self.margin if delay > 0 else 0.0

    def before_send(self, host: str) -> float:
        """Wait, if need be, until the delay has passed since the last request
        to ``host`` went out, and note this one as going out now; returns the wait.

        A slot is normally taken just before the request, but a thread can
        hold one a while (waiting for the cap on requests in flight, or simply
        not scheduled), and meanwhile another thread may have sent to the
        host: spacing is kept between the requests themselves."""
        waited = 0.0
        while True:
            with self._lock:
                now = self._clock()
                gap = self._gap(host)
                wait = self._sent.get(host, float("-inf")) + gap - now
                if wait <= 0:
                    self._sent[host] = self._last[host] = now
                    self._next[host] = max(self._next.get(host, 0.0), now + gap)
                    return waited
            self._sleep(wait)
            waited += wait

    def started(self, host: str) -> None:
        """Note that a request to ``host`` is being sent now.

        A slot is taken a moment before the request goes out (a worker thread
        has to pick it up); measuring the next gap from the real start keeps
        that hand-over lag from shortening the gap the server sees."""
        with self._lock:
            now = self._clock()
            delay = self._delay.get(host, self.default_delay)
            gap = delay + self.margin if delay > 0 else 0.0
            self._last[host] = now
            self._sent[host] = max(self._sent.get(host, now), now)
            self._next[host] = max(self._next.get(host, 0.0), now + gap)

    def try_acquire(self, host: str) -> bool:
        """Take a slot for ``host`` now if one is free; never blocks."""
        with self._lock:
            now = self._clock()
            if self._next.get(host, 0.0) > now:
                return False
            self._take(host, now)
            return True

    def acquire(self, host: str) -> float:
        """Reserve the next slot for ``host`` and sleep until it; return the wait."""
        with self._lock:
            now = self._clock()
            slot = max(now, self._next.get(host, 0.0))
            self._take(host, slot)
        wait = slot - now
        if wait > 0:
            self._sleep(wait)
        return wait
