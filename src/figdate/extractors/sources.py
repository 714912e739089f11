"""Where predictions come from: a Python extractor, a command, or a file.

Each source has a ``name``, a ``version`` (part of the cache key) and ``extract(article)``
returning mention dicts. The runner decides how to call it (in a worker process, with a
time limit, in parallel); sources only say what one call does.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import shlex
import subprocess
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import pandas as pd

from figdate.model import Article, Mention
from figdate.problems import InputError, Problem
from figdate.tables import display_path, read_table

Row = dict[str, Any]


@runtime_checkable
class Extractor(Protocol):
    """What an extractor provides. A plain function ``(article) -> iterable`` also works."""

    name: str
    version: str

    def extract(self, article: Article) -> Iterable[Mention | Mapping[str, Any]]: ...


class ExtractionError(Exception):
    """One article could not be extracted; the run goes on without it."""


def article_payload(article: Article) -> Row:
    """The JSON form of an article given to commands (and sent to worker processes)."""
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "text": article.text,
    }


def as_row(item: object, article: Article) -> Row:
    """A mention dict from what an extractor returned, tagged with the article's id."""
    if isinstance(item, Mention):
        row = item.as_dict()
        row.pop("optional", None)
        row.pop("note", None)
    elif is_dataclass(item) and not isinstance(item, type):
        row = asdict(item)
    elif isinstance(item, Mapping):
        row = dict(item)
    else:
        raise ExtractionError(f"returned {type(item).__name__}, not a Mention or a dict")
    row.setdefault("article_id", article.id)
    if row["article_id"] != article.id:
        raise ExtractionError(
            f"returned a mention tagged {row['article_id']!r} for article {article.id!r}"
        )
    return row


class PythonSource:
    """An in-process extractor: an object with ``extract`` or a plain function."""

    isolated = True  # called in a worker process, so that a hang can be stopped

    def __init__(self, target: Any, spec: str) -> None:
        self.spec = spec
        if inspect.isclass(target):
            target = target()
        if hasattr(target, "extract"):
            self._call: Callable[[Article], Iterable[Any]] = target.extract
        elif callable(target):
            self._call = target
        else:
            raise InputError([Problem(spec, reason="is neither an extractor nor a function")])
        self.name = str(getattr(target, "name", None) or getattr(target, "__name__", spec))
        self.version = str(getattr(target, "version", None) or _source_hash(target))

    def extract(self, article: Article) -> list[Row]:
        return [as_row(item, article) for item in self._call(article)]


def _source_hash(target: Any) -> str:
    """A version for code that declares none: its source, so an edit invalidates the cache."""
    try:
        source = inspect.getsource(target if callable(target) else type(target))
    except (OSError, TypeError):
        return "unversioned"
    return "src-" + hashlib.sha256(source.encode()).hexdigest()[:12]


class CommandSource:
    """An extractor in any language: run once per article, one JSON article line on its
    stdin, one JSON mention per line on its stdout, each tagged with ``article_id``."""

    isolated = False  # a subprocess already has its own time limit

    def __init__(self, command: str, spec: str) -> None:
        self.spec = spec
        self.argv = shlex.split(command)
        if not self.argv:
            raise InputError([Problem(spec, reason="cmd: needs a command")])
        self.name = spec
        self.version = _command_version(self.argv)
        self.timeout: float | None = None

    def extract(self, article: Article) -> list[Row]:
        line = json.dumps(article_payload(article), ensure_ascii=False) + "\n"
        try:
            done = subprocess.run(
                self.argv,
                input=line,
                capture_output=True,
                text=True,
                encoding="utf-8",
                timeout=self.timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise ExtractionError(f"timed out after {self.timeout:g} s") from None
        except OSError as exc:
            raise ExtractionError(f"cannot run {self.argv[0]!r}: {exc.strerror}") from None
        if done.returncode != 0:
            tail = done.stderr.strip().splitlines()[-1:] or ["no message"]
            raise ExtractionError(f"exited with status {done.returncode}: {tail[0]}")
        rows = []
        for number, text in enumerate(done.stdout.splitlines(), start=1):
            if not text.strip():
                continue
            try:
                value = json.loads(text)
            except json.JSONDecodeError as exc:
                raise ExtractionError(f"stdout line {number} is not JSON: {exc.msg}") from None
            if not isinstance(value, dict):
                raise ExtractionError(f"stdout line {number} is not a JSON object")
            rows.append(as_row(value, article))
        return rows


def _command_version(argv: list[str]) -> str:
    """The command line and the contents of any file it names: a script edit shows."""
    digest = hashlib.sha256(json.dumps(argv).encode())
    for arg in argv:
        path = Path(arg)
        if path.is_file():
            digest.update(path.read_bytes())
    return "cmd-" + digest.hexdigest()[:12]


class FileSource:
    """Predictions made elsewhere (JSONL, CSV or Parquet), split by article."""

    isolated = False

    def __init__(self, path: Path, spec: str) -> None:
        self.spec = spec
        table = read_table(path)
        if "article_id" not in table.frame:
            raise InputError([Problem(display_path(path), reason="has no 'article_id' column")])
        self.name = path.stem
        self.version = "file-" + hashlib.sha256(path.read_bytes()).hexdigest()[:12]
        frame = table.frame
        self._rows: dict[str, list[Row]] = {
            str(key): _records(group) for key, group in frame.groupby("article_id", sort=False)
        }

    def extract(self, article: Article) -> list[Row]:
        return self._rows.get(article.id, [])

    def unknown_articles(self, known: Iterable[str]) -> list[str]:
        return sorted(set(self._rows) - set(known))


def _records(frame: pd.DataFrame) -> list[Row]:
    return [{str(k): v for k, v in row.items()} for row in frame.to_dict("records")]
