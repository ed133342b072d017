"""The helper every stage shares."""
import gc

import pytest

from stages.common import run_stage
from tradestats.errors import InputError, Problem


def test_a_stage_runs_without_the_cycle_collector_and_gives_it_back():
    seen = []
    run_stage(lambda: seen.append(gc.isenabled()))
    assert seen == [False] and gc.isenabled()


def test_the_collector_is_given_back_after_a_failed_stage(capsys):
    def fails():
        raise InputError([Problem("validated/turnover.csv", 2, "value", "type number", "x", "expected a number")],
                         "bad input")
    with pytest.raises(SystemExit):
        run_stage(fails)
    assert gc.isenabled() and "bad input" in capsys.readouterr().err


def test_a_stage_run_as_a_program_flushes_its_output_and_ends_at_once(tmp_path):
    """A stage's process ends as soon as its main returns (no teardown of its rows): what it printed is all
    there, on both streams, and nothing registered for the interpreter's exit runs. A failing stage exits 1 as
    before."""
    import subprocess
    import sys

    from tests.repo_copy import REPO

    program = tmp_path / "stage.py"
    program.write_text(
        "import atexit, sys\n"
        "from stages.common import run_stage\n"
        "from tradestats.errors import InputError, Problem\n"
        "def main():\n"
        "    atexit.register(lambda: print('teardown ran'))\n"
        "    print('written to stdout')\n"
        "    sys.stderr.write('stage: done')\n"
        "    if sys.argv[1:] == ['fail']:\n"
        "        raise InputError([Problem('f.csv', 2, 'c', 'check', 'v', 'bad')], 'bad input')\n"
        "if __name__ == '__main__':\n"
        "    run_stage(main)\n", encoding="utf-8")
    env = {"PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, str(program)], capture_output=True, text=True, env=env)
    assert (done.returncode, done.stdout, done.stderr) == (0, "written to stdout\n", "stage: done")
    failed = subprocess.run([sys.executable, str(program), "fail"], capture_output=True, text=True, env=env)
    assert failed.returncode == 1 and "bad input" in failed.stderr and "teardown ran" in failed.stdout


def test_work_beside_comes_from_a_child_and_a_failed_child_is_redone_here(monkeypatch):
    """With forking allowed (a stage's program), the value is the child's: the parent's function is not called
    again; a child that fails is redone in the caller, whose exception is the one raised."""
    import os

    from stages import common

    if not hasattr(os, "fork"):
        pytest.skip("os.fork is POSIX only")
    monkeypatch.setattr(common.os, "cpu_count", lambda: 2)  # a one-core machine forks no child: test the fork anyway
    monkeypatch.setitem(common.FORKING, "allowed", True)
    parent = os.getpid()
    job = common.Beside(lambda: (os.getpid(), [1, 2, 3]))
    pid, value = job.result()
    assert value == [1, 2, 3] and pid != parent, "computed by a child process"

    calls = []

    def fails():
        calls.append(os.getpid())  # the child's append is in the child's memory only
        raise InputError([Problem("f.csv", 2, "c", "check", "v", "bad")], "bad input")

    with pytest.raises(InputError, match="bad input"):
        common.Beside(fails).result()
    assert calls == [parent], "redone once in the caller"

    unpicklable = common.Beside(lambda: (lambda: None))  # a result the child cannot send back
    assert callable(unpicklable.result())


def test_without_forking_the_work_is_done_when_asked_for():
    from stages import common

    assert not common.FORKING["allowed"]
    seen = []
    job = common.Beside(lambda: seen.append(1) or "done")
    assert seen == [] and job.result() == "done" and seen == [1]
