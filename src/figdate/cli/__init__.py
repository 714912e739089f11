"""The ``figdate`` command line. ``main`` is the console script's entry point."""

from __future__ import annotations

from figdate.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
