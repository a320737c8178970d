"""WARC files of the demo world's past coverage, for the archive tests.

path = demo_warc(tmp_path / "past.warc.gz")            # every demo capture
path = demo_warc(tmp_path / "x.warc", gzip=False, extra=[revisit(...), ...])
"""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from factwatch.demo.past import Capture, editions, past_captures, warc_date, warc_records  # noqa: F401


def record_bytes(build, *, gzip: bool = True) -> bytes:
    """One record made by ``build(writer)``, as bytes."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    writer.write_record(build(writer))
    return buf.getvalue()


def revisit_of(capture: Capture, *, timestamp: str, gzip: bool = True) -> bytes:
    def build(writer: WARCWriter):
        http = StatusAndHeaders("200 OK", [("Content-Type", capture.content_type)], "HTTP/1.1")
        return writer.create_revisit_record(
            capture.url,
            digest="sha1:" + capture.digest,
            refers_to_uri=capture.url,
            refers_to_date=warc_date(capture.timestamp),
            http_headers=http,
            warc_headers_dict={"WARC-Date": warc_date(timestamp)},
        )

    return record_bytes(build, gzip=gzip)


def plain_record(url: str, body: bytes, content_type: str, *, gzip: bool = True) -> bytes:
    capture = Capture("x", "/", url, "20170501000000", body, content_type=content_type)
    return warc_records([capture], gzip=gzip)[0][1]


def demo_warc(
    path: Path, *, gzip: bool = True, captures: list[Capture] | None = None, extra: list[bytes] = ()
) -> Path:
    """A WARC file of demo captures followed by ``extra`` raw records."""
    captures = past_captures() if captures is None else captures
    with path.open("wb") as handle:
        for _, data in warc_records(captures, gzip=gzip):
            handle.write(data)
        for data in extra:
            handle.write(data)
    return path


def expected_problems(db, captures: list[Capture]) -> list[str]:
    """Differences between the findings stored for ``captures`` and expected.toml."""
    import re

    from factwatch.demo.expected import load_expected

    def norm(text: str) -> str:
        text = text.replace("\u2019", "'").replace("\u2018", "'")
        return re.sub(r"\s+", " ", text).strip().lower()

    problems = []
    expected = load_expected()
    for capture in captures:
        item = expected.article(capture.outlet, capture.path)
        row = db.execute("SELECT id FROM articles WHERE url = ?", [capture.url]).fetchone()
        if item is None or not item.topic or item.fetch == "empty":
            if row is not None:
                problems.append(f"stored {capture.url}, expected nothing")
            continue
        if row is None:
            problems.append(f"missing {capture.url}")
            continue
        found = [
            f
            for f in db.query(
                "SELECT kind, quote FROM findings WHERE article_id = ? AND stale = 0", [row[0]]
            )
            if f["kind"] in ("framing", "omission", "figure", "unchallenged_claim")
        ]
        for exp in item.findings:
            hit = next(
                (
                    f
                    for f in found
                    if f["kind"] == exp.kind
                    and (exp.key is None or norm(exp.key) in norm(f["quote"]))
                ),
                None,
            )
            if hit is None:
                problems.append(f"missed {exp.kind} {exp.key!r} in {capture.url}")
            else:
                found.remove(hit)
        problems += [f"unexpected {f['kind']} {f['quote'][:50]!r} in {capture.url}" for f in found]
    return problems
