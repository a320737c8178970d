"""The Finding dataclass: one flagged statement with its evidence."""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from typing import Any

KINDS = ("framing", "omission", "figure", "unchallenged_claim")  # these flag an article
# Recorded but not flagged: a recorded false claim that the article itself rebuts.
RECORDED_KINDS = ("challenged_claim",)
SEVERITIES = ("low", "medium", "high")


def normalise_statement(text: str) -> str:
    """Lower-case, straight quotes, single spaces: equal for syndicated copies."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


@dataclass
class Finding:
    kind: str  # one of KINDS (other kinds may be added by facts files)
    rule_id: str  # the facts-file rule that fired, e.g. "framing.definite-loser"
    quote: str  # the exact text flagged: article.text[start:end]
    start: int  # offsets into Article.text
    end: int
    explanation: str  # one line: why this is misleading
    fact_ids: list[str] = field(default_factory=list)  # facts it contradicts
    correction: str = ""  # the correct fact, in words
    fact_sources: list[str] = field(default_factory=list)  # where the facts are recorded
    sentence_index: int | None = None
    paragraph_index: int | None = None
    speaker: str | None = None  # who is quoted, when the statement is a quotation
    voice: str = "outlet"  # "outlet" (the article's own voice) or "quote"
    severity: str = "medium"
    confidence: float = 0.8
    challenged: bool = False  # the article itself rebuts the claim
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def statement_key(self) -> str:
        """Same for the same statement anywhere (syndicated copies share it)."""
        basis = f"{self.rule_id}\x00{normalise_statement(self.quote)}"
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:20]

    def identity(self, article_key: str) -> str:
        """Stable id: the same rule on the same statement of the same article."""
        basis = f"{article_key}\x00{self.statement_key}"
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:20]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
