"""CLI: facts check, facts new, facts convert (write and check facts files)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import click

from factwatch.cli.context import handle_errors
from factwatch.core.errors import FactsError


def _write(text: str, out: str | None) -> None:
    """Print ``text``, or write it to a new file (an existing file is never overwritten)."""
    if out is None:
        click.echo(text, nl=False)
        return
    path = Path(out)
    if path.exists():
        raise FactsError(f"{out}: already exists; give another --out, or remove it first")
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise FactsError(f"{out}: cannot write: {exc}") from None


@click.group()
def facts() -> None:
    """Write and check facts files (format 2: plain data about one election).

    \b
    Example:
        factwatch facts new --out facts/harbour-2024.toml
        factwatch facts check facts/harbour-2024.toml
    """


@facts.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@handle_errors
def check(files: tuple[str, ...]) -> None:
    """Validate facts files and say what they hold.

    Several files are read together, later ones extending earlier ones, as
    `--facts A --facts B` does. On success prints a summary and exits 0;
    likely mistakes (an unused source, votes that do not add up, a share its
    votes contradict, a claim without paraphrases) are warnings on stderr.
    An error prints file:line: key: problem and exits 2.

    \b
    Example:
        factwatch facts check facts/harbour-2024.toml
    """
    from factwatch.claims.facts import load_facts
    from factwatch.factsfile.review import summary, warnings

    loaded = load_facts(files)
    click.echo("\n".join(summary(loaded)))
    found = warnings(loaded, files)
    for line in found:
        click.echo(f"warning: {line}", err=True)
    click.echo(f"OK: {', '.join(files)}" + (f" ({len(found)} warnings)" if found else ""))


@facts.command("new")
@click.option("--out", type=click.Path(dir_okay=False), help="Write here (default: stdout).")
@handle_errors
def new(out: str | None) -> None:
    """Write a commented skeleton facts file to fill in.

    Every key is there with its meaning and an example value; optional keys
    are commented out. The skeleton loads as it is, so `facts check` shows
    what is still to do. An existing --out file is never overwritten.

    \b
    Example:
        factwatch facts new --out facts/harbour-2024.toml
    """
    from factwatch.factsfile.skeleton import skeleton

    _write(skeleton(), out)
    if out:
        click.echo(f"Wrote {out}: fill it in, then run `factwatch facts check {out}`.", err=True)


@facts.command("convert")
@click.argument("old", type=click.Path(dir_okay=False))
@click.option("--out", type=click.Path(dir_okay=False), help="Write here (default: stdout).")
@handle_errors
def convert(old: str, out: str | None) -> None:
    """Convert a format 1 facts file (regular expressions) to a format 2 draft.

    Candidates, outcomes, votes, shares, totals, figures, claims and sources
    carry over; what the built-in grammar now does (framing rules, measures,
    patterns, margins) is dropped. The draft's opening comment lists what was
    dropped and what to check by hand. Exits 0 when the draft loads, 1 when it
    was written but needs fixing first (the problem is printed), 2 on error.

    \b
    Example:
        factwatch facts convert old/harbour-2024.toml --out facts/harbour-2024.toml
    """
    from factwatch.claims.facts import parse_facts
    from factwatch.claims.facts_convert import convert as to_format2

    try:
        data = tomllib.loads(Path(old).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FactsError(f"{old}: facts file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FactsError(f"{old}: cannot read facts file: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise FactsError(f"{old}: not valid TOML: {exc}") from None
    result = to_format2(data, origin=old)
    _write(result.text, out)
    where = out or "the draft"
    click.echo(
        f"Converted {old}: {len(result.dropped)} kinds of format 1 entries dropped, "
        f"{len(result.to_check)} things to check by hand (listed at the top of {where}).",
        err=True,
    )
    try:
        parse_facts(tomllib.loads(result.text), origin=out or "draft", text=result.text)
    except FactsError as exc:
        click.echo(f"The draft does not load yet: {exc}", err=True)
        raise SystemExit(1) from None
    if out:
        click.echo(f"Next: `factwatch facts check {out}`.", err=True)


COMMANDS = [facts]
