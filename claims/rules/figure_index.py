"""The recorded figures a number read in a text may be judged against.

``FigureIndex(facts)`` holds a facts file's figures (or an earlier count's) by
contest, measure and unit; ``candidates`` narrows them to the ones a reading
fits: the same person, a share's basis, a margin's two sides (or the closest
pair), a count of the same kind of thing, the round the words name.
``most_precise`` keeps, of figures for one thing, the most precise.
"""

from __future__ import annotations

import re

from factwatch.claims.count_nouns import counts_noun, stem
from factwatch.claims.facts import Facts
from factwatch.claims.measure_counts import _NOMINATING
from factwatch.claims.measures import Reading
from factwatch.claims.model import Figure
from factwatch.claims.numbers import NumberMention

_LETTERS = re.compile(r"[a-z]+")


class FigureIndex:
    """Figures by contest, measure and unit, and the ones a reading fits."""

    def __init__(self, facts: Facts, figures: list[Figure] | None = None):
        self.facts = facts
        self.by = _indexed(facts.figures if figures is None else figures)

    def get(self, key: tuple[str, str, str]) -> list[Figure]:
        return self.by.get(key, [])

    def candidates(
        self, contest: str, r: Reading, n: NumberMention, text: str = "", before: str = ""
    ) -> list[Figure]:
        """The recorded figures the reading may be judged against; ``text`` is the
        sentence, ``before`` the one before it."""
        unit = n.unit
        figs = self.by.get((contest, r.measure, unit), [])
        if r.measure in ("votes", "share", "nominations", "gain"):
            figs = [f for f in figs if f.subject == r.subject]
        if r.measure == "share" and r.bases:
            figs = [f for f in figs if f.basis in r.bases]
        if r.measure == "margin":
            figs = self._margins(contest, figs, r)
            if r.bases:  # "by 20.3 points of all ballots cast"
                figs = [f for f in figs if f.basis in r.bases or f.basis is None]
        if r.measure == "nominations":
            figs = self._qualified(figs, r.counts)
        if r.measure == "count":
            figs = self._counts(contest, figs, r, unit, text, before)
        if r.round is not None and any(f.round for f in figs):
            last = max((f.round or 1) for f in figs)
            want = last if r.round == -1 else r.round
            figs = [f for f in figs if (f.round or 1) == want]
        return figs

    def _counts(
        self, contest: str, figs: list[Figure], r: Reading, unit: str, text: str, before: str
    ) -> list[Figure]:
        """The recorded counts a count of things read in the text may be."""
        said = frozenset(stem(w) for w in _LETTERS.findall(text))
        # Somebody's count ("41 local parties behind him") is not the organisation's
        # ("the party's 412 local parties"): with a subject, only that person's.
        figs = [f for f in figs if counts_noun(f.counts, r.counts, said) and f.subject == r.subject]
        named = [f for f in figs if f.id in _OPTION_IDS and f.counts.lower() == r.counts.lower()]
        if named:
            return named  # a ballot option counted by its own name ("RON"), whatever is near
        if not figs and r.subject is None:
            # "1,986 delegates were accredited": the electorate, in the words the facts
            # count it in ("accredited delegates")
            figs = [
                f
                for f in self.by.get((contest, "electorate", unit), [])
                if f.counts and counts_noun(f.counts, r.counts, said)
            ]
        if r.subject is None and _NOMINATING.search(before + " " + text):
            # "led the nominations, with 41 local parties": somebody's nominations,
            # not the organisation's 412 local parties
            figs = [f for f in figs if _NOMINATING.search(f.counts)]
        if not figs and r.subject and (r.nominating or _NOMINATING.search(before + " " + text)):
            # "221 branches behind her" when nominations close: her nominations, or
            # her count of nominations of that kind ("128 local parties")
            noms = self.by.get((contest, "nominations", unit), [])
            kinds = self.by.get((contest, "count", unit), [])
            figs = [
                f
                for f in kinds
                if f.subject == r.subject
                and "nominat" in f.counts
                and counts_noun(f.counts, r.counts, said)
            ] or [f for f in noms if f.subject == r.subject]
        return figs

    def _margins(self, contest: str, figs: list[Figure], r: Reading) -> list[Figure]:
        if r.subject and r.other:
            pair = {r.subject, r.other}
            return [f for f in figs if {f.subject, f.other} == pair]
        this = self.facts.contests.get(contest)
        if this is None:
            return []
        person = r.subject or r.other
        # "won by 5,523": over the next one behind; with nobody named, winner over runner-up.
        best: list[Figure] = []
        for f in figs:
            if person and person not in (f.subject, f.other):
                continue
            if not person and f.subject not in this.winners:
                continue
            best.append(f)
        if not best:
            return []
        # "21,874 behind Pike": the one side named is ahead (a reading's subject is),
        # over whoever is next behind in some round
        if r.subject and not r.other:
            best = [f for f in best if f.subject == r.subject] or best
        by_round: dict[int, list[Figure]] = {}
        for f in best:
            by_round.setdefault(f.round or 1, []).append(f)
        out: list[Figure] = []
        for group in by_round.values():
            smallest = min(f.value for f in group if f.unit == group[0].unit)
            closest_pair = {(f.subject, f.other) for f in group if f.value == smallest}
            out.extend(f for f in group if (f.subject, f.other) in closest_pair)
        return out

    @staticmethod
    def _qualified(figs: list[Figure], words: str) -> list[Figure]:
        def mods(f: Figure) -> list[str]:
            return [w for w in f.counts.split() if not w.startswith("nominat")]

        said = {stem(w) for w in _LETTERS.findall(words.lower())}  # "local-party": both
        special = [f for f in figs if mods(f) and all(stem(m.lower()) in said for m in mods(f))]
        general = [f for f in figs if not mods(f)]
        if special and all(f.as_of for f in special):
            # counts taken before the final one ("18 local-party nominations at the interim
            # bulletin") do not displace the final count of the same kind
            return special + general
        return special or general


_OPTION_IDS = frozenset({"others", "others.share"})  # the votes for no listed candidate


def _indexed(figures: list[Figure]) -> dict[tuple[str, str, str], list[Figure]]:
    """Figures by contest, measure and unit."""
    out: dict[tuple[str, str, str], list[Figure]] = {}
    for f in figures:
        out.setdefault((f.contest, f.measure, f.unit), []).append(f)
    return out


def most_precise(figs: list[Figure]) -> list[Figure]:
    """Of figures for the same thing (the recorded "6.5%" and the 6.51% worked out from
    the votes), the most precise: a writer's "6.4%" is wrong for either."""
    best: dict[tuple[object, ...], Figure] = {}
    for f in figs:
        # two recorded counts of one thing (each ballot's) both stand
        own = f.id if f.measure == "count" and not f.derived else ""
        key = (f.measure, f.subject, f.other, f.basis, f.round or 1, f.counts, own)
        if key not in best or f.half_unit < best[key].half_unit:
            best[key] = f
    return list(best.values())
