"""Run checks against one crawl of one site (the current one unless `--crawl` picks another)
and collect their findings. Checks are scoped by `$crawl`, which the runner fills in; a user
check that still starts from the site's `CURRENT` pointer can only read the current crawl and is
skipped, with that reason, when an older crawl is asked for.

Each check runs in its own read transaction, so a pack can never change the graph, and with
parameters resolved in one place: `-p NAME VALUE` from the command line, else the threshold the
site model stored on the `Crawl` node, else the header's default. A check whose `requires` the
crawl cannot meet (no links, no site model, no link positions, ...) is skipped with a reason
instead of returning an empty result that would read as a clean bill of health, or, for a crawl
loaded without its links, every page reported unreachable.

A check's result is kept with the crawl once it has run (archmodel/packs/stored.py), so the
commands that follow on the same crawl read it instead of running the check again.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import neo4j
from neo4j import exceptions as neo4j_errors

from archmodel.db.connection import Graph
from archmodel.db.crawls import is_current
from archmodel.db.sites import SiteRef, resolve_site
from archmodel.errors import PackError
from archmodel.packs.readonly import refuse_side_effects
from archmodel.packs.registry import Check, severity_rank
from archmodel.packs.stored import read_results, result_key, store_results

# Crawl properties the loader copies from site.yml `thresholds`; only these override defaults,
# so a user parameter that happens to share a name with another Crawl property is not filled.
THRESHOLDS = frozenset(
    {
        "max_depth",
        "key_page_max_depth",
        "max_content_outlinks",
        "min_contextual_outlinks",
        "generic_anchors",
        "anchor_repeat_share",
    }
)
FINDING_KEYS = ("pack", "check", "severity", "title")
CHECK_ID = "check_id"  # the check's stable id, after its declared columns (docs/packs.md "Output")

LINKS_REASON = (
    "this crawl has no links; add Screaming Frog's All Inlinks export (Bulk Export > Links > All Inlinks) "
    "or a links.csv and load again"
)
STRUCTURED_DATA_REASON = (
    "no structured data was loaded with this crawl; crawl with JSON-LD, Microdata, RDFa and Schema.org "
    "Validation on (Configuration > Spider > Extraction), export Screaming Frog's Structured Data tab with "
    "its All filter and load it with the crawl"
)
SKIP_REASONS = {
    "links": LINKS_REASON,
    "site_model": "the crawl was loaded without a site model; load it again with --site site.yml",
    "positions": (
        "the crawl's links carry no link position, so body and navigation links cannot be told apart; "
        "export links with their position (Screaming Frog 'All Inlinks' with Link Position)"
    ),
    "sitemap": "no sitemap was loaded; load the crawl again with --sitemap sitemap.xml",
    "review_pages": "the site model names no review methodology page; add trust.review_pages to site.yml",
    "policy_pages": "the site model names no policy page; add trust.policy_pages to site.yml",
    "structured_data": STRUCTURED_DATA_REASON,
}
# Reasons that skip a whole group of checks at once: said once for the group, not once per check.
GROUPED_SKIPS = {LINKS_REASON: "link check", STRUCTURED_DATA_REASON: "structured-data check"}


@dataclass
class CheckOutcome:
    """What one check produced: findings, or the reason it was skipped."""

    check: Check
    findings: list[dict[str, Any]] = field(default_factory=list)
    skipped: str | None = None
    seconds: float = 0.0
    reused: bool = False  # read from the results stored for this crawl, not run now


@dataclass
class RunReport:
    site: SiteRef
    outcomes: list[CheckOutcome]

    @property
    def findings(self) -> list[dict[str, Any]]:
        return [finding for outcome in self.outcomes for finding in outcome.findings]

    @property
    def skipped(self) -> list[CheckOutcome]:
        return [outcome for outcome in self.outcomes if outcome.skipped]

    def skip_lines(self) -> list[str]:
        """What to say about the skipped checks: one line for all the checks that need links
        (on a crawl without links that is most of them), one for all those that need structured
        data (the whole structured-data pack), one line per other skipped check."""
        lines = [line for reason in GROUPED_SKIPS if (line := self.group_skip_line(reason))]
        lines += [f"Skipped {o.check.name}: {o.skipped}." for o in self.skipped if o.skipped not in GROUPED_SKIPS]
        return lines

    def group_skip_line(self, reason: str) -> str | None:
        """"Skipped 36 link checks: this crawl has no links. Add ..." for one of GROUPED_SKIPS
        (None: no check was skipped for it)."""
        count = sum(1 for o in self.skipped if o.skipped == reason)
        if not count:
            return None
        said = links_sentence() if reason == LINKS_REASON else f"{reason}."
        return f"Skipped {count} {GROUPED_SKIPS[reason]}{'' if count == 1 else 's'}: {said}"

    def links_skip_line(self) -> str | None:
        return self.group_skip_line(LINKS_REASON)

    def finding_columns(self) -> list[str]:
        """Every key its findings carry, in order: pack, check, severity, title, `since` (run
        --since), every check's declared columns, then check_id."""
        findings = self.findings
        columns = list(FINDING_KEYS) + (["since"] if findings and "since" in findings[0] else [])
        for outcome in self.outcomes:
            columns += [c for c in outcome.check.columns if c not in columns]
        return columns + [CHECK_ID]

    def count_at_or_above(self, severity: str) -> int:
        floor = severity_rank(severity)
        return sum(1 for f in self.findings if severity_rank(f["severity"]) >= floor)

    def summary(self) -> str:
        ran = len(self.outcomes) - len(self.skipped)
        by_severity = {}
        for finding in self.findings:
            by_severity[finding["severity"]] = by_severity.get(finding["severity"], 0) + 1
        counts = ", ".join(
            f"{by_severity[s]} {s}" for s in ("high", "medium", "low", "info") if s in by_severity
        )
        total = len(self.findings)
        text = f"Ran {ran} checks on {self.site.host}: {total} finding{'' if total == 1 else 's'}"
        if counts:
            text += f" ({counts})"
        if self.skipped:
            text += f"; {len(self.skipped)} skipped"
        reused = sum(1 for outcome in self.outcomes if outcome.reused)
        if reused:
            text += f"; {reused} read from the results stored for this crawl (--fresh runs them again)"
        return text + "."


def links_sentence(capital: bool = False) -> str:
    """The skip reason for link checks as two sentences: "this crawl has no links. Add ... again." """
    first, _, second = LINKS_REASON.partition("; ")
    first = first[0].upper() + first[1:] if capital else first
    return f"{first}. {second[0].upper()}{second[1:]}."


def crawl_has_links(crawl: Mapping[str, Any]) -> bool:
    """Whether a crawl (the properties of its `Crawl` node) holds links. `links` is the count the
    loader stores; a crawl without it (an older load) is taken to have links."""
    links = crawl.get("links")
    return links is None or links > 0


def convert_value(name: str, raw: str, kind: str) -> Any:
    """A `-p NAME VALUE` string typed as the header declares it."""
    text = raw.strip()
    try:
        if kind == "integer":
            return int(text)
        if kind == "float":
            return float(text)
        if kind == "boolean":
            lowered = text.lower()
            if lowered in {"true", "yes", "1", "on"}:
                return True
            if lowered in {"false", "no", "0", "off"}:
                return False
            raise ValueError(text)
        if kind == "list":
            if text.startswith("["):
                value = json.loads(text)
                if not isinstance(value, list):
                    raise ValueError(text)
                return value
            return [item.strip() for item in text.split(",") if item.strip()]
        return raw
    except (ValueError, json.JSONDecodeError):
        example = {
            "integer": "3",
            "float": "0.8",
            "boolean": "true",
            "list": '"learn more,click here" or \'["learn more", "click here"]\'',
        }.get(kind, "text")
        raise PackError(
            f"parameter '{name}' must be {'an' if kind == 'integer' else 'a'} {kind}, not {raw!r}",
            f"-p {name}",
            f"give {'an' if kind == 'integer' else 'a'} {kind} such as {example}",
        ) from None


def guess_value(raw: str) -> Any:
    """Type an ad hoc query parameter: integer, float, boolean, JSON list/object, else text."""
    text = raw.strip()
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    if text.lower() in {"true", "false"}:
        return text.lower() == "true"
    if text.startswith(("[", "{")):
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            pass
    if text.lower() == "null":
        return None
    return raw


class Runner:
    """Runs checks for one site; construct with `Runner.for_site` to resolve the site first."""

    def __init__(
        self, graph: Graph, site: SiteRef, overrides: Mapping[str, str] | None = None, reuse: bool = True
    ) -> None:
        self.graph = graph
        self.site = site
        self.overrides = dict(overrides or {})
        self.reuse = reuse
        self._capabilities: set[str] | None = None
        self._current: bool | None = None

    @classmethod
    def for_site(
        cls,
        graph: Graph,
        host: str | None,
        overrides: Mapping[str, str] | None = None,
        say: Callable[[str], None] | None = None,
        crawl: str | None = None,
        reuse: bool = True,
    ) -> Runner:
        return cls(graph, resolve_site(graph, host, say=say, crawl=crawl), overrides, reuse)

    def reads_current(self) -> bool:
        """Whether the crawl this runner reads is the site's current one."""
        if self._current is None:
            self._current = is_current(self.graph, self.site)
        return self._current

    def capabilities(self) -> set[str]:
        """Which `requires` values this crawl meets."""
        if self._capabilities is None:
            crawl = self.site.crawl
            met = {"links"} if crawl_has_links(crawl) else set()
            met |= {
                name
                for name, key in (
                    ("site_model", "has_site_model"),
                    ("positions", "has_positions"),
                    ("sitemap", "has_sitemap"),
                    ("structured_data", "has_structured_data"),
                )
                if crawl.get(key)
            }
            roles = self.graph.read(
                "MATCH (p:Page {crawl: $crawl}) WHERE p.trust_role IS NOT NULL "
                "RETURN collect(DISTINCT p.trust_role) AS roles",
                {"crawl": self.site.crawl_id},
            )[0]["roles"]
            if "review" in roles:
                met.add("review_pages")
            if "policy" in roles:
                met.add("policy_pages")
            self._capabilities = met
        return self._capabilities

    def skip_reason(self, check: Check) -> str | None:
        if "crawl" not in check.header.parameters and not self.reads_current():
            return (
                "it reads the site's CURRENT crawl only; start it with "
                "`MATCH (c:Crawl {id: $crawl, site: $site})` to read older crawls"
            )
        missing = [need for need in check.header.requires if need not in self.capabilities()]
        if not missing:
            return None
        # Without links, "no links" is the reason to give even when another requirement is missing
        # too (positions always is): adding the links export is what brings the check back.
        return SKIP_REASONS["links" if "links" in missing else missing[0]]

    def validate_overrides(self, checks: Sequence[Check]) -> None:
        """Refuse `-p` names no selected check uses, and values that do not fit their type."""
        declared: dict[str, Check] = {}
        for check in checks:
            for name in check.header.parameters:
                declared.setdefault(name, check)
        for name, raw in self.overrides.items():
            if name == "site":
                raise PackError("'site' is chosen with --site, not -p", "-p site", "use --site HOST")
            if name == "crawl":
                raise PackError("'crawl' is chosen with --crawl, not -p", "-p crawl", "use --crawl ID|-N|DATE")
            if name not in declared:
                options = sorted(n for n in declared if n not in {"site", "crawl"})
                raise PackError(
                    f"no selected check has a parameter '{name}'",
                    f"-p {name}",
                    "use one of: " + (", ".join(options) if options else "(the selected checks take none)"),
                )
            for check in checks:
                spec = check.header.parameters.get(name)
                if spec is not None:
                    convert_value(name, raw, spec.type)

    def parameters_for(self, check: Check) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name, spec in check.header.parameters.items():
            if name == "site":
                values[name] = self.site.host
            elif name == "crawl":
                values[name] = self.site.crawl_id
            elif name in self.overrides:
                values[name] = convert_value(name, self.overrides[name], spec.type)
            elif name in THRESHOLDS and self.site.crawl.get(name) is not None:
                values[name] = self.site.crawl[name]
            elif spec.default is not None:
                values[name] = spec.default
            else:
                raise PackError(
                    f"check {check.name} needs a value for parameter '{name}' ({spec.description})",
                    str(check.path),
                    f"pass it with -p {name} VALUE",
                )
        return values

    def run_check(self, check: Check) -> CheckOutcome:
        reason = self.skip_reason(check)
        if reason:
            return CheckOutcome(check, skipped=reason)
        started = time.monotonic()
        keys, rows = self.fetch(check, self.parameters_for(check))
        if keys != check.columns:
            raise PackError(
                f"check {check.name} returned columns [{', '.join(keys)}] but its header declares "
                f"[{', '.join(check.columns)}]",
                str(check.path),
                "make `columns:` list exactly what the query returns, in order",
            )
        base = {"pack": check.pack, "check": check.id, "severity": check.severity, "title": check.title}
        findings = [{**base, **dict(zip(keys, row)), CHECK_ID: check.stable_id} for row in rows]
        return CheckOutcome(check, findings=findings, seconds=time.monotonic() - started)

    def fetch(self, check: Check, parameters: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
        """Run one check in a read transaction; a Cypher error names the check's file. A check of
        one's own is planned first and refused unless it is free of side effects (readonly.py)."""
        try:
            with self.graph.session(default_access_mode=neo4j.READ_ACCESS) as session:
                if not check.builtin:
                    session.execute_read(refuse_side_effects, check.cypher, parameters, str(check.path),
                                         "a check only reads: remove the write or the procedure from that file")
                return session.execute_read(_collect, check.cypher, parameters)
        except neo4j_errors.Neo4jError as exc:
            raise PackError(
                f"check {check.name} failed: {first_line(exc.message or str(exc))}",
                str(check.path),
                "fix the Cypher in that file (it must run unchanged in Neo4j Browser with its parameters set)",
            ) from None

    def run(
        self,
        checks: Iterable[Check],
        progress: Callable[[CheckOutcome], None] | None = None,
        workers: int = 1,
    ) -> RunReport:
        """Every check's outcome, in the order given. A result stored for this crawl under the
        same key (archmodel/packs/stored.py) is read instead of running the check, unless the
        runner was made with `reuse=False`; what did run is stored for next time.

        `workers` > 1 runs that many checks at once (each is one read query, so the server works
        on them in parallel); the outcomes are the same."""
        checks = list(checks)
        self.validate_overrides(checks)
        stored = read_results(self.graph, self.site.crawl_id) if self.reuse else {}
        ran: list[tuple[Check, str, list[dict[str, Any]], float]] = []

        def outcome_of(check: Check) -> CheckOutcome:
            reason = self.skip_reason(check)
            if reason:
                return CheckOutcome(check, skipped=reason)
            key = result_key(check, self.parameters_for(check))
            kept = stored.get(check.name)
            if kept is not None and kept.key == key:
                return CheckOutcome(check, findings=kept.findings, reused=True)
            outcome = self.run_check(check)
            ran.append((check, key, outcome.findings, outcome.seconds))
            return outcome

        outcomes = []
        if workers > 1:
            self.capabilities()
            self.reads_current()
            with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="archmodel-check") as pool:
                for outcome in pool.map(outcome_of, checks):
                    outcomes.append(outcome)
                    if progress is not None:
                        progress(outcome)
        else:
            for check in checks:
                outcome = outcome_of(check)
                outcomes.append(outcome)
                if progress is not None:
                    progress(outcome)
        if ran:
            store_results(self.graph, self.site.crawl_id, ran)
        return RunReport(self.site, outcomes)


def _collect(tx: neo4j.ManagedTransaction, query: str, parameters: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    result = tx.run(query, parameters)
    keys = list(result.keys())
    rows = [list(record.values()) for record in result]
    return keys, rows


def first_line(text: str) -> str:
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    return lines[0] if lines else ""
