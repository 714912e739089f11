"""Datasets by name and by path: ``figdate datasets list``, ``--dataset``, and what a
dataset's manifest declares surviving a re-hash."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from figdate.goldset.datasets import describe
from figdate.goldset.location import find, packaged
from figdate.goldset.manifest import write_manifest
from figdate.goldset.timeml_import import import_timeml
from tests.support import Run

SAMPLE = Path(__file__).parents[1] / "data" / "timeml" / "sample.tml"


def _imported(tmp_path: Path) -> Path:
    (tmp_path / "corpus").mkdir()
    shutil.copy(SAMPLE, tmp_path / "corpus" / "sample.tml")
    import_timeml(tmp_path / "corpus", tmp_path / "ds", name="sample-corpus")
    return tmp_path / "ds"


def test_the_list_shows_the_bundled_set_and_a_named_folder(figdate: Run, tmp_path: Path) -> None:
    folder = _imported(tmp_path)
    done = figdate("datasets", "list", str(folder))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["name", "version", "guidelines", "kinds", "articles",
                                "mentions", "licence"]  # fmt: skip
    idlib = next(line for line in lines if line.startswith("idlib "))
    assert idlib.split()[2:6] == ["figdate", "figure,date", "5", "120"]
    sample = next(line for line in lines if line.startswith("sample-corpus "))
    assert sample.split()[1:6] == ["1.0.0", "TimeML", "1.2.1", "date", "1"]


def test_a_folder_that_does_not_load_is_listed_with_its_problem(
    figdate: Run, tmp_path: Path
) -> None:
    folder = _imported(tmp_path)
    (folder / "mentions.csv").write_text("article_id,kind\nnowhere,date\n", encoding="utf-8")
    done = figdate("datasets", "list", str(folder))
    assert done.returncode == 1
    assert "problem(s): run figdate gold check" in done.stdout


def test_a_bundled_name_is_the_packaged_set_unless_a_folder_has_that_name(
    tmp_path: Path,
) -> None:
    shipped = packaged()
    assert shipped is not None
    assert find("idlib").path == shipped.path
    assert find("idlib").packaged
    here = Path.cwd()
    try:
        os.chdir(tmp_path)
        (tmp_path / "idlib").mkdir()
        assert find("idlib").path == Path("idlib")  # a path named so wins
    finally:
        os.chdir(here)


def test_the_eval_command_takes_a_dataset_by_name(figdate: Run, tmp_path: Path) -> None:
    by_name = figdate("eval", "--dataset", "idlib", "--resamples", "0", "--json",
                      str(tmp_path / "a.json"))  # fmt: skip
    assert by_name.returncode == 0, by_name.stderr
    shipped = packaged()
    assert shipped is not None
    by_path = figdate("eval", "--gold", str(shipped.path), "--resamples", "0", "--json",
                      str(tmp_path / "b.json"))  # fmt: skip
    assert by_path.returncode == 0, by_path.stderr
    a, b = (json.loads((tmp_path / f"{x}.json").read_text(encoding="utf-8")) for x in "ab")
    assert a["summary"] == b["summary"]
    assert a["gold"]["checksum"] == b["gold"]["checksum"]


def test_what_a_manifest_declares_survives_a_new_manifest(tmp_path: Path) -> None:
    folder = _imported(tmp_path)
    write_manifest(folder, "1.1.0")
    manifest = json.loads((folder / "MANIFEST.json").read_text(encoding="utf-8"))
    assert manifest["guidelines"] == "TimeML 1.2.1"
    assert manifest["kinds"] == ["date"]
    assert manifest["version"] == "1.1.0"
    info = describe(folder)
    assert (info.kinds, info.articles, info.mentions, info.problem) == (("date",), 1, 5, None)
