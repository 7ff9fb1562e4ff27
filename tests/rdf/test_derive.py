from pathlib import Path

import pytest
from aigraph.project.files import project_paths
from rdflib import URIRef

from aigraph import load
from aigraph.rdf.derive import derive_edges
from aigraph.errors import LoadError
from aigraph.rdf.parse import load_dataset
from aigraph.rdf.namespaces import AIG, DERIVED_GRAPH, SCHEMA

ADA = URIRef("https://w3id.org/aigraph/person/ada-example")
SUMMIT = URIRef("https://w3id.org/aigraph/summit/mini-summit")
EXAMPLIA = URIRef("https://w3id.org/aigraph/country/examplia")
DECL = URIRef("https://w3id.org/aigraph/document/mini-declaration")
SAFETY = URIRef("https://w3id.org/aigraph/principle/safety")


def test_convenience_edges_come_from_the_nary_nodes(mini_root: Path):
    ds = load(mini_root).dataset
    derived = ds.graph(DERIVED_GRAPH)
    assert (ADA, AIG.attended, SUMMIT) in derived
    assert (SUMMIT, SCHEMA.attendee, ADA) in derived
    assert (ADA, AIG.chaired, SUMMIT) in derived
    assert (ADA, AIG.represented, EXAMPLIA) in derived
    assert (EXAMPLIA, AIG.endorsed, DECL) in derived
    assert (ADA, AIG.endorsed, DECL) in derived
    assert (DECL, AIG.invokes, SAFETY) in derived


def test_not_attending_is_not_attendance(mini_root: Path):
    data = mini_root / "data" / "mini-source.trig"
    text = data.read_text().replace(
        "aig:role <https://w3id.org/aigraph/role/chair> ;",
        "aig:role <https://w3id.org/aigraph/role/endorser> ;\n"
        "        aig:mode <https://w3id.org/aigraph/mode/not-attending> ;",
    )
    data.write_text(text)
    ds = load(mini_root).dataset
    derived = ds.graph(DERIVED_GRAPH)
    assert (ADA, AIG.attended, SUMMIT) not in derived
    assert (ADA, AIG.chaired, SUMMIT) not in derived
    assert (ADA, AIG.represented, EXAMPLIA) in derived  # still acted for Examplia


def test_derivation_replaces_earlier_derived_edges(mini_root: Path):
    ds = load_dataset(project_paths(mini_root))
    first = derive_edges(ds, paths=project_paths(mini_root))
    assert derive_edges(ds, paths=project_paths(mini_root)) == first


def test_a_rule_must_be_construct(mini_root: Path):
    (mini_root / "ontology" / "rules" / "zz-bad.rq").write_text("SELECT * WHERE { ?s ?p ?o }")
    with pytest.raises(LoadError, match="CONSTRUCT"):
        load(mini_root).dataset
