"""Did the outlet correct the article?  Re-fetch articles with a sent rebuttal and compare.

For each flagged statement the outcome is:
    unchanged    the quote is still in the article
    changed      a similar sentence is at about the same place, but it differs
    removed      no similar sentence is left
    unreachable  the page could not be fetched or no text could be extracted
and ``notice`` records whether a correction notice appeared.  Phrases and the
similarity threshold live in ``rebuttals/data/notices.toml``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from factwatch.core.errors import ConfigError, FactwatchError
from factwatch.core.resources import Traversable, bundled
from factwatch.db import transaction
from factwatch.db.queries import article_text

NOTICES = bundled("factwatch.rebuttals", "data", "notices.toml")
POSITION_TOLERANCE = 0.35  # how far (as a share of the text) a changed sentence may move

PageGetter = Callable[[str], tuple[str, str]]  # url -> (article text, whole page text)


@dataclass
class CorrectionCheck:
    rebuttal_id: int
    article_id: int
    finding_id: str
    url: str
    outcome: str  # changed | removed | unchanged | unreachable
    notice: bool
    new_sentence: str | None
    detail: dict[str, Any]


def load_notices(path: Traversable = NOTICES) -> tuple[list[str], float]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read correction notices: {exc}") from None
    phrases = data.get("phrases")
    if not isinstance(phrases, list) or not phrases or not all(isinstance(p, str) for p in phrases):
        raise ConfigError(f"{path}: phrases: expected a list of strings")
    threshold = data.get("changed_similarity")
    if not isinstance(threshold, (int, float)) or not 0 < threshold < 1:
        raise ConfigError(f"{path}: changed_similarity: expected a number between 0 and 1")
    return [p.lower() for p in phrases], float(threshold)


def _norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def _sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs: split at paragraph breaks and sentence ends."""
    out = []
    for match in re.finditer(r"[^\n.!?]+(?:[.!?]+[\"'\u201d\u2019)]*|$)", text):
        sentence = match.group().strip()
        if len(sentence) > 3:
            out.append((match.start(), sentence))
    return out


def _old_sentence(old_text: str, start: int, end: int, quote: str) -> str:
    for offset, sentence in _sentences(old_text):
        if offset <= start < offset + len(sentence) + 1:
            return sentence if quote in sentence or end <= offset + len(sentence) + 1 else quote
    return quote


def compare(
    *, old_text: str, finding: dict[str, Any], new_text: str, threshold: float
) -> tuple[str, str | None, dict[str, Any]]:
    """Outcome for one flagged statement: (outcome, sentence in the new text, detail)."""
    quote = finding["quote"] or ""
    if _norm(quote) and _norm(quote) in _norm(new_text):
        return "unchanged", quote, {}
    start, end = int(finding.get("start") or 0), int(finding.get("end") or 0)
    old_sentence = _old_sentence(old_text, start, end, quote)
    where = start / max(len(old_text), 1)
    best, best_ratio, best_where = None, 0.0, 0.0
    for offset, sentence in _sentences(new_text):
        ratio = difflib.SequenceMatcher(None, _norm(old_sentence), _norm(sentence)).ratio()
        if ratio > best_ratio:
            best, best_ratio, best_where = sentence, ratio, offset / max(len(new_text), 1)
    detail = {"old_sentence": old_sentence, "similarity": round(best_ratio, 3)}
    if (
        best is not None
        and best_ratio >= threshold
        and abs(best_where - where) <= POSITION_TOLERANCE
    ):
        return "changed", best, detail
    return "removed", None, detail


def has_notice(*, old_text: str, new_text: str, page_text: str, phrases: list[str]) -> list[str]:
    """Notice phrases that appeared: more often in the new article text than in the old,
    or (for phrases of several words) anywhere on the new page."""
    old, new, page = old_text.lower(), new_text.lower(), page_text.lower()
    found = []
    for phrase in phrases:
        if new.count(phrase) > old.count(phrase) or (" " in phrase and phrase in page):
            found.append(phrase)
    return found


def check_corrections(db: sqlite_utils.Database, *, get_page: PageGetter) -> list[CorrectionCheck]:
    """Check every article with a sent rebuttal; record one corrections row per finding."""
    phrases, threshold = load_notices()
    checks: list[CorrectionCheck] = []
    rebuttals = db.execute(
        "SELECT r.id, r.article_id, r.finding_ids, a.url FROM rebuttals r "
        "JOIN articles a ON a.id = r.article_id WHERE r.status = 'sent' ORDER BY r.id"
    ).fetchall()
    pages: dict[str, tuple[str, str] | str] = {}
    for rebuttal_id, article_id, finding_ids, url in rebuttals:
        old_text = article_text(db, article_id)
        if url not in pages:
            try:
                pages[url] = get_page(url)
            except FactwatchError as exc:
                pages[url] = str(exc)
        page = pages[url]
        for fid in json.loads(finding_ids or "[]"):
            row = db.execute(
                "SELECT quote, start, end FROM findings WHERE id = ?", [fid]
            ).fetchone()
            if row is None:
                continue
            finding = {"quote": row[0], "start": row[1], "end": row[2]}
            if isinstance(page, str):
                checks.append(
                    CorrectionCheck(
                        rebuttal_id,
                        article_id,
                        fid,
                        url,
                        "unreachable",
                        False,
                        None,
                        {"error": page},
                    )
                )
                continue
            new_text, page_text = page
            outcome, sentence, detail = compare(
                old_text=old_text, finding=finding, new_text=new_text, threshold=threshold
            )
            notices = has_notice(
                old_text=old_text, new_text=new_text, page_text=page_text, phrases=phrases
            )
            detail["notice_phrases"] = notices
            checks.append(
                CorrectionCheck(
                    rebuttal_id, article_id, fid, url, outcome, bool(notices), sentence, detail
                )
            )
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with transaction(db):
        for c in checks:
            db.table("corrections").insert(
                {
                    "rebuttal_id": c.rebuttal_id,
                    "article_id": c.article_id,
                    "finding_id": c.finding_id,
                    "checked_at": stamp,
                    "outcome": c.outcome,
                    "notice": int(c.notice),
                    "new_text": c.new_sentence,
                    "detail": json.dumps(c.detail),
                }
            )
    return checks
