"""The words and patterns framing reads, and the record of one reading (``Hit``).

Word classes come from the package lexicon (``claims/grammar/lexicon.toml``):
heads of noun phrases that can name a candidate, a rival, a loser or a side;
loss adjectives; restrictive, "only" and "other" modifiers; and the patterns
for relative clauses, counted sets, two-person contest words and the
context that makes a phrase about a vote.  ``claims.framing_phrases`` and
``claims.framing_sets`` read sentences with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factwatch.claims.lexicon import lexicon, title
from factwatch.claims.model import Contest
from factwatch.claims.text import Sent

LEX = lexicon()


def _singulars(*names: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in names:
        for w in LEX.base(name):
            if " " not in w:
                out.setdefault(w, name)
    return out


HEADS = _singulars("candidate_noun", "rival_noun", "loser_noun", "side_noun", "person_noun")
LOSS = {w for w in LEX.words("loss_adj") if " " not in w}
RESTRICT = {w for w in LEX.words("restrictive_adj") if " " not in w}
ONLY = {"only", "sole", "lone", "single", "solitary"}
OTHER = {"other", "opposing", "remaining"}
EVALUATIVE = frozenset(
    "sore bad poor good gracious graceful ungracious graceless magnanimous bitter "
    "embittered reluctant plucky brave gallant dignified".split()
)
DEF = {"the", "this", "that"}
POSS = {"his", "her", "their", "its"}
INDEF = frozenset(
    "a an one another any some every each no either neither both two three four five such "
    "what which whose whichever whatever".split()
)
STOP = frozenset(
    "of in to for with by from on at as against between than about over under into after "
    "before during is was were are be been being has have had who whom which that said says "
    "and/or or but if when while not never also it he she they him them we you i 's , . ; : "
    "( ) \" ' ? ! - will would could can may might must should did does do".split()
)
RIVAL_REL = re.compile(
    r"\s*,?\s*(?:who|that)\s+(?:had\s+|has\s+)?(?:ran|run|stood|standing|running|went|"
    r"campaigned)\s+against\b|\s*,?\s*(?:who|that)\s+(?:had\s+|has\s+)?(?:challenged|took\s+on|"
    r"opposed|faced|fought|contested\s+the\s+(?:election|race|ballot)\s+against)\b"
)
LOSS_REL = re.compile(
    rf"\s*,?\s*(?:who|that)\s+(?:had\s+|has\s+|narrowly\s+|only\s+just\s+|just\s+|ultimately\s+|"
    rf"eventually\s+|also\s+)*(?:{LEX.alt('loss_verb')})"
)
# "the man who lost twice": the loss told apart by how often or how it came, one person
LOSS_REL_SINGLED = re.compile(
    LOSS_REL.pattern + r"(?:\s+(?:[\w-]+\s+){0,3}?)?\s*(?:twice|again|both|"
    r"two\s+(?:contests|races|elections|ballots)|three\s+times|for\s+the\s+(?:second|third)\s+time)"
    r"(?![\w-])"
)
WIN_REL = re.compile(
    rf"\s+(?:whom\s+|that\s+)?(?P<who>he|she|they|[a-z][\w'-]+(?:\s+[a-z][\w'-]+)?)\s+"
    rf"(?:had\s+|has\s+|narrowly\s+|comfortably\s+|just\s+)?(?:{LEX.alt('win_verb')})"
)
# A definite description and the clause that makes it a loser: "the lawmaker she beat".
DESCRIBED = re.compile(
    # ("t(?<![\w-].)he": "(?<![\w-])the", scanned for its "t" alone)
    rf"t(?<![\w-].)he\s+(?:[a-z][\w'-]*\s+){{0,3}}?(?P<head>[a-z][\w'-]*)"
    rf"(?:\s+(?:whom\s+|that\s+)?(?P<who>he|she)\s+(?:had\s+|narrowly\s+|comfortably\s+|"
    rf"just\s+)?(?:{LEX.alt('win_verb')})"
    rf"|\s*,?\s*(?:who|that)\s+(?:had\s+|has\s+|narrowly\s+|just\s+|ultimately\s+|"
    rf"eventually\s+)*(?:{LEX.alt('loss_verb')}))"
)
# Heads a loss clause can follow that are not people: "the seat he lost", "the vote".
NOT_PEOPLE = frozenset(
    "election elections race contest ballot vote votes poll seat seats post job primary "
    "nomination fight battle campaign count round case appeal argument motion bid war "
    "title match game referendum majority lead time year day week month "
    "end beginning start finish morning afternoon evening night weekend hour moment "
    "way manner style process event meantime "  # "in the end she beat", "the way he won"
    "pair duo trio couple rest field group crowd others".split()  # several people, not one
)
OTHER_REL = re.compile(
    r"\s*,?\s*(?:who|that(?!\s+(?:year|time|day|week|month|spring|summer|"
    r"autumn|fall|winter|election|contest|race))|whose|from|with|on\s+the|"
    r"among|(?!standing\b|running\b)[a-z]+ing|to\s+(?:have\s+)?(?!stand|run|"
    r"challenge|oppose|face|contest|take\s+on|keep|hold\s+on|retain)[a-z]+)\b"
)
# A place or group and then a clause that picks one out: "the only candidate in the
# city's mayoral election who tried to lose", "the only candidate west of Ontario to make
# the final count" (not "to stand", "who ran against her": that is the field).
PICKED_BY_PHRASE = re.compile(
    r"\s+(?:in|of|at|on|from|among|west|east|north|south|outside|under|over|across|beyond)\s+"
    r"(?:[\w'\u2019.-]+\s+){0,5}?,?\s*(?:who|that|to)\s+(?:have\s+|had\s+)?(?!stand|stood|run|"
    r"ran|challenge|oppose|face|contest|take\s+on|took\s+on|put\s+(?:him|her)self)[a-z]+"
)
# A participle or relative clause that picks a set out of the field.
PICKED_AFTER = re.compile(
    r"\s+(?:(?:who|that)\s+(?:were\s+|had\s+been\s+)?(?:eliminated|knocked|dropped|fell|finished|"
    r"came|trailed|lost|withdrew|pulled|topped|led|went\s+through|progressed|advanced|qualified)|"
    r"eliminated|knocked\s+out|dropped|excluded|left\s+behind|trailing|behind\s+(?:her|him|them)|"
    # "the two candidates with most votes", "the two left in the race": the top of a field
    r"with\s+(?:the\s+)?(?:most|highest|largest|biggest|top)|left\s+(?:in|standing)|"
    r"still\s+(?:in|standing)|through\s+to|in\s+the\s+(?:run-?off|second\s+(?:round|ballot)|"
    r"final\s+(?:round|ballot|count)))(?![\w-])"
)
ALLOWED_AFTER_ONLY = re.compile(
    r"\s+(?:to|who|that)\s+(?:have\s+|had\s+)?(?:stand|stood|run|ran|challenge|challenged|"
    r"take\s+on|took\s+on|oppose|opposed|face|faced|contest|contested|put\s+(?:him|her)self)"
    r"|\s+(?:standing|running|in\s+the\s+(?:race|contest|running|field)|on\s+the\s+ballot|"
    r"against)\b"
)
TWO_WAY = re.compile(
    rf"(?:{LEX.alt('two_way')})\s+(?:(?:[\w'-]+)\s+){{0,2}}?(?:{LEX.alt('contest_noun')})"
    rf"|(?:{LEX.alt('contest_noun')})\s+(?:was|is|became|had\s+become|has\s+become|looks|"
    rf"looked)\s+(?:a\s+|an\s+)?(?:{LEX.alt('two_way')})(?![\w-])"
)
DUEL_NOUN = re.compile(
    rf"(?:(?<![\w-])(?:a|an|the|this|their|his|her|what\s+was|it\s+was|in)\s+(?:[\w-]+\s+){{0,2}}?)"
    rf"(?:{LEX.alt('duel_noun')})(?!\s+(?:debate|debates|hustings|interview|meeting|encounter|"
    rf"tv|television|radio|broadcast|format|session|discussion|q&a))"
)
DUEL_VERB = re.compile(LEX.alt("duel_verb"))
DUEL_EXCUSE = re.compile(
    r"\s+(?:in|at|on|during)\s+(?:a|an|the|their|his|her)\s+(?:[\w-]+\s+){0,2}?(?:debate|hustings|"
    r"interview|meeting|programme|show|broadcast|podcast|panel|forum|session|exchanges?|"
    r"clash|spat|row|argument|confrontation|encounter)"
    r"|\s+(?:over|on|about)\s+(?!the\s+(?:leadership|ballot|election|vote|result))"
)
FOR_SECOND = re.compile(
    r"\s+(?:for|over)\s+(?:the\s+)?(?:second|runner-up|runner\s+up|the\s+runner)"
)
PAIR = re.compile(
    r"(?<![\w-])(?P<det>both(?:\s+the)?|the\s+two|either|neither|each\s+of\s+the\s+two|"
    r"the\s+pair\s+of|the\s+(?:three|four|five)|only\s+two|just\s+two)\s+"
    r"(?P<mods>(?:[\w-]+\s+){0,3}?)"
    r"(?P<head>candidates?|contenders?|contestants?|camps?|campaigns?|teams?|rivals?|"
    r"challengers?|opponents?|losers|men|women|people|hopefuls|nominees|runners)"
    r"(?P<post>\s+(?:standing|in\s+the\s+(?:race|contest|running|field)|on\s+the\s+ballot|"
    r"who\s+stood|who\s+ran|running|left\s+in\s+the\s+race))?(?![\w-])"
)
BETWEEN_BEFORE = re.compile(rf"(?:{LEX.alt('contest_noun')}|choice|match-?up)\s+between\s+$")
CONTEST_AFTER = re.compile(rf"\s*(?:{LEX.alt('contest_noun')})")
NAMED_PAIR = re.compile(
    r"(?<![\w-])the\s+(?:(?:two|rival|competing|opposing|warring)\s+)?(?:candidates|contenders|"
    r"contestants|rivals),?\s+$"
)
PAIR_WORDS = frozenset("both two either neither each pair three four five".split())
ONE_WORDS = frozenset("one single lone sole solitary".split())
PAIR_WORD = {
    "both": 2,
    "the two": 2,
    "either": 2,
    "neither": 2,
    "each of the two": 2,
    "the pair of": 2,
    "the three": 3,
    "the four": 4,
    "the five": 5,
    "only two": 2,
    "just two": 2,
    "both the": 2,
}
FACED_ONE = re.compile(
    r"(?<![\w-])(?:faced|faces|facing|face|had|has|having|against|saw\s+off|seeing\s+off|beat|"
    r"defeated|fended\s+off|held\s+off|took\s+on|was\s+up\s+against|up\s+against|"
    r"challenged\s+by)\s+(?:only\s+|just\s+)?(?:one|a\s+single|a\s+lone|a\s+sole|a\s+solitary)"
    r"\s+(?:[\w-]+\s+)?(?:rival|candidate|challenger|opponent|contender|adversary|competitor)"
    r"(?![\w-])"
)
CONTEXT = re.compile(
    rf"{LEX.alt('election_noun')}|{LEX.alt('result_word')}|{LEX.alt('win_word')}|"
    rf"{LEX.alt('win_verb')}|{LEX.alt('loss_verb')}|(?<![\w-])(?:votes?|voting|voted|ballot|"
    rf"stood|standing|run|ran|campaign|campaigned|general\s+secretary|leadership)(?![\w-])"
)
DEFEATED_NAME = re.compile(
    rf"(?<![\w-])the\s+(?:(?:narrowly|heavily|badly|soundly)\s+)?(?:{LEX.alt('loss_adj')})\s+"
    rf"{title()}?$"
)
BEAT_BEFORE = re.compile(
    rf"(?:{LEX.alt('win_verb')}|challenges?\s+from|(?:defeat|victory|win)\s+over)"
    rf"(?:\s+(?:[\w'\u00c0-\u017f.-]+)){{0,6}}?\s+(?:and\s+|,\s*)?{title()}?$"
)
LOSS_AFTER = re.compile(
    rf"\s*,?\s*(?:who\s+|which\s+)?(?:had\s+|has\s+)?(?:{LEX.alt('loss_verb')}|came\s+(?:second|"
    rf"third|fourth|last)|finished\s+(?:second|third|fourth|last))(?![\w-])(?:[^.;]{{0,60}}?\bto\s+[a-z]+)?"
    # "Lund and Voss, the other defeated candidates"
    rf"|\s*,\s*(?:the\s+)?(?:other\s+|two\s+|three\s+)?(?:{LEX.alt('loss_adj')})\s+"
    r"(?:candidates?|contenders?|rivals?|hopefuls?|challengers?)(?![\w-])"
    # "Voss was among the candidates Hale beat"
    r"|\s+(?:was|is|had\s+been)\s+(?:among|one\s+of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:candidates|rivals|contenders|opponents|challengers)\s+(?:(?:that|whom|who)\s+)?"
    rf"(?:[\w'\u2019\u00c0-\u017f.-]+\s+){{0,3}}?(?:{LEX.alt('win_verb')})(?![\w-])"
)


@dataclass
class Hit:
    sent: Sent
    start: int
    end: int
    family: str  # loser, rival, only, pair, two-way, possessive, identify
    severity: str
    presumes: int  # how many the words say there were
    actual: int  # how many there were (set when the contest is known)
    what: str  # what was counted: "defeated candidates", "candidates", "rivals"
    contest: Contest | None = None
    pair: tuple[str, str] | None = None  # "the contest between A and B": the two named
