"""JSON-LD as JSON-LD users read it: term keys, one @graph per source, equal to TriG under pyld.

pyld (the JSON-LD reference implementation in Python) expands the dump and
turns it into N-Quads; rdflib reads the TriG export; every named graph must
hold the same triples in both.
"""

import json
from aigraph import load
from pathlib import Path

import pytest
from pyld import jsonld
from rdflib import Dataset, URIRef
from rdflib.compare import isomorphic

from aigraph.build import build
from aigraph.export.jsonld import term_context, to_jsonld
from aigraph.rdf.namespaces import AIG
from aigraph.rdf.publish import published

KWANGJU = "https://w3id.org/aigraph/source/kwangju-ilbo-2024-05-22-ai-seoul-summit"


def _graphs(ds: Dataset) -> dict[URIRef, object]:
    return {g.identifier: g for g in ds.graphs() if len(g)}


def _pyld_quads(document: dict) -> Dataset:
    nquads = jsonld.to_rdf(document, {"format": "application/n-quads"})
    parsed = Dataset()
    parsed.parse(data=nquads, format="nquads")
    return parsed


def test_build_writes_the_context_and_pyld_reads_the_same_quads_as_trig(mini_root: Path, tmp_path: Path):
    out = tmp_path / "dist"
    build(load(mini_root), out_dir=out)
    document = json.loads((out / "aigraph.jsonld").read_text(encoding="utf-8"))
    context_file = json.loads((out / "context.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == context_file["@context"]
    from_jsonld = _pyld_quads(document)
    from_trig = Dataset()
    from_trig.parse(out / "aigraph.trig", format="trig")
    expected = _graphs(from_trig)
    assert set(_graphs(from_jsonld)) == set(expected) and len(expected) >= 3
    for name, graph in expected.items():
        assert isomorphic(from_jsonld.graph(name), graph), name


def test_the_context_file_alone_expands_a_dump_that_refers_to_it(mini_root: Path, tmp_path: Path):
    out = tmp_path / "dist"
    build(load(mini_root), out_dir=out)
    document = json.loads((out / "aigraph.jsonld").read_text(encoding="utf-8"))
    context_url = "https://w3id.org/aigraph/context.jsonld"
    context_doc = json.loads((out / "context.jsonld").read_text(encoding="utf-8"))

    def loader(url, _options=None):
        assert url == context_url, url  # nothing else may be fetched
        return {"contextUrl": None, "documentUrl": url, "document": context_doc}

    referring = {**document, "@context": context_url}
    expanded = jsonld.to_rdf(referring, {"format": "application/n-quads", "documentLoader": loader})
    assert expanded == jsonld.to_rdf(document, {"format": "application/n-quads"})


@pytest.fixture(scope="module")
def real_document(dataset) -> dict:
    return json.loads(to_jsonld(published(dataset)))


def test_keys_are_terms_and_each_source_is_its_own_graph(real_document: dict):
    graphs = {g["@id"]: g["@graph"] for g in real_document["@graph"]}
    assert KWANGJU in graphs and "https://w3id.org/aigraph/ontology" in graphs
    assert "https://w3id.org/aigraph/graph/derived" in graphs
    harris = [n for n in graphs[KWANGJU] if n["@id"] == "https://w3id.org/aigraph/person/kamala-harris"]
    assert harris and "label" in harris[0] and "sameAs" in harris[0]
    assert harris[0]["sameAs"] == "http://www.wikidata.org/entity/Q10853588"
    participations = [n for n in graphs[KWANGJU] if "Participation" in json.dumps(n.get("@type"))]
    assert participations and all("participant" in n for n in participations)
    keys = {k for g in graphs.values() for n in g for k in n}
    assert "schema:sameAs" not in keys and "rdfs:label" not in keys
    context = real_document["@context"]
    assert context["sameAs"] == {"@id": "https://schema.org/sameAs", "@type": "@id"}
    assert context["label"] == {"@id": "http://www.w3.org/2000/01/rdf-schema#label", "@container": "@language"}
    assert harris[0]["label"] == {"en": "Kamala Harris", "ko": "카멀라 해리스"}


def test_a_local_name_shared_by_two_vocabularies_stays_a_compact_iri(dataset):
    context = term_context(published(dataset))
    # schema:location and aig:location are both used: neither may take the bare term.
    assert "location" not in context
    assert context["schema:location"]["@id"] == "https://schema.org/location"
    assert context["aig:location"]["@id"] == str(AIG.location)


def test_drawing_hints_stay_out_of_the_json_ld(real_document: dict):
    nodes = [n for g in real_document["@graph"] for n in g["@graph"]]
    keys = {k for n in nodes for k in n}
    assert not keys & {"graphColour", "graphShape", "graphNode", "graphEdge", "edgeSource", "hopPhrase"}
    assert str(AIG.participationEdge) not in {n["@id"] for n in nodes}
    # the hint terms themselves stay declared, so a reader can look them up
    assert str(AIG.graphColour) in {n["@id"] for n in nodes}
