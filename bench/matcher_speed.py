"""Claim matcher speed: sentences per second, with the bundled facts and with 1,000 more claims.

    .venv/bin/python bench/matcher_speed.py [--articles 300] [--claims 1000]

The corpus is election coverage written for the benchmark (every rule family
fires somewhere in it) plus neutral sentences, built into articles of ten
paragraphs.  The larger facts file adds N known false claims written the way
a press office writes them: plain sentences with paraphrases, made of the
words real disputes use (staff, rules, ballots, counts, re-runs, money) and
the candidates' names, so that most sentences of the corpus share words with
many claims and the claim index has real work to do.  Prints one line per run;
the matcher runs on one core.  Speeds are per second of this process's CPU
time (best of three), so other work on the machine disturbs them less.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher
from factwatch.core.records import Article
from factwatch.core.segment import join_paragraphs, segment
from factwatch.core.settings import BUNDLED_FACTS

SENTENCES = [
    "Len McCluskey has been re-elected as general secretary of Unite, the UK's biggest union.",
    "Mr McCluskey won 59,067 votes, while his nearest rival Gerard Coyne received 53,544.",
    "Turnout was 12.2%, with 130,071 votes cast from 1,062,049 ballot papers despatched.",
    "The defeated candidate said members had been let down by the way the contest was run.",
    "Coyne said union employees had breached guidelines that meant they should have been neutral.",
    "A Unite spokesman said the union would not comment on the complaint.",
    "Ian Allinson, the third candidate, polled 17,143 votes.",
    "McCluskey received 65,000 votes, according to figures released by the union.",
    "The two-horse race for Unite's top job turned nasty in its final week.",
    "Only one in five members bothered to vote, a turnout of 20 per cent.",
    "The union's executive council meets on Friday to confirm the result.",
    "Labour MPs said the result would strengthen the party leadership.",
    "In 2013, McCluskey beat Jerry Hicks in a straight fight.",
    "Allinson, a workplace activist at Fujitsu, received 97 nominations.",
    "The count took place at the offices of the independent scrutineer.",
    "Members will be balloted on the new pay offer next month.",
]
SUBJECTS = ["Union staff", "Officials", "The McCluskey campaign", "Coyne's team", "Allinson",
            "Regional officers", "The scrutineer", "Branch secretaries", "The executive",
            "Paid organisers", "The returning officer", "Coyne", "McCluskey"]
VERBS = ["breached", "ignored", "flouted", "broke", "misused", "tampered with", "rigged",
         "demanded", "backed", "funded", "hid", "lost", "destroyed", "withheld", "inflated",
         "leaked", "altered", "delayed", "blocked", "falsified"]
OBJECTS = ["the ballot rules", "the spending limits", "the membership lists", "the count",
           "thousands of ballot papers", "the nomination forms", "the branch returns",
           "the neutrality guidance", "a re-run of the election", "the postal ballots",
           "union funds", "the hustings schedule", "the scrutineer's report", "the result",
           "the election timetable", "members' data", "the complaints procedure"]
WHEN = ["during the campaign", "before the count", "after the ballot closed", "in April",
        "at the hustings", "in the final week", "on polling day", "at head office"]


def corpus(n_articles: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    articles = []
    for i in range(n_articles):
        paras = [" ".join(rng.sample(SENTENCES, 2)) for _ in range(10)]
        text, paragraphs = join_paragraphs(paras)
        a = Article(url=f"bench/{i}", canonical_url=f"bench/{i}", text=text,
                    paragraphs=paragraphs, published="2017-04-25")
        a.sentences = segment(paragraphs, text)
        articles.append(a)
    return articles


def extra_claims(n: int, seed: int = 11) -> str:
    """TOML with n realistic known false claims, each with two paraphrases."""
    rng = random.Random(seed)
    out = ['[sources]\ngenerated = "Generated for the speed benchmark"\n']
    for i in range(n):
        s, v, o, w = (rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS),
                      rng.choice(WHEN))
        s2, v2 = rng.choice(SUBJECTS), rng.choice(VERBS)
        out.append(
            f'[[claims]]\nid = "gen.{i}"\nclaim = "{s} {v} {o} {w}."\n'
            f'paraphrases = ["{s2} {v2} {o}.", "{o.capitalize()} were {v} by {s.lower()}."]\n'
            f'fact = "Generated fact {i}."\nsource = "generated"\n'
        )
    return "\n".join(out)


def measure(matcher: Matcher, articles: list[Article], repeat: int = 3) -> float:
    sentences = sum(len(a.sentences) for a in articles)
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()  # CPU time of this process: the machine may be busy
        for a in articles:
            matcher.check(a)
        best = min(best, time.process_time() - start)
    return sentences / best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--claims", type=int, default=1000)
    args = ap.parse_args()
    articles = corpus(args.articles)
    n_sent = sum(len(a.sentences) for a in articles)

    start = time.perf_counter()
    facts = load_facts(BUNDLED_FACTS)
    load_s = time.perf_counter() - start
    matcher = Matcher(facts)
    matcher.check(articles[0])  # warm the compiled patterns
    base = measure(matcher, articles)
    print(f"bundled facts: {len(facts.claims)} claims, {len(facts.figures)} figures; "
          f"load {load_s * 1000:.0f} ms")
    print(f"  {n_sent} sentences in {len(articles)} articles: {base:,.0f} sentences/s")

    with tempfile.TemporaryDirectory() as tmp:
        extra = Path(tmp) / "generated.toml"
        extra.write_text(extra_claims(args.claims), encoding="utf-8")
        start = time.perf_counter()
        big = load_facts([BUNDLED_FACTS, extra])
        load_s = time.perf_counter() - start
    grown_matcher = Matcher(big)
    grown_matcher.check(articles[0])
    grown = measure(grown_matcher, articles)
    print(f"with {args.claims} more realistic claims ({len(big.claims)} in all): "
          f"load {load_s * 1000:.0f} ms")
    print(f"  {n_sent} sentences: {grown:,.0f} sentences/s (speed ratio {grown / base:.2f})")


if __name__ == "__main__":
    main()
