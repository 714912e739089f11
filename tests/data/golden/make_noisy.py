"""Write ``noisy.jsonl`` and ``noisy_b.jsonl``: the gold mentions with every kind of error.

Each gold mention, by its row number n, is kept (n % 8 in 0, 5), dropped (1: missed), given
a wrong value (2), a wider span (3: boundary), only its text (4: aligned by the scorer), or
kept with a spurious figure on the next word (6), or kept with neither offsets nor text (7:
bag only); ``noisy_b.jsonl`` shifts n by 3. Deterministic: run
``python tests/data/golden/make_noisy.py`` to rewrite both.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

HERE = Path(__file__).parent
GOLD = HERE.parents[2] / "gold"


def _wrong(kind: str, value: str) -> str | int | float:
    if kind == "figure":
        return float(value) * 10 + 1
    year = int(value[:4]) - 1
    return f"{year:04d}{value[4:]}"


def rows(shift: int = 0) -> list[dict[str, object]]:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (GOLD / "articles").glob("*.txt")}
    with (GOLD / "mentions.csv").open(encoding="utf-8", newline="") as handle:
        gold = list(csv.DictReader(handle))
    out: list[dict[str, object]] = []
    for n, row in enumerate(gold):
        text = texts[row["article_id"]]
        start, end = int(row["start"]), int(row["end"])
        pred: dict[str, object] = {
            "article_id": row["article_id"], "kind": row["kind"], "start": start, "end": end,
            "text": row["text"], "value": row["value"] or None,
            "qualifier": row["qualifier"] or None, "unit": row["unit"] or None,
        }  # fmt: skip
        case = (n + shift) % 8
        if case == 1:
            continue
        if case == 2 and row["value"]:
            pred["value"] = _wrong(row["kind"], row["value"])
        if case == 3:
            wider = re.match(r"\s*\S+", text[end:])
            if wider:
                pred["end"] = end + wider.end()
                pred["text"] = text[start : end + wider.end()]
        if case == 4:
            del pred["start"], pred["end"]
        if case == 7:
            del pred["start"], pred["end"], pred["text"]
        out.append(pred)
        if case == 6:
            word = re.search(r"[A-Za-z]{4,}", text[end:])
            if word:
                s = end + word.start()
                found = word.group()
                spurious = {"article_id": row["article_id"], "kind": "figure", "start": s,
                            "end": s + len(found), "text": found, "value": 7}  # fmt: skip
                out.append(spurious)
    return out


if __name__ == "__main__":
    for name, shift in (("noisy.jsonl", 0), ("noisy_b.jsonl", 3)):
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows(shift))
        (HERE / name).write_text(lines, encoding="utf-8")
