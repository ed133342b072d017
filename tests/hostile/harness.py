"""Running stages on a temporary copy of the built repository, in-process, as ``python -m stages.<name>`` would.

A stage module's paths are module constants computed from its own location; here they are rebased onto the copy,
so a stage reads and writes the copy exactly as it would when run there. Anything a stage raises other than its
reported exit is turned into the traceback a real run would print, so "no traceback" is checked the same way.
"""
from __future__ import annotations

import hashlib
import importlib
import io
import json
import traceback
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import stages.common
from tests.repo_copy import REPO, copy_repo, dvc_repro

#: The stages in pipeline order, as far as a failed input can get.
PIPELINE = ("ingest", "extract", "validate", "reconcile", "publish")


@dataclass(frozen=True)
class Case:
    """One hostile input and what the tests check it gets: the exact problem rows of the message, or "works"."""

    theme: str
    name: str
    expected: tuple[str, ...] | str  # the message's lines (headline, then one row per problem), or "works"
    note: str = ""


@dataclass
class Run:
    code: int
    stderr: str
    stdout: str = ""
    stages: list[str] = field(default_factory=list)


def rebase(repo: Path, value):
    if isinstance(value, Path):
        try:
            return repo / value.relative_to(REPO)
        except ValueError:
            return value
    return value


def run_stage(repo: Path, name: str, argv: list[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """``python -m stages.<name> ARGV`` in ``repo``: its exit status and what it printed."""
    module = importlib.import_module(f"stages.{name}")
    with monkeypatch.context() as patch:
        for mod in (stages.common, module):
            for attr, value in list(vars(mod).items()):
                if isinstance(value, Path):
                    patch.setattr(mod, attr, rebase(repo, value))
        err, out = io.StringIO(), io.StringIO()
        code = 0
        with redirect_stderr(err), redirect_stdout(out):
            try:
                stages.common.run_stage(lambda: module.main(argv))
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
            except Exception:  # what a real run would print and die of
                err.write(traceback.format_exc())
                code = 1
    return Run(code, err.getvalue(), out.getvalue(), [name])


def run_pipeline(repo: Path, monkeypatch: pytest.MonkeyPatch, upto: str = "publish", first: str = "ingest") -> Run:
    """The stages from ``first`` to ``upto`` in order, stopping at the first that fails (as ``dvc repro`` does)."""
    names = PIPELINE[PIPELINE.index(first):PIPELINE.index(upto) + 1]
    total = Run(0, "")
    for name in names:
        run = run_stage(repo, name, ["-j", "1"] if name == "extract" else [], monkeypatch)
        total.stderr += run.stderr
        total.stdout += run.stdout
        total.stages.append(name)
        if run.code:
            total.code = run.code
            break
    return total


def package_snapshot(repo: Path, created: bool = True) -> dict[str, str]:
    """The published package, file by file (hidden left-overs of a write are not part of it): a hash of each.

    ``created=False`` leaves out the descriptor's ``created`` (the time a changed package was built), to compare
    two builds of the same new package made at different times.
    """
    files = [repo / "datapackage.json", *sorted(p for p in (repo / "data").glob("*") if not p.name.startswith("."))]
    out = {}
    for p in files:
        if p.is_file():
            data = p.read_bytes()
            if not created and p.name == "datapackage.json":
                data = json.dumps({**json.loads(data), "created": None}, sort_keys=True).encode()
            out[str(p.relative_to(repo))] = hashlib.sha256(data).hexdigest()
    return out


def normalised(text: str) -> list[str]:
    """Lines with their runs of spaces made one (the problem table pads its columns to the widest cell)."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def problem_block(stderr: str, headline_start: str) -> list[str]:
    """The headline starting with ``headline_start`` and the rows of its problem table (without the column header)."""
    lines = normalised(stderr)
    for i, line in enumerate(lines):
        if line.startswith(headline_start):
            rows = []
            for row in lines[i + 2:]:
                if not stderr_row(stderr, row):
                    break
                rows.append(row)
            return [line, *rows]
    return []


def stderr_row(stderr: str, row: str) -> bool:
    """Whether a normalised line is a problem-table row (indented by two spaces in the original)."""
    return any(" ".join(line.split()) == row and line.startswith("  ") for line in stderr.splitlines())


def assert_refused(run: Run, expected: tuple[str, ...], before: dict[str, str], repo: Path) -> None:
    """The run failed with exactly ``expected`` (headline and rows), no traceback, and the package untouched."""
    assert run.code != 0, run.stderr
    assert "Traceback" not in run.stderr, run.stderr
    assert problem_block(run.stderr, expected[0].rsplit(":", 1)[0]) == list(expected), run.stderr
    assert package_snapshot(repo) == before, "a failed run leaves datapackage.json and data/ byte for byte"


@pytest.fixture(scope="session")
def hostile_built(tmp_path_factory) -> Path:
    """One ``dvc repro`` of the committed repository, shared by every hostile test (each works on a copy)."""
    repo = copy_repo(tmp_path_factory.mktemp("hostile") / "built")
    result = dvc_repro(repo)
    assert result.returncode == 0, result.stdout + result.stderr
    return repo


@pytest.fixture
def repo(hostile_built, tmp_path) -> Path:
    """A copy of the built repository (with build/) for one test to break."""
    return copy_repo(tmp_path / "repo", hostile_built, with_build=True)
