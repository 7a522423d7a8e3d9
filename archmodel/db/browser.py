"""Neo4j Browser beside archmodel's local server, so a user can look at the graph without Docker.

The Browser is a static web app published inside a jar (`org.neo4j.client:neo4j-browser`,
GPL-3.0); like the server itself it is resolved with Maven on first use, never shipped in the
wheel. Its files are served by a small HTTP server on 127.0.0.1 only, in a process of its own
(recorded like the Neo4j server, stopped by `archmodel db stop`). The app talks Bolt over
WebSocket, which the server's Bolt port accepts. The URL names the Bolt address to connect to,
never the password: the user types it (or reads it from `<data dir>/password`).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from archmodel.db.server import ServerError, pid_alive, port_open, state_dir, terminate_group

BROWSER_VERSION = "5.24.0"
ARTIFACT = f"org.neo4j.client:neo4j-browser:{BROWSER_VERSION}"
DEFAULT_BROWSER_PORT = 7474
START_TIMEOUT_S = 15.0
BROWSER_STOP_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class BrowserRecord:
    pid: int
    port: int
    bolt_port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/?dbms=bolt://127.0.0.1:{self.bolt_port}&preselectAuthMethod=NATIVE"


def _record_path(bolt_port: int) -> Path:
    return state_dir() / "servers" / f"browser-{bolt_port}.json"


def read_record(bolt_port: int) -> BrowserRecord | None:
    try:
        data = json.loads(_record_path(bolt_port).read_text())
        return BrowserRecord(int(data["pid"]), int(data["port"]), int(data["bolt_port"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def ensure_app(log=print) -> Path:
    """The Browser's static files, resolved with Maven and unpacked once."""
    target = state_dir() / "browser" / BROWSER_VERSION
    if (target / "index.html").exists():
        return target
    mvn = shutil.which("mvn")
    if not mvn:
        raise ServerError("mvn is not installed", "PATH", "install it (Debian/Ubuntu: `apt-get install -y maven`)")
    download = target.parent / f"download-{BROWSER_VERSION}"
    shutil.rmtree(download, ignore_errors=True)
    download.mkdir(parents=True)
    log(f"Resolving Neo4j Browser {BROWSER_VERSION} with Maven (first use only)...")
    result = subprocess.run(
        [mvn, "-q", "-B", "dependency:copy", f"-Dartifact={ARTIFACT}", f"-DoutputDirectory={download}"],
        capture_output=True, text=True,
    )
    jars = list(download.glob("*.jar"))
    if result.returncode != 0 or not jars:
        tail = " | ".join((result.stdout + result.stderr).strip().splitlines()[-3:])
        raise ServerError(f"Maven could not resolve {ARTIFACT}: {tail}", str(download),
                          "check that the Maven repository is reachable (`mvn -v`, ~/.m2/settings.xml)")
    unpacked = target.parent / f"unpacked-{BROWSER_VERSION}"
    shutil.rmtree(unpacked, ignore_errors=True)
    with zipfile.ZipFile(jars[0]) as jar:
        members = [m for m in jar.namelist() if m.startswith("browser/") and ".." not in m]
        jar.extractall(unpacked, members)
    shutil.rmtree(target, ignore_errors=True)
    (unpacked / "browser").rename(target)
    shutil.rmtree(unpacked, ignore_errors=True)
    shutil.rmtree(download, ignore_errors=True)
    return target


def start_browser(bolt_port: int, port: int = DEFAULT_BROWSER_PORT, log=print) -> BrowserRecord:
    """Serve the Browser for the server on `bolt_port`; reuse the one already serving it."""
    record = read_record(bolt_port)
    if record and pid_alive(record.pid) and port_open(record.port):
        return record
    if port_open(port):
        raise ServerError(f"port {port} is already in use", f"127.0.0.1:{port}",
                          "pass another port with `archmodel db browser --browser-port N`")
    app = ensure_app(log)
    process = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(app)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, start_new_session=True,
    )
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline and not port_open(port):
        if process.poll() is not None:
            raise ServerError("the Browser's web server exited at start", f"127.0.0.1:{port}",
                              "pass another port with --browser-port N")
        time.sleep(0.1)
    record = BrowserRecord(process.pid, port, bolt_port)
    _record_path(bolt_port).parent.mkdir(parents=True, exist_ok=True)
    _record_path(bolt_port).write_text(json.dumps({"pid": record.pid, "port": port, "bolt_port": bolt_port}))
    return record


def stop_browser(bolt_port: int) -> bool:
    """Stop the Browser served for the server on `bolt_port`; False if none was running."""
    record = read_record(bolt_port)
    _record_path(bolt_port).unlink(missing_ok=True)
    if record is None or not pid_alive(record.pid):
        return False
    terminate_group(record.pid, BROWSER_STOP_TIMEOUT_S)
    return True


def browser_status(bolt_port: int) -> str | None:
    """The Browser's URL when it is being served for `bolt_port`, else None."""
    record = read_record(bolt_port)
    if record and pid_alive(record.pid) and port_open(record.port):
        return record.url
    return None
