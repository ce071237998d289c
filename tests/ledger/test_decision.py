"""Whether a nightly period runs: digests of its inputs, rules and policy against its last success."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reconcile.ledger import (
    Ledger,
    RunDigests,
    decide,
    find_periods,
    incomplete_periods,
    inputs_digest,
    outcome_entries,
    period_entries,
    run_digests,
)
from reconcile.result import InputOutcome
from tests.ledger.frames import findings, record

SAME = RunDigests(inputs="i", rules="r", policy="p")


@pytest.mark.parametrize(
    ("last", "run", "reason"),
    [
        (None, True, "periode 2018-02 belum pernah berhasil dijalankan: dijalankan"),
        (SAME, False, "periode 2018-02 tidak berubah sejak run terakhir: dilewati"),
        (
            RunDigests("i2", "r", "p"),
            True,
            "periode 2018-02: berkas masukan berubah sejak run terakhir: dijalankan",
        ),
        (
            RunDigests("i", "r2", "p"),
            True,
            "periode 2018-02: tabel aturan berubah sejak run terakhir: dijalankan",
        ),
        (
            RunDigests("i", "r", "p2"),
            True,
            "periode 2018-02: kebijakan berubah sejak run terakhir: dijalankan",
        ),
    ],
)
def test_decide(last: RunDigests | None, run: bool, reason: str) -> None:
    decision = decide("2018-02", SAME, last)
    assert (decision.run, decision.reason) == (run, reason)


def test_only_a_successful_run_lets_a_period_be_skipped(tmp_path: Path) -> None:
    ledger = Ledger.open(None, tmp_path)
    record(ledger, "2018-02", findings(), status="failed", digests=SAME)
    record(ledger, "2018-02", findings(), status="refused", digests=SAME)
    assert decide("2018-02", SAME, ledger.last_success("2018-02")).run
    record(ledger, "2018-02", findings(), digests=SAME)
    assert not decide("2018-02", SAME, ledger.last_success("2018-02")).run
    assert ledger.last_success("2018-03") is None


def _inbox(root: Path) -> Path:
    for period in ("2018-01", "2018-02"):
        for folder, name in (
            ("payroll", "biro_umum.csv"),
            ("bpjs", "rincian.csv"),
            ("payroll", "sub/dinas.xlsx"),
        ):
            path = root / period / folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(f"{period} {name}".encode())
    (root / "2018-02" / "payroll" / "~$biro_umum.xlsx").write_bytes(b"office lock file")
    (root / "2018-02" / "payroll" / "notes.txt").write_bytes(b"not an input")
    (root / "2018-03" / "payroll").mkdir(parents=True)  # no bpjs/: not a period
    (root / "misc").mkdir()
    return root


def test_the_inbox_lists_complete_periods_oldest_first(tmp_path: Path) -> None:
    assert [p.period for p in find_periods(_inbox(tmp_path))] == ["2018-01", "2018-02"]


def test_a_month_folder_still_missing_a_side_is_listed_as_incomplete(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path)
    assert incomplete_periods(inbox) == [("2018-03", "payroll/")]  # payroll/ is there but empty
    (inbox / "2018-03" / "payroll" / "dinas.csv").write_bytes(b"payroll")
    (inbox / "2018-03" / "bpjs").mkdir()
    (inbox / "2018-03" / "bpjs" / "~$rincian.xlsx").write_bytes(b"office lock file")
    assert incomplete_periods(inbox) == [("2018-03", "bpjs/")]  # a lock file is no input yet
    assert [p.period for p in find_periods(inbox)] == ["2018-01", "2018-02"]


def test_the_inputs_digest_changes_with_content_not_with_other_files(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path)
    period = find_periods(inbox)[1]
    entries = period_entries(period)
    assert [rel for rel, _ in sorted(entries)] == [
        "bpjs/rincian.csv",
        "payroll/biro_umum.csv",
        "payroll/sub/dinas.xlsx",
    ]
    before = inputs_digest(entries)
    (inbox / "2018-02" / "payroll" / "readme.txt").write_text("ignored")
    assert inputs_digest(period_entries(period)) == before
    (inbox / "2018-02" / "bpjs" / "rincian.csv").write_bytes(b"corrected")
    assert inputs_digest(period_entries(period)) != before


def test_a_moved_file_changes_the_digest(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path)
    period = find_periods(inbox)[1]
    before = inputs_digest(period_entries(period))
    shutil.move(
        inbox / "2018-02" / "payroll" / "sub" / "dinas.xlsx", inbox / "2018-02" / "payroll" / "dinas.xlsx"
    )
    assert inputs_digest(period_entries(period)) != before


def test_a_finished_runs_inputs_give_the_inbox_digest(tmp_path: Path) -> None:
    """The period flow can record the same digest from its InputOutcomes as the inbox scan computes."""
    period = find_periods(_inbox(tmp_path))[1]
    entries = dict(period_entries(period))
    outcomes = [
        InputOutcome(f"{period.folder}/{rel}", rel.split("/")[0], sha, (), 0, 0, 0, 0, 0)
        for rel, sha in entries.items()
    ]
    roots = {"payroll": [period.payroll], "bpjs": [period.bpjs + "/"]}
    assert inputs_digest(outcome_entries(outcomes, roots)) == inputs_digest(entries.items())


def test_policy_and_config_bytes_are_part_of_the_digest(tmp_path: Path) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text('employer = "x"\n')
    default = run_digests([], "rules", None, None)
    given = run_digests([], "rules", str(policy), None)
    assert default.policy != given.policy
    config = tmp_path / "config.toml"
    config.write_text("premium_tolerance_idr = 5\n")
    assert run_digests([], "rules", str(policy), str(config)).policy != given.policy
    assert run_digests([], "rules", None, None) == default
