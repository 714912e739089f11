"""Saved runs: one format for every writer and reader, numbered safely in parallel, and
figdate 0.1's runs read or clearly refused."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest

from figdate.core.problems import InputError
from figdate.reporting.runs import figure, find_run, listing, read_run, save_run

DOCUMENT = {
    "schema": "figdate.score/1",
    "created": "2026-11-01T00:00:00+00:00",
    "commit": "abc1234",
    "gold": {"version": "1.0.0", "checksum": "c" * 64},
    "extractor": {"name": "rules", "version": "0.2.1"},
    "summary": [{"kind": "all", "scheme": "value", "precision": 0.9, "recall": 0.8, "f1": 0.85}],
}


def _save(folder: str, name: str) -> str:
    return save_run(Path(folder), json.dumps(DOCUMENT), name).name


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
def test_parallel_saves_get_distinct_numbers(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    with context.Pool(4) as pool:
        names = pool.starmap(_save, [(str(tmp_path), f"job {i}") for i in range(12)])
    assert sorted(name[:4] for name in names) == [f"{n:04d}" for n in range(1, 13)]
    assert all(read_run(tmp_path / name)["schema"] == "figdate.score/1" for name in names)
    assert not list(tmp_path.glob(".run.*"))  # no scratch file left


def test_a_run_is_found_by_number_or_path(tmp_path: Path) -> None:
    path = save_run(tmp_path, json.dumps(DOCUMENT), "base line/1")
    assert path.name == "0001_base-line-1.json"
    assert find_run("1", tmp_path) == find_run("0001", tmp_path) == path
    assert find_run(str(path), tmp_path) == path
    with pytest.raises(InputError, match="no saved run 0002"):
        find_run("2", tmp_path)
    assert figure(read_run(path), "all", "value", "f1") == 0.85
    assert figure(read_run(path), "figure", "value", "f1") is None


def test_an_old_run_is_converted(tmp_path: Path) -> None:
    old = {
        "figdate_run": 1,
        "saved": "2026-01-01T00:00:00+00:00",
        "extractor": "rules",
        "gold_version": "1.0.0",
        "gold_checksum": "d" * 64,
        "figures": {"figure.value.f1": 0.5, "figure.value.recall": 0.4},
    }
    path = tmp_path / "0001_old.json"
    path.write_text(json.dumps(old))
    run = read_run(path)
    assert run["schema"] == "figdate.score/1"
    assert run["converted_from"] == "figdate_run/1"
    assert figure(run, "figure", "value", "recall") == 0.4
    assert run["gold"] == {"version": "1.0.0", "checksum": "d" * 64}


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("{not json", "cannot read the saved run"),
        ('{"figures": {}}', "not a figdate saved run"),
        ('{"schema": "figdate.score/9", "summary": []}', "'figdate.score/9'"),
        ('{"schema": "figdate.score/1"}', "without a summary"),
        ("[1, 2]", "not a figdate saved run"),
    ],
)
def test_anything_else_is_refused_in_one_line(tmp_path: Path, content: str, says: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(content)
    with pytest.raises(InputError, match=says) as raised:
        read_run(path)
    assert len(raised.value.problems) == 1


def test_the_listing_shows_each_run_and_survives_a_bad_one(tmp_path: Path) -> None:
    assert "no saved runs" in listing(tmp_path)
    save_run(tmp_path, json.dumps(DOCUMENT), "first")
    (tmp_path / "0002_broken.json").write_text("{")
    lines = listing(tmp_path).splitlines()
    assert lines[1].split()[:2] == ["0001", "first"]
    assert "abc1234" in lines[1]
    assert lines[1].endswith("0.850")
    assert "unreadable" in lines[2]
