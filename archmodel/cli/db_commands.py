"""`archmodel db start|stop|status` and `archmodel doctor`."""

from __future__ import annotations

import shutil
from pathlib import Path

import typer

from archmodel.cli import state
from archmodel.cli.root import app
from archmodel.cli.output import log
from archmodel.db import browser, server
from archmodel.db.uri import is_loopback_uri, uri_port
from archmodel.db.inspect import ServerInfo, server_info
from archmodel.errors import ArchmodelError

db_app = typer.Typer(help="Run a local Neo4j 5.26 server (no Docker needed).", no_args_is_help=True)
app.add_typer(db_app, name="db")


def _port_from_settings(port: int | None) -> int:
    if port is not None:
        return port
    uri = state.current().settings().uri
    return uri_port(uri) if is_loopback_uri(uri) else server.DEFAULT_PORT


@db_app.command("start")
def db_start(
    port: int | None = typer.Option(None, "--port", help="Bolt port on 127.0.0.1 [default 7687]."),
    data_dir: Path | None = typer.Option(
        None, "--data-dir", help="Database folder [default ~/.local/share/archmodel/neo4j]."
    ),
    heap: str = typer.Option(server.DEFAULT_HEAP, "--heap", help="JVM heap, e.g. 4g [env ARCHMODEL_NEO4J_HEAP]."),
    pagecache: str = typer.Option(
        server.DEFAULT_PAGECACHE, "--pagecache", help="Page cache, e.g. 3g [env ARCHMODEL_NEO4J_PAGECACHE]."
    ),
) -> None:
    """Start a local Neo4j 5.26 LTS with APOC and GDS; reuse the one it started earlier.

    Example: archmodel db start --port 7687
    """
    chosen = port or server.DEFAULT_PORT
    result = server.start(port=chosen, data_dir=data_dir, heap=heap, pagecache=pagecache, log=log)
    if result.already_running:
        log(f"A Neo4j server already answers on port {chosen}; reusing it.")
    else:
        log(f"Started Neo4j in {result.seconds:.1f} s (pid {result.pid}, data in {result.data_dir}).")
    print(result.uri)


@db_app.command("stop")
def db_stop(port: int | None = typer.Option(None, "--port", help="Port of the server to stop.")) -> None:
    """Stop the local server gracefully (terminate, wait, then kill).

    Example: archmodel db stop
    """
    chosen = _port_from_settings(port)
    if browser.stop_browser(chosen):
        log(f"Stopped the Neo4j Browser of port {chosen}.")
    if server.stop(chosen):
        log(f"Stopped the local Neo4j on port {chosen}.")
    else:
        log(f"No local Neo4j started by archmodel runs on port {chosen}.")


@db_app.command("browser")
def db_browser(
    port: int | None = typer.Option(None, "--port", help="Bolt port of the server to browse [default: NEO4J_URI's]."),
    browser_port: int = typer.Option(browser.DEFAULT_BROWSER_PORT, "--browser-port",
                                     help="Port to serve Neo4j Browser on, on 127.0.0.1."),
) -> None:
    """Serve Neo4j Browser on 127.0.0.1 for the local server (resolved with Maven on first use).

    It prints the address to open; log in as neo4j with the password in <data dir>/password.
    `archmodel db stop` stops it with the server.

    Example: archmodel db browser
    """
    chosen = _port_from_settings(port)
    record = browser.start_browser(chosen, browser_port, log=log)
    password = server.default_data_dir(chosen) / "password"
    log(f"Neo4j Browser for bolt://127.0.0.1:{chosen}: log in as neo4j"
        + (f" with the password in {password}." if password.exists() else "."))
    print(record.url)


@db_app.command("extension")
def db_extension(
    output: Path = typer.Option(..., "-o", "--output", help="Folder to copy archmodel-bulk.jar into (a plugins folder)."),
) -> None:
    """Copy archmodel's server extension (the bulk load path) into a server's plugins folder.

    archmodel's own server loads it by itself; a self-managed or Docker Neo4j 5.26 needs the jar
    in its plugins folder and `archmodel.*` allowed (README "Bulk path on your own server").

    Example: archmodel db extension -o ./neo4j-plugins
    """
    jar = server.bulk_jar(log)
    output.mkdir(parents=True, exist_ok=True)
    copied = shutil.copy2(jar, output / jar.name)
    log(f"Copied the bulk-path extension; allow it with dbms.security.procedures.unrestricted={server.BULK_PROCEDURES}.")
    print(copied)


@db_app.command("status")
def db_status() -> None:
    """Show whether a server answers, its version, edition and plugins; exit 2 when none does.

    Example: archmodel db status
    """
    info = server_info(state.current().graph())
    for line in info.lines():
        print(line)


@app.command("doctor")
def doctor() -> None:
    """Check Java, Maven, the server, its plugins, the schema and the last load; say what to fix.

    Example: archmodel doctor
    """
    problems = 0

    def report(ok: bool, what: str, fix: str = "") -> None:
        nonlocal problems
        if ok:
            print(f"ok    {what}")
        else:
            problems += 1
            print(f"FAIL  {what} - {fix}")

    java = server.java_version()
    report(java is not None and java.split(".")[0].isdigit() and int(java.split(".")[0]) >= 17,
           f"Java {java or 'not found'} (17 or newer needed for `archmodel db start`)",
           "install a JDK 17: `apt-get install -y openjdk-17-jdk-headless`")
    report(shutil.which("mvn") is not None, "Maven (builds the local server on first start)",
           "install it: `apt-get install -y maven`")
    settings = state.current().settings()
    try:
        info: ServerInfo | None = server_info(state.current().graph())
    except ArchmodelError as exc:
        info = None
        report(False, f"server at {settings.uri}", exc.message().removeprefix("Error: "))
    if info is not None:
        report(True, f"server at {settings.uri}: Neo4j {info.version} {info.edition}")
        report(info.version.startswith("5.") or info.version.startswith("202"),
               f"Neo4j version {info.version} (5.26 LTS or newer)", "upgrade the server to 5.26 LTS")
        report(info.apoc is not None, f"APOC {info.apoc or 'missing'}",
               "install APOC core (bundled with `archmodel db start` and the Docker Compose file)")
        report(info.gds is not None, f"Graph Data Science {info.gds or 'missing'}",
               "optional: without GDS, PageRank and communities are computed in Python")
        report(info.schema_ready, "schema (constraints and indexes)", "run `archmodel load` once to create them")
        report(info.last_load is not None, f"last load: {info.last_load or 'nothing loaded yet'}",
               "load a crawl: `archmodel load CRAWL_DIR --site site.yml`")
    if is_loopback_uri(settings.uri):
        served = browser.browser_status(uri_port(settings.uri))
        print(f"ok    Neo4j Browser: {served}" if served else
              "info  Neo4j Browser: not running (`archmodel db browser` serves it)")
    if problems:
        raise typer.Exit(2)
