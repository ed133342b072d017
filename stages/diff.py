"""Stage 7, diff: what changed in the published data since a git revision -> ``reports/diff.md``.

``make diff REV=...`` prints the diff between the package at any revision and the
working tree. In the pipeline the base is always ``HEAD`` (the last committed
package): the stage reruns only when the package changes, so the committed
report says what that commit changed in the data. Outside git, or with no commit
yet, it says so and writes a report without rows.
"""
from __future__ import annotations

import sys
from pathlib import Path

import schemas
from stages.common import stage_parser, REPO, REPORTS, relative, run_stage
from tradestats.csvio import write_text_atomic
from tradestats.datadiff import diff_table, git_file, git_revision, markdown


def package_diff(repo: Path, rev: str) -> str:
    """The Markdown diff of every published table between ``rev`` and the working tree of ``repo``."""
    commit = git_revision(repo, rev)
    if commit is None:
        return (f"# Data diff: {rev} -> working tree\n\nNo committed package to compare with "
                f"({rev!r} is not a commit here, or this is not a git repository).\n")
    diffs = []
    for name, table in schemas.PUBLISHED.items():
        path = f"data/{name}.csv"
        current = repo / path
        new = current.read_text(encoding="utf-8-sig") if current.exists() else None
        diffs.append(diff_table(table, git_file(repo, commit, path), new))
    return markdown(diffs, rev, "working tree")  # no commit hash: the same change reads the same anywhere


def main(argv: list[str] | None = None) -> None:
    parser = stage_parser("diff", __doc__)
    parser.add_argument("--rev", default="HEAD", metavar="REV", help="git revision of the base package (default: HEAD)")
    parser.add_argument("--repo", type=Path, default=REPO, metavar="DIR",
                        help="the git repository holding the package (default: this one)")
    parser.add_argument("--out", type=Path, metavar="FILE", help="write the report here (default: print it)")
    args = parser.parse_args(argv)
    text = package_diff(args.repo, args.rev)
    if args.out:
        write_text_atomic(args.out, text)
        print(f"diff: {relative(args.out)}", file=sys.stderr)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    run_stage(main)
