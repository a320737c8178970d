"""Claim matcher speed: sentences per second with the bundled facts and with 1,000 extra rules.

    .venv/bin/python bench/matcher_speed.py [--articles N] [--rules 1000]

The corpus is election coverage written for the benchmark (every rule family
fires somewhere in it) plus neutral sentences, built into articles of ten
paragraphs.  The generated facts file extends the bundled one with N extra
false claims and N extra framing rules, each with its own keywords and
patterns, so the pre-filter has real work to do.  Prints one line per run.
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

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "facts" / "unite-2017.toml"

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


def corpus(n_articles: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    articles = []
    for i in range(n_articles):
        paras = [" ".join(rng.sample(SENTENCES, 2)) for _ in range(10)]
        text, paragraphs = join_paragraphs(paras)
        a = Article(url=f"bench/{i}", canonical_url=f"bench/{i}", text=text, paragraphs=paragraphs)
        a.sentences = segment(paragraphs, text)
        articles.append(a)
    return articles


def generated_rules(n: int, seed: int = 11) -> str:
    """TOML adding n false claims and n framing rules with invented vocabulary."""
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"

    def word() -> str:
        return "".join(rng.choice(letters) for _ in range(rng.randint(6, 10)))

    parts = []
    for i in range(n):
        a, b, c = word(), word(), word()
        parts.append(
            f'[[false_claims]]\nid = "gen.claim.{i}"\nfact = "candidates.three"\n'
            f'claim = "Generated claim {i}."\nexplanation = "Generated claim {i}."\n'
            f'keywords = ["{a}", "{b}"]\n'
            f"require = [['\\b{a}\\b', '\\b{b}s?\\b'], ['\\b(?:{c}|neutral)\\b']]\n"
        )
        d, e = word(), word()
        parts.append(
            f'[[framings]]\nid = "gen.framing.{i}"\nfact = "candidates.three"\n'
            f'explanation = "Generated framing {i}."\nkeywords = ["{d}"]\n'
            f"patterns = ['\\bthe {d} (?:candidate|{e})\\b']\n"
        )
    return "\n".join(parts)


def measure(matcher: Matcher, articles: list[Article], repeat: int = 3) -> float:
    sentences = sum(len(a.sentences) for a in articles)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for a in articles:
            matcher.check(a)
        best = min(best, time.perf_counter() - start)
    return sentences / best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--rules", type=int, default=1000)
    args = ap.parse_args()
    articles = corpus(args.articles)
    n_sent = sum(len(a.sentences) for a in articles)

    start = time.perf_counter()
    facts = load_facts(BUNDLED)
    load_s = time.perf_counter() - start
    base = measure(Matcher(facts), articles)
    print(
        f"bundled facts: {len(facts.framings)} framings, {len(facts.false_claims)} claims, "
        f"{len(facts.figures)} figures; load {load_s * 1000:.0f} ms"
    )
    print(f"  {n_sent} sentences in {len(articles)} articles: {base:,.0f} sentences/s")

    with tempfile.TemporaryDirectory() as tmp:
        extra = Path(tmp) / "generated.toml"
        extra.write_text(generated_rules(args.rules), encoding="utf-8")
        start = time.perf_counter()
        big = load_facts([BUNDLED, extra])
        load_s = time.perf_counter() - start
    grown = measure(Matcher(big), articles)
    print(
        f"with {args.rules} generated claims + {args.rules} generated framings: "
        f"{len(big.framings)} framings, {len(big.false_claims)} claims; "
        f"load {load_s * 1000:.0f} ms"
    )
    print(f"  {n_sent} sentences: {grown:,.0f} sentences/s (per-sentence cost x{base / grown:.2f})")


if __name__ == "__main__":
    main()
