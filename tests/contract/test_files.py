"""``figdate validate``: every bad file is refused by both engines, each naming its flaw."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from figdate.contract.files import validate_file
from figdate.core.problems import InputError
from tests.data.bad import generate
from tests.support import GOLD, REPO, Run, repo_gold

BAD = REPO / "tests" / "data" / "bad"
FLAWS: dict[str, dict[str, str]] = json.loads((BAD / "flaws.json").read_text(encoding="utf-8"))
ENGINES = ("pandera", "gx")


def test_the_corpus_is_as_generated_and_large_enough() -> None:
    committed = {p.name for p in BAD.iterdir() if p.suffix in {".jsonl", ".csv", ".parquet"}}
    text = {**generate.FILES, **generate.HOSTILE, **generate.VALID, **generate.EXPORTS}
    parquet = generate.parquet_files()
    assert committed == set(text) | set(parquet)
    assert set(FLAWS) == set(generate.FILES) | {"long_line.jsonl"}
    assert len(FLAWS) >= 25
    assert len(generate.EXPORTS) >= 30
    for name, content in text.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        assert (BAD / name).read_bytes() == data, f"{name}: run tests/data/bad/generate.py"
    for name in parquet:  # pyarrow's bytes vary by version: compare what they hold
        import pandas as pd

        assert pd.read_parquet(BAD / name).equals(
            pd.read_parquet(__import__("io").BytesIO(parquet[name]))
        ), f"{name}: run tests/data/bad/generate.py"


@pytest.fixture(scope="module")
def long_line(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate.long_line(tmp_path_factory.mktemp("bad") / "long_line.jsonl")


def _path(name: str, long_line: Path) -> Path:
    return long_line if name == "long_line.jsonl" else BAD / name


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", sorted(FLAWS))
def test_each_engine_refuses_each_bad_file_naming_its_flaw(
    name: str, engine: str, long_line: Path
) -> None:
    expected = FLAWS[name]
    path = _path(name, long_line)
    if "both" in expected:  # the file is not a table: the shared reader refuses it
        with pytest.raises(InputError) as caught:
            validate_file(path, "predictions", (engine,), repo_gold().articles)
        assert re.search(expected["both"], str(caught.value)), str(caught.value)
        return
    report = validate_file(path, "predictions", (engine,), repo_gold().articles)
    assert not report.valid
    assert all(f.engine == engine for f in report.findings)
    assert re.search(expected[engine], report.render()), report.render()


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
def test_the_cli_exit_codes_and_report(figdate: Run) -> None:
    run = figdate
    good = run("validate", str(GOLD / "mentions.csv"), "--engine", "both")
    assert good.returncode == 0, good.stderr
    assert "pandera: valid" in good.stdout
    assert "gx: valid" in good.stdout
    bad = run("validate", str(BAD / "february_30.jsonl"), "--engine", "both")
    assert bad.returncode == 1
    assert "FAIL [pandera] value_fits_kind, column 'value': 1 row(s)" in bad.stdout
    assert "FAIL [gx] expect_column_values_to_match_regex(value)" in bad.stdout
    assert "bad/february_30.jsonl:1: row 1, column 'value'" in bad.stdout
    unreadable = run("validate", str(BAD / "non_utf8.csv"))
    assert unreadable.returncode == 2
    assert "Traceback" not in unreadable.stderr
    assert "not valid UTF-8" in unreadable.stderr


def test_a_file_too_large_for_memory_is_refused_before_reading(
    tmp_path: Path, figdate: Run
) -> None:
    big = tmp_path / "big.jsonl"
    big.write_text(generate._jsonl(generate.DATE) * 1000, encoding="utf-8")
    env_run = figdate("validate", str(big), env={"FIGDATE_MEMORY": "1000000"})
    assert env_run.returncode == 2
    assert "too large to read here" in env_run.stderr
    assert "1.0 MB is free" in env_run.stderr


def test_gx_leaves_no_trace_and_needs_no_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.chdir(tmp_path)
    report = validate_file(BAD / "month_13.jsonl", "predictions", ("gx",), repo_gold().articles)
    assert not report.valid
    assert list(tmp_path.iterdir()) == []  # no gx/ folder, no uncommitted/ folder


def test_both_engines_judge_the_articles_table_alike_with_or_without_the_mentions(
    gold_copy: Path,
) -> None:
    alone = gold_copy.parent / "alone"
    alone.mkdir()
    (alone / "articles.csv").write_bytes((gold_copy / "articles.csv").read_bytes())
    report = validate_file(alone / "articles.csv", "articles", ENGINES)
    assert report.valid, report.render()
    assert "'every article has mentions' is skipped" in report.render()
    mentions = (gold_copy / "mentions.csv").read_text(encoding="utf-8").splitlines(True)
    kept = [line for line in mentions if not line.startswith("idlib-january-deaths,")]
    (gold_copy / "mentions.csv").write_text("".join(kept), encoding="utf-8")
    report = validate_file(gold_copy / "articles.csv", "articles", ENGINES)
    assert {f.engine for f in report.findings} == set(ENGINES)
    assert "article 'idlib-january-deaths' has no mentions" in report.render()
    assert "mention_count=0: every gold article has at least one mention" in report.render()
