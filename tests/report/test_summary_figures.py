"""The summary's key figures: bills for other months (arrears, paid in advance) are a line of their
own, labelled in both languages, so billed − due still adds up on the page."""

from __future__ import annotations

import pytest

from reconcile.report.labels import load_labels
from reconcile.report.summary_figures import key_figures
from tests.builders import BUDI, SITI, THREE_ON_PAYROLL, run, table

BPJS = f"""
kpj         | nik    | name         | birth_date | join_date  | status | period     | total
18000000001 | {SITI} | SITI AMINAH  | 15-May-85  | 01-01-2024 | AKTIF  | 05-2024    | 16800
18000000002 | {BUDI} | BUDI SANTOSO | 03-Aug-90  | 10-04-2024 | AKTIF  | APRIL 2024 | 16800
18000000002 | {BUDI} | BUDI SANTOSO | 03-Aug-90  | 10-04-2024 | AKTIF  | 05-2024    | 16800
"""


@pytest.mark.parametrize("lang", ["id", "en"])
def test_bills_for_other_months_are_their_own_key_figure(lang: str) -> None:
    result = run([table("payroll", THREE_ON_PAYROLL)], [table("bpjs", BPJS)], period="2024-05")
    figures = {f.key: f.value for f in key_figures(result.summary)}
    assert figures["fig.arrears_other_months"] == 16800
    assert figures["fig.overpayment_month"] == 0 and figures["fig.overpayment_year"] == 0
    assert (
        figures["fig.billed_minus_due"] == figures["fig.arrears_other_months"] - figures["fig.under_billed"]
    )
    L = load_labels(lang)  # type: ignore[arg-type]
    for key in ("fig.arrears_other_months", "fig.arrears_other_months.note", "fig.arrears_other_months.how"):
        assert L(key) and L(key) != key
