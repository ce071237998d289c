"""The Excel-precision tier when a side has no birth date: the NIK's embedded date stands in.

Many payrolls have no birth date column (NO, NAMA, NIK, JABATAN, UPAH). A NIK typed there as a
number loses its 16th digit; the row must still find its BPJS row through the 15 digits left, the
name, and the birth date digits 7-12 of the NIK carry (women's day + 40).
`expected` is "<bpjs idx> <match_method>" or "-" for no pair.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reconcile.config import ReconConfig
from reconcile.identity import IdentityMatch, match_identities
from reconcile.identity.nik_birth import birth_code, nik_birth_code
from tests.identity.tables import expected, outcome, side_frame

CONFIG = ReconConfig()


def run(payroll: str, bpjs: str) -> tuple[pd.DataFrame, IdentityMatch]:
    p = side_frame(payroll, "payroll")
    return p, match_identities(p, side_frame(bpjs, "bpjs"), CONFIG)


def test_payroll_without_birth_dates_pairs_through_the_nik_date() -> None:
    payroll, m = run(
        """
| idx | nik              | num | name           | birth | expected                |
| 1   | 1871011001800000 | y   | AHMAD FAUZI    |       | 101 nik_excel_precision |
| 2   | 1871015102810000 | y   | Siti Rahmawati |       | 102 nik_excel_precision |
| 3   | 1871011203820000 | y   | BUDI SANTOSO   |       | -                       |
| 4   | 1871015304830000 | y   | RINA WATI      |       | -                       |
| 5   | 1871011505850000 |     | JOKO SUSILO    |       | -                       |
""",
        """
| idx | nik              | name           | birth      |
| 101 | 1871011001800001 | AHMAD FAUZI    | 1980-01-10 |
| 102 | 1871015102810002 | SITI RAHMAWATI | 1981-02-11 |
| 103 | 1871011203820003 | BUDI SANTOSO   | 1982-03-13 |
| 104 | 1871015304830004 | DEWI LESTARI   | 1983-04-13 |
| 105 | 1871011505850005 | JOKO SUSILO    | 1985-05-15 |
""",
    )
    # 2: a woman, day 51 in the NIK is the 11th. 3: BPJS says born the 13th, the NIK the 12th:
    # the stand-in contradicts a known date. 4: another name. 5: a text cell keeps its 16 digits.
    assert outcome(m.pairs) == expected(payroll)
    flags = m.pairs.set_index("payroll_idx")
    assert pd.isna(flags.loc[1, "birth_date_agrees"]) and flags.loc[1, "nik_agrees"] == False  # noqa: E712


def test_bpjs_without_birth_date_is_checked_against_the_payroll_birth_date() -> None:
    payroll, m = run(
        """
| idx | nik              | num | name          | birth      | expected                |
| 1   | 1871011001800000 | y   | AHMAD FAUZI   | 1980-01-10 | 101 nik_excel_precision |
| 2   | 1871011102810000 | y   | BUDI SANTOSO  | 1981-02-12 | -                       |
""",
        """
| idx | nik              | name          | birth |
| 101 | 1871011001800001 | AHMAD FAUZI   |       |
| 102 | 1871011102810002 | BUDI SANTOSO  |       |
""",
    )
    assert outcome(m.pairs) == expected(payroll)


def test_no_birth_date_on_either_side_pairs_on_the_fifteen_digits_and_the_name() -> None:
    payroll, m = run(
        """
| idx | nik              | num | name         | birth | expected                |
| 1   | 1871011001800000 | y   | AHMAD FAUZI  |       | 101 nik_excel_precision |
| 2   | 1871011102810000 | y   | BUDI         |       | -                       |
""",
        """
| idx | nik              | name          | birth |
| 101 | 1871011001800001 | AHMAD FAUZI   |       |
| 102 | 1871011102810002 | BUDI SANTOSO  |       |
""",
    )
    # 2: a name that is only part of the other does not agree; nothing else can say it is her.
    assert outcome(m.pairs) == expected(payroll)


def test_a_prefix_that_fits_two_bpjs_rows_is_not_guessed() -> None:
    payroll, m = run(
        """
| idx | nik              | num | name        | birth | expected |
| 1   | 1871011001800000 | y   | AHMAD FAUZI |       | -        |
""",
        """
| idx | nik              | name        | birth      |
| 101 | 1871011001800001 | AHMAD FAUZI | 1980-01-10 |
| 102 | 1871011001800002 | AHMAD FAUZI | 1980-01-10 |
""",
    )
    # Namesakes born the same day in one district: the lost digit was all that told them apart.
    assert outcome(m.pairs) == expected(payroll)
    assert sorted(m.conflicts[["payroll_idx", "bpjs_idx", "kind"]].values.tolist()) == [
        [1, 101, "ambiguous"],
        [1, 102, "ambiguous"],
    ]


def test_a_second_payroll_row_without_birth_date_is_the_same_person_again() -> None:
    payroll, m = run(
        """
| idx | nik              | num | name        | birth | expected                                |
| 1   | 1871011001800001 |     | AHMAD FAUZI |       | 101 nik                                 |
| 2   | 1871011001800000 | y   | AHMAD FAUZI |       | 101 nik_excel_precision                 |
""",
        """
| idx | nik              | name        | birth      |
| 101 | 1871011001800001 | AHMAD FAUZI | 1980-01-10 |
""",
    )
    # Two units paid him: one typed the NIK as text, the other as a number. One person, paid twice.
    assert outcome(m.pairs) == expected(payroll)


def test_nik_and_birth_codes_read_ddmmyy_with_the_womans_day_offset() -> None:
    niks = np.array([1871015102810002, 1871011001800001, -1], dtype=np.int64)
    births = np.array(["1981-02-11", "1980-01-10", "NaT"], dtype="datetime64[ns]")
    assert nik_birth_code(niks).tolist() == [110281, 100180, -1]
    assert birth_code(births).tolist() == [110281, 100180, -1]
