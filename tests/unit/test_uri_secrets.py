"""A password written inside NEO4J_URI is refused, and never printed (db/connection.py)."""

from __future__ import annotations

import pytest

from archmodel.cli import main
from archmodel.db.connection import ConnectionSettings
from archmodel.db.uri import masked_uri
from archmodel.errors import ConfigError


@pytest.mark.parametrize("uri", ["bolt://neo4j:s3cret@127.0.0.1:7687", "neo4j+s://admin:s3cret@x.databases.neo4j.io",
                                 "bolt://s3cret@db.example:7687"])
def test_userinfo_in_the_uri_is_refused_and_masked(uri: str, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ConfigError) as raised:
        ConnectionSettings.resolve(uri=uri)
    assert "s3cret" not in str(raised.value) and "***@" in str(raised.value)
    assert "NEO4J_PASSWORD" in raised.value.fix
    monkeypatch.setenv("NEO4J_URI", uri)
    for command in (["stats"], ["doctor"], ["run"]):
        code = main(command)
        out, err = capsys.readouterr()
        assert code == 2, command
        assert "s3cret" not in out + err and "Traceback" not in err, command


def test_masked_uri_keeps_what_is_safe() -> None:
    assert masked_uri("bolt://u:p@host:7687/db?x=1") == "bolt://***@host:7687/db?x=1"
    assert masked_uri("neo4j+s://xxxx.databases.neo4j.io") == "neo4j+s://xxxx.databases.neo4j.io"
