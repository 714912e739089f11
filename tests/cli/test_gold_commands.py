"""Bad input through the real command: one line naming file, row and column; nothing rewritten."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support import Run, repo_gold, snapshot


def _edit(name: str, find: str, replace: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / name
        text = path.read_text(encoding="utf-8")
        assert find in text, find
        path.write_text(text.replace(find, replace, 1), encoding="utf-8")

    return edit


def _non_utf8(root: Path) -> None:
    path = root / "articles" / "idlib-january-deaths.txt"
    path.write_bytes(path.read_bytes().replace("Erdoğan".encode(), "Erdo\xf0an".encode("latin-1")))


def _drop_column(root: Path) -> None:
    path = root / "mentions.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    at = rows[0].index("note")
    rows = [row[:at] + row[at + 1 :] for row in rows]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


# (case, how to break a gold copy, regex the one line must match)
MENTION = r"mentions\.csv:\d+: row \d+, "
CASES = [
    (
        "wrong offset",
        _edit("mentions.csv", "figure,1566,1571,three", "figure,1565,1570,three"),
        MENTION + r"column 'text': 'three' does not match the article at 1565-1570",
    ),
    (
        "offset beyond the text",
        _edit("mentions.csv", "date,91,105,", "date,91,99999,"),
        MENTION + r"column 'end': end 99999 is beyond the article's 2579 characters",
    ),
    (
        "text mismatch",
        _edit("mentions.csv", '"March 31, 2020"', '"March 30, 2020"'),
        MENTION + r"column 'text': 'March 30, 2020' does not match",
    ),
    (
        "unknown article id",
        _edit("mentions.csv", "idlib-january-deaths,figure,268", "idlib-nowhere,figure,268"),
        MENTION + r"column 'article_id': unknown article 'idlib-nowhere'",
    ),
    (
        "impossible day",
        _edit("mentions.csv", ",2020-03-31,", ",2020-02-30,"),
        MENTION + r"column 'value': date value '2020-02-30' is not a calendar date",
    ),
    (
        "impossible month",
        _edit("mentions.csv", ",March,2020-03,", ",March,2020-13,"),
        MENTION + r"column 'value': date value '2020-13' has month 13",
    ),
    (
        "negative figure",
        _edit("mentions.csv", ",387,387,", ",387,-387,"),
        MENTION + r"column 'value': figure value '-387' is negative",
    ),
    (
        "non-numeric figure",
        _edit("mentions.csv", ",three,3,exact,regions", ",three,three,exact,regions"),
        MENTION + r"column 'value': figure value 'three' is not a number",
    ),
    ("missing column", _drop_column, r"mentions\.csv:1: column 'note': required column is missing"),
    (
        "non-UTF-8 article file",
        _non_utf8,
        r"articles/idlib-january-deaths\.txt: not valid UTF-8 \(byte \d+: 0xf0\)",
    ),
    (
        "duplicate article id",
        _edit("articles.csv", "idlib-attacks-displace,,", "idlib-airstrikes-halted,,"),
        r"articles\.csv:\d+: row 2, column 'id': 'idlib-airstrikes-halted' is repeated",
    ),
]


@pytest.mark.parametrize(("case", "breaks", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_gives_one_line_and_rewrites_nothing(
    figdate: Run, gold_copy: Path, case: str, breaks: Callable[[Path], None], expected: str
) -> None:
    breaks(gold_copy)
    before = snapshot(gold_copy)
    result = figdate("gold", "check", "--gold", str(gold_copy), cwd=gold_copy.parent)
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    assert any(re.fullmatch("gold/" + expected + ".*", line) for line in lines), lines
    assert snapshot(gold_copy) == before


def test_gold_check_passes_on_the_real_gold_set(figdate: Run) -> None:
    result = figdate("gold", "check")
    assert result.returncode == 0, result.stderr
    articles = len(repo_gold().articles)
    assert re.match(
        rf"ok: .*gold version \d+\.\d+\.\d+, {articles} articles, \d+ mentions", result.stdout
    )


def test_gold_stats_prints_counts_per_article_and_kind(figdate: Run) -> None:
    result = figdate("gold", "stats")
    assert result.returncode == 0
    header, *rows = result.stdout.splitlines()
    assert header.split() == [
        "article",
        "published",
        "chars",
        "figures",
        "figures_optional",
        "dates",
        "dates_optional",
    ]
    assert [r.split()[0] for r in rows][-1] == "total"
    assert len(rows) == len(repo_gold().articles) + 1  # and the total


def test_a_missing_gold_folder_is_a_problem_not_a_traceback(figdate: Run, tmp_path: Path) -> None:
    result = figdate("gold", "stats", "--gold", str(tmp_path / "none"))
    assert result.returncode == 1
    assert result.stderr.strip().endswith("none: no such gold folder")


def test_usage_errors_exit_2(figdate: Run) -> None:
    assert figdate("gold", "frobnicate").returncode == 2
