"""The text, Markdown and saved-run views read the score; none computes a figure of its own."""

from __future__ import annotations

import json

from figdate.core.model import Article
from figdate.core.problems import Failure
from figdate.core.vocabulary import REPORT_KINDS, SCHEMES
from figdate.reporting import markdown, saved, text
from figdate.scoring import RunInfo, Score
from tests.scoring.helpers import gold_row, pred_row, run

ARTICLE = Article("a", "Some 35,000 fled on 12 January 2020; 200 more came in March.")
INFO = RunInfo(
    extractor="mine", extractor_version="1.2", gold_version="9.9", gold_checksum="c0ffee",
    failures=(Failure("b", "timed out after 3 s"),),
)  # fmt: skip


def _score(value: int = 200) -> Score:
    gold = [gold_row(ARTICLE, "figure", "35,000", 35000), gold_row(ARTICLE, "figure", "200", 200),
            gold_row(ARTICLE, "date", "12 January 2020", "2020-01-12")]  # fmt: skip
    pred = [pred_row(ARTICLE, "figure", "35,000", 35000), pred_row(ARTICLE, "figure", "200", value),
            pred_row(ARTICLE, "figure", "March", 3)]  # fmt: skip
    return run([ARTICLE], gold, pred, resamples=50, run=INFO)


def test_the_terminal_table_has_a_row_per_kind_and_scheme_and_the_run() -> None:
    shown = text.terminal(_score(), errors=5)
    lines = shown.splitlines()
    assert lines[0] == "mine 1.2 on gold set 9.9 (1 articles)"
    rows = [line for line in lines if line.split()[:1] and line.split()[0] in REPORT_KINDS]
    assert len(rows) == len(REPORT_KINDS) * len(SCHEMES)
    assert "50 resamples, seed 0" in shown
    assert "  b: timed out after 3 s" in lines
    assert any(line.lstrip().startswith("spurious    figure a@") for line in lines)


def test_the_saved_run_carries_every_figure_and_the_run_record() -> None:
    result = _score()
    document = json.loads(saved.to_json(result))
    assert document["schema"] == saved.JSON_SCHEMA
    assert document["gold"] == {"version": "9.9", "checksum": "c0ffee", "articles": ["a"]}
    assert document["extractor"] == {"name": "mine", "version": "1.2"}
    assert document["failures"] == [{"article": "b", "reason": "timed out after 3 s"}]
    assert len(document["summary"]) == len(REPORT_KINDS) * len(SCHEMES)
    f1 = {(r["kind"], r["scheme"]): r["f1"] for r in document["summary"]}
    assert f1[("all", "value")] == result.get("all", "value", "f1")
    assert len(document["errors"]) == len(result.errors)


def test_the_markdown_marks_a_drop_against_a_saved_run() -> None:
    before = json.loads(saved.to_json(_score()))
    worse = _score(value=20)
    summary = markdown.markdown(worse, against=before)
    assert "#### Change against the saved run (mine 1.2, gold 9.9)" in summary
    drop = [line for line in summary.splitlines() if line.startswith("| figure | value |")][-1]
    assert drop.endswith("⚠ |")
    same = markdown.markdown(_score(), against=before)
    assert "⚠" not in same
