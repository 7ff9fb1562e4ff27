from pathlib import Path

import pytest
from aigraph.project.files import project_paths

from aigraph import load
from aigraph.errors import QueryError
from aigraph.sparql.query import list_queries, parse_query, resolve_query, run_query
from aigraph.sparql.results import Labeller, render_result

PEOPLE = "SELECT ?person ?event WHERE { ?person <https://w3id.org/aigraph/ontology#attended> ?event }"


def test_query_by_name_path_and_text_give_the_same_answer(mini_root: Path):
    ds = load(mini_root).dataset
    by_name = run_query(ds, "people", paths=project_paths(mini_root))
    by_path = run_query(ds, mini_root / "queries" / "people.rq", paths=project_paths(mini_root))
    by_text = run_query(ds, PEOPLE, paths=project_paths(mini_root))
    expected = {("https://w3id.org/aigraph/person/ada-example", "https://w3id.org/aigraph/summit/mini-summit")}
    for result in (by_name, by_path, by_text):
        assert {(str(r.person), str(r.event)) for r in result} == expected


def test_header_gives_the_question_in_both_languages(mini_root: Path):
    [named] = list_queries(project_paths(mini_root))
    assert named.name == "people"
    assert named.question_en == "Who took part in which event?"
    assert named.question_ko == "누가 어떤 행사에 참여했는가?"


def test_unknown_query_name_lists_the_known_ones(mini_root: Path):
    with pytest.raises(QueryError, match=r"unknown query name \(named queries: people\)"):
        resolve_query("nonesuch", paths=project_paths(mini_root))


def test_a_unique_prefix_names_a_query(mini_root: Path):
    (mini_root / "queries" / "people-by-summit.rq").write_text("# en: x?\n# ko: x\nSELECT * WHERE { ?s ?p ?o }")
    assert resolve_query("people-b", paths=project_paths(mini_root))[0] == "people-by-summit"
    assert resolve_query("people", paths=project_paths(mini_root))[0] == "people"  # an exact name wins
    with pytest.raises(QueryError, match="ambiguous query name; it starts: people, people-by-summit"):
        resolve_query("peo", paths=project_paths(mini_root))


def test_malformed_sparql_reports_line_and_column():
    with pytest.raises(QueryError) as info:
        parse_query("SELECT ?s\nWHERE { ?s ?p }", label="q.rq")
    message = str(info.value)
    assert message.startswith("q.rq: line 2, column")
    assert "malformed SPARQL" in message


def test_table_uses_labels_in_the_chosen_language(mini_root: Path):
    ds = load(mini_root).dataset
    en = render_result(run_query(ds, "people", paths=project_paths(mini_root)), labels=ds, lang="en")
    ko = render_result(run_query(ds, "people", paths=project_paths(mini_root)), labels=ds, lang="ko")
    assert "Ada Example" in en and "Mini Summit" in en and "(1 row)" in en
    assert "에이다 예시" in ko and "미니 정상회의" in ko


def test_machine_formats(mini_root: Path):
    import json

    ds = load(mini_root).dataset
    as_json = json.loads(render_result(run_query(ds, "people", paths=project_paths(mini_root)), fmt="json"))
    assert as_json["head"]["vars"] == ["person", "event"]
    [binding] = as_json["results"]["bindings"]
    assert binding["person"] == {"type": "uri", "value": "https://w3id.org/aigraph/person/ada-example"}
    csv = render_result(run_query(ds, "people", paths=project_paths(mini_root)), fmt="csv").splitlines()
    assert csv == ["person,event", "https://w3id.org/aigraph/person/ada-example,https://w3id.org/aigraph/summit/mini-summit"]
    tsv = render_result(run_query(ds, "people", paths=project_paths(mini_root)), fmt="tsv").splitlines()
    assert tsv[0] == "?person\t?event"


def test_construct_renders_turtle(mini_root: Path):
    from rdflib import Graph

    ds = load(mini_root).dataset
    text = render_result(run_query(ds, "CONSTRUCT { ?p a <urn:x:P> } WHERE { ?p a <https://schema.org/Person> }"))
    g = Graph().parse(data=text, format="turtle")
    assert len(g) == 1


def test_labeller_falls_back_to_the_local_name():
    from rdflib import Graph, URIRef

    assert Labeller(Graph(), "ko")(URIRef("https://w3id.org/aigraph/person/x-y")) == "person/x-y"
