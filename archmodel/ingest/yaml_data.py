"""A site model's YAML text as plain data, built from libyaml's events without a node tree.

PyYAML builds a node for every value, with its position, before it builds the data: for a big
site model (68 MB of `site.yml` for a million-page site) that tree took 1 GB and set the load's
memory peak before a crawl row was read. Here each value is built as its event arrives, so only
the data is ever held; positions are kept only for the top-level keys (for messages about them),
and a model that fails validation is composed again (`compose`) for the lines of its errors.

The rules a site model's YAML follows, checked in the same pass: one document; no duplicate keys
(YAML would keep the last one silently); no aliases (`*name`: a few kilobytes of nested aliases
expand to gigabytes). Scalars are read as `yaml.safe_load` reads them (same tags, same types);
tagged collections and merge keys (`<<`), which a site model has no use for, are refused.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.events import (
    AliasEvent, MappingEndEvent, MappingStartEvent, ScalarEvent, SequenceEndEvent,
    SequenceStartEvent, StreamEndEvent,
)

_SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster
_STR = "tag:yaml.org,2002:str"
_PLAIN_COLLECTIONS = {"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
_MERGE = "tag:yaml.org,2002:merge"


class DuplicateKey(yaml.YAMLError):
    def __init__(self, key: object, line: int) -> None:
        self.key = key
        self.line = line
        super().__init__(f"duplicate key {key!r}")


class AliasFound(yaml.YAMLError):
    def __init__(self, line: int) -> None:
        self.line = line
        super().__init__("an alias (*name)")


class UnsupportedYaml(yaml.YAMLError):
    def __init__(self, what: str, line: int) -> None:
        self.what = what
        self.line = line
        super().__init__(what)


def read_data(text: str) -> tuple[Any, dict[str, int]]:
    """The document's data (None when empty) and the line of each top-level key."""
    builder = _Builder(text)
    try:
        return builder.document()
    finally:
        builder.loader.dispose()


def compose(text: str) -> Any:
    """The node tree of text that `read_data` read once already, for the lines of errors."""
    loader = _SafeLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


class _Builder:
    def __init__(self, text: str) -> None:
        self.loader = _SafeLoader(text)
        self.constructors = self.loader.yaml_constructors

    def document(self) -> tuple[Any, dict[str, int]]:
        loader = self.loader
        loader.get_event()  # stream start
        if loader.check_event(StreamEndEvent):
            return None, {}
        loader.get_event()  # document start
        top_lines: dict[str, int] = {}
        data = self._value(top_lines)
        loader.get_event()  # document end
        if not loader.check_event(StreamEndEvent):
            extra = loader.get_event()
            raise yaml.composer.ComposerError(
                "expected a single document in the stream", None, "but found another document", extra.start_mark,
            )
        return data, top_lines

    def _value(self, key_lines: dict[str, int] | None = None) -> Any:
        event = self.loader.get_event()
        if isinstance(event, ScalarEvent):
            return self._scalar(event)
        if isinstance(event, AliasEvent):
            raise AliasFound(event.start_mark.line + 1)
        if isinstance(event, SequenceStartEvent):
            self._refuse_tag(event, "a tagged list")
            items = []
            while not self.loader.check_event(SequenceEndEvent):
                items.append(self._value())
            self.loader.get_event()
            return items
        if isinstance(event, MappingStartEvent):
            self._refuse_tag(event, "a tagged mapping")
            return self._mapping(key_lines)
        raise yaml.composer.ComposerError(None, None, f"unexpected {type(event).__name__}", event.start_mark)

    def _mapping(self, key_lines: dict[str, int] | None) -> dict[Any, Any]:
        mapping: dict[Any, Any] = {}
        while not self.loader.check_event(MappingEndEvent):
            key_event = self.loader.peek_event()
            line = key_event.start_mark.line + 1
            if isinstance(key_event, ScalarEvent) and self._tag(key_event) == _MERGE:
                raise UnsupportedYaml("a merge key (<<)", line)
            key = self._value()
            try:
                duplicate = key in mapping
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", None, "found unhashable key", key_event.start_mark,
                ) from None
            if duplicate:
                raise DuplicateKey(key, line)
            mapping[key] = self._value()
            if key_lines is not None and isinstance(key, str):
                key_lines[key] = line
        self.loader.get_event()
        return mapping

    def _tag(self, event: ScalarEvent) -> str:
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        return tag

    def _scalar(self, event: ScalarEvent) -> Any:
        tag = self._tag(event)
        if tag == _STR:
            return event.value
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
        constructor = self.constructors.get(tag, self.constructors.get(None))
        return constructor(self.loader, node)

    @staticmethod
    def _refuse_tag(event: Any, what: str) -> None:
        """An untagged list or mapping resolves to the plain one; `!!set`, `!!omap` and the like are refused."""
        if event.tag not in (None, "!", *_PLAIN_COLLECTIONS):
            raise UnsupportedYaml(f"{what} ({event.tag})", event.start_mark.line + 1)
