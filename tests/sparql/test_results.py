"""Query results (aigraph.sparql.results): `aigraph query -f` (SPARQL XML results, graphs as
Turtle, N-Triples or JSON-LD, misfits refused), and the table and TSV writers on their own."""

import io
import json
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest
from pyld import jsonld
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS
from rdflib.query import Result

from aigraph.errors import QueryError
from aigraph.sparql.results import render_result

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


# aigraph.sparql.results on its own: a small graph made here, each format's rules checked.
_ADA = URIRef("https://w3id.org/aigraph/person/ada-example")
_BO = URIRef("https://w3id.org/aigraph/person/bo-example")


def _answers() -> tuple[Graph, object]:
    graph = Graph()
    graph.add((_ADA, RDFS.label, Literal("Ada Example", lang="en")))
    graph.add((_ADA, RDFS.label, Literal("에이다 예시", lang="ko")))
    result = graph.query(f"SELECT ?p ?n WHERE {{ VALUES (?p ?n) {{ (<{_ADA}> 1) (<{_BO}> UNDEF) }} }} ORDER BY ?p")
    return graph, result


def test_a_table_shows_labels_in_the_readers_language_and_counts_rows():
    graph, result = _answers()
    # the widest cell is "person/bo-example", 17 columns; two spaces between columns
    assert render_result(result, labels=graph, lang="en").splitlines() == [
        "p" + " " * 18 + "n",
        "-" * 17 + "  -",
        "Ada Example" + " " * 8 + "1",
        "person/bo-example",  # no label: the IRI's readable part; the unbound cell is empty
        "(2 rows)",
    ]
    korean = render_result(result, labels=graph, lang="ko").splitlines()
    assert korean[2] == "에이다 예시" + " " * 8 + "1"  # five Hangul syllables, two columns each, and a space


def test_tsv_writes_terms_in_n_triples_syntax_and_leaves_unbound_empty():
    _graph, result = _answers()
    assert render_result(result, fmt="tsv").splitlines() == [
        "?p\t?n",
        f"<{_ADA}>\t\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>",
        f"<{_BO}>\t",
    ]


def test_a_format_that_does_not_fit_the_form_is_refused():
    _graph, result = _answers()
    with pytest.raises(QueryError, match="-f nt is for CONSTRUCT and DESCRIBE; the SELECT query answers in"):
        render_result(result, fmt="nt")
    with pytest.raises(QueryError, match="unknown result format 'xlsx'"):
        render_result(result, fmt="xlsx")  # type: ignore[arg-type]
    ask = Graph().query("ASK { }")
    assert render_result(ask, fmt="csv") == "true\n"
