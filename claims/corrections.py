"""Corrections: an article that quotes an earlier piece's words to correct them.

"A report on Monday said Hale won 54.0 per cent of all votes cast. She won
54.0 per cent of the votes in the final round." The first sentence states
nothing of its own: the figure and the outcome it quotes are the earlier
piece's, which the article corrects.
"""

from __future__ import annotations

import re

from factwatch.claims.text import Document, Sent

# "A report on Monday said ...", "A story Thursday on the election said ..."
_EARLIER_PIECE = re.compile(
    r"^\W*(?:an?|the|our|this)\s+(?:same\s+|earlier\s+)?(?:report|story|article|piece|item|"
    r"profile|column|feature|caption|graphic|table|blog|explainer|preview|headline)\s+"
    r"(?:[\w'\u2019,-]+\s+){0,8}?(?:said|stated|gave|reported|claimed|put|described|listed)\b"
)
_CORRECTS = re.compile(
    r"(?<![\w-])(?:corrections?|clarifications?|should\s+have\s+(?:said|read|stated|been)|"
    r"apologi[sz]e|regret\s+the\s+error|incorrectly|wrongly|misstated)(?![\w-])"
)


def quoted_for_correction(doc: Document, sent: Sent) -> bool:
    """Is ``sent`` what an earlier piece said, in an article that corrects it?"""
    return bool(_EARLIER_PIECE.match(sent.norm)) and bool(_CORRECTS.search(doc.norm))
