"""What an official reads on the summary sheet, from results the real pipeline computed: the sheets of
each input, the policy in the report's language, billed − due line by line, signed differences apart,
and warning levels in the report's language."""

from __future__ import annotations

import dataclasses

import openpyxl
import pytest

from reconcile.pipeline import prepare
from reconcile.report.labels import load_labels
from reconcile.report.sheet_summary import employer_text, sheets_text
from reconcile.report.summary_policy import policy_lines
from reconcile.rules import Policy
from reconcile.summary import OVERPAYMENT_LINES
from tests.builders import ANI, BUDI, DEWI, SITI, THREE_ON_PAYROLL, run, table

PAYROLL = THREE_ON_PAYROLL
# Ani is paid but NON AKTIF and still billed; Dewi is on no payroll; Siti declared 1,300,000 and
# Budi 500,000 where the policy declares 1,000,000 (wage differences in both directions).
BPJS = f"""
kpj         | nik    | name         | birth_date | status    | reported_wage | total
18000000001 | {SITI} | SITI AMINAH  | 15-May-85  | AKTIF     | 1300000       | 16800
18000000002 | {BUDI} | BUDI SANTOSO | 03-Aug-90  | AKTIF     | 500000        | 16800
18000000003 | {ANI}  | ANI LESTARI  | 21-Jan-79  | NON AKTIF | 1000000       | 16800
18000000004 | {DEWI} | DEWI SARTIKA | 09-Sep-91  | AKTIF     | 1000000       | 16800
"""


def _result():
    return run(
        [table("payroll", PAYROLL, file="gaji/disdik.xlsx", sheet="Mei 2024")],
        [table("bpjs", BPJS, file="bpjs/susulan.csv", sheet="")],  # a CSV has no sheet name
    )


def _summary(path) -> dict[str, list[object]]:
    """Rows of the summary sheet by the text in column A."""
    ws = openpyxl.load_workbook(path).worksheets[0]
    return {str(r[0].value): [c.value for c in r] for r in ws.iter_rows() if r[0].value is not None}


def test_input_table_names_the_sheets_the_pipeline_read(write) -> None:
    rows = _summary(write(_result()).xlsx)
    assert rows["gaji/disdik.xlsx"][2] == "Mei 2024 (3)"
    assert rows["bpjs/susulan.csv"][2] == "CSV (4)"


def test_every_sheet_of_a_file_is_named_with_its_rows() -> None:
    one = table("payroll", PAYROLL, sheet="Juni")
    two = dataclasses.replace(one, sheets=(one.sheets[0], dataclasses.replace(one.sheets[0], name="Juli")))
    item = run([two], [table("bpjs", BPJS)]).inputs[0]
    assert item.sheets == prepare(two).sheets
    assert sheets_text(item, load_labels("id")) == "Juni (3), Juli (3)"


@pytest.mark.parametrize(
    ("lang", "scheme", "income", "programs"),
    [
        ("id", "BPU (Bukan Penerima Upah)", "Penghasilan yang dilaporkan (Rp)", "Program"),
        ("en", "BPU (informal workers: Bukan Penerima Upah)", "Declared income (Rp)", "Programs"),
    ],
)
def test_policy_is_labelled_lines_in_the_report_language(write, lang, scheme, income, programs) -> None:
    ws = openpyxl.load_workbook(write(_result(), lang=lang).xlsx).worksheets[0]
    rows = {str(r[0].value): r for r in ws.iter_rows() if r[0].value is not None}
    assert rows[income][1].value == 1_000_000 and rows[income][1].number_format == "#,##0"
    assert any(r[1].value == scheme for r in rows.values())
    assert rows[programs][1].value.startswith("JKK (")
    texts = " ".join(str(c.value) for r in ws.iter_rows() for c in r if c.value is not None)
    assert "scheme:" not in texts and "declared_income" not in texts and "jkp" not in texts
    # BPU pays on a declared income: the PU-only risk group and JKP would only mislead.
    assert not any("JKK" in k and ("risiko" in k or "risk" in k) for k in rows)


def test_wage_earner_policy_shows_risk_group_and_jkp_not_declared_income() -> None:
    pu = Policy.from_dict(
        {"scheme": "PU", "programs": ["JKK", "JKM", "JHT", "JP"], "jkk_risk_group": "I", "jkp": False}
    )
    lines = {line.label: line.value for line in policy_lines(pu.as_dict(), load_labels("id"))}
    assert lines["Skema"] == "PU (Penerima Upah)"
    assert lines["Kelompok risiko JKK"] == "I (sangat rendah)"
    assert lines["Peserta JKP (Jaminan Kehilangan Pekerjaan)"] == "Tidak"
    assert "Penghasilan yang dilaporkan (Rp)" not in lines


def test_billed_minus_due_is_explained_line_by_line(write) -> None:
    result = _result()
    rows = _summary(write(result).xlsx)
    L = load_labels("id")

    def value(key: str) -> int:
        return rows[L(key)][1] if L(key) in rows else 0

    parts = [value(f"fig.over.{k}") for k in OVERPAYMENT_LINES]
    assert value("fig.overpayment_month") == sum(parts)
    assert value("fig.over.inactive") == 16800  # Ani: billed for an inactive membership
    assert value("fig.billed_minus_due") == (
        value("fig.overpayment_month") - value("fig.under_billed") + value("fig.remainder")
    )
    assert value("fig.billed_minus_due") == 33600 and L("fig.remainder") not in rows


def test_wage_differences_are_shown_per_direction_not_netted(write) -> None:
    rows = _summary(write(_result()).xlsx)
    # 300,000 + 500,000, not −200,000; a text marked "upah": wages are not money, nobody adds them to it
    assert rows["Selisih Upah"][1:3] == [2, "upah 800.000"]
    assert isinstance(rows["Selisih Iuran"][2], int)  # premium differences stay Rupiah numbers
    (note,) = [k for k in rows if k.startswith("Selisih Upah:")]
    assert "lebih rendah dari seharusnya, selisih Rp500.000 pada 1 baris" in note
    assert "lebih tinggi dari seharusnya, selisih Rp300.000 pada 1 baris" in note
    assert "bukan uang iuran" in note


def test_wage_differences_are_marked_as_wages_in_english(write) -> None:
    rows = _summary(write(_result(), lang="en").xlsx)
    assert rows["Wage Mismatch"][1:3] == [2, "wages 800,000"]


@pytest.mark.parametrize(
    ("lang", "sheet", "level"), [("id", "Peringatan", "peringatan"), ("en", "Warnings", "warning")]
)
def test_warning_level_is_in_the_report_language(write, lang, sheet, level) -> None:
    ws = openpyxl.load_workbook(write(lang=lang).xlsx)[sheet]
    header = [c.value for c in ws[1]]
    column = header.index(load_labels(lang)("col.severity"))
    assert {r[column] for r in ws.iter_rows(min_row=2, values_only=True)} == {level}


def test_employer_line_leaves_out_what_the_bpjs_titles_do_not_state() -> None:
    L = load_labels("id")
    assert employer_text({"npp": "18099999"}, L) == "NPP 18099999"  # not "NPP 18099999 · -"
    assert (
        employer_text({"npp": "18012345", "name": "PEMPROV LAMPUNG"}, L) == "NPP 18012345 · PEMPROV LAMPUNG"
    )
    assert employer_text({}, L) == "-"


def test_a_participant_list_shows_billing_missing_not_zero_and_a_negative_difference(write) -> None:
    participants = f"""
kpj         | nik    | name         | birth_date | status
18000000001 | {SITI} | SITI AMINAH  | 15-May-85  | AKTIF
18000000002 | {BUDI} | BUDI SANTOSO | 03-Aug-90  | AKTIF
"""
    result = run([table("payroll", PAYROLL)], [table("bpjs", participants)])
    rows = _summary(write(result).xlsx)
    L = load_labels("id")
    assert rows[L("fig.billed")][1] == "tagihan tidak ada di input BPJS (daftar peserta tanpa kolom iuran)"
    assert rows[L("fig.due")][1] == result.summary.due_idr > 0
    for key in ("fig.billed_minus_due", "fig.overpayment_month", "fig.remainder", "fig.under_billed"):
        assert L(key) not in rows
