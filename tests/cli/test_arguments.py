"""Arguments and settings are checked where they enter: a clear usage error, never a
traceback or a nonsense run ("first -3 errors", every article timed out)."""

from __future__ import annotations

import pytest

from figdate.cli.main import main
from tests.support import REPO


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["eval", "--resamples", "-5"], "argument --resamples: '-5' is below 0"),
        (["eval", "--seed", "-1"], "argument --seed: '-1' is below 0"),
        (["eval", "--timeout", "-1"], "argument --timeout: '-1' is not a number of seconds >= 0"),
        (["eval", "--timeout", "nan"], "argument --timeout: 'nan' is not a number of seconds"),
        (["eval", "--jobs", "0"], "argument --jobs: '0' is below 1"),
        (["score", "p.jsonl", "--errors", "-3"], "argument --errors: '-3' is below 0"),
        (["score", "p.jsonl", "--resamples", "many"], "'many' is not a whole number"),
        (["gold", "accept", "x", "--wait", "-2"], "argument --wait: '-2' is not a number"),
        (["agree", "a", "b", "--limit", "-1"], "argument --limit: '-1' is below 0"),
    ],
)
def test_a_bad_argument_is_a_usage_error(
    argv: list[str], says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 2
    assert says in capsys.readouterr().err


def test_a_bad_memory_setting_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("FIGDATE_MEMORY", "abc")
    assert main(["score", "tests/data/golden/noisy.jsonl", "--resamples", "0"]) == 1
    err = capsys.readouterr().err
    assert err == "FIGDATE_MEMORY: 'abc' is not a number of bytes (e.g. 8000000000 for 8 GB)\n"
