"""What keeps the ``figdate`` command quick to start.

pandera imports hypothesis, when it is installed, to offer data synthesis: a quarter of a
second that no figdate command uses. The command hides hypothesis from that one pandera
module while it loads, and only then, so an extractor or a later import still gets it.
Library users (``import figdate``) and the pytest plugin keep pandera as it is.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType

STRATEGIES = "pandera.strategies.base_strategies"  # the module that looks for hypothesis
HIDDEN = "hypothesis"


class _LoadWithout(importlib.abc.Loader):
    """Runs the real loader with ``HIDDEN`` unimportable, then makes it importable again."""

    def __init__(self, loader: importlib.abc.Loader) -> None:
        self.loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        hide = HIDDEN not in sys.modules
        if hide:
            sys.modules[HIDDEN] = None  # type: ignore[assignment]  # import raises ImportError
        try:
            self.loader.exec_module(module)
        finally:
            if hide and sys.modules.get(HIDDEN, 0) is None:
                del sys.modules[HIDDEN]


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if name != STRATEGIES:
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _LoadWithout(spec.loader)
        return spec


def hide_hypothesis_from_pandera() -> None:
    """Before pandera is imported: its strategies module will load without hypothesis."""
    if STRATEGIES not in sys.modules and not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
