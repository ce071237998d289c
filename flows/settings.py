"""The one place environment variables are read and Prefect's defaults are set for this product.

Import this before prefect: with no PREFECT_API_URL, Prefect starts an embedded temporary server.
These machines are offline, so telemetry is off; results are never persisted (they hold personal
data, and pickling large frames between local tasks costs time).
"""

from __future__ import annotations

import os

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
