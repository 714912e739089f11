"""Drawn examples as a gold folder (texts, ``articles.csv``, ``mentions.csv``, a manifest),
so that ``figdate gold check`` can judge their labels and a shrunk counter-example can be
kept, scored and shared like any dataset."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from figdate.contract.pandera_backend import validate_mentions
from figdate.core.model import ARTICLE_COLUMNS, MENTION_COLUMNS
from figdate.core.problems import InputError
from figdate.core.tables import read_table
from figdate.goldset.layout import MENTIONS
from figdate.goldset.manifest import checksum, write_manifest
from figdate.goldset.store import GoldSet, load_articles

if TYPE_CHECKING:
    from figdate.testing.strategies import Example

ARTICLE_HEADER = (*ARTICLE_COLUMNS, "tags")


def unique_ids(examples: Iterable[Example]) -> list[str]:
    """Each example's article id in the folder: repeats numbered ``-2``, ``-3``, in order."""
    seen: set[str] = set()
    out = []
    for example in examples:
        ident, number = example.article.id, 1
        while ident in seen:
            number += 1
            ident = f"{example.article.id}-{number}"
        seen.add(ident)
        out.append(ident)
    return out


def write_gold(examples: Iterable[Example], root: Path) -> Path:
    """Write ``examples`` into ``root`` (created; article ids as ``unique_ids`` gives)."""
    examples = list(examples)
    (root / "articles").mkdir(parents=True, exist_ok=True)
    articles, mentions = [], []
    for example, ident in zip(examples, unique_ids(examples), strict=True):
        (root / "articles" / f"{ident}.txt").write_text(example.article.text, encoding="utf-8")
        articles.append({**example.article.metadata(), "id": ident, "tags": example.article.tags})
        for mention in example.mentions:
            row = {**mention.as_dict(), "article_id": ident}
            row["optional"] = "true" if mention.optional else "false"
            mentions.append(row)
    (root / "articles.csv").write_text(table(articles, ARTICLE_HEADER), encoding="utf-8")
    (root / "mentions.csv").write_text(table(mentions, MENTION_COLUMNS), encoding="utf-8")
    write_manifest(root)
    return root


def load_drawn(root: Path) -> GoldSet:
    """The folder as a gold set, judged as part of a dataset (``dataset=False``): the rules
    about a whole dataset (a share of optional mentions, at least one row) do not apply to
    a handful of drawn passages; every label rule does (InputError otherwise)."""
    articles = load_articles(root)
    table_read = read_table(root / MENTIONS)
    mentions, problems = validate_mentions(table_read, articles, gold=True, dataset=False)
    if problems or mentions is None:
        raise InputError(problems)
    return GoldSet(root, articles, mentions, "drawn", checksum(root), table_read)


def table(rows: Iterable[Mapping[str, object]], columns: tuple[str, ...]) -> str:
    """CSV text as figdate's tables hold it: empty cells for None, whole floats as ints."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else _cell(row[c]) for c in columns])
    return out.getvalue()


def _cell(value: object) -> object:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
