"""The GX suites: generated from the pandera schemas, committed as generated, loadable in
a user's own GX context, and in agreement with pandera on valid and invalid values."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import hypothesis.strategies as st
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings

from figdate.contract import gx_suites as expectations
from figdate.contract.files import validate_file
from figdate.core.values import (
    DATE_PATTERN,
    DATETIME_PATTERN,
    FIGURE_PATTERN,
    parse_date,
    parse_figure,
)
from tests.support import GOLD, REPO, Run, repo_gold

SUITES = REPO / "expectations"


def test_the_committed_suites_are_the_generated_ones() -> None:
    assert expectations.stale(SUITES) == [], "run `figdate expectations build`"


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
def test_build_check_fails_on_a_hand_edited_suite(tmp_path: Path, figdate: Run) -> None:
    assert figdate("expectations", "build", "--folder", str(tmp_path)).returncode == 0
    assert figdate("expectations", "build", "--check", "--folder", str(tmp_path)).returncode == 0
    suite = json.loads((tmp_path / "predictions.json").read_text(encoding="utf-8"))
    suite["expectations"].pop()
    (tmp_path / "predictions.json").write_text(json.dumps(suite), encoding="utf-8")
    stale = figdate("expectations", "build", "--check", "--folder", str(tmp_path))
    assert stale.returncode == 1
    assert "predictions.json: differs from figdate.contract;" in stale.stderr


def test_a_pandera_check_without_a_gx_form_stops_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    import pandera.pandas as pa

    from figdate.contract.models import PredictionModel

    schema = copy.deepcopy(PredictionModel.to_schema())  # pandera caches the original
    schema.columns["kind"].checks.append(pa.Check.str_startswith("f"))
    monkeypatch.setattr(PredictionModel, "to_schema", classmethod(lambda cls: schema))
    with pytest.raises(ValueError, match="no GX form for pandera check 'str_startswith'"):
        expectations.build("predictions")


def test_every_rule_is_in_its_suite() -> None:
    from figdate.contract.rules import cross_rules, row_rules, table_rules

    for table in ("articles", "gold", "predictions"):
        stated = {e["meta"]["figdate_rule"] for e in expectations.build(table)["expectations"]}
        rules = [*row_rules(table), *cross_rules(table), *table_rules(table)]
        assert {r.name for r in rules} <= stated


# -- in a user's own GX context, from the JSON files alone ---------------------------------


def _context() -> Any:
    import great_expectations as gx

    return gx, gx.get_context(mode="ephemeral")


def _validate(suite_file: str, frame: pd.DataFrame) -> Any:
    gx, context = _context()
    suite = gx.ExpectationSuite(**json.loads((SUITES / suite_file).read_text(encoding="utf-8")))
    suite = context.suites.add(suite)
    batch = context.data_sources.add_pandas("mine").add_dataframe_asset("t")
    definition = batch.add_batch_definition_whole_dataframe("all")
    validation = context.validation_definitions.add(
        gx.ValidationDefinition(name="mine", data=definition, suite=suite)
    )
    return validation.run(batch_parameters={"dataframe": frame})


def _user_gold_frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    """What a GX user does with plain pandas: read the tables, join the article columns.
    Read as ``object``: GX 1.x's ``expect_column_values_to_be_in_type_list`` does not know
    pandas 3's ``str`` dtype (expectations/README.md says so)."""
    read = {"dtype": object, "keep_default_na": False, "na_values": [""]}  # see below
    articles = pd.read_csv(GOLD / "articles.csv", **read)  # type: ignore[call-overload]
    mentions = pd.read_csv(GOLD / "mentions.csv", **read)  # type: ignore[call-overload]
    for optional in ("type", "mod", "tags"):  # optional columns a table may lack: empty ones
        if optional not in mentions:
            mentions[optional] = None
    if "tags" not in articles:
        articles["tags"] = None
    texts = {i: (GOLD / "articles" / f"{i}.txt").read_text(encoding="utf-8") for i in articles.id}
    articles["mention_count"] = articles.id.map(mentions.article_id.value_counts()).fillna(0)
    mentions["start"] = mentions.start.astype(int)
    mentions["end"] = mentions.end.astype(int)
    mentions["optional"] = mentions.optional == "true"
    mentions["article_length"] = mentions.article_id.map(lambda i: len(texts[i]))
    mentions["article_text_at_span"] = [
        texts[i][s:e]
        for i, s, e in zip(mentions.article_id, mentions.start, mentions.end, strict=True)
    ]
    dated = set(articles.id[articles.published.notna()])
    mentions["article_dated"] = mentions.article_id.isin(dated)
    return articles, mentions


def test_the_suites_load_and_pass_in_a_users_own_context() -> None:
    articles, mentions = _user_gold_frames()
    assert _validate("articles.json", articles).success
    result = _validate("gold.json", mentions)
    assert result.success, [r.expectation_config.type for r in result.results if not r.success]


def test_a_users_context_fails_a_bad_gold_table() -> None:
    _, mentions = _user_gold_frames()
    mentions.loc[0, "value"] = "2020-02-30"
    mentions.loc[1, "kind"] = "number"
    result = _validate("gold.json", mentions)
    failed = {
        (r.expectation_config.type, r.expectation_config.kwargs.get("column"))
        for r in result.results
        if not r.success
    }
    assert ("expect_column_values_to_be_in_set", "kind") in failed
    assert ("expect_column_values_to_match_regex", "value") in failed


# -- the value patterns GX uses are pandera's parsers --------------------------------------


def _accepts(parse: Any, value: object) -> bool:
    try:
        parse(value)
    except ValueError:
        return False
    return True


dates = st.from_regex(r"\A[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\Z") | st.text(max_size=12)
times = st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?Z?\Z")


@given(dates)
def test_the_date_pattern_is_parse_date(value: str) -> None:
    assert bool(re.fullmatch(DATE_PATTERN, value)) == _accepts(parse_date, value)


@given(dates | times)
def test_the_datetime_pattern_is_parse_date_with_times(value: str) -> None:
    accepts = _accepts(lambda v: parse_date(v, allow_time=True), value)
    assert bool(re.fullmatch(DATETIME_PATTERN, value)) == accepts


figures = (
    st.integers(-(10**35), 10**35)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.from_regex(r"\A[+-]?[0-9]{0,33}(\.[0-9]{0,3})?([eE][+-]?[0-9]{1,3})?\Z")
    | st.text(max_size=8)
)


@given(figures)
def test_the_figure_pattern_is_parse_figure(value: object) -> None:
    assert bool(re.fullmatch(FIGURE_PATTERN, str(value))) == _accepts(parse_figure, value)


# -- valid files are valid to both engines --------------------------------------------------


@st.composite
def prediction_files(draw: st.DrawFn) -> tuple[str, list[dict[str, object]]]:
    rows = []
    for _ in range(draw(st.integers(1, 6))):
        article = repo_gold().articles[draw(st.sampled_from(sorted(repo_gold().articles)))]
        words = [m for m in re.finditer(r"\w+", article.text)]
        word = draw(st.sampled_from(words))
        kind = draw(st.sampled_from(["figure", "date"]))
        value: object
        if kind == "figure":
            value = draw(st.integers(0, 10**9) | st.floats(0, 1e12) | st.just("1.8e6"))
        else:
            value = draw(st.dates()).isoformat()[: draw(st.sampled_from([4, 7, 10]))]
        row: dict[str, object] = {"article_id": article.id, "kind": kind, "value": value}
        if draw(st.booleans()):
            row.update(start=word.start(), end=word.end(), text=word.group())
        if kind == "figure" and draw(st.booleans()):
            row["qualifier"] = draw(st.sampled_from(["exact", "approx", "min", "max"]))
        rows.append(row)
    unique = {(r["article_id"], r["kind"], r.get("start"), r.get("end")): r for r in rows}
    return draw(st.sampled_from([".jsonl", ".csv"])), list(unique.values())


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prediction_files())
def test_valid_prediction_files_pass_both_engines(
    tmp_path_factory: pytest.TempPathFactory, file: tuple[str, list[dict[str, object]]]
) -> None:
    suffix, rows = file
    path = tmp_path_factory.mktemp("valid") / f"predictions{suffix}"
    if suffix == ".jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    else:
        pd.DataFrame(rows).to_csv(path, index=False)
    report = validate_file(path, "predictions", ("pandera", "gx"), repo_gold().articles)
    assert report.valid, report.render()


def test_eval_runs_the_gx_suite_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    from figdate.evaluation.evaluate import evaluate

    strict = expectations.build("predictions")
    strict["expectations"].append(
        {
            "type": "expect_column_values_to_be_in_set",
            "kwargs": {"column": "kind", "value_set": ["figure"]},
            "meta": {"figdate_rule": "test", "why": "figures only (a stricter suite)"},
        }
    )
    monkeypatch.setattr(expectations, "build", lambda table: strict)
    plain = evaluate("rules", repo_gold(), cache=None, resamples=0, timeout=None)
    assert plain.complete
    checked = evaluate("rules", repo_gold(), cache=None, resamples=0, timeout=None, validate="gx")
    assert not checked.complete
    assert {f.article for f in checked.failures} <= set(repo_gold().articles)
    assert all("figures only (a stricter suite)" in f.reason for f in checked.failures)


def test_gx_sees_only_the_contracts_columns_of_a_table_that_may_have_more(tmp_path: Path) -> None:
    """Predictions may carry extra columns (unchecked): GX's view drops them, so a wide file
    costs GX what a narrow one does; gold may not, and its view keeps them for the check."""
    extra = {f"x{i}": "anything" for i in range(50)}
    row = {"article_id": "a", "kind": "figure", "value": "3", **extra}
    view = expectations.joined(pd.DataFrame([row]), "predictions")
    assert not set(extra) & set(view.columns)
    assert {"article_id", "kind", "value"} <= set(view.columns)
    path = tmp_path / "predictions.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert validate_file(path, "predictions", ("gx",)).valid
    gold = expectations.joined(pd.DataFrame([{**row, "optional": "false"}]), "gold")
    assert set(extra) <= set(gold.columns)
