"""The gold set itself: valid, complete, byte-identical to the seeds, its card current."""

from __future__ import annotations

from pathlib import Path

import pytest

from figdate.goldset.audit import check
from figdate.goldset.card import card_text, stats, write_card
from figdate.goldset.manifest import write_manifest
from figdate.goldset.store import load
from tests.support import GOLD, REPO, repo_gold

SEEDS = {
    "idlib-civilians-return": "000_3dc28bad82420bc8.txt",
    "idlib-ceasefire-ignored": "001_f063ff3e6a930368.txt",
    "idlib-january-deaths": "002_775f59f212c08689.txt",
    "idlib-airstrikes-halted": "003_9902f22a36a9c5de.txt",
    "idlib-attacks-displace": "004_e17fd97e1bdba06d.txt",
}


def _seed_folder() -> Path | None:
    for candidate in (REPO.parent / "shared" / "seeds", REPO.parent.parent / "shared" / "seeds"):
        if candidate.is_dir():
            return candidate
    return None


def test_the_gold_set_passes_its_own_check() -> None:
    assert check(GOLD) == []


@pytest.mark.skipif(
    _seed_folder() is None, reason="the seed articles (../shared/seeds) are not beside this clone"
)
@pytest.mark.parametrize(("ident", "seed"), sorted(SEEDS.items()))
def test_articles_are_byte_identical_to_the_seeds(ident: str, seed: str) -> None:
    folder = _seed_folder()
    assert folder is not None
    assert (GOLD / "articles" / f"{ident}.txt").read_bytes() == (folder / seed).read_bytes()


def test_counts_are_within_the_expected_range() -> None:
    table = stats(load(GOLD)).set_index("article")
    assert 60 <= table.loc["total", "figures"] <= 80
    assert 35 <= table.loc["total", "dates"] <= 50
    assert (table.drop("total")[["figures", "dates"]] > 0).all().all()


def test_the_card_counts_are_current() -> None:
    loaded = load(GOLD)
    assert card_text(GOLD, loaded) == (GOLD / "README.md").read_text(encoding="utf-8"), (
        "gold/README.md is stale: run `figdate gold card`"
    )


def test_the_card_names_the_manifest_version() -> None:
    loaded = load(GOLD)
    card = (GOLD / "README.md").read_text(encoding="utf-8")
    assert f"Version **{loaded.version}**" in card
    assert f"### {loaded.version}" in card, "the changelog has no entry for this version"


def test_values_resolve_as_the_guidelines_say() -> None:
    """Spot checks of decisions the guidelines spell out, against the labels."""
    mentions = load(GOLD).mentions
    value = {(r.article_id, r.text, r.start): r.value for r in mentions.itertuples()}

    def only(article: str, text: str) -> object:
        found = [v for (a, t, _), v in value.items() if a == article and t == text]
        assert len(found) == 1, (article, text, found)
        return found[0]

    assert only("idlib-january-deaths", "05.02.2019") == "2019-02-05"  # day-first
    assert only("idlib-civilians-return", "the following day") == "2020-03-06"  # anaphoric
    assert only("idlib-airstrikes-halted", "Friday") == "2020-01-10"  # latest Friday on or before
    assert only("idlib-airstrikes-halted", "two-years ago") == "2018"
    assert only("idlib-january-deaths", "Oct. 10") == "2018-10-10"  # year-less, before publication
    assert only("idlib-ceasefire-ignored", "May 10 of last year") is None  # undated article
    assert only("idlib-airstrikes-halted", "half a million") == "500000"


def test_a_stale_manifest_is_a_problem(gold_copy: Path) -> None:
    path = gold_copy / "mentions.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("ground offensive", "x"), "utf-8")
    text = path.read_text(encoding="utf-8")
    path.write_text(text + text.splitlines()[-1].replace("false", "true", 1) + "\n", "utf-8")
    problems = check(gold_copy)
    assert any("changed since MANIFEST.json" in p.reason for p in problems)


def test_a_stale_card_is_a_problem(gold_copy: Path) -> None:
    card = gold_copy / "README.md"
    articles = len(repo_gold().articles)
    text = card.read_text(encoding="utf-8")
    assert f"{articles} articles" in text
    card.write_text(text.replace(f"{articles} articles", f"{articles + 1} articles"), "utf-8")
    assert [p.reason for p in check(gold_copy)] == [
        "the generated counts are stale; run `figdate gold card`"
    ]


def test_manifest_and_card_commands_make_a_changed_set_consistent(gold_copy: Path) -> None:
    path = gold_copy / "mentions.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:-1]), encoding="utf-8")  # drop one mention
    assert check(gold_copy)
    write_manifest(gold_copy)
    write_card(gold_copy)
    assert check(gold_copy) == []
    assert len(load(gold_copy).mentions) == len(lines) - 2


def test_text_files_must_be_listed(gold_copy: Path) -> None:
    (gold_copy / "articles" / "stray.txt").write_text("hello", encoding="utf-8")
    reasons = [p.reason for p in check(gold_copy)]
    assert "not listed in articles.csv" in reasons
