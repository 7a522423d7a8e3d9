"""The generated password goes only to the server `db start` started (db/server.py).

After `db stop`, another program may listen on the port: a stale record, or a record whose
process is alive but is not the one listening, must never hand it the password.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from archmodel.db import server


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def stranger(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A port some other program listens on, with archmodel's record of an earlier server there."""
    monkeypatch.setenv("ARCHMODEL_HOME", str(tmp_path / "home"))
    port = _free_port()
    listener = subprocess.Popen([sys.executable, "-c", (
        "import socket,time; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); "
        f"s.bind(('127.0.0.1', {port})); s.listen(); time.sleep(60)")])
    for _ in range(100):
        if server.port_open(port):
            break
        time.sleep(0.05)
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "password").write_text("generated-secret\n")
    records = tmp_path / "home" / "servers"
    records.mkdir(parents=True)
    yield port, records, data_dir, listener
    listener.kill()
    listener.wait()


def test_a_stale_record_never_hands_the_password_to_whoever_listens(stranger) -> None:
    port, records, data_dir, listener = stranger
    for pid in (999_999, os.getpid()):  # a dead process, then a live one that is not the listener
        (records / f"{port}.json").write_text(json.dumps({"pid": pid, "port": port, "data_dir": str(data_dir),
                                                          "started_at": 0.0}))
        assert server.local_password_for(f"bolt://127.0.0.1:{port}") is None
    (records / f"{port}.json").write_text(json.dumps({"pid": listener.pid, "port": port, "data_dir": str(data_dir),
                                                      "started_at": 0.0}))
    assert server.local_password_for(f"bolt://127.0.0.1:{port}") == "generated-secret"
