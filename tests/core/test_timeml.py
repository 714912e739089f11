"""TimeML documents: exact offsets for every TIMEX3, and writing then reading keeps each
span, type, value and mod. Samples here are written by this team; the TBAQ corpus, where
present, is read file by file and never copied into the project."""

from __future__ import annotations

from pathlib import Path

import hypothesis.strategies as st
import pytest
from hypothesis import given, settings

from figdate.core import timeml
from figdate.core.timeml import Document, Timex

SAMPLE = Path(__file__).parents[1] / "data" / "timeml" / "sample.tml"
"""A document written for these tests: each kind of TIMEX3, entities, a title over lines."""


def test_a_document_reads_with_exact_offsets(tmp_path: Path) -> None:
    doc = timeml.read(SAMPLE)
    assert doc.docid == "sample-1"
    assert doc.dct == "2013-03-22"
    assert doc.title == "Talks resume in Geneva"
    assert doc.text.startswith("\nNegotiators met on Thursday & will\nreturn early next week,")
    assert "of <stalled> talks" in doc.text
    assert [(t.tid, t.type, t.value, t.mod) for t in doc.timexes] == [
        ("t1", "DATE", "2013-03-21", None), ("t2", "DATE", "2013-W13", "START"),
        ("t3", "DURATION", "P2Y", None), ("t4", "SET", "P1W", None),
        ("t5", "TIME", "2013-03-21TEV", None),
    ]  # fmt: skip
    for timex in doc.timexes:
        assert doc.text[timex.start : timex.end] == timex.text
    assert [t.text for t in doc.timexes] == [
        "Thursday", "early next week", "two years", "weekly", "that evening"
    ]  # fmt: skip
    assert doc.timexes[2].attributes["anchorTimeID"] == "t0"


@pytest.mark.parametrize(
    ("text", "reason"),
    [("<TimeML><TEXT>a <TIMEX3 tid='t1'>b</TIMEX3></TEXT></TimeML>", "has no type"),
     ("<TimeML><DOCID>x</DOCID></TimeML>", "no <TEXT>"),
     ("<TimeML><TEXT>a <b></TEXT></TimeML>", "not well-formed"),
     ("<TimeML><TEXT><TIMEX3 tid='t1' type='DAY' value='1'>b</TIMEX3></TEXT></TimeML>",
      "has type 'DAY'")],
)  # fmt: skip
def test_what_is_not_timeml_is_refused_with_a_reason(
    tmp_path: Path, text: str, reason: str
) -> None:
    path = tmp_path / "bad.tml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(timeml.TimeMLError, match=reason):
        timeml.read(path)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    """Text with XML's special characters, carriage returns and non-ASCII, and TIMEX3s on
    spans that do not overlap."""
    alphabet = st.characters(
        blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00"
    ) | st.sampled_from(list("&<>\"'\r\n\t "))
    text = draw(st.text(alphabet=alphabet, min_size=1, max_size=80))
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=8))))
    timexes = []
    for i, (start, end) in enumerate(zip(cuts[::2], cuts[1::2], strict=False)):
        if start < end:
            timexes.append(Timex(start, end, text[start:end], f"t{i + 1}",
                                 draw(st.sampled_from(timeml.TYPES)),
                                 draw(st.sampled_from(["2013-03-22", "P2Y", "XXXX-12-25",
                                                       "PRESENT_REF", "a&b<c"])),
                                 draw(st.sampled_from([None, *timeml.MODS]))))  # fmt: skip
    dct = draw(st.sampled_from([None, "2013-03-22", "1998-11-20T19:30"]))
    return Document("doc-1", text, timexes, dct, None)


@settings(max_examples=200, deadline=None)
@given(documents())
def test_writing_then_reading_keeps_the_text_and_every_timex(
    tmp_path_factory: pytest.TempPathFactory, doc: Document
) -> None:
    path = tmp_path_factory.mktemp("tml") / "doc.tml"
    path.write_text(timeml.write(doc), encoding="utf-8")
    back = timeml.read(path)
    assert back.text == doc.text
    assert back.dct == doc.dct
    keys = [(t.start, t.end, t.text, t.type, t.value, t.mod) for t in doc.timexes]
    assert [(t.start, t.end, t.text, t.type, t.value, t.mod) for t in back.timexes] == keys


def test_overlapping_spans_cannot_be_written() -> None:
    doc = Document("d", "next week", [Timex(0, 9, "next week", "t1", "DATE", "2013-W13"),
                                      Timex(5, 9, "week", "t2", "DURATION", "P1W")])  # fmt: skip
    with pytest.raises(ValueError, match="overlaps"):
        timeml.write(doc)


TBAQ = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "timeml-tbaq"
CORPUS = sorted(TBAQ.glob("*/*.tml"))


@pytest.mark.skipif(not CORPUS, reason=f"the TBAQ corpus is not at {TBAQ} (it is never copied "
                    "into the project)")  # fmt: skip
def test_every_timex3_of_tbaq_reads_at_its_span_and_writes_back(tmp_path: Path) -> None:
    """Every file: each TIMEX3's text is the article's text at its offsets, and writing the
    document then reading it back keeps each span, type, value and mod."""
    counted = 0
    for path in CORPUS:
        doc = timeml.read(path)
        for timex in doc.timexes:
            assert doc.text[timex.start : timex.end] == timex.text, (path.name, timex.tid)
        again = tmp_path / path.name
        again.write_text(timeml.write(doc), encoding="utf-8")
        back = timeml.read(again)
        assert back.text == doc.text, path.name
        assert [(t.start, t.end, t.type, t.value, t.mod) for t in back.timexes] == [
            (t.start, t.end, t.type, t.value, t.mod) for t in doc.timexes
        ], path.name
        body = path.read_text(encoding="utf-8").split("<TEXT>")[1].split("</TEXT>")[0]
        assert len(doc.timexes) == body.count("<TIMEX3 "), path.name
        counted += len(doc.timexes)
    assert len(CORPUS) == 256
    assert counted > 1000
