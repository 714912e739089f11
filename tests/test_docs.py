"""Every example in the README and docs/ runs as written (from the repository root), so the
documentation cannot drift from what figdate does:

- a ``python`` block runs (a block that defines ``test_`` functions runs under pytest);
- a terminal session (a block whose lines start with ``$ figdate``) is run where it only
  reads files that exist here, and each line it shows must appear in the real output, in
  order (``...`` stands for lines left out); where it would write or needs the reader's own
  files, its command line is parsed by figdate's own parser, as is every ``figdate`` line
  of a ``sh`` block.

Sessions run in ``make test-slow`` (they run extractors and hypothesis; a few minutes);
python blocks and command lines are checked in ``make test``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import os
import re
import shlex
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from figdate.cli.main import build_parser
from tests.support import REPO, write_gold_as_predictions

PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
READS = {"gold check", "gold stats", "gold path", "eval", "score", "validate", "fuzz",
         "datasets list", "compare", "agree"}  # fmt: skip
"""The commands a session may run here: they only read (given no option that writes)."""
WRITES = {"--json", "--markdown", "--html", "-o", "--output", "--save"}
NOT_RUN = re.compile(r"^<!-- not run: (.+) -->$")
"""A session that shows a state this repository is not in (a kill mid-write, a draft under
review): its command lines are parsed, its output cannot be checked here."""
PATHLIKE = re.compile(r"/|\.(jsonl|csv|json|txt|tml|parquet)$")


@dataclass(frozen=True)
class Block:
    page: str
    line: int
    lang: str
    body: str
    not_run: str | None = None  # ``<!-- not run: REASON -->`` just above the block

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"


def _blocks() -> list[Block]:
    out = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for found in FENCE.finditer(text):
            line = text.count("\n", 0, found.start()) + 1
            marker = NOT_RUN.search(text[: found.start()].rstrip().rsplit("\n", 1)[-1])
            out.append(Block(page.relative_to(REPO).as_posix(), line, found[1], found[2],
                             marker[1] if marker else None))  # fmt: skip
    return out


BLOCKS = _blocks()
PYTHON = [b for b in BLOCKS if b.lang == "python"]
SESSIONS = [b for b in BLOCKS if b.lang in ("", "console") and b.body.startswith("$ ")]


def _commands(body: str) -> list[tuple[str, list[str]]]:
    """A session's commands (continuation lines joined), each with the lines it shows."""
    out: list[tuple[str, list[str]]] = []
    lines = body.splitlines()
    while lines:
        line = lines.pop(0)
        if not line.startswith("$ "):
            out[-1][1].append(line.rstrip())
            continue
        command = line[2:]
        while command.endswith("\\") and lines:
            command = command[:-1] + lines.pop(0)
        out.append((command, []))
    return out


def _argv(command: str) -> list[str]:
    return shlex.split(command, comments=True)


def _parses(argv: list[str]) -> str | None:
    """None if figdate's parser takes ``argv`` (after ``figdate``), else its complaint."""
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            build_parser().parse_args(argv)
    except SystemExit as exc:
        return None if exc.code == 0 else err.getvalue().strip().splitlines()[-1]
    return None


def _runnable(argv: list[str]) -> bool:
    """Whether a session's command only reads files that exist in the repository."""
    words = [a for a in argv[1:] if not a.startswith("-")]
    reads = " ".join(words[:2]) in READS or (words[:1] and words[0] in READS)
    paths = [a for a in argv[1:] if PATHLIKE.search(a) and not a.startswith("-")]
    return bool(reads) and not WRITES & set(argv) and all((REPO / p).exists() for p in paths)


def _figdate_lines() -> list[tuple[str, list[str]]]:
    """Every ``figdate`` command line of the docs: sessions' and ``sh`` blocks' (usage
    synopses with ``[--option]`` left out)."""
    out = []
    for block in BLOCKS:
        if block in SESSIONS:
            commands = [c for c, _ in _commands(block.body)]
        elif block.lang in ("sh", "bash"):
            commands = [line for line in block.body.splitlines() if not line.startswith("#")]
        else:
            continue
        parts = [p for c in commands for p in re.split(r"\s*(?:;|&&|\|\|?)\s*", c)]
        for command in parts:
            argv = _argv(command) if "figdate" in command else []
            if argv[:1] == ["figdate"] and " [-" not in command:
                out.append((f"{block.where}: {command.strip()}", argv))
    return out


FIGDATE_LINES = _figdate_lines()


@pytest.mark.parametrize(("where", "argv"), FIGDATE_LINES, ids=[w for w, _ in FIGDATE_LINES])
def test_every_command_line_parses(where: str, argv: list[str]) -> None:
    assert _parses(argv[1:]) is None, f"{where}: {_parses(argv[1:])}"


def _env() -> dict[str, str]:
    bin_dir = str(Path(sys.executable).parent)
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
            "PYTHONPATH": str(REPO), "COLUMNS": "200"}  # fmt: skip


EXTRACTOR = """
from figdate.extractors.rules import RulesExtractor

def run(article):
    return RulesExtractor().extract(article)
"""
PRELUDE = """
from mypackage.extract import run as my_function

def my_tagger(article):
    return {(m["start"], m["end"], None if m["value"] is None else str(m["value"]))
            for m in my_function(article)}
"""
"""What the examples take to be the reader's: an extractor (``mypackage.extract:run``,
``my_function``, ``my_tagger``: here ``rules``), and predictions (the gold's own)."""
SPARK = """
from pyspark.sql import SparkSession
spark = SparkSession.builder.master("local[1]").getOrCreate()
"""


def _project(folder: Path) -> None:
    """The reader's project the examples run in: their package, their predictions file."""
    (folder / "mypackage").mkdir()
    (folder / "mypackage" / "__init__.py").write_text("", encoding="utf-8")
    (folder / "mypackage" / "extract.py").write_text(EXTRACTOR, encoding="utf-8")
    write_gold_as_predictions(folder, "predictions.jsonl", "my_predictions.jsonl")
    for shared in ("gold", "tests"):  # the examples that name the repository's files
        (folder / shared).symlink_to(REPO / shared)


@pytest.mark.parametrize("block", PYTHON, ids=[b.where for b in PYTHON])
def test_the_python_example_runs(block: Block, tmp_path: Path) -> None:
    spark = "pyspark" in block.body or "spark." in block.body
    if spark and importlib.util.find_spec("pyspark") is None:
        pytest.skip("pyspark is in the Spark venv: `make test-spark` runs this example")
    if spark and not (REPO / "predictions").exists():
        pytest.skip("reads the reader's Parquet datasets (gold/, predictions/, articles/)")
    _project(tmp_path)
    code = PRELUDE + (SPARK if spark else "") + block.body
    if re.search(r"^def test_", block.body, re.MULTILINE):
        (tmp_path / "test_example.py").write_text(code, encoding="utf-8")
        args = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                "test_example.py", "--figdate-examples", "5"]  # fmt: skip
    else:
        args = [sys.executable, "-c", code]
    env = {**_env(), "PYTHONPATH": f"{tmp_path}{os.pathsep}{REPO}"}
    done = subprocess.run(args, cwd=tmp_path, capture_output=True, text=True, check=False,
                          env=env, timeout=600)  # fmt: skip
    assert done.returncode == 0, f"{block.where}:\n{done.stdout[-2000:]}{done.stderr[-3000:]}"


def _in_order(shown: list[str], real: list[str]) -> str | None:
    """None if every shown line (but ``...``) is a line of ``real``, in order; else the
    first that is not."""
    lines = iter(line.rstrip() for line in real)
    for line in shown:
        if line.strip() in ("...", ""):
            continue
        if not any(candidate == line for candidate in lines):
            return line
    return None


@pytest.mark.slow  # extractors and hypothesis, as the docs show them: `make test-slow`
@pytest.mark.parametrize("block", SESSIONS, ids=[b.where for b in SESSIONS])
def test_the_session_shows_real_output(block: Block) -> None:
    if block.not_run:
        pytest.skip(f"not run: {block.not_run}")
    ran = 0
    for command, shown in _commands(block.body):
        argv = _argv(command)
        if argv[:1] != ["figdate"] or not _runnable(argv):
            break  # a write, or the reader's files: what follows is in another state
        if "spark" in command and importlib.util.find_spec("pyspark") is None:
            pytest.skip("pyspark is in the Spark venv; the engines agree (test_spark_engines)")
        exe = str(Path(sys.executable).with_name("figdate"))
        env = {k: v for k, v in _env().items() if k != "FIGDATE_GOLD"}  # as a reader runs it
        done = subprocess.run([exe, *argv[1:]], cwd=REPO, capture_output=True, text=True,
                              check=False, env=env, timeout=900)  # fmt: skip
        missing = _in_order(shown, (done.stdout + done.stderr).splitlines())
        assert missing is None, (f"{block.where}: `{command}` does not print\n{missing}\n"
                                 f"--- it prints:\n{done.stdout}{done.stderr}")  # fmt: skip
        ran += 1
    if not ran:
        pytest.skip("writes, or needs the reader's own files: its command lines are parsed")


def _options(parser: argparse.ArgumentParser, path: list[str]) -> list[tuple[str, list[str]]]:
    """Every option of every subcommand, as (``"import timeml"``, its option strings)."""
    out = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                out += _options(sub, [*path, name])
        elif action.option_strings and path and "--help" not in action.option_strings:
            out.append((" ".join(path), list(action.option_strings)))
    return out


def test_every_option_is_documented() -> None:
    """Each option of each command is named in a paragraph of the README or docs/ that
    names its command (an option most commands share, such as ``--gold``, anywhere)."""
    text = "\n".join(page.read_text(encoding="utf-8") for page in PAGES)
    paragraphs = re.split(r"\n\s*\n", text)
    options = _options(build_parser(), [])
    shared = Counter(strings[-1] for _, strings in options)

    def named(option: str, paragraph: str) -> bool:
        return re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", paragraph) is not None

    missing = [
        f"figdate {command} {strings[-1]}"
        for command, strings in options
        if not any((shared[strings[-1]] >= 3 or command in paragraph)
                   and any(named(o, paragraph) for o in strings) for paragraph in paragraphs)
    ]  # fmt: skip
    assert not missing, f"options only in --help: {missing}"


def test_the_checks_see_every_kind_of_example() -> None:
    assert len(PYTHON) >= 15
    assert len(SESSIONS) >= 20
    assert len(FIGDATE_LINES) >= 40
    assert {b.page for b in PYTHON} >= {"README.md", "docs/api.md", "docs/testing.md"}
    assert _in_order(["a", "...", "c"], ["a", "b", "c"]) is None
    assert _in_order(["c", "a"], ["a", "b", "c"]) == "a"
    assert _parses(["eval", "--no-such-option"]) is not None
