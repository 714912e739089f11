"""Extractors: the protocol, the sources and registry, the runner and cache, and the bundled
extractors (``rules``, and adapters for dateparser and quantulum3 in ``adapters/``).

Heavy adapters are imported only when named. Depends on ``figdate.core`` and, to read a
file of predictions by the same rules as ``figdate score``, ``figdate.contract``.
"""

from __future__ import annotations

from figdate.extractors.protocol import ExtractionError, Extractor
from figdate.extractors.registry import DEFAULT, registered, resolve

__all__ = ["DEFAULT", "ExtractionError", "Extractor", "registered", "resolve"]
