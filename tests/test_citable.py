"""The package is citable: one licence for the code, one for the data, stated alike everywhere; sources named."""
from __future__ import annotations

import csv
import json
import tomllib

import yaml

from tests.repo_copy import REPO
import schemas
from stages.publish import cells_in_order


def package_params() -> dict:
    return yaml.safe_load((REPO / "params.yaml").read_text(encoding="utf-8"))["package"]


def test_code_licence_is_the_same_in_license_and_pyproject():
    licence = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["license"]
    assert licence == "MIT" and (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_data_licence_is_the_same_in_params_package_citation_and_readme():
    data_licence = [lic["name"] for lic in package_params()["licenses"]]
    assert data_licence == ["CC-BY-4.0"]
    desc = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    assert [lic["name"] for lic in desc["licenses"]] == data_licence
    citation = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["license"] == data_licence[0]
    assert citation["version"] == package_params()["version"] == desc["version"]
    assert citation["title"] == package_params()["title"]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "CC-BY-4.0" in readme and "MIT" in readme


def test_every_seed_source_has_a_title_and_published_metadata():
    with open(REPO / "raw" / "metadata.csv", newline="", encoding="utf-8") as fh:
        meta = {r["source_id"]: r for r in csv.DictReader(fh)}
    with open(REPO / "data" / "sources.csv", newline="", encoding="utf-8") as fh:
        published = {r["source_id"]: r for r in csv.DictReader(fh)}
    assert set(meta) == set(published)
    for sid, row in meta.items():
        assert row["title"], f"raw/metadata.csv: source {sid} has no title"
        for column in ("title", "url", "publisher"):
            assert published[sid][column] == row[column], (sid, column)


def test_turnover_pairs_are_published_in_alphabetical_order():
    for name, expected in (("turnover", ("AFG", "KAZ")), ("exports", ("KAZ", "AFG"))):
        table = schemas.FACT_TABLES[name]
        cells = ["" if c not in ("reporter", "partner") else {"reporter": "KAZ", "partner": "AFG"}[c]
                 for c in table.columns]
        ordered = cells_in_order(table, cells)
        assert (ordered[table.columns.index("reporter")], ordered[table.columns.index("partner")]) == expected
    for name in ("turnover", "trade_series"):
        with open(REPO / "data" / f"{name}.csv", newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if name == "turnover" or row["flow"] == "turnover":
                    assert row["reporter"] < row["partner"], (name, row)


def test_every_dated_flow_fact_is_linked_from_a_series_row():
    with open(REPO / "data" / "trade_series.csv", newline="", encoding="utf-8") as fh:
        linked = {i for r in csv.DictReader(fh) for i in r["fact_ids"].split()}
    for name in ("turnover", "exports", "imports"):
        with open(REPO / "data" / f"{name}.csv", newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row["value"] and row["period_start"]:
                    assert row["fact_id"] in linked, (name, row["fact_id"])
