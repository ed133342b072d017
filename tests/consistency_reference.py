"""The cross-row checks as first written: row by row over a pandas frame, quadratic, obviously right.

schemas/consistency.py computes the same explanations in plain Python, grouping by
dictionary keys; the tests run both on generated facts and require identical output.
Kept only as the definition to compare against (the one change: the two directions of
a pair are tried in sorted order, where the first version iterated a set, whose order
varies between runs). :func:`facts_frame` is the frame these checks read, as the
validate stage built it when it ran them on pandas; :func:`records` the same facts as
the plain checks take them.
"""
from __future__ import annotations

import pandas as pd

from schemas.consistency import APPROX_SHARE, FACT_FIELDS, agree, pair_key, ratio_halfwidth, shifted_year_back, value_tolerance


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
    columns = list(FACT_FIELDS)
    if not parts:
        return pd.DataFrame(columns=columns + ["published"])
    facts = pd.concat([p[columns] for p in parts])
    facts = facts.astype({"value": "float64", "growth_ratio": "float64"}).replace({pd.NA: None})
    for col in ("period_start", "period_end"):
        facts[col] = pd.to_datetime(facts[col])
    facts["published"] = pd.to_datetime(facts["source_id"].map(published))
    return facts


def records(facts: pd.DataFrame) -> list[dict]:
    """The frame's facts as schemas.consistency takes them: dates as ``datetime.date``, a missing cell None."""
    out = []
    for label, row in facts.iterrows():
        fact = {"label": label}
        for name, value in row.items():
            if pd.isna(value):
                value = None
            elif isinstance(value, pd.Timestamp):
                value = value.date()
            fact[name] = value
        out.append(fact)
    return out


def _same(a, b) -> bool:
    return (pd.isna(a) and pd.isna(b)) or (not pd.isna(a) and not pd.isna(b) and a == b)


def sum_of_flows(facts: pd.DataFrame) -> pd.Series:
    out = pd.Series("", index=facts.index, dtype=object)
    flows = facts[facts["table"].isin(["turnover", "exports", "imports"]) & facts["value"].notna()]
    for (source, unit), group in flows.groupby(["source_id", "unit"], dropna=False):
        for idx, t in group[group["table"] == "turnover"].iterrows():
            pair = set((t["reporter"], t["partner"]))
            same = group[group.apply(lambda r: set((r["reporter"], r["partner"])) == pair
                                     and _same(r["period_start"], t["period_start"])
                                     and _same(r["period_end"], t["period_end"]), axis=1)]
            for reporter in sorted(pair):
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


def sources_agree(facts: pd.DataFrame) -> pd.Series:
    out = pd.Series("", index=facts.index, dtype=object)
    flows = facts[facts["table"].isin(["turnover", "exports", "imports"]) & facts["value"].notna()
                  & facts["period_start"].notna()].copy()
    if flows.empty:
        return out
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
