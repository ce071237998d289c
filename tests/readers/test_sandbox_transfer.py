"""The sandbox moves grids column-wise (cell_codec): the parent must get exactly what calamine gives."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
import python_calamine as pc
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.readers.cell_codec import decode_column, encode_column
from reconcile.readers.error_cells import _may_hold_marks
from reconcile.readers.grid import Grid
from reconcile.readers.workbook import read_workbook

CELLS = st.one_of(
    st.sampled_from(["", " ", "NIK", "1871011205850001"]),
    st.text(max_size=8),
    st.floats(allow_nan=False),
    st.integers(-(2**70), 2**70),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.timedeltas(),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(CELLS, max_size=40), st.booleans())
def test_every_cell_type_calamine_gives_comes_back_identical(cells, as_tuple) -> None:
    column = tuple(cells) if as_tuple else list(cells)

    back = decode_column(encode_column(column))

    assert list(back) == cells
    assert [type(v) for v in back] == [type(v) for v in cells]


def test_a_block_of_dates_and_a_block_of_empty_cells_are_sent_compactly() -> None:
    dates = [dt.date(2018, 2, d) for d in range(1, 29)]
    empty = [""] * 300

    assert encode_column(dates)[1][0][1] is None  # no row list: every cell is a date
    assert encode_column(empty) == (300, [])
    assert decode_column(encode_column(dates)) == dates
    assert decode_column(encode_column(empty)) == empty


def test_a_cell_type_we_do_not_know_is_our_bug() -> None:
    with pytest.raises(TypeError):
        encode_column([dt.date(2018, 2, 1), object()])


def _book(path: Path, rows: int, start: str = "C5", far_cell: str | None = None) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    col0 = openpyxl.utils.column_index_from_string(start[0])
    row0 = int(start[1:])
    values = [
        lambda i: i + 1,
        lambda i: f"ORANG {i}",
        lambda i: dt.date(1980, 1, 1) + dt.timedelta(days=i),
        lambda i: dt.datetime(2018, 2, 1, 8, 30) + dt.timedelta(minutes=i),
        lambda i: dt.time(7, i % 60),
        lambda i: " " if i % 7 == 0 else 1500000.5,
        lambda i: i % 2 == 0,
    ]
    for i in range(rows):
        for c, value in enumerate(values):
            ws.cell(row=row0 + i, column=col0 + c, value=value(i))
    ws.merge_cells(start_row=row0, start_column=col0, end_row=row0 + 2, end_column=col0)
    if far_cell:
        ws[far_cell] = "x"
    book.save(path)
    return path


def _calamine_grid(path: Path) -> list[list[object]]:
    sheet = pc.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    return sheet.to_python(skip_empty_area=False)


@pytest.mark.parametrize(
    ("rows", "start", "far_cell"),
    [(5, "A1", None), (3_000, "C5", None), (600, "B2", "ZZ3")],
    ids=["small", "many-blocks-with-empty-area", "very-wide"],
)
def test_grid_is_calamines_to_python_cell_for_cell(tmp_path: Path, rows, start, far_cell) -> None:
    path = _book(tmp_path / "types.xlsx", rows, start, far_cell)
    expected = _calamine_grid(path)

    (grid,) = read_workbook(path, "in/types.xlsx")

    assert grid.height == len(expected)
    assert len(grid.columns) == len(expected[0])
    for i in [0, 1, *range(len(expected) - 3, len(expected))]:
        assert grid.row(i) == expected[i]
    got = [[type(v) for v in column] for column in grid.columns]
    assert got == [[type(row[c]) for row in expected] for c in range(len(expected[0]))]
    assert [list(column) for column in grid.columns] == [list(c) for c in zip(*expected, strict=True)]
    assert grid.merges == [(int(start[1:]) - 1, ord(start[0]) - 65, int(start[1:]) + 1, ord(start[0]) - 65)]


def test_csv_rows_of_any_length_become_columns_padded_with_none() -> None:
    grid = Grid.from_rows("", [["a", "b"], ["c"], [], ["d", "e", "f"]])

    assert grid.height == 4
    assert grid.columns == [["a", "c", None, "d"], ["b", None, None, "e"], [None, None, None, "f"]]
    assert grid.head(2) == [["a", "b", None], ["c", None, None]]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([b"<", b"f", b":", b'"', b"e", b't="e"', b"<c>", b"x", b"ff"]), max_size=30))
def test_the_error_cell_prefilter_is_the_three_substring_searches(parts) -> None:
    chunk = b"".join(parts)

    assert _may_hold_marks(chunk) == (b't="e"' in chunk or b"<f" in chunk or b":f" in chunk)


def test_the_prefilter_is_exact_when_f_is_everywhere() -> None:
    assert not _may_hold_marks(b"<t>f</t>" * 5_000)
    assert _may_hold_marks(b"<t>f</t>" * 5_000 + b"<f>SUM(A1:A2)</f>")
