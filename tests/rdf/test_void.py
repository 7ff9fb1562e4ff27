"""The VoID description of a real build, checked against the dumps as pyoxigraph reads them."""

from collections import Counter
from aigraph import load
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, VOID, XSD

from aigraph.build import build
from aigraph.rdf.namespaces import DATASET_IRI, DERIVED_GRAPH, ONTOLOGY_GRAPH, SD

ROOT = Path(__file__).resolve().parents[2]
CC_BY = URIRef("https://creativecommons.org/licenses/by/4.0/")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("void") / "dist"
    build(load(ROOT), out_dir=out)
    return out


@pytest.fixture(scope="module")
def void(built: Path) -> Graph:
    return Graph().parse(built / "void.ttl", format="turtle")


@pytest.fixture(scope="module")
def quads(built: Path) -> list:
    return list(ox.parse(path=str(built / "aigraph.nq"), format=ox.RdfFormat.N_QUADS))


def test_licence_creator_and_date(void: Graph):
    assert void.value(DATASET_IRI, DCTERMS.license) == CC_BY
    creator = void.value(DATASET_IRI, DCTERMS.creator)
    assert creator is not None and void.value(creator, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))
    modified = void.value(DATASET_IRI, DCTERMS.modified)
    assert isinstance(modified, Literal) and modified.datatype == XSD.date and modified.value is not None


def test_readme_states_the_data_licence():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in readme and str(CC_BY) in readme


def test_dumps_are_absolute_and_name_the_files_of_the_build(void: Graph, built: Path):
    dumps = sorted(str(d) for d in void.objects(DATASET_IRI, VOID.dataDump))
    assert dumps and all(d.startswith("https://w3id.org/aigraph/dist/") for d in dumps)
    for dump in dumps:
        assert (built / dump.rsplit("/", 1)[1]).is_file(), dump
    assert "https://w3id.org/aigraph/dist/aigraph.trig" in dumps


def test_counts_say_triples_and_add_up_to_the_quads(void: Graph, quads: list):
    distinct = {(q.subject, q.predicate, q.object) for q in quads}
    assert int(void.value(DATASET_IRI, VOID.triples)) == len(distinct)
    per_graph = Counter(q.graph_name.value for q in quads)
    subsets = list(void.objects(DATASET_IRI, VOID.subset))
    assert len(subsets) == len(per_graph)
    for subset in subsets:
        name = str(void.value(subset, SD.name))
        assert int(void.value(subset, VOID.triples)) == per_graph[name], subset
    assert sum(int(void.value(s, VOID.triples)) for s in subsets) == len(quads)


def test_ontology_and_derived_edges_are_subsets(void: Graph):
    names = {void.value(s, SD.name): s for s in void.objects(DATASET_IRI, VOID.subset)}
    assert names[ONTOLOGY_GRAPH] == URIRef("https://w3id.org/aigraph/dataset/ontology")
    assert names[DERIVED_GRAPH] == URIRef("https://w3id.org/aigraph/dataset/derived")


def test_source_subsets_are_named_by_the_source_key(void: Graph):
    subsets = {str(s) for s in void.objects(DATASET_IRI, VOID.subset)}
    # data/kbs-612.trig holds the KBS World page; data/kwangju-...trig the article
    assert "https://w3id.org/aigraph/dataset/source/kbs-612" in subsets
    page = URIRef("http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=185612")
    assert void.value(URIRef("https://w3id.org/aigraph/dataset/source/kbs-612"), DCTERMS.source) == page
    for subset in subsets:
        tail = subset.rsplit("/", 1)[1]
        assert tail and all(c.isalnum() or c == "-" for c in tail), subset


def test_no_sparql_endpoint_in_the_built_description(void: Graph):
    assert void.value(DATASET_IRI, VOID.sparqlEndpoint) is None
    assert (DATASET_IRI, RDF.type, VOID.Dataset) in void


# aigraph.rdf.void on its own: the mini project described without a build.
def _mini_graph_size(root: Path) -> int:
    from rdflib import Dataset as RdfDataset

    parsed = RdfDataset()
    parsed.parse(root / "data" / "mini-source.trig", format="trig")
    return len(parsed.graph(URIRef("https://w3id.org/aigraph/source/mini")))


def test_the_mini_source_is_a_subset_counted_from_its_file(shared_mini_root: Path):
    from helpers import loaded

    from aigraph.rdf.namespaces import DATASET_IRI, SD
    from aigraph.rdf.void import describe_dataset

    project = loaded(shared_mini_root)
    void = describe_dataset(project.dataset, paths=project.paths, modified="2024-01-02")
    subset = URIRef(f"{DATASET_IRI}/source/mini-source")  # keyed by its file, data/mini-source.trig
    assert (DATASET_IRI, VOID.subset, subset) in void
    assert void.value(subset, SD.name) == URIRef("https://w3id.org/aigraph/source/mini")
    assert int(void.value(subset, VOID.triples)) == _mini_graph_size(shared_mini_root)
    people = URIRef(f"{subset}/class/schema-Person")
    assert void.value(people, VOID.entities).toPython() == 1  # Ada, the fixture's one person
    assert str(void.value(DATASET_IRI, DCTERMS.modified)) == "2024-01-02"


def test_sealed_and_plain_datasets_are_described_alike(shared_mini_root: Path):
    from rdflib.compare import isomorphic

    from aigraph.project.files import project_paths
    from aigraph.rdf.derive import derive_edges
    from aigraph.rdf.parse import load_dataset
    from aigraph.rdf.void import describe_dataset

    paths = project_paths(shared_mini_root)
    plain = load_dataset(paths, store="memory")  # counted by rdflib, not by Oxigraph
    derive_edges(plain, paths=paths)
    from helpers import loaded

    described = [describe_dataset(ds, paths=paths, modified="2024-01-02") for ds in (plain, loaded(shared_mini_root).dataset)]
    assert isomorphic(described[0], described[1])
