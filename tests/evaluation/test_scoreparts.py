"""A predictions file scored in parts (larger than --memory) gives the numbers of the whole
file scored at once: JSONL, CSV (also with a cell across lines) and Parquet, real files,
and the real ``figdate score`` command with a small --memory."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figdate.core.model import Article
from figdate.core.problems import InputError
from figdate.evaluation import scoreparts
from figdate.scoring import score
from tests.support import Run


def corpus(n_articles: int, seed: int = 0) -> tuple[dict[str, Article], pd.DataFrame, pd.DataFrame]:
    """Articles, gold and predictions: five gold mentions an article, some optional, some
    articles with no prediction at all; predictions drop, shift and change some and add
    spurious ones, some with text only or a qualifier."""
    rng = np.random.default_rng(seed)
    text = "".join(f"w{i:03d} " for i in range(60))
    articles = {f"a{i}": Article(f"a{i}", text, published="2020-01-01") for i in range(n_articles)}
    rows, preds = [], []
    for name in articles:
        for slot in range(5):
            start = slot * 25 + int(rng.integers(0, 4)) * 5
            kind = "figure" if rng.random() < 0.6 else "date"
            value = str(int(rng.integers(0, 50))) if kind == "figure" else "2019-05"
            rows.append({"article_id": name, "kind": kind, "start": start, "end": start + 4,
                         "text": text[start:start + 4], "value": value,
                         "qualifier": "exact" if kind == "figure" else None, "unit": None,
                         "optional": bool(rng.random() < 0.1), "note": None})  # fmt: skip
            if name.endswith("7") or rng.random() < 0.1:
                continue
            pred = {k: rows[-1][k] for k in ("article_id", "kind", "start", "end", "value")}
            if rng.random() < 0.1:
                pred["end"] += 5
                pred["value"] = "3" if kind == "figure" else "2019-05"
            if rng.random() < 0.1 and kind == "figure":
                pred["value"] = "7"
                pred["qualifier"] = "approx"
            if rng.random() < 0.1:
                pred = {"article_id": name, "kind": kind, "text": rows[-1]["text"],
                        "value": pred["value"]}  # fmt: skip
            preds.append(pred)
        if rng.random() < 0.3:
            preds.append({"article_id": name, "kind": "figure", "start": 290, "end": 294,
                          "text": text[290:294], "value": "1"})  # fmt: skip
    gold = pd.DataFrame(rows)
    order = rng.permutation(len(preds))  # an article's rows spread over the file
    return articles, gold, pd.DataFrame([preds[i] for i in order])


ARTICLES, GOLD, PREDICTIONS = corpus(300)


def write(frame: pd.DataFrame, path: Path) -> Path:
    records = [{k: v for k, v in r.items() if v is not None and v == v}
               for r in frame.to_dict("records")]  # fmt: skip
    if path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    elif path.suffix == ".csv":
        frame.to_csv(path, index=False)
    else:
        frame.astype({"start": "Int64", "end": "Int64"}).to_parquet(path, index=False)
    return path


def at_once(path: Path) -> object:
    from figdate.contract.predictions import read_predictions

    frame = read_predictions(path, ARTICLES)
    return score(GOLD, frame, ARTICLES, resamples=200, seed=3)


def same(ours: object, theirs: object) -> None:
    assert ours.articles == theirs.articles  # type: ignore[attr-defined]
    assert np.array_equal(ours.counts, theirs.counts)  # type: ignore[attr-defined]
    pd.testing.assert_frame_equal(ours.summary, theirs.summary)  # type: ignore[attr-defined]
    assert ours.qualifier == theirs.qualifier  # type: ignore[attr-defined]
    assert ours.notes == theirs.notes  # type: ignore[attr-defined]


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
@pytest.mark.parametrize("parts", [2, 7])
def test_parts_give_the_whole_files_numbers(tmp_path: Path, suffix: str, parts: int) -> None:
    path = write(PREDICTIONS, tmp_path / f"predictions{suffix}")
    ours = scoreparts.score_in_parts(
        path, GOLD, ARTICLES, memory=10**9, resamples=200, seed=3, parts=parts, progress=False
    )
    same(ours, at_once(path))
    with pytest.raises(ValueError, match="scored in parts"):
        _ = ours.outcomes


def test_each_part_holds_whole_articles_and_every_row_once(tmp_path: Path) -> None:
    path = write(PREDICTIONS, tmp_path / "predictions.jsonl")
    files = scoreparts.split(path, 5, tmp_path, rows=97, total=len(PREDICTIONS), progress=False)
    seen: dict[str, int] = {}
    lines = 0
    for index, part in enumerate(files):
        if not part.is_file():
            continue
        for line in part.read_text(encoding="utf-8").splitlines():
            seen.setdefault(json.loads(line)["article_id"], index)
            assert seen[json.loads(line)["article_id"]] == index  # one part an article
            lines += 1
    assert lines == len(PREDICTIONS)
    assert len(set(seen.values())) > 1  # more than one part was written
    assert sorted(seen) == sorted(set(PREDICTIONS["article_id"]))


def test_a_csv_cell_across_lines_is_split_by_the_csv_module(tmp_path: Path) -> None:
    frame = PREDICTIONS.copy()
    frame["unit"] = None
    frame.loc[frame.index[::50], "unit"] = "people\nand more"  # a quoted cell over two lines
    path = tmp_path / "predictions.csv"
    frame.to_csv(path, index=False, quoting=csv.QUOTE_MINIMAL)
    ours = scoreparts.score_in_parts(
        path, GOLD, ARTICLES, memory=10**9, resamples=200, seed=3, parts=3, progress=False
    )
    same(ours, at_once(path))


def test_parts_without_predictions_still_count_their_gold_as_missed(tmp_path: Path) -> None:
    one = PREDICTIONS[PREDICTIONS["article_id"] == "a1"]
    path = write(one, tmp_path / "predictions.jsonl")
    (tmp_path / "parts").mkdir()
    files = scoreparts.split(path, 6, tmp_path / "parts", rows=10, total=len(one), progress=False)
    assert sum(f.is_file() for f in files) == 1  # five parts hold no prediction
    ours = scoreparts.score_in_parts(
        path, GOLD, ARTICLES, memory=10**9, resamples=200, seed=3, parts=6, progress=False
    )
    same(ours, at_once(path))


def test_a_file_that_breaks_the_contract_is_refused_with_its_rows(tmp_path: Path) -> None:
    frame = PREDICTIONS.copy()
    frame.loc[frame.index[3], "article_id"] = "nowhere"
    path = write(frame, tmp_path / "predictions.jsonl")
    with pytest.raises(InputError) as raised:
        scoreparts.score_in_parts(path, GOLD, ARTICLES, memory=10**9, parts=3, progress=False)
    assert any(p.row == 4 and p.column == "article_id" for p in raised.value.problems)


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10_000), st.integers(2, 9))
def test_any_corpus_and_any_number_of_parts(seed: int, parts: int) -> None:
    import tempfile

    articles, gold, predictions = corpus(40, seed)
    with tempfile.TemporaryDirectory() as folder:
        path = write(predictions, Path(folder) / "predictions.jsonl")
        ours = scoreparts.score_in_parts(
            path, gold, articles, memory=10**9, resamples=50, seed=1, parts=parts,
            progress=False,
        )  # fmt: skip
        from figdate.contract.predictions import read_predictions

        theirs = score(gold, read_predictions(path, articles), articles, resamples=50, seed=1)
    same(ours, theirs)


def test_figdate_score_scores_a_file_beyond_its_memory_in_parts(
    figdate: Run, tmp_path: Path
) -> None:
    """The command, run for real on a gold folder: --memory 10 scores the file in parts
    (its size times FILE_FACTOR is beyond 10 MB), and the JSON report's numbers equal
    those of a run with room for the whole file."""
    articles, gold, predictions = corpus(4000, seed=5)
    folder = tmp_path / "gold"
    (folder / "articles").mkdir(parents=True)
    for name, article in articles.items():
        (folder / "articles" / f"{name}.txt").write_text(article.text, encoding="utf-8")
    pd.DataFrame(
        [{"id": a, "title": None, "source": None, "url": None, "published": "2020-01-01",
          "note": None} for a in articles]
    ).to_csv(folder / "articles.csv", index=False)  # fmt: skip
    gold.to_csv(folder / "mentions.csv", index=False)
    path = write(predictions, tmp_path / "predictions.jsonl")
    assert scoreparts.too_big(path, 10 * 1_000_000)
    assert not scoreparts.too_big(path, 1000 * 1_000_000)
    reports = []
    for memory in ("10", "1000"):
        out = tmp_path / f"score-{memory}.json"
        done = figdate("score", str(path), "--gold", str(folder), "--memory", memory,
                       "--json", str(out), "--resamples", "100", "--errors", "3")  # fmt: skip
        assert done.returncode == 0, done.stderr
        reports.append(json.loads(out.read_text(encoding="utf-8")))
        listed = "errors: none listed" in done.stdout
        assert listed is (memory == "10"), done.stdout  # in parts: no outcome table
    assert reports[0]["summary"] == reports[1]["summary"]
    assert reports[0]["errors"] is None
    assert len(reports[1]["errors"]) > 0
