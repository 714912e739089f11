"""Datasets by name: the ones figdate bundles (``layout.BUNDLED``), any folder by its path.

A dataset is a gold folder and its card: the manifest names it and gives its version,
the guidelines it follows and the kinds it labels (``manifest.DECLARED``); the card
(``README.md``) gives its licence. ``figdate datasets list`` shows them;
``--dataset NAME`` (or ``--gold``) picks one for any command.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from figdate.core.problems import InputError
from figdate.core.vocabulary import KINDS
from figdate.goldset.layout import CARD
from figdate.goldset.manifest import FIGDATE_GUIDELINES, read_manifest


@dataclass(frozen=True)
class Dataset:
    """One line of ``figdate datasets list``."""

    name: str
    version: str
    guidelines: str
    kinds: tuple[str, ...]
    articles: int
    mentions: int
    licence: str
    path: Path
    problem: str | None = None


def describe(root: Path, name: str | None = None) -> Dataset:
    """The dataset at ``root``, counted from its files (a dataset that does not load says
    why in ``problem``)."""
    from figdate.goldset.store import load

    manifest = read_manifest(root)
    guidelines = str(manifest.get("guidelines", FIGDATE_GUIDELINES))
    shown = name or str(manifest.get("name", root.name))
    version = str(manifest.get("version", "unversioned"))
    try:
        gold = load(root)
    except InputError as exc:
        problem = f"{len(exc.problems)} problem(s): run figdate gold check --gold {root}"
        return Dataset(shown, version, guidelines, KINDS, 0, 0, licence(root), root, problem)
    return Dataset(shown, version, guidelines, gold.kinds, len(gold.articles),
                   len(gold.mentions), licence(root), root)  # fmt: skip


def licence(root: Path) -> str:
    """The manifest's ``licence``, else the card's ``license_name`` or ``license``."""
    declared = read_manifest(root).get("licence")
    if isinstance(declared, str):
        return declared
    try:
        card = (root / CARD).read_text(encoding="utf-8")
    except OSError:
        return "unknown"
    for key in ("license_name", "license"):
        found = re.search(rf"^{key}:\s*(.+?)\s*$", card, re.MULTILINE)
        if found:
            return found.group(1)
    return "unknown"
