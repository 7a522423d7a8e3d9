"""The peak resident memory of this process, as a load reports it."""

from __future__ import annotations

import resource
import sys


def peak_memory_mb() -> int:
    """The process's peak resident memory so far, in MiB: read after set-up and after each phase,
    it shows which phase made a large load outgrow the machine (the peak never goes down)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (2**20 if sys.platform == "darwin" else 2**10))
