"""The manifest: the gold set's version and the SHA-256 of every data file.

A score report cites the checksum, so a number can always be traced to the exact gold set
it was measured on; ``figdate gold check`` reports any file changed since the manifest.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from figdate.core.problems import InputError, Problem
from figdate.core.tables import display_path
from figdate.core.transaction import commit
from figdate.goldset.layout import ARTICLES, MANIFEST, MENTIONS, TEXTS
from figdate.goldset.writing import DEFAULT_WAIT, writing

VERSION = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")
"""A gold set's version: MAJOR.MINOR.PATCH (semantic versioning, no suffix)."""


def data_files(root: Path) -> list[Path]:
    """The files the manifest covers, in a stable order."""
    files = [root / ARTICLES, root / MENTIONS]
    files += sorted((root / TEXTS).glob("*.txt"))
    return [f for f in files if f.is_file()]


def file_hashes(root: Path) -> dict[str, str]:
    return hashes_of({f.relative_to(root).as_posix(): f.read_bytes() for f in data_files(root)})


def hashes_of(files: Mapping[str, bytes]) -> dict[str, str]:
    """The manifest's ``files`` for data files not yet written (relative path: bytes), in
    ``data_files``' order: a writer commits its manifest with its data, in one step."""
    order = sorted(files, key=lambda name: (name not in (ARTICLES, MENTIONS), name != ARTICLES,
                                            PurePosixPath(name)))  # fmt: skip
    return {name: hashlib.sha256(files[name]).hexdigest() for name in order}


def checksum(root: Path) -> str:
    """One SHA-256 over every data file: what a score report cites as the gold set it used."""
    return checksum_of(file_hashes(root))


def checksum_of(hashes: Mapping[str, str]) -> str:
    listing = json.dumps(dict(hashes), sort_keys=True).encode()
    return hashlib.sha256(listing).hexdigest()


def read_manifest(root: Path) -> dict[str, object]:
    try:
        loaded = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def check_version(version: str, where: str = "--set-version") -> str:
    """``version`` if it is MAJOR.MINOR.PATCH; InputError otherwise."""
    if not VERSION.match(version):
        reason = f"{version!r} is not a version MAJOR.MINOR.PATCH (e.g. 1.2.0)"
        raise InputError([Problem(where, reason=reason)])
    return version


def bump_minor(version: str) -> str:
    """1.4.2 -> 1.5.0: what adding an article does to the gold set's version."""
    major, minor, _ = check_version(version, MANIFEST).split(".")
    return f"{major}.{int(minor) + 1}.0"


DECLARED = ("guidelines", "kinds", "licence")
"""What a dataset's manifest declares besides its files, kept when they are re-hashed:
the guidelines it follows (figdate's when absent), the kinds it labels, its licence."""
FIGDATE_GUIDELINES = "figdate"


def follows_figdate(root: Path) -> bool:
    """Whether the dataset at ``root`` follows figdate's guidelines (GUIDELINES.md): its
    guideline rules and house rules (every article has a mention) apply to it only then."""
    return read_manifest(root).get("guidelines", FIGDATE_GUIDELINES) == FIGDATE_GUIDELINES


def render_manifest(root: Path, version: str | None = None) -> dict[str, object]:
    """The manifest for the files as they are now, keeping or setting the version."""
    manifest = read_manifest(root)
    declared = {k: v for k, v in manifest.items() if k in DECLARED}
    return {
        **declared,
        "name": manifest.get("name", "figdate-gold"),
        "version": check_version(version) if version else manifest.get("version", "0.1.0"),
        "checksum": checksum(root),
        "files": file_hashes(root),
    }


def manifest_bytes(manifest: dict[str, object]) -> bytes:
    return (json.dumps(manifest, indent=2, sort_keys=False) + "\n").encode("utf-8")


def write_manifest(
    root: Path, version: str | None = None, *, wait: float = DEFAULT_WAIT
) -> dict[str, object]:
    """Record the current checksums (after a reviewed change), keeping or setting the version."""
    if version:
        check_version(version)
    with writing(root, wait=wait):
        manifest = render_manifest(root, version)
        commit({root / MANIFEST: manifest_bytes(manifest)}, root)
    return manifest


def manifest_problems(root: Path) -> list[Problem]:
    """Files missing, unlisted or changed since the manifest was written."""
    shown = display_path(root / MANIFEST)
    if not (root / MANIFEST).is_file():
        return [Problem(shown, reason="missing; run `figdate gold manifest` to create it")]
    manifest = read_manifest(root)
    recorded = manifest.get("files")
    if not isinstance(recorded, dict) or not isinstance(manifest.get("version"), str):
        return [Problem(shown, reason="not a manifest (needs 'version' and 'files')")]
    problems = []
    actual = file_hashes(root)
    hint = "review the change, then run `figdate gold manifest`"
    for name in sorted(set(recorded) | set(actual)):
        path = display_path(root / name)
        if name not in actual:
            problems.append(Problem(path, reason=f"listed in {MANIFEST} but missing"))
        elif name not in recorded:
            problems.append(Problem(path, reason=f"not in {MANIFEST}; {hint}"))
        elif recorded[name] != actual[name]:
            problems.append(Problem(path, reason=f"changed since {MANIFEST} was written; {hint}"))
    return problems
