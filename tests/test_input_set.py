"""decide_inputs: what the run says about the files it reads (here: a file with no worker row)."""

from __future__ import annotations

from pathlib import Path

from reconcile.errors import InputError
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


def _read(files: list[tuple[Path, str, str]]) -> list[object]:
    """What the flow's read task gives per file: the prepared file or the InputError."""
    out: list[object] = []
    for path, shown, kind in files:
        try:
            out.append(prepare(read_input(path, shown, kind, "2024-06")))  # type: ignore[arg-type]
        except InputError as e:
            out.append(e)
    return out


def _detail(path: Path) -> Path:
    header = [
        "NO",
        "NO PESERTA",
        "NO IDENTITAS",
        "NAMA TK",
        "STATUS",
        "IURAN JKK",
        "IURAN JKM",
        "TOTAL IURAN",
    ]
    rows = [
        [i, f"2430000000{i}", f"187101631289001{i}", f"PESERTA {i}", "AKTIF", 10000, 6800, 16800]
        for i in (1, 2)
    ]
    return write_xlsx(path, {"Rincian": {"rows": [["RINCIAN IURAN JUNI 2024"], [], header, *rows]}})


def _participants(path: Path) -> Path:
    header = ["NO", "KPJ", "NIK", "NAMA", "TGL KEPESERTAAN", "STATUS"]
    row = [1, "24300000009", "1871016312890019", "PESERTA 9", "01-02-2023", "AKTIF"]
    return write_xlsx(path, {"Peserta": {"rows": [["DAFTAR PESERTA JUNI 2024"], [], header, row]}})


def _payroll(path: Path, serial: int) -> Path:
    header = ["NO", "NAMA", "NIK", "JABATAN", "UPAH HARIAN", "HARI KERJA"]
    row = [1, f"PEKERJA {serial}", f"187101631289001{serial}", "Pramu Kantor", 75000, 21]
    return write_xlsx(path, {"Juni": {"rows": [*TITLE, header, row]}})


def test_sides_swapped_refuse_the_run_with_one_message_per_misplaced_file(tmp_path: Path) -> None:
    files = [
        (_detail(tmp_path / "rincian.xlsx"), "bpjs/rincian.xlsx", "payroll"),
        (_payroll(tmp_path / "setda.xlsx", 1), "pay/setda.xlsx", "bpjs"),
        (_payroll(tmp_path / "pupr.xlsx", 2), "pay/pupr.xlsx", "bpjs"),
    ]

    inputs = decide_inputs(
        files, _read(files), "2024-06", "en", allow_partial=True, accept_period_mismatch=False
    )

    assert not inputs.usable
    assert [r.split(":")[0] for r in inputs.refusals] == [
        "bpjs/rincian.xlsx [sheet Rincian]",
        "pay/setda.xlsx [sheet Juni]",
        "pay/pupr.xlsx [sheet Juni]",
    ]
    assert "looks like a BPJS list (columns STATUS; IURAN JKK; IURAN JKM; TOTAL IURAN" in inputs.refusals[0]
    assert "looks like a payroll (columns JABATAN; UPAH HARIAN; HARI KERJA" in inputs.refusals[1]


def test_allow_partial_leaves_a_misplaced_file_out_like_any_unusable_file(tmp_path: Path) -> None:
    files = [
        (_payroll(tmp_path / "setda.xlsx", 1), "pay/setda.xlsx", "payroll"),
        (_participants(tmp_path / "peserta.xlsx"), "pay/daftar_peserta.xlsx", "payroll"),
        (_detail(tmp_path / "rincian.xlsx"), "bpjs/rincian.xlsx", "bpjs"),
    ]

    inputs = decide_inputs(
        files, _read(files), "2024-06", "id", allow_partial=True, accept_period_mismatch=False
    )

    assert not inputs.refusals
    assert [p.path for p in inputs.usable] == ["pay/setda.xlsx", "bpjs/rincian.xlsx"]
    [excluded] = inputs.manifest["excluded_inputs"]
    assert excluded["path"] == "pay/daftar_peserta.xlsx" and "bukan daftar gaji" in excluded["reason"]
