"""The leaderboard ranks the bundled extractors and writes itself into a README."""

from __future__ import annotations

from pathlib import Path

import pytest

from figdate.extractors.rules import RulesExtractor
from figdate.reporting.leaderboard import END, START
from tests.support import REPO, Run


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
def test_leaderboard_lists_the_bundled_extractors_best_first(figdate: Run, tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"# Demo\n\n{START}\nold\n{END}\n\nafter\n", encoding="utf-8")
    result = figdate("leaderboard", "--dataset", "idlib", "--readme", str(readme), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    names = [line.split()[0] for line in result.stdout.splitlines()[3:] if line.strip()]
    names = [n for n in names if not n.startswith("updated")]
    assert names[:3] == ["rules", "quantulum3", "dateparser"] or names[0] == "rules"
    assert set(names) >= {"rules", "dateparser", "quantulum3"}
    text = readme.read_text(encoding="utf-8")
    assert "\nold\n" not in text
    assert text.endswith("\n\nafter\n")
    assert f"| rules | {RulesExtractor.version} |" in text
    assert "| extractor | version | figure F1 | date F1 | all F1 | articles/s | note |" in text


def test_a_readme_without_markers_is_refused_with_a_reason(tmp_path: Path) -> None:
    from figdate.core.problems import InputError
    from figdate.reporting.leaderboard import write_into

    readme = tmp_path / "README.md"
    readme.write_text("# no markers\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        write_into(readme, "| table |\n")
    assert "has no leaderboard markers" in caught.value.problems[0].reason
    assert readme.read_text(encoding="utf-8") == "# no markers\n"


@pytest.mark.slow  # every extractor twice: run by `make test-slow`
def test_a_table_per_dataset_and_unlabelled_kinds_are_not_scored(
    figdate: Run, tmp_path: Path
) -> None:
    timeml = tmp_path / "timeml"
    timeml.mkdir()
    (timeml / "sample.tml").write_bytes((REPO / "tests/data/timeml/sample.tml").read_bytes())
    imported = figdate("import", "timeml", str(timeml), "-o", str(tmp_path / "dates"))
    assert imported.returncode == 0, imported.stderr
    out = tmp_path / "board.md"
    result = figdate("leaderboard", "--dataset", "idlib", "--dataset", str(tmp_path / "dates"),
                     "--resamples", "0", "--markdown", str(out))  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.count("| extractor | version |") == 2
    assert text.index("#### idlib") < text.index(f"#### {tmp_path / 'dates'}")
    dates = text.split(f"#### {tmp_path / 'dates'}")[1]
    assert "`-`: a kind this dataset does not label" in dates
    assert f"| rules | {RulesExtractor.version} | - |" in dates  # figures: not scored, not 0
