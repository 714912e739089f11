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
from figdate.goldset.layout import valid_id

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
    <Header value="Note (why the value, a guideline rule)"/>
    <TextArea name="note" toName="{TEXT}" perRegion="true" maxSubmissions="1" rows="2"/>
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
    if not is_empty(row.get("note")):
        out.append(part("note", "textarea", {"text": [str(row["note"])]}))
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
    except RecursionError:
        raise InputError([Problem(shown, reason="JSON nested too deep to be an export")]) from None
    except json.JSONDecodeError as exc:
        raise InputError([Problem(shown, exc.lineno, reason=f"invalid JSON: {exc.msg}")]) from None
    if not isinstance(loaded, list) or not all(isinstance(t, dict) for t in loaded):
        raise InputError([Problem(shown, reason="a Label Studio export is a JSON list of tasks")])
    return loaded


class _Bad(Exception):
    """One malformed field of a task: the reason, to be prefixed with where it is."""


def _int(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Bad(f"{field} is {value!r}, not a whole number")
    return value


def _strings(value: object, field: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Bad(f"{field} is {value!r}, not a list of strings")
    return value


def _annotation(task: Mapping[str, Any], annotation: int) -> list[Any] | None:
    """The result list of the chosen annotation (the last not cancelled), or None."""
    annotations = task.get("annotations")
    if annotations is None:
        return None
    if not isinstance(annotations, list) or not all(isinstance(a, dict) for a in annotations):
        raise _Bad(f"annotations is {type(annotations).__name__}, not a list of objects")
    kept = [a for a in annotations if not a.get("was_cancelled")]
    if not kept:
        return None
    if not -len(kept) <= annotation < len(kept):
        raise _Bad(
            f"has {len(kept)} annotation(s) not cancelled; --annotation {annotation} is not one"
        )
    result = kept[annotation].get("result")
    if not isinstance(result, list) or not all(isinstance(part, dict) for part in result):
        raise _Bad(f"annotations[{annotation}].result is not a list of objects")
    return result


def _span(text: str, value: Mapping[str, Any]) -> tuple[int, int]:
    """A region's offsets in Python indices, checked against the text it quotes."""
    start, end = _int(value.get("start"), "value.start"), _int(value.get("end"), "value.end")
    units = utf16(text, len(text))
    if not 0 <= start < end <= units:
        raise _Bad(f"offsets {start}-{end} are outside the text's {units} UTF-16 units")
    first, last = from_utf16(text, start), from_utf16(text, end)
    if utf16(text, first) != start or utf16(text, last) != end:
        raise _Bad(f"offsets {start}-{end} fall inside a character (UTF-16 surrogate pair)")
    quoted = value.get("text")
    if not isinstance(quoted, str):
        raise _Bad("value.text is missing: it is how offsets are checked")
    if text[first:last] != quoted:
        raise _Bad(f"value.text {quoted!r} is not the article's text at {start}-{end} "
                   f"(UTF-16), which is {text[first:last]!r}")  # fmt: skip
    return first, last


def _regions(text: str, result: list[Any]) -> dict[str, dict[str, Any]]:
    regions: dict[str, dict[str, Any]] = {}
    for part in result:
        rid = str(part.get("id"))
        try:
            region = regions.setdefault(rid, {"id": rid})
            value = part.get("value")
            if not isinstance(value, dict):
                raise _Bad(f"value is {value!r}, not an object")
            name = part.get("from_name")
            if part.get("type") == "labels":
                labels = _strings(value.get("labels"), "value.labels")
                if len(labels) != 1 or labels[0] not in KINDS:
                    raise _Bad(f"value.labels is {labels!r}: one of {', '.join(KINDS)}")
                region["kind"] = KINDS[labels[0]]
                region["start"], region["end"] = _span(text, value)
            elif name in {"value", "unit", "note"}:
                region[str(name)] = (
                    " ".join(_strings(value.get("text"), "value.text")).strip() or None
                )
            elif name == "qualifier":
                choices = _strings(value.get("choices"), "value.choices")
                region["qualifier"] = choices[0] if choices else None
            elif name == "optional":
                region["optional"] = "optional" in _strings(value.get("choices"), "value.choices")
        except _Bad as bad:
            raise _Bad(f"region {rid}: {bad}") from None
    return regions


def mentions(exported: Mapping[str, Any], shown: str, annotation: int = -1) -> list[dict[str, Any]]:
    """One exported task's annotation (the last one not cancelled, unless ``annotation``
    picks another) as mention rows in gold columns. Refuses, in one line naming the task
    and the field, anything it would otherwise have to guess or drop."""
    where = f"task {exported.get('id')}"
    try:
        data = exported.get("data")
        if not isinstance(data, dict):
            raise _Bad("has no data object (as `figdate export` writes it)")
        text, ident = data.get(TEXT), data.get("article_id")
        if not isinstance(text, str):
            raise _Bad("data.text is missing or not a string")
        ident = valid_id(ident, "data.article_id")
        where = f"task {exported.get('id')} ({ident})"
        result = _annotation(exported, annotation)
        regions = _regions(text, result or [])
    except _Bad as bad:
        raise InputError([Problem(shown, reason=f"{where}: {bad}")]) from None
    except InputError as exc:
        raise InputError(
            [Problem(shown, reason=f"{where}: {p.reason}") for p in exc.problems]
        ) from None
    rows = []
    for region in regions.values():
        if "kind" not in region:
            reason = f"{where}: region {region['id']} has fields but no FIGURE or DATE label"
            raise InputError([Problem(shown, reason=reason)])
        start, end = region["start"], region["end"]
        rows.append(
            {"article_id": ident, "kind": region["kind"], "start": start, "end": end,
             "text": text[start:end], "value": region.get("value"),
             "qualifier": region.get("qualifier"), "unit": region.get("unit"),
             "optional": "true" if region.get("optional") else "false",
             "note": region.get("note")}
        )  # fmt: skip
    return sorted(rows, key=lambda r: (r["start"], r["end"], r["kind"]))


def read_tasks(
    tasks: Sequence[Mapping[str, Any]], shown: str, annotation: int = -1
) -> dict[str, tuple[str, list[dict[str, Any]]]]:
    """Every task's mentions by article id, with the task's text; a task listed twice, or
    any malformed task, refuses the whole export (nothing is partly imported)."""
    out: dict[str, tuple[str, list[dict[str, Any]]]] = {}
    problems: list[Problem] = []
    for index, task in enumerate(tasks):
        try:
            rows = mentions(task, shown, annotation)
        except InputError as exc:
            problems += [Problem(p.file, reason=f"[{index}] {p.reason}") for p in exc.problems]
            continue
        ident = str(task["data"]["article_id"])
        if ident in out:
            reason = (
                f"[{index}] task {task.get('id')} ({ident}): the article is in the export twice"
            )
            problems.append(Problem(shown, reason=reason))
            continue
        out[ident] = (str(task["data"][TEXT]), rows)
    if problems:
        raise InputError(problems)
    return out


def export(
    articles: Sequence[Article], rows: Mapping[str, Sequence[Mapping[str, Any]]], model: str
) -> tuple[str, str]:
    """(tasks JSON, labelling config XML) for ``articles`` with their mention ``rows``."""
    tasks = [task(a, rows.get(a.id, []), model) for a in articles]
    return json.dumps(tasks, indent=2, ensure_ascii=False) + "\n", config()
