"""What a Neo4j URI says: whether it points at this machine, its port, and how to print it.

Shared by the connection settings (archmodel/db/connection.py) and the local server's password
look-up (archmodel/db/server.py), which sits below the connection.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from archmodel.errors import ConfigError


def masked_uri(uri: str) -> str:
    """The URI with any user and password in it replaced by `***`, safe to print."""
    parts = urlsplit(uri)
    if "@" not in parts.netloc:
        return uri
    return urlunsplit(parts._replace(netloc="***@" + parts.netloc.rsplit("@", 1)[1]))


def refuse_userinfo(uri: str) -> None:
    """A password written inside NEO4J_URI would be printed by every error: refuse it, masked."""
    if "@" in urlsplit(uri).netloc:
        raise ConfigError(
            "the Neo4j URI carries a user or password", masked_uri(uri),
            fix="remove them from the URI; set NEO4J_USERNAME and NEO4J_PASSWORD (or use --password-prompt) instead",
        )


def is_loopback_uri(uri: str) -> bool:
    host = urlsplit(uri).hostname or ""
    return host in {"localhost", "127.0.0.1", "::1"}


def uri_port(uri: str) -> int:
    return urlsplit(uri).port or 7687
