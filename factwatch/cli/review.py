"""CLI: findings, search, show, review (a thin layer over db.queries and db.review)."""

from __future__ import annotations

import sys
import textwrap
from typing import Any

import click

from factwatch.cli.context import handle_errors
from factwatch.core.kinds import kinds

FORMATS = ("table", "json", "csv")


def _short(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


_HEADER = f"{'ID':<10} {'STATUS':<10} {'KIND':<18} {'OUTLET':<18} {'DATE':<10}  QUOTE"


def _line(r: dict[str, Any]) -> str:
    date = (r.get("published") or "")[:10]
    stale = " (stale)" if r.get("stale") else ""
    return (
        f"{r['id'][:10]:<10} {r['status'] + stale:<10} {_short(r['kind'], 18):<18} "
        f'{_short(r.get("outlet"), 18):<18} {date:<10}  "{_short(r["quote"], 60)}"'
    )


@click.command()
@click.option("--kind", type=click.Choice(kinds().names()), help="Only findings of this kind.")
@click.option("--outlet", help="Only articles from this outlet (case-insensitive).")
@click.option(
    "--status",
    type=click.Choice(["suggested", "confirmed", "dismissed"]),
    help="Only findings with this review status.",
)
@click.option("--rule", help="Only findings of this rule id, e.g. framing.definite-loser.")
@click.option("--fact", help="Only findings that contradict this fact id.")
@click.option("--speaker", help="Only quotations from this speaker (substring).")
@click.option("--since", help="Articles published on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Articles published on or before this date (YYYY-MM-DD).")
@click.option("--article", help="Only this article (id or any URL it was seen under).")
@click.option(
    "--include-stale", is_flag=True, help="Also list findings whose rule no longer fires."
)
@click.option(
    "--include-challenged",
    is_flag=True,
    help="Also list claims the article itself rebuts (recorded, not open for review).",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), help="At most this many findings.")
@click.pass_obj
@handle_errors
def findings(
    obj: Any,
    fmt: str,
    include_stale: bool,
    include_challenged: bool,
    limit: int | None,
    **filters: Any,
) -> None:
    """List findings with their article, newest first.

    Claims the article itself rebuts (kind challenged_claim) are recorded but
    not flagged, so they are left out unless asked for with
    --include-challenged or --kind challenged_claim.

    \b
    Example:
        factwatch findings --kind framing --status suggested
        factwatch findings --outlet "Example News" --format csv > findings.csv
    """
    from factwatch.db.queries import FindingFilter, count_challenged, iter_findings
    from factwatch.rebuttals.claimreview import write_findings_csv, write_json_array

    db = obj.db
    chosen = FindingFilter(
        include_stale=include_stale,
        include_challenged=include_challenged,
        limit=limit,
        **filters,
    )
    # Rows stream from the database to the output: memory stays flat however many.
    rows = iter_findings(db, filters=chosen)
    out = sys.stdout
    if fmt == "json":
        write_json_array(rows, out)
    elif fmt == "csv":
        write_findings_csv(rows, out)
    else:
        count = 0
        for row in rows:
            out.write((_HEADER + "\n" if count == 0 else "") + _line(row) + "\n")
            count += 1
        if count:
            out.write(f"\n{count} finding(s). Details: factwatch show ID\n")
        else:
            out.write("No findings match these filters.\n")
        if not (include_challenged or filters.get("kind")):
            hidden = count_challenged(db, include_stale=include_stale)
            if hidden:
                out.write(
                    f"({hidden} claim(s) the article itself rebuts not listed: "
                    "--include-challenged shows them)\n"
                )
    out.flush()


@click.command()
@click.argument("text")
@click.option(
    "--in",
    "where",
    type=click.Choice(["articles", "findings", "all"]),
    default="all",
    show_default=True,
    help="What to search.",
)
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.pass_obj
@handle_errors
def search(obj: Any, text: str, where: str, limit: int) -> None:
    """Full-text search of articles and findings, best matches first.

    Words are matched as typed (punctuation such as hyphens is safe); matches
    are shown in [brackets].

    \b
    Example:
        factwatch search "two-horse race" --in articles
    """
    from factwatch.db.queries import search as run_search

    hits = run_search(obj.db, text, where=where, limit=limit)
    if not hits:
        click.echo(f"No matches for {text!r}.")
        return
    for h in hits:
        label = f"article {h.id}" if h.kind == "article" else f"finding {h.id[:10]}"
        click.echo(f"{label}  {_short(h.outlet, 24)}  {_short(h.title, 60)}")
        click.echo(f"    {' '.join(h.snippet.split())}")


def _marked(paragraph: str, start: int, end: int) -> str:
    return paragraph[:start] + ">>" + paragraph[start:end] + "<<" + paragraph[end:]


@click.command()
@click.argument("finding_id")
@click.pass_obj
@handle_errors
def show(obj: Any, finding_id: str) -> None:
    """Show one finding (id or unique prefix) in its article, with its review history.

    The flagged statement is marked >>like this<< in its paragraph.

    \b
    Example:
        factwatch show 3f2a9c
    """
    from factwatch.db.queries import get_finding, paragraph_of, rebuttals_for, review_history

    db = obj.db
    f = get_finding(db, finding_id)
    paragraph, start, end = paragraph_of(db, f)
    out = [
        f"Finding {f['id']}  [{f['status']}{', stale' if f['stale'] else ''}]",
        f"Kind:     {f['kind']} (rule {f['rule_id']}, {f['severity']} severity, "
        f"confidence {f['confidence']})",
        f"Article:  {f['article_title']}",
        f"Outlet:   {f['outlet']}   Date: {(f['published'] or 'unknown')[:10]}",
        f"URL:      {f['article_url']}",
    ]
    if f.get("speaker"):
        out.append(f"Speaker:  {f['speaker']} ({f['voice']})")
    out += ["", "Statement in context:"]
    out += textwrap.wrap(
        _marked(paragraph, start, end), 88, initial_indent="    ", subsequent_indent="    "
    ) or ["    (no text)"]
    out += ["", f"Why:      {f['explanation']}", f"Facts:    {f['correction']}"]
    facts = f.get("fact_ids") or []
    sources = f.get("fact_sources") or []
    out.append(f"Fact ids: {', '.join(map(str, facts)) or '-'}")
    out.append(f"Sources:  {'; '.join(map(str, sources)) or '-'}")
    history = review_history(db, f["id"])
    out += ["", "Review history:" if history else "Review history: none yet"]
    for h in history:
        note = f" - {h['note']}" if h.get("note") else ""
        out.append(
            f"    {h['at']}  {h['action']}: {h['old_status']} -> {h['new_status']}"
            f"  by {h['reviewer']}{note}"
        )
    drafts = rebuttals_for(db, f["id"])
    if drafts:
        out += ["", "Rebuttals:"]
        out += [f"    #{r['id']} {r['format']} ({r['status']}, {r['created_at']})" for r in drafts]
    click.echo("\n".join(out))


@click.command()
@click.argument("finding_id")
@click.option("--confirm", is_flag=True, help="The finding is right.")
@click.option("--dismiss", is_flag=True, help="The finding is wrong.")
@click.option("--reopen", is_flag=True, help="Back to suggested.")
@click.option("--note", help="Why (kept in the review history).")
@click.option("--reviewer", help="Who decided (default: $USER).")
@click.pass_obj
@handle_errors
def review(
    obj: Any,
    finding_id: str,
    confirm: bool,
    dismiss: bool,
    reopen: bool,
    note: str | None,
    reviewer: str | None,
) -> None:
    """Confirm, dismiss or reopen a finding; every change is kept in its history.

    A dismissed finding stays dismissed when its article is checked again, and
    syndicated copies of the same statement take the same decision.  Drafts
    that quote a finding being dismissed are marked withdrawn.

    \b
    Example:
        factwatch review 3f2a9c --confirm --note "three candidates stood"
    """
    from factwatch.db.review import review as apply_review

    chosen = [
        name for name, on in (("confirm", confirm), ("dismiss", dismiss), ("reopen", reopen)) if on
    ]
    if len(chosen) != 1:
        given = " and ".join(f"--{name}" for name in chosen)
        raise click.UsageError(
            f"choose one of --confirm, --dismiss or --reopen (got {given})"
            if chosen
            else "choose one of --confirm, --dismiss or --reopen"
        )
    row = apply_review(obj.db, finding_id, action=chosen[0], reviewer=reviewer, note=note)
    click.echo(
        f"Finding {row['finding_id']}: {row['old_status']} -> {row['new_status']} "
        f"(by {row['reviewer']})"
    )
    for rid in row.get("withdrawn", []):
        click.echo(
            f"Warning: rebuttal #{rid} quotes this finding; its draft is now withdrawn. "
            "Draft the article again with `factwatch rebut` if other findings stand.",
            err=True,
        )
    for rid in row.get("sent", []):
        click.echo(
            f"Warning: rebuttal #{rid} quoting this finding was already sent; "
            f"see `factwatch rebuttals {rid}` and tell the outlet if needed.",
            err=True,
        )


COMMANDS = [findings, search, show, review]
