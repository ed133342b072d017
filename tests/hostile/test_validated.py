"""Hand edits to validated/*.csv: each broken one is refused with its file, line and column and what was
expected, and the package stays byte for byte; the benign ones (BOM, CRLF, a blank row) publish the same data."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.hostile.harness import Case, assert_refused, package_snapshot, run_pipeline

HEAD = "validate: the hand-validated tables have problems; nothing was published: {} problem(s)"
ONE = HEAD.format(1)
T = "validated/turnover.csv"
HEADER = ("fact_id,reporter,partner,period_start,period_end,value,unit,qualifier,growth_ratio,source_id,quote,"
          "char_start,char_end,note,review,corrected_from")

CASES = [
    Case("validated", "bad country code", (ONE, f"{T} 3 partner reference 'AFX' expected a code listed in "
                                                f"reference/countries.csv")),
    Case("validated", "NA as a code", (ONE, f"{T} 3 partner reference 'NA' expected a code listed in "
                                            f"reference/countries.csv")),
    Case("validated", "1,000 as a value", (ONE, f"{T} 3 value type number '1,000' expected a plain decimal number "
                                                f"such as 987900000 or 2.1 (no thousands separators, no units)")),
    Case("validated", "1e309 as a value", (ONE, f"{T} 3 value type number '1e309' expected a plain decimal number "
                                                f"such as 987900000 or 2.1 (no thousands separators, no units)")),
    Case("validated", "23-digit value", (ONE, f"{T} 3 value type number '12345678901234567890123' expected a number "
                                              f"that can be stored exactly (at most 15 significant digits): this "
                                              f"one has 23")),
    Case("validated", "NaN as a value", (ONE, f"{T} 3 value type number 'NaN' expected a plain decimal number such "
                                              f"as 987900000 or 2.1 (no thousands separators, no units)")),
    Case("validated", "negative value", (ONE, f"{T} 3 value minimum '-5' expected at least 0")),
    Case("validated", "date 2022-13-01", (ONE, f"{T} 3 period_start type date '2022-13-01' expected an ISO date "
                                               f"YYYY-MM-DD that exists in the calendar")),
    Case("validated", "extra header label", (ONE, f"{T} 1 extra known column 'extra' unexpected column; the header "
                                                  f"must be: {HEADER}")),
    Case("validated", "missing header label", (ONE, f"{T} 1 note column present missing column; the header must "
                                                    f"be: {HEADER}")),
    Case("validated", "blank header label", (ONE, f"{T} 1 cell 14 column name '' header cell 14 is blank: expected "
                                                  f"a column name")),
    Case("validated", "duplicate header label", (ONE, f"{T} 1 quote column named once 'quote' the header names "
                                                      f"'quote' twice (cells 11 and 14): expected each column once")),
    Case("validated", "missing cell in a row", (ONE, f"{T} 3 corrected_from cell count '15' expected 16 cells as in "
                                                     f"the header, found 15: no cell for 'corrected_from' and after")),
    Case("validated", "extra cell in a row", (ONE, f"{T} 3 cell 17 cell count '17' expected 16 cells as in the "
                                                   f"header, found 17: cell 17 ('x') has no column")),
    Case("validated", "duplicate row", (HEAD.format(2),
                                        f"{T} 3 fact_id unique 'ca8808b5ca76b' the value appears on more than one row",
                                        f"{T} 4 fact_id unique 'ca8808b5ca76b' the value appears on more than one "
                                        f"row")),
    Case("validated", "quote shifted off its offsets", (ONE, f"{T} 3 quote quote matches source 'Trade turnover "
                                                             f"between Kazakhstan and Afghanist...' text[3167:3341] "
                                                             f"of 000_4dbc4086e5c4abe1 is 'rade turnover between "
                                                             f"Kazakhstan and Afghanistan in 2022 ...'; the quote "
                                                             f"occurs at 3166:3340")),
    Case("validated", "unclosed quote", (ONE, f"{T} 3 quote quoting the quoted cell opened at character 90 of the "
                                              f"line runs on to line 4: expected a closing quote mark at the end of "
                                              f"the cell on line 3")),
    Case("validated", "latin-1 byte", (ONE, f"{T} 2 quote UTF-8 '0xe4' byte 275 (character 130 of line 2) is not "
                                            f"UTF-8: expected UTF-8 text (a spreadsheet may have saved the file as "
                                            f"latin-1 or Windows-1252); save it as UTF-8")),
]

BENIGN = [
    Case("validated", "blank row", "works", "skipped; the same package is published"),
    Case("validated", "row of empty cells", "works", "skipped; the same package is published"),
    Case("validated", "BOM", "works", "the same package is published"),
    Case("validated", "CRLF line ends", "works", "the same package is published"),
]


def rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"))))


def written(table: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(table)
    return out.getvalue().encode("utf-8")


def set_cell(data: bytes, line: int, column: str, value: str) -> bytes:
    table = rows(data)
    table[line - 1][table[0].index(column)] = value
    return written(table)


def edit_lines(data: bytes, edit) -> bytes:
    return "\n".join(edit(data.decode("utf-8").split("\n"))).encode("utf-8")


def shifted(data: bytes) -> bytes:
    for column in ("char_start", "char_end"):
        table = rows(data)
        data = set_cell(data, 3, column, str(int(table[2][table[0].index(column)]) + 1))
    return data


EDITS = {
    "bad country code": lambda b: set_cell(b, 3, "partner", "AFX"),
    "NA as a code": lambda b: set_cell(b, 3, "partner", "NA"),
    "1,000 as a value": lambda b: set_cell(b, 3, "value", "1,000"),
    "1e309 as a value": lambda b: set_cell(b, 3, "value", "1e309"),
    "23-digit value": lambda b: set_cell(b, 3, "value", "12345678901234567890123"),
    "NaN as a value": lambda b: set_cell(b, 3, "value", "NaN"),
    "negative value": lambda b: set_cell(b, 3, "value", "-5"),
    "date 2022-13-01": lambda b: set_cell(b, 3, "period_start", "2022-13-01"),
    "extra header label": lambda b: edit_lines(b, lambda ls: [ls[0] + ",extra"] + [l + "," if l else l for l in ls[1:]]),
    "missing header label": lambda b: edit_lines(b, lambda ls: [ls[0].replace(",note", "")] + ls[1:]),
    "blank header label": lambda b: edit_lines(b, lambda ls: [ls[0].replace(",note", ",")] + ls[1:]),
    "duplicate header label": lambda b: edit_lines(b, lambda ls: [ls[0].replace(",note", ",quote")] + ls[1:]),
    "missing cell in a row": lambda b: edit_lines(b, lambda ls: ls[:2] + [ls[2].rsplit(",", 1)[0]] + ls[3:]),
    "extra cell in a row": lambda b: edit_lines(b, lambda ls: ls[:2] + [ls[2] + ",x"] + ls[3:]),
    "duplicate row": lambda b: edit_lines(b, lambda ls: ls[:3] + [ls[2]] + ls[3:]),
    "quote shifted off its offsets": shifted,
    "unclosed quote": lambda b: edit_lines(b, lambda ls: ls[:2] + [ls[2].replace('",3166', "", 1)] + ls[3:]),
    "latin-1 byte": lambda b: b.replace("Afghanistan in 2022".encode(), "Afgh\u00e4nistan in 2022".encode("latin-1"), 1),
    "blank row": lambda b: edit_lines(b, lambda ls: ls[:2] + [""] + ls[2:]),
    "row of empty cells": lambda b: edit_lines(b, lambda ls: ls[:2] + ["," * 15] + ls[2:]),
    "BOM": lambda b: b"\xef\xbb\xbf" + b,
    "CRLF line ends": lambda b: b.replace(b"\n", b"\r\n"),
}


def hand_edit(repo: Path, case: str) -> None:
    path = repo / T
    path.write_bytes(EDITS[case](path.read_bytes()))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_broken_hand_edit_is_refused_by_file_line_and_column(case, repo, monkeypatch):
    hand_edit(repo, case.name)
    before = package_snapshot(repo)
    run = run_pipeline(repo, monkeypatch, first="validate")
    assert run.stages == ["validate"]
    assert_refused(run, case.expected, before, repo)
    assert "validate: warnings" not in run.stderr, "one mistake, one message"


@pytest.mark.parametrize("case", BENIGN, ids=[c.name for c in BENIGN])
def test_a_benign_hand_edit_publishes_the_same_package(case, repo, monkeypatch):
    before = package_snapshot(repo)
    hand_edit(repo, case.name)
    run = run_pipeline(repo, monkeypatch, first="validate")
    assert run.code == 0 and "Traceback" not in run.stderr, run.stderr
    assert run.stages == ["validate", "reconcile", "publish"]
    assert package_snapshot(repo) == before
