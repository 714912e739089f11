"""Saved runs: ``--figdate-save`` writes one, ``--figdate-compare`` reads one back."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from pathlib import Path
from typing import Any

from figdate.pytest_plugin.session import FigdateSession
from figdate.pytest_plugin.thresholds import ALL_METRICS

SAVE_DIR = ".figdate"


class FigdateFailure(Exception):
    """A figdate check that failed: its message is the whole report, no traceback."""


def run_record(state: FigdateSession) -> dict[str, Any]:
    score = state.evaluation.score
    return {
        "figdate_run": 1,
        "saved": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": _commit(Path(state.config.rootpath)),
        "extractor": score.run.extractor,
        "extractor_version": score.run.extractor_version,
        "gold_version": score.run.gold_version,
        "gold_checksum": score.run.gold_checksum,
        "figures": {
            f"{r['kind']}.{r['scheme']}.{m}": r[m]
            for r in score.summary.to_dict("records")
            for m in ALL_METRICS
        },
    }


def _commit(root: Path) -> str | None:
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return None
    return done.stdout.strip() or None


def save(state: FigdateSession, name: str) -> Path:
    folder = Path(state.config.rootpath) / SAVE_DIR
    folder.mkdir(exist_ok=True)
    numbers = [int(p.name[:4]) for p in folder.glob("[0-9][0-9][0-9][0-9]_*.json")]
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-") or "run"
    path = folder / f"{max(numbers, default=0) + 1:04d}_{slug}.json"
    path.write_text(json.dumps(run_record(state), indent=2) + "\n", encoding="utf-8")
    return path


def load_saved(state: FigdateSession) -> tuple[Path, dict[str, Any]]:
    reference = str(state.compare)
    path = Path(reference)
    if reference.isdigit():
        folder = Path(state.config.rootpath) / SAVE_DIR
        found = sorted(folder.glob(f"{int(reference):04d}_*.json"))
        if not found:
            raise FigdateFailure(f"no saved run {int(reference):04d} in {folder}")
        path = found[0]
    try:
        return path, json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FigdateFailure(f"cannot read the saved run {path}: {exc}") from None
