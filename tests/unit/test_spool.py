"""PickleSpool (archmodel/ingest/spool.py): the one way a load keeps values on disk."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from archmodel.ingest.spool import PickleSpool


def test_values_read_back_by_offset_in_any_order() -> None:
    spool = PickleSpool.temporary("archmodel-test-")
    first = spool.append([("a", 1), ("b", 2)])
    second = spool.append({"x": {"y"}})
    assert spool.read(second)[0] == {"x": {"y"}}
    value, after = spool.read(first)
    assert value == [("a", 1), ("b", 2)] and after == second
    third = spool.append("after a read")  # appends go to the end even after reading moved the position
    assert spool.read(third)[0] == "after a read" and spool.read(first)[0] == value
    spool.close()
    assert spool.closed


def test_a_named_spool_crosses_processes_as_its_path(tmp_path: Path) -> None:
    writer = PickleSpool(open(tmp_path / "rows", "wb"))
    offset = writer.append(["rows", "of", "a", "child"])
    writer.close()
    reader = pickle.loads(pickle.dumps(writer))
    assert reader.read(offset)[0] == ["rows", "of", "a", "child"]
    reader.close()


def test_an_anonymous_spool_refuses_to_cross() -> None:
    spool = PickleSpool.temporary("archmodel-test-")
    with pytest.raises(TypeError, match="anonymous"):
        pickle.dumps(spool)
    spool.close()
