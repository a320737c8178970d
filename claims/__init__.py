"""Claim matching: check article statements against a facts file.

facts.py         load and validate a facts file (TOML); re-exports the dataclasses
facts_model.py   the facts as plain dataclasses (election, candidates, figures, rules)
facts_reader.py  typed TOML access with clear errors; {MACRO} expansion
text.py          the text model: sentences, clauses, quotations, speakers, voice, scope
contenders.py    people the article casts as contenders of another contest
numbers.py       numbers as journalists write them, with their qualifiers
framing.py       two-person framing rules in context
figures.py       numbers attached to a measure and a candidate, judged with rounding
unchallenged.py  recorded false claims in any paraphrase, and their rebuttals
omission.py      results reported without every candidate
field.py         statements of the size of the field ("three candidates")
findings.py      the Finding dataclass and its stable identity
matcher.py       Matcher (compiled rules for one facts file) and check_article()
"""
