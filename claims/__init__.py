"""Claim matching: check article statements against a facts file.

    facts.py     load and validate a facts file (TOML) into plain dataclasses
    text.py      the text model: sentences, quotations, speakers, voice
    findings.py  the Finding dataclass and its stable identity
    matcher.py   Matcher (compiled rules for one facts file) and check_article()
"""
