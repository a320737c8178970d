"""Decode response bodies: declared charset first, then the document's own
meta tag, then UTF-8, then detection (charset-normalizer, which requests ships
with).

Labels follow the WHATWG Encoding Standard where it matters for the web:
``iso-8859-1``, ``latin1`` and ``us-ascii`` mean windows-1252 (browsers decode
them so; real pages rely on it for curly quotes and dashes).  When detection
finds several equally clean single-byte readings it prefers windows-1252, the
most common legacy encoding of English-language pages.
"""

from __future__ import annotations

import codecs
import re

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.I)
_WHATWG_ALIASES = {"latin_1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252"}
FALLBACK = "cp1252"


def _valid(name: str | None) -> str | None:
    if not name:
        return None
    try:
        found = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    return _WHATWG_ALIASES.get(found, found)


def charset_from_content_type(content_type: str) -> str | None:
    m = re.search(r"charset\s*=\s*([^;\s]+)", content_type or "", re.I)
    return _valid(m.group(1)) if m else None


def _detect(body: bytes) -> str | None:
    """The detected text, preferring windows-1252 among equally clean readings."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(body))
    if not matches:
        return None
    cleanest = min(m.chaos for m in matches)
    for match in matches:
        if match.chaos == cleanest and _valid(match.encoding) == FALLBACK:
            return str(match)
    return str(matches[0])


# Signatures of common binary files, for a clear "this is not a page" message.
_MAGIC = (
    (b"\x7fELF", "an ELF executable"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_TEXT_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")


def binary_kind(body: bytes) -> str | None:
    """What ``body`` is when it is not text (an HTML page or plain text), else None.

    Known signatures first; then, as git and grep decide, a NUL byte in the
    first 8 KiB (unless a UTF-16/32 byte-order mark says it is text), or more
    than a tenth of control characters."""
    for magic, what in _MAGIC:
        if body.startswith(magic):
            return what
    head = body[:8192]
    if head.startswith(_TEXT_BOMS):
        return None
    if b"\x00" in head:
        return "binary data"
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    if head and controls * 10 > len(head):
        return "binary data"
    return None


def decode_body(body: bytes, content_type: str = "", declared: str | None = None) -> str:
    """Return ``body`` as text.  A wrong declared charset (bytes that do not
    decode) falls through to the next guess instead of producing mojibake."""
    if body.startswith(codecs.BOM_UTF8):
        return body[3:].decode("utf-8", errors="replace")
    candidates = [_valid(declared), charset_from_content_type(content_type)]
    m = _META_CHARSET.search(body[:4096])
    if m:
        candidates.append(_valid(m.group(1).decode("ascii", "ignore")))
    candidates.append("utf-8")
    for name in candidates:
        if not name:
            continue
        try:
            return body.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    text = _detect(body)
    if text is not None:
        return text
    return body.decode("utf-8", errors="replace")
