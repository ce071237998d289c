"""`--config`: every setting is range-checked, and an error names the file, the key, the range, the value."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.config import ReconConfig
from reconcile.errors import InputError


def _load(tmp_path: Path, text: str) -> ReconConfig:
    path = tmp_path / "recon.toml"
    path.write_text(text, encoding="utf-8")
    return ReconConfig.load(path)


def test_values_within_their_ranges_are_taken(tmp_path: Path) -> None:
    config = _load(tmp_path, "premium_tolerance_idr = 0\nname_agree_score = 85\nname_pair_score = 100\n")
    assert (config.premium_tolerance_idr, config.name_agree_score, config.name_pair_score) == (0, 85, 100)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("premium_tolerance_idr = -5", "premium_tolerance_idr: expected a number >= 0, found -5"),
        ("wage_tolerance_idr = -0.5", "wage_tolerance_idr: expected a number >= 0, found -0.5"),
        ("wage_tolerance_idr = inf", "wage_tolerance_idr: expected a number >= 0, found inf"),
        ("name_agree_score = 500", "name_agree_score: expected a number from 0 to 100, found 500"),
        ("name_pair_score = -1", "name_pair_score: expected a number from 0 to 100, found -1"),
        ("name_agree_score = nan", "name_agree_score: expected a number from 0 to 100, found nan"),
        ('premium_tolerance_idr = "satu"', "premium_tolerance_idr: expected a number >= 0, found 'satu'"),
        ("premium_tolerance_idr = true", "premium_tolerance_idr: expected a number >= 0, found True"),
    ],
)
def test_a_value_out_of_range_names_file_key_range_and_value(
    tmp_path: Path, line: str, expected: str
) -> None:
    with pytest.raises(InputError) as error:
        _load(tmp_path, line + "\n")
    assert str(error.value) == f"{tmp_path / 'recon.toml'}: {expected}"
    assert error.value.exit_code == 2


def test_the_pair_score_may_not_be_laxer_than_the_agree_score(tmp_path: Path) -> None:
    with pytest.raises(
        InputError, match=r"name_pair_score: expected a number >= name_agree_score \(95\), found 92"
    ):
        _load(tmp_path, "name_agree_score = 95\n")
