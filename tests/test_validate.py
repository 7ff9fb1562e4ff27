from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from aigraph.build import assemble
from aigraph.namespaces import AIG
from aigraph.validate import validate_dataset

SOURCE = URIRef("https://w3id.org/aigraph/source/mini")
ADA = URIRef("https://w3id.org/aigraph/person/ada-example")
PARTICIPATION = URIRef("https://w3id.org/aigraph/participation/mini-summit/ada-example")


def _validate(root: Path, edit=None):
    ds = assemble(root)
    if edit:
        edit(ds.graph(SOURCE))
    return validate_dataset(ds, root=root)


def test_mini_project_conforms(mini_root: Path):
    report = _validate(mini_root)
    assert report.conforms, report.text
    assert report.text == "conforms"


def test_missing_korean_label_is_reported_with_node_and_path(mini_root: Path):
    report = _validate(mini_root, lambda g: g.remove((ADA, RDFS.label, Literal("에이다 예시", lang="ko"))))
    assert not report.conforms
    assert [(v.focus, v.path) for v in report.violations] == [(ADA.n3(), RDFS.label.n3())]
    assert "Korean" in report.violations[0].message
    assert ADA.n3() in report.text


def test_two_participants_violate_the_participation_shape(mini_root: Path):
    def edit(g):
        bob = URIRef("https://w3id.org/aigraph/person/bob-example")
        g.add((bob, RDFS.label, Literal("Bob", lang="en")))
        g.add((bob, RDFS.label, Literal("밥", lang="ko")))
        g.add((PARTICIPATION, AIG.participant, bob))
    report = _validate(mini_root, edit)
    assert any(v.focus == PARTICIPATION.n3() and v.path == AIG.participant.n3() for v in report.violations)


def test_participation_without_source_paragraph(mini_root: Path):
    from rdflib.namespace import PROV

    report = _validate(mini_root, lambda g: g.remove((PARTICIPATION, PROV.wasDerivedFrom, None)))
    assert not report.conforms
    assert (PARTICIPATION.n3(), PROV.wasDerivedFrom.n3()) in {(v.focus, v.path) for v in report.violations}


def test_hand_typed_derived_edge_is_refused(mini_root: Path):
    summit = URIRef("https://w3id.org/aigraph/summit/mini-summit")
    report = _validate(mini_root, lambda g: g.add((ADA, AIG.attended, summit)))
    assert not report.conforms
    assert any(v.path == AIG.attended.n3() and "derived" in v.message for v in report.violations)


def test_date_must_be_a_date(mini_root: Path):
    summit = URIRef("https://w3id.org/aigraph/summit/mini-summit")
    start = URIRef("https://schema.org/startDate")
    def edit(g):
        g.remove((summit, start, None))
        g.add((summit, start, Literal("1 January 2024")))
    report = _validate(mini_root, edit)
    assert any(v.focus == summit.n3() and v.path == start.n3() for v in report.violations)


def test_wikidata_link_must_be_an_entity_iri(mini_root: Path):
    same = URIRef("https://schema.org/sameAs")
    report = _validate(mini_root, lambda g: g.add((ADA, same, URIRef("https://www.wikidata.org/wiki/Q1"))))
    assert any(v.path == same.n3() for v in report.violations)
