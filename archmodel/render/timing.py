"""Where a report's time goes: seconds per phase, so a slow report says which part is slow.

Phases are named by what they wait for: `checks` (the packs on the server), `graph reads`
(queries the maps and charts need), `layout` (clustering and positions in Python) and `HTML`
(figures to text and the file). The checks run alongside reads and layout, so the phases can add
up to more than the wall time; `summary` states both. `graph reads (aggregates)` are the
server-side aggregations that run in a second thread alongside the page and link reads.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

ORDER = ("checks", "graph reads", "graph reads (aggregates)", "layout", "HTML")


class PhaseTimes:
    """Seconds per phase, summed over every time the phase was entered (thread-safe)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.started = time.monotonic()
        self._lock = threading.Lock()

    def add(self, phase: str, seconds: float) -> None:
        with self._lock:
            self.seconds[phase] = self.seconds.get(phase, 0.0) + seconds

    @contextmanager
    def measure(self, phase: str) -> Iterator[None]:
        started = time.monotonic()
        try:
            yield
        finally:
            self.add(phase, time.monotonic() - started)

    def summary(self) -> str:
        names = [p for p in ORDER if p in self.seconds] + sorted(set(self.seconds) - set(ORDER))
        parts = ", ".join(f"{name} {self.seconds[name]:.1f} s" for name in names)
        return f"Report in {time.monotonic() - self.started:.1f} s: {parts}"


@contextmanager
def measure(times: PhaseTimes | None, phase: str) -> Iterator[None]:
    """`times.measure(phase)`, or nothing when no one is timing."""
    if times is None:
        yield
        return
    with times.measure(phase):
        yield
