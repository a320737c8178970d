"""Turn what a user types into a safe FTS5 query.

Each word becomes a quoted FTS5 string, so punctuation such as the hyphen in
"two-horse" or a stray quote cannot raise an FTS syntax error; words are ANDed.
"""

from __future__ import annotations

import re


def fts_query(text: str) -> str:
    words = re.findall(r"\w+(?:[-']\w+)*", text)
    if not words:
        return '""'
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)
