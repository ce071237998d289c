"""While a command's flow runs, an exception Prefect logs reaches the console as one line.

Prefect logs every exception a task or subflow run raises with its traceback. The nightly turns
one period's failure into that period's outcome and goes on; users then see the outcome's
message, not a traceback. The Prefect server still receives the traceback: the console handlers
sit on the root logger, so a record reaches them after the server's handler on the run logger
has sent it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from prefect.logging.handlers import PrefectConsoleHandler


class _NoTraceback(logging.Filter):
    """Drop the traceback of a record Prefect logged, keeping its one-line message."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith("prefect") and (record.exc_info or record.exc_text):
            record.exc_info = None
            record.exc_text = None
        return True


_FILTER = _NoTraceback()
_users = 0
_lock = threading.Lock()  # mapped employers enter and leave from several threads


@contextmanager
def tracebacks_as_one_line() -> Iterator[None]:
    """Within the block (re-entrant, thread-safe), Prefect's console handlers print no traceback."""
    global _users
    with _lock:
        _users += 1
        for handler in _console_handlers():
            handler.addFilter(_FILTER)
    try:
        yield
    finally:
        with _lock:
            _users -= 1
            if not _users:
                for handler in _console_handlers():
                    handler.removeFilter(_FILTER)


def _console_handlers() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers if isinstance(h, PrefectConsoleHandler)]
