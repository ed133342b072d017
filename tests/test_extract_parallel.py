"""Parallel extraction: a process pool and a Dask cluster give the serial run's files, byte for byte."""
from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.bench_scale import write_corpus
from stages import extract
from tradestats.errors import InputError

#: More documents than the pool's minimum, so the pool really runs (generated text, no article text).
ARTICLES = 40


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    raw = tmp_path_factory.mktemp("raw")
    write_corpus(raw, ARTICLES, seed=7)
    return raw


def outputs(raw: Path, out: Path, *options: str) -> tuple[bytes, bytes]:
    """candidates.csv and figures.csv of one uncached run of the stage on ``raw``."""
    out.mkdir()
    extract.main(["--raw", str(raw), "--out", str(out / "candidates.csv"), "--no-cache", *options])
    return (out / "candidates.csv").read_bytes(), (out / "figures.csv").read_bytes()


def test_pool_gives_the_serial_bytes(corpus, tmp_path):
    assert ARTICLES >= extract.POOL_MIN_DOCUMENTS
    serial = outputs(corpus, tmp_path / "serial", "-j", "1")
    assert serial[0].count(b"\n") > ARTICLES, "the corpus yields candidates"
    assert outputs(corpus, tmp_path / "pool", "-j", "2") == serial


def test_dask_cluster_gives_the_serial_bytes(corpus, tmp_path):
    distributed = pytest.importorskip("distributed")
    serial = outputs(corpus, tmp_path / "serial", "-j", "1")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        assert outputs(corpus, tmp_path / "dask", "--scheduler", cluster.scheduler_address) == serial


def test_unreachable_scheduler_names_the_address_and_the_way_out(corpus, tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.setattr(extract, "CONNECT_TIMEOUT", "1s")
    address = "tcp://127.0.0.1:9"  # the discard port: nothing listens there
    with pytest.raises(InputError) as raised:
        outputs(corpus, tmp_path / "dask", "--scheduler", address)
    message = str(raised.value)
    assert address in message
    assert "DASK_SCHEDULER_ADDRESS" in message and "extract.scheduler" in message


def test_environment_scheduler_overrides_params_and_option_overrides_both(monkeypatch):
    monkeypatch.setenv(extract.SCHEDULER_ENV, "tcp://from-env:8786")
    assert extract.settings(None, None)[1] == "tcp://from-env:8786"
    assert extract.settings(None, "tcp://from-option:8786")[1] == "tcp://from-option:8786"
    monkeypatch.delenv(extract.SCHEDULER_ENV)
    assert extract.settings(3, None) == (3, None)
