"""Settings read from the environment, each parsed with a one-line reason when it is wrong."""

from __future__ import annotations

import os

from figdate.core.problems import InputError, Problem


def whole_number(name: str, default: int, *, minimum: int = 1, what: str = "") -> int:
    """``$name`` as a whole number of at least ``minimum`` (``default`` when unset or
    empty); ``what`` names the number in the refusal."""
    setting = os.environ.get(name, "").strip()
    if not setting:
        return default
    if not setting.isdigit() or int(setting) < minimum:
        reason = f"{setting!r} is not {what or f'a whole number >= {minimum}'}"
        raise InputError([Problem(name, reason=reason)])
    return int(setting)
