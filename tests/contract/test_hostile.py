"""Every file of the bad-file corpus, through every way figdate reads predictions.

``score``, ``eval --extractor file:``, ``validate --engine pandera`` and ``validate --engine
gx`` must give a clean answer for each: exit 0 for the valid files, 1 (or 2 where the file
cannot be read as a table) for the others, one line per problem, never a traceback, and
pandera and GX the same verdict. The commands run in-process, so that an exception that
escapes fails the test with its traceback.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from figdate.cli.main import main
from tests.data.bad import generate
from tests.support import GOLD, REPO

BAD = REPO / "tests" / "data" / "bad"
VALID = {*generate.VALID, *generate.EXPORTS_VALID}
EVERY = sorted(
    [
        *generate.FILES,
        *generate.HOSTILE,
        *generate.VALID,
        *generate.EXPORTS,
        *generate.parquet_files(),
    ]
)
COMMANDS = {
    "score": ["score", "{path}", "--resamples", "0"],
    "eval": ["eval", "--extractor", "file:{path}", "--resamples", "0", "--no-cache"],
    "pandera": ["validate", "{path}", "--engine", "pandera"],
    "gx": ["validate", "{path}", "--engine", "gx"],
}


def _run(capsys: pytest.CaptureFixture[str], command: str, path: Path) -> tuple[int, str, str]:
    argv = [a.replace("{path}", str(path)) for a in COMMANDS[command]] + ["--gold", str(GOLD)]
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(autouse=True)
def _here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("FIGDATE_GOLD", raising=False)


@pytest.mark.parametrize("name", EVERY)
def test_every_reader_gives_a_clean_answer_and_the_engines_agree(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = BAD / name
    codes = {}
    for command in COMMANDS:
        code, out, err = _run(capsys, command, path)
        codes[command] = code
        assert "Traceback" not in out + err
        if name in VALID:
            assert code == 0, f"{command} refused a valid file: {err}"
            continue
        allowed = {1, 2} if command in {"pandera", "gx"} else {1}
        assert code in allowed, f"{command}: exit {code}\n{out}{err}"
        if command in {"score", "eval"}:  # one problem a line, each naming where it is
            lines = [line for line in err.splitlines() if line.strip()]
            assert lines
            assert all(line.startswith((str(path), os.path.relpath(path), "figdate")) or
                       ": " in line for line in lines), err  # fmt: skip
    assert codes["pandera"] == codes["gx"], f"pandera and GX disagree: {codes}"
    assert (codes["score"] == 0) == (codes["pandera"] == 0) == (codes["eval"] == 0)
