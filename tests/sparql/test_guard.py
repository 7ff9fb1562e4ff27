"""Issue 11, cases 2 and 3: `aigraph query` makes no outbound request, and it stops:
at its time limit, at its memory limit, and on Ctrl-C."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import invoke

from aigraph.errors import QueryError

CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
# Every row of a cross product joined into one string: memory grows fast.
GREEDY = ("SELECT (STRLEN(GROUP_CONCAT(?x)) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i "
          "BIND(CONCAT(STR(?a), STR(?b), STR(?c), STR(?d), STR(?e), STR(?f), STR(?g), STR(?h), STR(?i)) AS ?x) }")


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


def test_query_stops_at_its_time_limit(mini_root: Path):
    result = invoke("query", "--root", str(mini_root), "--timeout", "2", CROSS)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == (
        "Error: the query exceeded the time limit of 2 s and was stopped; raise --timeout, or narrow the query"
    )


def test_query_stops_at_its_memory_limit(mini_root: Path):
    result = invoke("query", "--root", str(mini_root), "--timeout", "200", "--max-memory", "300", GREEDY)
    assert result.returncode == 2, result.stderr
    assert "needed more than the memory limit of 300 MB and was stopped" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("option", [["--timeout", "0"], ["--timeout", "-1"], ["--max-memory", "1"]])
def test_query_limits_must_be_positive(mini_root: Path, option: list[str]):
    result = invoke("query", "--root", str(mini_root), *option, "SELECT * WHERE {}")
    assert result.returncode == 2 and "Invalid value" in result.stderr


def test_ctrl_c_stops_the_query_and_its_worker(mini_root: Path):
    process = subprocess.Popen(
        [sys.executable, "-m", "aigraph", "query", "--root", str(mini_root), "--timeout", "600", CROSS],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    group = os.getpgid(process.pid)
    try:
        worker = _wait_for_worker(group, process.pid)
        os.killpg(group, signal.SIGINT)  # what a terminal does on Ctrl-C: the whole group
        _out, err = process.communicate(timeout=30)  # the query alone would run for minutes
    finally:
        if process.poll() is None:
            os.killpg(group, signal.SIGKILL)
    assert process.returncode == 130
    assert err.strip() == "interrupted"
    state = (worker / "stat").read_text().rsplit(")", 1)[1].split()[0] if worker.exists() else "gone"
    assert state in ("gone", "Z"), state  # the worker was killed with it




def _wait_for_worker(group: int, main: int, timeout: float = 120.0) -> Path:
    """Wait until the query worker (a process of the group other than *main*; forked or spawned) is busy."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        members = [p for p in Path("/proc").iterdir() if p.name.isdigit() and _group_of(p) == group]
        workers = [p for p in members if int(p.name) != main]
        if workers and _cpu_ticks(workers[0]) > 150:  # loaded the project, now answering
            return workers[0]
        time.sleep(0.2)
    raise AssertionError("the query worker did not start")


def _group_of(proc: Path) -> int | None:
    try:
        return int((proc / "stat").read_text().rsplit(")", 1)[1].split()[2])
    except (OSError, ValueError, IndexError):
        return None


def _cpu_ticks(proc: Path) -> int:
    try:
        fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, ValueError, IndexError):
        return 0
