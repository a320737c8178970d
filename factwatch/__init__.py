"""factwatch: watch election coverage for misleading claims.

Data flow: scraper -> db -> claims -> db -> rebuttals.  This package holds the
glue: configuration, the pipeline that runs one pass, and the command line.
"""

__version__ = "0.1.0"
