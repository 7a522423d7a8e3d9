"""Errors a user can act on.

Every failure a user can fix is raised as an `ArchmodelError` carrying three parts: what failed,
where (a file and line, a URI, a key path) and how to fix it. The CLI prints them as one line,
`Error: <what> (<where>) - <how to fix>`, and exits 2; a traceback appears only with `--debug`.
"""

from __future__ import annotations

from typing import Any


class ArchmodelError(Exception):
    """A failure the user can fix; `exit_code` is what the CLI exits with."""

    exit_code = 2

    def __init__(self, what: str, where: str = "", fix: str = "") -> None:
        self.what = what
        self.where = where
        self.fix = fix
        super().__init__(self.message())

    def message(self) -> str:
        text = f"Error: {self.what}"
        if self.where:
            text += f" ({self.where})"
        if self.fix:
            text += f" - {self.fix}"
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its parts, not its message, so an error raised in a child process (a load
        reads the site model in one: archmodel/ingest/prepared.py) reaches the CLI as it was raised."""
        return _rebuild, (type(self), self.__dict__)


def _rebuild(cls: type[ArchmodelError], state: dict[str, Any]) -> ArchmodelError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    Exception.__init__(error, error.message())
    return error


class ConnectionFailed(ArchmodelError):
    """The Neo4j server could not be reached or refused the credentials."""


class InputError(ArchmodelError):
    """An input file (crawl export, sitemap, site model) cannot be used as it is."""

    def __init__(self, what: str, file: str, line: int | None = None, fix: str = "") -> None:
        self.file = file
        self.line = line
        where = f"{file}, line {line}" if line is not None else file
        super().__init__(what, where, fix)


class ConfigError(ArchmodelError):
    """The site model or another configuration value is invalid."""


class PackError(ArchmodelError):
    """A query pack or check is malformed, unknown, or cannot run."""


class ServerError(ArchmodelError):
    """The local Neo4j server cannot be built, started or stopped."""
