"""Progress lines on stderr, shown only on a terminal (pipes and cron logs stay clean).

``ItemProgress``: commands that work through pages one by one (`check`).
Shown once the work has taken longer than ``delay`` seconds; the line names
the page and its stage (reading, extracting, checking).

    with ItemProgress(items) as progress:
        for item in items:
            progress.start(item)
            progress.stage("checking", size=len(body))
            progress.done()

``PassBar``: a stage of a pass (`run`, `demo`): sources discovered (and how
far a sitemap source has got: sitemaps read, links found), then pages
fetched; and, whenever a request has been waiting longer than ``slow_after``
seconds, which host it is waiting on.  Both are redrawn by a small thread, so
the clock and the waiting host keep moving while one slow page or large
sitemap holds the pass up.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Sequence
from typing import IO, Any

log = logging.getLogger("factwatch.pipeline")  # the pass's progress lines (-v)


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:,} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1000  # type: ignore[assignment]
    return str(n)


class ItemProgress:
    def __init__(
        self,
        items: Sequence[str],
        *,
        delay: float = 1.0,
        tick: float = 0.25,
        stream: IO[str] | None = None,
    ):
        self.items = items
        self.delay = delay
        self.tick = tick
        self.stream = stream or sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.bar: Any = None
        self.item = ""
        self.size: int | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> ItemProgress:
        if not self.enabled:
            return self
        from tqdm import tqdm

        self.bar = tqdm(
            total=len(self.items),
            unit="page",
            file=self.stream,
            delay=self.delay,
            miniters=0,  # update(0) from the ticker redraws the line
            mininterval=self.tick,
            leave=False,
            dynamic_ncols=True,
        )
        self._thread = threading.Thread(target=self._run, name="progress", daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(self.tick):
            self.bar.update(0)

    def start(self, item: str) -> None:
        self.item, self.size = item, None
        self.stage("reading")

    def stage(self, name: str, *, size: int | None = None) -> None:
        if size is not None:
            self.size = size
        if self.bar is None:
            return
        what = f" ({_size(self.size)})" if self.size is not None else ""
        self.bar.set_description_str(f"{self.item}: {name}{what}", refresh=False)

    def done(self) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self.bar is not None:
            self.bar.close()


class PassBar:
    """One stage of a pass (sources discovered, pages fetched) as a progress bar.

    ``detail`` replaces the bar's label ("discovering courier: 3 sitemaps read,
    12,000 links").  Whenever a request has been in flight longer than
    ``slow_after`` seconds the bar says which host it is waiting on.  Off a
    terminal (or with ``enabled`` false) it writes an info log line per tenth
    of the work instead (seen with -v)."""

    def __init__(
        self,
        total: int,
        *,
        enabled: bool,
        fetcher: Any = None,
        unit: str = "page",
        verb: str = "fetched",
        stream: IO[str] | None = None,
        slow_after: float = 2.0,
        tick: float = 0.5,
    ):
        self.fetcher = fetcher
        self.stream = stream or sys.stderr
        self.enabled = enabled and bool(getattr(self.stream, "isatty", lambda: False)())
        self.total, self.done, self.unit, self.verb = total, 0, unit, verb
        self.slow_after, self.tick = slow_after, tick
        self.bar: Any = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        if self.enabled:
            from tqdm import tqdm

            self.bar = tqdm(
                total=total,
                unit=unit,
                desc=verb,
                file=self.stream,
                miniters=0,  # update(0) from the ticker redraws the line
                mininterval=tick,
                dynamic_ncols=True,
            )
            self._thread = threading.Thread(target=self._run, name="progress", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.tick):
            self.bar.set_postfix_str(self.waiting_on(), refresh=False)
            self.bar.update(0)

    def waiting_on(self) -> str:
        """'waiting on HOST for Ns' for the longest request past ``slow_after``, else ''."""
        steps = self.fetcher.waiting() if self.fetcher is not None else []
        if not steps or steps[0][2] < self.slow_after:
            return ""
        host, _url, seconds = steps[0]
        others = f" (+{len(steps) - 1} more)" if len(steps) > 1 else ""
        return f"waiting on {host.split('://', 1)[-1]} for {seconds:.0f}s{others}"

    def detail(self, text: str) -> None:
        if self.bar is not None:
            self.bar.set_description_str(text, refresh=False)

    def update(self, n: int) -> None:
        self.done += n
        if self.bar is not None:
            self.bar.update(n)
            return
        step = max(1, self.total // 10)
        if self.done % step == 0 or self.done == self.total:
            log.info("%s %d/%d %ss", self.verb, self.done, self.total, self.unit)

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self.bar is not None:
            self.bar.close()
