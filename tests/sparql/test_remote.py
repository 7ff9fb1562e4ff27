"""Remote triplestores: push to a real Oxigraph server, query it, and get the local answers."""

import functools
import json
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from helpers import canonical_answer, free_port, invoke, loaded, local_answer, query_files, stop, wait_for
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from aigraph import load
from aigraph.errors import RemoteError
from aigraph.sparql.remote import _put_graph, graph_store_url, push_dataset, pushed_graphs, query_endpoint
from aigraph.rdf.store import STORES

pytestmark = pytest.mark.server

COUNT = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


class OxigraphServers:
    """Start `oxigraph serve` processes on free loopback ports; stop them all at the end."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.processes: list[subprocess.Popen] = []

    def start(self) -> str:
        binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
        port = free_port()
        location = self.workdir / f"store-{port}"
        process = subprocess.Popen(
            # the union default graph: queries see every named graph, as they do locally
            [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
             "--union-default-graph"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        self.processes.append(process)
        base = f"http://127.0.0.1:{port}"
        wait_for(f"{base}/", process)
        return base

    def stop_all(self) -> None:
        for process in self.processes:
            stop(process)


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    pool = OxigraphServers(tmp_path_factory.mktemp("oxigraph"))
    yield pool
    pool.stop_all()


@pytest.fixture(scope="module")
def pushed(servers, tmp_path_factory):
    """A function: project root → the query endpoint of a server holding that project."""

    @functools.cache
    def endpoint_for(root: Path) -> str:
        base = servers.start()
        push_dataset(loaded(root).dataset, f"{base}/query", graph_store=f"{base}/store")
        return f"{base}/query"

    return endpoint_for


def _remote_counts(endpoint: str) -> dict[str, int]:
    return {str(row.g): int(row.n) for row in query_endpoint(endpoint, COUNT)}


@pytest.mark.parametrize(("project", "path"), query_files())
def test_every_named_query_answers_the_same_remotely(project, path: Path, shared_mini_root: Path, pushed):
    root = project or shared_mini_root
    text = path.read_text(encoding="utf-8")
    remote = canonical_answer(query_endpoint(pushed(root), text))
    for store in STORES:
        assert remote == local_answer(root, store, path), store


def test_push_is_idempotent(servers, mini_root: Path):
    base = servers.start()
    dataset = load(mini_root).dataset
    expected = {str(g): len(dataset.graph(g)) for g in pushed_graphs(dataset)}
    assert len(expected) == 3  # the ontology, the one source, the derived edges
    for _ in range(2):
        report = push_dataset(dataset, f"{base}/query", graph_store=f"{base}/store")
        assert dict(report.graphs) == expected
        assert _remote_counts(f"{base}/query") == expected


def test_push_replaces_a_graph_that_changed(servers, mini_root: Path):
    base = servers.start()
    push_dataset(load(mini_root).dataset, f"{base}/query", graph_store=f"{base}/store")
    data = mini_root / "data" / "mini-source.trig"
    data.write_text(data.read_text().replace('"Mini test article"@en', '"Renamed article"@en'))
    push_dataset(load(mini_root).dataset, f"{base}/query", graph_store=f"{base}/store")
    titles = query_endpoint(f"{base}/query", "SELECT ?t WHERE { <https://w3id.org/aigraph/source/mini> <http://purl.org/dc/terms/title> ?t }")
    assert [str(row.t) for row in titles] == ["Renamed article"]


def test_never_a_put_without_a_graph(mini_root: Path):
    dataset = load(mini_root).dataset
    puts: list[httpx.Request] = []
    counts: dict[str, int] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "PUT":
            puts.append(request)
            graph = parse_qs(urlsplit(str(request.url)).query)["graph"][0]
            counts[graph] = len(request.content.splitlines())
            return httpx.Response(204)
        bindings = [{"g": {"type": "uri", "value": g}, "n": {"type": "literal", "value": str(n)}}
                    for g, n in counts.items()]
        body = {"head": {"vars": ["g", "n"]}, "results": {"bindings": bindings}}
        return httpx.Response(200, json=body, headers={"Content-Type": "application/sparql-results+json"})

    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        push_dataset(dataset, "http://store.invalid/query", client=client)
    assert len(puts) == len(pushed_graphs(dataset)) == 3
    for request in puts:
        query = parse_qs(urlsplit(str(request.url)).query)
        assert list(query) == ["graph"] and query["graph"][0].startswith("https://w3id.org/aigraph/")
        assert request.url.path == "/store"
    with pytest.raises(RemoteError, match="without a named graph"):
        _put_graph(None, "http://store.invalid/store", DATASET_DEFAULT_GRAPH_ID, b"")


def test_graph_store_url_needs_a_known_layout():
    assert graph_store_url("http://h:3030/ds/query") == "http://h:3030/ds/data"
    with pytest.raises(RemoteError, match="give --graph-store"):
        graph_store_url("http://h:8890/")


def test_cli_push_then_query_endpoint_matches_local(servers, mini_root: Path):
    base = servers.start()
    pushed_proc = invoke("push", "--root", str(mini_root), "--endpoint", f"{base}/query")
    assert pushed_proc.returncode == 0, pushed_proc.stderr
    assert "pushed 3 graphs" in pushed_proc.stdout and f"{base}/store" in pushed_proc.stdout
    for fmt in ("table", "json", "csv"):
        local = invoke("query", "people", "--root", str(mini_root), "-f", fmt)
        remote = invoke("query", "people", "--root", str(mini_root), "-f", fmt, "--endpoint", f"{base}/query")
        assert remote.returncode == 0, remote.stderr
        if fmt == "json":
            assert json.loads(remote.stdout)["results"] == json.loads(local.stdout)["results"]
        else:
            assert remote.stdout == local.stdout
    assert "Ada Example" in invoke("query", "people", "--root", str(mini_root), "--endpoint",
                                    f"{base}/query").stdout


def test_unreachable_endpoint_exit_2(mini_root: Path):
    port = free_port()  # nothing listens there
    for args in (["push", "--endpoint", f"http://127.0.0.1:{port}/query"],
                 ["query", "people", "--endpoint", f"http://127.0.0.1:{port}/query"]):
        proc = invoke(*args, "--root", str(mini_root))
        assert proc.returncode == 2, proc.stderr
        assert "cannot reach" in proc.stderr and proc.stderr.count("\n") <= 2


def test_remote_errors_are_reported(servers, mini_root: Path):
    base = servers.start()
    bad_query = invoke("query", "SELECT ?s WHERE { ?s ?p }", "--root", str(mini_root),
                        "--endpoint", f"{base}/query")
    assert bad_query.returncode == 2 and "HTTP 400" in bad_query.stderr
    wrong_store = invoke("push", "--root", str(mini_root), "--endpoint", f"{base}/query",
                          "--graph-store", f"{base}/query")
    assert wrong_store.returncode == 2 and "refused graph" in wrong_store.stderr
