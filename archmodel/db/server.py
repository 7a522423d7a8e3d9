"""A local Neo4j 5.26 LTS server without Docker: build, start, stop, status.

The server tarball is not on Maven Central, but the embeddable database, the Bolt connector,
APOC core and open Graph Data Science are. `launcher/` holds a Maven project and a small Java
main class that runs them; on first use we resolve its classpath with Maven, compile it with
javac, and copy the plugin jars into the server's plugin folder (procedures are discovered from
there). Later starts reuse the build and cost only the JVM start-up.

Auth: the server listens on 127.0.0.1 only and requires a password, generated on first start and
kept in `<data dir>/password` with owner-only permissions. archmodel reads it by itself when
`NEO4J_URI` points at this server and `NEO4J_PASSWORD` is not set, so a user never types it, and
tests can still prove that wrong credentials are refused.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
import zipfile
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path

import psutil

from archmodel.db.uri import is_loopback_uri, uri_port
from archmodel.errors import ServerError

DEFAULT_PORT = 7687
DEFAULT_HEAP = os.environ.get("ARCHMODEL_NEO4J_HEAP", "4g")
DEFAULT_PAGECACHE = os.environ.get("ARCHMODEL_NEO4J_PAGECACHE", "3g")
START_TIMEOUT_S = 180.0
STOP_TIMEOUT_S = 60.0

JVM_FLAGS = [
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-XX:+UseG1GC",
]
PLUGIN_GROUPS = ("/org/neo4j/gds/", "/org/neo4j/procedure/")
# archmodel's own server extension (launcher/src/bulk): the procedures of the bulk load path
BULK_JAR = "archmodel-bulk.jar"
BULK_PROCEDURES = "archmodel.*"


def state_dir() -> Path:
    """Where archmodel keeps its server build and data: `$ARCHMODEL_HOME`, else XDG data home."""
    if os.environ.get("ARCHMODEL_HOME"):
        return Path(os.environ["ARCHMODEL_HOME"]).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "archmodel"


def default_data_dir(port: int = DEFAULT_PORT) -> Path:
    name = "neo4j" if port == DEFAULT_PORT else f"neo4j-{port}"
    return state_dir() / name


@dataclass
class ServerRecord:
    """What `db start` wrote about a server it started, read back by `stop` and `status`."""

    pid: int
    port: int
    data_dir: str
    started_at: float

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"


def _record_path(port: int) -> Path:
    return state_dir() / "servers" / f"{port}.json"


def read_record(port: int) -> ServerRecord | None:
    path = _record_path(port)
    try:
        return ServerRecord(**json.loads(path.read_text()))
    except (OSError, ValueError, TypeError):
        return None


def _write_record(record: ServerRecord) -> None:
    path = _record_path(record.port)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(asdict(record)))


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
        return state != "Z"
    except OSError:
        return True


def port_open(port: int, host: str = "127.0.0.1", timeout: float = 0.5) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(timeout)
        return sock.connect_ex((host, port)) == 0


def speaks_bolt(port: int, host: str = "127.0.0.1") -> bool:
    """True when whatever holds the port answers the Bolt handshake."""
    handshake = bytes.fromhex("6060b017") + bytes.fromhex("00000505" "00000404" "00000104" "00000003")
    try:
        with socket.create_connection((host, port), timeout=2) as sock:
            sock.sendall(handshake)
            reply = sock.recv(4)
            return len(reply) == 4
    except OSError:
        return False


def local_password_for(uri: str) -> str | None:
    """The generated password of the server this machine's `db start` runs at `uri`: only while
    the recorded process is alive and listening there."""
    if not is_loopback_uri(uri):
        return None
    port = uri_port(uri)
    record = read_record(port)
    if record is None or not listens_on(record.pid, port):  # whatever holds the port now, it is not ours
        return None
    try:
        return (Path(record.data_dir) / "password").read_text().strip()
    except OSError:
        return None


def listens_on(pid: int, port: int) -> bool:
    """Whether process `pid` (the server `db start` recorded) is the one listening on `port`:
    after `db stop`, another program may take the port, and must never be sent the password."""
    try:
        connections = psutil.Process(pid).net_connections(kind="tcp")
    except (psutil.Error, OSError):
        return False
    return any(c.status == psutil.CONN_LISTEN and c.laddr and c.laddr.port == port for c in connections)


def listener(port: int) -> str:
    """Which process listens on `port`, in words, for an error message ("pid 4242, java")."""
    try:
        for connection in psutil.net_connections(kind="tcp"):
            if connection.status == psutil.CONN_LISTEN and connection.laddr and connection.laddr.port == port:
                if connection.pid is None:
                    return "a process of another user"
                return f"pid {connection.pid}, {psutil.Process(connection.pid).name()}"
    except (psutil.Error, OSError):
        pass
    return "a process archmodel cannot see"


def _require_tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if not path:
        raise ServerError(
            f"{name} is not installed",
            "PATH",
            f"install it (Debian/Ubuntu: `apt-get install -y {package}`), or use "
            "`docker compose up -d` or an existing server via NEO4J_URI",
        )
    return path


def java_version() -> str | None:
    java = shutil.which("java")
    if not java:
        return None
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    first = out.splitlines()[0] if out else ""
    return first.split('"')[1] if '"' in first else first


def _launcher_source() -> Path:
    return Path(str(resources.files("archmodel.db") / "launcher"))


def _source_digest(source: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(source.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(source)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def build_dir() -> Path:
    source = _launcher_source()
    return state_dir() / "launcher" / _source_digest(source)


def ensure_built(log=print) -> Path:
    """Resolve the Neo4j, APOC and GDS jars with Maven and compile the launcher, once."""
    target = build_dir()
    if (target / "built.ok").exists():
        return target
    javac = _require_tool("javac", "openjdk-17-jdk-headless")
    mvn = _require_tool("mvn", "maven")
    source = _launcher_source()
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copy2(source / "pom.xml", target / "pom.xml")
    shutil.copytree(source / "src", target / "src")
    log("Resolving Neo4j 5.26, APOC and Graph Data Science with Maven (first start only)...")
    _run_build_step(
        [mvn, "-q", "-B", "dependency:build-classpath", f"-Dmdep.outputFile={target / 'cp.txt'}"],
        target,
        "Maven could not resolve the Neo4j jars",
        "check that the Maven repository is reachable (`mvn -v`, proxy settings in ~/.m2/settings.xml)",
    )
    classpath = (target / "cp.txt").read_text().strip()
    _compile(javac, target / "src" / "main", target / "classes", classpath, target)
    plugins = target / "plugins"
    plugins.mkdir()
    for jar in classpath.split(os.pathsep):
        if any(group in jar for group in PLUGIN_GROUPS):
            shutil.copy2(jar, plugins / Path(jar).name)
    bulk_classes = target / "bulk-classes"
    _compile(javac, target / "src" / "bulk", bulk_classes, classpath, target)
    _write_jar(bulk_classes, plugins / BULK_JAR)
    (target / "built.ok").write_text(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
    return target


def _compile(javac: str, sources: Path, classes: Path, classpath: str, cwd: Path) -> None:
    _run_build_step(
        [javac, "--release", "17", "-d", str(classes), "-cp", classpath, *(str(p) for p in sources.rglob("*.java"))],
        cwd,
        f"javac could not compile {sources.name}",
        "install a JDK 17 (`apt-get install -y openjdk-17-jdk-headless`)",
    )


def _write_jar(classes: Path, jar: Path) -> None:
    """A plain jar of compiled classes (a zip with a manifest): the server scans the jars in its
    plugins folder for procedures, so the bulk extension is one such jar."""
    with zipfile.ZipFile(jar, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nCreated-By: archmodel\n")
        for path in sorted(classes.rglob("*.class")):
            archive.write(path, path.relative_to(classes).as_posix())


def bulk_jar(log=print) -> Path:
    """The bulk-path extension jar (archmodel/db/bulk.py), built with the launcher: the file to
    copy into the plugins folder of a self-managed or Docker server (README "Bulk path on your own server")."""
    return ensure_built(log) / "plugins" / BULK_JAR


def _run_build_step(cmd: list[str], cwd: Path, what: str, fix: str) -> None:
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        tail = (result.stdout + result.stderr).strip().splitlines()[-5:]
        raise ServerError(f"{what}: {' | '.join(tail)}", str(cwd), fix)


def _write_config(data_dir: Path, port: int, pagecache: str, plugins: Path) -> Path:
    conf = data_dir / "neo4j.conf"
    settings = {
        "server.bolt.enabled": "true",
        "server.bolt.listen_address": f"127.0.0.1:{port}",
        "server.bolt.advertised_address": f"127.0.0.1:{port}",
        "server.http.enabled": "false",
        "server.https.enabled": "false",
        "dbms.security.auth_enabled": "true",
        "server.memory.pagecache.size": pagecache,
        "db.tx_log.preallocate": "false",
        "db.tx_log.rotation.retention_policy": "2 days 1G",
        "dbms.security.procedures.unrestricted": f"apoc.*,gds.*,{BULK_PROCEDURES}",
        "dbms.security.procedures.allowlist": f"apoc.*,gds.*,{BULK_PROCEDURES}",
        "server.directories.logs": str(data_dir / "logs"),
        "server.directories.plugins": str(plugins),
        "server.directories.import": str(data_dir / "import"),
        "dbms.usage_report.enabled": "false",
        "db.logs.query.enabled": "OFF",
    }
    conf.write_text("".join(f"{k}={v}\n" for k, v in settings.items()))
    return conf


def _ensure_password(data_dir: Path) -> Path:
    path = data_dir / "password"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(24))
    os.chmod(path, 0o600)
    return path


@dataclass
class StartResult:
    uri: str
    pid: int | None
    data_dir: Path
    already_running: bool
    seconds: float


def start(
    port: int = DEFAULT_PORT,
    data_dir: Path | None = None,
    heap: str = DEFAULT_HEAP,
    pagecache: str = DEFAULT_PAGECACHE,
    log=print,
) -> StartResult:
    """Start the local server, or report the one already answering on `port`."""
    started = time.monotonic()
    record = read_record(port)
    if record and pid_alive(record.pid) and listens_on(record.pid, port) and speaks_bolt(port):
        return StartResult(record.uri, record.pid, Path(record.data_dir), True, 0.0)
    if port_open(port):
        # Not the server recorded here: it never gets archmodel's generated password.
        if speaks_bolt(port):
            raise ServerError(
                f"port {port} is held by a Neo4j archmodel did not start ({listener(port)})",
                f"127.0.0.1:{port}",
                f"use it with NEO4J_URI=bolt://127.0.0.1:{port} and its NEO4J_PASSWORD, or start archmodel's "
                "own on another port with `archmodel db start --port N`",
            )
        raise ServerError(
            f"port {port} is held by something that is not Neo4j ({listener(port)})",
            f"127.0.0.1:{port}",
            "stop that program, or pass another port with `archmodel db start --port N`",
        )
    built = ensure_built(log)
    data_dir = (data_dir or default_data_dir(port)).expanduser().resolve()
    (data_dir / "logs").mkdir(parents=True, exist_ok=True)
    (data_dir / "import").mkdir(exist_ok=True)
    os.chmod(data_dir, 0o700)
    conf = _write_config(data_dir, port, pagecache, built / "plugins")
    password_file = _ensure_password(data_dir)
    java = _require_tool("java", "openjdk-17-jdk-headless")
    classpath = f"{built / 'classes'}{os.pathsep}{(built / 'cp.txt').read_text().strip()}"
    launcher_log = data_dir / "logs" / "launcher.log"
    cmd = [
        java, f"-Xms{heap}", f"-Xmx{heap}", *JVM_FLAGS, "-cp", classpath,
        "org.archmodel.Launcher", str(data_dir / "home"), str(conf), str(password_file),
    ]
    with open(launcher_log, "w") as out:
        process = subprocess.Popen(
            cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True, cwd=data_dir,
        )
    (data_dir / "server.pid").write_text(str(process.pid))
    _write_record(ServerRecord(process.pid, port, str(data_dir), time.time()))
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = launcher_log.read_text(errors="replace").strip().splitlines()[-8:]
            raise ServerError(
                f"Neo4j exited during start-up: {' | '.join(tail)[-600:]}",
                str(launcher_log),
                "read the log; a port in use or a data folder of another Neo4j version are the usual causes",
            )
        if "READY" in launcher_log.read_text(errors="replace") and speaks_bolt(port):
            return StartResult(
                f"bolt://127.0.0.1:{port}", process.pid, data_dir, False, time.monotonic() - started
            )
        time.sleep(0.25)
    stop(port)
    raise ServerError(
        f"Neo4j did not answer on port {port} within {START_TIMEOUT_S:.0f} s",
        str(launcher_log),
        "read the log, then try again",
    )


def terminate_group(pid: int, timeout: float) -> None:
    """Stop the process group `pid` leads: terminate, wait up to `timeout` seconds, then kill."""
    try:
        os.killpg(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and pid_alive(pid):
        time.sleep(0.2)
    if pid_alive(pid):
        try:
            os.killpg(pid, signal.SIGKILL)
        except ProcessLookupError:
            return
        while pid_alive(pid):
            time.sleep(0.1)


def stop(port: int = DEFAULT_PORT) -> bool:
    """Stop the server `db start` started on `port`: terminate, wait, then kill. False if none."""
    record = read_record(port)
    if record is None or not pid_alive(record.pid):
        _record_path(port).unlink(missing_ok=True)
        return False
    terminate_group(record.pid, STOP_TIMEOUT_S)
    _record_path(port).unlink(missing_ok=True)
    (Path(record.data_dir) / "server.pid").unlink(missing_ok=True)
    return True
