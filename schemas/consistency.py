"""Cross-row and cross-table checks of the fact tables, each a set of explanations over all facts at once.

A single figure can be typed wrong, a period misread, a direction flipped, and
two sources can disagree. Each check here looks at all fact tables at once (one
list of facts, each labelled ``"<table>:<line>"``) and explains every fact it
fails. Which checks are errors and which are warnings is set in ``params.yaml``.

Tolerances come from the figures as the quote writes them: a value written as
$987.9 million is only known to +/- $0.05 million, "2.1 times" to +/- 0.05, "$1
billion" to +/- $0.5 billion, "$100 million" to +/- $0.5 million. Two figures agree
when their rounding intervals overlap.

Plain Python over dicts, without pandas: the facts are grouped by dictionaries keyed
on what makes two facts speak of the same statistic (the validate stage runs these on
every fact on every run, and pandas' import alone cost it more than the checks).
``tests/consistency_reference.py`` keeps the row-by-row definition over a pandas frame;
the tests require the same explanations from both.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from schemas.tolerance import (APPROX_SHARE, agree, is_missing, ratio_halfwidth, stated_halfwidth, value_halfwidth,
                               value_tolerance, year_back)

#: The fields of a fact, as :func:`fact_records` makes them (dates as ``datetime.date``, a missing cell None).
FACT_FIELDS = ("table", "line", "reporter", "partner", "period_start", "period_end", "value", "unit", "qualifier",
               "growth_ratio", "commodity", "source_id", "quote")
FLOW_TABLES = ("turnover", "exports", "imports")
#: Stand-in for a missing source, so that grouping treats missing as one value, as the checks always have.
MISSING = "\x00missing"


def pair_key(row) -> tuple:
    """Turnover is unordered (A-B is B-A); a one-way flow keeps its reporter."""
    if row["table"] == "turnover":
        return ("turnover", *sorted((row["reporter"], row["partner"])))
    return (row["table"], row["reporter"], row["partner"])


def shifted_year_back(start, end):
    """Both ends of a period a year earlier (the 29th of February becomes the 28th); a missing end stays missing."""
    return (start if is_missing(start) else year_back(start)), (end if is_missing(end) else year_back(end))


def _date(value) -> dt.date | None:
    """A publication date (ISO text) as ``datetime.date``, None when unknown."""
    return dt.date.fromisoformat(value) if value else None


def fact_records(tables: Mapping[str, tuple[Sequence[int], Mapping[str, Sequence]]],
                 published: Mapping[str, str]) -> list[dict]:
    """Every fact of the fact tables, table by table in line order, with its source's publication date.

    ``tables`` maps a table's name to its rows' CSV lines and its typed columns
    (:func:`tradestats.tables.typed_columns`: a date as ``datetime.date``, a number as
    float, an empty cell None). Each fact is a dict of :data:`FACT_FIELDS`, ``published``
    (the date, None when unknown) and ``label`` (``"<table>:<line>"``).
    """
    facts = []
    dates: dict[str | None, dt.date | None] = {None: None}
    fields = FACT_FIELDS[2:]
    for name, (lines, columns) in tables.items():
        if not lines:
            continue
        rows = zip(lines, *(columns[c] if c in columns else [None] * len(lines) for c in fields))
        for line, *values in rows:
            fact = dict(zip(fields, values))
            sid = fact["source_id"]
            if sid not in dates:
                dates[sid] = _date(published.get(sid))
            fact.update(label=f"{name}:{line}", table=name, line=line, published=dates[sid])
            facts.append(fact)
    return facts


@functools.lru_cache(maxsize=None)
def _tolerance(value: float, qualifier: str | None, quote: str | None) -> float:
    """value_tolerance, worked out once per figure for all the checks (reading the quote is the costly part)."""
    return value_tolerance(value, qualifier, quote)


def _tol(fact: dict) -> float:
    return _tolerance(fact["value"], fact["qualifier"], fact["quote"])


def _economies(fact: dict) -> tuple[str, str, str]:
    """The fact's reporter, and its two economies in sorted order (a missing code as '', as one value)."""
    reporter, partner = fact["reporter"] or "", fact["partner"] or ""
    return (reporter, reporter, partner) if reporter <= partner else (reporter, partner, reporter)


# --------------------------------------------------------------------------- the checks
# Each returns ``{label: explanation}`` for the facts it fails.

def sum_of_flows(facts: Sequence[dict]) -> dict[str, str]:
    """exports + imports = turnover for the same reporter, partner, period and source."""
    out: dict[str, str] = {}
    turnovers, one_way = [], {}
    for fact in facts:
        if fact["table"] not in FLOW_TABLES or fact["value"] is None:
            continue
        reporter, lo, hi = _economies(fact)
        same = (fact["source_id"], fact["unit"], lo, hi, fact["period_start"], fact["period_end"])
        if fact["table"] == "turnover":
            turnovers.append((fact, same, lo, hi))
        else:  # one pair of economies, one period, one source: the only figure of its flow, or none is checked
            one_way.setdefault((fact["table"], same, reporter), []).append(fact)
    for t, same, lo, hi in turnovers:  # each turnover from both sides: each of its two economies' flows
        for by in ((lo, hi) if lo != hi else (lo,)):
            exports, imports = one_way.get(("exports", same, by), ()), one_way.get(("imports", same, by), ())
            if len(exports) != 1 or len(imports) != 1:
                continue
            e, i = exports[0], imports[0]
            total = e["value"] + i["value"]
            allowed = _tol(e) + _tol(i) + _tol(t)
            if abs(total - t["value"]) > allowed:  # a later failure's message wins
                why = (f"exports {e['value']:.0f} ({e['label']}) + imports {i['value']:.0f} ({i['label']}) "
                       f"= {total:.0f}, but turnover is {t['value']:.0f}; the stated figures allow +/- {allowed:.0f}")
                for j in (t, e, i):
                    out[j["label"]] = why
    return out


def _prior_key(fact: dict, start, end) -> tuple:
    reporter, lo, hi = _economies(fact)
    pair = (lo, hi) if fact["table"] == "turnover" else (reporter, fact["partner"] or "")
    return (fact["table"], *pair, fact["source_id"], fact["unit"], fact["commodity"] or "", start, end)


def growth_matches_prior(facts: Sequence[dict]) -> dict[str, str]:
    """A stated growth ratio agrees with the stated prior-period value in the same source."""
    out: dict[str, str] = {}
    # a source or unit that is missing matches nothing (as in ``==``); a missing period end matches a missing one
    usable = [f for f in facts if f["value"] is not None and f["source_id"] is not None and f["unit"] is not None
              and f["period_start"] is not None]
    growing = [f for f in usable if f["growth_ratio"] is not None]
    if not growing:
        return out
    by_key: dict[tuple, list[dict]] = {}
    for f in usable:
        by_key.setdefault(_prior_key(f, f["period_start"], f["period_end"]), []).append(f)
    for row in growing:
        priors = by_key.get(_prior_key(row, *shifted_year_back(row["period_start"], row["period_end"])), ())
        if len(priors) != 1:
            continue  # one prior value, or no check
        p = priors[0]
        v, tv = row["value"], _tol(row)
        b, tb = p["value"], _tol(p)
        if b - tb <= 0:
            continue
        low, high = (v - tv) / (b + tb), (v + tv) / (b - tb)
        g, tg = row["growth_ratio"], ratio_halfwidth(row["growth_ratio"])
        if row["qualifier"] not in (None, "exact") or (p["qualifier"] not in (None, "exact")):
            tg = max(tg, APPROX_SHARE * g)
        if high < g - tg or low > g + tg:
            out[row["label"]] = (f"growth ratio {g:g} but {v:.0f} / {b:.0f} ({p['label']}) = {v / b:.4g} "
                                 f"(rounding allows {low:.4g}..{high:.4g})")
    return out


def period_order(facts: Sequence[dict]) -> dict[str, str]:
    """period_end is not before period_start."""
    return {f["label"]: f"period_end {f['period_end']:%Y-%m-%d} is before period_start {f['period_start']:%Y-%m-%d}"
            for f in facts if f["period_start"] is not None and f["period_end"] is not None
            and f["period_end"] < f["period_start"]}


def _month_end(d: dt.date) -> bool:
    return d.day == calendar.monthrange(d.year, d.month)[1]


def whole_months(facts: Sequence[dict]) -> dict[str, str]:
    """Periods are whole months: they start on a 1st and end on a month's last day."""
    out = {}
    for f in facts:
        start, end = f["period_start"], f["period_end"]
        parts = [f"starts {start:%Y-%m-%d}" if start is not None and start.day != 1 else "",
                 f"ends {end:%Y-%m-%d}" if end is not None and not _month_end(end) else ""]
        if any(parts):
            out[f["label"]] = "period is not whole months: " + ", ".join(s for s in parts if s)
    return out


def not_after_publication(facts: Sequence[dict]) -> dict[str, str]:
    """No period ends (or starts) after its source was published."""
    out = {}
    for f in facts:
        last = f["period_end"] if f["period_end"] is not None else f["period_start"]
        if last is not None and f["published"] is not None and last > f["published"]:
            out[f["label"]] = f"period reaches {last:%Y-%m-%d} but the source was published {f['published']:%Y-%m-%d}"
    return out


def sources_agree(facts: Sequence[dict]) -> dict[str, str]:
    """The same statistic from several sources agrees within rounding, or is a conflict."""
    groups: dict[tuple, list[dict]] = {}
    for f in facts:
        if f["table"] not in FLOW_TABLES or f["value"] is None or f["period_start"] is None:
            continue
        reporter, lo, hi = _economies(f)
        pair = (lo, hi) if f["table"] == "turnover" else (reporter, f["partner"] or "")
        # a year-to-date figure (no stated end) runs to its article's date: only the same date is the same statistic
        as_of = f["published"] if f["period_end"] is None else None
        groups.setdefault((f["table"], *pair, f["period_start"], f["period_end"], as_of, f["unit"]), []).append(f)
    out: dict[str, str] = {}
    for group in groups.values():
        sources = [MISSING if f["source_id"] is None else f["source_id"] for f in group]
        if len(set(sources)) < 2:
            continue
        tols = [_tol(f) for f in group]
        for k, a in enumerate(group):  # each fact names the first fact of its group (in table order) it disagrees with
            for j, b in enumerate(group):
                if sources[j] != sources[k] and not agree(a["value"], tols[k], b["value"], tols[j]):
                    out[a["label"]] = f"{a['value']:.0f} here, {b['value']:.0f} in {sources[j]} ({b['label']})"
                    break
    return out


@dataclass(frozen=True)
class Consistency:
    name: str
    explain: Callable[[Sequence[dict]], dict[str, str]]

    @property
    def description(self) -> str:
        return (self.explain.__doc__ or self.name).strip().split("\n")[0]


CHECKS: dict[str, Consistency] = {c.name: c for c in (
    Consistency("sum_of_flows", sum_of_flows),
    Consistency("growth_matches_prior", growth_matches_prior),
    Consistency("period_order", period_order),
    Consistency("whole_months", whole_months),
    Consistency("not_after_publication", not_after_publication),
    Consistency("sources_agree", sources_agree),
)}


def failing_rows(facts: Sequence[dict], names: list[str]) -> dict[tuple[str, str], str]:
    """``{(check, "table:line"): explanation}`` for every failure of the named checks, ordered by check name and
    then row label."""
    if not facts or not names:
        return {}
    failed = {(n, label): why for n in names for label, why in CHECKS[n].explain(facts).items() if why}
    return {key: failed[key] for key in sorted(failed)}


__all__ = ["CHECKS", "FACT_FIELDS", "fact_records", "failing_rows", "pair_key", "ratio_halfwidth",
           "shifted_year_back", "stated_halfwidth", "value_halfwidth", "value_tolerance"]
