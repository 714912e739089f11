"""Which gold set a command uses, and why: ``--gold``, else ``$FIGDATE_GOLD``, else
``./gold`` if it holds a gold set, else the copy that ships inside the package.

The packaged copy is read-only: it is versioned with figdate, and pip would overwrite (or a
system install refuse) any change. Writers ask for ``writable=True`` and are told to make
their own copy with ``figdate gold init DIR``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from figdate.core.problems import InputError, Problem, nearest
from figdate.core.tables import display_path
from figdate.goldset.layout import ARTICLES, BUNDLED, SHIPPED

PACKAGED = SHIPPED["idlib"][0]
"""The package-data folder a wheel or sdist carries the gold set in (setup.py maps the
repository's ``gold/`` to ``figdate/_gold`` at build time; ``layout.SHIPPED`` has the rest)."""

ENVIRONMENT = "FIGDATE_GOLD"


@dataclass(frozen=True)
class Located:
    """A gold folder, how it was chosen, and whether it is the packaged (read-only) copy."""

    path: Path
    why: str
    packaged: bool = False


def installed(name: str = "idlib") -> Path | None:
    """A bundled dataset inside an installed wheel, if figdate was installed from one."""
    here = resources.files("figdate").joinpath(SHIPPED[name][0])
    return here if isinstance(here, Path) and (here / ARTICLES).is_file() else None


def packaged(name: str = "idlib") -> Located | None:
    """A dataset figdate ships (the gold set by default): a wheel's package data, or, in an
    editable install (where setuptools maps nothing), the checkout's own folder."""
    what = "the gold set" if name == "idlib" else f"the dataset {name!r}"
    wheel = installed(name)
    if wheel is not None:
        return Located(wheel, f"{what} packaged with figdate", packaged=True)
    checkout = Path(__file__).resolve().parents[3]
    folder = checkout / SHIPPED[name][1]
    if (checkout / "pyproject.toml").is_file() and (folder / ARTICLES).is_file():
        why = f"{what} packaged with figdate (an editable install: the checkout's {folder.name}/)"
        return Located(folder, why, packaged=True)
    return None


def find(path: str | Path | None = None) -> Located:
    """The gold folder to use and the reason, in the documented order."""
    if path is not None:
        bundled = _bundled(str(path))
        return bundled or Located(Path(path), "named with --gold")
    if os.environ.get(ENVIRONMENT):
        return Located(Path(os.environ[ENVIRONMENT]), f"from ${ENVIRONMENT}")
    here = Path.cwd() / "gold"
    if (here / ARTICLES).is_file():
        return Located(here, "./gold in the current folder")
    shipped = packaged()
    if shipped is not None:
        return shipped
    reason = f"no gold set: pass --gold DIR, set ${ENVIRONMENT}, or reinstall figdate"
    return Located(here, reason)


def no_folder(root: Path) -> Problem:
    """The problem of a gold folder that is not there; a bare name near a bundled dataset's
    (``--dataset challenj``) gets the nearest and the list."""
    reason = "no such gold folder"
    if len(root.parts) == 1:
        reason += f" (nor a bundled dataset; {nearest(root.name, BUNDLED)})"
    return Problem(display_path(root), reason=reason)


def locate(path: str | Path | None = None, *, writable: bool = False) -> Path:
    """The gold folder (``find``); with ``writable``, InputError if it is the packaged copy."""
    found = find(path)
    if writable:
        refuse_packaged(found.path, found.packaged)
    return found.path


def refuse_packaged(root: Path, packaged: bool = False) -> None:
    """InputError if ``root`` is the packaged gold set: changes belong in a copy."""
    wheels = [w for w in (installed(name) for name in SHIPPED) if w is not None]
    if packaged or any(root.resolve().is_relative_to(w.resolve()) for w in wheels):
        reason = (
            "is the gold set packaged with figdate, which is read-only: run `figdate gold "
            "init DIR` for a writable copy, then pass --gold DIR (or run from DIR's parent "
            "with DIR named gold)"
        )
        raise InputError([Problem(display_path(root), reason=reason)])


def _bundled(name: str) -> Located | None:
    """A dataset figdate ships, named (``idlib``) where no folder of that name is here."""
    if name not in BUNDLED or Path(name).exists():
        return None
    shipped = packaged(name)
    if shipped is None:
        return None
    return Located(shipped.path, f"the bundled dataset {name!r}", packaged=True)
