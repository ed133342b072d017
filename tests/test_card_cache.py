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
