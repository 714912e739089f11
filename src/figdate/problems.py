"""A problem found in an input: one line naming the file, row, column and reason."""

from __future__ import annotations

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
    """Raised with the problems that make an input unusable; front ends print them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
