"""The prediction cache: one JSON file per (extractor name, version, article checksum).

A cached article is not extracted again; an extractor's version is part of the key, so a
new version starts afresh.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from figdate.core.model import Article
from figdate.core.tables import write_atomic
from figdate.extractors.protocol import Row, Source, article_payload

CACHE_DIR = Path(".figdate-cache")


def article_checksum(article: Article) -> str:
    """Everything an extractor sees of an article."""
    payload = json.dumps(article_payload(article), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


class Cache:
    """Predictions per (extractor name, version, article checksum), one JSON file each."""

    def __init__(self, root: Path, source: Source) -> None:
        slug = hashlib.sha256(f"{source.name}\0{source.version}".encode()).hexdigest()[:16]
        self.folder = root / slug

    def _path(self, article: Article) -> Path:
        return self.folder / f"{article_checksum(article)}.json"

    def get(self, article: Article) -> list[Row] | None:
        try:
            loaded = json.loads(self._path(article).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return loaded if isinstance(loaded, list) else None

    def put(self, article: Article, rows: list[Row]) -> None:
        """Store the rows (checked cells, so strict JSON) through a temporary file of a
        unique name: two runs at once cannot collide, and a failure leaves nothing."""
        data = json.dumps(rows, ensure_ascii=False, allow_nan=False).encode("utf-8")
        write_atomic(self._path(article), data)
