"""A change the file system cannot hold (a name longer than it allows) is refused before a
byte is written; a journal that promised one anyway (from an older figdate) is undone by
recovery, not retried forever (issue 33: `gold recover` and `gold check` then raised
`OSError` on every run)."""

from __future__ import annotations

from pathlib import Path

import pytest

from figdate.core import transaction
from figdate.core.problems import InputError
from figdate.core.transaction import commit, pending, recover

LONG = "x" * 300 + ".txt"


def test_a_name_too_long_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    (tmp_path / "kept.csv").write_bytes(b"old")
    with pytest.raises(InputError, match="is 304 bytes; the file system allows"):
        commit({tmp_path / "articles" / LONG: b"a", tmp_path / "kept.csv": b"new"}, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.csv"]
    assert (tmp_path / "kept.csv").read_bytes() == b"old"


def test_a_journal_that_cannot_be_finished_is_undone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "kept.csv").write_bytes(b"old")
    monkeypatch.setattr(transaction, "_refuse_long_names", lambda base, changes: None)
    monkeypatch.setattr(transaction, "_roll_back", lambda base, journal: None)  # as if killed
    with pytest.raises(OSError, match="File name too long"):
        commit({tmp_path / "kept.csv": b"new", tmp_path / "articles" / LONG: b"a"}, tmp_path)
    monkeypatch.undo()
    assert pending(tmp_path)
    done = recover(tmp_path)
    assert done is not None
    assert done.startswith("undid an interrupted change")
    assert not pending(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.csv"]
    assert (tmp_path / "kept.csv").read_bytes() == b"old"
