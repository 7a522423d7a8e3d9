"""Memoised deterministic computations, keyed by the content of their arguments.

Layouts and link communities depend only on their input (arrays, sizes, a seed), so the report
can compute them while the checks run on the server, before the findings are known, and reuse
them when it draws the maps. Keys hash the array bytes; results are copied in and out so a caller
that modifies what it gets never changes the memo.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import numpy as np

MEMO_SIZE = 512

F = TypeVar("F", bound=Callable[..., Any])
_memo: OrderedDict[bytes, Any] = OrderedDict()
_memo_lock = threading.Lock()


def _digest(value: Any, digest: Any) -> None:
    if isinstance(value, np.ndarray):
        digest.update(f"{value.dtype}{value.shape}".encode())
        digest.update(np.ascontiguousarray(value).tobytes())
    elif isinstance(value, dict):
        digest.update(repr(sorted(value.items())).encode())
    else:
        digest.update(repr(value).encode())


def _copy(value: Any) -> Any:
    if isinstance(value, tuple):
        return tuple(_copy(v) for v in value)
    return value.copy() if isinstance(value, np.ndarray) else value


def remembered(function: F) -> F:
    """Memoise a deterministic layout by the content of its arguments (copies out, so callers
    may modify what they get)."""

    @wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        digest = hashlib.sha1(function.__name__.encode())
        for value in (*args, *sorted(kwargs.items())):
            _digest(value, digest)
        key = digest.digest()
        with _memo_lock:
            if key in _memo:
                _memo.move_to_end(key)
                return _copy(_memo[key])
        result = function(*args, **kwargs)
        with _memo_lock:
            _memo[key] = _copy(result)
            while len(_memo) > MEMO_SIZE:
                _memo.popitem(last=False)
        return result

    return wrapper  # type: ignore[return-value]
