"""Property testing for any extractor: hypothesis strategies that plant labelled figures
and dates in news-style passages (``strategies``), built on the challenge suite's makers
(``phenomena``); ``folder`` writes drawn examples as a gold set. Needs hypothesis
(``pip install 'figdate[testing]'``)."""

try:
    import hypothesis  # noqa: F401
except ModuleNotFoundError as missing:  # pragma: no cover - the extra is not installed
    raise ModuleNotFoundError(
        "figdate.testing needs hypothesis: pip install 'figdate[testing]'", name="hypothesis"
    ) from missing

from figdate.testing.strategies import Example, passages, phenomena

__all__ = ["Example", "passages", "phenomena"]
