"""A small news site for end-to-end pass tests: articles, an RSS feed and a config."""

from __future__ import annotations

from pathlib import Path

from factwatch.core.records import SourceConfig
from factwatch.core.settings import Config, Politeness, Safety, Schedule, Topic

ROOT = Path(__file__).resolve().parents[1]
FACTS = ROOT / "facts" / "unite-2017.toml"

WORDS = (
    "council budget river bridge school library transport housing market harbour festival "
    "museum hospital station garden theatre factory college stadium orchard"
).split()


def article_text(i: int, extra: str = "") -> list[str]:
    """Three distinct paragraphs for article ``i``."""
    w = [WORDS[(i * 7 + k) % len(WORDS)] for k in range(6)]
    return [
        f"Report number {i}: the {w[0]} committee met on Tuesday to discuss the {w[1]} plan, "
        f"which residents of ward {i} have followed closely for several months now.",
        f"Officials said the {w[2]} and the {w[3]} would both be reviewed before the summer, "
        f"and that a decision on item {i * 13} was expected after a public consultation.",
        f"Local groups welcomed the {w[4]} proposal but warned that the {w[5]} needed more "
        f"money. {extra}".strip(),
    ]


def article_html(i: int, *, title: str | None = None, extra: str = "") -> str:
    title = title or f"Story {i} about the {WORDS[i % len(WORDS)]}"
    body = "\n".join(f"<p>{p}</p>" for p in article_text(i, extra))
    return (
        f"<!doctype html><html><head><title>{title}</title>"
        f'<meta property="og:site_name" content="Test Courier"></head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}</article>"
        f"<footer>Copyright Test Courier</footer></body></html>"
    )


def rss(urls: list[str], *, title: str = "Test Courier") -> str:
    items = "".join(
        f"<item><title>Item {n}</title><link>{u}</link></item>" for n, u in enumerate(urls)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>http://example.org/</link>{items}</channel></rss>"
    )


def make_config(db_path: Path, sources: list[SourceConfig], **politeness) -> Config:
    """A config for tests: fast politeness, loopback allowed, no topic filter."""
    opts = dict(
        per_host_delay=0.0,
        retries=0,
        backoff=0.01,
        connect_timeout=2.0,
        read_timeout=2.0,
        total_timeout=4.0,
        concurrency=4,
    )
    opts.update(politeness)
    return Config(
        database=str(db_path),
        facts=[str(FACTS)],
        politeness=Politeness(**opts),
        safety=Safety(allow_loopback=True),
        topic=Topic(enabled=False),
        schedule=Schedule(every="30m", min_source_interval="15m", max_source_interval="24h"),
        sources=sources,
    )


def config_toml(db_path: Path, feed_url: str, *, workers: int | None = None, **politeness) -> str:
    """The same settings as make_config, as a config.toml for the command line."""
    opts = dict(
        per_host_delay=0.0,
        retries=0,
        backoff=0.01,
        connect_timeout=2.0,
        read_timeout=2.0,
        total_timeout=4.0,
        concurrency=4,
    )
    opts.update(politeness)
    lines = ["[database]", f'path = "{db_path}"', "[facts]", f'files = ["{FACTS}"]', "[politeness]"]
    lines += [f"{k} = {v!r}" for k, v in opts.items()]
    if workers is not None:
        lines += ["[processing]", f"workers = {workers}"]
    lines += [
        "[safety]",
        "allow_loopback = true",
        "[topic]",
        "enabled = false",
        "[[sources]]",
        'name = "courier"',
        'kind = "feed"',
        f'url = "{feed_url}"',
    ]
    return "\n".join(lines) + "\n"
