"""Network categories and the build summary's classes are ontology annotations, not code."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph, Literal
from rdflib.namespace import RDF

from aigraph.build import count_classes, summary_classes
from aigraph.errors import ProjectionError
from aigraph.network.categories import class_kinds
from aigraph.rdf.namespaces import AIG, ONTOLOGY_GRAPH, SCHEMA


@pytest.fixture()
def ontology(dataset: Dataset) -> Graph:
    """A private copy of the real ontology, free to change."""
    copy = Graph()
    for triple in dataset.graph(ONTOLOGY_GRAPH):
        copy.add(triple)
    return copy


def test_the_ontology_gives_each_node_class_its_category(ontology: Graph) -> None:
    kinds = class_kinds(ontology)
    assert kinds[str(AIG.Company)] == kinds[str(AIG.Polity)] == kinds[str(SCHEMA.Person)] == "actor"
    assert kinds[str(AIG.Summit)] == kinds[str(AIG.Session)] == "event"
    assert kinds[str(AIG.Framework)] == "document"  # a subclass of aig:Document
    assert kinds[str(AIG.Principle)] == "principle"
    assert kinds[str(AIG.Statement)] == kinds[str(SCHEMA.Place)] == "other"


def test_a_category_moves_with_its_annotation(ontology: Graph) -> None:
    ontology.remove((SCHEMA.Event, AIG.networkCategory, None))
    ontology.add((SCHEMA.Place, AIG.networkCategory, Literal("event")))
    kinds = class_kinds(ontology)
    assert kinds[str(AIG.Summit)] == "other"
    assert kinds[str(SCHEMA.Place)] == "event"


def test_an_unknown_category_is_refused_by_name(ontology: Graph) -> None:
    ontology.add((SCHEMA.Place, AIG.networkCategory, Literal("venue")))
    with pytest.raises(ProjectionError, match="'venue'.*actor, event, document, principle"):
        class_kinds(ontology)


def test_the_build_summary_counts_what_the_ontology_names_in_its_order(dataset: Dataset) -> None:
    # the summary the build printed when its classes were a table in build.py
    assert list(count_classes(dataset)) == [
        "sources", "summits", "sessions", "people", "countries", "organisations",
        "documents", "principles", "participations", "endorsements", "commitments", "statements",
    ]
    names = dict(summary_classes(dataset.graph(ONTOLOGY_GRAPH)))
    assert set(names["organisations"]) == {
        AIG.InternationalOrganization, AIG.GovernmentBody, AIG.Company, AIG.Foundation,
    }


def test_a_class_annotated_for_the_summary_is_counted(ontology: Graph) -> None:
    ontology.add((AIG.Tracker, AIG.countedAs, Literal("trackers")))
    ontology.add((AIG.Tracker, AIG.countOrder, Literal(13)))
    summary = summary_classes(ontology)
    assert summary[-1] == ("trackers", (AIG.Tracker,))
    data = Dataset(default_union=True)
    for triple in ontology:
        data.graph(ONTOLOGY_GRAPH).add(triple)
    source = data.graph(AIG.example)
    source.add((AIG.a, RDF.type, AIG.Tracker))
    source.add((AIG.b, RDF.type, AIG.Tracker))
    assert count_classes(data)["trackers"] == 2
