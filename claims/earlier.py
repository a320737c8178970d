"""Whether a number of a count later replaced is said of that count.

A figure of an ``EarlierCount`` (a count a recount or a corrected declaration
replaced) is right in an article published before the replacement, in one
whose date is unknown, and wherever the words say they are that count's
("the initial count", "before the recount", "on election night", the count's own label), here or
in the sentence before.
"""

from __future__ import annotations

import re

from factwatch.claims.model import EarlierCount
from factwatch.claims.text import Document, Sent

_EARLIER_WORDS = re.compile(
    r"(?<![\w-])(?:(?:initial|first|original|earlier|preliminary|provisional|unofficial|"
    r"uncorrected)[\s-]+(?:\w+\s+)?(?:count|tally|tallies|results?|figures?|totals?|"
    r"certification|declaration|numbers)|initially|originally|unofficial|pre-recount|"
    r"before\s+the\s+(?:re-?count|correction)|(?:had\s+)?first\s+(?:certified|declared|"
    r"announced|reported)|"
    # the time before the final count: "on election night", "before any of the late mail
    # was opened"
    r"election[\s-]night|on\s+the\s+night|at\s+first|before\s+(?:any|all|the)\s+(?:of\s+the\s+)?"
    r"(?:[\w-]+\s+){0,2}(?:ballots|mail|votes|papers|envelopes)\s+(?:were|was|had\s+been)\s+"
    r"(?:opened|counted|added|tallied|in))(?![\w-])"
)


def said_of(doc: Document, sent: Sent, count: EarlierCount) -> bool:
    """Is a number in ``sent`` that agrees with ``count`` said of it?"""
    if doc.published is None or doc.published < count.replaced:
        return True
    lo = doc.sentences[sent.index - 1].start if sent.index else sent.start
    text = doc.norm[lo : sent.end]
    label = " ".join(count.label.lower().split()[-2:])
    return bool(_EARLIER_WORDS.search(text)) or (bool(label) and label in text)
