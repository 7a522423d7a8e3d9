"""advertools crawl output: one JSON object per line (`.jl` / `.jsonl`).

Each line is one page with its links joined by `@@` (`links_url`, `links_text`,
`links_nofollow`). Links found inside `<nav>`, `<header>` and `<footer>` are repeated in
`nav_links_*`, `header_links_*` and `footer_links_*`; a link of the page that appears in one of
those lists gets that position (nav before header before footer, matched by URL and text, each
occurrence used once), every other link is `Content`. A page reached through redirects lists
them in `redirect_urls` / `redirect_reasons`; each becomes a redirect page record.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import chain, repeat
from pathlib import Path
from typing import Any

from archmodel.errors import InputError
from archmodel.ingest.accounting import ReadOptions, RowAccount
from archmodel.ingest.csvio import scan_file
from archmodel.ingest.textscan import sequences
from archmodel.ingest.normalise import UrlNormaliser
from archmodel.ingest.readers.common import derived_indexability, split_joined
from archmodel.ingest.records import LinkRecord, PageRecord
from archmodel.ingest.values import ValueChecker

_SECTIONS = (("nav", "Navigation"), ("header", "Header"), ("footer", "Footer"))


class AdvertoolsReader:
    kind = "advertools"

    def __init__(self, path: Path, options: ReadOptions | None = None) -> None:
        self.path = path
        self.options = options or ReadOptions()
        self.accounts: dict[str, RowAccount] = {}
        self.resource_targets: set[str] = set()  # advertools output lists hyperlinks only
        self.errors, self.warnings = _decoding(path, self.options.strict)
        self.has_positions = False
        for _, record in self._records(limit=50):
            if any(f"{section}_links_url" in record for section, _ in _SECTIONS):
                self.has_positions = True
                break

    def _records(self, limit: int | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
        name = self.path.name
        try:
            with self.path.open("r", encoding="utf-8-sig", errors=self.errors) as handle:
                for line_number, line in enumerate(handle, start=1):
                    if not line.strip():
                        continue
                    try:
                        record = json.loads(line)
                    except ValueError as exc:
                        raise InputError(
                            f"not a JSON object: {exc.msg}", name, line_number,
                            "the crawl output is damaged (an interrupted crawl?); remove or repair the line",
                        ) from exc
                    if not isinstance(record, dict) or not isinstance(record.get("url"), str):
                        raise InputError(
                            "a crawl line without a 'url'", name, line_number,
                            "pass advertools crawl output: one JSON object with a url per line",
                        )
                    for repair in REPAIRS:
                        if repair.needed(line):
                            record = self._repaired(record, repair, line_number)
                    yield line_number, record
                    if limit is not None:
                        limit -= 1
                        if limit <= 0:
                            return
        except UnicodeDecodeError as exc:
            raise InputError("the file is not UTF-8 text", name, fix="pass advertools .jl output as written") from exc

    def _repaired(self, record: dict[str, Any], repair: StringRepair, line_number: int) -> dict[str, Any]:
        cleaned = _repair_strings(record, repair.fix)
        if cleaned != record:
            if self.options.strict:
                raise InputError(repair.problem, self.path.name, line_number,
                                 f"write the crawl output again; or load without --strict to {repair.instead}")
            for account in self.accounts.values():
                account.warnings.append(f"{self.path.name}, line {line_number:,}: {repair.done}")
        return cleaned

    def _start(self, stream: str) -> tuple[RowAccount, ValueChecker]:
        account = self.accounts.setdefault(stream, RowAccount(self.path.name, stream)).start(self.warnings)
        return account, ValueChecker(account, self.options, [])

    def pages(self, normaliser: UrlNormaliser) -> Iterator[PageRecord]:
        """One page per line (its redirect hops are extra records, marked `derived`)."""
        name = self.path.name
        account, check = self._start("pages")
        for line, record in self._records():
            account.read += 1
            url = normaliser.normalise(record["url"])
            if url is None:
                account.skipped["external"] += 1
                continue
            status = check.json_status(record.get("status"), line, "status")
            canonical_raw = _text(record.get("canonical"))
            canonical = normaliser.normalise(canonical_raw, base=url) if canonical_raw else None
            robots = " ".join(
                _text(record.get(key)) or "" for key in ("meta_robots", "resp_headers_X-Robots-Tag")
            ).lower()
            indexable, reason = derived_indexability(status, "noindex" in robots, canonical, url)
            body = _text(record.get("body_text"))
            yield PageRecord(
                url=url,
                status=status,
                title=_first(record.get("title")),
                h1=_first(record.get("h1")),
                indexable=indexable,
                indexability=reason,
                canonical=canonical,
                content_type=_text(record.get("resp_headers_Content-Type") or record.get("resp_headers_content-type")),
                crawl_depth=check.json_count(record.get("depth", record.get("crawl_depth")), line, "depth"),
                word_count=len(body.split()) if body else None,
                origin=f"{name}:{line}",
            )
            yield from self._redirects(record, url, normaliser, f"{name}:{line}", check, line)
        check.finish()

    @staticmethod
    def _redirects(
        record: dict[str, Any], url: str, normaliser: UrlNormaliser, origin: str, check: ValueChecker, line: int
    ) -> Iterator[PageRecord]:
        chain = split_joined(record.get("redirect_urls"))
        reasons = split_joined(record.get("redirect_reasons"))
        for index, start in enumerate(chain):
            source = normaliser.normalise(start)
            target = normaliser.normalise(chain[index + 1]) if index + 1 < len(chain) else url
            if source is None or source == target:
                continue
            status = check.json_status(reasons[index], line, "redirect_reasons") if index < len(reasons) else 301
            yield PageRecord(
                url=source, status=status, indexable=False, indexability="Redirected",
                redirect_to=target, origin=origin, derived=True,
            )

    def links(self, normaliser: UrlNormaliser) -> Iterator[LinkRecord]:
        """Links counted one by one (`read` is links listed, not lines)."""
        account = self.accounts.setdefault("links", RowAccount(self.path.name, "links")).start()
        skipped = account.skipped
        for _, record in self._records():
            page = record["url"]
            source = normaliser.normalise(page)
            urls = split_joined(record.get("links_url"))
            account.read += len(urls)
            if source is None:
                skipped["external"] += len(urls)
                continue
            texts = split_joined(record.get("links_text"))
            nofollow = split_joined(record.get("links_nofollow"))
            sections = {
                position: Counter(
                    zip(split_joined(record.get(f"{key}_links_url")),
                        chain(split_joined(record.get(f"{key}_links_text")), repeat("")))
                )
                for key, position in _SECTIONS
            }
            for index, raw in enumerate(urls):
                target = normaliser.normalise(raw, base=page)
                if target is None:
                    if raw.strip():
                        skipped["external"] += 1
                    else:
                        account.rejected += 1
                    continue
                text = texts[index] if index < len(texts) else ""
                position = "Content" if self.has_positions else None
                for section_position, counter in sections.items():
                    key = (raw, text)
                    if counter[key] > 0:
                        counter[key] -= 1
                        position = section_position
                        break
                flag = nofollow[index].strip().lower() if index < len(nofollow) else ""
                yield LinkRecord(
                    source=source,
                    target=target,
                    anchor=text.strip(),
                    position=position,
                    follow=flag not in ("true", "1", "nofollow"),
                )


def _decoding(path: Path, strict: bool) -> tuple[str, list[str]]:
    """advertools writes UTF-8: a few bad bytes are replaced and named (refused with `strict`)."""
    scan = scan_file(path)
    if not scan.invalid:
        return "strict", []
    if strict:
        raise InputError(
            f"{sequences(scan.invalid)} not valid UTF-8 ({scan.invalid_where})", path.name,
            scan.invalid_first, "write the crawl output again; or load without --strict to replace them with U+FFFD",
        )
    return "replace", [
        f"{path.name}: {sequences(scan.invalid)} not valid UTF-8 on {scan.invalid_where}; replaced with U+FFFD"
    ]


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class StringRepair:
    """One fix applied to every string of a JSON line that may need it (a warning per line, an
    error with `--strict`), found cheaply first by the escape it needs in the raw line."""

    escape: re.Pattern[str]
    fix: Callable[[str], str]
    problem: str  # the error with --strict
    done: str  # the warning
    instead: str  # what loading without --strict does

    def needed(self, line: str) -> bool:
        return self.escape.search(line) is not None


REPAIRS = (
    # a JSON `\ud800` escape without its pair decodes to a lone surrogate, which the server cannot store as UTF-8
    StringRepair(re.compile(r"\\u[dD][89a-fA-F]"), lambda text: text.encode("utf-16", "surrogatepass").decode("utf-16", "replace"),
                 "a JSON string holds a lone UTF-16 surrogate (\\ud800-\\udfff)",
                 "a lone UTF-16 surrogate replaced with U+FFFD", "replace it with U+FFFD"),
    # `\u001b` sequences that retitle or clear a terminal: dropped, as the CSV readers drop them
    StringRepair(re.compile(r"\\u00[01][0-9a-fA-F]|\\u007[fF]|\\u00[89][0-9a-fA-F]"), lambda text: CONTROL.sub("", text),
                 "a JSON string holds control characters", "control characters dropped", "drop them"),
)


def _repair_strings(value: Any, fix: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return fix(value)
    if isinstance(value, list):
        return [_repair_strings(item, fix) for item in value]
    if isinstance(value, dict):
        return {key: _repair_strings(item, fix) for key, item in value.items()}
    return value


def _text(value: object) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    return None


def _first(value: object) -> str | None:
    parts = split_joined(value)
    return (parts[0].strip() or None) if parts else None

