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


def _bolt_listener(port: int) -> subprocess.Popen:
    """A program that answers the Bolt handshake (as a Neo4j of someone else would)."""
    process = subprocess.Popen([sys.executable, "-c", (
        "import socket; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); "
        f"s.bind(('127.0.0.1', {port})); s.listen()\n"
        "while True:\n c,_=s.accept(); c.recv(20); c.sendall(bytes.fromhex('00000505')); c.close()")])
    for _ in range(100):
        if server.speaks_bolt(port):
            break
        time.sleep(0.05)
    return process


def test_db_start_on_a_port_held_by_another_neo4j_is_an_error_naming_it(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """It used to be "reused": every later command sent it the generated password."""
    monkeypatch.setenv("ARCHMODEL_HOME", str(tmp_path / "home"))
    port = _free_port()
    other = _bolt_listener(port)
    try:
        with pytest.raises(server.ServerError) as caught:
            server.start(port=port, log=lambda message: None)
        message = caught.value.message()
        assert f"port {port} is held by a Neo4j archmodel did not start (pid {other.pid}, python" in message
        assert "NEO4J_PASSWORD" in message and "--port N" in message
    finally:
        other.kill()
        other.wait()


def test_db_start_on_a_port_held_by_another_program_names_it(stranger) -> None:
    port, _, _, listener = stranger
    with pytest.raises(server.ServerError, match=rf"not Neo4j \(pid {listener.pid}, python"):
        server.start(port=port, log=lambda message: None)
