"""The topic filter: whole-word, case-insensitive matching of election terms."""

from __future__ import annotations

from pathlib import Path

import pytest
from discoverkit import make_fetcher
from localserver import LocalSite

from factwatch.core.errors import ConfigError
from factwatch.core.records import Link, SourceConfig
from factwatch.scraper.discover import discover
from factwatch.scraper.topic import TopicFilter

TERMS = ["Unite", "Len McCluskey", "Gerard Coyne", "Ian Allinson", "general secretary"]
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def topic():
    return TopicFilter(TERMS, min_matches=2)


def test_article_naming_two_terms_kept(topic):
    assert topic.matches("Unite result", "Len McCluskey was re-elected on Friday.")


def test_article_naming_one_term_dropped(topic):
    assert not topic.matches("Union news", "Len McCluskey spoke at a rally.")


def test_unrelated_article_dropped(topic):
    assert not topic.matches("Weather", "Rain is expected across the north-west.")


def test_word_boundary_united_is_not_unite():
    topic = TopicFilter(["Unite", "McCluskey"], min_matches=1)
    assert topic.score("", "Manchester United won; the United Nations met; reunite.") == 0


def test_possessive_still_matches():
    topic = TopicFilter(["Unite", "McCluskey"], min_matches=2)
    assert topic.matches("", "Unite's members backed McCluskey\u2019s campaign")


def test_matching_ignores_case(topic):
    assert topic.score("UNITE BALLOT", "len mccluskey and GERARD COYNE") == 3


def test_multiword_term_matches_across_line_break(topic):
    assert topic.score("", "the new General\nSecretary") == 1


def test_repeated_term_counts_once(topic):
    assert topic.score("Unite", "Unite, Unite and Unite again") == 1


def test_spelling_variants_grouped_count_once():
    topic = TopicFilter.from_terms([["McCluskey", "Len McCluskey", "Mcluskey"], "Coyne"])
    assert topic.score("", "Len McCluskey ... McCluskey ... Mcluskey") == 1


def test_longest_term_wins_at_same_position():
    topic = TopicFilter(["McCluskey", "Len McCluskey"], min_matches=1)
    assert topic.found("", "Len McCluskey") == {"len mccluskey"}


def test_extra_keyword_list_adds_terms():
    topic = TopicFilter.from_terms(["McCluskey"], ["ballot"], min_matches=2)
    assert topic.matches("", "McCluskey won the ballot")


def test_empty_term_list_is_a_config_error():
    with pytest.raises(ConfigError, match="topic filter has no terms"):
        TopicFilter(["", "  "])


def test_min_matches_above_term_count_is_a_config_error():
    with pytest.raises(ConfigError, match="topic.min_matches: 3 distinct terms required"):
        TopicFilter(["Unite", "Coyne"], min_matches=3)


def test_regex_characters_in_terms_are_literal():
    topic = TopicFilter(["C++", "a.b"], min_matches=1)
    assert (topic.score("", "axb"), topic.score("", "about a.b")) == (0, 1)


def test_prefilter_keeps_entry_without_summary(topic):
    assert topic.prefilter(Link(url="https://p.example/x", source="s", title="Union boss wins"))


def test_prefilter_skips_entry_whose_summary_and_title_mention_nothing(topic):
    link = Link(url="https://p.example/x", source="s", title="Cup final", summary="A late goal.")
    assert not topic.prefilter(link)


def test_prefilter_keeps_entry_with_one_term_in_summary(topic):
    link = Link(url="https://p.example/x", source="s", title="Result", summary="Gerard Coyne lost.")
    assert topic.prefilter(link)


def test_from_facts_counts_each_candidate_once():
    from factwatch.claims.facts import load_facts

    topic = TopicFilter.from_facts(load_facts(ROOT / "facts" / "unite-2017.toml"))
    assert not topic.matches("", "Len McCluskey, also known as McCluskey, spoke.")
    assert topic.matches("", "Len McCluskey beat Gerard Coyne.")


def test_discover_drops_feed_entries_the_prefilter_rejects():
    rss = """<rss version="2.0"><channel><title>t</title>
<item><title>Cup final</title><link>https://p.example/sport</link>
<description>A late goal.</description></item>
<item><title>Coyne defeated</title><link>https://p.example/unite</link>
<description>Unite result declared.</description></item>
</channel></rss>"""
    with LocalSite() as site:
        site.route("/feed.xml", body=rss, content_type="application/rss+xml")
        src = SourceConfig(name="f", kind="feed", url=site.url("/feed.xml"))
        result = discover(src, make_fetcher(), topic=TopicFilter(TERMS))
    assert ([x.url for x in result.links], result.skipped) == (["https://p.example/unite"], 1)


def test_source_with_topic_filter_off_keeps_all_entries():
    rss = """<rss version="2.0"><channel><title>t</title>
<item><title>Cup final</title><link>https://p.example/sport</link>
<description>A late goal.</description></item></channel></rss>"""
    with LocalSite() as site:
        site.route("/feed.xml", body=rss, content_type="application/rss+xml")
        src = SourceConfig(name="f", kind="feed", url=site.url("/feed.xml"), topic_filter=False)
        result = discover(src, make_fetcher(), topic=TopicFilter(TERMS))
    assert [x.url for x in result.links] == ["https://p.example/sport"]
