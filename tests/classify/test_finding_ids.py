"""finding_id is stable month to month, also for a row that names no NIK, KPJ or birth date."""

from __future__ import annotations

from tests.builders import SITI, run, table

PAYROLL = f"""
nik    | name          | birth_date | monthly_wage
{SITI} | Siti Aminah   | 15-05-1985 | 2.000.000
       | Irfan Santoso |            | 1.900.000
       |               |            | 1.800.000
"""
BPJS = f"""
kpj         | nik    | name        | birth_date | status | total
18012345671 | {SITI} | SITI AMINAH | 15-May-85  | AKTIF  | 16800
"""


def _ids(month: str, row_shift: int = 0) -> dict[str, str]:
    """finding_id per name of the rejected payroll rows, the inputs in a folder named for `month`."""
    payroll = table("payroll", PAYROLL, file=f"inbox/{month}/payroll/dinas.xlsx")
    result = run([payroll], [table("bpjs", BPJS, file=f"inbox/{month}/bpjs/rincian.xlsx")], period=month)
    invalid = result.findings[result.findings["category"] == "INVALID_ROW"]
    return dict(zip(invalid["name"].fillna("(no name)"), invalid["finding_id"], strict=True))


def test_a_name_only_row_keeps_its_finding_id_from_one_month_folder_to_the_next() -> None:
    march, april = _ids("2024-03"), _ids("2024-04")
    assert set(march) == {"Irfan Santoso", "(no name)"}
    assert march["Irfan Santoso"] == april["Irfan Santoso"]
    assert march["(no name)"] == april["(no name)"]  # no name: file name, sheet and row, not the path
