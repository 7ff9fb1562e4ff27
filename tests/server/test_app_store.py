"""`aigraph serve` on Oxigraph keeps one on-disk copy of the published graph that every worker opens read-only."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pyoxigraph as ox
import pytest

from aigraph import load
from aigraph.server import app as serve
from aigraph.rdf.namespaces import AIG
from aigraph.rdf.publish import published
from aigraph.rdf.store import raw_store

ROOT = Path(__file__).resolve().parents[2]


def _quads(store: ox.Store) -> set[str]:
    return {str(q) for q in store}


@pytest.fixture(scope="module")
def project():
    return load(ROOT)


def test_the_copy_on_disk_holds_what_the_copy_in_memory_holds(project, tmp_path: Path):
    expected = _quads(raw_store(published(project.dataset)))
    on_disk = published(project.dataset, directory=tmp_path / "store")
    assert _quads(raw_store(on_disk)) == expected
    hint = ox.NamedNode(str(AIG.graphColour))
    assert not list(raw_store(on_disk).quads_for_pattern(None, hint, None, None)) and len(expected) > 20_000
    assert list(raw_store(project.dataset).quads_for_pattern(None, hint, None, None))  # it was there
    del on_disk
    assert _quads(ox.Store.read_only(str(tmp_path / "store"))) == expected


def test_the_server_hands_its_workers_a_closed_store(project, tmp_path: Path, monkeypatch):
    workdir = tmp_path / "serve"
    workdir.mkdir()
    monkeypatch.setattr(serve.tempfile, "mkdtemp", lambda **_: str(workdir))
    serve.create_app(ROOT)
    snapshot = workdir / "store"
    assert snapshot.is_dir() and not (workdir / "store.nq").exists()  # the copy went straight to disk
    # The server dropped its writer: RocksDB lets a new writer take the lock (it refuses while one holds it).
    writer = ox.Store(str(snapshot))
    assert _quads(writer) == _quads(raw_store(published(project.dataset)))
    with pytest.raises(OSError):
        ox.Store(str(snapshot))  # the lock is real: a second writer is refused


def test_a_memory_store_cannot_be_published_on_disk(tmp_path: Path):
    with pytest.raises(ValueError, match="only an Oxigraph dataset"):
        published(load(ROOT, store="memory").dataset, directory=tmp_path / "store")


def test_the_page_made_on_first_request_is_the_page_of_the_assembled_graph(shared_mini_root: Path, tmp_path: Path):
    from aigraph.rdf.store import dump_nquads

    assembled = load(shared_mini_root).dataset
    page = serve.GraphPage(dump_nquads(assembled, tmp_path / "page.nq"), "oxigraph")
    made, policy = asyncio.run(page.get())
    assert made == serve.with_links(serve.graph_page(assembled))
    assert policy.startswith("default-src 'none'; script-src 'sha256-")


def test_a_page_that_cannot_be_made_is_an_error_and_is_tried_again(shared_mini_root: Path, tmp_path: Path):
    from aigraph.errors import AigraphError
    from aigraph.rdf.store import dump_nquads

    snapshot = tmp_path / "page.nq"
    page = serve.GraphPage(snapshot, "oxigraph")
    with pytest.raises(AigraphError):
        asyncio.run(page.get())  # no snapshot yet
    dump_nquads(load(shared_mini_root).dataset, snapshot)
    made, _ = asyncio.run(page.get())
    assert "<html" in made


def test_the_served_page_is_the_page_a_build_writes_with_the_links_added(tmp_path: Path):
    from aigraph.build import build
    from aigraph.project.files import project_paths
    from aigraph.rdf.store import dump_nquads
    from aigraph.network.stories import read_stories

    project = load(ROOT)
    built = build(project, out_dir=tmp_path / "dist").out_dir / "graph.html"
    stories = read_stories(project_paths(ROOT))
    assert stories  # the real project has guided stories: the served page must carry them too
    page = serve.GraphPage(dump_nquads(project.dataset, tmp_path / "page.nq"), "oxigraph", stories)
    made, _ = asyncio.run(page.get())
    assert made == serve.with_links(built.read_text(encoding="utf-8"))
