"""Where predictions come from: a Python extractor, a command, or a file.

Each is a ``figdate.extractors.protocol.Source``: it says what one call does, whether its
output may be cached and how it takes a time limit; the runner decides how to call it (in
a worker process, in parallel).
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import json
import shlex
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from figdate.core import cells
from figdate.core.model import Article
from figdate.core.problems import InputError, Problem
from figdate.core.tables import display_path
from figdate.extractors import commands
from figdate.extractors.protocol import ExtractionError, Row, article_payload, as_row


class PythonSource:
    """An in-process extractor: an object with ``extract``, a plain function, or a class
    of such objects. A class is constructed by ``ready()``, in the process that will run it:
    figdate's own before forking workers, each spawned worker's own otherwise (so a model it
    puts on a GPU never crosses a fork)."""

    cacheable = True
    isolated = True  # called in a worker process, so that a hang can be stopped

    def __init__(self, target: Any, spec: str) -> None:
        self.spec = spec
        self._factory: Callable[[], Any] | None = None
        self._target: Any = None
        if inspect.isclass(target):
            if not hasattr(target, "extract"):
                raise InputError([Problem(spec, reason="is a class without an extract method")])
            self._factory = target
        elif hasattr(target, "extract") or callable(target):
            self._target = target
        else:
            raise InputError([Problem(spec, reason="is neither an extractor nor a function")])
        self._describe(target)

    def _describe(self, target: Any) -> None:
        self.name = str(getattr(target, "name", None) or getattr(target, "__name__", self.spec))
        self.version = str(getattr(target, "version", None) or _source_hash(target))

    def ready(self) -> None:
        """Construct the extractor here, once (a class's ``__init__`` may load a model);
        its instance's ``name`` and ``version`` then describe the run."""
        if self._target is None and self._factory is not None:
            self._target = self._factory()
            self._describe(self._target)

    def extract(self, article: Article, timeout: float | None = None) -> list[Row]:
        self.ready()
        call = getattr(self._target, "extract", self._target)
        return [as_row(item, article) for item in call(article)]

    def prepare(self, articles: Mapping[str, Article]) -> None:
        """Nothing to read ahead: the extractor runs per article."""

    def unknown_articles(self, known: Iterable[str]) -> list[str]:
        return []


def _source_hash(target: Any) -> str:
    """A version for code that declares none: the source of the whole module that defines
    it, so an edit to a helper beside it invalidates the cache too."""
    owner = target if callable(target) else type(target)
    module = inspect.getmodule(owner)
    try:
        source = inspect.getsource(module) if module is not None else inspect.getsource(owner)
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

    def ready(self) -> None:
        """Nothing to construct: the command starts per article."""

    def prepare(self, articles: Mapping[str, Article]) -> None:
        """Nothing to read ahead: the extractor runs per article."""

    def unknown_articles(self, known: Iterable[str]) -> list[str]:
        return []

    def extract(self, article: Article, timeout: float | None = None) -> list[Row]:
        line = json.dumps(article_payload(article), ensure_ascii=False) + "\n"
        out, err, code = commands.run(self.argv, line.encode("utf-8"), timeout)
        if code != 0:
            tail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
            raise ExtractionError(f"exited with status {code}: {tail[0]}")
        try:
            text = out.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ExtractionError(f"stdout is not UTF-8 (byte {exc.start})") from None
        rows = []
        for number, raw in enumerate(text.split("\n"), start=1):
            if not raw.strip():
                continue
            try:
                value = json.loads(raw, parse_int=cells.json_int)
            except ValueError as exc:
                raise ExtractionError(f"stdout line {number} is not JSON: {exc}") from None
            except RecursionError:
                raise ExtractionError(f"stdout line {number} is JSON nested too deep") from None
            if not isinstance(value, dict):
                raise ExtractionError(f"stdout line {number} is not a JSON object")
            rows.append(as_row(value, article))
        return rows


def _command_version(argv: list[str]) -> str:
    """The command line and the contents of every file it names, also inside a shell
    string (``sh -c "python script.py"``): an edit to a script shows in the cache key."""
    digest = hashlib.sha256(json.dumps(argv).encode())
    words = list(argv)
    for arg in argv:
        with contextlib.suppress(ValueError):
            words += shlex.split(arg)
    for word in dict.fromkeys(words):
        path = Path(word)
        with contextlib.suppress(OSError):
            if path.is_file():
                digest.update(word.encode() + b"\0" + path.read_bytes())
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
        self._prepared: frozenset[str] | None = None

    def ready(self) -> None:
        """Nothing to construct."""

    def prepare(self, articles: Mapping[str, Article]) -> None:
        from figdate.contract.predictions import read_predictions  # pandera: only for files

        if self._prepared == frozenset(articles):  # the plugin's setup read it already
            return
        frame = read_predictions(self.path, articles)
        self._prepared = frozenset(articles)
        self._rows = {
            str(key): _records(group) for key, group in frame.groupby("article_id", sort=False)
        }

    def extract(self, article: Article, timeout: float | None = None) -> list[Row]:
        return self._rows.get(article.id, [])

    def unknown_articles(self, known: Iterable[str]) -> list[str]:
        return sorted(set(self._rows) - set(known))


def _records(frame: pd.DataFrame) -> list[Row]:
    """Rows as dicts; a missing cell is None (pandas 3 gives NaN in a str column)."""
    cleaned = frame.astype(object).where(frame.notna(), None)
    return [{str(k): v for k, v in row.items()} for row in cleaned.to_dict("records")]
