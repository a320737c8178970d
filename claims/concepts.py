"""Sentences as sets of concepts, for matching claims written in plain words.

``Concepts`` reads ``claims/grammar/thesaurus.toml``: groups of words and
phrases that mean the same for our purpose ("breached", "flouted", "ignored";
"guideline", "rule", "code").  ``Concepts.read(norm)`` reduces a normalised
sentence to the set of its concepts (a group's name, else the word's stem)
and reports which of them are negated ("officials did not break any rule").
Phrases are matched before words, so "take no sides" is neutrality and "not
the only one" means "others too", neither a negation.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from factwatch.claims.lexicon import alternation, american, lexicon, normalise
from factwatch.core.errors import FactsError

WEAK = frozenset({"result"})  # concepts too common to count for or against a match
_LETTER = r"[^\W\d_]"  # a letter of any alphabet ("pérez", "château")
_WORD = re.compile(rf"{_LETTER}(?:(?:{_LETTER}|['-])*{_LETTER})?")
_NEGATION = lexicon().rx("negation")
_NEGATION_WORDS = frozenset(w for w in lexicon().words("negation") if " " not in w)
_NEGATION_FIRST = lexicon().classes["negation"].first


def _key_word(phrase: str) -> str:
    """The longest word of a phrase: present whenever the phrase is (a prefilter)."""
    return max((w.strip("'") for w in re.split(r"[\s-]+", phrase)), key=len)


@lru_cache(maxsize=1)
def _irregular() -> dict[str, str]:
    """The thesaurus's ``[irregular]`` table: each form of an irregular verb -> its base
    ("ran" -> "run", "paid" -> "pay")."""
    res = files("factwatch.claims") / "grammar" / "thesaurus.toml"
    data = tomllib.loads(res.read_text(encoding="utf-8"))
    return irregular_forms(data, "claims/grammar/thesaurus.toml")


def irregular_forms(data: dict, origin: str) -> dict[str, str]:
    """The ``[irregular]`` table checked: base forms mapped to lists of their other forms,
    and no form given two bases."""
    table = data.get("irregular", {})
    if not isinstance(table, dict) or not all(
        isinstance(forms, list) and all(isinstance(f, str) for f in forms)
        for forms in table.values()
    ):
        raise FactsError(f"{origin}: irregular: expected base forms mapped to lists of words")
    got: dict[str, str] = {}
    for base, forms in table.items():
        for form in forms:
            if got.get(form, base) != base:
                raise FactsError(
                    f"{origin}: irregular: {form!r} is a form of both {got[form]!r} and "
                    f"{base!r}; keep it under one"
                )
            got[form] = base
    return got


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem, the same for every form of a word: "campaigned" -> "campaign",
    "guidelines" -> "guidelin", "voted" and "vote" -> "vot", "ran" -> "run"."""
    w = american(word.lower().strip("'"))
    if w.endswith("'s"):
        w = w[:-2]
    w = _irregular().get(w, w)
    return _without_e(_suffixless(w))


def _without_e(w: str) -> str:
    """A silent final e dropped, so that "vote" meets "voted" and "voting"."""
    return w[:-1] if len(w) > 3 and w.endswith("e") and not w.endswith("ee") else w


def _suffixless(w: str) -> str:
    for suffix, keep in (
        ("ingly", 5),
        ("ings", 5),
        ("ing", 4),
        ("ied", 4),
        ("ies", 4),
        ("ed", 4),
        ("es", 4),
        ("s", 4),
        ("ly", 5),
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= keep - 1:
            base = w[: -len(suffix)]
            if suffix in ("ied", "ies"):
                base += "y"
            if suffix == "ed" and base.endswith("e"):
                base += "e"  # "agreed": "agree"
            if suffix == "es" and not re.search(r"(?:s|x|z|ch|sh)$", base):
                base = w[:-1]
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsaeiou":
                base = base[:-1]
            return base
    return w


@dataclass
class Reading:
    concepts: set[str]
    negated: set[str]
    spans: dict[str, tuple[int, int]]  # concept -> first span (offsets in the text given)


# "weren't put in the mail until a week later": lateness, not a denial
_NOT_UNTIL = re.compile(r"(?:\s+[\w'-]+){0,6}?\s+until(?![\w-])")
# words a negation reaches across without counting them: "not even a Northgate graduate"
_TRANSPARENT = frozenset("a an the even ever really actually quite".split())


class _Found:
    """The concepts found so far in one sentence, their first spans and negations."""

    def __init__(self, norm: str, base: int, negations: list[tuple[int, int]]):
        self.norm = norm
        self.base = base
        self.negations = negations
        self.concepts: set[str] = set()
        self.negated: set[str] = set()
        self.spans: dict[str, tuple[int, int]] = {}
        self.taken = [False] * len(norm)  # characters a thesaurus phrase has read

    def add(self, concept: str, a: int, b: int) -> None:
        """Concept found at [a, b): negated when a negation ends at most two words before
        it in the same clause ("not the only one" is no negation), unless a phrase has
        read that negation as part of its own meaning ("is not alone in demanding")."""
        norm = self.norm
        self.concepts.add(concept)
        self.spans.setdefault(concept, (self.base + a, self.base + b))
        for ns, ne in self.negations:
            if (
                ne <= a
                and not self.taken[ns]
                and a - ne <= 30
                and len([w for w in norm[ne:a].split() if w not in _TRANSPARENT]) <= 2
                and not re.search(r"[,;:]", norm[ne:a])
            ):
                if not norm.startswith("only", ne + 1) and not norm.startswith("the only", ne + 1):
                    self.negated.add(concept)
                break


class Concepts:
    def __init__(self, data: dict, origin: str = "thesaurus"):
        groups = data.get("concepts", {})
        _check_groups(groups, origin)
        self.stop = frozenset(normalise(w) for w in data.get("stopwords", {}).get("words", []))
        self.common = frozenset(data.get("common", {}).get("words", []))
        self.groups = frozenset(groups)
        self.phrase_to: dict[str, str] = {}
        self.word_to: dict[str, str] = {}
        for name, words in groups.items():
            for w in words:
                self._add_word(normalise(w), name)
        for name, frame in data.get("frames", {}).items():
            for phrase in _frame_phrases(name, frame, origin, groups):
                self.phrase_to.setdefault(phrase, name)
        # "more ballots than members": a comparison of quantities, read as a concept.
        comparisons = data.get("comparisons", {})
        if not isinstance(comparisons, dict) or not all(
            isinstance(c, str) and c in groups for c in comparisons.values()
        ):
            raise FactsError(f"{origin}: comparisons: expected words mapped to concept groups")
        self.comparisons: dict[str, str] = dict(comparisons)
        # Concepts a claim is not repeated without: its comparison, and those listed.
        self.required = frozenset(comparisons.values()) | frozenset(
            data.get("required", {}).get("words", [])
        )
        self._comparison = re.compile(
            rf"(?<![\w-])({alternation(set(comparisons))})\s+(?!than\b)(?:[a-z0-9'-]+\s+){{0,7}}?"
            r"than(?:\s+(?:there\s+(?:were|are|was|had\s+been)\s+)?(?:the\s+)?[a-z'-]+)?(?![\w-])"
        )
        # What the quantities compared must be for a comparison to count ("more ballots
        # than members"; not "more money than scruples"): concepts or stems.
        self.compared = frozenset(
            c if c in self.groups else stem(c) for c in _word_list(data, "compared", origin)
        )
        # Words and phrases that say a concept denied: "unwitting" is not knowing.
        negative = _negative(data, groups, origin)
        self.negative = frozenset(w for ws in negative.values() for w in ws)
        for name, words in negative.items():
            for w in words:
                (self.phrase_to if " " in w or "-" in w else self.word_to).setdefault(w, name)
        # A phrase may carry two concepts: "not been neutral" is a breach of neutrality.
        self.also: dict[str, str] = {}
        for phrase, pair in data.get("pairs", {}).items():
            phrase = normalise(phrase)
            self.phrase_to[phrase] = pair[0]
            self.also[phrase] = pair[1]
        # A concept that entails another: signing people up makes them members.
        self.implies = _implications(data, groups, origin)
        # A concept denied that says another: not having paid is being in arrears.
        self.denied = _implications(data, groups, origin, "denied")
        self.by_key_word: dict[str, list[str]] = {}
        for phrase in self.phrase_to:
            self.by_key_word.setdefault(_key_word(phrase), []).append(phrase)
        self.phrase_first = frozenset(self.by_key_word)
        self._phrase_rx: dict[frozenset[str], re.Pattern[str]] = {}

    def _add_word(self, w: str, name: str) -> None:
        """A group's word or phrase, with its American spelling and (a word) its stem."""
        target = self.phrase_to if (" " in w or "-" in w) else self.word_to
        target.setdefault(w, name)
        target.setdefault(american(w), name)
        if target is self.word_to and name in WEAK:
            # the weak nouns and their plurals only: "members voted" keeps its verb, or
            # "retired members voted" would be just "retired members"
            self.word_to.setdefault(w + ("es" if w.endswith("s") else "s"), name)
        elif target is self.word_to:
            self.word_to.setdefault(stem(w), name)

    def _phrases(self, keys: frozenset[str]) -> re.Pattern[str]:
        """One alternation of the phrases whose longest word is present (the others
        cannot match), compiled once per set of such words."""
        got = self._phrase_rx.get(keys)
        if got is None:
            got = re.compile(alternation({p for k in keys for p in self.by_key_word[k]}))
            if len(self._phrase_rx) > 4096:
                self._phrase_rx.clear()
            self._phrase_rx[keys] = got
        return got

    def triggers(self, concepts: set[str] | frozenset[str]) -> Trigger:
        """A quick test for sentences holding words or phrases of the given concepts."""
        # what a concept may bring with it: what it implies, what it says when denied
        brings: dict[str, set[str]] = {}
        for table in (self.implies, self.denied):
            for c, other in table.items():
                brings.setdefault(c, set()).add(other)
        words = {
            w: c
            for w, c in self.word_to.items()
            if c in concepts or brings.get(c, set()) & concepts
        }
        words.update({w: c for w, c in self.comparisons.items() if c in concepts})
        words.update({c: c for c in concepts if c not in self.groups})
        phrases: dict[str, frozenset[str]] = {}
        for p, c in self.phrase_to.items():
            got = {c, self.also[p]} if p in self.also else {c}
            got |= {x for c in list(got) for x in brings.get(c, ())}
            if got & concepts:
                phrases[p] = frozenset(got & concepts)
        also = {c: frozenset(x & concepts) for c, x in brings.items() if x & concepts}
        return Trigger(words, phrases, also)

    def read(self, norm: str, base: int = 0) -> Reading:
        """The concepts of a normalised sentence: its phrases first, then its other
        words (a group's name, else the word's stem), with the first span of each
        (offset by ``base``) and the ones a negation just before denies."""
        wordset = set(_WORD.findall(norm))
        negations = (
            [
                m.span()
                for m in _NEGATION.finditer(norm)
                if "until" not in wordset or not _NOT_UNTIL.match(norm, m.end())
            ]
            if (not _NEGATION_FIRST.isdisjoint(wordset) or "n't" in norm)
            else []
        )
        found = _Found(norm, base, negations)
        taken = self._read_phrases(norm, wordset, found)
        if "than" in wordset and not wordset.isdisjoint(self.comparisons):
            for m in self._comparison.finditer(norm):
                if self._quantities(m.group(0)):
                    found.add(self.comparisons[m.group(1)], m.start(), m.end())
        for m in _WORD.finditer(norm):
            if taken[m.start()]:
                continue
            w = m.group(0)
            if w in self.stop or w in _NEGATION_WORDS:
                continue
            name = self.word_to.get(w) or self.word_to.get(stem(w))
            if name is None and "-" in w:
                self._compound(w, m.start(), found)
                continue
            found.add(name or stem(w), m.start(), m.end())
            if name is not None and w in self.negative:
                found.negated.add(name)  # "unwitting": not knowing
        self._entailed(found, base)
        return Reading(found.concepts, found.negated, found.spans)

    def _entailed(self, found: _Found, base: int) -> None:
        """Add what the concepts found imply, and what the denied ones say."""
        for concept, implied in self.implies.items():
            if concept in found.concepts and implied not in found.concepts:
                a, b = found.spans[concept]
                found.add(implied, a - base, b - base)
        for concept, said in self.denied.items():
            if concept in found.negated and said not in found.concepts:
                found.concepts.add(said)
                found.spans[said] = found.spans[concept]
                # the denial is what it says, no longer a denial of the claim's words
                found.negated -= {concept, self.implies.get(concept)}

    def _compound(self, word: str, at: int, found: _Found) -> None:
        """A hyphenated word the thesaurus does not know: the word written solid
        ("hand-picked" is "handpicked") and the groups of its parts ("late-mailed" is
        late)."""
        found.add(stem(word.replace("-", "")), at, at + len(word))
        for part in word.split("-"):
            group = self.word_to.get(part) or self.word_to.get(stem(part))
            if group and part not in self.stop:
                found.add(group, at, at + len(word))

    def _quantities(self, span: str) -> bool:
        """Are the quantities a comparison compares among the ones that count?"""
        if not self.compared:
            return True
        for w in _WORD.findall(span):
            if (self.word_to.get(w) or self.word_to.get(stem(w)) or stem(w)) in self.compared:
                return True
        return False

    def _read_phrases(self, norm: str, wordset: set[str], found: _Found) -> list[bool]:
        """Add the thesaurus phrases of ``norm`` to ``found``; the characters they take."""
        taken = found.taken
        pieces = wordset | {p for w in wordset if "-" in w for p in w.split("-")}
        keys = self.phrase_first & pieces
        for m in self._phrases(frozenset(keys)).finditer(norm) if keys else ():
            name = self.phrase_to.get(re.sub(r"\s+", " ", m.group(0)))
            if name is None:
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            found.add(name, m.start(), m.end())
            if m.group(0) in self.negative:
                found.negated.add(name)  # "no idea", "behind their backs": not knowing
            extra = self.also.get(re.sub(r"\s+", " ", m.group(0)))
            if extra:
                found.concepts.add(extra)
                found.spans.setdefault(extra, (found.base + m.start(), found.base + m.end()))
        return taken


class Trigger:
    """Which of a set of concepts may a sentence hold, by its words (or their stems) and
    phrases, before it is read?  At least every one its reading will hold."""

    def __init__(
        self,
        words: dict[str, str],
        phrases: dict[str, frozenset[str]],
        also: dict[str, frozenset[str]] | None = None,
    ):
        self.words = words  # a word or stem -> its concept
        self.also = also or {}  # a concept -> the ones it may bring (implied, denied)
        # (frozen copies of the keys: intersecting a frozenset is quicker than a dict's keys)
        self._word_keys = frozenset(words)
        # key word -> (the phrase's pattern, its concepts, its words: each is in any text
        # the pattern matches, a cheap test before the search)
        self.by_key: dict[str, list[tuple[re.Pattern[str], frozenset[str], tuple[str, ...]]]] = {}
        for p, found in phrases.items():
            pieces = tuple(w for w in re.split(r"[\s-]+", p.strip()) if w)
            self.by_key.setdefault(_key_word(p), []).append(
                (re.compile(alternation([p])), found, pieces)
            )
        self._phrase_keys = frozenset(self.by_key)

    def held(self, words: frozenset[str], norm: str) -> set[str]:
        """``words``: the sentence's words (see ``Sent.words``); ``norm`` its text."""
        table = self.words
        keys = self._word_keys
        # (set intersections with the table's keys: the same look-ups, done in one step)
        got = {table[w] for w in keys.intersection(words)}
        got.update(table[s] for s in keys.intersection(map(stem, words)))
        for w in words if "-" in norm else ():  # no hyphen in the text, none in its words
            if "-" in w:  # read as ``Concepts._compound`` reads it
                got.update(
                    table[x]
                    for x in (stem(w.replace("-", "")), *w.split("-"), *map(stem, w.split("-")))
                    if x in table
                )
        for key in self._phrase_keys.intersection(words):
            for p, found, pieces in self.by_key[key]:
                if not found <= got and all(w in norm for w in pieces) and p.search(norm):
                    got |= found
        for c in list(got):
            got |= self.also.get(c, frozenset())
        return got


def _negative(data: dict, groups: dict, origin: str) -> dict[str, list[str]]:
    """The ``[negative]`` table: concept groups mapped to the words that deny them."""
    negative = data.get("negative", {})
    if not isinstance(negative, dict) or not all(
        isinstance(c, str) and c in groups and isinstance(ws, list) for c, ws in negative.items()
    ):
        raise FactsError(f"{origin}: negative: expected concept groups mapped to word lists")
    return {c: [normalise(w) for w in ws] for c, ws in negative.items()}


def _word_list(data: dict, table: str, origin: str) -> frozenset[str]:
    """The ``words`` list of a table of the thesaurus, checked."""
    got = data.get(table, {})
    words = got.get("words", []) if isinstance(got, dict) else None
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise FactsError(f"{origin}: {table}: expected a table with a list of words")
    return frozenset(words)


def _implications(data: dict, groups: dict, origin: str, table: str = "implies") -> dict[str, str]:
    """The ``[implies]`` (or ``[denied]``) table: concept groups mapped to the groups they
    entail (denied, for ``[denied]``)."""
    implies = data.get(table, {})
    if not isinstance(implies, dict) or not all(
        k in groups and v in groups for k, v in implies.items()
    ):
        raise FactsError(f"{origin}: {table}: expected concept groups mapped to groups")
    return dict(implies)


_DETERMINERS = ("", "a ", "the ", "their ", "his ", "her ", "its ")


def _frame_phrases(name: str, frame: object, origin: str, groups: dict) -> list[str]:
    """Every verb-object phrase of a frame, with each determiner between."""
    if (
        name not in groups
        or not isinstance(frame, dict)
        or set(frame) != {"verbs", "objects"}
        or not all(
            isinstance(v, list) and all(isinstance(w, str) for w in v) for v in frame.values()
        )
    ):
        raise FactsError(
            f"{origin}: frames.{name}: expected a concept group with lists 'verbs' and 'objects'"
        )
    return [
        normalise(f"{v} {d}{o}")
        for v in frame["verbs"]
        for d in _DETERMINERS
        for o in frame["objects"]
    ]


def _check_groups(groups: object, origin: str) -> None:
    """Each group a list of words, and no word in two groups (it would silently mean
    only the first)."""
    if not isinstance(groups, dict):
        raise FactsError(f"{origin}: expected a [concepts] table of word lists")
    seen: dict[str, str] = {}
    for name, words in groups.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise FactsError(f"{origin}: concepts.{name}: expected a list of strings")
        for w in words:
            w = normalise(w)
            if seen.get(w, name) != name:
                raise FactsError(
                    f"{origin}: {w!r} is in both concepts.{seen[w]} and concepts.{name}; "
                    "keep it in the group it means"
                )
            seen[w] = name


@lru_cache(maxsize=1)
def concepts() -> Concepts:
    res = files("factwatch.claims") / "grammar" / "thesaurus.toml"
    return Concepts(tomllib.loads(res.read_text(encoding="utf-8")), "claims/grammar/thesaurus.toml")
