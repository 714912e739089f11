"""Write the generated layout block of ``docs/architecture.md`` from the code itself.

Each package and module is listed with the first line of its docstring, layer by layer as
``tests/test_architecture.py`` enforces them. Run ``python docs/layout.py`` after adding or
renaming a module; a test fails while the block is stale.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "figdate"
DOC = ROOT / "docs" / "architecture.md"
START, END = "<!-- figdate:layout:start -->", "<!-- figdate:layout:end -->"
LAYERS = (
    ("cli", "pytest_plugin", "api"),
    ("reporting", "testing"),
    ("evaluation",),
    ("goldset",),
    ("scoring", "extractors"),
    ("contract",),
    ("core",),
)  # top to bottom, as drawn


def _summary(path: Path) -> str:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    first = re.split(r"\.\s|\n\n", doc.strip(), maxsplit=1)[0].replace("\n", " ").strip()
    return first.rstrip(".:") + "." if first else ""


def render() -> str:
    lines = ["```"]
    for layer in LAYERS:
        lines.append("  " + " | ".join(f"{p}/" for p in layer))
        for package in layer:
            folder = PACKAGE / package
            lines.append(f"    {package}/  {_summary(folder / '__init__.py')}")
            for module in sorted(folder.rglob("*.py")):
                if module.name == "__init__.py" and module.parent == folder:
                    continue
                name = module.relative_to(folder).as_posix()
                if module.name == "__init__.py":
                    name = module.parent.relative_to(folder).as_posix() + "/"
                lines.append(f"      {name:24} {_summary(module)}")
    lines.append("```")
    return "\n".join(lines) + "\n"


def fresh(text: str) -> str:
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)
    return pattern.sub(lambda _: f"{START}\n{render()}{END}", text)


if __name__ == "__main__":
    DOC.write_text(fresh(DOC.read_text(encoding="utf-8")), encoding="utf-8")
    sys.stdout.write(f"updated the layout in {DOC.relative_to(ROOT)}\n")
