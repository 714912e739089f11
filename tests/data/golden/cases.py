"""The commands whose output the restructure (and any later refactor) must keep byte for byte.

Each case is a ``figdate`` command line run from the repository root on the committed gold
set; ``{out}`` is a scratch folder for the files a command writes. What varies by run (the
time a report was written) is masked. ``python tests/data/golden/record.py`` rewrites the
recorded outputs: do that only for a change of output the commit message explains.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
REPO = HERE.parents[2]
NOISY = "tests/data/golden/noisy.jsonl"
NOISY_B = "tests/data/golden/noisy_b.jsonl"

CASES: dict[str, list[str]] = {
    "gold_check": ["gold", "check", "--gold", "gold"],
    "gold_stats": ["gold", "stats", "--gold", "gold"],
    "eval_rules": ["eval", "--gold", "gold", "--no-cache", "--per-article", "--errors", "20",
                   "--json", "{out}/eval.json", "--markdown", "{out}/eval.md"],
    "score_noisy": ["score", NOISY, "--gold", "gold", "--per-article", "--errors", "60",
                    "--json", "{out}/score.json", "--markdown", "{out}/score.md"],
    "compare_noisy": ["compare", NOISY, NOISY_B, "--gold", "gold", "--resamples", "300",
                      "--html", "{out}/compare.html"],
    "report_noisy": ["report", "--gold", "gold", "--predictions", NOISY, "-o",
                     "{out}/report.html"],
    "validate_gold": ["validate", "gold/mentions.csv", "--engine", "both"],
    "validate_mismatch": ["validate", "tests/data/bad/text_mismatch.jsonl", "--gold", "gold",
                          "--engine", "both"],
    "validate_month": ["validate", "tests/data/bad/month_13.jsonl", "--gold", "gold"],
    "validate_unreadable": ["validate", "tests/data/bad/invalid_json_line.jsonl"],
    "agree_noisy": ["agree", "gold/mentions.csv", "{out}/agree_b.csv", "--gold", "gold"],
}  # fmt: skip

_MASKS = [
    (re.compile(r'"created": "[^"]+"'), '"created": "<time>"'),
    (re.compile(r'"commit": (?:"[0-9a-f]+"|null)'), '"commit": "<commit>"'),
    (re.compile(r"written \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC"), "written <time>"),
    (re.compile(r"wrote \S+/(\w+\.\w+)"), r"wrote <out>/\1"),
    # figdate's own version: it changes with every release, the output it labels does not
    (re.compile(r'"figdate_version": "[^"]+"'), '"figdate_version": "<version>"'),
    (re.compile(r"figdate \d+\.\d+\.\d+(?:\.dev\d+)?;"), "figdate <version>;"),
]


def _mask(text: str, out: Path) -> str:
    text = text.replace(str(out), "<out>")
    for pattern, replacement in _MASKS:
        text = pattern.sub(replacement, text)
    return text


def _agree_input(out: Path) -> None:
    """Annotator B: the gold mentions with two values changed and one row dropped."""
    lines = (REPO / "gold" / "mentions.csv").read_text(encoding="utf-8").splitlines(True)
    changed = [lines[0]] + [
        line.replace(",35000,", ",36000,").replace(",2020-03-06,", ",2020-03-07,")
        for n, line in enumerate(lines[1:])
        if n != 10
    ]
    (out / "agree_b.csv").write_text("".join(changed), encoding="utf-8")


def run(name: str, out: Path) -> str:
    """The case's exit code, stdout, stderr and written files, masked, as one text."""
    out.mkdir(parents=True, exist_ok=True)
    _agree_input(out)
    exe = Path(sys.executable).with_name("figdate")
    argv = [str(exe), *(a.replace("{out}", str(out)) for a in CASES[name])]
    env = {k: v for k, v in os.environ.items() if not k.startswith("FIGDATE_")}
    done = subprocess.run(
        argv, cwd=REPO, capture_output=True, text=True, env=env, timeout=600, check=False
    )
    parts = [f"exit {done.returncode}", "--- stdout", done.stdout, "--- stderr", done.stderr]
    for written in sorted(p for p in out.iterdir() if p.name != "agree_b.csv"):
        parts += [f"--- file {written.name}", written.read_text(encoding="utf-8")]
        written.unlink()
    return _mask("\n".join(parts), out)
