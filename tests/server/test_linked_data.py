"""`aigraph serve` as a linked-data client sees it: content negotiation, VoID, the SPARQL protocol.

A server per store runs over the miniature project on a free loopback port.
Every answer is read by an independent parser (rdflib, pyoxigraph, pyld) with
explicit Accept headers sent by httpx.
"""

import json
import shutil

import httpx
import pyoxigraph as ox
import pytest
from helpers import MINI, ROOT, serving
from pyld import jsonld
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, VOID

pytestmark = pytest.mark.server

ADA = "https://w3id.org/aigraph/person/ada-example"
SOURCE = "https://w3id.org/aigraph/source/mini"
ONTOLOGY = "https://w3id.org/aigraph/ontology"
PERSON = "https://schema.org/Person"
PEOPLE = f"SELECT ?p WHERE {{ ?p a <{PERSON}> }} ORDER BY ?p"
RDF_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
}


@pytest.fixture(scope="module", params=["oxigraph", "memory"])
def server(request, tmp_path_factory):
    root = tmp_path_factory.mktemp(f"ld-{request.param}") / "mini"
    for part in ("ontology", "queries"):
        shutil.copytree(ROOT / part if part == "ontology" else MINI / part, root / part)
    shutil.copytree(MINI / "data", root / "data")
    if request.param == "oxigraph":  # one server with a build beside it, one without
        from aigraph import load
        from aigraph.build import build

        build(load(root))
    with serving(root, "--store", request.param, "--workers", "1") as base:
        yield base


def _parse(response: httpx.Response, media: str) -> Graph:
    """Read an RDF answer with a parser other than the server's writer where there is one."""
    if media == "application/ld+json":
        nquads = jsonld.to_rdf(json.loads(response.content), {"format": "application/n-quads"})
        return Graph().parse(data=nquads, format="nquads")
    if media == "application/n-triples":
        graph = Graph()
        for triple in ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES):
            graph.parse(data=str(triple) + " .", format="nt")
        return graph
    return Graph().parse(data=response.content, format=RDF_TYPES[media])


# --- content negotiation on entity, source and ontology IRIs


@pytest.mark.parametrize("media", sorted(RDF_TYPES))
def test_entity_in_every_rdf_format_says_the_same(server: str, media: str):
    turtle = httpx.get(f"{server}/person/ada-example", headers={"Accept": "text/turtle"})
    response = httpx.get(f"{server}/person/ada-example", headers={"Accept": media})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media
    assert response.headers["vary"] == "Accept"
    graph = _parse(response, media)
    assert (URIRef(ADA), RDFS.label, Literal("Ada Example", lang="en")) in graph
    assert isomorphic(graph, Graph().parse(data=turtle.text, format="turtle"))


def test_html_for_browsers_and_q_values_honoured(server: str):
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    page = httpx.get(f"{server}/person/ada-example", headers={"Accept": browser})
    assert page.headers["content-type"].startswith("text/html") and page.headers["vary"] == "Accept"
    assert 'href="/person/ada-example?format=jsonld"' in page.text
    ranked = httpx.get(f"{server}/person/ada-example",
                       headers={"Accept": "text/turtle;q=0.5, application/ld+json;q=0.9"})
    assert ranked.headers["content-type"] == "application/ld+json"
    refused = httpx.get(f"{server}/person/ada-example", headers={"Accept": "application/ld+json;q=0, */*;q=0.1"})
    assert refused.headers["content-type"].startswith("text/html")
    linked = httpx.get(f"{server}/person/ada-example?format=xml")
    assert linked.headers["content-type"] == "application/rdf+xml"


def test_nothing_acceptable_is_406_and_a_malformed_accept_is_400(server: str):
    response = httpx.get(f"{server}/person/ada-example", headers={"Accept": "image/png, text/csv"})
    assert response.status_code == 406
    assert "application/ld+json" in response.text and "application/rdf+xml" in response.text
    assert httpx.get(f"{server}/person/ada-example", headers={"Accept": "turtle"}).status_code == 400
    assert httpx.get(f"{server}/person/ada-example?format=png").status_code == 400


def test_sparql_results_honour_q_zero(server: str):
    response = httpx.get(f"{server}/sparql", params={"query": PEOPLE},
                         headers={"Accept": "application/sparql-results+json;q=0, */*"})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] != "application/sparql-results+json"


def test_source_iri_gives_its_named_graph(server: str):
    response = httpx.get(f"{server}/source/mini", headers={"Accept": "application/n-triples"})
    assert response.status_code == 200
    graph = _parse(response, "application/n-triples")
    expected = Graph()
    for quad in ox.parse(path=str(MINI / "data" / "mini-source.trig"), format=ox.RdfFormat.TRIG):
        assert quad.graph_name.value == SOURCE
        expected.parse(data=f"{quad.subject} {quad.predicate} {quad.object} .", format="nt")
    # the whole graph of the source, its paragraphs (#p1) included
    assert set(expected) <= set(graph)
    assert (URIRef(SOURCE + "#p1"), RDF.type, URIRef("https://w3id.org/aigraph/ontology#Paragraph")) in graph


def test_ontology_iri_gives_the_ontology(server: str):
    response = httpx.get(f"{server}/ontology", headers={"Accept": "application/ld+json"})
    assert response.status_code == 200
    graph = _parse(response, "application/ld+json")
    assert (URIRef(ONTOLOGY), RDF.type, OWL.Ontology) in graph
    assert (URIRef(ONTOLOGY + "#Summit"), RDF.type, OWL.Class) in graph
    # drawing hints are not served
    assert not list(graph.triples((None, URIRef(ONTOLOGY + "#graphColour"), None)))


@pytest.mark.parametrize("media", ["text/turtle", "application/ld+json"])
def test_dataset_iri_answers_void_with_the_endpoint(server: str, media: str):
    response = httpx.get(f"{server}/dataset", headers={"Accept": media})
    assert response.status_code == 200 and response.headers["vary"] == "Accept"
    void = _parse(response, media)
    dataset = URIRef("https://w3id.org/aigraph/dataset")
    assert (dataset, RDF.type, VOID.Dataset) in void
    assert void.value(dataset, VOID.sparqlEndpoint) == URIRef(f"{server}/sparql")
    assert void.value(dataset, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    subset = httpx.get(f"{server}/dataset/source/mini-source", headers={"Accept": "text/turtle"})
    assert subset.status_code == 200
    assert (URIRef("https://w3id.org/aigraph/dataset/source/mini-source"), DCTERMS.source, URIRef(SOURCE)) in \
        Graph().parse(data=subset.text, format="turtle")


# --- SPARQL 1.1 Protocol: dataset parameters, relative IRIs, malformed requests


def _rows(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    data = json.loads(response.content)
    return sorted(v["value"] for b in data["results"]["bindings"] for v in b.values())


def _three_ways(server: str, query: str, params: dict):
    """The same request as GET, as a form POST and as a direct POST (parameters in the URL)."""
    yield httpx.get(f"{server}/sparql", params={"query": query, **params})
    yield httpx.post(f"{server}/sparql", data={"query": query, **params})
    yield httpx.post(f"{server}/sparql", params=params, content=query.encode(),
                     headers={"Content-Type": "application/sparql-query"})


def test_default_graph_uri_sets_the_default_graph(server: str):
    for response in _three_ways(server, PEOPLE, {"default-graph-uri": SOURCE}):
        assert _rows(response) == [ADA]
    for response in _three_ways(server, PEOPLE, {"default-graph-uri": ONTOLOGY}):
        assert _rows(response) == []  # no person is typed in the ontology


def test_protocol_dataset_wins_over_from_in_the_query(server: str):
    query = f"SELECT ?p FROM <{ONTOLOGY}> WHERE {{ ?p a <{PERSON}> }}"
    assert _rows(httpx.get(f"{server}/sparql", params={"query": query})) == []
    for response in _three_ways(server, query, {"default-graph-uri": SOURCE}):
        assert _rows(response) == [ADA]


def test_named_graph_uri_sets_the_named_graphs_and_an_empty_default(server: str):
    query = f"SELECT ?g WHERE {{ GRAPH ?g {{ <{ADA}> a <{PERSON}> }} }}"
    assert _rows(httpx.get(f"{server}/sparql", params={"query": query})) == [SOURCE]
    for response in _three_ways(server, query, {"named-graph-uri": ONTOLOGY}):
        assert _rows(response) == []
    for response in _three_ways(server, query, {"named-graph-uri": SOURCE}):
        assert _rows(response) == [SOURCE]
    ask = httpx.get(f"{server}/sparql", params={"query": "ASK { ?s ?p ?o }", "named-graph-uri": SOURCE})
    assert json.loads(ask.content)["boolean"] is False  # only named graphs given: the default is empty


def test_a_graph_that_is_not_here_is_empty_and_never_fetched(server: str):
    response = httpx.get(f"{server}/sparql",
                         params={"query": PEOPLE, "default-graph-uri": "http://127.0.0.1:9/nothing"})
    assert _rows(response) == []


def test_relative_iris_resolve_against_the_documented_base(server: str):
    ask = httpx.get(f"{server}/sparql", params={"query": "ASK { <person/ada-example> ?p ?o }"})
    assert ask.status_code == 200 and json.loads(ask.content)["boolean"] is True
    construct = httpx.post(f"{server}/sparql", data={"query": "CONSTRUCT { <s> <p> 1 } WHERE {}"},
                           headers={"Accept": "application/n-triples"})
    assert construct.status_code == 200, construct.text
    [triple] = list(ox.parse(construct.content, format=ox.RdfFormat.N_TRIPLES))
    assert triple.subject == ox.NamedNode("https://w3id.org/aigraph/s")


def test_each_malformed_request_has_its_own_status(server: str):
    url = f"{server}/sparql"
    cases = {
        "two queries": (httpx.get(url, params=[("query", "ASK {}"), ("query", "ASK {}")]), 400, "one query"),
        "no query": (httpx.post(url, data={"default-graph-uri": SOURCE}), 400, "no query"),
        "bad graph IRI": (httpx.get(url, params={"query": "ASK {}", "named-graph-uri": "a b"}), 400,
                          "named-graph-uri"),
        "syntax": (httpx.get(url, params={"query": "ASK {"}), 400, "malformed SPARQL"),
        "not UTF-8": (httpx.post(url, content=b"ASK { \xff }",
                                 headers={"Content-Type": "application/sparql-query"}), 400, "UTF-8"),
        "media type": (httpx.post(url, content=b"ASK {}", headers={"Content-Type": "text/plain"}), 415, "POST"),
        "update": (httpx.post(url, data={"update": "CLEAR ALL"}), 403, "read-only"),
        "method": (httpx.put(url, content=b"ASK {}"), 405, ""),
        "accept": (httpx.get(url, params={"query": "ASK {}"}, headers={"Accept": "image/png"}), 406, "available"),
    }
    for name, (response, status, words) in cases.items():
        assert response.status_code == status, (name, response.status_code, response.text)
        assert words in response.text, (name, response.text)


# --- documentation, the home page, the dumps


def test_ontology_iri_gives_its_documentation_to_browsers(server: str):
    page = httpx.get(f"{server}/ontology", headers={"Accept": "text/html"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert 'id="Summit"' in page.text and 'id="participant"' in page.text
    assert httpx.get(f"{server}/ontology.html").text == page.text


def test_home_page_links_the_documentation_the_dataset_and_the_endpoint(server: str):
    home = httpx.get(f"{server}/", timeout=120)  # the page is made on first request, in a child process
    for href in ('href="/ontology.html"', 'href="/dataset"', 'href="/sparql"'):
        assert href in home.text


def test_dumps_are_served_when_built(server: str):
    trig = httpx.get(f"{server}/dist/aigraph.trig")
    if trig.status_code == 404:  # the server without a build
        assert "aigraph build" in trig.text
        return
    assert trig.status_code == 200 and trig.headers["content-type"].startswith("application/trig")
    parsed = ox.Dataset(ox.parse(trig.content, format=ox.RdfFormat.TRIG))
    assert any(q.graph_name == ox.NamedNode(SOURCE) for q in parsed)
    void = Graph().parse(data=httpx.get(f"{server}/dist/void.ttl").text, format="turtle")
    for dump in void.objects(URIRef("https://w3id.org/aigraph/dataset"), VOID.dataDump):
        name = str(dump).rsplit("/", 1)[1]
        assert httpx.get(f"{server}/dist/{name}").status_code == 200, name
    assert httpx.get(f"{server}/dist/graph.html").status_code == 404  # only the listed files
    assert httpx.get(f"{server}/dist/..%2Fpyproject.toml").status_code == 404
