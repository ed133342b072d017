"""The card's chart cache: an unchanged pair's chart is read back, a changed one is drawn again."""
from stages import card
from stages.card import build_card
from stages.common import REPO, params

POINTS = [{"reporter": "KAZ", "partner": "AFG", "flow": "turnover", "period_start": "2021-01-01",
           "period_end": "2021-12-31", "as_of": None, "value": 12.5e6, "unit": "USD", "basis": "stated"}]


def test_an_unchanged_chart_is_not_drawn_again_and_a_changed_one_is(tmp_path, monkeypatch):
    drawn = []
    monkeypatch.setattr(card, "chart_svg", lambda points, title: drawn.append(title) or f"<svg>{points[0]['value']}</svg>")
    used: set[str] = set()
    first = card.cached_chart_svg(POINTS, "Kazakhstan – Afghanistan", tmp_path, used)
    assert card.cached_chart_svg(POINTS, "Kazakhstan – Afghanistan", tmp_path, used) == first
    assert drawn == ["Kazakhstan – Afghanistan"]
    changed = [{**POINTS[0], "value": 13.5e6}]
    assert card.cached_chart_svg(changed, "Kazakhstan – Afghanistan", tmp_path, used) == "<svg>13500000.0</svg>"
    assert len(drawn) == 2
    card.prune_charts(tmp_path, {card.chart_key(changed, "Kazakhstan – Afghanistan") + ".svg"})
    assert len(list(tmp_path.glob("*.svg"))) == 1


def test_the_card_is_the_same_with_and_without_the_cache(tmp_path):
    args = (REPO / "data", REPO / "reports" / "validation.json", params("package"))
    fresh = build_card(*args)
    assert build_card(*args, cache_dir=tmp_path) == fresh
    assert build_card(*args, cache_dir=tmp_path) == fresh, "read back from the cache"


def test_a_chart_is_keyed_by_what_it_draws_only(tmp_path, monkeypatch):
    """One more source of a drawn point changes its `sources` and `fact_ids`, not the chart; any drawn field,
    the order of the points or the title does."""
    title = "Kazakhstan – Afghanistan"
    point = {**POINTS[0], "series_id": "s1", "sources": 1, "fact_ids": "c1", "rule": "only statement"}
    key = card.chart_key([point], title)
    assert card.chart_key([{**point, "sources": 2, "fact_ids": "c1 c9", "rule": "most recent publication"}],
                          title) == key
    for name, other in [("value", 13.5e6), ("period_end", "2021-06-30"), ("as_of", "2022-01-01"), ("unit", "EUR"),
                        ("basis", "derived"), ("flow", "export"), ("reporter", "AFG"), ("partner", "UZB"),
                        ("period_start", "2021-07-01")]:
        assert card.chart_key([{**point, name: other}], title) != key, name
    assert set(card.CHART_FIELDS) <= set(POINTS[0]), "every drawn field is a field of a series point"
    second = {**point, "value": 1.0}
    assert card.chart_key([point, second], title) != card.chart_key([second, point], title)
    assert card.chart_key([point], "Afghanistan – Kazakhstan") != key


def test_importing_the_card_imports_no_chart_or_table_library():
    """They are imported by the drawing of a chart only: a card whose charts are all cached does not pay for them."""
    import subprocess
    import sys
    code = ("import sys, stages.card; "
            "assert not {'altair', 'vl_convert', 'pandas', 'pyarrow', 'sqlite_utils'} & set(sys.modules), "
            "sorted({'altair', 'vl_convert', 'pandas', 'pyarrow', 'sqlite_utils'} & set(sys.modules))")
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)
