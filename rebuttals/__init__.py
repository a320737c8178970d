"""Rebuttals: drafts from confirmed findings, exports, and tracking of corrections.

templates.py    load and render the Jinja2 templates (bundled or user overrides)
draft.py        group confirmed findings by article, render each format, store drafts
status.py       list drafts and move them through draft -> sent -> corrected | ignored
claimreview.py  schema.org ClaimReview JSON-LD and CSV exports
corrections.py  re-fetch articles with a sent rebuttal and record what changed
"""
