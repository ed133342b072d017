"""Each cross-row / cross-table check, with a row that breaks it and one that does not."""
import pytest

import schemas
from schemas.consistency import facts_frame, failing_rows, ratio_halfwidth, stated_halfwidth, value_halfwidth
from tests.conftest import fact_row, write_validated
from tradestats.tables import load_table

PUBLISHED = {"s1": "2023-03-27", "s2": "2023-10-13"}


def row(table="turnover", n=1, **kw):
    base = dict(fact_id=f"c{n:012x}", source_id="s1", period_start="2022-01-01", period_end="2022-12-31")
    return fact_row(table, **{**base, **kw})


def failures(tmp_path, rows, checks):
    folder = write_validated(tmp_path, rows)
    tables = {}
    for name, table in schemas.VALIDATED.items():
        frame, problems = load_table(table, folder / f"{name}.csv", name)
        assert problems == []
        tables[name] = frame
    return failing_rows(facts_frame(tables, PUBLISHED), checks)


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
