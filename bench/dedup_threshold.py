"""Tune the simhash near-duplicate distance on wire-style copies.

For each article body of the extraction benchmark (../shared/bench/extraction,
or the folder given as the first argument) a "wire copy" is made the way
syndicated agency copy differs between outlets: the first paragraph is replaced
by a different intro, a byline line is added and a few words are edited.
Prints the distribution of Hamming distances between each article and its
copy, and between unrelated articles, with the share of each kept at every
threshold.  Then stores every article's simhash in the near-duplicate index of
``db.nearindex`` (a real SQLite file) and looks each copy up through it, to
check that the index finds what a scan of every stored hash finds.

    .venv/bin/python bench/dedup_threshold.py [BENCH_DIR]
"""

from __future__ import annotations

import itertools
import json
import random
import sys
import tempfile
from pathlib import Path

from factwatch.core.fingerprints import NEAR_DUPLICATE_DISTANCE, hamming, simhash
from factwatch.db import nearindex, open_db

EDITS = 5


def wire_copy(body: str, other_intro: str, rng: random.Random) -> str:
    paragraphs = [p.split(" ") for p in body.split("\n") if p.strip()]
    paragraphs[0] = other_intro.split(" ")
    for _ in range(EDITS if len(paragraphs) > 1 else 0):
        words = paragraphs[rng.randrange(1, len(paragraphs))]
        words[rng.randrange(len(words))] = rng.choice(["said", "the", "also", "new"])
    lines = ["By Press Association reporter"] + [" ".join(w) for w in paragraphs]
    return "\n\n".join(lines)


def main() -> None:
    base = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).resolve().parents[2] / "shared" / "bench" / "extraction"
    )
    truth = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    bodies = [v["articleBody"] for _, v in sorted(truth.items())]
    bodies = [b for b in bodies if len(b.split()) >= 150 and len(b.split("\n")) >= 3]
    rng = random.Random(2017)
    copies, sizes, copy_hashes = [], [], []
    for i, body in enumerate(bodies):
        intro = bodies[(i + 1) % len(bodies)].split("\n")[0]
        copy_hashes.append(simhash(wire_copy(body, intro, rng)))
        copies.append(hamming(simhash(body), copy_hashes[-1]))
        sizes.append(len(body.split()))
    hashes = [simhash(b) for b in bodies]
    unrelated = [hamming(a, b) for a, b in itertools.combinations(hashes, 2)]
    print(f"articles: {len(bodies)} (>= 150 words), unrelated pairs: {len(unrelated)}")
    short = [d for d, n in zip(copies, sizes, strict=True) if n < 400]
    print(
        f"copy distance: max {max(copies)}, max under 400 words {max(short, default=0)}, "
        f"max 400+ words {max(d for d, n in zip(copies, sizes, strict=True) if n >= 400)}"
    )
    print(f"unrelated distance: min {min(unrelated)}, mean {sum(unrelated) / len(unrelated):.1f}")
    print("threshold  copies-kept  unrelated-merged")
    for t in (3, 6, 8, 10, 12, 14, 16, 18):
        kept = sum(d <= t for d in copies) / len(copies)
        merged = sum(d <= t for d in unrelated)
        print(f"{t:9d}  {kept:11.1%}  {merged:16d}")
    index_check(hashes, copy_hashes)


def index_check(hashes: list[int], copy_hashes: list[int]) -> None:
    """Each copy looked up through the index against a scan of every stored hash."""
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "index.db")
        with db.conn:
            for article_id, value in enumerate(hashes, start=1):
                nearindex.add(db, article_id, value)
        found = [
            nearindex.nearest_article(db, c, max_distance=NEAR_DUPLICATE_DISTANCE)
            for c in copy_hashes
        ]
        scanned = [
            next(
                (
                    i
                    for i, h in enumerate(hashes, start=1)
                    if hamming(h, c) <= NEAR_DUPLICATE_DISTANCE
                ),
                None,
            )
            for c in copy_hashes
        ]
        db.conn.close()
    own = sum(f == i for i, f in enumerate(found, start=1))
    print(
        f"index at {NEAR_DUPLICATE_DISTANCE} bits: {own}/{len(copy_hashes)} copies found their "
        f"original ({own / len(copy_hashes):.1%}), "
        f"{sum(f is not None and f != i for i, f in enumerate(found, start=1))} found another "
        f"article; same answers as a scan: {found == scanned}"
    )


if __name__ == "__main__":
    main()
