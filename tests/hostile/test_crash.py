"""Crash safety (a new package's ``created`` is the time it was built, so old and new are compared without it): ``kill -9`` at every step of publish and of ``review apply`` leaves the old files or the new ones,
never a mix, and the next run recovers.

A kill point is a step of :func:`tradestats.transaction.commit_texts` (staging the new texts, writing the journal,
each rename, the clean-up after the commit point): a small wrapper runs the real command and SIGKILLs its own
process just before the n-th such step, so no ``finally`` and no handler runs, as with ``kill -9``. A few kills
after plain delays add kill points anywhere else in the run. While a journal is left behind the files are half
renamed; what the next run does first (:func:`~tradestats.transaction.recover_interrupted`) must then give back the
old files exactly, and the validate stage refuses to read ``validated/`` until a review command has rolled it back.
"""
from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.hostile.harness import Case, package_snapshot, run_pipeline, run_stage
from tests.hostile.test_review_input import FORMULA_TEXT, add_article, review
from tests.repo_copy import BIN
from tradestats.transaction import recover_interrupted

KILLER = """
import os, runpy, signal, sys
import tradestats.transaction as t
event, n = os.environ["HOSTILE_KILL"].split(":")
seen = {}
def hook(name, fn):
    def wrapped(*args, **kwargs):
        seen[name] = seen.get(name, 0) + 1
        if name == event and seen[name] == int(n):
            os.kill(os.getpid(), signal.SIGKILL)
        return fn(*args, **kwargs)
    return wrapped
class Os:
    def __getattr__(self, name):
        return getattr(os, name)
t.os = Os()
t.os.replace = hook("replace", os.replace)
t._stage, t._write_journal, t._remove = hook("stage", t._stage), hook("journal", t._write_journal), hook("cleanup", t._remove)
module, *args = sys.argv[1:]
sys.argv = [module, *args]
runpy.run_module(module, run_name="__main__", alter_sys=True)
"""
#: Before anything is written; all staged, no journal yet; journal written, nothing renamed; half renamed; the
#: commit point passed (journal deleted), backups not yet removed.
PUBLISH_POINTS = ["stage:1", "journal:1", "replace:1", "replace:5", "cleanup:1"]
REVIEW_POINTS = ["stage:1", "journal:1", "replace:1", "replace:2", "cleanup:1"]
DELAYS = [0.4, 0.8, 1.2]

CASES = [
    Case("crash", "kill -9 during publish", "works", "old or new package after recovery, never a mix; the next "
                                                     "run publishes the new one and leaves nothing behind"),
    Case("crash", "kill -9 during review apply", "works", "old or new validated/ after recovery; validate refuses "
                                                          "while the journal is there; the next apply applies it"),
]


def env() -> dict[str, str]:
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "PYTHONDONTWRITEBYTECODE": "1"}


def killed(repo: Path, point: str, module: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", KILLER, module, *args], cwd=repo, capture_output=True, text=True,
                          env={**env(), "HOSTILE_KILL": point}, timeout=120)


def files(folder: Path, pattern: str) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob(pattern))}


def leftovers(repo: Path) -> list[str]:
    names = [".*.staged", ".*.backup", "*/.*.staged", "*/.*.backup", ".publish-*", "*/.review-journal.json"]
    return sorted(str(p.relative_to(repo)) for pattern in names for p in repo.glob(pattern))


def restore(repo: Path, snapshot: dict[str, bytes]) -> None:
    for name in (repo / "data").glob("*.csv"):
        name.unlink()
    for name, data in snapshot.items():
        (repo / name).write_bytes(data)


def package_files(repo: Path) -> dict[str, bytes]:
    return {str(p.relative_to(repo)): p.read_bytes() for p in [repo / "datapackage.json", *(repo / "data").glob("*")]
            if not p.name.startswith(".")}


def test_kill_9_during_publish_leaves_the_old_or_the_new_package(repo, monkeypatch):
    old_files, old = package_files(repo), package_snapshot(repo, created=False)
    checked = repo / "build/checked/turnover.csv"
    checked.write_text(checked.read_text(encoding="utf-8").replace(",474300000,", ",474300001,"), encoding="utf-8")
    assert run_stage(repo, "publish", [], monkeypatch).code == 0
    new = package_snapshot(repo, created=False)
    assert new != old
    restore(repo, old_files)
    outcomes = []
    for point in PUBLISH_POINTS:
        result = killed(repo, point, "stages.publish")
        assert result.returncode == -signal.SIGKILL, (point, result.stderr)
        if (repo / ".publish-journal.json").exists():
            recover_interrupted(repo, ".publish-journal.json")  # what the next run does first
            outcomes.append((point, "rolled back"))
            assert package_snapshot(repo, created=False) == old, point
        else:
            outcomes.append((point, "old" if package_snapshot(repo, created=False) == old else "new"))
            assert package_snapshot(repo, created=False) in (old, new), point
        restore(repo, old_files)
    assert [o for _, o in outcomes] == ["old", "old", "rolled back", "rolled back", "new"]
    for delay in DELAYS:  # and anywhere else in the run
        process = subprocess.Popen([sys.executable, "-m", "stages.publish"], cwd=repo, env=env(),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        recover_interrupted(repo, ".publish-journal.json")
        assert package_snapshot(repo, created=False) in (old, new), delay
        restore(repo, old_files)
    rerun = subprocess.run([sys.executable, "-m", "stages.publish"], cwd=repo, env=env(), capture_output=True,
                           text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert package_snapshot(repo, created=False) == new
    assert leftovers(repo) == [] and not (repo / ".publish-journal.json").exists()


def test_kill_9_during_review_apply_leaves_the_old_or_the_new_tables(repo, monkeypatch):
    add_article(repo, "zz_formula", FORMULA_TEXT)
    run_pipeline(repo, monkeypatch, upto="extract")
    queue = repo / "queue.csv"
    review(repo, "export", "--out", str(queue))
    rows = list(csv.DictReader(io.StringIO(queue.read_text(encoding="utf-8-sig"))))
    for i, row in enumerate(rows):  # accepted ones and a rejected one: two tables change together
        row["decision"], row["reason"] = ("reject", "a test's rejection") if i == 0 else ("accept", "")
    out = io.StringIO()
    writer = csv.DictWriter(out, list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    queue.write_text(out.getvalue(), encoding="utf-8")
    validated = repo / "validated"
    old = files(validated, "*.csv")
    review(repo, "apply", str(queue))
    new = files(validated, "*.csv")
    assert sorted(n for n in new if new[n] != old[n]) == ["rejected.csv", "turnover.csv"]
    outcomes = []
    for point in REVIEW_POINTS:
        for name, data in old.items():
            (validated / name).write_bytes(data)
        result = killed(repo, point, "stages.review", "--repo", str(repo), "apply", str(queue))
        assert result.returncode == -signal.SIGKILL, (point, result.stdout, result.stderr)
        if (validated / ".review-journal.json").exists():
            refused = run_stage(repo, "validate", [], monkeypatch)
            assert refused.code == 1 and "Traceback" not in refused.stderr
            assert ("validated/.review-journal.json no interrupted review a `review` command was interrupted while "
                    "writing validated/; run `review status` to roll its change back, then rerun"
                    ) in [" ".join(line.split()) for line in refused.stderr.splitlines()], refused.stderr
            status = review(repo, "status")  # any review command rolls it back first
            assert "note: rolled back an interrupted review command" in status.output
            outcomes.append((point, "rolled back"))
            assert files(validated, "*.csv") == old, point
        else:
            now = files(validated, "*.csv")
            outcomes.append((point, "old" if now == old else "new"))
            assert now in (old, new), point
    assert [o for _, o in outcomes] == ["old", "old", "rolled back", "rolled back", "new"]
    for name, data in old.items():
        (validated / name).write_bytes(data)
    applied = review(repo, "apply", str(queue))  # the next run applies it
    assert applied.exit_code == 0, applied.output
    assert files(validated, "*.csv") == new and leftovers(repo) == []
