"""Stop a pass cleanly on SIGTERM or SIGINT (cron, systemd, Ctrl-C).

The first signal sets a stop event: the pass finishes the article it is
storing and ends.  A second signal restores the default handler and re-raises,
so the process stops at once.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger("factwatch.jobs.signals")


def install_stop_signals(stop_event: threading.Event) -> Callable[[], None]:
    """SIGTERM/SIGINT set ``stop_event`` (a second one restores the default and
    re-raises it).  Returns a function restoring the previous handlers."""
    signums = (signal.SIGTERM, signal.SIGINT)
    previous = {s: signal.getsignal(s) for s in signums}

    def handler(signum: int, frame: Any) -> None:
        if stop_event.is_set():
            signal.signal(signum, signal.SIG_DFL)
            signal.raise_signal(signum)
            return
        log.warning("%s received: stopping after the current article", signal.Signals(signum).name)
        stop_event.set()

    for s in signums:
        signal.signal(s, handler)

    def restore() -> None:
        for s, h in previous.items():
            signal.signal(s, h)

    return restore
