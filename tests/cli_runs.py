"""Run `recon run` in-process on a data folder holding payroll/ and bpjs/ (needs the Prefect harness)."""

from __future__ import annotations

from pathlib import Path


def run_cli(data: Path, out: Path, *extra: str, period: str = "2018-02") -> int:
    """Exit code of `recon run --period P --payroll DATA/payroll --participants DATA/bpjs --out OUT`."""
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
