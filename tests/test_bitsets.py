"""Many small sets tested at once (claims.bitsets): the same answers as testing each."""

from __future__ import annotations

import random

from factwatch.claims.bitsets import Counts, bitmaps, slots


def test_bitmaps_give_each_member_the_slots_of_its_sets():
    assert bitmaps([{"a", "b"}, {"b"}, set()]) == {"a": 0b1, "b": 0b11}


def test_slots_lists_the_bits_lowest_first():
    assert slots(0b101001) == [0, 3, 5]
    assert slots(0) == []


def test_at_least_compares_each_set_with_its_own_need():
    counts = Counts([{"rule", "staff"}, {"rule", "neutral", "staff"}], [2, 3])
    assert counts.at_least({"rule", "staff"}) == 0b01
    assert counts.at_least({"rule", "staff", "neutral"}) == 0b11


def test_a_need_of_zero_always_holds_and_one_above_any_set_never():
    counts = Counts([set(), {"a"}], [0, 2])
    assert counts.at_least(set()) == 0b01
    assert counts.at_least({"a", "b"}) == 0b01


def test_at_least_agrees_with_counting_set_by_set():
    rng = random.Random(5)
    words = [f"w{i}" for i in range(12)]
    sets = [set(rng.sample(words, rng.randint(0, 9))) for _ in range(300)]
    need = [rng.randint(0, len(s) + 1) for s in sets]
    counts = Counts(sets, need)
    for _ in range(200):
        held = set(rng.sample(words, rng.randint(0, 12)))
        expected = [n for n, s in enumerate(sets) if len(s & held) >= need[n]]
        assert slots(counts.at_least(held)) == expected
