"""Who and what a sentence names: known people, other people, organisations.

``annotate(doc)`` fills every sentence's ``mentions`` with:

- ``person``: a person of the facts file (a candidate here or in a related
  contest) by name, spelling variant, surname or descriptor ("the West
  Midlands regional secretary"), or by a role the structure of the election
  gives ("the incumbent", "the winner", "the runner-up", "the third-placed
  candidate");
- ``pronoun``: he/she/him/her/his, resolved to the person it most likely
  means (or to an unknown person, which blocks attribution);
- ``other``: a person the facts file does not know ("Jane Roe", "Ms Roe");
- ``org``: an organisation other than the election's own ("the GMB", "the
  Labour party"), and ``ours`` for the election's own ("the Guild", "the union").

Names are matched with their capital letters (a surname such as "May" or
"Baker" is not the trade); descriptors in any case.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from factwatch.claims.facts import Facts
from factwatch.claims.lexicon import alternation, lexicon, normalise, title
from factwatch.claims.numbers import ORDINALS
from factwatch.claims.text import Document, Mention, Sent

_LEX = lexicon()

_CAP = r"(?:Mc|Mac|O'|O\u2019|D')?[A-Z][a-z\u00e0-\u00ff]+(?:-[A-Z][a-z\u00e0-\u00ff]+)?"
_PARTICLE = r"(?:de|da|van|von|der|le|la|di|del|bin|al)"
_TITLES = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady|Baroness|Cllr|Prof|Rev|Sen|Rep|Gov)\.?"
_OTHER_PERSON = re.compile(
    rf"(?<![\w'\u2019-])(?:(?P<title>{_TITLES})\s+(?P<single>{_CAP})(?:\s+{_CAP})?"
    rf"|(?P<first>{_CAP})(?:\s+[A-Z]\.)?(?:\s+(?:{_PARTICLE}\s+)?{_CAP}){{1,2}})(?![\w-])"
)
_TWO_CAPS = re.compile(
    r"[A-Z][\w'\u2019-]*\.?\s+(?:[A-Z]\.\s+)?(?:(?:de|da|van|von|der|le|la|di|del)\s+)?[A-Z]"
)
_UPPER_PAIR = re.compile(r"[A-Z][A-Z]")
_ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z&]{1,5}s?(?![\w-])")
_NOT_ACRONYMS = frozenset("I II III IV VI TV UK US USA EU UN PM MP MPS OK AM PM CEO TBC".split())
# (each pronoun is a whole word, so at most one of them matches at a place, in any order;
# grouped by first letter with the word-edge test after it, the scan looks for "h" and "s")
_PRONOUN = re.compile(r"(h(?<![\w'-].)(?:e|im|is|er|ers|imself|erself)|s(?<![\w'-].)he)(?![\w'-])")
_SENTENCE_WORDS = frozenset(
    "The A An In On At But And It He She They His Her Their This That These Those There "
    "Turnout When While After Before Under With Without As If Although Though Yet So For "
    "From Of By To Only Just Both Neither Either Each Every All Some Many Most No Not "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December Mr Mrs Ms Dr Sir "
    "However Meanwhile Yesterday Today Tomorrow Last Next Now Then Since Until Despite "
    "Labour Tory Tories Conservative Conservatives Liberal Democrat Democrats Republican "
    "Republicans Green Greens Union Unions Party General Secretary Executive Council "
    "Committee Election Elections Ballot Vote Votes Voters Members Britain British England "
    "English Scotland Scottish Wales Welsh Ireland Irish London Westminster Whitehall "
    "Parliament Commons Lords Court High Certification Officer Officers Regional West East "
    "North South Midlands Central New Old Northern Southern Eastern Western Great Greater "
    "Read More Share Photo Picture Video Watch Live Update Updated Breaking Analysis Comment "
    "Opinion Editorial Letters Sport Business News Politics World".split()
)


@lru_cache(maxsize=16)
def _known_names(facts: Facts) -> tuple[re.Pattern[str], dict[str, str | None]]:
    """One pattern for every known person's names and surnames, and phrase -> person."""
    table: dict[str, str | None] = {}

    def put(phrase: str, key: str) -> None:
        phrase = normalise(phrase.strip())
        if not phrase:
            return
        if phrase in table and table[phrase] != key:
            table[phrase] = None  # shared by two people: ambiguous
        else:
            table[phrase] = key

    surnames: dict[str, set[str]] = {}
    for p in facts.people.values():
        for name in (p.name, *p.variants):
            put(name, p.key)
            parts = name.split()
            if len(parts) > 1:
                surnames.setdefault(normalise(parts[-1]), set()).add(p.key)
    for s, keys in surnames.items():
        if s not in table:
            table[s] = next(iter(keys)) if len(keys) == 1 else None
    for first, key in _first_names(facts).items():
        table.setdefault(first, key)
    return re.compile(alternation(set(table))), table


def _first_names(facts: Facts) -> dict[str, str]:
    """This contest's candidates by first name alone, as quotes and columns call them
    ("I thought Gareth had the best chance"), when nobody else the facts know shares it."""
    firsts: dict[str, set[str]] = {}
    for p in facts.people.values():
        for name in (p.name, *p.variants):
            parts = name.split()
            if len(parts) > 1 and len(parts[0]) >= 3:
                firsts.setdefault(normalise(parts[0]), set()).add(p.key)
    here = set(facts.this.people)
    return {f: next(iter(k)) for f, k in firsts.items() if len(k) == 1 and k <= here}


@lru_cache(maxsize=16)
def _descriptors(facts: Facts) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    table: dict[str, str] = {}
    for p in facts.people.values():
        for d in p.descriptors:
            d = normalise(d)
            table[d] = p.key
            bare = re.sub(r"^(?:the|a|an)\s+", "", d)
            table.setdefault(f"the {bare}", p.key)
            if len(bare.split()) >= 2:
                table.setdefault(bare, p.key)
    return (re.compile(alternation(set(table))) if table else None), table


def _roles(facts: Facts) -> dict[str, list[str]]:
    """Role words the structure of this election gives to its candidates."""
    this = facts.this
    out: dict[str, list[str]] = {}
    if len(this.winners) == 1:
        out["winner"] = this.winners
    inc = [c.id for c in facts.candidates if c.incumbent]
    if len(inc) == 1:
        out["incumbent"] = inc
        out["office"] = inc
    elif "winner" in out:
        out["office"] = out["winner"]
    ranked = ranking(facts)
    for i, key in enumerate(ranked, 1):
        out[f"place-{i}"] = [key]
    return out


@lru_cache(maxsize=16)
def ranking(facts: Facts) -> tuple[str, ...]:
    """This election's candidates by final-round votes (then first-round), best first."""
    votes: dict[str, tuple[int, float]] = {}
    final = max(
        (f.round or 1 for f in facts.figures if f.contest == "this" and f.measure == "votes"),
        default=1,
    )
    for f in facts.figures:
        if f.contest == "this" and f.measure == "votes" and f.subject:
            r = f.round or 1
            score = (r if r <= final else 0, f.value)
            votes[f.subject] = max(votes.get(f.subject, (0, 0.0)), score)
    if not votes:
        return tuple(facts.this.winners)
    return tuple(sorted(votes, key=lambda k: votes[k], reverse=True))


def round_ranking(facts: Facts, rnd: int | None) -> tuple[str, ...]:
    """The candidates in one round of the count by their votes in it, best first (the
    final ranking when the round is not recorded or not given)."""
    if rnd is None or rnd < 1:
        return ranking(facts)
    votes = {
        f.subject: f.value
        for f in facts.figures
        if f.contest == "this" and f.measure == "votes" and f.subject and f.round == rnd
    }
    if len(votes) < 2:
        return ranking(facts)
    return tuple(sorted(votes, key=lambda k: votes[k], reverse=True))


_ROLE_WORDS = frozenset(
    "winner victor winning re-elected newly incumbent sitting runner-up runner "
    "second-placed second-place second third fourth fifth sixth last".split()
)
_PRONOUNS = frozenset("he him his she her hers himself herself".split())


@lru_cache(maxsize=16)
def _first_words(facts: Facts) -> tuple[frozenset[str], frozenset[str]]:
    """First words of every known name, and of every descriptor: cheap prefilters."""
    _, table = _known_names(facts)
    _, desc = _descriptors(facts)
    names = frozenset(re.split(r"[\s-]+", k)[0] for k in table)
    descs = frozenset(
        w for k in desc for w in re.split(r"[\s-]+", k) if w not in ("the", "a", "an")
    )
    return names, descs


_ORD = {**ORDINALS, "last": -1}
_ROLE_RX = re.compile(
    # ("t(?<![\w-].)he": "(?<![\w-])the", scanned for its "t" alone)
    r"t(?<![\w-].)he\s+(?:(?P<win>winner|victor|winning\s+candidate|re-elected\s+[\w-]+"
    r"|newly[\s-]elected\s+[\w-]+)"
    r"|(?P<inc>incumbent|sitting\s+[\w-]+(?:\s+secretary)?)"
    r"|(?P<ru>runner-up|runner\s+up|second-placed\s+candidate|second-place\s+candidate)"
    r"|(?P<ord>second|third|fourth|fifth|sixth|last)(?:[\s-]placed?)?\s+(?:candidate|contender|"
    r"man|woman|challenger|hopeful|name|person))(?![\w-])"
)


@dataclass(frozen=True)
class _Known:
    """What finds the facts file's people in a sentence, built once per document."""

    names: re.Pattern[str]
    table: dict[str, str | None]
    desc_rx: re.Pattern[str] | None
    desc_table: dict[str, str]
    roles: dict[str, list[str]]
    office_rx: re.Pattern[str] | None
    firsts: tuple[frozenset[str], frozenset[str]]


def annotate(doc: Document) -> None:
    """Fill ``sent.mentions`` for every sentence of ``doc``."""
    facts = doc.facts
    names, table = _known_names(facts)
    desc_rx, desc_table = _descriptors(facts)
    roles = _roles(facts)
    ours = _our_org(facts)
    office_rx = _office_rx(facts) if "office" in roles else None
    known = _Known(names, table, desc_rx, desc_table, roles, office_rx, _first_words(facts))
    for sent in doc.sentences:
        found = _by_name(doc, sent, known) + _by_descriptor(doc, sent, known)
        found += _by_role(doc, sent, known)
        found = _no_overlaps(found)
        found += _others(doc, sent, found, ours)
        found = _drop_mismatched_descriptors(doc, found)
        _add_pronouns(doc, sent, found)
        found.sort(key=lambda x: (x.start, -x.end))
        sent.mentions = found
    _resolve_pronouns(doc)
    _resolve_speakers(doc)


def _by_name(doc: Document, sent: Sent, known: _Known) -> list[Mention]:
    """Known people by name, spelling variant or surname, with their capital letters."""
    found: list[Mention] = []
    if not known.firsts[0].isdisjoint(sent.words):
        for m in known.names.finditer(doc.norm, sent.start, sent.end):
            key = known.table.get(m.group(0))
            if key is None and doc.text[m.start()].isupper():
                key = _named_in_full_before(doc, m.start(), m.group(0))
            if key is None or not doc.text[m.start()].isupper():
                continue
            found.append(Mention(m.start(), m.end(), "person", key, by_name=True))
    return found + _joined_names(doc, sent, known)


def _named_in_full_before(doc: Document, pos: int, surname: str) -> str | None:
    """A surname several people share is the one of them the text last named in full
    before it ("Meera Rowe won ... Rowe's campaign"), if any."""
    best, at = None, -1
    for p in doc.facts.people.values():
        if normalise(p.name.split()[-1]) != surname:
            continue
        for name in (p.name, *p.variants):
            if len(name.split()) < 2:
                continue
            i = doc.norm.rfind(normalise(name), 0, pos)
            if i > at:
                best, at = p.key, i
    return best


def _joined_names(doc: Document, sent: Sent, known: _Known) -> list[Mention]:
    """ "the Corcoran-Moriarty duel": two known names joined by a hyphen or dash, each
    its person (a double-barrelled name the facts know is matched whole instead)."""
    found: list[Mention] = []
    table = known.table
    if "-" not in sent.norm or not any(
        "-" in w and all(part in table for part in w.split("-")) for w in sent.token_words
    ):
        return found  # no hyphenated word made of known names: the offsets are not needed
    for a, _, word in sent.tokens:
        if "-" not in word or word in known.table:
            continue
        parts = word.split("-")
        keys = [known.table.get(part) for part in parts]
        if len(parts) < 2 or not all(keys) or len(set(keys)) != len(keys):
            continue
        at = a
        for part, key in zip(parts, keys, strict=True):
            if doc.text[at].isupper():
                found.append(Mention(at, at + len(part), "person", key, by_name=True))
            at += len(part) + 1
    return found


def _by_descriptor(doc: Document, sent: Sent, known: _Known) -> list[Mention]:
    """Known people by a descriptor ("the West Midlands regional secretary")."""
    found: list[Mention] = []
    if known.desc_rx is not None and not known.firsts[1].isdisjoint(sent.words):
        for m in known.desc_rx.finditer(doc.norm, sent.start, sent.end):
            key = known.desc_table.get(re.sub(r"\s+", " ", m.group(0)))
            if key:
                found.append(Mention(m.start(), m.end(), "person", key))
    return found


def _by_role(doc: Document, sent: Sent, known: _Known) -> list[Mention]:
    """Known people by a role the election gives them: the office, "the incumbent",
    "the runner-up", "the third-placed candidate"."""
    found: list[Mention] = []
    words = sent.words
    roles = known.roles
    if known.office_rx is not None and "the" in words:
        for m in known.office_rx.finditer(doc.norm, sent.start, sent.end):
            found.append(Mention(m.start(), m.end(), "person", roles["office"][0], role="office"))
    if "the" in words and not _ROLE_WORDS.isdisjoint(words):
        for m in _ROLE_RX.finditer(doc.norm, sent.start, sent.end):
            role = _role_of(m, roles)
            if role:
                key = roles[role][0]
                found.append(Mention(m.start(), m.end(), "person", key, role=role))
    return found


def _add_pronouns(doc: Document, sent: Sent, found: list[Mention]) -> None:
    """Pronouns not inside another mention, unresolved for now."""
    for m in (
        _PRONOUN.finditer(doc.norm, sent.start, sent.end)
        if not _PRONOUNS.isdisjoint(sent.words)
        else ()
    ):
        if not any(x.start <= m.start() < x.end for x in found):
            found.append(Mention(m.start(), m.end(), "pronoun"))


@lru_cache(maxsize=16)
def _office_rx(facts: Facts) -> re.Pattern[str] | None:
    """ "the general secretary": whoever holds the office (the incumbent, else the winner)."""
    office = normalise(facts.election.office or "")
    if not office:
        return None
    org = normalise(facts.election.organisation or "")
    owner = r"(?:the\s+union's\s+|its\s+" + (rf"|{re.escape(org)}'s\s+" if org else "") + r")?"
    words = r"\s+".join(re.escape(w) for w in office.split())
    return re.compile(
        # ("t(?<![\w-].)he" is "(?<![\w-])the" with the test made after the "t", so that
        # the scan looks for a "t" alone)
        rf"t(?<![\w-].)he\s+{owner}{words}"
        r"(?!\s+(?:election|contest|race|ballot|post|job|role|vote|candidates?|nominations?)\b)"
        r"(?![\w-])"
    )


# "the sitting mayor, Ruth Ames": the gap between a descriptor and a name, and the
# name ending its clause
_DESCRIBED_GAP = re.compile(rf"\s*,?\s*{title()}?")
_NAME_ENDS = re.compile(r"\s*(?:[,.;:)]|$)")


def _drop_mismatched_descriptors(doc: Document, found: list[Mention]) -> list[Mention]:
    """ "the sitting mayor, Ruth Ames", "the rank-and-file candidate Jo Hale": a
    descriptor set beside another person's name describes that person (at that time),
    not the candidate it names today."""
    found.sort(key=lambda x: (x.start, -x.end))
    drop = set()
    for a, b in zip(found, found[1:], strict=False):
        gap = doc.norm[a.end : b.start]
        if not _DESCRIBED_GAP.fullmatch(gap):
            continue
        for desc, name in ((a, b), (b, a)):
            if name is b and "," in gap and not _NAME_ENDS.match(doc.norm[b.end : b.end + 2]):
                continue  # "the regional secretary, Rowe held on": a new clause's subject
            if (
                desc.kind == "person"
                and not desc.by_name
                and not desc.role
                and (
                    name.kind == "other"
                    or (name.kind == "person" and name.by_name and name.person != desc.person)
                )
            ):
                drop.add(id(desc))
    return [m for m in found if id(m) not in drop]


def _role_of(m: re.Match[str], roles: dict[str, list[str]]) -> str | None:
    if m.group("win"):
        return "winner" if "winner" in roles else None
    if m.group("inc"):
        return "incumbent" if "incumbent" in roles else None
    if m.group("ru"):
        return "place-2" if "place-2" in roles else None
    n = _ORD[m.group("ord")]
    if n == -1:
        n = max((int(k.split("-")[1]) for k in roles if k.startswith("place-")), default=0)
    key = f"place-{n}"
    return key if key in roles else None


def _no_overlaps(found: list[Mention]) -> list[Mention]:
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    out: list[Mention] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


@lru_cache(maxsize=16)
def _our_org(facts: Facts) -> re.Pattern[str]:
    words: set[str] = set()
    el = facts.election
    org = normalise(el.organisation)
    last = org.split()[-1] if org else ""
    if last and _LEX.rx("org_word").fullmatch(last):
        words.add(f"the {last}")
    for name in (el.organisation, *[a for a in el.aliases if len(a.split()) <= 2]):
        if name:
            words.add(normalise(name))
    return re.compile(alternation(words))


def _others(
    doc: Document, sent: Sent, known: list[Mention], ours: re.Pattern[str]
) -> list[Mention]:
    """People and organisations the facts file does not know (and our own organisation),
    where no mention found before stands."""
    out: list[Mention] = []

    def free(a: int, b: int) -> bool:
        return not any(k.start < b and a < k.end for k in known + out)

    for m in ours.finditer(doc.norm, sent.start, sent.end):
        if free(*m.span()):
            out.append(Mention(m.start(), m.end(), "ours"))
    _add_other_people(doc, sent, free, out)
    _add_organisations(doc, sent, ours, free, out)
    return out


def _title_case(text: str) -> bool:
    """Are most of the words of ``text`` longer than three letters capitalised?"""
    words = [w for w in re.findall(r"[A-Za-z][\w'\u2019-]*", text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


_POSSESSIVE_GAP = re.compile(r"(?:'s|')?\s+")


def _add_other_people(
    doc: Document, sent: Sent, free: Callable[[int, int], bool], out: list[Mention]
) -> None:
    """ "Jane Roe", "Ms Roe": capitalised names that are no sentence word, organisation
    or place.  A headline in title case ("Grumbling Over Void Ballots Hasn't Gone Away")
    capitalises every word, so its capitals name nobody unless a title says so."""
    title_case = sent.headline and _title_case(doc.text[sent.start : sent.end])
    for m in (
        _OTHER_PERSON.finditer(doc.text, sent.start, sent.end)
        if _TWO_CAPS.search(doc.text, sent.start, sent.end)
        else ()
    ):
        a, b = m.span()
        words = m.group(0).split()
        if m.group("title"):
            if free(a, b):
                out.append(Mention(a, b, "other"))
            continue
        if title_case:
            continue
        if words[0] in _SENTENCE_WORDS or any(w.strip(".") in _SENTENCE_WORDS for w in words[1:]):
            continue
        if _LEX.rx("org_word").search(doc.norm, a, b) or not free(a, b):
            continue
        after = _POSSESSIVE_GAP.match(doc.norm, b)
        if (
            after
            and doc.text[after.end() : after.end() + 1].isupper()
            and _LEX.rx("org_word").match(doc.norm, after.end())
        ):
            continue  # "the Newer Teachers' Network": an organisation's name
        if re.search(r"(?:\bin|\bfrom|\bat|\bof)\s+$", doc.norm[max(sent.start, a - 6) : a]):
            continue  # a place
        out.append(Mention(a, b, "other"))


def _add_organisations(
    doc: Document,
    sent: Sent,
    ours: re.Pattern[str],
    free: Callable[[int, int], bool],
    out: list[Mention],
) -> None:
    """Other organisations by their acronym ("the GMB")."""
    for m in (
        _ACRONYM.finditer(doc.text, sent.start, sent.end)
        if _UPPER_PAIR.search(doc.text, sent.start, sent.end)
        else ()
    ):
        word = m.group(0).rstrip("s")
        if word in _NOT_ACRONYMS or not free(*m.span()):
            continue
        if ours.fullmatch(doc.norm, m.start(), m.end()):
            continue
        out.append(Mention(m.start(), m.end(), "org"))


def _resolve_pronouns(doc: Document) -> None:
    """Give each pronoun the person it most likely means.  A pronoun opening its
    sentence means the subject (first person named) of the latest sentence that named
    anyone; one later in a sentence, the latest compatible person named before it in
    the sentence, else that subject.  Somebody the facts do not know, named where the
    pronoun would look, blocks it (it stays unresolved)."""
    pron = {p.key: (p.pronoun or "") for p in doc.facts.people.values()}
    last_subject: list[Mention] = []  # people of the latest sentence naming anyone
    older: list[Mention] = []  # the subjects of the sentences before that, latest first
    for sent in doc.sentences:
        here: list[Mention] = []
        for m in sent.mentions:
            if m.kind in ("person", "other"):
                here.append(m)
                continue
            if m.kind != "pronoun":
                continue
            m.person = _pronoun_person(doc, sent, m, here, last_subject, older, pron)
            here.append(m) if m.person else None
        named = [x for x in here if x.kind in ("person", "other") or x.person]
        if named:
            if last_subject:
                older.insert(0, last_subject[0])
            last_subject = named


def _pronoun_person(
    doc: Document,
    sent: Sent,
    m: Mention,
    here: list[Mention],
    last_subject: list[Mention],
    older: list[Mention],
    pron: dict[str, str],
) -> str | None:
    """The person pronoun ``m`` means, given the people named before it in its sentence
    (``here``), in the latest sentence naming anyone and the subjects before that."""
    word = doc.norm[m.start : m.end]
    gender = "she" if word.startswith(("she", "her")) else "he"
    lead = doc.norm[sent.start : m.start].strip(" \"'(")
    opening = not lead or re.fullmatch(r"(?:and|but|so|yet|then|now|still|however,?)", lead)
    # A pronoun opening a coordinated clause ("..., and he took 45.4 per cent")
    # continues the sentence's subject.
    coordinated = bool(re.search(r"(?:,|;)\s*(?:and|but|while|whereas|so|as)?\s*$", lead))
    if opening:
        pool = []
    elif coordinated and here:
        pool = [here[0]] + [x for x in reversed(here) if x is not here[0]]
    else:
        pool = [x for x in reversed(here)]
    # An object pronoun never means its own clause's subject: in "..., but Rowe beat him
    # 59,067 to 53,544" he is somebody else.
    if _object_pronoun(doc, m):
        cs, _ = doc.clause_of(sent, m.start)
        subject = next((x for x in here if x.start >= cs), None)
        if subject is not None and subject.person:
            pool = [x for x in pool if x.person != subject.person]
    pool += last_subject
    blocked = next((i for i, x in enumerate(pool) if x.kind == "other"), len(pool))
    pool = pool[:blocked]
    # In the sentence, somebody whose pronoun the facts give before somebody whose they do
    # not ("... chose Tamsin Oyelaran as its leader; she won": a contest whose people's
    # pronouns the facts do not give); then the latest subjects, looking back two
    # sentences' subjects as well.
    ours = [x for x in pool if any(x is y for y in here)]
    rest = [x for x in pool if not any(x is y for y in here)]
    if opening and rest:
        # "Rowe was runner-up, ahead of Ann Pike ... Her margin over ...": a
        # sentence-opening pronoun means a subject, the latest's or an earlier one's,
        # before somebody else the latest sentence named.
        rest = rest[:1] + older[:2] + rest[1:]
    for group in (ours, rest + older[:2]):
        exact = next((x.person for x in group if pron.get(x.person or "", "") == gender), None)
        if exact is not None:
            return exact
        if group is ours:
            maybe = next(
                (x.person for x in ours if pron.get(x.person or "", "") in ("", "they")), None
            )
            if maybe is not None:
                return maybe
    return next(
        (x.person for x in pool if pron.get(x.person or "", "") in ("", gender, "they")), None
    )


# "beat him", "defeated her 59,067 to ...", "thanked them.": an object after a verb (not
# "her campaign", a possessive, nor "with him", after a preposition)
_OBJECT_AFTER = re.compile(
    r"(?:\s*[,.;:!?)\u2014\u2013-]|\s+(?:\d|by|to|in|on|at|with|for|and|but|after|before|from|as|when|while|because|$))"
)
_VERB_BEFORE = re.compile(
    r"(?<![\w-])(?:(?!(?:was|is|as|has|does|this|his|its|us|thus|unless|less)\s)[a-z]+(?:ed|s)|"
    r"beat|won|ran|led|outpolled|edged|pipped|trounced|thrashed)\s+$"
)


def _object_pronoun(doc: Document, m: Mention) -> bool:
    word = doc.norm[m.start : m.end]
    if word not in ("him", "her", "them"):
        return False
    if word == "her" and not _OBJECT_AFTER.match(doc.norm, m.end):
        return False
    return bool(_VERB_BEFORE.search(doc.norm, max(0, m.start - 30), m.start))


def _resolve_speakers(doc: Document) -> None:
    names, table = _known_names(doc.facts)
    for q in doc.quotes:
        if q.speaker:
            q.person = _person_in(doc, q.speaker, names, table, q.start)
    for sent in doc.sentences:
        if sent.reported and sent.reported[1]:
            start, speaker, _ = sent.reported
            if speaker:
                person = _person_in(doc, speaker, names, table, sent.start)
                sent.reported = (start, speaker, person)


def _person_in(
    doc: Document, speaker: str, names: re.Pattern[str], table: dict[str, str | None], pos: int
) -> str | None:
    norm = normalise(speaker)
    m = names.search(norm)
    if m:
        return table.get(m.group(0))
    if norm in ("he", "she"):
        sent = doc.sentence_at(pos)
        for s in reversed(doc.sentences[max(0, sent.index - 2) : sent.index + 1]):
            for mm in reversed(s.mentions):
                if mm.kind == "person" and mm.start < pos:
                    return mm.person
    return None
