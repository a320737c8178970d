"""Pulling items ahead on a thread of their own (the fetched pages of a pass)."""

from __future__ import annotations

import threading
import time

import pytest

from factwatch.workpool import Prefetch


def counting(n: int, log: list[str], *, fail_at: int | None = None):
    """0..n-1, noting in ``log`` what it produced, where it ran and when it was closed."""
    try:
        for i in range(n):
            if i == fail_at:
                raise ValueError(f"item {i} is bad")
            log.append(f"made {i} on {threading.current_thread().name}")
            yield i
    finally:
        log.append(f"closed on {threading.current_thread().name}")


def test_every_item_comes_through_in_order():
    log: list[str] = []
    pulled = Prefetch(counting(50, log), size=4)
    assert list(pulled) == list(range(50))
    assert log[-1] == "closed on prefetch"


def test_items_are_pulled_ahead_by_no_more_than_the_queue_holds():
    log: list[str] = []
    pulled = Prefetch(counting(100, log), size=4)
    assert next(pulled) == 0
    time.sleep(0.5)  # the producer fills the queue while nobody takes from it
    made = sum(entry.startswith("made") for entry in log)
    pulled.close()
    # one taken, four queued, one made and waiting for room
    assert 5 <= made <= 6
    assert all(entry.endswith("on prefetch") for entry in log)


def test_closing_early_stops_the_producer_and_closes_it_in_its_own_thread():
    log: list[str] = []
    pulled = Prefetch(counting(10_000, log), size=2)
    assert [next(pulled) for _ in range(3)] == [0, 1, 2]
    pulled.close()
    assert log[-1] == "closed on prefetch"
    assert sum(entry.startswith("made") for entry in log) < 10
    with pytest.raises(StopIteration):
        next(pulled)


def test_a_stop_request_ends_the_pulling():
    log: list[str] = []
    stop = threading.Event()
    pulled = Prefetch(counting(10_000, log), size=1, stop=stop)
    assert next(pulled) == 0
    stop.set()
    rest = list(pulled)
    assert len(rest) <= 3 and log[-1] == "closed on prefetch"


def test_an_error_in_the_items_reaches_the_consumer_after_the_good_ones():
    log: list[str] = []
    pulled = Prefetch(counting(10, log, fail_at=3), size=4)
    got = []
    with pytest.raises(ValueError, match="item 3 is bad"):
        for item in pulled:
            got.append(item)
    assert got == [0, 1, 2]
    pulled.close()
