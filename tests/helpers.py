"""What the tests share besides fixtures: the project's folders, the command line run in
process and as a process, servers on free loopback ports, answers compared across engines.

Imported as ``helpers`` (tests/ is on the import path); tests/conftest.py holds the fixtures.
"""

from __future__ import annotations

import contextlib
import functools
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
MINI = FIXTURES / "mini"
XSS = FIXTURES / "xss"
GOLDEN = TESTS / "golden"


@functools.cache
def loaded(root: Path, store: str = "oxigraph"):
    """The project at *root* on *store*, loaded once per test process and shared; tests must not change it."""
    from aigraph import load

    return load(root, store=store)


@functools.cache
def local_answer(root: Path, store: str, query: Path) -> object:
    """The canonical answer of the query file *query* on the shared project at *root* (see :func:`loaded`).

    The memory store takes long on some queries of the real project (cq16); the
    tests that compare engines and stores ask each question here once per process.
    """
    from aigraph.project.files import project_paths
    from aigraph.sparql.query import run_query

    return canonical_answer(run_query(loaded(root, store).dataset, query, paths=project_paths(root)))


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None):
    """Run ``python -m aigraph ARGS`` as a process; return the CompletedProcess.

    Only for tests where the process boundary is the point (signals, a closed or
    full standard output, ``python -m``, the installed script); the others use
    :func:`invoke`.
    """
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "aigraph", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=full_env,
        timeout=300,
    )


@dataclass(frozen=True)
class Invoked:
    """What a command run in process left: its exit status and its two outputs."""

    returncode: int
    stdout: str
    stderr: str


def invoke(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> Invoked:
    """Run ``aigraph ARGS`` in this process through click's CliRunner.

    The same group and the same error mapping as the installed command: the exit
    status and the two streams are what a process would give (checked against a
    real process in tests/test_cli_process.py).
    """
    from click.testing import CliRunner

    from aigraph.cli.commands import cli as group

    result = CliRunner().invoke(group, list(args), env=env, input=input, prog_name="aigraph")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a bug in the test or the command: show its traceback
    return Invoked(result.exit_code, result.stdout, result.stderr)


def free_port() -> int:
    """Return a TCP port that is free on the loopback interface right now."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, *, timeout: float = 120.0) -> None:
    """Poll *url* until it answers, failing early when *process* exits."""
    import time

    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            out = process.stdout.read() if process.stdout else ""
            raise RuntimeError(f"server exited with {process.returncode}: {out}")
        try:
            httpx.get(url, timeout=2.0)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def stop(process: subprocess.Popen) -> None:
    """Stop a server this test session started (by its own process id)."""
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=20)


@contextlib.contextmanager
def serving(root: Path, *options: str) -> Iterator[str]:
    """Run ``aigraph serve`` on *root* with *options* on a free loopback port; yield its address."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "aigraph", "serve", "--root", str(root), "--port", str(port), *options],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/sparql", process)
        yield base
    finally:
        stop(process)


def canonical_answer(result) -> object:
    """A query answer in a form that compares equal across engines.

    SELECT: the variables and the multiset of rows (terms in N-Triples syntax,
    blank nodes as ``_:b``); ASK: the boolean; CONSTRUCT/DESCRIBE: the sorted
    N-Triples of the canonical graph.
    """
    from rdflib import BNode, Graph
    from rdflib.compare import to_canonical_graph

    if result.type == "ASK":
        return bool(result.askAnswer)
    if result.type == "SELECT":
        variables = [str(v) for v in result.vars]
        rows = sorted(
            tuple("" if t is None else "_:b" if isinstance(t, BNode) else t.n3() for t in row)
            for row in result
        )
        return variables, rows
    graph = Graph()
    for triple in to_canonical_graph(result.graph):
        graph.add(triple)
    return sorted(graph.serialize(format="nt").splitlines())


def query_files() -> list:
    """Every named query of the project and of the miniature fixture, as pytest params."""
    params = [
        pytest.param(ROOT, path, id=f"queries/{path.name}") for path in sorted((ROOT / "queries").glob("*.rq"))
    ]
    params += [
        pytest.param(None, path, id=f"mini/{path.name}") for path in sorted((MINI / "queries").glob("*.rq"))
    ]
    return params


@functools.cache
def people_in_files() -> int:
    """The people the curated files type, counted apart from the engine (rdflib reads each file)."""
    from rdflib import Dataset, URIRef
    from rdflib.namespace import RDF

    seen = set()
    for path in sorted((ROOT / "data").glob("*.trig")):
        data = Dataset()
        data.parse(path, format="trig")
        seen |= {s for s, _p, _o, _g in data.quads((None, RDF.type, URIRef("https://schema.org/Person"), None))}
    return len(seen)
