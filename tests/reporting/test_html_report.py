"""The HTML report: highlights that are the scorer's counts, escaping, and the page as a
real browser (Debian's headless Chromium, through chromedriver) shows it."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from figdate.core.model import Article
from figdate.evaluation.evaluate import evaluate
from figdate.extractors.rules import RulesExtractor
from figdate.goldset.store import GoldSet
from figdate.reporting import html as html_report
from figdate.reporting.html import CATEGORIES, Highlight, marked_text
from figdate.scoring import score
from tests.support import Run, repo_gold


def noisy(gold: GoldSet) -> pd.DataFrame:
    """Gold with every kind of error: dropped, wrong values, shifted spans, spurious ones."""
    rows = []
    required = gold.mentions[~gold.mentions["optional"]].reset_index(drop=True)
    for i, row in enumerate(required.to_dict("records")):
        if i % 7 == 0:
            continue  # missed
        row = {k: row[k] for k in ("article_id", "kind", "start", "end", "text", "value")}
        if i % 7 == 1 and row["kind"] == "figure":
            row["value"] = str(float(str(row["value"])) * 10 + 1)  # wrong value
        if i % 7 == 2:
            row["end"] = int(row["end"]) + 1  # boundary (still the right value)
            row["text"] = None
        rows.append(row)
    for name, article in gold.articles.items():
        taken = gold.mentions[gold.mentions["article_id"] == name]
        spans = list(zip(taken["start"], taken["end"], strict=True))
        words = [m for m in re.finditer(r"\b[a-z]{7,}\b", article.text)
                 if all(m.end() <= s or m.start() >= e for s, e in spans)]  # fmt: skip
        for m in words[:2]:
            rows.append({"article_id": name, "kind": "figure", "start": m.start(),
                         "end": m.end(), "text": m.group(), "value": "1"})  # fmt: skip
    frame = pd.DataFrame(rows)
    for column in ("qualifier", "unit"):
        frame[column] = None
    return frame


def _expected(result: Any, gold: GoldSet) -> dict[str, int]:
    relaxed = result.summary[
        (result.summary["kind"] == "all") & (result.summary["scheme"] == "relaxed")
    ].iloc[0]
    return {
        "paired": int(relaxed["tp"]),
        "wrong value": int((result.errors["error"] == "wrong value").sum()),
        "boundary": int((result.errors["error"] == "boundary").sum()),
        "missed": int(relaxed["fn"]),
        "spurious": int(relaxed["fp"]),
        "optional predicted": int(relaxed["neutral"]),
        "optional": int(gold.mentions["optional"].sum()),
    }


def _counted(marks: list[Highlight]) -> dict[str, int]:
    of = [h.category for h in marks]
    return {
        "paired": of.count("correct") + of.count("wrong value") + of.count("boundary"),
        "wrong value": of.count("wrong value"),
        "boundary": of.count("boundary"),
        "missed": of.count("missed"),
        "spurious": of.count("spurious"),
        "optional predicted": sum(1 for h in marks if h.category == "optional" and h.paired),
        "optional": of.count("optional"),
    }


def test_the_highlights_are_the_scorers_counts(gold_set: GoldSet) -> None:
    frame = noisy(gold_set)
    result = score(gold_set.mentions, frame, gold_set.articles, resamples=0)
    marks = html_report.of_score(result)
    expected = _expected(result, gold_set)
    assert _counted(marks) == expected
    assert all(expected[k] > 0 for k in ("wrong value", "boundary", "missed", "spurious"))


spans = st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12), st.sampled_from(CATEGORIES)),
                 max_size=12)  # fmt: skip


@given(st.text(alphabet="ab <>&\"'\n", min_size=41, max_size=60), spans)
def test_marked_text_keeps_the_text_and_has_one_head_per_highlight(
    text: str, raw: list[tuple[int, int, str]]
) -> None:
    marks = [Highlight("a", c, "figure", s, min(s + n, len(text)), "1", None, None)
             for s, n, c in raw]  # fmt: skip
    marked = marked_text(text, marks)
    assert marked.count(" data-hl=") == len(marks)
    assert html.unescape(re.sub(r"<[^>]+>", "", marked)) == text
    assert "<script" not in marked.replace("&lt;script", "")


def test_a_script_in_an_article_is_text() -> None:
    article = Article("x", "Before <script>alert(1)</script> 35 after")
    marks = [Highlight("x", "missed", "figure", 33, 35, "35", None, None)]
    marked = marked_text(article.text, marks)
    assert "<script>" not in marked
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in marked


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
def test_report_and_compare_cli_write_html(figdate: Run, tmp_path: Path, gold_set: GoldSet) -> None:
    noisy_file = tmp_path / "noisy.jsonl"
    noisy(gold_set).to_json(noisy_file, orient="records", lines=True)
    out = tmp_path / "r.html"
    made = figdate("report", "--predictions", str(noisy_file), "-o", str(out), "--resamples", "50")
    assert made.returncode == 0, made.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "http://" not in page.split("<body>")[0]  # no external styles or scripts
    assert not re.search(r"<(link|script)[^>]+(src|href)=", page)
    side = tmp_path / "c.html"
    compared = figdate("compare", str(noisy_file), str(noisy_file), "--html", str(side),
                       "--resamples", "50")  # fmt: skip
    assert compared.returncode == 0, compared.stderr
    assert side.read_text(encoding="utf-8").count('data-side="a"') == len(gold_set.articles)


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
def test_markdown_summary_shows_the_change_and_the_worst_errors(
    figdate: Run, tmp_path: Path, gold_set: GoldSet
) -> None:
    noisy_file = tmp_path / "noisy.jsonl"
    noisy(gold_set).to_json(noisy_file, orient="records", lines=True)
    saved = tmp_path / "saved.json"
    assert figdate("eval", "--json", str(saved), "--resamples", "0").returncode == 0
    summary = tmp_path / "pr.md"
    run = figdate("score", str(noisy_file), "--markdown", str(summary), "--against", str(saved),
                  "--resamples", "0")  # fmt: skip
    assert run.returncode == 0, run.stderr
    text = summary.read_text(encoding="utf-8")
    version = RulesExtractor.version
    assert (
        f"#### Change against the saved run (rules {version}, gold {repo_gold().version})" in text
    )
    rules_f1 = json.loads(saved.read_text(encoding="utf-8"))["summary"]
    before = next(r["f1"] for r in rules_f1 if (r["kind"], r["scheme"]) == ("all", "value"))
    assert f"| all | value | {before:.3f} |" in text  # the saved run's F1, then the change
    assert "⚠" in text
    worst = text.split("#### The 10 worst of")[1].splitlines()
    rows = [line for line in worst if line.startswith("| idlib")]
    assert len(rows) == 10
    assert rows[0].split(" | ")[2] == "wrong value"
    bad = figdate("score", str(noisy_file), "--markdown", str(summary), "--against",
                  str(noisy_file))  # fmt: skip
    assert bad.returncode == 1
    assert "cannot read the saved run" in bad.stderr or "not a figdate report" in bad.stderr


# -- in a real browser ----------------------------------------------------------------------

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.skip("headless Chromium not found: apt-get install chromium chromium-driver "
                    "(.ci/run installs them)")  # fmt: skip
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--window-size=1280,1600"):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def _dom_counts(driver: Any) -> dict[str, int]:
    script = (
        "return Array.from(document.querySelectorAll('mark[data-hl]'))"
        ".map(m => [m.dataset.hl, m.dataset.paired === 'true']);"
    )
    found = driver.execute_script(script)
    of = [c for c, _ in found]
    return {
        "paired": of.count("correct") + of.count("wrong-value") + of.count("boundary"),
        "wrong value": of.count("wrong-value"),
        "boundary": of.count("boundary"),
        "missed": of.count("missed"),
        "spurious": of.count("spurious"),
        "optional predicted": sum(1 for c, p in found if c == "optional" and p),
        "optional": of.count("optional"),
    }


@pytest.mark.slow
def test_in_chromium_the_bundled_extractors_report_shows_the_scorers_counts(
    browser: Any, tmp_path: Path, gold_set: GoldSet
) -> None:
    evaluation = evaluate("rules", gold_set, cache=None, resamples=100)
    marks = html_report.of_score(evaluation.score)
    page = tmp_path / "report.html"
    page.write_text(html_report.render(evaluation.score, marks, gold_set.articles), "utf-8")
    browser.get(page.as_uri())
    assert _dom_counts(browser) == _expected(evaluation.score, gold_set)
    shot = tmp_path / "report.png"
    browser.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if os.environ.get("FIGDATE_SCREENSHOT"):
        shutil.copyfile(shot, os.environ["FIGDATE_SCREENSHOT"])


@pytest.mark.slow
def test_in_chromium_every_error_type_shows_and_the_filter_hides_it(
    browser: Any, tmp_path: Path, gold_set: GoldSet
) -> None:
    frame = noisy(gold_set)
    result = score(gold_set.mentions, frame, gold_set.articles, resamples=100)
    marks = html_report.of_score(result)
    page = tmp_path / "noisy.html"
    page.write_text(html_report.render(result, marks, gold_set.articles), "utf-8")
    browser.get(page.as_uri())
    assert _dom_counts(browser) == _expected(result, gold_set)
    missed = (
        "return getComputedStyle(document.querySelector('mark[data-hl=missed]')).backgroundColor;"
    )
    assert browser.execute_script(missed) != "rgba(0, 0, 0, 0)"
    browser.find_element("css selector", ".filters input[value=missed]").click()
    assert browser.execute_script("return document.body.classList.contains('hide-missed');")
    assert browser.execute_script(missed) == "rgba(0, 0, 0, 0)"
    title = browser.execute_script(
        "return document.querySelector('mark[data-hl=wrong-value]').title;"
    )
    assert "gold:" in title
    assert "predicted:" in title
    if os.environ.get("FIGDATE_SCREENSHOT_ERRORS"):
        browser.execute_script("document.querySelector('.filters input[value=missed]').click();")
        browser.execute_script(
            "document.getElementById('idlib-airstrikes-halted').scrollIntoView();"
        )
        browser.save_screenshot(os.environ["FIGDATE_SCREENSHOT_ERRORS"])


@pytest.mark.slow
def test_in_chromium_an_article_with_a_script_renders_it_as_text(
    browser: Any, gold_copy: Path, tmp_path: Path, gold_set: GoldSet
) -> None:
    hostile = "Officials said <script>window.pwned = 1</script> 35,000 people fled."
    (gold_copy / "articles" / "idlib-civilians-return.txt").write_text(hostile, "utf-8")
    article = Article("idlib-civilians-return", hostile)
    marks = [Highlight(article.id, "missed", "figure", 50, 56, "35000", None, None)]
    nothing = gold_set.mentions.iloc[0:0]
    result = score(nothing, nothing[["article_id", "kind", "value"]], {article.id: article},
                   resamples=0)  # fmt: skip
    page = tmp_path / "hostile.html"
    page.write_text(html_report.render(result, marks, {article.id: article}), "utf-8")
    browser.get(page.as_uri())
    assert browser.execute_script("return typeof window.pwned;") == "undefined"
    shown = browser.execute_script("return document.querySelector('article').textContent;")
    assert shown == hostile
