"""The report's notices for sheets not read: file, sheets, the month each names, in the report language."""

from __future__ import annotations

from types import SimpleNamespace

from reconcile.readers.sheet_notices import sheet_notices


def test_one_notice_per_file_and_reason_naming_sheets_and_months() -> None:
    item = SimpleNamespace(
        path="pay/disdik_2024.xlsx",
        sheets=({"sheet": "MEI"},),
        sheets_not_read=(
            {"sheet": "MARET", "reason": "other_month", "periods": ["2024-03"]},
            {"sheet": "APRIL", "reason": "other_month", "periods": ["2024-04"]},
            {"sheet": "Lama", "reason": "hidden", "periods": []},
        ),
    )

    other, hidden = sheet_notices([item, SimpleNamespace(path="b.csv", sheets=())], "2024-05", "en")

    assert other == (
        "pay/disdik_2024.xlsx: sheet(s) 'MARET' (2024-03), 'APRIL' (2024-04) not read: they name another "
        "month than 2024-05; sheet(s) read: 'MEI'. Their rows are not part of this period's input."
    )
    assert hidden.startswith("pay/disdik_2024.xlsx: hidden sheet(s) 'Lama' not read.")
    (indonesian, _) = sheet_notices([item], "2024-05")
    assert "tidak dibaca" in indonesian
