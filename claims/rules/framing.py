"""`framing`: wording that presents a field of three or more as a two-person contest,
or one loser as the only loser.

The rule reads noun phrases, not strings.  A phrase says how many people it
is about, and the election's structure says how many there were:

- a definite singular description ("the defeated candidate", "the beaten and
  now suspended contender", "the man who lost", "the man she beat", "the
  losing side") presupposes one loser: framing when two or more lost;
- "his only rival", "the sole challenger", "faced a single opponent", "the
  other candidate", "either candidate", "the challenger" presuppose one
  rival: framing when the winner had two or more;
- "both candidates", "the two candidates", "both camps" presuppose a field
  of two; "both defeated candidates" presupposes two losers (accurate when
  two lost);
- two-person contest words ("two-horse race", "straight fight", "went head
  to head", "a duel", "the contest between A and B", "A v B") presuppose a
  field of two;
- a singular possessive ("his rival Sam Pike") weakly presupposes one
  rival (low severity), when the sentence is about the ballot.

Accurate wording passes by the same reading: a restrictive modifier picks
one out of several ("his main rival", "the second-placed candidate", "the
right-wing challenger"), a partitive counts ("one of two defeated
candidates"), and a genuine two-candidate race makes every two-person
phrase true.  Negated phrases, phrases the article reports and corrects
("billed as a head-to-head, it became a three-way contest"), phrases about
another contest and phrases set beside somebody who did not stand here are
not framing.  The phrases and what they presume are read by
``claims.framing_phrases``; this rule judges them against the contest.
"""

from __future__ import annotations

import re
from dataclasses import replace

from factwatch.claims.entities import ranking
from factwatch.claims.facts import Facts
from factwatch.claims.field import states_field
from factwatch.claims.framing_phrases import HEADS, LOSS, Hit, Phrases
from factwatch.claims.lexicon import lexicon, plural, title
from factwatch.claims.model import Contest, Standing
from factwatch.claims.rounds import mentions_a_round, round_of
from factwatch.claims.rules import register
from factwatch.claims.rules.base import make_finding
from factwatch.claims.scope import MODAL_PERFECT, scope_at
from factwatch.claims.scope_signals import proper_names
from factwatch.claims.scope_time import earlier_contest
from factwatch.claims.text import Document, Sent
from factwatch.core.records import Finding

_LEX = lexicon()
_NEG_BEFORE = re.compile(
    r"(?<![\w-])(?:not|never|no|n't|neither|nor|hardly|far\s+from|rather\s+than|instead\s+of|"
    r"isn't|wasn't|weren't|aren't|was\s+no|is\s+no)\s+(?:\w+\s+){0,3}$"
)
# What may stand between a rival noun and the name it introduces: "in the race,", a title.
_NAMED_AFTER = re.compile(
    rf"(?:\s+(?:in|for|at)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s*,)?\s*,?\s*{title()}?"
)
_SIDES = ("two-way", "pair")
_MENTION_BEFORE = re.compile(
    rf"(?:{_LEX.alt('mention_verb')})(?:\s+[\w'\"-]+){{0,5}}?\s*[\"']?\s*(?:a|an|the)?\s*$"
)


# A modal perfect ("would have been", "could have had"), or a question asked with a
# modal ("Would a straight two-way vote have been simpler?"): what did not happen.
_COUNTERFACTUAL = re.compile(rf"{MODAL_PERFECT}|^\W*(?:[a-z]+:\s*)?(?:would|could|might|should)\s")
# A quotation given as somebody's words or a title: "Re: “...”", "your headline “...”"
_QUOTED_TITLE = re.compile(
    rf"(?:(?<![\w-])re:|headline|(?<![\w-])(?:{_LEX.alt('mention_verb')})(?:\s+[\w'-]+){{0,6}}?)"
    r"\s*[\"'\u201c\u2018]?$"
)
_AT_THE_END = re.compile(r"(?<![\w-])(?:at|in)\s+the\s+(?:very\s+)?end(?![\w-])")
# A noun phrase dated by what follows it: "his opponent then", "her rival at the time"
_THEN_AFTER = re.compile(r"\s+(?:back\s+)?then(?![\w-])|,?\s+at\s+the\s+time(?![\w-])")
_TITLE = re.compile(rf"(?i){title()}")
_CAPITAL = re.compile(r"(?<![\w'\u2019-])[A-Z][\w'\u2019-]*")


def _own_words(facts: Facts) -> frozenset[str]:
    """The words of this election's names and its organisation's, in lower case."""
    el = facts.election
    return frozenset(
        w.strip("'\u2019s").lower()
        for t in (el.name, el.organisation, el.office, *el.aliases)
        for w in t.split()
    )


_RELATIVE_AFTER = re.compile(r"\s*,\s*(?:who|whose|whom)\s")
_COPULA = re.compile(r"(?:is|was|will\s+be|would\s+be|became|has\s+become|looks)\s")


# a label opening a sentence, in a list of them ("WINNER: ...", "LOSER: ...")
_LABEL = re.compile(r"\W*(?:[A-Z][A-Za-z'-]*\s+){0,2}[A-Z][A-Za-z'-]*:")


@register
class FramingRule:
    kinds = ("framing",)

    def __init__(self, facts: Facts):
        self.facts = facts
        self.triggers = (
            frozenset(HEADS)
            | _LEX.classes["two_way"].first
            | _LEX.classes["duel_noun"].first
            | _LEX.classes["duel_verb"].first
            | set(
                "both either neither two three four five between v vs versus pit pits "
                "pitted pitting only sole lone single one solitary loser rival rivals".split()
            )
            | {plural(w) for w in HEADS}
            | {w for w in LOSS}
        )
        self.phrases = Phrases(facts)

    # -- reading ------------------------------------------------------------------------
    def check(self, doc: Document) -> list[Finding]:
        out: list[Finding] = []
        seen: set[tuple[str, str]] = set()
        two_sided: set[int] = set()  # sentences that present the field as two sides
        order = sorted(doc.sentences, key=lambda s: (s.headline, s.index))
        for sent in order:
            if self.triggers.isdisjoint(sent.words):
                continue
            fresh = self._fresh(doc, sent, seen)
            if not fresh:
                continue
            rank = {"high": 2, "medium": 1, "low": 0}
            best = max(fresh, key=lambda h: rank[h.severity])
            if best.family in _SIDES:
                two_sided.add(sent.index)
                if sent.index - 1 in two_sided:
                    continue  # "... a binary choice. That suited both camps.": the same framing
            out.append(self._finding(doc, best, fresh))
        # A headline and the body saying the same thing the same way: the body's words.
        body = {f.details.get("family") for f in out if not f.details.get("headline")}
        out = [
            f for f in out if not f.details.get("headline") or f.details.get("family") not in body
        ]
        return out + self._patterns(doc, out)

    def _fresh(self, doc: Document, sent: Sent, seen: set[tuple[str, str]]) -> list[Hit]:
        """The sentence's accepted hits whose words the article has not framed before."""
        fresh = []
        for h in self._hits(doc, sent):
            if _LABEL.fullmatch(doc.text, sent.start, h.end + 1):
                continue  # "LOSER: Sam Pike.": a column's label, one of a list
            key = (h.family, " ".join(doc.norm[h.start : h.end].split()))
            if key not in seen:
                seen.add(key)
                fresh.append(h)
        return fresh

    def _patterns(self, doc: Document, found: list[Finding]) -> list[Finding]:
        """The facts file's own framing patterns, in sentences no other framing took."""
        out: list[Finding] = []
        this = self.facts.this
        for sent in doc.sentences:
            for p in self.facts.framing_patterns:
                m = p.search(sent.text)
                if m and not any(f.sentence_index == sent.index for f in found + out):
                    hit = Hit(
                        sent,
                        sent.start + m.start(),
                        sent.start + m.end(),
                        "pattern",
                        "medium",
                        2,
                        len(this.on_ballot),
                        "candidates",
                        this,
                    )
                    out.append(self._finding(doc, hit, []))
        return out

    def _hits(self, doc: Document, sent: Sent) -> list[Hit]:
        return [h for h in self.phrases.hits(doc, sent) if self._accept(doc, h)]

    def _contest(self, doc: Document, sent: Sent, pos: int) -> Contest | None:
        """The contest the words are about, when the facts record its field."""
        scope = scope_at(doc, sent, pos)
        contest = self.facts.contests.get(scope.contest)
        if contest is None or not contest.field_known:
            return None
        return contest

    @staticmethod
    def _ballot(doc: Document, h: Hit, contest: Contest) -> Contest | None:
        """A round held as a ballot of its own that the words are about ("the head-to-head
        run-off", "the losing candidate on the second ballot"): that ballot's field."""
        if not contest.ballots or h.family == "withdrawn":
            return None
        cs, ce = doc.clause_of(h.sent, h.start)
        if _RELATIVE_AFTER.match(doc.norm, h.end) and not mentions_a_round(doc.norm[cs : h.end]):
            # "The defeated candidate, who won 47.6 per cent in the second ballot, ...":
            # the relative clause gives the loser's score there; it does not pick the
            # ballot the description is about
            return None
        rnd = round_of(doc, h.sent, cs, ce, h.start)
        fcs, fce = h.sent.clauses[0]
        if (fcs, fce) != (cs, ce) and _COPULA.match(doc.norm, cs):
            # "The second ballot ..., which opened on Tuesday, is a straight fight between
            # the top two from the first round": the subject names the round
            rnd = round_of(doc, h.sent, fcs, fce, fcs) or rnd
        if rnd is None and _AT_THE_END.search(doc.norm, cs, ce):
            rnd = -1  # "It only became a head-to-head at the very end": the run-off
        if rnd == -1:
            rnd = max(contest.ballots)
        field = contest.ballots.get(rnd or 0)
        if field is None:
            return None
        won = set(contest.winners)
        return replace(
            contest,
            name=f"{contest.name}, round {rnd}",
            standings=[Standing(p, "winner" if p in won else "defeated") for p in field],
        )

    @staticmethod
    def _unknown_round(doc: Document, h: Hit, contest: Contest) -> bool:
        """Words about a later round of a related contest whose rounds the facts do not
        record ("Second ballot (Hugh Penrose v Carys Meredith)"): its field is unknown."""
        if contest.key == "this" or contest.ballots:
            return False
        cs, ce = doc.clause_of(h.sent, h.start)
        rnd = round_of(doc, h.sent, cs, ce, h.start)
        return rnd is not None and rnd != 1

    @staticmethod
    def _actual(contest: Contest, what: str) -> int:
        if what == "defeated candidates":
            return len(contest.losers)
        if what == "eliminated candidates":
            return sum(s.outcome == "eliminated" for s in contest.standings)
        if what in ("rivals", "other candidates"):
            return len(contest.on_ballot) - 1
        return len(contest.on_ballot)

    # -- context -----------------------------------------------------------------------
    def _accept(self, doc: Document, h: Hit) -> bool:
        """Is the hit framing: its words are about a contest whose field is known, what
        they presume is wrong there, and nothing around them excuses them?"""
        contest = self._contest(doc, h.sent, h.start)
        if contest is not None and contest.key == "this" and _THEN_AFTER.match(doc.norm, h.end):
            # "Rowe's only opponent then is backing nobody this time": the words
            # say whose opponent at that earlier time, whatever the rest of the clause says
            contest = earlier_contest(doc, contest.year)
            contest = contest if contest is not None and contest.field_known else None
        if contest is not None and contest.key == "this" and h.family == "pair":
            contest = self._pair_named_before(doc, h) or contest
        if contest is None:
            return False
        contest = self._ballot(doc, h, contest) or contest
        h.contest = contest
        if h.family == "withdrawn":
            return contest.key == "this" and not self._mentioned(doc, h)
        if self._unknown_round(doc, h, contest) or _genuinely_two(doc, h, contest):
            return False
        if not self._miscounts(h, contest):
            return False
        if h.pair and not set(h.pair) <= set(contest.on_ballot):
            return False
        if h.family == "loser" and self._the_incumbent(doc, h, contest):
            return False  # "Hale, the president she unseated": one post-holder, no loser
        if h.family in ("loser", "rival") and self._party_named(doc, h):
            return False  # "the defeated Progressive candidate": the party picks one out
        return not self._excused(doc, h, contest)

    def _pair_named_before(self, doc: Document, h: Hit) -> Contest | None:
        """ "Both candidates ran on ...", naming nobody, after a sentence about two people
        who stood only in a related contest: that contest's two."""
        if any(m.person for m in h.sent.mentions):
            return None
        people: list[str] = []
        for prev in reversed(doc.sentences[max(0, h.sent.index - 3) : h.sent.index]):
            if prev.paragraph < h.sent.paragraph - 1:
                break
            for m in reversed(prev.mentions):
                if m.person and m.person not in people:
                    people.append(m.person)
            if len(people) >= 2:
                break
        here = set(self.facts.this.people)
        if len(people) < 2 or here & set(people[:2]):
            return None
        for c in self.facts.contests.values():
            if c.key != "this" and c.field_known and set(people[:2]) <= set(c.people):
                return c
        return None

    def _the_incumbent(self, doc: Document, h: Hit, contest: Contest) -> bool:
        """Does the description name the post the loser held ("the president she unseated",
        "the sitting general secretary she beat") when the incumbent lost?  Only one
        person held it, so it picks one out of several losers."""
        if contest.key != "this" or not any(
            c.incumbent and c.id in contest.losers for c in self.facts.candidates
        ):
            return False
        words = doc.norm[h.start : h.end]
        office = self.facts.this.office.lower().split()
        return bool(
            re.search(r"(?<![\w-])(?:incumbent|sitting|outgoing)(?![\w-])", words)
            or office
            and re.search(rf"(?<![\w-]){re.escape(office[-1])}(?![\w-])", words)
        )

    def _party_named(self, doc: Document, h: Hit) -> bool:
        """Does a capitalised word inside the description, other than a name of this
        election or its organisation, name the candidate's party or slate ("the defeated
        Progressive candidate", "the Green challenger")?"""
        own = self.facts.once("framing.own_words", _own_words)
        people = [m for m in h.sent.mentions if m.kind in ("person", "other", "pronoun")]
        for m in _CAPITAL.finditer(doc.text, h.start, h.end):
            on = [x for x in people if x.start <= m.start() < x.end]
            if any(x.kind == "person" and not x.by_name for x in on):
                return True  # a candidate's own descriptor ("the Progressive candidate")
            if m.start() == h.start or on:
                continue  # the description's first word, or a name ("the man Ms Rowe beat")
            word = m.group(0).rstrip("'\u2019s").lower()
            if word not in own and not _TITLE.fullmatch(m.group(0) + " "):
                return True
        return False

    def _miscounts(self, h: Hit, contest: Contest) -> bool:
        """Do the words presume fewer than there were (a counted set: another number)?
        Sets ``h.actual``."""
        h.actual = self._actual(contest, h.what)
        if h.family != "pair":
            return h.presumes < h.actual
        det = h.pair[1] if h.pair else ""
        h.pair = None
        if h.presumes == h.actual or (det.startswith("the ") and h.presumes > h.actual):
            return False
        # "thanked the four candidates": the others, from the winner
        return not (
            det in ("the three", "the four", "the five")
            and h.what == "candidates"
            and (h.presumes in (len(contest.on_ballot) - 1, len(contest.losers)))
        )

    def _excused(self, doc: Document, h: Hit, contest: Contest) -> bool:
        """Words around the hit that make it no framing: a negation, somebody beside it who
        did not stand here, no sign of this election, the field stated in the sentence, a
        label the article reports and corrects, a third candidate named or speaking, or
        somebody the facts do not know nearby."""
        sent = h.sent
        cs, _ = doc.clause_of(sent, h.start)
        before = doc.norm[max(cs, h.start - 60) : h.start]
        if _NEG_BEFORE.search(before) and not re.search(r"\bnot\s+only\b", before[-12:]):
            return True
        if self._beside_outsider(doc, sent, h):
            return True
        if h.family in ("two-way", "pair") and not self._about_this(doc, sent):
            return True
        if h.family in ("two-way", "pair") and _COUNTERFACTUAL.search(doc.norm[cs : h.start]):
            return True  # "it would have been a head-to-head": what did not happen
        n, losers = len(contest.on_ballot), len(contest.losers)
        if h.family in ("two-way", "pair", "only", "rival", "loser") and states_field(
            sent.norm, n, losers
        ):
            return True  # the sentence itself gives the field
        if self._mentioned(doc, h):
            return True
        if h.family == "pair" and self._third_named(doc, h):
            return True
        if h.family == "two-way" and self._spoken_by_outsider(doc, h):
            return True
        return (
            h.family in ("possessive", "rival")
            and self._outsider_near(doc, sent)
            and not self._names_candidate(doc, h, contest)
        )

    @staticmethod
    def _names_candidate(doc: Document, h: Hit, contest: Contest) -> bool:
        """ "his rival Sam Pike", "Rowe's opponent in the race, Sam Pike": the rival is
        named at once as one of the contest's candidates, so nobody else nearby is it."""
        m = _NAMED_AFTER.match(doc.norm, h.end)
        if m is None:
            return False
        at = m.end()
        return any(
            x.start == at and x.kind == "person" and x.person in contest.on_ballot
            for x in h.sent.mentions
        )

    def _spoken_by_outsider(self, doc: Document, h: Hit) -> bool:
        """ "We were told this was a two-horse race," says the candidate it left out."""
        outside = set(_rank(self.facts)[2:])
        q = doc.quote_at(h.start, h.end)
        person = q.person if q else (h.sent.reported[2] if h.sent.reported else None)
        if person is None and q is not None and q.speaker is None:
            for m in h.sent.mentions:
                if (
                    m.end <= q.start
                    and m.person
                    and re.fullmatch(r"\s*:?\s*", doc.norm[m.end : q.start])
                ):
                    person = m.person
        return bool(person and person in outside)

    def _outsider_near(self, doc: Document, sent: Sent) -> bool:
        """Somebody the facts do not know, named here or just before: "his rival" may be
        that person (a personal dispute), not a candidate."""
        near = doc.sentences[max(0, sent.index - 1) : sent.index + 1]
        return any(m.kind == "other" for s in near for m in s.mentions)

    def _about_this(self, doc: Document, sent: Sent) -> bool:
        """Is this election visibly in the sentence or next to it (a candidate, the
        organisation, the office or a name of the contest)?"""
        near = doc.sentences[max(0, sent.index - 1) : sent.index + 2]
        here = {p for c in self.facts.contests.values() for p in c.people}
        for s in near:
            if any(m.person in here or m.kind == "ours" for m in s.mentions):
                return True
        el = self.facts.election
        words = [w.lower() for w in (el.office, *el.aliases) if w]
        text = " ".join(s.norm for s in near) + " " + doc.title.lower()
        if any(w in text for w in words):
            return True
        # a name every name of the contest holds: "what Eastvale 'means'"
        own = self.facts.once("framing.own", lambda f: proper_names(el.name, el.aliases))
        return any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text) for w in own)

    def _beside_outsider(self, doc: Document, sent: Sent, h: Hit) -> bool:
        """ "the defeated candidate, Dee Hale": set beside somebody who did not stand here."""
        here = set((h.contest or self.facts.this).people)
        gap = rf"\s*,?\s*{title()}?"
        for m in sent.mentions:
            close_after = m.start >= h.end and re.fullmatch(gap, doc.norm[h.end : m.start])
            close_before = h.start >= m.end and re.fullmatch(gap, doc.norm[m.end : h.start])
            if not (close_after or close_before):
                continue
            if m.kind == "other" or (m.kind == "person" and m.person not in here):
                return True
        return False

    def _mentioned(self, doc: Document, h: Hit) -> bool:
        """A label the article reports ("billed as", "so-called", scare quotes) and
        corrects nearby is criticism of the framing, not framing."""
        sent = h.sent
        norm = doc.norm
        labelled = bool(_MENTION_BEFORE.search(norm, max(sent.start, h.start - 70), h.start))
        if not labelled:
            labelled = any(
                h.start - 3 <= q.start <= h.start
                and h.end <= q.end <= h.end + 4
                or q.start <= h.start
                and h.end <= q.end
                and _QUOTED_TITLE.search(norm, max(sent.start, q.start - 40), q.start + 1)
                for q in doc.quotes
            )
        if not labelled:
            return False
        lo = doc.sentences[max(0, sent.index - 1)].start
        hi = _two_sentences_on(doc, sent).end
        this = h.contest or self.facts.this
        if states_field(norm[lo:hi], len(this.on_ballot), len(this.losers)):
            return True
        if _LEX.rx("correction_word").search(norm, h.end, hi):
            return True
        named = {
            m.person
            for s in doc.sentences
            if sent.start <= s.start < hi
            for m in s.mentions
            if m.person in set(this.on_ballot)
        }
        return len(named) >= len(this.on_ballot)

    def _third_named(self, doc: Document, h: Hit) -> bool:
        """ "Both campaigns spent heavily, Lund said": a candidate outside the pair is
        named (or speaks), so the pair is the other two."""
        this = h.contest or self.facts.this
        if this.key != "this":
            return len(this.on_ballot) < 3
        ranked = _rank(self.facts)
        outside = set(ranked[2:])
        sent = h.sent
        lo, hi = doc.window(sent, 1, 0)
        for s in doc.sentences:
            if lo <= s.start < hi:
                for m in s.mentions:
                    if m.person in outside or m.role.startswith("place-") and m.role != "place-2":
                        return True
        q = doc.quote_at(h.start, h.end)
        person = q.person if q else (sent.reported[2] if sent.reported else None)
        return bool(person and person in outside) or len(this.on_ballot) < 3

    # -- the finding ---------------------------------------------------------------------
    def _finding(self, doc: Document, hit: Hit, all_hits: list[Hit]) -> Finding:
        contest = hit.contest or self.facts.this
        phrase = doc.text[hit.start : hit.end]
        words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
        n = len(contest.on_ballot)
        losers = len(contest.losers)
        if hit.family == "withdrawn":
            why = (
                f"'{phrase}' presents a candidate who withdrew before the ballot as beaten in "
                f"it; {words.get(n, n)} candidates were on the ballot."
            )
        elif hit.family == "loser":
            why = (
                f"'{phrase}' speaks of one defeated candidate; {words.get(losers, losers)} "
                f"candidates were defeated."
            )
        elif hit.family in ("only", "rival", "possessive"):
            why = (
                f"'{phrase}' speaks of one rival; the winner had {words.get(n - 1, n - 1)} "
                f"rivals on the ballot."
            )
        else:
            why = (
                f"'{phrase}' presents the contest as {words.get(hit.presumes, hit.presumes)}"
                f"-sided; there were {words.get(n, n)} candidates on the ballot."
            )
        why += f" Judged against {contest.name}."
        details = {
            "family": hit.family,
            "presumes": hit.presumes,
            "actual": hit.actual,
            "counted": hit.what,
            "contest": contest.key,
        }
        if len(all_hits) > 1:
            details["also"] = [doc.text[h.start : h.end] for h in all_hits if h is not hit]
        fact = "field" if contest.key == "this" else f"field:{contest.key}"
        withdrawn = [f"withdrawn.{p}" for p in contest.withdrawn if contest.key == "this"]
        cited = [fact] + [
            w for w in withdrawn if w in self.facts.facts and hit.family == "withdrawn"
        ]
        return make_finding(
            doc,
            hit.sent,
            kind="framing",
            rule_id=f"framing.{hit.family}",
            fact_ids=cited,
            explanation=why,
            phrase=(hit.start, hit.end),
            severity=hit.severity,
            confidence={"high": 0.85, "medium": 0.75, "low": 0.6}[hit.severity],
            details=details,
            lower_in_quotes=True,
        )


def _rank(facts: Facts) -> list[str]:
    return list(ranking(facts))


def _two_sentences_on(doc: Document, sent: Sent) -> Sent:
    """The second sentence after ``sent``, not counting a word or two ("Fair?")."""
    last, counted = sent, 0
    for nxt in doc.sentences[sent.index + 1 :]:
        last = nxt
        if len(nxt.norm.split()) > 2:
            counted += 1
        if counted == 2:
            break
    return last


_GENUINE = re.compile(r"(?<![\w-])(?:genuine|genuinely|real|true|truly)\s+(?:[\w-]+\s+)?$")


def _genuinely_two(doc: Document, h: Hit, contest: Contest) -> bool:
    """ "It's a genuine head-to-head this week": said of a contest that has a ballot of
    two (a run-off on papers of its own), the writer means that ballot."""
    if h.family != "two-way" or not any(len(f) == 2 for f in contest.ballots.values()):
        return False
    return bool(_GENUINE.search(doc.norm, max(h.sent.start, h.start - 30), h.start))
