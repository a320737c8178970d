"""Settings types: what config.toml holds, as plain dataclasses.

``factwatch.config`` reads and validates the file into these; the stages below
it (scraper, claims, db, rebuttals) take them as arguments and never read the
file themselves.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from factwatch.core.records import SourceConfig
from factwatch.core.resources import as_path

LIVE_KINDS = ("feed", "sitemap", "urls", "listing")
ARCHIVE_KINDS = ("wayback", "commoncrawl", "warc", "guardian")  # read by `factwatch backcheck`
SOURCE_KINDS = LIVE_KINDS + ARCHIVE_KINDS
MATCH_TYPES = ("exact", "prefix", "host", "domain")
# The facts file shipped with factwatch (package data), used by the demo and by
# `check` when no config names facts files.
BUNDLED_FACTS = as_path("factwatch", "facts", "unite-2017.toml")


@dataclass
class Politeness:
    user_agent: str = "factwatch/0.1 (+mailto:factwatch@example.org)"
    per_host_delay: float = 1.0  # seconds between requests to one host
    concurrency: int = 4  # worker threads across all hosts
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0  # wall-clock cap for one response, trickling included
    max_bytes: int = 5_000_000  # cap on (decompressed) body size
    max_redirects: int = 5
    retries: int = 3
    backoff: float = 1.0  # base seconds for exponential backoff
    max_retry_after: float = 120.0  # longest Retry-After we wait for within a pass
    obey_robots: bool = True


@dataclass
class Safety:
    allow_loopback: bool = False  # the demo and tests turn this on
    allow_private: bool = False
    allowed_schemes: list[str] = field(default_factory=lambda: ["http", "https"])


@dataclass
class Topic:
    enabled: bool = True
    keywords: list[str] = field(default_factory=list)  # added to the facts file's terms
    min_matches: int = 2  # distinct terms an article must mention to be kept


@dataclass
class Schedule:
    every: str = "30m"
    min_source_interval: str = "15m"
    max_source_interval: str = "24h"


@dataclass
class Webhook:
    url: str = ""
    timeout: float = 10.0
    retries: int = 3


@dataclass
class Email:
    host: str = ""
    port: int = 25
    sender: str = ""
    to: list[str] = field(default_factory=list)
    username: str = ""
    password: str = ""
    starttls: bool = False
    timeout: float = 10.0
    retries: int = 3


@dataclass
class Alerts:
    webhook: Webhook = field(default_factory=Webhook)
    email: Email = field(default_factory=Email)


def cores() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass
class Processing:
    # Processes that extract and check pages (and recheck articles); 1 does
    # that work in the pass's own process.  Fetching stays in one polite
    # fetcher and storing in one writer whatever the number.
    workers: int = field(default_factory=cores)


@dataclass
class Rebuttals:
    templates: str = ""  # folder whose *.j2 files override the bundled templates
    organisation: str = "factwatch"
    signature: str = "The press office"


@dataclass
class Config:
    path: Path | None = None
    database: str = "factwatch.db"
    facts: list[str] = field(default_factory=lambda: [str(BUNDLED_FACTS)])
    politeness: Politeness = field(default_factory=Politeness)
    safety: Safety = field(default_factory=Safety)
    topic: Topic = field(default_factory=Topic)
    schedule: Schedule = field(default_factory=Schedule)
    alerts: Alerts = field(default_factory=Alerts)
    processing: Processing = field(default_factory=Processing)
    rebuttals: Rebuttals = field(default_factory=Rebuttals)
    sources: list[SourceConfig] = field(default_factory=list)
