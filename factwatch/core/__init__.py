"""The bottom layer: what every stage shares and nothing else.

records.py       plain dataclasses passed between the stages (Article, Finding, ...)
errors.py        the error tree
settings.py      what config.toml holds, as dataclasses
resources.py     package data through importlib.resources
segment.py       paragraphs and sentences with offsets
encoding.py      decoding response bodies
fingerprints.py  content hashes and simhashes of article text

Nothing here imports anything of factwatch outside ``factwatch.core``.
"""
