"""The word classes of the built-in grammar, and the text normalisation they rely on.

``lexicon()`` reads ``claims/grammar/lexicon.toml`` (package data) once and
compiles every class into one regular expression that matches any of its
words or phrases, in British or American spelling, singular or plural, with
any spacing or hyphenation between the words of a phrase:

    lex = lexicon()
    lex.rx("loss_adj").search("the beaten contender")      # matches "beaten"
    "defeated" in lex.words("loss_adj")                     # True

Every rule runs on ``normalise(text)``: the text lower-cased with curly
quotes, dashes and non-breaking spaces made plain, character for character,
so offsets in the normalised text are offsets in the article.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from factwatch.core.errors import FactsError

_PLAIN = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2007": " ",
    }
)


def normalise(text: str) -> str:
    """Lower-case, plain quotes and dashes; the same length as ``text``."""
    out = text.translate(_PLAIN).lower()
    if len(out) != len(text):  # a character whose lower case is longer ("İ")
        out = "".join(c if len(c.lower()) != 1 else c.lower() for c in text.translate(_PLAIN))
    return out


# -- spelling ------------------------------------------------------------------------------
_ISE_KEEP = frozenset(
    "rise arise wise otherwise surprise promise premise exercise compromise enterprise expertise "
    "merchandise franchise televise revise supervise comprise despise devise disguise excise "
    "improvise incise advise chastise apprise advertise raise praise noise poise cruise "
    "concise precise paradise treatise demise".split()
)
_OUR_KEEP = frozenset(
    "four hour tour your our pour sour flour devour contour detour "
    "troubadour velour glamour".split()
)
_US_WORDS = {
    "defence": "defense",
    "offence": "offense",
    "pretence": "pretense",
    "licence": "license",
    "programme": "program",
    "programmes": "programs",
    "catalogue": "catalog",
    "dialogue": "dialog",
    "grey": "gray",
    "judgement": "judgment",
    "ageing": "aging",
    "sceptical": "skeptical",
    "whilst": "while",
    "amongst": "among",
}


@lru_cache(maxsize=65536)
def american(word: str) -> str:
    """The American spelling of a British word ("organised" -> "organized")."""
    w = word
    if w in _US_WORDS:
        return _US_WORDS[w]
    m = re.fullmatch(r"(\w{3,})is(e|ed|es|ing|ation|ations|er|ers)", w)
    if m and (m.group(1) + "ise") not in _ISE_KEEP:
        w = f"{m.group(1)}iz{m.group(2)}"
    m = re.fullmatch(r"(\w*[^aeiou\W])our(|s|ed|ing|ite|ites|able|ably|ful|less)", w)
    if m and (m.group(1) + "our") not in _OUR_KEEP and len(w) >= 5:
        w = f"{m.group(1)}or{m.group(2)}"
    w = re.sub(r"(?<=[aeu])ll(ed|ing|er|ers)$", r"l\1", w)
    w = re.sub(r"(?<=[^aeiou])tre(s|d)?$", r"ter\1", w)
    return w


def plural(word: str) -> str:
    """The plural of a (last) noun: "candidate" -> "candidates", "man" -> "men"."""
    irregular = {
        "man": "men",
        "woman": "women",
        "person": "people",
        "runner-up": "runners-up",
        "also-ran": "also-rans",
        "one": "ones",
        "chief": "chiefs",
        "mp": "mps",
    }
    if word in irregular:
        return irregular[word]
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    return word + "s"


def _phrase_pattern(phrase: str) -> str:
    """A phrase as a regex: any spacing or hyphenation between its words."""
    parts = re.split(r"[\s-]+", phrase.strip())
    return r"[\s-]*".join(re.escape(p) for p in parts if p)


def _bounded(phrase: str) -> str:
    """The phrase's pattern with word edges where it starts and ends with a letter."""
    pat = _phrase_pattern(phrase)
    if phrase[0].isalnum():
        pat = r"(?<![\w-])" + pat
    if phrase[-1].isalnum():
        pat += r"(?![\w-])"
    return pat


def alternation(phrases: list[str] | set[str] | frozenset[str]) -> str:
    """A regex for any of the phrases, bounded by word edges, preferring the longest
    at a place.  Phrases that start with a letter share one leading edge test and a
    tree of their words ("last time", "last contest" -> ``last(?:time|contest)``), so
    a search does not try every phrase at every place."""
    uniq = sorted({p.strip() for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    if not uniq:
        return r"(?!x)x"
    worded = [
        p
        for p in uniq
        if p[0].isalnum() and p[-1].isalnum() and re.fullmatch(r"[\w'&.]+(?:[\s-]+[\w'&.]+)*", p)
    ]
    others = [p for p in uniq if p not in set(worded)]
    parts = [r"(?<![\w-])" + _tree([re.split(r"[\s-]+", p) for p in worded])] if worded else []
    parts += [_bounded(p) for p in others]
    return "(?:" + "|".join(parts) + ")"


def _tree(phrases: list[list[str]]) -> str:
    """The phrases (as word lists) as a regex tree: longer continuations are tried
    before a phrase ends, and every ending is a word edge."""
    children: dict[str, list[list[str]]] = {}
    ends = False
    for words in phrases:
        if not words:
            ends = True
        else:
            children.setdefault(words[0], []).append(words[1:])

    def size(item: tuple[str, list[list[str]]]) -> tuple[int, str]:
        word, rests = item
        return (-max(len(word) + sum(len(w) + 1 for w in r) for r in rests), word)

    alts = []
    for word, rests in sorted(children.items(), key=size):
        rest = [r for r in rests if r]
        tail = ""
        if rest:
            inner = _tree(rest)
            tail = r"(?:[\s-]*" + inner + ("" if len(rest) == len(rests) else r"|(?![\w-])") + ")"
        else:
            tail = r"(?![\w-])" if word[-1].isalnum() else ""
        alts.append(re.escape(word) + tail)
    if ends:
        alts.append(r"(?![\w-])")
    return alts[0] if len(alts) == 1 and not ends else "(?:" + "|".join(alts) + ")"


@dataclass(frozen=True)
class WordClass:
    name: str
    words: frozenset[str]  # every form, normalised
    pattern: re.Pattern[str]
    base: frozenset[str] = frozenset()  # the forms as written (singular), both spellings
    first: frozenset[str] = frozenset()  # first words of the forms: a cheap prefilter


class Lexicon:
    """The compiled word classes."""

    def __init__(self, data: dict, origin: str):
        classes = data.get("classes")
        if not isinstance(classes, dict):
            raise FactsError(f"{origin}: expected [classes.NAME] tables")
        self.classes: dict[str, WordClass] = {}
        for name, table in classes.items():
            words = table.get("words") if isinstance(table, dict) else None
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise FactsError(f"{origin}: classes.{name}.words: expected a list of strings")
            unknown = set(table) - {"words", "plural"}
            if unknown:
                raise FactsError(f"{origin}: classes.{name}.{sorted(unknown)[0]}: unknown key")
            forms: set[str] = set()
            base: set[str] = set()
            for w in words:
                w = normalise(w.strip())
                variants = {w, " ".join(american(x) for x in w.split())}
                base |= variants
                if table.get("plural"):
                    for v in list(variants):
                        head, _, last = v.rpartition(" ")
                        variants.add(f"{head} {plural(last)}".strip())
                forms |= variants
            first = {re.split(r"[\s-]+", f)[0] for f in forms} | {f.split()[0] for f in forms}
            self.classes[name] = WordClass(
                name,
                frozenset(forms),
                re.compile(alternation(forms)),
                frozenset(base),
                frozenset(first),
            )

    def rx(self, name: str) -> re.Pattern[str]:
        return self.classes[name].pattern

    def words(self, name: str) -> frozenset[str]:
        return self.classes[name].words

    def maybe(self, name: str, words: frozenset[str] | set[str]) -> bool:
        """Could text whose words (and hyphen pieces) are ``words`` hold this class?"""
        return not self.classes[name].first.isdisjoint(words)

    def base(self, name: str) -> frozenset[str]:
        """The class's words as written (singular), in both spellings."""
        return self.classes[name].base

    def alt(self, name: str) -> str:
        """The class's regex source, for building larger patterns."""
        return self.classes[name].pattern.pattern


def title() -> str:
    """A title before a name, with its full stop and space ("mr ", "cllr. "), as a regex
    over normalised text; optional where it is used: ``(?:{title()})?``."""
    return rf"(?:{lexicon().alt('title')}\.?\s+)"


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The package's lexicon, read once."""
    res = files("factwatch.claims") / "grammar" / "lexicon.toml"
    return Lexicon(tomllib.loads(res.read_text(encoding="utf-8")), "claims/grammar/lexicon.toml")
