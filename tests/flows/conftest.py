"""Fixtures of the flow tests: what Prefect prints on the console, and tiny inbox periods."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

_PAYROLL = "NIK,Nama,Tanggal Lahir,Upah\n1871015505850001,Siti Aminah,15-05-1985,2000000\n"
_BPJS = (
    "NIK,KPJ,Nama,Tanggal Lahir,Status,Upah\n"
    "1871015505850001,18012345678,Siti Aminah,15-05-1985,AKTIF,1000000\n"
)


@pytest.fixture
def console(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> pytest.CaptureFixture[str]:
    """capsys, also holding what Prefect's console handler prints (its logs, with any traceback).

    The handler writes to the stderr it found when Prefect (re)configured logging, which may be
    a capture long closed; for the test it formats each record as usual and prints it to capsys.
    """
    from prefect.logging.handlers import PrefectConsoleHandler

    def emit(self: PrefectConsoleHandler, record: logging.LogRecord) -> None:
        print(self.format(record), file=sys.stderr)

    monkeypatch.setattr(PrefectConsoleHandler, "emit", emit)
    return capsys


@pytest.fixture
def tiny_period() -> Callable[..., Path]:
    """`make(inbox, period, bpjs=True)`: `inbox/<period>/` with one-row payroll and BPJS CSVs.

    With bpjs=False the bpjs/ folder is there but empty. Tiny inputs keep a nightly run to ~1 s.
    """

    def make(inbox: Path, period: str, *, bpjs: bool = True) -> Path:
        folder = inbox / period
        (folder / "payroll").mkdir(parents=True)
        (folder / "bpjs").mkdir()
        (folder / "payroll" / "p.csv").write_text(_PAYROLL, encoding="utf-8")
        if bpjs:
            (folder / "bpjs" / "b.csv").write_text(_BPJS, encoding="utf-8")
        return folder

    return make
