"""``figdate report``: one self-contained HTML file a person would rather look at.

No network and no files beside it: CSS, SVG and the few lines of script are inline. Each
article's text is shown with its mentions highlighted by their outcome in the score's
outcome table (``figdate.scoring.outcomes``): correct, wrong value, boundary, missed,
spurious, optional (neutral; its hover says whether it was predicted). So the highlight
counts are the scorer's: correct + wrong value + boundary = relaxed tp, missed = relaxed fn,
spurious = relaxed fp, optional marks with a prediction = relaxed neutral. Every piece of
article text and every value goes through ``html.escape``.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from figdate.core.model import Article, records
from figdate.core.vocabulary import CHANGE, CHANGE_NOTE, OUTCOMES, SUMMARY_SCHEMES, Outcome
from figdate.reporting.common import missing
from figdate.reporting.common import name as _name
from figdate.scoring import Score

CATEGORIES = (
    Outcome.CORRECT, Outcome.WRONG_VALUE, Outcome.BOUNDARY, Outcome.MISSED, Outcome.SPURIOUS,
    Outcome.OPTIONAL,
)  # fmt: skip
COLOURS = {
    Outcome.CORRECT: "#b7e4c7",
    Outcome.WRONG_VALUE: "#ffd6a5",
    Outcome.BOUNDARY: "#a5d8ff",
    Outcome.MISSED: "#ffadad",
    Outcome.SPURIOUS: "#cdb4db",
    Outcome.OPTIONAL: "#e9ecef",
}
SLUG = {c: c.replace(" ", "-") for c in OUTCOMES}


@dataclass(frozen=True)
class Highlight:
    article: str
    category: str
    kind: str
    start: int
    end: int
    gold: str | None
    predicted: str | None
    predicted_span: str | None
    paired: bool = False  # a prediction was matched to it (for optional: neutral)

    @property
    def hover(self) -> str:
        parts = [f"{self.category} {self.kind}"]
        parts.append(f"gold: {self.gold if self.gold is not None else '(no gold)'}")
        if self.category == Outcome.OPTIONAL and not self.paired:
            parts.append("not predicted (neutral)")
        else:
            shown = self.predicted if self.predicted is not None else "(no prediction)"
            parts.append(f"predicted: {shown}")
        if self.predicted_span:
            parts.append(f"predicted span: {self.predicted_span!r}")
        return " · ".join(parts)


def of_score(score: Score) -> list[Highlight]:
    """The highlights of a score: one per row of its outcome table."""
    out = [_highlight(records_row) for records_row in records(score.outcomes)]
    return sorted(out, key=lambda h: (h.article, h.start, h.end, CATEGORIES.index(h.category)))


def _highlight(row: Mapping[str, object]) -> Highlight:
    gold, pred = not _missing(row["start"]), not _missing(row["predicted_start"])
    starts = [int(str(row[c])) for c, ok in (("start", gold), ("predicted_start", pred)) if ok]
    ends = [int(str(row[c])) for c, ok in (("end", gold), ("predicted_end", pred)) if ok]
    other_span = gold and pred and row["text"] != row["predicted_text"]
    return Highlight(
        str(row["article"]), str(row["outcome"]), str(row["kind"]), min(starts), max(ends),
        _text(row["gold_value"]), _text(row["predicted_value"]),
        _text(row["predicted_text"]) if other_span else None, gold and pred,
    )  # fmt: skip


def _missing(value: object) -> bool:
    return missing(value)


def _text(value: object) -> str | None:
    return None if missing(value) else str(value)


def marked_text(text: str, marks: Sequence[Highlight]) -> str:
    """The text, escaped, with each highlight as one ``mark[data-hl]`` (where highlights
    overlap, the text is cut at every boundary and the later pieces continue the mark)."""
    cuts = sorted({0, len(text), *(h.start for h in marks), *(h.end for h in marks)})
    pieces: list[str] = []
    for left, right in itertools.pairwise(cuts):
        covering = [h for h in marks if h.start <= left and right <= h.end]
        segment = html.escape(text[left:right])
        for h in reversed(covering):
            slug = SLUG[h.category]
            if h.start == left:  # the head: one per highlight, what the counts count
                segment = (
                    f'<mark class="hl {slug}" data-hl="{slug}" data-kind="{h.kind}" '
                    f'data-gold="{_attr(h.gold)}" data-predicted="{_attr(h.predicted)}" '
                    f'data-paired="{str(h.paired).lower()}" '
                    f'title="{html.escape(h.hover, quote=True)}">{segment}</mark>'
                )
            else:
                segment = f'<mark class="hl {slug} cont">{segment}</mark>'
        pieces.append(segment)
    return "".join(pieces)


def _attr(value: str | None) -> str:
    return "" if value is None else html.escape(value, quote=True)


CSS = """
body{font:15px/1.5 system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:72rem;
color:#212529;padding:0 1rem}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #dee2e6}
.meta{color:#6c757d;margin-top:0}
table{border-collapse:collapse;margin:.5rem 0}th,td{padding:.25rem .6rem;text-align:right;
border-bottom:1px solid #e9ecef}th:first-child,td:first-child,th:nth-child(2),td:nth-child(2)
{text-align:left}
.legend span,.filters label{display:inline-block;margin:0 .8rem .4rem 0}
.swatch{display:inline-block;width:.9rem;height:.9rem;border-radius:.2rem;vertical-align:-.1rem;
margin-right:.3rem}
article{white-space:pre-wrap;background:#fff;border:1px solid #dee2e6;border-radius:.4rem;
padding:1rem;margin:.5rem 0 1.5rem}
mark.hl{border-radius:.2rem;padding:0 .05rem;cursor:help;color:inherit}
mark.hl.cont{cursor:inherit}
.side{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
.side h4{margin:.2rem 0}
svg text{font:12px system-ui,sans-serif}
"""


def _style() -> str:
    rules = [CSS]
    for category, colour in COLOURS.items():
        slug = SLUG[category]
        border = "2px dashed #6c757d" if category == Outcome.OPTIONAL else "none"
        rules.append(f"mark.{slug}{{background:{colour};outline:{border}}}")
        rules.append(f"body.hide-{slug} mark.{slug}{{background:none;outline:none}}")
    return "\n".join(rules)


SCRIPT = """
document.querySelectorAll('.filters input').forEach(function (box) {
  box.addEventListener('change', function () {
    document.body.classList.toggle('hide-' + box.value, !box.checked);
  });
});
"""


def _legend(counts: Mapping[str, int]) -> str:
    items = []
    for category in CATEGORIES:
        slug = SLUG[category]
        items.append(
            f'<label><input type="checkbox" value="{slug}" checked> '
            f'<span class="swatch" style="background:{COLOURS[category]}"></span>'
            f"{category} ({counts.get(category, 0)})</label>"
        )
    return (
        '<div class="filters" role="group" aria-label="show highlights by type">'
        + "".join(items)
        + "</div>"
    )


def _with_intervals(row: Mapping[Any, Any]) -> str:
    """Precision, recall and F1 cells, each with its 95% interval."""
    return "".join(
        f"<td>{row[m]:.3f} <small>[{row[m + '_low']:.2f}, {row[m + '_high']:.2f}]</small></td>"
        for m in ("precision", "recall", "f1")
    )


def _headline(score: Score, schemes: Sequence[str] = SUMMARY_SCHEMES) -> str:
    rows = []
    table = score.labelled(score.summary)
    table = table[table["scheme"].isin(schemes)]
    for row in table.to_dict("records"):
        cells = _with_intervals(row)
        rows.append(
            f"<tr><td>{row['kind']}</td><td>{row['scheme']}</td>{cells}"
            f"<td>{row['tp']}</td><td>{row['fp']}</td><td>{row['fn']}</td></tr>"
        )
    return (
        '<table class="headline"><thead><tr><th>kind</th><th>scheme</th><th>precision</th>'
        "<th>recall</th><th>F1</th><th>tp</th><th>fp</th><th>fn</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def bars(score: Score, scheme: str = "value") -> str:
    """Inline SVG: P, R and F1 per kind with their 95% intervals as whiskers."""
    width, row_h, left = 560, 22, 110
    table = score.labelled(score.summary)
    table = table[table["scheme"] == scheme]
    lines: list[str] = []
    y = 10
    for row in table.to_dict("records"):
        for metric, colour in (("precision", "#4c6ef5"), ("recall", "#15aabf"), ("f1", "#40c057")):
            value, low, high = row[metric], row[metric + "_low"], row[metric + "_high"]
            span = width - left - 60
            lines.append(
                f'<text x="0" y="{y + 14}">{row["kind"]} {metric}</text>'
                f'<rect x="{left}" y="{y + 3}" width="{span * value:.1f}" height="14" '
                f'fill="{colour}"><title>{row["kind"]} {metric} {value:.3f} '
                f"[{low:.2f}, {high:.2f}]</title></rect>"
                f'<line x1="{left + span * low:.1f}" x2="{left + span * high:.1f}" '
                f'y1="{y + 10}" y2="{y + 10}" stroke="#212529" stroke-width="1.5"/>'
                f'<text x="{left + span + 8}" y="{y + 14}">{value:.3f}</text>'
            )
            y += row_h
        y += 8
    return (
        f'<svg class="bars" role="img" aria-label="precision, recall and F1 per kind ({scheme})" '
        f'width="{width}" height="{y}" viewBox="0 0 {width} {y}">{"".join(lines)}</svg>'
    )


def _per_article(score: Score, scheme: str = "value") -> str:
    table = score.labelled(score.per_article)
    table = table[table["scheme"] == scheme]
    rows = "".join(
        f"<tr><td>{html.escape(str(r['article']))}</td><td>{r['kind']}</td>"
        f"<td>{r['precision']:.3f}</td><td>{r['recall']:.3f}</td><td>{r['f1']:.3f}</td>"
        f"<td>{r['tp']}</td><td>{r['fp']}</td><td>{r['fn']}</td></tr>"
        for r in table.to_dict("records")
    )
    return (
        '<table class="per-article"><thead><tr><th>article</th><th>kind</th><th>P</th>'
        "<th>R</th><th>F1</th><th>tp</th><th>fp</th><th>fn</th></tr></thead><tbody>"
        f"{rows}</tbody></table>"
    )


def _by_tag(score: Score, scheme: str = "value") -> str:
    """P/R/F1 per tag with intervals; empty for an untagged gold set."""
    table = score.by_tag
    table = table[table["scheme"] == scheme]
    if table.empty:
        return ""
    rows = "".join(
        f"<tr><td>{html.escape(str(r['tag']))}</td><td>{r['kind']}</td>{_with_intervals(r)}"
        f"<td>{r['mentions']}</td><td>{r['tp']}</td><td>{r['fp']}</td><td>{r['fn']}</td></tr>"
        for r in table.to_dict("records")
    )
    return (
        f"<h2>Per tag ({scheme} scheme)</h2>"
        '<table class="by-tag"><thead><tr><th>tag</th><th>kind</th><th>precision</th>'
        "<th>recall</th><th>F1</th><th>gold</th><th>tp</th><th>fp</th><th>fn</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{_style()}</style></head>"
        f"<body>{body}<script>{SCRIPT}</script></body></html>\n"
    )


def _counts(marks: Sequence[Highlight]) -> dict[str, int]:
    out: dict[str, int] = {}
    for h in marks:
        out[h.category] = out.get(h.category, 0) + 1
    return out


def _meta(score: Score) -> str:
    run = score.run
    created = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    gold = run.gold_version if run.gold_version is not None else "?"
    checksum = run.gold_checksum if run.gold_checksum is not None else "?"
    return (
        f'<p class="meta">gold set {html.escape(gold)} '
        f"(checksum {html.escape(checksum[:12])}), "
        f"{len(score.articles)} articles; figdate {html.escape(str(run.figdate_version))}"
        f"; written {created}</p>"
    )


def render(score: Score, marks: Sequence[Highlight], articles: Mapping[str, Article]) -> str:
    """The report for one extractor."""
    name = html.escape(_name(score))
    by_article: dict[str, list[Highlight]] = {}
    for h in marks:
        by_article.setdefault(h.article, []).append(h)
    texts = "".join(
        f'<h3 id="{html.escape(a)}">{html.escape(a)}</h3>'
        f'<article data-article="{html.escape(a)}">'
        f"{marked_text(articles[a].text, by_article.get(a, []))}</article>"
        for a in score.articles
    )
    notes = "".join(f"<li>{html.escape(n)}</li>" for n in score.notes)
    body = (
        f"<h1>figdate: {name}</h1>{_meta(score)}"
        f"<h2>Headline</h2>{_headline(score)}"
        "<p>95% bootstrap intervals over articles.</p>"
        f"<h2>Precision, recall and F1 (value scheme)</h2>{bars(score)}"
        f"<h2>Per article (value scheme)</h2>{_per_article(score)}"
        + _by_tag(score)
        + (f"<h2>Notes</h2><ul>{notes}</ul>" if notes else "")
        + "<h2>Articles</h2><p>Highlights follow the <b>relaxed</b> matching (spans that "
        "overlap), so a mention found with the wrong span shows as a boundary error here "
        "while the value-scheme numbers above may count it correct (the value scheme asks "
        "for overlap and an equal value; docs/scoring.md). Hover a highlight for its gold "
        "and predicted values. Untick a type to hide it.</p>"
        f"{_legend(_counts(marks))}{texts}"
    )
    return _page(f"figdate: {_name(score)}", body)


def render_comparison(
    scores: tuple[Score, Score],
    marks: tuple[Sequence[Highlight], Sequence[Highlight]],
    articles: Mapping[str, Article],
    table: pd.DataFrame,
) -> str:
    """Two extractors side by side on the same articles, with the paired bootstrap table."""
    names = [html.escape(_name(s)) for s in scores]
    rows = "".join(
        f"<tr><td>{r['kind']}</td><td>{r['scheme']}</td><td>{r['f1_a']:.3f}</td>"
        f"<td>{r['f1_b']:.3f}</td><td>{r['delta']:+.3f}</td><td>{r['p_value']:.3f}</td></tr>"
        for r in table.to_dict("records")
    )
    diff = (
        f"<table><thead><tr><th>kind</th><th>scheme</th><th>F1 A</th><th>F1 B</th>"
        f"<th>{CHANGE}</th><th>p</th></tr></thead><tbody>{rows}</tbody></table>"
        f"<p>{CHANGE_NOTE}. p: paired bootstrap over articles, one-sided in the observed "
        "direction.</p>"
    )
    grouped: list[dict[str, list[Highlight]]] = [{}, {}]
    for side, side_marks in enumerate(marks):
        for h in side_marks:
            grouped[side].setdefault(h.article, []).append(h)
    texts = "".join(
        f'<h3 id="{html.escape(a)}">{html.escape(a)}</h3><div class="side">'
        + "".join(
            f'<div><h4>{"AB"[side]}: {names[side]}</h4><article data-article="{html.escape(a)}" '
            f'data-side="{"ab"[side]}">{marked_text(articles[a].text, grouped[side].get(a, []))}'
            "</article></div>"
            for side in (0, 1)
        )
        + "</div>"
        for a in scores[0].articles
    )
    both = [*marks[0], *marks[1]]
    body = (
        f"<h1>figdate: A = {names[0]}, B = {names[1]}</h1>{_meta(scores[0])}"
        f"<h2>{CHANGE}</h2>{diff}"
        f"<div class='side'><div><h3>A: {names[0]}</h3>{_headline(scores[0])}{bars(scores[0])}"
        f"</div><div><h3>B: {names[1]}</h3>{_headline(scores[1])}{bars(scores[1])}</div></div>"
        f"<h2>Articles</h2>{_legend(_counts(both))}{texts}"
    )
    return _page(f"figdate: {_name(scores[0])} vs {_name(scores[1])}", body)
