"""Shape forms the SPARQL compiler (aigraph.rdf.shacl) once mishandled; mypy found each.

A property shape that is itself targeted gave a check of ``None`` beside its real
one; a property shape without ``sh:path``, and a ``sh:datatype`` under a path other
than a predicate, crashed the compiler instead of being refused (``Unsupported``),
so that ``engine="auto"`` could not fall back to pySHACL.
"""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph, URIRef

from aigraph.rdf.shacl import Check, Unsupported, compile_shapes
from aigraph.rdf.store import new_store, seal
from aigraph.rdf.validate import check_shapes

EX = "http://example.org/"
PREFIXES = f"""
@prefix ex: <{EX}> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


def _shapes(ttl: str) -> Graph:
    return Graph().parse(data=PREFIXES + ttl, format="turtle")


def _sealed(ttl: str) -> Dataset:
    dataset = Dataset(store=new_store("oxigraph"), default_union=True)
    dataset.graph(URIRef(EX + "g")).parse(data=PREFIXES + ttl, format="turtle")
    seal(dataset)
    return dataset


def _pairs(violations) -> set[tuple[str, str]]:
    return {(v.focus, v.path) for v in violations}


def test_targeted_property_shape_gives_checks_only():
    shapes = _shapes("ex:S sh:targetClass ex:C ; sh:path ex:p ; sh:minCount 1 .")
    checks = compile_shapes(shapes)
    assert checks and all(isinstance(check, Check) for check in checks)
    assert [check.components for check in checks] == [("minCount",)]


def test_targeted_property_shape_validates_as_pyshacl_does():
    shapes = _shapes("ex:S sh:targetClass ex:C ; sh:path ex:p ; sh:minCount 1 .")
    dataset = _sealed("ex:without a ex:C . ex:with a ex:C ; ex:p 1 .")
    conforms, _graph, violations = check_shapes(dataset, shapes, engine="sparql")
    ref_conforms, _ref, reference = check_shapes(dataset, shapes, engine="pyshacl")
    assert not conforms and not ref_conforms
    assert _pairs(violations) == _pairs(reference) == {(f"<{EX}without>", f"<{EX}p>")}


def test_property_shape_without_path_is_refused():
    shapes = _shapes("ex:S sh:targetClass ex:C ; sh:property [ sh:minCount 1 ] .")
    with pytest.raises(Unsupported):
        compile_shapes(shapes)


def test_datatype_under_an_inverse_path_falls_back_to_pyshacl():
    shapes = _shapes(
        "ex:S sh:targetClass ex:C ; "
        "sh:property [ sh:path [ sh:inversePath ex:p ] ; sh:datatype xsd:date ] ."
    )
    dataset = _sealed("ex:x a ex:C . ex:y ex:p ex:x .")  # ex:y, a value of ^ex:p, is no date
    with pytest.raises(Unsupported):
        check_shapes(dataset, shapes, engine="sparql")
    conforms, _graph, violations = check_shapes(dataset, shapes)  # auto: pySHACL
    assert not conforms
    assert {v.focus for v in violations} == {f"<{EX}x>"}
