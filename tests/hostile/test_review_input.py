"""Hostile article text on its way through review: formula cells, absurd numbers, a period after publication."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from stages.review import app
from tests.hostile.harness import Case, package_snapshot, run_pipeline
from tradestats.csvio import FORMULA_START

PARTNERS = {"=": "Mongolia", "+": "Iran", "-": "Georgia", "@": "Armenia"}
FORMULA_TEXT = " date 2022-03-01\n" + "".join(
    f"{start}Trade between Kazakhstan and {partner} reached $12.5 million in 2021.\n\n"
    for start, partner in PARTNERS.items())
ABSURD_TEXT = (" date 2022-03-01\n"
               "Trade between Kazakhstan and Mongolia reached $12345678901234567890123 in 2021.\n\n"
               "Trade between Kazakhstan and Iran reached $1e309 million in 2021.\n\n"
               "Trade between Kazakhstan and Georgia reached -$5 million in 2021.\n\n"
               "Trade between Kazakhstan and Armenia reached $NaN million in 2021.\n")
FUTURE_TEXT = " date 2022-03-01\nTrade between Kazakhstan and Mongolia reached $12.5 million in 2023.\n"

TOO_MANY_DIGITS = ("error: nothing was written",
                   "{id} column '--set value': expected a number that can be stored exactly (at most 15 "
                   "significant digits): this one has 22 (the extractor proposed '12345678901234567741440': correct "
                   "it) [got '12345678901234567741440']")
AFTER_PUBLICATION = ("error: nothing was written",
                     "review add column '--period-end': period reaches 2023-12-31 but the source was published "
                     "2022-03-01: expected a period that ends by the article's publication date (the validate check "
                     "not_after_publication) [got '2023-12-31']")

CASES = [
    Case("review", "cells starting with =, +, -, @ (formula injection)", "works",
         "every such cell of the review queue starts with ' (a spreadsheet shows it as text); `review apply` reads "
         "the exact text back, and data/*.csv publishes the quotes exactly as the article has them"),
    Case("review", "a 23-digit number (accepting it)", TOO_MANY_DIGITS,
         "the extractor reads $12345678901234567890123 as the float 12345678901234567741440"),
    Case("review", "1e309, a negative and NaN in an article", "works",
         "stops for review like any article: no candidate proposes a negative, infinite or NaN value"),
    Case("review", "a period after the publication date (review add)", AFTER_PUBLICATION),
]


def review(repo: Path, *args: str):
    result = CliRunner().invoke(app, ["--repo", str(repo), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


def add_article(repo: Path, name: str, text: str) -> None:
    (repo / "raw" / f"{name}.txt").write_text(text, encoding="utf-8")


def read_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def lines(output: str) -> list[str]:
    return [" ".join(line.split()) for line in output.splitlines() if line.strip()]


def test_formula_cells_are_neutralised_in_the_queue_and_exact_in_the_published_data(repo, monkeypatch):
    add_article(repo, "zz_formula", FORMULA_TEXT)
    before = package_snapshot(repo)
    stopped = run_pipeline(repo, monkeypatch)
    assert stopped.stages[-1] == "validate" and stopped.code and "Traceback" not in stopped.stderr
    assert "4 candidates await review (zz_formula 4): run `review show`" in stopped.stderr, stopped.stderr
    assert package_snapshot(repo) == before

    queue = repo / "queue.csv"
    review(repo, "export", "--out", str(queue))
    rows = read_rows(queue)
    assert sorted(r["quote"][:2] for r in rows) == sorted("'" + start for start in PARTNERS)
    assert not [cell for r in rows for cell in r.values() if cell.startswith(FORMULA_START)]
    for r in rows:
        r["decision"] = "accept"
    out = io.StringIO()
    writer = csv.DictWriter(out, list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    queue.write_text(out.getvalue(), encoding="utf-8")
    applied = review(repo, "apply", str(queue))
    assert applied.exit_code == 0 and "4 accepted" in applied.output, applied.output

    published = run_pipeline(repo, monkeypatch)
    assert published.code == 0, published.stderr
    text = FORMULA_TEXT
    facts = [r for r in read_rows(repo / "data/turnover.csv") if r["source_id"] == "zz_formula"]
    assert sorted(r["quote"][0] for r in facts) == sorted(PARTNERS)
    for r in facts:  # exact: no leading ', and the text at its offsets
        assert text[int(r["char_start"]):int(r["char_end"])] == r["quote"]
    kept = [r for r in read_rows(repo / "validated/turnover.csv") if r["source_id"] == "zz_formula"]
    assert sorted(r["quote"][0] for r in kept) == sorted(PARTNERS)


def test_absurd_numbers_stop_for_review_and_a_number_a_float_cannot_keep_is_refused(repo, monkeypatch):
    add_article(repo, "zz_absurd", ABSURD_TEXT)
    before = package_snapshot(repo)
    stopped = run_pipeline(repo, monkeypatch)
    assert stopped.stages[-1] == "validate" and stopped.code and "Traceback" not in stopped.stderr
    assert package_snapshot(repo) == before
    candidates = [r for r in read_rows(repo / "build/candidates.csv") if r["source_id"] == "zz_absurd"]
    values = [float(r["value"]) for r in candidates if r["value"]]
    assert values and all(v == v and 0 <= v < float("inf") for v in values)
    [big] = [r for r in candidates if r["partner"] == "MNG"]
    refused = review(repo, "accept", big["candidate_id"])
    assert refused.exit_code == 1
    assert lines(refused.output) == [line.replace("{id}", big["candidate_id"]) for line in TOO_MANY_DIGITS]
    assert package_snapshot(repo) == before


def test_a_period_after_the_publication_date_is_refused_before_it_is_written(repo, monkeypatch):
    add_article(repo, "zz_future", FUTURE_TEXT)
    run_pipeline(repo, monkeypatch, upto="extract")
    [figure] = [r for r in read_rows(repo / "build/figures.csv") if r["source_id"] == "zz_future"]
    tables = {p.name: p.read_bytes() for p in (repo / "validated").glob("*.csv")}
    refused = review(repo, "add", "--figure", figure["figure_id"], "--table", "turnover", "--reporter", "KAZ",
                     "--partner", "MNG", "--period-start", "2023-01-01", "--period-end", "2023-12-31",
                     "--qualifier", "exact")
    assert refused.exit_code == 1
    assert lines(refused.output) == list(AFTER_PUBLICATION)
    assert {p.name: p.read_bytes() for p in (repo / "validated").glob("*.csv")} == tables
    assert json.loads((repo / "datapackage.json").read_text())["resources"]
