"""`aigraph query -f`: SPARQL XML results, graphs as Turtle, N-Triples or JSON-LD, misfits refused."""

import io
import json
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest
from pyld import jsonld
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS
from rdflib.query import Result

ADA = "https://w3id.org/aigraph/person/ada-example"
PEOPLE = "SELECT ?p WHERE { ?p a <https://schema.org/Person> }"
LABELS = f"CONSTRUCT {{ ?p <{RDFS.label}> ?l }} WHERE {{ ?p a <https://schema.org/Person> ; <{RDFS.label}> ?l }}"
RESULTS = "{http://www.w3.org/2005/sparql-results#}"


def test_select_as_sparql_xml(cli, mini_root):
    done = cli("query", PEOPLE, "--root", str(mini_root), "-f", "xml")
    assert done.returncode == 0, done.stderr
    tree = ET.fromstring(done.stdout.encode())
    assert tree.tag == f"{RESULTS}sparql"
    uris = [e.text for e in tree.iter(f"{RESULTS}uri")]
    assert uris == [ADA]
    assert [str(row.p) for row in Result.parse(io.BytesIO(done.stdout.encode()), format="xml")] == [ADA]


def test_ask_as_sparql_xml(cli, mini_root):
    done = cli("query", f"ASK {{ <{ADA}> ?p ?o }}", "--root", str(mini_root), "-f", "xml")
    assert done.returncode == 0, done.stderr
    assert ET.fromstring(done.stdout.encode()).find(f"{RESULTS}boolean").text == "true"


@pytest.fixture(scope="module")
def as_turtle(tmp_path_factory):
    import shutil

    from helpers import MINI, ROOT, invoke

    root = tmp_path_factory.mktemp("formats") / "mini"
    shutil.copytree(ROOT / "ontology", root / "ontology")
    shutil.copytree(MINI / "data", root / "data")
    shutil.copytree(MINI / "queries", root / "queries")
    done = invoke("query", LABELS, "--root", str(root), "-f", "ttl")
    assert done.returncode == 0, done.stderr
    graph = Graph().parse(data=done.stdout, format="turtle")
    assert len(graph) == 2  # Ada's English and Korean labels
    return root, graph


def test_construct_as_ntriples_and_json_ld(cli, as_turtle):
    root, expected = as_turtle
    nt = cli("query", LABELS, "--root", str(root), "-f", "nt")
    assert nt.returncode == 0, nt.stderr
    from_nt = Graph()
    for triple in ox.parse(nt.stdout.encode(), format=ox.RdfFormat.N_TRIPLES):
        from_nt.parse(data=f"{triple} .", format="nt")
    assert isomorphic(from_nt, expected)
    ld = cli("query", LABELS, "--root", str(root), "-f", "jsonld")
    assert ld.returncode == 0, ld.stderr
    document = json.loads(ld.stdout)
    assert "label" in json.dumps(document["@context"])
    from_ld = Graph().parse(data=jsonld.to_rdf(document, {"format": "application/n-quads"}), format="nquads")
    assert isomorphic(from_ld, expected)


def test_describe_as_ntriples(cli, mini_root):
    done = cli("query", f"DESCRIBE <{ADA}>", "--root", str(mini_root), "-f", "nt")
    assert done.returncode == 0, done.stderr
    subjects = {t.subject for t in ox.parse(done.stdout.encode(), format=ox.RdfFormat.N_TRIPLES)}
    assert ox.NamedNode(ADA) in subjects


@pytest.mark.parametrize(("query", "fmt"), [(LABELS, "json"), (LABELS, "xml"), (LABELS, "csv"),
                                            (PEOPLE, "ttl"), (PEOPLE, "jsonld")])
def test_a_format_that_does_not_fit_the_query_form_exits_2(cli, mini_root, query, fmt):
    done = cli("query", query, "--root", str(mini_root), "-f", fmt)
    assert done.returncode == 2
    assert done.stdout == ""
    assert f"-f {fmt} is for" in done.stderr and len(done.stderr.strip().splitlines()) == 1
