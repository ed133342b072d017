"""The typed SQLite database and Parquet files built from the committed package."""
from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import asyncio

import pyarrow as pa
import yaml
import pyarrow.parquet as pq
import pytest
import sqlite_utils

import schemas
from stages import database
from tests.repo_copy import REPO
from tradestats.errors import InputError
from tradestats.typed_export import ARROW_TYPES, creation_order


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    database.main(["--data", str(REPO / "data"), "--out", str(out), "--datasette", str(out / "datasette.yml")])
    return out


@pytest.fixture(scope="module")
def db(dist) -> sqlite_utils.Database:
    return sqlite_utils.Database(dist / database.SQLITE)


def csv_rows(name: str) -> list[dict[str, str]]:
    with open(REPO / "data" / f"{name}.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_every_resource_is_a_table_with_its_primary_and_foreign_keys(db):
    assert set(schemas.PUBLISHED) <= set(db.table_names())
    for name, table in schemas.PUBLISHED.items():
        assert db[name].pks == list(table.primary_key), name
        declared = {(fk.fields, fk.resource, fk.reference_fields) for fk in table.foreign_keys}
        found = {(fk.column, fk.other_table, fk.other_column) for fk in db[name].foreign_keys}
        assert found == declared, name
        assert db[name].count == len(csv_rows(name)), name


def test_foreign_keys_hold(db):
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("SELECT count(*) FROM commodities WHERE hs_code IS NOT NULL").fetchone()[0] > 0


def test_codes_are_text_with_leading_zeros(db):
    assert db["hs_codes"].columns_dict["hs_code"] is str
    assert db.execute("SELECT typeof(hs_code) FROM hs_codes WHERE hs_code = '0101'").fetchall() == [("text",)]
    assert db.execute("SELECT count(*) FROM hs_codes WHERE typeof(hs_code) != 'text'").fetchone() == (0,)


def test_declared_types_and_nulls_for_empty_cells(db):
    for name, table in schemas.PUBLISHED.items():
        types = db[name].columns_dict
        for f in table.fields:
            assert types[f.name] is {"string": str, "date": str, "integer": int, "number": float}[f.type], (name, f.name)
    assert db.execute("SELECT count(*) FROM turnover WHERE note = '' OR corrected_from = ''").fetchone() == (0,)
    empty_notes = sum(r["note"] == "" for r in csv_rows("turnover"))
    assert db.execute("SELECT count(*) FROM turnover WHERE note IS NULL").fetchone() == (empty_notes,)
    row = db.execute("SELECT typeof(value), typeof(char_start), typeof(period_start), period_start "
                     "FROM turnover WHERE value IS NOT NULL AND period_start IS NOT NULL LIMIT 1").fetchone()
    assert row[:3] == ("real", "integer", "text")
    dt.date.fromisoformat(row[3])


def test_full_text_search_on_quotes(db):
    hits = list(db["turnover"].search("turnover"))
    assert hits and all("turnover" in h["quote"].lower() for h in hits)


def test_parquet_types_match_the_schemas(dist):
    for name, table in schemas.PUBLISHED.items():
        arrow = pq.read_table(dist / database.PARQUET / f"{name}.parquet")
        assert arrow.schema.names == table.columns
        for f in table.fields:
            assert arrow.schema.field(f.name).type == ARROW_TYPES[f.type], (name, f.name)
        assert arrow.num_rows == len(csv_rows(name))
    hs = pq.read_table(dist / database.PARQUET / "hs_codes.parquet").column("hs_code").to_pylist()
    assert "0101" in hs
    commodities = pq.read_table(dist / database.PARQUET / "commodities.parquet")
    assert commodities.schema.field("period_start").type == pa.date32()
    assert None in commodities.column("value").to_pylist()


def test_a_cell_of_the_wrong_type_names_file_line_and_column(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    rows = (data / "turnover.csv").read_text(encoding="utf-8").splitlines()
    header = rows[0].split(",")
    cells = next(csv.reader([rows[1]]))
    cells[header.index("char_start")] = "x12"
    with open(data / "turnover.csv", "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows([header, cells])
    with pytest.raises(InputError) as exc:
        database.main(["--data", str(data), "--out", str(tmp_path / "dist"),
                       "--datasette", str(tmp_path / "datasette.yml")])
    problem = exc.value.problems[0]
    assert (problem.line, problem.column, problem.value) == (2, "char_start", "x12")
    assert problem.file.endswith("turnover.csv")
    assert not (tmp_path / "dist" / database.SQLITE).exists()


def test_tables_are_created_after_the_tables_they_reference():
    order = creation_order(schemas.PUBLISHED)
    for name, table in schemas.PUBLISHED.items():
        for fk in table.foreign_keys:
            assert order.index(fk.resource) < order.index(name)


def test_datasette_serves_the_typed_tables_with_the_package_metadata(dist):
    from datasette.app import Datasette

    metadata = yaml.safe_load((dist / "datasette.yml").read_text(encoding="utf-8"))
    committed = yaml.safe_load((REPO / "datasette.yml").read_text(encoding="utf-8"))
    assert metadata == committed, "datasette.yml is stale: run `make repro`"
    assert metadata["license"] == "CC-BY-4.0"
    tables = metadata["databases"]["tradestats"]["tables"]
    assert set(tables) == set(schemas.PUBLISHED)
    assert tables["hs_codes"]["columns"]["hs_code"] == schemas.HS_CODES.field("hs_code").description

    async def fetch():
        ds = Datasette([str(dist / database.SQLITE)], metadata=metadata)
        hs = await ds.client.get("/tradestats/hs_codes.json?hs_code=0101&_shape=array")
        page = await ds.client.get("/tradestats/turnover")
        return hs, page

    hs, page = asyncio.run(fetch())
    assert hs.status_code == 200 and hs.json() == [{"hs_code": "0101", "hs_description": "Live horses, asses, mules"}]
    assert page.status_code == 200 and schemas.FACT_TABLES["turnover"].title in page.text


def test_the_stage_without_pandas_builds_the_same_files(dist, tmp_path):
    """The stage keeps pandas out of sqlite-utils and pyarrow (its import is a fifth of the run): the database's
    schema and rows and the Parquet files are byte for byte those built with pandas loaded (this test's process)."""
    import sqlite3
    import subprocess
    import sys
    code = ("import sys; from stages import database; "
            f"database.main(['--data', {str(REPO / 'data')!r}, '--out', {str(tmp_path)!r}, "
            f"'--datasette', {str(tmp_path / 'datasette.yml')!r}]); "
            "assert 'pandas' not in sys.modules, 'pandas was imported'")
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)
    for name in schemas.PUBLISHED:
        path = Path(database.PARQUET) / f"{name}.parquet"
        assert (tmp_path / path).read_bytes() == (dist / path).read_bytes(), name

    def dump(path: Path) -> list[str]:
        with sqlite3.connect(path) as conn:
            return list(conn.iterdump())

    assert dump(tmp_path / database.SQLITE) == dump(dist / database.SQLITE)
    assert "pandas" in sys.modules and sys.modules["pandas"] is not None, "the block left pandas importable"
