"""The typed rows the database and the card share: read back only for the very bytes they were typed from."""
import shutil

import pytest

import schemas
from tradestats import typed_export
from tradestats.errors import InputError
from tradestats.typed_export import read_all, typed_rows
from tests.repo_copy import REPO


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    return folder


def test_rows_read_back_are_the_rows_typed(data, tmp_path, monkeypatch):
    fresh = read_all(schemas.PUBLISHED, data, str)
    assert read_all(schemas.PUBLISHED, data, str, tmp_path / "cache") == fresh
    typed = []
    real = typed_export.typed_rows
    monkeypatch.setattr(typed_export, "typed_rows", lambda table, *a: typed.append(table.name) or real(table, *a))
    assert read_all(schemas.PUBLISHED, data, str, tmp_path / "cache") == fresh
    assert typed == [], "every table read back"


def test_a_changed_byte_types_the_table_again(data, tmp_path):
    cache = tmp_path / "cache"
    read_all(schemas.PUBLISHED, data, str, cache)
    path = data / "turnover.csv"
    text = path.read_text(encoding="utf-8")
    first = typed_rows(schemas.PUBLISHED["turnover"], path, "t")[0]
    path.write_text(text.replace(first["fact_id"], first["fact_id"][:-1] + "z", 1), encoding="utf-8", newline="")
    again = read_all(schemas.PUBLISHED, data, str, cache)["turnover"]
    assert again[0]["fact_id"] == first["fact_id"][:-1] + "z"
    assert again == typed_rows(schemas.PUBLISHED["turnover"], path, "t")


def test_a_bad_cell_is_reported_and_never_stored(data, tmp_path):
    cache = tmp_path / "cache"
    path = data / "turnover.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    table = schemas.PUBLISHED["turnover"]
    cells = lines[1].split(",")
    cells[table.columns.index("char_start")] = "many"
    path.write_text("\n".join([lines[0], ",".join(cells), *lines[2:]]), encoding="utf-8", newline="")
    with pytest.raises(InputError):
        read_all(schemas.PUBLISHED, data, str, cache)
    assert not (cache / "turnover.pickle").exists()
    with pytest.raises(InputError):
        read_all(schemas.PUBLISHED, data, str, cache)


def test_the_key_is_the_bytes_the_types_and_the_code(data, monkeypatch):
    table = schemas.PUBLISHED["turnover"]
    raw = (data / "turnover.csv").read_bytes()
    key = typed_export.typed_key(table, raw)
    assert typed_export.typed_key(table, raw + b"\n") != key
    changed = type(table)(table.name, table.title, table.description,
                          tuple(type(f)(f.name, "string", f.description) if f.name == "value" else f
                                for f in table.fields), table.primary_key)
    assert typed_export.typed_key(changed, raw) != key, "a column's type"
    monkeypatch.setattr(typed_export, "typing_code", lambda: "other code")
    assert typed_export.typed_key(table, raw) != key, "the typing code"
    monkeypatch.undo()
    monkeypatch.setattr(typed_export, "TYPED_LAYOUT", typed_export.TYPED_LAYOUT + 1)
    assert typed_export.typed_key(table, raw) != key, "the stored layout"


def test_a_damaged_cache_file_is_typed_again(data, tmp_path):
    cache = tmp_path / "cache"
    fresh = read_all(schemas.PUBLISHED, data, str, cache)
    (cache / "sources.pickle").write_bytes(b"not a pickle")
    assert read_all(schemas.PUBLISHED, data, str, cache) == fresh


def test_a_bad_text_repeated_is_reported_on_every_line(data):
    """Each distinct text is typed once: a bad cell repeated on two lines is two problems, one per line."""
    import csv
    import io

    path = data / "turnover.csv"
    table = schemas.PUBLISHED["turnover"]
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    for row in rows[1:3]:
        row[table.columns.index("char_start")] = "many"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8", newline="")
    with pytest.raises(InputError) as caught:
        typed_rows(table, path, "t")
    assert [(p.line, p.column, p.value) for p in caught.value.problems] == [(2, "char_start", "many"),
                                                                             (3, "char_start", "many")]
