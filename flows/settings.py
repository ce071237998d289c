"""The one place environment variables are read and Prefect's defaults are set for this product.

Import this before prefect: with no PREFECT_API_URL, Prefect starts an embedded temporary server.
These machines are offline, so telemetry is off; results are never persisted (they hold personal
data, and pickling large frames between local tasks costs time).
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterator

_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
    "PREFECT_TASKS_REFRESH_CACHE": "false",
    "PREFECT_LOGGING_LOG_PRINTS": "false",
    "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
    "PREFECT_LOGGING_INTERNAL_LEVEL": "ERROR",
    # The readers log progress on long files (name and row count only) through stdlib logging.
    "PREFECT_LOGGING_EXTRA_LOGGERS": "reconcile",
    # Prefect's thread pool is unbounded by default: a national inbox of dozens of files would
    # parse them all at once, each holding its sheet in memory. One file per core keeps every
    # core busy (the parse runs in a child process) and memory bounded.
    "PREFECT_TASKS_RUNNER_THREAD_POOL_MAX_WORKERS": str(max(2, os.cpu_count() or 2)),
}


def apply_defaults() -> None:
    """Set Prefect defaults unless the user set them."""
    for key, value in _DEFAULTS.items():
        os.environ.setdefault(key, value)


def api_url() -> str | None:
    """The Prefect server to use, or None for an embedded temporary one."""
    return os.environ.get("PREFECT_API_URL") or None


apply_defaults()


@contextlib.contextmanager
def one_shot_run() -> Iterator[None]:
    """Settings for a flow run that a command starts and waits for (`recon run`, `nightly`, `employers`).

    - No flow-run heartbeats. They let a server mark a run crashed when its process vanished
      without a word; a command's user sees that in the terminal, and the exit code says it. At the
      end of every run Prefect waits for the heartbeat thread to wake from its one-second sleep:
      0-1 s of a tiny run's 3 s. `recon serve` (a long-lived process nobody watches) keeps them.
    - Everything imported so far is frozen out of the garbage collector: those objects live until
      exit anyway, and a full collection walking the ~1M objects of Prefect, pandas and openpyxl
      costs ~0.15 s each time it happens during the run. The collector is switched on again (the
      `recon` command switches it off while it imports: imports make no garbage worth collecting,
      and collecting during them costs ~0.25 s).
    """
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    gc.freeze()
    gc.enable()
    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield
