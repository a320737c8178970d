"""Article-body extraction quality on the shared extraction benchmark.

Scores, in one run and on the same pages, plain ``trafilatura.extract(html)``
(defaults) and factwatch's ``extract()`` (its body text: ``Article.text`` from
``metadata["body_start"]``, i.e. without the headline, because the benchmark's
ground truth has no headline), plus the variants that show what each choice
contributes.  The metric is the benchmark README's: 4-token shingles of ``\\w+``
tokens, per-page (tp, fp, fn) normalised to sum 1, precision and recall averaged
over pages, F1 of the two means.

    .venv/bin/python bench/extraction_quality.py [BENCH_DIR] [--variants]
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import warnings
from collections import Counter
from multiprocessing import Pool
from pathlib import Path

import trafilatura

from factwatch.core.errors import ExtractionError
from factwatch.scraper.extract import Extractor

WORD = re.compile(r"\w+")
BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench" / "extraction"


def _extractor_variant(**options):
    extractor = Extractor(**options)

    def run(html: str, url: str) -> str:
        try:
            article = extractor.extract(html, url=url)
        except ExtractionError:
            return ""
        return article.text[article.metadata["body_start"] :]

    return run


def _no_cleanup(html: str, url: str) -> str:
    extractor = Extractor()
    extractor._patterns = ()
    try:
        article = extractor.extract(html, url=url)
    except ExtractionError:
        return ""
    return article.text[article.metadata["body_start"] :]


MAIN = {
    "trafilatura defaults": lambda html, url: trafilatura.extract(html) or "",
    "factwatch extract()": _extractor_variant(),
}
VARIANTS = {
    "trafilatura precision, no comments": lambda html, url: (
        trafilatura.extract(html, favor_precision=True, include_comments=False) or ""
    ),
    "extract(), clean-up rules off": _no_cleanup,
    "extract(), recall mode": _extractor_variant(favor_precision=False, favor_recall=True),
    "extract(), balanced mode": _extractor_variant(favor_precision=False),
    "extract(), tables off": _extractor_variant(include_tables=False),
}


def shingles(text: str) -> Counter:
    tokens = WORD.findall(text or "")
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def counts(truth: str, prediction: str) -> tuple[int, int, int]:
    t, p = shingles(truth), shingles(prediction)
    return sum((t & p).values()), sum((p - t).values()), sum((t - p).values())


def score(rows: list[tuple[int, int, int]]) -> tuple[float, float, float]:
    """Precision, recall and F1 as the benchmark README defines them."""
    precisions, recalls = [], []
    for tp, fp, fn in rows:
        if fp == 0 and fn == 0:
            precisions.append(1.0)
            recalls.append(1.0)
            continue
        total = tp + fp + fn
        tp, fp, fn = tp / total, fp / total, fn / total
        if tp + fp > 0:
            precisions.append(tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(tp / (tp + fn))
    p = sum(precisions) / len(precisions)
    r = sum(recalls) / len(recalls)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


_PAGES: dict[str, tuple[str, str, str]] = {}
_NAMES: dict[str, object] = {}


def _init(bench: str, names: list[str]) -> None:
    warnings.simplefilter("ignore")
    truth = json.loads((Path(bench) / "ground-truth.json").read_text(encoding="utf-8"))
    for pid, item in truth.items():
        _PAGES[pid] = (item["articleBody"], item.get("url", ""), bench)
    _NAMES.update({n: {**MAIN, **VARIANTS}[n] for n in names})


def _run(pid: str) -> tuple[str, dict[str, tuple[int, int, int]]]:
    truth, url, bench = _PAGES[pid]
    raw = gzip.decompress((Path(bench) / "html" / f"{pid}.html.gz").read_bytes())
    html = raw.decode("utf-8", errors="replace")
    return pid, {name: counts(truth, fn(html, url)) for name, fn in _NAMES.items()}


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    bench = Path(args[0]) if args else BENCH
    names = list(MAIN) + (list(VARIANTS) if "--variants" in sys.argv else [])
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    with Pool(2, initializer=_init, initargs=(str(bench), names)) as pool:
        results = pool.map(_run, sorted(truth), chunksize=4)
    print(f"pages: {len(results)}")
    print(f"{'extractor':40s} {'precision':>9s} {'recall':>7s} {'F1':>6s}")
    for name in names:
        p, r, f1 = score([rows[name] for _, rows in results])
        print(f"{name:40s} {p:9.4f} {r:7.4f} {f1:6.4f}")


if __name__ == "__main__":
    main()
