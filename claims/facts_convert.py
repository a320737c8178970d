"""Convert a format 1 facts file (regular expressions) into a format 2 draft (plain data).

    result = convert(tomllib.loads(old_text), origin="old.toml")
    Path("new.toml").write_text(result.text)      # then: factwatch facts check new.toml

Best effort: the election, sources and candidates carry over; candidates'
roles become outcomes; figures become votes, shares, the count's totals or
``[[figures]]``; each false claim becomes a claim with its fact's statement.
Descriptors written as simple patterns ("the (?:former )?regional secretary")
are spelled out as plain phrases.  What format 2 no longer needs (framing
rules, measures, lexicon, claim patterns, markers, margins, which the built-in
grammar derives) is dropped, and the draft's opening comment lists it with
the reason, beside what the writer should check by hand.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from typing import Any

from factwatch.claims.facts_schema import parse_date, parse_figure
from factwatch.core.errors import FactsError
from factwatch.core.tomltext import assign

_GROUP = re.compile(r"\(\?:([^()]*)\)(\?)?")
_REGEX_LEFT = re.compile(r"[\\\[\](){}|^$*+?.]")
_PRONOUNS = {"male": "he", "female": "she", "m": "he", "f": "she"}


def is_format1(data: dict[str, Any]) -> bool:
    return data.get("format") == 1 or (
        data.get("format") is None and ("false_claims" in data or "framings" in data)
    )


@dataclass
class Conversion:
    text: str
    dropped: list[str] = field(default_factory=list)
    to_check: list[str] = field(default_factory=list)


def phrases(pattern: str, limit: int = 8) -> list[str] | None:
    """Spell out a simple pattern: 'the (?:former )?chair' -> ['the former chair', 'the chair']."""
    text = pattern.replace("\\x27", "'").replace("\\u2019", "\u2019").replace("\\b", "")
    todo = [re.sub(r"(?<=\w)(\w)\?", r"\1", text)]  # "workplaces?" -> "workplaces"
    done: list[str] = []
    while todo:
        text = todo.pop(0)
        m = _GROUP.search(text)
        if not m:
            done.append(" ".join(text.split()))
            continue
        options = m.group(1).split("|") + ([""] if m.group(2) else [])
        todo += [text[: m.start()] + o + text[m.end() :] for o in options]
        if len(todo) + len(done) > limit:
            return None
    if any(_REGEX_LEFT.search(p) or not p for p in done):
        return None
    return list(dict.fromkeys(done))


def convert(data: dict[str, Any], *, origin: str) -> Conversion:
    """A format 2 draft of a format 1 document."""
    if not is_format1(data):
        raise FactsError(f"{origin}: not a format 1 facts file (format = {data.get('format')!r})")
    _check_shape(data, origin)
    try:
        return _convert(data, origin=origin)
    except (AttributeError, TypeError, KeyError, ValueError) as exc:
        raise FactsError(
            f"{origin}: a value is not of the kind format 1 gives it ({exc}); fix it, or "
            "write the format 2 file from `factwatch facts new`"
        ) from exc


_LISTS_OF_TABLES = ("candidates", "figures", "false_claims", "framings", "measures")
_STRING_LISTS = ("variants", "descriptors", "aliases", "patterns", "paraphrases")


def _wrong_kind(origin: str, key: str, want: str, got: object) -> FactsError:
    return FactsError(f"{origin}: {key}: expected {want}, got {type(got).__name__}")


def _check_shape(data: dict[str, Any], origin: str) -> None:
    """The tables and lists format 1 has, of the kinds it has them, or an error naming
    the key."""
    for key in ("election", "sources"):
        if key in data and not isinstance(data[key], dict):
            raise _wrong_kind(origin, key, "a table", data[key])
    for key, value in (data.get("sources") or {}).items():
        if not isinstance(value, str):
            raise _wrong_kind(origin, f"sources.{key}", "a string", value)
    for key in _LISTS_OF_TABLES:
        items = data.get(key, [])
        if not isinstance(items, list):
            raise _wrong_kind(origin, key, "an array of tables", items)
        for i, item in enumerate(items):
            _check_item(item, f"{key}[{i}]", origin)


def _check_item(item: object, where: str, origin: str) -> None:
    if not isinstance(item, dict):
        raise _wrong_kind(origin, where, "a table", item)
    for sub in _STRING_LISTS:
        got = item.get(sub, [])
        if not isinstance(got, list) or not all(isinstance(x, str) for x in got):
            raise _wrong_kind(origin, f"{where}.{sub}", "a list of strings", got)


def _convert(data: dict[str, Any], *, origin: str) -> Conversion:
    out = Conversion("")
    sources = dict(data.get("sources") or {})
    if not sources:
        raise FactsError(f"{origin}: has no [sources]: every fact in format 2 names one")
    el = data.get("election") or {}
    election, dates = _election(el, sources, out)
    names, candidates = _candidates(data, out)
    results: dict[str, Any] = {}
    figures = _figures(data, el, names, candidates, election, results, out)
    _share_basis(candidates, results, out)
    _partial_votes(candidates, out)
    claims = _claims(data, el, election, out)
    _dropped_tables(data, out)

    lines = [*_header(origin, out), "", "format = 2", *_table("[election]", election)]
    if dates:
        lines += _table("[election.dates]", dates)
    lines += _table("[sources]", sources)
    for c in candidates:
        lines += _table("[[candidates]]", c)
    if results:
        lines += _table("[results]", results)
    for f in figures:
        lines += _table("[[figures]]", f)
    for c in claims:
        lines += _table("[[claims]]", c)
        lines.append("# paraphrases = [...]  # one plain sentence per way coverage puts it")
    out.text = "\n".join(lines) + "\n"
    return out


def _election(
    el: dict[str, Any], sources: dict[str, Any], out: Conversion
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The [election] table and its dates; the election's patterns and derived keys are
    dropped."""
    election: dict[str, Any] = {
        k: el[k] for k in ("name", "organisation", "office", "aliases") if k in el
    }
    election["source"] = el.get("source") or next(iter(sources))
    dates: dict[str, Any] = {}
    if parse_date(el.get("date")):
        dates["declared"] = parse_date(el["date"])
        out.to_check.append(
            "election.dates.declared is format 1's election.date: check it, "
            "and add the nomination and ballot dates."
        )
    gone: list[str] = [
        k for k in ("markers", "weak_markers", "other_markers", "electorate_of") if k in el
    ]
    if gone:
        out.dropped.append(
            f"election.{', '.join(gone)}: patterns. The grammar places statements "
            "in contests itself; record related contests as [[contests]]."
        )
    gone = [k for k in ("id", "year", "candidates_fact", "electorate_figure", "date") if k in el]
    if gone:
        out.dropped.append(f"election.{', '.join(gone)}: derived from the other facts.")
    return election, dates


def _candidates(
    data: dict[str, Any], out: Conversion
) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """Format 1 candidate id -> name, and the [[candidates]] tables."""
    names: dict[str, str] = {}
    candidates = []
    for c in data.get("candidates", []):
        names[c.get("id", c["name"])] = c["name"]
        candidates.append(_candidate(c, out))
    gone = [
        k
        for k in ("id", "place", "summary", "exclusive", "role")
        if any(k in c for c in data.get("candidates", []))
    ]
    if gone:
        out.dropped.append(
            f"candidates' {', '.join(gone)}: `outcome` says what became of each "
            "candidacy; places, ids and the rest are derived."
        )
    out.to_check.append(
        "Outcomes: format 1 knew only winner and loser. Set `withdrawn` (with "
        "the date) or `eliminated` (with the round) where that is what happened."
    )
    return names, candidates


def _dropped_tables(data: dict[str, Any], out: Conversion) -> None:
    """Format 1 tables the built-in grammar replaces."""
    for table, why in (
        ("framings", "framing rules are built in"),
        ("measures", "what a number measures is built in"),
        ("lexicon", "the grammar's words are built in"),
        ("claims", "rebuttal wording is built in"),
    ):
        if data.get(table):
            items = data[table]
            ids = ", ".join(i.get("id", "?") for i in items) if isinstance(items, list) else ""
            out.dropped.append(f"[{table}]" + (f" ({ids})" if ids else "") + f": {why}.")


def _table(header: str, items: dict[str, Any]) -> list[str]:
    """A table's lines; a key written "#votes" comes out commented ("# votes = 2410")."""
    lines = ["", header]
    for k, v in items.items():
        if k.startswith("#"):
            lines += [f"# {ln}" for ln in assign(k[1:], v)]
        else:
            lines += assign(k, v)
    return lines


def _partial_votes(candidates: list[dict[str, Any]], out: Conversion) -> None:
    """Votes for only some candidates do not load: keep them as comments to complete."""
    have = [c["name"] for c in candidates if "votes" in c]
    lack = [c["name"] for c in candidates if "votes" not in c]
    if not have or not lack:
        return
    for c in candidates:
        for k in ("votes", "share"):
            if k in c:
                c["#" + k] = c.pop(k)
    out.to_check.append(
        f"Votes: format 1 gave votes for {', '.join(have)} only; format 2 needs them for "
        f"every candidate on the ballot. Add the votes of {', '.join(lack)}, then uncomment "
        "the `votes` (and `share`) lines."
    )


def _header(origin: str, out: Conversion) -> list[str]:
    def bullets(items: list[str]) -> list[str]:
        return [
            ln
            for item in items
            for ln in textwrap.wrap(item, 92, initial_indent="#   - ", subsequent_indent="#     ")
        ]

    return [
        f"# Format 2 draft, converted from {origin} by `factwatch facts convert`.",
        "# Check it with `factwatch facts check`; docs/facts-format.md describes every key.",
        "#",
        "# To check by hand:",
        *bullets(out.to_check),
        "#",
        "# Dropped from format 1 (the grammar built into factwatch does this work now):",
        *bullets(out.dropped),
    ]


def _candidate(c: dict[str, Any], out: Conversion) -> dict[str, Any]:
    name = c["name"]
    t: dict[str, Any] = {"name": name}
    variants = [v for v in c.get("variants", []) if v not in (name, name.split()[-1])]
    if variants:
        t["variants"] = variants
    if str(c.get("gender", "")).lower() in _PRONOUNS:
        t["pronoun"] = _PRONOUNS[str(c["gender"]).lower()]
    descriptors: list[str] = []
    for pattern in c.get("descriptors", []):
        spelled = phrases(pattern)
        if spelled is None:
            out.dropped.append(
                f"{name}: descriptor {pattern!r} is a pattern too complex to "
                "spell out: write the phrases it stands for as `descriptors`."
            )
        else:
            descriptors += [d for d in spelled if d not in descriptors]
    if descriptors:
        t["descriptors"] = descriptors
    t["outcome"] = "winner" if c.get("role") == "winner" else "defeated"
    return t


def _figures(
    data: dict[str, Any],
    el: dict[str, Any],
    names: dict[str, str],
    candidates: list[dict[str, Any]],
    election: dict[str, Any],
    results: dict[str, Any],
    out: Conversion,
) -> list[dict[str, Any]]:
    """Each format 1 figure where format 2 keeps it: the electorate, a candidate's votes,
    share or nominations, the count's totals; margins are derived; the rest become
    [[figures]]."""
    by_name = {c["name"]: c for c in candidates}
    extra: list[dict[str, Any]] = []
    derived: list[str] = []
    for f in data.get("figures", []):
        measure, unit, value = f.get("measure"), f.get("unit"), f.get("value")
        who = names.get(f.get("subject") or "")
        cand = by_name.get(who or "")
        percent = unit == "percent"
        if f.get("id") == el.get("electorate_figure") or (measure == "ballots" and not percent):
            election["electorate"] = int(value)
        elif measure == "votes" and cand is not None:
            cand["share" if percent else "votes"] = value if percent else int(value)
        elif measure == "participation" and who is None:
            results["turnout" if percent else "total"] = value if percent else int(value)
        elif measure == "spoiled" and not percent:
            results["spoiled"] = int(value)
        elif measure in ("margin", "spoiled"):
            derived.append(f.get("id", measure))
        elif measure == "nominations" and cand is not None and not f.get("qualifier"):
            cand["nominations"] = int(value)
        else:
            extra.append(_other_figure(f, who))
    _figure_notes(data, derived, extra, out)
    return extra


def _other_figure(f: dict[str, Any], who: str | None) -> dict[str, Any]:
    """A [[figures]] entry: what it counts, whose, the value, source and statement."""
    measure, value = f.get("measure"), f.get("value")
    words = (phrases(f.get("qualifier", "")) or [""])[0].rstrip("s")
    item: dict[str, Any] = {"counts": f"{words} {measure}".strip()}
    if who:
        item["subject"] = who
    item["value"] = f"{value}%" if f.get("unit") == "percent" else value
    item.update({k: f[k] for k in ("source", "statement", "id") if k in f})
    return item


def _figure_notes(
    data: dict[str, Any], derived: list[str], extra: list[dict[str, Any]], out: Conversion
) -> None:
    """What the figures' conversion dropped, and what to check in the [[figures]] kept."""
    if derived:
        out.dropped.append(
            f"figures {', '.join(derived)}: margins and the spoiled share are "
            "derived from the votes."
        )
    if any(k in f for f in data.get("figures", []) for k in ("sig_figs", "approx", "qualifier")):
        out.dropped.append(
            "figures' sig_figs, approx, qualifier: the precision is how the value "
            'is written ("12%" or 12.2), and `counts` says what is counted.'
        )
    for f in extra:
        out.to_check.append(
            f"[[figures]] {f['counts']!r}: check that `counts` says what the "
            "number counts as coverage would put it."
        )


def _share_basis(
    candidates: list[dict[str, Any]], results: dict[str, Any], out: Conversion
) -> None:
    shares = [
        (c["votes"], parse_figure(c["share"])) for c in candidates if "share" in c and "votes" in c
    ]
    if not shares:
        return
    total, spoiled = results.get("total"), results.get("spoiled")
    wholes = {"cast": total, "valid": total - spoiled if total and spoiled is not None else None}
    for basis, whole in wholes.items():
        if whole and all(
            s is not None and abs(100 * v / whole - s.value) <= s.half_unit + 1e-9
            for v, s in shares
        ):
            results["share_basis"] = basis
            return
    out.to_check.append(
        "Shares: say what they are shares of with results.share_basis (cast, "
        "valid or electorate); the votes did not tell."
    )


def _claims(
    data: dict[str, Any], el: dict[str, Any], election: dict[str, Any], out: Conversion
) -> list[dict[str, Any]]:
    facts = {f.get("id"): f for f in data.get("facts", [])}
    used = {el.get("candidates_fact")}
    claims = []
    for fc in data.get("false_claims", []):
        fact = facts.get(fc.get("fact")) or {}
        used.add(fc.get("fact"))
        claim: dict[str, Any] = {"id": fc["id"]} if "id" in fc else {}
        claim["claim"] = fc.get("claim") or fc.get("explanation", "")
        claim["fact"] = fact.get("statement") or fc.get("explanation", "")
        claim["source"] = fact.get("source") or fc.get("source") or election["source"]
        if fc.get("severity") in ("low", "medium"):
            claim["severity"] = fc["severity"]
        claims.append(claim)
    if claims:
        out.dropped.append(
            "false_claims' require, boost, keywords, rebuttals: a claim is "
            "matched from its sentence and its paraphrases."
        )
        out.to_check.append(
            "Claims: add `paraphrases`, plain sentences, one per way coverage "
            "puts each claim (docs/facts-format.md says how)."
        )
    unused = [i for i in facts if i not in used]
    if unused:
        out.dropped.append(f"facts {', '.join(unused)}: not the fact of any claim.")
    if el.get("candidates_fact") in facts:
        out.dropped.append(
            f"facts {el['candidates_fact']}: the field's statement is derived from the candidates."
        )
    return claims
