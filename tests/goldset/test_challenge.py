"""The challenge suite: the committed files are the builder's output, byte for byte; the
bundled name finds them; they pass ``gold check`` (labels, manifest, and the card's counts
per phenomenon); the issue's phenomena are all there; and ``eval --by tag`` scores them."""

from __future__ import annotations

import csv
import subprocess
import sys
from collections import Counter
from pathlib import Path

from figdate.core.vocabulary import tags_of
from figdate.goldset.location import find
from figdate.goldset.store import load
from tests.support import REPO, Run

FOLDER = REPO / "datasets" / "challenge"
BUILD = REPO / "datasets" / "challenge_build" / "build.py"
PHENOMENA = (
    "digits-comma", "digits-dot", "digits-space", "words", "multiplier", "fraction", "percent",
    "range", "approximate", "bound", "money", "not-figure", "dotted", "slashed", "day-first",
    "month-first", "year-less", "weekday", "publication-day", "past", "future", "relative",
    "anaphoric", "year-boundary", "month-boundary", "leap-day", "undated",
)  # fmt: skip
"""What issue 18 asks the suite to cover, as tags."""


def _tags() -> Counter[str]:
    with (FOLDER / "articles.csv").open(encoding="utf-8", newline="") as handle:
        return Counter(tag for row in csv.DictReader(handle) for tag in tags_of(row["tags"]))


def test_the_committed_files_are_the_builders_output(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(BUILD), str(tmp_path)], capture_output=True,
                          text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    for name in ("articles.csv", "mentions.csv"):
        assert (tmp_path / name).read_bytes() == (FOLDER / name).read_bytes(), name
    built = sorted(p.name for p in (tmp_path / "articles").iterdir())
    assert built == sorted(p.name for p in (FOLDER / "articles").iterdir())
    for name in built:
        assert (tmp_path / "articles" / name).read_bytes() == (
            FOLDER / "articles" / name
        ).read_bytes()


def test_it_is_bundled_by_name_and_passes_gold_check(figdate: Run) -> None:
    assert find("challenge").path.resolve() == FOLDER.resolve()
    done = figdate("gold", "check", "--dataset", "challenge")
    assert done.returncode == 0, done.stderr  # labels, manifest and the card's counts
    assert "432 articles" in done.stdout


def test_at_least_400_passages_cover_every_phenomenon() -> None:
    gold = load(FOLDER)
    assert len(gold.articles) >= 400
    tags = _tags()
    assert {t: tags[t] for t in PHENOMENA if tags[t] < 5} == {}  # each tested several times
    card = (FOLDER / "README.md").read_text(encoding="utf-8")
    for tag in PHENOMENA:  # the card's generated counts name each phenomenon with its count
        assert f"| {tag} | {tags[tag]} |" in card


def test_eval_by_tag_on_the_challenge_suite(figdate: Run) -> None:
    done = figdate("eval", "--dataset", "challenge", "--by", "tag", "--resamples", "50")
    assert done.returncode == 0, done.stderr
    rows = [line.split() for line in done.stdout.splitlines() if line.startswith("leap-day ")]
    assert rows
    assert rows[0][1:3] == ["date", "value"]
    assert int(rows[0][-5]) == _tags()["leap-day"]  # gold: one date a passage


def test_a_boundary_tag_means_its_date_crosses_the_boundary() -> None:
    """A ``year-boundary`` date lies in another year than its passage's publication (earlier,
    or later for a future tense), a ``month-boundary`` date in another month ("yesterday"
    from 3 January crosses neither)."""
    gold = load(FOLDER)
    mentions = gold.mentions[gold.mentions["kind"] == "date"]
    checked = Counter[str]()
    for row in mentions.to_dict("records"):
        article = gold.articles[row["article_id"]]  # one date a passage: the article's tags
        tags, published = set(tags_of(article.tags or "")), article.published
        if not tags & {"year-boundary", "month-boundary"} or published is None:
            continue
        year, month = int(row["value"][:4]), int(row["value"][5:7])
        if "year-boundary" in tags:
            assert year != published.year, (row["article_id"], row["value"], published)
            checked["year-boundary"] += 1
        if "month-boundary" in tags:
            assert (year, month) != (published.year, published.month), row["article_id"]
            checked["month-boundary"] += 1
    assert checked["year-boundary"] >= 16
    assert checked["month-boundary"] >= 16


def test_no_two_passages_share_a_text() -> None:
    texts = Counter(p.read_text(encoding="utf-8") for p in (FOLDER / "articles").iterdir())
    assert [text for text, n in texts.items() if n > 1] == []
