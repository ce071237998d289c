"""BPJS contribution detail ("rincian iuran") layouts: two-row IURAN header, several sheets."""

from __future__ import annotations

from tests.readers.builders import write_xlsx

BPJS_TITLE = [
    ["RINCIAN IURAN BPJS KETENAGAKERJAAN"],
    ["NPP : 12345678   PEMERINTAH PROVINSI LAMPUNG"],
    ["PERIODE : FEBRUARI 2018"],
]
BPJS_HEADER = [
    ["NO", "KPJ", "NIK", "NAMA TENAGA KERJA", "TGL LAHIR", "TMT Kepesertaan", "STATUS", "UPAH", "IURAN"],
    [None, None, None, None, None, None, None, None, "JKK", "JKM", "TOTAL"],
]
BPJS_ROWS = [
    [1, "18012345678", 1871011205850001, "BUDI SANTOSO", "12-May-85", "01-Jan-18", "AKTIF", 1000000]
    + [10000, 6800, 16800],
    [2, 18012345679, "1871015205870002", "SITI AMINAH", "12-May-87", "01-Jan-18", "NON AKTIF", 1000000]
    + [10000, 6800, 16800],
]


def bpjs_sheet() -> dict:
    merge = ["I4:K4"] + [f"{c}4:{c}5" for c in "ABCDEFGH"]
    total = ["JUMLAH", None, None, None, None, None, None, None, 20000, 13600, 33600]
    return {"rows": [*BPJS_TITLE, *BPJS_HEADER, *BPJS_ROWS, total], "merge": merge}


def test_two_row_iuran_header_maps_each_program(tmp_path, read):
    path = write_xlsx(tmp_path / "rincian.xlsx", {"Rincian": bpjs_sheet()})

    table = read(path, "bpjs")

    (sheet,) = table.sheets
    assert sheet.header_row == 4
    assert {f: sheet.columns[f] for f in ("jkk", "jkm", "total")} == {
        "jkk": "IURAN JKK",
        "jkm": "IURAN JKM",
        "total": "IURAN TOTAL",
    }
    assert table.frame["source_row"].tolist() == [6, 7]
    assert table.frame["jkk"].tolist() == [10000, 10000]
    assert table.frame["total"].tolist() == [16800, 16800]
    assert table.frame["join_date"].tolist() == ["01-Jan-18", "01-Jan-18"]
    assert table.frame["status"].tolist() == ["AKTIF", "NON AKTIF"]
    assert table.frame["reported_wage"].tolist() == [1000000, 1000000]
    assert int(table.frame["kpj"][1]) == 18012345679
    assert sheet.skipped_rows == 1


def test_only_sheets_with_a_header_are_read(tmp_path, read):
    notes = {"rows": [["Catatan"], ["File ini dikirim oleh kantor cabang"], [1, 2, 3]]}
    path = write_xlsx(tmp_path / "rincian.xlsx", {"Catatan": notes, "Rincian": bpjs_sheet()})

    table = read(path, "bpjs")

    assert [s.name for s in table.sheets] == ["Rincian"]
    assert set(table.frame["source_sheet"]) == {"Rincian"}
    assert table.rows_read == 2


def test_every_sheet_with_a_header_is_read_in_order(tmp_path, read):
    second = {"rows": [["NO", "NAMA", "KPJ"], [1, "DEWI", "18012345680"]]}
    path = write_xlsx(tmp_path / "rincian.xlsx", {"Jan": bpjs_sheet(), "Feb": second})

    frame = read(path, "bpjs").frame

    assert list(zip(frame["source_sheet"], frame["source_row"], strict=True)) == [
        ("Jan", 6),
        ("Jan", 7),
        ("Feb", 2),
    ]
    assert frame["nik"].tolist()[-1] is None  # the Feb sheet has no NIK column
