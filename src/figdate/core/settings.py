"""Settings read from the environment, each parsed with a one-line reason when it is wrong."""

from __future__ import annotations

import os

from figdate.core.problems import InputError, Problem


def whole_number(name: str, default: int) -> int:
    """``$name`` as a whole number of at least 1 (``default`` when unset or empty)."""
    setting = os.environ.get(name, "").strip()
    if not setting:
        return default
    if not setting.isdigit() or int(setting) < 1:
        raise InputError([Problem(name, reason=f"{setting!r} is not a whole number >= 1")])
    return int(setting)
