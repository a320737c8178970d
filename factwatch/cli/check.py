"""CLI: check (flag misleading claims in files or URLs without storing anything)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from factwatch.cli.context import handle_errors
from factwatch.cli.pages import read_page
from factwatch.core.encoding import decode_body
from factwatch.core.errors import ExtractionError, FactwatchError
from factwatch.core.kinds import kinds
from factwatch.core.records import Article
from factwatch.core.segment import join_paragraphs, segment
from factwatch.core.settings import BUNDLED_FACTS


def _facts_paths(obj, given: tuple[str, ...]) -> list[str]:
    if given:
        return list(given)
    config = obj.config
    paths = list(config.facts)
    if config.path is None and not all(Path(p).exists() for p in paths):
        return [str(BUNDLED_FACTS)]
    return paths


def _article_from_text(text: str, where: str):
    blocks = [b for b in text.replace("\r\n", "\n").split("\n\n")]
    if len(blocks) == 1:
        blocks = text.splitlines()
    body, paragraphs = join_paragraphs(blocks)
    if not body:
        raise ExtractionError(f"{where}: the file holds no text")
    title = paragraphs[0].text if paragraphs else ""
    article = Article(url=where, canonical_url=where, title=title, text=body, paragraphs=paragraphs)
    article.sentences = segment(paragraphs, body)
    return article


def _looks_html(data: bytes, name: str) -> bool:
    if name.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype", b"<html")) or b"<body" in head or b"<p>" in head


def _load(item: str, obj):
    """Return an Article for a path or URL, or raise FactwatchError naming it."""
    from factwatch.scraper.extract import extract

    page = read_page(item, obj.config)
    if page.text is not None:  # fetched: decoded with the response's charset
        if "html" in page.content_type or _looks_html(page.body, item):
            return extract(page.text, url=item)
        return _article_from_text(page.text, item)
    if _looks_html(page.body, Path(item).name):
        return extract(page.body, url=item)
    return _article_from_text(decode_body(page.body), item)


def _table(rows: list[dict]) -> str:
    if not rows:
        return "No findings."
    lines = []
    for r in rows:
        who = f" [{r['speaker']}]" if r.get("speaker") else ""
        quote = r["quote"] if len(r["quote"]) <= 110 else r["quote"][:107] + "..."
        lines.append(f"{r['article']}:{r['start']}: {r['kind']} ({r['severity']}){who}")
        lines.append(f'    "{quote}"')
        lines.append(f"    {r['explanation']}")
        if r.get("correction"):
            lines.append(f"    Fact: {r['correction']}")
    return "\n".join(lines)


@click.command()
@click.argument("items", nargs=-1, required=True, metavar="PATH_OR_URL...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--facts",
    "facts_files",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Facts file (repeatable; default: the config's facts files).",
)
@click.pass_obj
@handle_errors
def check(obj, items: tuple[str, ...], fmt: str, facts_files: tuple[str, ...]) -> None:
    """Check HTML or text files, or URLs, for misleading claims; store nothing.

    Exit status: 0 nothing flagged, 1 something flagged, 2 error (as linters do).
    Findings of a kind that only records (challenged_claim: a false claim the
    article itself rebuts; see factwatch/core/kinds.toml) are listed but do not
    count as flagged.

    \b
    Example:
        factwatch check article.html https://example.org/news/unite --format json
    """
    from factwatch.claims.facts import load_facts
    from factwatch.claims.matcher import Matcher

    matcher = Matcher(load_facts(_facts_paths(obj, facts_files)))
    rows: list[dict] = []
    errors: list[str] = []
    for item in items:
        try:
            article = _load(item, obj)
        except FactwatchError as exc:
            errors.append(str(exc))
            continue
        for finding in matcher.check(article):
            rows.append({"article": item, **finding.to_dict()})
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        click.echo(_table(rows))
    for message in errors:
        click.echo(f"Error: {message}", err=True)
    if errors:
        raise SystemExit(2)
    raise SystemExit(1 if any(kinds().flags(r["kind"]) for r in rows) else 0)


COMMANDS = [check]
