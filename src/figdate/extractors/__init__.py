"""Extractors: the protocol, the registry, and the bundled ones (rules and two adapters).

Heavy adapters (dateparser, quantulum3) are imported only when named.
"""

from __future__ import annotations

from figdate.extractors.registry import DEFAULT, registered, resolve
from figdate.extractors.sources import ExtractionError, Extractor

__all__ = ["DEFAULT", "ExtractionError", "Extractor", "registered", "resolve"]
