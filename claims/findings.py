"""The finding kinds: which flag an article and which are only recorded."""

from __future__ import annotations

KINDS = ("framing", "omission", "figure", "unchallenged_claim")  # these flag an article
# Recorded but not flagged: a recorded false claim that the article itself rebuts.
RECORDED_KINDS = ("challenged_claim",)
