"""The CLI's own temporary Prefect server: started only when no API is configured, always stopped."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import REPO

_CHILD = """
import json, sys, urllib.request
from flows.temporary_server import temporary_server
with temporary_server() as server:
    server.wait_until_ready()
    with urllib.request.urlopen(server.url + "/health", timeout=5) as r:
        healthy = r.status == 200
    pid = server.process.pid
print(json.dumps({"url": server.url, "healthy": healthy, "pid": pid, "alive": server.process.poll() is None}))
"""


_KILLED_CHILD = """
import os, signal
from flows.temporary_server import temporary_server
with temporary_server() as server:
    server.wait_until_ready()
    print(server.process.pid, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie is dead, only not yet reaped
        return stat.read().rsplit(")", 1)[1].split()[0] != "Z"


def _fresh_python(code: str, prefect_home: Path) -> subprocess.CompletedProcess[str]:
    """Run `code` in a new interpreter with no Prefect API configured (so it starts a server)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env |= {
        "PYTHONPATH": str(REPO),
        "PREFECT_HOME": str(prefect_home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    }
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=110, check=False
    )


def test_nothing_is_started_when_prefect_has_an_api(prefect_harness: None) -> None:
    from flows.temporary_server import temporary_server

    with temporary_server() as server:
        server.wait_until_ready()  # a no-op
        assert server.url is None and server.process is None


def test_a_fresh_process_gets_a_server_that_is_stopped_on_exit(tmp_path: Path) -> None:
    done = _fresh_python(_CHILD, tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["url"].startswith("http://127.0.0.1:") and seen["healthy"]
    assert not seen["alive"]  # stopped when the block ended
    with pytest.raises(OSError):
        urllib.request.urlopen(seen["url"] + "/health", timeout=2)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's parent-death signal is Linux")
def test_the_server_goes_when_the_command_is_killed(tmp_path: Path) -> None:
    done = _fresh_python(_KILLED_CHILD, tmp_path)
    assert done.returncode == -signal.SIGKILL, done.stderr[-2000:]
    server = int(done.stdout.split()[0])
    deadline = time.monotonic() + 15
    while _alive(server) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(server)
