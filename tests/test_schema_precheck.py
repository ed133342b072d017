"""The check that lets validate skip pandera: it passes a table only when pandera would find nothing in it."""
import subprocess
import sys

import pytest

import schemas
from tradestats import tables as tables_module
from tradestats.csvio import read_csv_records, write_csv_atomic
from tradestats.tables import load_table_parts, pandera_problems, schema_surely_passes, typed_columns, typed_frame
from tests.conftest import fact_row, write_validated

REPO = tables_module.Path(tables_module.__file__).resolve().parent.parent
CHECKED_TABLES = {**schemas.VALIDATED, "rejected": schemas.REJECTED, "dismissed": schemas.DISMISSED}
#: Cells a keeper's edit can leave, each breaking some column's check (or none).
HOSTILE = ["", "ZZZ", "kaz", "-1", "1.5", "2021-02-01", "added", "c0123456789ab", "x y", "99999999999999999999"]


def base_rows(name: str) -> list[dict]:
    """A few rows of the repository's own table (or, for the empty rejections, a made-up one)."""
    records = read_csv_records(REPO / "validated" / f"{name}.csv", CHECKED_TABLES[name].columns)
    rows = [dict(r.values) for r in records[:3]]
    made_up = {"candidate_id": "c0123456789ab", "source_id": "t01_test", "quote": "A quote.", "reason": "not trade"}
    return rows or [{c: "" for c in CHECKED_TABLES[name].columns} | made_up]


def judged(name: str, rows: list[dict], tmp_path, always: bool = True) -> tuple[bool, list, list]:
    """(the precheck's verdict, the conversion problems, pandera's problems) for one table of these rows; pandera
    runs only where the precheck passes the table unless ``always``."""
    table = CHECKED_TABLES[name]
    path = tmp_path / f"{name}.csv"
    write_csv_atomic(path, table.columns, [[r.get(c, "") for c in table.columns] for r in rows])
    records = read_csv_records(path, table.columns)
    columns, problems = typed_columns(table, records, name)
    verdict = schema_surely_passes(table, columns)
    if not (verdict or always):
        return verdict, problems, []
    frame, _ = typed_frame(table, records, name)  # (an integer beyond Int64 is a conversion problem, left empty)
    return verdict, problems, pandera_problems(table, frame, name)


@pytest.mark.parametrize("name", list(CHECKED_TABLES))
def test_the_repositorys_tables_pass_without_pandera(name, tmp_path):
    verdict, problems, found = judged(name, base_rows(name), tmp_path)
    assert problems == [] and found == [] and verdict, "a clean table takes the quick path"


@pytest.mark.parametrize("name", list(CHECKED_TABLES))
def test_whatever_pandera_refuses_the_precheck_refuses(name, tmp_path):
    """Every hostile cell in every column, one at a time, and a row written twice: where
    pandera finds a problem (in a table whose cells all convert), the precheck never says it surely passes."""
    rows = base_rows(name)
    cases = [(c, value) for c in CHECKED_TABLES[name].columns for value in HOSTILE]
    refused = 0
    for column, value in cases:
        verdict, problems, found = judged(name, [{**rows[0], column: value}, *rows[1:]], tmp_path, always=False)
        if problems:
            continue  # not converted: pandera runs in any case
        assert not (found and verdict), (column, value, found)
        refused += not verdict
    verdict, problems, found = judged(name, [rows[0], *rows], tmp_path)  # a row twice: its keys repeat
    assert not problems and found and not verdict
    assert refused, "the hostile cells break something the schema checks"


def test_loading_the_same_table_with_and_without_the_precheck_agrees(tmp_path, monkeypatch):
    for rows in ([fact_row()], [fact_row(partner="ZZZ")], [fact_row(), fact_row()], [fact_row(review="maybe")],
                 [fact_row(value="")], [fact_row(char_start="-3")]):
        folder = write_validated(tmp_path / "validated", {"turnover": rows})
        args = (schemas.VALIDATED["turnover"], folder / "turnover.csv", "validated/turnover.csv")
        quick = load_table_parts(*args)
        monkeypatch.setattr(tables_module, "schema_surely_passes", lambda table, columns: False)
        slow = load_table_parts(*args)
        monkeypatch.undo()
        assert quick.problems == slow.problems, rows
        assert quick.frame.equals(slow.frame)


def test_validating_clean_tables_imports_no_pandera(tmp_path):
    """pandera is imported only to say what is wrong: a run over clean tables does not pay for its import."""
    folder = write_validated(tmp_path / "validated", {"turnover": [fact_row()]})
    code = ("import sys; from stages.validate import validate; from tests.conftest import make_doc; "
            f"r = validate(__import__('pathlib').Path({str(folder)!r}), {{'t01_test': make_doc()}}, "
            "__import__('pandas').DataFrame(columns=__import__('schemas').CANDIDATES.columns, dtype=str)); "
            "assert not r.problems, r.problems; assert 'pandera' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)
