"""Refuse hostile XML before any parser sees it, and parse sitemaps safely.

Feeds go to feedparser, which uses its own parser, so ``check_xml_safe`` looks
at the document's prolog first and refuses a DOCTYPE that declares entities
(the "billion laughs" expansion bomb, external entities such as
``file:///etc/passwd``) or that points its DTD at a local file.  A plain
``<!DOCTYPE rss PUBLIC ... "http://...dtd">`` (old RSS 0.91 feeds) is allowed:
nothing here ever fetches a DTD.

Sitemaps are parsed with defusedxml (``parse_xml``), which forbids entity
declarations and external references outright.  ``gunzip_capped`` inflates
``.xml.gz`` sitemaps without letting a small file expand past a size cap.
"""

from __future__ import annotations

import re
import zlib
from xml.etree.ElementTree import Element, ParseError

import defusedxml
from defusedxml.ElementTree import fromstring

from factwatch.core.errors import DiscoveryError

SITEMAP_MAX_BYTES = 50 * 1024 * 1024  # the sitemaps.org limit for one uncompressed file

_NAME_CHAR = re.compile(r"[A-Za-z_]")


def _as_text(body: bytes) -> str:
    """The document as text, good enough to find markup in the prolog."""
    if body[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return body.decode("utf-16", "replace")
    if body[:4] == b"<\x00?\x00":
        return body.decode("utf-16-le", "replace")
    if body[:4] == b"\x00<\x00?":
        return body.decode("utf-16-be", "replace")
    # Every byte maps to one character, so ASCII markup survives for UTF-8 and
    # all single-byte charsets.
    return body.decode("latin-1")


def _doctype_head(text: str, start: int) -> str | None:
    """The DOCTYPE declaration at ``start`` without its internal subset, or None
    when the subset declares entities."""
    i = start + len("<!DOCTYPE")
    n = len(text)
    in_subset = False
    head = []  # the declaration outside its internal subset
    while i < n:
        ch = text[i]
        if ch in "\"'" or text.startswith("<!--", i):
            end = _skip_literal_or_comment(text, i)
            if ch in "\"'" and not in_subset:
                head.append(text[i:end])
            i = end
            continue
        if in_subset and text[i : i + 8].upper() == "<!ENTITY":
            return None
        if ch == ">" and not in_subset:
            break
        if ch in "[]":
            in_subset = ch == "["
        elif not in_subset:
            head.append(ch)
        i += 1
    return "".join(head)


def _skip_literal_or_comment(text: str, i: int) -> int:
    """The index just past the quoted literal or the comment starting at ``i``."""
    n = len(text)
    if text[i] in "\"'":
        end = text.find(text[i], i + 1)
        return n if end < 0 else end + 1
    end = text.find("-->", i + 4)
    return n if end < 0 else end + 3


def _doctype_problem(text: str, start: int) -> str | None:
    """Scan the DOCTYPE declaration at ``start``; say what is unsafe about it."""
    head = _doctype_head(text, start)
    if head is None:
        return "its DOCTYPE declares entities (an entity-expansion or external-entity attack)"
    literals = re.findall(r"""["']([^"']*)["']""", head)
    for literal in literals:
        scheme = literal.split(":", 1)[0].lower() if ":" in literal else ""
        if scheme and scheme not in ("http", "https") and not literal.startswith("-//"):
            return f"its DOCTYPE refers to a non-web DTD ({literal!r})"
    return None


def check_xml_safe(body: bytes, *, url: str) -> None:
    """Raise DiscoveryError when the document's prolog declares entities or a
    local DTD.  Only the prolog (before the root element) is examined, so
    article text that merely mentions ``<!ENTITY`` is not refused."""
    text = _as_text(body)
    i, n = 0, len(text)
    while i < n:
        i = text.find("<", i)
        if i < 0:
            return
        if text.startswith("<?", i):
            end = text.find("?>", i + 2)
            i = n if end < 0 else end + 2
        elif text.startswith("<!--", i):
            end = text.find("-->", i + 4)
            i = n if end < 0 else end + 3
        elif text[i : i + 9].upper() == "<!DOCTYPE":
            problem = _doctype_problem(text, i)
            if problem:
                raise DiscoveryError(f"{url}: refused to parse: {problem}")
            return
        elif i + 1 < n and _NAME_CHAR.match(text[i + 1]):
            return  # the root element: the prolog is over
        else:
            i += 1


def parse_xml(body: bytes, *, url: str) -> Element:
    """Parse with defusedxml (no entities, no external references, no DTD
    retrieval); every failure is a DiscoveryError naming ``url``."""
    check_xml_safe(body, url=url)
    if not body.strip():
        raise DiscoveryError(f"{url}: empty document (expected XML)")
    try:
        return fromstring(body, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.EntitiesForbidden:
        raise DiscoveryError(
            f"{url}: refused to parse: the document declares entities "
            "(an entity-expansion or external-entity attack)"
        ) from None
    except defusedxml.ExternalReferenceForbidden:
        raise DiscoveryError(
            f"{url}: refused to parse: the document refers to an external resource"
        ) from None
    except defusedxml.DefusedXmlException as exc:
        raise DiscoveryError(f"{url}: refused to parse: {exc}") from None
    except ParseError as exc:
        raise DiscoveryError(f"{url}: not well-formed XML ({exc})") from None


def gunzip_capped(body: bytes, *, url: str, max_bytes: int = SITEMAP_MAX_BYTES) -> bytes:
    """Inflate a gzip file, refusing to produce more than ``max_bytes``."""
    out = bytearray()
    data = body
    try:
        while data:
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            chunk = inflater.decompress(data, max_bytes + 1 - len(out))
            while True:
                out += chunk
                if len(out) > max_bytes:
                    raise DiscoveryError(
                        f"{url}: gzip file expands to more than {max_bytes:,} bytes; "
                        "refused (split the sitemap or raise the size cap)"
                    )
                if inflater.eof or not (inflater.unconsumed_tail or chunk):
                    break
                chunk = inflater.decompress(inflater.unconsumed_tail, max_bytes + 1 - len(out))
            if not inflater.eof:
                raise DiscoveryError(f"{url}: gzip file is truncated")
            data = inflater.unused_data  # a further gzip member, if any
    except zlib.error as exc:
        raise DiscoveryError(f"{url}: not a valid gzip file ({exc})") from None
    return bytes(out)


def is_gzip(body: bytes) -> bool:
    return body[:2] == b"\x1f\x8b"
