"""Importing a Label Studio export loses nothing and trusts nothing.

An export comes from an annotation server: hypothesis plants hostile ids, offsets, nulls,
wrong types and duplicate tasks in a valid one. None may write outside
``gold/drafts/<valid id>/``, give a traceback, or change the gold folder when refused.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figdate.cli.main import main
from figdate.goldset import drafts, labelstudio
from tests.goldset.test_labelstudio import EMOJI_STORY, _exported

IDENT = "emoji-story"
ROWS = (
    "article_id,kind,start,end,text,value,qualifier,unit,optional,note,occurrence\n"
    'emoji-story,figure,,,"35,000",35000,exact,people,false,"a note, with a comma",\n'
    "emoji-story,date,,,12 January 2020,2020-01-12,,,false,day-first,1\n"
    "emoji-story,figure,,,40,40,approx,trucks,true,,\n"
)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project folder: the gold set with one reviewed draft whose rows give text and
    occurrence (no offsets) and notes."""
    root = tmp_path_factory.mktemp("project")
    gold = root / "gold"
    shutil.copytree(Path(__file__).resolve().parents[2] / "gold", gold,
                    ignore=shutil.ignore_patterns("drafts"))  # fmt: skip
    story = root / "story.txt"
    story.write_text(EMOJI_STORY, encoding="utf-8")
    drafts.add(story, IDENT, title=None, source=None, root=gold, published="2020-01-13",
               extractor=None)  # fmt: skip
    (gold / "drafts" / IDENT / "mentions.csv").write_text(ROWS, encoding="utf-8")
    story.unlink()
    return root


def _snapshot(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.endswith((".figdate.lock", ".holder"))
    }


def _export(base: Path) -> list[dict[str, Any]]:
    articles, rows = drafts.for_review([IDENT], base / "gold")
    tasks, _ = labelstudio.export(articles, rows, "test")
    return _exported(tasks)


def test_notes_and_every_column_round_trip(base: Path, tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(base, project)
    before = drafts.for_review([IDENT], project / "gold")[1][IDENT]
    export = tmp_path / "export.json"
    export.write_text(json.dumps(_export(project)), encoding="utf-8")
    assert main(["import", "labelstudio", str(export), "--gold", str(project / "gold")]) == 0
    after = drafts.for_review([IDENT], project / "gold")[1][IDENT]
    keys = ("kind", "start", "end", "text", "value", "qualifier", "unit", "optional", "note")
    assert [{k: str(r[k]) for k in keys} for r in after] == [
        {k: str(r[k]) for k in keys} for r in before
    ]
    assert [r["note"] for r in after] == ["a note, with a comma", "day-first", None]


@pytest.mark.parametrize(
    ("shift", "says"),
    [
        (-1, "region m1: value.text '35,000' is not the article's text at 23-29 (UTF-16), "
             "which is ' 35,00'"),
        (-2, "region m1: offsets 22-28 fall inside a character (UTF-16 surrogate pair)"),
    ],
)  # fmt: skip
def test_a_shifted_region_is_refused_with_what_it_found(base: Path, shift: int, says: str) -> None:
    task = _export(base)[0]
    label = next(p for p in task["annotations"][0]["result"] if p["type"] == "labels")
    label["value"]["start"] += shift  # as if the emoji before it counted once, not twice
    label["value"]["end"] += shift
    with pytest.raises(labelstudio.InputError) as caught:
        labelstudio.read_tasks([task], "export.json")
    (problem,) = caught.value.problems
    assert problem.reason == f"[0] task 1 (emoji-story): {says}"


Mutation = Callable[[list[dict[str, Any]], Any], None]


def _label(tasks: list[dict[str, Any]]) -> dict[str, Any]:
    return next(p for p in tasks[0]["annotations"][0]["result"] if p["type"] == "labels")


def _set_id(tasks: list[dict[str, Any]], value: Any) -> None:
    tasks[0]["data"]["article_id"] = value


def _set_offset(tasks: list[dict[str, Any]], value: Any) -> None:
    key, number = value
    _label(tasks)["value"][key] = number


def _shift(tasks: list[dict[str, Any]], value: Any) -> None:
    _label(tasks)["value"]["start"] += value
    _label(tasks)["value"]["end"] += value


def _set_value(tasks: list[dict[str, Any]], value: Any) -> None:
    _label(tasks)["value"] = value


def _set_annotations(tasks: list[dict[str, Any]], value: Any) -> None:
    tasks[0]["annotations"] = value


def _set_result(tasks: list[dict[str, Any]], value: Any) -> None:
    tasks[0]["annotations"][0]["result"] = value


def _duplicate(tasks: list[dict[str, Any]], value: Any) -> None:
    tasks.append(copy.deepcopy(tasks[0]))


def _set_text(tasks: list[dict[str, Any]], value: Any) -> None:
    tasks[0]["data"]["text"] = value


HOSTILE_IDS = ["..", "../..", "/tmp", "", ".", "a/b", "x" * 302, "Emoji-Story", "emoji-story/..",
               5, None, ["emoji-story"], {"id": 1}, "gold", "drafts"]  # fmt: skip
NUMBERS = st.one_of(st.integers(-(10**12), 10**12), st.none(), st.just("abc"),
                    st.just(float("nan")), st.booleans(), st.floats(allow_nan=False))  # fmt: skip
MUTATIONS: list[tuple[Mutation, st.SearchStrategy[Any]]] = [
    (_set_id, st.sampled_from(HOSTILE_IDS)),
    (_set_offset, st.tuples(st.sampled_from(["start", "end"]), NUMBERS)),
    (_shift, st.integers(-3, 3).filter(bool)),
    (_set_value, st.one_of(st.none(), st.just("x"), st.lists(st.integers(), max_size=2))),
    (_set_annotations, st.one_of(st.just({}), st.just([1, 2]), st.just("no"))),
    (_set_result, st.one_of(st.none(), st.just({}), st.just([None]), st.just("x"))),
    (_duplicate, st.none()),
    (_set_text, st.one_of(st.none(), st.just(EMOJI_STORY + " more"), st.integers())),
]


@st.composite
def hostile_exports(draw: st.DrawFn, clean: list[dict[str, Any]]) -> list[dict[str, Any]]:
    tasks = copy.deepcopy(clean)
    for mutate, values in draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=3)):
        # an earlier mutation may have removed what this one edits: hostile enough
        with contextlib.suppress(KeyError, TypeError, StopIteration, AttributeError):
            mutate(tasks, draw(values))
    return tasks


def test_hostile_exports_never_write_outside_the_draft_nor_raise(
    base: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    clean = _export(base)
    codes: list[int] = []

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(hostile_exports(clean))
    def check(tasks: list[dict[str, Any]]) -> None:
        project = tmp_path_factory.mktemp("hostile")
        shutil.copytree(base, project, dirs_exist_ok=True)
        export = project / "export.json"
        export.write_text(json.dumps(tasks), encoding="utf-8")
        before = _snapshot(project)
        code = main(["import", "labelstudio", str(export), "--gold", str(project / "gold")])
        after = _snapshot(project)
        codes.append(code)
        changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
        if code == 0:
            assert changed <= {f"gold/drafts/{IDENT}/mentions.csv"}
        else:
            assert code == 1
            assert changed == set()

    check()
    assert 1 in codes  # the strategies do produce refusals
