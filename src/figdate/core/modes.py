"""The permissions of what figdate creates: the umask's, as for any other program's files.

``tempfile.mkstemp`` and ``mkdtemp`` make 0600 files and 0700 folders, private as a
scratch file should be; a file or folder that stays once renamed into place (a saved run,
a gold copy, a README, a cache entry) must get the mode the user's umask gives, and a
rewritten file keeps the mode it had.
"""

from __future__ import annotations

import os
from pathlib import Path


def umask() -> int:
    """The process's umask (read by setting it and setting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def file_mode(path: Path) -> int:
    """The mode a file written to ``path`` should have: the old file's, else the umask's."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~umask()


def folder_mode() -> int:
    """The mode a new folder gets from the umask, as ``mkdir`` would give it."""
    return 0o777 & ~umask()
