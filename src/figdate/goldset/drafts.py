"""Growing the gold set: ``figdate add``, review, ``figdate gold fix-offsets``.

A new article starts as a draft in ``gold/drafts/<id>/``: its text (verbatim), its
metadata row (``article.csv``) and its mentions (``mentions.csv``), pre-annotated by an
extractor. Nothing reads drafts when scoring: the gold set proper (``articles.csv``,
``articles/``, ``mentions.csv``) is untouched until ``accept`` moves a reviewed draft in,
in one step with its manifest and card (``figdate.goldset.accept``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from figdate.core.model import ARTICLE_COLUMNS, MENTION_COLUMNS, Article, records
from figdate.core.problems import InputError, Problem
from figdate.core.tables import csv_bytes, display_path, read_table, read_text
from figdate.core.transaction import commit
from figdate.core.values import format_figure, is_empty, parse_date, parse_figure
from figdate.core.vocabulary import SLUG, URL
from figdate.goldset.layout import ARTICLES, DRAFTS, draft_folder, text_file, valid_id
from figdate.goldset.location import locate
from figdate.goldset.store import GoldSet, load, load_articles
from figdate.goldset.writing import DEFAULT_WAIT, writing

TEXT, META, MENTIONS = "article.txt", "article.csv", "mentions.csv"
OCCURRENCE = "occurrence"


def to_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], *, header: bool) -> bytes:
    """CSV as the gold files are written: LF line ends, minimal quoting, empty for None."""
    cells = (["" if is_empty(row.get(c)) else row.get(c) for c in columns] for row in rows)
    return csv_bytes([list(columns), *cells] if header else cells)


@dataclass(frozen=True)
class Added:
    folder: Path
    mentions: int
    dropped: int
    failure: str | None


def add(
    source_file: Path,
    ident: str,
    *,
    title: str | None,
    source: str | None,
    url: str | None = None,
    published: str | None = None,
    extractor: str | None = "rules",
    root: Path | None = None,
    timeout: float | None = 60.0,
    wait: float = DEFAULT_WAIT,
) -> Added:
    """Copy ``source_file`` into a new draft ``ident`` with mentions drafted by ``extractor``."""
    gold_root = locate(root, writable=True)
    shown = display_path(source_file)
    _check_new(valid_id(ident, "--id"), gold_root)
    text = _article_text(source_file, shown)
    data = text.encode("utf-8")  # strict UTF-8 decodes and encodes back byte for byte
    day = _published(published)
    if url is not None and not re.fullmatch(URL, url):
        raise InputError([Problem("--url", reason=f"{url!r} is not an http(s) URL")])
    article = Article(ident, text, title=title, source=source, url=url, published=day)
    rows, dropped, failure = _draft_mentions(article, extractor, timeout)
    folder = draft_folder(gold_root, ident)
    with writing(gold_root, wait=wait):
        _check_new(ident, gold_root)  # again, under the lock: another writer may have won
        files = {
            folder / TEXT: data,
            folder / META: to_csv([article.metadata()], ARTICLE_COLUMNS, header=True),
            folder / MENTIONS: to_csv(rows, [*MENTION_COLUMNS, OCCURRENCE], header=True),
        }
        commit(files, gold_root)
    return Added(folder, len(rows), dropped, failure)


def _check_new(ident: str, root: Path) -> None:
    if text_file(root, ident, "--id").exists() or ident in _listed_ids(root):
        raise InputError([Problem("--id", reason=f"{ident!r} is already in the gold set")])
    if draft_folder(root, ident).exists():
        where = display_path(draft_folder(root, ident))
        raise InputError([Problem("--id", reason=f"{ident!r} is already a draft ({where})")])


def _listed_ids(root: Path) -> set[str]:
    try:
        frame = read_table(root / ARTICLES).frame
    except InputError:
        return set()
    return set(frame["id"].astype(str)) if "id" in frame else set()


def _article_text(path: Path, shown: str) -> str:
    text = read_text(path)  # refuses unreadable and non-UTF-8 files with the byte at fault
    if not text.strip():
        raise InputError([Problem(shown, reason="the article is empty")])
    return text


def _published(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        day = parse_date(value)
        if len(day) != 10:
            raise ValueError(f"{value!r} is not a day YYYY-MM-DD")
    except ValueError as exc:
        raise InputError([Problem("--published", reason=str(exc))]) from None
    return dt.date.fromisoformat(day)


def _draft_mentions(
    article: Article, spec: str | None, timeout: float | None
) -> tuple[list[dict[str, Any]], int, str | None]:
    """The extractor's output as draft gold rows; rows it cannot place are dropped."""
    if spec in (None, "", "none"):
        return [], 0, None
    from figdate.extractors.registry import resolve
    from figdate.extractors.runner import run

    result = run(resolve(spec), [article], timeout=timeout, cache=None, progress=False)
    if result.failures:
        return [], 0, result.failures[0].reason
    rows, dropped = [], 0
    for row in result.rows.get(article.id, []):
        drafted = _draft_row(article, row)
        if drafted is None:
            dropped += 1
        else:
            rows.append(drafted)
    rows.sort(key=lambda r: (int(r["start"]), int(r["end"]), str(r["kind"])))
    unique = {(r["kind"], r["start"], r["end"]): r for r in rows}
    return list(unique.values()), dropped + len(rows) - len(unique), None


def _draft_row(article: Article, row: Mapping[str, Any]) -> dict[str, Any] | None:
    try:
        start, end = int(row["start"]), int(row["end"])
        kind = str(row["kind"])
        value = row.get("value")
        if kind == "figure":
            shown = "" if is_empty(value) else format_figure(parse_figure(value))
        elif kind == "date":
            shown = "" if is_empty(value) else parse_date(value, allow_time=True)[:10]
        else:
            return None
    except (KeyError, TypeError, ValueError):
        return None
    if not 0 <= start < end <= len(article.text):
        return None
    return {
        "article_id": article.id,
        "kind": kind,
        "start": start,
        "end": end,
        "text": article.text[start:end],
        "value": shown,
        "qualifier": row.get("qualifier") if kind == "figure" else None,
        "unit": row.get("unit") if kind == "figure" else None,
        "optional": "false",
        "note": None,
    }


# Review -------------------------------------------------------------------------------


def drafts(root: Path | None = None) -> list[str]:
    """The ids of the drafts (folders of ``drafts/`` named by a valid id)."""
    folder = locate(root) / DRAFTS
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.is_dir() and re.fullmatch(SLUG, p.name))


def load_draft(root: Path, ident: str) -> tuple[Article, pd.DataFrame, Path]:
    folder = draft_folder(root, ident)
    if not folder.is_dir():
        raise InputError([Problem(display_path(folder), reason=f"no draft {ident!r}")])
    from figdate.contract.pandera_backend import validate_articles
    from figdate.core.model import articles_from_frame

    frame, problems = validate_articles(read_table(folder / META))
    if frame is None:
        raise InputError(problems)
    text = read_text(folder / TEXT)
    article = articles_from_frame(frame, {ident: text})[0]
    return article, read_table(folder / MENTIONS).frame, folder


def for_review(
    idents: Sequence[str], root: Path | None = None
) -> tuple[list[Article], dict[str, list[dict[str, Any]]]]:
    """The articles and mention rows of ``idents``: a draft's own, else the gold set's."""
    gold_root = locate(root)
    articles: list[Article] = []
    rows: dict[str, list[dict[str, Any]]] = {}
    loaded: GoldSet | None = None
    for ident in idents:
        if draft_folder(gold_root, ident).is_dir():
            article, frame, folder = load_draft(gold_root, ident)
            rows[ident] = _placed(article, records(frame), display_path(folder / MENTIONS))
        else:
            loaded = loaded or load(gold_root)
            if ident not in loaded.articles:
                raise InputError([Problem(ident, reason="neither a draft nor a gold article")])
            article = loaded.articles[ident]
            rows[ident] = records(loaded.mentions[loaded.mentions["article_id"] == ident])
        articles.append(article)
    return articles, rows


def _placed(article: Article, rows: list[dict[str, Any]], shown: str) -> list[dict[str, Any]]:
    """Draft rows with offsets: rows that give text and occurrence instead are placed as
    ``fix-offsets`` would place them; one that cannot be placed refuses the export (a row
    is never left out)."""
    problems = []
    for number, row in enumerate(rows, start=1):
        if is_empty(row.get("start")) and is_empty(row.get("end")):
            found = _locate(article.text, row.get("text"), row.get(OCCURRENCE))
            if isinstance(found, str):
                problems.append(Problem(shown, number + 1, number, "text", found))
                continue
            row["start"], row["end"] = found
    if problems:
        raise InputError(problems)
    return rows


def check_texts(root: Path, texts: Mapping[str, str], shown: str) -> None:
    """Refuse annotations made on another text than the draft's (offsets would not fit)."""
    problems = []
    for ident, text in texts.items():
        folder = draft_folder(root, ident, "article_id")
        if folder.is_dir() and read_text(folder / TEXT) != text:
            reason = f"{ident}: the task's text is not the draft's article text ({TEXT})"
            problems.append(Problem(shown, reason=reason))
    if problems:
        raise InputError(problems)


def all_articles(root: Path | None = None) -> dict[str, Article]:
    """The gold set's articles and the drafts' (what annotators may be labelling)."""
    gold_root = locate(root)
    articles = dict(load_articles(gold_root))
    for ident in drafts(gold_root):
        articles[ident] = load_draft(gold_root, ident)[0]
    return articles


def replace_mentions(
    changes: Mapping[str, Sequence[Mapping[str, Any]]],
    root: Path | None = None,
    *,
    columns: Sequence[str] = MENTION_COLUMNS,
    wait: float = DEFAULT_WAIT,
) -> None:
    """Make ``changes[id]`` the mentions of each draft ``id``, all drafts in one step
    (annotations come back for review); refused, writing nothing, if any is not a draft."""
    gold_root = locate(root, writable=True)
    with writing(gold_root, wait=wait):
        files: dict[Path, bytes | None] = {}
        for ident, rows in changes.items():
            folder = draft_folder(gold_root, ident, "article_id")
            if not folder.is_dir():
                reason = (
                    f"no draft {ident!r}: `figdate add` it first, or import with -o into a file"
                )
                raise InputError([Problem(display_path(folder), reason=reason)])
            files[folder / MENTIONS] = to_csv(rows, [*columns, OCCURRENCE], header=True)
        commit(files, gold_root)


def fix_offsets(ident: str, root: Path | None = None, *, wait: float = DEFAULT_WAIT) -> int:
    """Fill start and end from text and occurrence in draft ``ident``; return rows filled.
    Refuses (and writes nothing) if any text is missing from the article or ambiguous."""
    gold_root = locate(root, writable=True)
    with writing(gold_root, wait=wait):
        return _fix_offsets(ident, gold_root)


def _fix_offsets(ident: str, gold_root: Path) -> int:
    article, frame, folder = load_draft(gold_root, ident)
    shown = display_path(folder / MENTIONS)
    rows = records(frame)
    problems: list[Problem] = []
    filled = 0
    for number, row in enumerate(rows, start=1):
        if not (is_empty(row.get("start")) and is_empty(row.get("end"))):
            continue
        found = _locate(article.text, row.get("text"), row.get(OCCURRENCE))
        if isinstance(found, str):
            problems.append(Problem(shown, number + 1, number, "text", found))
            continue
        row["start"], row["end"] = found
        filled += 1
    if problems:
        raise InputError(problems)
    columns = [c for c in frame.columns if c != OCCURRENCE]
    commit({folder / MENTIONS: to_csv(rows, columns, header=True)}, gold_root)
    return filled


def _locate(text: str, needle: object, occurrence: object) -> tuple[int, int] | str:
    if is_empty(needle) or not isinstance(needle, str):
        return "no offsets and no text: give start and end, or the text to find"
    starts = [m.start() for m in re.finditer(f"(?={re.escape(needle)})", text)]
    if not starts:
        return f"{needle!r} does not occur in the article"
    if is_empty(occurrence):
        if len(starts) > 1:
            return (
                f"{needle!r} occurs {len(starts)} times (at {', '.join(map(str, starts))}): "
                f"give occurrence 1-{len(starts)}"
            )
        n = 1
    else:
        try:
            n = int(str(occurrence))
        except ValueError:
            return f"occurrence {occurrence!r} is not a whole number"
        if not 1 <= n <= len(starts):
            return f"occurrence {n}: {needle!r} occurs {len(starts)} time(s)"
    return starts[n - 1], starts[n - 1] + len(needle)
