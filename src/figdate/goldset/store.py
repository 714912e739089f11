"""Finding and loading a gold set: the articles, their texts and the validated mentions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from figdate.contract.pandera_backend import validate_articles, validate_mentions
from figdate.core.model import Article, articles_from_frame
from figdate.core.problems import InputError, Problem
from figdate.core.tables import Table, display_path, read_table, read_text
from figdate.core.vocabulary import KINDS
from figdate.goldset.layout import ARTICLES, MENTIONS, TEXTS
from figdate.goldset.location import locate, no_folder
from figdate.goldset.manifest import checksum, follows_figdate, read_manifest


@dataclass(frozen=True)
class GoldSet:
    """A loaded, valid gold set. ``table`` is ``mentions.csv`` as read, for the file lines
    that problems found later (the guideline checks) are reported at."""

    root: Path
    articles: dict[str, Article]
    mentions: pd.DataFrame
    version: str
    checksum: str
    table: Table
    kinds: tuple[str, ...] = KINDS
    """The kinds the dataset labels (its manifest's ``kinds``; both by default)."""


@dataclass(frozen=True)
class Read:
    """A gold folder as read: its problems so far, its articles, and (when the mentions
    table fits the schema) the typed mentions with the table they came from."""

    problems: list[Problem]
    articles: dict[str, Article]
    mentions: pd.DataFrame | None = None
    table: Table | None = None


def load(root: str | Path | None = None) -> GoldSet:
    """Load a gold set, raising InputError with every problem if it is not valid."""
    gold_root = locate(root)
    read = read_folder(gold_root)
    if read.problems or read.mentions is None or read.table is None:
        raise InputError(read.problems)
    return gold_set(gold_root, read)


def gold_set(root: Path, read: Read) -> GoldSet:
    """The GoldSet of a folder read without problems."""
    if read.mentions is None or read.table is None:
        raise InputError(read.problems)
    manifest = read_manifest(root)
    version = str(manifest.get("version", "unversioned"))
    declared = manifest.get("kinds")
    kinds = tuple(k for k in KINDS if k in declared) if isinstance(declared, list) else KINDS
    return GoldSet(root, read.articles, read.mentions, version, checksum(root), read.table,
                   kinds or KINDS)  # fmt: skip


def read_folder(root: Path) -> Read:
    """Read and validate a gold folder's tables and texts, collecting every problem."""
    if not root.is_dir():
        return Read([no_folder(root)], {})
    try:
        table: Table | None = read_table(root / MENTIONS)
    except InputError as exc:
        table, unreadable = None, exc.problems
    house = table is not None and follows_figdate(root)  # every article has a mention
    problems, articles = _read_articles(root, table.frame if house and table else None)
    if table is None:
        return Read(problems + unreadable, articles)
    if not articles and problems:
        return Read(problems, articles)
    mentions, found = validate_mentions(table, articles, gold=True)
    return Read(problems + found, articles, mentions, table if mentions is not None else None)


def _read_articles(
    root: Path, mentions: pd.DataFrame | None = None
) -> tuple[list[Problem], dict[str, Article]]:
    """The articles table and texts; with the mentions, also "every article has some"."""
    try:
        table = read_table(root / ARTICLES)
    except InputError as exc:
        return exc.problems, {}
    frame, problems = validate_articles(table, mentions)
    if frame is None:
        return problems, {}
    texts: dict[str, str] = {}
    for ident in frame["id"]:
        try:
            texts[ident] = read_text(root / TEXTS / f"{ident}.txt")
        except InputError as exc:
            problems += exc.problems
    listed = {f"{ident}.txt" for ident in frame["id"]}
    for extra in sorted((root / TEXTS).glob("*")):
        if extra.name not in listed:
            problems.append(Problem(display_path(extra), reason=f"not listed in {ARTICLES}"))
    return problems, {a.id: a for a in articles_from_frame(frame[frame["id"].isin(texts)], texts)}


def load_articles(root: str | Path | None = None) -> dict[str, Article]:
    """The gold set's articles alone (to check predictions against), or InputError."""
    problems, articles = _read_articles(locate(root))
    if problems:
        raise InputError(problems)
    return articles
