"""Python values pickled one after another into a file, each read back by where it starts.

A load keeps on disk what it holds for a long time but uses rarely or a part at a time: the
site model's entity rows until the entities phase (entities.EntityRowsOnDisk), the link tally's
sorted runs until they are merged (link_summary.LinkTally). Both are this one mechanism: append a
value, keep its offset, read it back later. The file is the caller's choice: an anonymous
temporary file in one process, or a named one that a child process writes and the load reads
(a named spool pickles as its path and is opened again for reading where it is unpickled).
"""

from __future__ import annotations

import os
import pickle
import tempfile
from typing import IO, Any


class PickleSpool:
    """Values appended to a binary file and read back by offset; closing it closes the file."""

    def __init__(self, file: IO[bytes]) -> None:
        self._file = file

    @classmethod
    def temporary(cls, prefix: str) -> PickleSpool:
        """A spool in an anonymous temporary file, gone when closed."""
        return cls(tempfile.TemporaryFile(prefix=prefix))

    @classmethod
    def reading(cls, path: str) -> PickleSpool:
        """The spool another process wrote to the file at `path`."""
        return cls(open(path, "rb"))

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        name = getattr(self._file, "name", None)
        if not isinstance(name, str):
            raise TypeError("a spool in an anonymous temporary file cannot be handed to another process")
        return PickleSpool.reading, (name,)

    def append(self, value: Any) -> int:
        """Write `value` at the end of the file; returns the offset to read it back from."""
        offset = self._file.seek(0, os.SEEK_END)
        pickle.dump(value, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        return offset

    def read(self, offset: int) -> tuple[Any, int]:
        """The value written at `offset`, and the offset of the one written after it."""
        self._file.seek(offset)
        value = pickle.load(self._file)
        return value, self._file.tell()

    def flush(self) -> None:
        self._file.flush()

    def close(self) -> None:
        self._file.close()

    @property
    def closed(self) -> bool:
        return self._file.closed
