from pathlib import Path

import pytest

import aigraph
from aigraph.project.files import project_paths
from rdflib import URIRef

from aigraph.errors import LoadError
from aigraph.rdf.parse import load_dataset, source_graphs
from aigraph.rdf.namespaces import ONTOLOGY_GRAPH

MINI_SOURCE = URIRef("https://w3id.org/aigraph/source/mini")
#: Both ways into a project: rdflib's parsers into a Dataset, and Oxigraph's bulk loader (aigraph.load).
LOADERS = [
    pytest.param(lambda root: load_dataset(project_paths(root)), id="dataset"),
    pytest.param(lambda root: aigraph.load(root), id="oxigraph"),
]


def test_each_source_keeps_its_named_graph(mini_root: Path):
    ds = load_dataset(project_paths(mini_root))
    assert source_graphs(ds) == [MINI_SOURCE]
    graph = ds.graph(MINI_SOURCE)
    assert (URIRef("https://w3id.org/aigraph/person/ada-example"), None, None) in graph
    # the ontology sits in its own graph, not in the source's
    assert (URIRef("https://w3id.org/aigraph/ontology#Participation"), None, None) in ds.graph(ONTOLOGY_GRAPH)
    assert (URIRef("https://w3id.org/aigraph/ontology#Participation"), None, None) not in graph


def test_union_default_graph_sees_every_source(mini_root: Path):
    ds = load_dataset(project_paths(mini_root))
    rows = list(ds.query("SELECT ?p WHERE { ?p a <https://schema.org/Person> }"))
    assert [str(r.p) for r in rows] == ["https://w3id.org/aigraph/person/ada-example"]


@pytest.mark.parametrize("loader", LOADERS)
def test_syntax_error_names_file_line_and_column(mini_root: Path, loader):
    bad = mini_root / "data" / "broken.trig"
    bad.write_text('@prefix ex: <http://example.org/> .\n<http://g> {\n  ex:a ex:b "unterminated\n}\n')
    with pytest.raises(LoadError) as info:
        loader(mini_root)
    err = info.value
    assert err.path == bad
    assert err.line == 3
    assert str(err).startswith(f"{bad}:3:")


@pytest.mark.parametrize("loader", LOADERS)
def test_triples_outside_a_named_graph_are_refused(mini_root: Path, loader):
    (mini_root / "data" / "stray.trig").write_text(
        "<https://w3id.org/aigraph/person/x> <http://www.w3.org/2000/01/rdf-schema#label> \"x\"@en .\n"
    )
    with pytest.raises(LoadError, match="outside any named graph") as info:
        loader(mini_root)
    assert info.value.path.name in ("stray.trig", "data")


@pytest.mark.parametrize("loader", LOADERS)
def test_non_utf8_file_is_a_load_error(mini_root: Path, loader):
    bad = mini_root / "data" / "latin1.trig"
    bad.write_bytes('<http://g> { <http://a> <http://b> "caf\xe9" . }\n'.encode("latin-1"))
    with pytest.raises(LoadError) as info:
        loader(mini_root)
    assert info.value.path == bad


def test_missing_project_directory(tmp_path: Path):
    with pytest.raises(LoadError, match="not an aigraph project"):
        load_dataset(project_paths(tmp_path))
