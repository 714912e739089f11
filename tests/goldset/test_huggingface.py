"""The gold folder is a Hugging Face dataset: ``datasets.load_dataset(folder, "mentions")``
reads one typed row per mention, offline, and agrees with ``figdate.load_gold()``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import figdate
from figdate.core.model import MENTION_COLUMNS

READ = """
import json, sys
import datasets
out = {}
for config in ("mentions", "articles"):
    data = datasets.load_dataset(sys.argv[1], config, cache_dir=sys.argv[2])["train"]
    out[config] = {
        "rows": data.to_list(),
        "types": {name: str(f.dtype) for name, f in data.features.items()},
    }
out["default"] = datasets.load_dataset(sys.argv[1], cache_dir=sys.argv[2])["train"].num_rows
print(json.dumps(out))
"""


def test_load_dataset_reads_what_load_gold_reads(gold_copy: Path, tmp_path: Path) -> None:
    offline = {"HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", "HF_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", READ, str(gold_copy), str(tmp_path / "cache")],
        capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, **offline},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    loaded = json.loads(done.stdout.splitlines()[-1])
    gold = figdate.load_gold(gold_copy)
    mentions = loaded["mentions"]
    assert len(mentions["rows"]) == len(gold.mentions) == loaded["default"]
    assert list(mentions["types"]) == [*MENTION_COLUMNS, "tags"]
    tags = [None if t != t else t for t in gold.mentions["tags"].tolist()]  # NaN: untagged
    assert [row["tags"] for row in mentions["rows"]] == tags
    assert mentions["types"]["start"] == mentions["types"]["end"] == "int64"
    assert mentions["types"]["optional"] == "bool"
    for row, (_, mention) in zip(mentions["rows"], gold.mentions.iterrows(), strict=True):
        assert (row["article_id"], row["start"], row["end"], row["text"]) == (
            mention["article_id"], mention["start"], mention["end"], mention["text"],
        )  # fmt: skip
        assert row["optional"] == bool(mention["optional"])
        assert row["text"] == gold.articles[row["article_id"]].text[row["start"] : row["end"]]
    articles = loaded["articles"]["rows"]
    assert sorted(a["id"] for a in articles) == sorted(gold.articles)


def test_the_card_declares_a_licence_and_both_configs() -> None:
    card = (Path(figdate.load_gold().root) / "README.md").read_text(encoding="utf-8")
    front = card.split("---")[1]
    assert "\nlicense: " in front
    assert "config_name: mentions" in front
    assert "config_name: articles" in front
