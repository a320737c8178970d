"""Archive sources: past coverage from web archives, crawls and content APIs.

    warcfile.py     WARC/ARC files (local or HTTP(S), gzipped or not), streamed with warcio
    stream.py       open a local file or a polite HTTP(S) stream (Retry-After, spacing)
    wayback.py      the Wayback Machine: CDX queries with resume keys, raw ``id_`` replays
    commoncrawl.py  Common Crawl: crawl list, URL index pages, byte ranges of WARC files
    guardian.py     the Guardian content API: query and date range, bodies from API fields
    captures.py     what every capture records (archive, timestamp) and date handling

Each turns an archive's answer into ``factwatch.work.FetchedPage`` items whose
``url`` is the original URL (so captures and live fetches share one article)
and whose ``metadata["capture"]`` says which archive held it and when.  None
of them touches the database: cursors (where a source stopped) are plain
values the caller stores.
"""

ARCHIVE_KINDS = ("wayback", "commoncrawl", "warc", "guardian")
