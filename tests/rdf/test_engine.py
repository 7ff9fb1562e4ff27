"""The Oxigraph engine: a project assembled by Oxigraph's bulk loader, and the cache that keeps it."""

from pathlib import Path

import pytest

import aigraph
from aigraph.rdf.engine import CACHE_VARIABLE, assemble_store
from aigraph.project.files import project_paths

PEOPLE = "SELECT ?p WHERE { ?p a <https://schema.org/Person> }"
BO = """<https://w3id.org/aigraph/source/mini> {
  <https://w3id.org/aigraph/person/bo-example> a <https://schema.org/Person> .
}
"""


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_VARIABLE, str(folder))
    return folder


def test_assembled_store_equals_the_rdflib_reference(mini_root: Path):
    # The same named graphs and triples as rdflib's parsers and rules give.
    oxigraph = aigraph.load(mini_root).export("nq")
    memory = aigraph.load(mini_root, store="memory").export("nq")
    assert oxigraph == memory


def test_the_store_holds_the_merge_in_its_default_graph(mini_root: Path):
    # Ada typed again in a second graph: one person in the merge, two graph statements.
    (mini_root / "data" / "again.trig").write_text(
        "<urn:x:second> { <https://w3id.org/aigraph/person/ada-example> a <https://schema.org/Person> . }\n")
    store = assemble_store(project_paths(mini_root))
    assert len(list(store.query(PEOPLE))) == 1
    per_graph = "SELECT ?g WHERE { GRAPH ?g { ?p a <https://schema.org/Person> } }"
    assert sorted(row["g"].value for row in store.query(per_graph)) == [
        "https://w3id.org/aigraph/source/mini", "urn:x:second"]


def test_cache_is_kept_and_reused_while_files_are_unchanged(mini_root: Path, cache: Path):
    first = aigraph.load(mini_root, cache=True)
    kept = sorted(cache.glob("*.nq"))
    assert len(kept) == 1 and kept[0].stat().st_size > 0
    again = aigraph.load(mini_root, cache=True)
    assert sorted(cache.glob("*.nq")) == kept
    assert again.export("nq") == first.export("nq")


def test_a_changed_source_is_assembled_again(mini_root: Path, cache: Path):
    assert len(aigraph.load(mini_root, cache=True).query(PEOPLE)) == 1
    (mini_root / "data" / "bo.trig").write_text(BO)
    assert len(aigraph.load(mini_root, cache=True).query(PEOPLE)) == 2
    assert len(list(cache.glob("*.nq"))) == 2


def test_a_damaged_cache_entry_is_rebuilt(mini_root: Path, cache: Path):
    aigraph.load(mini_root, cache=True)
    [kept] = cache.glob("*.nq")
    kept.write_text("this is not N-Quads\n")
    assert len(aigraph.load(mini_root, cache=True).query(PEOPLE)) == 1


def test_cache_off_writes_nothing(mini_root: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setenv(CACHE_VARIABLE, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    aigraph.load(mini_root, cache=True)
    assert not (tmp_path / "xdg").exists()


def test_the_library_does_not_cache_unless_asked(mini_root: Path, cache: Path):
    aigraph.load(mini_root)
    assert not cache.exists()


def test_a_query_needs_no_rdflib_dataset(mini_root: Path):
    project = aigraph.load(mini_root)
    assert len(project.query(PEOPLE)) == 1
    assert "dataset" not in vars(project)  # the rdflib view is made on first use only
    assert len(project.dataset.query(PEOPLE)) == 1
