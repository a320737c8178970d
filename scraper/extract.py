"""Extract an article's main text and metadata from HTML.

The page is parsed once with lxml.  ``scraper.metadata`` reads the metadata
from that tree, then trafilatura (the reference extractor in the field) takes
the same tree for the main text, in precision mode without comments: on the
extraction benchmark that scores above trafilatura's defaults (see
docs/benchmarks.md, "Extraction quality").  General clean-up rules then apply
to the extracted paragraphs:

- a leading paragraph that repeats the headline (or the page title) is dropped,
  because the headline is added back as the first paragraph (see below);
- paragraphs that are wholly boilerplate (share prompts, newsletter sign-ups,
  copyright lines: the editable patterns in ``boilerplate.toml``) are dropped;
- a paragraph repeated verbatim is kept once;
- when trafilatura finds no text, a JSON-LD ``articleBody`` is used instead.

``Article.text`` starts with the headline as its own paragraph (headlines carry
claims too), followed by the body; ``metadata["body_start"]`` is the offset of
the body in ``text`` (0 when there is no headline).  Text in ``<aside>``
elements (and ``role=complementary``) goes to ``Article.asides``, not ``text``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.utils import load_html

from factwatch.core.encoding import decode_body
from factwatch.core.errors import ConfigError, ExtractionError
from factwatch.core.fingerprints import content_hash, simhash
from factwatch.core.records import Article
from factwatch.core.resources import Traversable, bundled
from factwatch.core.segment import join_paragraphs, segment
from factwatch.scraper.metadata import PageMetadata, read_metadata

BOILERPLATE_FILE = bundled("factwatch.scraper", "boilerplate.toml")
_ASIDES = ".//aside|.//*[@role='complementary']"
_NOT_WORD = re.compile(r"\W+")


def load_boilerplate(path: Traversable = BOILERPLATE_FILE) -> tuple[re.Pattern[str], ...]:
    """Compile the boilerplate patterns of ``path`` (a TOML file, see boilerplate.toml)."""
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read boilerplate patterns: {exc}") from None
    return _compile_boilerplate(source, str(path))


@cache
def _compile_boilerplate(source: str, path: str) -> tuple[re.Pattern[str], ...]:
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: cannot read boilerplate patterns: {exc}") from None
    patterns = data.get("patterns")
    if not isinstance(patterns, list):
        raise ConfigError(f"{path}: expected [[patterns]] tables with name and regex")
    compiled = []
    for i, item in enumerate(patterns):
        regex = item.get("regex") if isinstance(item, dict) else None
        if not isinstance(regex, str) or not regex:
            raise ConfigError(f"{path}: patterns[{i}].regex: expected a regular expression")
        try:
            compiled.append(re.compile(regex, re.I | re.S))
        except re.error as exc:
            message = f"{path}: patterns[{i}].regex: invalid regular expression: {exc}"
            raise ConfigError(message) from None
    return tuple(compiled)


def _parse(html: str) -> etree._Element | None:
    """lxml tree of a page; fragments and tag soup that trafilatura's loader
    refuses are parsed by lxml's HTML parser directly."""
    try:
        tree = load_html(html)
        if tree is None:
            tree = lxml.html.document_fromstring(html)
    except (ValueError, etree.LxmlError):
        return None
    return tree


def _key(text: str) -> str:
    """Comparison key: lower-case words only."""
    return _NOT_WORD.sub(" ", text.casefold()).strip()


@dataclass
class Extractor:
    """Reusable extractor; ``extract()`` uses one with the defaults.

    favor_precision / favor_recall / include_tables / include_comments go to
    trafilatura; title_in_text puts the headline first in ``Article.text``;
    a page whose body has fewer than min_words words has no article text;
    boilerplate is the TOML file of paragraph patterns to drop.
    """

    favor_precision: bool = True
    favor_recall: bool = False
    include_tables: bool = True
    include_comments: bool = False
    title_in_text: bool = True
    min_words: int = 12
    boilerplate: Traversable = BOILERPLATE_FILE
    _patterns: tuple[re.Pattern[str], ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._patterns = load_boilerplate(self.boilerplate)

    def extract(self, html: str | bytes, *, url: str = "", source: str = "") -> Article:
        """One article from one page; ExtractionError when it has no article text."""
        name = url or "page"
        if isinstance(html, bytes):
            html = decode_body(html)
        if not html or not html.strip():
            raise ExtractionError(f"{name}: the page is empty")
        tree = _parse(html)
        if tree is None:
            raise ExtractionError(f"{name}: not an HTML page (could not parse it)")
        meta = read_metadata(tree, url=url)
        asides = self._asides(tree)
        body = self.body_paragraphs(tree, meta, url=url)
        if sum(len(p.split()) for p in body) < self.min_words:
            raise ExtractionError(
                f"{name}: no article text found (the page may be an index, a paywall, "
                "or built by JavaScript)"
            )
        return self._article(meta, body, asides, url=url, source=source)

    def body_paragraphs(
        self, tree: etree._Element, meta: PageMetadata, *, url: str = ""
    ) -> list[str]:
        """The cleaned body paragraphs of a parsed page (the headline not included)."""
        doc = trafilatura.bare_extraction(
            tree,
            url=url or None,
            favor_precision=self.favor_precision,
            favor_recall=self.favor_recall,
            include_comments=self.include_comments,
            include_tables=self.include_tables,
            with_metadata=False,
        )
        text = doc.get("text") if isinstance(doc, dict) else getattr(doc, "text", None)
        lines = (text or "").split("\n")
        paragraphs = self.clean(lines, meta)
        if not paragraphs and meta.article_body:
            paragraphs = self.clean(meta.article_body.split("\n"), meta)
        return paragraphs

    def clean(self, lines: list[str], meta: PageMetadata) -> list[str]:
        """Apply the clean-up rules of the module docstring to extracted lines."""
        paragraphs = [" ".join(line.split()) for line in lines]
        paragraphs = [p for p in paragraphs if p]
        titles = {_key(t) for t in (meta.title, meta.jsonld.get("headline", "")) if t}
        titles.discard("")
        while paragraphs and titles and _key(paragraphs[0]) in titles:
            paragraphs.pop(0)
        seen: set[str] = set()
        kept = []
        for p in paragraphs:
            if any(pattern.fullmatch(p) for pattern in self._patterns):
                continue
            if len(p) > 40:
                if p in seen:
                    continue
                seen.add(p)
            kept.append(p)
        return kept

    @staticmethod
    def _asides(tree: etree._Element) -> list[str]:
        asides = []
        for node in tree.xpath(_ASIDES):
            if any(a is node for a in node.iterancestors("aside")):
                continue
            text = " ".join(" ".join(node.itertext()).split())
            if text:
                asides.append(text)
        return asides

    def _article(
        self, meta: PageMetadata, body: list[str], asides: list[str], *, url: str, source: str
    ) -> Article:
        head = [meta.title] if self.title_in_text and meta.title else []
        text, paragraphs = join_paragraphs(head + body)
        body_start = paragraphs[1].start if head and len(paragraphs) > 1 else 0
        metadata = {
            "jsonld": meta.jsonld,
            "body_start": body_start,
            "title_in_text": bool(head),
            "description": meta.description,
            "modified": meta.modified,
        }
        return Article(
            url=url,
            canonical_url=meta.canonical_url,
            title=meta.title,
            authors=meta.authors,
            published=meta.published,
            outlet=meta.outlet,
            language=meta.language,
            text=text,
            paragraphs=paragraphs,
            sentences=segment(paragraphs, text),
            asides=asides,
            content_hash=content_hash(text),
            simhash=simhash(text[body_start:]),
            source=source,
            metadata=metadata,
        )


@cache
def _default() -> Extractor:
    return Extractor()


def extract(html: str | bytes, *, url: str = "", source: str = "") -> Article:
    """Extract one article.  Raises ExtractionError when the page has no article text."""
    return _default().extract(html, url=url, source=source)
