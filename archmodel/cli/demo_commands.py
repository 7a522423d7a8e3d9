"""`archmodel demo`: the whole job on the bundled seed data, in one command.

It loads the seed's traffic sample (`seed_data/traffic/`) too, so the report opens with an
action plan ranked by Search Console and GA4 demand; findings do not change with traffic.
"""

from __future__ import annotations

import textwrap
import time
from importlib import resources
from pathlib import Path

import typer

from archmodel.cli import state
from archmodel.cli.findings_text import top_findings
from archmodel.cli.output import Format, log, render, terminal_width
from archmodel.cli.root import app
from archmodel.db import server
from archmodel.db.uri import is_loopback_uri, uri_port
from archmodel.errors import ArchmodelError, ConnectionFailed
from archmodel.packs.impact import by_impact


def seed_folder() -> Path:
    """The bundled seed site: `archmodel/seed_data` in a wheel, the repository's `seed_data/` otherwise."""
    shipped = Path(str(resources.files("archmodel") / "seed_data"))
    if (shipped / "site.yml").exists():
        return shipped
    repository = Path(__file__).resolve().parents[2] / "seed_data"
    if (repository / "site.yml").exists():
        return repository
    raise ArchmodelError("the bundled seed data is missing", str(repository), "reinstall archmodel")


def infer_site_model(crawl: list[Path], sitemaps: list[Path], output: Path) -> Path:
    """`archmodel init` on the seed crawl, written to OUTPUT/site.inferred.yml."""
    from archmodel.infer.pipeline import propose

    output.mkdir(parents=True, exist_ok=True)
    path = output / "site.inferred.yml"
    text, model = propose(crawl, path, sitemaps)
    path.write_text(text, encoding="utf-8")
    log(f"Inferred the site model ({path}): mean confidence {model.confidence():.2f}.")
    return path


def _connect_or_start():
    """The configured server, or a local one started now when nothing answers on loopback."""
    current = state.current()
    try:
        return current.graph()
    except ConnectionFailed:
        uri = current.settings().uri
        if not is_loopback_uri(uri):
            raise
        log(f"No Neo4j answers at {uri}; starting the local one (`archmodel db start`).")
        result = server.start(port=uri_port(uri), log=log)
        log(f"Neo4j is up at {result.uri} ({result.seconds:.1f} s).")
        state.configure(
            uri=current.uri, user=current.user, database=current.database,
            password_prompt=False, debug=current.debug,
        )
        return state.current().graph()


@app.command("demo")
def demo(
    output: Path = typer.Option(Path("demo-output"), "--output", "-o", help="Folder for the findings, report and maps."),
    infer: bool = typer.Option(False, "--infer", help="Use a site model inferred from the crawl (`archmodel init`) "
                               "instead of the bundled hand-written one."),
) -> None:
    """Start a local Neo4j if none answers, load the seed site, run every pack, write report and maps.

    Example: archmodel demo -o demo-output
    """
    from archmodel.cli.traffic_commands import add_and_report
    from archmodel.ingest.loader import load_crawl
    from archmodel.audit import audit
    from archmodel.packs.registry import load_registry
    from archmodel.packs.runner import Runner
    from archmodel.packs.suggest import COLUMNS
    from archmodel.render.api import write_all

    started = time.monotonic()
    graph = _connect_or_start()
    seed = seed_folder()
    log(f"Loading the seed site from {seed} ...")
    crawl_files = [seed / "internal_all.csv", seed / "all_inlinks.csv"]
    site_model = seed / "site.yml"
    if infer:
        site_model = infer_site_model(crawl_files, [seed / "sitemap.xml"], output)
    markup = [seed / "structured_data_all.csv"]  # the Structured Data export, for the structured-data pack
    loaded = load_crawl(graph, crawl_files + markup, site_model=site_model, sitemaps=[seed / "sitemap.xml"])
    if loaded.unchanged:
        log(f"{loaded.site}: crawl {loaded.crawl_id} is already loaded.")
    else:
        log(f"{loaded.site}: {loaded.pages:,} pages, {loaded.links:,} links loaded in {loaded.seconds:.1f} s "
            f"({loaded.write_path} path).")
    add_and_report(graph, loaded.site, [seed / "traffic"])

    done = audit(Runner.for_site(graph, loaded.site), load_registry(), suggestions=True)
    report, findings, suggestions = done.report, done.findings, done.suggestions or []
    output.mkdir(parents=True, exist_ok=True)
    (output / "findings.json").write_text(render(findings, None, Format.json), encoding="utf-8")
    (output / "findings.csv").write_text(
        render(findings, [*report.finding_columns(), "priority", "impact"], Format.csv), encoding="utf-8"
    )
    (output / "suggestions.json").write_text(render(suggestions, [*COLUMNS, "impact"], Format.json), encoding="utf-8")
    (output / "suggestions.csv").write_text(render(suggestions, [*COLUMNS, "impact"], Format.csv), encoding="utf-8")
    written = write_all(graph, output, loaded.site, findings=findings, suggestions=suggestions, skipped=done.skipped,
                        checks=done.checks)

    print(report.summary())
    by_pack: dict[str, int] = {}
    for finding in findings:
        by_pack[finding["pack"]] = by_pack.get(finding["pack"], 0) + 1
    for pack, count in sorted(by_pack.items()):
        print(f"  {pack:20s} {count:4d}")
    print(f"{len(suggestions)} links to add, with anchors and placement.")
    print(f"Wrote {len(written) - 1} maps, findings and suggestions (JSON, CSV) and tasks.csv to {output}/ in "
          f"{time.monotonic() - started:.1f} s.")
    width = terminal_width()
    print("\nThe three fixes that matter most:")
    print(top_findings(by_impact(findings), 3, width), end="")
    print(f"\nOpen the report: {(output / 'report.html').resolve().as_uri()}")
    if is_loopback_uri(state.current().settings().uri):
        print(textwrap.fill("The local Neo4j keeps running for other archmodel commands; stop it with "
                            "`make stop` (or `archmodel db stop`).", width))
