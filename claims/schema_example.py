"""The example election the keys of a facts file take their examples from.

``schema_tables.SCHEMA`` gives a table's keys their own examples; the keys of the
``[[...]]`` tables take theirs from these entries.
"""

from __future__ import annotations

import datetime as dt

# The examples describe one invented election, the Riverside Workers' Union's General
# Secretary election of 2024, and agree with each other: the file they make together
# loads without a warning (tests/test_facts_examples.py).  Three candidates were on the
# ballot and one withdrew; 90 write-ins make the valid votes up to 49,420; Priya Nair went
# out after the first round and her papers decided the second.  The keys of the
# ``[[...]]`` tables take their examples from these entries (the first that has the key).
_CANDIDATES = [
    {
        "name": "Ana Ferreira",
        "variants": ["Ana Fereira", "Annie Ferreira"],
        "pronoun": "she",
        "descriptors": ["the regional organiser"],
        "outcome": "winner",
        "votes": 20480,
        "share": 41.4,
        "nominations": 112,
        "nominations_source": "nominations",
    },
    {
        "name": "Tom Baxter",
        "pronoun": "he",
        "descriptors": ["the sitting general secretary"],
        "incumbent": True,
        "outcome": "defeated",
        "votes": 17950,
        "share": 36.3,
        "nominations": 87,
        "nominations_source": "nominations",
    },
    {
        "name": "Priya Nair",
        "pronoun": "she",
        "outcome": "eliminated",
        "round": 1,
        "votes": 10900,
        "share": 22.1,
        "nominations": 40,
        "nominations_source": "nominations",
    },
    {
        "name": "Sam Okoro",
        "pronoun": "he",
        "outcome": "withdrawn",
        "withdrawn": dt.date(2024, 2, 16),
        "withdrawn_source": "withdrawal",
    },
]
_ROUNDS = [
    {
        "votes": {"Ana Ferreira": 20480, "Tom Baxter": 17950, "Priya Nair": 10900},
        "shares": {"Ana Ferreira": 41.4, "Tom Baxter": 36.3, "Priya Nair": 22.1},
        "share_basis": "valid",
        "eliminated": ["Priya Nair"],
        "source": "count",
    },
    {
        "votes": {"Ana Ferreira": 24310, "Tom Baxter": 21040},
        "shares": {"Ana Ferreira": 53.6, "Tom Baxter": 46.4},
        "share_basis": "continuing",
        "source": "count",
        # a run-off on new papers, two weeks later
        "separate": True,
        "total": 45600,
        "valid": 45350,
        "spoiled": 250,
        "turnout": "11%",
    },
]
# The returning officer's first declaration transposed two digits of Ana Ferreira's votes;
# a corrected declaration replaced it three days later.
_EARLIER = [
    {
        "declared": dt.date(2024, 3, 1),
        "replaced": dt.date(2024, 3, 4),
        "label": "the first declaration",
        "votes": {"Ana Ferreira": 20408, "Tom Baxter": 17950, "Priya Nair": 10900},
        "total": 49558,
        "valid": 49348,
        "spoiled": 210,
        "others": 90,
        "source": "count",
    }
]
_FIGURES = [
    {
        "counts": "workplace nominations",
        "subject": "Ana Ferreira",
        "value": 31,
        "as_of": dt.date(2024, 2, 9),
        "source": "nominations",
        "statement": "Ana Ferreira received 112 nominations, 31 of them from workplaces.",
        "id": "nominations.workplace.ferreira",
    }
]
_CLAIMS = [
    {
        "claim": "Tom Baxter demanded a recount.",
        "paraphrases": [
            "Baxter asked for the votes to be counted again.",
            "The sitting general secretary wants a recount.",
        ],
        "fact": "No candidate asked for a recount; the appeals committee found no request.",
        "source": "appeals",
        "severity": "medium",
        "id": "claim.recount",
    }
]
_CONTESTS = [
    {
        "name": "RWU General Secretary election 2019",
        "year": 2019,
        "organisation": "Riverside Workers' Union",
        "office": "General Secretary",
        "candidates": ["Ana Ferreira", "Tom Baxter"],
        "winner": "Tom Baxter",
        "withdrawn": ["Joe Mensah"],
        "aliases": ["the 2019 ballot"],
        "votes": {"Tom Baxter": 18220, "Ana Ferreira": 15105},
        "turnout": 8.9,
        "source": "declaration2019",
    }
]
