"""Load a crawl and its site model into Neo4j as a new generation, then switch to it atomically.

How a load stays safe (docs/graph-model.md): every node of the load carries `crawl = <id>`, where
the id is a hash of the inputs. Nothing points at the new generation until the last, small
transaction moves the site's `CURRENT` relationship to it, so readers never see a half-loaded
crawl and a load killed at any point leaves the previous one current. The next load removes
generations that never became complete. Earlier crawls are kept as history (the newest `keep`).
Loading the same inputs again finds the same fingerprint already current and changes nothing.
Creating, switching, pruning and removing crawls is archmodel/db/crawls.py's; this module writes
the generation's contents.

Speed: files are streamed; rows go to the server in `UNWIND $rows` batches inside managed
transactions (retried on transient errors). Pages are created with CREATE (the generation is
fresh, so no MERGE is needed). Links take one of two write paths (archmodel/db/bulk.py): the
Bolt path sends them as `UNWIND` rows addressed by the pages' element ids; the bulk path hands
each batch to archmodel's server extension as a file in the server's import folder, and so the
pages, entities, their relationships and the pages' properties too. Both write the same
generation, batch for batch, through the one `GenerationWriter`, and share everything else.
"""

from __future__ import annotations

import hashlib
import json
import queue
import threading
import time
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from archmodel.db import crawls, lease
from archmodel.db.bulk import BulkFiles, WritePath, choose, without_nulls
from archmodel.db.connection import Graph
from archmodel.errors import ServerError
from archmodel.ingest import metrics
from archmodel.ingest.accounting import ReadOptions
from archmodel.ingest.anchor_facts import ConditionNames, OwnNames
from archmodel.ingest.copies import is_copy
from archmodel.ingest.entities import CAPTURE_LABELS, EntityRowsOnDisk
from archmodel.ingest.followed_links import FollowedLinks, link_key
from archmodel.ingest.inputs import CrawlInput, discover_files, infer_base_url, open_inputs, require_crawl_export
from archmodel.ingest.link_hash import outlink_hashes
from archmodel.ingest.link_summary import LinkTally
from archmodel.ingest.memory import peak_memory_mb
from archmodel.ingest.records import InputWarnings, LinkRecord, PageRecord
from archmodel.ingest.redirects import chains as redirect_chains
from archmodel.ingest.schema import ensure_schema
from archmodel.ingest.prepared import prepare_site_model
from archmodel.ingest.sitemodel import SiteModel
from archmodel.names import person_key

# Part of every crawl's fingerprint: a loader that writes new facts (3: Page.resource, copies typed
# other, Page.redirect_chain, LINKS_TO.own_name) loads unchanged inputs again instead of keeping
# the crawl an older loader wrote.
LOADER_VERSION = "3"
DEFAULT_BATCH = 10_000
# links per batch on the bulk path, in batch sizes: a file and a procedure call cost a little more
# than a Bolt message, but the last batch is written after parsing ends, so larger batches leave
# more of the server's work unoverlapped (100,000-link batches did on M: bench/results/attempts.md)
BULK_BATCH_FACTOR = 2
# one row r of a link batch: [source id, target id, anchor, alt, position, body, follow, count, anchor_key, names,
# own_name (true or null)]
LINK_CREATE = (
    "MATCH (a) WHERE elementId(a) = r[0] "
    "MATCH (b) WHERE elementId(b) = r[1] "
    "CREATE (a)-[:LINKS_TO {anchor: r[2], alt: r[3], position: r[4], body: r[5], "
    "follow: r[6], count: r[7], anchor_key: r[8], names: r[9], own_name: r[10]}]->(b)"
)


class Progress(Protocol):
    def advance(self, stage: str, count: int) -> None: ...


class _Silent:
    def advance(self, stage: str, count: int) -> None:
        return None


@dataclass
class LoadResult:
    site: str
    crawl_id: str
    pages: int = 0
    links: int = 0
    unchanged: bool = False
    seconds: float = 0.0
    has_site_model: bool = False
    has_positions: bool = False
    has_sitemap: bool = False
    has_structured_data: bool = False
    pagerank_engine: str = ""
    write_path: str = ""  # "bulk" or "bolt" (archmodel/db/bulk.py), and why
    write_path_reason: str = ""
    warnings: list[str] = field(default_factory=list)
    phases: dict[str, float] = field(default_factory=dict)
    peak_memory_mb: dict[str, int] = field(default_factory=dict)  # the process's peak so far, after set-up and each phase
    site_model_peak_memory_mb: int = 0  # the peak of the child process that read the site model
    inputs: list[dict[str, Any]] = field(default_factory=list)  # rows per input: read, loaded, skipped, rejected


def fingerprint(paths: Iterable[Path], model_digest: str | None) -> str:
    """A stable id for a set of inputs: same files and site model (`model_digest`, its hash), same
    crawl id."""
    digest = hashlib.sha256(f"archmodel-loader-{LOADER_VERSION}".encode())
    for path in sorted(Path(p) for p in paths):
        digest.update(path.name.encode())
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    if model_digest is not None:
        digest.update(model_digest.encode())
    return digest.hexdigest()[:24]


class GenerationWriter:
    """Batched writes of one crawl generation.

    Link batches, the bulk of a load, are written by one background thread while the main thread
    parses the next batch, so reading the export and the server's work overlap. Both ends of a
    link are addressed by the element ids returned when their pages were created, which is
    cheaper for the server than two index seeks per row. With `bulk` set, every write goes
    through the server extension instead (archmodel/db/bulk.py), link batches `BULK_BATCH_FACTOR`
    times larger; the node, relationship and property writes below are all of a load's bulk
    writes (the rest is one node each: the crawl, its link summary, the site's lease; the switch;
    and GDS PageRank when asked for), so the two paths write the same graph.
    """

    # threads taking link batches from the queue, each batch its own transaction: two keep the
    # server's second core busy while one batch commits (links phase 16.8-17.2 s against 11.7-14.2 s
    # on M, 182 s against 136 s on L; three no better; bench/results/attempts.md)
    writer_threads = 2

    def __init__(self, graph: Graph, crawl_id: str, host: str, batch_size: int) -> None:
        self.graph = graph
        self.crawl_id = crawl_id
        self.host = host
        self.batch_size = batch_size
        self.link_batch = batch_size
        self.bulk: BulkFiles | None = None
        self._queue: queue.Queue = queue.Queue(maxsize=2)
        self._error: BaseException | None = None
        self._threads = [threading.Thread(target=self._work, name="archmodel-writer", daemon=True)
                         for _ in range(self.writer_threads)]
        for thread in self._threads:
            thread.start()

    def run(self, query: str, rows: list[Any], **extra: Any) -> list[dict[str, Any]]:
        if not rows:
            return []
        return self.graph.write(query, {"rows": rows, "crawl": self.crawl_id, **extra})

    def create_nodes(self, label: str, rows: list[dict[str, Any]], key: str) -> list[tuple[Any, str]]:
        """One `label` node per row (`SET n = row`); returns each row's `key` value with the
        element id of its node."""
        if not rows:
            return []
        if self.bulk is not None:
            return list(zip((row[key] for row in rows), self.bulk.create_nodes(label, rows)))
        created = self.run(f"UNWIND $rows AS r CREATE (n:{label}) SET n = r RETURN r[$key] AS key, elementId(n) AS id",
                           rows, key=key)
        return [(row["key"], row["id"]) for row in created]

    def create_relationships(self, rel: str, rows: list[list[Any]], properties: Sequence[str] = ()) -> None:
        """One `rel` relationship per [start element id, end element id, *values] row, with the
        values as `properties`; in transactions of at most `batch_size` rows."""
        for start in range(0, len(rows), self.batch_size):
            batch = rows[start : start + self.batch_size]
            if self.bulk is not None:
                self.bulk.create_relationships(rel, [(a, b, dict(zip(properties, values))) for a, b, *values in batch])
                continue
            values = ", ".join(f"{key}: r[{i + 2}]" for i, key in enumerate(properties))
            self.run(
                "UNWIND $rows AS r MATCH (a) WHERE elementId(a) = r[0] MATCH (b) WHERE elementId(b) = r[1] "
                f"CREATE (a)-[:{rel}{' {' + values + '}' if values else ''}]->(b)",
                batch,
            )

    def set_properties(self, rows: list[tuple[str, dict[str, Any]]]) -> None:
        """Set each (node element id, properties) row's properties, a null leaving one as it is;
        in transactions of at most `batch_size` rows."""
        for start in range(0, len(rows), self.batch_size):
            batch = [(node, without_nulls(properties)) for node, properties in rows[start : start + self.batch_size]]
            if self.bulk is not None:
                self.bulk.set_properties(batch)
            else:
                self.run("UNWIND $rows AS r MATCH (p) WHERE elementId(p) = r[0] SET p += r[1]", batch)

    def use_bulk(self, bulk: BulkFiles) -> None:
        """Write through the server extension from now on."""
        self.bulk = bulk
        self.link_batch = self.batch_size * BULK_BATCH_FACTOR

    def submit_links(self, rows: list[list[Any]]) -> None:
        """Queue a batch of [source id, target id, anchor, alt, position, body, follow, count,
        anchor_key, names, own_name] rows."""
        self._raise_pending()
        if rows:
            self._queue.put(rows)

    def _work(self) -> None:
        while True:
            rows = self._queue.get()
            try:
                if rows is None:
                    return
                if self._error is None:
                    self.write_links(rows)
            except BaseException as exc:  # handed to the main thread, which raises it
                self._error = exc
            finally:
                self._queue.task_done()

    def write_links(self, rows: list[list[Any]]) -> None:
        """One batch of links, in the writer thread (bench/load_attempts.py tries other ways)."""
        if self.bulk is not None:
            self.bulk.write_links(rows)
        else:
            self.run(f"UNWIND $rows AS r {LINK_CREATE}", rows)

    def _raise_pending(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def drain(self) -> None:
        """Wait until every queued batch is written; raise the first failure."""
        self._queue.join()
        self._raise_pending()

    def close(self) -> None:
        for _ in self._threads:
            self._queue.put(None)
        for thread in self._threads:
            thread.join(timeout=60)


class CrawlLoader:
    """One load: resolve inputs, write a generation, compute metrics, switch."""

    def __init__(
        self,
        graph: Graph,
        paths: Sequence[Path],
        site_model: Path | None,
        sitemaps: Sequence[Path],
        progress: Progress,
        batch_size: int,
        pagerank_engine: str,
        read_options: ReadOptions | None = None,
        keep: int = crawls.DEFAULT_KEEP,
        write_path: WritePath = WritePath.auto,
        import_dir: Path | None = None,
    ) -> None:
        self.graph = graph
        self.write_path = write_path
        self.import_dir = import_dir
        self.read_options = read_options
        self.keep = keep
        self.progress = progress
        self.batch_size = batch_size
        self.requested_engine = pagerank_engine
        self.model_path = site_model
        prepared = prepare_site_model(Path(site_model)) if site_model else None
        self.discovery = InputWarnings()
        self.files = discover_files(
            [Path(p) for p in paths], self.discovery, ignore=prepared.model.csv_files if prepared else ()
        )
        self.sitemaps = [Path(p) for p in sitemaps]
        require_crawl_export(self.files, paths)
        if prepared is None:
            self.site_model = SiteModel.without_model(infer_base_url(self.files))
            self.entity_rows = EntityRowsOnDisk.empty()
            self.trust_roles: dict[str, str] = {}
            self.condition_names = ConditionNames(())
            self.own_names = OwnNames({}, {})
        else:
            self.site_model = prepared.model  # without its entities: they are in the rows
            self.entity_rows = prepared.rows  # until the entities phase
            self.trust_roles = prepared.trust_roles
            self.condition_names = ConditionNames(prepared.condition_entries)
            self.own_names = OwnNames.from_entries(prepared.own_entries)
        self.normaliser = self.site_model.normaliser
        self.host = self.normaliser.host
        self.home_url = self.normaliser.to_url(self.site_model.site.home or "/")
        input_paths = [f.path for f in self.files] + self.sitemaps
        if site_model:
            input_paths.append(Path(site_model))
        self.fingerprint = fingerprint(input_paths, prepared.digest if prepared else None)
        self.crawl_id = self.fingerprint
        self.writer = GenerationWriter(graph, self.crawl_id, self.host, batch_size)
        self.lease: lease.Lease | None = None  # held from before the clean-up of stale generations to the switch
        self.urls: list[str] = []
        self.element_ids: list[str] = []
        self.index: dict[str, int] = {}
        self.crawled: array = array("b")
        self.linked = bytearray()  # 1 for a URL some other page links to (any hyperlink)
        self.skipped_urls: set[str] = set()
        self.followed = FollowedLinks()  # followed links between two pages, for the metrics
        self.link_tally = LinkTally()
        self.captures: list[dict[str, Any]] = []
        self.sitemap_urls: set[str] = set()
        self.reviewers: list[tuple[str, str]] = []
        self.result = LoadResult(self.host, self.crawl_id, has_site_model=prepared is not None)
        self.result.site_model_peak_memory_mb = prepared.peak_memory_mb if prepared else 0
        self.result.warnings.extend(self.site_model.warnings)
        self.result.warnings.extend(self.discovery.messages)

    def run(self) -> LoadResult:
        try:
            return self._run()
        finally:
            self.entity_rows.close()

    def _run(self) -> LoadResult:
        started = time.monotonic()
        self.result.peak_memory_mb["set-up"] = peak_memory_mb()
        ensure_schema(self.graph)
        if crawls.current_fingerprint(self.graph, self.host) == self.fingerprint:
            self.result.unchanged = True
            self.result.crawl_id = crawls.current_crawl(self.graph, self.host) or self.crawl_id
            self.result.seconds = time.monotonic() - started
            return self.result
        choice = choose(self.graph, self.write_path, self.import_dir)
        self.result.write_path, self.result.write_path_reason = choice.path.value, choice.reason
        self.lease = lease.acquire(self.graph, self.host)  # before any clean-up: one load per site at a time
        try:
            crawls.remove_stale_generations(self.graph, self.host)
            self.crawl_id = self.writer.crawl_id = self.result.crawl_id = crawls.generation_id(self.graph, self.fingerprint)
            if choice.import_dir is not None:
                bulk = BulkFiles(self.graph, choice.import_dir, self.host, self.crawl_id)
                bulk.remove_leftovers()
                self.writer.use_bulk(bulk)
            try:
                self._write_generation()
            finally:
                self.writer.close()
            with self._phase("switch"):
                self._switch()
        finally:
            self.lease.release()
        self.result.seconds = time.monotonic() - started
        return self.result

    def _write_generation(self) -> None:
        crawl_input = open_inputs([f.path for f in self.files], self.normaliser, self.sitemaps, self.read_options)
        self.result.has_positions = crawl_input.has_positions
        self.result.has_sitemap = crawl_input.has_sitemap
        self.result.has_structured_data = crawl_input.has_structured_data
        self._create_crawl_node()
        self._write_contents(crawl_input)
        self.result.warnings.extend(crawl_input.warnings.messages)
        self.result.inputs = crawl_input.summary()

    def _write_contents(self, crawl_input: CrawlInput) -> None:
        with self._phase("prepare"):
            self.sitemap_urls = {entry.url for entry in crawl_input.sitemap_entries()}
        with self._phase("pages"):
            self._load_pages(crawl_input.pages())
            self._keep_sitemap_urls_not_loaded()
        with self._phase("links"):
            self._load_links(crawl_input.links(), has_page_export=self.result.pages > 0)
            self._store_link_tally()
            self._mark_resources(crawl_input.resource_targets())
            self._store_structured_data(crawl_input)
        self._drop_what_entities_do_not_need()
        with self._phase("entities"):
            self._add_uncrawled_pages(sorted(self.sitemap_urls | self.entity_rows.named_urls()))
            self._load_entities(self.entity_rows)
        self._drop_what_metrics_do_not_need()
        with self._phase("metrics"):
            self._compute_metrics()

    def _keep_sitemap_urls_not_loaded(self) -> None:
        """Once the crawled pages are loaded, the sitemap's URLs matter only for pages not yet
        created (link targets outside the page export, uncrawled sitemap pages): on a site whose
        sitemap the crawl covers, that frees a million URLs before the links phase."""
        self.sitemap_urls = {url for url in self.sitemap_urls if url not in self.index}

    def _store_link_tally(self) -> None:
        """The link counts are complete once the links are read: stored with the generation then
        and freed, they no longer sit beside the entities and the link graph (about 4 million
        anchors on the XL tier, 300 MB or more)."""
        self.link_tally.store(self.graph, self.crawl_id)
        self.link_tally.close()
        self.link_tally = LinkTally()

    def _drop_what_entities_do_not_need(self) -> None:
        """The condition and own names and the memos of normalised URLs and anchor facts serve the
        pages and links; the entities phase reads its rows back from disk beside them otherwise."""
        self.condition_names.anchor_facts.cache_clear()
        self.condition_names = ConditionNames(())
        self.own_names = OwnNames({}, {})
        self.normaliser.forget()

    def _drop_what_metrics_do_not_need(self) -> None:
        """The entity rows, the sitemap's URLs, the captured names and reviewers and the memo of
        normalised URLs serve the pages, links and entities only; freed before the metrics phase,
        the link graph's arrays take their memory (about 140 MB on the L tier) instead of adding
        to it."""
        self.entity_rows.close()
        self.sitemap_urls = set()
        self.captures = []
        self.reviewers = []
        self.normaliser.forget()

    @contextmanager
    def _phase(self, name: str) -> Iterator[None]:
        started = time.monotonic()
        if self.lease is not None:
            self.lease.renew(force=True)
        yield
        self.result.phases[name] = round(time.monotonic() - started, 3)
        self.result.peak_memory_mb[name] = peak_memory_mb()

    def _create_crawl_node(self) -> None:
        thresholds = self.site_model.thresholds.model_dump() if self.site_model.thresholds else {}
        properties = {
            "id": self.crawl_id,
            "fingerprint": self.fingerprint,
            "site": self.host,
            "loaded_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "sources": [f.path.name for f in self.files] + [p.name for p in self.sitemaps],
            "has_site_model": self.result.has_site_model,
            "has_positions": self.result.has_positions,
            "has_sitemap": self.result.has_sitemap,
            "has_structured_data": self.result.has_structured_data,
            **{key: value for key, value in thresholds.items() if value is not None},
            **(self.site_model.inferred.crawl_properties() if self.site_model.inferred else {}),
        }
        if self.site_model.page_type_weights:
            properties["page_type_weights"] = json.dumps(self.site_model.page_type_weights, sort_keys=True)
        crawls.create_crawl(self.graph, properties)

    def _page_row(self, url: str, record: PageRecord | None) -> dict[str, Any]:
        path = self.normaliser.path_of(url)
        # a copy of another page (canonicalised elsewhere, tracking parameters) takes no type from
        # the patterns, which ignore the query: it is no key, condition or other typed page
        copy = url != self.home_url and (
            is_copy(url, record.canonical, record.indexability) if record is not None else is_copy(url)
        )
        page_type, captures = ("other", {}) if copy else self.site_model.classify(path)
        for name, value in captures.items():
            label = CAPTURE_LABELS.get(name)
            if label:
                self.captures.append({"label": label, "id": value, "url": url, "via": "capture"})
                self.own_names.add_page(url, label, value)
        row: dict[str, Any] = {
            "crawl": self.crawl_id,
            "site": self.host,
            "url": url,
            "path": path,
            "type": "home" if url == self.home_url else page_type,
            "is_home": url == self.home_url,
            "in_crawl": record is not None,
            "in_sitemap": url in self.sitemap_urls,
            "trust_role": self.trust_roles.get(url),
            "names": [],
        }
        if record is not None:
            status = record.status or None
            canonical = record.canonical
            indexable = record.indexable
            if indexable is None:
                indexable = (status is None or 200 <= status < 300) and (not canonical or canonical == url)
            row.update(
                status=status,
                title=record.title,
                h1=record.h1,
                indexable=bool(indexable),
                indexability=record.indexability,
                canonical=canonical,
                redirect_to=record.redirect_to,
                word_count=record.word_count,
                crawl_depth=record.crawl_depth,
                names=self.condition_names.named(record.title, record.h1),
            )
            if record.reviewed_by:
                self.reviewers.append((url, record.reviewed_by))
        else:
            row["indexable"] = True
        return row

    def _register(self, url: str, crawled: bool) -> int:
        position = len(self.urls)
        self.urls.append(url)
        self.element_ids.append("")
        self.index[url] = position
        self.crawled.append(1 if crawled else 0)
        self.linked.append(0)
        return position

    def _create_pages(self, rows: list[dict[str, Any]]) -> None:
        for url, element in self.writer.create_nodes("Page", rows, "url"):
            self.element_ids[self.index[url]] = element

    def _load_pages(self, pages: Iterable[PageRecord]) -> None:
        batch: list[dict[str, Any]] = []
        redirects: dict[str, str] = {}
        for record in pages:
            if not record.is_html:
                self.skipped_urls.add(record.url)
                continue
            if record.url in self.index:
                continue
            self._register(record.url, True)
            batch.append(self._page_row(record.url, record))
            if record.redirect_to:
                redirects[record.url] = record.redirect_to
            if len(batch) >= self.batch_size:
                self._create_pages(batch)
                self.progress.advance("pages", len(batch))
                batch = []
        self._create_pages(batch)
        self.progress.advance("pages", len(batch))
        self.result.pages = len(self.urls)
        self._store_redirect_chains(redirects)

    def _store_redirect_chains(self, redirects: dict[str, str]) -> None:
        """Each redirecting page's whole chain (`redirect_chain`, `redirect_loop`), for
        links-to-redirect to name the final URL (archmodel/ingest/redirects.py)."""
        self.writer.set_properties([
            (self.element_ids[self.index[url]], {"redirect_chain": chain, "redirect_loop": loop})
            for url, (chain, loop) in redirect_chains(redirects).items()
        ])

    def _load_links(self, links: Iterable[LinkRecord], has_page_export: bool) -> None:
        """Create links, aggregating identical consecutive links into one with a count. The
        followed links between two pages are kept for the metrics as one key per distinct link
        of the batch (archmodel/ingest/followed_links.py)."""
        pending: dict[tuple, int] = {}
        placeholders: list[dict[str, Any]] = []
        followed: set[int] = set()
        total = 0

        def flush() -> None:
            nonlocal pending, placeholders
            if self.lease is not None:
                self.lease.renew()  # at most once a minute: a long links phase keeps the site's lease
            self._create_pages(placeholders)
            ids, index, facts, own = self.element_ids, self.index, self.condition_names.anchor_facts, self.own_names.named
            rows = [
                [ids[index[source]], ids[index[target]], anchor, alt, position, body, follow, count, *facts(anchor),
                 own(anchor, target)]
                for (source, target, anchor, alt, position, body, follow), count in pending.items()
            ]
            self.writer.submit_links(rows)
            self.link_tally.add(pending)
            self.followed.add_batch(followed)
            self.progress.advance("links", sum(pending.values()))
            pending, placeholders = {}, []
            followed.clear()

        for link in links:
            if link.source in self.skipped_urls or link.target in self.skipped_urls:
                continue
            for url in (link.source, link.target):
                if url not in self.index:
                    self._register(url, not has_page_export)
                    placeholders.append(self._page_row(url, None) | {"in_crawl": not has_page_export})
            key = (link.source, link.target, link.anchor or "", link.alt or "", link.position, link.body, bool(link.follow))
            pending[key] = pending.get(key, 0) + 1
            total += 1
            if link.source != link.target:
                target = self.index[link.target]
                self.linked[target] = 1
                if link.follow:
                    followed.add(link_key(self.index[link.source], target, link.body))
            if len(pending) >= self.writer.link_batch:
                flush()
        flush()
        self.writer.drain()
        self.result.links = total

    def _mark_resources(self, targets: set[str]) -> None:
        """A crawled URL that image, style sheet or script rows point at and no hyperlink of another
        page does (a missing image answered with an HTML 404, say) is a resource, not a page: it
        gets `resource = true`, and the page checks leave it out (docs/check-semantics.md)."""
        ids = [
            self.element_ids[i]
            for i in sorted(self.index[url] for url in targets if url in self.index)
            if self.crawled[i] and not self.linked[i] and self.urls[i] != self.home_url
        ]
        self.writer.set_properties([(element, {"resource": True}) for element in ids])

    def _store_structured_data(self, crawl_input: CrawlInput) -> None:
        """The schema.org types and validation counts of the Structured Data export on the crawled
        HTML pages they describe (`schema_types`, `schema_errors`, `schema_warnings`); read once
        the links are, as a crawl without a page export knows its pages only from them."""

        def is_page(url: str) -> bool:
            position = self.index.get(url)
            return position is not None and bool(self.crawled[position])

        self.writer.set_properties([
            (self.element_ids[self.index[record.url]],
             {"schema_types": record.types, "schema_errors": record.errors, "schema_warnings": record.warnings})
            for record in crawl_input.structured_data(is_page)
        ])

    def _add_uncrawled_pages(self, urls: Iterable[str]) -> None:
        """Sitemap URLs and site-model pages the crawl never reached still become Page nodes."""
        rows = []
        for url in urls:
            if url in self.index or url in self.skipped_urls:
                continue
            self._register(url, False)
            rows.append(self._page_row(url, None))
        for start in range(0, len(rows), self.batch_size):
            self._create_pages(rows[start : start + self.batch_size])

    def _load_entities(self, entities: EntityRowsOnDisk) -> None:
        """Entity nodes, then their relationships, addressed by the element ids their creation
        returned (as the links are): a `MATCH (n:Condition {crawl, id})` planned while the label
        was still empty may scan the label for every row, which made this phase grow with the
        square of the entities (README "Performance"). The rows come back from disk a section at
        a time."""
        elements: dict[str, dict[str, str]] = {}
        names: dict[str, str] = {}  # a provider's person_key -> its id, for reviewers named by name
        for label, rows in entities.nodes():
            elements[label] = {}
            for start in range(0, len(rows), self.batch_size):
                batch = [row | {"crawl": self.crawl_id} for row in rows[start : start + self.batch_size]]
                elements[label].update(self.writer.create_nodes(label, batch, "id"))
            if label == "Provider":
                names = {person_key(row["name"]): row["id"] for row in rows}

        def entity(label: str) -> Callable[[str], str | None]:
            return elements.get(label, {}).get

        for (start_label, rel, end_label), rows in entities.relations():
            self._relate(rel, first_of_each(rows, ("a", "b")), ("a", entity(start_label)), ("b", entity(end_label)))
        for (label, rel), rows in entities.page_links():
            extra = [key for key in sorted(rows[0]) if key not in {"id", "url"}]
            self._relate(rel, first_of_each(rows, ("id", "url")), ("id", entity(label)), ("url", self._page_element),
                         extra)
        ids = entities.ids()
        unknown = [row for row in self.captures if row["id"] not in ids[row["label"]]]
        for row in unknown[:20]:
            self.result.warnings.append(
                f"{row['url']}: its URL names {row['label'].lower()} '{row['id']}', which site.yml does not define"
            )
        if len(unknown) > 20:
            self.result.warnings.append(f"... and {len(unknown) - 20} more URLs naming entities site.yml does not define")
        for label in CAPTURE_LABELS.values():
            rows = entities.about(label) + [
                row for row in self.captures if row["label"] == label and row["id"] in ids[label]
            ]
            self._relate("ABOUT", first_of_each(rows, ("url", "id")), ("url", self._page_element), ("id", entity(label)),
                         ["via"])
        reviewed = entities.reviewed_by()
        for url, value in self.reviewers:
            provider_id = value if value in ids["Provider"] else names.get(person_key(value))
            if provider_id:
                reviewed.append({"url": url, "id": provider_id})
            else:
                self.result.warnings.append(f"{url}: reviewer '{value}' is not a provider in site.yml")
        self._relate("REVIEWED_BY", first_of_each(reviewed, ("url", "id")), ("url", self._page_element),
                     ("id", entity("Provider")))

    def _page_element(self, url: str) -> str | None:
        position = self.index.get(url)
        return None if position is None else self.element_ids[position]

    def _relate(
        self,
        rel: str,
        rows: list[dict[str, Any]],
        start: tuple[str, Callable[[str], str | None]],
        end: tuple[str, Callable[[str], str | None]],
        properties: Sequence[str] = (),
    ) -> None:
        """One `rel` relationship per row, from the node `start` finds for the row's key to the one
        `end` finds, with `properties` copied from the row. A row with an end that is not in the
        generation creates nothing, as a MATCH on it would."""
        (start_key, start_of), (end_key, end_of) = start, end
        pairs = []
        for row in rows:
            a, b = start_of(row[start_key]), end_of(row[end_key])
            if a is not None and b is not None:
                pairs.append([a, b, *(row.get(key) for key in properties)])
        self.writer.create_relationships(rel, pairs, properties)

    def _compute_metrics(self) -> None:
        """Depth, degrees, body outlinks, the outgoing-link hash and PageRank of every page, from
        the distinct followed links, which are sorted in place and freed once the link graph's
        two int32 arrays are built (archmodel/ingest/followed_links.py)."""
        size = len(self.urls)
        keys = self.followed.distinct()
        body_outlinks = metrics.body_outlinks(size, keys)
        links_hash = outlink_hashes(self.urls, keys)
        links = metrics.LinkGraph.from_keys(size, keys)
        del keys
        self.followed.release()
        depth = metrics.click_depth(links, self.index.get(self.home_url))
        inlinks, outlinks = metrics.degrees(links)
        crawled = np.frombuffer(self.crawled, dtype=np.int8).astype(bool) if len(self.crawled) else np.zeros(0, bool)
        # "auto" is the Python engine: it reads the link arrays this load already holds, while GDS
        # first projects every link of the crawl on the server (L tier: 10 s against 41 s for the
        # metrics phase, same peak memory; bench/results/attempts.md). Both give the same scores.
        engine = "python" if self.requested_engine == "auto" else self.requested_engine
        scores = metrics.pagerank(links, crawled) if engine == "python" else None
        self.result.pagerank_engine = engine
        for start in range(0, size, self.batch_size):
            self.writer.set_properties([
                (
                    self.element_ids[i],
                    {
                        "depth": int(depth[i]) if depth[i] >= 0 else None,
                        "inlinks": int(inlinks[i]),
                        "outlinks": int(outlinks[i]),
                        "body_outlinks": int(body_outlinks[i]),
                        "links_hash": links_hash[i],
                        "pagerank": float(scores[i]) if scores is not None and crawled[i] else None,
                    },
                )
                for i in range(start, min(start + self.batch_size, size))
            ])
        if engine == "gds":
            pagerank_with_gds(self.graph, self.crawl_id)

    def _switch(self) -> None:
        """Make the new generation current (archmodel/db/crawls.py), then retire crawls past
        `keep`. If the generation is gone, nothing changes and the site keeps its current crawl."""
        site = self.site_model.site
        switched = crawls.switch_to(
            self.graph, self.host, self.crawl_id,
            site={"base_url": self.normaliser.base_url, "name": getattr(site, "name", None) or self.host,
                  "home_url": self.home_url, "aliases": list(site.aliases or [])},
            pages=self.result.pages, links=self.result.links,
        )
        if not switched:
            raise ServerError(f"the new crawl {self.crawl_id} was removed before it became current", self.host,
                              "load again; the site keeps its earlier crawl")
        crawls.prune(self.graph, self.host, self.keep)


def first_of_each(rows: list[dict[str, Any]], key: tuple[str, ...]) -> list[dict[str, Any]]:
    """Rows with duplicate keys dropped (first wins), so relationships can be CREATEd, not MERGEd."""
    seen: set[tuple] = set()
    unique = []
    for row in rows:
        identity = tuple(row[k] for k in key)
        if identity not in seen:
            seen.add(identity)
            unique.append(row)
    return unique


def pagerank_with_gds(graph: Graph, crawl_id: str) -> None:
    """GDS PageRank over the generation's followed links (docs/check-semantics.md "equity").

    Repeated links between two pages count once. They are made distinct per source page, so that
    the server holds one page's targets at a time rather than every pair of a crawl of 40M links.
    """
    name = f"archmodel-pagerank-{crawl_id}"
    graph.write(
        "CALL gds.graph.exists($name) YIELD exists WITH exists WHERE exists "
        "CALL gds.graph.drop($name) YIELD graphName RETURN graphName",
        {"name": name},
    )
    graph.write(
        "MATCH (a:Page {crawl: $crawl}) WHERE a.in_crawl "
        "CALL (a) { OPTIONAL MATCH (a)-[r:LINKS_TO]->(b:Page {crawl: $crawl}) "
        "WHERE r.follow AND b.in_crawl AND a <> b RETURN DISTINCT b } "
        "WITH gds.graph.project($name, a, b) AS g RETURN g.graphName AS graph",
        {"crawl": crawl_id, "name": name},
    )
    try:
        graph.write(
            "CALL gds.pageRank.write($name, {writeProperty: 'pagerank', dampingFactor: $damping, "
            "maxIterations: $iterations, tolerance: $tolerance}) YIELD nodePropertiesWritten "
            "RETURN nodePropertiesWritten",
            {
                "name": name,
                "damping": metrics.DAMPING,
                "iterations": metrics.MAX_ITERATIONS,
                "tolerance": metrics.TOLERANCE,
            },
        )
    finally:
        graph.write("CALL gds.graph.drop($name) YIELD graphName RETURN graphName", {"name": name})


def load_crawl(
    graph: Graph,
    paths: Sequence[Path],
    site_model: Path | None = None,
    sitemaps: Sequence[Path] = (),
    progress: Progress | None = None,
    batch_size: int = DEFAULT_BATCH,
    pagerank_engine: str = "auto",
    read_options: ReadOptions | None = None,
    keep: int = crawls.DEFAULT_KEEP,
    write_path: WritePath = WritePath.auto,
    import_dir: Path | None = None,
) -> LoadResult:
    """Load crawl export files (or folders of them) and an optional site model.

    `pagerank_engine` is "auto" (the Python engine), "gds" or "python"; `read_options`
    sets how strict the readers are (`--strict`, `--max-bad-rows`); `keep` is how many crawls of
    the site stay in the history, this one included. `write_path` picks how the links are written
    (archmodel/db/bulk.py: `auto` takes the server extension when the server has it and shares
    its import folder, `import_dir` as this machine sees it when archmodel cannot know it).
    """
    loader = CrawlLoader(
        graph, paths, site_model, sitemaps, progress or _Silent(), batch_size, pagerank_engine, read_options, keep,
        write_path, import_dir,
    )
    return loader.run()
