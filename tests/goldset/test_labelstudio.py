"""The Label Studio round trip, against the JSON formats of Label Studio's documentation
(labelstud.io/guide/predictions, /guide/export) and, where it is installed, a real server."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from figdate.core.model import Article
from figdate.core.vocabulary import QUALIFIERS
from figdate.goldset import drafts, labelstudio
from tests.support import REPO, Run

EMOJI_STORY = "Rescue 🚑 teams said 🚀 35,000 people fled on 12 January 2020. Some 40 trucks came."


def _row(kind: str, text: str, value: str, qualifier: str | None, unit: str | None,
         optional: str = "false") -> dict[str, Any]:  # fmt: skip
    start = EMOJI_STORY.index(text)
    return {"article_id": "emoji-story", "kind": kind, "start": start, "end": start + len(text),
            "text": text, "value": value, "qualifier": qualifier, "unit": unit,
            "optional": optional, "note": None}  # fmt: skip


ROWS = [
    _row("figure", "35,000", "35000", "exact", "people"),
    _row("date", "12 January 2020", "2020-01-12", None, None),
    _row("figure", "Some 40", "40", "approx", "trucks", "true"),
]
ARTICLE = Article("emoji-story", EMOJI_STORY)
KEYS = ("kind", "start", "end", "text", "value", "qualifier", "unit", "optional")


def test_the_config_declares_every_name_the_tasks_use() -> None:
    root = ET.fromstring(labelstudio.config())
    names = {e.get("name"): e for e in root.iter() if e.get("name")}
    assert {"label", "text", "value", "qualifier", "unit", "optional"} <= set(names)
    assert [e.get("value") for e in names["label"]] == ["FIGURE", "DATE"]
    assert [e.get("value") for e in names["qualifier"]] == list(QUALIFIERS)
    assert all(names[n].get("perRegion") == "true" for n in ("value", "qualifier", "unit"))
    tasks, _ = labelstudio.export([ARTICLE], {"emoji-story": ROWS}, "test")
    for part in json.loads(tasks)[0]["predictions"][0]["result"]:
        assert part["from_name"] in names
        assert part["to_name"] == "text"


def test_a_task_has_the_documented_prediction_shape() -> None:
    task = json.loads(labelstudio.export([ARTICLE], {"emoji-story": ROWS}, "rules 0.2")[0])[0]
    assert task["data"]["text"] == EMOJI_STORY
    (prediction,) = task["predictions"]
    assert prediction["model_version"] == "rules 0.2"
    first = prediction["result"][0]
    assert set(first) == {"id", "from_name", "to_name", "type", "value"}
    assert first["type"] == "labels"
    assert first["value"]["labels"] == ["FIGURE"]
    # offsets are JavaScript (UTF-16) indices: the two emoji before "35,000" count twice
    start = EMOJI_STORY.index("35,000")
    assert (first["value"]["start"], first["value"]["end"]) == (start + 2, start + 8)
    assert first["value"]["text"] == "35,000"
    regions = {p["id"] for p in prediction["result"]}
    assert regions == {"m1", "m2", "m3"}


@given(st.text(max_size=30), st.data())
def test_utf16_offsets_round_trip_and_count_as_javascript_does(text: str, data: Any) -> None:
    index = data.draw(st.integers(0, len(text)))
    units = labelstudio.utf16(text, index)
    assert units == len(text[:index].encode("utf-16-le")) // 2
    assert labelstudio.from_utf16(text, units) == index


def _exported(tasks: str, edit: Any = None) -> list[dict[str, Any]]:
    """What Label Studio's JSON export holds after an annotator accepts the predictions."""
    out = []
    for number, task in enumerate(json.loads(tasks), start=1):
        result = json.loads(json.dumps(task["predictions"][0]["result"]))
        if edit:
            edit(result)
        out.append(
            {
                "id": number,
                "data": task["data"],
                "annotations": [
                    {
                        "id": 10 + number,
                        "completed_by": 1,
                        "result": result,
                        "was_cancelled": False,
                        "ground_truth": False,
                        "lead_time": 4.2,
                    },
                ],
                "predictions": task["predictions"],
            }
        )
    return out


def test_the_round_trip_gives_back_the_rows() -> None:
    tasks, _ = labelstudio.export([ARTICLE], {"emoji-story": ROWS}, "test")
    back = labelstudio.mentions(_exported(tasks)[0], "export.json")
    assert [{k: r[k] for k in KEYS} for r in back] == [{k: r[k] for k in KEYS} for r in ROWS]


def test_an_annotators_changes_come_back() -> None:
    def edit(result: list[dict[str, Any]]) -> None:
        for part in result:
            if part["id"] == "m1" and part["from_name"] == "value":
                part["value"]["text"] = ["36000"]
        result[:] = [p for p in result if p["id"] != "m3"]

    tasks, _ = labelstudio.export([ARTICLE], {"emoji-story": ROWS}, "test")
    back = labelstudio.mentions(_exported(tasks, edit)[0], "export.json")
    expected = [("35,000", "36000"), ("12 January 2020", "2020-01-12")]
    assert [(r["text"], r["value"]) for r in back] == expected


def test_a_cancelled_annotation_is_skipped() -> None:
    tasks, _ = labelstudio.export([ARTICLE], {"emoji-story": ROWS}, "test")
    task = _exported(tasks)[0]
    task["annotations"].append({"id": 99, "result": [], "was_cancelled": True})
    assert len(labelstudio.mentions(task, "export.json")) == 3
    assert labelstudio.mentions(task, "export.json", annotation=0)


def _story_draft(gold_copy: Path, tmp_path: Path) -> None:
    story = tmp_path / "emoji.txt"
    story.write_text(EMOJI_STORY, encoding="utf-8")
    drafts.add(story, "emoji-story", title=None, source=None, root=gold_copy,
               published="2020-01-13", extractor="rules")  # fmt: skip


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
def test_cli_export_then_import_into_the_draft(
    figdate: Run, gold_copy: Path, tmp_path: Path
) -> None:
    _story_draft(gold_copy, tmp_path)
    folder = tmp_path / "ls"
    made = figdate("export", "labelstudio", "emoji-story", "idlib-airstrikes-halted",
                   "-o", str(folder), "--gold", str(gold_copy))  # fmt: skip
    assert made.returncode == 0, made.stderr
    out = folder / "tasks.json"
    assert (folder / "config.xml").read_text(encoding="utf-8") == labelstudio.config()
    export = tmp_path / "export.json"
    export.write_text(json.dumps(_exported(out.read_text(encoding="utf-8"))), encoding="utf-8")
    draft = gold_copy / "drafts" / "emoji-story" / "mentions.csv"
    drafted = [r for r in drafts.for_review(["emoji-story"], gold_copy)[1]["emoji-story"]]
    refused = figdate("import", "labelstudio", str(export), "--gold", str(gold_copy))
    assert refused.returncode == 1  # idlib-airstrikes-halted is gold, not a draft
    assert "no draft 'idlib-airstrikes-halted'" in refused.stderr
    single = tmp_path / "single.json"
    single.write_text(json.dumps(json.loads(export.read_text())[:1]), encoding="utf-8")
    done = figdate("import", "labelstudio", str(single), "--gold", str(gold_copy))
    assert done.returncode == 0, done.stderr
    back = drafts.for_review(["emoji-story"], gold_copy)[1]["emoji-story"]
    assert [(r["start"], r["end"], r["text"]) for r in back] == [
        (r["start"], r["end"], r["text"]) for r in drafted
    ]
    assert draft.is_file()
    table = tmp_path / "both.csv"
    assert figdate("import", "labelstudio", str(export), "-o", str(table)).returncode == 0
    assert "idlib-airstrikes-halted,date,69,75,Sunday,2020-01-12" in table.read_text()


# -- a real Label Studio, where it is installed ----------------------------------------------


def _label_studio() -> str | None:
    for candidate in (
        os.environ.get("FIGDATE_LABEL_STUDIO"),
        str(REPO / ".venv-labelstudio" / "bin" / "label-studio"),
        shutil.which("label-studio"),
    ):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


TOKEN = "figdate0test0token0123456789"


def _api(base: str, path: str, data: Any = None) -> Any:
    body = None if data is None else json.dumps(data).encode()
    request = urllib.request.Request(
        base + path,
        data=body,
        headers={"Authorization": f"Token {TOKEN}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


@pytest.mark.slow
@pytest.mark.skipif(
    _label_studio() is None,
    reason="label-studio is not installed (.ci/run installs it into .venv-labelstudio)",
)
def test_a_real_label_studio_takes_the_tasks_and_gives_them_back(tmp_path: Path) -> None:
    port = _free_port()
    env = {
        **os.environ,
        "LABEL_STUDIO_USERNAME": "figdate@example.com",
        "LABEL_STUDIO_PASSWORD": "figdate-test-pass-1",
        "LABEL_STUDIO_USER_TOKEN": TOKEN,
        "LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN": "true",
        "LABEL_STUDIO_BASE_DATA_DIR": str(tmp_path / "ls"),
    }
    server = subprocess.Popen(
        [str(_label_studio()), "start", "--no-browser", "--port", str(port),
         "--data-dir", str(tmp_path / "ls")],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 240
        while True:
            try:
                with urllib.request.urlopen(base + "/health", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, "Label Studio did not start in 240 s"
            assert server.poll() is None, "Label Studio exited"
            time.sleep(2)
        tasks, config = labelstudio.export([ARTICLE], {"emoji-story": ROWS}, "figdate test")
        project = _api(base, "/api/projects", {"title": "figdate", "label_config": config})
        imported = _api(base, f"/api/projects/{project['id']}/import", json.loads(tasks))
        assert imported["task_count"] == 1
        assert imported["prediction_count"] == 1
        (task,) = _api(base, f"/api/projects/{project['id']}/tasks?page_size=10")
        prediction = _api(base, f"/api/tasks/{task['id']}")["predictions"][0]
        _api(base, f"/api/tasks/{task['id']}/annotations", {"result": prediction["result"]})
        request = urllib.request.Request(
            f"{base}/api/projects/{project['id']}/export?exportType=JSON",
            headers={"Authorization": f"Token {TOKEN}"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            exported = json.loads(response.read())
        back = labelstudio.mentions(exported[0], "label-studio export")
        assert [{k: r[k] for k in KEYS} for r in back] == [{k: r[k] for k in KEYS} for r in ROWS]
    finally:
        server.terminate()
        server.wait(timeout=30)
