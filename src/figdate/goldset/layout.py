"""The files of a gold folder, by name (see ``gold/README.md``)::

articles.csv          one row per article (id, title, source, url, published, note)
articles/<id>.txt     each article's text, byte for byte as received
mentions.csv          one row per figure or date mention
MANIFEST.json         version and SHA-256 of every file above
README.md             the dataset card; its counts block is generated
drafts/<id>/          articles being labelled, never scored
"""

from __future__ import annotations

ARTICLES = "articles.csv"
MENTIONS = "mentions.csv"
TEXTS = "articles"
MANIFEST = "MANIFEST.json"
CARD = "README.md"
DRAFTS = "drafts"
COUNTS_START = "<!-- figdate:counts:start -->"
COUNTS_END = "<!-- figdate:counts:end -->"
