"""Bad files through the whole flow and CLI: every bad file listed, --allow-partial, wrong period,
unwritable --out, kill -9 mid-run and mid-write, and no personal data in logs or artifacts."""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli_runs import cli_args
from tests.cli_runs import run_cli as _run
from tests.conftest import REPO, SAMPLE
from tests.hostile import corpus as c

pytestmark = pytest.mark.usefixtures("prefect_harness")

_FINAL = re.compile(r"^recon-\d{4}-\d{2}(-v\d+)?(\.xlsx|-exceptions\.csv|-matches\.csv|-manifest\.json)$")


def _sample_copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(SAMPLE / "payroll", data / "payroll")
    shutil.copytree(SAMPLE / "bpjs", data / "bpjs")
    return data


def _finals(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if _FINAL.match(p.name)) if out.exists() else []


def _add_bad_files(data: Path) -> list[str]:
    (data / "payroll" / "dinas_html.xlsx").write_text("<html><body>Laporan</body></html>", encoding="utf-8")
    whole = c.xlsx(data / "payroll" / "x.xlsx", c.sheet_xml(c.good_rows()))
    (data / "payroll" / "dinas_putus.xlsx").write_bytes(whole.read_bytes()[:300])
    whole.unlink()
    return ["dinas_html.xlsx", "dinas_putus.xlsx"]


def test_every_bad_file_is_listed_and_nothing_is_written(tmp_path: Path, capsys) -> None:
    data = _sample_copy(tmp_path)
    bad = _add_bad_files(data)
    (data / "bpjs" / "kosong.xlsx").write_bytes(b"")
    out = tmp_path / "out"

    assert _run(data, out) == 2

    err = capsys.readouterr().err
    for name in [*bad, "kosong.xlsx"]:
        assert name in err
    assert "Traceback" not in err
    assert _finals(out) == []


def test_allow_partial_processes_the_rest_and_says_what_was_left_out(tmp_path: Path, capsys) -> None:
    data = _sample_copy(tmp_path)
    bad = _add_bad_files(data)
    out = tmp_path / "out"

    assert _run(data, out, "--allow-partial") == 0

    captured = capsys.readouterr()
    assert "PROSES SEBAGIAN" in captured.out and "PROSES SEBAGIAN" in captured.err
    assert "NOT_ON_PAYROLL" in captured.out
    manifest = json.loads((out / "recon-2018-02-manifest.json").read_text(encoding="utf-8"))
    excluded = manifest["excluded_inputs"]
    assert sorted(Path(e["path"]).name for e in excluded) == bad
    assert all(e["kind"] == "payroll" and "NOT_ON_PAYROLL" in e["consequence"] for e in excluded)
    assert manifest["partial_run"] is True
    assert all(Path(i["path"]).name not in bad for i in manifest["inputs"])


def test_allow_partial_still_refuses_when_a_whole_side_is_unusable(tmp_path: Path, capsys) -> None:
    data = _sample_copy(tmp_path)
    (data / "bpjs" / "rincian_iuran_201802.xlsx").write_bytes(b"<html></html>")
    out = tmp_path / "out"

    assert _run(data, out, "--allow-partial") == 2
    assert "rincian_iuran_201802.xlsx" in capsys.readouterr().err
    assert _finals(out) == []


def test_bpjs_file_for_another_month_is_refused_unless_accepted(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"

    assert _run(SAMPLE, out, period="2018-03") == 2
    err = capsys.readouterr().err
    assert "rincian_iuran_201802.xlsx" in err and "2018-02" in err and "--accept-period-mismatch" in err
    assert _finals(out) == []

    assert _run(SAMPLE, out, "--accept-period-mismatch", period="2018-03") == 0
    assert "SELISIH PERIODE DITERIMA" in capsys.readouterr().out
    manifest = json.loads((out / "recon-2018-03-manifest.json").read_text(encoding="utf-8"))
    assert manifest["period_mismatches"][0]["found"] == "2018-02"


def test_unwritable_out_is_a_clear_exit_2(tmp_path: Path) -> None:
    """Run as a user does, in its own process: its stderr is exactly what the user would see."""
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    done = subprocess.run(
        [sys.executable, "-m", "flows.cli", *cli_args(SAMPLE, blocker / "reports")],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
    )
    assert done.returncode == 2
    assert "--out" in done.stderr and "a_file" in done.stderr and "Traceback" not in done.stderr


_SLOW_WRITER = """
import sys, time
from pathlib import Path
import reconcile.report.outputs as outputs
from reconcile.config import ReconConfig
from reconcile.pipeline import prepare, reconcile
from reconcile.readers import discover_inputs, read_input
from reconcile.rules import Policy, RuleBook

sample, out = Path(sys.argv[1]), Path(sys.argv[2])
inputs = [prepare(read_input(p, d, k)) for k, sub in (("payroll", "payroll"), ("bpjs", "bpjs"))
          for p, d in discover_inputs([str(sample / sub)])]
result = reconcile(inputs, period="2018-02", policy=Policy.load(None), rules=RuleBook.load(),
                   config=ReconConfig.load(None), run_id="killed", lang="id")
real = outputs.write_matches_csv

def slow(frame, path):
    real(frame.head(10), path)
    print("WRITING", flush=True)
    time.sleep(60)

outputs.write_matches_csv = slow
outputs.write_outputs(result, out)
"""


def _kill_when(proc: subprocess.Popen, ready: callable, timeout: float = 120) -> None:  # type: ignore[valid-type]
    deadline = time.monotonic() + timeout
    while not ready():
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


def test_kill_9_during_report_writing_leaves_no_final_file_and_a_rerun_completes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-c", _SLOW_WRITER, str(SAMPLE), str(out)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.stdout is not None
    _kill_when(proc, lambda: proc.stdout.readline().startswith("WRITING"))

    assert _finals(out) == []
    assert any(p.name.endswith(".tmp") for p in out.iterdir())  # the half-written files stayed temporary

    assert _run(SAMPLE, out) == 0
    assert _finals(out) == [
        "recon-2018-02-exceptions.csv",
        "recon-2018-02-manifest.json",
        "recon-2018-02-matches.csv",
        "recon-2018-02.xlsx",
    ]


def test_kill_9_during_the_flow_leaves_no_final_file_and_a_rerun_completes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", *cli_args(SAMPLE, out)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**env, "PYTHONPATH": str(REPO)},
    )
    # kill once the run has started writing (a temp file appears), or after 8 s, whichever is first
    started = time.monotonic()
    _kill_when(
        proc,
        lambda: (
            time.monotonic() - started > 8
            or (out.exists() and any(p.name.endswith(".tmp") for p in out.iterdir()))
        ),
    )

    assert _finals(out) == []
    assert _run(SAMPLE, out) == 0
    assert "recon-2018-02.xlsx" in _finals(out)


def test_no_nik_name_or_wage_in_logs_or_artifacts(tmp_path: Path, caplog) -> None:
    from prefect.client.orchestration import get_client

    from reconcile.readers import read_input

    names = set()
    for path in sorted((SAMPLE / "payroll").iterdir())[:3]:
        frame = read_input(path, path.name, "payroll").frame
        names |= {n for n in frame["name"].dropna().astype(str) if len(n) >= 8}
    from prefect.logging.configuration import setup_logging

    setup_logging()  # Prefect configures its loggers (no propagation to root) on first use: do it now,
    caplog.set_level(logging.DEBUG)  # so the handler added below is not dropped by that configuration
    prefect_logger = logging.getLogger("prefect")
    prefect_logger.addHandler(caplog.handler)
    out = tmp_path / "out"
    try:
        assert _run(SAMPLE, out) == 0
    finally:
        prefect_logger.removeHandler(caplog.handler)

    with get_client(sync_client=True) as client:  # the raw endpoint: this client's filter models do not
        response = client._client.post(  # match the harness server's schema (422 on read_artifacts)
            "/artifacts/filter", json={"limit": 200, "offset": 0, "sort": "CREATED_DESC"}
        )
        arts = [json.dumps(a, default=str) for a in response.json()]
    logs = [r.getMessage() for r in caplog.records]
    assert logs and arts  # the run logged and made its summary artifact: the check below is not vacuous
    texts = logs + arts
    for text in texts:
        assert not re.search(r"(?<!\d)\d{16}(?!\d)", text), text[:200]
        assert not any(n in text for n in names), text[:200]
