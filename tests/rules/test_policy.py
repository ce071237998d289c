"""Policy: the default file, round-tripping, and every kind of bad policy file."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.errors import InputError
from reconcile.rules import Policy

GOOD_PU = """
scheme = "PU"
programs = ["JKK", "JKM", "JHT", "JP"]
jkk_risk_group = "II"
jkp = true
"""


def test_default_is_lampung_pthl() -> None:
    policy = Policy.load(None)
    assert policy.as_dict() == {
        "employer": "Pemerintah Provinsi Lampung",
        "workforce": "PTHL (Pegawai Tenaga Harian Lepas)",
        "scheme": "BPU",
        "programs": ["JKK", "JKM"],
        "declared_income": 1_000_000,
        "jkk_risk_group": "I",
        "jkp": False,
    }
    assert policy.source.endswith("lampung_pthl.toml")


def test_pu_file_and_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "pu.toml"
    path.write_text(GOOD_PU, encoding="utf-8")
    policy = Policy.load(path)
    assert (policy.scheme, policy.programs, policy.jkk_risk_group, policy.jkp) == (
        "PU",
        ("JKK", "JKM", "JHT", "JP"),
        "II",
        True,
    )
    assert policy.declared_income is None
    assert Policy.from_dict(policy.as_dict()) == policy


def test_declared_income_wage() -> None:
    policy = Policy.from_dict({"scheme": "BPU", "programs": ["JKK", "JKM"], "declared_income": "wage"})
    assert policy.declared_income == "wage"


BPU = 'scheme = "BPU"\nprograms = ["JKK", "JKM"]\n'

# (id, file text, text the message must contain)
BAD = [
    (
        "unknown-key",
        BPU + "declared_income = 1000000\nrisk_group = 'I'\n",
        "unknown policy key(s) risk_group",
    ),
    ("syntax", "scheme = BPU\n", "expected a UTF-8 TOML policy file"),
    ("no-scheme", 'programs = ["JKK"]\n', "'scheme': expected BPU or PU, found nothing (the key is missing)"),
    (
        "bad-scheme",
        'scheme = "informal"\nprograms = ["JKK"]\n',
        "'scheme': expected BPU or PU, found 'informal'",
    ),
    ("no-programs", 'scheme = "PU"\njkk_risk_group = "I"\n', "'programs': expected a non-empty list"),
    ("empty-programs", 'scheme = "PU"\nprograms = []\n', "'programs': expected a non-empty list"),
    ("programs-text", 'scheme = "PU"\nprograms = "JKK"\n', "found 'JKK'"),
    (
        "unknown-program",
        'scheme = "PU"\nprograms = ["JKK", "JKP"]\njkk_risk_group = "I"\n',
        "found ['JKK', 'JKP']",
    ),
    ("repeated-program", 'scheme = "PU"\nprograms = ["JKM", "JKM"]\n', "distinct"),
    (
        "bpu-with-jp",
        'scheme = "BPU"\nprograms = ["JKK", "JP"]\ndeclared_income = 1000000\n',
        "JKK, JKM for scheme BPU",
    ),
    ("bpu-no-income", BPU, "'declared_income': expected a positive whole number of Rupiah, or \"wage\""),
    ("bpu-income-text", BPU + 'declared_income = "1.000.000"\n', "found '1.000.000'"),
    ("bpu-income-zero", BPU + "declared_income = 0\n", "found 0"),
    ("bpu-income-fraction", BPU + "declared_income = 1000000.5\n", "found 1000000.5"),
    ("bpu-income-bool", BPU + "declared_income = true\n", "found True"),
    (
        "pu-jkk-no-group",
        'scheme = "PU"\nprograms = ["JKK"]\n',
        "'jkk_risk_group': expected one of I, II, III, IV, V",
    ),
    ("bad-group", BPU + 'declared_income = 1000000\njkk_risk_group = "1"\n', "found '1'"),
    (
        "jkp-text",
        BPU + 'declared_income = 1000000\njkp = "no"\n',
        "'jkp': expected true or false, found 'no'",
    ),
    ("employer-number", BPU + "declared_income = 1000000\nemployer = 18\n", "'employer': expected text"),
]


@pytest.mark.parametrize(("text", "message"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_policy_file(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "policy.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        Policy.load(path)
    assert caught.value.path == str(path)
    assert message in str(caught.value)
    assert str(caught.value).startswith(str(path))


def test_missing_policy_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="policy file not found"):
        Policy.load(tmp_path / "nope.toml")
