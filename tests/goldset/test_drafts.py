"""Adding an article: add, draft, fix offsets, accept; every refusal; atomic writes."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from figdate.core import transaction
from figdate.core.problems import InputError
from figdate.goldset import accept as accepting
from figdate.goldset import drafts
from figdate.goldset.manifest import write_manifest
from figdate.goldset.store import load
from tests.support import GOLD, Run, repo_gold

STORY = (
    "GENEVA, March 3, 2021 - Some 2,500 families fled Maarat al-Numan, the UN said on "
    "Tuesday. Aid groups said 40 trucks crossed the border. A further 40 trucks followed.\n"
)


def tree(root: Path) -> dict[str, str]:
    """Every file (by hash) and every folder below root: proof that nothing changed."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        if p.is_file()
        else "folder"
        for p in sorted(root.rglob("*"))
    }


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_bytes(STORY.encode("utf-8"))
    return path


def _add(
    figdate: Run, gold_copy: Path, story: Path, *extra: str
) -> subprocess.CompletedProcess[str]:
    return figdate(
        "add", str(story), "--id", "maarat-families", "--title", "Families flee",
        "--source", "Test Wire", "--published", "2021-03-03", "--gold", str(gold_copy), *extra,
    )  # fmt: skip


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
def test_an_article_goes_from_text_to_scored_gold(
    figdate: Run, gold_copy: Path, story: Path
) -> None:
    before = tree(gold_copy)
    added = _add(figdate, gold_copy, story)
    assert added.returncode == 0, added.stderr
    draft = gold_copy / "drafts" / "maarat-families"
    assert (draft / "article.txt").read_bytes() == story.read_bytes()
    assert _rows(draft / "article.csv")[0]["published"] == "2021-03-03"
    rows = _rows(draft / "mentions.csv")
    assert len(rows) >= 5
    assert all(STORY[int(r["start"]) : int(r["end"])] == r["text"] for r in rows)
    # a draft is not gold: the gold files are untouched and eval still sees five articles
    assert {k: v for k, v in tree(gold_copy).items() if not k.startswith("drafts")} == before
    scored = figdate("eval", "--gold", str(gold_copy), "--json", str(gold_copy.parent / "a.json"))
    assert json.loads((gold_copy.parent / "a.json").read_text())["gold"]["articles"] == sorted(
        load(GOLD).articles
    )

    # review: the second "40 trucks" is given by text and occurrence, without offsets
    second = max((r for r in rows if r["text"] == "40"), key=lambda r: int(r["start"]))
    second.update(start="", end="", occurrence="2", unit="trucks")
    for row in rows:
        if row["text"] == "40":
            row["unit"] = "trucks"
    _write(draft / "mentions.csv", rows)
    refused = figdate("gold", "accept", "maarat-families", "--gold", str(gold_copy))
    assert refused.returncode == 1
    assert "run `figdate gold fix-offsets maarat-families`" in refused.stderr
    fixed = figdate("gold", "fix-offsets", "maarat-families", "--gold", str(gold_copy))
    assert fixed.returncode == 0, fixed.stderr
    assert "filled the offsets of 1 row(s)" in fixed.stdout
    placed = next(r for r in _rows(draft / "mentions.csv") if r["text"] == "40" and r["unit"])
    assert "occurrence" not in placed
    assert STORY.index("40", STORY.index("40") + 1) in {
        int(r["start"]) for r in _rows(draft / "mentions.csv") if r["text"] == "40"
    }

    accepted = figdate("gold", "accept", "maarat-families", "--gold", str(gold_copy))
    assert accepted.returncode == 0, accepted.stderr
    assert not draft.exists()
    assert (gold_copy / "articles" / "maarat-families.txt").read_bytes() == story.read_bytes()
    check = figdate("gold", "check", "--gold", str(gold_copy))
    assert check.returncode == 0, check.stderr  # manifest and card are current
    assert f"{len(repo_gold().articles) + 1} articles" in check.stdout
    card = (gold_copy / "README.md").read_text(encoding="utf-8")
    assert "maarat-families" in card
    scored = figdate(
        "eval",
        "--gold",
        str(gold_copy),
        "--per-article",
        "--json",
        str(gold_copy.parent / "b.json"),
    )
    assert scored.returncode == 0, scored.stderr
    report = json.loads((gold_copy.parent / "b.json").read_text())
    assert "maarat-families" in report["gold"]["articles"]
    counted = [r for r in report["per_article"] if r["article"] == "maarat-families"]
    assert counted
    assert sum(r["tp"] + r["fn"] for r in counted if r["scheme"] == "value") >= len(rows) - 1


BAD_IDS = ["../evil", "a/b", "Bad-Id", "a--b", ".hidden", "a..b", "idlib-civilians-return"]


@pytest.mark.parametrize("ident", BAD_IDS)
def test_add_refuses_an_id_that_is_not_a_new_slug(
    figdate: Run, gold_copy: Path, story: Path, ident: str
) -> None:
    before = tree(gold_copy)
    result = figdate("add", str(story), "--id", ident, "--gold", str(gold_copy))
    assert result.returncode == 1
    assert "--id:" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree(gold_copy) == before


@pytest.mark.parametrize(
    ("content", "published", "reason"),
    [
        (b"", None, "the article is empty"),
        (b"  \n\t\n", None, "the article is empty"),
        (b"Caf\xe9 bombed", None, "not valid UTF-8 (byte 3: 0xe9)"),
        (STORY.encode(), "2021-02-29", "'2021-02-29' is not a calendar date"),
        (STORY.encode(), "2021-13-01", "month 13"),
        (STORY.encode(), "2021-03", "is not a day YYYY-MM-DD"),
    ],
)
def test_add_refuses_an_unusable_article_or_date(
    figdate: Run,
    gold_copy: Path,
    tmp_path: Path,
    content: bytes,
    published: str | None,
    reason: str,
) -> None:
    path = tmp_path / "new.txt"
    path.write_bytes(content)
    before = tree(gold_copy)
    extra = ["--published", published] if published else []
    result = figdate("add", str(path), "--id", "new-story", "--gold", str(gold_copy), *extra)
    assert result.returncode == 1
    assert reason in result.stderr
    assert tree(gold_copy) == before


def test_add_refuses_an_id_that_is_already_a_draft(
    figdate: Run, gold_copy: Path, story: Path
) -> None:
    assert _add(figdate, gold_copy, story).returncode == 0
    again = _add(figdate, gold_copy, story)
    assert again.returncode == 1
    assert "is already a draft" in again.stderr


def _failing_replace(monkeypatch: pytest.MonkeyPatch, after: int) -> None:
    real = os.replace
    calls = {"n": 0}

    def replace(src: object, dst: object) -> None:
        calls["n"] += 1
        if calls["n"] == after:
            raise OSError(28, "No space left on device")
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(transaction.os, "replace", replace)


@pytest.mark.parametrize("after", [1, 2, 3])
def test_a_failed_add_leaves_the_gold_set_as_it_was(
    monkeypatch: pytest.MonkeyPatch, gold_copy: Path, story: Path, after: int
) -> None:
    before = tree(gold_copy)
    _failing_replace(monkeypatch, after)
    with pytest.raises(OSError, match="No space left"):
        drafts.add(story, "maarat-families", title=None, source=None, root=gold_copy)
    assert tree(gold_copy) == before


def _reviewed_draft(gold_copy: Path, story: Path, rows: str) -> None:
    """A draft of the story whose mentions a reviewer has written."""
    drafts.add(story, "maarat-families", title=None, source=None, root=gold_copy,
               published="2021-03-03", extractor=None)  # fmt: skip
    draft = gold_copy / "drafts" / "maarat-families" / "mentions.csv"
    draft.write_text(
        "article_id,kind,start,end,text,value,qualifier,unit,optional,note\n" + rows,
        encoding="utf-8",
    )


@pytest.mark.parametrize("after", [1, 3, 5])
def test_a_failed_accept_leaves_the_gold_set_as_it_was(
    monkeypatch: pytest.MonkeyPatch, gold_copy: Path, story: Path, after: int
) -> None:
    _reviewed_draft(
        gold_copy, story, 'maarat-families,figure,29,34,"2,500",2500,approx,families,false,\n'
    )
    before = tree(gold_copy)
    _failing_replace(monkeypatch, after)
    with pytest.raises(OSError, match="No space left"):
        accepting.accept("maarat-families", gold_copy)
    assert tree(gold_copy) == before
    monkeypatch.undo()
    assert (
        len(accepting.accept("maarat-families", gold_copy).articles)
        == len(repo_gold().articles) + 1
    )


def test_ctrl_c_during_the_swap_waits_until_every_file_is_in(tmp_path: Path) -> None:
    real = os.replace
    targets = [tmp_path / f"f{i}" for i in range(3)]

    def replace_then_interrupt(src: object, dst: object) -> None:
        real(src, dst)  # type: ignore[arg-type]
        os.kill(os.getpid(), signal.SIGINT)

    transaction.os.replace = replace_then_interrupt  # type: ignore[assignment]
    # a run started in the background by a shell inherits SIGINT ignored: put Python's back
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            transaction.commit({t: b"new" for t in targets}, tmp_path)
    finally:
        transaction.os.replace = real
        signal.signal(signal.SIGINT, previous)
    assert [t.read_bytes() for t in targets] == [b"new"] * 3


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
def test_ctrl_c_while_drafting_changes_nothing(gold_copy: Path, story: Path) -> None:
    before = tree(gold_copy)
    exe = Path(sys.executable).with_name("figdate")
    process = subprocess.Popen(
        [str(exe), "add", str(story), "--id", "slow-story", "--gold", str(gold_copy),
         "--extractor", "cmd:sleep 60"],
        stderr=subprocess.PIPE, text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # not inherited-ignored
    )  # fmt: skip
    time.sleep(3)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "interrupted" in err
    assert "Traceback" not in err
    assert tree(gold_copy) == before


@pytest.mark.parametrize(
    ("text", "occurrence", "reason"),
    [
        ("400", "", "'400' does not occur in the article"),
        ("40", "", "'40' occurs 2 times (at "),
        ("40", "3", "occurrence 3: '40' occurs 2 time(s)"),
        ("", "", "no offsets and no text"),
    ],
)
def test_fix_offsets_refuses_missing_or_ambiguous_text(
    figdate: Run, gold_copy: Path, story: Path, text: str, occurrence: str, reason: str
) -> None:
    drafts.add(story, "maarat-families", title=None, source=None, root=gold_copy, extractor=None)
    draft = gold_copy / "drafts" / "maarat-families" / "mentions.csv"
    draft.write_text(
        "article_id,kind,start,end,text,value,qualifier,unit,optional,note,occurrence\n"
        f"maarat-families,figure,,,{text},40,exact,trucks,false,,{occurrence}\n",
        encoding="utf-8",
    )
    before = draft.read_bytes()
    result = figdate("gold", "fix-offsets", "maarat-families", "--gold", str(gold_copy))
    assert result.returncode == 1
    assert reason in result.stderr
    assert "mentions.csv:2: row 1, column 'text'" in result.stderr
    assert draft.read_bytes() == before


def test_accept_refuses_a_draft_that_breaks_the_guidelines(
    figdate: Run, gold_copy: Path, story: Path
) -> None:
    _reviewed_draft(
        gold_copy,
        story,
        'maarat-families,figure,29,34,"2,500",2500,exact,families,false,\n'
        "maarat-families,date,97,104,Tuesday,,,,false,\n",
    )
    before = tree(gold_copy)
    result = figdate("gold", "accept", "maarat-families", "--gold", str(gold_copy))
    assert result.returncode == 1
    assert "drafts/maarat-families/mentions.csv:3: row 2, column 'value': value is empty" in (
        result.stderr
    )
    assert tree(gold_copy) == before


def _drafted(gold_copy: Path, story: Path, ident: str, column: str, cell: str) -> None:
    """A reviewed draft with one "2,500" row and one more column, ``column``, set to ``cell``."""
    drafts.add(story, ident, title=None, source=None, root=gold_copy, published="2021-03-03",
               extractor=None)  # fmt: skip
    (gold_copy / "drafts" / ident / "mentions.csv").write_text(
        f"article_id,kind,start,end,text,value,qualifier,unit,optional,note,{column}\n"
        f'{ident},figure,29,34,"2,500",2500,approx,families,false,,{cell}\n',
        encoding="utf-8",
    )


def test_accept_writes_under_the_gold_files_own_header(gold_copy: Path, story: Path) -> None:
    """A dataset's header may order its columns otherwise and add ``tags``: accepted rows go
    under it, each cell in its column; a filled cell with no column is refused, not lost."""
    mentions = gold_copy / "mentions.csv"
    rows = _rows(mentions)
    order = ["tags", *(c for c in rows[0] if c != "tags")]  # tags first, then the rest
    _write(mentions, [{c: r[c] for c in order} for r in rows])
    write_manifest(gold_copy)
    _drafted(gold_copy, story, "maarat-families", "tags", "digits")
    accepted = accepting.accept("maarat-families", gold_copy)
    new = accepted.mentions[accepted.mentions["article_id"] == "maarat-families"].iloc[0]
    assert (new["text"], str(new["value"]), new["unit"], new["tags"]) == (
        "2,500",
        "2500",
        "families",
        "digits",
    )
    assert _rows(mentions)[-1]["tags"] == "digits"
    assert next(iter(_rows(mentions)[0])) == "tags"

    _drafted(gold_copy, story, "maarat-again", "mod", "APPROX")
    before = tree(gold_copy)
    with pytest.raises(InputError, match="has no column for mod"):
        accepting.accept("maarat-again", gold_copy)
    assert tree(gold_copy) == before
