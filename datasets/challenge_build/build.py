"""Write the challenge suite (``datasets/challenge``) from the phenomenon modules of
``figdate.testing.phenomena`` (which also feed the hypothesis strategies): every passage
composed from sentences this team wrote, every label known by construction, the same files
on every run (one seeded generator per phenomenon).

    .venv/bin/python datasets/challenge_build/build.py [OUT]   (default datasets/challenge)

Then ``figdate gold check --dataset challenge`` checks the labels against the guidelines,
and ``tests/goldset/test_challenge.py`` checks that the committed files are this output.
The card (``README.md`` in OUT) is kept; its counts block is regenerated.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from figdate.core.model import ARTICLE_COLUMNS as ARTICLES
from figdate.core.model import MENTION_COLUMNS
from figdate.testing.folder import table
from figdate.testing.phenomena import boundaries, dates, figures
from figdate.testing.phenomena.passages import Passage

PER_PHENOMENON = 16
VERSION = "1.0.2"
ARTICLE_COLUMNS = (*ARTICLES, "tags")  # each passage's phenomena
MANIFEST = {
    "name": "figdate-challenge",
    "version": VERSION,
    "guidelines": "figdate",
    "kinds": ["figure", "date"],
    "licence": "CC-BY-4.0",
}


def passages() -> dict[str, Passage]:
    """Every passage by id: PER_PHENOMENON of each phenomenon, in a fixed order; a passage
    whose text a passage before it already has is drawn again (a repeat tests little that
    is new and counts twice in the breakdown)."""
    out: dict[str, Passage] = {}
    seen: set[str] = set()
    for module in (figures, dates, boundaries):
        for name, make in module.PHENOMENA.items():
            rng = random.Random(f"figdate-challenge/{name}")
            for number in range(1, PER_PHENOMENON + 1):
                passage = make(rng)
                while passage.text in seen:
                    passage = make(rng)
                seen.add(passage.text)
                out[f"{name}-{number:02d}"] = passage
    return out


def write(out: Path) -> int:
    """Write the tables and texts into ``out`` (the card and manifest are figdate's to
    refresh); the number of passages."""
    made = passages()
    (out / "articles").mkdir(parents=True, exist_ok=True)
    for old in (out / "articles").glob("*.txt"):
        old.unlink()
    articles, mentions = [], []
    for ident, passage in made.items():
        (out / "articles" / f"{ident}.txt").write_text(passage.text, encoding="utf-8")
        articles.append(
            {
                "id": ident,
                "source": "figdate challenge suite",
                "published": passage.published.isoformat() if passage.published else None,
                "note": passage.note,
                "tags": " ".join(passage.tags),
            }
        )
        mentions += passage.rows(ident)
    (out / "articles.csv").write_text(table(articles, ARTICLE_COLUMNS), encoding="utf-8")
    (out / "mentions.csv").write_text(table(mentions, MENTION_COLUMNS), encoding="utf-8")
    manifest = out / "MANIFEST.json"
    if not manifest.exists():
        manifest.write_text(json.dumps(MANIFEST, indent=2) + "\n", encoding="utf-8")
    return len(made)


if __name__ == "__main__":
    target = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).resolve().parents[1] / "challenge"
    )
    print(f"wrote {write(target)} passages into {target}")
