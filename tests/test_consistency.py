"""Each cross-row / cross-table check, with a row that breaks it and one that does not."""
import random

import pandas as pd
import pytest

import schemas
from schemas.consistency import CHECKS, fact_records, failing_rows, ratio_halfwidth, stated_halfwidth, value_halfwidth
from tests import consistency_reference as reference
from tests.conftest import fact_row, write_validated
from tradestats.tables import load_table, load_table_parts

PUBLISHED = {"s1": "2023-03-27", "s2": "2023-10-13"}


def row(table="turnover", n=1, **kw):
    base = dict(fact_id=f"c{n:012x}", source_id="s1", period_start="2022-01-01", period_end="2022-12-31")
    return fact_row(table, **{**base, **kw})


def failures(tmp_path, rows, checks):
    folder = write_validated(tmp_path, rows)
    tables = {}
    for name, table in schemas.VALIDATED.items():
        loaded = load_table_parts(table, folder / f"{name}.csv", name)
        assert loaded.problems == []
        tables[name] = ([r.line for r in loaded.records], loaded.columns)
    return failing_rows(fact_records(tables, PUBLISHED), checks)


def flows(turnover="987900000", exports="978900000", imports="9100000"):
    return {"turnover": [row(value=turnover)],
            "exports": [row("exports", 2, value=exports)],
            "imports": [row("imports", 3, value=imports)]}


def test_rounding_comes_from_the_stated_digits():
    assert value_halfwidth(987900000) == 50000
    assert value_halfwidth(1000000000) == 500000000
    assert ratio_halfwidth(2.1) == 0.05 and ratio_halfwidth(1.826) == 0.0005


def test_rounding_is_read_from_how_the_quote_writes_the_figure():
    assert stated_halfwidth(100000000, "Exports reached $100 million in 2024.") == 500000
    assert stated_halfwidth(100000000, "Exports reached $0.1 billion in 2024.") == 50000000
    assert stated_halfwidth(1140000000, "Imports were $1,14 billion.") == 5000000  # a comma decimal
    assert stated_halfwidth(1432000, "They shipped goods worth $1,432 thousand.") == 500
    assert stated_halfwidth(987900000, "Turnover was $987.9 million.") == 50000
    assert stated_halfwidth(5000000, "A sentence without the figure.") is None  # falls back to the stored digits


def test_round_figures_in_the_quote_do_not_hide_a_wrong_sum(tmp_path):
    """$100 million is known to +/- 0.5 million, not +/- 50 million: 100 + 50 is not 200."""
    def quoted(table, n, amount, value):
        text = f"The figure for {table} was ${amount} million in 2022."
        return row(table, n, value=value, quote=text)

    rows = {"turnover": [quoted("turnover", 1, 200, "200000000")],
            "exports": [quoted("exports", 2, 100, "100000000")],
            "imports": [quoted("imports", 3, 50, "50000000")]}
    found = failures(tmp_path, rows, ["sum_of_flows"])
    assert {idx for _, idx in found} == {"turnover:2", "exports:2", "imports:2"}


def test_exports_plus_imports_within_rounding_pass(tmp_path):
    assert failures(tmp_path, flows(), ["sum_of_flows"]) == {}


def test_a_tenfold_typo_breaks_the_sum(tmp_path):
    found = failures(tmp_path, flows(turnover="98790000"), ["sum_of_flows"])
    assert {idx for _, idx in found} == {"turnover:2", "exports:2", "imports:2"}
    assert "98790000" in found[("sum_of_flows", "turnover:2")]


def test_growth_ratio_agrees_with_prior_value(tmp_path):
    ok = {"turnover": [row(value="987900000", growth_ratio="2.1"),
                       row(n=2, value="474300000", period_start="2021-01-01", period_end="2021-12-31")]}
    assert failures(tmp_path / "ok", ok, ["growth_matches_prior"]) == {}
    bad = {"turnover": [row(value="987900000", growth_ratio="2.1"),
                        row(n=2, value="374300000", period_start="2021-01-01", period_end="2021-12-31")]}
    found = failures(tmp_path / "bad", bad, ["growth_matches_prior"])
    assert list(found) == [("growth_matches_prior", "turnover:2")]


@pytest.mark.parametrize("check,overrides", [
    ("period_order", dict(period_start="2022-12-01", period_end="2022-01-31")),
    ("whole_months", dict(period_start="2022-01-15")),
    ("whole_months", dict(period_end="2022-06-29")),
    ("not_after_publication", dict(period_start="2023-01-01", period_end="2023-12-31")),
])
def test_period_checks(tmp_path, check, overrides):
    assert failures(tmp_path / "ok", {"turnover": [row()]}, [check]) == {}
    found = failures(tmp_path / "bad", {"turnover": [row(**overrides)]}, [check])
    assert list(found) == [(check, "turnover:2")]


def test_sources_agree_within_rounding_or_conflict(tmp_path):
    same = {"turnover": [row(value="987900000"), row(n=2, source_id="s2", value="1000000000")]}
    assert failures(tmp_path / "ok", same, ["sources_agree"]) == {}
    differ = {"turnover": [row(value="987900000"), row(n=2, source_id="s2", value="1500000000",
                                                       reporter="AFG", partner="KAZ")]}
    found = failures(tmp_path / "bad", differ, ["sources_agree"])
    assert set(found) == {("sources_agree", "turnover:2"), ("sources_agree", "turnover:3")}


def test_hs_code_must_exist_in_the_reference_table(tmp_path):
    folder = write_validated(tmp_path, {"commodities": [row("commodities", hs_code="1003"),
                                                        row("commodities", 2, hs_code="9999")]})
    _, problems = load_table(schemas.VALIDATED["commodities"], folder / "commodities.csv", "c")
    assert [(p.line, p.column, p.check) for p in problems] == [(3, "hs_code", "reference")]


def test_year_to_date_figures_of_different_dates_do_not_conflict(tmp_path):
    ytd = {"turnover": [row(value="200000000", period_start="2023-01-01", period_end=""),
                        row(n=2, source_id="s2", value="900000000", period_start="2023-01-01", period_end="")]}
    assert failures(tmp_path, ytd, ["sources_agree"]) == {}


# --- the joins give what the row-by-row definition gives --------------------------------------------------------

def random_facts(seed: int, n: int = 40):
    """A fact frame where collisions are common: few economies, periods, sources and round figures.

    Written for these tests; values mix exact and rounded digits so that some sums, growth
    ratios and cross-source figures agree within rounding and some do not.
    """
    rng = random.Random(seed)
    tables: dict[str, list[dict]] = {"turnover": [], "exports": [], "imports": [], "commodities": []}
    for line in range(2, n + 2):
        table = rng.choice(["turnover", "turnover", "exports", "imports", "commodities"])
        year = rng.choice([2021, 2022, 2022, 2022])
        ytd = rng.random() < 0.15
        amount = rng.choice([100, 200, 300, 987.9, 978.9, 9.1, 474.3, 1000, 1500])
        value = None if rng.random() < 0.1 else amount * 1e6
        tables[table].append(dict(
            reporter=rng.choice(["KAZ", "UZB", "KAZ", "UZB", "CHN"]), partner=rng.choice(["KAZ", "UZB", "CHN"]),
            period_start=f"{year}-01-01" if rng.random() < 0.95 else None,
            period_end=None if ytd else rng.choice([f"{year}-12-31", f"{year}-12-31", f"{year}-06-30"]),
            value=value, unit=rng.choice(["USD", "USD", "USD", "EUR"]),
            qualifier=rng.choice(["exact", "exact", "approx"]),
            growth_ratio=rng.choice([None, None, 2.1, 2.6, 1.5]), commodity=rng.choice(["wheat", "flour"]) if table == "commodities" else None,
            source_id=rng.choice(["s1", "s1", "s2", "s3"]),
            quote=f"It reached ${amount} million." if rng.random() < 0.7 else "A sentence.",
        ))
    frames = {name: pd.DataFrame(rows, index=range(2, 2 + len(rows))) for name, rows in tables.items()}
    return reference.facts_frame(frames, {"s1": "2023-03-27", "s2": "2023-10-13", "s3": "2024-01-15"})


@pytest.mark.parametrize("check", ["sum_of_flows", "growth_matches_prior", "sources_agree"])
def test_grouped_checks_explain_exactly_what_the_row_by_row_checks_explain(check):
    explained = 0
    for seed in range(30):
        facts = random_facts(seed, 40)
        got = CHECKS[check].explain(reference.records(facts))
        want = {label: why for label, why in getattr(reference, check)(facts).items() if why}
        assert got == want, f"seed {seed}"
        explained += len(got)
    assert explained >= 5  # the facts do break the check, often


def test_fact_records_are_the_frame_the_checks_were_written_for(tmp_path):
    """The plain facts validate checks are the reference frame's rows: same labels, values, dates, missing cells."""
    rows = {"turnover": [row(value="987900000", growth_ratio="2.1"), row(n=2, period_end="", value="")],
            "commodities": [row("commodities", 3, source_id="s2")]}
    folder = write_validated(tmp_path, rows)
    frames, columns = {}, {}
    for name, table in schemas.VALIDATED.items():
        loaded = load_table_parts(table, folder / f"{name}.csv", name)
        frames[name], columns[name] = loaded.frame, ([r.line for r in loaded.records], loaded.columns)
    want = reference.records(reference.facts_frame(frames, PUBLISHED))
    got = fact_records(columns, PUBLISHED)
    assert [f["label"] for f in got] == ["turnover:2", "turnover:3", "commodities:2"]
    assert got == want


def test_a_sum_is_checked_only_against_a_single_exports_and_imports_figure(tmp_path):
    """Two exports figures for the same reporter, pair, period and source: which one adds up is not known."""
    rows = flows(turnover="98790000")
    rows["exports"].append(row("exports", 4, value="978800000"))
    assert failures(tmp_path, rows, ["sum_of_flows"]) == {}


def test_a_sum_is_checked_from_both_economies(tmp_path):
    """Turnover KAZ-AFG is the sum of KAZ's exports and imports, and of AFG's: either side may break it."""
    rows = {"turnover": [row(value="987900000")],
            "exports": [row("exports", 2, value="978900000"), row("exports", 4, value="9000000",
                                                                   reporter="AFG", partner="KAZ")],
            "imports": [row("imports", 3, value="9100000"), row("imports", 5, value="900000000",
                                                                 reporter="AFG", partner="KAZ")]}
    found = failures(tmp_path, rows, ["sum_of_flows"])
    assert {idx for _, idx in found} == {"turnover:2", "exports:3", "imports:3"}


def test_growth_is_not_checked_without_a_single_prior_value(tmp_path):
    missing = {"turnover": [row(value="987900000", growth_ratio="2.1")]}
    assert failures(tmp_path / "missing", missing, ["growth_matches_prior"]) == {}
    prior = dict(period_start="2021-01-01", period_end="2021-12-31")
    several = {"turnover": [row(value="987900000", growth_ratio="2.1"), row(n=2, value="374300000", **prior),
                            row(n=3, value="374200000", **prior)]}
    assert failures(tmp_path / "several", several, ["growth_matches_prior"]) == {}
    other_source = {"turnover": [row(value="987900000", growth_ratio="2.1"),
                                 row(n=2, value="374300000", source_id="s2", **prior)]}
    assert failures(tmp_path / "other", other_source, ["growth_matches_prior"]) == {}


def test_growth_of_a_turnover_finds_its_prior_with_the_economies_swapped(tmp_path):
    rows = {"turnover": [row(value="987900000", growth_ratio="2.1"),
                         row(n=2, value="374300000", reporter="AFG", partner="KAZ", period_start="2021-01-01",
                             period_end="2021-12-31")]}
    assert list(failures(tmp_path, rows, ["growth_matches_prior"])) == [("growth_matches_prior", "turnover:2")]


def test_a_conflict_names_the_first_figure_that_disagrees(tmp_path):
    rows = {"turnover": [row(value="987900000"), row(n=2, source_id="s2", value="1500000000"),
                         row(n=3, source_id="s2", value="2500000000")]}
    found = failures(tmp_path, rows, ["sources_agree"])
    assert found[("sources_agree", "turnover:2")] == "987900000 here, 1500000000 in s2 (turnover:3)"
    assert found[("sources_agree", "turnover:4")] == "2500000000 here, 987900000 in s1 (turnover:2)"
