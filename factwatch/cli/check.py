"""CLI: check (flag misleading claims in files or URLs without storing anything)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from factwatch.cli.context import handle_errors
from factwatch.cli.pages import read_page
from factwatch.core.encoding import decode_body
from factwatch.core.errors import ExtractionError, FactwatchError
from factwatch.core.kinds import kinds
from factwatch.core.records import Article
from factwatch.core.segment import join_paragraphs, segment
from factwatch.core.settings import BUNDLED_FACTS
from factwatch.progress import ItemProgress


def _facts_paths(obj, given: tuple[str, ...]) -> list[str]:
    if given:
        return list(given)
    config = obj.config
    paths = list(config.facts)
    if config.path is None and not all(Path(p).exists() for p in paths):
        return [str(BUNDLED_FACTS)]
    return paths


def _article_from_text(text: str, where: str) -> Article:
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


@dataclass
class Checked:
    """One page as read: its article and the text it came from (for line numbers)."""

    article: Article
    source: str


def _load(item: str, obj, max_bytes: int | None, progress: ItemProgress) -> Checked:
    """Read and extract one path or URL, or raise FactwatchError naming it."""
    from factwatch.scraper.extract import extract

    progress.stage("reading")
    page = read_page(item, obj.config, max_bytes=max_bytes)
    progress.stage("extracting", size=len(page.body))
    if page.text is not None:  # fetched: decoded with the response's charset
        if "html" in page.content_type or _looks_html(page.body, item):
            return Checked(extract(page.text, url=item), page.text)
        return Checked(_article_from_text(page.text, item), page.text)
    text = decode_body(page.body)
    if _looks_html(page.body, Path(item).name):
        return Checked(extract(text, url=item), text)
    return Checked(_article_from_text(text, item), text)


_GAP = r"(?:\s|<[^>]*>)+"  # what may stand between two words of a quote in the source


class Lines:
    """Line numbers in a page's source for statements of its article.

    A quote is found by its first words, allowing tags and line breaks between
    them (HTML source), taking the same occurrence as in the article (the
    third time the words appear in the text is the third time in the source).
    None when the words are written differently there (entities, say)."""

    def __init__(self, source: str, article: Article):
        self.source, self.article = source, article
        self._found: dict[tuple[str, ...], tuple[list[int], list[int]]] = {}

    def line(self, start: int, quote: str) -> int | None:
        words = tuple(quote.split()[:8])
        if not words:
            return None
        if words not in self._found:
            pattern = re.compile(_GAP.join(re.escape(w) for w in words))
            self._found[words] = (
                [m.start() for m in pattern.finditer(self.article.text)],
                [m.start() for m in pattern.finditer(self.source)],
            )
        in_text, in_source = self._found[words]
        nth = sum(1 for at in in_text if at < start)
        if nth >= len(in_source):
            return None
        return self.source.count("\n", 0, in_source[nth]) + 1


def paragraph_number(article: Article, start: int) -> int | None:
    """The 1-based number of the paragraph holding offset ``start`` (as `extract` lists them)."""
    for number, paragraph in enumerate(article.paragraphs, 1):
        if paragraph.start <= start < max(paragraph.end, paragraph.start + 1):
            return number
    return None


def _where(row: dict[str, Any]) -> str:
    """`file:LINE:` as editors and compilers write it, or `file:` when there is no line."""
    line = row.get("_line")
    return f"{row['article']}:{line}:" if line else f"{row['article']}:"


def _table(rows: list[dict[str, Any]]) -> str:
    lines = []
    for r in rows:
        who = f" [{r['speaker']}]" if r.get("speaker") else ""
        quote = r["quote"] if len(r["quote"]) <= 110 else r["quote"][:107] + "..."
        para = f", paragraph {r['_paragraph']}" if r.get("_paragraph") else ""
        lines.append(f"{_where(r)} {r['kind']} ({r['severity']}{para}){who}")
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
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    help="Largest page read, in bytes (default: politeness.max_bytes, 5,000,000).",
)
@click.pass_obj
@handle_errors
def check(
    obj,
    items: tuple[str, ...],
    fmt: str,
    facts_files: tuple[str, ...],
    max_bytes: int | None,
) -> None:
    """Check HTML or text files, or URLs, for misleading claims; store nothing.

    Exit status: 0 nothing flagged, 1 something flagged, 2 error (as linters do).
    Findings of a kind that only records (challenged_claim: a false claim the
    article itself rebuts; see factwatch/core/kinds.toml) are listed but do not
    count as flagged.  Table lines read FILE:LINE: KIND (SEVERITY, paragraph N),
    the line of the page's source where the statement starts.  Binary files,
    and files over the byte cap, are refused.  On a terminal, long work shows
    its progress on stderr.

    \b
    Example:
        factwatch check article.html https://example.org/news/election-result --format json
    """
    from factwatch.claims.facts import load_facts
    from factwatch.claims.matcher import Matcher

    matcher = Matcher(load_facts(_facts_paths(obj, facts_files)))
    rows: list[dict[str, Any]] = []
    errors: list[str] = []
    with ItemProgress(items) as progress:
        for item in items:
            progress.start(item)
            try:
                checked = _load(item, obj, max_bytes, progress)
            except FactwatchError as exc:
                errors.append(str(exc))
                progress.done()
                continue
            progress.stage("checking")
            lines = Lines(checked.source, checked.article)
            for finding in matcher.check(checked.article):
                row = {"article": item, **finding.to_dict()}
                row["_line"] = lines.line(finding.start, finding.quote)
                row["_paragraph"] = paragraph_number(checked.article, finding.start)
                rows.append(row)
            progress.done()
    if fmt == "json":
        public = [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]
        click.echo(json.dumps(public, ensure_ascii=False, indent=1))
    elif rows:
        click.echo(_table(rows))
    elif not errors:
        click.echo("No findings.")
    for message in errors:
        click.echo(f"Error: {message}", err=True)
    if errors:
        raise SystemExit(2)
    raise SystemExit(1 if any(kinds().flags(r["kind"]) for r in rows) else 0)


COMMANDS = [check]
