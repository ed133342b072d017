"""End to end: the real ``dvc repro`` in a temporary copy of the repository.

The first test builds the package from the committed articles and hand-validated
tables and validates it with frictionless; the others break one thing each in a
copy of that built repository and check that ``dvc repro`` refuses with a message
naming the file, the line and the column.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from frictionless import Package

from tests.repo_copy import REPO, copy_repo, dvc_repro, run

pytestmark = pytest.mark.e2e


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def rewrite_cell(path: Path, line: int, column: str, value: str) -> None:
    rows = read_csv(path)
    header = list(rows[0])
    rows[line - 2][column] = value
    out = io.StringIO()
    writer = csv.DictWriter(out, header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    repo = copy_repo(tmp_path_factory.mktemp("e2e") / "repo")
    result = dvc_repro(repo)
    assert result.returncode == 0, result.stdout + result.stderr
    return repo


def test_dvc_repro_publishes_a_valid_package_with_the_seed_facts(built):
    report = Package(str(built / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    desc = json.loads((built / "datapackage.json").read_text())
    assert {r["name"] for r in desc["resources"]} == {"turnover", "exports", "imports", "commodities", "sources",
                                                      "trade_series", "countries", "hs_codes"}
    counts = {t: len(read_csv(built / "data" / f"{t}.csv")) for t in ("turnover", "exports", "imports", "commodities")}
    accepted = {t: len(read_csv(REPO / "validated" / f"{t}.csv")) for t in counts}
    assert counts == accepted, "every accepted fact is published, nothing else"
    assert sum(counts.values()) >= 23, "the 23 seed facts at least"
    text = {d["source_id"]: d["text"] for d in map(json.loads, (built / "build/documents.jsonl").read_text().splitlines())}
    for table in counts:
        for row in read_csv(built / "data" / f"{table}.csv"):
            assert text[row["source_id"]][int(row["char_start"]):int(row["char_end"])] == row["quote"]
    metrics = json.loads((built / "reports/validation.json").read_text())
    assert metrics["passed"] and metrics["pending"] == 0


def test_published_package_matches_the_committed_one(built):
    """The committed package and lock file are what the pipeline builds (nobody hand-edited data/)."""
    for name in ["datapackage.json", "dvc.lock", *(f"data/{p.name}" for p in (REPO / "data").glob("*.csv"))]:
        assert (built / name).read_text() == (REPO / name).read_text(), f"{name} is stale: run `make repro`"


def test_no_op_repro_changes_nothing(built, tmp_path):
    repo = copy_repo(tmp_path / "repo", built, with_build=True)
    before = (repo / "datapackage.json").read_bytes()
    result = dvc_repro(repo)
    assert result.returncode == 0, result.stderr
    assert (repo / "datapackage.json").read_bytes() == before


def broken_copy(built: Path, tmp_path: Path) -> Path:
    return copy_repo(tmp_path / "repo", built, with_build=True)


def test_bad_partner_code_fails_with_file_line_and_column(built, tmp_path):
    repo = broken_copy(built, tmp_path)
    rewrite_cell(repo / "validated/turnover.csv", 3, "partner", "AFX")
    before = (repo / "datapackage.json").read_bytes()
    result = dvc_repro(repo)
    assert result.returncode != 0
    assert "validated/turnover.csv" in result.stderr and "partner" in result.stderr and "'AFX'" in result.stderr
    assert any(line.split()[:2] == ["validated/turnover.csv", "3"] for line in result.stderr.splitlines()
               if line.strip().startswith("validated/turnover.csv")), result.stderr
    assert (repo / "datapackage.json").read_bytes() == before, "a failed run leaves the package as it was"


def test_quote_that_no_longer_matches_its_source_fails(built, tmp_path):
    repo = broken_copy(built, tmp_path)
    row = read_csv(repo / "validated/exports.csv")[0]
    rewrite_cell(repo / "validated/exports.csv", 2, "char_start", str(int(row["char_start"]) + 3))
    result = dvc_repro(repo)
    assert result.returncode != 0
    assert "validated/exports.csv" in result.stderr and "quote matches source" in result.stderr
    assert any(line.split()[:3] == ["validated/exports.csv", "2", "quote"] for line in
               (ln.strip() for ln in result.stderr.splitlines())), result.stderr


def test_pending_candidate_blocks_publishing(built, tmp_path):
    repo = broken_copy(built, tmp_path)
    (repo / "raw/900_test_article.txt").write_text(
        " date 2024-05-02\nOfficials met in the capital on Tuesday.\n\n"
        "Trade turnover between Kazakhstan and Mongolia in 2023 amounted to $310.5 million.\n", encoding="utf-8")
    with open(repo / "raw/metadata.csv", "a", encoding="utf-8") as fh:
        fh.write("900_test_article,2024-05-02,,A test article,\n")
    result = dvc_repro(repo)
    assert result.returncode != 0
    assert "1 candidate awaits review (900_test_article 1): run `review show`" in result.stderr
    assert "Traceback" not in result.stderr and ".venv/bin/review show" in result.stderr


def test_a_correction_in_validated_shows_in_the_data_diff(built, tmp_path):
    repo = broken_copy(built, tmp_path)
    run(repo, "git", "add", "-A")
    committed = run(repo, "git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "package")
    assert committed.returncode == 0, committed.stderr
    rows = read_csv(repo / "validated/turnover.csv")
    line, row = next((i + 2, r) for i, r in enumerate(rows) if r["period_start"] == "2024-01-01")
    new_value = str(int(row["value"]) + 100000)
    rewrite_cell(repo / "validated/turnover.csv", line, "value", new_value)
    rewrite_cell(repo / "validated/turnover.csv", line, "review", "corrected")
    rewrite_cell(repo / "validated/turnover.csv", line, "corrected_from", f"value={row['value']}")
    rewrite_cell(repo / "validated/turnover.csv", line, "note", "a test's correction")
    result = dvc_repro(repo)
    assert result.returncode == 0, result.stderr
    report = (repo / "reports/diff.md").read_text(encoding="utf-8")
    assert f"- changed `{row['fact_id']}` `value`: {row['value']} -> {new_value}" in report, report
    made = run(repo, "make", "--no-print-directory", "-o", ".venv/.installed", "diff")  # our environment, not a new one
    assert f"`{row['fact_id']}` `value`: {row['value']} -> {new_value}" in made.stdout, made.stdout + made.stderr
