"""CASES.md is the case tables the tests check, rendered: it cannot drift from them."""
from tests.hostile.cases import PATH, all_cases, render


def test_cases_md_matches_the_case_tables():
    assert PATH.read_text(encoding="utf-8") == render(), "run `python -m tests.hostile.cases --write`"


def test_every_case_is_named_once():
    names = [(c.theme, c.name) for _, c in all_cases()]
    assert len(names) == len(set(names))
