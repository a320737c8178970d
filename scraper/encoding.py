"""Decode response bodies: declared charset first, then the document's own
meta tag, then detection (charset-normalizer, which requests ships with)."""

from __future__ import annotations

import codecs
import re

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-]+)""", re.I)


def _valid(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def charset_from_content_type(content_type: str) -> str | None:
    m = re.search(r"charset\s*=\s*([^;\s]+)", content_type or "", re.I)
    return _valid(m.group(1)) if m else None


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
    from charset_normalizer import from_bytes

    best = from_bytes(body).best()
    if best is not None:
        return str(best)
    return body.decode("utf-8", errors="replace")
