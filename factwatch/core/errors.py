"""Every error factwatch raises on purpose, in one tree.

    FactwatchError                 base class; the CLI prints str(err) and exits 2
    ├── ConfigError                config.toml is missing, not TOML, or has a bad key
    ├── FactsError                 a facts file is malformed (names file, key, problem)
    ├── TemplateError              a rebuttal template fails to load or render
    ├── DatabaseError              the database cannot be opened or migrated
    ├── NotFoundError              an id given on the command line does not exist
    ├── LockedError                another pass holds the lock on this database
    ├── BackupError                a backup cannot be written (destination exists, disk)
    ├── InputError                 a file or URL named on the command line is missing,
    │                              over the size cap, binary, or could not be fetched
    ├── FetchError                 one URL could not be fetched (recorded, not fatal)
    │   ├── BlockedByRobots        robots.txt disallows the URL for our user agent
    │   ├── RobotsUnavailable      robots.txt unreachable, timed out or 5xx: try later
    │   ├── UnsafeURL              scheme or address refused (loopback, private, metadata)
    │   ├── TooLarge               body or decompressed body over the size cap
    │   ├── BadContentType         not HTML/XML/text
    │   ├── TooManyRedirects       redirect chain too long or looping
    │   ├── FetchTimeout           connect or read timeout (including trickling servers)
    │   └── HTTPStatusError        4xx/5xx after retries
    ├── DiscoveryError             a feed, sitemap or listing could not be parsed
    └── ExtractionError            no article text could be extracted from a page

Messages name the input (file, key, URL) and, where there is one, the fix.
"""

from __future__ import annotations


class FactwatchError(Exception):
    """Base class for errors that factwatch reports to its user."""

    exit_code = 2


class ConfigError(FactwatchError):
    pass


class FactsError(FactwatchError):
    pass


class TemplateError(FactwatchError):
    pass


class DatabaseError(FactwatchError):
    pass


class NotFoundError(FactwatchError):
    pass


class LockedError(FactwatchError):
    exit_code = 75  # EX_TEMPFAIL: try again later


class BackupError(FactwatchError):
    pass


class InputError(FactwatchError):
    pass


class FetchError(FactwatchError):
    """A URL could not be fetched.  ``kind`` weights source health:
    'hard' (will not get better: 404, robots, unsafe), 'soft' (content problems),
    'temporary' (timeouts, 5xx, 429)."""

    kind = "temporary"

    def __init__(self, message: str, *, url: str = "", status: int | None = None):
        super().__init__(message)
        self.url = url
        self.status = status


class BlockedByRobots(FetchError):
    kind = "hard"


class RobotsUnavailable(FetchError):
    """The host's robots.txt could not be read (unreachable, timeout, 429, 5xx).
    RFC 9309: the crawler must wait and try later; not a refusal."""

    kind = "temporary"


class UnsafeURL(FetchError):
    kind = "hard"


class TooLarge(FetchError):
    kind = "soft"


class BadContentType(FetchError):
    kind = "soft"


class TooManyRedirects(FetchError):
    kind = "soft"


class FetchTimeout(FetchError):
    kind = "temporary"


class HTTPStatusError(FetchError):
    """4xx is hard (the page is gone or forbidden); 5xx and 429 are temporary."""

    def __init__(self, message: str, *, url: str = "", status: int | None = None):
        super().__init__(message, url=url, status=status)
        temporary = status is not None and (status >= 500 or status == 429)
        self.kind = "temporary" if temporary else "hard"


class DiscoveryError(FactwatchError):
    kind = "soft"


class ExtractionError(FactwatchError):
    kind = "soft"
