"""Saved runs for the plugin: ``--figdate-save`` writes one, ``--figdate-compare`` reads one
back, in the one format ``figdate.reporting.runs`` keeps (``figdate.score/1``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from figdate.pytest_plugin.session import FigdateSession

SAVE_DIR = ".figdate"


class FigdateFailure(Exception):
    """A figdate check that failed: its message is the whole report, no traceback."""


def run_document(state: FigdateSession) -> str:
    """This run as a saved-run document, with the commit of the project under test; made
    once per session (``--figdate-json`` and ``--figdate-save`` write the same text)."""
    if state.document is None:
        from figdate.reporting.runs import git_commit
        from figdate.reporting.saved import to_json

        commit = git_commit(Path(state.config.rootpath))
        state.document = to_json(state.evaluation.score, commit=commit)
    return state.document


def save(state: FigdateSession, name: str) -> Path:
    from figdate.reporting.runs import save_run

    return save_run(Path(state.config.rootpath) / SAVE_DIR, run_document(state), name)


def load_saved(state: FigdateSession) -> tuple[Path, dict[str, Any]]:
    """The run ``--figdate-compare`` names (a number in ``.figdate/`` or a path)."""
    from figdate.core.problems import InputError
    from figdate.reporting.runs import find_run, read_run

    try:
        path = find_run(str(state.compare), Path(state.config.rootpath) / SAVE_DIR)
        return path, read_run(path)
    except InputError as exc:
        raise FigdateFailure("; ".join(str(p) for p in exc.problems)) from None
