"""Many small sets tested at once against one sentence's concepts.

The sets are numbered (their slots), and for each member a bitmap (a Python
int, one bit per slot) says which sets hold it.  Whatever the number of sets,
a sentence then costs a few whole-int operations per concept it holds:

    counts = Counts([{"rule", "staff"}, {"rule", "neutral", "staff"}], need=[2, 2])
    counts.at_least({"rule", "staff"})            # 0b11: both sets hold two of them
    counts.at_least({"rule", "neutral"})          # 0b10: only the second does

`Counts` adds the bitmaps of the held concepts in a bit-sliced counter (one
int per binary digit of every slot's count) and compares each slot's count
with its own threshold in one pass over the digits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def bitmaps(sets: Sequence[Iterable[str]]) -> dict[str, int]:
    """Member -> the slots (bits) of the sets that hold it."""
    out: dict[str, int] = {}
    for slot, members in enumerate(sets):
        for m in members:
            out[m] = out.get(m, 0) | 1 << slot
    return out


def slots(bitmap: int) -> list[int]:
    """The slots set in a bitmap, lowest first."""
    out = []
    while bitmap:
        low = bitmap & -bitmap
        out.append(low.bit_length() - 1)
        bitmap ^= low
    return out


class Counts:
    """Which sets hold at least their own number (``need``) of a sentence's concepts."""

    def __init__(self, sets: Sequence[Iterable[str]], need: Sequence[int]):
        self.of = bitmaps(sets)
        self.all = (1 << len(need)) - 1
        most = max([len(set(s)) for s in sets] + [max(n, 0) for n in need], default=0)
        self.digits = most.bit_length()
        # Every slot's need, as bit planes like the counts.
        self.need = [
            sum(1 << slot for slot, n in enumerate(need) if n > 0 and n >> i & 1)
            for i in range(self.digits)
        ]

    def count(self, held: Iterable[str]) -> list[int]:
        """Every slot's count of held members, as bit planes (least significant first)."""
        planes = [0] * self.digits
        of = self.of
        for c in held:
            carry = of.get(c, 0)
            for i, plane in enumerate(planes):
                if not carry:
                    break
                planes[i], carry = plane ^ carry, plane & carry
        return planes

    def at_least(self, held: Iterable[str]) -> int:
        """The slots (a bitmap) whose sets hold at least ``need`` of ``held``: the counts
        and the needs compared digit by digit from the most significant."""
        planes = self.count(held)
        greater, equal = 0, self.all
        for i in reversed(range(self.digits)):
            got, need = planes[i], self.need[i]
            greater |= equal & got & ~need
            equal &= ~(got ^ need)
        return greater | equal
