"""The pandera and Frictionless schemas are both derived from one registry."""
from pathlib import Path

import pandas as pd
import pytest

import schemas
from schemas.dictionary import BEGIN, END, dictionary_markdown
from schemas.fields import FIELDS

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", list(schemas.PUBLISHED))
def test_frictionless_and_pandera_agree_on_columns(name):
    table = schemas.PUBLISHED[name]
    fr = table.to_frictionless()
    pa_schema = table.to_pandera()
    assert [f["name"] for f in fr["fields"]] == list(pa_schema.columns) == table.columns
    for f in fr["fields"]:
        declared = FIELDS[f["name"]]
        assert f["type"] == declared.type
        assert f["description"] == declared.description
        assert f.get("constraints", {}).get("required", False) == (not pa_schema.columns[f["name"]].nullable)


def test_fact_tables_link_to_sources():
    for table in schemas.FACT_TABLES.values():
        fk = table.to_frictionless()["foreignKeys"]
        assert {"fields": "source_id", "reference": {"resource": "sources", "fields": "source_id"}} in fk
        assert {"fields": "partner", "reference": {"resource": "countries", "fields": "code"}} in fk
        assert table.primary_key == ("fact_id",)


def test_published_fact_columns_in_order():
    assert schemas.FACT_TABLES["turnover"].columns == [
        "fact_id", "reporter", "partner", "period_start", "period_end", "value", "unit", "qualifier",
        "growth_ratio", "source_id", "quote", "char_start", "char_end", "note", "review", "corrected_from"]
    assert schemas.FACT_TABLES["commodities"].columns[9:13] == ["flow", "commodity", "hs_code", "change_value"]


def test_generated_pandera_schema_enforces_reference_codes_and_enums():
    from tradestats.csvio import CsvRecord
    from tradestats.tables import pandera_problems, typed_frame

    from tests.conftest import fact_row

    table = schemas.VALIDATED["turnover"]
    record = CsvRecord(2, fact_row(partner="XXX", qualifier="roughly"))
    frame, conversion = typed_frame(table, [record], "t.csv")
    problems = pandera_problems(table, frame, "t.csv")
    assert conversion == []
    assert {(p.line, p.column, p.check) for p in problems} == {(2, "partner", "reference"), (2, "qualifier", "enum")}


def test_readme_data_dictionary_is_generated_from_the_schemas():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index(BEGIN) + len(BEGIN): readme.index(END)].strip()
    assert block == dictionary_markdown(), "run `python -m schemas.dictionary --write README.md`"


@pytest.mark.parametrize("unit, ok", [("m3", True), ("kWh", True), ("l", True), ("bbl", True), ("USD", True),
                                      ("m³", False), ("litres", False), ("kwh", False)])
def test_the_unit_pattern_takes_the_measures_of_goods_not_sold_by_weight(unit, ok):
    from tradestats.csvio import CsvRecord
    from tradestats.tables import pandera_problems, typed_frame

    from tests.conftest import fact_row

    table = schemas.VALIDATED["turnover"]
    frame, _ = typed_frame(table, [CsvRecord(2, fact_row(unit=unit))], "t.csv")
    problems = {(p.column, p.check) for p in pandera_problems(table, frame, "t.csv")}
    assert (("unit", "pattern") not in problems) == ok, problems
