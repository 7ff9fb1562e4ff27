"""What the sources say (aigraph.network.evidence), on the mini project
(tests/fixtures/mini/data/mini-source.trig): facts, evidence, mentions and sources."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import loaded
from rdflib import URIRef

from aigraph.network.evidence import Details, SourceReader, is_evidence, mentions, wikidata_qid
from aigraph.rdf.namespaces import DERIVED_GRAPH

BASE = "https://w3id.org/aigraph/"
MINI = BASE + "source/mini"
ADA = URIRef(BASE + "person/ada-example")
PARTICIPATION = URIRef(BASE + "participation/mini-summit/ada-example")


@pytest.fixture(scope="module")
def reader(shared_mini_root: Path) -> SourceReader:
    return SourceReader(loaded(shared_mini_root).dataset)


def test_a_participation_is_read_from_its_paragraph(reader: SourceReader):
    assert Details(reader).evidence(PARTICIPATION) == [{"source": MINI, "paragraph": 1}]


def test_facts_are_what_the_source_says_one_per_value(reader: SourceReader):
    facts = {(f["p"], f.get("iri")): f["sources"] for f in Details(reader).facts(PARTICIPATION)}
    # aig:participant, aig:event, aig:onBehalfOf, aig:post and aig:role, each from the one source
    assert facts == {
        (BASE + "ontology#participant", str(ADA)): [MINI],
        (BASE + "ontology#event", BASE + "summit/mini-summit"): [MINI],
        (BASE + "ontology#onBehalfOf", BASE + "country/examplia"): [MINI],
        (BASE + "ontology#post", BASE + "post/president-of-examplia"): [MINI],
        (BASE + "ontology#role", BASE + "role/chair"): [MINI],
    }  # its type, labels, description and evidence are shown elsewhere, not as facts


def test_derived_edges_never_pose_as_facts(shared_mini_root: Path, reader: SourceReader):
    derived = {p for p, _o in loaded(shared_mini_root).dataset.graph(URIRef(DERIVED_GRAPH)).predicate_objects(ADA)}
    assert derived, "the mini project derives an edge of Ada's"
    said = {URIRef(f["p"]) for f in Details(reader).facts(ADA)}
    assert not said & derived


def test_mentions_and_evidence_kinds(reader: SourceReader):
    assert mentions(reader, ADA) == {MINI: {1}}
    assert is_evidence(reader, URIRef(MINI + "#p1")) and is_evidence(reader, URIRef(MINI))
    assert not is_evidence(reader, ADA)
    assert wikidata_qid(reader, ADA) is None  # the mini source links nobody to Wikidata


def test_a_source_is_described_by_what_it_records(reader: SourceReader):
    details = Details(reader)
    assert details.source(MINI) == MINI
    source = details.sources[MINI]
    assert source["title"]["en"] == "Mini test article"
    assert source["publisher"]["en"] == "Mini Press" and source["publisher"]["ko"] == "미니 신문"
    assert source["date"] == "2024-01-02"
    assert source["url"] is None  # the source says it records no address (aig:notRecorded schema:url)
