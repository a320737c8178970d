"""Tools for the people who write facts files: ``factwatch facts check``, ``new``, ``convert``.

    review.py    the summary of a loaded facts file, and warnings about likely mistakes
    skeleton.py  the commented skeleton of ``factwatch facts new``, from ``facts_schema.SCHEMA``

The reader and its errors are ``factwatch.claims.facts``; the format 1
converter is ``factwatch.claims.facts_convert``.
"""
