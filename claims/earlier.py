"""Whether a number of a count later replaced is said of that count.

A figure of an ``EarlierCount`` (a count a recount or a corrected declaration
replaced) is right in an article published before the replacement, in one
whose date is unknown, and wherever the words say they are that count's
("the initial count", "before the recount", the count's own label), here or
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
    r"announced|reported))(?![\w-])"
)


def said_of(doc: Document, sent: Sent, count: EarlierCount) -> bool:
    """Is a number in ``sent`` that agrees with ``count`` said of it?"""
    if doc.published is None or doc.published < count.replaced:
        return True
    lo = doc.sentences[sent.index - 1].start if sent.index else sent.start
    text = doc.norm[lo : sent.end]
    label = " ".join(count.label.lower().split()[-2:])
    return bool(_EARLIER_WORDS.search(text)) or (bool(label) and label in text)
