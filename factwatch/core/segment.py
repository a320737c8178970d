"""Split article text into paragraphs and sentences with character offsets.

Offsets index into the article text (paragraphs joined by ``"\\n\\n"``), so a
finding can point at its exact sentence.  The splitter is rule based: it
breaks after ., ! or ? (optionally followed by closing quotes or brackets)
when the next non-space character starts a new sentence, and it knows the
abbreviations and initials that news copy uses.
"""

from __future__ import annotations

import re

from factwatch.core.records import Paragraph, Sentence

PARAGRAPH_SEP = "\n\n"

_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sir",
    "st",
    "rev",
    "gen",
    "col",
    "lt",
    "sgt",
    "sen",
    "rep",
    "reps",
    "gov",
    "cr",
    "supt",
    "insp",
    "det",
    "ald",
    "capt",
    "cllr",
    "hon",
    "jr",
    "sr",
    "no",
    "vs",
    "v",
    "etc",
    "eg",
    "ie",
    "approx",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "inc",
    "ltd",
    "plc",
    "co",
    "corp",
    "dept",
    "est",
    "fig",
    "govt",
    "mt",
    "cf",
    "al",
}

# A candidate boundary: terminal punctuation, optional closing quotes/brackets,
# then whitespace.  ("[.!?][.!?]*" is "[.!?]+" written so that the scan looks for those
# characters alone.)
_BOUNDARY = re.compile(r"[.!?][.!?]*[\"'\u201d\u2019)\]]*(?=\s+)")
_OPENER = re.compile(r"\s+([\"'\u201c\u2018(\[]*)(\S)")


def join_paragraphs(texts: list[str]) -> tuple[str, list[Paragraph]]:
    """Join cleaned paragraph strings into one text with paragraph offsets."""
    paragraphs: list[Paragraph] = []
    parts: list[str] = []
    pos = 0
    for raw in texts:
        text = " ".join(raw.split())
        if not text:
            continue
        if parts:
            pos += len(PARAGRAPH_SEP)
        paragraphs.append(Paragraph(len(paragraphs), pos, pos + len(text), text))
        parts.append(text)
        pos += len(text)
    return PARAGRAPH_SEP.join(parts), paragraphs


def _is_boundary(text: str, end: int) -> bool:
    """Decide whether the punctuation ending at ``end`` ends a sentence."""
    match = _OPENER.match(text, end)
    if not match:
        return False
    nxt = match.group(2)
    if not (nxt.isupper() or nxt.isdigit() or match.group(1)):
        return False
    # Look at the word before the full stop.
    head = text[max(0, end - 64) : end].rstrip("\"'\u201d\u2019)]")
    if not head.endswith("."):
        return True
    word = re.search(r"([A-Za-z]+)\.$", head)
    if word:
        w = word.group(1)
        if w.lower() in _ABBREVIATIONS or (len(w) == 1 and w.isupper()):
            return False
    return True


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences in ``text[start:end]``."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cur = start
    for m in _BOUNDARY.finditer(text, start, end):
        if _is_boundary(text, m.end()):
            s, e = cur, m.end()
            while s < e and text[s].isspace():
                s += 1
            if s < e:
                spans.append((s, e))
            cur = m.end()
    s = cur
    while s < end and text[s].isspace():
        s += 1
    if s < end:
        spans.append((s, end))
    return spans


def segment(paragraphs: list[Paragraph], text: str) -> list[Sentence]:
    """Sentences of every paragraph, with offsets into ``text``."""
    sentences: list[Sentence] = []
    for p in paragraphs:
        for s, e in split_sentences(text, p.start, p.end):
            sentences.append(Sentence(len(sentences), p.index, s, e, text[s:e]))
    return sentences
