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
