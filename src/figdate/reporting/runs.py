"""Saved runs: one document (``figdate.score/1``, ``saved.to_json``) for ``--json``,
``--against``, ``--figdate-save`` and ``--figdate-compare``, kept numbered in ``.figdate/``
(``0001_baseline.json``) and read back by ``figdate runs list`` and ``runs compare``.

Numbers are given out under a file lock, so parallel jobs saving at once get distinct ones.
figdate 0.1's runs (``"figdate_run": 1``, only headline figures) are read and converted.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from figdate.core.modes import file_mode
from figdate.core.problems import InputError, Problem
from figdate.core.tables import display_path
from figdate.core.vocabulary import CHANGE, CHANGE_NOTE
from figdate.reporting.saved import JSON_SCHEMA

RUNS_DIR = ".figdate"
PATTERN = "[0-9][0-9][0-9][0-9]_*.json"
OLD_FORMAT = "figdate_run"
LOCK = ".runs.figdate.lock"


def git_commit(root: Path) -> str | None:
    """The short commit of the checkout at ``root``, or None outside git."""
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return (done.stdout.strip() or None) if done.returncode == 0 else None


def save_run(folder: Path, document: str, name: str) -> Path:
    """Write ``document`` as the next numbered run in ``folder``; safe under parallel jobs."""
    from filelock import FileLock

    folder.mkdir(parents=True, exist_ok=True)
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-.") or "run"
    with FileLock(str(folder / LOCK), timeout=60):
        numbers = [int(p.name[:4]) for p in folder.glob(PATTERN)]
        path = folder / f"{max(numbers, default=0) + 1:04d}_{slug[:80]}.json"
        handle, scratch = tempfile.mkstemp(prefix=".run.", dir=folder)
        os.fchmod(handle, file_mode(path))  # mkstemp's 0600 would outlive the rename
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(document)
        os.replace(scratch, path)
    return path


def find_run(reference: str, folder: Path) -> Path:
    """A run by number (``3``, ``0003``) in ``folder``, or by path."""
    if reference.isdigit():
        found = sorted(folder.glob(f"{int(reference):04d}_*.json"))
        if not found:
            reason = f"no saved run {int(reference):04d} here (see `figdate runs list`)"
            raise InputError([Problem(display_path(folder), reason=reason)])
        return found[0]
    return Path(reference)


def read_run(path: Path) -> dict[str, Any]:
    """A saved run's document; figdate 0.1's format converted; InputError if it is neither."""
    shown = display_path(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        reason = f"cannot read the saved run: {getattr(exc, 'strerror', None) or exc}"
        raise InputError([Problem(shown, reason=reason)]) from None
    if isinstance(document, dict) and document.get("schema") == JSON_SCHEMA:
        if not isinstance(document.get("summary"), list):
            raise InputError([Problem(shown, reason="a figdate.score/1 run without a summary")])
        return document
    if isinstance(document, dict) and document.get(OLD_FORMAT) == 1:
        return _converted(document)
    found = document.get("schema") if isinstance(document, dict) else None
    reason = (
        f"not a figdate saved run (schema {found!r}; this figdate reads {JSON_SCHEMA} and "
        "figdate 0.1's runs): write one with --json or --figdate-save"
    )
    raise InputError([Problem(shown, reason=reason)])


def _converted(old: Mapping[str, Any]) -> dict[str, Any]:
    """figdate 0.1's ``{"figures": {"kind.scheme.metric": x}}`` as a figdate.score/1 run."""
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for key, value in (old.get("figures") or {}).items():
        kind, scheme, metric = [*str(key).split("."), "", ""][:3]
        rows.setdefault((kind, scheme), {"kind": kind, "scheme": scheme})[metric] = value
    return {
        "schema": JSON_SCHEMA,
        "converted_from": f"{OLD_FORMAT}/1",
        "created": old.get("saved"),
        "commit": old.get("commit"),
        "gold": {"version": old.get("gold_version"), "checksum": old.get("gold_checksum")},
        "extractor": {"name": old.get("extractor"), "version": old.get("extractor_version")},
        "summary": list(rows.values()),
        "notes": [],
        "failures": [],
    }


def figure(document: Mapping[str, Any], kind: str, scheme: str, metric: str) -> float | None:
    """One number of a saved run, or None if it did not record it."""
    for row in document.get("summary", []):
        if row.get("kind") == kind and row.get("scheme") == scheme:
            value = row.get(metric)
            return float(value) if isinstance(value, int | float) else None
    return None


def gold_change(saved: Mapping[str, Any], version: object, checksum: object) -> str | None:
    """Why a saved run was not measured on the gold set of ``version`` and ``checksum``
    (its version differs, or only its files: the checksum), or None."""
    before = saved.get("gold") or {}
    if before.get("version") != version:
        return f"the saved run used gold set {before.get('version')}, this run uses {version}"
    if before.get("checksum") not in (None, checksum):
        then, fresh = str(before.get("checksum"))[:12], str(checksum)[:12]
        return (
            f"the gold set's files changed since the saved run (checksum {then} then, {fresh} "
            "now), though its version did not"
        )
    return None


def listing(folder: Path) -> str:
    """``figdate runs list``: one line per saved run, oldest first."""
    paths = sorted(folder.glob(PATTERN))
    if not paths:
        return f"no saved runs in {display_path(folder)} (save one with --figdate-save NAME)\n"
    row = "{:4}  {:24} {:25} {:9} {:18} {:8} {:>8}"
    lines = [row.format("run", "name", "created", "commit", "extractor", "gold", "value F1")]
    for path in paths:
        number, name = path.name[:4], path.name[5:-5][:24]
        try:
            run = read_run(path)
        except InputError as exc:
            lines.append(f"{number}  {name:24} unreadable: {exc.problems[0].reason}")
            continue
        f1 = figure(run, "all", "value", "f1")
        cells = (
            str(run.get("created") or "")[:25],
            str(run.get("commit") or "-")[:9],
            str((run.get("extractor") or {}).get("name"))[:18],
            str((run.get("gold") or {}).get("version"))[:8],
            "-" if f1 is None else f"{f1:.3f}",
        )
        lines.append(row.format(number, name, *cells))
    return "\n".join(lines) + "\n"


def comparison(
    runs: Sequence[tuple[str, Mapping[str, Any]]],
    schemes: Sequence[str],
    metrics: Sequence[str] = ("precision", "recall", "f1"),
) -> str:
    """``figdate runs compare A B``: each metric of A and B and the change, B minus A
    (higher is better: a drop is marked ``v``)."""
    (name_a, a), (name_b, b) = runs
    lines = [f"A = {name_a}", f"B = {name_b}", CHANGE_NOTE]
    gold_b = b.get("gold") or {}
    changed = gold_change(a, gold_b.get("version"), gold_b.get("checksum"))
    if changed:
        lines.append(f"warning: {changed}; the change mixes the extractor's with the gold's")
    lines += ["", f"{'kind':7} {'scheme':8} {'metric':10} {'A':>7} {'B':>7} {CHANGE:>8}"]
    for row in a.get("summary", []):
        kind, scheme = row.get("kind"), row.get("scheme")
        if scheme not in schemes:
            continue
        for metric in metrics:
            before, after = figure(a, kind, scheme, metric), figure(b, kind, scheme, metric)
            if before is None or after is None:
                continue
            mark = "  v" if after < before - 1e-12 else ""
            lines.append(
                f"{kind:7} {scheme:8} {metric:10} {before:7.3f} {after:7.3f} "
                f"{after - before:+8.3f}{mark}"
            )
    return "\n".join(lines) + "\n"
