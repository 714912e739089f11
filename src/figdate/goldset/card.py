"""The dataset card's generated part: mentions per article and kind, and the card's check."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from figdate.core.model import tag_scope, tags_in
from figdate.core.problems import Problem
from figdate.core.tables import display_path
from figdate.core.transaction import commit
from figdate.core.vocabulary import KINDS
from figdate.goldset.layout import CARD, COUNTS_END, COUNTS_START
from figdate.goldset.store import GoldSet, load
from figdate.goldset.writing import DEFAULT_WAIT, writing


def stats(gold: GoldSet) -> pd.DataFrame:
    """Mentions per article and kind, required and optional, with a total row."""
    frame = gold.mentions
    rows = []
    for ident in sorted(gold.articles):
        mine = frame[frame["article_id"] == ident]
        row: dict[str, object] = {"article": ident}
        published = gold.articles[ident].published
        row["published"] = published.isoformat() if published else ""
        row["chars"] = len(gold.articles[ident].text)
        for kind in KINDS:
            of_kind = mine[mine["kind"] == kind]
            row[f"{kind}s"] = int((~of_kind["optional"]).sum())
            row[f"{kind}s_optional"] = int(of_kind["optional"].sum())
        rows.append(row)
    table = pd.DataFrame(rows)
    total = {c: int(table[c].sum()) for c in table.columns if c not in {"article", "published"}}
    return pd.concat(
        [table, pd.DataFrame([{"article": "total", "published": "", **total}])], ignore_index=True
    )


def render_counts(gold: GoldSet) -> str:
    """The generated block of the dataset card (Markdown)."""
    table = stats(gold)
    header = (
        "| article | published | characters | figures | optional figures "
        "| dates | optional dates |\n|---|---|--:|--:|--:|--:|--:|\n"
    )
    lines = [
        f"| {r.article} | {_published_cell(r.article, r.published)} | {r.chars} | {r.figures} "
        f"| {r.figures_optional} | {r.dates} | {r.dates_optional} |"
        for r in table.itertuples()
    ]
    return (
        f"Version **{gold.version}**, checksum `{gold.checksum[:16]}`: "
        f"{len(gold.articles)} articles, {len(gold.mentions)} mentions.\n\n"
        + header
        + "\n".join(lines)
        + "\n"
        + render_tags(gold)
    )


def tag_counts(gold: GoldSet) -> pd.DataFrame:
    """Per tag: articles tagged, and the mentions each kind has in the tag's scope (tagged
    articles' mentions and tagged mentions; ``figdate.scoring.breakdown``), required and
    optional."""
    frame = gold.mentions
    rows = []
    for tag in tags_in(frame, gold.articles):
        tagged, whole, own = tag_scope(frame, gold.articles, tag)
        scope = frame[whole | own]
        row: dict[str, object] = {"tag": tag, "articles": len(tagged)}
        for kind in KINDS:
            of_kind = scope[scope["kind"] == kind]
            row[f"{kind}s"] = int((~of_kind["optional"]).sum())
            row[f"{kind}s_optional"] = int(of_kind["optional"].sum())
        rows.append(row)
    return pd.DataFrame(rows)


def render_tags(gold: GoldSet) -> str:
    """The phenomena block of the card: nothing for a dataset without tags."""
    table = tag_counts(gold)
    if table.empty:
        return ""
    lines = [
        f"| {r.tag} | {r.articles} | {r.figures} | {r.figures_optional} | {r.dates} "
        f"| {r.dates_optional} |"
        for r in table.itertuples()
    ]
    return (
        "\nPer phenomenon (`tags`): articles tagged, and the mentions a tag's scores count.\n\n"
        "| tag | tagged articles | figures | optional figures | dates | optional dates |\n"
        "|---|--:|--:|--:|--:|--:|\n" + "\n".join(lines) + "\n"
    )


def _published_cell(article: object, published: object) -> str:
    if article == "total":
        return ""
    return str(published) if published else "(undated)"


def card_text(root: Path, gold: GoldSet) -> str | None:
    """The card with a fresh counts block, or None if the card has no counts markers."""
    try:
        card = (root / CARD).read_text(encoding="utf-8")
    except OSError:
        return None
    pattern = re.compile(re.escape(COUNTS_START) + r".*?" + re.escape(COUNTS_END), re.DOTALL)
    if not pattern.search(card):
        return None
    block = f"{COUNTS_START}\n{render_counts(gold)}{COUNTS_END}"
    return pattern.sub(lambda _: block, card)


def card_problems(gold: GoldSet) -> list[Problem]:
    root = gold.root
    fresh = card_text(root, gold)
    if fresh is not None and fresh != (root / CARD).read_text(encoding="utf-8"):
        return [
            Problem(
                display_path(root / CARD),
                reason="the generated counts are stale; run `figdate gold card`",
            )
        ]
    return []


def write_card(root: Path, *, wait: float = DEFAULT_WAIT) -> bool:
    """Rewrite the card's counts block; False if the card has no markers."""
    with writing(root, wait=wait):
        gold = load(root)
        fresh = card_text(root, gold)
        if fresh is None:
            return False
        commit({root / CARD: fresh.encode("utf-8")}, root)
    return True


CHANGELOG = re.compile(r"^## Changelog[ \t]*\n", re.MULTILINE)
RELEASE = re.compile(r"^### [0-9]", re.MULTILINE)


def with_changelog(card: str, version: str, line: str, day: str) -> str:
    """The card with ``line`` as the changelog entry of a new ``version``: above the newest
    released version under ``## Changelog`` (below any "Unreleased" notes), or a new
    ``## Changelog`` at the end of a card that has none."""
    entry = f"### {version} ({day})\n\n- {line}\n\n"
    found = CHANGELOG.search(card)
    if found is None:
        return card.rstrip("\n") + f"\n\n## Changelog\n\n{entry}".rstrip("\n") + "\n"
    released = RELEASE.search(card, found.end())
    at = released.start() if released else len(card)
    head = card[:at] if released else card.rstrip("\n") + "\n\n"
    return head + entry + card[at:] if released else head + entry.rstrip("\n") + "\n"
