"""The settings of a command's one flow run: no heartbeat thread to wait for; the command's imports frozen."""

from __future__ import annotations

import gc

from prefect.settings import get_current_settings

from flows.settings import one_shot_run


def test_one_shot_run_sends_no_heartbeats_and_restores_the_setting() -> None:
    before = get_current_settings().flows.heartbeat_frequency
    with one_shot_run():
        assert get_current_settings().flows.heartbeat_frequency is None
    assert get_current_settings().flows.heartbeat_frequency == before


def test_one_shot_run_freezes_what_is_already_imported_and_collects_again() -> None:
    gc.disable()  # as the recon command imports
    try:
        with one_shot_run():
            assert gc.get_freeze_count() > 0
            assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()
