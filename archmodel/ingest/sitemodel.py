"""The site model (`site.yml`): what the crawl cannot say, validated strictly.

Every key is checked (unknown keys are errors: a typo must not silently drop a rule), every path
must be a path on the site, and every cross reference (a provider treating a condition, a
specialty covering one) must name an entity that exists. Errors come back as one ConfigError
naming the file, the key path, the line and the reason, e.g.
`site.yml: conditions[2].pages.treatment: '/treatments/x' is not a path on www.example.org`.

Long lists may live in CSV files next to site.yml: `providers: {csv: providers.csv}` (a relative
path must stay inside site.yml's folder; an absolute one is read as given) (likewise
`locations`, `conditions`, `specialties`). Columns are the keys; list columns are separated by
`;`; nested keys use dots (`pages.overview`). Paths are stored normalised (the site's
trailing-slash policy applied) so they compare equal to crawled URLs.

Beyond docs/site-model.md: `site.trailing_slash` (keep | add | strip), provider `title`
(e.g. "endocrinologist"), `page_type_weights` (page type -> how much a page of that type is
worth when fixes are ranked by impact; docs/impact.md), and `inferred` (provenance of a model
`archmodel init` wrote).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints, ValidationError, field_validator, model_validator

from archmodel.errors import ArchmodelError, ConfigError
from archmodel.ingest.cells import parse_bool
from archmodel.ingest.csvio import column_key, open_csv
from archmodel.ingest.normalise import UrlNormaliser
from archmodel.ingest.patterns import PatternError, PatternSet, compile_pattern
from archmodel.ingest.yaml_data import AliasFound, DuplicateKey, UnsupportedYaml, compose, read_data

PAGE_TYPES = (
    "home", "specialty_hub", "condition", "symptom", "diagnosis", "test", "treatment", "follow_up",
    "appointment", "provider", "location", "telehealth", "blog", "service", "resource_hub", "policy", "other",
)
CLINICAL_TYPES = frozenset({"condition", "symptom", "diagnosis", "test", "treatment", "follow_up"})
NEXT_STEP_TYPES = frozenset({"appointment", "location", "telehealth", "provider"})
DEFAULT_PATHWAY = ["overview", "symptoms", "diagnosis", "tests", "treatment", "follow_up", "appointment"]
DEFAULT_GENERIC_ANCHORS = [
    "learn more", "click here", "read more", "here", "more", "this page", "find out more", "continue",
]
ENTITY_CAPTURES = {"condition": "conditions", "specialty": "specialties", "provider": "providers", "location": "locations"}

PageType = Literal[
    "home", "specialty_hub", "condition", "symptom", "diagnosis", "test", "treatment", "follow_up",
    "appointment", "provider", "location", "telehealth", "blog", "service", "resource_hub", "policy", "other",
]
Id = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


MAX_HINTS = 20  # validation stays linear in the file's size however many references are wrong


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class SiteInfo(_Strict):
    name: Text
    base_url: Text
    home: str = "/"
    aliases: list[Text] = Field(default_factory=list)
    trailing_slash: Literal["keep", "add", "strip"] = "keep"

    @field_validator("base_url")
    @classmethod
    def _base_url(cls, value: str) -> str:
        try:
            return UrlNormaliser(value).base_url
        except ConfigError as exc:
            raise ValueError(f"{exc.what}; {exc.fix}") from None

    @field_validator("aliases")
    @classmethod
    def _aliases(cls, values: list[str]) -> list[str]:
        for value in values:
            try:
                UrlNormaliser("https://placeholder.invalid", aliases=[value])
            except ConfigError as exc:
                raise ValueError(f"alias {exc.what}") from None
        return values


class PageTypeRule(_Strict):
    match: str
    type: PageType

    @field_validator("match")
    @classmethod
    def _pattern(cls, value: str) -> str:
        try:
            compile_pattern(value)
        except PatternError as exc:
            raise ValueError(str(exc)) from None
        return value


class Specialty(_Strict):
    id: Id
    name: Text
    hub: str | None = None
    conditions: list[Id] = Field(default_factory=list)


class Condition(_Strict):
    id: Id
    name: Text
    synonyms: list[Text] = Field(default_factory=list)
    related: list[Id] = Field(default_factory=list)
    pages: dict[str, str] = Field(default_factory=dict)
    pathway: list[Id] | None = None


class Provider(_Strict):
    id: Id
    name: Text
    title: str | None = None
    page: str | None = None
    specialties: list[Id] = Field(default_factory=list)
    treats: list[Id] = Field(default_factory=list)
    locations: list[Id] = Field(default_factory=list)


class Location(_Strict):
    id: Id
    name: Text
    page: str | None = None
    specialties: list[Id] = Field(default_factory=list)
    telehealth: bool = False


class Trust(_Strict):
    review_pages: list[str] = Field(default_factory=list)
    policy_pages: list[str] = Field(default_factory=list)
    reviewed_by: dict[str, Id] = Field(default_factory=dict)


class Thresholds(_Strict):
    # strict: `max_depth: true` is no number; bounded: a 30-digit depth would overflow in Neo4j
    max_depth: int = Field(3, ge=1, le=1000, strict=True)
    key_page_max_depth: int = Field(2, ge=1, le=1000, strict=True)
    max_content_outlinks: int = Field(100, ge=1, le=1_000_000, strict=True)
    min_contextual_outlinks: int = Field(3, ge=0, le=1_000_000, strict=True)
    generic_anchors: list[str] = Field(default_factory=lambda: list(DEFAULT_GENERIC_ANCHORS))
    anchor_repeat_share: float = Field(0.8, gt=0, le=1)


class Inferred(_Strict):
    """Provenance of a model written by `archmodel init`: when, from what, how confident."""

    by: str = "archmodel init"
    at: Text
    sources: list[str] = Field(default_factory=list)
    confidence: float = Field(ge=0, le=1)
    entries: int = Field(0, ge=0)
    review: int = Field(0, ge=0)

    def crawl_properties(self) -> dict[str, Any]:
        """What the loader stores on the Crawl node so the report can say the model was inferred."""
        return {"inferred_at": self.at, "inferred_confidence": self.confidence,
                "inferred_entries": self.entries, "inferred_review": self.review}


class _Problems(ValueError):
    """Several (key path, reason) problems found by the cross-reference pass."""

    def __init__(self, problems: list[tuple[tuple[str | int, ...], str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{_key_path(loc)}: {reason}" for loc, reason in problems))


class SiteModel(_Strict):
    site: SiteInfo
    page_types: list[PageTypeRule] = Field(default_factory=list)
    specialties: list[Specialty] = Field(default_factory=list)
    conditions: list[Condition] = Field(default_factory=list)
    providers: list[Provider] = Field(default_factory=list)
    locations: list[Location] = Field(default_factory=list)
    pathway: list[Id] = Field(default_factory=lambda: list(DEFAULT_PATHWAY))
    trust: Trust = Field(default_factory=Trust)
    thresholds: Thresholds = Field(default_factory=Thresholds)
    page_type_weights: dict[PageType, Annotated[float, Field(ge=0, le=100)]] = Field(default_factory=dict)
    inferred: Inferred | None = None

    _source: Path | None = PrivateAttr(default=None)
    _csv_files: list[Path] = PrivateAttr(default_factory=list)
    _normaliser: UrlNormaliser | None = PrivateAttr(default=None)
    _patterns: PatternSet | None = PrivateAttr(default=None)
    _warnings: list[str] = PrivateAttr(default_factory=list)

    @model_validator(mode="after")
    def _cross_check(self) -> SiteModel:
        normaliser = UrlNormaliser(self.site.base_url, self.site.aliases, self.site.trailing_slash)
        problems: list[tuple[tuple[str | int, ...], str]] = []

        def path(value: str | None, *loc: str | int) -> str | None:
            if value is None:
                return None
            try:
                return normaliser.to_path(value)
            except ConfigError:
                problems.append((loc, f"{value!r} is not a path on {normaliser.host}"))
                return value

        def unique_ids(items: list[Any], key: str) -> dict[str, int]:
            ids: dict[str, int] = {}
            for index, item in enumerate(items):
                if item.id in ids:
                    problems.append(((key, index, "id"), f"duplicate id {item.id!r} (also {key}[{ids[item.id]}])"))
                ids.setdefault(item.id, index)
            return ids

        hinted: list[int] = [0]  # "did you mean" costs a scan of every id: the first MAX_HINTS unknowns get one

        def known(value: str, ids: dict[str, int], kind: str, *loc: str | int) -> None:
            if value not in ids:
                hint = difflib.get_close_matches(value, list(ids), n=1) if hinted[0] < MAX_HINTS else []
                hinted[0] += 1
                suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
                listing = "" if hint else f" (known: {', '.join(list(ids)[:8]) or 'none'})"
                problems.append((loc, f"unknown {kind} {value!r}{suggestion}{listing}"))

        def unique_list(values: list[str], *loc: str | int) -> None:
            seen: set[str] = set()
            for index, value in enumerate(values):
                if value in seen:
                    problems.append(((*loc, index), f"{value!r} is listed twice"))
                seen.add(value)

        self.site.home = path(self.site.home, "site", "home") or "/"
        conditions = unique_ids(self.conditions, "conditions")
        self._implied_conditions(conditions)
        specialties = unique_ids(self.specialties, "specialties")
        providers = unique_ids(self.providers, "providers")
        locations = unique_ids(self.locations, "locations")
        unique_list(self.pathway, "pathway")

        for i, specialty in enumerate(self.specialties):
            specialty.hub = path(specialty.hub, "specialties", i, "hub")
            for j, condition_id in enumerate(specialty.conditions):
                known(condition_id, conditions, "condition", "specialties", i, "conditions", j)
        for i, condition in enumerate(self.conditions):
            for j, related in enumerate(condition.related):
                known(related, conditions, "condition", "conditions", i, "related", j)
                if related == condition.id:
                    problems.append((("conditions", i, "related", j), "a condition cannot be related to itself"))
            if condition.pathway is not None:
                unique_list(condition.pathway, "conditions", i, "pathway")
            stages = condition.pathway if condition.pathway is not None else self.pathway
            for stage, page in list(condition.pages.items()):
                if stage not in stages:
                    hint = difflib.get_close_matches(stage, stages, n=1)
                    suggestion = f"did you mean {hint[0]!r}? " if hint else ""
                    problems.append((
                        ("conditions", i, "pages", stage),
                        f"stage {stage!r} is not in the pathway ({suggestion}stages: {', '.join(stages)})",
                    ))
                condition.pages[stage] = path(page, "conditions", i, "pages", stage) or page
        for i, provider in enumerate(self.providers):
            provider.page = path(provider.page, "providers", i, "page")
            for j, value in enumerate(provider.specialties):
                known(value, specialties, "specialty", "providers", i, "specialties", j)
            for j, value in enumerate(provider.treats):
                known(value, conditions, "condition", "providers", i, "treats", j)
            for j, value in enumerate(provider.locations):
                known(value, locations, "location", "providers", i, "locations", j)
        for i, location in enumerate(self.locations):
            location.page = path(location.page, "locations", i, "page")
            for j, value in enumerate(location.specialties):
                known(value, specialties, "specialty", "locations", i, "specialties", j)
        self.trust.review_pages = [path(p, "trust", "review_pages", i) or p for i, p in enumerate(self.trust.review_pages)]
        self.trust.policy_pages = [path(p, "trust", "policy_pages", i) or p for i, p in enumerate(self.trust.policy_pages)]
        reviewed: dict[str, str] = {}
        for page, provider_id in self.trust.reviewed_by.items():
            known(provider_id, providers, "provider", "trust", "reviewed_by", page)
            reviewed[path(page, "trust", "reviewed_by", page) or page] = provider_id
        self.trust.reviewed_by = reviewed
        if self.thresholds.key_page_max_depth > self.thresholds.max_depth:
            problems.append((("thresholds", "key_page_max_depth"), "must not be larger than max_depth"))
        if problems:
            raise _Problems(problems)
        self._normaliser = normaliser
        self._patterns = PatternSet([(rule.match, rule.type) for rule in self.page_types])
        return self

    def _implied_conditions(self, conditions: dict[str, int]) -> None:
        """Conditions named by a specialty's `conditions` or a condition's `related` list but not
        described (docs/site-model.md's own example does this) become conditions named after their id,
        with a warning; providers may then refer to them. Other references must exist."""
        named = [cid for s in self.specialties for cid in s.conditions]
        named += [cid for c in self.conditions for cid in c.related]
        for condition_id in named:
            if condition_id not in conditions:
                conditions[condition_id] = len(self.conditions)
                self.conditions.append(Condition(id=condition_id, name=_name_from_id(condition_id)))
                self._warnings.append(
                    f"condition {condition_id!r} is named but not described under conditions: "
                    f"added as {_name_from_id(condition_id)!r}"
                )

    @property
    def warnings(self) -> list[str]:
        """Non-fatal notes from validation (implied conditions) for the loader to print."""
        return list(self._warnings)

    # -- what the loader and checks use -------------------------------------------------------

    @property
    def csv_files(self) -> list[Path]:
        """The CSV files (providers.csv, ...) this site model read its entity lists from."""
        return list(self._csv_files)

    @property
    def source(self) -> Path | None:
        """The site.yml this model was read from (None for `without_model`)."""
        return self._source

    @property
    def normaliser(self) -> UrlNormaliser:
        assert self._normaliser is not None
        return self._normaliser

    @property
    def host(self) -> str:
        return self.normaliser.host

    @property
    def is_placeholder(self) -> bool:
        """True for `without_model`: no entities, only the home rule."""
        return self._source is None and not (self.conditions or self.specialties or self.providers or self.locations)

    def classify(self, path: str) -> tuple[str, dict[str, str]]:
        """(page type, captures) of the first matching rule; ("other", {}) when none matches."""
        assert self._patterns is not None
        if path.startswith(("http://", "https://")):
            path = self.normaliser.path_of(path)
        return self._patterns.classify(path)

    def condition(self, condition_id: str) -> Condition | None:
        return next((c for c in self.conditions if c.id == condition_id), None)

    def pathway_for(self, condition: Condition | str) -> list[str]:
        found = self.condition(condition) if isinstance(condition, str) else condition
        if found is None:
            raise KeyError(condition)
        return list(found.pathway) if found.pathway is not None else list(self.pathway)

    def condition_stages(self, condition: Condition | str) -> list[tuple[str, int, str]]:
        """(stage, order, path) for the stages the condition has pages for, in pathway order.

        `order` is the stage's 0-based position in the condition's full pathway, so a missing
        stage leaves a gap (overview 0, diagnosis 2) and checks can tell which step is absent.
        """
        found = self.condition(condition) if isinstance(condition, str) else condition
        if found is None:
            raise KeyError(condition)
        stages = self.pathway_for(found)
        return [(stage, order, found.pages[stage]) for order, stage in enumerate(stages) if stage in found.pages]

    def without_entities(self) -> SiteModel:
        """This model without its specialties, conditions, providers and locations, for a load that
        has turned them into rows (archmodel/ingest/entities.py): page classification, the site's
        settings and the switch need none of them, and on a site with 160,000 entities they are
        460 MB of the load's memory."""
        return self.model_copy(update={"specialties": [], "conditions": [], "providers": [], "locations": []})

    def entity_ids(self, capture: str) -> set[str]:
        """Known ids for a `{condition}`/`{specialty}`/`{provider}`/`{location}` capture."""
        field_name = ENTITY_CAPTURES.get(capture)
        return {item.id for item in getattr(self, field_name)} if field_name else set()

    @classmethod
    def without_model(cls, base_url: str) -> SiteModel:
        """The model of a load without --site: only the home rule, no entities."""
        normaliser = UrlNormaliser(base_url)
        return cls.model_validate({
            "site": {"name": normaliser.host, "base_url": normaliser.base_url},
            "page_types": [{"match": "/", "type": "home"}],
        })


def _name_from_id(entity_id: str) -> str:
    """`insulin-resistance` -> `Insulin resistance`."""
    words = entity_id.replace("_", " ").replace("-", " ").split()
    return " ".join(words).capitalize() if words else entity_id


# -- loading ---------------------------------------------------------------------------------


def load_site_model(path: Path) -> SiteModel:
    """Read and validate site.yml (and any CSV it names); every problem is one ConfigError."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError("site model not found", str(path), "check the --site path or run `archmodel init`") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the site model: {exc}", str(path), "save site.yml as UTF-8 text") from None
    return parse_site_model(text, path)


def parse_site_model(text: str, path: Path) -> SiteModel:
    name = path.name
    try:
        data, key_lines = read_data(text)
    except DuplicateKey as exc:
        raise ConfigError(f"{name}: duplicate key {exc.key!r}", f"line {exc.line}", "keep one of them") from None
    except AliasFound as exc:
        raise ConfigError(f"{name}: YAML aliases (*name) are not allowed in a site model", f"line {exc.line}",
                          "write the values out instead of referring to an anchor") from None
    except UnsupportedYaml as exc:
        raise ConfigError(f"{name}: {exc.what} is not supported in a site model", f"line {exc.line}",
                          "write plain lists and mappings") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        fix = "fix the YAML syntax (indentation, quotes, colons)"
        if "{" in problem or "}" in problem:
            fix = 'quote patterns that contain { } inside {...}: {match: "/conditions/{condition}/", type: condition}'
        raise ConfigError(f"{name}: not valid YAML: {problem}", where, fix) from None
    if data is None:
        raise ConfigError(f"{name}: the site model is empty", str(path), "run `archmodel init --from CRAWL` to start one")
    if not isinstance(data, dict):
        raise ConfigError(f"{name}: the site model must be a mapping of keys (site, page_types, ...)", "line 1",
                          "start the file with `site:`")
    sources = _inline_csv_lists(data, path, key_lines)
    try:
        model = SiteModel.model_validate(data)
    except ValidationError as exc:
        raise _config_error(exc, name, compose(text), sources) from None
    except ArchmodelError:
        raise
    model._source = path
    model._csv_files = [path.parent / name for name, _ in sources.values()]
    return model


_CSV_LIST_FIELDS = {
    "providers": {"specialties", "treats", "locations"},
    "locations": {"specialties"},
    "conditions": {"synonyms", "related", "pathway"},
    "specialties": {"conditions"},
}


def _inline_csv_lists(data: dict[str, Any], path: Path, key_lines: dict[str, int]) -> dict[str, tuple[str, list[int]]]:
    """Replace `key: {csv: file}` by the file's rows; return key -> (csv name, data line numbers)."""
    sources: dict[str, tuple[str, list[int]]] = {}
    for key, list_fields in _CSV_LIST_FIELDS.items():
        value = data.get(key)
        if not isinstance(value, dict):
            continue
        line = key_lines.get(key)
        if set(value) != {"csv"} or not isinstance(value.get("csv"), str):
            raise ConfigError(
                f"{path.name}: {key}: expected a list or {{csv: FILE}}, got keys {', '.join(map(str, value))}",
                f"line {line}" if line else "", f"write `{key}: {{csv: {key}.csv}}` or a list of entries",
            )
        csv_path = path.parent / value["csv"]
        if not Path(value["csv"]).is_absolute() and not csv_path.resolve().is_relative_to(path.parent.resolve()):
            raise ConfigError(f"{path.name}: {key}.csv: {value['csv']!r} is outside the folder of {path.name}",
                              f"line {line}" if line else "",
                              "put the file next to site.yml (or in a folder below it), or give an absolute path "
                              "if you mean to read a file elsewhere")
        if not csv_path.is_file():
            raise ConfigError(f"{path.name}: {key}.csv: file {value['csv']!r} not found next to {path.name}",
                              f"line {line}" if line else "", f"create {csv_path} or fix the file name")
        rows, lines = [], []
        opened = open_csv(csv_path)
        keys = [column_key(n).replace(" ", "_") for n in opened.header.names]
        for row_line, cells in opened.rows():
            row: dict[str, Any] = {}
            for column, raw in zip(keys, cells):
                raw = raw.strip()
                if not raw or not column:
                    continue
                if column in list_fields:
                    parsed: Any = [part.strip() for part in raw.split(";") if part.strip()]
                elif column == "telehealth":
                    flag = parse_bool(raw)
                    parsed = raw if flag is None else flag
                else:
                    parsed = raw
                target = row
                *parents, leaf = column.split(".")
                for parent in parents:
                    target = target.setdefault(parent, {})
                target[leaf] = parsed
            rows.append(row)
            lines.append(row_line)
        data[key] = rows
        sources[key] = (csv_path.name, lines)
    return sources


def _key_path(loc: tuple[str | int, ...]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(top level)"


def _line_of(node: Any, loc: tuple[str | int, ...]) -> int | None:
    """The line of the YAML node at `loc` (the deepest one that exists)."""
    current = node
    line = current.start_mark.line + 1 if current is not None else None
    for part in loc:
        if isinstance(current, yaml.MappingNode):
            match = next(((k, v) for k, v in current.value if k.value == str(part)), None)
            if match is None:
                return line
            line = match[0].start_mark.line + 1
            current = match[1]
        elif isinstance(current, yaml.SequenceNode) and isinstance(part, int) and part < len(current.value):
            current = current.value[part]
            line = current.start_mark.line + 1
        else:
            return line
    return line


def _field_names(loc: tuple[str | int, ...]) -> list[str]:
    """Keys allowed at the parent of `loc`, for 'did you mean' on unknown keys."""
    model: Any = SiteModel
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part) if hasattr(model, "model_fields") else None
        if field is None:
            return []
        annotation = field.annotation
        inner = getattr(annotation, "__args__", None)
        model = inner[0] if inner else annotation
        if not hasattr(model, "model_fields"):
            return []
    return list(model.model_fields)


def _iter_problems(exc: ValidationError) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for error in exc.errors():
        loc = tuple(error["loc"])
        problems = error.get("ctx", {}).get("error")
        if isinstance(problems, _Problems):
            yield from problems.problems
            continue
        if error["type"] == "extra_forbidden":
            key = str(loc[-1])
            hint = difflib.get_close_matches(key, _field_names(loc), n=1)
            suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
            allowed = "" if hint else f" (allowed: {', '.join(_field_names(loc))})"
            yield loc, f"unknown key {key!r}{suggestion}{allowed}"
        elif error["type"] == "literal_error":
            expected = [part.strip(" '") for part in error["ctx"]["expected"].replace(" or ", ", ").split(",")]
            hint = difflib.get_close_matches(str(error.get("input")), expected, n=1)
            suggestion = f" (did you mean {hint[0]!r}?)" if hint else f" (one of: {', '.join(expected)})"
            yield loc, f"{error.get('input')!r} is not allowed{suggestion}"
        elif error["type"] == "missing":
            yield loc, "required key is missing"
        else:
            message = error["msg"].removeprefix("Value error, ")
            value = error.get("input")
            shown = f" (got {value!r})" if isinstance(value, (str, int, float, bool)) and error["type"] != "value_error" else ""
            yield loc, f"{message}{shown}"


def _config_error(
    exc: ValidationError, name: str, node: Any, sources: dict[str, tuple[str, list[int]]]
) -> ConfigError:
    messages: list[str] = []
    first_where = ""
    for loc, reason in _iter_problems(exc):
        source = sources.get(str(loc[0])) if loc else None
        if source is not None and len(loc) > 1 and isinstance(loc[1], int) and loc[1] < len(source[1]):
            where = f"{source[0]}, line {source[1][loc[1]]}"
        else:
            line = _line_of(node, loc)
            where = f"line {line}" if line else ""
        messages.append(f"{_key_path(loc)}: {reason}" + (f" [{where}]" if where and messages else ""))
        first_where = first_where or where
    shown = messages[:6]
    more = f"; and {len(messages) - 6} more" if len(messages) > 6 else ""
    return ConfigError(
        f"{name}: " + "; ".join(shown) + more,
        first_where,
        f"correct {name} (keys and page types are listed in docs/ingest.md and the site-model contract)",
    )
