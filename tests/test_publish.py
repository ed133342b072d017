"""Publish writes a valid package, or nothing at all."""
import json
import shutil

import pytest

import schemas
from stages import publish, reconcile
from tests.conftest import fact_row, make_doc
from tradestats.csvio import write_csv_atomic
from tradestats.errors import InputError

META = {"name": "test-package", "title": "T", "description": "D", "version": "0.0.1", "keywords": ["k"],
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "CC"}],
        "sources": [{"title": "tests"}], "contributors": [{"title": "tests", "role": "author"}]}


def write_checked(folder, rows):
    for name, table in schemas.FACT_TABLES.items():
        write_csv_atomic(folder / f"{name}.csv", table.columns, ([r[c] for c in table.columns] for r in rows.get(name, [])))


def publish_to(tmp_path, rows, monkeypatch):
    checked, out = tmp_path / "checked", tmp_path / "out"
    out.mkdir(exist_ok=True)
    write_checked(checked, rows)
    docs_path = tmp_path / "documents.jsonl"
    docs_path.write_text(make_doc().to_json() + "\n", encoding="utf-8")
    monkeypatch.setattr(publish, "DOCUMENTS", docs_path)
    monkeypatch.setattr(reconcile, "DOCUMENTS", docs_path)
    monkeypatch.setattr(publish, "params", lambda section: META)
    series = tmp_path / "series.csv"
    reconcile.main(["--checked", str(checked), "--out", str(series)])
    publish.main(["--checked", str(checked), "--series", str(series), "--out", str(out)])
    return out


def test_publishes_a_valid_package_and_reruns_byte_identical(tmp_path, monkeypatch):
    out = publish_to(tmp_path, {"turnover": [fact_row()]}, monkeypatch)
    desc = json.loads((out / "datapackage.json").read_text())
    assert [r["name"] for r in desc["resources"]] == ["turnover", "exports", "imports", "commodities", "sources",
                                                      "trade_series", "countries", "hs_codes"]
    assert (out / "data/turnover.csv").read_text().count("\n") == 2
    series = (out / "data/trade_series.csv").read_text().splitlines()
    assert len(series) == 2 and ",c0123456789ab,," in series[1]  # linked to its turnover fact
    before = {p.name: p.read_bytes() for p in [out / "datapackage.json", *sorted((out / "data").iterdir())]}
    publish_to(tmp_path, {"turnover": [fact_row()]}, monkeypatch)
    after = {p.name: p.read_bytes() for p in [out / "datapackage.json", *sorted((out / "data").iterdir())]}
    assert before == after
    assert not list(out.glob(".publish-*")), "the staging folder is removed"


def test_invalid_package_leaves_the_previous_one_untouched(tmp_path, monkeypatch):
    out = publish_to(tmp_path, {"turnover": [fact_row()]}, monkeypatch)
    before = (out / "data/turnover.csv").read_bytes(), (out / "datapackage.json").read_bytes()
    orphan = fact_row(fact_id="c0000000000ff", source_id="t99_unknown")  # breaks the foreign key to sources
    with pytest.raises(InputError) as exc:
        publish_to(tmp_path, {"turnover": [fact_row(), orphan]}, monkeypatch)
    assert any(p.check == "foreign-key" and p.file == "data/turnover.csv" for p in exc.value.problems)
    assert ((out / "data/turnover.csv").read_bytes(), (out / "datapackage.json").read_bytes()) == before
    assert not list(out.glob(".publish-*"))


def tampered_copy(tmp_path, monkeypatch, old: str, new: str):
    """A published package copied aside, with one edit in data/turnover.csv made behind the pipeline's back."""
    out = publish_to(tmp_path, {"turnover": [fact_row()]}, monkeypatch)
    staged = tmp_path / "copy"
    shutil.copytree(out, staged)
    path = staged / "data/turnover.csv"
    path.write_text(path.read_text().replace(old, new))
    return publish.frictionless_problems(staged)


def test_codes_are_checked_against_the_published_reference_tables(tmp_path, monkeypatch):
    """A consumer's `frictionless validate` catches an unknown code through the countries resource."""
    problems = tampered_copy(tmp_path, monkeypatch, ",AFG,", ",ZZZ,")
    assert any(p.check == "foreign-key" and p.file == "data/turnover.csv" for p in problems)


def test_frictionless_notices_a_tampered_resource(tmp_path, monkeypatch):
    problems = tampered_copy(tmp_path, monkeypatch, "12500000", "21500000")
    assert any(p.check == "hash-count" for p in problems)


def test_a_failure_while_renaming_restores_the_previous_package(tmp_path, monkeypatch):
    import os

    out = publish_to(tmp_path, {"turnover": [fact_row()]}, monkeypatch)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    real, renamed = os.replace, []

    def replace(src, dst):
        if str(src).endswith(".staged"):
            renamed.append(dst)
            if len(renamed) == 3:
                raise OSError(28, "No space left on device", str(dst))
        return real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(InputError) as exc:
        publish_to(tmp_path, {"turnover": [fact_row(value="13500000")]}, monkeypatch)
    assert "previous package was restored" in str(exc.value)
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert len(renamed) == 3 and after == before


def test_the_sources_table_of_unchanged_documents_is_read_back_and_of_changed_ones_made_again(tmp_path, monkeypatch):
    docs_path, cache = tmp_path / "documents.jsonl", tmp_path / "cache"
    docs_path.write_text(make_doc().to_json() + "\n", encoding="utf-8")
    made = []
    real = publish.sources_csv
    monkeypatch.setattr(publish, "sources_csv", lambda docs: made.append(len(docs)) or real(docs))
    first = publish.documents_sources(docs_path, cache)
    assert publish.documents_sources(docs_path, cache) == first == real([make_doc()]) and made == [1]
    docs_path.write_text(make_doc().to_json() + "\n" + make_doc("t02_test").to_json() + "\n", encoding="utf-8")
    again = publish.documents_sources(docs_path, cache)
    assert made == [1, 2] and again == real([make_doc(), make_doc("t02_test")]) and "t02_test" in again
    assert publish.documents_sources(docs_path, None) == again and made == [1, 2, 2], "no cache folder: made"


def test_a_published_turnover_pair_is_in_alphabetical_order(tmp_path, monkeypatch):
    """The checked row keeps the article's order (AFG after KAZ here is KAZ first); the package writes it sorted."""
    out = publish_to(tmp_path, {"turnover": [fact_row(reporter="KAZ", partner="AFG")]}, monkeypatch)
    [header, row] = (out / "data/turnover.csv").read_text().splitlines()
    cells = dict(zip(header.split(","), row.split(",")))
    assert (cells["reporter"], cells["partner"]) == ("AFG", "KAZ")
