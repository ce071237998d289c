"""NIKs masked by their source ("1871**********31"): withheld, not invalid; what they still show."""

from __future__ import annotations

import pandas as pd
import pytest

from reconcile.values.nik import masked_nik_pattern, parse_nik, visible_digits_agree


@pytest.mark.parametrize(
    ("cell", "pattern"),
    [
        ("1871**********31", "1871??????????31"),
        ("187101********01", "187101????????01"),
        ("************0126", "????????????0126"),
        ("1871XXXXXXXXXX31", "1871??????????31"),
        ("1871 •••• •••• ••31", "1871??????????31"),
        ("1871XXXX31", "1871??????????31"),  # a short run stands for every hidden digit
        ("XXXX", "????????????????"),
    ],
)
def test_masked_cells_give_the_digits_they_still_show(cell: str, pattern: str) -> None:
    assert masked_nik_pattern(cell) == pattern


@pytest.mark.parametrize(
    "cell", ["1871010101850001", "18710A0101850001", "1871**31**", "n/a", "", None, 1871]
)
def test_other_cells_are_no_masked_nik(cell: object) -> None:
    assert masked_nik_pattern(cell) is None


def test_a_masked_cell_is_read_as_withheld_not_as_letters() -> None:
    read = parse_nik(pd.Series(["1871**********31", "18710A0101850001", "1871010101850001"], dtype=object))
    assert read["nik"].isna().tolist() == [True, True, False]
    assert read["nik_problem"].tolist()[:2] == ["masked", "not_digits"]
    assert read["nik_raw"].iloc[0] == "1871**********31"


def test_visible_digits_must_sit_at_the_same_places() -> None:
    assert visible_digits_agree("1871010101850031", "1871??????????31")
    assert not visible_digits_agree("1871010101850032", "1871??????????31")
    assert not visible_digits_agree("1971010101850031", "1871??????????31")
