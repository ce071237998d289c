"""Run `recon run` on a data folder holding payroll/ and bpjs/: in-process (needs the Prefect
harness) or as the argument list for a real subprocess."""

from __future__ import annotations

from pathlib import Path


def cli_args(data: Path, out: Path, *extra: str, period: str = "2018-02") -> list[str]:
    """`run --period P --payroll DATA/payroll --participants DATA/bpjs --out OUT` plus `extra`."""
    return [
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


def run_cli(data: Path, out: Path, *extra: str, period: str = "2018-02") -> int:
    """The exit code of `recon run` in this process."""
    from flows.cli import main

    return main(cli_args(data, out, *extra, period=period))
