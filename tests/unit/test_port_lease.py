"""A second test run on a port another run holds stops with the holder and the fix, not by wiping
that run's database (tests/port_lease.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import port_lease

REPO = Path(__file__).resolve().parents[2]


def test_second_run_on_a_held_port_stops_and_the_lease_ends_with_its_holder() -> None:
    port = 60000 + os.getpid() % 5000  # a lease file no real run uses
    holder = subprocess.Popen(
        [sys.executable, "-c",
         f"import time; from tests.port_lease import hold_port; hold_port({port}, 'X'); print('held', flush=True); "
         "time.sleep(60)"],
        cwd=REPO, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(pytest.exit.Exception) as stopped:
            port_lease.hold_port(port, "ARCHMODEL_TEST_PORT")
        message = str(stopped.value)
        assert f"pid {holder.pid}" in message
        assert f"port {port}" in message
        assert "ARCHMODEL_TEST_PORT" in message
    finally:
        holder.kill()
        holder.wait()
    port_lease.hold_port(port, "ARCHMODEL_TEST_PORT")  # a killed holder leaves no stale lease
    try:
        assert port in port_lease._held
        assert port_lease.lease_path(port).read_text() == str(os.getpid())
    finally:
        port_lease._held.pop(port).close()
        port_lease.lease_path(port).unlink(missing_ok=True)
