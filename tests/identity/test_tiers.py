"""Each tier on a small hand-built pair of lists; `expected` says what each payroll row becomes.

`expected` is "<bpjs idx> <match_method>" (several separated by ", "), or "-" for no pair.
"""

from __future__ import annotations

import pandas as pd

from reconcile.config import ReconConfig
from reconcile.identity import IdentityMatch, match_identities
from tests.identity.tables import expected, outcome, side_frame

CONFIG = ReconConfig()


def run(payroll: str, bpjs: str) -> tuple[pd.DataFrame, IdentityMatch]:
    p = side_frame(payroll, "payroll")
    return p, match_identities(p, side_frame(bpjs, "bpjs"), CONFIG)


def test_exact_nik_and_kpj_are_many_to_many_and_refuse_a_different_person() -> None:
    payroll, m = run(
        """
| idx | nik              | kpj         | name                  | birth      | expected     |
| 10  | 1871014501900001 |             | Hj. Siti Aminah, S.Pd | 1990-01-05 | 100 nik      |
| 11  | 1871014501900001 |             | SITI AMINAH           | 1990-01-05 | 100 nik      |
| 12  |                  | 12345678901 | Budi Santoso          | 1985-03-02 | 101 kpj      |
| 13  | 1871010203850002 |             | Joko Susilo           | 1970-01-01 | -            |
| 14  | 1871010304850002 |             | Rina Wati             |            | 103 nik      |
| 15  | 1871010404850002 |             | Sri Rahayu            | 1980-04-04 | 104 nik, 105 nik |
""",
        """
| idx | nik              | kpj         | name         | birth      |
| 100 | 1871014501900001 | 11111111111 | SITI AMINAH  | 1990-01-05 |
| 101 | 1871010203850003 | 12345678901 | BUDI SANTOSO | 1985-03-02 |
| 102 | 1871010203850002 | 22222222222 | RINA WATI    | 1988-08-08 |
| 103 | 1871010304850002 | 33333333333 | BUDI         | 1971-01-01 |
| 104 | 1871010404850002 | 44444444444 | SRI RAHAYU   | 1980-04-04 |
| 105 | 1871010404850002 | 55555555555 | SRI RAHAYU   | 1980-04-04 |
""",
    )
    assert outcome(m.pairs) == expected(payroll)
    # 13 shares a NIK with 102, but name and birth date both disagree: a conflict, not a pair.
    assert m.conflicts[["payroll_idx", "bpjs_idx", "kind"]].values.tolist() == [
        [13, 102, "same_nik_different_person"]
    ]
    flags = m.pairs.set_index("payroll_idx")
    # 14: unknown birth date, so a disagreeing name alone does not refuse the pair; it is flagged.
    assert flags.loc[14, "name_agrees"] is False or not flags.loc[14, "name_agrees"]
    assert pd.isna(flags.loc[14, "birth_date_agrees"])
    assert bool(flags.loc[10, "name_agrees"]) and bool(flags.loc[10, "nik_agrees"])
    assert pd.isna(flags.loc[12, "nik_agrees"])  # the payroll row has no NIK to compare
    assert (m.pairs["score"] == 1.0).all()


def test_excel_precision_needs_a_number_cell_and_agreement() -> None:
    payroll, m = run(
        """
| idx | nik              | num | name              | birth      | expected                |
| 20  | 1871014501900010 | y   | Drs. Ahmad Fauzi  | 1990-01-05 | 200 nik_excel_precision |
| 21  | 1871014601900020 | y   | Dewi Lestari      | 1990-01-06 | -                       |
| 22  | 1871014701900030 |     | Rudi Hartono      | 1990-01-07 | 202 nik_typo            |
""",
        """
| idx | nik              | name          | birth      |
| 200 | 1871014501900017 | AHMAD FAUZI   | 1990-01-05 |
| 201 | 1871014601900023 | DEWI LESTARI  | 1991-01-06 |
| 202 | 1871014701900034 | RUDI HARTONO  | 1990-01-07 |
""",
    )
    # 21: birth date disagrees, so the damaged NIK is not enough. 22: a text cell cannot lose a
    # digit to Excel, but one differing digit is a typo, found by the next tier.
    assert outcome(m.pairs) == expected(payroll)
    assert m.pairs.set_index("payroll_idx").loc[20, "nik_agrees"] == False  # noqa: E712


def test_nik_typo_substitution_and_adjacent_transposition_only() -> None:
    payroll, m = run(
        """
| idx | nik              | name           | birth      | expected            |
| 30  | 1871014501900001 | Yusuf Hidayat  | 1990-01-05 | 300 nik_typo        |
| 31  | 1871014601900002 | Eko Prasetyo   | 1990-01-06 | 301 nik_typo        |
| 32  | 1871014701900003 | Agus Salim     | 1990-01-07 | 302 name_birth_date |
| 33  | 1871014801900004 | Indah Permata  | 1990-01-08 | -                   |
""",
        """
| idx | nik              | name           | birth      |
| 300 | 1871014501980001 | JUSUF HIDAJAT  | 1990-01-05 |
| 301 | 1871014601900020 | EKO PRASETJO   | 1990-01-06 |
| 302 | 1871014701900300 | AGUS SALIM     | 1990-01-07 |
| 303 | 1871014801900005 | INDAH SARI     | 1990-01-08 |
""",
    )
    # 32/302 differ by a non-adjacent swap: not a typo, but name + birth date still pair them.
    # 33/303: one digit apart, but another name: not the same person.
    assert outcome(m.pairs) == expected(payroll)


def test_name_birth_date_for_missing_or_invalid_nik() -> None:
    payroll, m = run(
        """
| idx | nik             | name                      | birth      | expected            |
| 40  |                 | H. Moch. Djoko Santoso    | 1975-05-05 | 400 name_birth_date |
| 41  | 187101450190000 | Siti Nurhaliza binti Umar | 1980-02-02 | 401 name_birth_date |
| 42  |                 | Siti                      | 1982-03-03 | -                   |
| 43  |                 | Bambang                   | 1983-04-04 | -                   |
| 44  |                 | Agus Salim                |            | -                   |
""",
        """
| idx | nik              | name                | birth      |
| 400 | 1871014505750001 | MUHAMMAD JOKO SANTOSO | 1975-05-05 |
| 401 | 1871014202800002 | SITI NUR HALIZA     | 1980-02-02 |
| 402 | 1871014303820003 | SITI AMINAH         | 1982-03-03 |
| 403 | 1871010404830004 | BUDI                | 1983-04-04 |
| 404 | 1871010404830005 | AGUS SALIM          | 1983-04-05 |
""",
    )
    # 42: a single word that is only the first word of the other name is not enough on its own.
    # 44: no birth date, no block: never paired on the name alone.
    assert outcome(m.pairs) == expected(payroll)
    assert (m.pairs["score"] > 0.9).all() and (m.pairs["score"] <= 1.0).all()


def test_results_keep_index_labels_and_types() -> None:
    _, m = run(
        """
| idx | nik              | name  | birth      | expected |
| -7  | 1871014501900001 | Ani   | 1990-01-05 | -        |
""",
        """
| idx    | nik              | name | birth      |
| 999999 | 1871014501900001 | ANI  | 1990-01-05 |
""",
    )
    assert m.pairs[["payroll_idx", "bpjs_idx"]].values.tolist() == [[-7, 999999]]
    assert str(m.pairs["name_agrees"].dtype) == "boolean"
    assert m.methods().to_dict() == {
        "nik": 1,
        "kpj": 0,
        "nik_excel_precision": 0,
        "nik_typo": 0,
        "name_birth_date": 0,
    }


def test_empty_inputs() -> None:
    empty = side_frame("| idx | nik | name | birth |", "payroll")
    m = match_identities(empty, side_frame("| idx | nik | name | birth |", "bpjs"), CONFIG)
    assert m.pairs.empty and m.conflicts.empty
    assert list(m.pairs.columns)[:2] == ["payroll_idx", "bpjs_idx"]
