"""The data diff: rows added, removed and changed per table, keyed by primary key."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import schemas
from stages.diff import package_diff
from tests.repo_copy import REPO
from tradestats.datadiff import Change, diff_table

HEADER = "fact_id,reporter,partner,value\n"


def test_keyed_diff_names_added_removed_and_changed_cells():
    table = schemas.FACT_TABLES["turnover"]
    old = HEADER + "c000000000001,AFG,KAZ,100\nc000000000002,AFG,KAZ,200\n"
    new = HEADER + "c000000000002,AFG,KAZ,250\nc000000000003,AZE,KAZ,300\n"
    d = diff_table(table, old, new)
    assert d.added == ["c000000000003"] and d.removed == ["c000000000001"]
    assert d.changed == [Change("c000000000002", "value", "200", "250")]


def test_reordered_rows_and_new_columns_are_not_cell_changes():
    table = schemas.SERIES
    old = "series_id,value\ns000000000001,1\ns000000000002,2\n"
    new = "series_id,value,fact_ids\ns000000000002,2,c1\ns000000000001,1,c2\n"
    d = diff_table(table, old, new)
    assert (d.added, d.removed, d.changed, d.columns_added) == ([], [], [], ["fact_ids"])
    assert diff_table(table, None, new).new_table


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=repo, check=True,
                   capture_output=True)


def test_a_change_since_the_commit_is_named_by_fact_id_column_and_both_values(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(REPO / "data", repo / "data")
    git(repo, "init", "-q")
    git(repo, "add", "data")
    git(repo, "commit", "-qm", "package")
    assert "No data changed." in package_diff(repo, "HEAD")
    path = repo / "data" / "turnover.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    fact_id = lines[1].split(",")[0]
    old_value = lines[1].split(",")[5]
    lines[1] = lines[1].replace(f",{old_value},", ",123456,", 1)
    path.write_text("".join(lines), encoding="utf-8")
    report = package_diff(repo, "HEAD")
    assert f"- changed `{fact_id}` `value`: {old_value} -> 123456" in report
    assert "| `turnover` | 0 | 0 | 1 | 1 |" in report


def test_outside_git_the_diff_says_there_is_nothing_to_compare_with(tmp_path):
    (tmp_path / "data").mkdir()
    assert "No committed package to compare with" in package_diff(tmp_path, "HEAD")
