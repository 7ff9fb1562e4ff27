"""Shared fixtures: the real project, a miniature copy, the command line in process and as a process."""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Assembled graphs the CLI keeps (aigraph.rdf.engine) go to a folder of this test run, not ~/.cache.
os.environ.setdefault("AIGRAPH_CACHE", tempfile.mkdtemp(prefix="aigraph-test-cache-"))
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


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


@pytest.fixture(scope="session")
def dataset():
    """The real project's assembled dataset (ontology + sources + derived edges)."""
    return loaded(ROOT).dataset


@pytest.fixture()
def mini_root(tmp_path: Path) -> Path:
    """A throw-away project: the real ontology with the miniature data and queries."""
    root = tmp_path / "mini"
    shutil.copytree(ROOT / "ontology", root / "ontology")
    shutil.copytree(MINI / "data", root / "data")
    shutil.copytree(MINI / "queries", root / "queries")
    return root


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


@pytest.fixture()
def cli():
    """The command line run in process, as a fixture."""
    return invoke


XSS = Path(__file__).resolve().parent / "fixtures" / "xss"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite tests/golden/ from the current output instead of comparing with it.",
    )


@pytest.fixture()
def golden(request: pytest.FixtureRequest):
    """Compare text with tests/golden/NAME, or rewrite the file under --update-golden."""

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if request.config.getoption("--update-golden"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        assert path.is_file(), f"{path} is missing; run `pytest --update-golden` and review the diff"
        expected = path.read_text(encoding="utf-8")
        assert actual == expected, (
            f"output differs from {path}; if the change is intended, run "
            "`pytest --update-golden` and review the diff"
        )

    return check


@pytest.fixture()
def xss_root(tmp_path: Path) -> Path:
    """A throw-away project whose only source tries to inject script through every label."""
    root = tmp_path / "xss"
    shutil.copytree(ROOT / "ontology", root / "ontology")
    shutil.copytree(XSS / "data", root / "data")
    return root


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


@pytest.fixture(scope="session")
def shared_mini_root(tmp_path_factory) -> Path:
    """The miniature project, made once per session; tests must not change it."""
    root = tmp_path_factory.mktemp("shared") / "mini"
    shutil.copytree(ROOT / "ontology", root / "ontology")
    shutil.copytree(MINI / "data", root / "data")
    shutil.copytree(MINI / "queries", root / "queries")
    return root


# Parallel runs (make test: pytest -n auto --dist loadgroup). A test module's tests run
# in one worker, so a module-scoped fixture (a server, a browser, the wheel) is made once;
# a module whose tests share no costly fixture says SPREAD = True and its tests are dealt
# out one by one. Modules that ask the same questions of the real project (the stores,
# the remote stores, Virtuoso) share a group, so each answer is computed once (local_answer).
# Modules that say START_EARLY = True (the longest groups) are handed out first, so that
# no worker is left with a long group at the end while the other waits.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    def module_flag(item: pytest.Item, name: str) -> bool:
        return bool(getattr(getattr(item, "module", None), name, False))

    items.sort(key=lambda item: not module_flag(item, "START_EARLY"))  # stable: the rest keep their order
    for item in items:
        if item.get_closest_marker("xdist_group") is not None or module_flag(item, "SPREAD"):
            continue
        item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::", 1)[0]))
