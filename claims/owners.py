"""Whose a number is: the person the words around it tie it to.

``subject_of(doc, sent, n, cs)`` returns the person's Mention, None when
nobody is named for it, or False when somebody the facts do not know is
(attribution blocked: "Jane Roe topped the nominations with 410").  The
order of evidence:

1. a score's second number is the beaten side's ("beat Pike by 59,067 votes
   to 53,544"), and its first, right after the beaten side's name, the winner's
   ("beat Pike 59,067 to 53,544");
2. the words between a person and the number: "Rowe's 59,067", "Rowe won
   59,067", "Pike (41.2%)", "Rowe, 59,067" in a list; across a clause break
   only a verb frame from the sentence's subject ("Rowe, 66, won 59,067");
3. the words after it: "59,067 votes for Rowe", "17,143 went to Lund";
4. the subject of the verb frame the number opens ("Sam Pike, the
   runner-up, had 41.2 per cent", "He defeated Pike, ..., winning 59,067").

``pair`` gives a margin's two sides, the one ahead first.
"""

from __future__ import annotations

import re

from factwatch.claims.lexicon import lexicon, title
from factwatch.claims.numbers import NumberMention
from factwatch.claims.text import Document, Mention, Sent

_LEX = lexicon()
# Words that qualify or stress the number that follows: "about", "just over", "a mere".
QUALIFIERS = (
    rf"(?:(?:{_LEX.alt('intensifier')}|{_LEX.alt('approx')}|{_LEX.alt('over')}|"
    rf"{_LEX.alt('under')}|{_LEX.alt('near_above')}|{_LEX.alt('near_below')})\s+)*"
)

_ADV = r"(?:(?:narrowly|comfortably|easily|only|just|also|eventually|finally|still|then)\s+)?"
_VOTE_VERB = (
    r"(?:won|wins|win|winning|took|takes|taking|polled|polls|polling|received|receives|"
    r"receiving|got|gets|getting|secured|secures|securing|garnered|garners|attracted|"
    r"attracts|scored|scores|collected|collects|picked\s+up|picks\s+up|picking\s+up|claimed|"
    r"claims|amassed|managed|bagged|bags|bagging|netted|nets|netting|grabbed|grabs|grabbing|"
    r"scooped|scoops|scooping|pocketed|pocketing|landed|landing|"
    r"mustered|drew|draws|notched(?:\s+up)?|racked\s+up|took\s+home|ended\s+up\s+with|"
    r"carried|carries|captured|captures|"
    r"finished\s+(?:[\w-]+\s+){0,3}?(?:on|with)|ended\s+(?:[\w-]+\s+){0,3}?(?:on|with)|"
    r"came\s+(?:first|second|third|fourth|fifth|last|in\s+[\w-]+)\s+(?:on|with)|"
    r"was\s+(?:first|second|third|fourth|last|runner-up)\s+(?:on|with)|"
    r"trailed\s+(?:[\w-]+\s+)?(?:on|with)|had|has|have|obtained|earned|earns|gained|gains|"
    r"won\s+the\s+(?:backing|support|votes)\s+of|was\s+backed\s+by|was\s+supported\s+by|"
    r"backed\s+by|supported\s+by|with\s+the\s+(?:backing|support)\s+of|"
    r"(?:has|had|have)\s+(?:won|taken|polled|received|got|gotten|secured|garnered|attracted))"
)
# Gaps between a person and the number that make it theirs.
_ATTACH = re.compile(
    rf"(?:(?:'s)?\s+(?:final\s+|overall\s+|own\s+|first[\s-]preference\s+|first[\s-]round\s+|"
    rf"final[\s-]round\s+)?(?:vote\s+|vote-\s*)?(?:share|tally|total|haul|"
    rf"count)(?:\s+of\s+the\s+vote)?\s+(?:was|is|of|stood\s+at|came\s+to|reached|(?:fell|rose|dropped|"
    rf"slipped|climbed|slumped|jumped|edged\s+up|edged\s+down|sank|grew)\s+to|:)\s+(?:just\s+|"
    rf"somewhere\s+|only\s+)?{QUALIFIERS}"
    rf"|'s\s+{QUALIFIERS}(?:total\s+of\s+|tally\s+of\s+|haul\s+of\s+|share\s+of\s+)?"
    rf"|\s*[(:]\s*{QUALIFIERS}|\s*-\s+{QUALIFIERS}|\s+(?:on|with|at)\s+{QUALIFIERS}"
    rf"|\s*\([^()]{{1,30}}\)\s*(?:[:,-]\s*)?{QUALIFIERS}"  # "Rowe (Lab) 47,318"
    rf"|,\s+(?:on|with)\s+{QUALIFIERS}"
    rf"|\s+{_ADV}{_VOTE_VERB}\s+(?:a\s+(?:total|tally|haul|share)\s+of\s+|a\s+)?{QUALIFIERS}"
    rf"|\s+(?:was\s+|has\s+been\s+|had\s+been\s+|is\s+)?(?:re-?elected|elected|returned|declared\s+"
    rf"the\s+winner|re-?selected|chosen|won|wins|winning|triumphed|prevailed)"
    rf"(?:\s+[\w'-]+){{0,6}}?\s+(?:with|on)\s+{QUALIFIERS}"
    # "Strachan has 22 local parties", "has seven MPs and 22 local parties"
    rf"|\s+(?:has|had|have)\s+(?:(?:[\w-]+\s+){{1,2}}(?:and|,)\s+)?{QUALIFIERS}"
    # "placed third in the four-way race with 1,258 votes"
    rf"|\s+(?:placed|finished|came|ended(?:\s+up)?)\s+(?:a\s+(?:distant|close|poor|strong)\s+)?"
    rf"(?:second|third|fourth|fifth|sixth|last|runner-up)(?:\s+[\w'-]+){{0,6}}?\s+(?:with|on)\s+"
    rf"{QUALIFIERS}"
    rf"|\s+{QUALIFIERS})$"
)
_LIST_COMMA = re.compile(r",\s*$")
_PAREN_GAP = re.compile(rf"\s*\([^()]{{1,30}}\)\s*(?:[:,-]\s*)?{QUALIFIERS}")
# "Rees-Morgan (8 MPs, 47 local parties)": the person's own counts of things in brackets
_OPEN_PAREN_GAP = re.compile(rf"\s*\((?:[^()]{{0,40}}?,\s*)?{QUALIFIERS}")
_SET_WITH = re.compile(rf",\s+(?:with|on)\s+{QUALIFIERS}")
_SET_OFF = re.compile(r",[^,]{1,80},\s+")
_POSSESSIVE = re.compile(r"(?:his|her|their|its)\b")
_ACROSS_FRAME = re.compile(
    rf"(?:,[^,]{{1,80}},)?\s+(?:{_ADV}{_VOTE_VERB}\s+{QUALIFIERS}|(?:was\s+|has\s+been\s+|"
    rf"had\s+been\s+|is\s+)?(?:re-?elected|elected|returned|won|wins|triumphed|prevailed)"
    rf"(?:\s+[\w'-]+){{0,6}}?\s+(?:with|on)\s+{QUALIFIERS}"
    # "Lafreniere led all three counts, opening with 41.8 per cent"; "Delahaye won round
    # one fair and square: 14,862 votes"
    rf"|(?:won|took|topped|led|finished|came|polled|got|secured)\b[^;:]{{0,160}}?"
    rf"(?:(?:,|\s+and)\s+(?:opening|starting|beginning|finishing|ending|closing)\s+(?:with|on)"
    rf"|:)"
    rf"\s+{QUALIFIERS}"
    # "He came third of the four candidates, with 1,258 votes"
    rf"|(?:placed|finished|came|ended(?:\s+up)?)\s+(?:a\s+[\w-]+\s+)?(?:second|third|fourth|fifth|"
    rf"sixth|last|runner-up)\b[^;:,]{{0,80}},\s+with\s+{QUALIFIERS})"
)
# Where somebody ended up against somebody else: "who finished 77 ahead of Hale".
_PLACED_VERB = (
    r"(?:finished|finishes|ended|ends|came\s+in|came|comes|stood|trailed|trails|led|leads)"
)
_LEAD_FRAME = re.compile(
    rf"\s*(?:and\s+|but\s+|then\s+|while\s+|whereas\s+|after\s+|before\s+|by\s+|on\s+|"
    rf"despite\s+)?{_ADV}(?P<verb>{_VOTE_VERB})\s+{QUALIFIERS}"
)
_RELATIVE_FRAME = re.compile(
    rf"\s*(?:who|which)\s+(?:had\s+|has\s+)?{_ADV}(?P<verb>{_VOTE_VERB}|{_PLACED_VERB})\s+"
    rf"{QUALIFIERS}"
)
_BEATEN_BEFORE = re.compile(rf"(?:{_LEX.alt('win_verb')}|over|against|ahead\s+of)\s+$")
_COMPARE_BEFORE = re.compile(
    r"(?<![\w-])(?:behind|ahead\s+of|in\s+front\s+of|beat|beats|beating|defeated|defeating|"
    r"against|than|over|outpolled|trailing|trailed|second\s+to|third\s+to|runner-up\s+to|"
    r"versus|v|vs|(?:lost|losing|lose|loses|beaten|defeated|edged\s+out|pipped)(?:\s+[\w'-]+){0,4}\s+"
    # a description before the name: "defeating incumbent Tom Hale", "... regional
    # organiser Sam Pike"
    r"(?:to|by))\s+(?:[a-z][\w'\u2019-]*\s+){0,3}$"
)
_FOR_AFTER = re.compile(
    r"\s*(?:votes?\s+|per\s?cent\s+|percent\s+|%\s*)?(?:for|went\s+to|to\s+back)\s+"
    rf"{title()}?$"
)
_SCORE_SECOND = re.compile(
    r"\d[\d,.]*\s*(?:votes?\s+|%\s*|per\s?cent\s+)?(?:to|against|-|versus)\s*$"
)
_DID = re.compile(rf"\s+(?:has\s+|had\s+|have\s+)?[a-z]+(?:ed|t)\s+(?:in\s+|up\s+)?{QUALIFIERS}$")


def persons(sent: Sent) -> list[Mention]:
    """Everybody a sentence names: known people, pronouns, people the facts do not know."""
    return [m for m in sent.mentions if m.kind in ("person", "pronoun", "other")]


def _subjects(doc: Document, sent: Sent) -> list[Mention]:
    """People who can be the subject of a clause: not a possessive ("her opponent")."""
    return [
        m
        for m in persons(sent)
        if not (
            m.kind == "pronoun"
            and _POSSESSIVE.match(doc.norm, m.start, m.end + 1)
            and re.match(r"\s+[a-z]", doc.norm[m.end : m.end + 3])
        )
    ]


def _owner(doc: Document, sent: Sent, n: NumberMention, cs: int) -> Mention | None | bool:
    """The person a number is attached to by the words before it: a Mention, None when
    nobody is, False when somebody the facts do not know is (attribution blocked)."""
    start = n.qual_start if n.qual_start is not None else n.start
    people = [m for m in persons(sent) if m.end <= start]
    if not people:
        return None
    m = _apposition_head(doc, people) or people[-1]
    gap = doc.norm[m.end : start]
    if len(gap) > 90:
        return None
    # "she was runner-up to Rowe, with 45%": the sentence's subject, not the rival (but in
    # "Rowe won with 670, ahead of Hale with 402" each name has its own "with")
    own_with = _WITH_NUMBER.search(doc.norm, sent.start, m.start)
    if _WITH_GAP.fullmatch(gap) and not own_with and _compared(doc, sent, m):
        subject = _sentence_subject(sent, m)
        if subject is not None:
            return subject
    if not _attached(doc, sent, n, m, gap, cs):
        return None
    if gap.startswith((" with", ", with")) and not own_with and _compared(doc, sent, m):
        return _sentence_subject(sent, m)
    if _unknown(m):
        return False
    return m


_WITH_NUMBER = re.compile(r"(?<![\w-])with\s+" + QUALIFIERS + r"\d")
# "... and Kit Hale on the first ballot with 760": "with", perhaps after a phrase of
# where or when
_WITH_GAP = re.compile(
    r",?\s+(?:(?:on|in|at|after)\s+(?:the\s+|a\s+)?[\w-]+(?:\s+[\w-]+)?,?\s+)?with\s+" + QUALIFIERS
)


def _apposition_head(doc: Document, people: list[Mention]) -> Mention | None:
    """ "Pike, the closest rival to the incumbent, polled": the name the commas set the
    last person apart from, not the person inside the apposition or relative clause."""
    if len(people) < 2:
        return None
    m, last = people[-2], people[-1]
    between = doc.norm[m.end : last.end]
    if m.kind == "pronoun" or not between.startswith(",") or "," in between[1:]:
        return None
    got = _SET_OFF.match(doc.norm, m.end)
    return m if got and got.end() > last.end else None


# "Rowe's 59,067": a possessive gap; "And Mr Rowe ...": an opening of nothing but links
_OWNED_GAP = re.compile(r"'s\s+" + QUALIFIERS)
_PLAIN_LEAD = re.compile(rf"\s*(?:(?:and|but|so|then)\s+|{title()})*")


def _attached(doc: Document, sent: Sent, n: NumberMention, m: Mention, gap: str, cs: int) -> bool:
    """Do the words ``gap`` between ``m`` and the number make the number ``m``'s?"""
    if m.start < cs and (
        _SET_WITH.fullmatch(gap)
        or _PAREN_GAP.fullmatch(gap)
        or (n.noun and _OPEN_PAREN_GAP.fullmatch(gap))
    ):
        return True  # "Kit Hale, with 68, was fourth", "Rowe (Lab) 47,318"
    if m.start < cs and not _OWNED_GAP.fullmatch(gap):
        # Across a clause break only a verb frame carries, from a subject that opens its
        # sentence ("Rowe, 66, won 59,067"; not "He beat Pike, ..., winning 59,067").
        if not _ACROSS_FRAME.fullmatch(gap):
            return False
        lead = doc.norm[sent.start : m.start]
        return bool(
            _PLAIN_LEAD.fullmatch(lead)
            or _TIME_OPENING.fullmatch(lead)
            or _COORDINATED_OPENING.search(lead)
        )
    if _ATTACH.fullmatch(gap):
        return True
    # "Pike, 53,544" in a list
    return bool(_LIST_COMMA.fullmatch(gap)) and (n.unit == "percent" or n.value >= 100)


def _unknown(m: Mention) -> bool:
    """Somebody the facts do not know: a name they do not record, or a pronoun that
    could not be resolved."""
    return m.kind == "other" or (m.kind == "pronoun" and m.person is None)


def _compared(doc: Document, sent: Sent, m: Mention) -> bool:
    """Is ``m`` (with names coordinated before it) the object of a comparison?"""
    # Names and the descriptors right before them ("Michigan ironworker Kit Hale") as
    # one; places and unknown names between them are no people of the list.
    people = [x for x in persons(sent) if x.kind != "other" or x is m]
    i = people.index(m)
    while i > 0:
        prev, cur = people[i - 1], people[i]
        between = doc.norm[prev.end : cur.start]
        same = prev.person is not None and prev.person == cur.person and not between.strip()
        # "Hale, Las Vegas organizer Lund and Michigan ironworker Hale"
        if not same and not _CHAINED.fullmatch(between):
            break
        i -= 1
    first = people[i]
    return bool(_COMPARE_BEFORE.search(doc.norm[max(sent.start, first.start - 60) : first.start]))


_CHAINED = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s*(?:[\w'\u2019-]+\s+){0,3}")


def _sentence_subject(sent: Sent, before: Mention) -> Mention | None:
    for m in persons(sent):
        if m.start >= before.start:
            break
        if m.kind == "other":
            return None
        if m.person:
            return m
    return None


def _after_owner(doc: Document, sent: Sent, n: NumberMention) -> Mention | None | bool:
    """ "59,067 votes for Rowe", "17,143 went to Lund"."""
    later = [m for m in persons(sent) if m.start >= n.end]
    if not later:
        return None
    m = later[0]
    if not _FOR_AFTER.fullmatch(doc.norm[n.end : m.start]):
        return None
    if doc.norm[m.start : m.end] in ("his", "her", "their"):
        # "670 votes to 402 for her closest rival, Sam Pike": the rival, named after
        named = [x for x in later[1:] if _NAMED_NP.fullmatch(doc.norm[m.end : x.start])]
        if not named:
            return None
        m = named[0]
    if _unknown(m):
        return False
    return m


# A subject opening a coordinated clause: "..., and even Costigan, who had pulled out, drew".
# A sentence opening with when: "Twelve days ago Marcus Delahaye won ..."
_TIME_OPENING = re.compile(
    r"\s*(?:(?:[\w-]+\s+){1,3}ago|yesterday|today|tonight|last\s+\w+|this\s+\w+|"
    r"on\s+\w+(?:\s+\d+)?|in\s+\w+(?:\s+\d{4})?)\s*,?\s*"
)
_COORDINATED_OPENING = re.compile(
    rf"[,;]\s*(?:and|but|while|whereas|yet)\s+(?:even\s+|also\s+|then\s+)?{title()}?$"
)
# A possessive's noun phrase and the name set beside it: "her closest rival, ".
_NAMED_NP = re.compile(rf"\s+(?:[\w'-]+\s+){{0,3}}?[\w'-]+\s*,\s*{title()}?")


def _clause_subject(doc: Document, sent: Sent, n: NumberMention, cs: int) -> Mention | None | bool:
    """A number opening its clause's verb frame takes that verb's subject: after a finite
    verb the person named just before ("Sam Pike, the runner-up, had 41.2 per cent",
    "and a third candidate, Kit Lund, won 17,143"); after a participle the
    sentence's subject ("He defeated Pike, ..., winning 59,067 votes")."""
    start = n.qual_start if n.qual_start is not None else n.start
    lead = doc.norm[cs:start]
    rel = _RELATIVE_FRAME.fullmatch(lead)
    if rel:
        # "Tom Hale, who received 420 votes": the person the relative clause is on
        on = [
            x
            for x in persons(sent)
            if x.end <= cs and re.fullmatch(r"\s*,?\s*", doc.norm[x.end : cs])
        ]
        return on[-1] if on and not _unknown(on[-1]) else None
    m = _LEAD_FRAME.fullmatch(lead)
    if not m:
        return None
    before = [x for x in persons(sent) if x.end <= cs]
    if not before:
        return None
    participle = m.group("verb").split()[0].endswith("ing")
    if participle:
        # "with Kit Lund, the grassroots candidate, taking 17,143": the absolute
        # construction's own subject; otherwise the sentence's.
        withs = [
            x
            for x in before
            if re.search(r"(?<![\w-])with\s+$", doc.norm[max(sent.start, x.start - 6) : x.start])
        ]
        pick = withs[-1] if withs else before[0]
    else:
        # The latest person who opens a clause: the subject, not an object inside an
        # apposition ("Pike, the closest rival to the incumbent, polled 53,544").
        subjects = [x for x in _subjects(doc, sent) if x.end <= cs]
        openers = [x for x in subjects if _opens_clause(doc, sent, x)]
        pick = openers[-1] if openers else (subjects[-1] if subjects else before[-1])
    if _unknown(pick):
        return False
    if participle and any(x.kind == "other" for x in before):
        return False
    return pick


_COORD = re.compile(r"\s*(?:,\s*and|,|and)\s*")
_COORD_PEOPLE = re.compile(rf"\s*(?:,\s*and|,|and)\s*{title()}?")  # "X and Comrade Y"
_COORD_NEXT = re.compile(r"(?:\s*(?:%|per\s?cent|votes?))?\s*(?:,\s*and|,|and)\s*(?:[a-z]+\s+)?\d")
_COORD_PREV = re.compile(r"\d(?:\s*(?:%|per\s?cent|votes?))?\s*(?:,\s*and|,|and)\s*(?:[a-z]+\s+)?$")


def _respectively(doc: Document, sent: Sent, n: NumberMention) -> Mention | None:
    """ "Lund and Hale trailed with 163 and 86": coordinated numbers after as
    many coordinated people go to them in order."""
    norm = doc.norm
    if not (
        _COORD_NEXT.match(norm, n.end, min(sent.end, n.end + 40))
        or _COORD_PREV.search(norm, max(sent.start, n.start - 40), n.start)
    ):
        return None  # no number coordinated with this one
    found = doc.numbers_of(sent)
    nums = [x for x in found if x.unit == n.unit]
    if len(nums) < 2:
        return None
    i = next((k for k, x in enumerate(nums) if x.start == n.start), None)
    if i is None:
        return None
    lo = hi = i
    while lo > 0 and _COORD.fullmatch(doc.norm[nums[lo - 1].end : nums[lo].start]):
        lo -= 1
    while hi + 1 < len(nums) and _COORD.fullmatch(doc.norm[nums[hi].end : nums[hi + 1].start]):
        hi += 1
    if hi == lo:
        return None
    people = [m for m in persons(sent) if m.end <= nums[lo].start and m.person]
    group = people[-1:]
    while len(group) < len(people) and _COORD_PEOPLE.fullmatch(
        doc.norm[people[-len(group) - 1].end : group[0].start]
    ):
        group.insert(0, people[-len(group) - 1])
    if len(group) != hi - lo + 1 or len({m.person for m in group}) != len(group):
        return None
    return group[i - lo]


def _score_second(doc: Document, sent: Sent, n: NumberMention) -> Mention | None:
    """ "beat Pike by 59,067 votes to 53,544": the second number is the beaten one's."""
    start = n.qual_start if n.qual_start is not None else n.start
    if not _SCORE_SECOND.search(doc.norm, max(sent.start, start - 30), start):
        return None
    here = [m for m in sent.mentions if m.kind == "person" and m.person and m.end <= start]
    for m in reversed(here):
        before = doc.norm[max(sent.start, m.start - 30) : m.start]
        if _BEATEN_BEFORE.search(before):
            return m
    return None


_RELATIVE_OPENING = re.compile(r"\s*(?:who|whom|which|that)\s")


def _opens_clause(doc: Document, sent: Sent, m: Mention) -> bool:
    """Is ``m`` the first person named in its clause (its subject, most likely)?  Not
    in a relative clause, whose subject is its pronoun ("who endorsed Ms Oduwole")."""
    cs, _ = doc.clause_of(sent, m.start)
    if _RELATIVE_OPENING.match(doc.norm, cs, m.start):
        return False
    return not any(
        x is not m and x.kind in ("person", "other") and cs <= x.start < m.start
        for x in sent.mentions
    )


_CLAUSE_LEAD = re.compile(
    rf"\s*(?:(?:and|but|while|whereas|so|then|with|the|a|an)\s+|{title()})*"
    rf"(?:(?P<owner>[\w.&-]+(?:\s+[\w.&-]+)?)'s\s+{title()}?)?"
)


def _starts_clause(doc: Document, sent: Sent, m: Mention) -> bool:
    """Does ``m`` open its clause, with nothing before it but a conjunction, a title or
    a party's possessive ("The Greens' Kit Lund", "Labour's Sam Pike")?"""
    cs, _ = doc.clause_of(sent, m.start)
    got = _CLAUSE_LEAD.fullmatch(doc.norm, cs, m.start)
    if not got:
        return False
    # the possessive is a name ("Labour's", "New Commons'"), not "defeating Labour's"
    owner = got.group("owner")
    return owner is None or all(
        w[:1].isupper() for w in doc.text[got.start("owner") : got.end("owner")].split()
    )


def antecedent(doc: Document, sent: Sent, cs: int) -> Mention | None:
    """The person an apposition or relative clause starting at ``cs`` hangs on."""
    before = [m for m in persons(sent) if m.end <= cs]
    if not before or not re.fullmatch(r"\s*[,(\u2013-]?\s*", doc.norm[before[-1].end : cs]):
        return None
    m = before[-1]
    return m if m.person and m.kind != "other" else None


# a number that opens a score: "59,067 to 53,544", "59,067-53,544", "59,067 votes to ..."
_SCORE_FIRST = re.compile(r"\s*(?:votes?\s+)?(?:to|-|\u2013|versus|against)\s*\d")


_LED_BEFORE = re.compile(
    r"(?<![\w-])(?:led|leads|leading|edged|edges|edging|pipped|pips|trounced|thrashed|"
    r"outpolled|outpolls)\s+(?:[a-z][\w'\u2019-]*\s+){0,3}$"
)


def _score_first(doc: Document, sent: Sent, n: NumberMention) -> Mention | None:
    """ "beat Pike 59,067 to 53,544": a score's first number, right after the beaten
    rival's name, is the winner's, the subject of the comparison."""
    start = n.qual_start if n.qual_start is not None else n.start
    if not _SCORE_FIRST.match(doc.norm, n.end):
        return None
    before = [m for m in persons(sent) if m.end <= start]
    if not before or not re.fullmatch(r"[\s,]*", doc.norm[before[-1].end : start]):
        return None
    rival = before[-1]
    lead = doc.norm[max(sent.start, rival.start - 60) : rival.start]
    if not (_COMPARE_BEFORE.search(lead) or _LED_BEFORE.search(lead)):
        return None
    cs, _ = doc.clause_of(sent, rival.start)
    inside = [
        m
        for m in persons(sent)
        if cs <= m.start and m.end <= rival.start and m.person and m.person != rival.person
    ]
    subject = inside[-1] if inside else _sentence_subject(sent, rival)
    return subject if subject is not None and subject.person != rival.person else None


def subject_of(doc: Document, sent: Sent, n: NumberMention, cs: int) -> Mention | None | bool:
    """Whose ``n`` is, in the order of evidence the module describes (None: nobody's;
    False: somebody's the facts do not know)."""
    second = _score_second(doc, sent, n)
    if second is not None:
        return second
    first = _score_first(doc, sent, n)
    if first is not None:
        return first
    paired = _respectively(doc, sent, n)
    if paired is not None:
        return paired
    got = _owner(doc, sent, n, cs)
    if got is None:
        got = _after_owner(doc, sent, n)
    if got is None:
        got = _clause_subject(doc, sent, n, cs)
    return got


def listed_after_colon(doc: Document, sent: Sent, n: NumberMention) -> Mention | None:
    """ "She cleared the bar comfortably: 15 local parties ... and 431 members'
    signatures": a list after a colon sets out what the sentence's subject, its only
    person, had."""
    colon = doc.norm.rfind(":", sent.start, n.start)
    if colon < 0:
        return None
    people = persons(sent)
    if len({m.person for m in people}) != 1 or any(m.start > colon for m in people):
        return None
    first = people[0]
    if first.person is None or not _starts_clause(doc, sent, first):
        return None
    return first


def doer(doc: Document, sent: Sent, n: NumberMention, cs: int) -> Mention | None | bool:
    """The person who did something to a count of things: "X filed 1,874", "X handed in"."""
    start = n.qual_start if n.qual_start is not None else n.start
    people = [m for m in persons(sent) if cs <= m.start and m.end <= start]
    if not people or not _DID.fullmatch(doc.norm[people[-1].end : start]):
        return None
    m = people[-1]
    return False if _unknown(m) else m


def subject_is_candidate(doc: Document, sent: Sent, n: NumberMention, cs: int) -> bool:
    """Do the words before ``n`` make it a known person's?"""
    got = _owner(doc, sent, n, cs)
    return isinstance(got, Mention) and got.person is not None


def after_people(sent: Sent, n: NumberMention) -> str | None:
    """The known person named just after ``n`` ("1,185 members backed Rowe")."""
    later = [m for m in sent.mentions if m.start >= n.end and m.kind in ("person", "other")]
    if later and later[0].kind == "person" and later[0].start - n.end < 50:
        return later[0].person
    return None
