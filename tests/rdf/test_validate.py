from pathlib import Path

from rdflib import Literal, URIRef
from aigraph.project.files import project_paths
from rdflib.namespace import RDFS

from aigraph.rdf.derive import derive_edges
from aigraph.rdf.parse import load_dataset
from aigraph.rdf.namespaces import AIG
from aigraph.rdf.store import seal
from aigraph.rdf.validate import validate_dataset

SOURCE = URIRef("https://w3id.org/aigraph/source/mini")
ADA = URIRef("https://w3id.org/aigraph/person/ada-example")
PARTICIPATION = URIRef("https://w3id.org/aigraph/participation/mini-summit/ada-example")


def _validate(root: Path, edit=None):
    """Validate the edited project with both engines; they must agree; return the SPARQL one's report."""
    # An assembled project is read-only: edit a dataset loaded and derived by hand, then seal it.
    paths = project_paths(root)
    ds = load_dataset(paths)
    derive_edges(ds, paths=paths)
    if edit:
        edit(ds.graph(SOURCE))
    seal(ds)
    reference = validate_dataset(ds, paths=paths, engine="pyshacl")
    report = validate_dataset(ds, paths=paths, engine="sparql")
    assert report.conforms == reference.conforms
    assert _pairs(report) == _pairs(reference), (report.text, reference.text)
    assert validate_dataset(ds, paths=paths).violations == report.violations  # sealed: SPARQL by default
    return report


def _pairs(report) -> set[tuple[str, str]]:
    return {(v.focus, v.path) for v in report.violations}


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


# --- Sources: address, publisher and date, or an explicit "not recorded" (issue 5)

NOT_RECORDED = URIRef(str(AIG) + "notRecorded")
SCHEMA_URL = URIRef("https://schema.org/url")


def test_source_without_date_or_explicit_unknown_is_refused(mini_root: Path):
    from rdflib.namespace import DCTERMS

    report = _validate(mini_root, lambda g: g.remove((SOURCE, DCTERMS.issued, None)))
    assert not report.conforms
    assert any(v.focus == SOURCE.n3() and "dcterms:issued" in v.message for v in report.violations)


def test_date_stated_unknown_instead_of_made_up_conforms(mini_root: Path):
    from rdflib.namespace import DCTERMS

    def edit(g):
        g.remove((SOURCE, DCTERMS.issued, None))
        g.add((SOURCE, NOT_RECORDED, DCTERMS.issued))

    report = _validate(mini_root, edit)
    assert report.conforms, report.text


def test_a_date_and_an_unknown_date_together_are_refused(mini_root: Path):
    from rdflib.namespace import DCTERMS

    report = _validate(mini_root, lambda g: g.add((SOURCE, NOT_RECORDED, DCTERMS.issued)))
    assert any("not both" in v.message for v in report.violations)


def test_source_without_publisher_or_explicit_unknown_is_refused(mini_root: Path):
    from rdflib.namespace import DCTERMS

    report = _validate(mini_root, lambda g: g.remove((SOURCE, DCTERMS.publisher, None)))
    assert any(v.focus == SOURCE.n3() and "publisher" in v.message for v in report.violations)


def test_web_page_url_must_be_its_own_address(mini_root: Path):
    from rdflib.namespace import RDF

    def edit(g):
        g.set((SOURCE, RDF.type, AIG.WebPage))
        g.remove((SOURCE, NOT_RECORDED, SCHEMA_URL))
        g.add((SOURCE, SCHEMA_URL, URIRef("https://example.org/elsewhere")))

    report = _validate(mini_root, edit)
    assert any("own IRI" in v.message for v in report.violations)


def test_web_page_without_address_is_refused(mini_root: Path):
    from rdflib.namespace import RDF

    report = _validate(mini_root, lambda g: g.set((SOURCE, RDF.type, AIG.WebPage)))
    assert any(v.focus == SOURCE.n3() and v.path == SCHEMA_URL.n3() for v in report.violations)


# --- Count claims, unnamed participants, confidence

CLAIM = URIRef("https://w3id.org/aigraph/claim/mini/count")


def _count_claim(g, **extra):
    from rdflib.namespace import DCTERMS, PROV, RDF, XSD

    g.add((CLAIM, RDF.type, AIG.CountClaim))
    g.add((CLAIM, RDFS.label, Literal("count", lang="en")))
    g.add((CLAIM, RDFS.label, Literal("수", lang="ko")))
    g.add((CLAIM, DCTERMS.description, Literal("A count.", lang="en")))
    g.add((CLAIM, DCTERMS.description, Literal("수.", lang="ko")))
    g.add((CLAIM, PROV.wasDerivedFrom, SOURCE))
    g.add((CLAIM, AIG.countedClass, AIG.State))
    for name, value in extra.items():
        obj = Literal(value, datatype=XSD.integer) if isinstance(value, int) else URIRef(value)
        g.add((CLAIM, AIG[name], obj))


def test_count_claim_about_a_document_with_a_lower_bound_conforms(mini_root: Path):
    report = _validate(mini_root, lambda g: _count_claim(
        g, document="https://w3id.org/aigraph/document/mini-declaration", countMoreThan=60))
    assert report.conforms, report.text


def test_count_claim_about_both_an_event_and_a_document_is_refused(mini_root: Path):
    report = _validate(mini_root, lambda g: _count_claim(
        g, document="https://w3id.org/aigraph/document/mini-declaration",
        event="https://w3id.org/aigraph/summit/mini-summit", count=3))
    assert any(v.focus == CLAIM.n3() and "not both" in v.message for v in report.violations)


def test_count_claim_with_no_number_is_refused(mini_root: Path):
    report = _validate(mini_root, lambda g: _count_claim(g, event="https://w3id.org/aigraph/summit/mini-summit"))
    assert any(v.focus == CLAIM.n3() and "aig:count" in v.message for v in report.violations)


def test_participation_may_name_only_the_party(mini_root: Path):
    report = _validate(mini_root, lambda g: g.remove((PARTICIPATION, AIG.participant, None)))
    assert report.conforms, report.text


def test_participation_with_neither_person_nor_party_is_refused(mini_root: Path):
    def edit(g):
        g.remove((PARTICIPATION, AIG.participant, None))
        g.remove((PARTICIPATION, AIG.onBehalfOf, None))

    report = _validate(mini_root, edit)
    assert any(v.focus == PARTICIPATION.n3() and "party" in v.message for v in report.violations)


def test_confidence_must_come_from_the_scheme(mini_root: Path):
    bogus = URIRef("https://w3id.org/aigraph/confidence/certain")
    report = _validate(mini_root, lambda g: g.add((PARTICIPATION, AIG.confidence, bogus)))
    assert any(v.path == AIG.confidence.n3() for v in report.violations)
