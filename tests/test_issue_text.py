"""With --lang en, every row issue the product writes reads in English."""

from __future__ import annotations

import re

from reconcile.pipeline import prepare
from tests.builders import nik, run, table

INDONESIAN = re.compile(
    r"\b(tidak|diharapkan|ditemukan|kosong|terbaca|berisi|bukan|dalam|harus|dihitung)\b", re.I
)

GOOD = nik(15, 5, 85, female=True, serial=1)

# One row per kind of problem a reader or schema can report.
PAYROLL = f"""
nik                 | kpj         | name        | birth_date | monthly_wage   | daily_wage | days_worked
{GOOD}              | 12345       | Siti Aminah | 01-01-1990 | -5000          |            |
1,87101E+15         |             | Budi        | 03-08-1990 | lihat lampiran |            |
18710A5505850001    |             | Ani         | 31-02-1985 |                |            |
1871015505850001.5  |             | Joko        | 12-05-1985 |                | 80000      |
9971010101900001    |             | Wayan       | 01-01-1990 |                | 80000      | dua puluh
1871019901900001    |             | Dewi        | 01-01-1990 | 2000000        |            |
                    |             | Tanpa Data  |            | 2000000        |            |
"""
BPJS = f"""
kpj         | nik    | name        | birth_date | join_date | status | total
18000000001 | {GOOD} | SITI AMINAH | 15-05-1985 | kemarin   | ??     | -1
"""


def test_every_row_issue_is_translated_for_an_english_report() -> None:
    payroll, bpjs = table("payroll", PAYROLL), table("bpjs", BPJS)
    indonesian = (
        prepare(payroll).prepared.issues["message"].tolist()
        + prepare(bpjs).prepared.issues["message"].tolist()
    )
    assert len(indonesian) >= 12 and any(INDONESIAN.search(m) for m in indonesian)

    result = run([payroll], [bpjs], lang="en")
    texts = result.warnings["message"].tolist()
    texts += result.findings.loc[result.findings["category"] == "INVALID_ROW", "detail"].tolist()
    leftovers = [t for t in texts if INDONESIAN.search(t)]
    assert not leftovers, leftovers
