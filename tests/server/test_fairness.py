"""Issue 11, case 5: two abusive clients sending slow queries leave a well-behaved
client its answers (load test on loopback), and a worker's memory is capped."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from helpers import free_port, serving, stop, wait_for

pytestmark = pytest.mark.server

TIMEOUT = 3  # the server's --timeout, in seconds
CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
GREEDY = ("SELECT (STRLEN(GROUP_CONCAT(?x)) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i "
          "BIND(CONCAT(STR(?a), STR(?b), STR(?c), STR(?d), STR(?e), STR(?f), STR(?g), STR(?h), STR(?i)) AS ?x) }")
PEOPLE = "SELECT ?p WHERE { ?p a <https://schema.org/Person> } ORDER BY ?p"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import shutil

    from helpers import MINI, ROOT

    root = tmp_path_factory.mktemp("fair") / "mini"
    shutil.copytree(ROOT / "ontology", root / "ontology")
    shutil.copytree(MINI / "data", root / "data")
    with serving(root, "--timeout", str(TIMEOUT)) as base:  # the default 2 workers
        yield base


def client(address: str) -> httpx.Client:
    """A client whose requests come from its own loopback address, as separate machines would."""
    return httpx.Client(transport=httpx.HTTPTransport(local_address=address), timeout=120.0)


def test_two_abusive_clients_leave_a_well_behaved_one_its_answers(server: str):
    stop_at = time.monotonic() + 4 * TIMEOUT  # the abusers' queries are stopped 4 times over
    abusive: dict[str, list[int]] = {"127.0.0.2": [], "127.0.0.3": []}

    def abuse(address: str) -> None:
        with client(address) as http:
            while time.monotonic() < stop_at:
                response = http.post(f"{server}/sparql", data={"query": CROSS})
                abusive[address].append(response.status_code)
                if response.status_code == 429:
                    assert int(response.headers["retry-after"]) >= 1

    # Each abusive client keeps three slow queries going at all times.
    threads = [threading.Thread(target=abuse, args=(a,)) for a in abusive for _ in range(3)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)  # the abusers hold both workers before the well-behaved client comes
    good: list[tuple[int, list[str]]] = []
    with client("127.0.0.4") as http:
        while time.monotonic() < stop_at:
            response = http.get(f"{server}/sparql", params={"query": PEOPLE},
                                headers={"Accept": "text/csv"})
            good.append((response.status_code, response.text.splitlines()))
            time.sleep(0.2)
    for thread in threads:
        thread.join()
    failed = [status for status, _rows in good if status != 200]
    assert len(good) >= 10 and failed == [], f"{len(failed)} of {len(good)} failed: {failed}"
    assert {tuple(rows) for _status, rows in good} == {(
        "p", "https://w3id.org/aigraph/person/ada-example",
    )}
    statuses = abusive["127.0.0.2"] + abusive["127.0.0.3"]
    assert 200 not in statuses  # their cross products never finish ...
    assert set(statuses) <= {429, 503} and 429 in statuses  # ... and they are told to slow down


def test_a_worker_past_its_memory_cap_is_stopped(tmp_path: Path):
    import shutil

    from helpers import MINI, ROOT

    root = tmp_path / "mini"
    shutil.copytree(ROOT / "ontology", root / "ontology")
    shutil.copytree(MINI / "data", root / "data")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "aigraph", "serve", "--root", str(root), "--port", str(port),
         "--timeout", "300", "--max-memory", "300", "--workers", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/sparql", process)
        response = httpx.post(f"{base}/sparql", data={"query": GREEDY}, timeout=300.0)
        assert response.status_code == 503
        assert response.text.strip() == (
            "the query needed more than the memory limit of 300 MB per worker and was stopped"
        )
        # The worker is replaced; the endpoint answers again.
        again = httpx.get(f"{base}/sparql", params={"query": PEOPLE}, timeout=300.0)
        assert again.status_code == 200
    finally:
        stop(process)
