"""Near-duplicate lookup through an index of simhash blocks, never a table scan.

Each stored article's 64-bit simhash is cut into ``BLOCKS`` blocks of 16 bits,
and the table ``simhash_blocks`` holds one row per block: the key
``block << 16 | value``, the article id and the whole simhash.  If two hashes
differed in more than ``radii[i]`` bits of every block i, they would differ
in at least ``sum(radii) + BLOCKS`` bits in all (the generalised pigeonhole
principle); so with ``sum(radii) = max_distance - BLOCKS + 1`` every stored
hash within ``max_distance`` has, in some block i, a value within
``radii[i]`` bits of the new hash's value there.  At the default distance of
12 the radii are 3, 2, 2, 2: the lookup asks the primary key for 697 + 3 x
137 block values (SQLite expands them from the table ``simhash_masks``),
then checks the whole distance of each candidate.  It finds exactly the
articles a scan of every stored hash would, and its cost grows with the
number of candidates (about 1.7% of the table for random hashes) rather than
with the table.

The rows are written by ``db.store`` in the transaction that stores the
article; a trigger removes them when an article is deleted.  Migration
``m009_simhash_index`` creates the table and fills it for existing articles;
``m013_simhash_masks`` adds the masks.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable

import sqlite_utils

BLOCKS = 4
BLOCK_BITS = 16
TABLE = "simhash_blocks"
MASKS = "simhash_masks"
MAX_RADIUS = 4  # beyond this many bits per block, probing costs more than reading the index
_BLOCK_MASK = (1 << BLOCK_BITS) - 1
_SIGN = 1 << 63
_U64 = 1 << 64
_MASK = _U64 - 1

SCHEMA = [
    f"""CREATE TABLE IF NOT EXISTS {TABLE} (
        key INTEGER NOT NULL,        -- block << 16 | the block's 16 bits
        article_id INTEGER NOT NULL,
        simhash INTEGER NOT NULL,    -- the whole 64-bit simhash, as a signed integer
        PRIMARY KEY (key, article_id)
    ) WITHOUT ROWID""",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_article ON {TABLE} (article_id)",
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_article_deleted AFTER DELETE ON articles BEGIN
        DELETE FROM {TABLE} WHERE article_id = old.id;
    END""",
]


def _signed(value: int) -> int:
    return value - _U64 if value & _SIGN else value


def _unsigned(value: int) -> int:
    return value + _U64 if value < 0 else value


def blocks(simhash: int) -> list[int]:
    """The ``BLOCKS`` 16-bit blocks of ``simhash``, most significant first."""
    shift = BLOCK_BITS * (BLOCKS - 1)
    return [(simhash >> (shift - BLOCK_BITS * i)) & _BLOCK_MASK for i in range(BLOCKS)]


def keys(simhash: int) -> list[int]:
    """The index keys of one simhash (one per block)."""
    return [(i << BLOCK_BITS) | value for i, value in enumerate(blocks(simhash))]


@functools.cache
def _masks(radius: int) -> tuple[int, ...]:
    """Every 16-bit value with at most ``radius`` bits set."""
    return tuple(m for m in range(1 << BLOCK_BITS) if m.bit_count() <= radius)


def radii(max_distance: int) -> list[int]:
    """Per-block radii adding up to ``max_distance - BLOCKS + 1`` (at least 0 each)."""
    total = max(0, max_distance - BLOCKS + 1)
    base, extra = divmod(total, BLOCKS)
    return [base + (1 if i < extra else 0) for i in range(BLOCKS)]


def probe_keys(simhash: int, max_distance: int) -> list[int]:
    """The keys a hash within ``max_distance`` of ``simhash`` has at least one of."""
    out: list[int] = []
    for i, (value, radius) in enumerate(zip(blocks(simhash), radii(max_distance), strict=True)):
        base = i << BLOCK_BITS
        out.extend(base | (value ^ m) for m in _masks(radius))
    return out


def add(db: sqlite_utils.Database, article_id: int, simhash: int) -> None:
    """Index one article's simhash (nothing for 0, the hash of a text without words)."""
    if not simhash:
        return
    signed = _signed(simhash)
    db.conn.executemany(
        f"INSERT OR REPLACE INTO {TABLE} (key, article_id, simhash) VALUES (?, ?, ?)",
        [(key, article_id, signed) for key in keys(simhash)],
    )


def replace(db: sqlite_utils.Database, article_id: int, simhash: int) -> None:
    """Re-index an article whose text (and so its simhash) changed."""
    db.execute(f"DELETE FROM {TABLE} WHERE article_id = ?", [article_id])
    add(db, article_id, simhash)


# Every block value within the radius, expanded by SQLite itself: the probes
# are the table's masks XOR the new hash's blocks (a XOR b written as
# (a | b) - (a & b), SQLite having no XOR), each one a primary-key search.
_PROBE = f"""
WITH b(block, value, radius) AS (VALUES (0, ?, ?), (1, ?, ?), (2, ?, ?), (3, ?, ?))
SELECT s.article_id, s.simhash FROM b, {MASKS} m, {TABLE} s
WHERE m.radius = b.radius
  AND s.key = (b.block << {BLOCK_BITS}) | ((b.value | m.mask) - (b.value & m.mask))
"""


def create_masks(db: sqlite_utils.Database) -> None:
    """The table of 16-bit masks with at most 0..MAX_RADIUS bits set (idempotent)."""
    db.execute(
        f"CREATE TABLE IF NOT EXISTS {MASKS} (radius INTEGER NOT NULL, mask INTEGER NOT NULL, "
        "PRIMARY KEY (radius, mask)) WITHOUT ROWID"
    )
    db.conn.executemany(
        f"INSERT OR IGNORE INTO {MASKS} (radius, mask) VALUES (?, ?)",
        [(radius, mask) for radius in range(MAX_RADIUS + 1) for mask in _masks(radius)],
    )


def _has_masks(db: sqlite_utils.Database) -> bool:
    return bool(
        db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MASKS]
        ).fetchone()
    )


def _candidates(db: sqlite_utils.Database, simhash: int, max_distance: int) -> Iterable[tuple]:
    per_block = radii(max_distance)
    if max(per_block) > MAX_RADIUS:
        # A very loose distance: reading one block's rows (one per article)
        # is cheaper than probing most of the key space.
        return db.execute(
            f"SELECT article_id, simhash FROM {TABLE} WHERE key < ?", [1 << BLOCK_BITS]
        )
    if _has_masks(db):
        pairs = zip(blocks(simhash), per_block, strict=True)
        return db.conn.execute(_PROBE, [x for pair in pairs for x in pair])
    return db.execute(
        f"SELECT article_id, simhash FROM {TABLE} WHERE key IN (SELECT value FROM json_each(?))",
        [json.dumps(probe_keys(simhash, max_distance))],
    )


def nearest_article(db: sqlite_utils.Database, simhash: int, *, max_distance: int) -> int | None:
    """The oldest stored article (lowest id) whose simhash is within ``max_distance``."""
    if not simhash:
        return None
    signed = _signed(simhash)  # stored hashes are signed: XOR them as they are
    near = [
        article_id
        for article_id, other in _candidates(db, simhash, max_distance)
        if ((other ^ signed) & _MASK).bit_count() <= max_distance
    ]
    return min(near) if near else None


def near_story(db: sqlite_utils.Database, simhash: int, *, max_distance: int) -> int | None:
    """The story of the oldest stored article within ``max_distance`` bits, if any."""
    article_id = nearest_article(db, simhash, max_distance=max_distance)
    if article_id is None:
        return None
    row = db.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchone()
    return row[0] if row else None


def create(db: sqlite_utils.Database) -> None:
    """Create the index table, its article index and the delete trigger (idempotent)."""
    for statement in SCHEMA:
        db.execute(statement)


def backfill(db: sqlite_utils.Database) -> int:
    """Index every stored article that has a simhash; returns how many."""
    count = 0
    rows = db.execute(
        "SELECT id, simhash FROM articles WHERE simhash IS NOT NULL AND simhash != ''"
    ).fetchall()
    for article_id, hexhash in rows:
        add(db, article_id, int(hexhash, 16))
        count += 1
    return count
