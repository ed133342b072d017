"""Cross-row and cross-table checks of the fact tables, each a column of explanations over one frame.

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
from collections.abc import Callable
from dataclasses import dataclass
import numpy as np
import pandas as pd

from schemas.tolerance import APPROX_SHARE, agree, ratio_halfwidth, stated_halfwidth, value_halfwidth, value_tolerance


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


#: Stand-in for a missing key cell, so that joins and groups treat missing as one value, as the checks do.
MISSING = "\x00missing"
NO_DATE = np.iinfo(np.int64).min  # what NaT is as an integer


def _date_key(dates: pd.Series) -> np.ndarray:
    """Dates as integers (NaT included) for joining: equal dates, equal keys; NaT equals NaT."""
    return pd.to_datetime(dates).to_numpy(dtype="datetime64[ns]").view("int64")


def _keys(facts: pd.DataFrame) -> pd.DataFrame:
    """The columns the checks join on, beside the frame's own: which facts can speak of the same statistic.

    ``lo``/``hi`` are the two economies in sorted order (turnover is unordered); ``k1``/``k2``
    are :func:`pair_key`'s (sorted for turnover, reporter and partner otherwise). ``label`` is
    the row's index label and ``pos`` its position, so results come back in the frame's order.
    """
    keyed = facts.copy()
    reporter = keyed["reporter"].astype(object).where(keyed["reporter"].notna(), "").astype(str)
    partner = keyed["partner"].astype(object).where(keyed["partner"].notna(), "").astype(str)
    first = reporter <= partner
    keyed["lo"], keyed["hi"] = reporter.where(first, partner), partner.where(first, reporter)
    turnover = keyed["table"] == "turnover"
    keyed["k1"] = keyed["lo"].where(turnover, reporter)
    keyed["k2"] = keyed["hi"].where(turnover, partner)
    keyed["reporter"] = reporter
    keyed["goods"] = keyed["commodity"].astype(object).where(keyed["commodity"].notna(), "")
    keyed["start"], keyed["end"] = _date_key(keyed["period_start"]), _date_key(keyed["period_end"])
    keyed["label"], keyed["pos"] = keyed.index, np.arange(len(keyed))
    return keyed


def _tolerances(facts: pd.DataFrame, labels: set) -> pd.Series:
    """value_tolerance of each named row (reading the quote is the costly part: only rows a check compares)."""
    if "label" in facts:  # membership by a set of Python strings (isin on a string column converts the set first)
        rows = facts[np.fromiter((label in labels for label in facts["label"].tolist()), dtype=bool, count=len(facts))]
    else:
        rows = facts.loc[list(labels)]
    return pd.Series([value_tolerance(v, q, quote) for v, q, quote in
                      zip(rows["value"], rows["qualifier"], rows["quote"])], index=rows.index, dtype=float)


# --------------------------------------------------------------------------- the checks
# Each returns a Series of explanations aligned with the frame: "" where the row passes.

def sum_of_flows(facts: pd.DataFrame) -> pd.Series:
    """exports + imports = turnover for the same reporter, partner, period and source."""
    out = pd.Series("", index=facts.index, dtype=object)
    flows = _keys(facts[facts["table"].isin(["turnover", "exports", "imports"]) & facts["value"].notna()])
    same = ["source_id", "unit", "lo", "hi", "start", "end"]  # one pair of economies, one period, one source
    turnover = flows[flows["table"] == "turnover"]
    # each turnover is checked from both sides: the exports and imports of each of its two economies
    sides = pd.concat([turnover.assign(side=0, by=turnover["lo"]),
                       turnover[turnover["lo"] != turnover["hi"]].assign(side=1, by=turnover["hi"])])
    triples = sides[same + ["by", "label", "pos", "side"]]
    for table in ("exports", "imports"):
        part = flows[flows["table"] == table]
        only = part[part.groupby(same + ["reporter"], dropna=False)["label"].transform("size") == 1]
        triples = triples.merge(only[same + ["reporter", "label"]].rename(columns={"reporter": "by", "label": table}),
                                on=same + ["by"])
    if triples.empty:
        return out
    triples = triples.sort_values(["pos", "side"], kind="stable")  # a later failure's message wins, as row by row
    value, tolerance = flows["value"], _tolerances(flows, set(triples[["label", "exports", "imports"]].stack()))
    t, e, i = (triples[c].to_numpy() for c in ("label", "exports", "imports"))
    total = value.loc[e].to_numpy() + value.loc[i].to_numpy()
    tol = tolerance.loc[e].to_numpy() + tolerance.loc[i].to_numpy() + tolerance.loc[t].to_numpy()
    bad = np.abs(total - value.loc[t].to_numpy()) > tol
    for ti, ei, ii, sum_, allowed in zip(t[bad], e[bad], i[bad], total[bad], tol[bad]):
        why = (f"exports {value[ei]:.0f} ({ei}) + imports {value[ii]:.0f} ({ii}) "
               f"= {sum_:.0f}, but turnover is {value[ti]:.0f}; the stated figures allow +/- {allowed:.0f}")
        for j in (ti, ei, ii):
            out[j] = why
    return out


def growth_matches_prior(facts: pd.DataFrame) -> pd.Series:
    """A stated growth ratio agrees with the stated prior-period value in the same source."""
    out = pd.Series("", index=facts.index, dtype=object)
    # a source or unit that is missing matches nothing (as in ``==``); a missing period end matches a missing one
    usable = facts["value"].notna() & facts["source_id"].notna() & facts["unit"].notna() & facts["period_start"].notna()
    priors = _keys(facts[usable])
    rows = priors[priors["growth_ratio"].notna()].copy()
    if rows.empty:
        return out
    back = [shifted_year_back(s, e) for s, e in zip(rows["period_start"], rows["period_end"])]
    rows["start"] = _date_key(pd.Series([b[0] for b in back], index=rows.index, dtype="datetime64[ns]"))
    rows["end"] = _date_key(pd.Series([b[1] for b in back], index=rows.index, dtype="datetime64[ns]"))
    on = ["table", "k1", "k2", "source_id", "unit", "goods", "start", "end"]
    matches = rows[on + ["label"]].merge(priors[on + ["label"]].rename(columns={"label": "prior"}), on=on)
    matches = matches[matches.groupby("label")["prior"].transform("size") == 1]  # one prior value, or no check
    for idx, prior in zip(matches["label"], matches["prior"]):
        row, p = facts.loc[idx], facts.loc[prior]
        v, tv = row["value"], value_tolerance(row["value"], row["qualifier"], row["quote"])
        b, tb = p["value"], value_tolerance(p["value"], p["qualifier"], p["quote"])
        if b - tb <= 0:
            continue
        low, high = (v - tv) / (b + tb), (v + tv) / (b - tb)
        g, tg = row["growth_ratio"], ratio_halfwidth(row["growth_ratio"])
        if row["qualifier"] not in (None, "exact") or (p["qualifier"] not in (None, "exact")):
            tg = max(tg, APPROX_SHARE * g)
        if high < g - tg or low > g + tg:
            out[idx] = (f"growth ratio {g:g} but {v:.0f} / {b:.0f} ({prior}) = {v / b:.4g} "
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
    flows = _keys(facts[facts["table"].isin(["turnover", "exports", "imports"]) & facts["value"].notna()
                        & facts["period_start"].notna()])
    if flows.empty:
        return out
    # a year-to-date figure (no stated end) runs to its article's date: only the same date is the same statistic
    flows["as_of"] = np.where(flows["period_end"].isna(), _date_key(flows["published"]), NO_DATE)
    key = ["table", "k1", "k2", "start", "end", "as_of", "unit"]
    flows["source"] = flows["source_id"].fillna(MISSING)
    flows = flows[flows.groupby(key, dropna=False)["source"].transform("nunique") >= 2]
    if flows.empty:
        return out
    flows["group"] = flows.groupby(key, dropna=False, sort=False).ngroup()
    flows = flows.sort_values(["group", "pos"], kind="stable")
    labels, sources = flows["label"].to_numpy(), flows["source"].to_numpy()
    values = flows["value"].to_numpy(dtype=float)
    tols = _tolerances(flows, set(labels)).reindex(labels).to_numpy(dtype=float)
    bounds = np.flatnonzero(np.diff(flows["group"].to_numpy(), prepend=-1, append=-1))
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        v, t, s = values[lo:hi], tols[lo:hi], sources[lo:hi]
        # every pair of the group at once, as agree() computes it
        spread = np.maximum(np.maximum(np.abs(v)[:, None], np.abs(v)[None, :]), 1)
        differ = ~(np.abs(v[:, None] - v[None, :]) <= t[:, None] + t[None, :] + 1e-9 * spread)
        differ &= s[:, None] != s[None, :]
        # each row names the first row of the group (in table order) it disagrees with
        for k in np.flatnonzero(differ.any(axis=1)):
            j = int(np.argmax(differ[k]))
            out[labels[lo + k]] = f"{v[k]:.0f} here, {v[j]:.0f} in {s[j]} ({labels[lo + j]})"
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


def failing_rows(facts: pd.DataFrame, names: list[str]) -> dict[tuple[str, str], str]:
    """``{(check, "table:line"): explanation}`` for every failure of the named checks, ordered by check name and
    then row label.

    A row fails a check where the check explains it (a non-empty text): what a pandera
    schema of one dataframe check per consistency check reported, read off the
    explanations directly, without pandera's import.
    """
    if facts.empty or not names:
        return {}
    explanations = {n: CHECKS[n].explain(facts) for n in names}
    failed = []
    for n, e in explanations.items():
        hits = [i for i, why in enumerate(e.tolist()) if isinstance(why, str) and why != ""]
        failed += [(n, idx) for idx in (e.index[hits].tolist() if hits else [])]  # the labels of the failing rows only
    failed.sort()
    return {(check, idx): explanations[check][idx] for check, idx in failed}


__all__ = ["CHECKS", "facts_frame", "failing_rows", "ratio_halfwidth", "stated_halfwidth", "value_halfwidth",
           "value_tolerance"]
