"""A user's own project: one test file that uses only ``figdate.testing``'s public API (and
the plugin's ``figdate_check`` fixture) and pytest fails for a broken extractor, printing
the shrunk counter-example, and passes for ``rules`` on the phenomena ``rules`` supports."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

USER_TESTS = '''
import re

from figdate.extractors.rules import RulesExtractor
from figdate.testing import check_extractor

RULES = RulesExtractor()


def my_extractor(article):
    """Reads "2 million" as 2: the bug the test must find."""
    for row in RULES.extract(article):
        head = re.match(r"[0-9.,]+", str(row["text"])) if row["kind"] == "figure" else None
        if head and head.group() != row["text"]:
            row = {**row, "value": float(head.group().replace(",", "")), "text": head.group(),
                   "end": row["start"] + len(head.group())}
        yield row


def test_my_extractor_reads_multipliers():
    check_extractor(my_extractor, phenomena=["multiplier"], max_examples=10).assert_ok()


def test_with_the_fixture(figdate_check):
    figdate_check(my_extractor, phenomena=["multiplier"]).assert_ok()


def test_rules_on_what_it_supports():
    supported = ["absolute", "weekday", "future", "digits-dot", "fraction", "range"]
    check_extractor("rules", phenomena=supported, max_examples=10).assert_ok()
'''


def test_a_user_test_file_fails_with_a_shrunk_counterexample(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_mine=USER_TESTS)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--figdate-examples", "5")
    result.assert_outcomes(passed=1, failed=2)
    result.stdout.fnmatch_lines(
        [
            "*my_extractor fails on drawn passages*",
            "*multiplier: smallest failing passage*",
            "*planted:*million*",
        ]
    )
