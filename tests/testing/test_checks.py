"""``check_extractor``, the metamorphic checks and ``figdate fuzz``: rules passes where it
is built to; each deliberately broken toy (``toys``) is caught by the check that names its
fault, with the smallest passage hypothesis shrinks to."""

from __future__ import annotations

import datetime as dt

import pytest

from figdate.testing import check_extractor, check_metamorphic, checks
from tests.support import Run
from tests.testing import toys

SUPPORTED = ["absolute", "weekday", "relative", "multiplier", "future", "digits-dot",
             "digits-space", "fraction", "range", "not-figure"]  # fmt: skip
"""Phenomena rules gets right on every draw (``figdate fuzz`` shows the others)."""


def test_every_relation_holds_for_rules() -> None:
    assert [(v.check, v.reason) for v in check_metamorphic("rules", max_examples=60)] == []


@pytest.mark.parametrize(
    ("toy", "check"),
    [
        (toys.no_multipliers, "change_number"),
        (toys.against_today, "shift_publication"),
        (toys.drops_after_insert, "insert_text"),
        (toys.reads_codes, "add_distractors"),
    ],
)
def test_each_toy_is_caught_by_its_check(toy: object, check: str) -> None:
    violations = check_metamorphic(toy, max_examples=60)
    assert [v.check for v in violations] == [check]
    assert violations[0].reason


def test_rules_passes_on_what_it_supports() -> None:
    report = check_extractor("rules", phenomena=SUPPORTED, max_examples=10)
    assert report.ok, report.table()
    assert [o.phenomenon for o in report.outcomes] == SUPPORTED


def test_a_failure_shrinks_to_a_small_passage() -> None:
    report = check_extractor(toys.no_multipliers, phenomena=["multiplier"], max_examples=10)
    (outcome,) = report.outcomes
    assert outcome.passed < outcome.tried
    assert outcome.counterexample is not None
    assert len(outcome.counterexample.article.text) < 120  # shrunk: one short sentence
    with pytest.raises(AssertionError, match="multiplier: smallest failing passage"):
        report.assert_ok()


def test_a_given_publication_day_reaches_every_passage(monkeypatch: pytest.MonkeyPatch) -> None:
    """The toy resolves against its fixed today: right when that is the day given."""
    days = {"phenomena": ["relative", "weekday"], "kinds": ["date"], "max_examples": 10}
    assert check_extractor(toys.against_today, **days, published=toys.TODAY).ok
    monkeypatch.setattr(checks, "SHRINK_SECONDS", 1.0)  # the shrunk passage is not the point
    other = check_extractor(toys.against_today, **days, published=dt.date(2024, 2, 29))
    assert not other.ok
    assert all(o.counterexample is None or o.counterexample.article.published
               == dt.date(2024, 2, 29) for o in other.outcomes)  # fmt: skip


def test_fuzz_prints_rates_counterexamples_and_relations(figdate: Run) -> None:
    done = figdate("fuzz", "--extractor", "tests.testing.toys:no_multipliers",
                   "--phenomena", "multiplier,weekday", "--examples", "10")  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "weekday                 10     10   1.00" in done.stdout
    assert "multiplier: smallest failing passage" in done.stdout
    assert "metamorphic change_number      FAILS" in done.stdout
    assert "metamorphic insert_text        holds" in done.stdout


def test_fuzz_passes_rules_and_refuses_unknown_names(figdate: Run) -> None:
    done = figdate("fuzz", "--phenomena", "absolute,weekday", "--examples", "5")
    assert done.returncode == 0, done.stdout + done.stderr
    wrong = figdate("fuzz", "--phenomena", "futur")
    assert wrong.returncode == 2
    assert "'futur' is not a phenomenon; did you mean 'future'? known: " in wrong.stderr
    day = figdate("fuzz", "--phenomena", "relative", "--published", "2024-02-29",
                  "--examples", "5", "--no-metamorphic")  # fmt: skip
    assert day.returncode == 0, day.stdout + day.stderr
    assert "published 2024-02-29; value scheme" in day.stdout
    bad = figdate("fuzz", "--published", "2023-02-29")
    assert bad.returncode == 2
    assert "not a YYYY-MM-DD date: '2023-02-29'" in bad.stderr
