"""No outbound requests (aigraph.sparql.guard): SERVICE is refused, by `aigraph query` and by
the library, and no connection is made. (The query's limits are in tests/test_runner.py,
Ctrl-C in tests/test_cli_process.py.)"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from helpers import invoke

from aigraph.errors import QueryError

class Listener:
    """A loopback TCP listener that counts the connections made to it.

    A connection made by a command that has returned is complete and waits in the
    listen queue, so counting what is queued needs no waiting.
    """

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.setblocking(False)
        self.port = self.sock.getsockname()[1]
        self.accepted = 0

    @property
    def connections(self) -> int:
        while True:
            try:
                conn, _addr = self.sock.accept()
            except BlockingIOError:
                return self.accepted
            self.accepted += 1
            conn.close()

    def close(self) -> None:
        self.sock.close()


@pytest.fixture()
def listener():
    found = Listener()
    yield found
    found.close()


def services(port: int) -> list[str]:
    url = f"<http://127.0.0.1:{port}/sparql>"
    return [
        f"SELECT * WHERE {{ SERVICE {url} {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE SILENT {url} {{ ?s ?q ?r }} }} }}",
        f"ASK {{ FILTER EXISTS {{ service {url} {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE {url} {{ ?s ?p ?o }} }} }} }}",
    ]


@pytest.mark.parametrize("store", ["oxigraph", "memory"])
def test_query_refuses_service_and_makes_no_request(mini_root: Path, listener: Listener, store: str):
    for text in services(listener.port):
        result = invoke("query", "--root", str(mini_root), "--store", store, text)
        assert result.returncode == 2, result.stderr
        assert result.stderr.strip().splitlines() == [
            "Error: <query text>: SERVICE is refused: aigraph makes no outbound requests"
        ]
    assert listener.connections == 0


def test_a_named_query_file_with_service_is_refused_too(mini_root: Path, listener: Listener):
    (mini_root / "queries" / "outbound.rq").write_text(services(listener.port)[0], encoding="utf-8")
    result = invoke("query", "--root", str(mini_root), "outbound")
    assert result.returncode == 2 and "outbound: SERVICE is refused" in result.stderr
    assert listener.connections == 0


def test_the_word_service_elsewhere_is_not_refused(mini_root: Path):
    text = 'SELECT ?service WHERE { BIND("SERVICE" AS ?service) } # SERVICE in a comment'
    result = invoke("query", "--root", str(mini_root), "--format", "csv", text)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["service", "SERVICE"]


@pytest.mark.parametrize("store", ["oxigraph", "memory"])
def test_run_query_refuses_service_in_the_library(store: str, listener: Listener):
    from aigraph.rdf.parse import new_dataset
    from aigraph.sparql.query import run_query

    with pytest.raises(QueryError, match="SERVICE is refused"):
        run_query(new_dataset(store=store), services(listener.port)[0])
    assert listener.connections == 0
