"""Compressed inputs are read with bounds: a gzip bomb or one endless <loc> stops with one error,
at a bounded memory cost (measured in a child process)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

from archmodel.errors import InputError
from archmodel.ingest.readers.sitemap import MAX_LOC_CHARS, SitemapReader

HEAD = b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.example/'
TAIL = b"</loc></url></urlset>"


def _gzip_bomb(path: Path, megabytes: int) -> None:
    """A ~200 KB gzip file whose single <loc> is `megabytes` MB long, written without holding it."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip framing
    chunk = b"a" * (1024 * 1024)
    with path.open("wb") as out:
        out.write(packer.compress(HEAD))
        for _ in range(megabytes):
            out.write(packer.compress(chunk))
        out.write(packer.compress(TAIL) + packer.flush())


def _read_in_a_child(module: str, reader: str, path: Path) -> tuple[str, int]:
    """(the InputError's message, peak memory in KB) of `module.reader(path)` run in its own process."""
    code = (f"import resource,sys; from pathlib import Path; from {module} import {reader}\n"
            "from archmodel.errors import InputError\n"
            f"try:\n    {reader}(Path(sys.argv[1]))\nexcept InputError as e:\n    print(e)\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=300, check=True)
    message, peak_kb = done.stdout.strip().splitlines()
    return message, int(peak_kb)


def test_a_gzip_bomb_stops_with_one_error_at_bounded_memory(tmp_path: Path) -> None:
    bomb = tmp_path / "sitemap.xml.gz"
    _gzip_bomb(bomb, 700)  # read whole, as before this bound, it took 1.4 GB
    assert bomb.stat().st_size < 2 * 1024 * 1024
    message, peak_kb = _read_in_a_child("archmodel.ingest.readers.sitemap", "SitemapReader", bomb)
    assert "larger than 100 MB once decompressed" in message and "sitemap.xml.gz" in message
    assert peak_kb < 1024 * 1024, f"peak {peak_kb // 1024} MB"


def test_a_loc_longer_than_any_browser_accepts_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_bytes(HEAD + b"a" * (MAX_LOC_CHARS + 10) + TAIL)
    with pytest.raises(InputError, match=r"no browser accepts such a URL.*sitemap.xml"):
        SitemapReader(path)


def test_a_traffic_zip_bomb_stops_with_one_error_at_bounded_memory(tmp_path: Path) -> None:
    bomb = tmp_path / "gsc-export.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("Pages.csv", "w", force_zip64=True) as member:
            member.write(b"Top pages,Clicks,Impressions,CTR,Position\n")
            line = b"https://x.example/" + b"a" * 1000 + b",1,10,10%,1.0\n"
            for _ in range(250_000):  # 250 MB unzipped, well over the bound
                member.write(line)
    assert bomb.stat().st_size < 5 * 1024 * 1024
    message, peak_kb = _read_in_a_child("archmodel.ingest.traffic", "read_traffic", bomb)
    assert "Pages.csv is larger than 200 MB once unzipped" in message
    assert peak_kb < 1024 * 1024, f"peak {peak_kb // 1024} MB"
