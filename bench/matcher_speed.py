"""Claim matcher speed: sentences per second, with the bundled facts and with 1,000 more claims.

    .venv/bin/python bench/matcher_speed.py [--articles 300] [--claims 1000]

The corpus is election coverage written for the benchmark (every rule family
fires somewhere in it) plus neutral sentences, built into articles of ten
paragraphs.  The larger facts file adds N known false claims written the way
a press office writes them: plain sentences with paraphrases, made of the
words real disputes use (staff, rules, ballots, counts, re-runs, money) and
the candidates' names, so that most sentences of the corpus share words with
many claims and the claim index has real work to do.  The matcher runs on one
core.  Speeds are per second of this process's CPU time, the best of
``--repeat`` runs of each facts file, the runs taking turns, so other work on
the machine disturbs them less and disturbs both alike.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import tomllib
from pathlib import Path

from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher
from factwatch.core.records import Article
from factwatch.core.segment import join_paragraphs, segment
from factwatch.core.settings import BUNDLED_FACTS

_WORDS = tomllib.loads(
    (Path(__file__).parent / "data" / "matcher-speed.toml").read_text(encoding="utf-8")
)
SENTENCES: list[str] = _WORDS["sentences"]
SUBJECTS: list[str] = _WORDS["subjects"]
VERBS: list[str] = _WORDS["verbs"]
OBJECTS: list[str] = _WORDS["objects"]
WHEN: list[str] = _WORDS["when"]


def corpus(n_articles: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    articles = []
    for i in range(n_articles):
        paras = [" ".join(rng.sample(SENTENCES, 2)) for _ in range(10)]
        text, paragraphs = join_paragraphs(paras)
        a = Article(
            url=f"bench/{i}",
            canonical_url=f"bench/{i}",
            text=text,
            paragraphs=paragraphs,
            published=_WORDS["published"],
        )
        a.sentences = segment(paragraphs, text)
        articles.append(a)
    return articles


def extra_claims(n: int, seed: int = 11) -> str:
    """TOML with n realistic known false claims, each with two paraphrases."""
    rng = random.Random(seed)
    out = ['[sources]\ngenerated = "Generated for the speed benchmark"\n']
    for i in range(n):
        s, v, o, w = (
            rng.choice(SUBJECTS),
            rng.choice(VERBS),
            rng.choice(OBJECTS),
            rng.choice(WHEN),
        )
        s2, v2 = rng.choice(SUBJECTS), rng.choice(VERBS)
        out.append(
            f'[[claims]]\nid = "gen.{i}"\nclaim = "{s} {v} {o} {w}."\n'
            f'paraphrases = ["{s2} {v2} {o}.", "{o.capitalize()} were {v} by {s.lower()}."]\n'
            f'fact = "Generated fact {i}."\nsource = "generated"\n'
        )
    return "\n".join(out)


def measure(
    matchers: list[Matcher], articles: list[Article], repeat: int = 5
) -> list[tuple[float, int]]:
    """Sentences per second of CPU time (best of ``repeat``) and the findings made, for
    each matcher, their runs taking turns so that a busy spell of the machine falls on
    all of them alike."""
    sentences = sum(len(a.sentences) for a in articles)
    best = [float("inf")] * len(matchers)
    found = [0] * len(matchers)
    for _ in range(repeat):
        for i, matcher in enumerate(matchers):
            start = time.process_time()  # CPU time of this process: the machine may be busy
            found[i] = sum(len(matcher.check(a)) for a in articles)
            best[i] = min(best[i], time.process_time() - start)
    return [(sentences / b, f) for b, f in zip(best, found, strict=True)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--claims", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=5, help="runs of each, taking turns")
    args = ap.parse_args()
    articles = corpus(args.articles)
    n_sent = sum(len(a.sentences) for a in articles)

    start = time.perf_counter()
    facts = load_facts(BUNDLED_FACTS)
    load_s = time.perf_counter() - start
    matcher = Matcher(facts)
    matcher.check(articles[0])  # warm the compiled patterns
    with tempfile.TemporaryDirectory() as tmp:
        extra = Path(tmp) / "generated.toml"
        extra.write_text(extra_claims(args.claims), encoding="utf-8")
        start = time.perf_counter()
        big = load_facts([BUNDLED_FACTS, extra])
        big_load_s = time.perf_counter() - start
    grown_matcher = Matcher(big)
    grown_matcher.check(articles[0])
    (base, base_found), (grown, grown_found) = measure(
        [matcher, grown_matcher], articles, args.repeat
    )
    print(
        f"bundled facts: {len(facts.claims)} claims, {len(facts.figures)} figures; "
        f"load {load_s * 1000:.0f} ms"
    )
    print(
        f"  {n_sent} sentences in {len(articles)} articles: {base:,.0f} sentences/s, "
        f"{base_found} findings"
    )
    print(
        f"with {args.claims} more realistic claims ({len(big.claims)} in all): "
        f"load {big_load_s * 1000:.0f} ms"
    )
    print(
        f"  {n_sent} sentences: {grown:,.0f} sentences/s, {grown_found} findings "
        f"(speed ratio {grown / base:.2f})"
    )


if __name__ == "__main__":
    main()
