"""A JSON column's values, decoded from the text polars kept them as, a column at a time.

polars reads a JSON ``value`` that is a number or true/false as its JSON text. The row
reader's cell is ``json.loads`` of that text; calling it on each of a million cells took
two seconds. Integers (most values: figures) are parsed by polars, exact to 64 bits;
fractions by Python's ``float``, which is what ``json.loads`` calls for them; anything else
(true, false, exponents, a 19-digit integer) by ``json.loads`` itself, so each cell is the
row reader's.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import polars as pl

INTEGER = r"^-?(?:0|[1-9][0-9]{0,17})$"
"""JSON integers that fit in 64 bits by their digit count alone."""
FRACTION = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+")
"""JSON numbers ``float`` reads as ``json.loads`` does (no exponent)."""


def decoded(texts: pl.Series, is_text: pl.Series) -> list[Any]:
    """Each cell of ``texts`` as a Python value: itself where ``is_text`` (a JSON string) or
    null, else the JSON value its text spells."""
    import polars as pl

    out: list[Any] = texts.to_list()
    literal = is_text.not_() & texts.is_not_null()
    whole = literal & texts.str.contains(INTEGER)
    numbers = texts.filter(whole).cast(pl.Int64).to_list()
    for row, number in zip(whole.arg_true().to_list(), numbers, strict=True):
        out[row] = number
    for row in (literal & whole.not_()).arg_true().to_list():
        text = out[row]
        out[row] = float(text) if FRACTION.fullmatch(text) else json.loads(text)
    return out
