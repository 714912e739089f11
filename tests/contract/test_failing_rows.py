"""A file where many rows fail a row rule: every failing row is reported (count, first
rows, or every row), whether figdate lists them itself or pandera does, and a user's
schema still fails row by row."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pandera.errors as pe
import pytest

from figdate.contract.pandera_backend import EXAMPLES, findings, validate_mentions
from figdate.contract.schema import mention_schema
from figdate.core.model import Article
from figdate.core.tables import Table, read_table

SENTENCE = "Some 35 people fled on 5 May 2020 and 12 more came. "
TEXT = SENTENCE * 4
ARTICLES = {"a": Article("a", TEXT)}
SPANS = [(SENTENCE.index(n), SENTENCE.index(n) + 2) for n in ("35", "12")]


def _rows(n_wrong: int) -> list[dict[str, object]]:
    """Figure rows over the four copies of the sentence; the first ``n_wrong`` say a text
    that is not the article's at their span."""
    rows = []
    for copy in range(4):
        for start, end in SPANS:
            at = copy * len(SENTENCE)
            rows.append({"article_id": "a", "kind": "figure", "start": start + at,
                         "end": end + at, "text": TEXT[start + at : end + at],
                         "value": TEXT[start + at : end + at], "qualifier": "exact"})  # fmt: skip
    for row in rows[:n_wrong]:
        row["text"] = "99"
    return rows


def _table(tmp_path: Path, rows: list[dict[str, object]]) -> Table:
    path = tmp_path / "predictions.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return read_table(path)


@pytest.mark.parametrize("n_wrong", [1, EXAMPLES, 7, 8])
def test_the_finding_counts_every_failing_row_and_shows_the_first(
    tmp_path: Path, n_wrong: int
) -> None:
    table = _table(tmp_path, _rows(n_wrong))
    [finding] = findings(table, "predictions", ARTICLES)
    assert (finding.check, finding.column, finding.failing) == ("text_matches", "text", n_wrong)
    assert [p.row for p in finding.examples] == list(range(1, min(n_wrong, EXAMPLES) + 1))
    assert all("'99'" in p.reason for p in finding.examples), finding.examples


def test_every_failing_row_is_a_problem_with_its_line(tmp_path: Path) -> None:
    table = _table(tmp_path, _rows(7))
    frame, problems = validate_mentions(table, ARTICLES, gold=False)
    assert frame is None
    assert [(p.line, p.row, p.column) for p in problems] == [(r, r, "text") for r in range(1, 8)]


def test_a_users_schema_still_fails_row_by_row() -> None:
    frame = pd.DataFrame(_rows(3))
    schema = mention_schema(ARTICLES, gold=False).schema
    with pytest.raises(pe.SchemaErrors) as caught:
        schema.validate(frame, lazy=True)
    cases = caught.value.failure_cases
    failed = cases[cases["check"] == "text_matches"]["index"].dropna().astype(int)
    assert sorted(set(failed)) == [0, 1, 2]
