"""The period lock is re-entrant within a thread and exclusive across threads."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from reconcile.errors import InputError
from reconcile.ledger import period_lock


def test_nested_lock_in_one_thread_does_not_wait_for_itself(tmp_path: Path) -> None:
    with period_lock(tmp_path, "2018-02", timeout_s=1), period_lock(tmp_path, "2018-02", timeout_s=1):
        pass


def test_another_thread_waits_for_the_holder(tmp_path: Path) -> None:
    outcome: list[str] = []

    def other() -> None:
        try:
            with period_lock(tmp_path, "2018-02", timeout_s=0.5):
                outcome.append("got it")
        except TimeoutError:
            outcome.append("timed out")

    with period_lock(tmp_path, "2018-02"):
        t = threading.Thread(target=other)
        t.start()
        t.join()
    assert outcome == ["timed out"]


def test_unwritable_out_is_an_input_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(InputError, match="output folder"), period_lock(blocker / "out", "2018-02"):
        pass
