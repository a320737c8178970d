"""Near-duplicate lookup through the simhash block index: the same answers as a scan."""

from __future__ import annotations

import random
from pathlib import Path

from factwatch.core.fingerprints import NEAR_DUPLICATE_DISTANCE, simhash
from factwatch.core.records import Article
from factwatch.db import migrations, nearindex, open_db, store

WIRE = Path(__file__).parent / "fixtures" / "wire"


def scan(hashes: dict[int, int], query: int, max_distance: int) -> int | None:
    """What the old lookup did: read every stored hash, oldest article first."""
    for article_id in sorted(hashes):
        if (hashes[article_id] ^ query).bit_count() <= max_distance:
            return article_id
    return None


def flip(value: int, bits: int, rng: random.Random) -> int:
    for bit in rng.sample(range(64), bits):
        value ^= 1 << bit
    return value


def test_the_index_finds_what_the_scan_found(db):
    rng = random.Random(13)
    hashes = {i: rng.getrandbits(64) | 1 for i in range(1, 2001)}
    with db.conn:
        for article_id, value in hashes.items():
            nearindex.add(db, article_id, value)
    queries = [
        flip(rng.choice(list(hashes.values())), rng.randrange(0, 16), rng) for _ in range(400)
    ]
    queries += [rng.getrandbits(64) | 1 for _ in range(100)]
    queries += [v for v in hashes.values() if v >> 63][:20]  # top bit set: stored as negative
    for max_distance in (3, NEAR_DUPLICATE_DISTANCE, 20):
        found = [nearindex.nearest_article(db, q, max_distance=max_distance) for q in queries]
        expected = [scan(hashes, q, max_distance) for q in queries]
        assert found == expected
        assert sum(f is not None for f in found) > 100  # the queries do hit stored hashes


def test_a_loose_distance_reads_the_index_instead_of_probing(db):
    with db.conn:
        nearindex.add(db, 1, 0xFFFF_0000_FFFF_0000)
    assert nearindex.nearest_article(db, 0xFFFF_FFFF_FFFF_FFFF, max_distance=32) == 1
    assert nearindex.nearest_article(db, 0xFFFF_FFFF_FFFF_FFFF, max_distance=31) is None


def article(url: str, text: str) -> Article:
    return Article(
        url=url,
        canonical_url=url,
        title=url,
        text=text,
        content_hash=url,  # distinct, so only the simhash can link them
        simhash=simhash(text),
    )


def wire(name: str) -> str:
    return (WIRE / f"{name}.txt").read_text(encoding="utf-8")


def test_a_wire_copy_joins_the_story_of_the_original(db):
    original = store.store_article(db, article("https://a.example/1", wire("pa-original")), None)
    other = store.store_article(db, article("https://b.example/2", wire("different-story")), None)
    copy = store.store_article(db, article("https://c.example/3", wire("regional-copy")), None)
    assert copy.story_id == original.story_id != other.story_id


def test_the_lookup_plan_searches_the_index_and_never_scans_articles(db):
    plan = " ".join(
        row[-1]
        for row in db.execute(
            "EXPLAIN QUERY PLAN SELECT article_id, simhash FROM simhash_blocks "
            "WHERE key IN (SELECT value FROM json_each(?))",
            ["[1, 2]"],
        )
    )
    assert "SEARCH simhash_blocks USING PRIMARY KEY" in plan
    assert "articles" not in plan


def test_an_updated_article_is_found_under_its_new_text(db):
    url = "https://a.example/1"
    store.store_article(db, article(url, wire("pa-original")), None)
    changed = article(url, wire("different-story"))
    changed.content_hash = "changed"
    stored = store.store_article(db, changed, None)
    assert stored.status == "updated"
    assert nearindex.nearest_article(db, simhash(wire("different-story")), max_distance=0) == 1
    assert nearindex.nearest_article(db, simhash(wire("pa-original")), max_distance=0) is None


def test_a_deleted_article_leaves_the_index(db):
    stored = store.store_article(db, article("https://a.example/1", wire("pa-original")), None)
    with db.conn:
        db.execute("DELETE FROM article_urls")
        db.execute("DELETE FROM articles WHERE id = ?", [stored.article_id])
    assert db.execute("SELECT count(*) FROM simhash_blocks").fetchone()[0] == 0


def test_the_migration_indexes_articles_stored_before_it(db_path):
    db = open_db(db_path)
    for i, name in enumerate(["pa-original", "different-story"]):
        store.store_article(db, article(f"https://a.example/{i}", wire(name)), None)
    # The database as it was before the index existed.
    with db.conn:
        db.execute("DROP TABLE simhash_blocks")
        db.execute("DELETE FROM _migrations WHERE name = 'm009_simhash_index'")
    assert "m009_simhash_index" in migrations.migrate(db)
    assert db.execute("SELECT count(DISTINCT article_id) FROM simhash_blocks").fetchone()[0] == 2
    copy = store.store_article(db, article("https://c.example/3", wire("regional-copy")), None)
    assert copy.story_id == 1
    db.conn.close()
