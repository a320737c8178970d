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
