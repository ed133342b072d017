"""The data card: built from the package, and drawn by a real browser (headless Chromium)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from stages.card import build_card, period_months
from stages.common import params
from tests.repo_copy import REPO

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (.ci/run installs the Debian package)")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return found


def browse(page: Path, *args: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
                              capture_output=True, text=True, timeout=120)


def test_committed_card_is_what_the_package_builds():
    built = build_card(REPO / "data", REPO / "reports" / "validation.json", params("package"))
    assert built == (REPO / "docs" / "index.html").read_text(encoding="utf-8"), "docs/index.html is stale: make repro"


def test_card_is_self_contained_and_tells_the_story():
    card = (REPO / "docs" / "index.html").read_text(encoding="utf-8")
    assert "<script" not in card and "http://" not in card.replace("http://www.w3.org", "")
    for heading in ("Coverage", "Series by pair", "Latest facts", "Validation", "Sources", "How to load"):
        assert f">{heading}</h2>" in card
    assert "Afghanistan – Kazakhstan" in card and "CC-BY-4.0" in card
    assert card.count('<figure class="chart"') == 2


def test_period_months():
    assert period_months("2022-01-01", "2022-12-31") == 12
    assert period_months("2023-01-01", "2023-02-28") == 2
    assert period_months("2023-01-01", None) == 0


def test_headless_chromium_draws_the_charts(tmp_path):
    page = tmp_path / "index.html"
    shutil.copy(REPO / "docs" / "index.html", page)
    dom = browse(page, "--dump-dom")
    assert dom.returncode == 0, dom.stderr
    figures = re.findall(r'<figure class="chart".*?</figure>', dom.stdout, re.S)
    assert len(figures) == 2
    for fig in figures:
        assert "<svg" in fig
        lines = re.findall(r'<g class="mark-line[^"]*"[^>]*>(.*?)</g>', fig, re.S)
        assert lines and all("<path" in g for g in lines), "every chart draws its lines"
        assert re.search(r'<g class="mark-symbol[^"]*"[^>]*><path', fig), "and its points"
    shot = tmp_path / "card.png"
    result = browse(page, "--window-size=1280,2400", f"--screenshot={shot}")
    assert result.returncode == 0 and shot.stat().st_size > 10_000


def test_the_latest_facts_are_the_first_of_every_fact_sorted_ties_kept_in_order():
    """The card's ten latest facts are those a sort of every fact would put first, ties in table and file order."""
    from stages.card import latest_facts

    sources = {"s1": {"published": "2024-01-01"}, "s2": {"published": "2024-06-01"}, "s3": {"published": ""}}
    tables = {name: [] for name in ("turnover", "exports", "imports", "commodities")}
    for i in range(30):
        fact = {"source_id": f"s{1 + i % 3}", "char_start": i % 4, "fact_id": f"c{i % 5}", "value": i}
        tables[("turnover", "exports", "imports", "commodities")[i % 4]].append(fact)
    every = [{**r, "table": name} for name in tables for r in tables[name]]
    every.sort(key=lambda r: (sources[r["source_id"]]["published"], r["source_id"], -r["char_start"], r["fact_id"]),
               reverse=True)
    for n in (1, 10, 29, 30, 40):
        assert latest_facts(tables, sources, n) == every[:n]
