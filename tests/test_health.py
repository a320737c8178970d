"""Source health: weighted failures, exponential backoff, disabling, re-enabling, due times."""

from __future__ import annotations

import datetime as dt

import pytest

from factwatch.core.errors import NotFoundError
from factwatch.core.records import SourceConfig
from factwatch.core.settings import Schedule
from factwatch.jobs import health
from factwatch.pipeline import SourceReport

NOW = dt.datetime(2026, 5, 1, 12, 0, tzinfo=dt.UTC)
SCHEDULE = Schedule(every="30m", min_source_interval="15m", max_source_interval="24h")
SOURCE = SourceConfig(name="courier", kind="feed", url="http://127.0.0.1:9/feed.xml")


def failed(kind: str) -> SourceReport:
    r = SourceReport("courier", discovery_error="feed unreachable")
    r.fail(SOURCE.url, kind, f"{kind} trouble")
    return r


def healthy() -> SourceReport:
    return SourceReport("courier", discovered=3, fetched=3, stored=3)


@pytest.fixture
def src(db):
    health.due_sources(db, [SOURCE], now=NOW)  # registers the source
    return db


def record(db, report, now=NOW):
    return health.record_outcome(db, "courier", report, SCHEDULE, now=now)


def test_a_healthy_pass_keeps_the_source_ok_and_due_after_the_minimum_interval(src):
    row = record(src, healthy())
    assert (row["status"], row["failure_score"]) == ("ok", 0.0)
    assert row["next_fetch_at"] == health.iso(NOW + dt.timedelta(minutes=15))


def test_one_broken_article_in_a_healthy_source_does_not_count_as_a_failure(src):
    report = healthy()
    report.fetched += 1
    report.fail("http://127.0.0.1:9/gone", "hard", "HTTP 404")
    assert record(src, report)["failure_score"] == 0.0


def test_a_hard_failure_backs_the_source_off(src):
    row = record(src, failed("hard"))
    assert (row["status"], row["failure_score"], row["consecutive_failures"]) == ("backoff", 3, 1)
    assert row["next_fetch_at"] == health.iso(NOW + dt.timedelta(hours=1))
    assert "hard trouble" in row["last_error"]


def test_backoff_grows_exponentially(src):
    times = []
    for _ in range(3):
        row = record(src, failed("hard"))
        times.append(health.parse_time(row["next_fetch_at"]) - NOW)
    assert times == [dt.timedelta(hours=1), dt.timedelta(hours=2), dt.timedelta(hours=4)]


def test_temporary_failures_weigh_less_than_hard_ones(src):
    for _ in range(5):
        row = record(src, failed("temporary"))
    assert (row["status"], row["failure_score"]) == ("ok", 2.5)
    assert record(src, failed("temporary"))["status"] == "backoff"


def test_repeated_failures_disable_the_source_with_a_visible_reason(src):
    for _ in range(4):
        row = record(src, failed("hard"))
    assert row["status"] == "disabled"
    assert "4 failed passes" in row["disabled_reason"]
    assert "hard trouble" in row["disabled_reason"]
    assert "factwatch sources --enable courier" in row["disabled_reason"]


def test_a_source_disabled_by_temporary_faults_is_not_told_to_fix_its_config(src):
    for _ in range(24):
        row = record(src, failed("temporary"))
    assert row["status"] == "disabled"
    assert "nothing in config.toml needs changing" in row["disabled_reason"]
    assert "fix or remove" not in row["disabled_reason"]
    assert "factwatch sources --enable courier" in row["disabled_reason"]


def test_a_source_disabled_by_hard_faults_is_told_what_to_fix(src):
    for _ in range(4):
        row = record(src, failed("hard"))
    assert "fix or remove the source's URL in config.toml" in row["disabled_reason"]


def test_a_success_resets_the_score(src):
    record(src, failed("hard"))
    row = record(src, healthy())
    assert (row["status"], row["failure_score"], row["consecutive_failures"]) == ("ok", 0, 0)


def test_a_disabled_source_is_never_due(src):
    for _ in range(4):
        record(src, failed("hard"))
    due, later = health.due_sources(src, [SOURCE], only_due=False, now=NOW + dt.timedelta(days=9))
    assert (due, later) == ([], [SOURCE])


def test_a_source_is_not_due_before_its_next_fetch_time(src):
    record(src, healthy())
    due, _ = health.due_sources(src, [SOURCE], now=NOW + dt.timedelta(minutes=10))
    assert due == []
    due, _ = health.due_sources(src, [SOURCE], now=NOW + dt.timedelta(minutes=16))
    assert due == [SOURCE]


def test_enabling_a_disabled_source_makes_it_due_again(src):
    for _ in range(4):
        record(src, failed("hard"))
    row = health.enable_source(src, "courier")
    assert (row["status"], row["failure_score"], row["disabled_reason"]) == ("ok", 0, None)
    assert health.due_sources(src, [SOURCE], now=NOW)[0] == [SOURCE]


def test_enabling_an_unknown_source_names_the_known_ones(src):
    with pytest.raises(NotFoundError, match="'nope'.*known: courier"):
        health.enable_source(src, "nope")


def test_health_rows_show_the_status_columns(src):
    record(src, failed("hard"))
    (row,) = health.source_health_rows(src)
    assert row["name"] == "courier"
    assert row["status"] == "backoff"
    assert row["next_fetch_at"] and row["last_error"]


@pytest.mark.parametrize(
    ("ttl", "max_age", "expected"),
    [
        (3600, None, dt.timedelta(hours=1)),  # feed <ttl> honoured
        (None, 7200, dt.timedelta(hours=2)),  # Cache-Control max-age honoured
        (600, 5400, dt.timedelta(minutes=90)),  # the longer of the two
        (60, None, dt.timedelta(minutes=15)),  # raised to min_source_interval
        (30 * 86400, None, dt.timedelta(hours=24)),  # capped at max_source_interval
        (None, None, dt.timedelta(minutes=15)),  # no hint: every min interval
    ],
)
def test_next_fetch_time_honours_feed_hints_within_the_configured_range(ttl, max_age, expected):
    row = {"status": "ok", "failure_score": 0.0}
    assert health.next_fetch_time(row, ttl, max_age, SCHEDULE, now=NOW) == NOW + expected
