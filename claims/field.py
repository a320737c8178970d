"""Statements about the size of the field: "three candidates", "the third candidate".

Omission uses them (an article that says there were more candidates has not
left one out); framing uses the stricter ``states_field_size`` to see when an
article corrects a two-person phrase it mentions ("often presented as a
two-horse race, there were three names on the ballot paper").
"""

from __future__ import annotations

import re
from functools import lru_cache

from factwatch.claims.facts import Facts

_NUM = {2: "two|2", 3: "three|3", 4: "four|4", 5: "five|5", 6: "six|6", 7: "seven|7"}
_ORD = {2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh"}
_LOSS = r"(?:defeated|losing|beaten|unsuccessful)"


@lru_cache(maxsize=16)
def _patterns(n: int) -> tuple[re.Pattern | None, re.Pattern | None]:
    """(strict statements of the field size, looser acknowledgements) for n candidates."""
    if n not in _NUM:
        return None, None
    total, others = _NUM[n], _NUM.get(n - 1, "")
    strict = [
        rf"\b(?:{total})[- ](?:candidates|contenders|way|horse|cornered|person|man)\b",
        rf"\b{_ORD[n]}[- ](?:candidate|contender|man|placed|place)\b",
        rf"\bfinished {_ORD[n]}\b|\bcame {_ORD[n]}\b|\bin {_ORD[n]} place\b",
        rf"\b(?:{total}) (?:people|men|women|names|candidates) (?:stood|were on the ballot|on the"
        r" ballot)\b",
    ]
    loose = list(strict)
    if others:
        strict.append(rf"\b(?:{others}) {_LOSS} (?:candidates|challengers|rivals|contenders)\b")
        strict.append(rf"\b(?:the )?other (?:{others}) (?:candidates|challengers|contenders)\b")
        # "Two candidates lost, not one."
        strict.append(
            rf"\b(?:{others}) (?:candidates|challengers|contenders|men|people) (?:lost|were"
            r" defeated|were beaten)\b"
        )
        loose.append(
            rf"\b(?:{others}|both) (?:other |{_LOSS} )?"
            r"(?:candidates|challengers|rivals|opponents|contenders|losers)\b"
        )
        loose.append(rf"\b(?:the )?other (?:{others}) (?:candidates|challengers|contenders)\b")

    def join(pats: list[str]) -> re.Pattern:
        return re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE)

    return join(strict), join(loose)


def acknowledges_field(facts: Facts, text: str) -> bool:
    """Does the text say there were more candidates without naming them?"""
    loose = _patterns(len(facts.candidates))[1]
    return bool(loose and loose.search(text))


def states_field_size(facts: Facts, text: str) -> bool:
    """Does the text state how many stood or lost ("three candidates", "two defeated
    candidates")?  "Both candidates" does not count."""
    strict = _patterns(len(facts.candidates))[0]
    return bool(strict and strict.search(text))
