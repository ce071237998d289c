"""BPJS rows whose NIK BPJS masked in its own export ("1871**********31").

Such a row pairs as a row without a NIK (KPJ, then name + birth date); the digits still shown
corroborate or refute the pairing, and two rows of one registration are not a tie.
"""

from __future__ import annotations

from reconcile.config import ReconConfig
from reconcile.identity import match_identities
from tests.identity.tables import expected, outcome, side_frame

CONFIG = ReconConfig()


def test_visible_digits_corroborate_or_refute_the_pairing() -> None:
    payroll = side_frame(
        """
| idx | nik              | kpj         | name         | birth      | expected             |
| 10  | 1871014501900001 | 12345678901 | Siti Aminah  | 1990-01-05 | 100 kpj              |
| 11  | 1871010203850002 |             | Budi Santoso | 1985-03-02 | 101 name_birth_date  |
| 12  | 1871010304860003 |             | Rina Wati    | 1986-04-03 | 102 name_birth_date  |
""",
        "payroll",
    )
    bpjs = side_frame(
        """
| idx | nik_raw          | kpj         | name         | birth      |
| 100 | 1871**********01 | 12345678901 | SITI AMINAH  | 1990-01-05 |
| 101 | ************0002 | 22222222222 | BUDI SANTOSO | 1985-03-02 |
| 102 | 1871**********09 | 33333333333 | RINA WATI    | 1986-04-03 |
""",
        "bpjs",
    )
    m = match_identities(payroll, bpjs, CONFIG)
    assert outcome(m.pairs) == expected(payroll)
    agrees = m.pairs.set_index("payroll_idx")["nik_agrees"]
    assert agrees.tolist() == [True, True, False]  # 102 shows ...09, the payroll NIK ends in 03


def test_two_rows_of_one_registration_are_not_a_tie() -> None:
    # Without a NIK to join on, the payroll row reaches BPJS through name + birth date: two rows
    # carrying one KPJ (billed twice) are one registration, paired like an exact NIK would pair them.
    payroll = side_frame(
        """
| idx | nik              | name          | birth      | expected                                 |
| 10  | 1871014911760035 | Putri Pratama | 1976-11-09 | 100 name_birth_date, 101 name_birth_date |
| 11  | 1871010203850002 | Budi Santoso  | 1985-03-02 | -                                        |
""",
        "payroll",
    )
    bpjs = side_frame(
        """
| idx | nik_raw          | kpj         | name          | birth      |
| 100 | 1871**********35 | 24093463671 | PUTRI PRATAMA | 1976-11-09 |
| 101 | 1871**********35 | 24093463671 | PUTRI PRATAMA | 1976-11-09 |
| 102 | 1871**********02 | 11111111111 | BUDI SANTOSO  | 1985-03-02 |
| 103 | 1871**********02 | 22222222222 | BUDI SANTOSO  | 1985-03-02 |
""",
        "bpjs",
    )
    m = match_identities(payroll, bpjs, CONFIG)
    assert outcome(m.pairs) == expected(payroll)
    # Two KPJs are two registrations: which one is hers is not guessed.
    tied = m.conflicts[m.conflicts["kind"] == "ambiguous"]
    assert sorted(tied["bpjs_idx"]) == [102, 103]
    assert set(tied["payroll_idx"]) == {11}
