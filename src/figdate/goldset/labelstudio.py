"""The Label Studio round trip: drafts out as tasks with predictions, annotations back in.

Formats are Label Studio's own (labelstud.io/guide/tasks, /predictions, /export): a task
is ``{"data": {...}, "predictions": [{"model_version", "result": [...]}]}``; an exported
task carries ``"annotations": [{"result": [...], "was_cancelled": ...}]``. A mention is a
span region (``labels``: FIGURE or DATE) plus per-region fields that share its region
``id``: the normalised value and unit (``textarea``), the qualifier and "optional"
(``choices``).

Label Studio counts text offsets in JavaScript string units (UTF-16), figdate in Python
code points; they differ after any character outside the Basic Multilingual Plane (an
emoji), so offsets are converted both ways.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from figdate.core.model import Article
from figdate.core.problems import InputError, Problem
from figdate.core.tables import display_path, read_text
from figdate.core.values import is_empty
from figdate.core.vocabulary import QUALIFIERS, TRUE_WORDS

LABELS = {"figure": "FIGURE", "date": "DATE"}
KINDS = {label: kind for kind, label in LABELS.items()}
TEXT = "text"


def config() -> str:
    """The labelling config: FIGURE and DATE spans, each with its value, qualifier, unit."""
    choices = "\n".join(f'      <Choice value="{q}"/>' for q in QUALIFIERS)
    return f"""<View>
  <Labels name="label" toName="{TEXT}">
    <Label value="FIGURE" background="#1f77b4"/>
    <Label value="DATE" background="#ff7f0e"/>
  </Labels>
  <Text name="{TEXT}" value="$text"/>
  <View visibleWhen="region-selected">
    <Header value="Normalised value (a number; a date as YYYY, YYYY-MM or YYYY-MM-DD)"/>
    <TextArea name="value" toName="{TEXT}" perRegion="true" maxSubmissions="1" rows="1"/>
    <Header value="Qualifier (figures only)"/>
    <Choices name="qualifier" toName="{TEXT}" perRegion="true" choice="single">
{choices}
    </Choices>
    <Header value="Unit (figures only)"/>
    <TextArea name="unit" toName="{TEXT}" perRegion="true" maxSubmissions="1" rows="1"/>
    <Choices name="optional" toName="{TEXT}" perRegion="true" choice="multiple">
      <Choice value="optional"/>
    </Choices>
  </View>
</View>
"""


def utf16(text: str, index: int) -> int:
    """A Python index into ``text`` as a JavaScript (UTF-16) index."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def from_utf16(text: str, index: int) -> int:
    """A JavaScript (UTF-16) index into ``text`` as a Python index."""
    units = 0
    for position, ch in enumerate(text):
        if units >= index:
            return position
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def _region(article: Article, row: Mapping[str, Any], number: int) -> list[dict[str, Any]]:
    start, end = int(row["start"]), int(row["end"])
    where = {
        "start": utf16(article.text, start),
        "end": utf16(article.text, end),
        "text": article.text[start:end],
    }
    rid = f"m{number}"

    def part(name: str, kind: str, value: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": rid,
            "from_name": name,
            "to_name": TEXT,
            "type": kind,
            "value": {**where, **value},
        }

    out = [part("label", "labels", {"labels": [LABELS[str(row["kind"])]]})]
    if not is_empty(row.get("value")):
        out.append(part("value", "textarea", {"text": [str(row["value"])]}))
    if not is_empty(row.get("qualifier")):
        out.append(part("qualifier", "choices", {"choices": [str(row["qualifier"])]}))
    if not is_empty(row.get("unit")):
        out.append(part("unit", "textarea", {"text": [str(row["unit"])]}))
    if str(row.get("optional")).strip().lower() in TRUE_WORDS:
        out.append(part("optional", "choices", {"choices": ["optional"]}))
    return out


def task(article: Article, rows: Iterable[Mapping[str, Any]], model: str) -> dict[str, Any]:
    """One Label Studio task: the article and its mentions as a prediction."""
    result = [p for n, row in enumerate(rows, start=1) for p in _region(article, row, n)]
    published = article.published.isoformat() if article.published else None
    return {
        "data": {
            TEXT: article.text,
            "article_id": article.id,
            "title": article.title,
            "published": published,
        },
        "predictions": [{"model_version": model, "result": result}],
    }


def read_export(path: Path) -> list[dict[str, Any]]:
    """A Label Studio JSON export (a list of tasks), or InputError."""
    shown = display_path(path)
    try:
        loaded = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise InputError([Problem(shown, exc.lineno, reason=f"invalid JSON: {exc.msg}")]) from None
    if not isinstance(loaded, list) or not all(isinstance(t, dict) for t in loaded):
        raise InputError([Problem(shown, reason="a Label Studio export is a JSON list of tasks")])
    return loaded


def mentions(exported: Mapping[str, Any], shown: str, annotation: int = -1) -> list[dict[str, Any]]:
    """One exported task's annotation (the last one not cancelled, unless ``annotation``
    picks another) as mention rows in gold columns."""
    data = exported.get("data") or {}
    text, ident = data.get(TEXT), data.get("article_id")
    if not isinstance(text, str) or not isinstance(ident, str):
        reason = "a task needs data.text and data.article_id (as `figdate export` writes them)"
        raise InputError([Problem(shown, reason=f"task {exported.get('id')}: {reason}")])
    kept = [a for a in exported.get("annotations") or [] if not a.get("was_cancelled")]
    if not kept:
        return []
    regions: dict[str, dict[str, Any]] = {}
    for part in kept[annotation].get("result") or []:
        region = regions.setdefault(str(part.get("id")), {})
        value = part.get("value") or {}
        name = part.get("from_name")
        if part.get("type") == "labels":
            region["kind"] = KINDS.get((value.get("labels") or [""])[0])
            region["start"] = from_utf16(text, int(value["start"]))
            region["end"] = from_utf16(text, int(value["end"]))
        elif name in {"value", "unit"}:
            region[str(name)] = " ".join(value.get("text") or []).strip() or None
        elif name == "qualifier":
            region["qualifier"] = (value.get("choices") or [None])[0]
        elif name == "optional":
            region["optional"] = "optional" in (value.get("choices") or [])
    rows = []
    for region in regions.values():
        if region.get("kind") is None:
            continue
        start, end = region["start"], region["end"]
        rows.append(
            {
                "article_id": ident,
                "kind": region["kind"],
                "start": start,
                "end": end,
                "text": text[start:end],
                "value": region.get("value"),
                "qualifier": region.get("qualifier"),
                "unit": region.get("unit"),
                "optional": "true" if region.get("optional") else "false",
                "note": None,
            }
        )
    return sorted(rows, key=lambda r: (r["start"], r["end"], r["kind"]))


def export(
    articles: Sequence[Article], rows: Mapping[str, Sequence[Mapping[str, Any]]], model: str
) -> tuple[str, str]:
    """(tasks JSON, labelling config XML) for ``articles`` with their mention ``rows``."""
    tasks = [task(a, rows.get(a.id, []), model) for a in articles]
    return json.dumps(tasks, indent=2, ensure_ascii=False) + "\n", config()
