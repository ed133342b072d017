"""Hand-kept CSVs: read as strings, converted explicitly, every problem located."""
import pytest

import schemas
from tests.conftest import fact_row, write_validated
from tradestats.csvio import format_number, read_csv_records
from tradestats.errors import InputError
from tradestats.tables import convert_cell, load_table


def test_na_is_a_code_not_a_missing_value(tmp_path):
    write_validated(tmp_path, {"turnover": [fact_row(partner="NA")]})
    frame, problems = load_table(schemas.VALIDATED["turnover"], tmp_path / "turnover.csv", "validated/turnover.csv")
    assert frame.loc[2, "partner"] == "NA"
    # Namibia's code is "NAM": "NA" is kept as text and then fails the reference check, loudly (once: the
    # pattern the code also breaks would only say the same thing less helpfully)
    assert [(p.line, p.column, p.check) for p in problems] == [(2, "partner", "reference")]


@pytest.mark.parametrize("column,value,expected", [
    ("value", "987,9", "plain decimal number"),
    ("value", "1e6", "plain decimal number"),
    ("char_start", "12.0", "integer"),
    ("period_start", "2023-02-30", "ISO date"),
    ("period_end", "31/12/2022", "ISO date"),
    ("reporter", " KAZ", "spaces"),
])
def test_mistyped_cell_names_file_line_column_and_expectation(tmp_path, column, value, expected):
    write_validated(tmp_path, {"turnover": [fact_row(), fact_row(fact_id="c0123456789ac", **{column: value})]})
    _, problems = load_table(schemas.VALIDATED["turnover"], tmp_path / "turnover.csv", "validated/turnover.csv")
    assert len(problems) == 1
    p = problems[0]
    assert (p.file, p.line, p.column, p.value) == ("validated/turnover.csv", 3, column, value)
    assert expected in p.message


def test_missing_required_cell_and_duplicate_id(tmp_path):
    write_validated(tmp_path, {"exports": [fact_row("exports"), fact_row("exports", quote="")]})
    _, problems = load_table(schemas.VALIDATED["exports"], tmp_path / "exports.csv", "validated/exports.csv")
    found = {(p.line, p.column, p.check) for p in problems}
    assert (3, "quote", "required") in found
    assert (2, "fact_id", "unique") in found and (3, "fact_id", "unique") in found


def test_wrong_header_is_reported_by_column(tmp_path):
    path = tmp_path / "turnover.csv"
    path.write_text("fact_id,reporter,partnr\nc0123456789ab,KAZ,AFG\n", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_csv_records(path, schemas.VALIDATED["turnover"].columns, "validated/turnover.csv")
    columns = {p.column for p in exc.value.problems}
    assert "partnr" in columns and "partner" in columns and "quote" in columns


def test_ragged_row_names_its_line(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text('a,b\n1,2\n"multi\nline",3\n4,5,6\n', encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_csv_records(path, ["a", "b"], "x.csv")
    assert [(p.line, p.check) for p in exc.value.problems] == [(5, "cell count")]


def test_convert_cell_and_number_format_round_trip():
    from schemas.fields import FIELDS
    assert convert_cell(FIELDS["value"], "987900000") == 987900000.0
    assert convert_cell(FIELDS["value"], "") is None
    assert format_number(987900000.0) == "987900000"
    assert format_number(1.826) == "1.826"
    assert format_number(31000000000.0) == "31000000000"
