"""Many employers at once: each gets its own reports, ledger and policy, in one flow run."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


def test_one_employers_bad_period_or_broken_run_never_stops_the_others(
    tmp_path: Path,
    console: pytest.CaptureFixture[str],
    tiny_period: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import flows.nightly
    from flows.cli import main

    april = tiny_period(tmp_path / "inbox/pemprov", "2024-04")  # refused (a file it cannot read) ...
    (april / "payroll" / "dinas.xlsx").symlink_to(tmp_path / "gone.xlsx")
    tiny_period(tmp_path / "inbox/pemprov", "2024-05")  # ... while the next period still runs
    tiny_period(tmp_path / "inbox/metro", "2024-05")
    (tmp_path / "metro-out").write_text("a file where the output folder should be", encoding="utf-8")
    tiny_period(tmp_path / "inbox/pringsewu", "2024-05")
    tiny_period(tmp_path / "inbox/tanggamus", "2024-05")
    real_find_periods = flows.nightly.find_periods

    def broken_for_pringsewu(inbox: str) -> Any:
        if inbox.endswith("pringsewu"):
            raise RuntimeError("a bug only Pringsewu reaches")
        return real_find_periods(inbox)

    monkeypatch.setattr(flows.nightly, "find_periods", broken_for_pringsewu)
    tables = [
        ("Pemprov Lampung", "inbox/pemprov", "out/pemprov"),
        ("Kota Metro", "inbox/metro", "metro-out"),
        ("Kab. Pringsewu", "inbox/pringsewu", "out/pringsewu"),
        ("Kab. Tanggamus", "inbox/tanggamus", "out/tanggamus"),
    ]
    (tmp_path / "registry.toml").write_text(
        "".join(f'[[employer]]\nname = "{n}"\ninbox = "{i}"\nout = "{o}"\n\n' for n, i, o in tables),
        encoding="utf-8",
    )

    assert main(["employers", "--registry", str(tmp_path / "registry.toml")]) == 2  # refused wins

    printed = console.readouterr()
    assert (tmp_path / "out/pemprov/recon-2024-05.xlsx").is_file()
    assert (tmp_path / "out/tanggamus/recon-2024-05.xlsx").is_file()
    assert re.search(r"Pemprov Lampung\s+2024-04\s+refused", printed.out)
    assert re.search(r"Pemprov Lampung\s+2024-05\s+ran", printed.out)
    assert re.search(r"Kota Metro\s+\*\s+refused", printed.out)
    assert re.search(r"Kab\. Pringsewu\s+\*\s+failed", printed.out)
    assert re.search(r"Kab\. Tanggamus\s+2024-05\s+ran", printed.out)
    assert "metro-out/recon-ledger.sqlite: cannot open the run ledger" in printed.err  # the log says why
    assert "Traceback" not in printed.out + printed.err
