"""``[tool.figdate]`` read strictly: a misspelled key, a wrong type or an unknown threshold
fails the session in one line naming the key and the nearest valid one, where it used to
be ignored (a typo of ``extractor`` left the gate on ``rules``, exit 0)."""

from __future__ import annotations

import pytest

from tests.support import GOLD

pytest_plugins = ["pytester"]


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        (
            'extractr = "myext:f"',
            "*[[]tool.figdate[]] 'extractr' is not a [[]tool.figdate[]] "
            "setting; did you mean 'extractor'? known: *extractor, gold, *",
        ),
        ('gld = "gold"', "*'gld' is not a [[]tool.figdate[]] setting; did you mean 'gold'?*"),
        ("extractor = 3", "*[[]tool.figdate[]] extractor must be a string, not 3*"),
        ('thresholds = "figure.value.f1"', "*thresholds must be a table*"),
        (
            '[tool.figdate.thresholds]\n"figure.value.f2" = 0.5',
            "*'figure.value.f2' is not a figure figdate reports; did you mean 'figure.value.f1'?*",
        ),
        (
            '[tool.figdate.thresholds]\n"figure.valeu.recall" = 0.5',
            "*did you mean 'figure.value.recall'?*",
        ),
        (
            '[tool.figdate.thresholds]\n"figure.value.f1" = "high"',
            "*must be a number in [[]0, 1[]]*",
        ),
    ],
    ids=["extractor", "gold", "type", "table", "metric", "scheme", "value"],
)
def test_a_mistake_in_the_settings_fails_the_session(
    pytester: pytest.Pytester, section: str, expected: str
) -> None:
    pytester.makepyfile(test_plain="def test_ok():\n    assert True\n")
    pytester.makefile(".toml", pyproject=f'[tool.figdate]\ngold = "{GOLD}"\n{section}\n')
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.USAGE_ERROR, result.stdout.str()
    result.stderr.fnmatch_lines([expected])
    errors = [line for line in result.stderr.lines if line.strip()]
    assert len(errors) == 1, errors
    assert "Traceback" not in result.stdout.str() + result.stderr.str()


def test_the_documented_settings_are_accepted(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_plain="def test_ok():\n    assert True\n")
    pytester.makefile(".toml", pyproject=f'[tool.figdate]\nextractor = "rules"\ngold = "{GOLD}"\n'
                      'start_method = "spawn"\n')  # fmt: skip
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
