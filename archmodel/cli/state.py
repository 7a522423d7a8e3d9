"""Root options shared by every command: connection settings and `--debug`.

The connection is opened lazily, only by commands that need the graph, and verified once so an
unreachable server fails in one line within seconds.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field

from archmodel.db.connection import ConnectionSettings, Graph, connect


@dataclass
class AppState:
    uri: str | None = None
    user: str | None = None
    database: str | None = None
    password_prompt: bool = False
    debug: bool = False
    _settings: ConnectionSettings | None = None
    _graph: Graph | None = None
    _secrets: list[str] = field(default_factory=list)

    def settings(self) -> ConnectionSettings:
        if self._settings is None:
            password = None
            if self.password_prompt:
                password = getpass.getpass(prompt="Neo4j password: ")
            self._settings = ConnectionSettings.resolve(
                uri=self.uri, user=self.user, database=self.database, password=password
            )
            if self._settings.password is not None:
                self._secrets.append(self._settings.password.get_secret_value())
        return self._settings

    def graph(self) -> Graph:
        """The verified connection, opened on first use and closed when the process ends."""
        if self._graph is None:
            self._graph = connect(self.settings())
        return self._graph

    def close(self) -> None:
        if self._graph is not None:
            self._graph.close()
            self._graph = None


_state = AppState()


def configure(**options: object) -> None:
    global _state
    _state.close()
    _state = AppState(**options)  # type: ignore[arg-type]


def current() -> AppState:
    return _state


def reset() -> None:
    configure()


def redact(text: str) -> str:
    """Belt and braces: never let a known secret reach a terminal."""
    for secret in _state._secrets:
        if secret:
            text = text.replace(secret, "******")
    return text
