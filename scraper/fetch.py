"""Fetch URLs politely: robots.txt, per-host spacing, retries, size and time caps.

    with Fetcher(config.politeness, config.safety, on_fetch=record) as fetcher:
        page = fetcher.fetch(url, etag=old_etag)
        for result in fetcher.fetch_many(FetchRequest(u, key=u) for u in urls):
            ...

Per-URL problems never raise: the FetchResult carries ``error`` (naming the URL
and the problem) and ``error_kind`` ("hard" | "soft" | "temporary").  Every
fetch, including each host's robots.txt, is reported once through ``on_fetch``
as a :class:`FetchRecord`, always in the thread that called ``fetch`` or is
iterating ``fetch_many`` (so the callback may write to a SQLite connection).

A fetch is a sequence of single requests ("steps"): the host's robots.txt if
not yet known, then the URL, then each redirect hop or retry.  Before a step
the URL is checked (scheme, addresses, robots rules) and a slot is taken from
the per-host limiter.  ``fetch`` runs the steps in the calling thread;
``fetch_many`` (see scraper.hostpool) runs steps of many fetches on a thread
pool, always starting the step whose host is ready soonest.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urldefrag, urljoin

import requests

from factwatch.core.encoding import charset_from_content_type
from factwatch.core.errors import (
    BlockedByRobots,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    RobotsUnavailable,
    TooManyRedirects,
    UnsafeURL,
)
from factwatch.core.records import FetchResult
from factwatch.core.settings import Politeness, Safety
from factwatch.scraper.hostpool import run_many
from factwatch.scraper.ratelimit import HostLimiter, host_key
from factwatch.scraper.robots import RobotsCache, RobotsRules, rules_from_result
from factwatch.scraper.robots import robots_url as _robots_url
from factwatch.scraper.safety import check_scheme, check_url
from factwatch.scraper.steps import FetchRecord, FetchRequest, Job, Plan, Step
from factwatch.scraper.transport import (
    build_session,
    check_content_type,
    parse_retry_after,
    read_body,
)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
DEFAULT_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
ROBOTS_ACCEPT = "text/plain,text/*;q=0.9"
# Added to every per-host gap.  Gaps are measured from the moment a request has
# been written to the socket; a busy server may notice it some milliseconds
# later (accepting the connection, starting a thread), and without a margin it
# could see a gap slightly below the delay.
GAP_MARGIN = 0.02


def _request_headers(request: FetchRequest) -> dict[str, str]:
    """Accept, the caller's extra headers and the conditional-GET validators."""
    accept = ROBOTS_ACCEPT if request.purpose == "robots" else DEFAULT_ACCEPT
    headers = {"Accept": request.accept or accept, **(request.headers or {})}
    if request.etag:
        headers["If-None-Match"] = request.etag
    if request.last_modified:
        headers["If-Modified-Since"] = request.last_modified
    return headers


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Fetcher:
    """A polite, thread-safe HTTP fetcher over one requests.Session."""

    def __init__(
        self,
        politeness: Politeness,
        safety: Safety,
        *,
        on_fetch: Callable[[FetchRecord], None] | None = None,
    ):
        self.politeness = politeness
        self.safety = safety
        self.on_fetch = on_fetch
        self.limiter = HostLimiter(politeness.per_host_delay, margin=GAP_MARGIN)
        self._trusted: set[str] = set()
        self.session = build_session(
            politeness, safety, on_sent=self.limiter.started, trusted=self.is_trusted
        )
        self.robots = RobotsCache()
        # Requests in flight at once, across every thread that calls fetch()
        # and the fetch_many pool alike.
        self._in_flight = threading.BoundedSemaphore(max(1, politeness.concurrency))
        self._random = random.Random()
        self._lock = threading.Lock()
        self._waiting_since: dict[int, tuple[str, str, float]] = {}  # thread -> host, url, t0

    # -- public interface -------------------------------------------------

    def fetch(
        self,
        url: str,
        *,
        purpose: str = "article",
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> FetchResult:
        """Fetch one URL in the calling thread; never raises for per-URL problems."""
        request = FetchRequest(url, purpose, etag, last_modified, accept=accept, headers=headers)
        result, records = self.run(self.new_job(request))
        self.emit(records)
        return result

    def fetch_many(self, requests: Iterable[FetchRequest]) -> Iterator[FetchResult]:
        """Fetch concurrently (``concurrency`` threads), yielding results as they finish.

        Hosts are served as they become ready, one request in flight per host;
        results come back in completion order, matched by ``request_key``."""
        return run_many(self, requests)

    def trust(self, url: str) -> None:
        """Let ``url``'s host (scheme, name and port exactly) through the address
        check, for a source the operator configured on, say, an intranet or
        loopback address.  Links found there to other hosts, or to the same
        address under another name, are still checked."""
        with self._lock:
            self._trusted.add(host_key(url))

    def is_trusted(self, host: str) -> bool:
        with self._lock:
            return host in self._trusted

    def waiting(self) -> list[tuple[str, str, float]]:
        """Requests in flight now, longest first: (host, url, seconds so far).
        For progress displays: a slow host shows here while its queue waits."""
        now = time.monotonic()
        with self._lock:
            steps = list(self._waiting_since.values())
        return sorted(((h, u, now - t) for h, u, t in steps), key=lambda s: -s[2])

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- steps ------------------------------------------------------------

    def new_job(self, request: FetchRequest) -> Job:
        retries = 0 if request.purpose == "robots" else self.politeness.retries
        return Job(request, request.url, seen=[request.url], max_retries=retries)

    def emit(self, records: list[FetchRecord]) -> None:
        if self.on_fetch is not None:
            for record in records:
                self.on_fetch(record)

    def plan(self, job: Job) -> Plan:
        """Decide the next step of ``job`` without touching the network."""
        url = job.current
        try:
            check_scheme(url, self.safety)
        except UnsafeURL as exc:
            return Plan("finish", result=self.finish(job, exc)[0])
        host = host_key(url)
        if self.politeness.obey_robots and job.request.purpose != "robots":
            rules = self.robots.get(host)
            if rules is None:
                return Plan("robots", host)
            if rules.verdict == "unavailable":
                err: FetchError = RobotsUnavailable(
                    f"{url}: not fetched: {host}/robots.txt is unavailable ({rules.reason}); "
                    "the host is tried again next pass",
                    url=url,
                )
                return Plan("finish", result=self.finish(job, err)[0])
            if not rules.allowed(url, self.politeness.user_agent):
                err = BlockedByRobots(
                    f"{url}: disallowed by {host}/robots.txt; not fetched", url=url
                )
                return Plan("finish", result=self.finish(job, err)[0])
        return Plan("request", host)

    def run(self, job: Job, *, slot_held: bool = False) -> tuple[FetchResult, list[FetchRecord]]:
        """Run all steps of ``job`` in this thread (blocking on the limiter)."""
        records: list[FetchRecord] = []
        while True:
            plan = self.plan(job)
            if plan.kind == "finish":
                assert plan.result is not None
                records.append(self.record(job, plan.result))
                return plan.result, records
            if plan.kind == "robots" and not self.robots.claim(plan.host):
                self.robots.wait(plan.host)
                continue
            wait = job.not_before - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                if not slot_held:
                    self.limiter.acquire(plan.host)
                slot_held = False
                step = self.perform(job, plan)
            except BaseException:
                if plan.kind == "robots":
                    self.robots.release(plan.host)
                raise
            records.extend(step.records)
            if step.result is not None:
                return step.result, records

    def perform(self, job: Job, plan: Plan) -> Step:
        """One network step for ``job``; the caller holds a slot for ``plan.host``."""
        try:
            if self.is_trusted(plan.host):
                check_scheme(job.current, self.safety)
            else:
                check_url(job.current, self.safety)
        except UnsafeURL as exc:
            if plan.kind == "robots":
                self.robots.release(plan.host)
            result, record = self.finish(job, exc)
            return Step(result, [record])
        except FetchError as exc:  # the host name does not resolve: try later
            if plan.kind == "robots":
                reason = str(exc).removeprefix(f"{job.current}: ")
                self.robots.store(RobotsRules(plan.host, "unavailable", reason))
                return Step()
            result, record = self.finish(job, exc)
            return Step(result, [record])
        if plan.kind == "robots":
            return self._robots_step(plan.host)
        return self._request_step(job, plan.host)

    def _robots_step(self, host: str) -> Step:
        sub = self.new_job(FetchRequest(_robots_url(host), purpose="robots"))
        result, records = self.run(sub, slot_held=True)
        rules = rules_from_result(host, result)
        self.robots.store(rules)
        delay = rules.crawl_delay(self.politeness.user_agent)
        if delay:
            self.limiter.set_delay(host, delay)
        return Step(None, records)

    def _request_step(self, job: Job, host: str) -> Step:
        with self._in_flight:
            return self._send(job, host)

    def _send(self, job: Job, host: str) -> Step:
        url = job.current
        headers = _request_headers(job.request)
        if job.attempts == 0:
            job.started_at, job.t0 = _now_iso(), time.monotonic()
        job.attempts += 1
        job.hop_attempts += 1
        self.limiter.before_send(host)
        start = time.monotonic()
        me = threading.get_ident()
        with self._lock:
            self._waiting_since[me] = (host, url, start)
        try:
            return self._exchange(job, host, url, headers, start)
        finally:
            with self._lock:
                self._waiting_since.pop(me, None)

    def _exchange(
        self, job: Job, host: str, url: str, headers: dict[str, str], start: float
    ) -> Step:
        pol = self.politeness
        try:
            resp = self.session.get(
                url,
                headers=headers,
                stream=True,
                allow_redirects=False,
                timeout=(pol.connect_timeout, pol.read_timeout),
            )
        except UnsafeURL as exc:
            return self._finish_step(job, UnsafeURL(f"{url}: {exc}", url=url))
        except requests.exceptions.ReadTimeout:
            err: FetchError = FetchTimeout(
                f"{url}: no response within {pol.read_timeout:g}s (politeness.read_timeout)",
                url=url,
            )
            return self._finish_step(job, err)
        except requests.exceptions.ConnectTimeout:
            err = FetchTimeout(f"{url}: could not connect within {pol.connect_timeout:g}s", url=url)
            return self._retry(job, host, err)
        except requests.exceptions.ConnectionError as exc:
            err = FetchError(f"{url}: connection failed ({_root_cause(exc)})", url=url)
            return self._retry(job, host, err)
        except requests.exceptions.RequestException as exc:
            return self._finish_step(job, FetchError(f"{url}: request failed ({exc})", url=url))
        try:
            return self._handle(job, host, resp, start)
        except FetchError as exc:
            return self._finish_step(job, exc, resp)
        finally:
            resp.close()

    def _handle(self, job: Job, host: str, resp: requests.Response, start: float) -> Step:
        url, status, pol = job.current, resp.status_code, self.politeness
        if status in REDIRECT_STATUSES and resp.headers.get("Location"):
            target = urldefrag(urljoin(url, resp.headers["Location"]))[0]
            chain = " -> ".join([*job.seen, target])
            if target in job.seen:
                raise TooManyRedirects(f"{job.request.url}: redirect loop: {chain}", status=status)
            if len(job.seen) - 1 >= pol.max_redirects:
                raise TooManyRedirects(
                    f"{job.request.url}: more than {pol.max_redirects} redirects "
                    f"(politeness.max_redirects): {chain}",
                    status=status,
                )
            job.seen.append(target)
            job.current, job.hop_attempts, job.not_before = target, 0, 0.0
            return Step()
        if status in RETRY_STATUSES:
            err = HTTPStatusError(
                f"{url}: HTTP {status} {resp.reason or ''}".rstrip(), url=url, status=status
            )
            return self._retry(job, host, err, parse_retry_after(resp.headers.get("Retry-After")))
        if status == 304:
            return self._finish_step(job, None, resp, body=b"", not_modified=True)
        if not 200 <= status < 300:
            raise HTTPStatusError(
                f"{url}: HTTP {status} {resp.reason or ''}".rstrip(), url=url, status=status
            )
        check_content_type(url, resp.headers.get("Content-Type", ""), job.request.purpose)
        body = read_body(
            resp,
            url=url,
            max_bytes=pol.max_bytes,
            deadline=start + pol.total_timeout,
            read_timeout=pol.read_timeout,
            total_timeout=pol.total_timeout,
        )
        return self._finish_step(job, None, resp, body=body)

    def _retry(
        self, job: Job, host: str, err: FetchError, retry_after: float | None = None
    ) -> Step:
        pol = self.politeness
        if retry_after is not None and retry_after > pol.max_retry_after:
            when = datetime.now(UTC) + timedelta(seconds=retry_after)
            msg = (
                f"{err}: server asks to retry after {retry_after:g}s, longer than "
                f"politeness.max_retry_after={pol.max_retry_after:g}s; "
                f"try again after {when:%Y-%m-%d %H:%M:%S} UTC"
            )
            return self._finish_step(job, HTTPStatusError(msg, url=err.url, status=err.status))
        if job.hop_attempts > job.max_retries:
            if job.hop_attempts > 1:
                err = type(err)(
                    f"{err} (gave up after {job.hop_attempts} attempts)",
                    url=err.url,
                    status=err.status,
                )
            return self._finish_step(job, err)
        if retry_after is not None:
            wait = retry_after
            self.limiter.defer(host, wait)
        else:
            with self._lock:
                jitter = self._random.uniform(0.5, 1.5)
            wait = pol.backoff * (2 ** (job.hop_attempts - 1)) * jitter
        job.not_before = time.monotonic() + wait
        return Step()

    # -- results ----------------------------------------------------------

    def _finish_step(
        self,
        job: Job,
        err: FetchError | None,
        resp: requests.Response | None = None,
        *,
        body: bytes = b"",
        not_modified: bool = False,
    ) -> Step:
        result, record = self.finish(job, err, resp, body=body, not_modified=not_modified)
        return Step(result, [record])

    def finish(
        self,
        job: Job,
        err: FetchError | None,
        resp: requests.Response | None = None,
        *,
        body: bytes = b"",
        not_modified: bool = False,
    ) -> tuple[FetchResult, FetchRecord]:
        """Build the final result and its record."""
        if not job.started_at:
            job.started_at, job.t0 = _now_iso(), time.monotonic()
        request = job.request
        result = FetchResult(
            url=request.url,
            final_url=job.current,
            elapsed=time.monotonic() - job.t0,
            request_key=request.key,
            attempts=job.attempts,
        )
        if resp is not None:
            headers = dict(resp.headers)
            content_type = resp.headers.get("Content-Type", "")
            result.status = resp.status_code
            result.headers = headers
            result.content_type = content_type
            result.encoding = charset_from_content_type(content_type)
            result.etag = resp.headers.get("ETag") or (request.etag if not_modified else None)
            result.last_modified = resp.headers.get("Last-Modified") or (
                request.last_modified if not_modified else None
            )
        if err is not None:
            result.error, result.error_kind = str(err), err.kind
            result.status = result.status or err.status
        else:
            result.body = body
            result.not_modified = not_modified
        return result, self.record(job, result)

    def record(self, job: Job, result: FetchResult) -> FetchRecord:
        return FetchRecord(
            url=result.url,
            final_url=result.final_url,
            purpose=job.request.purpose,
            started_at=job.started_at or _now_iso(),
            status=result.status,
            bytes=len(result.body),
            elapsed_ms=int(round(result.elapsed * 1000)),
            not_modified=result.not_modified,
            attempts=job.attempts,
            error=result.error,
            error_kind=result.error_kind,
        )


def _root_cause(exc: BaseException) -> str:
    """The innermost error behind requests' and urllib3's wrappers, briefly."""
    seen: set[int] = set()
    current: BaseException = exc
    while id(current) not in seen:
        seen.add(id(current))
        inner = getattr(current, "reason", None) or current.__cause__ or current.__context__
        if not isinstance(inner, BaseException):
            args = [a for a in current.args if isinstance(a, BaseException)]
            inner = args[0] if args else None
        if inner is None:
            break
        current = inner
    text = str(current)
    if ": " in text and text.startswith("<"):  # "<urllib3.connection...>: Failed to ..."
        text = text.split(": ", 1)[1]
    return text or type(current).__name__


def fetch(
    url: str,
    *,
    politeness: Politeness | None = None,
    safety: Safety | None = None,
    **kw: Any,
) -> FetchResult:
    """Fetch one URL with a throwaway :class:`Fetcher` (defaults from config).

    ``trusted=True`` lets the URL's own host through the address check, for a
    URL the user typed (as for configured sources); redirects elsewhere are
    still checked."""
    on_fetch = kw.pop("on_fetch", None)
    trusted = kw.pop("trusted", False)
    with Fetcher(politeness or Politeness(), safety or Safety(), on_fetch=on_fetch) as fetcher:
        if trusted:
            fetcher.trust(url)
        return fetcher.fetch(url, **kw)


__all__ = ["FetchRecord", "FetchRequest", "Fetcher", "fetch"]
