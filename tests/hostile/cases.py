"""``CASES.md``, rendered from the case tables the hostile tests check: ``python -m tests.hostile.cases --write``."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

MODULES = ["test_raw", "test_validated", "test_review_input", "test_crash", "test_determinism_and_help"]
PATH = Path(__file__).with_name("CASES.md")


def all_cases() -> list:
    found = []
    for name in MODULES:
        module = importlib.import_module(f"tests.hostile.{name}")
        found += [(name, c) for c in [*getattr(module, "CASES", []), *getattr(module, "BENIGN", [])]]
    return found


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render() -> str:
    lines = ["# Hostile input: the cases the tests check", "",
             "Generated from the `CASES` tables in `tests/hostile/` by `python -m tests.hostile.cases --write`; "
             "`test_cases_md.py` fails when this file is out of date.", "",
             "A message is what the run prints (runs of spaces in the problem table made one): the headline, then "
             "one line per problem with file, line, column, check, value and what was expected. Every refused "
             "run is also checked to print no traceback and to leave `datapackage.json` and `data/` byte for "
             "byte as they were.", "",
             "| theme | case | exact message, or \"works\" | test module |", "|---|---|---|---|"]
    for module, case in all_cases():
        if case.expected == "works":
            message = "works" + (f": {case.note}" if case.note else "")
        else:
            message = "<br>".join(f"`{cell(line)}`" for line in case.expected)
            if case.note:
                message += f"<br>({cell(case.note)})"
        lines.append(f"| {case.theme} | {cell(case.name)} | {message} | `{module}.py` |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if "--write" in sys.argv:
        PATH.write_text(render(), encoding="utf-8")
    else:
        print(render(), end="")
