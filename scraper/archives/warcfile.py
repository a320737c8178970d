"""Read the HTML captures of a WARC (or ARC) file, streamed with warcio.

    stats = WarcStats()
    with open_location(path_or_url, politeness=..., safety=...) as stream:
        for page in read_pages(stream, location=path_or_url, source="archive", stats=stats):
            ...  # factwatch.work.FetchedPage, url = the captured URL

Only ``response`` records of HTML with HTTP status 200 become pages (ARC
records are read as responses).  A ``revisit`` record (the same payload as
an earlier capture) is resolved from the recent responses of the same file,
by payload digest, when one is still held; otherwise it is skipped and
counted.  A record whose payload is shorter than declared or fails its
digest, and bytes after the last complete record (a file cut short), are
counted as truncated and never yield a page, so a partial page is never
checked as if it were whole.  Payloads over ``max_bytes`` are skipped.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from factwatch.core.records import FetchedPage
from factwatch.scraper.archives.captures import capture_metadata, from_iso
from factwatch.scraper.archives.stream import Counting
from factwatch.scraper.transport import mime_type

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
REVISIT_CACHE_BYTES = 32_000_000  # recent HTML payloads kept to resolve revisits


@dataclass
class WarcStats:
    """What a file held, by kind of record."""

    records: int = 0
    pages: int = 0  # HTML 200 responses handed on
    not_html: int = 0
    not_ok: int = 0  # responses with another HTTP status
    other: int = 0  # request, metadata, warcinfo ... records
    revisits_resolved: int = 0
    revisits_skipped: int = 0
    too_large: int = 0
    truncated: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: WarcStats) -> None:
        for name, value in vars(other).items():
            if name == "errors":
                self.errors.extend(value)
            else:
                setattr(self, name, getattr(self, name) + value)


class _Recent:
    """Recent HTML payloads by digest, bounded in bytes."""

    def __init__(self, limit: int):
        self.limit, self.size = limit, 0
        self.items: OrderedDict[str, tuple[bytes, str]] = OrderedDict()

    def put(self, digest: str, body: bytes, content_type: str) -> None:
        if not digest or len(body) > self.limit:
            return
        self.items[digest] = (body, content_type)
        self.size += len(body)
        while self.size > self.limit:
            _, (old, _) = self.items.popitem(last=False)
            self.size -= len(old)

    def get(self, digest: str) -> tuple[bytes, str] | None:
        return self.items.get(digest) if digest else None


def _complete(record: Any) -> bool:
    """The whole declared block was read and its digests (if any) agree."""
    raw = record.raw_stream
    remaining = getattr(raw, "limit", 0)
    return remaining == 0 and record.digest_checker.passed is not False


def read_pages(
    stream: Counting,
    *,
    location: str,
    source: str = "",
    stats: WarcStats | None = None,
    max_bytes: int = 5_000_000,
    topic_filter: bool = True,
    archive: str = "warc",
) -> Iterator[FetchedPage]:
    """The HTML captures of one WARC/ARC stream, in file order (see module doc)."""
    stats = stats if stats is not None else WarcStats()
    recent = _Recent(REVISIT_CACHE_BYTES)
    iterator = ArchiveIterator(stream, arc2warc=True, check_digests=True)
    end = 0
    try:
        for record in iterator:
            stats.records += 1
            page = _page(record, iterator, location, source, stats, recent, max_bytes)
            iterator.read_to_end(record)
            end = iterator.get_record_offset() + iterator.get_record_length()
            if page is not None and not _complete(record):
                stats.truncated += 1
                stats.errors.append(
                    f"{location}: record at offset {iterator.get_record_offset()} "
                    f"({page.url}) is truncated or fails its digest; skipped"
                )
                continue
            if page is not None:
                page.topic_filter = topic_filter
                page.metadata["capture"]["archive"] = archive
                stats.pages += 1
                yield page
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        stats.truncated += 1
        stats.errors.append(f"{location}: unreadable after offset {end}: {exc}; rest skipped")
        return
    # Bytes after the last complete record: a gzipped file cut inside a record
    # (warcio ends quietly there).  A final empty line or two is normal.
    if stream.count - end > 4:
        stats.truncated += 1
        stats.errors.append(
            f"{location}: {stream.count - end} bytes after the last complete record "
            f"(offset {end}): the file is cut short; the partial record was skipped"
        )


def _page(
    record: Any,
    iterator: ArchiveIterator,
    location: str,
    source: str,
    stats: WarcStats,
    recent: _Recent,
    max_bytes: int,
) -> FetchedPage | None:
    headers = record.rec_headers
    kind = record.rec_type
    url = headers.get_header("WARC-Target-URI") or ""
    timestamp = from_iso(headers.get_header("WARC-Date") or "")
    digest = headers.get_header("WARC-Payload-Digest") or ""
    if kind == "revisit":
        held = recent.get(digest)
        if held is None:
            stats.revisits_skipped += 1
            return None
        stats.revisits_resolved += 1
        body, content_type = held
        status = 200
    elif kind == "response":
        http = record.http_headers
        if http is None:
            stats.not_html += 1
            return None
        status = int(http.get_statuscode() or 0)
        content_type = http.get_header("Content-Type") or ""
        if mime_type(content_type) not in HTML_TYPES:
            stats.not_html += 1
            return None
        if status != 200:
            stats.not_ok += 1
            return None
        length = int(headers.get_header("Content-Length") or 0)
        if length > max_bytes:
            stats.too_large += 1
            return None
        body = record.content_stream().read(max_bytes + 1)
        if len(body) > max_bytes:
            stats.too_large += 1
            return None
        recent.put(digest, body, content_type)
    else:
        stats.other += 1
        return None
    return FetchedPage(
        url=url,
        body=body,
        source=source,
        content_type=content_type,
        fetched_url=url,
        status=status,
        metadata=capture_metadata(
            "warc",
            timestamp,
            file=location,
            offset=iterator.get_record_offset(),
            record_id=headers.get_header("WARC-Record-ID"),
            revisit=kind == "revisit" or None,
        ),
    )
