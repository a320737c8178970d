"""Run many fetches on one thread pool, host by host, as each host allows.

Jobs wait in one queue per host.  The dispatcher (the thread iterating the
results) starts, while a worker is free, a step of the job whose host is ready
soonest: the host has no step in flight, its next slot has come (per-host
delay, Crawl-delay, Retry-After) and the job's own backoff has passed.  One
step in flight per host also means a request that leaves late (a slow worker,
a slow connect) pushes the next one back instead of bunching up with it.  A worker therefore never
sleeps on a busy host while another host is ready; it performs one request
(robots.txt, a page, a redirect hop or a retry) and hands the job back.

Records and results are handed to the caller in the dispatcher thread.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import Protocol

from factwatch.core.records import FetchResult
from factwatch.core.settings import Politeness
from factwatch.scraper.ratelimit import HostLimiter
from factwatch.scraper.robots import FETCHING, RobotsCache
from factwatch.scraper.steps import FetchRecord, FetchRequest, Job, Plan, Step


class StepRunner(Protocol):
    """What the pool needs of ``scraper.fetch.Fetcher``: it plans and performs
    the steps; the pool only decides which job goes next."""

    politeness: Politeness
    limiter: HostLimiter
    robots: RobotsCache

    def new_job(self, request: FetchRequest) -> Job: ...
    def plan(self, job: Job) -> Plan: ...
    def perform(self, job: Job, plan: Plan) -> Step: ...
    def record(self, job: Job, result: FetchResult) -> FetchRecord: ...
    def emit(self, records: list[FetchRecord]) -> None: ...


class HostPool:
    """The dispatcher state for one ``fetch_many`` call."""

    def __init__(self, fetcher: StepRunner):
        self.fetcher = fetcher
        self.queues: dict[str, deque[Job]] = {}
        self.finished: deque[FetchResult] = deque()
        self.busy: set[str] = set()  # hosts with a step in flight

    def add(self, job: Job) -> None:
        """Queue ``job`` under the host of its next step, or finish it now."""
        plan = self.fetcher.plan(job)
        if plan.kind == "finish":
            assert plan.result is not None
            self.fetcher.emit([self.fetcher.record(job, plan.result)])
            self.finished.append(plan.result)
            return
        self.queues.setdefault(plan.host, deque()).append(job)

    def pending(self) -> bool:
        return any(self.queues.values())

    def pick(self, now: float) -> tuple[Job, Plan] | float | None:
        """The next ready job and its plan, else when one will be ready (None: unknown)."""
        while True:
            found = self._soonest(now)
            if found is None or isinstance(found, float):
                return found
            host, index = found
            queue = self.queues[host]
            job = queue[index]
            del queue[index]
            plan = self.fetcher.plan(job)
            if plan.kind == "finish" or plan.host != host:
                self.add(job)  # robots.txt became known meanwhile
                continue
            if plan.kind == "robots" and not self.fetcher.robots.claim(host):
                queue.appendleft(job)  # another thread is fetching it
                continue
            if not self.fetcher.limiter.try_acquire(host):
                if plan.kind == "robots":
                    self.fetcher.robots.release(host)
                queue.appendleft(job)  # a plain fetch() in another thread took the slot
                continue
            return job, plan

    def _soonest(self, now: float) -> tuple[str, int] | float | None:
        """(host, index in its queue) of a ready job, else the soonest ready time."""
        limiter, robots = self.fetcher.limiter, self.fetcher.robots
        best: tuple[str, int] | None = None
        best_time: float | None = None
        for host, queue in self.queues.items():
            if not queue or host in self.busy or robots.state(host) == FETCHING:
                continue
            index, not_before = 0, queue[0].not_before
            for i, job in enumerate(queue):
                if job.not_before <= now:
                    index, not_before = i, job.not_before
                    break
                if job.not_before < not_before:
                    index, not_before = i, job.not_before
            at = max(limiter.ready_at(host), not_before)
            if best_time is None or at < best_time:
                best, best_time = (host, index), at
        if best is None or best_time is None:
            return None
        return best if best_time <= now else best_time


def run_many(fetcher: StepRunner, requests: Iterable[FetchRequest]) -> Iterator[FetchResult]:
    """Generator behind :meth:`Fetcher.fetch_many`."""
    pool = HostPool(fetcher)
    for request in requests:
        pool.add(fetcher.new_job(request))
    workers = max(1, fetcher.politeness.concurrency)
    executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="fetch")
    in_flight: InFlight = {}
    try:
        while pool.finished or pool.pending() or in_flight:
            while pool.finished:
                yield pool.finished.popleft()
            next_at = _start_ready(pool, executor, in_flight, workers)
            if pool.finished:
                continue
            timeout = None if next_at is None else max(0.0, next_at - time.monotonic())
            if not in_flight:
                # None: only hosts whose robots.txt another thread is fetching.
                time.sleep(0.01 if timeout is None else timeout)
                continue
            done, _ = wait(list(in_flight), timeout=timeout, return_when=FIRST_COMPLETED)
            _collect(pool, done, in_flight)
    finally:
        # The caller stopped early (or a step failed): finish what is running,
        # drop what has not started, and record what was fetched.
        executor.shutdown(wait=True, cancel_futures=True)
        _settle(fetcher, in_flight)


InFlight = dict[Future[Step], tuple[Job, Plan]]


def _start_ready(
    pool: HostPool, executor: ThreadPoolExecutor, in_flight: InFlight, workers: int
) -> float | None:
    """Start steps while a worker is free; when none is ready, when one will be."""
    while len(in_flight) < workers:
        picked = pool.pick(time.monotonic())
        if picked is None or isinstance(picked, float):
            return picked
        job, plan = picked
        pool.busy.add(plan.host)
        in_flight[executor.submit(pool.fetcher.perform, job, plan)] = (job, plan)
    return None


def _collect(pool: HostPool, done: set[Future[Step]], in_flight: InFlight) -> None:
    """Hand finished steps' records out; queue their jobs again or finish them."""
    for future in done:
        job, plan = in_flight.pop(future)
        pool.busy.discard(plan.host)
        step = _result(pool.fetcher, future, plan)
        pool.fetcher.emit(step.records)
        if step.result is not None:
            pool.finished.append(step.result)
        else:
            pool.add(job)


def _settle(fetcher: StepRunner, in_flight: InFlight) -> None:
    """After a stop: record the steps that ran, release robots.txt claims of the rest."""
    for future, (_job, plan) in in_flight.items():
        if future.cancelled() or future.exception() is not None:
            if plan.kind == "robots":
                fetcher.robots.release(plan.host)
        else:
            fetcher.emit(future.result().records)


def _result(fetcher: StepRunner, future: Future[Step], plan: Plan) -> Step:
    try:
        return future.result()
    except BaseException:
        if plan.kind == "robots":
            fetcher.robots.release(plan.host)
        raise
