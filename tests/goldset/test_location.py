"""Which gold set a command uses: --gold, $FIGDATE_GOLD, ./gold, the packaged copy; the
packaged copy is read-only and ``gold init`` makes a writable one."""

from __future__ import annotations

from pathlib import Path

import pytest

from figdate.core.problems import InputError
from figdate.goldset import location
from figdate.goldset.copying import init
from figdate.goldset.location import Located, find, locate
from tests.support import GOLD, REPO, Run, snapshot


def test_the_order_is_flag_environment_folder_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, gold_copy: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.delenv("FIGDATE_GOLD", raising=False)
    shipped = find()
    assert shipped.packaged
    assert (shipped.path / "articles.csv").is_file()
    monkeypatch.setenv("FIGDATE_GOLD", str(gold_copy))
    assert find() == Located(gold_copy, "from $FIGDATE_GOLD")
    assert find(tmp_path / "named").why == "named with --gold"
    monkeypatch.delenv("FIGDATE_GOLD")
    monkeypatch.chdir(tmp_path)
    assert find().path == gold_copy  # tmp_path/gold now holds a gold set
    assert not find().packaged


def test_without_any_gold_set_the_reason_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FIGDATE_GOLD", raising=False)
    monkeypatch.setattr(location, "packaged", lambda: None)
    assert "pass --gold DIR" in find().why


def test_writers_refuse_the_packaged_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FIGDATE_GOLD", raising=False)
    assert locate() == find().path  # readers may use it
    with pytest.raises(InputError, match="gold init DIR"):
        locate(writable=True)


def test_writers_refuse_a_path_inside_an_installed_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, gold_copy: Path
) -> None:
    from figdate.goldset.writing import writing

    # the challenge suite's folder in a wheel, say: every bundled dataset is read-only
    monkeypatch.setattr(
        location, "installed", lambda name="idlib": gold_copy if name == "challenge" else None
    )
    with pytest.raises(InputError, match="read-only"), writing(gold_copy):
        pytest.fail("the lock was taken on the packaged copy")


def test_init_copies_the_data_and_nothing_else(tmp_path: Path, gold_copy: Path) -> None:
    (gold_copy / "drafts" / "x").mkdir(parents=True)
    (gold_copy / "drafts" / "x" / "mentions.csv").write_text("a\n", encoding="utf-8")
    copy = init(tmp_path / "mine" / "gold", gold_copy)
    assert copy.checksum == init(tmp_path / "again", GOLD).checksum
    assert not (copy.root / "drafts").exists()
    assert set(snapshot(copy.root)) == set(snapshot(gold_copy)) - {"drafts/x/mentions.csv"}
    assert list(tmp_path.joinpath("mine").iterdir()) == [copy.root]  # no scratch left


def test_init_refuses_a_folder_in_use(tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(InputError, match="not empty"):
        init(tmp_path / "taken", GOLD)
    assert snapshot(tmp_path / "taken") == {"notes.txt": snapshot(tmp_path / "taken")["notes.txt"]}


def test_gold_path_and_init_from_another_folder(figdate: Run, tmp_path: Path) -> None:
    repository = snapshot(REPO / "gold")
    shown = figdate("gold", "path", cwd=tmp_path, env={"FIGDATE_GOLD": ""})
    assert shown.returncode == 0, shown.stderr
    assert "packaged with figdate" in shown.stderr
    assert "read-only" in shown.stderr
    refused = figdate("gold", "manifest", cwd=tmp_path, env={"FIGDATE_GOLD": ""})
    assert refused.returncode != 0
    assert "figdate gold init DIR" in refused.stderr
    assert "Traceback" not in refused.stderr
    made = figdate("gold", "init", "gold", cwd=tmp_path, env={"FIGDATE_GOLD": ""})
    assert made.returncode == 0, made.stderr
    now = figdate("gold", "path", cwd=tmp_path, env={"FIGDATE_GOLD": ""})
    assert Path(now.stdout.strip()) == (tmp_path / "gold").resolve()
    assert "writable" in now.stderr
    wrote = figdate("gold", "manifest", cwd=tmp_path, env={"FIGDATE_GOLD": ""})
    assert wrote.returncode == 0, wrote.stderr
    assert snapshot(REPO / "gold") == repository  # the packaged (here: checkout's) set is as it was
