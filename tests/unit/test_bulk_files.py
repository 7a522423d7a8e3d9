"""The bulk path's link files in the server's import folder (archmodel/db/bulk.py)."""

from __future__ import annotations

from pathlib import Path

from archmodel.db.bulk import BulkFiles


def test_a_load_removes_only_its_own_sites_leftover_files(tmp_path: Path) -> None:
    mine = BulkFiles(None, tmp_path, "a.example", "crawl-1")  # type: ignore[arg-type]
    other = BulkFiles(None, tmp_path, "a.example-clinic.org", "crawl-9")  # type: ignore[arg-type]
    left = tmp_path / f"{mine.prefix}crawl-1-3.links"
    running = tmp_path / f"{other.prefix}crawl-9-1.links"
    left.write_bytes(b"AMLINKS1")
    running.write_bytes(b"AMLINKS1")
    mine.remove_leftovers()
    assert not left.exists()
    assert running.exists(), "another site's load, which may be running, keeps its file"
