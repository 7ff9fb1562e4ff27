"""What the exports publish: no drawing hints, schema.org-valid dates beside the precise ones,
languages as resources."""

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, XSD

from aigraph import load
from aigraph.export.rdf import export_dataset
from aigraph.rdf.namespaces import AIG, SCHEMA

ROOT = Path(__file__).resolve().parents[2]
BLETCHLEY = URIRef("https://w3id.org/aigraph/summit/ai-safety-summit-2023")
AIASIAPAC = URIRef("https://aiasiapacific.org/2024/05/21/ai-seoul-summit-implications-for-the-asia-pacific/")
KWANGJU = URIRef("https://w3id.org/aigraph/source/kwangju-ilbo-2024-05-22-ai-seoul-summit")
PARSERS = {"ttl": "turtle", "nt": "nt", "xml": "xml", "trig": "trig", "nq": "nquads", "jsonld": "json-ld"}


@pytest.fixture(scope="module")
def project():
    return load(ROOT)


@pytest.mark.parametrize("fmt", sorted(PARSERS))
def test_no_export_holds_a_drawing_hint(project, fmt: str):
    parsed = Dataset()
    parsed.parse(data=export_dataset(project.dataset, fmt=fmt), format=PARSERS[fmt])
    for hint in (AIG.graphColour, AIG.graphShape, AIG.graphNode, AIG.graphEdge, AIG.edgeSource):
        assert not list(parsed.quads((None, hint, None, None))), (fmt, hint)
    assert not list(parsed.quads((AIG.participationEdge, None, None, None)))
    assert list(parsed.quads((AIG.graphColour, None, None, None)))  # the term itself stays documented


def test_a_month_under_schema_org_also_reads_as_a_schema_date(project):
    parsed = Dataset()
    parsed.parse(data=export_dataset(project.dataset, fmt="trig"), format="trig")
    graph = parsed.graph(AIASIAPAC)
    # data/aiasiapac.trig: the page gives November 2023, no day, for the Bletchley summit
    starts = set(graph.objects(BLETCHLEY, SCHEMA.startDate))
    assert Literal("2023-11", datatype=XSD.gYearMonth) in starts
    assert Literal("2023-11", datatype=SCHEMA.Date) in starts
    for _s, p, o, _g in parsed.quads((None, None, None, None)):
        if isinstance(o, Literal) and o.datatype in (XSD.gYearMonth, XSD.gYear) and str(p).startswith(str(SCHEMA)):
            assert (_s, p, Literal(str(o), datatype=SCHEMA.Date), _g) in parsed


def test_the_query_graph_keeps_one_start_date_per_source(project):
    rows = project.query(f"SELECT ?d WHERE {{ GRAPH <{AIASIAPAC}> {{ <{BLETCHLEY}> <{SCHEMA.startDate}> ?d }} }}")
    assert [row.d for row in rows] == [Literal("2023-11", datatype=XSD.gYearMonth)]


def test_languages_are_resources(project):
    assert project.dataset.value(KWANGJU, DCTERMS.language) == URIRef("http://id.loc.gov/vocabulary/iso639-1/ko")
    for value in Graph().parse(data=export_dataset(project.dataset, fmt="nt"), format="nt").objects(
            None, DCTERMS.language):
        assert isinstance(value, URIRef) and str(value).startswith("http://id.loc.gov/vocabulary/iso639-1/")
