"""A name figdate does not know (a kind, phenomenon, scheme, tag, dataset or gold folder)
is refused with the nearest known one, where it used to select nothing and pass."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import figdate as api
from figdate.testing import check_extractor, passages
from tests.support import GOLD, Run


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["fuzz", "--kinds", "figures"], "'figures' is not a kind; did you mean 'figure'?"),
        (
            ["fuzz", "--phenomena", "relativ"],
            "'relativ' is not a phenomenon; did you mean 'relative'?",
        ),
        (["fuzz", "--kinds", "date", "--phenomena", "percent"], "'percent' is not a phenomenon"),
        (
            ["eval", "--dataset", "challenj"],
            "challenj: no such gold folder (nor a bundled "
            "dataset; did you mean 'challenge'? known: challenge, idlib)",
        ),
        (["gold", "check", "--dataset", "idlb"], "did you mean 'idlib'?"),
        (["eval", "--scheme", "valu"], "invalid choice: 'valu'"),
    ],
    ids=["kind", "phenomenon", "phenomenon-of-kind", "dataset", "check-dataset", "scheme"],
)
def test_an_unknown_name_is_refused(figdate: Run, tmp_path: Path, args: list[str],
                                    says: str) -> None:  # fmt: skip
    done = figdate(*args, "--examples", "1") if args[0] == "fuzz" else figdate(*args)
    assert done.returncode in (1, 2), done.stdout
    assert says in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    if "invalid choice" not in says:  # argparse's own usage message lists the choices
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_a_missing_gold_folder_from_the_environment_is_an_error(figdate: Run) -> None:
    done = figdate("gold", "path", env={"FIGDATE_GOLD": "/nonexistent/gold"})
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.strip() == "/nonexistent/gold: no such gold folder, from $FIGDATE_GOLD"
    here = figdate("gold", "path", env={"FIGDATE_GOLD": str(GOLD)})
    assert here.returncode == 0
    assert here.stdout.strip() == str(GOLD.resolve())


def test_the_api_refuses_unknown_kinds_phenomena_and_schemes() -> None:
    with pytest.raises(ValueError, match="'figures' is not a kind; did you mean 'figure'"):
        check_extractor("rules", kinds=["figures"], max_examples=1)
    with pytest.raises(ValueError, match="did you mean 'leap-day'"):
        check_extractor("rules", phenomena=["leapday"], max_examples=1)
    with pytest.raises(ValueError, match="'dates' is not a kind"):
        passages(kinds=["dates"])
    result = api.score([], GOLD, resamples=0)
    with pytest.raises(ValueError, match="'valu' is not a scheme; did you mean 'value'"):
        result.table(["valu"])
    with pytest.raises(KeyError, match="'figures' is not a kind this score has"):
        result.get("figures", "value", "f1")
    with pytest.raises(KeyError, match="'recal' is not a metric; did you mean 'recall'"):
        result.get("figure", "value", "recal")


def test_the_api_table_shows_what_eval_prints(figdate: Run) -> None:
    """``Result.table()`` is the terminal table: the same five schemes as ``figdate eval``."""
    shown = figdate("eval", "--gold", str(GOLD), "--resamples", "0").stdout
    table = api.evaluate("rules", GOLD, resamples=0).table()
    assert _schemes(table) == _schemes(shown) == ["strict", "exact", "relaxed", "value", "bag"]


def _schemes(table: str) -> list[str]:
    return list(dict.fromkeys(re.findall(r"^figure +(\w+) ", table, re.MULTILINE)))


def test_an_unknown_metamorphic_check_is_refused() -> None:
    from figdate.testing import check_metamorphic

    with pytest.raises(ValueError, match="'insert' is not a metamorphic check; did you mean"):
        check_metamorphic("rules", checks=["insert"], max_examples=1)
