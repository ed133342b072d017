"""Cross-row and cross-table checks of the fact tables, run as pandera checks.

A single figure can be typed wrong, a period misread, a direction flipped, and
two sources can disagree. Each check here looks at all fact tables at once (one
frame, one row per fact, indexed ``"<table>:<line>"``) and explains every row it
fails. Which checks are errors and which are warnings is set in ``params.yaml``.

Tolerances come from the figures as the quote writes them: a value written as
$987.9 million is only known to +/- $0.05 million, "2.1 times" to +/- 0.05, "$1
billion" to +/- $0.5 billion, "$100 million" to +/- $0.5 million. Two figures agree
when their rounding intervals overlap.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import pandera.errors
import pandera.pandas as pa

APPROX_SHARE = 0.05  # an "about", "over" or "under" figure is taken as +/- 5% at least


def value_halfwidth(value: float) -> float:
    """Half the last stated unit: 987900000 -> 50000; 1000000000 -> 500000000."""
    if value is None or pd.isna(value) or value == 0:
        return 0.5
    digits = format(abs(float(value)), "f").rstrip("0").rstrip(".")
    if "." in digits:
        return 0.5 * 10 ** -len(digits.split(".")[1])
    return 0.5 * 10 ** (len(digits) - len(digits.rstrip("0")))


#: A number as an article writes it: "987.9", "1,432", "1,14" (comma decimal), "26 400".
WRITTEN_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:(?:,\d{3})+|(?: \d{3})+)?(?:[.,]\d+)?(?![\d])|(?<![\d.,])\d+(?:[.,]\d+)?")
SCALES = (1.0, 1e3, 1e6, 1e9, 1e12)


def readings(token: str) -> list[tuple[float, int]]:
    """Each way to read a written number: (value, decimals). "1,432" is 1432 or 1.432; "987.9" is 987.9."""
    plain = token.replace(" ", "")
    out = []
    if "," in plain and "." not in plain and plain.count(",") == 1:
        whole, frac = plain.split(",")
        out.append((float(f"{whole}.{frac}"), len(frac)))  # a comma decimal
    grouped = plain.replace(",", "")
    whole, _, frac = grouped.partition(".")
    out.append((float(grouped), len(frac)))
    return out


def stated_halfwidth(value: float, quote: str | None) -> float | None:
    """Half the last unit of the figure as the quote writes it, or None when the quote does not show it.

    The stored value has lost how it was written: 100000000 may be "$100 million"
    (+/- 0.5 million) or "$0.1 billion" (+/- 50 million). The quote still says, so the
    figure is found there: a written number whose value times a scale word (thousand,
    million, billion, trillion) is the stored value. The most precise such reading wins.
    """
    if not quote or value is None or pd.isna(value) or value == 0:
        return None
    target = abs(float(value))
    best = None
    for m in WRITTEN_NUMBER.finditer(quote):
        for number, decimals in readings(m.group()):
            for scale in SCALES:
                if abs(number * scale - target) <= 1e-9 * target:
                    half = 0.5 * 10 ** -decimals * scale
                    best = half if best is None else min(best, half)
    return best


def value_tolerance(value: float, qualifier: str | None, quote: str | None = None) -> float:
    """How far the true figure may be from the stated one: its rounding, widened for "about", "over", "under"."""
    half = stated_halfwidth(value, quote)
    if half is None:
        half = value_halfwidth(value)
    if qualifier and qualifier != "exact":
        half = max(half, APPROX_SHARE * abs(float(value)))
    return half


def ratio_halfwidth(ratio: float) -> float:
    """Half the last stated decimal of a growth ratio: 2.1 -> 0.05; 1.826 -> 0.0005; 2 -> 0.5."""
    text = format(float(ratio), "f").rstrip("0").rstrip(".")
    return 0.5 * 10 ** -(len(text.split(".")[1]) if "." in text else 0)


def agree(a: float, ta: float, b: float, tb: float) -> bool:
    return abs(a - b) <= ta + tb + 1e-9 * max(abs(a), abs(b), 1)


def pair_key(row) -> tuple:
    """Turnover is unordered (A-B is B-A); a one-way flow keeps its reporter."""
    if row["table"] == "turnover":
        return ("turnover", *sorted((row["reporter"], row["partner"])))
    return (row["table"], row["reporter"], row["partner"])


def shifted_year_back(start, end):
    def back(d):
        if pd.isna(d):
            return d
        d = pd.Timestamp(d)
        day = min(d.day, calendar.monthrange(d.year - 1, d.month)[1])
        return d.replace(year=d.year - 1, day=day)

    return back(start), back(end)


def _same(a, b) -> bool:
    return (pd.isna(a) and pd.isna(b)) or (not pd.isna(a) and not pd.isna(b) and a == b)


# --------------------------------------------------------------------------- the checks
# Each returns a Series of explanations aligned with the frame: "" where the row passes.

def sum_of_flows(facts: pd.DataFrame) -> pd.Series:
    """exports + imports = turnover for the same reporter, partner, period and source."""
    out = pd.Series("", index=facts.index, dtype=object)
    flows = facts[facts["table"].isin(["turnover", "exports", "imports"]) & facts["value"].notna()]
    for (source, unit), group in flows.groupby(["source_id", "unit"], dropna=False):
        for idx, t in group[group["table"] == "turnover"].iterrows():
            pair = set((t["reporter"], t["partner"]))
            same = group[group.apply(lambda r: set((r["reporter"], r["partner"])) == pair
                                     and _same(r["period_start"], t["period_start"])
                                     and _same(r["period_end"], t["period_end"]), axis=1)]
            for reporter in pair:
                ex = same[(same["table"] == "exports") & (same["reporter"] == reporter)]
                im = same[(same["table"] == "imports") & (same["reporter"] == reporter)]
                if len(ex) != 1 or len(im) != 1:
                    continue
                e, i = ex.iloc[0], im.iloc[0]
                total = e["value"] + i["value"]
                tol = (value_tolerance(e["value"], e["qualifier"], e["quote"])
                       + value_tolerance(i["value"], i["qualifier"], i["quote"])
                       + value_tolerance(t["value"], t["qualifier"], t["quote"]))
                if abs(total - t["value"]) > tol:
                    why = (f"exports {e['value']:.0f} ({ex.index[0]}) + imports {i['value']:.0f} ({im.index[0]}) "
                           f"= {total:.0f}, but turnover is {t['value']:.0f}; the stated figures allow +/- {tol:.0f}")
                    for j in (idx, ex.index[0], im.index[0]):
                        out[j] = why
    return out


def growth_matches_prior(facts: pd.DataFrame) -> pd.Series:
    """A stated growth ratio agrees with the stated prior-period value in the same source."""
    out = pd.Series("", index=facts.index, dtype=object)
    with_growth = facts[facts["growth_ratio"].notna() & facts["value"].notna() & facts["period_start"].notna()]
    for idx, row in with_growth.iterrows():
        start, end = shifted_year_back(row["period_start"], row["period_end"])
        key = pair_key(row)
        prior = facts[(facts["source_id"] == row["source_id"]) & facts["value"].notna()
                      & (facts["unit"] == row["unit"]) & (facts["commodity"].fillna("") == (row["commodity"] or ""))
                      & facts["period_start"].eq(start)]
        prior = prior[prior.apply(lambda r: pair_key(r) == key and _same(r["period_end"], end), axis=1)]
        if len(prior) != 1:
            continue
        p = prior.iloc[0]
        v, tv = row["value"], value_tolerance(row["value"], row["qualifier"], row["quote"])
        b, tb = p["value"], value_tolerance(p["value"], p["qualifier"], p["quote"])
        if b - tb <= 0:
            continue
        low, high = (v - tv) / (b + tb), (v + tv) / (b - tb)
        g, tg = row["growth_ratio"], ratio_halfwidth(row["growth_ratio"])
        if row["qualifier"] not in (None, "exact") or (p["qualifier"] not in (None, "exact")):
            tg = max(tg, APPROX_SHARE * g)
        if high < g - tg or low > g + tg:
            out[idx] = (f"growth ratio {g:g} but {v:.0f} / {b:.0f} ({prior.index[0]}) = {v / b:.4g} "
                        f"(rounding allows {low:.4g}..{high:.4g})")
    return out


def period_order(facts: pd.DataFrame) -> pd.Series:
    """period_end is not before period_start."""
    bad = facts["period_start"].notna() & facts["period_end"].notna() & (facts["period_end"] < facts["period_start"])
    return _explain(facts, bad, lambda r: f"period_end {r['period_end']:%Y-%m-%d} is before period_start "
                                          f"{r['period_start']:%Y-%m-%d}")


def whole_months(facts: pd.DataFrame) -> pd.Series:
    """Periods are whole months: they start on a 1st and end on a month's last day."""
    start, end = facts["period_start"], facts["period_end"]
    bad_start = start.notna() & (start.dt.day != 1)
    bad_end = end.notna() & ~end.dt.is_month_end
    return _explain(facts, bad_start | bad_end,
                    lambda r: "period is not whole months: " + ", ".join(
                        s for s in (f"starts {r['period_start']:%Y-%m-%d}" if not pd.isna(r["period_start"])
                                    and r["period_start"].day != 1 else "",
                                    f"ends {r['period_end']:%Y-%m-%d}" if not pd.isna(r["period_end"])
                                    and not r["period_end"].is_month_end else "") if s))


def not_after_publication(facts: pd.DataFrame) -> pd.Series:
    """No period ends (or starts) after its source was published."""
    last = facts["period_end"].fillna(facts["period_start"])
    bad = last.notna() & facts["published"].notna() & (last > facts["published"])
    return _explain(facts, bad, lambda r: f"period reaches {(r['period_end'] if not pd.isna(r['period_end']) else r['period_start']):%Y-%m-%d}"
                                          f" but the source was published {r['published']:%Y-%m-%d}")


def sources_agree(facts: pd.DataFrame) -> pd.Series:
    """The same statistic from several sources agrees within rounding, or is a conflict."""
    out = pd.Series("", index=facts.index, dtype=object)
    flows = facts[facts["table"].isin(["turnover", "exports", "imports"]) & facts["value"].notna()
                  & facts["period_start"].notna()].copy()
    if flows.empty:
        return out
    # a year-to-date figure (no stated end) runs to its article's date: only the same date is the same statistic
    flows["_key"] = flows.apply(lambda r: (pair_key(r), r["period_start"], r["period_end"],
                                           r["published"] if pd.isna(r["period_end"]) else None, r["unit"]), axis=1)
    for _, group in flows.groupby("_key", dropna=False):
        if group["source_id"].nunique() < 2:
            continue
        rows = list(group.iterrows())
        for i, (ia, a) in enumerate(rows):
            for ib, b in rows[i + 1:]:
                if a["source_id"] == b["source_id"]:
                    continue
                if not agree(a["value"], value_tolerance(a["value"], a["qualifier"], a["quote"]),
                             b["value"], value_tolerance(b["value"], b["qualifier"], b["quote"])):
                    out[ia] = out[ia] or f"{a['value']:.0f} here, {b['value']:.0f} in {b['source_id']} ({ib})"
                    out[ib] = out[ib] or f"{b['value']:.0f} here, {a['value']:.0f} in {a['source_id']} ({ia})"
    return out


def _explain(facts: pd.DataFrame, bad: pd.Series, why: Callable) -> pd.Series:
    out = pd.Series("", index=facts.index, dtype=object)
    for idx in facts.index[bad.fillna(False).astype(bool)]:
        out[idx] = why(facts.loc[idx])
    return out


@dataclass(frozen=True)
class Consistency:
    name: str
    explain: Callable[[pd.DataFrame], pd.Series]

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


def facts_frame(tables: dict[str, pd.DataFrame], published: dict[str, str]) -> pd.DataFrame:
    """All fact tables as one frame indexed ``"<table>:<line>"``, with each source's publication date."""
    parts = []
    for name, frame in tables.items():
        if frame.empty:
            continue
        part = frame.copy()
        part["table"] = name
        part["line"] = part.index
        if "commodity" not in part:
            part["commodity"] = None
        part.index = [f"{name}:{line}" for line in part.index]
        parts.append(part)
    columns = ["table", "line", "reporter", "partner", "period_start", "period_end", "value", "unit", "qualifier",
               "growth_ratio", "commodity", "source_id", "quote"]
    if not parts:
        return pd.DataFrame(columns=columns + ["published"])
    facts = pd.concat([p[columns] for p in parts])
    facts = facts.astype({"value": "float64", "growth_ratio": "float64"}).replace({pd.NA: None})
    for col in ("period_start", "period_end"):
        facts[col] = pd.to_datetime(facts[col])
    facts["published"] = pd.to_datetime(facts["source_id"].map(published))
    return facts


def consistency_schema(explanations: dict[str, pd.Series]) -> pa.DataFrameSchema:
    """A pandera schema with one dataframe check per consistency check (explained once, up front)."""
    return pa.DataFrameSchema(checks=[
        pa.Check(lambda df, e=e: e.reindex(df.index).fillna("") == "", name=n, error=n)
        for n, e in explanations.items()
    ])


def failing_rows(facts: pd.DataFrame, names: list[str]) -> dict[tuple[str, str], str]:
    """``{(check, "table:line"): explanation}`` for every failure of the named checks."""
    if facts.empty or not names:
        return {}
    explanations = {n: CHECKS[n].explain(facts) for n in names}
    try:
        consistency_schema(explanations).validate(facts, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        failed = {(c["check"], c["index"]) for c in exc.failure_cases.to_dict("records") if c["index"] is not None}
        return {(check, idx): explanations[check][idx] for check, idx in sorted(failed)}
    return {}


__all__ = ["CHECKS", "facts_frame", "failing_rows", "ratio_halfwidth", "stated_halfwidth", "value_halfwidth",
           "value_tolerance"]
