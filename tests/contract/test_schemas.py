"""The schemas accept exactly the valid tables, and name the column at fault."""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figdate.contract.pandera_backend import validate_mentions
from figdate.contract.rules import OPTIONAL_SHARE_MAX
from figdate.core.model import MENTION_COLUMNS, Article
from figdate.core.tables import read_table

WORDS = ["Idlib", "35,000", "two", "March", "2019", "civilians", "é", "—", "Türkiye", "12"]
Row = dict[str, Any]


@st.composite
def gold_tables(draw: st.DrawFn) -> tuple[dict[str, Article], list[Row]]:
    """An article built from words, and valid gold mentions over some of its words."""
    tokens = draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=30))
    text = " ".join(tokens)
    published = draw(st.none() | st.dates(min_value=dt.date(1900, 1, 1)))
    article = Article("news-1", text, published=published)
    chosen = sorted(draw(st.sets(st.integers(0, len(tokens) - 1), min_size=1)))
    rows: list[Row] = []
    for index in chosen:
        start = len(" ".join(tokens[:index])) + (1 if index else 0)
        end = start + len(tokens[index])
        # the contract allows at most OPTIONAL_SHARE_MAX of a table to be optional
        room = sum(r["optional"] == "true" for r in rows) + 1 <= OPTIONAL_SHARE_MAX * len(chosen)
        optional = room and draw(st.booleans())
        if draw(st.booleans()):
            value = draw(st.integers(0, 10**9).map(str) | st.sampled_from(["0.5", "1800000"]))
            row = {
                "kind": "figure",
                "value": value,
                "qualifier": draw(st.sampled_from(["exact", "approx", "min", "max"])),
                "unit": draw(st.sampled_from(["", "civilians"])),
            }
        else:
            day = draw(st.dates(min_value=dt.date(1, 1, 1))).isoformat()
            value = day[: draw(st.sampled_from([4, 7, 10]))]
            if (published is None or optional) and draw(st.booleans()):
                value = ""  # allowed: relative date in an undated article, or optional
            row = {"kind": "date", "value": value, "qualifier": "", "unit": ""}
        rows.append(
            {
                "article_id": article.id,
                "start": start,
                "end": end,
                "text": text[start:end],
                "optional": "true" if optional else "false",
                "note": "",
                **row,
            }
        )
    return {article.id: article}, rows


def _set(column: str, value: object) -> Callable[[Row, Article], None]:
    def mutate(row: Row, article: Article) -> None:
        row[column] = value

    return mutate


def _shift(row: Row, article: Article) -> None:
    row["start"], row["end"] = row["start"] + 1, row["end"] + 1


def _beyond(row: Row, article: Article) -> None:
    row["end"] = len(article.text) + 1


def _swap(row: Row, article: Article) -> None:
    row["start"], row["end"] = row["end"], row["start"]


def _figure_value(value: str) -> Callable[[Row, Article], None]:
    def mutate(row: Row, article: Article) -> None:
        row.update(kind="figure", qualifier="exact", value=value)

    return mutate


def _date_value(value: str) -> Callable[[Row, Article], None]:
    def mutate(row: Row, article: Article) -> None:
        row.update(kind="date", qualifier="", unit="", value=value)

    return mutate


def _bad_qualifier(row: Row, article: Article) -> None:
    row.update(kind="figure", qualifier="about", value="5")


def _empty_figure(row: Row, article: Article) -> None:
    row.update(kind="figure", qualifier="exact", value="")


def _empty_required_date_in_dated_article(row: Row, article: Article) -> None:
    row.update(kind="date", qualifier="", unit="", value="", optional="false")


# (name, mutation, the column (or columns) a problem must name)
MUTATIONS: list[tuple[str, Callable[[Row, Article], None], str | tuple[str, ...]]] = [
    ("negative start", _set("start", -1), "start"),
    ("non-integer start", _set("start", "x"), "start"),
    ("shifted offsets", _shift, ("text", "end")),
    ("end beyond text", _beyond, "end"),
    ("start after end", _swap, "end"),
    ("text mismatch", _set("text", "nope"), "text"),
    ("unknown article", _set("article_id", "other-news"), "article_id"),
    ("article id not a slug", _set("article_id", "../etc"), "article_id"),
    ("unknown kind", _set("kind", "time"), "kind"),
    ("impossible day", _date_value("2020-02-30"), "value"),
    ("impossible month", _date_value("2020-13"), "value"),
    ("time in a gold date", _date_value("2020-03-31T01:11"), "value"),
    ("negative figure", _figure_value("-5"), "value"),
    ("non-numeric figure", _figure_value("many"), "value"),
    ("infinite figure", _figure_value("inf"), "value"),
    ("empty figure value", _empty_figure, "value"),
    ("qualifier outside its set", _bad_qualifier, "qualifier"),
    ("optional not a boolean", _set("optional", "maybe"), "optional"),
    ("empty text", _set("text", ""), "text"),
]


def _problems(articles: dict[str, Article], rows: list[Row], drop: str | None = None) -> list[Any]:
    columns = [c for c in MENTION_COLUMNS if c != drop]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mentions.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, columns, extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        frame, problems = validate_mentions(read_table(path), articles, gold=True)
    assert (frame is None) == bool(problems)
    return problems


quick = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@quick
@given(gold_tables())
def test_valid_tables_are_accepted(table: tuple[dict[str, Article], list[Row]]) -> None:
    articles, rows = table
    assert _problems(articles, rows) == []


@quick
@given(gold_tables(), st.sampled_from(MUTATIONS), st.data())
def test_each_flaw_is_refused_and_names_its_column(
    table: tuple[dict[str, Article], list[Row]],
    mutation: tuple[str, Callable[[Row, Article], None], str | tuple[str, ...]],
    data: st.DataObject,
) -> None:
    articles, rows = table
    name, mutate, column = mutation
    target = data.draw(st.integers(0, len(rows) - 1))
    mutate(rows[target], articles["news-1"])
    problems = _problems(articles, rows)
    assert problems, f"{name} was accepted"
    columns = (column,) if isinstance(column, str) else column
    assert any(p.row == target + 1 and p.column in columns for p in problems), (name, problems)


@quick
@given(gold_tables())
def test_empty_value_needs_an_undated_article_or_optional(
    table: tuple[dict[str, Article], list[Row]],
) -> None:
    articles, rows = table
    article = articles["news-1"]
    _empty_required_date_in_dated_article(rows[0], article)
    problems = _problems(articles, rows)
    assert bool(problems) == (article.published is not None)


@quick
@given(gold_tables(), st.sampled_from(MENTION_COLUMNS))
def test_a_missing_column_is_named(
    table: tuple[dict[str, Article], list[Row]], column: str
) -> None:
    articles, rows = table
    problems = _problems(articles, rows, drop=column)
    assert any(p.column == column and "missing" in p.reason for p in problems)


@quick
@given(gold_tables())
def test_a_duplicate_mention_is_refused(table: tuple[dict[str, Article], list[Row]]) -> None:
    articles, rows = table
    required = next(r for r in rows if r["optional"] == "false")  # keeps the optional share
    problems = _problems(articles, [*rows, dict(required)])
    assert [p.row for p in problems] == [len(rows) + 1]
    assert "repeats" in problems[0].reason


def test_predictions_may_leave_out_offsets_but_not_half_of_them(tmp_path: Path) -> None:
    article = Article("a", "Some 35,000 civilians")
    path = tmp_path / "p.jsonl"
    path.write_text(
        '{"article_id": "a", "kind": "figure", "value": 35000}\n'
        '{"article_id": "a", "kind": "figure", "text": "35,000", "value": "35000"}\n'
        '{"article_id": "a", "kind": "date", "start": 5, "value": "2020-03-31T01:11"}\n',
        encoding="utf-8",
    )
    _, problems = validate_mentions(read_table(path), {"a": article}, gold=False)
    assert [(p.line, p.column) for p in problems] == [(3, "start")]
    assert "both start and end" in problems[0].reason


@pytest.mark.parametrize("extra", ["confidence", "model"])
def test_predictions_may_carry_extra_columns(tmp_path: Path, extra: str) -> None:
    path = tmp_path / "p.csv"
    path.write_text(f"article_id,kind,start,end,value,{extra}\na,figure,5,11,35000,0.9\n", "utf-8")
    frame, problems = validate_mentions(
        read_table(path), {"a": Article("a", "Some 35,000")}, gold=False
    )
    assert problems == []
    assert frame is not None
    assert extra in frame.columns
