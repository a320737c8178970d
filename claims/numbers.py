"""Find the numbers in a sentence as journalists write them, with their qualifiers.

"59,067", "59, 067 votes", "59067", "45.4%", "45.4 per cent", "two million",
"1.06m", "one in eight", "half of", "nearly 60,000", "a majority of just
1,500", "over 40%", "fewer than one in eight".  Dates, years, times, money,
ordinals and ages are left out.  Each mention carries its value, its unit
(count or percent), the significant figures it was written with and how it
is qualified (exact, approx, over, under, near_below, near_above).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from factwatch.claims.lexicon import lexicon

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "m": 1_000_000,
    "bn": 1_000_000_000,
    "k": 1_000,
    # South Asian: "2.42 lakh" is 242,000; "1.5 crore" 15,000,000
    "lakh": 100_000,
    "lakhs": 100_000,
    "lac": 100_000,
    "lacs": 100_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
}
_FRACTIONS = {
    "half": 50.0,
    "a half": 50.0,
    "a third": 100 / 3,
    "one third": 100 / 3,
    "two-thirds": 200 / 3,
    "two thirds": 200 / 3,
    "a quarter": 25.0,
    "one quarter": 25.0,
    "three-quarters": 75.0,
    "three quarters": 75.0,
    "a fifth": 20.0,
    "one fifth": 20.0,
    "two-fifths": 40.0,
    "two fifths": 40.0,
    "three-fifths": 60.0,
    "an eighth": 12.5,
    "one eighth": 12.5,
    "a tenth": 10.0,
    "one tenth": 10.0,
    "a sixth": 100 / 6,
    "a seventh": 100 / 7,
    "a ninth": 100 / 9,
}
_WORD = r"(?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")"


ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip


def word_number(word: str) -> int | None:
    """A number written as one word: "seven" -> 7, "hundred" -> 100."""
    return 100 if word == "hundred" else _UNITS.get(word)


_SCALE_WORDS = r"(?:hundred|thousand|million|billion|lakhs?|crores?)"
# "fifty-nine thousand and sixty-seven", "five and a half thousand", "two hundred",
# "a hundred and twenty".
_WORDGROUP = rf"{_WORD}(?:[\s-]+(?:and\s+)?{_WORD})*(?:\s+and\s+a\s+half)?"
_WORDNUM = (
    rf"(?:{_WORDGROUP}(?:\s+{_SCALE_WORDS}(?:\s+and\s+{_WORDGROUP}|\s+{_WORDGROUP}(?=\s+"
    rf"{_SCALE_WORDS}\b))?)*|a\s+{_SCALE_WORDS}(?:\s+and\s+{_WORDGROUP})?)"
)
_DIGITS = (
    # South Asian grouping, pairs of digits before the last three: "2,41,876", "1,02,345"
    r"(?:\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:,\s\d{3})+(?![\d%]|\.\d|\s*(?:per\s?cent|percent|pc)\b|,\s?\d)"
    r"|\d+(?:\.\d+)?)"
)
_SCALE = r"(?:\s*(?:m|bn|k)\b|\s+(?:million|thousand|billion|lakhs?|lacs?|crores?)\b)"
_PCT = (
    r"(?:\s*%|\s*per\s?cent\b|\s*percent\b|\s*pc\b|\s+(?:percentage\s+)?points?\b|\s*pts?\b"
    r"|-(?:percentage-)?points?\b(?![\s-]+plan))"
)
_FRACTION_WORDS = "|".join(sorted(map(re.escape, _FRACTIONS), key=len, reverse=True))
# Every number starts a word with a digit or with the first letter of a number word, a
# fraction or "a" ("a hundred"): the lookahead lets the scan skip other places quickly.
_FIRST_LETTERS = "".join(sorted({w[0] for w in (*_UNITS, *_FRACTIONS, "a", "majority")}))
# "a majority of the vote", "an outright majority of valid votes": more than half (not "a
# majority of 5,523", a margin)
_MAJORITY = (
    r"(?P<maj>\b(?:an?\s+(?:outright\s+|absolute\s+|overall\s+|clear\s+)?)?majority"
    r"(?=\s+of\s+(?:the\s+|all\s+)?(?:(?:valid|first[\s-]preference|first[\s-]round)\s+)?"
    r"(?:vote|votes|ballots|poll)\b))"
)
_NUMBER = re.compile(
    rf"\b(?=[\d{_FIRST_LETTERS}])"
    rf"(?:(?P<ratio>\b(?P<numr>one|two|three|four|five|six|seven|eight|nine|[1-9])\s+"
    rf"(?:(?:eligible\s+|registered\s+|union\s+|party\s+|"
    rf"first[\s-]choice\s+|first[\s-]preference\s+|valid\s+)?"
    rf"(?:member|voter|person|worker|elector|vote|ballot|paper|delegate)\s+)?in\s+(?:every\s+)?"
    rf"(?P<den>\d+|{_WORD}|hundred))"
    rf"|(?P<frac>\b(?:{_FRACTION_WORDS})\b(?=\s+(?:of|the)\b))|{_MAJORITY}"
    rf"|(?P<num>(?<![\w.,£$€₹])(?:{_DIGITS}{_SCALE}?|\b{_WORDNUM}\b))(?P<pct>{_PCT})?)",
    re.IGNORECASE,
)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_SKIP_AFTER = re.compile(
    rf"^(?:st|nd|rd|th)?\s*(?:{_MONTHS}\b|years?\b|yrs?\b|months?\b|weeks?\b|days?\b|hours?\b|"
    r"minutes?\b|[ap]\.?m\b|o'clock|pounds?\b|p\b|seats?\b|-seats?\b|jobs?\b|miles?\b|km\b|"
    r"times\b|terms?\b|regions?\b|-year|-month|-week|-day|-point plan|per hour|an hour|"
    r"councils?\b|councillors?\b|constituenc|"
    # "a three-way vote", "a two-horse race": how many took part, never a figure.
    r"-(?:way|horse|cornered|candidate|strong)\b)",
    re.IGNORECASE,
)
# (the lookahead, the first characters of the words below, lets the scan skip other places;
# one word edge before all the words lets each alternative start with a letter, which is
# tested before the rest of it is tried)
_SKIP_BEFORE = re.compile(
    r"(?=[£$€₹abcdfgijlmnopqrstuw])"
    rf"(?:[£$€₹]\s*|\b(?:{_MONTHS}\.?|age[sd]?|aged|page|no\.?|number|rs\.?|inr|"
    r"section|rule|clause|step|tier|grade|band|"
    # a name with a number: "Region 7", "Local 88", "Ward 3", "Article 12"
    r"region|district|local|ward|article|chapter|"
    r"division|precinct|unit|item|table|question)\s+)$",
    re.IGNORECASE,
)
# Qualifiers from the lexicon ("just over" before "over"), looked up by the words
# that end the text before a number.
_QUAL_ORDER = ("near_above", "near_below", "approx", "over", "under")
_QUAL_TABLE: dict[tuple[str, ...], str] = {}
for _kind in reversed(_QUAL_ORDER):
    for _phrase in lexicon().words(_kind):
        _QUAL_TABLE[tuple(re.split(r"[\s-]+", _phrase))] = _kind
_INTENSIFIERS = {tuple(re.split(r"[\s-]+", p)) for p in lexicon().words("intensifier")}
_LONGEST = max(len(k) for k in (*_QUAL_TABLE, *_INTENSIFIERS))
# A number in words coordinated with one in digits: "19 blank and nine marked twice".
_BESIDE_DIGITS = re.compile(r"\d[\d,]*\s+[\w-]+(?:\s+[\w-]+)?\s*(?:,|and)\s+$")
_COUNTED = re.compile(
    r"^[\s-]*(?:[\w-]+\s+)?(?:votes?|nominations?|ballots?|papers|members|workplaces|branches)\b",
    re.IGNORECASE,
)
# The thing a count counts: the plural noun right after it, perhaps behind one
# modifier ("1.4 million members", "1,062,049 ballot papers", "17,143
# first-preference votes").  Words ending in "s" that are no nouns are skipped.
_NOUN_AFTER = re.compile(
    r"[ \t]+(?P<w1>[a-z][a-z'\u2019-]*)(?:[ \t]+(?P<w2>[a-z][a-z'\u2019-]*))?", re.IGNORECASE
)
_IRREGULAR_PLURALS = frozenset(
    # and the short plurals of parliaments' members: "18 MPs", "six MSPs", "four TDs"
    "people staff men women workforce electorate membership mps msps meps mlas tds".split()
)
_NOT_NOUNS = frozenset(
    "is was has as us this thus its his hers ours yours theirs less unless whereas across "
    "besides perhaps always plus versus towards afterwards alongside means represents suggests "
    "shows gives puts makes leaves remains seems looks compares falls rises includes exceeds "
    "marks equals counts does goes".split()
)
_NOT_MODIFIERS = frozenset(
    "of and or to in on at by for from with was were is are be been more fewer less than as "
    "that which who votes vote per cent percent".split()
)


def _plural(word: str) -> bool:
    w = word.lower()
    if w in _IRREGULAR_PLURALS:
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith("ss") and w not in _NOT_NOUNS


# Votes of another body or another kind of vote than the ballot's.
_OTHER_VOTES = frozenset(
    "delegate delegates convention floor caucus straw committee council executive board "
    "nomination nominating endorsement hustings indicative consultative".split()
)


def head_noun(text: str, end: int) -> str | None:
    """The noun a count written at ``text[..end]`` counts, if one follows it."""
    m = _NOUN_AFTER.match(text, end, min(len(text), end + 60))
    if not m:
        return None
    w1, w2 = m.group("w1").lower(), (m.group("w2") or "").lower()
    if w1 in _OTHER_VOTES and w2 in ("votes", "ballots"):
        return f"{w1} {w2}"  # "214 delegate votes": a vote of another body, not the ballot's
    if _plural(w1):
        return w1
    # "100,000 Irish members", "17,143 first-preference votes": one modifier before the noun.
    if w2 and _plural(w2) and w1 not in _NOT_MODIFIERS and not w1.endswith(("ed", "ly")):
        return w2
    return None


_APPROX_AFTER = re.compile(r"^\s*(?:or so|odd|-odd|plus|\+|or thereabouts)\b", re.IGNORECASE)


@dataclass
class NumberMention:
    start: int  # absolute offsets in the article text
    end: int
    text: str
    value: float
    unit: str  # "count" or "percent"
    sig_figs: int
    qualifier: str = "exact"  # exact, approx, over, under, near_below, near_above
    form: str = "number"  # number, ratio, fraction, points
    qual_start: int | None = None  # where the qualifier begins, if any
    noun: str | None = None  # what a count counts, when a noun follows it ("members")
    low: float | None = None  # a range's lower end ("13-14%", "between 5,000 and 6,000")


def _words_value(text: str) -> tuple[float, int] | None:
    tokens = re.split(r"[\s-]+", text.lower())
    total, current = 0.0, 0.0
    seen = False
    for tok in tokens:
        if tok in ("and", ""):
            continue
        if tok == "a":
            continue  # "a thousand", "and a half"
        if tok == "half":
            current += 0.5
            continue
        if tok in _UNITS:
            current += _UNITS[tok]
            seen = True
        elif tok in _SCALES:
            current = (current or 1.0) * _SCALES[tok]
            if _SCALES[tok] >= 1000:
                total += current
                current = 0.0
            seen = True
        else:
            return None
    value = total + current
    if not seen:
        return None
    digits = str(int(value)).rstrip("0") or "0"
    return value, max(1, len(digits))


_DIGITS_VALUE = re.compile(
    r"([\d,\s.]+?)\s*(m|bn|k|million|thousand|billion|lakhs?|lacs?|crores?)?$", re.IGNORECASE
)
_DIGIT_SEPARATORS = re.compile(r"[,\s]")


def _digits_value(text: str) -> tuple[float, int]:
    m = _DIGITS_VALUE.match(text.strip())
    assert m
    raw = _DIGIT_SEPARATORS.sub("", m.group(1))
    value = float(raw)
    if "." in raw:
        sig = len(raw.replace(".", "").lstrip("0"))
    else:
        sig = len(raw.lstrip("0").rstrip("0")) or 1
    if m.group(2):
        value = round(value * _SCALES[m.group(2).lower()], 6)
    return value, max(1, sig)


_WORDS_BEFORE = re.compile(r"[\w'.~]+")
# The last words of every qualifier and stressing word: a number whose word before is
# none of these has no qualifier before it.
_QUAL_ENDS = frozenset(k[-1] for k in (*_QUAL_TABLE, *_INTENSIFIERS))


def _qualifier(text: str, start: int, end: int) -> tuple[str, int | None]:
    """How the words right before a number qualify it, and where the qualifier starts."""
    lo = max(0, start - 50)
    before = text[lo:start].lower()
    words = _WORDS_BEFORE.findall(before)
    if words and words[-1] in _QUAL_ENDS:
        found = _qualifier_before(words)
        if found is not None:
            kind, first = found
            return kind, lo + [m.start() for m in _WORDS_BEFORE.finditer(before)][first]
    if _APPROX_AFTER.match(text[end : end + 20]):
        return "approx", None
    return "exact", None


def _qualifier_before(words: list[str]) -> tuple[str, int] | None:
    """The qualifier the ``words`` before a number end with, and the index of its first
    word; stressing words ("by just", "a mere") between it and the number are skipped."""
    stripped = True
    while stripped and words:
        stripped = False
        for k in range(min(_LONGEST, len(words)), 0, -1):
            if tuple(words[-k:]) in _INTENSIFIERS:
                words = words[:-k]
                stripped = True
                break
    for k in range(min(_LONGEST, len(words)), 0, -1):
        kind = _QUAL_TABLE.get(tuple(words[-k:]))
        if kind:
            return kind, len(words) - k
    return None


# A number's reading depends only on the text and the match's groups: memo[m.regs].
NumberMemo = dict[tuple[tuple[int, int], ...], NumberMention | None]


def find_numbers(
    text: str, start: int = 0, end: int | None = None, *, memo: NumberMemo | None = None
) -> list[NumberMention]:
    """Number mentions in ``text[start:end]`` (offsets are into ``text``).  ``memo``, kept
    by the caller for one ``text``, holds each match's reading so that overlapping spans
    of the same text are read once; the mentions it holds are never changed."""
    end = len(text) if end is None else end
    out: list[NumberMention] = []
    for m in _NUMBER.finditer(text, start, end):
        if memo is not None:
            key = m.regs
            if key in memo:
                got = memo[key]
            else:
                got = memo[key] = _read_match(text, m)
        else:
            got = _read_match(text, m)
        if got is not None:
            out.append(got)
    return _join_ranges(text, out)


def _read_match(text: str, m: re.Match[str]) -> NumberMention | None:
    if m.group("ratio"):
        return _ratio(text, m)
    if m.group("frac"):
        return _fraction(text, m)
    if m.group("maj"):
        s, e = m.span()
        return NumberMention(s, e, m.group(0), 50.0, "percent", 1, "over", "fraction", s)
    return _figure(text, m)


def _ratio(text: str, m: re.Match[str]) -> NumberMention | None:
    """ "one in eight": a share, 100 / 8 per cent; "two in three": 200 / 3."""
    s, e = m.span()
    den, numr = m.group("den").lower(), m.group("numr").lower()
    n = float(den) if den.isdigit() else float(word_number(den) or 0)
    k = float(numr) if numr.isdigit() else float(word_number(numr) or 0)
    if n <= 1 or not 0 < k < n:
        return None
    q, qs = _qualifier(text, s, e)
    return NumberMention(s, e, m.group(0), 100.0 * k / n, "percent", 1, q, "ratio", qs)


def _fraction(text: str, m: re.Match[str]) -> NumberMention:
    """ "two-thirds of": a share."""
    s, e = m.span()
    q, qs = _qualifier(text, s, e)
    value = _FRACTIONS[" ".join(m.group("frac").lower().split())]
    return NumberMention(s, e, m.group(0), value, "percent", 1, q, "fraction", qs)


_LETTER_END = re.compile(r"[a-z]\s*$", re.IGNORECASE)
_POINTS = re.compile(r"points?|pts?", re.IGNORECASE)


def _figure(text: str, m: re.Match[str]) -> NumberMention | None:
    """A number in digits or words, with its unit, or None when it is no figure (a date,
    a year, money, an ordinal, a time, a score, a small number in words that counts no
    votes, a bare decimal)."""
    s, e = m.span()
    num = m.group("num")
    pct = m.group("pct") or ""
    after = text[e : e + 20]
    if _not_a_figure(text, m, num, after):
        return None
    if num[0].isdigit():
        value, sig = _digits_value(num)
    else:
        parsed = _words_value(num)
        if parsed is None:
            return None
        value, sig = parsed
        if value < 1000 and not pct and not _COUNTED.match(after):
            if not _BESIDE_DIGITS.search(text, max(0, m.start() - 40), m.start()):
                return None  # "two", "three": figures only when they count votes or the like
    if not pct and value != int(value) and not _LETTER_END.search(num):
        return None  # "Rowe 45.4": a bare decimal is a share, never a count
    if (
        not pct
        and value < 100
        and not _COUNTED.match(after)
        and _AFTER_BARE_SHARES.search(text, max(0, s - 110), s)
    ):
        return None  # "Rowlands 17.6, Santhanam just under 10": one more share
    form = "points" if _POINTS.search(pct) else "number"
    unit = "percent" if pct else "count"
    q, qs = _qualifier(text, s, e)
    noun = head_noun(text, e) if unit == "count" else None
    return NumberMention(s, e, m.group(0), value, unit, sig, q, form, qs, noun)


_YEAR = re.compile(r"(?:19[5-9]\d|20[0-4]\d)")
_ORDINAL_AFTER = re.compile(r"\s*(?:st|nd|rd|th)\b")
_TIME_AFTER = re.compile(r"[:.]\d")
_TIME_BEFORE = re.compile(r"\d[:.]$")
_AGE = re.compile(r"[1-9]\d")
_AGE_BEFORE = re.compile(r"[a-z'\u2019],\s$")
_THREAD = re.compile(r"/\s")
_POST_START = re.compile(r"(?:^|[.!?]\s)\s*$")
_DASH_AFTER = re.compile(r"^\s?[-\u2013]\s?\d")
_DASH_BEFORE = re.compile(r"\d\s?[-\u2013]\s?$")


def _not_a_figure(text: str, m: re.Match[str], num: str, after: str) -> bool:
    """Money, a date, an age, a year, an ordinal, a time or a score such as 5-4."""
    s, e = m.span()
    before = text[max(0, s - 12) : s]
    if _SKIP_BEFORE.search(before) or (not m.group("pct") and _SKIP_AFTER.match(after.lstrip())):
        return True
    if _YEAR.fullmatch(num) and not m.group("pct"):
        return True  # a year
    if _ORDINAL_AFTER.match(after) or _TIME_AFTER.match(text, e, e + 2):
        return True  # an ordinal or a time
    if len(num) == 2 and _TIME_BEFORE.search(before):
        return True  # the minutes of a time: "13:48", "9.30"
    if len(num) == 2 and _AGE.fullmatch(num) and _AGE_BEFORE.search(before):
        follows = text[e : e + 12]
        if (
            re.match(r",\s+[a-z]", follows)
            and not re.match(r",\s+(?:and|or|but|while|with|to)\b", follows)
            and not m.group("pct")
        ):
            return True  # an age set after a name: "Reyes, 51, will take office"
    if text.startswith("/", e) and _THREAD.match(text, e, e + 2) and _POST_START.search(before):
        return True  # a post's number in a thread: "4/ The party had ..."
    return _score(m, num, before, after)


def _score(m: re.Match[str], num: str, before: str, after: str) -> bool:
    """A score such as 5-4 (a scoreline of votes, "59,067-53,544", stays a figure)."""
    dashes = after[:2] + before[-3:]
    if not ("-" in dashes or "\u2013" in dashes):
        return False
    dash_after = _DASH_AFTER.match(after)
    dash_before = _DASH_BEFORE.search(before)
    if (dash_after or dash_before) and not (m.group("pct") or _PCT_RANGE.match(after)):
        return not re.search(r"\d,\d{3}", num + after[:8] + before[-8:])
    return False


# a list of bare shares before: "Oduwole 31.4, Rowlands 17.6, Santhanam just under "
_AFTER_BARE_SHARES = re.compile(
    r"\d\.\d\s*,\s*(?:and\s+)?[^\W\d][\w'\u2019 -]{1,30}?\s+(?:[a-z]+\s+){0,2}$"
    # ... or a share in per cent before, and the list goes on: "Rowe is on 36 per cent
    # of the primary vote, Pike 27, independent Kit Lund 19"
    r"|\d\s*(?:%|per\s?cent|percent)[^.;:]{0,60}?(?:,\s*(?:and\s+)?|\s+and\s+)"
    r"(?:[^\W\d][\w'\u2019-]*\s+){1,4}$"
)

# "13-14%", "13 to 14 per cent", "between 5,000 and 6,000 votes": one range.
_PCT_RANGE = re.compile(r"^\s?(?:[-\u2013]|to)\s?\d+(?:\.\d+)?\s*(?:%|per\s?cent|percent)")
_RANGE_JOIN = re.compile(r"\s*(?:and|to|or)\s*|\s?[-\u2013]\s?")


_BETWEEN = re.compile(r"\bbetween\s*$")


def _join_ranges(text: str, numbers: list[NumberMention]) -> list[NumberMention]:
    out: list[NumberMention] = []
    skip = -1
    for i, a in enumerate(numbers):
        if i == skip:
            continue
        b = numbers[i + 1] if i + 1 < len(numbers) else None
        if b is not None and a.form == "number" and b.form == a.form and a.value < b.value:
            join = text[a.end : b.qual_start if b.qual_start is not None else b.start]
            between = _BETWEEN.search(text[max(0, a.start - 12) : a.start])
            dash = join.strip() in ("-", "\u2013", "to")
            pct_pair = a.unit == "count" and b.unit == "percent"
            if (
                _RANGE_JOIN.fullmatch(join)
                and (between or dash)
                and (a.unit == b.unit or pct_pair)
                and b.value < 10 * max(a.value, 1)
            ):
                low_start = a.qual_start if a.qual_start is not None else a.start
                out.append(
                    replace(
                        b,
                        low=a.value,
                        start=low_start,
                        text=text[low_start : b.end],
                        qualifier=a.qualifier if a.qualifier != "exact" else b.qualifier,
                    )
                )
                skip = i + 1
                continue
        out.append(a)
    return out
