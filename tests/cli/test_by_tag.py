"""``figdate eval --by tag`` and ``score --by tag``: P/R/F1 per tag in the terminal, the
same rows in the JSON report and in the HTML report; an untagged gold set says so."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from tests.support import Run


def _predictions(gold: Path, out: Path, *, drop_tag: str) -> int:
    """The gold's own mentions as predictions, without those tagged ``drop_tag``."""
    with (gold / "mentions.csv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["optional"] == "false"]
    kept = [r for r in rows if r["tags"] != drop_tag]
    with out.open("w", encoding="utf-8") as handle:
        for r in kept:
            value = int(r["value"]) if r["kind"] == "figure" else r["value"]
            row = {"article_id": r["article_id"], "kind": r["kind"], "value": value,
                   "start": int(r["start"]), "end": int(r["end"]),
                   "qualifier": r["qualifier"] or None}  # fmt: skip
            handle.write(json.dumps(row) + "\n")
    return len(rows) - len(kept)


def test_score_by_tag_names_the_phenomenon_that_was_missed(
    figdate: Run, gold_copy: Path, tmp_path: Path
) -> None:
    missed = _predictions(gold_copy, tmp_path / "p.jsonl", drop_tag="weekday")
    report = tmp_path / "r.json"
    done = figdate("score", str(tmp_path / "p.jsonl"), "--gold", str(gold_copy), "--by", "tag",
                   "--resamples", "50", "--json", str(report))  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = {line.split()[0]: line.split() for line in done.stdout.splitlines()[-9:]}
    assert lines["weekday"][1:3] == ["date", "value"]
    assert lines["weekday"][3] == "0.000"
    assert lines["weekday"][-2] == str(missed)
    assert lines["year-less"][9] == "1.000"  # f1
    rows = json.loads(report.read_text(encoding="utf-8"))["by_tag"]
    weekday = [r for r in rows if r["tag"] == "weekday" and r["scheme"] == "value"]
    assert weekday[0]["fn"] == missed
    assert weekday[0]["recall"] == 0.0
    assert {r["tag"] for r in rows} >= {"absolute", "digits", "words", "relative"}


def test_the_html_report_carries_the_breakdown(figdate: Run, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    done = figdate("report", "--resamples", "20", "-o", str(out), "--timeout", "0")
    assert done.returncode == 0, done.stderr
    page = out.read_text(encoding="utf-8")
    assert "<h2>Per tag (value scheme)</h2>" in page
    assert "<td>year-less</td><td>date</td>" in page


def test_an_untagged_gold_set_says_so(figdate: Run, gold_copy: Path) -> None:
    path = gold_copy / "mentions.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, [c for c in rows[0] if c != "tags"], lineterminator="\n",
                                extrasaction="ignore")  # fmt: skip
        writer.writeheader()
        writer.writerows(rows)
    done = figdate("eval", "--gold", str(gold_copy), "--by", "tag", "--resamples", "0")
    assert "per tag: none: the gold set has no tags" in done.stdout, done.stderr
