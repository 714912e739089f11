"""The files of a gold folder, by name, and the one check every id passes before it names
a file (see ``gold/README.md``)::

articles.csv          one row per article (id, title, source, url, published, note)
articles/<id>.txt     each article's text, byte for byte as received
mentions.csv          one row per figure or date mention
MANIFEST.json         version and SHA-256 of every file above
README.md             the dataset card; its counts block is generated
drafts/<id>/          articles being labelled, never scored
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from figdate.core.problems import InputError, Problem
from figdate.core.vocabulary import SLUG

ARTICLES = "articles.csv"
MENTIONS = "mentions.csv"
TEXTS = "articles"
MANIFEST = "MANIFEST.json"
CARD = "README.md"
DRAFTS = "drafts"
COUNTS_START = "<!-- figdate:counts:start -->"
COUNTS_END = "<!-- figdate:counts:end -->"

MAX_ID = 120
"""An id is a file name (``<id>.txt``, a draft folder): short enough for every filesystem
with room for figdate's own suffixes."""


def valid_id(ident: object, where: str = "id") -> str:
    """``ident`` if it is an article id (a lowercase slug of at most ``MAX_ID`` characters:
    no path separators, no dots, never empty); InputError naming ``where`` otherwise."""
    if not isinstance(ident, str):
        reason = f"an article id is a string, not {type(ident).__name__} {ident!r}"
        raise InputError([Problem(where, reason=reason)])
    if len(ident) > MAX_ID:
        reason = f"{ident[:24]!r}... is {len(ident)} characters; an article id has at most {MAX_ID}"
        raise InputError([Problem(where, reason=reason)])
    if not re.fullmatch(SLUG, ident):
        reason = (
            f"{ident!r} is not a slug: lowercase a-z, 0-9 and single hyphens, no path "
            "separators or dots"
        )
        raise InputError([Problem(where, reason=reason)])
    return ident


def inside(root: Path, *parts: str) -> Path:
    """``root/parts...``, refused (InputError) if it resolves outside ``root``: every path
    built from outside input goes through here."""
    path = root.joinpath(*parts)
    if not path.resolve().is_relative_to(root.resolve()):
        raise InputError([Problem(str(path), reason=f"is outside the gold folder {root}")])
    return path


def draft_folder(root: Path, ident: str, where: str = "id") -> Path:
    """The draft folder of a valid id."""
    return inside(root, DRAFTS, valid_id(ident, where))


def text_file(root: Path, ident: str, where: str = "id") -> Path:
    """The text file of a gold article with a valid id."""
    return inside(root, TEXTS, f"{valid_id(ident, where)}.txt")


def article_ids(root: Path) -> list[str]:
    """The ids in ``articles.csv``, read with the csv module and not checked: enough to
    name one test item per article without loading pandas or the gold set."""
    with (root / ARTICLES).open(encoding="utf-8", newline="") as handle:
        return sorted({row["id"] for row in csv.DictReader(handle) if row.get("id")})


BUNDLED = {
    "idlib": "the seed set: five news articles on Idlib, 2019-2023",
    "challenge": "the challenge suite: short passages, each tagged with the phenomena it tests",
}
"""The datasets figdate ships, by name (``idlib``: the gold set of this repository)."""
SHIPPED = {"idlib": ("_gold", "gold"), "challenge": ("_challenge", "datasets/challenge")}
"""Each bundled dataset's package-data folder in a wheel and its folder in a checkout
(``pyproject.toml`` and ``setup.py`` map one to the other)."""
