"""Where predictions come from: a Python extractor, a command, or a file.

Each is a ``figdate.extractors.protocol.Source``: it says what one call does, whether its
output may be cached and how it takes a time limit; the runner decides how to call it (in
a worker process, in parallel).
"""

from __future__ import annotations

import hashlib
import inspect
import json
import shlex
import subprocess
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from figdate.contract.predictions import read_predictions
from figdate.core.model import Article
from figdate.core.problems import InputError, Problem
from figdate.core.tables import display_path
from figdate.extractors.protocol import ExtractionError, Row, article_payload, as_row


class PythonSource:
    """An in-process extractor: an object with ``extract`` or a plain function."""

    cacheable = True
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

    def extract(self, article: Article, timeout: float | None = None) -> list[Row]:
        return [as_row(item, article) for item in self._call(article)]

    def prepare(self, articles: Mapping[str, Article]) -> None:
        """Nothing to read ahead: the extractor runs per article."""

    def unknown_articles(self, known: Iterable[str]) -> list[str]:
        return []


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

    cacheable = True
    isolated = False  # a subprocess already has its own time limit

    def __init__(self, command: str, spec: str) -> None:
        self.spec = spec
        self.argv = shlex.split(command)
        if not self.argv:
            raise InputError([Problem(spec, reason="cmd: needs a command")])
        self.name = spec
        self.version = _command_version(self.argv)

    def prepare(self, articles: Mapping[str, Article]) -> None:
        """Nothing to read ahead: the extractor runs per article."""

    def unknown_articles(self, known: Iterable[str]) -> list[str]:
        return []

    def extract(self, article: Article, timeout: float | None = None) -> list[Row]:
        line = json.dumps(article_payload(article), ensure_ascii=False) + "\n"
        try:
            done = subprocess.run(
                self.argv,
                input=line,
                capture_output=True,
                text=True,
                encoding="utf-8",
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise ExtractionError(f"timed out after {timeout:g} s") from None
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
    """Predictions made elsewhere (JSONL, CSV or Parquet), split by article. The file is
    read and validated as ``figdate score`` reads it (``prepare``): the same rules, one
    verdict, and a file the contract refuses is refused whole."""

    cacheable = False  # the file is the output
    isolated = False

    def __init__(self, path: Path, spec: str) -> None:
        self.spec = spec
        self.path = path
        self.name = path.stem
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
        except OSError as exc:
            reason = f"cannot read: {exc.strerror}"
            raise InputError([Problem(display_path(path), reason=reason)]) from None
        self.version = "file-" + digest
        self._rows: dict[str, list[Row]] = {}

    def prepare(self, articles: Mapping[str, Article]) -> None:
        frame = read_predictions(self.path, articles)
        self._rows = {
            str(key): _records(group) for key, group in frame.groupby("article_id", sort=False)
        }

    def extract(self, article: Article, timeout: float | None = None) -> list[Row]:
        return self._rows.get(article.id, [])

    def unknown_articles(self, known: Iterable[str]) -> list[str]:
        return sorted(set(self._rows) - set(known))


def _records(frame: pd.DataFrame) -> list[Row]:
    return [{str(k): v for k, v in row.items()} for row in frame.to_dict("records")]
