"""Discover query packs and validate every check before anything runs.

A pack is a folder of `.cypher` files; each file is one check whose header, a YAML block in
`//` comments at the top, says what it finds and what it needs (docs/packs.md). The file is
sent to Neo4j unchanged, so it also runs as is in Neo4j Browser once its parameters are set.

Packs come from three places, in this order: the built-in packs (shipped in the wheel as
`archmodel/cypher`, or the repository's `cypher/` in an editable install), every `--pack-dir`,
and every folder in `ARCHMODEL_PACK_PATH` (separated by `os.pathsep`). A broken user pack stops
the command with one error naming its file and the problem, rather than silently dropping a
check someone relies on in CI.
"""

from __future__ import annotations

import functools
import importlib.resources
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from archmodel.errors import PackError

PACK_PATH_ENV = "ARCHMODEL_PACK_PATH"
CHECK_SUFFIX = ".cypher"
SEVERITIES: tuple[str, ...] = ("info", "low", "medium", "high")
REQUIREMENTS: tuple[str, ...] = (
    "links", "site_model", "positions", "sitemap", "review_pages", "policy_pages", "structured_data",
)
PARAMETER_TYPES: tuple[str, ...] = ("integer", "float", "boolean", "string", "list")
DEFAULT_FIX_COST = "links"
# Columns that name what a finding is about; a check without a declared `identity` is identified by these.
IDENTITY_COLUMNS = ("url", "source", "target", "condition", "specialty", "provider", "location", "related", "anchor")
ANY_VALUE = "*"
TARGET_PARAMETERS = ("crawl", "urls", "findings")  # what a `suggests.targets` query is given

Severity = Literal["info", "low", "medium", "high"]
Requirement = Literal["links", "site_model", "positions", "sitemap", "review_pages", "policy_pages", "structured_data"]
ParameterType = Literal["integer", "float", "boolean", "string", "list"]
FixCost = Literal["link", "links", "page", "site"]

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_STABLE_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{1,39}$")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def severity_rank(severity: str) -> int:
    """info 0 < low 1 < medium 2 < high 3, for `--fail-on` and suggestion priorities."""
    return SEVERITIES.index(severity)


class Parameter(BaseModel):
    """One `$name` a check uses: its type, an optional default, and what it means."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: ParameterType
    description: str = Field(min_length=1)
    default: Any = None

    @model_validator(mode="after")
    def _default_matches_type(self) -> Parameter:
        if self.default is not None and not value_has_type(self.default, self.type):
            raise ValueError(f"default {self.default!r} is not a {self.type}")
        return self


class Suggests(BaseModel):
    """How a check's findings become links to add (`archmodel suggest`).

    A finding with `source` and `target` is the link itself. A finding that names only a page
    (`url`) needs `targets`: read-only Cypher given `$crawl`, `$urls` (the pages found) and
    `$findings` (each finding's `url` and `condition`) that returns rows `url, target`.
    `placement` says where on the source page the link goes; `placement_by` names a finding
    column whose value picks one of `placements` instead (`"*"`: any non-empty value).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    placement: str = Field(min_length=1)
    placement_by: str | None = None
    placements: dict[str, str] = Field(default_factory=dict)
    targets: str | None = None

    def placement_for(self, finding: Mapping[str, Any]) -> str:
        if self.placement_by:
            value = finding.get(self.placement_by)
            if value not in (None, "") and str(value) in self.placements:
                return self.placements[str(value)]
            if value not in (None, "") and ANY_VALUE in self.placements:
                return self.placements[ANY_VALUE]
        return self.placement


class Header(BaseModel):
    """The YAML header of a check file, the whole definition of the check; unknown keys are an
    error (a typo must not pass).

    Beyond what the query needs (parameters, columns), the header says what the rest of
    archmodel needs to know about the check: a stable `id` that survives renaming the file
    (crawl diffs and stored results follow it), the `identity` columns that tell two findings
    apart, the `fix_cost` class the impact score divides by, the hint text shown with its
    findings (`why`, `how_to_fix`), whether its findings become suggested links (`suggests`), and
    whether the report's first screen counts them on a card (`headline`, the card's label), and
    which report chart counts and colours them (`chart`), so card and chart show one number.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str | None = None
    title: str = Field(min_length=1)
    description: str = Field(min_length=1)
    severity: Severity
    requires: list[Requirement] = Field(default_factory=list)
    parameters: dict[str, Parameter] = Field(default_factory=dict)
    columns: list[str] = Field(min_length=1)
    identity: list[str] | None = None
    fix_cost: FixCost = DEFAULT_FIX_COST
    why: str | None = Field(default=None, min_length=1)
    how_to_fix: str | None = Field(default=None, min_length=1)
    suggests: Suggests | None = None
    headline: str | None = Field(default=None, min_length=1, max_length=60)
    chart: Literal["depth", "anchors"] | None = None

    @field_validator("id")
    @classmethod
    def _stable_id(cls, value: str | None) -> str | None:
        if value is not None and not _STABLE_ID.match(value):
            raise ValueError(f"'{value}' is not a valid id (a letter, then letters, digits, '.', '_', '-'; at most 40)")
        return value

    @model_validator(mode="after")
    def _keys_are_columns(self) -> Header:
        if self.identity is not None:
            if not self.identity:
                raise ValueError("identity: list at least one column")
            unknown = [k for k in self.identity if k not in self.columns]
            if unknown:
                raise ValueError("identity: " + ", ".join(unknown) + " not in columns")
        if self.suggests is not None:
            by = self.suggests.placement_by
            if by is not None and by not in self.columns:
                raise ValueError(f"suggests.placement_by: '{by}' not in columns")
            if self.suggests.targets is None and not {"source", "target"} <= set(self.columns):
                raise ValueError("suggests: a check without source and target columns needs `targets` Cypher")
            if self.suggests.targets is not None:
                if "url" not in self.columns:
                    raise ValueError("suggests.targets: the check needs a `url` column to join targets to")
                unknown = query_parameters(self.suggests.targets) - set(TARGET_PARAMETERS)
                if unknown:
                    raise ValueError("suggests.targets: uses " + ", ".join(f"${n}" for n in sorted(unknown))
                                     + "; only " + ", ".join(f"${n}" for n in TARGET_PARAMETERS) + " are given")
        return self

    @field_validator("parameters")
    @classmethod
    def _parameter_names(cls, value: dict[str, Parameter]) -> dict[str, Parameter]:
        for name in value:
            if not _NAME.match(name):
                raise ValueError(f"'{name}' is not a valid parameter name (letters, digits, _)")
        return value

    @field_validator("columns")
    @classmethod
    def _columns_unique(cls, value: list[str]) -> list[str]:
        seen: set[str] = set()
        for column in value:
            if column in seen:
                raise ValueError(f"column '{column}' is listed twice")
            if column in {"pack", "check", "check_id", "severity", "title"}:
                raise ValueError(f"column '{column}' is reserved (every finding already has it)")
            seen.add(column)
        return value


@dataclass(frozen=True)
class Check:
    """One validated check: its identity, header and the Cypher sent to the server."""

    pack: str
    id: str
    header: Header
    cypher: str
    path: Path
    builtin: bool

    @property
    def name(self) -> str:
        return f"{self.pack}/{self.id}"

    @property
    def title(self) -> str:
        return self.header.title

    @property
    def severity(self) -> str:
        return self.header.severity

    @property
    def columns(self) -> list[str]:
        return list(self.header.columns)

    @property
    def stable_id(self) -> str:
        """The header's `id`; a check without one (a user's) is known by its `pack/check` name."""
        return self.header.id or self.name

    @property
    def identity(self) -> tuple[str, ...]:
        """The columns that tell two findings of this check apart: the declared `identity`, else
        the identity-like columns, else every column but `detail`."""
        if self.header.identity:
            return tuple(self.header.identity)
        keys = tuple(c for c in self.header.columns if c in IDENTITY_COLUMNS)
        return keys or tuple(c for c in self.header.columns if c != "detail")

    def location(self) -> str:
        return str(self.path)


@dataclass
class Registry:
    """Every known check, keyed by `pack/check`, in a stable order (pack, then check)."""

    checks: dict[str, Check] = field(default_factory=dict)

    @property
    def packs(self) -> dict[str, list[Check]]:
        grouped: dict[str, list[Check]] = {}
        for check in self.checks.values():
            grouped.setdefault(check.pack, []).append(check)
        return grouped

    def __iter__(self):
        return iter(self.checks.values())

    def __len__(self) -> int:
        return len(self.checks)

    def select(self, names: Sequence[str] = ()) -> list[Check]:
        """Checks named `PACK` or `PACK/CHECK` (all when none), each once, in registry order."""
        if not names:
            return list(self.checks.values())
        wanted: dict[str, Check] = {}
        for name in names:
            for check in self.lookup(name):
                wanted[check.name] = check
        return [check for key, check in self.checks.items() if key in wanted]

    def by_id(self, stable_id: str) -> Check | None:
        return next((check for check in self.checks.values() if check.stable_id == stable_id), None)

    def definition(self, name: str) -> Check | None:
        """The check named `pack/check` (or by its stable id), None for one this registry lacks
        (a finding stored by a check since removed or renamed)."""
        return self.checks.get(name) or self.by_id(name)

    def lookup(self, name: str) -> list[Check]:
        by_id = self.by_id(name.strip())
        if by_id is not None:
            return [by_id]
        pack, _, check_id = name.strip().strip("/").partition("/")
        packs = self.packs
        if pack not in packs:
            raise PackError(
                f"unknown pack '{pack}'",
                name,
                "use one of: " + ", ".join(packs) + " (list them with `archmodel packs list`)",
            )
        if not check_id:
            return packs[pack]
        key = f"{pack}/{check_id}"
        if key not in self.checks:
            raise PackError(
                f"unknown check '{key}'",
                name,
                "use one of: " + ", ".join(c.name for c in packs[pack]),
            )
        return [self.checks[key]]


CATALOGUE_COLUMNS = ["pack", "check", "title", "severity", "description", "id", "fix_cost", "identity", "why",
                     "how_to_fix"]


def catalogue(registry: Registry) -> list[dict[str, object]]:
    """Every check as one row, each field read from its header (docs/checks.md is this as markdown)."""
    return [
        {
            "pack": check.pack,
            "check": check.id,
            "title": check.title,
            "severity": check.severity,
            "description": " ".join(check.header.description.split()),
            "id": check.stable_id,
            "fix_cost": check.header.fix_cost,
            "identity": ", ".join(check.identity),
            "why": " ".join((check.header.why or "").split()),
            "how_to_fix": " ".join((check.header.how_to_fix or "").split()),
        }
        for check in registry
    ]


def value_has_type(value: Any, kind: str) -> bool:
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "float":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "string":
        return isinstance(value, str)
    return isinstance(value, list)


def builtin_root() -> Path:
    """The shipped packs: `archmodel/cypher` in a wheel, the repository's `cypher/` otherwise."""
    try:
        shipped = importlib.resources.files("archmodel") / "cypher"
        if shipped.is_dir():
            return Path(str(shipped))
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        pass
    repository = Path(__file__).resolve().parents[2] / "cypher"
    if repository.is_dir():
        return repository
    raise PackError(
        "the built-in query packs are missing",
        str(repository),
        "reinstall archmodel (`pip install --force-reinstall archmodel`)",
    )


def user_pack_dirs(pack_dirs: Iterable[Path] = (), environ: Mapping[str, str] | None = None) -> list[Path]:
    """`--pack-dir` folders, then `ARCHMODEL_PACK_PATH` ones, each once."""
    environ = os.environ if environ is None else environ
    folders = [Path(p) for p in pack_dirs]
    folders += [Path(p) for p in environ.get(PACK_PATH_ENV, "").split(os.pathsep) if p.strip()]
    unique: list[Path] = []
    seen: set[Path] = set()
    for folder in folders:
        resolved = folder.expanduser().resolve()
        if resolved not in seen:
            seen.add(resolved)
            unique.append(folder.expanduser())
    return unique


@functools.cache
def builtin_registry() -> Registry:
    """The shipped checks alone, read once: what a finding's check means when no command-specific
    registry is at hand (a finding read back from an older crawl)."""
    registry = Registry()
    _add_packs(registry, _pack_folders(builtin_root(), source="built-in"), builtin=True)
    return registry


def load_registry(pack_dirs: Iterable[Path] = (), environ: Mapping[str, str] | None = None) -> Registry:
    """Built-in packs plus user packs; any problem raises one `PackError` naming the file."""
    registry = Registry()
    _add_packs(registry, _pack_folders(builtin_root(), source="built-in"), builtin=True)
    for folder in user_pack_dirs(pack_dirs, environ):
        if not folder.is_dir():
            raise PackError(
                "pack folder does not exist",
                str(folder),
                f"pass an existing folder to --pack-dir or fix {PACK_PATH_ENV}",
            )
        _add_packs(registry, _pack_folders(folder, source=str(folder)), builtin=False)
    return registry


def _pack_folders(root: Path, source: str) -> list[tuple[str, Path, list[Path]]]:
    """(pack id, folder, check files): sub-folders with checks, or `root` itself if it has any."""
    found: list[tuple[str, Path, list[Path]]] = []
    direct = sorted(p for p in root.glob(f"*{CHECK_SUFFIX}") if p.is_file())
    if direct:
        found.append((root.resolve().name, root, direct))
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        files = sorted(p for p in folder.glob(f"*{CHECK_SUFFIX}") if p.is_file())
        if files:
            found.append((folder.name, folder, files))
    if not found and source != "built-in":
        raise PackError(
            "no checks found in pack folder",
            str(root),
            f"put PACK/CHECK{CHECK_SUFFIX} files (or CHECK{CHECK_SUFFIX} files) in it",
        )
    return found


def _add_packs(registry: Registry, folders: list[tuple[str, Path, list[Path]]], builtin: bool) -> None:
    for pack, folder, files in folders:
        if not _ID.match(pack):
            raise PackError(
                f"pack name '{pack}' is not a valid id",
                str(folder),
                "rename the folder to lower-case letters, digits, '-' and '_'",
            )
        if pack in registry.packs:
            other = registry.packs[pack][0].path.parent
            raise PackError(
                f"pack '{pack}' is defined twice",
                str(folder),
                f"rename one of the folders (the other is {other})",
            )
        for path in files:
            check = parse_check(path, pack=pack, builtin=builtin)
            if check.name in registry.checks:
                raise PackError(
                    f"check '{check.name}' is defined twice",
                    str(path),
                    f"rename one of the files (the other is {registry.checks[check.name].path})",
                )
            if check.header.id is not None and registry.by_id(check.header.id) is not None:
                # A copy of another check (a shipped one edited in a user pack) is a check of its
                # own: it is known by its pack/check name, not by the id it copied.
                check = replace(check, header=check.header.model_copy(update={"id": None}))
            registry.checks[check.name] = check


def parse_check(path: Path, pack: str, builtin: bool = False) -> Check:
    """Read one check file and validate its header against its query."""
    check_id = path.name[: -len(CHECK_SUFFIX)]
    if not _ID.match(check_id):
        raise PackError(
            f"check name '{check_id}' is not a valid id",
            str(path),
            "rename the file to lower-case letters, digits, '-' and '_' ending in .cypher",
        )
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"cannot read check file ({exc.__class__.__name__})", str(path), "save it as UTF-8 text") from None
    header = parse_header(text, path)
    body = "\n".join(text.splitlines()[header_line_count(text):])
    if not body.strip():
        raise PackError("check has a header but no query", str(path), "write the Cypher below the header")
    declared = set(header.parameters)
    used = query_parameters(text)
    if declared != used:
        problems = []
        if used - declared:
            problems.append("uses undeclared " + ", ".join(f"${n}" for n in sorted(used - declared)))
        if declared - used:
            problems.append("declares unused " + ", ".join(sorted(declared - used)))
        raise PackError(
            "header parameters do not match the query: " + "; ".join(problems),
            str(path),
            "list exactly the $names the query uses under `parameters:`",
        )
    return Check(pack=pack, id=check_id, header=header, cypher=text, path=path, builtin=builtin)


def header_line_count(text: str) -> int:
    count = 0
    for line in text.splitlines():
        if line.lstrip().startswith("//"):
            count += 1
        else:
            break
    return count


def parse_header(text: str, path: Path) -> Header:
    lines = text.splitlines()[: header_line_count(text)]
    if not lines:
        raise PackError(
            "check has no header",
            str(path),
            "start the file with `// title: ...`, `// description: ...`, `// severity: ...`, `// columns: [...]`",
        )
    yaml_text = "\n".join(_uncomment(line) for line in lines)
    try:
        data = yaml.safe_load(yaml_text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}, line {mark.line + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise PackError(f"header is not valid YAML: {problem}", where, "fix the YAML in the `//` header") from None
    if not isinstance(data, dict):
        raise PackError("header is not a YAML mapping", str(path), "write `// key: value` lines")
    try:
        return Header.model_validate(data)
    except ValidationError as exc:
        raise PackError(
            "invalid header: " + _describe_validation(exc),
            str(path),
            "header keys are id, title, description, severity (info|low|medium|high), requires, parameters, "
            "columns, identity, fix_cost (link|links|page|site), why, how_to_fix, suggests, headline, chart (docs/packs.md)",
        ) from None


def _uncomment(line: str) -> str:
    stripped = line.lstrip()[2:]
    return stripped[1:] if stripped.startswith(" ") else stripped


def _describe_validation(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors():
        location = ".".join(str(p) for p in error["loc"]) or "header"
        message = error["msg"]
        if error["type"] == "extra_forbidden":
            message = "unknown key"
        elif error["type"] == "missing":
            message = "missing"
        parts.append(f"{location}: {message}")
    return "; ".join(parts)


_TOKENS = re.compile(
    r"""
    (?P<line_comment>//[^\n]*)
  | (?P<block_comment>/\*.*?\*/)
  | (?P<single>'(?:[^'\\]|\\.)*')
  | (?P<double>"(?:[^"\\]|\\.)*")
  | (?P<backtick>`[^`]*`)
  | \$(?:(?P<name>[A-Za-z_][A-Za-z0-9_]*)|`(?P<quoted>[^`]+)`)
    """,
    re.VERBOSE | re.DOTALL,
)


def query_parameters(cypher: str) -> set[str]:
    """The `$names` a query uses, ignoring comments, string literals and quoted identifiers."""
    names: set[str] = set()
    for match in _TOKENS.finditer(cypher):
        name = match.group("name") or match.group("quoted")
        if name:
            names.add(name)
    return names
