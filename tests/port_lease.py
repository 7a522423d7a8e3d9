"""One test run per test port: a second run that would share a port stops at once, and says why.

The integration tests wipe the database of the server on ARCHMODEL_TEST_PORT before each test, and
stop the servers on the lifecycle and crash ports. Two runs on one machine with the same ports
(a developer's working copy and a fresh clone's `make test`, or two worktrees) would wipe each
other's data mid-test and fail at random. Each run takes an exclusive lock on a file per port
before it uses the port; the operating system releases the lock when the run ends, however it
ends, so a killed run never leaves a stale lease.
"""

from __future__ import annotations

import fcntl
import os
import tempfile
from pathlib import Path
from typing import IO

import pytest

_held: dict[int, IO[str]] = {}


def lease_path(port: int) -> Path:
    return Path(tempfile.gettempdir()) / f"archmodel-test-port-{port}.lock"


def hold_port(port: int, variable: str) -> None:
    """Hold `port` for this test run (until the process exits), or stop the run: another run
    holds it. `variable` is the environment variable that chooses the port, for the message."""
    if port in _held:
        return
    path = lease_path(port)
    handle = path.open("a+", encoding="utf-8")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "unknown"
        handle.close()
        pytest.exit(
            f"another test run (pid {holder}) uses port {port}, and its tests would wipe this run's database: "
            f"wait for it to end, or set {variable} to a free port (lease file {path})",
            returncode=3,
        )
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    _held[port] = handle
