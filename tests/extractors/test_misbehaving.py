"""Extractors that misbehave: each costs its article only, says why, and leaves nothing.

Every test runs the real ``figdate eval`` in a subprocess against a one-article gold set.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.support import GOLD, Run

ARTICLE = "idlib-airstrikes-halted"


@pytest.fixture
def one(tmp_path: Path) -> Path:
    """A gold set of one article (fast: one extraction per run)."""
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "articles").mkdir()
    shutil.copy(GOLD / "articles" / f"{ARTICLE}.txt", gold / "articles")
    lines = (GOLD / "articles.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (gold / "articles.csv").write_text(lines[0] + next(x for x in lines if x.startswith(ARTICLE)))
    rows = (GOLD / "mentions.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    required = [r for r in rows if r.startswith(ARTICLE) and ",false," in r]
    (gold / "mentions.csv").write_text(rows[0] + "".join(required))
    return gold


def _eval(figdate: Run, gold: Path, spec: str, *extra: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return figdate("eval", "--extractor", spec, "--gold", str(gold), "--resamples", "0",
                   *extra, cwd=gold.parent, env=env)  # fmt: skip


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/stat")
    return not (status.exists() and status.read_text().split()[2] == "Z")  # a zombie is gone


@pytest.mark.parametrize(
    ("program", "says"),
    [
        ("yes", "wrote more than 100,000 lines for one article (FIGDATE_MAX_MENTIONS)"),
        ("cat /dev/zero", "wrote more than 1,000,000 bytes to stdout for one article"),
    ],
)
def test_endless_output_is_stopped_at_the_cap(
    figdate: Run, one: Path, tmp_path: Path, program: str, says: str
) -> None:
    pidfile = tmp_path / "pid"
    spec = f"cmd:sh -c 'echo $$ > {pidfile}; exec {program}'"
    done = _eval(figdate, one, spec, "--no-cache", env={"FIGDATE_MAX_OUTPUT": "1000000"})
    assert done.returncode == 3, done.stderr
    assert says in done.stdout
    assert not _alive(int(pidfile.read_text()))


def test_a_timed_out_command_takes_its_grandchildren_with_it(
    figdate: Run, one: Path, tmp_path: Path
) -> None:
    pids = tmp_path / "pids"
    script = f"sleep 40 & echo $! >> {pids}; sh -c 'sleep 40' & echo $! >> {pids}; sleep 40"
    (tmp_path / "spawn.sh").write_text(script)
    spec = f"cmd:sh {tmp_path / 'spawn.sh'}"
    began = time.monotonic()
    done = _eval(figdate, one, spec, "--no-cache", "--timeout", "2")
    assert done.returncode == 3
    assert "timed out after 2 s" in done.stdout
    assert time.monotonic() - began < 30
    left = [int(p) for p in pids.read_text().split()]
    assert len(left) == 2
    assert not any(_alive(p) for p in left)


def test_an_edit_to_a_script_inside_sh_c_is_not_served_from_the_cache(
    figdate: Run, one: Path, tmp_path: Path
) -> None:
    script = tmp_path / "extract.py"

    def write(value: int) -> None:
        row = {"kind": "figure", "start": 621, "end": 624, "text": "one", "value": value,
               "qualifier": "exact", "article_id": ARTICLE}  # fmt: skip
        script.write_text(f"import sys\nsys.stdin.read()\nprint({json.dumps(row)!r})\n")

    spec = f"cmd:sh -c '{sys.executable} {script}'"
    write(1)
    first = _eval(figdate, one, spec, "--errors", "50")
    write(5)
    second = _eval(figdate, one, spec, "--errors", "50")
    assert "predicted=1" not in first.stdout
    assert "gold=1 predicted=5" in second.stdout  # the new output, not the cached one


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
def test_an_edit_to_a_helper_function_is_not_served_from_the_cache(
    figdate: Run, one: Path, tmp_path: Path
) -> None:
    module = tmp_path / "mine.py"

    def write(value: int) -> None:
        module.write_text(
            textwrap.dedent(f"""
            def helper():
                return {value}

            def extract(article):
                return [{{"kind": "figure", "start": 621, "end": 624, "text": "one",
                          "value": helper(), "qualifier": "exact"}}]
        """)
        )

    env = {"PYTHONPATH": f"{tmp_path}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    write(1)
    first = _eval(figdate, one, "mine:extract", "--errors", "50", env=env)
    write(5)
    second = _eval(figdate, one, "mine:extract", "--errors", "50", env=env)
    assert first.returncode == 0, first.stderr
    assert "gold=1 predicted=5" not in first.stdout
    assert "gold=1 predicted=5" in second.stdout


NOISY = textwrap.dedent("""
    import os, sys

    def extract(article):
        print("NOISE FROM PRINT")
        os.write(1, b"NOISE FROM FD 1\\n")
        return []

    def leave(article):
        sys.exit(7)

    def infinite(article):
        return [{"kind": "figure", "start": float("inf"), "end": 3, "text": "x", "value": 1}]

    def surrogate(article):
        return [{"kind": "figure", "start": 621, "end": 624, "text": "one", "value": 1,
                 "unit": "\\ud800"}]

    def mutate(article):
        object.__setattr__(article, "text", "gone")
        return []
""")


@pytest.fixture
def noisy(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "noisy.py").write_text(NOISY)
    return {"PYTHONPATH": f"{tmp_path}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}


@pytest.mark.parametrize("timeout", ["60", "0"])
def test_an_extractors_prints_stay_out_of_figdates_output(
    figdate: Run, one: Path, noisy: dict[str, str], timeout: str
) -> None:
    done = _eval(figdate, one, "noisy:extract", "--timeout", timeout, env=noisy)
    assert done.returncode == 0, done.stderr
    assert "NOISE" not in done.stdout
    assert done.stdout.startswith("extract ")


@pytest.mark.parametrize(
    ("attr", "says"),
    [
        ("leave", "called sys.exit(7)"),
        ("infinite", "whose 'start' holds inf, out of range (not finite)"),
        ("surrogate", "whose 'unit' holds a lone surrogate"),
    ],
)
@pytest.mark.parametrize("timeout", ["60", "0"])
def test_a_bad_outcome_fails_its_article_in_workers_and_in_process(
    figdate: Run, one: Path, noisy: dict[str, str], attr: str, says: str, timeout: str
) -> None:
    done = _eval(figdate, one, f"noisy:{attr}", "--timeout", timeout, env=noisy)
    assert done.returncode == 3, done.stderr
    assert says in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
    cache = one.parent / ".figdate-cache"
    assert not list(cache.rglob("*.tmp")) if cache.exists() else True


def test_in_process_an_extractor_cannot_change_the_gold_article(
    figdate: Run, one: Path, noisy: dict[str, str]
) -> None:
    done = _eval(figdate, one, "noisy:mutate", "--timeout", "0", "--per-article", env=noisy)
    assert done.returncode == 0, done.stderr
    assert "text is not the article" not in done.stdout + done.stderr
    assert "fn" in done.stdout  # scored against the untouched gold article
