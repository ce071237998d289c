"""End to end through the Prefect flow: the bundled sample and an unseen-style dataset, scored
against the generators' truth files, plus the CLI's contract (outputs, exit codes)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import REPO, SAMPLE
from tests.scoring import finding_keys, report, score, truth_keys

pytestmark = pytest.mark.usefixtures("prefect_harness")


def _run(data: Path, out: Path, period: str = "2018-02", *extra: str) -> int:
    from flows.cli import main

    return main(
        [
            "run",
            "--period",
            period,
            "--payroll",
            str(data / "payroll"),
            "--participants",
            str(data / "bpjs"),
            "--out",
            str(out),
            *extra,
        ]
    )


def _assert_scores(data: Path, out: Path, period: str = "2018-02") -> None:
    exceptions = pd.read_csv(out / f"recon-{period}-exceptions.csv", dtype=str, keep_default_na=False)
    truth = pd.read_csv(data / "truth.csv", dtype=str, keep_default_na=False)
    scores = score(finding_keys(exceptions, data), truth_keys(truth))
    text = report(scores)
    tp = sum(s.tp for s in scores.values())
    fp = sum(s.fp for s in scores.values())
    fn = sum(s.fn for s in scores.values())
    micro_f1 = 2 * tp / (2 * tp + fp + fn)
    for cat, s in scores.items():
        assert s.recall >= 0.95, f"{cat} recall\n{text}"
        assert s.precision >= 0.95, f"{cat} precision\n{text}"
    assert micro_f1 >= 0.98, f"micro-F1 {micro_f1:.3f}\n{text}"


def test_bundled_sample_end_to_end(tmp_path: Path) -> None:
    assert _run(SAMPLE, tmp_path) == 0
    for name in (
        "recon-2018-02.xlsx",
        "recon-2018-02-exceptions.csv",
        "recon-2018-02-matches.csv",
        "recon-2018-02-manifest.json",
    ):
        assert (tmp_path / name).is_file(), name
    manifest = json.loads((tmp_path / "recon-2018-02-manifest.json").read_text(encoding="utf-8"))
    assert manifest["balance"]["ok"] is True
    for item in manifest["inputs"]:
        outcome = item["rows"]
        assert item["rows_read"] == sum(
            outcome[k] for k in ("paired", "findings_only", "rejected", "no_action")
        )
    _assert_scores(SAMPLE, tmp_path)


def test_unseen_style_dataset(tmp_path: Path) -> None:
    """Files 'written by another office': other aliases, layouts, CSV; a seed the sample never used."""
    data = tmp_path / "alt"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sample_data.generate",
            "--out",
            str(data),
            "--period",
            "2019-07",
            "--workers",
            "1200",
            "--seed",
            "20190701",
            "--style",
            "alt",
            "--csv-share",
            "0.3",
        ],
        check=True,
        cwd=REPO,
    )
    out = tmp_path / "out"
    assert _run(data, out, "2019-07") == 0
    _assert_scores(data, out, "2019-07")


def test_rerun_writes_a_new_version_and_keeps_the_first(tmp_path: Path) -> None:
    assert _run(SAMPLE, tmp_path) == 0
    first = (tmp_path / "recon-2018-02.xlsx").read_bytes()
    assert _run(SAMPLE, tmp_path) == 0
    assert (tmp_path / "recon-2018-02.xlsx").read_bytes() == first
    assert (tmp_path / "recon-2018-02-v2.xlsx").is_file()


@pytest.mark.parametrize(
    ("args", "expected_text"),
    [
        (["--period", "2018-13"], "YYYY-MM"),
        (["--payroll", "does/not/exist.xlsx"], "not found"),
    ],
)
def test_bad_arguments_exit_2_with_a_message(
    tmp_path: Path, capsys, args: list[str], expected_text: str
) -> None:
    from flows.cli import main

    base = {
        "--period": "2018-02",
        "--payroll": str(SAMPLE / "payroll"),
        "--participants": str(SAMPLE / "bpjs"),
    }
    base.update(dict(zip(args[::2], args[1::2], strict=True)))
    argv = ["run", "--out", str(tmp_path / "out")] + [x for kv in base.items() for x in kv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert expected_text in err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_unreadable_workbook_exits_2_and_writes_nothing(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "payroll"
    bad.mkdir()
    (bad / "dinas_rusak.xlsx").write_text("<html>not a workbook</html>", encoding="utf-8")
    out = tmp_path / "out"
    from flows.cli import main

    code = main(
        [
            "run",
            "--period",
            "2018-02",
            "--payroll",
            str(bad),
            "--participants",
            str(SAMPLE / "bpjs"),
            "--out",
            str(out),
        ]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert "dinas_rusak.xlsx" in err
    assert "Traceback" not in err
    assert not out.exists() or not any(out.iterdir())
