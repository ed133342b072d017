"""The incremental package check finds what frictionless finds, validating only rows it has not passed before."""
import hashlib
import json
import shutil

import pytest

from stages import publish
from tests.conftest import fact_row
from tests.test_publish import publish_to
from tradestats import package_check
from tradestats.package_check import package_problems, remember, whole_package_problems


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A published package of two turnover facts, copied aside with an empty row cache."""
    rows = {"turnover": [fact_row(), fact_row(fact_id="c0123456789ac", period_start="2022-01-01",
                                              period_end="2022-12-31", value="14000000")]}
    out = publish_to(tmp_path, rows, monkeypatch)
    copy = tmp_path / "copy"
    shutil.copytree(out, copy, ignore=shutil.ignore_patterns("build"))
    return copy


def descriptor(folder):
    return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))


def edit_turnover(folder, edit):
    """Change data/turnover.csv and record its new size and hash, as publish would have written them."""
    path = folder / "data/turnover.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(edit(lines)), encoding="utf-8", newline="")
    desc = descriptor(folder)
    data = path.read_bytes()
    turnover = next(r for r in desc["resources"] if r["name"] == "turnover")
    turnover["bytes"], turnover["hash"] = len(data), "sha256:" + hashlib.sha256(data).hexdigest()
    (folder / "datapackage.json").write_text(json.dumps(desc, indent=2), encoding="utf-8")


def found(problems):
    return sorted((p.file, p.line or 0, p.column or "", p.check, p.message) for p in problems)


def check(folder, cache):
    """The incremental check, remembering what passed as publish does once the package is in place."""
    report = package_problems(folder, descriptor(folder), cache)
    remember(report, cache)
    return report


def planted(lines):
    """Three bad rows: a value that is no number, a repeated fact id, a partner that is no listed country."""
    second = lines[2]
    return [*lines, second.replace("14000000", "fourteen").replace("c0123456789ac", "c0123456789ad"),
            second, second.replace("c0123456789ac", "c0123456789ae").replace(",AFG,", ",ZZZ,")]


def test_a_valid_package_has_no_problems_and_its_rows_are_remembered(package, tmp_path):
    cache = tmp_path / "cache"
    first = check(package, cache)
    assert first.problems == [] and first.known == 0 and first.validated > 2
    second = check(package, cache)
    assert second.problems == [] and second.validated == 0 and second.known == first.validated
    assert second.rows["turnover"] == 2


def test_it_finds_what_frictionless_finds_with_an_empty_cache(package, tmp_path):
    edit_turnover(package, planted)
    expected = found(whole_package_problems(package))
    assert {c for _, _, _, c, _ in expected} == {"type-error", "unique-error", "primary-key", "foreign-key"}
    assert found(check(package, tmp_path / "cache").problems) == expected


def test_it_finds_what_frictionless_finds_in_new_rows_beside_known_ones(package, tmp_path):
    cache = tmp_path / "cache"
    assert check(package, cache).problems == []
    edit_turnover(package, planted)
    report = check(package, cache)
    assert found(report.problems) == found(whole_package_problems(package))
    assert report.validated == 2, "the repeated row is known; the two changed rows are new"


def test_keys_are_checked_over_known_rows_too(package, tmp_path):
    cache = tmp_path / "cache"
    assert check(package, cache).problems == []
    edit_turnover(package, lambda lines: [*lines, lines[1]])  # a known row, twice
    report = check(package, cache)
    assert report.validated == 0
    assert found(report.problems) == found(whole_package_problems(package))
    assert {p.check for p in report.problems} == {"unique-error", "primary-key"}


def test_a_row_that_failed_is_validated_again(package, tmp_path):
    cache = tmp_path / "cache"
    edit_turnover(package, planted)
    check(package, cache)
    again = check(package, cache)
    assert "type-error" in {p.check for p in again.problems}
    assert again.validated == 1, "the row with the bad value was not remembered as passed"


def test_a_changed_schema_validates_every_row_again(package, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    check(package, cache)
    real = package_check.schema_key
    monkeypatch.setattr(package_check, "schema_key", lambda schema: real({**schema, "missingValues": ["", "-"]}))
    assert check(package, cache).known == 0


def test_a_file_changed_behind_the_descriptor_is_caught(package, tmp_path):
    path = package / "data/turnover.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("12500000", "21500000"), encoding="utf-8")
    problems = check(package, tmp_path / "cache").problems
    assert {"hash-count"} <= {p.check for p in problems}
    assert {"hash-count"} <= {p.check for p in whole_package_problems(package)}


def test_a_wrong_header_is_caught(package, tmp_path):
    edit_turnover(package, lambda lines: [lines[0].replace("fact_id,", "id,", 1), *lines[1:]])
    problems = check(package, tmp_path / "cache").problems
    assert any(p.check == "incorrect-label" and p.line == 1 for p in problems)
    assert any(p.check == "incorrect-label" for p in whole_package_problems(package))


def test_publish_reports_the_rows_it_checked(tmp_path, monkeypatch, capsys):
    publish_to(tmp_path, {"turnover": [fact_row()]}, monkeypatch)
    assert "new rows checked by frictionless, 0 passed before" in capsys.readouterr().err
    publish_to(tmp_path, {"turnover": [fact_row()]}, monkeypatch)
    assert "0 new rows checked by frictionless" in capsys.readouterr().err
    assert (tmp_path / "out" / publish.PUBLISH_CACHE / "turnover.txt").exists()


def test_row_digests_tell_rows_apart_and_digests_made_another_way_are_not_read(package, tmp_path, monkeypatch):
    rows = [["a,b"], ["a", "b"], ["ab"], ["a", "b", ""], ["1:a"], ["'a'", "b"], ["a', 'b"], ['a"', "b"], [""], []]
    assert len({package_check.row_digest(r) for r in rows}) == len(rows)
    cache = tmp_path / "cache"
    check(package, cache)
    assert check(package, cache).validated == 0
    monkeypatch.setattr(package_check, "DIGEST_VERSION", package_check.DIGEST_VERSION + 1)
    assert check(package, cache).known == 0, "a digest file of another digest version was used"


def test_a_descriptor_checked_elsewhere_gives_the_report_of_checking_it_first(package, tmp_path):
    """publish checks the descriptor on another core: its problems alone are reported, as when checked first,
    even where the tables cannot be read by the descriptor; without problems, the rows' report is the same."""
    plain = package_problems(package, descriptor(package), tmp_path / "a")
    given = package_problems(package, descriptor(package), tmp_path / "b", descriptor_check=lambda: [])
    assert found(given.problems) == found(plain.problems) == [] and (given.validated, given.rows) == (
        plain.validated, plain.rows)
    refused = [package_check.Problem("datapackage.json", None, None, "package-error", None, "refused")]
    broken = {**descriptor(package), "resources": [{"name": "turnover"}]}  # no path: the tables cannot be read
    report = package_problems(package, broken, tmp_path / "c", descriptor_check=lambda: refused)
    assert report.problems == refused and report.validated == 0
    with pytest.raises(KeyError):
        package_problems(package, broken, tmp_path / "d", descriptor_check=lambda: [])
