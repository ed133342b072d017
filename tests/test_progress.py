"""Progress of long stages: plain lines when the output is no terminal, silence on short runs."""
import io

from tradestats.progress import progress


def test_plain_lines_at_each_tenth_and_the_end_when_not_a_terminal():
    out = io.StringIO()
    with progress("extract", 2000, "documents", stream=out) as advance:
        for _ in range(2000):
            advance(1)
    lines = out.getvalue().splitlines()
    assert len(lines) == 10
    assert lines[0].startswith("extract: 200/2000 documents (10%")
    assert lines[-1].startswith("extract: 2000/2000 documents (100%")


def test_short_runs_say_nothing():
    out = io.StringIO()
    with progress("validate", 10, stream=out) as advance:
        advance(10)
    assert out.getvalue() == ""


def test_a_big_step_prints_one_line():
    out = io.StringIO()
    with progress("validate", 1000, "sources", stream=out) as advance:
        advance(999)
        advance(1)
    assert [line.split(" (")[0] for line in out.getvalue().splitlines()] == ["validate: 999/1000 sources",
                                                                             "validate: 1000/1000 sources"]
