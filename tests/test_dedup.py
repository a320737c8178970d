"""Duplicate detection: identical text by content hash, wire copies by simhash."""

from __future__ import annotations

from pathlib import Path

import pytest

from factwatch.core.fingerprints import (
    NEAR_DUPLICATE_DISTANCE,
    content_hash,
    hamming,
    is_near_duplicate,
    simhash,
)

WIRE = Path(__file__).parent / "fixtures" / "wire"


def story(name: str) -> str:
    return (WIRE / f"{name}.txt").read_text(encoding="utf-8")


def test_identical_text_has_the_same_hash():
    assert content_hash(story("pa-original")) == content_hash(story("pa-original"))


def test_hash_ignores_whitespace_case_and_quote_style():
    a = "Coyne said: \u201cThe guidelines were breached.\u201d\n\nUnite disagreed."
    b = '  coyne said: "the guidelines  were breached." unite   DISAGREED. '
    assert content_hash(a) == content_hash(b)


def test_different_text_has_a_different_hash():
    assert content_hash("McCluskey won.") != content_hash("Coyne won.")


def test_hash_is_hex_sha256():
    assert len(content_hash("text")) == 64 and int(content_hash("text"), 16) >= 0


def test_wire_copy_with_new_intro_and_byline_is_a_near_duplicate():
    assert is_near_duplicate(simhash(story("pa-original")), simhash(story("regional-copy")))


def test_different_stories_on_the_same_election_are_not_near_duplicates():
    assert not is_near_duplicate(simhash(story("pa-original")), simhash(story("different-story")))


def test_identical_text_has_distance_zero():
    assert hamming(simhash(story("pa-original")), simhash(story("pa-original"))) == 0


def test_simhash_fits_64_bits():
    assert 0 < simhash(story("different-story")) < 2**64


def test_text_without_words_has_simhash_zero():
    assert simhash(" \n\n ... ") == 0


def test_zero_simhash_is_never_a_near_duplicate():
    assert not is_near_duplicate(0, 0)


@pytest.mark.parametrize(("a", "b", "bits"), [(0b1011, 0b0001, 2), (2**64 - 1, 0, 64), (5, 5, 0)])
def test_hamming_counts_differing_bits(a, b, bits):
    assert hamming(a, b) == bits


def test_max_distance_is_respected():
    a = simhash(story("pa-original"))
    b = a ^ ((1 << (NEAR_DUPLICATE_DISTANCE + 1)) - 1)  # flip one bit too many
    assert not is_near_duplicate(a, b) and is_near_duplicate(a, b, max_distance=64)
