"""exceptions.csv / matches.csv: contract column order, whole-number amounts, empty sides stay empty."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from unittest.mock import patch

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.categories import EXCEPTION_COLUMNS, MATCH_COLUMNS
from reconcile.report import csv_files
from reconcile.report.csv_files import contract_frame
from reconcile.report.safe_text import needs_quote_prefix


def _read(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_exceptions_header_is_contract_order(write):
    rows = _read(write().exceptions_csv)
    assert rows[0][: len(EXCEPTION_COLUMNS)] == EXCEPTION_COLUMNS


def test_matches_header_is_contract_order(write):
    rows = _read(write().matches_csv)
    assert rows[0] == MATCH_COLUMNS
    assert len(rows) == 1 + 3


def test_one_line_per_finding_amounts_whole_and_empty_sides_empty(write, result):
    rows = _read(write(result).exceptions_csv)
    header, body = rows[0], rows[1:]
    assert len(body) == len(result.findings)
    first = dict(zip(header, body[0], strict=True))
    assert first["category"] == "UNREGISTERED"
    assert first["exposure_idr"] == "97000000"  # 97,000,000.4 rounded, no separators
    assert first["bpjs_file"] == first["bpjs_sheet"] == first["bpjs_row"] == ""
    assert first["payroll_row"] == "11"
    wage = next(dict(zip(header, r, strict=True)) for r in body if r[0] == "WAGE_MISMATCH")
    assert wage["difference_idr"] == "-1000000"


def test_extra_columns_follow_and_missing_contract_columns_are_empty():
    frame = pd.DataFrame({"category": ["INACTIVE"], "nik": ["1871011205850001"], "zz_extra": ["x"]})
    out = contract_frame(frame, EXCEPTION_COLUMNS)
    assert list(out.columns) == [*EXCEPTION_COLUMNS, "zz_extra"]
    assert out.loc[0, "finding_id"] == ""
    assert out.loc[0, "nik"] == "1871011205850001"


def test_nullable_and_float_row_numbers_are_whole():
    frame = pd.DataFrame(
        {"payroll_row": pd.array([12, None], dtype="Int64"), "bpjs_row": [3.0, float("nan")]}
    )
    out = contract_frame(frame, ["payroll_row", "bpjs_row"])
    assert out["payroll_row"].tolist() == ["12", ""]
    assert out["bpjs_row"].tolist() == ["3", ""]


def test_scores_are_rounded(write):
    rows = _read(write().matches_csv)
    scores = [r[MATCH_COLUMNS.index("score")] for r in rows[1:]]
    assert scores == ["1.0", "0.9375", "0.8123"]


def _defused(text: str) -> str:
    """What a spreadsheet user must see: a text that starts like a formula, with an apostrophe first."""
    return "'" + text if needs_quote_prefix(text) else text


def test_input_texts_that_start_like_formulas_get_an_apostrophe_numbers_stay(tmp_path):
    names = ["=Budi", "+Citra", "-Dodi", "@Eko", '=HYPERLINK("http://evil.example","klik")', "\tTab", "Ani"]
    frame = pd.DataFrame(
        {
            "category": ["WAGE_MISMATCH"] * len(names),
            "name": names,
            "unit": ["-Dinas"] * len(names),
            "nik": ["=1871011203800001"] + ["1871011203800001"] * (len(names) - 1),
            "difference_idr": [-16800.0] * len(names),
            "payroll_row": [-3] * len(names),
            "zz_amount": [-5.0] * len(names),  # an extra numeric column is a number too
            "zz_mixed": [-7, "x", -7, -7, -7, -7, -7],  # an object column mixing texts and numbers: text
        }
    )
    path = tmp_path / "out.csv"
    csv_files.write_csv(frame, EXCEPTION_COLUMNS, path)
    header, *body = _read(path)
    rows = [dict(zip(header, r, strict=True)) for r in body]
    assert [r["name"] for r in rows] == ["'" + n for n in names[:-1]] + ["Ani"]
    assert {r["unit"] for r in rows} == {"'-Dinas"}
    assert rows[0]["nik"] == "'=1871011203800001" and rows[1]["nik"] == "1871011203800001"
    assert {r["difference_idr"] for r in rows} == {"-16800"}
    assert {r["payroll_row"] for r in rows} == {"-3"}
    assert {r["zz_amount"] for r in rows} == {"-5"}
    assert rows[1]["zz_mixed"] == "x" and rows[0]["zz_mixed"] == "'-7"
    assert header[0] == "category"  # the header line is ours, never prefixed


def test_masked_copy_is_masked_and_defused(write, result):
    findings = result.findings.copy()
    findings.loc[findings.index[0], "name"] = "=Budi 1871011205850001"
    rows = _read(write(replace(result, findings=findings), mask_nik=True).exceptions_csv)
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["name"] == "'=Budi ************0001"


_TEXT = st.text(
    alphabet=st.sampled_from(["a", "Z", " ", ",", '"', "\r", "\n", "é", "=", "'", "\t", "1", "+", "-", "@"]),
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_TEXT, _TEXT, _TEXT), max_size=20), st.sampled_from([1, 3, 1 << 16]))
def test_bytes_are_those_of_the_csv_module(tmp_path_factory, rows, block_rows):
    """Quoting, doubled quotes, CRLF and UTF-8 exactly as csv.writer writes the neutralised texts,
    across blocks."""
    frame = pd.DataFrame(rows, columns=["name", "unit", "detail"], dtype=object)
    path = tmp_path_factory.mktemp("csv") / "out.csv"
    with patch.object(csv_files, "_BLOCK_ROWS", block_rows):
        csv_files.write_csv(frame, ["name", "unit", "detail"], path)
    expected = io.StringIO(newline="")
    writer = csv.writer(expected, lineterminator="\r\n")
    writer.writerow(["name", "unit", "detail"])
    defused = [tuple(_defused(v) for v in row) for row in rows]
    writer.writerows(defused)
    assert path.read_bytes() == expected.getvalue().encode("utf-8")
    with path.open(encoding="utf-8", newline="") as handle:
        assert [tuple(r) for r in csv.reader(handle)][1:] == defused
