"""Schema rules on small typed frames, compared as [row, field, severity] triples."""

import numpy as np
import pandas as pd
import pytest

from schemas import BpjsSchema, PayrollSchema, validation_issues
from schemas.issues import with_sources

NA = pd.NA


def _typed(rows: list[dict], schema_columns: dict) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    for column, dtype in schema_columns.items():
        if column not in frame:
            frame[column] = None
        frame[column] = frame[column].astype(dtype)
    return frame


_IDENTITY = {
    "source_file": str,
    "source_sheet": str,
    "source_row": "int64",
    "nik": "string",
    "nik_raw": "string",
    "nik_numeric": bool,
    "kpj": "string",
    "name": "string",
    "birth_date": "datetime64[ns]",
}
_PAYROLL = {
    **_IDENTITY,
    "birth_place": "string",
    "unit": "string",
    "position": "string",
    "monthly_wage": "float64",
    "daily_wage": "float64",
    "days_worked": "float64",
}
_BPJS = {
    **_IDENTITY,
    "join_date": "datetime64[ns]",
    "status": "string",
    **dict.fromkeys(["reported_wage", "jkk", "jkm", "jht", "jp", "total"], "float64"),
}


def _triples(schema, frame) -> list[tuple[int, str, str]]:
    issues = with_sources(frame, [validation_issues(schema, frame)])
    return sorted(zip(issues["source_row"], issues["field"], issues["severity"], strict=True))


def _row(n: int, **values) -> dict:
    return {"source_file": "a.xlsx", "source_sheet": "S", "source_row": n, "nik_numeric": False, **values}


def test_valid_payroll_rows_give_no_issues():
    frame = _typed(
        [
            _row(5, nik="1871011205850001", birth_date="1985-05-12", monthly_wage=2_000_000.0),
            _row(6, nik="1871015205850002", birth_date="1985-05-12", kpj="12345678901"),  # woman: day+40
            _row(7),  # nothing to check: blanks are judged by normalize, not the schema
        ],
        _PAYROLL,
    )
    assert _triples(PayrollSchema, frame) == []


def test_payroll_format_failures():
    frame = _typed(
        [
            _row(5, nik="187101120585001"),  # 15 digits
            _row(6, nik="9971011205850001"),  # 99 is no province
            _row(7, nik="1871013102850001"),  # 31 February
            _row(8, nik="1871017205850001"),  # day 72-40 = 32
            _row(9, nik="1871011205850001", birth_date="1985-05-13"),  # NIK says 12 May
            _row(10, kpj="1234567890"),  # 10 digits
            _row(11, monthly_wage=-1.0, days_worked=-2.0),
            _row(12, nik="1871012902000001", birth_date="2000-02-29"),  # leap day, valid
        ],
        _PAYROLL,
    )
    assert _triples(PayrollSchema, frame) == [
        (5, "nik", "warning"),
        (6, "nik", "warning"),
        (7, "nik", "warning"),
        (8, "nik", "warning"),
        (9, "nik", "warning"),
        (10, "kpj", "warning"),
        (11, "days_worked", "error"),
        (11, "monthly_wage", "error"),
    ]


def test_failure_messages_name_the_problem_without_the_nik():
    frame = _typed([_row(5, nik="187101120585001"), _row(6, kpj="123")], _PAYROLL)
    issues = with_sources(frame, [validation_issues(PayrollSchema, frame)])
    assert issues["message"].tolist() == [
        "NIK tidak valid: harus 16 digit, ditemukan 15 digit",
        "KPJ tidak valid: harus 11 digit, ditemukan 3 digit",
    ]


def test_bpjs_status_and_amounts():
    frame = _typed(
        [
            _row(2, status="AKTIF", jkk=10_000.0, jkm=6_800.0, total=16_800.0),
            _row(3, status="PENDING"),
            _row(4, status="NON AKTIF", total=16_800.0, jp=-1.0),
            _row(5, status=NA),
            _row(6, status="AKTIF", reported_wage=-1_000_000.0),
        ],
        _BPJS,
    )
    assert _triples(BpjsSchema, frame) == [
        (3, "status", "error"),
        (4, "jp", "error"),
        (6, "reported_wage", "error"),
    ]


def test_a_negative_premium_makes_a_correction_row_whose_parts_may_be_negative():
    frame = _typed(
        [
            _row(2, status="AKTIF", jkk=-10_000.0, jkm=-6_800.0, total=-16_800.0),  # KOREKSI
            _row(3, status="AKTIF", jkk=-10_000.0, jkm=-6_800.0),  # no total: the parts' sum is negative
            _row(4, status="AKTIF", jkk=-10_000.0, jkm=6_800.0, total=-3_200.0),  # a positive part: fine
            _row(5, status="AKTIF", jkk=-10_000.0, jkm=6_800.0, total=16_800.0),  # a bill, a negative part
            _row(6, status="AKTIF", reported_wage=-1.0, total=-16_800.0),  # a negative wage stays an error
        ],
        _BPJS,
    )
    assert _triples(BpjsSchema, frame) == [
        (5, "jkk", "error"),
        (6, "reported_wage", "error"),
    ]
    messages = validation_issues(BpjsSchema, frame)["message"].tolist()
    assert "Iuran JKK negatif; diharapkan angka 0 atau lebih" in messages


def test_source_row_must_be_positive():
    frame = _typed([_row(0)], _BPJS)
    assert _triples(BpjsSchema, frame) == [(0, "source_row", "error")]


def test_issue_rows_follow_a_non_default_index():
    frame = _typed([_row(5), _row(6, kpj="1")], _PAYROLL).set_axis([40, 10])
    assert _triples(PayrollSchema, frame) == [(6, "kpj", "warning")]


def test_a_wrong_dtype_is_a_bug_not_an_issue():
    frame = _typed([_row(5)], _PAYROLL)
    frame["monthly_wage"] = frame["monthly_wage"].astype(object)
    with pytest.raises(RuntimeError, match="does not fit PayrollSchema"):
        validation_issues(PayrollSchema, frame)


def test_empty_frame_validates():
    frame = _typed([], _PAYROLL)
    assert _triples(PayrollSchema, frame) == []
    assert np.array_equal(
        with_sources(frame, []).columns,
        ["source_file", "source_sheet", "source_row", "field", "severity", "message"],
    )
