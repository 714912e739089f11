"""What figdate creates follows the umask, as any program's files do: a gold copy, saved
runs, files written atomically (mkstemp and mkdtemp make 0600 and 0700, which used to
outlive the rename); a rewritten file keeps its own mode."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import GOLD, REPO

WRITE = """
import os, sys
from pathlib import Path
from figdate.core.tables import write_atomic
from figdate.reporting.runs import save_run
out = Path(sys.argv[1])
save_run(out / "runs", "{}", "base")
write_atomic(out / "new.md", b"new")
kept = out / "kept.md"
kept.write_bytes(b"old")
kept.chmod(0o600)
write_atomic(kept, b"rewritten")
"""


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _under(mask: int, args: list[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(args, capture_output=True, text=True, env=env, check=False,
                          timeout=300, preexec_fn=lambda: os.umask(mask))  # fmt: skip


@pytest.mark.parametrize("mask", [0o022, 0o027, 0o002], ids=oct)
def test_gold_init_and_written_files_follow_the_umask(tmp_path: Path, mask: int) -> None:
    figdate = str(Path(sys.executable).with_name("figdate"))
    done = _under(mask, [figdate, "gold", "init", str(tmp_path / "mygold"), "--gold", str(GOLD)])
    assert done.returncode == 0, done.stderr
    made = tmp_path / "mygold"
    assert _mode(made) == 0o777 & ~mask
    for path in made.rglob("*"):
        assert _mode(path) == (0o777 if path.is_dir() else 0o666) & ~mask, path
    written = _under(mask, [sys.executable, "-c", WRITE, str(tmp_path)])
    assert written.returncode == 0, written.stderr
    (run,) = (tmp_path / "runs").glob("0001_*.json")
    assert _mode(run) == 0o666 & ~mask
    assert _mode(tmp_path / "new.md") == 0o666 & ~mask
    assert _mode(tmp_path / "kept.md") == 0o600
    assert (tmp_path / "kept.md").read_bytes() == b"rewritten"
