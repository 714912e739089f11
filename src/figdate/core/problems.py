"""What is wrong with an input: a Problem is one line naming the file, row, column and reason;
a Finding groups the problems of one failed check."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One flaw in one place. ``line`` is the file's line (what an editor shows);
    ``row`` the 1-based data row (what a spreadsheet shows below its header)."""

    file: str
    line: int | None = None
    row: int | None = None
    column: str | None = None
    reason: str = ""

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line is not None else "")
        parts = []
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column '{self.column}'")
        place = f" {', '.join(parts)}:" if parts else ""
        return f"{where}:{place} {self.reason}"


class InputError(Exception):
    """Raised with the problems that make an input unusable; front ends print them.
    ``usage`` marks a mistake in how figdate was called (an unknown name, say), which the
    command line answers with its usage exit code."""

    usage = False

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class Finding:
    """One failed check of a validation engine: which engine and check, how many rows fail
    it (None for a table-level check), why, and the first failing rows."""

    engine: str
    check: str
    column: str | None
    failing: int | None
    why: str
    examples: tuple[Problem, ...] = ()

    def headline(self) -> str:
        where = f", column '{self.column}'" if self.column else ""
        count = "" if self.failing is None else f": {self.failing} row(s)"
        return f"FAIL [{self.engine}] {self.check}{where}{count}: {self.why}"


@dataclass(frozen=True, slots=True)
class Failure:
    """An article an extractor could not be run on (it raised, ran past its time limit, or
    gave output the contract refuses): scored as if nothing was found in it."""

    article: str
    reason: str


def unknown(word: str, choices: Iterable[str], what: str) -> str:
    """The reason an unknown name is refused: the nearest known one first (a typo is the
    usual cause), then all of them, so that one line is enough to fix it."""
    return f"{word!r} is not {what}; {nearest(word, choices)}"


def nearest(word: str, choices: Iterable[str]) -> str:
    """The closest name, if any is close, then all: "did you mean 'x'? known: a, b"."""
    import difflib

    known = sorted({str(choice) for choice in choices})
    close = difflib.get_close_matches(word, known, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return f"{hint}known: {', '.join(known) or 'none'}"
