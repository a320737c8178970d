"""Scraping: discover article URLs, fetch them politely, extract text and metadata.

Stages hand each other plain dataclasses from ``factwatch.core.records``.
"""
