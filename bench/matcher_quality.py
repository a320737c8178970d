"""Claim matcher quality on the labelled article sets, per set, per kind and per election.

    .venv/bin/python bench/matcher_quality.py                 # every set, scores only
    .venv/bin/python bench/matcher_quality.py --show dev      # also list misses and false alarms
    .venv/bin/python bench/matcher_quality.py --only twohorse # one election

Sets:
- tests/fixtures/elections/<election>/{dev,test,quiet}.jsonl with that folder's
  facts.toml: dev halves are for development; test halves are held out (their
  misses are never printed: --show test is refused); quiet sets are correct
  coverage, scored as false alarms per 100 articles.  The elections written after
  the rules (those with no dev half, or whose tuned quiet set is quiet-dev.jsonl)
  hold their test and quiet sets out: scored only with --held-out, reported and
  totalled as held-out-test and held-out-quiet, never listed;
- tests/fixtures/claims/*.jsonl and the public dev set (tests/fixtures/claims/dev-cases.jsonl),
  all about the bundled election, scored with the bundled facts file.

Each case becomes an HTML news page (its "published" date, if given, in the
page metadata, as a news site would carry it), read by the same extractor and
matcher that `factwatch check` uses, and scored as ../shared/eval/score.py
scores: a finding matches an expected one of an acceptable kind whose key it
quotes; unmatched findings of a scored kind are false alarms.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from collections import Counter
from pathlib import Path

from factwatch.claims.facts import load_facts
from factwatch.claims.matcher import Matcher
from factwatch.core.settings import BUNDLED_FACTS
from factwatch.scraper.extract import extract

ROOT = Path(__file__).resolve().parents[1]
SCORED = ("framing", "omission", "figure", "unchallenged_claim")
PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>{title} | The Daily Ledger</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="The Daily Ledger">
<meta property="article:published_time" content="{date}T09:30:00+00:00">
<link rel="canonical" href="https://ledger.example/news/{slug}">
</head><body>
<header><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav></header>
<main><article>
<h1>{title}</h1>
{body}
</article>{aside}</main>
<footer><p>Copyright The Daily Ledger.</p></footer>
</body></html>
"""


def norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    text = text.replace("\u201d", '"').replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", text).strip().lower()


def page(case: dict, n: int) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in case["paragraphs"])
    aside = ""
    if case.get("aside"):
        items = "".join(f"<li>{html.escape(a)}</li>" for a in case["aside"])
        aside = f'<aside class="most-read"><h2>Most read</h2><ul>{items}</ul></aside>'
    date = case.get("published") or f"2017-{4 + n % 6:02d}-{1 + n % 27:02d}"
    return PAGE.format(
        title=html.escape(case["title"]), body=body, aside=aside, slug=case["id"], date=date
    )


def kinds_of(expect: dict) -> set[str]:
    k = expect["kind"]
    return set(k) if isinstance(k, list) else {k}


def score_cases(matcher: Matcher, cases: list[dict]) -> dict:
    tp, fp, fn = Counter(), Counter(), Counter()
    misses, alarms = [], []
    flagged_articles = 0
    for n, case in enumerate(cases):
        article = extract(page(case, n), url=f"https://ledger.example/news/{case['id']}")
        found = [f for f in matcher.check(article) if f.kind in SCORED]
        if found:
            flagged_articles += 1
        for exp in case.get("expect", []):
            kinds = kinds_of(exp)
            key = norm(exp["key"]) if exp.get("key") else None
            hit = next(
                (f for f in found if f.kind in kinds and (key is None or key in norm(f.quote))),
                None,
            )
            label = sorted(kinds)[0]
            if hit is not None:
                found.remove(hit)
                tp[label] += 1
            else:
                fn[label] += 1
                misses.append((case["id"], label, exp.get("key"), case.get("note", "")))
        for f in found:
            fp[f.kind] += 1
            alarms.append((case["id"], f.kind, f.quote[:100], f.explanation[:160]))
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "misses": misses,
        "alarms": alarms,
        "cases": len(cases),
        "flagged": flagged_articles,
    }


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load(path: Path) -> list[dict]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def sets(only: str | None) -> list[tuple[str, str, Path, Path]]:
    """(election, part, cases file, facts file) for every labelled set."""
    out = []
    elections = ROOT / "tests" / "fixtures" / "elections"
    for folder in (
        sorted(p for p in elections.iterdir() if p.is_dir()) if elections.exists() else []
    ):
        facts = folder / "facts.toml"
        if not facts.exists():
            facts = BUNDLED_FACTS if folder.name == "unite-2017" else facts
        # Written after the rules and never tuned on: the test and quiet sets of an
        # election whose tuned quiet set is quiet-dev.jsonl, or that has no dev half.
        held_out = (folder / "quiet-dev.jsonl").exists() or not (folder / "dev.jsonl").exists()
        for part in ("dev", "quiet-dev", "test", "quiet"):
            f = folder / f"{part}.jsonl"
            if not (f.exists() and facts.exists()):
                continue
            if part == "quiet-dev":
                name = "quiet"
            elif held_out and part != "dev":
                name = f"held-out-{part}"
            else:
                name = part
            out.append((folder.name, name, f, facts))
    claims = ROOT / "tests" / "fixtures" / "claims"
    for f in sorted(claims.glob("*.jsonl")):
        out.append(("unite-2017", f"own:{f.stem}", f, BUNDLED_FACTS))
    if only:
        out = [s for s in out if s[0] == only or s[1] == only or s[2].stem == only]
    return out


def _row(election: str, part: str, res: dict) -> str:
    cells = []
    for k in SCORED:
        t, f, n = res["tp"][k], res["fp"][k], res["fn"][k]
        cells.append(f"{t:>3}/{f:>2}/{n:>2}" if t + f + n else f"{'-':>9}")
    T, F, N = sum(res["tp"].values()), sum(res["fp"].values()), sum(res["fn"].values())
    p, r, f1 = prf(T, F, N)
    extra = ""
    if part.endswith("quiet"):
        extra = f"  false alarms per 100 articles: {100 * F / max(1, res['cases']):.1f}"
    return (
        f"{election:14} {part:22} {res['cases']:>5}  "
        + "  ".join(f"{c:>14}" for c in cells)
        + f"  {p:5.2f} {r:5.2f} {f1:5.2f}{extra}"
    )


def _show(res: dict) -> None:
    for cid, kind, k, note in res["misses"]:
        print(f"    missed       {cid}: {kind} {k!r}  [{note[:80]}]")
    for cid, kind, quote, why in res["alarms"]:
        print(f"    false alarm  {cid}: {kind} {quote!r}\n                 {why}")


def _totals(totals: dict[str, list[Counter]]) -> None:
    for key, (tp, fp, fn) in totals.items():
        parts = []
        for k in SCORED:
            p, r, f1 = prf(tp[k], fp[k], fn[k])
            parts.append(f"{k} P {p:.2f} R {r:.2f} F1 {f1:.2f}")
        p, r, f1 = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
        print(f"all {key:6} " + "; ".join(parts) + f"; micro F1 {f1:.3f}")


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--only", help="an election folder, a part (dev/test/quiet) or a set name")
    ap.add_argument(
        "--show",
        action="append",
        default=[],
        help="list misses and false alarms of these parts (dev, quiet, own)",
    )
    ap.add_argument(
        "--held-out",
        action="store_true",
        help="also score the held-out sets (scores only; leave them out while changing rules)",
    )
    ap.add_argument("--json", help="write the scores to this file")
    args = ap.parse_args()
    hidden = [s for s in args.show if s == "test" or s.startswith("held-out")]
    if hidden:
        ap.error(f"--show {hidden[0]}: held-out sets are scored, never listed")
    matchers: dict[Path, Matcher] = {}
    totals: dict[str, list[Counter]] = {}
    report = []
    print(
        f"{'election':14} {'set':22} {'cases':>5}  "
        + "  ".join(f"{k[:9]:>14}" for k in SCORED)
        + f"  {'P':>5} {'R':>5} {'F1':>5}"
    )
    for election, part, path, facts in sets(args.only):
        if part.startswith("held-out") and not args.held_out:
            continue
        if facts not in matchers:
            matchers[facts] = Matcher(load_facts(facts))
        res = score_cases(matchers[facts], load(path))
        print(_row(election, part, res))
        key = part.split(":")[0]
        totals.setdefault(key, [Counter(), Counter(), Counter()])
        for i, name in enumerate(("tp", "fp", "fn")):
            totals[key][i].update(res[name])
        report.append(
            {
                "election": election,
                "set": part,
                "cases": res["cases"],
                **{k: {"tp": res["tp"][k], "fp": res["fp"][k], "fn": res["fn"][k]} for k in SCORED},
            }
        )
        if key in args.show or part in args.show:
            _show(res)
    print()
    _totals(totals)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
