"""The SHACL shapes run as SPARQL on Oxigraph (aigraph.rdf.shacl) give pySHACL's report.

Parity on the real data and every fixture project; then the tricky constraints one
by one on small hand-made graphs, each with the violations worked out by hand.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from aigraph import load
from aigraph.rdf.shacl import Unsupported, compile_shapes
from aigraph.rdf.store import new_store, seal
from aigraph.rdf.validate import check_shapes, validate_dataset

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
EX = "http://example.org/"
PREFIXES = f"""
@prefix ex: <{EX}> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""


def _pairs(violations) -> set[tuple[str, str]]:
    return {(v.focus, v.path) for v in violations}


def _both(project_dataset: Dataset, paths):
    reference = validate_dataset(project_dataset, paths=paths, engine="pyshacl")
    report = validate_dataset(project_dataset, paths=paths, engine="sparql")
    assert report.conforms == reference.conforms
    assert _pairs(report.violations) == _pairs(reference.violations)
    return report, reference


def test_real_data_same_report_as_pyshacl():
    project = load(ROOT)
    report, _reference = _both(project.dataset, project.paths)
    assert report.conforms, report.text


@pytest.mark.parametrize("name", ["mini", "ambiguous", "xss", "ingest"])
def test_fixture_projects_same_report_as_pyshacl(tmp_path: Path, name: str):
    root = tmp_path / name
    shutil.copytree(ROOT / "ontology", root / "ontology")
    shutil.copytree(FIXTURES / name / "data", root / "data")
    project = load(root)
    _both(project.dataset, project.paths)


def test_sealed_project_validates_with_sparql_by_default(monkeypatch):
    import aigraph.rdf.validate

    def refuse(*_args):
        raise AssertionError("pySHACL ran on a sealed project")

    monkeypatch.setattr(aigraph.rdf.validate, "_pyshacl", refuse)
    assert load(ROOT).validate().conforms


# --- small graphs: shapes and data side by side


def _check(shapes_ttl: str, data_ttl: str) -> set[tuple[str, str]]:
    """Run both engines on *data_ttl* (one named graph, sealed); return the SPARQL engine's pairs."""
    shapes = Graph().parse(data=PREFIXES + shapes_ttl, format="turtle")
    dataset = Dataset(store=new_store("oxigraph"), default_union=True)
    dataset.graph(URIRef(EX + "g")).parse(data=PREFIXES + data_ttl, format="turtle")
    seal(dataset)
    conforms, _graph, violations = check_shapes(dataset, shapes, engine="sparql")
    ref_conforms, _ref_graph, reference = check_shapes(dataset, shapes, engine="pyshacl")
    assert conforms == ref_conforms == (not violations)
    assert _pairs(violations) == _pairs(reference)
    return _pairs(violations)


def _iri(name: str) -> str:
    return URIRef(EX + name).n3()


LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label").n3()


def test_unique_lang():
    shapes = "ex:S sh:targetClass ex:C ; sh:property [ sh:path rdfs:label ; sh:uniqueLang true ] ."
    data = """
        ex:ok a ex:C ; rdfs:label "A"@en, "가"@ko, "no language" .
        ex:twice a ex:C ; rdfs:label "A"@en, "B"@en, "가"@ko .
    """
    assert _check(shapes, data) == {(_iri("twice"), LABEL)}


def test_xone_counts_exactly_one_branch():
    shapes = """
        ex:S sh:targetClass ex:C ; sh:xone (
            [ sh:property [ sh:path ex:a ; sh:minCount 1 ] ]
            [ sh:property [ sh:path ex:b ; sh:minCount 1 ] ] ) .
    """
    data = """
        ex:onlyA a ex:C ; ex:a 1 .
        ex:onlyB a ex:C ; ex:b 1 .
        ex:both a ex:C ; ex:a 1 ; ex:b 2 .
        ex:neither a ex:C .
    """
    assert _check(shapes, data) == {(_iri("both"), "-"), (_iri("neither"), "-")}


def test_ill_formed_date_is_not_a_date():
    shapes = """
        ex:S sh:targetSubjectsOf ex:when ; sh:property [ sh:path ex:when ;
            sh:or ( [ sh:datatype xsd:date ] [ sh:datatype xsd:gYear ] ) ] .
        ex:T sh:targetSubjectsOf ex:on ; sh:property [ sh:path ex:on ; sh:datatype xsd:date ] .
    """
    data = """
        ex:good ex:when "2024-05-21"^^xsd:date ; ex:on "2024-05-21"^^xsd:date .
        ex:year ex:when "2024"^^xsd:gYear .
        ex:prose ex:when "1 January 2024"^^xsd:date .
        ex:month ex:on "2024-13-01"^^xsd:date .
        ex:plain ex:on "2024-05-21" .
    """
    when, on = _iri("when"), _iri("on")
    assert _check(shapes, data) == {(_iri("prose"), when), (_iri("month"), on), (_iri("plain"), on)}


def test_sparql_constraint_binds_this_and_fills_the_message():
    shapes = """
        ex:S sh:targetClass ex:Page ; sh:sparql [ a sh:SPARQLConstraint ;
            sh:message "address {?value} is not the page itself" ;
            sh:select "SELECT $this ?value WHERE { $this <http://example.org/url> ?value . FILTER (?value != $this) }" ] .
    """
    data = """
        ex:self a ex:Page ; ex:url ex:self .
        ex:other a ex:Page ; ex:url ex:elsewhere .
        ex:notAPage ex:url ex:elsewhere .
    """
    assert _check(shapes, data) == {(_iri("other"), "-")}
    dataset = Dataset(store=new_store("oxigraph"), default_union=True)
    dataset.graph(URIRef(EX + "g")).parse(data=PREFIXES + data, format="turtle")
    seal(dataset)
    _conforms, _graph, violations = check_shapes(dataset, Graph().parse(data=PREFIXES + shapes), engine="sparql")
    assert [v.message for v in violations] == [f"address {_iri('elsewhere')} is not the page itself"
                                                f" (value: {_iri('elsewhere')})"]


def test_class_targets_and_values_follow_subclasses():
    shapes = "ex:S sh:targetClass ex:Agent ; sh:property [ sh:path ex:boss ; sh:class ex:Agent ; sh:maxCount 1 ] ."
    data = """
        ex:Person rdfs:subClassOf ex:Agent . ex:Child rdfs:subClassOf ex:Person .
        ex:kid a ex:Child ; ex:boss ex:mum .
        ex:mum a ex:Person ; ex:boss ex:rock, ex:kid .
        ex:rock a ex:Stone .
    """
    boss = _iri("boss")
    assert _check(shapes, data) == {(_iri("mum"), boss)}  # a stone for a boss, and two bosses


def test_value_constraints_one_by_one():
    shapes = """
        ex:S sh:targetClass ex:C ; sh:property
            [ sh:path ex:lang ; sh:languageIn ( "en" "ko" ) ] ,
            [ sh:path ex:n ; sh:datatype xsd:integer ; sh:minInclusive 0 ] ,
            [ sh:path ex:kind ; sh:in ( ex:a ex:b ) ] ,
            [ sh:path ex:link ; sh:nodeKind sh:IRI ; sh:pattern "^https?://" ] ,
            [ sh:path ex:tag ; sh:hasValue ex:must ] ,
            [ sh:path ex:type ; sh:not [ sh:hasValue ex:Draft ] ] .
    """
    data = """
        ex:fine a ex:C ; ex:lang "x"@en, "y"@ko-KR ; ex:n 0 ; ex:kind ex:a ; ex:link <https://x.org/> ; ex:tag ex:must .
        ex:french a ex:C ; ex:lang "x"@fr ; ex:tag ex:must .
        ex:negative a ex:C ; ex:n -1 ; ex:tag ex:must .
        ex:other a ex:C ; ex:kind ex:c ; ex:tag ex:must .
        ex:ftp a ex:C ; ex:link <ftp://x.org/> ; ex:tag ex:must .
        ex:text a ex:C ; ex:link "https://x.org/" ; ex:tag ex:must .
        ex:untagged a ex:C .
        ex:draft a ex:C ; ex:tag ex:must ; ex:type ex:Draft .
    """
    assert _check(shapes, data) == {
        (_iri("french"), _iri("lang")), (_iri("negative"), _iri("n")), (_iri("other"), _iri("kind")),
        (_iri("ftp"), _iri("link")), (_iri("text"), _iri("link")), (_iri("untagged"), _iri("tag")),
        (_iri("draft"), _iri("type")),
    }


def test_address_pattern_and_time_datatype():
    # As the shapes hold addresses to http(s) IRIs without spaces, quotes or angle brackets.
    shapes = r"""
        ex:S sh:targetSubjectsOf ex:url, ex:at ;
            sh:property [ sh:path ex:url ; sh:pattern "^https?://[^\\s\"<>]+$" ] ,
                        [ sh:path ex:at ; sh:datatype xsd:time ] .
    """
    data = """
        ex:web ex:url <https://example.org/a?b=c> ; ex:at "09:30:00+09:00"^^xsd:time .
        ex:script ex:url <javascript:alert(1)> .
        ex:spaced ex:url "https://example.org/a b" .
        ex:late ex:at "25:61:00"^^xsd:time .
        ex:noon ex:at "noon"^^xsd:time .
    """
    url, at = _iri("url"), _iri("at")
    assert _check(shapes, data) == {(_iri("script"), url), (_iri("spaced"), url), (_iri("late"), at),
                                    (_iri("noon"), at)}


def test_unsupported_shape_falls_back_to_pyshacl_never_passes():
    shapes_ttl = "ex:S sh:targetClass ex:C ; sh:closed true ; sh:property [ sh:path ex:a ] ."
    shapes = Graph().parse(data=PREFIXES + shapes_ttl, format="turtle")
    with pytest.raises(Unsupported):
        compile_shapes(shapes)
    dataset = Dataset(store=new_store("oxigraph"), default_union=True)
    dataset.graph(URIRef(EX + "g")).parse(data=PREFIXES + "ex:x a ex:C ; ex:b 1 .", format="turtle")
    seal(dataset)
    with pytest.raises(Unsupported):
        check_shapes(dataset, shapes, engine="sparql")
    conforms, _graph, violations = check_shapes(dataset, shapes)  # auto: pySHACL for the whole report
    assert not conforms
    assert any(v.focus == _iri("x") for v in violations)  # ex:b is not allowed on a closed shape


def test_sequence_path_is_unsupported():
    shapes = Graph().parse(data=PREFIXES + "ex:S sh:targetClass ex:C ; sh:property [ sh:path ( ex:a ex:b ) ; "
                           "sh:minCount 1 ] .", format="turtle")
    with pytest.raises(Unsupported):
        compile_shapes(shapes)


def test_memory_store_keeps_pyshacl():
    dataset = Dataset(default_union=True)
    with pytest.raises(ValueError, match="Oxigraph"):
        check_shapes(dataset, Graph(), engine="sparql")
    assert check_shapes(dataset, Graph())[0]
