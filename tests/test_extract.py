"""Article extraction: metadata, main text, asides, offsets and errors.

Fixture pages live in tests/fixtures/pages: each NAME.html has a NAME.json with
the URL to extract it under and the expected fields (or the expected error).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factwatch.core.errors import ConfigError, ExtractionError
from factwatch.core.fingerprints import content_hash
from factwatch.scraper.extract import Extractor, extract, load_boilerplate
from factwatch.scraper.metadata import normalise_date, split_authors

PAGES = Path(__file__).parent / "fixtures" / "pages"
CASES = sorted(p.stem for p in PAGES.glob("*.html"))
ARTICLES = [c for c in CASES if "error" not in json.loads((PAGES / f"{c}.json").read_text())]
ERRORS = [c for c in CASES if c not in ARTICLES]
FIELDS = ["title", "authors", "published", "outlet", "canonical_url", "language"]

PROSE = (
    "Len McCluskey was re-elected general secretary of Unite with 59,067 votes, "
    "ahead of Gerard Coyne on 53,544 and Ian Allinson on 17,143."
)


def expected(name: str) -> dict:
    return json.loads((PAGES / f"{name}.json").read_text(encoding="utf-8"))


def extracted(name: str):
    return extract((PAGES / f"{name}.html").read_bytes(), url=expected(name)["url"])


@pytest.mark.parametrize("name", ARTICLES)
@pytest.mark.parametrize("field", FIELDS)
def test_metadata_field_matches_fixture(name, field):
    want = expected(name)
    if field not in want:
        pytest.skip(f"{name}.json does not state {field}")
    assert getattr(extracted(name), field) == want[field]


@pytest.mark.parametrize("name", ARTICLES)
def test_text_keeps_article_paragraphs(name):
    text = extracted(name).text
    missing = [s for s in expected(name)["text_contains"] if s not in text]
    assert missing == []


@pytest.mark.parametrize("name", ARTICLES)
def test_text_drops_navigation_sidebars_footers_and_banners(name):
    text = extracted(name).text
    present = [s for s in expected(name)["text_excludes"] if s in text]
    assert present == []


def test_aside_text_is_kept_separately():
    article = extracted("jsonld-news")
    assert any("Ten things you missed" in a for a in article.asides)


@pytest.mark.parametrize("name", ARTICLES)
def test_paragraph_offsets_index_the_text(name):
    article = extracted(name)
    assert article.paragraphs
    assert all(article.text[p.start : p.end] == p.text for p in article.paragraphs)


@pytest.mark.parametrize("name", ARTICLES)
def test_sentence_offsets_index_the_text(name):
    article = extracted(name)
    assert article.sentences
    assert all(article.text[s.start : s.end] == s.text for s in article.sentences)


def test_headline_is_the_first_paragraph_once():
    article = extracted("jsonld-news")
    assert article.paragraphs[0].text == article.title
    assert article.text.count(article.title) == 1


def test_body_start_points_after_the_headline():
    article = extracted("jsonld-news")
    assert article.text[article.metadata["body_start"] :].startswith("Len McCluskey has been")


def test_title_can_be_left_out_of_the_text():
    html = (PAGES / "jsonld-news.html").read_bytes()
    article = Extractor(title_in_text=False).extract(html, url="http://x.example/a")
    assert article.text.startswith("Len McCluskey has been") and article.metadata["body_start"] == 0


def test_content_hash_is_of_the_text():
    article = extracted("og-meta")
    assert article.content_hash == content_hash(article.text)


def test_simhash_is_set():
    assert extracted("og-meta").simhash != 0


def test_jsonld_object_is_kept_in_metadata():
    assert extracted("jsonld-news").metadata["jsonld"]["@type"] == "NewsArticle"


def test_source_is_recorded():
    html = (PAGES / "og-meta.html").read_bytes()
    assert extract(html, url="http://x.example/a", source="echo").source == "echo"


@pytest.mark.parametrize("name", ERRORS)
def test_page_without_article_text_raises_naming_the_url(name):
    want = expected(name)
    with pytest.raises(ExtractionError, match=want["error"]) as info:
        extracted(name)
    assert want["url"] in str(info.value)


@pytest.mark.parametrize("html", ["", "   \n", b""])
def test_empty_page_raises(html):
    with pytest.raises(ExtractionError, match="http://x.example/empty: the page is empty"):
        extract(html, url="http://x.example/empty")


def test_binary_garbage_raises_extraction_error():
    with pytest.raises(ExtractionError, match="http://x.example/bin"):
        extract(bytes(range(256)) * 4, url="http://x.example/bin")


def test_jsonld_article_body_is_used_when_markup_has_no_text():
    body = "\\n".join([PROSE, "The turnout was 12.2 per cent of ballot papers despatched."])
    html = (
        '<html><head><title>Result</title><script type="application/ld+json">'
        f'{{"@type": "NewsArticle", "headline": "Result", "articleBody": "{body}"}}'
        "</script></head><body><div id='app'></div></body></html>"
    )
    article = extract(html, url="http://x.example/app")
    assert PROSE in article.text


def test_boilerplate_paragraph_is_dropped():
    html = (
        "<html><body><article><h1>Unite result</h1>"
        f"<p>{PROSE}</p><p>{PROSE.replace('59,067', 'fifty-nine thousand')}</p>"
        "<p>Like this story? Share it with a friend!</p></article></body></html>"
    )
    assert "Share it with a friend" not in extract(html, url="http://x.example/a").text


def test_repeated_paragraph_is_kept_once():
    html = (
        "<html><body><article><h1>Unite result</h1>"
        f"<p>{PROSE}</p><p>The count took three days.</p><p>{PROSE}</p></article></body></html>"
    )
    assert extract(html, url="http://x.example/a").text.count(PROSE) == 1


def test_invalid_boilerplate_pattern_names_the_file(tmp_path):
    path = tmp_path / "patterns.toml"
    path.write_text('[[patterns]]\nname = "bad"\nregex = "(unclosed"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"patterns.toml: patterns\[0\].regex"):
        load_boilerplate(path)


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2017-04-28T14:05:00+01:00", "2017-04-28T14:05:00+01:00"),
        ("2017-04-28", "2017-04-28"),
        ("Friday 28 April 2017", "2017-04-28"),
        ("Sat, 29 Apr 2017 09:30:00 GMT", "2017-04-29T09:30:00+00:00"),
        ("not a date", None),
        ("", None),
    ],
)
def test_dates_are_normalised_to_iso_8601(raw, iso):
    assert normalise_date(raw) == iso


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("By Alice Reporter and Bob Writer", ["Alice Reporter", "Bob Writer"]),
        ("Carol Columnist; Dan Desk", ["Carol Columnist", "Dan Desk"]),
        ([{"@type": "Person", "name": "Erin Editor"}, "Erin Editor"], ["Erin Editor"]),
        ("Staff reporter", ["Staff reporter"]),
        ("https://example.org/authors/alice", []),
    ],
)
def test_author_lists_are_split(raw, names):
    assert split_authors(raw) == names
