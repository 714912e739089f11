"""Property testing for any extractor: hypothesis strategies that plant labelled figures
and dates in news-style passages (``strategies``), built on the challenge suite's makers
(``phenomena``); ``check_extractor`` and ``check_metamorphic`` run an extractor on them;
``folder`` writes drawn examples as a gold set. Needs hypothesis
(``pip install 'figdate[testing]'``)."""

try:
    import hypothesis  # noqa: F401
except ModuleNotFoundError as missing:  # pragma: no cover - the extra is not installed
    raise ModuleNotFoundError(
        "figdate.testing needs hypothesis: pip install 'figdate[testing]'", name="hypothesis"
    ) from missing

from typing import Any

from figdate.testing.strategies import Example, known_phenomena, passages

__all__ = ["Example", "check_extractor", "check_metamorphic", "known_phenomena", "passages"]


def __getattr__(name: str) -> Any:
    """The checks score with figdate's scorer (pandas): loaded on first use only."""
    if name == "check_extractor":
        from figdate.testing.checks import check_extractor

        return check_extractor
    if name == "check_metamorphic":
        from figdate.testing.metamorphic import check_metamorphic

        return check_metamorphic
    raise AttributeError(f"module 'figdate.testing' has no attribute {name!r}")
