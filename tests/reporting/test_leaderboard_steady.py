"""``make leaderboard`` rewrites the README only when something changed: a speed that moved
by less than ``STEADY`` keeps its written value (figdate 0.1 rewrote it on every run)."""

from __future__ import annotations

import dataclasses

from figdate.evaluation.leaderboard import Row
from figdate.goldset.store import GoldSet
from figdate.reporting.leaderboard import STEADY, markdown, sections

ROW = Row(name="rules", version="0.2.1", figure=1.0, date=0.9, overall=0.95,
          per_second=420.0, note="")  # fmt: skip


def _faster(row: Row, factor: float) -> Row:
    assert row.per_second is not None
    return dataclasses.replace(row, per_second=row.per_second * factor)


def test_noise_in_speed_leaves_the_block_as_written(gold_set: GoldSet) -> None:
    written = markdown([ROW], gold_set)
    for factor in (0.8, 1.0, 1.2, STEADY * 0.99):
        assert markdown([_faster(ROW, factor)], gold_set, previous=written) == written


def test_a_real_change_is_written(gold_set: GoldSet) -> None:
    written = markdown([ROW], gold_set)
    assert "| 1,260.0 |" in markdown([_faster(ROW, 3.0)], gold_set, previous=written)
    better = dataclasses.replace(_faster(ROW, 1.1), date=0.95)
    assert "| 462.0 |" in markdown([better], gold_set, previous=written)  # new F1, new row
    assert markdown([_faster(ROW, 1.1)], gold_set) != written  # nothing written before


def test_each_dataset_keeps_its_own_steady_speeds(gold_set: GoldSet) -> None:
    other = dataclasses.replace(ROW, per_second=9000.0)
    written = sections([("idlib", gold_set, [ROW]), ("challenge", gold_set, [other])])
    again = sections(
        [("idlib", gold_set, [_faster(ROW, 1.2)]), ("challenge", gold_set, [_faster(other, 0.9)])],
        previous=written,
    )
    assert again == written  # noise in both: each table read its own previous speeds
    moved = sections(
        [("idlib", gold_set, [_faster(ROW, 3.0)]), ("challenge", gold_set, [other])],
        previous=written,
    )
    assert "| 1,260.0 |" in moved
    assert "| 9,000.0 |" in moved
