"""``figdate import timeml`` on hostile or unlucky input (issue 33, item 2): a TIMEX3 that
``gold check`` would refuse is refused at import, a line each; a long DOCID, deep nesting
and a carriage return in a span import cleanly; the data and its manifest land in one
step, so a kill at any write step leaves no dataset or the whole one, and a second import
then works."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import snapshot as tree

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>{docid}</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-20">x</TIMEX3></DCT>
<TEXT>
Talks opened on {body} in Geneva.
</TEXT>
</TimeML>
"""
GOOD = '<TIMEX3 tid="t1" type="DATE" value="1998-02-16">Monday</TIMEX3>'


def _figdate(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("figdate")
    return subprocess.run([str(exe), *args], capture_output=True, text=True, check=False,
                          env={**os.environ, **(env or {})}, timeout=300)  # fmt: skip


def _corpus(folder: Path, **bodies: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in bodies.items():
        docid = name if not name.startswith("long") else "wsj-" + "x" * 300
        (folder / f"{name}.tml").write_text(DOC.format(docid=docid, body=body), "utf-8")
    return folder


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ('<TIMEX3 tid="t1" type="DATE" value="&lt;script&gt;garbage">Monday</TIMEX3>', "value"),
        ('<TIMEX3 tid="t1" type="DATE" value="">Monday</TIMEX3>', "value"),
        ('<TIMEX3 tid="t1" type="DATE" value="1998-02-30">Monday</TIMEX3>', "1998-02-30"),
        ('Monday<TIMEX3 tid="t1" type="DATE" value="1998-02-16"></TIMEX3>', "t1"),
        ('<TIMEX3 tid="t1" type="DATE" value="1998-02-16">   </TIMEX3>', "t1"),
    ],
    ids=["markup-value", "empty-value", "no-such-day", "empty-span", "blank-span"],
)
def test_a_timex_gold_check_would_refuse_is_refused_at_import(
    tmp_path: Path, body: str, says: str
) -> None:
    corpus = _corpus(tmp_path / "corpus", good=GOOD, bad=body)
    done = _figdate("import", "timeml", str(corpus), "-o", str(tmp_path / "ds"))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert any(line.startswith("bad.tml: TIMEX3 t1") and says in line for line in lines), lines
    assert not (tmp_path / "ds").exists() or not any((tmp_path / "ds").iterdir())


def test_long_ids_deep_nesting_and_a_carriage_return_import_cleanly(tmp_path: Path) -> None:
    deep = "<b>" * 5000 + GOOD + "</b>" * 5000
    cr = '<TIMEX3 tid="t1" type="DATE" value="1998-02-16">Mon&#13;day</TIMEX3>'
    corpus = _corpus(tmp_path / "corpus", long=GOOD, deep=deep, cr=cr)
    done = _figdate("import", "timeml", str(corpus), "-o", str(tmp_path / "ds"))
    assert done.returncode == 0, done.stderr
    names = [p.name for p in (tmp_path / "ds" / "articles").iterdir()]
    assert all(len(name) <= 124 for name in names), names
    checked = _figdate("gold", "check", "--gold", str(tmp_path / "ds"))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    mentions = (tmp_path / "ds" / "mentions.csv").read_bytes()
    assert b'"Mon\rday"' in mentions  # quoted: a bare CR would end the row for other readers
    assert [p.name for p in (tmp_path / "ds").iterdir() if p.name.startswith(".")] == []


@pytest.mark.slow  # an import per write step: `make test-slow`
def test_a_killed_import_leaves_no_dataset_or_the_whole_one(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", one=GOOD, two=GOOD.replace("t1", "t2"))
    whole = tmp_path / "whole"
    assert _figdate("import", "timeml", str(corpus), "-o", str(whole)).returncode == 0
    expected = tree(whole)
    target = tmp_path / "ds"
    outcomes = {"none": 0, "whole": 0}
    for step in range(1, 100):
        done = _figdate("import", "timeml", str(corpus), "-o", str(target),
                        env={"FIGDATE_CRASH_AT": str(step)})  # fmt: skip
        if done.returncode == 0:
            assert tree(target) == expected
            break
        assert done.returncode == -signal.SIGKILL, done.stderr
        recovered = _figdate("gold", "recover", "--gold", str(target))
        assert "Traceback" not in recovered.stderr
        if (target / "MANIFEST.json").exists():
            assert tree(target) == expected, f"step {step}"
            outcomes["whole"] += 1
        else:
            assert [p for p in target.rglob("*") if p.is_file()] == [], f"step {step}"
            outcomes["none"] += 1
        again = _figdate("import", "timeml", str(corpus), "-o", str(target))
        if outcomes["whole"] and (target / "MANIFEST.json").exists() and again.returncode:
            assert "is not empty" in again.stderr  # the whole dataset is there already
        else:
            assert again.returncode == 0, f"step {step}: {again.stderr}"
            assert tree(target) == expected
        for path in sorted(target.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        target.rmdir()
    else:
        pytest.fail("the import never ran to its end")
    assert outcomes["none"] >= 1
