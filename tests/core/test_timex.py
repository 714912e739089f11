"""TimeML TIMEX3 values in predictions: accepted by the contract, scored as wrong values
where figdate's gold cannot hold them, never a failed article or a refused file."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import hypothesis.strategies as st
import pytest
from hypothesis import given

from figdate.core.model import Mention
from figdate.core.timex import PREDICTED_DATE_PATTERN, TIMEX3_PATTERN, beyond_model
from figdate.core.values import DATETIME_PATTERN, parse_date
from tests.support import Run, repo_gold

TIMEX3 = [
    "2013", "2013-03", "2013-03-22", "2013-03-22T14:00", "2013-03-22T14", "2013-03-22TEV",
    "2013-03-22T14:00:00+01:00", "XXXX-12-25", "19XX", "199X", "199", "19", "2013-XX-XX",
    "2013-W11", "2013-W11-3", "2013-W11-WE", "XXXX-WXX-1", "2013-Q1", "2013-H2", "1990-SU",
    "2013-WI", "PRESENT_REF", "PAST_REF", "FUTURE_REF", "P2Y", "P1.5Y", "PXY", "PT2H",
    "P1DT2H", "P3DE", "P1W", "P2CE", "T14:00", "TMO",
]  # fmt: skip
NOT_VALUES = [
    "2019-02-30", "2013-13", "2013-00-10", "P", "PT", "P2", "yesterday", "2019/05/10",
    "2013-W54", "2013-Q5", "XX", "2013-03-22T25:00", "PRESENT", "", "2013-03-22TZZ", "0000",
    "2013-03-22 TEV", "12:00",
]  # fmt: skip


@pytest.mark.parametrize("value", TIMEX3)
def test_timex3_values_are_valid_predicted_dates(value: str) -> None:
    assert re.fullmatch(TIMEX3_PATTERN, value)
    assert re.search(PREDICTED_DATE_PATTERN, f" {value} ")


@pytest.mark.parametrize("value", NOT_VALUES)
def test_what_is_no_date_value_in_either_model_is_refused(value: str) -> None:
    assert not re.search(PREDICTED_DATE_PATTERN, value)


@given(st.integers(1, 9999), st.integers(0, 13), st.integers(0, 32))
def test_a_fully_written_day_is_a_value_only_where_it_is_a_calendar_day(
    year: int, month: int, day: int
) -> None:
    text = f"{year:04d}-{month:02d}-{day:02d}"
    try:
        dt.date(year, month, day)
        real = True
    except ValueError:
        real = False
    assert bool(re.search(PREDICTED_DATE_PATTERN, text)) is real


@given(st.dates(min_value=dt.date(1, 1, 1)), st.sampled_from(["", "T09:30", "TEV", "T23"]))
def test_a_day_with_a_time_is_within_the_model_and_cut_to_the_day(day: dt.date, time: str) -> None:
    value = day.isoformat() + time
    assert re.search(PREDICTED_DATE_PATTERN, value)
    assert not beyond_model(value)
    row = {"article_id": "a", "kind": "date", "start": 0, "end": 1, "value": value}
    assert str(Mention.from_dict(row).value)[:10] == day.isoformat()


def test_beyond_the_model_is_what_gold_cannot_hold() -> None:
    inside = {v for v in TIMEX3 if not beyond_model(v)}
    assert inside == {"2013", "2013-03", "2013-03-22", "2013-03-22T14:00", "2013-03-22T14",
                      "2013-03-22TEV", "2013-03-22T14:00:00+01:00"}  # fmt: skip
    for value in inside:
        assert re.search(DATETIME_PATTERN, value) or parse_date(value[:10])


def test_a_mention_keeps_a_timex3_value_as_written() -> None:
    mention = Mention.from_dict(
        {"article_id": "a", "kind": "date", "start": 0, "end": 3, "value": " P2Y "}
    )
    assert mention.value == "P2Y"
    with pytest.raises(ValueError, match="not an ISO 8601 date"):
        Mention.from_dict({"article_id": "a", "kind": "date", "value": "soon"})


def _predictions_with_timex(path: Path) -> tuple[Path, int]:
    """The seed gold's required mentions as predictions, three dates given TIMEX3 values."""
    gold = repo_gold().mentions
    required = gold[~gold["optional"]].drop(columns=["optional", "note"])
    rows = [{k: v for k, v in r.items() if v is not None and v == v}
            for r in required.to_dict("records")]  # fmt: skip
    dates = [i for i, r in enumerate(rows) if r["kind"] == "date"]
    for i, value in zip(dates[:3], ["P2Y", "2013-W11", "PRESENT_REF"], strict=True):
        rows[i]["value"] = value
    path.write_text("".join(json.dumps(r, default=int) + "\n" for r in rows), encoding="utf-8")
    return path, len(rows)


def test_timex3_values_score_against_the_seed_gold_without_failing_an_article(
    tmp_path: Path,
) -> None:
    from figdate.evaluation.scorefile import score_file

    path, _ = _predictions_with_timex(tmp_path / "predictions.jsonl")
    gold = repo_gold()
    result = score_file(path, gold, resamples=0)
    assert result.articles == sorted(gold.articles)
    assert not result.run.failures
    date = result.summary[(result.summary["kind"] == "date")].set_index("scheme")
    assert date.loc["exact", "fp"] == 0  # the three spans still match exactly
    assert date.loc["value", "fp"] == 3  # and their values are wrong
    assert any("3 predicted date value(s) are TimeML values" in n for n in result.notes)
    wrong = result.outcomes[result.outcomes["predicted_value"].isin(["P2Y", "2013-W11",
                                                                     "PRESENT_REF"])]  # fmt: skip
    assert len(wrong) == 3


def test_figdate_score_and_eval_take_a_file_with_timex3_values(
    figdate: Run, tmp_path: Path
) -> None:
    path, _ = _predictions_with_timex(tmp_path / "predictions.jsonl")
    scored = figdate("score", str(path), "--resamples", "0")
    assert scored.returncode == 0, scored.stderr
    assert "TimeML values beyond figdate's value model" in scored.stdout
    run = figdate("eval", "--extractor", f"file:{path}", "--resamples", "0", "--no-cache")
    assert run.returncode == 0, run.stderr  # complete: no article failed


def _gold_with_types(path: Path, rows: dict[int, tuple[str, str | None, str | None]]) -> Path:
    """The seed gold's mentions.csv with a type and mod column; ``rows`` sets (value, type,
    mod) on some date rows (by their index among the dates)."""
    import pandas as pd

    frame = pd.read_csv(repo_gold().root / "mentions.csv", dtype=object, keep_default_na=False)
    frame["type"], frame["mod"] = "", ""
    dates = frame.index[frame["kind"] == "date"].tolist()
    for i, (value, kind, mod) in rows.items():
        frame.loc[dates[i], ["value", "type", "mod"]] = [value, kind or "", mod or ""]
    frame.to_csv(path, index=False)
    return path


@pytest.mark.parametrize(
    ("rows", "valid"),
    [({0: ("P2Y", "DURATION", None), 1: ("2013-W11", "DATE", "START")}, True),
     ({0: ("PRESENT_REF", "DATE", None)}, True),
     ({0: ("P2Y", None, None)}, False),  # a TIMEX3 value needs its TIMEX3 type in gold
     ({0: ("2019-02-30", "DATE", None)}, False),  # a day must be a calendar day
     ({0: ("P2Y", "PERIOD", None)}, False),  # not a TIMEX3 type
     ({0: ("P2Y", "DURATION", "ROUGHLY")}, False)],  # not a TIMEX3 mod
)  # fmt: skip
def test_a_gold_date_with_a_timex3_type_may_hold_any_timex3_value_in_every_engine(
    tmp_path: Path, rows: dict[int, tuple[str, str | None, str | None]], valid: bool
) -> None:
    from figdate.contract.files import validate_file

    path = _gold_with_types(tmp_path / "mentions.csv", rows)
    articles = repo_gold().articles
    verdicts = {
        (engine, columnar): validate_file(path, "gold", (engine,), articles,
                                          columnar=columnar).valid
        for engine, columnar in (("pandera", True), ("pandera", False), ("gx", True))
    }  # fmt: skip
    assert len(verdicts) == 3
    assert set(verdicts.values()) == {valid}, verdicts


def test_timex3_values_equal_in_a_timeml_gold_set_and_no_note_says_otherwise() -> None:
    import pandas as pd

    from figdate.core.model import Article
    from figdate.scoring import score

    articles = {"a": Article("a", "for two years, from 2013 on", published="2015-01-01")}
    gold = pd.DataFrame([
        {"article_id": "a", "kind": "date", "start": 4, "end": 13, "text": "two years",
         "value": "P2Y", "qualifier": None, "unit": None, "type": "DURATION",
         "optional": False},
        {"article_id": "a", "kind": "date", "start": 20, "end": 24, "text": "2013",
         "value": "2013", "qualifier": None, "unit": None, "type": "DATE",
         "optional": False},
    ])  # fmt: skip
    predictions = gold.drop(columns=["optional"]).assign(value=["P2Y", "2014"])
    result = score(gold, predictions, articles, resamples=0)
    assert result.get("date", "value", "f1") == 0.5  # P2Y equals P2Y; 2014 is not 2013
    assert not any("TimeML values" in n for n in result.notes)
