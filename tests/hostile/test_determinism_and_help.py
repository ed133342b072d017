"""Two forced rebuilds give the same bytes; every command's help is readable without knowing typer or argparse."""
from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from stages.review import app
from tests.hostile.harness import Case, package_snapshot
from tests.repo_copy import BIN, copy_repo, run

STAGES = ["ingest", "extract", "validate", "reconcile", "publish", "database", "diff", "card"]
REVIEW = ["status", "show", "accept", "reject", "dismiss", "add", "undo", "export", "apply"]
#: What a help text must not show: a type instead of a name (typer's ``<str>``, ``<list[str]>``, ``<int range>``,
#: ``<file>``; click's TEXT, INTEGER, PATH; a range as ``x>=1``), or a summary cut short.
JARGON = re.compile(r"<(str|int|float|bool|file|dir|path|datetime|list\[.*?\]|[a-z]+ range)>"
                    r"|\b(TEXT|INTEGER|PATH|FLOAT|BOOLEAN)\b|x>=|x<=|\{[A-Z_]+\}")

CASES = [
    Case("determinism", "two `dvc repro -f` runs", "works", "byte-identical data/ and datapackage.json"),
    Case("help", "review --help and each subcommand's --help", "works",
         "every summary whole (no '...'), every value named (ID, FILE, DATE ...), no typer type names"),
    Case("help", "python -m stages.<stage> --help", "works", "every option explained, with its default"),
]


def test_two_forced_rebuilds_are_byte_identical(hostile_built, tmp_path):
    """``dvc repro -f`` twice gives byte-identical ``data/`` and ``datapackage.json``.

    The descriptor's ``created`` is the one thing a build could take from the clock: publish
    (``stages.publish.stable_created``) keeps the previous descriptor's ``created`` when nothing else in the
    descriptor changed (the resources' bytes and hashes included), and sets the current UTC time only when the
    package did change. A forced rebuild changes nothing, so ``created`` stays the committed one. (Delete
    ``datapackage.json`` and the next build gets a new ``created``: there is nothing to keep it from.)
    """
    repo = copy_repo(tmp_path / "repo", hostile_built, with_build=True)
    built = (hostile_built / "datapackage.json").read_bytes()
    snapshots = []
    for _ in range(2):
        result = run(repo, str(BIN / "dvc"), "repro", "-f")
        assert result.returncode == 0, result.stderr
        snapshots.append({p: (repo / p).read_bytes() for p in package_snapshot(repo)})
    assert snapshots[0] == snapshots[1]
    assert snapshots[0]["datapackage.json"] == built


def review_help(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], terminal_width=100)
    assert result.exit_code == 0, result.output
    return result.output


def test_review_help_names_every_value_and_cuts_no_summary():
    top = review_help()
    listed = top.split("Commands:")[1]
    assert sorted(line.split()[0] for line in listed.splitlines() if line.startswith("  ") and
                  not line.startswith("    ")) == sorted(REVIEW)
    assert "..." not in listed, listed
    assert not JARGON.search(top), top
    for command in REVIEW:
        text = review_help(command)
        assert not JARGON.search(text), text
        assert "...\n" not in text.replace("ID...", "").replace("FIGURE_ID...", ""), text


def test_argument_names_show_in_usage_as_typed():
    assert "Usage: review accept [OPTIONS] ID..." in review_help("accept")
    assert "Usage: review show [OPTIONS] [SOURCE_ID]" in review_help("show")
    assert "Usage: review apply [OPTIONS] QUEUE" in review_help("apply")


@pytest.mark.parametrize("stage", STAGES)
def test_stage_help_explains_every_option(stage, hostile_built):
    result = run(hostile_built, str(BIN / "python"), "-m", f"stages.{stage}", "--help")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "``" not in text and "..." not in text and not JARGON.search(text), text
    options = text.split("options:")[1]
    entries = re.split(r"\n  (?=-)", "\n" + options.strip("\n"))
    for entry in filter(str.strip, entries):
        name, *help_words = entry.split(None, 1)
        assert help_words, f"{stage}: option {entry.strip()!r} has no help"
        assert not re.search(r"--[a-z-]+ [A-Z]+\b", entry) or re.search(r"--[a-z-]+ (DIR|FILE|N|REV|ADDRESS)\b", entry), entry
