"""Query workers (aigraph.server.workers) without HTTP: a pool answers, stops a query at its
time limit, and replaces the worker it stopped."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from aigraph import load
from aigraph.rdf.publish import published
from aigraph.rdf.store import dump_nquads
from aigraph.server.workers import WorkerPool, load_snapshot

ADA = "https://w3id.org/aigraph/person/ada-example"
PEOPLE = "SELECT ?p WHERE { ?p a <https://schema.org/Person> } ORDER BY ?p"
CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _snapshot(root: Path, store: str, folder: Path) -> Path:
    """The published project as `aigraph serve` hands it to its workers (aigraph.server.app):
    Oxigraph's on-disk store, or N-Quads for rdflib's memory store."""
    dataset = load(root, store=store).dataset
    folder.mkdir(parents=True)
    if store == "oxigraph":
        published(dataset, directory=folder / "store")
        return folder / "store"
    return dump_nquads(published(dataset), folder / "snapshot.nq")


@pytest.fixture(scope="module")
def snapshots(shared_mini_root: Path, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("workers")
    return {store: _snapshot(shared_mini_root, store, folder / store) for store in ("oxigraph", "memory")}


def _people(answer) -> list[str]:
    assert answer.status == 200, answer.body
    return [b["p"]["value"] for b in json.loads(answer.body)["results"]["bindings"]]


@pytest.mark.parametrize("store", ["oxigraph", "memory"])
def test_a_snapshot_loads_as_the_sealed_mini_project(snapshots: dict[str, Path], store: str):
    dataset = load_snapshot(str(snapshots[store]), store)
    assert [str(row[0]) for row in dataset.query(PEOPLE)] == [ADA]  # the one person of the fixture


def test_a_pool_answers_stops_a_query_at_its_limit_and_replaces_the_worker(snapshots: dict[str, Path]):
    async def scenario() -> list:
        pool = WorkerPool(snapshots["oxigraph"], "oxigraph", size=1, timeout=1.0)
        await pool.start()
        try:
            first = await pool.run("sparql", PEOPLE, "application/sparql-results+json")
            stopped = await pool.run("sparql", CROSS, None)
            again = await pool.run("sparql", PEOPLE, "application/sparql-results+json")  # a new worker
            return [first, stopped, again]
        finally:
            pool.close()

    first, stopped, again = asyncio.run(scenario())
    assert _people(first) == [ADA]
    assert first.media_type.startswith("application/sparql-results+json")
    assert stopped.status == 503
    assert stopped.body.decode().strip() == "the query exceeded the time limit of 1 s and was stopped"
    assert _people(again) == [ADA]


def test_a_closed_pool_leaves_no_worker(snapshots: dict[str, Path]):
    async def scenario() -> list:
        pool = WorkerPool(snapshots["memory"], "memory", size=2, timeout=5.0)
        await pool.start()
        processes = [worker.process for worker in pool._all]
        pool.close()
        return processes

    processes = asyncio.run(scenario())
    assert len(processes) == 2
    assert all(not process.is_alive() for process in processes)
