"""Words for what a count counts: could a count the text gives ("86 delegates") be a
count the facts record ("credentialed delegates")?  Nouns compared by a rough stem."""

from __future__ import annotations


def stem(word: str) -> str:
    """A rough singular: "parties" is "party", "delegates" "delegate"."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"  # "parties": "party"
    return word[:-1] if word.endswith("s") else word


def same_noun(a: str, b: str) -> bool:
    return stem(a.lower()) == stem(b.lower())


def counts_noun(recorded: str, read: str, said: frozenset[str]) -> bool:
    """Could a count of ``read`` be the recorded count of ``recorded``?  The same words,
    the same last word, or the read noun among the recorded words when the sentence
    holds the others too ("143 were cancelled" of "memberships cancelled")."""
    if not read:
        return False
    words = recorded.split()
    noun = read.split()[-1]
    if read == recorded:
        return True
    post = next((i for i, w in enumerate(words) if i and w in _POST_MODIFIER), None)
    if post is not None:
        # "first-ballot votes of the three eliminated candidates": a count of votes, and
        # only when the sentence says the rest too
        return same_noun(words[post - 1], noun) and all(
            stem(w.lower()) in said for w in words if w not in _POST_MODIFIER
        )
    if same_noun(words[-1], noun):
        # "86 delegates" (who did something) is no count of "credentialed delegates" unless
        # the sentence says "credentialed" too: people are counted for many things
        return (
            len(read.split()) > 1
            or stem(noun) not in _PEOPLE
            or all(stem(w.lower()) in said for w in words[:-1])
        )
    if not any(same_noun(w, noun) for w in words):
        return False
    return all(stem(w.lower()) in said for w in words)


_PEOPLE = frozenset(
    stem(w)
    for w in "members delegates voters electors people workers supporters memberships".split()
)
_POST_MODIFIER = frozenset("of for from in by who that which with to on at".split())
