"""The reconciled series: one value per statistic, chosen by stated rules; implied priors derived."""
from stages.reconcile import Statement, reconcile


def stated(fact_id, value, source="s1", published="2023-03-27", start="2022-01-01", end="2022-12-31",
           qualifier="exact", growth=None, char_start=0, table="turnover", reporter="KAZ", partner="AFG"):
    return Statement(table, fact_id, reporter, partner, start, end, value, "USD", qualifier, growth, source,
                     char_start, published)


def test_precise_figure_beats_a_round_one_from_a_later_source():
    points = reconcile([stated("c1", 987900000.0, growth=2.1),
                        stated("c2", 1000000000.0, source="s2", published="2023-10-13", reporter="AFG", partner="KAZ"),
                        stated("c3", 474300000.0, start="2021-01-01", end="2021-12-31")])
    [y2022] = [p for p in points if p.key[3] == "2022-01-01"]
    assert (y2022.value, y2022.fact_id, y2022.sources, y2022.rule) == (987900000.0, "c1", 2, "most precise figure")
    assert y2022.key[1:3] == ("AFG", "KAZ"), "turnover pairs are unordered"
    assert not [p for p in points if p.basis == "derived"], "the prior value is stated, so nothing is derived"


def test_approximate_loses_to_exact_and_primary_beats_comparison():
    points = reconcile([stated("c1", 500000000.0, qualifier="approx"), stated("c2", 480000000.0, source="s2")])
    assert (points[0].fact_id, points[0].rule) == ("c2", "most precise figure")
    comparison = [stated("c3", 2000000.0, start="2023-01-01", end="2023-12-31", char_start=10),
                  stated("c4", 1000000.0, char_start=10),  # quoted as the prior year beside c3
                  stated("c5", 1000000.0, source="s2", published="2020-01-01")]
    [p2022] = [p for p in reconcile(comparison) if p.key[3] == "2022-01-01"]
    assert (p2022.fact_id, p2022.rule) == ("c5", "primary statement")


def test_most_recent_publication_breaks_a_tie():
    points = reconcile([stated("c1", 5000000.0, published="2023-01-01"),
                        stated("c2", 5000000.0, source="s2", published="2024-01-01")])
    assert (points[0].fact_id, points[0].rule) == ("c2", "most recent publication")


def test_implied_prior_value_is_derived_and_marked():
    points = reconcile([stated("c1", 282600000.0, start="2023-01-01", end="2023-02-28", growth=1.946)])
    [derived] = [p for p in points if p.basis == "derived"]
    assert derived.key[3:6] == ("2022-01-01", "2022-02-28", "")
    assert derived.value == 145200000.0 and derived.fact_id == "c1" and derived.rule == "derived"
    assert "value / growth_ratio" in derived.method


def test_year_to_date_figures_of_different_dates_are_different_statistics():
    points = reconcile([stated("c1", 200000000.0, start="2024-01-01", end="", published="2024-03-10"),
                        stated("c2", 900000000.0, source="s2", start="2024-01-01", end="", published="2024-10-02")])
    assert sorted((p.key[5], p.fact_id, p.rule) for p in points) == [
        ("2024-03-10", "c1", "only statement"), ("2024-10-02", "c2", "only statement")]


def test_a_series_point_links_every_statement_of_its_figure_the_chosen_one_first():
    points = reconcile([stated("c1", 987900000.0, growth=2.1),
                        stated("c9", 1000000000.0, source="s2", qualifier="approx", reporter="AFG", partner="KAZ"),
                        stated("c5", 990000000.0, source="s3", qualifier="approx")])
    [y2022] = [p for p in points if p.key[3] == "2022-01-01"]
    assert y2022.fact_ids == ("c1", "c5", "c9")
    assert y2022.row()[-1] == "c1 c5 c9"
    [derived] = [p for p in points if p.basis == "derived"]
    assert derived.fact_ids == ("c1",), "a derived value links the facts it is derived from"


def test_year_back_is_the_consistency_checks_shift():
    """reconcile derives prior periods with plain dates; the consistency checks shift a period's two ends: the same."""
    import datetime as dt

    from schemas.consistency import shifted_year_back
    from schemas.tolerance import year_back
    for start, end in [("2024-02-29", "2024-03-31"), ("2023-01-01", "2023-12-31"), ("2021-03-01", "2021-02-28")]:
        s, e = shifted_year_back(dt.date.fromisoformat(start), dt.date.fromisoformat(end))
        assert (year_back(dt.date.fromisoformat(start)), year_back(dt.date.fromisoformat(end))) == (s, e)
    assert shifted_year_back(dt.date(2024, 2, 29), None) == (dt.date(2023, 2, 28), None)
