"""One version, set once (``figdate.core.__version__``), and the changelog, the CI sample's
pin and the release tags in its terms."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.version import Version

import figdate
from tests.support import REPO

HEADING = re.compile(r"^## (Unreleased|(\d+\.\d+\.\d+)) ?(.*)$", re.MULTILINE)


def _sections() -> list[tuple[str, str]]:
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    return [(m[1], m[3]) for m in HEADING.finditer(text)]


def _released() -> list[Version]:
    return [Version(name) for name, _ in _sections() if name != "Unreleased"]


def test_the_version_is_set_once_and_printed() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert project["project"]["dynamic"] == ["version"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {
        "attr": "figdate.core.__version__"
    }
    exe = Path(sys.executable).with_name("figdate")
    done = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == f"figdate {figdate.__version__}"


def test_the_changelog_speaks_of_this_version() -> None:
    version = Version(figdate.__version__)
    released = _released()
    assert released == sorted(released, reverse=True), "newest first"
    for name, rest in _sections():
        if name != "Unreleased":
            assert re.fullmatch(rf"\(\d{{4}}-\d\d-\d\d, tag `v{re.escape(name)}`\)", rest), rest
    first = _sections()[0][0]
    if version.is_devrelease:  # between releases: the changes gather under "Unreleased"
        assert first == "Unreleased"
        assert Version(version.base_version) > released[0]
    else:
        assert first == str(version), "a release has its own section, on top"


def test_the_ci_sample_pins_a_release() -> None:
    workflow = (REPO / "docs" / "ci" / "figdate.yml").read_text(encoding="utf-8")
    pinned = re.findall(r"@v(\d+\.\d+\.\d+)", workflow)
    assert pinned
    assert {Version(v) for v in pinned} <= set(_released())


def _git(*args: str) -> str:
    done = subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True,
                          check=False)  # fmt: skip
    return done.stdout if done.returncode == 0 else ""


def test_release_tags_hold_their_version() -> None:
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("not a git checkout: no tags to check")
    tags = _git("tag", "--list", "v*").split()
    if not tags:
        pytest.skip("this clone has no tags (a shallow or tag-less clone)")
    for tag in tags:
        assert Version(tag[1:]) in _released(), f"{tag} has no section in CHANGELOG.md"
        pyproject = _git("show", f"{tag}:pyproject.toml")
        core = _git("show", f"{tag}:src/figdate/core/__init__.py")
        static = re.search(r'^version = "([^"]+)"', pyproject, re.MULTILINE)
        attr = re.search(r'^__version__ = "([^"]+)"', core, re.MULTILINE)
        found = static[1] if static else attr[1] if attr else None
        assert found == tag[1:], f"{tag} builds figdate {found}"
