"""The gold set never loses a label: killed writers, concurrent writers, file modes.

Each crash test kills a real ``figdate`` process with SIGKILL before its Nth write step
(``FIGDATE_CRASH_AT=N``, for every N until the command runs to its end), then runs
``figdate gold check``, which recovers: the folder must then be exactly the old set or
exactly the new one, byte for byte, with no leftover.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from figdate.core import transaction
from figdate.core.problems import InputError
from figdate.goldset import drafts
from figdate.goldset.accept import accept
from figdate.goldset.manifest import read_manifest, write_manifest
from figdate.goldset.writing import lock_path, writing
from tests.support import Run, repo_gold

STORY = "GENEVA, March 3, 2021 - Some 2,500 families fled Maarat al-Numan, the UN said.\n"
ROW = 'maarat-families,figure,29,34,"2,500",2500,approx,families,false,a note, kept\n'
HEADER = "article_id,kind,start,end,text,value,qualifier,unit,optional,note\n"


def tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        if p.is_file()
        else "folder"
        for p in sorted(root.rglob("*"))
    }


def _draft(root: Path, tmp_path: Path, ident: str = "maarat-families") -> None:
    story = tmp_path / f"{ident}.txt"
    story.write_text(STORY, encoding="utf-8")
    drafts.add(story, ident, title=None, source=None, root=root, published="2021-03-03",
               extractor=None)  # fmt: skip
    row = ROW.replace("maarat-families", ident).replace("a note, kept", '"a note, kept"')
    (root / "drafts" / ident / "mentions.csv").write_text(HEADER + row, encoding="utf-8")


def _figdate(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("figdate")
    return subprocess.run([str(exe), *args], capture_output=True, text=True, check=False,
                          env={**os.environ, **(env or {})}, timeout=300)  # fmt: skip


def _crash_every_step(
    before: Path, after: Path, scratch: Path, command: list[str]
) -> tuple[int, int]:
    """Kill ``command`` (run on a copy of ``before``) at every step; after each crash, check
    the copy recovers to exactly ``before`` or ``after``. Returns (old, new) outcomes."""
    old, new = tree(before), tree(after)
    assert old != new
    outcomes = {"old": 0, "new": 0}
    for step in range(1, 200):
        shutil.rmtree(scratch, ignore_errors=True)
        shutil.copytree(before, scratch)
        args = [a.replace("{gold}", str(scratch)) for a in command]
        done = _figdate(*args, env={"FIGDATE_CRASH_AT": str(step)})
        if done.returncode == 0:
            assert tree(scratch) == new  # ran to its end: the step count is exhausted
            break
        assert done.returncode == -signal.SIGKILL, done.stderr
        checked = _figdate("gold", "check", "--gold", str(scratch))
        assert checked.returncode == 0, f"step {step}: {checked.stderr}"
        assert "Traceback" not in checked.stderr
        now = tree(scratch)
        assert now in (old, new), f"step {step}: neither the old nor the new gold set"
        outcomes["old" if now == old else "new"] += 1
    else:
        pytest.fail("the command never ran to its end")
    return outcomes["old"], outcomes["new"]


@pytest.mark.slow
def test_a_killed_accept_leaves_exactly_the_old_or_the_new_gold_set(
    gold_copy: Path, tmp_path: Path
) -> None:
    _draft(gold_copy, tmp_path)
    after = tmp_path / "after"
    shutil.copytree(gold_copy, after)
    accept("maarat-families", after)
    lock_path(after).unlink(missing_ok=True)
    command = ["gold", "accept", "maarat-families", "--gold", "{gold}"]
    old, new = _crash_every_step(gold_copy, after, tmp_path / "crash", command)
    assert old >= 5  # staging: the gold set stays as it was
    assert new >= 5  # past the journal: the change is finished


@pytest.mark.slow
def test_a_killed_add_leaves_no_draft_or_the_whole_draft(gold_copy: Path, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    after = tmp_path / "after"
    shutil.copytree(gold_copy, after)
    command = ["add", str(story), "--id", "maarat-families", "--published", "2021-03-03",
               "--extractor", "none", "--gold", "{gold}"]  # fmt: skip
    assert _figdate(*[a.replace("{gold}", str(after)) for a in command]).returncode == 0
    old, new = _crash_every_step(gold_copy, after, tmp_path / "crash", command)
    assert old >= 3
    assert new >= 3


@pytest.mark.slow
def test_two_accepts_at_once_both_land_or_one_refuses_clearly(
    gold_copy: Path, tmp_path: Path
) -> None:
    for ident in ("first-story", "second-story"):
        _draft(gold_copy, tmp_path, ident)
    exe = str(Path(sys.executable).with_name("figdate"))
    for attempt in range(20):
        gold = tmp_path / f"run{attempt}"
        shutil.copytree(gold_copy, gold)
        runs = [
            subprocess.Popen([exe, "gold", "accept", ident, "--gold", str(gold)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for ident in ("first-story", "second-story")
        ]  # fmt: skip
        results = [(p.wait(timeout=300), p.communicate()) for p in runs]
        ids = (gold / "articles.csv").read_text(encoding="utf-8")
        for ident, (code, (_, err)) in zip(("first-story", "second-story"), results, strict=True):
            if code == 0:
                assert f"\n{ident}," in ids
                assert not (gold / "drafts" / ident).exists()
            else:  # refused clearly, its draft intact
                assert code == 1
                assert "another command is writing" in err
                assert len(err.strip().splitlines()) == 1
                assert (gold / "drafts" / ident / "mentions.csv").is_file()
        assert _figdate("gold", "check", "--gold", str(gold)).returncode == 0
        major, minor, _ = str(repo_gold().version).split(".")
        landed = sum(c == 0 for c, _ in results)
        assert read_manifest(gold)["version"] == f"{major}.{int(minor) + landed}.0"


def test_a_second_writer_waits_then_refuses_naming_the_holder(gold_copy: Path) -> None:
    with writing(gold_copy):
        refused = _figdate("gold", "manifest", "--gold", str(gold_copy), "--wait", "0.5")
    assert refused.returncode == 1
    assert "another command is writing to this gold folder: pid" in refused.stderr
    assert "waited 0.5 s" in refused.stderr
    assert _figdate("gold", "manifest", "--gold", str(gold_copy)).returncode == 0


def test_recover_finishes_a_change_whose_journal_is_there(gold_copy: Path) -> None:
    target = gold_copy / "articles.csv"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(transaction, "_finish", lambda base, journal: None)  # dies at the end
        transaction.commit({target: b"new\n"}, gold_copy)
    assert (gold_copy / transaction.JOURNAL).exists()
    done = _figdate("gold", "recover", "--gold", str(gold_copy))
    assert done.returncode == 0
    assert "finished an interrupted change (1 file(s))" in done.stdout
    assert target.read_bytes() == b"new\n"
    assert not [p for p in gold_copy.iterdir() if p.name.startswith(".figdate")]


def test_a_corrupt_staged_file_rolls_the_change_back(gold_copy: Path) -> None:
    target = gold_copy / "articles.csv"
    old = target.read_bytes()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(transaction, "_apply", lambda base, journal: None)
        patch.setattr(transaction, "_finish", lambda base, journal: None)
        transaction.commit({target: b"new\n"}, gold_copy)
    (staging,) = gold_copy.glob(".figdate-staging-*")
    (staging / "0").write_bytes(b"damaged")
    assert "undid an interrupted change" in (transaction.recover(gold_copy) or "")
    assert target.read_bytes() == old


def test_a_commit_refuses_a_path_outside_its_folder(gold_copy: Path) -> None:
    with pytest.raises(ValueError, match="outside"):
        transaction.commit({gold_copy / ".." / "escape.txt": b"x"}, gold_copy)
    assert not (gold_copy.parent / "escape.txt").exists()


def test_a_rewritten_file_keeps_its_mode_and_a_new_one_follows_the_umask(
    gold_copy: Path, tmp_path: Path
) -> None:
    (gold_copy / "articles.csv").chmod(0o640)
    (gold_copy / "MANIFEST.json").chmod(0o664)
    old_mask = os.umask(0o022)
    try:
        _draft(gold_copy, tmp_path)
        accept("maarat-families", gold_copy)
    finally:
        os.umask(old_mask)
    assert stat.S_IMODE((gold_copy / "articles.csv").stat().st_mode) == 0o640
    assert stat.S_IMODE((gold_copy / "MANIFEST.json").stat().st_mode) == 0o664
    new = gold_copy / "articles" / "maarat-families.txt"
    assert stat.S_IMODE(new.stat().st_mode) == 0o644


def test_accept_bumps_the_minor_version_and_writes_the_changelog(
    gold_copy: Path, tmp_path: Path
) -> None:
    version = str(read_manifest(gold_copy)["version"])
    major, minor, _ = version.split(".")
    _draft(gold_copy, tmp_path)
    loaded = accept("maarat-families", gold_copy)
    assert loaded.version == f"{major}.{int(minor) + 1}.0"
    card = (gold_copy / "README.md").read_text(encoding="utf-8")
    entry = card.index(f"### {loaded.version} (")
    assert card.index("## Changelog") < entry < card.index(f"### {version} (")
    assert "Added the article `maarat-families` (1 mentions)" in card


@pytest.mark.parametrize("bad", ["banana", "1.2", "1.2.3-rc1", "01.2.3", ""])
def test_set_version_takes_only_major_minor_patch(gold_copy: Path, figdate: Run, bad: str) -> None:
    before = tree(gold_copy)
    done = figdate("gold", "manifest", "--set-version", bad, "--gold", str(gold_copy))
    if bad == "":  # argparse gives an empty value: the version is kept
        assert done.returncode == 0
        return
    assert done.returncode == 1
    assert f"{bad!r} is not a version MAJOR.MINOR.PATCH" in done.stderr
    assert tree(gold_copy) == before
    with pytest.raises(InputError):
        write_manifest(gold_copy, bad)


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
@pytest.mark.parametrize("ident", ["x" * 302, "../escape", "/abs/path", "", "a/b", "A"])
def test_hostile_ids_are_refused_in_one_line(
    gold_copy: Path, figdate: Run, tmp_path: Path, ident: str
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    before = tree(gold_copy)
    for args in (["add", str(story), "--id", ident], ["gold", "accept", ident],
                 ["gold", "fix-offsets", ident]):  # fmt: skip
        done = figdate(*args, "--gold", str(gold_copy))
        assert done.returncode == 1, (args, done.stderr)
        assert "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
    assert tree(gold_copy) == before
