"""One pandera schema per table: its model's columns plus the catalogue's rules, with data.

The rules across tables are added only when the other table is given (the articles for
mentions, the mentions for articles); ``dataset=False`` leaves out the rules about a table
as a whole, for a part of one (one annotator's table, one article's output).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

from figdate.contract.models import MODELS
from figdate.contract.rules import Context, RowRule, cross_rules, row_rules, table_rules
from figdate.core.model import Article
from figdate.core.vocabulary import TableKind


@dataclass(frozen=True)
class Schema:
    """A pandera schema, its row rules by name and the data they read, so that a failure
    can be explained per row."""

    schema: pa.DataFrameSchema
    rules: dict[str, RowRule]
    context: Context
    masks: dict[str, pd.Series] | None = None
    """With ``masks=True``: each row rule's per-row result after a validation, by name."""

    def explain(self, check: str, row: Mapping[str, object]) -> str:
        return self.rules[check].explain(row, self.context)


def _assemble(table: str, context: Context | None, *, dataset: bool, masks: bool) -> Schema:
    schema = copy.deepcopy(MODELS[table].to_schema())
    kept: dict[str, pd.Series] | None = {} if masks else None
    rules = list(row_rules(table))
    if context is not None:
        rules += cross_rules(table)
    context = context or Context()
    tables = table_rules(table) if dataset else ()
    checks = [*(r.check(context, kept) for r in rules), *(t.check() for t in tables)]
    schema.checks = [*schema.checks, *checks]
    return Schema(schema, {rule.name: rule for rule in rules}, context, kept)


def article_schema(mentions: pd.DataFrame | None = None, *, masks: bool = False) -> Schema:
    """The articles schema, with the has-mentions rule when the mentions are given.
    ``masks=True`` for figdate's own backend (``Schema.masks``); a user's schema fails
    row by row, as pandera's checks do."""
    if mentions is None:
        return _assemble(TableKind.ARTICLES, None, dataset=True, masks=masks)
    ids: list[str] = mentions["article_id"].astype(str).tolist() if "article_id" in mentions else []
    context = Context(mentioned=frozenset(ids))
    return _assemble(TableKind.ARTICLES, context, dataset=True, masks=masks)


def mention_schema(
    articles: Mapping[str, Article] | None = None,
    *,
    gold: bool = True,
    dataset: bool = True,
    masks: bool = False,
) -> Schema:
    """The full schema for a gold (``gold=True``) or predicted mention table."""
    table = TableKind.GOLD if gold else TableKind.PREDICTIONS
    context = Context(articles=articles) if articles is not None else None
    return _assemble(table, context, dataset=dataset, masks=masks)
