"""Run a picklable function over a stream of items on worker processes.

    with WorkPool(workers=4) as pool:
        for item, result in pool.map(process_page, pages, spec):
            writer.write_page(result)

Results come back in the order the items went in, so whoever consumes them
(the single writer) sees the same sequence whatever the number of workers,
and a parallel pass stores exactly what a serial one would.  At most
``window`` items are in flight, so memory stays flat and a slow writer slows
the producer instead of piling up results.  Items are pulled from the
iterable only as room frees up: a generator that fetches pages is paced by
the workers.

``workers == 1`` runs the function inline in this process, with no pool.
Otherwise the workers are processes started from a fork server (a clean
interpreter with the work modules imported once), so they inherit no open
files, database connections or locks from this process; each worker exits by
itself if this process dies (even by SIGKILL), so nothing is left behind.

``Prefetch`` pulls a slow iterable (pages being fetched) ahead on a thread,
into a bounded queue, so that it keeps going while the consumer is busy.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Generic, TypeVar, cast

T = TypeVar("T")
R = TypeVar("R")

PRELOAD = ["factwatch.work", "factwatch.scraper.extract", "factwatch.claims.matcher"]
WATCH_SECONDS = 0.5


def _started(pid: int) -> str | None:
    """When process ``pid`` started (None if it is gone or a zombie).  With the
    pid, it names one process: a pid reused later has another start time."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return None if fields[0] in ("Z", "X") else fields[19]


def _exit_with_owner(owner: int, started: str | None) -> None:
    """Worker initializer: end this worker once the process that owns the pool
    has gone (killed, even by SIGKILL).  The fork server and its workers keep
    each other alive, so each worker watches the owner itself."""

    def alive() -> bool:
        if started is None:  # no /proc: ask the kernel, which cannot see zombies
            try:
                os.kill(owner, 0)
            except ProcessLookupError:
                return False
            return True
        return _started(owner) == started

    def watch() -> None:
        while alive():
            time.sleep(WATCH_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="owner-watch", daemon=True).start()


def _start_worker(
    owner: int, started: str | None, warm: Callable[..., Any] | None, args: tuple[Any, ...]
) -> None:
    """Worker initializer: watch the owner, then ``warm(*args)`` (load what the
    work needs).  A failing warm-up is left for the work itself to report."""
    _exit_with_owner(owner, started)
    if warm is not None:
        try:
            warm(*args)
        except Exception:
            pass


class WorkPool:
    """An ordered, bounded map over worker processes (inline for one worker).

    ``warm(*warm_args)`` runs once in each worker as it starts (say, loading
    the facts), and ``start()`` starts the workers at once, so that their
    start-up overlaps what this process does before the first item."""

    def __init__(
        self,
        *,
        workers: int,
        window: int | None = None,
        warm: Callable[..., Any] | None = None,
        warm_args: tuple[Any, ...] = (),
    ):
        self.workers = max(1, workers)
        self.window = window or 4 * self.workers
        self.warm = warm
        self.warm_args = warm_args
        self._executor: ProcessPoolExecutor | None = None

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(PRELOAD)
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=context,
                initializer=_start_worker,
                initargs=(os.getpid(), _started(os.getpid()), self.warm, self.warm_args),
            )
        return self._executor

    def start(self) -> None:
        """Start every worker process now (nothing to start for one worker)."""
        if self.workers > 1:
            pool = self._pool()
            for _ in range(self.workers):  # a worker is started for each submission
                pool.submit(int)

    def submit(self, fn: Callable[..., R], item: Any, *args: Any) -> Future[R]:
        if self.workers == 1:
            future: Future[R] = Future()
            try:
                future.set_result(fn(item, *args))
            except BaseException as exc:
                future.set_exception(exc)
            return future
        return self._pool().submit(fn, item, *args)

    def map(
        self, fn: Callable[..., R], items: Iterable[T], *args: Any, chunk: int = 1
    ) -> Iterator[tuple[T, R]]:
        """``(item, fn(item, *args))`` for each item, in input order."""
        for batch in self.batches(fn, items, *args, chunk=chunk):
            yield from batch

    def batches(
        self, fn: Callable[..., R], items: Iterable[T], *args: Any, chunk: int = 1
    ) -> Iterator[list[tuple[T, R]]]:
        """As ``map``, in lists of the results that are ready together (at
        least one), so that a writer can store each list in one transaction.

        ``chunk`` items go to a worker at a time: cheap items (a stored
        article to recheck) then cost one hand-over per chunk rather than one
        each.  Leave it at 1 for items that arrive slowly (fetched pages)."""
        pending: deque[tuple[list[T], Future[list[R]]]] = deque()
        group: list[T] = []
        try:
            for item in items:
                group.append(item)
                if len(group) < chunk:
                    continue
                pending.append((group, self.submit(_apply, fn, group, args)))
                group = []
                if pending[0][1].done() or len(pending) >= self.window:
                    yield self._ready(pending)
            if group:
                pending.append((group, self.submit(_apply, fn, group, args)))
            while pending:
                yield self._ready(pending)
        finally:
            for _, future in pending:
                future.cancel()

    @staticmethod
    def _ready(pending: deque[tuple[list[T], Future[list[R]]]]) -> list[tuple[T, R]]:
        """The first pending results (waiting for them) and every done one after."""
        out: list[tuple[T, R]] = []
        while pending and (not out or pending[0][1].done()):
            group, future = pending.popleft()
            out.extend(zip(group, future.result(), strict=True))
        return out

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> WorkPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _apply(fn: Callable[..., R], items: list[Any], args: tuple[Any, ...]) -> list[R]:
    """Run ``fn`` over a chunk of items in a worker."""
    return [fn(item, *args) for item in items]


_DONE = object()


class Prefetch(Generic[T]):
    """``items``, pulled ahead by a thread of its own into a queue of ``size``.

        pages = Prefetch(fetcher.fetch_many(requests), size=16, stop=stop_event)
        try:
            for page in pages: ...
        finally:
            pages.close()

    The producer (a generator that fetches pages, say) then keeps going while
    the consumer is busy, instead of only when the consumer asks for the next
    item.  It stops pulling once ``stop`` is set or the consumer calls
    ``close()``, and then closes ``items`` in its own thread (a generator is
    closed by the thread that runs it).  An error in ``items`` is raised to
    the consumer."""

    def __init__(self, items: Iterator[T], *, size: int, stop: threading.Event | None = None):
        self.items = items
        self.stop = stop
        self.ready: queue.Queue[Any] = queue.Queue(maxsize=max(1, size))
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._produce, name="prefetch", daemon=True)
        self.thread.start()

    def __iter__(self) -> Prefetch[T]:
        return self

    def __next__(self) -> T:
        if self.done.is_set():
            raise StopIteration
        item = self.ready.get()
        if item is _DONE:
            self.done.set()
            raise StopIteration
        if isinstance(item, _Raised):
            self.done.set()
            raise item.error
        return cast(T, item)

    def close(self) -> None:
        """Stop the producer and wait for it (it finishes the item it is on)."""
        self.done.set()
        self.thread.join()

    def _put(self, item: Any) -> bool:
        while not self.done.is_set():
            try:
                self.ready.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def _produce(self) -> None:
        try:
            for item in self.items:
                if not self._put(item) or (self.stop is not None and self.stop.is_set()):
                    break
        except BaseException as exc:
            self._put(_Raised(exc))
        finally:
            close = getattr(self.items, "close", None)
            if close is not None:
                close()
            self._put(_DONE)


class _Raised:
    """An error raised by the items ``Prefetch`` pulls, carried to the consumer."""

    def __init__(self, error: BaseException):
        self.error = error
