"""decide_inputs: what the run says about the files it reads (here: a file with no worker row)."""

from __future__ import annotations

from pathlib import Path

from reconcile.input_set import decide_inputs
from reconcile.pipeline import prepare
from reconcile.readers import read_input
from tests.readers.builders import write_xlsx

HEADER = ["NO", "NAMA", "NIK", "TGL LAHIR", "UPAH"]
TITLE = [["DAFTAR UPAH PTHL"], ["OPD: BADAN KESBANGPOL"], ["BULAN JUNI 2024"], []]


def test_a_unit_file_with_a_header_and_only_a_total_row_is_said_on_console_report_and_manifest(
    tmp_path: Path,
) -> None:
    empty = write_xlsx(
        tmp_path / "kesbangpol.xlsx", {"Juni": {"rows": [*TITLE, HEADER, ["", "JUMLAH", "", "", 0]]}}
    )
    one = write_xlsx(
        tmp_path / "inspektorat.xlsx",
        {"Juni": {"rows": [*TITLE, HEADER, [1, "GITA", "1871016312890010", "23-12-1989", 1_750_000]]}},
    )
    bpjs = write_xlsx(
        tmp_path / "iuran.xlsx",
        {
            "Iuran": {
                "rows": [
                    ["NO", "KPJ", "NIK", "NAMA", "TOTAL IURAN"],
                    [1, "24300000001", "1871016312890010", "GITA", 16800],
                ]
            }
        },
    )
    files = [
        (empty, "pay/kesbangpol.xlsx", "payroll"),
        (one, "pay/inspektorat.xlsx", "payroll"),
        (bpjs, "bpjs/iuran.xlsx", "bpjs"),
    ]
    read = [prepare(read_input(path, shown, kind, "2024-06")) for path, shown, kind in files]  # type: ignore[arg-type]

    inputs = decide_inputs(files, read, "2024-06", "id", allow_partial=False, accept_period_mismatch=False)

    expected = (
        "pay/kesbangpol.xlsx: tidak ada baris pekerja di bawah baris judul (sheet 'Juni' baris 5): "
        "berkas ini berisi daftar kosong. Periksa apakah berkas yang dikirim sudah benar."
    )
    assert not inputs.refusals and len(inputs.usable) == 3
    assert inputs.notices == (expected,) and inputs.report_notices == (expected,)
