"""A ``file:`` of predictions is read and validated once, however often it is prepared
(the plugin's setup prepares it before the evaluation does)."""

from __future__ import annotations

import shutil
from pathlib import Path

from figdate.extractors.sources import FileSource
from figdate.goldset.store import GoldSet
from tests.support import REPO


def test_preparing_twice_reads_the_file_once(tmp_path: Path, gold_set: GoldSet) -> None:
    path = tmp_path / "noisy.jsonl"
    shutil.copy(REPO / "tests" / "data" / "golden" / "noisy.jsonl", path)
    source = FileSource(path, f"file:{path}")
    source.prepare(gold_set.articles)
    first = {ident: source.extract(article) for ident, article in gold_set.articles.items()}
    path.write_text("{not json\n", encoding="utf-8")  # a second read would refuse this
    source.prepare(gold_set.articles)
    again = {ident: source.extract(article) for ident, article in gold_set.articles.items()}
    assert again == first
    assert sum(len(rows) for rows in first.values()) > 0
