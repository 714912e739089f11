"""``figdate import timeml DIR -o FOLDER``: a TimeML corpus as a figdate dataset.

Each ``.tml`` file under DIR becomes an article: the text inside ``<TEXT>`` (exact, so
every TIMEX3's offsets hold), its creation time (DCT) as the publication day, its title.
Each TIMEX3 becomes a date mention keeping its TIMEX3 ``value``, ``type`` and ``mod``
(``core.timeml``), its ``tid`` in the note. The dataset's manifest says it follows
TimeML's guidelines, not figdate's: ``gold check`` then leaves out figdate's guideline
rules and the house rule that every article has a mention (a news article may have no
date). All files are read before any is written, and the folder is written whole or not
at all (``core.transaction``); a file that is not TimeML stops the import with its reason.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from figdate.core.problems import InputError, Problem
from figdate.core.tables import display_path
from figdate.core.timeml import Document, TimeMLError, Timex, read
from figdate.core.transaction import commit
from figdate.core.values import parse_date
from figdate.goldset.layout import ARTICLES, MANIFEST, MENTIONS, TEXTS
from figdate.goldset.manifest import manifest_bytes, render_manifest
from figdate.goldset.writing import writing

GUIDELINES = "TimeML 1.2.1"
"""What a dataset imported from TimeML follows (its manifest's ``guidelines``)."""
ARTICLE_COLUMNS = ("id", "title", "source", "url", "published", "note")
MENTION_COLUMNS = ("article_id", "kind", "start", "end", "text", "value", "qualifier", "unit",
                   "type", "mod", "optional", "note")  # fmt: skip


@dataclass(frozen=True)
class Imported:
    """What an import wrote: articles, date mentions, and documents without a DCT day."""

    folder: Path
    articles: int
    mentions: int
    undated: int


def import_timeml(source: Path, target: Path, *, name: str | None = None) -> Imported:
    """Read every ``.tml`` under ``source`` and write the dataset into ``target`` (new or
    empty); InputError with every unreadable file, or if ``target`` holds files."""
    files = sorted(p for p in source.rglob("*") if p.suffix.lower() == ".tml" and p.is_file())
    if not files:
        raise InputError([Problem(display_path(source), reason="no .tml files here")])
    if target.exists() and any(target.iterdir()):
        reason = "is not empty: import into a new folder"
        raise InputError([Problem(display_path(target), reason=reason)])
    documents, problems = [], []
    for path in files:
        try:
            documents.append((path, read(path)))
        except TimeMLError as exc:
            problems.append(Problem(display_path(path), reason=str(exc)))
    if problems:
        raise InputError(problems)
    ids = _ids([doc.docid for _, doc in documents])
    articles, mentions, changes = [], [], {}
    for (path, doc), ident in zip(documents, ids, strict=True):
        articles.append(_article(ident, doc, path.relative_to(source)))
        mentions += [_mention(ident, t) for t in doc.timexes]
        changes[target / TEXTS / f"{ident}.txt"] = doc.text.encode("utf-8")
    changes[target / ARTICLES] = _csv(ARTICLE_COLUMNS, articles)
    changes[target / MENTIONS] = _csv(MENTION_COLUMNS, mentions)
    target.mkdir(parents=True, exist_ok=True)
    with writing(target):
        commit(changes, target)
        manifest = render_manifest(target, "1.0.0")
        manifest["name"] = name or source.resolve().name
        manifest["guidelines"] = GUIDELINES
        manifest["kinds"] = ["date"]
        manifest["licence"] = "the source corpus's (TimeML files do not state one)"
        commit({target / MANIFEST: manifest_bytes(manifest)}, target)
    undated = sum(1 for a in articles if not a["published"])
    return Imported(target, len(articles), len(mentions), undated)


def _ids(docids: list[str]) -> list[str]:
    """An article id (a lowercase slug) for each document id, unique."""
    seen: dict[str, int] = {}
    out = []
    for docid in docids:
        base = re.sub(r"[^a-z0-9]+", "-", docid.lower()).strip("-") or "doc"
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return out


def _article(ident: str, doc: Document, relative: Path) -> dict[str, object]:
    day = None
    if doc.dct:
        try:
            day = parse_date(doc.dct[:10])
        except ValueError:
            day = None
    day = day if day and len(day) == 10 else None  # a publication date is a day
    note = f"TimeML {relative.as_posix()}, DOCID {doc.docid}, DCT {doc.dct or 'none'}"
    return {"id": ident, "title": doc.title, "source": relative.parts[0] if len(relative.parts)
            > 1 else None, "url": None, "published": day, "note": note}  # fmt: skip


def _mention(ident: str, timex: Timex) -> dict[str, object]:
    return {"article_id": ident, "kind": "date", "start": timex.start, "end": timex.end,
            "text": timex.text, "value": timex.value or None, "qualifier": None, "unit": None,
            "type": timex.type, "mod": timex.mod, "optional": "false",
            "note": f"tid={timex.tid}"}  # fmt: skip


def _csv(columns: tuple[str, ...], rows: list[dict[str, object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: "" if v is None else v for k, v in row.items()} for row in rows)
    return buffer.getvalue().encode("utf-8")
