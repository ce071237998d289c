"""Many employers at once: each gets its own reports, ledger and policy, in one flow run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SAMPLE

pytestmark = pytest.mark.usefixtures("prefect_harness")


def test_two_employers_each_get_their_reports(tmp_path: Path) -> None:
    from flows.cli import main

    for name in ("pemprov", "kota_metro"):
        shutil.copytree(SAMPLE / "payroll", tmp_path / "inbox" / name / "2018-02" / "payroll")
        shutil.copytree(SAMPLE / "bpjs", tmp_path / "inbox" / name / "2018-02" / "bpjs")
    (tmp_path / "metro.toml").write_text(
        'employer = "Pemerintah Kota Metro"\nscheme = "BPU"\n'
        'programs = ["JKK", "JKM"]\ndeclared_income = 1500000\n',
        encoding="utf-8",
    )
    (tmp_path / "registry.toml").write_text(
        '[[employer]]\nname = "Pemprov Lampung"\ninbox = "inbox/pemprov"\nout = "out/pemprov"\n\n'
        '[[employer]]\nname = "Kota Metro"\ninbox = "inbox/kota_metro"\nout = "out/kota_metro"\n'
        'policy = "metro.toml"\n',
        encoding="utf-8",
    )
    assert main(["employers", "--registry", str(tmp_path / "registry.toml")]) == 0
    pemprov = (tmp_path / "out/pemprov/recon-2018-02-exceptions.csv").read_text(encoding="utf-8")
    metro = (tmp_path / "out/kota_metro/recon-2018-02-exceptions.csv").read_text(encoding="utf-8")
    assert (tmp_path / "out/kota_metro/recon-ledger.sqlite").is_file()
    # Metro declares Rp1,500,000: every Rp1,000,000 registration is now a wage mismatch.
    assert metro.count("WAGE_MISMATCH") > 1000 > pemprov.count("WAGE_MISMATCH")


def test_a_bad_registry_exits_2_before_anything_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from flows.cli import main

    (tmp_path / "registry.toml").write_text('[[employer]]\nname = "X"\ninbox = "nowhere"\nout = "o"\n')
    assert main(["employers", "--registry", str(tmp_path / "registry.toml")]) == 2
    assert "nowhere" in capsys.readouterr().err
