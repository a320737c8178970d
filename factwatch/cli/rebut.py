"""CLI: rebut, rebuttals, corrections, export, serve (a thin layer over rebuttals/)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

import click

from factwatch.cli.context import handle_errors
from factwatch.core.errors import FactwatchError

log = logging.getLogger("factwatch.cli.rebut")


def fact_texts(paths: list[str]) -> dict[str, dict[str, str]]:
    """Fact id -> {id, text, source} from the facts files, for drafts that list
    the facts in full.  Optional: drafts work from the findings alone when the
    facts cannot be read."""
    from factwatch.claims.facts import load_facts

    if not paths:
        return {}
    try:
        loaded = load_facts(paths)
    except (FactwatchError, OSError, TypeError, ValueError) as exc:
        log.info("facts not loaded for drafts: %s", exc)
        return {}
    items: Any = getattr(loaded, "facts", {})
    items = list(items.values()) if isinstance(items, dict) else list(items or [])
    items += list(getattr(loaded, "figures", []) or [])
    source_text = getattr(loaded, "source_text", None)
    out: dict[str, dict[str, str]] = {}
    for fact in items:
        fid = getattr(fact, "id", None)
        text = getattr(fact, "statement", None) or getattr(fact, "text", None)
        if not fid or not text:
            continue
        source = str(getattr(fact, "source", "") or "")
        if source and callable(source_text):
            try:
                source = str(source_text(source))
            except (KeyError, FactwatchError):
                pass
        out[str(fid)] = {"id": str(fid), "text": str(text), "source": source}
    return out


def page_getter(config: Any) -> Any:
    """A PageGetter (url -> article text, whole page text) over the fetcher and
    extractor, for ``corrections``."""
    from bs4 import BeautifulSoup

    from factwatch.scraper.extract import extract
    from factwatch.scraper.fetch import fetch

    def get(url: str) -> tuple[str, str]:
        result = fetch(url, politeness=config.politeness, safety=config.safety)
        if result.error:
            raise FactwatchError(f"{url}: {result.error}")
        html = result.text()
        page = BeautifulSoup(html, "html.parser").get_text(" ")
        return extract(html, url=url).text, page

    return get


@click.command()
@click.option(
    "--finding",
    "finding_ids",
    multiple=True,
    help="A confirmed finding to rebut (id or prefix); repeat for several.",
)
@click.option("--article", help="Rebut the confirmed findings of this article (id or URL).")
@click.option(
    "--format",
    "fmt",
    default="correction_request",
    show_default=True,
    type=click.Choice(["correction_request", "letter", "social", "briefing", "all"]),
)
@click.option(
    "--output",
    type=click.Path(file_okay=False),
    help="Write each draft to a file in this folder instead of printing it.",
)
@click.pass_obj
@handle_errors
def rebut(
    obj: Any, finding_ids: tuple[str, ...], article: str | None, fmt: str, output: str | None
) -> None:
    """Draft rebuttals from confirmed findings, one per article and format.

    Without --finding or --article, drafts every confirmed finding that has no
    draft in this format yet.  Drafts are stored with status "draft" (see
    `factwatch rebuttals`).  Templates can be overridden from the folder named in
    config.toml [rebuttals] templates.

    \b
    Example:
        factwatch rebut --format correction_request
        factwatch rebut --finding 3f2a9c --format all --output drafts/
    """
    from factwatch.rebuttals.draft import draft_rebuttals
    from factwatch.rebuttals.templates import FORMATS, TemplateSet

    config = obj.config
    drafts = draft_rebuttals(
        obj.db,
        formats=list(FORMATS) if fmt == "all" else [fmt],
        templates=TemplateSet(folder=config.rebuttals.templates or None),
        finding_ids=list(finding_ids),
        article=article,
        organisation=config.rebuttals.organisation,
        signature=config.rebuttals.signature,
        facts=fact_texts(config.facts),
        on_skip=lambda message: click.echo(f"Warning: {message}", err=True),
    )
    if not drafts:
        click.echo(
            "Nothing to draft: every confirmed finding already has a draft in this format. "
            "Confirm more with `factwatch review ID --confirm`."
        )
        return
    folder = Path(output) if output else None
    if folder:
        folder.mkdir(parents=True, exist_ok=True)
    for d in drafts:
        text = (f"Subject: {d.subject}\n\n" if d.subject else "") + d.body
        if folder:
            path = folder / f"rebuttal-{d.id}-{d.format}.txt"
            path.write_text(text, encoding="utf-8")
            click.echo(f"Draft #{d.id} ({d.format}, article {d.article_id}) -> {path}")
        else:
            click.echo(f"=== Draft #{d.id}: {d.format}, article {d.article_id} ===")
            click.echo(text)
        if d.dropped:
            click.echo(f"    (left out to fit the length limit: {', '.join(d.dropped)})")


@click.command()
@click.argument("rebuttal_id", required=False, type=int)
@click.option(
    "--status",
    type=click.Choice(["draft", "sent", "corrected", "ignored", "withdrawn"]),
    help="Only rebuttals with this status.",
)
@click.option(
    "--mark",
    type=click.Choice(["draft", "sent", "corrected", "ignored", "withdrawn"]),
    help="Set the status of REBUTTAL_ID.",
)
@click.option("--note", help="Why (kept in the rebuttal's history).")
@click.pass_obj
@handle_errors
def rebuttals(
    obj: Any, rebuttal_id: int | None, status: str | None, mark: str | None, note: str | None
) -> None:
    """List rebuttal drafts, show one, or change its status.

    \b
    Example:
        factwatch rebuttals --status draft
        factwatch rebuttals 4 --mark sent --note "emailed the readers' editor"
    """
    from factwatch.rebuttals.status import get_rebuttal, history, list_rebuttals
    from factwatch.rebuttals.status import mark as set_status

    db = obj.db
    if mark and rebuttal_id is None:
        raise click.UsageError(
            "give the rebuttal id to mark, e.g. factwatch rebuttals 4 --mark sent"
        )
    if rebuttal_id is not None:
        row = (
            set_status(db, rebuttal_id, status=mark, note=note)
            if mark
            else get_rebuttal(db, rebuttal_id)
        )
        if mark:
            click.echo(f"Rebuttal #{rebuttal_id} is now {row['status']}.")
            return
        click.echo(
            f"Rebuttal #{row['id']} ({row['format']}, {row['status']}), article "
            f"{row['article_id']}, findings {', '.join(row['finding_ids'])}"
        )
        if row["subject"]:
            click.echo(f"Subject: {row['subject']}")
        click.echo("\n" + row["body"])
        for h in history(db, rebuttal_id):
            click.echo(
                f"    {h['at']}  {h['old_status'] or '-'} -> {h['new_status']}"
                + (f"  ({h['note']})" if h.get("note") else "")
            )
        return
    rows = list_rebuttals(db, status=status)
    if not rows:
        click.echo("No rebuttals yet. Draft some with `factwatch rebut`.")
        return
    for r in rows:
        click.echo(
            f"#{r['id']:<4} {r['status']:<9} {r['format']:<18} {r['outlet'] or '':<20} "
            f"{(r['subject'] or '')[:60]}"
        )


@click.command()
@click.pass_obj
@handle_errors
def corrections(obj: Any) -> None:
    """Re-fetch articles with a sent rebuttal and record whether they were corrected.

    For each flagged statement: changed, removed, unchanged or unreachable, and
    whether a correction notice appeared.

    \b
    Example:
        factwatch corrections
    """
    from factwatch.rebuttals.corrections import check_corrections

    checks = check_corrections(obj.db, get_page=page_getter(obj.config))
    if not checks:
        click.echo(
            "No sent rebuttals to check. Mark one with `factwatch rebuttals ID --mark sent`."
        )
        return
    for c in checks:
        notice = ", correction notice" if c.notice else ""
        click.echo(
            f"rebuttal #{c.rebuttal_id}  finding {c.finding_id[:10]}  {c.outcome}{notice}  {c.url}"
        )


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["claimreview", "csv"]),
    default="claimreview",
    show_default=True,
)
@click.option(
    "--output", type=click.Path(dir_okay=False), help="Write to this file (default: stdout)."
)
@click.option("--base-url", default="", help="Where reviews are published; ids are appended.")
@click.pass_obj
@handle_errors
def export(obj: Any, fmt: str, output: str | None, base_url: str) -> None:
    """Export confirmed findings as schema.org ClaimReview JSON-LD, or all findings as CSV.

    \b
    Example:
        factwatch export --format claimreview --output claimreview.json
    """
    from factwatch.db.queries import FindingFilter, iter_findings
    from factwatch.rebuttals.claimreview import (
        iter_claimreviews,
        write_findings_csv,
        write_json_array,
    )

    db = obj.db
    # Rows stream from the database to the output: memory stays flat however many.
    # Both calls check the database (and ratings) before anything is written.
    if fmt == "csv":
        rows = iter_findings(db, filters=FindingFilter())
    else:
        rows = iter_claimreviews(
            db, organisation=obj.config.rebuttals.organisation, base_url=base_url
        )
    out = open(output, "w", encoding="utf-8", newline="") if output else None
    stream = out or sys.stdout
    try:
        if fmt == "csv":
            write_findings_csv(rows, stream)
        else:
            write_json_array(rows, stream)
    finally:
        if out is not None:
            out.close()
        else:
            stream.flush()
    if output:
        click.echo(f"Wrote {output}")


@click.command()
@click.option("--port", type=click.IntRange(1, 65535), default=8001, show_default=True)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; keep 127.0.0.1 unless behind an authenticating proxy.",
)
@click.pass_obj
@handle_errors
def serve(obj: Any, port: int, host: str) -> None:
    """Browse findings, articles and rebuttals in Datasette (read-only).

    \b
    Example:
        factwatch serve --port 8001
    """
    from factwatch.datasette import serve as run

    path = Path(obj.config.database)
    obj.db  # noqa: B018  (refuses a missing file; migrates, so the views Datasette shows exist)
    click.echo(f"Serving {path} read-only at http://{host}:{port}/ (Ctrl-C to stop)")
    run(path, host=host, port=port)


COMMANDS = [rebut, rebuttals, corrections, export, serve]
