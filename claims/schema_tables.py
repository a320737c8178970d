"""Every table and key a facts file (format 2) may hold: ``SCHEMA``.

Each key has its type, whether it is required, one line of documentation and an
example; the keys of the ``[[...]]`` tables take their examples from the example
election's entries (``schema_example``), filled in when this module is read.
"""

from __future__ import annotations

import datetime as dt

from factwatch.claims.schema_example import (
    _CANDIDATES,
    _CLAIMS,
    _CONTESTS,
    _EARLIER,
    _FIGURES,
    _ROUNDS,
)
from factwatch.claims.schema_keys import BASES, OUTCOMES, PRONOUNS, ROUND_BASES, SEVERITIES, Key, _t

SCHEMA: dict[str, Key] = {
    "format": Key("int", "Always 2 for this format.", True, example=2),
    "election": _t(
        "The election the file describes.",
        {
            "name": Key(
                "str",
                "Its name as a reader would know it.",
                True,
                example="Riverside Workers' Union General Secretary election 2024",
            ),
            "organisation": Key(
                "str", "Who holds it: a union, a party, a city.", example="Riverside Workers' Union"
            ),
            "office": Key("str", "The post being filled.", example="General Secretary"),
            "aliases": Key(
                "list",
                "Other names coverage gives the contest (plain phrases).",
                example=["RWU leadership election", "RWU"],
            ),
            "electorate": Key(
                "int", "How many were entitled to vote (ballot papers sent).", example=412000
            ),
            "electorate_counts": Key(
                "str",
                "What the electorate counts, in words; the electorate's statement gives it.",
                example="ballot papers sent to members",
            ),
            "source": Key(
                "str", "Key of [sources] for the facts of this table.", True, example="declaration"
            ),
            "dates": _t(
                "When things happened (YYYY-MM-DD); every date is optional.",
                {
                    k: Key("date", d, example=e)
                    for k, d, e in (
                        ("nominations_open", "Nominations opened.", dt.date(2024, 1, 8)),
                        ("nominations_close", "Nominations closed.", dt.date(2024, 2, 9)),
                        ("ballot_open", "Voting began.", dt.date(2024, 3, 4)),
                        ("ballot_close", "Voting ended.", dt.date(2024, 3, 29)),
                        ("declared", "The result was declared.", dt.date(2024, 4, 2)),
                    )
                },
            ),
        },
        required=True,
    ),
    "sources": Key(
        "sourcetable",
        "Where the facts come from: short key = a description a reader can find.",
        True,
        example={
            "declaration": "Returning officer's declaration of the result, 2 April 2024",
            "count": "Returning officer's round-by-round count report, 2 April 2024",
            "nominations": "Returning officer's statement of nominations, 12 February 2024",
            "withdrawal": "Sam Okoro, statement of withdrawal, 16 February 2024",
            "appeals": "Appeals committee decision on the recount complaint, 19 April 2024",
            "declaration2019": "Returning officer's declaration of the 2019 result, 5 April 2019",
        },
    ),
    "candidates": _t(
        "Everyone who stood, one table each.",
        {
            "name": Key("str", "Full name as usually written.", True),
            "variants": Key("list", "Other spellings and short forms coverage uses."),
            "pronoun": Key(
                "str", "he, she or they (lets the grammar follow pronouns).", choices=PRONOUNS
            ),
            "descriptors": Key("list", "Plain phrases that name this candidate."),
            "incumbent": Key("bool", "Held the post before the election."),
            "outcome": Key("str", "What became of the candidacy.", True, choices=OUTCOMES),
            "round": Key("int", "For `eliminated`: the last round they were in the count."),
            "withdrawn": Key(
                "date",
                "For `withdrawn`: the day they withdrew. With `defeated` or `eliminated`: "
                "the day they stood down after the ballot papers were fixed (still on the "
                "ballot).",
            ),
            "withdrawn_source": Key(
                "str", "With `withdrawn`: key of [sources] for the withdrawal."
            ),
            "votes": Key(
                "int",
                "Votes won (with [[rounds]]: the first round's, which must agree); "
                "give them for every candidate on the ballot.",
            ),
            "share": Key(
                "figure",
                "Share of the vote in per cent, on `results.share_basis` (with [[rounds]]: "
                "the first round's).",
            ),
            "nominations": Key("int", "Nominations received (final count)."),
            "nominations_source": Key("str", "Key of [sources] for `nominations`."),
        },
        required=True,
        many=True,
        example=_CANDIDATES,
    ),
    "results": _t(
        "The count as a whole.",
        {
            "source": Key(
                "str", "Key of [sources] (default: election.source).", example="declaration"
            ),
            "share_basis": Key(
                "str",
                "What the recorded shares are shares of: all votes cast (spoiled "
                "included), valid votes, or the electorate.",
                choices=BASES,
                example="valid",
            ),
            "total": Key("int", "All ballots returned, spoiled ones included.", example=49630),
            "valid": Key(
                "int", "Valid votes (derived from total and spoiled when absent).", example=49420
            ),
            "spoiled": Key("int", "Spoiled or rejected ballots.", example=210),
            "others": Key(
                "int",
                "Valid votes for no candidate listed here (write-ins, others); "
                "counted in the valid votes and the total.",
                example=90,
            ),
            "others_label": Key(
                "str", "What `others` are, as the source calls them.", example="write-ins"
            ),
            "turnout": Key("figure", "Turnout in per cent (derived when absent).", example="12%"),
        },
    ),
    "rounds": _t(
        "Multi-round counts (runoff, alternative vote): one table per round, in order.",
        {
            "votes": Key("votes", "Candidate name = votes in this round.", True),
            "shares": Key("shares", "Candidate name = share in per cent, if recorded."),
            "share_basis": Key(
                "str",
                "What this round's shares are of (continuing: the papers still in the count).",
                choices=ROUND_BASES,
            ),
            "eliminated": Key(
                "names", "Who went out after this round (checked against their outcome)."
            ),
            "source": Key("str", "Key of [sources] for this round (default: results.source)."),
            "separate": Key(
                "bool",
                "This round was a ballot of its own on new papers (a run-off), not a "
                "recount of the first round's: two-person wording about it is judged "
                "against its own field, and it may have its own totals.",
                example=True,
            ),
            "total": Key(
                "int", "A separate ballot's papers returned, spoiled ones included.", example=45600
            ),
            "valid": Key(
                "int", "A separate ballot's valid votes (derived when absent).", example=45350
            ),
            "spoiled": Key("int", "A separate ballot's spoiled or rejected papers.", example=250),
            "turnout": Key("figure", "A separate ballot's turnout in per cent.", example="11%"),
        },
        many=True,
        example=_ROUNDS,
    ),
    "earlier_counts": _t(
        "Counts declared and later replaced (by a recount or a corrected declaration): "
        "their figures are right before the replacement, or when said of that count.",
        {
            "declared": Key("date", "When it was declared.", True),
            "replaced": Key("date", "When the recorded result replaced it.", True),
            "label": Key("str", 'What coverage calls it (default "the first count").'),
            "votes": Key(
                "votes",
                "Candidate name = votes in it (in a count of several rounds, the first's).",
                True,
            ),
            "total": Key("int", "Its ballots returned, spoiled ones included."),
            "valid": Key("int", "Its valid votes (derived when absent)."),
            "spoiled": Key("int", "Its spoiled or rejected ballots."),
            "others": Key("int", "Its valid votes for nobody listed (write-ins)."),
            "source": Key("str", "Key of [sources].", True),
        },
        many=True,
        example=_EARLIER,
    ),
    "figures": _t(
        "Other recorded numbers (nominations, branches, thresholds).",
        {
            "counts": Key("str", "What the number counts, as coverage would say it.", True),
            "subject": Key(
                "str", "Whose number: a candidate's name (omit for the election's own)."
            ),
            "value": Key(
                "figure",
                'The number as the source gives it ("12%" keeps the source\'s precision).',
                True,
            ),
            "as_of": Key("date", "When the count was taken; its statement gives the date."),
            "source": Key("str", "Key of [sources].", True),
            "statement": Key("str", "The fact in words, for rebuttals (optional)."),
            "id": Key("str", "A stable identifier (optional; derived when absent)."),
        },
        many=True,
        example=_FIGURES,
    ),
    "claims": _t(
        "Known false or misleading claims.",
        {
            "claim": Key("str", "The claim as a plain sentence.", True),
            "paraphrases": Key("list", "Other ways coverage puts it, as plain sentences."),
            "fact": Key("str", "The fact that refutes it, in words.", True),
            "source": Key("str", "Key of [sources].", True),
            "severity": Key("str", "How much it matters (default high).", choices=SEVERITIES),
            "id": Key("str", "A stable identifier (optional; derived when absent)."),
        },
        many=True,
        example=_CLAIMS,
    ),
    "contests": _t(
        "Other contests coverage mentions: earlier and later elections for the same office, "
        "other organisations' elections.",
        {
            "name": Key("str", "Its name.", True),
            "year": Key("int", "The year it was decided.", True),
            "organisation": Key("str", "Who held it (default: this election's)."),
            "office": Key("str", "The post (default: this election's)."),
            "candidates": Key("names", "Everyone who stood.", True),
            "winner": Key("str", "Who won."),
            "withdrawn": Key("names", "Who withdrew before the ballot."),
            "aliases": Key(
                "list",
                "Other names coverage gives it, as plain phrases of two or more words.",
                example=["the 2019 ballot"],
            ),
            "votes": Key("votes", "Candidate name = votes (optional)."),
            "turnout": Key("figure", "Turnout in per cent (optional)."),
            "source": Key("str", "Key of [sources] (needed when figures are given)."),
        },
        many=True,
        example=_CONTESTS,
    ),
    "advanced": _t(
        "Rarely needed: patterns for wording the built-in grammar misses.",
        {
            "framing_patterns": Key(
                "list",
                "Regular expressions that are framing here.",
                example=[r"\bone-on-one contest\b"],
            ),
            "quiet_patterns": Key(
                "list",
                "Regular expressions of sentences never to flag (found anywhere in the "
                "sentence, case-insensitive).",
                example=[r"\bbranch secretary election\b"],
            ),
        },
    ),
}


def _examples_from_entries(keys: dict[str, Key]) -> None:
    """Each key of a ``[[...]]`` table takes its example from the first entry that has it."""
    for spec in keys.values():
        if spec.type == "tables" and spec.example:
            for k, sub in spec.keys.items():
                if sub.example is None:
                    sub.example = next((e[k] for e in spec.example if k in e), None)
        _examples_from_entries(spec.keys)


_examples_from_entries(SCHEMA)
