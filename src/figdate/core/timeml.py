"""TimeML 1.2 documents: reading their text and TIMEX3s with exact offsets, and writing
mentions back as TimeML that TempEval-3's scorer reads.

A document's article is the text inside ``<TEXT>``, its tags removed and its entities
read, as XML gives it (line ends are ``\\n``); each TIMEX3 inside it becomes a span of that
text (Python ``str`` offsets, half-open) with its attributes. The creation time is the
TIMEX3 in ``<DCT>`` (``functionInDocument="CREATION_TIME"``). Other annotation (EVENT,
SIGNAL, links) is not kept. Parsed with the standard library's expat, which resolves no
external entities and refuses entity expansion bombs.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from figdate.core.vocabulary import TIMEX_MODS, TIMEX_TYPES

TYPES, MODS = TIMEX_TYPES, TIMEX_MODS


class TimeMLError(ValueError):
    """A file that is not a TimeML document figdate can read."""


@dataclass(frozen=True)
class Timex:
    """One TIMEX3 in a document's text."""

    start: int
    end: int
    text: str
    tid: str
    type: str
    value: str
    mod: str | None = None
    attributes: dict[str, str] = field(default_factory=dict, compare=False)
    """Every attribute as written (``temporalFunction``, ``anchorTimeID``...)."""


@dataclass(frozen=True)
class Document:
    """A TimeML document: its id, creation time (TIMEX3 value), title and text."""

    docid: str
    text: str
    timexes: list[Timex]
    dct: str | None = None
    title: str | None = None


def read(path: Path) -> Document:
    """The document at ``path``; TimeMLError with the reason if it is not one."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise TimeMLError(f"not well-formed XML: {exc}") from None
    body = root.find("TEXT")
    if body is None:
        raise TimeMLError("no <TEXT> element")
    pieces: list[str] = []
    timexes: list[Timex] = []
    _walk(body, pieces, timexes)
    dct = root.find("DCT/TIMEX3")
    docid = (root.findtext("DOCID") or path.stem).strip()
    title = root.findtext("TITLE")
    return Document(
        docid,
        "".join(pieces),
        timexes,
        None if dct is None else dct.get("value"),
        None if title is None else " ".join(title.split()),
    )


def _walk(body: ET.Element, pieces: list[str], timexes: list[Timex]) -> None:
    """Append ``body``'s text (not its tail) to ``pieces``, and a Timex for each TIMEX3 in
    it, in document order of their ends. A loop with its own stack, not recursion: 5,000
    nested elements would exceed Python's recursion limit."""
    at = 0
    if body.text:
        pieces.append(body.text)
        at += len(body.text)
    stack: list[tuple[ET.Element, Iterator[ET.Element], int, int]] = [(body, iter(body), 0, 0)]
    while stack:
        element, children, start, first = stack[-1]
        child = next(children, None)
        if child is not None:  # enter it: its text, then its own children
            stack.append((child, iter(child), at, len(pieces)))
            if child.text:
                pieces.append(child.text)
                at += len(child.text)
            continue
        stack.pop()
        if element is body:
            continue
        if element.tag == "TIMEX3":
            timexes.append(_timex(element, start, at, "".join(pieces[first:])))
        if element.tail:
            pieces.append(element.tail)
            at += len(element.tail)


def _timex(element: ET.Element, start: int, end: int, text: str) -> Timex:
    attributes = dict(element.attrib)
    for name in ("tid", "type", "value"):
        if name not in attributes:
            raise TimeMLError(f"a TIMEX3 at {start}-{end} has no {name}")
    if attributes["type"] not in TYPES:
        raise TimeMLError(f"TIMEX3 {attributes['tid']} has type {attributes['type']!r}")
    return Timex(start, end, text, attributes["tid"], attributes["type"], attributes["value"],
                 attributes.get("mod"), attributes)  # fmt: skip


def write(document: Document) -> str:
    """``document`` as TimeML: its text with a TIMEX3 around each span, DCT first.
    ValueError if two spans overlap (TimeML tags cannot) or a span is outside the text."""
    out = ['<?xml version="1.0" ?>\n<TimeML>\n', f"<DOCID>{_text(document.docid)}</DOCID>\n"]
    if document.dct is not None:
        kind = "TIME" if "T" in document.dct else "DATE"
        value, shown = quoteattr(document.dct), _text(document.dct)
        out.append(f'<DCT><TIMEX3 tid="t0" type="{kind}" value={value} '
                   f'functionInDocument="CREATION_TIME">{shown}</TIMEX3></DCT>\n')  # fmt: skip
    if document.title is not None:
        out.append(f"<TITLE>{_text(document.title)}</TITLE>\n")
    out.append("<TEXT>")
    at = 0
    for timex in sorted(document.timexes, key=lambda t: (t.start, t.end)):
        if timex.start < at or not 0 <= timex.start < timex.end <= len(document.text):
            raise ValueError(f"TIMEX3 {timex.tid} at {timex.start}-{timex.end} overlaps "
                             "another or lies outside the text")  # fmt: skip
        attributes = {"tid": timex.tid, "type": timex.type, "value": timex.value}
        if timex.mod:
            attributes["mod"] = timex.mod
        shown = " ".join(f"{k}={quoteattr(v)}" for k, v in attributes.items())
        out.append(_text(document.text[at : timex.start]))
        out.append(f"<TIMEX3 {shown}>{_text(document.text[timex.start : timex.end])}</TIMEX3>")
        at = timex.end
    out.append(_text(document.text[at:]) + "</TEXT>\n</TimeML>\n")
    return "".join(out)


def _text(text: str) -> str:
    """``text`` as XML character data that reads back the same: ``&``, ``<``, ``>`` escaped,
    and a carriage return as a reference (a parser turns a literal one into ``\\n``)."""
    return escape(text, {"\r": "&#13;"})
