"""The pytest plugin (entry point ``pytest11``): thresholds as test items, the P/R/F1 table,
saved runs and a direction-aware regression gate; the ``figdate_check`` fixture
(``figdate.testing``). pytest finds its hooks and fixtures here.

Importing this package costs no pandas: everything heavy loads when a figdate item runs.
"""

from __future__ import annotations

from figdate.pytest_plugin.hooks import (
    figdate_check,
    pytest_addoption,
    pytest_collect_file,
    pytest_collection_finish,
    pytest_collection_modifyitems,
    pytest_configure,
    pytest_sessionfinish,
    pytest_terminal_summary,
)

__all__ = [
    "figdate_check",
    "pytest_addoption",
    "pytest_collect_file",
    "pytest_collection_finish",
    "pytest_collection_modifyitems",
    "pytest_configure",
    "pytest_sessionfinish",
    "pytest_terminal_summary",
]
