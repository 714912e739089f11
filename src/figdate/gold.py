"""The gold set on disk: loading, checking, counting, and its manifest and card.

Layout (see ``gold/README.md``)::

    gold/articles.csv          one row per article (id, title, source, url, published, note)
    gold/articles/<id>.txt     each article's text, byte for byte as received
    gold/mentions.csv          one row per figure or date mention
    gold/MANIFEST.json         version and SHA-256 of every file above
    gold/README.md             the dataset card; its counts block is generated
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from figdate import guidelines
from figdate.model import Article, articles_from_frame
from figdate.problems import InputError, Problem
from figdate.tables import Table, display_path, read_table, read_text, write_atomic
from figdate.validation import validate_articles, validate_mentions

ARTICLES = "articles.csv"
MENTIONS = "mentions.csv"
TEXTS = "articles"
MANIFEST = "MANIFEST.json"
CARD = "README.md"
COUNTS_START = "<!-- figdate:counts:start -->"
COUNTS_END = "<!-- figdate:counts:end -->"


@dataclass(frozen=True)
class GoldSet:
    """A loaded, valid gold set."""

    root: Path
    articles: dict[str, Article]
    mentions: pd.DataFrame
    version: str
    checksum: str


def locate(path: str | Path | None = None) -> Path:
    """The gold folder: the one named, else $FIGDATE_GOLD, else ./gold, else the repository's."""
    if path is not None:
        return Path(path)
    if os.environ.get("FIGDATE_GOLD"):
        return Path(os.environ["FIGDATE_GOLD"])
    here = Path.cwd() / "gold"
    if (here / ARTICLES).is_file():
        return here
    return Path(__file__).resolve().parents[2] / "gold"


def load(root: str | Path | None = None) -> GoldSet:
    """Load a gold set, raising InputError with every problem if it is not valid."""
    gold_root = locate(root)
    problems, articles, mentions = _read(gold_root)
    if problems or mentions is None:
        raise InputError(problems)
    return _gold_set(gold_root, articles, mentions)


def _gold_set(root: Path, articles: dict[str, Article], mentions: pd.DataFrame) -> GoldSet:
    manifest = read_manifest(root)
    version = str(manifest.get("version", "unversioned"))
    return GoldSet(root, articles, mentions, version, checksum(root))


def inspect(root: str | Path | None = None) -> tuple[list[Problem], GoldSet | None]:
    """Every problem in a gold set (files, schemas, guidelines, manifest, card) and, when
    there is none, the loaded set: one read serves both the check and its report."""
    gold_root = locate(root)
    problems, articles, mentions = _read(gold_root)
    if mentions is not None:
        problems += _guideline_problems(gold_root, mentions, articles)
    problems += _manifest_problems(gold_root)
    if mentions is None or problems:
        return problems, None
    loaded = _gold_set(gold_root, articles, mentions)
    problems += _card_problems(loaded)
    return problems, None if problems else loaded


def check(root: str | Path | None = None) -> list[Problem]:
    """Every problem in a gold set: files, schemas, guidelines, manifest and card."""
    return inspect(root)[0]


def _read(root: Path) -> tuple[list[Problem], dict[str, Article], pd.DataFrame | None]:
    if not root.is_dir():
        return [Problem(display_path(root), reason="no such gold folder")], {}, None
    try:
        mentions_table: Table | None = read_table(root / MENTIONS)
    except InputError as exc:
        mentions_table, unreadable = None, exc.problems
    raw = mentions_table.frame if mentions_table is not None else None
    problems, articles = _read_articles(root, raw)
    if mentions_table is None:
        return problems + unreadable, articles, None
    if not articles and problems:
        return problems, articles, None
    mentions, found = validate_mentions(mentions_table, articles, gold=True)
    problems += found
    if mentions is not None:
        mentions.attrs["table"] = mentions_table
    return problems, articles, mentions


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


def _guideline_problems(
    root: Path, mentions: pd.DataFrame, articles: dict[str, Article]
) -> list[Problem]:
    table: Table = mentions.attrs["table"]
    out = []
    for index, column, reason in guidelines.check_mentions(mentions, articles):
        line, row = table.where(index)
        out.append(Problem(table.path, line, row, column, reason))
    return out


# Manifest -------------------------------------------------------------------------------


def data_files(root: Path) -> list[Path]:
    """The files the manifest covers, in a stable order."""
    files = [root / ARTICLES, root / MENTIONS]
    files += sorted((root / TEXTS).glob("*.txt"))
    return [f for f in files if f.is_file()]


def file_hashes(root: Path) -> dict[str, str]:
    return {
        f.relative_to(root).as_posix(): hashlib.sha256(f.read_bytes()).hexdigest()
        for f in data_files(root)
    }


def checksum(root: Path) -> str:
    """One SHA-256 over every data file: what a score report cites as the gold set it used."""
    listing = json.dumps(file_hashes(root), sort_keys=True).encode()
    return hashlib.sha256(listing).hexdigest()


def read_manifest(root: Path) -> dict[str, object]:
    try:
        loaded = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def write_manifest(root: Path, version: str | None = None) -> dict[str, object]:
    """Record the current checksums (after a reviewed change), keeping or setting the version."""
    manifest = read_manifest(root)
    manifest = {
        "name": manifest.get("name", "figdate-gold"),
        "version": version or manifest.get("version", "0.1.0"),
        "checksum": checksum(root),
        "files": file_hashes(root),
    }
    text = json.dumps(manifest, indent=2, sort_keys=False) + "\n"
    write_atomic(root / MANIFEST, text.encode("utf-8"))
    return manifest


def _manifest_problems(root: Path) -> list[Problem]:
    shown = display_path(root / MANIFEST)
    if not (root / MANIFEST).is_file():
        return [Problem(shown, reason="missing; run `figdate gold manifest` to create it")]
    manifest = read_manifest(root)
    recorded = manifest.get("files")
    if not isinstance(recorded, dict) or not isinstance(manifest.get("version"), str):
        return [Problem(shown, reason="not a manifest (needs 'version' and 'files')")]
    problems = []
    actual = file_hashes(root)
    hint = "review the change, then run `figdate gold manifest`"
    for name in sorted(set(recorded) | set(actual)):
        path = display_path(root / name)
        if name not in actual:
            problems.append(Problem(path, reason=f"listed in {MANIFEST} but missing"))
        elif name not in recorded:
            problems.append(Problem(path, reason=f"not in {MANIFEST}; {hint}"))
        elif recorded[name] != actual[name]:
            problems.append(Problem(path, reason=f"changed since {MANIFEST} was written; {hint}"))
    return problems


# Counts and the dataset card ------------------------------------------------------------


def stats(gold: GoldSet) -> pd.DataFrame:
    """Mentions per article and kind, required and optional, with a total row."""
    frame = gold.mentions
    rows = []
    for ident in sorted(gold.articles):
        mine = frame[frame["article_id"] == ident]
        row: dict[str, object] = {"article": ident}
        published = gold.articles[ident].published
        row["published"] = published.isoformat() if published else ""
        row["chars"] = len(gold.articles[ident].text)
        for kind in ("figure", "date"):
            of_kind = mine[mine["kind"] == kind]
            row[f"{kind}s"] = int((~of_kind["optional"]).sum())
            row[f"{kind}s_optional"] = int(of_kind["optional"].sum())
        rows.append(row)
    table = pd.DataFrame(rows)
    total = {c: int(table[c].sum()) for c in table.columns if c not in {"article", "published"}}
    return pd.concat(
        [table, pd.DataFrame([{"article": "total", "published": "", **total}])], ignore_index=True
    )


def render_counts(gold: GoldSet) -> str:
    """The generated block of the dataset card (Markdown)."""
    table = stats(gold)
    header = (
        "| article | published | characters | figures | optional figures "
        "| dates | optional dates |\n|---|---|--:|--:|--:|--:|--:|\n"
    )
    lines = [
        f"| {r.article} | {_published_cell(r.article, r.published)} | {r.chars} | {r.figures} "
        f"| {r.figures_optional} | {r.dates} | {r.dates_optional} |"
        for r in table.itertuples()
    ]
    return (
        f"Version **{gold.version}**, checksum `{gold.checksum[:16]}`: "
        f"{len(gold.articles)} articles, {len(gold.mentions)} mentions.\n\n"
        + header
        + "\n".join(lines)
        + "\n"
    )


def _published_cell(article: object, published: object) -> str:
    if article == "total":
        return ""
    return str(published) if published else "(undated)"


def card_text(root: Path, gold: GoldSet) -> str | None:
    """The card with a fresh counts block, or None if the card has no counts markers."""
    try:
        card = (root / CARD).read_text(encoding="utf-8")
    except OSError:
        return None
    pattern = re.compile(re.escape(COUNTS_START) + r".*?" + re.escape(COUNTS_END), re.DOTALL)
    if not pattern.search(card):
        return None
    block = f"{COUNTS_START}\n{render_counts(gold)}{COUNTS_END}"
    return pattern.sub(lambda _: block, card)


def _card_problems(gold: GoldSet) -> list[Problem]:
    root = gold.root
    fresh = card_text(root, gold)
    if fresh is not None and fresh != (root / CARD).read_text(encoding="utf-8"):
        return [
            Problem(
                display_path(root / CARD),
                reason="the generated counts are stale; run `figdate gold card`",
            )
        ]
    return []


def write_card(root: Path) -> bool:
    """Rewrite the card's counts block; False if the card has no markers."""
    gold = load(root)
    fresh = card_text(root, gold)
    if fresh is None:
        return False
    write_atomic(root / CARD, fresh.encode("utf-8"))
    return True
