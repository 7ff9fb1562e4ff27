"""A second triplestore from another family: every competency query on Virtuoso and locally.

Virtuoso Open Source (Debian's ``virtuoso-opensource-7-bin``, which ``.ci/run``
installs) is started by the test on two free loopback ports with a database in
a temporary directory, the project is pushed to it with ``aigraph push``
(SPARQL 1.1 Graph Store Protocol), and each query of ``queries/`` is asked
there and answered locally on both stores. The rows must be equal as sets: a
second SPARQL engine is an independent check of ours.

Where the two differ as multisets, Virtuoso is wrong: cq05 (SELECT DISTINCT
with OPTIONAL columns left unbound) comes back from Virtuoso 7.2 with the rows
whose ``?person`` and ``?post`` are unbound repeated, though DISTINCT must
remove duplicates and two unbound values are the same (SPARQL 1.1, 18.5).
"""

import shutil
import subprocess
import time
from pathlib import Path

import httpx
import pytest
from helpers import ROOT, canonical_answer, free_port, invoke, loaded, local_answer, stop

from aigraph.sparql.remote import pushed_graphs, query_endpoint
from aigraph.rdf.store import STORES

pytestmark = [
    pytest.mark.server,
    pytest.mark.skipif(shutil.which("virtuoso-t") is None,
                       reason="virtuoso-t is not installed (.ci/run installs virtuoso-opensource-7-bin)"),
]

QUERIES = sorted((ROOT / "queries").glob("*.rq"))

INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
MaxClientConnections = 8
CheckpointInterval = 60
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ServerThreads = 8
DirsAllowed = ., {d}

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {d}
ServerThreads = 4
MaxClientConnections = 4
EnabledDavVSP = 0

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
MaxQueryCostEstimationTime = 0
"""


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    """A Virtuoso holding the project; yields its SPARQL endpoint."""
    directory = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = free_port(), free_port()
    (directory / "virtuoso.ini").write_text(INI.format(d=directory, sql_port=sql_port, http_port=http_port))
    process = subprocess.Popen(
        ["virtuoso-t", "-c", str(directory / "virtuoso.ini"), "+foreground"],
        cwd=directory, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    endpoint = f"http://127.0.0.1:{http_port}/sparql"
    try:
        _wait(endpoint, process)
        # Virtuoso's graph store takes writes from its anonymous SPARQL user once granted.
        grant = subprocess.run(
            ["isql-vt", f"127.0.0.1:{sql_port}", "dba", "dba",
             'exec=GRANT SPARQL_UPDATE TO "SPARQL"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET (\'nobody\', 7);'],
            capture_output=True, text=True, timeout=60, check=False,
        )
        assert grant.returncode == 0, grant.stdout + grant.stderr
        pushed = invoke("push", "--endpoint", endpoint,
                         "--graph-store", f"http://127.0.0.1:{http_port}/sparql-graph-crud")
        assert pushed.returncode == 0, pushed.stderr
        assert "pushed" in pushed.stdout
        yield endpoint
    finally:
        stop(process)


def _wait(endpoint: str, process: subprocess.Popen, timeout: float = 180.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"virtuoso-t exited with {process.returncode}: {process.stdout.read()}")
        try:
            if httpx.get(endpoint, params={"query": "ASK {}"}, timeout=2.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"Virtuoso did not answer at {endpoint} within {timeout:g} s")


def _as_set(answer: object) -> object:
    if isinstance(answer, tuple):
        variables, rows = answer
        return variables, set(rows)
    return set(answer) if isinstance(answer, list) else answer


@pytest.fixture(scope="module")
def local():
    return {store: loaded(ROOT, store).dataset for store in STORES}


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.name)
def test_every_competency_query_gives_the_same_rows_on_virtuoso(virtuoso: str, local, path: Path):
    remote = canonical_answer(query_endpoint(virtuoso, path.read_text(encoding="utf-8")))
    for store in local:
        here = local_answer(ROOT, store, path)
        assert _as_set(remote) == _as_set(here), store
        if isinstance(here, tuple):
            assert here[1], f"{path.name} has no rows: nothing was compared"


def test_virtuoso_holds_every_graph_with_its_triples(virtuoso: str, local):
    counts = {str(row.g): int(row.n) for row in query_endpoint(
        virtuoso, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")}
    dataset = local["oxigraph"]
    names = pushed_graphs(dataset)
    assert len(names) > 90
    for name in names:
        assert counts.get(str(name)) == len(dataset.graph(name)), name
