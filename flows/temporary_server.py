"""Boot Prefect's temporary server first, and let it start while the command imports its modules.

With no API URL configured, Prefect starts an embedded ("ephemeral") server lazily, when a flow
first calls the API: the command imports its modules (~1 s), then Prefect imports the whole
server into this process just to launch it (FastAPI, SQLAlchemy: ~1.6 s), then waits for the
child to boot (~3.5 s). `temporary_server()` launches the same child process, with the same
command line and settings as `prefect.server.api.server.SubprocessASGIServer`, before anything
heavy is imported, and points this process at it; `wait_until_ready()` is called just before the
flow runs. The boot then overlaps the imports on the machine's other core, and the server is
stopped when the command ends. When an API URL is configured (PREFECT_API_URL, a profile, the
test harness), nothing is started.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from flows.settings import api_url
from reconcile.errors import ReconError

#: Runs first in the server's process, then becomes the server (exec): on Linux the kernel sends it
#: SIGTERM when the command dies, even by kill -9, so no server is left behind listening.
_DIE_WITH_PARENT = """
import ctypes, os, signal, sys
try:
    ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
except AttributeError:  # not Linux
    pass
if os.getppid() != int(sys.argv[1]):  # the command died before prctl
    sys.exit(0)
os.execv(sys.executable, [sys.executable, *sys.argv[2:]])
"""

#: What Prefect's own temporary server sets: no UI, ephemeral mode.
_SERVER_ENV = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}


class ServerError(ReconError):
    """The temporary Prefect server could not be started (exit 1)."""


@dataclass
class TemporaryServer:
    """A Prefect server child process on 127.0.0.1; `url` is None when none was needed."""

    url: str | None = None
    process: subprocess.Popen[bytes] | None = None

    def wait_until_ready(self, timeout: float = 60.0) -> None:
        """Block until the server answers its health check (no-op when none was started)."""
        if self.process is None:
            return
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if (code := self.process.poll()) is not None:
                raise ServerError(
                    f"Prefect's temporary server exited with code {code} before it was ready; "
                    "set PREFECT_API_URL to a running Prefect server (prefect server start)"
                )
            if _healthy(f"{self.url}/health"):
                return
            time.sleep(0.05)
        raise ServerError(
            f"Prefect's temporary server did not answer within {timeout:.0f} s; "
            "set PREFECT_API_URL to a running Prefect server (prefect server start)"
        )

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@contextmanager
def temporary_server() -> Iterator[TemporaryServer]:
    """Start a server in the background unless Prefect already has an API URL; stop it on exit.

    In a fresh process (Prefect not imported yet, no PREFECT_API_URL) the server is launched
    before Prefect is imported, which alone takes ~0.9 s; if Prefect then turns out to have an
    API URL after all (a profile, a prefect.toml), the early server is stopped unused.
    """
    port, process = 0, None
    if "prefect" not in sys.modules and not api_url():
        port = _free_port()
        process = _launch(port, {})  # this process's settings are still the environment's
    from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings

    if get_current_settings().api.url:
        TemporaryServer(process=process).stop()  # launched early for nothing, or never launched
        yield TemporaryServer()
        return
    if process is None:
        port = _free_port()
        process = _launch(port, get_current_settings().to_environment_variables(exclude_unset=True))
    server = TemporaryServer(url=f"http://127.0.0.1:{port}/api", process=process)
    with ExitStack() as stack:  # on exit, in reverse: drain, stop, forget the URL
        stack.enter_context(temporary_settings({PREFECT_API_URL: server.url}))
        stack.callback(server.stop)
        stack.callback(_drain_prefect_workers)
        yield server


def _drain_prefect_workers() -> None:
    """Send the logs and events Prefect still holds before the server goes (as its test harness does)."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    try:
        APILogWorker.instance().drain()
    except RuntimeError:  # never started
        pass
    EventsWorker.drain_all()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _launch(port: int, settings: dict[str, str]) -> subprocess.Popen[bytes]:
    """The command `SubprocessASGIServer._run_uvicorn_command` runs, on `port`, with `settings` set,
    behind `_DIE_WITH_PARENT`."""
    spec = importlib.util.find_spec("prefect")  # where Prefect is, without importing it
    assert spec is not None and spec.submodule_search_locations, "prefect is not installed"
    app_dir = Path(spec.submodule_search_locations[0]).parent
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            _DIE_WITH_PARENT,
            str(os.getpid()),
            "-m",
            "uvicorn",
            "--app-dir",
            str(app_dir),
            "--factory",
            "prefect.server.api.server:create_app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "error",
            "--lifespan",
            "on",
        ],
        env={**os.environ, **_SERVER_ENV, **settings},
        stdin=subprocess.DEVNULL,
    )


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (our own 127.0.0.1 server)
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False
