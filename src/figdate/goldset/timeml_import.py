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

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from figdate.core.problems import InputError, Problem
from figdate.core.tables import csv_bytes, display_path
from figdate.core.timeml import Document, TimeMLError, Timex, read
from figdate.core.transaction import commit
from figdate.core.values import parse_date
from figdate.goldset.layout import ARTICLES, MANIFEST, MAX_ID, MENTIONS, TEXTS
from figdate.goldset.manifest import checksum_of, hashes_of, manifest_bytes
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
    if target.is_dir():  # an import killed midway is finished or undone first, then judged
        with writing(target):
            pass
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
    hashes = hashes_of({p.relative_to(target).as_posix(): data for p, data in changes.items()})
    manifest: dict[str, object] = {"name": name or source.resolve().name, "version": "1.0.0",
                "checksum": checksum_of(hashes), "files": hashes, "guidelines": GUIDELINES,
                "kinds": ["date"],
                "licence": "the source corpus's (TimeML files do not state one)"}  # fmt: skip
    changes[target / MANIFEST] = manifest_bytes(manifest)
    _refuse_what_check_would(changes, target, mentions, articles)
    target.mkdir(parents=True, exist_ok=True)
    with writing(target):
        commit(changes, target)  # the data and its manifest in one step: all or nothing
    undated = sum(1 for a in articles if not a["published"])
    return Imported(target, len(articles), len(mentions), undated)


def _refuse_what_check_would(
    changes: dict[Path, bytes], target: Path, mentions: list[dict[str, object]],
    articles: list[dict[str, object]],
) -> None:  # fmt: skip
    """InputError with every problem ``gold check`` would find in the dataset (a TIMEX3
    whose value is no TIMEX3 value, or no calendar day, an empty or blank span...), each
    named by its TimeML file and tid: the import writes no dataset that fails its check."""
    from figdate.goldset.audit import inspect

    with tempfile.TemporaryDirectory() as scratch:
        trial = Path(scratch) / "dataset"
        for path, data in changes.items():
            (trial / path.relative_to(target)).parent.mkdir(parents=True, exist_ok=True)
            (trial / path.relative_to(target)).write_bytes(data)
        problems, _ = inspect(trial)
    notes = {str(a["id"]): str(a["note"]).split(",")[0].removeprefix("TimeML ") for a in articles}
    out = []
    for problem in problems:
        row = mentions[problem.row - 1] if problem.file.endswith(MENTIONS) and problem.row else None
        if row is None:
            out.append(Problem(display_path(target), reason=problem.reason))
            continue
        where = f"{notes[str(row['article_id'])]}: TIMEX3 {str(row['note']).removeprefix('tid=')}"
        out.append(Problem(where, column=problem.column, reason=problem.reason))
    if out:
        raise InputError(out)


def _ids(docids: list[str]) -> list[str]:
    """An article id (a lowercase slug of at most ``MAX_ID`` characters: it names a file)
    for each document id, unique."""
    seen: dict[str, int] = {}
    out = []
    for docid in docids:
        base = re.sub(r"[^a-z0-9]+", "-", docid.lower())[: MAX_ID - 8].strip("-") or "doc"
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
    return csv_bytes([list(columns), *([row.get(c) for c in columns] for row in rows)])
