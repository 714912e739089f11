"""The plugin's settings: ``[tool.figdate]`` in pyproject.toml, thresholds and compare-fail
expressions, each checked against figdate's own vocabulary."""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from figdate.core.problems import unknown
from figdate.core.vocabulary import MACRO_METRICS, METRICS, REPORT_KINDS, SCHEMES

KINDS = REPORT_KINDS
ALL_METRICS = (*METRICS, *MACRO_METRICS)
ARTICLE_METRICS = METRICS
_TAGGED = re.compile(r"^(?P<key>[^\[\]]+?)(?:\[(?P<tag>[a-z0-9]+(?:-[a-z0-9]+)*)\])?$")
_COMPARE_FAIL = re.compile(
    r"^(?:(?P<kind>figure|date|all)\.)?(?P<scheme>\w+)\.(?P<metric>\w+):(?P<amount>\d+(?:\.\d+)?)(?P<percent>%)?$"
)


@dataclass(frozen=True)
class Threshold:
    kind: str  # figure, date, all; or "article"
    scheme: str
    metric: str
    minimum: float
    tag: str | None = None  # a phenomenon of the gold's tags: that tag's row of the breakdown

    @property
    def key(self) -> str:
        tagged = f"[{self.tag}]" if self.tag else ""
        return f"{self.kind}.{self.scheme}.{self.metric}{tagged}"


@dataclass(frozen=True)
class CompareFail:
    kinds: tuple[str, ...]
    scheme: str
    metric: str
    amount: float
    relative: bool


SETTINGS: dict[str, type] = {
    "extractor": str,
    "gold": str,
    "start_method": str,
    "start-method": str,
    "thresholds": dict,
}
"""The keys of ``[tool.figdate]`` and the TOML type of each; anything else is a mistake."""


def settings(config: pytest.Config) -> dict[str, Any]:
    """``[tool.figdate]`` of the rootdir's pyproject.toml, checked: an unknown key (a typo
    would otherwise leave the gate on the default extractor) or a value of the wrong type
    fails the session in one line, with the nearest key."""
    path = Path(config.rootpath) / "pyproject.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    section = data.get("tool", {}).get("figdate", {})
    if not isinstance(section, dict):
        raise pytest.UsageError(f"{path.name}: [tool.figdate] must be a table")
    for key, value in section.items():
        if key not in SETTINGS:
            reason = unknown(key, SETTINGS, "a [tool.figdate] setting")
            raise pytest.UsageError(f"{path.name}: [tool.figdate] {reason}")
        if not isinstance(value, SETTINGS[key]):
            wanted = "a table" if SETTINGS[key] is dict else "a string"
            raise pytest.UsageError(f"{path.name}: [tool.figdate] {key} must be {wanted}, "
                                    f"not {value!r}")  # fmt: skip
    return section


def parse_thresholds(raw: dict[str, Any]) -> list[Threshold]:
    """``{"figure.value.f1": 0.95, "date.value.f1[relative]": 0.9}`` as Thresholds (a
    ``[tag]`` reads that tag's row of the breakdown); pytest.UsageError on an unknown key."""
    valid = [f"{k}.{s}.{m}" for k in KINDS for s in SCHEMES for m in ALL_METRICS]
    valid += [f"article.{s}.{m}" for s in SCHEMES for m in ARTICLE_METRICS]
    out = []
    for key, value in raw.items():
        found = _TAGGED.match(key)
        if not found or found["key"] not in valid or (found["tag"] and key.startswith("article")):
            close = difflib.get_close_matches(found["key"] if found else key, valid, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise pytest.UsageError(
                f"[tool.figdate.thresholds] {key!r} is not a figure figdate reports; {hint}use "
                f"KIND.SCHEME.METRIC with KIND in {'/'.join((*KINDS, 'article'))}, SCHEME in "
                f"{'/'.join(SCHEMES)}, METRIC in {'/'.join(ALL_METRICS)} (e.g. 'figure.value.f1'), "
                "optionally with a tag of the gold set: 'date.value.f1[relative]'"
            )
        if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value <= 1:
            raise pytest.UsageError(f"[tool.figdate.thresholds] {key!r} must be a number in [0, 1]")
        kind, scheme, metric = found["key"].split(".")
        out.append(Threshold(kind, scheme, metric, float(value), found["tag"]))
    return out


def parse_compare_fail(expression: str) -> CompareFail:
    found = _COMPARE_FAIL.match(expression.strip())
    if not found or found["scheme"] not in SCHEMES or found["metric"] not in ALL_METRICS:
        hint = ""
        if found and found["scheme"] not in SCHEMES:
            hint = f" ({unknown(found['scheme'], SCHEMES, 'a scheme')})"
        elif found:
            hint = f" ({unknown(found['metric'], ALL_METRICS, 'a metric')})"
        raise pytest.UsageError(
            f"--figdate-compare-fail={expression!r}: expected [KIND.]SCHEME.METRIC:AMOUNT "
            f"or :PERCENT%, e.g. value.f1:0.02 or figure.value.recall:5%{hint}"
        )
    kinds = (found["kind"],) if found["kind"] else KINDS
    return CompareFail(
        kinds, found["scheme"], found["metric"], float(found["amount"]), bool(found["percent"])
    )
