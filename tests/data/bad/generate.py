"""Write the bad prediction files of this folder: one flaw each, against the gold articles.

Run ``python tests/data/bad/generate.py`` to rewrite them; ``flaws.json`` says what each
file's flaw is and the words each engine's report must use for it. The 100 MB one-line
file is not committed (too big for git): ``long_line`` writes it where a test asks.

``HOSTILE`` are the files a hostile or careless producer writes (deep or huge JSON, numbers
out of range, wrong types, lone surrogates, byte-order marks); ``VALID`` are files that
look odd but are valid and must be accepted. Every one goes through ``score``, ``eval
--extractor file:`` and ``validate`` with both engines (``tests/contract/test_hostile.py``).
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent
ARTICLE = "idlib-airstrikes-halted"
DATE = {"article_id": ARTICLE, "kind": "date", "start": 69, "end": 75, "text": "Sunday",
        "value": "2020-01-12"}  # fmt: skip
FIGURE = {"article_id": ARTICLE, "kind": "figure", "start": 621, "end": 624, "text": "one",
          "value": 1, "qualifier": "exact", "unit": "incidents"}  # fmt: skip
SECOND = {**FIGURE, "start": 628, "end": 631, "text": "two", "value": 2}


def _jsonl(*rows: dict[str, object]) -> str:
    return "".join(json.dumps(row) + "\n" for row in rows)


def _without(row: dict[str, object], column: str) -> dict[str, object]:
    return {k: v for k, v in row.items() if k != column}


def _csv(*lines: str) -> str:
    return "".join(line + "\n" for line in lines)


HEADER = "article_id,kind,start,end,text,value,qualifier,unit"
GOOD_CSV = f"{ARTICLE},figure,621,624,one,1,exact,incidents"

FILES: dict[str, str | bytes] = {
    "missing_article_id.jsonl": _jsonl(*(_without(r, "article_id") for r in (DATE, FIGURE))),
    "missing_kind.jsonl": _jsonl(*(_without(r, "kind") for r in (DATE, FIGURE))),
    "missing_value.jsonl": _jsonl(*(_without(r, "value") for r in (DATE, FIGURE))),
    "start_not_a_number.jsonl": _jsonl(DATE, {**FIGURE, "start": "six hundred"}),
    "start_fraction.csv": _csv(HEADER, GOOD_CSV.replace(",621,", ",621.5,")),
    "value_boolean.jsonl": _jsonl(DATE, {**FIGURE, "value": True}),
    "date_as_number.jsonl": _jsonl({**DATE, "value": 2020}, FIGURE),
    "nan_value.csv": _csv(HEADER, GOOD_CSV.replace(",1,exact", ",NaN,exact")),
    "nan_start.jsonl": _jsonl(DATE, FIGURE).replace('"start": 621', '"start": NaN'),
    "inf_value.jsonl": _jsonl(DATE, FIGURE).replace('"value": 1,', '"value": Infinity,'),
    "negative_start.jsonl": _jsonl(DATE, {**FIGURE, "start": -3}),
    "negative_figure.jsonl": _jsonl(DATE, {**FIGURE, "value": -1}),
    "start_equals_end.jsonl": _jsonl(DATE, {**FIGURE, "end": 621, "text": None}),
    "start_after_end.csv": _csv(HEADER, f"{ARTICLE},figure,631,628,,2,exact,incidents"),
    "beyond_text.jsonl": _jsonl(DATE, {**FIGURE, "start": 9990, "end": 9993}),
    "text_mismatch.jsonl": _jsonl(DATE, {**FIGURE, "text": "six"}),
    "empty_text.jsonl": _jsonl(DATE, {**FIGURE, "text": ""}),
    "unknown_kind.jsonl": _jsonl(DATE, {**FIGURE, "kind": "number"}),
    "unknown_article.jsonl": _jsonl(DATE, {**FIGURE, "article_id": "no-such-article"}),
    "article_id_not_a_slug.jsonl": _jsonl(DATE, {**FIGURE, "article_id": "../etc/passwd"}),
    "february_30.jsonl": _jsonl({**DATE, "value": "2020-02-30"}, FIGURE),
    "month_13.jsonl": _jsonl({**DATE, "value": "2020-13"}, FIGURE),
    "bad_qualifier.jsonl": _jsonl(DATE, {**FIGURE, "qualifier": "exactly"}),
    "half_offsets.jsonl": _jsonl(DATE, _without(FIGURE, "end")),
    "duplicate_rows.jsonl": _jsonl(DATE, FIGURE, SECOND, FIGURE),
    "empty.jsonl": "",
    "header_only.csv": _csv(HEADER),
    "invalid_json_line.jsonl": _jsonl(DATE) + '{"article_id": "idlib-airstrikes-halted", "kind"\n',
    "not_an_object.jsonl": _jsonl(DATE) + "[1, 2, 3]\n",
    "ragged.csv": _csv(HEADER, GOOD_CSV + ",extra"),
    "non_utf8.csv": _csv(HEADER, GOOD_CSV.replace("incidents", "incidents\udce9")).encode(
        "utf-8", "surrogateescape"
    ),
}


def _deep(depth: int) -> str:
    return "[" * depth + "]" * depth


HOSTILE: dict[str, str | bytes] = {
    "deep_json.jsonl": _jsonl(DATE).rstrip("\n")[:-1] + ', "extra": ' + _deep(2000) + "}\n",
    "huge_int_value.jsonl": _jsonl(DATE) + _jsonl(FIGURE).replace('"value": 1,', '"value": '
                                                                    + "9" * 5000 + ","),
    "article_id_list.jsonl": _jsonl(DATE, {**FIGURE, "article_id": [ARTICLE]}),
    "start_2_63.csv": _csv(HEADER, GOOD_CSV.replace(",621,", ",9223372036854775808,")),
    "start_1e308.jsonl": _jsonl(DATE, {**FIGURE, "start": 1e308}),
    "end_10_400.jsonl": _jsonl(DATE) + _jsonl(FIGURE).replace('"end": 624', '"end": 1' + "0" * 400),
    "value_10_400.jsonl": _jsonl(DATE) + _jsonl(FIGURE).replace('"value": 1,', '"value": 1'
                                                                  + "0" * 400 + ","),
    "value_list.jsonl": _jsonl(DATE, {**FIGURE, "value": [1, 2]}),
    "whitespace_text.jsonl": _jsonl(DATE, {**FIGURE, "start": 620, "end": 621, "text": " "}),
    "null_article_id.jsonl": _jsonl(DATE, {**FIGURE, "article_id": None}),
    "bad_timezone.jsonl": _jsonl({**DATE, "value": "2020-01-12T10:00+99:99"}, FIGURE),
    "lone_surrogate.jsonl": _jsonl(DATE) + _jsonl({**FIGURE, "unit": "X"}).replace('"X"',
                                                                              '"\\ud800"'),
    "bom.jsonl": "\ufeff" + _jsonl(DATE, FIGURE),
    "kind_number.jsonl": _jsonl(DATE, {**FIGURE, "kind": 7}),
    # offsets no engine may read as a number, though Python's int or pandas would (issue 33)
    "start_exponent.jsonl": _jsonl(DATE, {**FIGURE, "start": "6.21e2"}),
    "start_plus.jsonl": _jsonl(DATE, {**FIGURE, "start": "+621"}),
    "start_true.jsonl": _jsonl(DATE, {**FIGURE, "start": True, "end": 2}),
    "start_true_all.jsonl": _jsonl({**DATE, "start": True, "end": 2}),
    "start_fullwidth.jsonl": _jsonl(DATE, {**FIGURE, "start": "\uff16\uff12\uff11"}),
    "start_arabic_indic.jsonl": _jsonl(DATE, {**FIGURE, "start": "\u0666\u0662\u0661"}),
    "start_plus.csv": _csv(HEADER, GOOD_CSV.replace(",621,", ",+621,")),
    "start_fullwidth.csv": _csv(HEADER, GOOD_CSV.replace(",621,", ",\uff16\uff12\uff11,")),
    "start_400_digits.csv": _csv(HEADER, GOOD_CSV.replace(",621,", ",1" + "0" * 400 + ",")),
}  # fmt: skip
"""Hostile files; each must be refused (exit 1, or 2 where it cannot be read as a table)."""

VALID: dict[str, str | bytes] = {
    "line_separator_in_text.jsonl": _jsonl(DATE, {**FIGURE, "unit": "inci\u2028dents\x85"}).replace(
        "\\u2028", "\u2028").replace("\\u0085", "\x85"),
    "excel_bom.csv": "\ufeff" + _csv(HEADER, GOOD_CSV),
    "start_as_text_some.jsonl": _jsonl(DATE, {**FIGURE, "start": "621"}),
    "start_as_text_all.jsonl": _jsonl({**DATE, "start": "69", "end": "75"},
                                      {**FIGURE, "start": "621", "end": "624"}),
}  # fmt: skip
"""Odd but valid files: U+2028 and U+0085 inside a JSON string (ensure_ascii=False), a CSV
as Excel saves "CSV UTF-8" (with a byte-order mark), and offsets written as whole-number
text in JSON, in some rows or all (accepted as in CSV, where every cell is text)."""


def _ends(text: str, end: str) -> str:
    return text.replace("\n", end)


GOOD_ROWS = _csv(HEADER, GOOD_CSV, GOOD_CSV.replace(",621,624,one,1,", ",628,631,two,2,"))
BAD_ROW = GOOD_CSV.replace(",621,", ",-3,")
LINES = _jsonl(DATE, FIGURE)

EXPORTS: dict[str, str | bytes] = {
    # CSV as spreadsheets, old Macs and cut-off transfers write it
    "export_cr_only.csv": _ends(GOOD_ROWS, "\r"),
    "export_cr_only_bad_row.csv": _ends(_csv(HEADER, GOOD_CSV, BAD_ROW), "\r"),
    "export_crlf.csv": _ends(GOOD_ROWS, "\r\n"),
    "export_mixed_endings.csv": HEADER + "\r\n" + GOOD_CSV + "\r" + GOOD_CSV.replace(
        ",621,624,one,1,", ",628,631,two,2,") + "\n",
    "export_cr_in_quoted_cell.csv": _csv(HEADER, GOOD_CSV.replace("incidents", '"inci\rdents"')),
    "export_header_only_crlf.csv": HEADER + "\r\n",
    "export_header_only_no_newline.csv": HEADER,
    "export_header_only_cr.csv": HEADER + "\r",
    "export_only_newlines.csv": "\n\n\n",
    "export_only_cr.csv": "\r\r",
    "export_nul_in_cell.csv": _csv(HEADER, GOOD_CSV.replace("incidents", "inci\x00dents")),
    "export_nul_padding.csv": GOOD_ROWS + "\x00" * 64,
    "export_bom_middle.csv": _csv(HEADER, GOOD_CSV, "\ufeff" + GOOD_CSV),
    "export_bom_twice.csv": "\ufeff\ufeff" + GOOD_ROWS,
    "export_partial_row.csv": GOOD_ROWS + f"{ARTICLE},figure,62",
    "export_partial_quote.csv": GOOD_ROWS + f'{ARTICLE},figure,621,624,"on',
    "export_utf16.csv": b"\xff\xfe" + GOOD_ROWS.encode("utf-16-le"),
    "export_semicolons.csv": GOOD_ROWS.replace(",", ";"),
    # JSON lines as scripts, pandas and cut-off transfers write them
    "export_empty_object.jsonl": "{}\n",
    "export_empty_objects_between.jsonl": _jsonl(DATE) + "{}\n" + _jsonl(FIGURE) + "{}\n",
    "export_empty_object_cr.jsonl": "{}\r",
    "export_cr_only.jsonl": _ends(LINES, "\r"),
    "export_crlf.jsonl": _ends(LINES, "\r\n"),
    "export_mixed_endings.jsonl": _jsonl(DATE) + _jsonl(FIGURE).replace("\n", "\r\n"),
    "export_no_final_newline.jsonl": LINES.rstrip("\n"),
    "export_nul_in_line.jsonl": _jsonl(DATE) + _jsonl(FIGURE).replace('"one"', '"o\x00ne"'),
    "export_nul_padding.jsonl": LINES + "\x00" * 64,
    "export_bom_middle.jsonl": _jsonl(DATE) + "\ufeff" + _jsonl(FIGURE),
    "export_partial_line.jsonl": LINES + _jsonl(SECOND)[:40],
    "export_only_whitespace.jsonl": "  \n\t\n\n",
    "export_empty_array.jsonl": "[]\n",
    "export_json_array.jsonl": json.dumps([DATE, FIGURE]) + "\n",
    "export_null_line.jsonl": _jsonl(DATE) + "null\n",
    "export_trailing_commas.jsonl": "".join(json.dumps(r) + ",\n" for r in (DATE, FIGURE)),
    "export_pretty_printed.jsonl": json.dumps(DATE, indent=2) + "\n",
    "export_utf16.jsonl": b"\xff\xfe" + LINES.encode("utf-16-le"),
    # Parquet cut off before its footer, JSON lines named .parquet, an empty file
    "export_truncated.parquet": b"PAR1" + b"\x15\x04\x15\x10" * 40,
    "export_jsonl_named.parquet": LINES,
    "export_empty.parquet": b"",
}  # fmt: skip
"""Files as real exports come out: old Mac (CR-only), Windows and mixed line ends, empty
objects, a header and nothing else, NUL bytes, a byte-order mark inside, a last line cut
short, UTF-16, semicolons, a JSON array or pretty-printed JSON saved as ``.jsonl``, Parquet
cut short. Each is refused with a one-line problem, or accepted where its cells are valid
(``EXPORTS_VALID``)."""

EXPORTS_VALID = (
    "export_cr_only.csv",
    "export_crlf.csv",
    "export_mixed_endings.csv",
    "export_cr_in_quoted_cell.csv",
    "export_crlf.jsonl",
    "export_mixed_endings.jsonl",
    "export_no_final_newline.jsonl",
)


def parquet_files() -> dict[str, bytes]:
    """Hostile Parquet files (written with pyarrow): types JSON and CSV cannot carry."""
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    def with_column(name: str, array: object) -> bytes:
        base = {k: [r.get(k) for r in (DATE, FIGURE)] for k in FIGURE}
        columns = {k: pa.array([None if v is None else str(v) for v in vs]) if k == "value"
                   else pa.array(vs) for k, vs in base.items()}  # fmt: skip
        columns[name] = array  # type: ignore[assignment]
        out = io.BytesIO()
        pq.write_table(pa.table(columns), out)
        return out.getvalue()

    return {
        "end_inf.parquet": with_column("end", pa.array([75.0, float("inf")])),
        "article_id_list.parquet": with_column("article_id", pa.array([[ARTICLE], [ARTICLE]])),
        "start_uint64.parquet": with_column("start", pa.array([69, 2**64 - 1], pa.uint64())),
        "value_list.parquet": with_column("value", pa.array([[2020], [1, 2]])),
    }


def long_line(path: Path, size: int = 100 * 1024 * 1024) -> Path:
    """A JSONL file of one 100 MB line: a row whose text runs on and on."""
    with path.open("wb") as handle:
        handle.write(b'{"article_id": "idlib-airstrikes-halted", "kind": "figure", "text": "')
        chunk = b"x" * (1 << 20)
        for _ in range(size // len(chunk)):
            handle.write(chunk)
        handle.write(b'", "value": 1}\n')
    return path


def main() -> None:
    every = {**FILES, **HOSTILE, **VALID, **EXPORTS, **parquet_files()}
    for name, content in every.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (HERE / name).write_bytes(data)
    print(f"wrote {len(every)} files into {HERE}")


if __name__ == "__main__":
    main()
