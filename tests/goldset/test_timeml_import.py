"""``figdate import timeml`` and ``export timeml``: a TimeML corpus becomes a dataset that
passes ``gold check``, with every TIMEX3 at its span, and exporting it then importing it
again keeps every span, type, value and mod. Real files and the real command."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from figdate.core import timeml
from figdate.core.problems import InputError
from figdate.goldset.audit import check
from figdate.goldset.store import load
from figdate.goldset.timeml_export import export_timeml
from figdate.goldset.timeml_import import import_timeml
from tests.support import Run

SAMPLE = Path(__file__).parents[1] / "data" / "timeml" / "sample.tml"
NO_DATES = """<?xml version="1.0" ?>
<TimeML><DOCID>Sample 2 (no dates)</DOCID>
<DCT><TIMEX3 tid="t0" type="TIME" value="1998-11-20T19:30"
 functionInDocument="CREATION_TIME">x</TIMEX3></DCT>
<TEXT>
Aid convoys crossed the border &amp; reached the camps.
</TEXT></TimeML>
"""
CORPUS = ["TimeBank", "AQUAINT"]
TBAQ = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "timeml-tbaq"


def _corpus(tmp_path: Path) -> Path:
    source = tmp_path / "corpus"
    (source / "news").mkdir(parents=True)
    shutil.copy(SAMPLE, source / "news" / "sample.tml")
    (source / "no-dates.tml").write_text(NO_DATES, encoding="utf-8")
    return source


def _keys(frame: pd.DataFrame) -> list[tuple[object, ...]]:
    cols = ["article_id", "start", "end", "text", "value", "type", "mod"]
    rows = frame[cols].astype(object).where(frame[cols].notna(), None)
    return sorted(tuple(r) for r in rows.itertuples(index=False))


def test_a_corpus_imports_as_a_dataset_that_passes_gold_check(tmp_path: Path) -> None:
    done = import_timeml(_corpus(tmp_path), tmp_path / "ds")
    assert (done.articles, done.mentions, done.undated) == (2, 5, 0)
    assert check(tmp_path / "ds") == []  # an article without dates is valid here
    gold = load(tmp_path / "ds")
    assert sorted(gold.articles) == ["sample-1", "sample-2-no-dates"]
    doc = timeml.read(SAMPLE)
    assert gold.articles["sample-1"].text == doc.text
    assert str(gold.articles["sample-2-no-dates"].published) == "1998-11-20"
    for row in gold.mentions.to_dict("records"):
        assert gold.articles[row["article_id"]].text[row["start"] : row["end"]] == row["text"]
    assert _keys(gold.mentions) == sorted(
        ("sample-1", t.start, t.end, t.text, t.value, t.type, t.mod) for t in doc.timexes
    )
    manifest = json.loads((tmp_path / "ds" / "MANIFEST.json").read_text(encoding="utf-8"))
    assert manifest["guidelines"] == "TimeML 1.2.1"
    assert manifest["kinds"] == ["date"]


def test_our_own_gold_still_needs_a_mention_in_every_article(tmp_path: Path) -> None:
    """The house rule applies where the manifest declares no other guidelines."""
    import_timeml(_corpus(tmp_path), tmp_path / "ds")
    manifest_path = tmp_path / "ds" / "MANIFEST.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    del manifest["guidelines"]
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    assert any("has no mentions" in p.reason for p in check(tmp_path / "ds"))


def test_export_then_import_keeps_every_span_type_value_and_mod(tmp_path: Path) -> None:
    import_timeml(_corpus(tmp_path), tmp_path / "ds")
    gold = load(tmp_path / "ds")
    done = export_timeml(gold.mentions, gold.articles, tmp_path / "out")
    assert (done.files, done.timexes, done.overlapping) == (2, 5, 0)
    import_timeml(tmp_path / "out", tmp_path / "again")
    assert _keys(load(tmp_path / "again").mentions) == _keys(gold.mentions)


def test_overlapping_mentions_are_counted_not_written(tmp_path: Path) -> None:
    import_timeml(_corpus(tmp_path), tmp_path / "ds")
    gold = load(tmp_path / "ds")
    first = gold.mentions.iloc[[0]].assign(end=gold.mentions.iloc[0]["end"] - 1, value="P1D")
    done = export_timeml(pd.concat([gold.mentions, first]), gold.articles, tmp_path / "out")
    assert (done.timexes, done.overlapping) == (5, 1)


def test_nothing_is_written_when_a_file_is_not_timeml(tmp_path: Path) -> None:
    source = _corpus(tmp_path)
    (source / "broken.tml").write_text("<TimeML><TEXT>a <b></TEXT>", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        import_timeml(source, tmp_path / "ds")
    assert [p.reason.split(":")[0] for p in raised.value.problems] == ["not well-formed XML"]
    assert not (tmp_path / "ds").exists()
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(InputError, match="not empty"):
        import_timeml(_corpus(tmp_path / "x"), tmp_path / "full")
    assert [p.name for p in (tmp_path / "full").iterdir()] == ["keep.txt"]


def test_the_commands_import_check_and_export(figdate: Run, tmp_path: Path) -> None:
    source = _corpus(tmp_path)
    imported = figdate("import", "timeml", str(source), "-o", str(tmp_path / "ds"))
    assert imported.returncode == 0, imported.stderr
    assert "2 article(s), 5 date mention(s)" in imported.stdout
    checked = figdate("gold", "check", "--gold", str(tmp_path / "ds"))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    exported = figdate("export", "timeml", "-o", str(tmp_path / "out"), "--gold",
                       str(tmp_path / "ds"))  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "sample-1.tml", "sample-2-no-dates.tml"
    ]  # fmt: skip
    again = figdate("import", "timeml", str(tmp_path / "nowhere"), "-o", str(tmp_path / "z"))
    assert again.returncode != 0
    assert "no .tml files here" in again.stderr


@pytest.mark.skipif(not TBAQ.is_dir(), reason=f"the TBAQ corpus is not at {TBAQ} (it is never "
                    "copied into the project)")  # fmt: skip
@pytest.mark.parametrize("part", CORPUS)
def test_tbaq_imports_checks_and_round_trips(tmp_path: Path, part: str) -> None:
    source = TBAQ / part
    done = import_timeml(source, tmp_path / "ds")
    expected = 0
    for path in source.glob("*.tml"):
        body = path.read_text(encoding="utf-8").split("<TEXT>")[1].split("</TEXT>")[0]
        expected += body.count("<TIMEX3 ")
    assert done.mentions == expected
    assert check(tmp_path / "ds") == []
    gold = load(tmp_path / "ds")
    for row in gold.mentions.to_dict("records"):
        assert gold.articles[row["article_id"]].text[row["start"] : row["end"]] == row["text"]
    export_timeml(gold.mentions, gold.articles, tmp_path / "out")
    import_timeml(tmp_path / "out", tmp_path / "again")
    assert _keys(load(tmp_path / "again").mentions) == _keys(gold.mentions)


def test_a_dataset_of_dates_scores_dates_only(figdate: Run, tmp_path: Path) -> None:
    """Figure predictions on a dataset that labels dates are left out, not spurious: the
    "all" rows are the date rows, and the notes say why."""
    import_timeml(_corpus(tmp_path), tmp_path / "ds")
    gold = load(tmp_path / "ds")
    assert gold.kinds == ("date",)
    run = figdate("eval", "--gold", str(tmp_path / "ds"), "--extractor", "rules",
                  "--resamples", "0", "--no-cache", "--json", str(tmp_path / "r.json"))  # fmt: skip
    assert run.returncode == 0, run.stderr
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    rows = {(r["kind"], r["scheme"]): r for r in report["summary"]}
    assert report["kinds"] == ["date"]
    for scheme in ("strict", "value", "relaxed"):
        assert ("figure", scheme) not in rows  # not labelled: no row, rather than zeros
        assert rows[("all", scheme)]["f1"] == rows[("date", scheme)]["f1"]
    assert not [line for line in run.stdout.splitlines() if line.startswith("figure ")]
    assert "figure mentions are not labelled in this dataset" in run.stdout
    assert "of kinds the dataset does not label left out" in run.stdout


def test_scoring_in_parts_leaves_out_the_same_kinds(tmp_path: Path) -> None:
    from figdate.evaluation import scoreparts
    from figdate.scoring import score

    import_timeml(_corpus(tmp_path), tmp_path / "ds")
    gold = load(tmp_path / "ds")
    rows = [
        {k: v for k, v in r.items() if v is not None and v == v}
        for r in gold.mentions.drop(columns=["optional", "note"]).to_dict("records")
    ]
    rows.append({"article_id": "sample-1", "kind": "figure", "value": 3, "text": "two"})
    path = tmp_path / "p.jsonl"
    path.write_text("".join(json.dumps(r, default=int) + "\n" for r in rows), encoding="utf-8")
    from figdate.contract.predictions import read_predictions

    frame = read_predictions(path, gold.articles)
    whole = score(gold.mentions, frame, gold.articles, resamples=0, kinds=gold.kinds)
    parts = scoreparts.score_in_parts(
        path, gold.mentions, gold.articles, memory=10**9, resamples=0, parts=2,
        kinds=gold.kinds, progress=False,
    )  # fmt: skip
    assert whole.notes == parts.notes
    assert whole.get("all", "value", "f1") == parts.get("all", "value", "f1") == 1.0


def test_dates_without_offsets_are_counted_not_written(tmp_path: Path) -> None:
    import_timeml(_corpus(tmp_path), tmp_path / "ds")
    gold = load(tmp_path / "ds")
    textual = gold.mentions.drop(columns=["start", "end"])
    done = export_timeml(textual, gold.articles, tmp_path / "out")
    assert (done.files, done.timexes, done.unlocated) == (2, 0, 5)
