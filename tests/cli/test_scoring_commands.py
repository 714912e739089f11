"""`figdate score` and `figdate compare` on real files, in a subprocess."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support import Run, repo_gold


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def gold_as_predictions(step: int = 1) -> list[dict[str, object]]:
    rows = []
    for r in repo_gold().mentions.iloc[::step].to_dict("records"):
        value = r["value"]
        rows.append(
            {
                "article_id": r["article_id"],
                "kind": r["kind"],
                "start": int(r["start"]),
                "end": int(r["end"]),
                "text": r["text"],
                "value": value if value == value else None,
            }
        )
    return rows


def test_score_prints_the_table_and_writes_reports(figdate: Run, tmp_path: Path) -> None:
    preds = write_jsonl(tmp_path / "half.jsonl", gold_as_predictions(step=2))
    out_json, out_md = tmp_path / "score.json", tmp_path / "score.md"
    result = figdate(
        "score",
        str(preds),
        "--json",
        str(out_json),
        "--markdown",
        str(out_md),
        "--errors",
        "3",
        "--per-article",
        "--extractor-version",
        "9.9",
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert (
        lines[0]
        == f"half 9.9 on gold set {repo_gold().version} ({len(repo_gold().articles)} articles)"
    )
    assert any(line.startswith("figure  value    1.000 [1.00, 1.00]") for line in lines)
    assert any(line.startswith("errors (") for line in lines)
    report = json.loads(out_json.read_text(encoding="utf-8"))
    assert report["schema"] == "figdate.score/1"
    assert report["gold"] == {
        "version": repo_gold().version,
        "checksum": repo_gold().checksum,
        "articles": sorted(repo_gold().articles),
    }
    assert report["extractor"] == {"name": "half", "version": "9.9"}
    value_all = next(r for r in report["summary"] if r["kind"] == "all" and r["scheme"] == "value")
    required = int((~repo_gold().mentions.optional).sum())
    assert value_all["tp"] + value_all["fn"] == required
    assert len(report["errors"]) == value_all["fn"]
    assert out_md.read_text(encoding="utf-8").startswith("### figdate: half 9.9 on gold set")


def test_score_accepts_csv_and_perfect_predictions_score_one(figdate: Run, tmp_path: Path) -> None:
    path = tmp_path / "perfect.csv"
    import pandas as pd

    pd.DataFrame(gold_as_predictions()).to_csv(path, index=False)
    result = figdate("score", str(path), "--scheme", "value", "--scheme", "strict")
    assert result.returncode == 0, result.stderr
    rows = [r for r in result.stdout.splitlines() if r.startswith(("figure ", "date ", "all "))]
    assert len(rows) == 6
    assert all("1.000 [1.00, 1.00]" in row for row in rows)


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
def test_the_same_scores_twice_are_identical(figdate: Run, tmp_path: Path) -> None:
    preds = write_jsonl(tmp_path / "p.jsonl", gold_as_predictions(step=3))
    first, second = figdate("score", str(preds)), figdate("score", str(preds))
    assert first.stdout == second.stdout


BAD = [
    (
        "unknown article",
        {"article_id": "nowhere", "kind": "figure", "start": 0, "end": 1, "value": 1},
        "column 'article_id': unknown article 'nowhere'",
    ),
    (
        "text mismatch",
        {
            "article_id": "idlib-civilians-return",
            "kind": "figure",
            "start": 0,
            "end": 5,
            "text": "35,000",
            "value": 35000,
        },
        "column 'text': '35,000' does not match",
    ),
    (
        "impossible date",
        {"article_id": "idlib-civilians-return", "kind": "date", "value": "2020-02-30"},
        "column 'value': date value '2020-02-30' is not a calendar date",
    ),
    (
        "unknown kind",
        {"article_id": "idlib-civilians-return", "kind": "time", "value": "x"},
        "column 'kind': 'time' is not one of figure, date",
    ),
    (
        "half the offsets",
        {"article_id": "idlib-civilians-return", "kind": "figure", "start": 3, "value": 1},
        "column 'start': give both start and end, or neither",
    ),
    (
        "negative figure",
        {"article_id": "idlib-civilians-return", "kind": "figure", "value": -4},
        "column 'value': figure value -4 is negative",
    ),
    (
        "missing kind",
        {"article_id": "idlib-civilians-return", "value": 4},
        "column 'kind': required column is missing",
    ),
]


@pytest.mark.parametrize(("case", "row", "message"), BAD, ids=[b[0] for b in BAD])
def test_invalid_predictions_are_refused_not_scored(
    figdate: Run, tmp_path: Path, case: str, row: dict[str, object], message: str
) -> None:
    path = write_jsonl(tmp_path / "bad.jsonl", [row])
    result = figdate("score", str(path), cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert any(
        line.startswith("bad.jsonl:1:") and message in line for line in result.stderr.splitlines()
    ), result.stderr


def test_unreadable_predictions_are_refused(figdate: Run, tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"article_id": "x"\n', encoding="utf-8")
    result = figdate("score", str(path), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("bad.jsonl:1: invalid JSON")


@pytest.mark.parametrize("name", ["nope.jsonl", "nope.parquet", "nope.csv"])
def test_a_missing_predictions_file_is_one_line(figdate: Run, tmp_path: Path, name: str) -> None:
    for args in (["score", name], ["validate", name], ["eval", "--extractor", f"file:{name}"]):
        result = figdate(*args, cwd=tmp_path)  # validate: 2, not a table it can judge
        assert result.returncode == (2 if args[0] == "validate" else 1), (args, result.stderr)
        assert "Traceback" not in result.stderr
        assert result.stderr.startswith(f"{name}: cannot read: No such file"), (args, result.stderr)


def test_a_truncated_parquet_file_is_one_line(figdate: Run, tmp_path: Path) -> None:
    (tmp_path / "cut.parquet").write_bytes(b"PAR1\x15\x04\x15")
    result = figdate("score", "cut.parquet", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("cut.parquet: ")
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
def test_compare_prints_differences_and_p_values(figdate: Run, tmp_path: Path) -> None:
    a = write_jsonl(tmp_path / "a.jsonl", gold_as_predictions())
    b = write_jsonl(tmp_path / "b.jsonl", gold_as_predictions(step=2))
    result = figdate("compare", str(a), str(b), "--scheme", "value", "--resamples", "500")
    assert result.returncode == 0, result.stderr
    rows = {
        line.split()[0]: line.split()
        for line in result.stdout.splitlines()
        if line.endswith(tuple("0123456789")) and " value " in line
    }
    assert set(rows) == {"figure", "date", "all"}
    f1_a, f1_b, delta, p = (float(x) for x in rows["all"][2:6])
    assert f1_a == 1.0
    assert delta == pytest.approx(f1_b - f1_a, abs=1e-3)  # B - A, as everywhere
    assert 0.0 <= p < 0.05
    same = figdate("compare", str(a), str(a), "--scheme", "value")
    assert all(
        line.split()[-1] == "1.000" for line in same.stdout.splitlines() if " value " in line
    )
