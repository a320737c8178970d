"""Statements about the size of a field: "three candidates", "the third candidate".

Omission uses ``acknowledges_field`` (an article that says there were more
candidates has not left one out); framing uses ``states_field`` to see when
a sentence corrects the two-person phrase it mentions ("billed as a
head-to-head, it became a three-way contest").  The numbers come from the
contest's own field, so the same words work for any election.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factwatch.claims.facts_records import Facts
from factwatch.claims.lexicon import lexicon
from factwatch.claims.numbers import ORDINALS

# A candidate on the ballot with less than this share of the first count is a minor one:
# coverage that leaves them out, or calls a race of three contenders and four minor
# candidates "a three-way fight", misleads nobody.
MINOR_SHARE = 0.03
FRONT_SHARE = 0.15

_NUM = {
    2: "two|2",
    3: "three|3",
    4: "four|4",
    5: "five|5",
    6: "six|6",
    7: "seven|7",
    8: "eight|8",
    9: "nine|9",
    10: "ten|10",
}
_ORD = {n: word for word, n in ORDINALS.items() if n > 1}
_LEX = lexicon()


@lru_cache(maxsize=64)
def _patterns(n: int, losers: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(strict statements of the field, looser acknowledgements) for n on the ballot."""
    loss = _LEX.alt("loss_adj")
    people = (
        r"(?:candidates|contenders|contestants|challengers|rivals|names|people|men|women|hopefuls"
        r"|horses|runners)"
    )
    strict: list[str] = []
    if n in _NUM:
        total = _NUM[n]
        strict += [
            rf"\b(?:{total})[\s-](?:candidates?|contenders?|way|horse|cornered|person|man|woman|"
            rf"sided)\b",
            rf"\b(?:{total})\s+(?:people|men|women|names|candidates|contenders)\s+(?:stood|ran|"
            rf"were\s+on\s+the\s+ballot|on\s+the\s+ballot|contested|fought|in\s+the\s+(?:race|running))",
            rf"\b(?:{total})\s+(?:\w+\s+)?{people}\b",
            rf"\b(?:{total})\s+(?:were\s+|names\s+|of\s+them\s+)?on\s+the\s+(?:ballot|paper)",
        ]
    if n in _ORD:
        strict += [
            rf"\b{_ORD[n]}[\s-](?:candidate|contender|man|woman|placed|place|name|hopeful)\b",
            rf"\b(?:finished|came|placed|was|ended)\s+(?:a\s+(?:distant|poor|respectable|"
            rf"creditable|strong)\s+)?{_ORD[n]}\b",
            rf"\bin\s+{_ORD[n]}\s+place\b",
        ]
    if n - 1 in _NUM and n >= 3:
        others = _NUM[n - 1]
        strict += [
            rf"\b(?:the\s+)?other\s+(?:{others})\s+{people}\b",
            rf"\b(?:{others})\s+(?:other\s+)?{people}\s+(?:who\s+)?(?:lost|were\s+defeated|"
            rf"were\s+beaten)\b",
        ]
    if losers in _NUM and losers >= 2:
        strict.append(rf"\b(?:{_NUM[losers]}|both)\s+(?:(?:{loss}|other)\s+)+{people}\b")
        strict.append(rf"\b(?:{_NUM[losers]}|both)\s+losers\b")
        strict.append(
            rf"\bone\s+of\s+(?:the\s+)?(?:{_NUM[losers]}|both)\s+(?:(?:{loss})\s+)?{people}"
        )
    loose = list(strict)
    one = r"(?:candidate|contender|contestant|challenger|rival|name|person|man|woman|hopeful)"
    loose += [
        rf"\b(?:a|the|another|one)\s+(?:other\s+)?third\s+(?:\w+\s+)?{one}",
        rf"\b(?:the\s+)?(?:other|remaining)\s+{people}\b",
        rf"\ball\s+(?:three|four|five|six|3|4|5|6)\s+{people}\b",
        rf"\b(?:two|three|four|five|six|seven|eight|nine|ten|both|[2-9])\s+(?:other\s+|remaining\s+)?"
        rf"(?:{loss}\s+)?(?:challengers|rivals|opponents|candidates|contenders|losers|also-rans|"
        rf"also\s+rans|outsiders|others)\b",
        # the field counted or taken together: "a field of eight", "a seven-name field", "the
        # rest of the field"
        r"\b(?:a|the|an)\s+field\s+of\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|"
        r"eleven|twelve)\b",
        r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-](?:name|strong|"
        r"candidate|person|horse)\s+field\b",
        r"\bthe\s+rest\s+of\s+the\s+(?:field|candidates|pack)\b",
    ]

    def join(pats: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in pats) or r"(?!x)x")

    return join(strict), join(loose)


def states_field(norm: str, n: int, losers: int) -> bool:
    """Does the (normalised) text state how many stood or lost?"""
    return bool(_patterns(n, losers)[0].search(norm))


def acknowledges_field(norm: str, n: int, losers: int) -> bool:
    """Does the text say there were more candidates, without naming them?"""
    return bool(_patterns(n, losers)[1].search(norm))


def contenders(facts: Facts) -> tuple[str, ...]:
    """The candidates on the ballot who drew at least ``MINOR_SHARE`` of the first count's
    votes; all of them when the facts do not record every one's votes."""
    return facts.once("field.contenders", lambda f: _contenders(f, MINOR_SHARE))


def front_runners(facts: Facts) -> tuple[str, ...]:
    """The candidates who drew at least ``FRONT_SHARE`` of the first count's votes: a
    race of three front-runners and two lesser contenders is "a three-cornered contest"
    to much coverage, and "a five-way race" to the rest."""
    return facts.once("field.front", lambda f: _contenders(f, FRONT_SHARE))


def _contenders(facts: Facts, share: float) -> tuple[str, ...]:
    on = facts.this.on_ballot
    votes = {
        f.subject: f.value
        for f in facts.figures
        if f.contest == "this"
        and f.measure == "votes"
        and f.round in (None, 1)
        and not f.derived
        and f.subject in on
    }
    total = sum(votes.values())
    if len(votes) < len(on) or not total:
        return tuple(on)
    return tuple(p for p in on if votes[p] >= share * total)
