"""One load per site at a time: a lease in the database, taken before any clean-up.

Without it, a second `archmodel load` of the same site removes the first one's half-written
generation as "stale" while it is being written, and the first load fails in the middle. The
lease is a `LoadLease` node per site (unique on `site`), holding who has it (a random owner id,
the process id and the machine) and until when. A second load finds it held and stops with one
clear error; a lease whose process died (same machine, process gone) or that was not renewed in
time (another machine) is taken over. The load renews it as it goes and removes it at the end.
"""

from __future__ import annotations

import os
import socket
import time
import uuid
from dataclasses import dataclass, field

from archmodel.db.connection import Graph
from archmodel.db.server import pid_alive
from archmodel.errors import ArchmodelError

LEASE_SECONDS = 1800  # renewed at least every RENEW_SECONDS while the load runs
RENEW_SECONDS = 60


class LoadInProgress(ArchmodelError):
    """Another load of the same site holds the lease."""


@dataclass
class Lease:
    graph: Graph
    host: str
    owner: str
    renewed: float = field(default_factory=time.monotonic)

    def renew(self, force: bool = False) -> None:
        """Push the expiry forward (at most once a minute unless `force`)."""
        if not force and time.monotonic() - self.renewed < RENEW_SECONDS:
            return
        self.graph.write(
            "MATCH (l:LoadLease {site: $host, owner: $owner}) SET l.expires = timestamp() + $ttl",
            {"host": self.host, "owner": self.owner, "ttl": LEASE_SECONDS * 1000},
        )
        self.renewed = time.monotonic()

    def release(self) -> None:
        self.graph.write("MATCH (l:LoadLease {site: $host, owner: $owner}) DELETE l", {"host": self.host, "owner": self.owner})


def acquire(graph: Graph, host: str) -> Lease:
    """The site's load lease, or LoadInProgress naming who holds it."""
    owner = uuid.uuid4().hex
    machine = socket.gethostname()
    claim = {"host": host, "owner": owner, "pid": os.getpid(), "machine": machine, "ttl": LEASE_SECONDS * 1000}
    rows = graph.write(
        "MERGE (l:LoadLease {site: $host}) "
        "ON CREATE SET l.owner = $owner, l.pid = $pid, l.machine = $machine, l.since = timestamp(), "
        "l.expires = timestamp() + $ttl "
        "SET l.checked = timestamp() "  # a write first: the lease node is locked before it is read
        "RETURN l.owner AS owner, l.pid AS pid, l.machine AS machine, l.since AS since, "
        "l.expires < timestamp() AS expired",
        claim,
    )
    held = rows[0]
    if held["owner"] == owner:
        return Lease(graph, host, owner)
    dead = held["machine"] == machine and not pid_alive(int(held["pid"]))
    if held["expired"] or dead:
        taken = graph.write(
            "MATCH (l:LoadLease {site: $host, owner: $previous}) "
            "SET l.owner = $owner, l.pid = $pid, l.machine = $machine, l.since = timestamp(), "
            "l.expires = timestamp() + $ttl RETURN count(l) AS n",
            {**claim, "previous": held["owner"]},
        )
        if taken and taken[0]["n"] == 1:
            return Lease(graph, host, owner)
    since = time.strftime("%H:%M:%S", time.localtime(held["since"] / 1000)) if held.get("since") else "earlier"
    raise LoadInProgress(
        f"another load of {host} is running (process {held['pid']} on {held['machine']}, since {since})",
        host,
        "wait for it to finish and load again; a load whose process died frees the site by itself",
    )


__all__ = ["LEASE_SECONDS", "Lease", "LoadInProgress", "acquire"]
