"""CLI: extract (show what the extractor gets from pages, files or URLs)."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from factwatch.cli.context import handle_errors
from factwatch.cli.pages import read_page
from factwatch.core.errors import ExtractionError, FactwatchError
from factwatch.core.records import Article


class PageError(Exception):
    """One page could not be read or extracted; the message names the page."""


def _read(page: str, config: Any, max_bytes: int | None) -> tuple[str | bytes, str]:
    """The page's HTML and the URL to extract it under."""
    try:
        got = read_page(page, config, max_bytes=max_bytes)
    except FactwatchError as exc:
        raise PageError(str(exc)) from None
    return (got.text if got.text is not None else got.body), got.url


def _extract(page: str, config: Any, max_bytes: int | None = None) -> Article:
    from factwatch.scraper.extract import extract

    html, url = _read(page, config, max_bytes)
    try:
        return extract(html, url=url)
    except ExtractionError as exc:
        message = str(exc).removeprefix(f"{url or 'page'}: ")  # named again below
        raise PageError(f"{page}: {message}") from None


def as_record(page: str, article: Article) -> dict[str, Any]:
    """The JSON object printed for one page."""
    return {
        "article": page,
        "url": article.url,
        "title": article.title,
        "authors": article.authors,
        "date": article.published,
        "outlet": article.outlet,
        "canonical_url": article.canonical_url,
        "language": article.language,
        "text": article.text,
        "body_start": article.metadata.get("body_start", 0),
        "paragraphs": [
            {"index": p.index, "start": p.start, "end": p.end, "text": p.text}
            for p in article.paragraphs
        ],
        "sentences": [
            {
                "index": s.index,
                "paragraph": s.paragraph,
                "start": s.start,
                "end": s.end,
                "text": s.text,
            }
            for s in article.sentences
        ],
        "asides": article.asides,
        "content_hash": article.content_hash,
        "simhash": format(article.simhash, "016x"),
        "jsonld": article.metadata.get("jsonld", {}),
    }


def as_text(page: str, article: Article) -> str:
    lines = [
        f"== {page}",
        f"Title:         {article.title}",
        f"Authors:       {'; '.join(article.authors)}",
        f"Date:          {article.published or ''}",
        f"Outlet:        {article.outlet}",
        f"Canonical URL: {article.canonical_url}",
        f"Language:      {article.language or ''}",
        f"Paragraphs:    {len(article.paragraphs)}, sentences: {len(article.sentences)}",
        "",
        article.text,
        "",
    ]
    return "\n".join(lines)


@click.command()
@click.argument("pages", nargs=-1, required=True, metavar="PATH_OR_URL...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json prints an array with one object per page.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    help="Largest page read, in bytes (default: politeness.max_bytes, 5,000,000).",
)
@click.pass_obj
@handle_errors
def extract(obj: Any, pages: tuple[str, ...], fmt: str, max_bytes: int | None) -> None:
    """Show what the extractor gets from pages: title, authors, date, outlet,
    canonical URL, language and the article text.

    PATH_OR_URL is an HTML file or an http(s) URL (fetched politely, with the
    safety settings of config.toml).  A page that fails is reported on stderr
    and the others are still shown; the exit status is then 1.

    \b
    Example:
        factwatch extract saved/article.html https://example.org/news/election-result
        factwatch extract --format json saved/*.html > pages.json
    """
    config = obj.config
    records, failed = [], False
    for page in pages:
        try:
            article = _extract(page, config, max_bytes)
        except PageError as exc:
            click.echo(f"Error: {exc}", err=True)
            failed = True
            continue
        if fmt == "json":
            records.append(as_record(page, article))
        else:
            click.echo(as_text(page, article))
    if fmt == "json":
        click.echo(json.dumps(records, indent=2, ensure_ascii=False))
    if failed:
        sys.exit(1)


COMMANDS = [extract]
