"""Both engines under rdflib, Oxigraph and the memory store, give the same answers and bytes."""

from aigraph.project.files import project_paths
from pathlib import Path

import pytest
from helpers import canonical_answer, local_answer, loaded, query_files
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from aigraph import load
from aigraph.errors import LoadError, QueryError
from aigraph.rdf.parse import load_dataset, new_dataset
from aigraph.sparql.query import run_query
from aigraph.export.serialize import FORMATS, serialize_dataset
from aigraph.rdf.store import STORES, from_ox, store_name
from aigraph.rdf.derive import derive_edges
from aigraph.rdf.validate import validate_dataset

ADA = URIRef("https://w3id.org/aigraph/person/ada-example")


def _assembled(root: Path, store: str):
    return loaded(root, store).dataset


@pytest.mark.parametrize(("project", "path"), query_files())
def test_every_named_query_answers_the_same_on_both_stores(project, path: Path, shared_mini_root: Path):
    root = project or shared_mini_root
    answers = {store: local_answer(root, store, path) for store in STORES}
    assert answers["oxigraph"] == answers["memory"]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_exports_are_byte_identical_on_both_stores(shared_mini_root: Path, fmt: str):
    memory = serialize_dataset(_assembled(shared_mini_root, "memory"), fmt)
    oxigraph = serialize_dataset(_assembled(shared_mini_root, "oxigraph"), fmt)
    assert memory == oxigraph


def test_oxigraph_is_the_default_and_memory_is_selectable(shared_mini_root: Path):
    assert store_name(new_dataset()) == "oxigraph"
    assert store_name(load(shared_mini_root, store="memory").dataset) == "memory"
    with pytest.raises(ValueError, match="unknown store"):
        new_dataset(store="sqlite")  # type: ignore[arg-type]


def test_plain_literals_come_back_plain_from_oxigraph(shared_mini_root: Path):
    import pyoxigraph as ox

    ds = _assembled(shared_mini_root, "oxigraph")
    assert Literal("Mini test article", lang="en") in set(ds.objects(None, None))
    assert from_ox(ox.Literal("a")) == Literal("a")
    assert from_ox(ox.Literal("1", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))) == Literal(1)
    # the same term rdflib's own parser gives, so the exports cannot differ (the fixture's
    # language became an IRI, so a plain literal is parsed by Oxigraph's own parser here)
    from aigraph.rdf.parse import new_dataset
    from aigraph.rdf.store import parser_format

    probe = new_dataset(store="oxigraph")
    probe.parse(data='<urn:x:a> <urn:x:b> "en" .', format=parser_format("nt", probe))
    assert set(probe.objects(None, URIRef("urn:x:b"))) == {Literal("en")}
    assert next(probe.objects(None, URIRef("urn:x:b"))).datatype is None


@pytest.mark.parametrize("store", STORES)
def test_the_mini_project_conforms_on_both_stores(shared_mini_root: Path, store: str):
    report = validate_dataset(_assembled(shared_mini_root, store), paths=project_paths(shared_mini_root))
    assert report.conforms, report.text


@pytest.mark.parametrize("store", STORES)
def test_violations_are_found_on_both_stores(mini_root: Path, store: str):
    paths = project_paths(mini_root)
    ds = load_dataset(paths, store=store)  # not sealed: an assembled project is read-only
    derive_edges(ds, paths=paths)
    ds.graph(URIRef("https://w3id.org/aigraph/source/mini")).remove((ADA, RDFS.label, Literal("에이다 예시", lang="ko")))
    report = validate_dataset(ds, paths=paths)
    assert [(v.focus, v.path) for v in report.violations] == [(ADA.n3(), RDFS.label.n3())]


@pytest.mark.parametrize("store", STORES)
def test_syntax_error_names_file_line_and_column_on_both_stores(mini_root: Path, store: str):
    bad = mini_root / "data" / "broken.trig"
    # line 3 holds a string that never closes; the string starts at column 13
    bad.write_text('@prefix ex: <http://example.org/> .\n<http://g> {\n  ex:a ex:b "unterminated\n}\n')
    with pytest.raises(LoadError) as info:
        load_dataset(project_paths(mini_root), store=store)
    assert info.value.path == bad and info.value.line == 3 and info.value.column is not None
    assert str(info.value).startswith(f"{bad}:3:")


def test_oxigraph_parse_error_points_at_the_bad_token(mini_root: Path):
    bad = mini_root / "data" / "broken.trig"
    # line 3: two spaces, two 10-character IRIs and their spaces, then "??" at column 25
    bad.write_text("<http://g> {\n  <http://a> <http://b> <http://c> .\n  <http://a> <http://b> ?? .\n}\n")
    with pytest.raises(LoadError) as info:
        load_dataset(project_paths(mini_root), store="oxigraph")
    assert (info.value.line, info.value.column) == (3, 25)


def test_ontology_file_errors_are_located_too(mini_root: Path):
    onto = mini_root / "ontology" / "zz-broken.ttl"
    onto.write_text("<http://a> <http://b> .\n")
    with pytest.raises(LoadError) as info:
        load_dataset(project_paths(mini_root))
    assert info.value.path == onto and info.value.line == 1


@pytest.mark.parametrize("store", STORES)
def test_malformed_query_is_reported_the_same_on_both_stores(shared_mini_root: Path, store: str):
    with pytest.raises(QueryError, match=r"line 2, column 3: malformed SPARQL"):
        run_query(_assembled(shared_mini_root, store), "SELECT ?s WHERE {\n  ?s ?p \n}")


@pytest.mark.parametrize("store", STORES)
def test_undeclared_prefix_is_an_error_on_both_stores(shared_mini_root: Path, store: str):
    with pytest.raises(QueryError):
        run_query(_assembled(shared_mini_root, store), "SELECT ?s WHERE { ?s aig:attended ?o }")


def test_rdflib_api_still_works_over_oxigraph(shared_mini_root: Path):
    ds = _assembled(shared_mini_root, "oxigraph")
    assert (ADA, RDFS.label, Literal("Ada Example", lang="en")) in ds
    union = Graph()
    union += ds.triples((ADA, None, None))
    assert len(union) == len(list(_assembled(shared_mini_root, "memory").triples((ADA, None, None))))
    rows = list(ds.query("SELECT ?l WHERE { ?p rdfs:label ?l FILTER(lang(?l) = 'en') } ORDER BY ?l LIMIT 1"))
    assert rows and rows[0][0].language == "en"


ADHOC = {
    "from-one-source": "SELECT ?s WHERE { ?s a <https://schema.org/Person> }",
    "from-clause": "SELECT ?s FROM <https://w3id.org/aigraph/source/mini> WHERE { ?s ?p ?o }",
    "from-missing-graph": "SELECT ?s FROM <urn:x:none> WHERE { ?s ?p ?o }",
    "from-named": "SELECT ?g (COUNT(*) AS ?n) FROM NAMED <https://w3id.org/aigraph/source/mini> "
    "WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    "graph-per-source": "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    "optional-unbound": "SELECT ?s ?x WHERE { ?s a <https://schema.org/Person> "
    "OPTIONAL { ?s <urn:x:none> ?x } }",
    "minus": "SELECT ?s WHERE { ?s ?p ?o MINUS { ?s a <https://schema.org/Person> } }",
    "not-exists": "SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER NOT EXISTS { ?s a ?t } }",
    "lang-filter": "SELECT ?s ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l "
    "FILTER(lang(?l) = 'ko') }",
    "typed-literals": "SELECT ?s ?d WHERE { ?s <https://schema.org/startDate> ?d }",
    "construct": "CONSTRUCT { ?s <urn:x:label> ?l } WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }",
    "ask": "ASK { ?s a <https://w3id.org/aigraph/ontology#Summit> }",
}


@pytest.mark.parametrize("name", sorted(ADHOC))
def test_ad_hoc_queries_answer_the_same_on_both_stores(shared_mini_root: Path, name: str):
    answers = {s: canonical_answer(run_query(_assembled(shared_mini_root, s), ADHOC[name])) for s in STORES}
    assert answers["oxigraph"] == answers["memory"]
    assert answers["memory"] not in ([], ([], []))


@pytest.mark.parametrize(
    ("literal", "kept"),
    [
        ('"20"^^xsd:nonNegativeInteger', '"20"^^<http://www.w3.org/2001/XMLSchema#integer>'),
        ('"1.50"^^xsd:decimal', '"1.5"^^<http://www.w3.org/2001/XMLSchema#decimal>'),
        ("1.50", '"1.5"^^<http://www.w3.org/2001/XMLSchema#decimal>'),
        ('"Sarvajana Hitaya"@sa-Latn', '"Sarvajana Hitaya"@sa-latn'),
    ],
)
def test_a_literal_oxigraph_would_rewrite_is_refused_with_its_line(mini_root: Path, literal: str, kept: str):
    bad = mini_root / "data" / "numbers.trig"
    bad.write_text(
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        "<https://w3id.org/aigraph/source/mini> {\n"
        f"  <https://w3id.org/aigraph/person/ada-example> <urn:x:n> {literal} .\n}}\n"
    )
    with pytest.raises(LoadError) as info:
        load_dataset(project_paths(mini_root))
    assert info.value.path == bad and info.value.line == 3
    assert f"write {kept}" in str(info.value) and "--store memory" in str(info.value)
    assert len(load_dataset(project_paths(mini_root), store="memory")) > 0  # rdflib keeps it as written


def test_literals_every_store_keeps_are_loaded(mini_root: Path):
    data = mini_root / "data" / "numbers.trig"
    data.write_text(
        "<https://w3id.org/aigraph/source/mini> {\n"
        "  <https://w3id.org/aigraph/person/ada-example> <urn:x:n> 20, 1.5, true, \"version 1.50 of a text\"@en,\n"
        "    \"a tag in lower case\"@sa-latn, \"say \\\"@Hi\\\" once\"@en .\n}\n"
    )
    exports = {store: serialize_dataset(load(mini_root, store=store).dataset, "nq") for store in STORES}
    assert exports["oxigraph"] == exports["memory"]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_the_real_graph_exports_byte_identical_on_both_stores(fmt: str):
    from helpers import ROOT

    assert serialize_dataset(_assembled(ROOT, "oxigraph"), fmt) == serialize_dataset(_assembled(ROOT, "memory"), fmt)


@pytest.mark.parametrize("store", STORES)
def test_the_union_holds_each_triple_once_however_many_graphs_state_it(store: str, tmp_path: Path):
    # Person typed in two sources is one person: the default graph is the RDF merge
    from aigraph.rdf.parse import parse_file

    person, typed = URIRef("https://w3id.org/aigraph/person/ada"), URIRef("https://schema.org/Person")
    dataset = new_dataset(store=store)
    for source in ("urn:x:source-1", "urn:x:source-2"):
        dataset.graph(URIRef(source)).add((person, RDF.type, typed))
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?p a <https://schema.org/Person> }"

    def people() -> int:
        return int(next(iter(run_query(dataset, count)))[0])

    assert people() == 1
    dataset.graph(URIRef("urn:x:source-3")).add((URIRef("https://w3id.org/aigraph/person/bo"), RDF.type, typed))
    assert people() == 2  # a change after a query is seen by the next one
    more = tmp_path / "more.trig"
    more.write_text("<urn:x:source-4> { <https://w3id.org/aigraph/person/cy> a <https://schema.org/Person> . }\n")
    parse_file(dataset, more)
    assert people() == 3
    per_graph = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?p a <https://schema.org/Person> } }"
    assert int(next(iter(run_query(dataset, per_graph)))[0]) == 4  # GRAPH ?g still sees each
