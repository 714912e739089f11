"""The ``figdate`` command's exit codes, one definition for every command."""

from __future__ import annotations

import enum


class Exit(enum.IntEnum):
    OK = 0
    PROBLEMS = 1  # the input has problems, each printed on one line
    USAGE = 2  # a usage error, or (validate) a file that cannot be read as a table
    INCOMPLETE = 3  # (eval, report) some articles failed; their gold counts as missed
    INTERRUPTED = 130  # Ctrl-C: files are written whole or not at all


UNREADABLE = Exit.USAGE
